//! The comparison model on the fixture cohort of `tests/fixtures/cohort` (five firms, one of
//! them visited twice), against values computed by hand from the feature questionnaire.
//!
//! Latest visits: A 淄博华泰 2.89 · B =HYPERLINK 2.00 · C Zibo Motors 3.35 · D 周村 2.83
//! (first visit 2.50) · E Boshan 3.04.

use std::path::PathBuf;
use std::sync::Arc;

use super::*;
use crate::i18n::Lang;
use crate::model::parse;
use crate::store::{LoadedQuestionnaire, Opened, Source};

const FEATURES: &str = include_str!("../../tests/fixtures/questionnaires/features.toml");

const COHORT: [(&str, &str); 6] = [
    (
        "a-huatai.toml",
        include_str!("../../tests/fixtures/cohort/a-huatai.toml"),
    ),
    (
        "b-formula.toml",
        include_str!("../../tests/fixtures/cohort/b-formula.toml"),
    ),
    (
        "c-motors.toml",
        include_str!("../../tests/fixtures/cohort/c-motors.toml"),
    ),
    (
        "d-zhoucun-2024.toml",
        include_str!("../../tests/fixtures/cohort/d-zhoucun-2024.toml"),
    ),
    (
        "d-zhoucun-2025.toml",
        include_str!("../../tests/fixtures/cohort/d-zhoucun-2025.toml"),
    ),
    (
        "e-boshan.toml",
        include_str!("../../tests/fixtures/cohort/e-boshan.toml"),
    ),
];

fn questionnaire(src: &str) -> Arc<LoadedQuestionnaire> {
    Arc::new(LoadedQuestionnaire::parse(src, Source::Bundled("test".into())).unwrap())
}

fn opened(name: &str, src: &str, q: &Arc<LoadedQuestionnaire>) -> Opened {
    Opened {
        path: PathBuf::from(name),
        assessment: parse::assessment(src).unwrap().0,
        questionnaire: q.clone(),
        warnings: Vec::new(),
    }
}

fn cohort() -> Vec<ScoredVisit> {
    let q = questionnaire(FEATURES);
    score_visits(COHORT.iter().map(|(n, s)| opened(n, s, &q)).collect())
}

