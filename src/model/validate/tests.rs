//! One test per rule of the questionnaire and assessment formats added with scoring rules 2:
//! each mistake is refused (or warned about) at its place with a plain sentence.

use crate::model::{Diagnostic, parse};

const MINI: &str = include_str!("../../../tests/fixtures/questionnaires/mini.toml");

/// The problems of the mini questionnaire changed by `edit`, as `line:column sentence`.
fn problems(src: &str) -> Vec<String> {
    let diags = match parse::questionnaire(src) {
        Ok((_, warnings)) => warnings,
        Err(errors) => errors,
    };
    diags.iter().map(shown).collect()
}

fn shown(d: &Diagnostic) -> String {
    let warning = if d.is_error() { "" } else { "warning: " };
    format!("{}:{} {warning}{}", d.line, d.column, d.message)
}

/// The mini questionnaire with `text` in place of the first `old`.
fn edited(old: &str, new: &str) -> String {
    assert!(MINI.contains(old), "{old}");
    MINI.replacen(old, new, 1)
}

/// The mini questionnaire with a line added to its last recommendation.
fn recommendation_with(line: &str) -> String {
    format!("{MINI}{line}\n")
}

const LAST_LINE: usize = 75;

#[test]
fn every_new_key_is_read() {
    let src = format!(
        "{}{}",
        edited(
            "max = 4.0\n",
            "max = 4.0\nmin_completeness = 0.5\n"
        )
        .replacen(
            "label = { zh = \"工业3.0\", en = \"Industry 3.0\" }\n",
            "label = { zh = \"工业3.0\", en = \"Industry 3.0\" }\nrequires = { equipment = 3.0 }\n",
            1
        )
        .replacen("kind = \"single\"\n", "kind = \"single\"\nprevisit = true\n", 1),
        r#"effort = "low"
cost = { zh = "约5万元", en = "about 50,000 yuan" }
raises = [{ question = "has-cnc", choice = "yes" }, { question = "cnc-share", value = 60 }]

[[recommendation]]
id = "records-system"
dimension = "data"
after = ["cnc"]
title = "Records"
action = "Keep records in a system."

[plan]
short = 2
medium = 0

[[check]]
id = "cnc-without-share"
when = { all = [{ question = "has-cnc", any_of = ["yes"] }, { question = "cnc-share", answered = false }] }
message = { zh = "有数控却没填占比", en = "CNC, but no share" }

[[verdict]]
id = "ready"
when = { overall = true, at_least = 3.0 }
title = { zh = "可以升级", en = "Ready" }
text = { zh = "……", en = "…" }

[[verdict]]
id = "later"
title = { zh = "打基础", en = "Foundations first" }
text = { zh = "……", en = "…" }
"#
    );
    let (q, warnings) = parse::questionnaire(&src).expect("valid");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(q.scale.min_completeness, 0.5);
    assert_eq!(q.scale.stage[1].requires.get("equipment"), Some(&3.0));
    assert!(q.question("has-cnc").unwrap().previsit);
    let cnc = &q.recommendation[0];
    assert_eq!(cnc.effort, crate::model::Effort::Low);
    assert!(cnc.cost.is_some());
    assert_eq!(cnc.raises.len(), 2);
    assert_eq!(
        cnc.raises[1].to,
        crate::model::RaiseTo::Value(60.0),
        "an integer value is read as a number"
    );
    assert_eq!(q.recommendation[1].after, ["cnc"]);
    assert_eq!(q.recommendation[1].effort, crate::model::Effort::Medium);
    use crate::model::Horizon::*;
    assert_eq!(
        [q.plan.cap(Short), q.plan.cap(Medium), q.plan.cap(Long)],
        [2, 0, 3],
        "long keeps its default"
    );
    assert_eq!(q.check.len(), 2, "the mini questionnaire's and this one");
    assert_eq!(q.verdict.len(), 2);
    assert!(q.verdict[1].when.is_none());
}

#[test]
fn plan_sizes_default_to_3_4_3() {
    let (q, _) = parse::questionnaire(MINI).unwrap();
    use crate::model::Horizon::*;
    assert_eq!(
        [q.plan.cap(Short), q.plan.cap(Medium), q.plan.cap(Long)],
        [3, 4, 3]
    );
    assert_eq!(q.scale.min_completeness, 0.0);
}

#[test]
fn a_gate_on_the_first_stage_is_refused() {
    let src = edited(
        "label = { zh = \"工业2.0\", en = \"Industry 2.0\" }\n",
        "label = { zh = \"工业2.0\", en = \"Industry 2.0\" }\nrequires = { equipment = 2.5 }\n",
    );
    assert_eq!(
        problems(&src),
        ["15:12 the first stage cannot have `requires`: every firm with a score reaches it"]
    );
}

