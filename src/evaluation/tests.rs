//! The evaluation holds what each rule derives, once: the same values the rules' own
//! functions give, the checks that hold, and reasons that read as the witnesses do.

use super::*;
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