fn comparison() -> Comparison {
    Comparison::new(&cohort(), Lang::En)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn dim(c: &Comparison, id: &str) -> usize {
    c.dimensions().iter().position(|d| d.id == id).unwrap()
}

fn names(c: &Comparison) -> Vec<&str> {
    c.rows().map(|f| f.name()).collect()
}

#[test]
fn scoring_in_parallel_keeps_the_order_of_the_files() {
    let scored = cohort();
    let files: Vec<_> = scored.iter().map(|s| s.path.to_str().unwrap()).collect();
    let want: Vec<_> = COHORT.iter().map(|(n, _)| *n).collect();
    assert_eq!(files, want);
    assert_eq!(scored[0].fired.len(), 5);
}

#[test]
fn a_revisited_firm_is_one_row_with_its_latest_visit() {
    let c = comparison();
    assert_eq!(c.rows().len(), 5);
    let d = c.rows().find(|f| f.name() == "周村机械厂").unwrap();
    assert_eq!(d.visits.len(), 2);
    assert_eq!(d.latest().date.as_deref(), Some("2025-09-15"));
    assert_eq!(d.latest().overall, Some(2.83));
    assert_eq!(d.visits[0].overall, Some(2.5));
}

#[test]
fn progression_gives_the_change_per_dimension_since_the_previous_visit() {
    let c = comparison();
    let revisited: Vec<&FirmRow> = c.progressions().collect();
    assert_eq!(revisited.len(), 1);
    let d = revisited[0];
    assert_eq!(d.change(0), None);
    let ch = d.change(1).unwrap();
    // 2.50 → 2.83; equipment 2.50 → 3.00; data 2.00 → 2.33; talent 3.00 → 3.00; green none.
    assert_eq!(ch.overall, Some(0.33));
    assert_eq!(ch.dimensions[dim(&c, "equipment")], Some(0.5));
    assert_eq!(ch.dimensions[dim(&c, "data")], Some(0.33));
    assert_eq!(ch.dimensions[dim(&c, "talent")], Some(0.0));
    assert_eq!(ch.dimensions[dim(&c, "green")], None);
}

#[test]
fn visits_are_ordered_by_date_whatever_the_file_order() {
    let q = questionnaire(FEATURES);
    let mut files: Vec<Opened> = COHORT.iter().map(|(n, s)| opened(n, s, &q)).collect();
    files.reverse();
    let c = Comparison::new(&score_visits(files), Lang::En);
    let d = c.progressions().next().unwrap();
    assert_eq!(d.visits[0].date.as_deref(), Some("2024-10-01"));
    assert_eq!(d.latest().date.as_deref(), Some("2025-09-15"));
}

#[test]
fn firm_names_match_across_runs_of_spaces() {
    let q = questionnaire(FEATURES);
    let mut a = opened(COHORT[3].0, COHORT[3].1, &q);
    a.assessment.firm.name = "  周村 机械厂".into();
    let mut b = opened(COHORT[4].0, COHORT[4].1, &q);
    b.assessment.firm.name = "周村\u{3000}机械厂 ".into();
    let c = Comparison::new(&score_visits(vec![a, b]), Lang::En);
    assert_eq!(c.rows().len(), 1);
}

#[test]
fn cohort_row_by_hand() {
    let c = comparison();
    let o = c.cohort().overall.unwrap();
    // 2.00 2.83 2.89 3.04 3.35: mean 14.11 / 5; h = 1, 2, 3 land on values.
    assert_eq!(o.n, 5);
    assert!(close(o.mean, 14.11 / 5.0));
    assert!(close(o.min, 2.0) && close(o.max, 3.35));
    assert!(close(o.q1, 2.83) && close(o.median, 2.89) && close(o.q3, 3.04));
    // Talent: 2.00 2.50 3.00 3.50 (C has none): Q1 = 2.0 + 0.75·0.5, Q3 = 3.0 + 0.25·0.5.
    let t = c.cohort().dimensions[dim(&c, "talent")].unwrap();
    assert_eq!(t.n, 4);
    assert!(close(t.mean, 2.75));
    assert!(close(t.q1, 2.375) && close(t.median, 2.75) && close(t.q3, 3.125));
    // Data: 2.00 2.33 3.00 3.06 3.56.
    let d = c.cohort().dimensions[dim(&c, "data")].unwrap();
    assert!(close(d.mean, 13.95 / 5.0));
    assert!(close(d.q1, 2.33) && close(d.median, 3.0) && close(d.q3, 3.06));
    // Green (weight 0, still a column): 2 3 4 → Q1 = 2.5, Q3 = 3.5.
    let g = c.cohort().dimensions[dim(&c, "green")].unwrap();
    assert!(close(g.q1, 2.5) && close(g.median, 3.0) && close(g.q3, 3.5));
}

#[test]
fn percentile_is_the_share_of_other_firms_with_a_lower_overall() {
    let c = comparison();
    let p: Vec<(&str, Option<f64>)> = c.rows().map(|f| (f.name(), f.percentile)).collect();
    assert_eq!(
        p,
        vec![
            ("Zibo Motors Co., Ltd.", Some(100.0)),
            ("Boshan Fans", Some(75.0)),
            ("淄博华泰风机有限公司", Some(50.0)),
            ("周村机械厂", Some(25.0)),
            ("=HYPERLINK(\"http://example.com\",\"x\")", Some(0.0)),
        ]
    );
}

#[test]
fn cohort_view_counts_stages_bottlenecks_recommendations_and_support() {
    let c = comparison();
    let v = c.view();
    assert_eq!(v.firms, 5);
    let stages: Vec<(&str, usize)> = c
        .stages()
        .iter()
        .map(|s| s.id.as_str())
        .zip(v.stages.iter().copied())
        .collect();
    assert_eq!(
        stages,
        vec![("2.0", 1), ("2.5", 2), ("3.0", 2), ("3.5", 0), ("4.0", 0)]
    );
    assert_eq!(v.unscored, 0);
    let bottlenecks: Vec<(&str, usize)> = v
        .bottlenecks
        .iter()
        .map(|&(d, n)| (c.dimensions()[d].id.as_str(), n))
        .collect();
    // Equipment weighs 2: its weighted gap is the largest for every firm (rule 5).
    assert_eq!(bottlenecks, vec![("equipment", 5)]);
    let recs: Vec<(&str, usize, usize, usize)> = v
        .recommendations
        .iter()
        .map(|&(r, n)| {
            (
                c.recommendations()[r].id.as_str(),
                n.applies,
                n.planned,
                n.later,
            )
        })
        .collect();
    // Every recommendation that applies is planned here: no firm has more than its plan holds.
    assert_eq!(
        recs,
        vec![
            ("ask-remarks", 3, 3, 0),
            ("big-firm", 3, 3, 0),
            ("energy-na", 3, 3, 0),
            ("data-basics", 2, 2, 0),
            ("link-mes", 2, 2, 0),
            ("fans-chain", 2, 2, 0),
            ("small-firm", 2, 2, 0),
            ("talent-gap", 2, 2, 0),
            ("automation-next", 2, 2, 0),
            ("cnc-upgrade", 1, 1, 0),
            ("overall-low", 1, 1, 0),
            ("combo", 1, 1, 0),
        ]
    );
    let supports: Vec<(&str, usize, usize)> = v
        .supports
        .iter()
        .map(|(s, n)| (s.as_str(), n.applies, n.planned))
        .collect();
    assert_eq!(
        supports,
        vec![
            ("Supply–demand matchmaking", 2, 2),
            ("Professional-title green channel", 2, 2),
            ("Technical-upgrade loan", 1, 1),
        ]
    );
    assert!(close(v.share(2), 0.4));
}

#[test]
fn sorting_by_a_dimension_puts_missing_scores_last_in_either_direction() {
    let mut c = comparison();
    let talent = Column::Dimension(dim(&c, "talent"));
    c.sort_by(talent, Direction::Descending);
    assert_eq!(
        names(&c),
        vec![
            "Boshan Fans",
            "周村机械厂",
            "淄博华泰风机有限公司",
            "=HYPERLINK(\"http://example.com\",\"x\")",
            "Zibo Motors Co., Ltd.",
        ]
    );
    c.sort_by(talent, Direction::Ascending);
    assert_eq!(names(&c)[0], "=HYPERLINK(\"http://example.com\",\"x\")");
    assert_eq!(names(&c)[4], "Zibo Motors Co., Ltd.");
}

#[test]
fn sorting_ties_fall_back_to_the_firm_name() {
    let mut c = comparison();
    // Stages: B 2.0; A, D 2.5; C, E 3.0.
    c.sort_by(Column::Stage, Direction::Ascending);
    assert_eq!(
        names(&c),
        vec![
            "=HYPERLINK(\"http://example.com\",\"x\")",
            "周村机械厂",
            "淄博华泰风机有限公司",
            "Boshan Fans",
            "Zibo Motors Co., Ltd.",
        ]
    );
    c.sort_by(Column::Firm, Direction::Ascending);
    assert_eq!(names(&c)[0], "=HYPERLINK(\"http://example.com\",\"x\")");
    assert_eq!(c.sort(), (Column::Firm, Direction::Ascending));
}

#[test]
fn filters_choose_the_firms_and_the_cohort_follows() {
    let mut c = comparison();
    c.filter("industry=fans".parse().unwrap()).unwrap();
    assert_eq!(names(&c), vec!["Boshan Fans", "淄博华泰风机有限公司"]);
    // Two firms: each has one other; the higher ranks 100.
    let p: Vec<Option<f64>> = c.rows().map(|f| f.percentile).collect();
    assert_eq!(p, vec![Some(100.0), Some(0.0)]);
    assert!(close(c.cohort().overall.unwrap().mean, (3.04 + 2.89) / 2.0));
    assert_eq!(c.view().firms, 2);
    // Firms filtered out have no percentile.
    assert!(
        c.all_firms()
            .iter()
            .filter(|f| f.name() == "Zibo Motors Co., Ltd.")
            .all(|f| f.percentile.is_none())
    );
    c.clear_filters();
    assert_eq!(c.rows().len(), 5);
}

#[test]
fn filters_on_numbers_columns_and_several_values() {
    let mut c = comparison();
    c.filter("employees<50".parse().unwrap()).unwrap();
    assert_eq!(c.rows().len(), 2);
    c.clear_filters();
    c.filter("employees>=60".parse().unwrap()).unwrap();
    assert_eq!(c.rows().len(), 3);
    c.clear_filters();
    c.filter("industry=fans,motors".parse().unwrap()).unwrap();
    c.filter("data>=3".parse().unwrap()).unwrap();
    let mut got = names(&c);
    got.sort();
    assert_eq!(
        got,
        vec![
            "Boshan Fans",
            "Zibo Motors Co., Ltd.",
            "淄博华泰风机有限公司"
        ]
    );
    c.clear_filters();
    c.filter("bottleneck=equipment".parse().unwrap()).unwrap();
    assert_eq!(c.rows().len(), 5);
    c.clear_filters();
    c.filter("bottleneck=talent".parse().unwrap()).unwrap();
    assert_eq!(c.rows().len(), 0);
    c.clear_filters();
    c.filter("stage=2.5".parse().unwrap()).unwrap();
    assert_eq!(c.rows().len(), 2);
    c.clear_filters();
    c.filter("status=in_progress".parse().unwrap()).unwrap();
    assert_eq!(names(&c), vec!["Zibo Motors Co., Ltd."]);
}

#[test]
fn bad_filters_are_refused_with_a_reason() {
    let mut c = comparison();
    let e = c.filter("colour=red".parse().unwrap()).unwrap_err();
    let en = e.text(Lang::En);
    assert!(en.contains("`colour`") && en.contains("industry"), "{en}");
    let zh = e.text(Lang::Zh);
    assert!(
        zh.contains("无法按 `colour` 筛选") && zh.contains("industry"),
        "{zh}"
    );
    let e = c.filter("stage<3".parse().unwrap()).unwrap_err();
    assert_eq!(e, FilterError::ByValue("stage".into()));
    assert!(e.text(Lang::En).contains("by value"), "{e:?}");
    assert!(e.text(Lang::Zh).contains("按值比较"), "{e:?}");
    assert_eq!(
        "industry".parse::<Filter>(),
        Err(FilterError::NotAFilter("industry".into()))
    );
    assert!("employees<many".parse::<Filter>().is_err());
    assert!("=fans".parse::<Filter>().is_err());
    assert_eq!(
        "employees>=50".parse::<Filter>().unwrap(),
        Filter {
            field: "employees".into(),
            test: Test::AtLeast(50.0)
        }
    );
    assert_eq!(c.rows().len(), 5, "a refused filter changes nothing");
}

#[test]
fn columns_are_found_by_id() {
    let c = comparison();
    assert_eq!(c.column("overall"), Some(Column::Overall));
    assert_eq!(c.column("data"), Some(Column::Dimension(dim(&c, "data"))));
    assert_eq!(c.column("nonsense"), None);
    let ids: Vec<&str> = c.columns().iter().map(|&k| c.column_id(k)).collect();
    assert_eq!(
        ids,
        vec![
            "firm",
            "date",
            "overall",
            "stage",
            "bottleneck",
            "equipment",
            "data",
            "talent",
            "green",
            "percentile",
            "visits"
        ]
    );
}

#[test]
fn another_version_of_the_questionnaire_adds_its_dimensions_and_warns() {
    let v1 = questionnaire(FEATURES);
    let src = FEATURES.replace("version = \"0.1.0\"", "version = \"0.2.0\"")
        + "\n[[dimension]]\nid = \"safety\"\ntitle = \"Safety\"\n\n[[dimension.question]]\nid = \"guards\"\nkind = \"single\"\ntext = \"Guards?\"\noptions = [{ id = \"no\", level = 2.0, text = \"No\" }, { id = \"yes\", level = 4.0, text = \"Yes\" }]\n";
    let v2 = questionnaire(&src);
    let mut e = opened(COHORT[5].0, COHORT[5].1, &v2);
    e.assessment
        .set_response("guards", Some(crate::model::Response::Choice("yes".into())));
    let files = vec![opened(COHORT[0].0, COHORT[0].1, &v1), e];
    let c = Comparison::new(&score_visits(files), Lang::En);
    assert_eq!(
        c.mixed(),
        &Mixed::Versions(vec!["0.1.0".into(), "0.2.0".into()])
    );
    let safety = dim(&c, "safety");
    assert_eq!(c.shown_dimensions().len(), 5);
    let scores: Vec<Option<f64>> = c
        .rows()
        .map(|f| f.latest().dimensions.get(safety))
        .collect();
    assert_eq!(scores, vec![Some(4.0), None]);
}

#[test]
fn different_questionnaires_are_never_mixed_the_others_are_counted_apart() {
    let q = questionnaire(FEATURES);
    let other = questionnaire(&FEATURES.replace("id = \"features\"", "id = \"other\""));
    let files = vec![
        opened(COHORT[0].0, COHORT[0].1, &q),
        opened(COHORT[5].0, COHORT[5].1, &other),
        opened(COHORT[2].0, COHORT[2].1, &q),
    ];
    let mut c = Comparison::new(&score_visits(files), Lang::En);
    assert_eq!(
        c.mixed(),
        &Mixed::Questionnaires(vec!["features".into(), "other".into()])
    );
    // The questionnaire most firms follow is shown, with all its dimensions; the other
    // firm is counted apart and in no statistic.
    assert_eq!(c.focus(), Some("features"));
    assert_eq!(c.apart(), &[("other".to_string(), 1)]);
    assert_eq!(c.rows().len(), 2);
    assert!(c.rows().all(|f| f.questionnaire == "features"));
    assert_eq!(c.shown_dimensions().len(), 4);
    assert!(c.column("data").is_some());
    assert!(!c.columns().contains(&Column::Questionnaire));
    let p: Vec<Option<f64>> = c.rows().map(|f| f.percentile).collect();
    assert_eq!(p, vec![Some(100.0), Some(0.0)]);
    assert_eq!(c.cohort().overall.as_ref().unwrap().n, 2);
    // The questionnaire is a filter like any field; filtering first chooses what is shown.
    let values = c.filter_values("questionnaire").unwrap();
    let counts: Vec<(&str, usize)> = values.iter().map(|v| (v.value.as_str(), v.firms)).collect();
    assert_eq!(counts, vec![("features", 2), ("other", 1)]);
    c.filter("questionnaire=other".parse().unwrap()).unwrap();
    assert_eq!(c.focus(), Some("other"));
    assert!(c.apart().is_empty());
    assert_eq!(c.rows().len(), 1);
    assert_eq!(c.view().bottlenecks.len(), 1);
    // Each questionnaire on its own.
    let c = Comparison::new(
        &score_visits(vec![
            opened(COHORT[0].0, COHORT[0].1, &q),
            opened(COHORT[5].0, COHORT[5].1, &other),
        ]),
        Lang::En,
    );
    let other_only = c.of_questionnaire("other");
    assert_eq!(other_only.rows().len(), 1);
    assert_eq!(other_only.rows().next().unwrap().questionnaire, "other");
}

#[test]
fn a_cohort_of_one_has_no_percentile_and_flat_quartiles() {
    let q = questionnaire(FEATURES);
    let c = Comparison::new(
        &score_visits(vec![opened(COHORT[0].0, COHORT[0].1, &q)]),
        Lang::En,
    );
    assert_eq!(c.rows().next().unwrap().percentile, None);
    let o = c.cohort().overall.unwrap();
    assert!(close(o.q1, 2.89) && close(o.q3, 2.89));
}

#[test]
fn labels_follow_the_language() {
    let c = Comparison::new(&cohort(), Lang::Zh);
    assert_eq!(c.dimensions()[dim(&c, "data")].title, "数据与系统");
    assert_eq!(c.stages()[0].label, "工业2.0");
}

#[test]
fn a_support_naming_several_instruments_counts_each_firm_once_per_instrument() {
    let src = FEATURES
        .replace(
            "support = { zh = \"技改贷\", en = \"Technical-upgrade loan\" }",
            "support = { zh = \"技改贷\", en = \"Technical-upgrade loan; Supply–demand matchmaking\" }",
        )
        .replace(
            "en = \"Professional-title green channel\" }",
            "en = \"Professional-title green channel; Technical-upgrade loan\" }",
        );
    assert_ne!(src, FEATURES);
    let q = questionnaire(&src);
    let files = COHORT.iter().map(|(n, s)| opened(n, s, &q)).collect();
    let c = Comparison::new(&score_visits(files), Lang::En);
    let supports: Vec<(&str, usize)> = c
        .view()
        .supports
        .iter()
        .map(|(s, n)| (s.as_str(), n.applies))
        .collect();
    // Loan: B (cnc-upgrade and talent-gap, counted once) and A (talent-gap).
    // Matchmaking: A and E (fans-chain) and B (cnc-upgrade).
    assert_eq!(
        supports,
        vec![
            ("Supply–demand matchmaking", 3),
            ("Technical-upgrade loan", 2),
            ("Professional-title green channel", 2),
        ]
    );
}

#[test]
fn filter_values_list_what_firms_have_with_counts_past_the_other_filters() {
    let mut c = comparison();
    let industry = |c: &Comparison| -> Vec<(String, String, usize)> {
        c.filter_values("industry")
            .unwrap()
            .into_iter()
            .map(|v| (v.value, v.label, v.firms))
            .collect()
    };
    // Options in questionnaire order with their labels; each firm once, with its latest visit.
    let fans = ("fans".to_string(), "Fans".to_string(), 2);
    let motors = ("motors".to_string(), "Motors".to_string(), 2);
    let other = ("other".to_string(), "Other".to_string(), 1);
    assert_eq!(industry(&c), vec![fans.clone(), motors.clone(), other]);
    // A filter on another field narrows the counts; one on the field itself does not.
    c.filter("employees>=60".parse().unwrap()).unwrap();
    let narrowed = industry(&c);
    assert_eq!(narrowed.iter().map(|v| v.2).sum::<usize>(), 3);
    c.set_filter("industry", Some("industry=fans".parse().unwrap()))
        .unwrap();
    assert_eq!(industry(&c), narrowed);
    // Numbers in numeric order; stages and bottlenecks with their labels.
    let employees: Vec<String> = c
        .filter_values("employees")
        .unwrap()
        .into_iter()
        .map(|v| v.value)
        .collect();
    let mut sorted = employees.clone();
    sorted.sort_by(|a, b| a.parse::<f64>().unwrap().total_cmp(&b.parse().unwrap()));
    assert_eq!(employees, sorted);
    c.clear_filters();
    let stages = c.filter_values("stage").unwrap();
    assert_eq!(stages.iter().map(|v| v.firms).sum::<usize>(), 5);
    assert!(stages.iter().all(|v| v.label.starts_with("Industry")));
    let bottlenecks = c.filter_values("bottleneck").unwrap();
    let equipment = bottlenecks.iter().find(|v| v.value == "equipment").unwrap();
    assert_eq!(
        (equipment.label.as_str(), equipment.firms),
        ("Equipment and automation", 5)
    );
    assert!(c.filter_values("colour").is_err());
}

#[test]
fn set_filter_replaces_the_filters_on_one_field() {
    let mut c = comparison();
    c.filter("industry=fans".parse().unwrap()).unwrap();
    c.filter("employees>=60".parse().unwrap()).unwrap();
    let fans_big = c.rows().len();
    c.set_filter("industry", Some("industry=fans,motors".parse().unwrap()))
        .unwrap();
    assert!(c.rows().len() > fans_big);
    assert_eq!(c.filters().count(), 2);
    c.set_filter("industry", None).unwrap();
    assert_eq!(
        c.filters().map(|f| f.to_string()).collect::<Vec<_>>(),
        vec!["employees>=60"]
    );
    assert_eq!(c.rows().len(), 3);
    assert!(
        c.set_filter("industry", Some("employees<5".parse().unwrap()))
            .is_err()
    );
    assert!(
        c.set_filter("colour", Some("colour=red".parse().unwrap()))
            .is_err()
    );
    assert_eq!(c.filters().count(), 1, "a refused filter changes nothing");
}

#[test]
fn a_score_falls_in_the_stage_of_the_largest_from_at_or_below_it() {
    let c = comparison();
    let id = |x: f64| c.stage_of(x).map(|s| c.stages()[s].id.as_str());
    assert_eq!(id(2.0), Some("2.0"));
    assert_eq!(id(2.49), Some("2.0"));
    assert_eq!(id(2.5), Some("2.5"));
    assert_eq!(id(4.0), Some("4.0"));
    assert_eq!(id(1.5), None);
    assert_eq!(Column::Firm.natural_direction(), Direction::Ascending);
    assert_eq!(Column::Overall.natural_direction(), Direction::Descending);
    assert_eq!(Direction::Ascending.reversed(), Direction::Descending);
}

#[test]
fn comparing_again_after_rescoring_keeps_every_filter_and_the_sort() {
    let scored = cohort();
    let mut c = Comparison::new(&scored, Lang::En);
    c.filter("employees>=60".parse().unwrap()).unwrap();
    c.filter("industry=fans,motors".parse().unwrap()).unwrap();
    let firm = c.column("firm").unwrap();
    c.sort_by(firm, Direction::Ascending);
    let again = c.rescored(&scored);
    assert_eq!(
        again.filters().collect::<Vec<_>>(),
        c.filters().collect::<Vec<_>>()
    );
    assert_eq!(again.sort(), (firm, Direction::Ascending));
    assert_eq!(names(&again), names(&c));
    assert!(names(&c).len() < Comparison::new(&scored, Lang::En).rows().len());
}

/// The cohort with a questionnaire that needs 80% answered for a stage: Zibo Motors (3.35, 75%
/// answered) is provisional.
fn with_a_provisional_firm() -> Comparison {
    let strict = FEATURES.replace(
        "unanswered = \"skip\"\n",
        "unanswered = \"skip\"\nmin_completeness = 0.8\n",
    );
    let q = questionnaire(&strict);
    let files = COHORT.iter().map(|(n, s)| opened(n, s, &q)).collect();
    Comparison::new(&score_visits(files), Lang::En)
}

#[test]
fn a_provisional_firm_is_not_ranked_and_shows_as_provisional_everywhere() {
    let c = with_a_provisional_firm();
    let motors = c
        .rows()
        .find(|f| f.name() == "Zibo Motors Co., Ltd.")
        .unwrap();
    assert!(motors.latest().provisional);
    assert_eq!(motors.latest().overall, Some(3.35));
    // Not ranked: no percentile, and the others are ranked among themselves (E 3.04 above
    // A 2.89, D 2.83 and B 2.00).
    assert_eq!(motors.percentile, None);
    let p = |name: &str| c.rows().find(|f| f.name() == name).unwrap().percentile;
    assert_eq!(p("Boshan Fans"), Some(100.0));
    assert_eq!(p("周村机械厂").map(|x| x.floor()), Some(33.0));
    // Nor in the statistics.
    let overall = c.cohort().overall.as_ref().unwrap();
    assert_eq!(overall.n, 4);
    assert!(close(overall.max, 3.04));
    // The cohort view counts it as provisional, apart from firms without a score.
    assert_eq!(c.view().provisional, 1);
    assert_eq!(c.view().unscored, 0);
    assert_eq!(c.view().stages.iter().sum::<usize>(), 4);
    // The table says so where its stage would be; the cohort's stage chart gives it a row.
    let md = render(&c, &[Section::Firms, Section::Cohort], Style::Markdown);
    let row = md.lines().find(|l| l.contains("Zibo Motors")).unwrap();
    assert!(row.contains("| provisional |"), "{row}");
    assert!(
        md.contains("| – | provisional (too little answered; not ranked) |"),
        "{md}"
    );
    assert!(md.contains("not ranked (no percentile) and not in the mean and quartiles"));
}

#[test]
fn the_filter_picker_counts_the_firms_the_filter_shows() {
    let q = questionnaire(FEATURES);
    let other = questionnaire(&FEATURES.replace("id = \"features\"", "id = \"other\""));
    // A and E make fans firms, C motors; E follows another questionnaire.
    let files = vec![
        opened(COHORT[0].0, COHORT[0].1, &q),
        opened(COHORT[5].0, COHORT[5].1, &other),
        opened(COHORT[2].0, COHORT[2].1, &q),
    ];
    let c = Comparison::new(&score_visits(files), Lang::En);
    let values = c.filter_values("industry").unwrap();
    assert!(!values.is_empty());
    for v in values {
        let mut applied = c.clone();
        let filter = format!("industry={}", v.value).parse().unwrap();
        applied.set_filter("industry", Some(filter)).unwrap();
        assert_eq!(v.firms, applied.rows().len(), "{}", v.value);
    }
}

#[test]
fn the_cohort_tables_show_verdicts_by_title_and_give_their_ids_to_data_only() {
    let with_verdict = format!(
        "{FEATURES}\n[[verdict]]\nid = \"every-firm\"\ntitle = \"Join the district's course\"\ntext = \"All firms.\"\n"
    );
    let q = questionnaire(&with_verdict);
    let files = COHORT.iter().map(|(n, s)| opened(n, s, &q)).collect();
    let c = Comparison::new(&score_visits(files), Lang::En);
    for style in [Style::Markdown, Style::Text] {
        let text = render(&c, &[Section::Cohort], style);
        assert!(text.contains("Join the district's course"), "{text}");
        assert!(!text.contains("every-firm"), "{text}");
    }
    let (header, rows) = crate::export::table::csv_part(c.part(Section::Cohort));
    assert!(header.iter().any(|h| h == "id"));
    let rows: Vec<String> = rows
        .map(|r| r.iter().map(|f| format!("{f:?}")).collect())
        .collect();
    assert!(rows.iter().any(|r| r.contains("every-firm")));
}

#[test]
fn scores_kept_in_hundredths_come_back_exactly_as_rounded() {
    use crate::compare::model::Scores;
    use crate::score::round2;
    let raw = [
        Some(2.224999),
        Some(3.0),
        None,
        Some(0.005),
        Some(4.999),
        Some(1.0 / 3.0),
    ];
    let rounded: Vec<Option<f64>> = raw.iter().map(|x| x.map(round2)).collect();
    let s = Scores::of(rounded.clone());
    assert!(matches!(s, Scores::Hundredths(_)));
    assert_eq!(s.len(), rounded.len());
    for (i, x) in rounded.iter().enumerate() {
        assert_eq!(s.get(i).map(f64::to_bits), x.map(f64::to_bits), "{i}");
    }
    assert_eq!(s.get(rounded.len()), None);
    // What hundredths cannot hold exactly is kept as it is.
    for odd in [1e12, -0.0, f64::NAN, 0.125] {
        let s = Scores::of([Some(odd), None]);
        assert!(matches!(s, Scores::Exact(_)), "{odd}");
        assert_eq!(s.get(0).map(f64::to_bits), Some(odd.to_bits()));
        assert_eq!(s.get(1), None);
    }
}
