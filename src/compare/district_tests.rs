//! The comparison on the hand-made district cohort of `tests/fixtures/district` (the
//! questionnaire `tests/fixtures/questionnaires/district.toml`: one action per horizon), with
//! plans, decisions and follow-ups, against counts made by hand.
//!
//! Firms, latest visit first (overall, stage, verdict; plan short/medium/long, later):
//! - Alpha: a-t1 3.25 3.0 ready; –/–/training. Its first visit a-t0 (2.00; register, cnc,
//!   erp, later peers, training) agreed register (done, support granted), erp (done, support
//!   applied) and its own own-1 (done), declined cnc. Same code; a-t1 names a-t0 previous.
//! - Beta: b-t1 2.75 2.5 foundations; erp/peers/training. b-t0 (2.25) agreed register (done,
//!   support applied) and erp (not started). Other names; b-t1 names b-t0 previous.
//! - Gamma: g-t1 2.75 2.5 foundations; register/cnc/peers, later training. g-t0 the same.
//!   "Gamma Works" and "GammaWorks": one name without white space. Nothing agreed.
//! - Delta: d, nothing answered: provisional, no stage, no verdict, no plan.
//! - Epsilon twice with different codes, so two firms: e1 3.75 3.5 ready, no plan; e2 3.25
//!   3.0 ready; –/–/training.

use std::path::PathBuf;
use std::sync::Arc;

use super::view::Counts;
use super::*;
use crate::i18n::Lang;
use crate::model::parse;
use crate::store::{LoadedQuestionnaire, Opened, Source};

const DISTRICT: &str = include_str!("../../tests/fixtures/questionnaires/district.toml");

macro_rules! visits {
    ($($name:literal),*) => {
        [$(($name, include_str!(concat!("../../tests/fixtures/district/", $name)))),*]
    };
}

const FILES: [(&str, &str); 9] = visits!(
    "a-t0.toml",
    "a-t1.toml",
    "b-t0.toml",
    "b-t1.toml",
    "d.toml",
    "e1.toml",
    "e2.toml",
    "g-t0.toml",
    "g-t1.toml"
);

pub(super) fn district(lang: Lang) -> Comparison {
    comparison_of(&FILES, lang)
}

/// The comparison of the files (name, text) on the district questionnaire.
fn comparison_of(files: &[(&str, &str)], lang: Lang) -> Comparison {
    let q = Arc::new(LoadedQuestionnaire::parse(DISTRICT, Source::Bundled("d".into())).unwrap());
    let opened = files
        .iter()
        .map(|(name, src)| Opened {
            path: PathBuf::from(name),
            assessment: parse::assessment(src).unwrap().0,
            questionnaire: q.clone(),
            warnings: Vec::new(),
        })
        .collect();
    Comparison::new(&score_visits(opened), lang)
}

fn counts(a: [usize; 6]) -> Counts {
    let [applies, planned, later, agreed, done, supported] = a;
    Counts {
        applies,
        planned,
        later,
        agreed,
        done,
        supported,
    }
}

#[test]
fn visits_are_firms_by_code_by_name_without_white_space_and_by_previous() {
    let c = district(Lang::En);
    let mut firms: Vec<Vec<String>> = c
        .rows()
        .map(|f| {
            f.visits
                .iter()
                .map(|v| v.file.display().to_string())
                .collect()
        })
        .collect();
    firms.sort();
    assert_eq!(
        firms,
        [
            vec!["a-t0.toml", "a-t1.toml"],
            vec!["b-t0.toml", "b-t1.toml"],
            vec!["d.toml"],
            vec!["e1.toml"],
            vec!["e2.toml"],
            vec!["g-t0.toml", "g-t1.toml"],
        ]
    );
}

#[test]
fn the_cohort_view_counts_firms_by_verdict() {
    let c = district(Lang::En);
    let v = c.view();
    let verdicts: Vec<(&str, usize)> = c
        .verdicts()
        .iter()
        .map(|x| x.id.as_str())
        .zip(v.verdicts.iter().copied())
        .collect();
    assert_eq!(verdicts, [("ready", 3), ("foundations", 2)]);
    assert_eq!(v.no_verdict, 1, "Delta is provisional");
    assert_eq!(v.stages, [0, 2, 2, 1]);
    // Delta has a score, so it is counted as provisional, not as a firm without one.
    assert_eq!(v.provisional, 1);
    assert_eq!(v.unscored, 0);
}

#[test]
fn recommendations_count_planned_actions_with_the_later_ones_apart() {
    let c = district(Lang::En);
    let recs: Vec<(&str, Counts)> = c
        .view()
        .recommendations
        .iter()
        .map(|(r, n)| (c.recommendations()[*r].id.as_str(), *n))
        .collect();
    // [applies, planned, later, agreed, done, supported]
    assert_eq!(
        recs,
        [
            // Alpha, Beta and e2 plan it; Gamma leaves it for later.
            ("training", counts([4, 3, 1, 0, 0, 0])),
            ("peers", counts([2, 2, 0, 0, 0, 0])),
            // Planned by Gamma; agreed and done by Alpha and Beta, who no longer need it;
            // Alpha got the support.
            ("register", counts([1, 1, 0, 2, 2, 1])),
            // Declined by Alpha: agreed by none.
            ("cnc", counts([1, 1, 0, 0, 0, 0])),
            // Agreed by Alpha and Beta, done by Alpha only; support applied for, not granted.
            ("erp", counts([1, 1, 0, 2, 1, 0])),
        ]
    );
}