#[test]
fn a_gate_names_known_dimensions_and_scores_on_the_scale() {
    let src = edited(
        "label = { zh = \"工业3.0\", en = \"Industry 3.0\" }\n",
        "label = { zh = \"工业3.0\", en = \"Industry 3.0\" }\nrequires = { equipmnt = 2.75, data = 5 }\n",
    );
    assert_eq!(
        problems(&src),
        [
            "20:14 unknown dimension `equipmnt`",
            "20:38 required score 5 is outside the scale [2, 4]",
        ]
    );
}

#[test]
fn exclusive_is_only_for_multi_questions() {
    let src = edited(
        "{ id = \"no\", level = 2.0, text = { zh = \"没有\", en = \"No\" } },",
        "{ id = \"no\", level = 2.0, text = { zh = \"没有\", en = \"No\" }, exclusive = true },",
    );
    assert_eq!(
        problems(&src),
        ["30:74 `exclusive` is only for options of multi questions; `has-cnc` is single"]
    );
    let multi = edited("kind = \"single\"", "kind = \"multi\"").replacen(
        "{ id = \"no\", level = 2.0, text = { zh = \"没有\", en = \"No\" } },",
        "{ id = \"no\", level = 2.0, text = { zh = \"没有\", en = \"No\" }, exclusive = true },",
        1,
    );
    assert!(problems(&multi).is_empty(), "{:?}", problems(&multi));
}

#[test]
fn after_names_known_recommendations() {
    assert_eq!(
        problems(&recommendation_with("after = [\"cnc-basics\"]")),
        [format!(
            "{}:10 unknown recommendation `cnc-basics`",
            LAST_LINE + 1
        )]
    );
}

#[test]
fn after_may_not_name_itself() {
    assert_eq!(
        problems(&recommendation_with("after = [\"cnc\"]")),
        [format!(
            "{}:10 recommendation `cnc` cannot come after itself",
            LAST_LINE + 1
        )]
    );
}

/// A recommendation `id` coming after `after`, on the `records` question.
fn rec(id: &str, after: &[&str]) -> String {
    let after: Vec<String> = after.iter().map(|a| format!("\"{a}\"")).collect();
    format!(
        "\n[[recommendation]]\nid = \"{id}\"\nafter = [{}]\ntitle = \"{id}\"\naction = \"{id}\"\n",
        after.join(", ")
    )
}

#[test]
fn a_cycle_of_after_is_named_once_at_its_first_recommendation() {
    let src = format!(
        "{MINI}{}{}{}{}",
        rec("a", &["c"]),
        rec("b", &["a"]),
        rec("c", &["b", "cnc"]),
        rec("d", &["a"]),
    );
    let p = problems(&src);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].ends_with("none of them can come first: a → c → b → a"),
        "{p:?}"
    );
    assert!(p[0].starts_with(&format!("{}:10 ", LAST_LINE + 4)), "{p:?}");
}

#[test]
fn two_separate_cycles_are_each_named() {
    let src = format!(
        "{MINI}{}{}{}{}",
        rec("a", &["b"]),
        rec("b", &["a"]),
        rec("c", &["d"]),
        rec("d", &["c"]),
    );
    let p = problems(&src);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(
        p[0].ends_with("a → b → a") && p[1].ends_with("c → d → c"),
        "{p:?}"
    );
}

#[test]
fn a_chain_without_a_cycle_is_fine() {
    let src = format!(
        "{MINI}{}{}{}",
        rec("a", &["b", "c"]),
        rec("b", &["c"]),
        rec("c", &["cnc"]),
    );
    assert!(problems(&src).is_empty(), "{:?}", problems(&src));
}

#[test]
fn a_raise_names_a_known_question_and_option() {
    assert_eq!(
        problems(&recommendation_with(
            "raises = [{ question = \"has-cnn\", choice = \"yes\" }]"
        )),
        [format!("{}:24 unknown question `has-cnn`", LAST_LINE + 1)]
    );
    assert_eq!(
        problems(&recommendation_with(
            "raises = [{ question = \"has-cnc\", choice = \"si\" }]"
        )),
        [format!(
            "{}:44 question `has-cnc` has no option `si`",
            LAST_LINE + 1
        )]
    );
}

#[test]
fn a_raise_uses_the_key_of_its_questions_kind() {
    assert_eq!(
        problems(&recommendation_with(
            "raises = [{ question = \"has-cnc\", choices = [\"yes\"] }]"
        )),
        [format!(
            "{}:45 question `has-cnc` is single, so its raise is written with `choice`, not `choices`",
            LAST_LINE + 1
        )]
    );
    assert_eq!(
        problems(&recommendation_with(
            "raises = [{ question = \"cnc-share\", choice = \"yes\" }]"
        )),
        [format!(
            "{}:46 question `cnc-share` is number, so its raise is written with `value`, not `choice`",
            LAST_LINE + 1
        )]
    );
}

