//! Validating one assessment that carries 40,000 orphaned answers (answers to questions the
//! questionnaire no longer has) and 20,000 unknown profile keys, as `dmat validate FILE` does:
//! read, parse, check against the questionnaire and place every warning at its line and
//! column. Time must grow with the file, not with its square.

use criterion::{Criterion, criterion_group, criterion_main};
use dmat::store::{Catalog, open_assessment};

const ORPHANS: usize = 40_000;
const UNKNOWN_PROFILE_KEYS: usize = 20_000;

/// An assessment of the bundled questionnaire with `orphans` answers it does not know.
fn orphaned(orphans: usize, profile_keys: usize) -> String {
    let mut s = String::from(
        "schema = 1\n\n[questionnaire]\nid = \"smart-manufacturing\"\nversion = \"1.0.0\"\n\n[firm]\nname = \"淄博某风机有限公司\"\n\n[profile]\n",
    );
    for i in 0..profile_keys {
        s.push_str(&format!("old-field-{i} = {i}\n"));
    }
    for i in 0..orphans {
        s.push_str(&format!(
            "\n[answers.retired-question-{i}]\nchoice = \"some\"\nnote = \"seen on site\"\n"
        ));
    }
    s
}

fn validate_orphans(c: &mut Criterion) {
    let catalog = Catalog::bundled();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut group = c.benchmark_group("validate");
    group.sample_size(10);
    for (name, orphans, keys) in [
        ("40,000 orphaned answers", ORPHANS, 0),
        ("20,000 unknown profile keys", 0, UNKNOWN_PROFILE_KEYS),
    ] {
        let path = dir.path().join(format!("{orphans}-{keys}.toml"));
        std::fs::write(&path, orphaned(orphans, keys)).expect("the file is written");
        group.bench_function(name, |b| {
            b.iter(|| {
                let opened = open_assessment(&path, &catalog).expect("the file opens");
                assert_eq!(opened.warnings.len(), orphans + keys);
                opened.warning_lines().len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, validate_orphans);
criterion_main!(benches);
