//! Scoring one assessment, and loading + scoring + advising the 10,000-firm demo cohort from
//! disk, as `dmat score DIR` does.

use criterion::{Criterion, criterion_group, criterion_main};
use dmat::advise::advise;
use dmat::demo::cohort;
use dmat::score::score;
use dmat::store::{Catalog, open_assessment};
use rayon::prelude::*;

const FIRMS: usize = 10_000;

fn bundled() -> (Catalog, std::sync::Arc<dmat::store::LoadedQuestionnaire>) {
    let catalog = Catalog::bundled();
    let q = catalog
        .resolve("smart-manufacturing")
        .expect("the bundled questionnaire loads");
    (catalog, q)
}

fn one_assessment(c: &mut Criterion) {
    let (_, loaded) = bundled();
    let q = &loaded.questionnaire;
    let firm = cohort(q, &loaded.digest, 1, 42).remove(0).assessment;
    c.bench_function("score + advise one assessment", |b| {
        b.iter(|| {
            let card = score(q, &firm);
            advise(q, &firm, &card).len()
        })
    });
}

fn cohort_from_disk(c: &mut Criterion) {
    let (catalog, loaded) = bundled();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let files: Vec<_> = cohort(&loaded.questionnaire, &loaded.digest, FIRMS, 1)
        .into_iter()
        .map(|f| {
            let path = dir.path().join(&f.name);
            let text = f
                .assessment
                .to_toml()
                .expect("the demo assessment serialises");
            std::fs::write(&path, text).expect("the demo file is written");
            path
        })
        .collect();
    let mut group = c.benchmark_group("cohort");
    group.sample_size(10);
    group.bench_function("load + score + advise 10,000 files", |b| {
        // As `dmat score DIR` does: every file loaded, scored and advised on every core.
        b.iter(|| {
            files
                .par_iter()
                .filter_map(|p| open_assessment(p, &catalog).ok())
                .map(|o| {
                    let q = &o.questionnaire.questionnaire;
                    let card = score(q, &o.assessment);
                    advise(q, &o.assessment, &card).len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, one_assessment, cohort_from_disk);
criterion_main!(benches);