#[test]
fn a_raise_of_a_multi_question_adds_known_options_and_an_exclusive_one_alone() {
    let multi = edited("kind = \"single\"", "kind = \"multi\"").replacen(
        "{ id = \"no\", level = 2.0, text = { zh = \"没有\", en = \"No\" } },",
        "{ id = \"no\", level = 2.0, text = { zh = \"没有\", en = \"No\" }, exclusive = true },",
        1,
    );
    let src = format!(
        "{multi}raises = [{{ question = \"has-cnc\", choices = [\"yes\", \"no\"] }}, {{ question = \"has-cnc\", choices = [\"maybe\"] }}]\n"
    );
    assert_eq!(
        problems(&src),
        [
            format!(
                "{}:53 option `no` of question `has-cnc` is exclusive: it is ticked alone or not at all",
                LAST_LINE + 1
            ),
            format!(
                "{}:97 question `has-cnc` has no option `maybe`",
                LAST_LINE + 1
            ),
        ]
    );
}

#[test]
fn a_raised_value_lies_in_the_questions_range() {
    assert_eq!(
        problems(&recommendation_with(
            "raises = [{ question = \"cnc-share\", value = 140 }]"
        )),
        [format!(
            "{}:45 140 is outside the range [0, 100] of question `cnc-share`",
            LAST_LINE + 1
        )]
    );
}

#[test]
fn a_text_question_cannot_be_raised_and_an_unbanded_number_raises_nothing() {
    let src = edited("kind = \"number\"", "kind = \"text\"")
        .replace("range = [0, 100]\n", "")
        .replace(
            "bands = [{ from = 0, level = 2.0 }, { from = 50, level = 3.0 }]\n",
            "",
        );
    let p = problems(&format!(
        "{src}raises = [{{ question = \"cnc-share\", value = 1 }}]\n"
    ));
    assert_eq!(
        p,
        [format!(
            "{}:24 question `cnc-share` is a text question: it has no score to raise",
            LAST_LINE - 1
        )]
    );
    let unbanded = edited(
        "bands = [{ from = 0, level = 2.0 }, { from = 50, level = 3.0 }]\n",
        "",
    );
    let p = problems(&format!(
        "{unbanded}raises = [{{ question = \"cnc-share\", value = 60 }}]\n"
    ));
    assert_eq!(
        p,
        [format!(
            "{}:45 warning: question `cnc-share` has no `bands`, so raising it changes no score",
            LAST_LINE
        )]
    );
}

#[test]
fn a_raise_has_exactly_one_answer() {
    let p = problems(&recommendation_with(
        "raises = [{ question = \"has-cnc\", choice = \"yes\", value = 3 }]",
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].contains("a raise has one of choice, choices or value, not choice and value"),
        "{p:?}"
    );
}

#[test]
fn plan_sizes_are_whole_numbers_of_zero_or_more() {
    let p = problems(&format!(
        "{MINI}\n[plan]\nshort = -1\nmedium = 2.5\nlong = 0\n"
    ));
    assert_eq!(
        p,
        [
            format!(
                "{}:9 plan.short is -1: the number of actions in a horizon is a whole number of 0 or more",
                LAST_LINE + 3
            ),
            format!(
                "{}:10 plan.medium is 2.5: the number of actions in a horizon is a whole number of 0 or more",
                LAST_LINE + 4
            ),
        ]
    );
}

#[test]
fn min_completeness_is_a_share() {
    let p = problems(&edited("max = 4.0\n", "max = 4.0\nmin_completeness = 60\n"));
    assert_eq!(
        p,
        ["10:20 min_completeness 60 must be between 0 and 1, e.g. 0.6 for 60%"]
    );
}

#[test]
fn checks_and_verdicts_have_unique_ids_and_known_subjects() {
    let src = format!(
        "{MINI}\n[[check]]\nid = \"x\"\nwhen = {{ question = \"has-cnn\", answered = true }}\nmessage = \"m\"\n\n[[check]]\nid = \"x\"\nwhen = {{ overall = true, below = 3 }}\nmessage = \"m\"\n\n[[verdict]]\nid = \"v\"\nwhen = {{ dimension = \"dat\", below = 3 }}\ntitle = \"t\"\ntext = \"t\"\n"
    );
    let p = problems(&src);
    assert_eq!(
        p,
        [
            format!("{}:21 unknown question `has-cnn`", LAST_LINE + 4),
            format!("{}:6 duplicate check id `x`", LAST_LINE + 8),
            format!("{}:22 unknown dimension `dat`", LAST_LINE + 14),
        ]
    );
}
