//! Speed of the comparison on a 10,000-firm demo cohort of the feature questionnaire: the
//! model (sorting the rows, building the comparison with its statistics, percentiles and
//! cohort view, filtering, the statistics alone) and the comparison screen (a frame of each
//! view drawn at 140×40 into a `TestBackend`, and sorting with the screen's `o` key). Targets:
//! sorting under 50 ms, a frame well under 16 ms. `benches/cohort.sh` times whole commands.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use dmat::compare::stats::{Summary, percentile_ranks};
use dmat::compare::{Column, Comparison, Direction, Filter, ScoredVisit, score_visits};
use dmat::i18n::Lang;
use dmat::store::{Catalog, LoadedQuestionnaire, Opened, Source, Workspace};
use dmat::tui::screens::compare::View;
use dmat::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

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

fn key(app: &mut App, code: KeyCode) {
    app.feed(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn screen_benches(c: &mut Criterion) {
    let scored = cohort();
    let comparison = Comparison::new(&scored, Lang::Zh);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut app = App::comparison(
        comparison,
        scored,
        None,
        Workspace::new(dir.path()),
        Catalog::default(),
        Lang::Zh,
        Theme::colored(),
    );
    let mut terminal = Terminal::new(TestBackend::new(140, 40)).expect("a test terminal");
    // Half-way down the table, so that drawing skips to the rows shown.
    for _ in 0..5_000 {
        key(&mut app, KeyCode::Down);
    }

    let mut g = c.benchmark_group("comparison screen, 10,000 firms");
    g.sample_size(30);
    for (name, view) in [
        ("draw the firms table 140x40", View::Firms),
        ("draw the re-visits 140x40", View::Progress),
        ("draw the cohort view 140x40", View::Cohort),
    ] {
        if let Some(s) = app.compare.as_mut() {
            s.view = view;
        }
        g.bench_function(name, |b| {
            b.iter(|| {
                terminal
                    .draw(|f| black_box(&app).draw(f))
                    .expect("drawing into a TestBackend cannot fail");
            })
        });
    }
    if let Some(s) = app.compare.as_mut() {
        s.view = View::Firms;
    }
    // The data dimension's column; each o sorts by it the other way round.
    let at = app
        .compare
        .as_ref()
        .and_then(|s| {
            let data = s.comparison.column("data")?;
            s.columns().iter().position(|&c| c == data)
        })
        .expect("a data column");
    while app.compare.as_ref().is_some_and(|s| s.column < at) {
        key(&mut app, KeyCode::Right);
    }
    g.bench_function("sort with o", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char('o'));
            black_box(app.compare.as_ref().map(|s| s.cursor));
        })
    });
    g.bench_function("sort with o and draw the frame", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char('o'));
            terminal
                .draw(|f| black_box(&app).draw(f))
                .expect("drawing into a TestBackend cannot fail");
        })
    });
    g.finish();
}

criterion_group!(cohort_benches, benches, screen_benches);
criterion_main!(cohort_benches);
