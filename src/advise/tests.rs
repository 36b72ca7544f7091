//! Each condition form of DESIGN.md, and rule 8: which recommendations show, in what order.

use super::*;
use crate::model::condition::{Actual, Condition};
use crate::model::{Response, Test};
use crate::score::score;
use crate::score::tests::{assessment, features};

fn choice(c: &str) -> Response {
    Response::Choice(c.into())
}

fn choices(cs: &[&str]) -> Response {
    Response::Choices(cs.iter().map(|c| c.to_string()).collect())
}

fn cond(src: &str) -> Condition {
    #[derive(serde::Deserialize)]
    struct W {
        when: Condition,
    }
    toml::from_str::<W>(&format!("when = {src}"))
        .expect("a valid condition")
        .when
}

/// Whether `when` holds for an assessment with these answers and profile.
fn holds(when: &str, answers: &[(&str, Response)], profile: &[(&str, toml::Value)]) -> bool {
    let q = features();
    let mut a = assessment(answers);
    for (k, v) in profile {
        a.profile.insert(k.to_string(), v.clone());
    }
    let card = score(&q, &a);
    cond(when).eval(&card.facts(&q, &a))
}

fn s(v: &str) -> toml::Value {
    toml::Value::String(v.into())
}

#[test]
fn question_any_of_on_single_and_multi() {
    let w = r#"{ question = "has-cnc", any_of = ["yes"] }"#;
    assert!(holds(w, &[("has-cnc", choice("yes"))], &[]));
    assert!(!holds(w, &[("has-cnc", choice("no"))], &[]));
    assert!(!holds(w, &[], &[]));
    let w = r#"{ question = "automation", any_of = ["robot", "servo"] }"#;
    assert!(holds(w, &[("automation", choices(&["plc", "servo"]))], &[]));
    assert!(!holds(w, &[("automation", choices(&["plc"]))], &[]));
    assert!(!holds(w, &[("automation", choices(&[]))], &[]));
}

#[test]
fn question_all_of_needs_every_option() {
    let w = r#"{ question = "systems", all_of = ["erp", "mes"] }"#;
    assert!(holds(w, &[("systems", choices(&["mes", "erp"]))], &[]));
    assert!(holds(
        w,
        &[("systems", choices(&["none", "mes", "erp"]))],
        &[]
    ));
    assert!(!holds(w, &[("systems", choices(&["mes"]))], &[]));
    assert!(!holds(w, &[("systems", choices(&[]))], &[]));
}

#[test]
fn question_below_and_at_least_compare_the_score_with_boundaries() {
    let below = r#"{ question = "automation", below = 3.5 }"#;
    let at_least = r#"{ question = "automation", at_least = 3.5 }"#;
    let servo = [("automation", choices(&["servo"]))];
    let plc = [("automation", choices(&["plc"]))];
    assert!(!holds(below, &servo, &[]));
    assert!(holds(at_least, &servo, &[]));
    assert!(holds(below, &plc, &[]));
    assert!(!holds(at_least, &plc, &[]));
}

#[test]
fn comparisons_on_unanswered_na_hidden_or_unscored_questions_are_false() {
    for w in [
        r#"{ question = "cnc-share", below = 4.0 }"#,
        r#"{ question = "cnc-share", at_least = 2.0 }"#,
    ] {
        assert!(!holds(w, &[], &[]), "hidden and unanswered");
        assert!(
            !holds(
                w,
                &[
                    ("has-cnc", choice("no")),
                    ("cnc-share", Response::Value(10.0))
                ],
                &[]
            ),
            "hidden with a kept answer"
        );
        assert!(!holds(w, &[("has-cnc", choice("yes"))], &[]), "unanswered");
        assert!(
            !holds(
                w,
                &[
                    ("has-cnc", choice("yes")),
                    ("cnc-share", Response::NotApplicable)
                ],
                &[]
            ),
            "N/A"
        );
        assert!(holds(
            w,
            &[
                ("has-cnc", choice("yes")),
                ("cnc-share", Response::Value(50.0))
            ],
            &[]
        ));
    }
    // A band-less number has no score.
    assert!(!holds(
        r#"{ question = "headcount", below = 4.0 }"#,
        &[("headcount", Response::Value(3.0))],
        &[]
    ));
}

