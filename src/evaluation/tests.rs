//! The evaluation holds what each rule derives, once: the same values the rules' own
//! functions give, the checks that hold, and reasons that read as the witnesses do.

use super::*;
use crate::advise::advise;
use crate::model::Response;
use crate::score::tests::{held, policy, policy_firm, weak};

#[test]
fn the_evaluation_holds_every_rules_result() {
    let q = policy();
    let a = policy_firm(&weak());
    let e = evaluate(&q, &a);
    let card = score(&q, &a);
    assert_eq!(e.card, card);
    let advice = advise(&q, &a, &card);
    let order: Vec<usize> = advice.iter().map(|x| x.index).collect();
    let held: Vec<usize> = e.applicable.iter().map(|x| x.recommendation).collect();
    assert_eq!(held, order, "rule 8's order");
    assert_eq!(e.plan, plan(&q, &advice));
    assert_eq!(e.projected, project(&q, &a, &card, &advice, &e.plan));
    assert_eq!(e.verdict(&q).map(|v| v.id.as_str()), Some("foundations"));
    assert_eq!(
        e.ids(&q, e.horizon(Horizon::Short)),
        ["register", "erp-basic"]
    );
    assert_eq!(e.ids(&q, &e.plan.later).len(), 4);
    assert_eq!(e.projected_end().horizon, Horizon::Long);
}

#[test]
fn reasons_read_as_the_witnesses_of_the_condition() {
    let q = policy();
    let a = policy_firm(&weak());
    let e = evaluate(&q, &a);
    let card = score(&q, &a);
    for (i, x) in e.applicable.iter().enumerate() {
        let r = &q.recommendation[x.recommendation];
        let expected = r
            .when
            .as_ref()
            .map(|c| c.witnesses(&card.facts(&q, &a)))
            .unwrap_or_default();
        assert_eq!(e.reasons(&q, i), expected, "{}", r.id);
    }
}

#[test]
fn reasons_of_a_nested_condition_name_the_leaves_that_decided_it() {
    // `any`: only the leaves that held decide; their positions count the skipped ones.
    let q = crate::score::tests::policy_with(|s| {
        s.replace(
            "when = { overall = true, below = 3.0 }",
            "when = { any = [{ question = \"cnc\", any_of = [\"most\"] }, { all = [{ question = \"erp\", answered = true }, { overall = true, below = 3.0 }] }] }",
        )
    });
    let a = policy_firm(&weak());
    let e = evaluate(&q, &a);
    let i = e
        .applicable
        .iter()
        .position(|x| q.recommendation[x.recommendation].id == "visit-peers")
        .unwrap();
    let leaves: Vec<usize> = e.applicable[i].reasons.iter().map(|f| f.leaf).collect();
    assert_eq!(leaves, [1, 2]);
    assert_eq!(e.reasons(&q, i).len(), 2);
}

#[test]
fn the_checks_that_hold_are_listed() {
    let q = policy();
    let mut a = policy_firm(&held());
    assert!(evaluate(&q, &a).checks.is_empty());
    a.profile
        .insert("employees".into(), toml::Value::Integer(6));
    assert_eq!(evaluate(&q, &a).checks, [0]);
    a.set_response("automation", Some(Response::Choice("manual".into())));
    assert!(evaluate(&q, &a).checks.is_empty());
}

#[test]
fn a_provisional_result_has_a_plan_but_no_stage_and_no_verdict() {
    let q = policy();
    let a = policy_firm(&held()[..3]);
    let e = evaluate(&q, &a);
    assert!(e.card.provisional);
    assert_eq!(e.card.stage, None);
    assert_eq!(e.verdict, None);
    assert!(!e.applicable.is_empty());
}

// Milestone: the plan explained to the owner.

use crate::i18n::Lang;

/// The placement sentence of a recommendation in a firm's evaluation.
fn why(q: &Questionnaire, e: &Evaluation, id: &str, lang: Lang) -> String {
    let i = e
        .applicable
        .iter()
        .position(|x| q.recommendation[x.recommendation].id == id)
        .unwrap();
    explain::placement(q, e, i, lang)
}

#[test]
fn an_action_in_its_own_term_says_so() {
    let q = policy();
    let e = evaluate(&q, &policy_firm(&weak()));
    assert_eq!(
        why(&q, &e, "cnc-batch", Lang::En),
        "Due in the medium term, and planned there."
    );
    assert_eq!(
        why(&q, &e, "register", Lang::Zh),
        "属于近期的措施，排在近期。"
    );
}

#[test]
fn a_later_action_names_the_terms_more_urgent_actions_filled() {
    let q = policy();
    let e = evaluate(&q, &policy_firm(&weak()));
    assert_eq!(
        why(&q, &e, "cad", Lang::En),
        "More urgent actions filled the short term (2 actions), the medium term (2 actions), the long term (1 action), so it is left for later."
    );
    assert_eq!(
        why(&q, &e, "backup", Lang::Zh),
        "更紧要的措施排满了近期（2项）、中期（2项）、远期（1项），所以以后再议。"
    );
}

#[test]
fn an_action_after_another_names_it_and_where_it_is() {
    let q = crate::score::tests::policy_with(|s| s.replace("short = 2", "short = 0"));
    let e = evaluate(&q, &policy_firm(&weak()));
    assert_eq!(
        why(&q, &e, "cnc-batch", Lang::En),
        "It comes after “Keep an equipment register” (planned in the medium term), so it is planned in the long term."
    );
    assert_eq!(
        why(&q, &e, "lines", Lang::Zh),
        "须在“分批换数控”之后进行（该项排在远期），所以以后再议。"
    );
    // A short action that moved on: the empty short term, then the medium term's order.
    assert_eq!(
        why(&q, &e, "register", Lang::En),
        "More urgent actions filled the short term (none planned), so it is planned in the medium term."
    );
}

