//! Evaluating one assessment (scores, advice, plan, projections, verdict), loading +
//! evaluating the 10,000-firm demo cohort from disk, as `dmat score DIR` does, and generating
//! the demo itself (the cohort other benchmarks use, and a district's folder).

use criterion::{Criterion, criterion_group, criterion_main};
use dmat::demo::cohort;
use dmat::evaluation::evaluate;
use dmat::model::{QuestionKind, Questionnaire, Raise, RaiseTo};
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

/// The questionnaire with every recommendation that raises nothing raising the first choice
/// question of its dimension to its best option: projections as costly as content can make
/// them (three more scorings per firm).
fn with_raises(q: &Questionnaire) -> Questionnaire {
    let mut q = q.clone();
    let best: Vec<Option<Raise>> = q
        .recommendation
        .iter()
        .map(|r| {
            let d = q.dimension_index(r.dimension.as_deref()?)?;
            let question = q.dimension[d]
                .question
                .iter()
                .find(|x| x.kind == QuestionKind::Single && x.when.is_none())?;
            let top = question
                .options
                .iter()
                .max_by(|a, b| a.level.unwrap_or(0.0).total_cmp(&b.level.unwrap_or(0.0)))?;
            Some(Raise {
                question: question.id.clone(),
                to: RaiseTo::Choice(top.id.clone()),
            })
        })
        .collect();
    for (r, raise) in q.recommendation.iter_mut().zip(best) {
        if r.raises.is_empty() {
            r.raises.extend(raise);
        }
    }
    q
}

fn one_assessment(c: &mut Criterion) {
    let (_, loaded) = bundled();
    let q = &loaded.questionnaire;
    let firm = cohort(q, &loaded.digest, 1, 42).remove(0).assessment;
    c.bench_function("evaluate one assessment", |b| {
        b.iter(|| evaluate(q, &firm).applicable.len())
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
    // As `dmat score DIR` does: every file loaded and evaluated on every core.
    let run = |catalog: &Catalog| {
        files
            .par_iter()
            .filter_map(|p| open_assessment(p, catalog).ok())
            .map(|o| {
                evaluate(&o.questionnaire.questionnaire, &o.assessment)
                    .applicable
                    .len()
            })
            .sum::<usize>()
    };
    group.bench_function("load + evaluate 10,000 files", |b| b.iter(|| run(&catalog)));
    let mut raising = Catalog::bundled();
    let mut planned = (*loaded).clone();
    planned.questionnaire = with_raises(&loaded.questionnaire);
    raising.fix(planned);
    group.bench_function(
        "load + evaluate 10,000 files, every recommendation raising an answer",
        |b| b.iter(|| run(&raising)),
    );
    group.finish();
}

/// Generating the demo in memory: 10,000 visits of one questionnaire (what the other
/// benchmarks set up), and a district's folder of 10,000 firms (quick scans, full visits of
/// the firms the verdict sends on, follow-ups with their plan decisions).
fn demo_generation(c: &mut Criterion) {
    let catalog = Catalog::bundled();
    let full = catalog.resolve("smart-manufacturing").expect("bundled");
    let scan = catalog.resolve("quick-scan").expect("bundled");
    let mut group = c.benchmark_group("demo");
    group.sample_size(10);
    group.bench_function("10,000 visits of one questionnaire", |b| {
        b.iter(|| cohort(&full.questionnaire, &full.digest, FIRMS, 1).len())
    });
    group.bench_function("a district's folder of 10,000 firms", |b| {
        b.iter(|| dmat::demo::folder((&*scan).into(), (&*full).into(), FIRMS, 1).len())
    });
    group.finish();
}

criterion_group!(benches, one_assessment, cohort_from_disk, demo_generation);
criterion_main!(benches);
