//! One test per numbered scoring rule of DESIGN.md, with its boundaries, against the feature
//! questionnaire in `tests/fixtures`.

use super::*;
use crate::model::{Assessment, QuestionnaireRef, Response, parse};

pub(crate) const FEATURES: &str = include_str!("../../tests/fixtures/questionnaires/features.toml");

pub(crate) fn features() -> Questionnaire {
    parse::questionnaire(FEATURES)
        .expect("the feature questionnaire is valid")
        .0
}

pub(crate) fn with_unanswered_min() -> Questionnaire {
    let src = FEATURES.replace("unanswered = \"skip\"", "unanswered = \"min\"");
    parse::questionnaire(&src).expect("valid").0
}

fn choice(c: &str) -> Response {
    Response::Choice(c.into())
}

fn choices(cs: &[&str]) -> Response {
    Response::Choices(cs.iter().map(|c| c.to_string()).collect())
}

pub(crate) fn assessment(answers: &[(&str, Response)]) -> Assessment {
    let r = QuestionnaireRef {
        id: "features".into(),
        version: "0.1.0".into(),
        digest: String::new(),
    };
    let mut a = Assessment::new(r, "Test firm", None);
    for (id, resp) in answers {
        a.set_response(id, Some(resp.clone()));
    }
    a
}

fn qscore(q: &Questionnaire, card: &Scorecard, id: &str) -> Option<f64> {
    card.questions[q.position(id).unwrap()].score
}

fn state(q: &Questionnaire, card: &Scorecard, id: &str) -> QuestionState {
    card.questions[q.position(id).unwrap()].state
}