#[test]
fn support_instruments_count_each_firm_once_however_many_actions_name_them() {
    let c = district(Lang::En);
    let supports: Vec<(&str, Counts)> = c
        .view()
        .supports
        .iter()
        .map(|(s, n)| (s.as_str(), *n))
        .collect();
    assert_eq!(
        supports,
        [
            // register, cnc and training: Alpha, Beta, Gamma, e2; Gamma's training is later.
            ("Upgrade loan", counts([4, 4, 1, 2, 2, 1])),
            ("Equipment grant", counts([1, 1, 0, 2, 2, 1])),
            ("Digital vouchers", counts([1, 1, 0, 2, 1, 0])),
        ]
    );
}

#[test]
fn the_firms_table_carries_the_verdict_and_the_projection() {
    let c = district(Lang::En);
    let t = c.firms_table();
    let ids: Vec<&str> = t.columns.iter().map(|c| c.id.as_str()).collect();
    let at = |id: &str| ids.iter().position(|x| *x == id).unwrap();
    let (verdict, overall, stage) = (
        at("verdict"),
        at("projected_overall"),
        at("projected_stage"),
    );
    assert!(at("systems") < verdict && verdict < at("percentile"));
    let firm = at("firm");
    let rows: Vec<_> = t.rows.filter(|r| !r.summary).collect();
    let row = |name: &str| {
        rows.iter()
            .find(|r| r.cells[firm] == crate::table::Cell::text(name))
            .unwrap()
    };
    let b = row("Beta Tool Works");
    assert!(matches!(&b.cells[verdict], crate::table::Cell::Key(n) if n.id == "foundations"));
    assert_eq!(b.cells[overall], crate::table::Cell::score(Some(3.25)));
    assert!(matches!(&b.cells[stage], crate::table::Cell::Label(n) if n.id == "3.0"));
    let d = row("Delta");
    assert_eq!(d.cells[overall], crate::table::Cell::score(None));
    assert!(matches!(&d.cells[verdict], crate::table::Cell::Label(n) if n.id.is_empty()));
}

#[test]
fn re_visited_firms_move_from_t0_to_t1_by_stage() {
    let c = district(Lang::En);
    let r = &c.view().record;
    assert_eq!(r.revisited, 3);
    // Stages 2.0 2.5 3.0 3.5, then none. Alpha 2.0 → 3.0, Beta 2.0 → 2.5, Gamma 2.5 → 2.5.
    let mut moves = vec![vec![0; 5]; 5];
    moves[0][2] = 1;
    moves[0][1] = 1;
    moves[1][1] = 1;
    assert_eq!(r.moves, moves);
}

#[test]
fn the_change_of_firms_that_did_what_they_agreed_against_those_that_did_not() {
    use super::record::{Change, Group};
    let c = district(Lang::En);
    let changes = &c.view().record.changes;
    let change = |firms, median: f64| Change {
        firms,
        scored: firms,
        median: Some(median),
        mean: Some(median),
    };
    // Alpha +1.25 (all three agreed actions done), Beta +0.50 (erp not started), Gamma 0.00
    // (nothing agreed); the median of the three is +0.50, the mean 0.58.
    assert_eq!(changes[0].0, Group::All);
    assert_eq!(changes[0].1.median, Some(0.5));
    assert!((changes[0].1.mean.unwrap() - 1.75 / 3.0).abs() < 1e-9);
    assert_eq!(changes[1], (Group::AllDone, change(1, 1.25)));
    assert_eq!(changes[2], (Group::NotAllDone, change(1, 0.5)));
    assert_eq!(changes[3], (Group::NoneAgreed, change(1, 0.0)));
}

#[test]
fn visits_and_firms_per_assessor() {
    let c = district(Lang::En);
    let a: Vec<(Option<&str>, usize, usize)> = c
        .view()
        .record
        .assessors
        .iter()
        .map(|(w, v, f)| (w.as_deref(), *v, *f))
        .collect();
    // Wang Li: a-t0, b-t0, b-t1, e1, e2 (Alpha, Beta, both Epsilons); Zhao Min: a-t1, g-t0,
    // g-t1 (Alpha, Gamma); Delta's visit records none.
    assert_eq!(
        a,
        [
            (Some("Wang Li"), 5, 4),
            (Some("Zhao Min"), 3, 2),
            (None, 1, 1)
        ]
    );
}

#[test]
fn the_record_tables_show_on_every_output() {
    let c = district(Lang::Zh);
    let tables = c.cohort_tables();
    let kinds: Vec<&str> = tables.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            "stage",
            "verdict",
            "bottleneck",
            "recommendation",
            "support",
            "move",
            "change",
            "assessor"
        ]
    );
    let text = crate::table::text::render(
        c.document(&[Section::Cohort]),
        crate::table::text::Style::Text,
    );
    for needle in ["T0 阶段", "→ 3.0", "同意的行动全部完成", "+1.25", "Wang Li"] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
}

#[test]
fn a_follow_up_on_the_day_of_its_previous_visit_is_the_latest_whatever_its_file_name() {
    let b0 = FILES[2].1;
    let b1 = FILES[3]
        .1
        .replace("date = 2026-04-01", "date = 2025-04-01")
        .replace("previous = \"b-t0.toml\"", "previous = \"b.toml\"");
    // `b-2.toml` sorts before `b.toml`, so the file names alone would put the follow-up first.
    let c = comparison_of(&[("b-2.toml", b1.as_str()), ("b.toml", b0)], Lang::En);
    let firms: Vec<Vec<String>> = c
        .rows()
        .map(|f| {
            f.visits
                .iter()
                .map(|v| v.file.display().to_string())
                .collect()
        })
        .collect();
    assert_eq!(firms, [vec!["b.toml", "b-2.toml"]]);
    let latest = c.rows().next().unwrap().latest();
    assert_eq!(*latest.file, *std::path::Path::new("b-2.toml"));
}
