//! Speed of the comparison model on a 10,000-firm demo cohort of the feature questionnaire:
//! sorting the rows, building the comparison (grouping, statistics, percentiles, cohort
//! view), filtering, and the statistics alone. `benches/cohort.sh` times the whole commands.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use dmat::compare::stats::{Summary, percentile_ranks};
use dmat::compare::{Column, Comparison, Direction, Filter, ScoredVisit, score_visits};
use dmat::i18n::Lang;
use dmat::store::{LoadedQuestionnaire, Opened, Source};

const FEATURES: &str = include_str!("../tests/fixtures/questionnaires/features.toml");
const FIRMS: usize = 10_000;

fn cohort() -> Vec<ScoredVisit> {
    let q = Arc::new(
        LoadedQuestionnaire::parse(FEATURES, Source::Bundled("features.toml".into()))
            .expect("the feature questionnaire is valid"),
    );
    let files = dmat::demo::cohort(&q.questionnaire, &q.digest, FIRMS, 1);
    let opened = files
        .into_iter()
        .map(|f| Opened {
            path: PathBuf::from(f.name),
            assessment: f.assessment,
            questionnaire: q.clone(),
            warnings: Vec::new(),
        })
        .collect();
    score_visits(opened)
}

fn benches(c: &mut Criterion) {
    let scored = cohort();
    let comparison = Comparison::new(&scored, Lang::En);
    let data = comparison.column("data").expect("a data column");

    let mut g = c.benchmark_group("cohort of 10,000");
    g.sample_size(20);
    for (name, column, direction) in [
        ("sort by overall", Column::Overall, Direction::Descending),
        ("sort by a dimension", data, Direction::Ascending),
        ("sort by firm name", Column::Firm, Direction::Ascending),
    ] {
        g.bench_function(name, |b| {
            let mut cmp = comparison.clone();
            b.iter(|| {
                cmp.sort_by(column, direction);
                black_box(cmp.rows().next().map(|f| f.percentile));
            })
        });
    }
    g.bench_function("build the comparison", |b| {
        b.iter(|| black_box(Comparison::new(&scored, Lang::En).view().firms))
    });
    g.bench_function("filter and recompute", |b| {
        let filter: Filter = "industry=fans,motors".parse().expect("a filter");
        b.iter_batched(
            || comparison.clone(),
            |mut cmp| {
                cmp.filter(filter.clone()).expect("a profile field");
                black_box(cmp.cohort().overall)
            },
            BatchSize::LargeInput,
        )
    });
    let overall: Vec<Option<f64>> = comparison.rows().map(|f| f.latest().overall).collect();
    g.bench_function("summary and percentiles", |b| {
        b.iter(|| {
            black_box(Summary::of(overall.iter().flatten().copied()));
            black_box(percentile_ranks(&overall));
        })
    });
    g.finish();
}

criterion_group!(cohort_benches, benches);
criterion_main!(cohort_benches);