#[test]
fn each_terms_projection_lists_the_answers_it_changed() {
    let q = policy();
    let e = evaluate(&q, &policy_firm(&weak()));
    assert_eq!(
        explain::projection(&q, &e, Horizon::Medium, Lang::Zh),
        [
            "中期完成后：总分2.66，阶段2.5",
            "“数控设备多吗？”：没有 → 部分（分批换数控）",
            "“怎么检验？”：目测 → 试验台（建试验台）",
        ]
    );
    let mut answers = weak();
    answers[5] = ("scrap", Response::Value(1.0));
    let e = evaluate(&q, &policy_firm(&answers));
    let long = explain::projection(&q, &e, Horizon::Long, Lang::En);
    // Equipment 3.25 and systems 3.0 pass the gate of 3.0.
    assert_eq!(
        long[0],
        "Once the long term is done: overall 3.09, stage 3.0"
    );
    assert_eq!(
        long[1],
        "“How automated?”: Islands → Lines (Build automated lines)"
    );
}

#[test]
fn a_term_without_raises_or_held_back_says_so() {
    let (q, a) = crate::score::tests::falling();
    let e = evaluate(&q, &a);
    let short = explain::projection(&q, &e, Horizon::Short, Lang::En);
    assert_eq!(
        short[1],
        "“How is production managed?”: not answered → ERP (Introduce an ERP)"
    );
    assert!(
        short[2].contains("the projection stays where it was"),
        "{short:?}"
    );
    let q = crate::score::tests::policy_with(|s| s.replace("medium = 2", "medium = 0"));
    let e = evaluate(&q, &policy_firm(&weak()));
    let medium = explain::projection(&q, &e, Horizon::Medium, Lang::Zh);
    assert_eq!(medium[1], "本期措施不改变任何回答。", "{medium:?}");
}

#[test]
fn the_gate_is_said_as_what_was_seen_and_what_the_stage_needs() {
    let q = policy();
    let e = evaluate(&q, &policy_firm(&held()));
    assert_eq!(
        explain::gate(&q, &e, Lang::Zh).unwrap(),
        "尚未达到工业3.0：信息系统得分2.25，达到工业3.0需要2.75。"
    );
    assert_eq!(
        explain::gate(&q, &e, Lang::En).unwrap(),
        "Not yet Industry 3.0: Systems scored 2.25; Industry 3.0 needs 2.75."
    );
    assert_eq!(
        explain::gate(&q, &evaluate(&q, &policy_firm(&weak())), Lang::En),
        None
    );
    let provisional = evaluate(&q, &policy_firm(&held()[..3]));
    assert_eq!(
        explain::provisional(&q, &provisional, Lang::En).unwrap(),
        "Only 42% of the questions are answered and a stage needs 50%: the scores are provisional, with no stage and no verdict."
    );
    let (scores, stages) =
        explain::projection_path(&q, &evaluate(&q, &policy_firm(&weak())), Lang::En);
    assert_eq!(scores, "2.16 → 2.34 → 2.66 → 2.84");
    assert_eq!(stages, "2.0 → 2.5");
}

#[test]
fn decisions_leave_rule_10_as_it_is_and_the_shown_projection_follows_them() {
    let q = policy();
    let mut a = policy_firm(&weak());
    let before = evaluate(&q, &a);
    assert!(!before.is_decided());
    assert_eq!(before.decided_projected(), &before.projected);
    crate::model::decisions::edit_plan(&mut a, "erp-basic", |e| {
        e.decision = Some(crate::model::Decision::Declined);
    });
    let e = evaluate(&q, &a);
    assert_eq!(e.projected, before.projected, "rule 10 ignores decisions");
    assert_eq!(e.plan, before.plan, "so does rule 9");
    assert!(e.is_decided());
    assert_eq!(e.ids(&q, e.decided_horizon(Horizon::Short)), ["register"]);
    assert_eq!(e.ids(&q, e.declined()), ["erp-basic"]);
    assert!(e.decided_end().overall() < e.projected_end().overall());
}

#[test]
fn the_cohort_evaluation_is_the_evaluation_without_the_sheets_parts() {
    let catalog = crate::store::Catalog::bundled();
    let full = catalog.resolve("smart-manufacturing").unwrap();
    let scan = catalog.resolve("quick-scan").unwrap();
    let mut files = crate::demo::cohort(&full.questionnaire, &full.digest, 60, 5);
    files.extend(crate::demo::folder((&*scan).into(), (&*full).into(), 40, 9));
    let mut decided = 0;
    for f in &files {
        let a = &f.assessment;
        let q = if a.questionnaire.id == scan.questionnaire.id {
            &scan.questionnaire
        } else {
            &full.questionnaire
        };
        let e = evaluate(q, a);
        let c = evaluate_for_cohort(q, a);
        assert_eq!(c.card, e.card, "{}", f.name);
        let applicable: Vec<usize> = e.applicable.iter().map(|x| x.recommendation).collect();
        assert_eq!(c.recommendations, applicable, "{}", f.name);
        assert_eq!(c.plan, e.plan, "{}", f.name);
        assert_eq!(c.projected, e.projected, "{}", f.name);
        assert_eq!(c.verdict, e.verdict, "{}", f.name);
        decided += usize::from(e.agreed.is_some());
    }
    // The demo holds firms with and without a decided plan: the parts left out differ.
    assert!(decided > 0 && decided < files.len(), "{decided}");
}