fn dim(q: &Questionnaire, card: &Scorecard, id: &str) -> Option<f64> {
    card.dimensions[q.dimension_index(id).unwrap()].score
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

// Rule 1: question scores.

#[test]
fn rule1_single_scores_the_chosen_options_level() {
    let q = features();
    let c = score(&q, &assessment(&[("has-cnc", choice("yes"))]));
    assert_eq!(qscore(&q, &c, "has-cnc"), Some(3.0));
    let c = score(&q, &assessment(&[("has-cnc", choice("no"))]));
    assert_eq!(qscore(&q, &c, "has-cnc"), Some(2.0));
}

#[test]
fn rule1_multi_max_takes_the_highest_chosen_level() {
    let q = features();
    let c = score(
        &q,
        &assessment(&[("automation", choices(&["plc", "servo"]))]),
    );
    assert_eq!(qscore(&q, &c, "automation"), Some(3.5));
}

#[test]
fn rule1_multi_mean_averages_the_chosen_levels() {
    let q = features();
    let c = score(&q, &assessment(&[("systems", choices(&["erp", "mes"]))]));
    assert!(close(qscore(&q, &c, "systems"), 3.25));
}

#[test]
fn rule1_empty_multi_choice_scores_scale_min() {
    let q = features();
    let c = score(
        &q,
        &assessment(&[("automation", choices(&[])), ("systems", choices(&[]))]),
    );
    assert_eq!(qscore(&q, &c, "automation"), Some(2.0));
    assert_eq!(qscore(&q, &c, "systems"), Some(2.0));
    assert_eq!(state(&q, &c, "automation"), QuestionState::Answered);
}

#[test]
fn rule1_multi_sum_maps_points_through_bands_with_boundaries() {
    let q = features();
    let cases: &[(&[&str], f64)] = &[
        (&[], 2.0),
        (&["counts"], 2.0),
        (&["oee"], 3.0),           // 2 points: exactly on a band's `from`
        (&["counts", "oee"], 3.0), // 3 points
        (&["counts", "oee", "dashboards"], 4.0), // 4 points: exactly on the last band
        (&["counts", "counts", "dashboards"], 3.0), // a repeated option counts once
    ];
    for (chosen, level) in cases {
        let c = score(&q, &assessment(&[("practices", choices(chosen))]));
        assert_eq!(qscore(&q, &c, "practices"), Some(*level), "{chosen:?}");
    }
}

#[test]
fn rule1_number_takes_the_last_band_at_or_below_the_value() {
    let q = features();
    let cases = [
        (0.0, 2.0),
        (29.99, 2.0),
        (30.0, 3.0),
        (69.0, 3.0),
        (70.0, 4.0),
        (100.0, 4.0),
    ];
    for (value, level) in cases {
        let c = score(
            &q,
            &assessment(&[
                ("has-cnc", choice("yes")),
                ("cnc-share", Response::Value(value)),
            ]),
        );
        assert_eq!(qscore(&q, &c, "cnc-share"), Some(level), "value {value}");
    }
}

#[test]
fn rule1_number_below_the_first_band_scores_scale_min() {
    let q = features();
    let c = score(&q, &assessment(&[("training", Response::Value(0.5))]));
    assert_eq!(qscore(&q, &c, "training"), Some(2.0));
    let c = score(&q, &assessment(&[("training", Response::Value(1.0))]));
    assert_eq!(qscore(&q, &c, "training"), Some(2.5));
}

#[test]
fn rule1_number_without_bands_and_text_are_unscored() {
    let q = features();
    let a = assessment(&[
        ("headcount", Response::Value(12.0)),
        ("remarks", Response::Text("ok".into())),
    ]);
    let c = score(&q, &a);
    assert_eq!(qscore(&q, &c, "headcount"), None);
    assert_eq!(qscore(&q, &c, "remarks"), None);
    assert_eq!(state(&q, &c, "headcount"), QuestionState::Answered);
    assert_eq!(dim(&q, &c, "talent"), None);
    assert!(!c.questions[q.position("remarks").unwrap()].scorable);
}

#[test]
fn rule1_not_applicable_is_not_scored() {
    let q = features();
    let c = score(
        &q,
        &assessment(&[
            ("has-cnc", choice("yes")),
            ("cnc-share", Response::NotApplicable),
        ]),
    );
    assert_eq!(state(&q, &c, "cnc-share"), QuestionState::NotApplicable);
    assert_eq!(qscore(&q, &c, "cnc-share"), None);
    assert_eq!(dim(&q, &c, "equipment"), Some(3.0));
}

#[test]
fn rule1_not_applicable_where_not_allowed_counts_as_unanswered() {
    let q = features();
    let c = score(&q, &assessment(&[("has-cnc", Response::NotApplicable)]));
    assert_eq!(state(&q, &c, "has-cnc"), QuestionState::Unfit);
    assert_eq!(c.answered, 0);
}

#[test]
fn rule1_hidden_questions_are_not_scored_even_with_a_kept_answer() {
    let q = features();
    let a = assessment(&[
        ("has-cnc", choice("no")),
        ("cnc-share", Response::Value(90.0)),
    ]);
    let c = score(&q, &a);
    assert_eq!(state(&q, &c, "cnc-share"), QuestionState::Hidden);
    assert_eq!(qscore(&q, &c, "cnc-share"), None);
    assert_eq!(dim(&q, &c, "equipment"), Some(2.0));
}

#[test]
fn rule1_unanswered_skip_leaves_the_mean() {
    let q = features();
    let c = score(&q, &assessment(&[("automation", choices(&["robot"]))]));
    assert_eq!(qscore(&q, &c, "has-cnc"), None);
    assert_eq!(dim(&q, &c, "equipment"), Some(4.0));
}

#[test]
fn rule1_unanswered_min_scores_visible_scorable_questions_at_min() {
    let q = with_unanswered_min();
    let c = score(
        &q,
        &assessment(&[
            ("has-cnc", choice("no")),
            ("automation", choices(&["robot"])),
        ]),
    );
    // cnc-share is hidden, so it stays unscored; text and band-less numbers stay unscored.
    assert_eq!(qscore(&q, &c, "cnc-share"), None);
    assert_eq!(qscore(&q, &c, "remarks"), None);
    assert_eq!(qscore(&q, &c, "headcount"), None);
    assert_eq!(qscore(&q, &c, "systems"), Some(2.0));
    assert!(c.questions[q.position("systems").unwrap()].is_defaulted());
    assert_eq!(dim(&q, &c, "equipment"), Some(3.0));
    // The unanswered questions still count as unanswered for completeness.
    assert_eq!(c.answered, 2);
}

#[test]
fn rule1_unknown_options_count_as_unanswered_and_known_ones_still_score() {
    let q = features();
    let c = score(&q, &assessment(&[("has-cnc", choice("maybe"))]));
    assert_eq!(state(&q, &c, "has-cnc"), QuestionState::Unfit);
    let c = score(
        &q,
        &assessment(&[("automation", choices(&["plc", "laser"]))]),
    );
    assert_eq!(qscore(&q, &c, "automation"), Some(3.0));
    let c = score(&q, &assessment(&[("automation", choices(&["laser"]))]));
    assert_eq!(state(&q, &c, "automation"), QuestionState::Unfit);
    let c = score(&q, &assessment(&[("automation", Response::Value(3.0))]));
    assert_eq!(state(&q, &c, "automation"), QuestionState::Unfit);
}

// Rule 2: dimension scores.

#[test]
fn rule2_dimension_is_the_weighted_mean_of_scored_questions() {
    let q = features();
    let a = assessment(&[
        ("systems", choices(&["erp", "mes"])),
        ("practices", choices(&["oee"])),
    ]);
    let c = score(&q, &a);
    // (1 × 3.25 + 2 × 3.0) / 3
    assert!(close(dim(&q, &c, "data"), 9.25 / 3.0));
}

#[test]
fn rule2_a_dimension_without_scored_questions_has_no_score() {
    let q = features();
    let c = score(&q, &assessment(&[("remarks", Response::Text("x".into()))]));
    assert_eq!(dim(&q, &c, "talent"), None);
    assert_eq!(
        c.dimensions[q.dimension_index("talent").unwrap()].stage,
        None
    );
}

// Rule 3: overall.

#[test]
fn rule3_overall_is_the_weighted_mean_of_dimensions_with_a_score() {
    let q = features();
    let a = assessment(&[
        ("has-cnc", choice("yes")),      // equipment 3.0, weight 2
        ("systems", choices(&["none"])), // data 2.0, weight 1
        ("practices", choices(&[])),     //   (practices 2.0)
        ("energy", choice("online")),    // green 4.0 but weight 0
    ]);
    let mut a = a;
    a.profile
        .insert("industry".into(), toml::Value::String("fans".into()));
    let c = score(&q, &a);
    assert_eq!(dim(&q, &c, "green"), Some(4.0));
    assert!(close(c.overall, (2.0 * 3.0 + 2.0) / 3.0));
}

#[test]
fn rule3_no_dimension_with_a_score_and_positive_weight_means_no_overall() {
    let q = features();
    let mut a = assessment(&[("energy", choice("online"))]);
    a.profile
        .insert("industry".into(), toml::Value::String("motors".into()));
    let c = score(&q, &a);
    assert_eq!(dim(&q, &c, "green"), Some(4.0));
    assert_eq!(c.overall, None);
    assert_eq!(c.stage, None);
    assert_eq!(c.bottleneck, None);
    let c = score(&q, &assessment(&[]));
    assert_eq!(c.overall, None);
}

// Rule 4: stages.

#[test]
fn rule4_a_score_exactly_on_a_stage_start_is_in_that_stage() {
    let q = features();
    let stage = |s: f64| stage_index(&q, s).map(|i| q.scale.stage[i].id.as_str());
    assert_eq!(stage(2.0), Some("2.0"));
    assert_eq!(stage(2.49), Some("2.0"));
    assert_eq!(stage(2.5), Some("2.5"));
    assert_eq!(stage(3.0), Some("3.0"));
    assert_eq!(stage(3.4999), Some("3.0"));
    assert_eq!(stage(4.0), Some("4.0"));
    // A mean meant to be 3.0 lands in 3.0 despite floating-point rounding.
    assert_eq!(stage(3.0 - 1e-12), Some("3.0"));
}

#[test]
fn rule4_overall_stage_follows_the_overall_score() {
    let q = features();
    let c = score(&q, &assessment(&[("has-cnc", choice("yes"))]));
    assert_eq!(c.overall, Some(3.0));
    assert_eq!(q.scale.stage[c.stage.unwrap()].id, "3.0");
}

// Rule 5: bottleneck.

#[test]
fn rule5_bottleneck_is_the_largest_weighted_gap_of_positive_weight() {
    let q = features();
    let mut a = assessment(&[
        ("has-cnc", choice("yes")),     // equipment 3.0 × 2: gap 2.0
        ("systems", choices(&["erp"])), // data 3.0 (with practices 3.0): gap 1.0
        ("practices", choices(&["oee"])),
        ("training", Response::Value(1.0)), // talent 2.5: gap 1.5, the lowest score
        ("energy", choice("bill")),         // green 2.0, weight 0: never the bottleneck
    ]);
    a.profile
        .insert("industry".into(), toml::Value::String("fans".into()));
    let c = score(&q, &a);
    assert_eq!(q.dimension[c.bottleneck.unwrap()].id, "equipment");
    // With robots, equipment's gap falls below talent's 1.5.
    a.set_response("automation", Some(choices(&["robot"])));
    let c = score(&q, &a);
    let equipment = dim(&q, &c, "equipment").unwrap();
    assert!((4.0 - equipment) * 2.0 < 1.5, "{equipment}");
    assert_eq!(q.dimension[c.bottleneck.unwrap()].id, "talent");
}

#[test]
fn rule5_ties_go_to_the_first_dimension_in_file_order() {
    let q = features();
    let a = assessment(&[
        ("has-cnc", choice("no")),
        ("systems", choices(&["none"])),
        ("training", Response::Value(0.0)),
    ]);
    let c = score(&q, &a);
    assert_eq!(dim(&q, &c, "equipment"), Some(2.0));
    assert_eq!(dim(&q, &c, "data"), Some(2.0));
    assert_eq!(q.dimension[c.bottleneck.unwrap()].id, "equipment");
}

#[test]
fn rule5_dimensions_without_a_score_are_not_the_bottleneck() {
    let q = features();
    let c = score(&q, &assessment(&[("has-cnc", choice("yes"))]));
    assert_eq!(q.dimension[c.bottleneck.unwrap()].id, "equipment");
}

// Rule 6: completeness.

#[test]
fn rule6_completeness_counts_answers_and_na_over_visible_scorable_questions() {
    let q = features();
    // Visible scorable: has-cnc, cnc-share (visible after yes), automation, systems,
    // practices, training = 6 (mes-link hidden, energy hidden without a fan/motor profile,
    // headcount and remarks unscorable).
    let a = assessment(&[
        ("has-cnc", choice("yes")),
        ("cnc-share", Response::NotApplicable),
        ("remarks", Response::Text("x".into())),
    ]);
    let c = score(&q, &a);
    assert_eq!((c.answered, c.visible), (2, 6));
    assert!((c.completeness() - 2.0 / 6.0).abs() < 1e-12);
    let d = &c.dimensions[q.dimension_index("equipment").unwrap()];
    assert_eq!((d.answered, d.visible), (2, 3));
}

#[test]
fn rule6_hiding_a_question_removes_it_from_completeness() {
    let q = features();
    let c = score(&q, &assessment(&[("has-cnc", choice("no"))]));
    assert_eq!(c.visible, 5);
    let c = score(&q, &assessment(&[("systems", choices(&["mes", "erp"]))]));
    assert_eq!(state(&q, &c, "mes-link"), QuestionState::Unanswered);
    assert_eq!(c.visible, 6);
}

// Rule 7: two decimals.

#[test]
fn rule7_scores_round_to_two_decimals() {
    assert_eq!(round2(9.25 / 3.0), 3.08);
    assert_eq!(round2(2.0 + 2.0 / 3.0), 2.67);
    assert_eq!(format!("{:.2}", round2(3.0)), "3.00");
}

// Rules 2: gates and provisional results (rule 4), the weighted bottleneck (rule 5),
// exclusive options (rule 12), against the policy questionnaire.

pub(crate) const POLICY: &str = include_str!("../../tests/fixtures/questionnaires/policy.toml");

pub(crate) fn policy() -> Questionnaire {
    policy_with(|s| s.to_string())
}

/// The policy questionnaire changed by `edit` (one of its lines replaced, say).
pub(crate) fn policy_with(edit: impl Fn(&str) -> String) -> Questionnaire {
    parse::questionnaire(&edit(POLICY))
        .expect("the policy questionnaire is valid")
        .0
}

/// An assessment of the policy questionnaire.
pub(crate) fn policy_firm(answers: &[(&str, Response)]) -> Assessment {
    let mut a = assessment(answers);
    a.questionnaire.id = "policy".into();
    a
}

/// A weak firm: every dimension below 2.5 (see the plan's tests for its plan).
pub(crate) fn weak() -> Vec<(&'static str, Response)> {
    vec![
        ("cnc", choice("none")),
        ("automation", choice("islands")),
        ("erp", choice("paper")),
        ("tools", choices(&["cad-2d"])),
        ("inspection", choice("visual")),
        ("scrap", Response::Value(6.0)),
        ("backup", choice("none")),
    ]
}

/// A strong firm held back by its systems: equipment 3.75, systems 2.25, quality 4.0,
/// security 3.0; overall 3.34.
pub(crate) fn held() -> Vec<(&'static str, Response)> {
    vec![
        ("cnc", choice("most")),
        ("automation", choice("lines")),
        ("erp", choice("paper")),
        ("tools", choices(&["cad-2d"])),
        ("inspection", choice("online")),
        ("scrap", Response::Value(1.0)),
        ("backup", choice("offline")),
    ]
}

/// A firm whose projection would fall: the ERP recommendation applies to an unanswered ERP
/// question and raises it to 3.5, while the design tools alone score 4.0 — by rule 10,
/// systems would fall from 4.0 to 3.75 in the short term.
pub(crate) fn falling() -> (Questionnaire, Assessment) {
    let q = policy_with(|s| {
        s.replace(
            "when = { question = \"erp\", below = 3.0 }",
            "when = { question = \"erp\", answered = false }",
        )
    });
    let mut answers = weak();
    answers.retain(|(id, _)| *id != "erp");
    answers[2] = ("tools", choices(&["plm"]));
    (q, policy_firm(&answers))
}

fn ids(q: &Questionnaire, dims: &[usize]) -> Vec<String> {
    dims.iter().map(|&i| q.dimension[i].id.clone()).collect()
}

fn stage_id(q: &Questionnaire, i: Option<usize>) -> Option<&str> {
    i.map(|i| q.scale.stage[i].id.as_str())
}

#[test]
fn rule4_a_gate_holds_a_firm_in_the_stage_below() {
    let q = policy();
    let c = score(&q, &policy_firm(&held()));
    assert!(close(c.overall, 13.375 / 4.0));
    assert_eq!(stage_id(&q, c.stage), Some("2.5"), "3.34 but systems 2.25");
    assert_eq!(stage_id(&q, c.held_at), Some("3.0"));
    assert_eq!(ids(&q, &c.held_by), ["systems"]);
    assert!(!c.provisional);
}

#[test]
fn rule4_a_firm_that_passes_the_gate_reaches_the_stage() {
    let q = policy();
    let mut answers = held();
    answers[2] = ("erp", choice("erp")); // systems (3.5 + 2.5) / 2 = 3.0
    let c = score(&q, &policy_firm(&answers));
    assert_eq!(stage_id(&q, c.stage), Some("3.5"));
    assert_eq!(c.held_at, None);
    assert!(c.held_by.is_empty());
}

#[test]
fn rule4_a_score_exactly_on_the_gate_passes_it() {
    let q = policy_with(|s| s.replace("systems = 2.75 }", "systems = 2.25 }"));
    let c = score(&q, &policy_firm(&held()));
    assert!(close(c.dimensions[1].score, 2.25));
    assert_eq!(stage_id(&q, c.stage), Some("3.0"));
    assert!(c.held_by.is_empty());
}

#[test]
fn rule4_a_firm_below_the_next_stage_is_not_held() {
    let q = policy();
    let c = score(&q, &policy_firm(&weak()));
    assert_eq!(stage_id(&q, c.stage), Some("2.0"));
    assert_eq!(
        c.held_at, None,
        "systems fails the gate of 3.0, but 2.16 is not 3.0"
    );
    assert!(c.held_by.is_empty());
}

#[test]
fn rule4_a_dimension_without_a_score_fails_the_gate() {
    let q = policy();
    let answers: Vec<_> = held()
        .into_iter()
        .filter(|(id, _)| !matches!(*id, "erp" | "tools"))
        .collect();
    let c = score(&q, &policy_firm(&answers));
    assert_eq!(c.dimensions[1].score, None);
    assert!(!lt(c.overall.unwrap(), 3.0));
    assert_eq!(ids(&q, &c.held_by), ["systems"]);
    assert_eq!(stage_id(&q, c.stage), Some("2.5"));
}

#[test]
fn rule4_held_by_lists_the_failed_dimensions_in_file_order() {
    // The gate names quality before systems; the file has systems first.
    let q = policy_with(|s| {
        s.replace(
            "requires = { equipment = 2.75, systems = 2.75 }",
            "requires = { quality = 2.75, systems = 2.75 }",
        )
    });
    let mut answers = held();
    answers[2] = ("erp", choice("excel")); // systems 2.5
    answers[4] = ("inspection", choice("visual")); // quality (2.0 + 3.0) / 2 = 2.5
    answers[5] = ("scrap", Response::Value(3.0));
    let c = score(&q, &policy_firm(&answers));
    assert!(close(c.overall, 12.125 / 4.0));
    assert_eq!(ids(&q, &c.held_by), ["systems", "quality"]);
}

#[test]
fn rule4_below_the_minimum_completeness_the_result_is_provisional() {
    let q = policy();
    // 3 of 7 answered: 0.43 < 0.5.
    let c = score(&q, &policy_firm(&held()[..3]));
    assert!(c.provisional);
    assert!(c.overall.is_some(), "scores are still shown");
    assert_eq!(c.stage, None);
    assert!(c.held_by.is_empty() && c.held_at.is_none());
    // 4 of 7: 0.57, no longer provisional; and exactly on the minimum is enough.
    assert!(!score(&q, &policy_firm(&held()[..4])).provisional);
    let q = policy_with(|s| {
        s.replace(
            "min_completeness = 0.5",
            "min_completeness = 0.5714285714285714",
        )
    });
    assert!(!score(&q, &policy_firm(&held()[..4])).provisional);
}

#[test]
fn rule4_without_min_completeness_no_result_is_provisional() {
    let q = features();
    let c = score(&q, &assessment(&[("has-cnc", choice("yes"))]));
    assert!(c.completeness() < 0.2);
    assert!(!c.provisional);
    assert!(c.stage.is_some());
}

#[test]
fn rule5_the_bottleneck_is_the_largest_weighted_gap() {
    let q = policy();
    // equipment (4 − 2.25) × 1.5 = 2.625 beats security (4 − 2.0) × 0.5 = 1.0 and quality 2.0,
    // although security and quality score lower.
    let c = score(&q, &policy_firm(&weak()));
    assert_eq!(q.dimension[c.bottleneck.unwrap()].id, "equipment");
}

#[test]
fn rule5_a_held_firms_bottleneck_is_among_the_dimensions_holding_it() {
    let q = policy_with(|s| s.replace("weight = 0.5", "weight = 1.0"));
    let mut answers = held();
    answers[2] = ("erp", choice("excel")); // systems 2.5: gap 1.5
    answers[6] = ("backup", choice("none")); // security 2.0: gap 2.0, the largest
    let c = score(&q, &policy_firm(&answers));
    assert_eq!(ids(&q, &c.held_by), ["systems"]);
    assert_eq!(q.dimension[c.bottleneck.unwrap()].id, "systems");
    // Not held (no gate), the largest gap wins.
    let q = policy_with(|s| {
        s.replace("weight = 0.5", "weight = 1.0")
            .replace("requires = { equipment = 2.75, systems = 2.75 }\n", "")
    });
    let c = score(&q, &policy_firm(&answers));
    assert_eq!(q.dimension[c.bottleneck.unwrap()].id, "security");
}

#[test]
fn rule5_a_held_dimension_without_a_score_counts_as_the_minimum() {
    let q = policy();
    let answers: Vec<_> = held()
        .into_iter()
        .filter(|(id, _)| !matches!(*id, "erp" | "tools"))
        .collect();
    let c = score(&q, &policy_firm(&answers));
    assert_eq!(q.dimension[c.bottleneck.unwrap()].id, "systems");
}

#[test]
fn rule12_an_exclusive_option_with_another_does_not_fit() {
    let q = policy();
    let c = score(&q, &policy_firm(&[("tools", choices(&["none", "cad-3d"]))]));
    assert_eq!(state(&q, &c, "tools"), QuestionState::Unfit);
    assert_eq!(qscore(&q, &c, "tools"), None);
    let c = score(&q, &policy_firm(&[("tools", choices(&["none"]))]));
    assert_eq!(state(&q, &c, "tools"), QuestionState::Answered);
    assert_eq!(qscore(&q, &c, "tools"), Some(2.0));
    // An unknown option beside an exclusive one is not another option.
    let c = score(&q, &policy_firm(&[("tools", choices(&["none", "gone"]))]));
    assert_eq!(qscore(&q, &c, "tools"), Some(2.0));
    let c = score(
        &q,
        &policy_firm(&[("tools", choices(&["cad-2d", "cad-3d"]))]),
    );
    assert_eq!(qscore(&q, &c, "tools"), Some(3.0));
}