#[test]
fn comparisons_on_unanswered_questions_are_false_even_when_unanswered_scores_min() {
    let q = crate::score::tests::with_unanswered_min();
    let a = assessment(&[]);
    let card = score(&q, &a);
    assert_eq!(
        card.questions[q.position("automation").unwrap()].score,
        Some(2.0)
    );
    assert!(!cond(r#"{ question = "automation", below = 3.0 }"#).eval(&card.facts(&q, &a)));
}

#[test]
fn question_answered_counts_na_and_ignores_hidden_answers() {
    let yes = r#"{ question = "cnc-share", answered = true }"#;
    let no = r#"{ question = "cnc-share", answered = false }"#;
    let na = [
        ("has-cnc", choice("yes")),
        ("cnc-share", Response::NotApplicable),
    ];
    assert!(holds(yes, &na, &[]));
    assert!(!holds(no, &na, &[]));
    let hidden = [
        ("has-cnc", choice("no")),
        ("cnc-share", Response::Value(5.0)),
    ];
    assert!(!holds(yes, &hidden, &[]));
    assert!(holds(no, &hidden, &[]));
    assert!(holds(no, &[], &[]));
    assert!(holds(
        r#"{ question = "remarks", answered = true }"#,
        &[("remarks", Response::Text("x".into()))],
        &[]
    ));
}

#[test]
fn profile_any_of_on_choice_fields() {
    let w = r#"{ profile = "industry", any_of = ["fans", "motors"] }"#;
    assert!(holds(w, &[], &[("industry", s("motors"))]));
    assert!(!holds(w, &[], &[("industry", s("other"))]));
    assert!(!holds(w, &[], &[]));
}

#[test]
fn profile_below_and_at_least_on_number_fields() {
    let below = r#"{ profile = "employees", below = 50 }"#;
    let at_least = r#"{ profile = "employees", at_least = 50 }"#;
    let n = |x: i64| [("employees", toml::Value::Integer(x))];
    assert!(holds(below, &[], &n(49)));
    assert!(!holds(below, &[], &n(50)));
    assert!(holds(at_least, &[], &n(50)));
    assert!(holds(
        at_least,
        &[],
        &[("employees", toml::Value::Float(50.5))]
    ));
    assert!(!holds(below, &[], &[]), "unanswered");
    assert!(!holds(at_least, &[], &[]), "unanswered");
}

#[test]
fn profile_answered() {
    let w = r#"{ profile = "products", answered = true }"#;
    assert!(holds(w, &[], &[("products", s("fans"))]));
    assert!(!holds(w, &[], &[("products", s("  "))]));
    assert!(!holds(w, &[], &[]));
}

#[test]
fn dimension_below_and_at_least_with_boundaries_and_no_score() {
    let below = r#"{ dimension = "equipment", below = 3.0 }"#;
    let at_least = r#"{ dimension = "equipment", at_least = 3.0 }"#;
    let three = [("has-cnc", choice("yes"))];
    assert!(!holds(below, &three, &[]));
    assert!(holds(at_least, &three, &[]));
    assert!(holds(below, &[("has-cnc", choice("no"))], &[]));
    assert!(!holds(below, &[], &[]), "no score");
    assert!(!holds(at_least, &[], &[]), "no score");
}

#[test]
fn overall_below_and_at_least() {
    let below = r#"{ overall = true, below = 2.5 }"#;
    let at_least = r#"{ overall = true, at_least = 2.5 }"#;
    let low = [("has-cnc", choice("no"))];
    assert!(holds(below, &low, &[]));
    assert!(!holds(at_least, &low, &[]));
    assert!(!holds(below, &[], &[]), "no overall");
    assert!(!holds(at_least, &[], &[]), "no overall");
}

#[test]
fn all_any_and_not_combine_conditions() {
    let yes = [("has-cnc", choice("yes"))];
    let a = r#"{ question = "has-cnc", any_of = ["yes"] }"#;
    let b = r#"{ profile = "industry", any_of = ["fans"] }"#;
    let fans = [("industry", s("fans"))];
    assert!(holds(&format!("{{ all = [{a}, {b}] }}"), &yes, &fans));
    assert!(!holds(&format!("{{ all = [{a}, {b}] }}"), &yes, &[]));
    assert!(holds(&format!("{{ any = [{a}, {b}] }}"), &yes, &[]));
    assert!(!holds(&format!("{{ any = [{a}, {b}] }}"), &[], &[]));
    assert!(holds(&format!("{{ not = {a} }}"), &[], &[]));
    assert!(!holds(&format!("{{ not = {a} }}"), &yes, &[]));
    // `not` of a comparison on something unanswered holds.
    assert!(holds(
        r#"{ not = { dimension = "talent", below = 3.0 } }"#,
        &[],
        &[]
    ));
}

#[test]
fn malformed_conditions_are_refused_with_a_reason() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct W {
        when: Condition,
    }
    let bad = [
        (r#"{ question = "a" }"#, "needs exactly one test"),
        (
            r#"{ question = "a", below = 1, at_least = 2 }"#,
            "needs exactly one test",
        ),
        (
            r#"{ question = "a", dimension = "b", below = 1 }"#,
            "exactly one of",
        ),
        (
            r#"{ dimension = "a", any_of = ["x"] }"#,
            "cannot be used on `dimension`",
        ),
        (r#"{ all = [] }"#, "at least one condition"),
        (
            r#"{ not = { overall = true, below = 3 }, below = 2 }"#,
            "takes no test",
        ),
        (r#"{ overall = false, below = 3 }"#, "can only be `true`"),
        (
            r#"{ profile = "a", all_of = ["x"] }"#,
            "cannot be used on `profile`",
        ),
        (r#"{ below = 3 }"#, "needs one of"),
    ];
    for (src, msg) in bad {
        let err = toml::from_str::<W>(&format!("when = {src}")).unwrap_err();
        assert!(err.message().contains(msg), "{src}: {}", err.message());
    }
}

#[test]
fn witnesses_name_the_values_that_decided() {
    let q = features();
    let a = assessment(&[("has-cnc", choice("no")), ("systems", choices(&["none"]))]);
    let card = score(&q, &a);
    let c = cond(
        r#"{ all = [{ dimension = "equipment", below = 3.0 }, { not = { question = "systems", any_of = ["mes"] } }] }"#,
    );
    let w = c.witnesses(&card.facts(&q, &a));
    assert_eq!(w.len(), 2);
    assert!(w[0].holds);
    assert_eq!(w[0].actual, Actual::Score(Some(2.0)));
    assert!(
        matches!(w[0].condition, Condition::Dimension { test: Test::Below(x), .. } if *x == 3.0)
    );
    assert!(!w[1].holds);
    assert_eq!(w[1].actual, Actual::Choices(vec!["none".into()]));
}

// Rule 8: which recommendations, in what order.

fn fired(answers: &[(&str, Response)], profile: &[(&str, toml::Value)]) -> Vec<String> {
    let q = features();
    let mut a = assessment(answers);
    for (k, v) in profile {
        a.profile.insert(k.to_string(), v.clone());
    }
    let card = score(&q, &a);
    advise(&q, &a, &card)
        .iter()
        .map(|f| f.recommendation.id.clone())
        .collect()
}

#[test]
fn rule8_only_recommendations_whose_condition_holds_are_shown() {
    let ids = fired(&[], &[]);
    // With nothing answered, only the one asking whether `remarks` is unanswered holds:
    // every comparison on a missing score is false.
    assert_eq!(ids, vec!["ask-remarks"]);
}

#[test]
fn rule8_orders_by_priority_then_gap_then_file_order() {
    let answers = [
        ("has-cnc", choice("no")),       // equipment 2.0 (w 2): gap 4.0
        ("systems", choices(&["none"])), // data 2.0 (w 1): gap 2.0
        ("practices", choices(&[])),
        ("training", Response::Value(0.0)), // talent 2.0 (w 1): gap 2.0
    ];
    let ids = fired(
        &answers,
        &[
            ("industry", s("fans")),
            ("employees", toml::Value::Integer(20)),
        ],
    );
    assert_eq!(
        ids,
        vec![
            // high: cnc-upgrade (gap 4) before data-basics (gap 2) before overall-low (no dimension)
            "cnc-upgrade",
            "data-basics",
            "overall-low",
            // medium: talent-gap (gap 2); combo fails, as has-cnc is no and industry is given
            "talent-gap",
            // medium without dimension, gap 0, in file order
            "fans-chain",
            "small-firm",
            // low: ask-remarks (energy-na fails: energy is visible but unanswered)
            "ask-remarks",
        ]
    );
}

#[test]
fn rule8_equal_gaps_keep_file_order() {
    let answers = [
        ("systems", choices(&["none"])),
        ("practices", choices(&[])),
        ("training", Response::Value(0.0)),
    ];
    let ids = fired(&answers, &[]);
    // data-basics (high) first; then medium talent-gap and combo: talent gap 2.0, data gap 2.0
    // → file order: talent-gap (index 8) before combo (index 12).
    let medium: Vec<_> = ids
        .iter()
        .filter(|i| ["talent-gap", "combo"].contains(&i.as_str()))
        .collect();
    assert_eq!(medium, vec!["talent-gap", "combo"]);
}

#[test]
fn rule8_gap_is_weighted_by_the_dimension_weight() {
    let q = features();
    let a = assessment(&[("has-cnc", choice("no")), ("systems", choices(&["none"]))]);
    let card = score(&q, &a);
    let advice = advise(&q, &a, &card);
    let gap = |id: &str| {
        advice
            .iter()
            .find(|f| f.recommendation.id == id)
            .map(|f| f.gap)
    };
    assert_eq!(gap("cnc-upgrade"), Some(4.0));
    assert_eq!(gap("overall-low"), Some(0.0));
}

#[test]
fn fires_lists_what_advise_shows_in_file_order() {
    let q = features();
    let a = assessment(&[
        ("has-cnc", choice("no")),
        ("systems", choices(&["erp", "mes"])),
        ("practices", choices(&["counts"])),
    ]);
    let card = score(&q, &a);
    let fired = fires(&q, &a, &card);
    assert!(
        fired.windows(2).all(|w| w[0] < w[1]),
        "file order: {fired:?}"
    );
    let mut shown: Vec<usize> = advise(&q, &a, &card).iter().map(|f| f.index).collect();
    assert_ne!(shown, fired, "advise orders by priority, not file order");
    shown.sort();
    assert_eq!(shown, fired);
    assert!(fired.contains(&0), "cnc-upgrade fires without CNC");
}

/// The "why" sentences of the recommendations that fire for these answers and profile.
fn reasons_of(
    answers: &[(&str, Response)],
    profile: &[(&str, toml::Value)],
    lang: crate::i18n::Lang,
) -> Vec<(String, Vec<String>)> {
    let q = features();
    let mut a = assessment(answers);
    for (k, v) in profile {
        a.profile.insert(k.to_string(), v.clone());
    }
    let card = score(&q, &a);
    advise(&q, &a, &card)
        .iter()
        .map(|f| {
            (
                f.recommendation.id.clone(),
                reason_sentences(&q, &f.reasons, lang),
            )
        })
        .collect()
}

#[test]
fn reasons_read_as_plain_sentences_in_both_languages() {
    use crate::i18n::Lang;
    let answers = [
        ("has-cnc", choice("no")),
        ("systems", choices(&["none"])),
        ("practices", choices(&["counts"])),
        ("training", Response::Value(2.0)),
    ];
    let profile = [("employees", toml::Value::Integer(38))];
    let find = |all: &[(String, Vec<String>)], id: &str| {
        all.iter()
            .find(|(i, _)| i == id)
            .map(|(_, r)| r.clone())
            .unwrap_or_default()
    };
    let en = reasons_of(&answers, &profile, Lang::En);
    // The overall score is (2 × 2.0 + 2.0 + 2.5) / 4 = 2.125, printed 2.13 as everywhere.
    assert_eq!(
        find(&en, "overall-low"),
        vec!["Overall, the firm scored 2.13; Industry 2.5 needs 2.50"]
    );
    assert_eq!(
        find(&en, "talent-gap"),
        vec!["Talent scored 2.50; Industry 3.0 needs 3.00"]
    );
    assert_eq!(
        find(&en, "data-basics"),
        vec!["“Which data practices?” scored 2.00; Industry 3.0 needs 3.00"]
    );
    assert_eq!(
        find(&en, "small-firm"),
        vec!["Employees: 38 people, below 50"]
    );
    let zh = reasons_of(&answers, &profile, Lang::Zh);
    assert_eq!(
        find(&zh, "overall-low"),
        vec!["企业综合得分2.13，达到工业2.5需要2.50"]
    );
    assert_eq!(
        find(&zh, "talent-gap"),
        vec!["“人才”维度得分2.50，达到工业3.0需要3.00"]
    );
    assert_eq!(
        find(&zh, "data-basics"),
        vec!["“有哪些数据实践？”一题得分2.00，达到工业3.0需要3.00"]
    );
    assert_eq!(find(&zh, "small-firm"), vec!["员工人数为38人，低于50"]);
}

#[test]
fn a_brief_quote_drops_asides_and_cuts_a_long_text_after_a_clause() {
    use crate::i18n::Lang;
    // Bracketed asides go, in either script; what is left is kept whole when it fits.
    assert_eq!(
        brief(
            "关键工序（如焊接、绕线、冲压、喷涂、装配）的自动化程度如何？",
            Lang::Zh
        ),
        "关键工序的自动化程度如何？"
    );
    assert_eq!(
        brief("已经落实了哪些网络安全措施？（可多选）", Lang::Zh),
        "已经落实了哪些网络安全措施？"
    );
    assert_eq!(
        brief(
            "How automated are the key processes (welding, winding, stamping, painting, assembly and the like)?",
            Lang::En
        ),
        "How automated are the key processes?"
    );
    // A long text is cut after its last clause that fits, never in the middle of a word.
    assert_eq!(
        brief(
            "一两道关键工序用上了自动或半自动设备，其余仍是人工，另有三道工序正在改造之中",
            Lang::Zh
        ),
        "一两道关键工序用上了自动或半自动设备…"
    );
    assert_eq!(
        brief(
            "Workstation terminals, tablets or phones: workers report by scanning at each step",
            Lang::En
        ),
        "Workstation terminals, tablets or phones…"
    );
    // Nothing but an aside: the text stays as it is.
    assert_eq!(brief("（可多选）", Lang::Zh), "（可多选）");
    // A short text is left alone.
    assert_eq!(brief("No", Lang::En), "No");
}

#[test]
fn a_brief_quote_cuts_at_a_clause_rather_than_inside_a_list() {
    use crate::i18n::Lang;
    assert_eq!(
        brief(
            "企业有哪些工程技术人员，能否覆盖机械、电控和软件？",
            Lang::Zh
        ),
        "企业有哪些工程技术人员…"
    );
}
