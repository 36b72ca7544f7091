//! Validating one assessment that carries 40,000 orphaned answers (answers to questions the
//! questionnaire no longer has) and 20,000 unknown profile keys, as `dmat validate FILE` does:
//! read, parse, check against the questionnaire and place every warning at its line and
//! column. Time must grow with the file, not with its square.

use criterion::{Criterion, criterion_group, criterion_main};
use dmat::store::{Catalog, open_assessment};

const ORPHANS: usize = 40_000;
const UNKNOWN_PROFILE_KEYS: usize = 20_000;

/// An assessment of the bundled questionnaire (at `version`) with `orphans` answers it does
/// not know and `profile_keys` profile fields it does not have.
fn orphaned(version: &str, orphans: usize, profile_keys: usize) -> String {
    let mut s = format!(
        "schema = 1\n\n[questionnaire]\nid = \"smart-manufacturing\"\nversion = \"{version}\"\n\n[firm]\nname = \"淄博某风机有限公司\"\n\n[profile]\n",
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
    let version = catalog
        .resolve("smart-manufacturing")
        .expect("the bundled questionnaire loads")
        .questionnaire
        .version
        .clone();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut group = c.benchmark_group("validate");
    group.sample_size(10);
    for (name, orphans, keys) in [
        ("40,000 orphaned answers", ORPHANS, 0),
        ("20,000 unknown profile keys", 0, UNKNOWN_PROFILE_KEYS),
    ] {
        let path = dir.path().join(format!("{orphans}-{keys}.toml"));
        std::fs::write(&path, orphaned(&version, orphans, keys)).expect("the file is written");
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
