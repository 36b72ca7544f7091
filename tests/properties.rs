//! Properties of scoring and of assessment files that must hold for any answers.

use dmat::evaluation::evaluate;
use dmat::model::{
    Answer, Assessment, Decision, Horizon, PlanEntry, Progress, ProgressStatus, QuestionKind,
    Questionnaire, QuestionnaireRef, Response, SupportOutcome, parse,
};
use dmat::score::{Scorecard, score};
use proptest::prelude::*;

fn features(unanswered_min: bool) -> Questionnaire {
    let src = std::fs::read_to_string("tests/fixtures/questionnaires/features.toml").unwrap();
    let src = if unanswered_min {
        src.replace("unanswered = \"skip\"", "unanswered = \"min\"")
    } else {
        src
    };
    parse::questionnaire(&src).unwrap().0
}

/// What the expert did with one question.
#[derive(Debug, Clone)]
enum Move {
    Skip,
    NotApplicable,
    /// Pick options by these indexes (one for single; any for multi).
    Pick(Vec<usize>),
    Value(f64),
    Text(String),
}

fn moves(n: usize) -> impl Strategy<Value = Vec<Move>> {
    let one = prop_oneof![
        2 => Just(Move::Skip),
        1 => Just(Move::NotApplicable),
        4 => prop::collection::vec(0usize..8, 0..5).prop_map(Move::Pick),
        2 => (-10.0f64..150.0).prop_map(Move::Value),
        1 => "\\PC{0,12}".prop_map(Move::Text),
    ];
    prop::collection::vec(one, n)
}

fn profile() -> impl Strategy<Value = (Option<usize>, Option<i64>)> {
    (prop::option::of(0usize..3), prop::option::of(0i64..500))
}

/// An assessment made by applying `moves` to the questions, fitting each to its kind.
fn build(q: &Questionnaire, moves: &[Move], prof: (Option<usize>, Option<i64>)) -> Assessment {
    let r = QuestionnaireRef {
        id: q.id.clone(),
        version: q.version.clone(),
        digest: String::new(),
    };
    let mut a = Assessment::new(r, "Prop firm", None);
    if let Some(i) = prof.0 {
        let field = q.profile_field("industry").unwrap();
        a.profile.insert(
            "industry".into(),
            toml::Value::String(field.options[i].id.clone()),
        );
    }
    if let Some(n) = prof.1 {
        a.profile
            .insert("employees".into(), toml::Value::Integer(n));
    }
    for (r, m) in q.questions().zip(moves) {
        let question = r.question;
        let response = match (m, question.kind) {
            (Move::Skip, _) => None,
            (Move::NotApplicable, _) if question.na => Some(Response::NotApplicable),
            (Move::NotApplicable, _) => None,
            (Move::Pick(ix), QuestionKind::Single) => ix
                .first()
                .map(|i| Response::Choice(question.options[i % question.options.len()].id.clone())),
            (Move::Pick(ix), QuestionKind::Multi) => Some(Response::Choices(
                ix.iter()
                    .map(|i| question.options[i % question.options.len()].id.clone())
                    .collect(),
            )),
            (Move::Value(v), QuestionKind::Number) => {
                let v = match question.range {
                    Some([lo, hi]) => v.clamp(lo, hi),
                    None => *v,
                };
                Some(Response::Value(v))
            }
            (Move::Text(t), QuestionKind::Text) => Some(Response::Text(t.clone())),
            _ => None,
        };
        a.set_response(&question.id, response);
    }
    a
}

/// A decision on an action of the plan, any of its keys present or not.
fn plan_entry() -> impl Strategy<Value = (String, PlanEntry)> {
    let decision = prop::option::of(prop_oneof![
        Just(Decision::Agreed),
        Just(Decision::Declined)
    ]);
    let horizon = prop::option::of(prop_oneof![
        Just(Horizon::Short),
        Just(Horizon::Medium),
        Just(Horizon::Long)
    ]);
    let text = || prop::option::of("\\PC{0,20}");
    let due = prop::option::of((2020u16..2040, 1u8..13, 1u8..29));
    (
        "[a-z]{1,8}(-[0-9])?",
        (text(), decision, horizon, text(), due, text()),
    )
        .prop_map(|(id, (title, decision, horizon, owner, due, note))| {
            let due = due.map(|(year, month, day)| toml::value::Datetime {
                date: Some(toml::value::Date { year, month, day }),
                time: None,
                offset: None,
            });
            let entry = PlanEntry {
                title,
                decision,
                horizon,
                owner,
                due,
                note,
            };
            (id, entry)
        })
}

/// How an action went, any of its keys present or not.
fn progress_entry() -> impl Strategy<Value = (String, Progress)> {
    let status = prop::option::of(prop_oneof![
        Just(ProgressStatus::NotStarted),
        Just(ProgressStatus::InProgress),
        Just(ProgressStatus::Done),
        Just(ProgressStatus::Dropped)
    ]);
    let support = prop::option::of(prop_oneof![
        Just(SupportOutcome::None),
        Just(SupportOutcome::Applied),
        Just(SupportOutcome::Granted),
        Just(SupportOutcome::Refused)
    ]);
    (
        "[a-z]{1,8}",
        status,
        support,
        prop::option::of("\\PC{0,20}"),
    )
        .prop_map(|(id, status, support, note)| {
            (
                id,
                Progress {
                    status,
                    support,
                    note,
                },
            )
        })
}

fn all_scores(card: &Scorecard) -> Vec<f64> {
    card.questions
        .iter()
        .filter_map(|s| s.score)
        .chain(card.dimensions.iter().filter_map(|d| d.score))
        .chain(card.overall)
        .collect()
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_score_lies_on_the_scale(m in moves(10), p in profile(), min in any::<bool>()) {
        let q = features(min);
        let a = build(&q, &m, p);
        let card = score(&q, &a);
        for s in all_scores(&card) {
            prop_assert!(s >= q.scale.min - 1e-12 && s <= q.scale.max + 1e-12, "{s}");
        }
        let c = card.completeness();
        prop_assert!((0.0..=1.0).contains(&c));
    }

    #[test]
    fn multiplying_all_weights_by_a_constant_changes_no_score(
        m in moves(10), p in profile(), k in 0.01f64..100.0, min in any::<bool>()
    ) {
        let q = features(min);
        let mut scaled = q.clone();
        for d in &mut scaled.dimension {
            d.weight *= k;
            for question in &mut d.question {
                question.weight *= k;
            }
        }
        let a = build(&q, &m, p);
        let (c1, c2) = (score(&q, &a), score(&scaled, &a));
        for (d1, d2) in c1.dimensions.iter().zip(&c2.dimensions) {
            prop_assert!(close(d1.score, d2.score));
        }
        prop_assert!(close(c1.overall, c2.overall));
        prop_assert_eq!(c1.stage, c2.stage);
        prop_assert_eq!(c1.bottleneck, c2.bottleneck);
    }

    #[test]
    fn answering_a_question_na_never_changes_other_dimensions(
        m in moves(10), p in profile(), pick in 0usize..10, min in any::<bool>()
    ) {
        let q = features(min);
        let na_questions: Vec<_> = q.questions().filter(|r| r.question.na).collect();
        let target = na_questions[pick % na_questions.len()];
        let mut a = build(&q, &m, p);
        let before = score(&q, &a);
        a.set_response(&target.question.id, Some(Response::NotApplicable));
        let after = score(&q, &a);
        for (d, (x, y)) in before.dimensions.iter().zip(&after.dimensions).enumerate() {
            if d != target.dimension {
                prop_assert!(close(x.score, y.score), "dimension {d} changed");
            }
        }
    }

    #[test]
    fn save_load_save_gives_identical_bytes(
        m in moves(10),
        p in profile(),
        notes in prop::collection::vec(("[a-z-]{1,12}", "\\PC{0,40}|[\"'\\\\\n\t=,]{0,6}"), 0..6),
        firm in "\\PC{1,30}",
        orphans in prop::collection::vec(("[a-z]{3,8}-old", "[a-z]{1,6}"), 0..3),
        plan in prop::collection::vec(plan_entry(), 0..4),
        progress in prop::collection::vec(progress_entry(), 0..3),
        visit in (
            prop::option::of("\\PC{1,20}"),
            prop::option::of("[0-9]\\.[05]"),
            any::<bool>(),
            prop::option::of("[0-9A-Z]{18}"),
        ),
    ) {
        let q = features(false);
        let mut a = build(&q, &m, p);
        a.firm.name = firm;
        (a.visit.previous, a.visit.target, a.visit.demo, a.firm.id) = visit;
        a.plan.extend(plan);
        a.progress.extend(progress);
        for (id, note) in notes {
            a.set_note(&id, Some(note));
        }
        for (id, choice) in orphans {
            a.answers.insert(id, Answer::with(Response::Choice(choice)));
        }
        let first = a.to_toml().unwrap();
        let (loaded, _) = parse::assessment(&first).unwrap();
        prop_assert_eq!(&loaded, &a);
        let second = loaded.to_toml().unwrap();
        prop_assert_eq!(first, second);
    }
}

/// The policy questionnaire (every key of rules 2) with these plan sizes, and each
/// recommendation's priority and horizon drawn anew (`None` keeps the file's).
fn policy(sizes: (u8, u8, u8), redraw: &[(Option<usize>, Option<usize>)]) -> Questionnaire {
    let src = std::fs::read_to_string("tests/fixtures/questionnaires/policy.toml").unwrap();
    let src = src.replace(
        "short = 2\nmedium = 2\nlong = 1",
        &format!(
            "short = {}\nmedium = {}\nlong = {}",
            sizes.0, sizes.1, sizes.2
        ),
    );
    let words = ["high", "medium", "low"];
    let horizons = ["short", "medium", "long"];
    let mut out = String::new();
    let mut rec = None::<usize>;
    for line in src.lines() {
        if line == "[[recommendation]]" {
            rec = Some(rec.map_or(0, |r| r + 1));
        }
        let pick = rec.and_then(|r| redraw.get(r)).copied().unwrap_or_default();
        let line = match (line.split_once(" = "), pick) {
            (Some(("priority", _)), (Some(p), _)) => format!("priority = \"{}\"", words[p]),
            (Some(("horizon", _)), (_, Some(h))) => format!("horizon = \"{}\"", horizons[h]),
            _ => line.to_string(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    parse::questionnaire(&out).unwrap().0
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_plan_keeps_its_sizes_places_each_once_and_after_comes_later(
        m in moves(7),
        employees in prop::option::of(0i64..500),
        sizes in (0u8..5, 0u8..5, 0u8..5),
        redraw in prop::collection::vec((prop::option::of(0usize..3), prop::option::of(0usize..3)), 10),
    ) {
        let q = policy(sizes, &redraw);
        let a = build(&q, &m, (None, employees));
        let e = evaluate(&q, &a);
        let caps = [sizes.0, sizes.1, sizes.2];
        for (h, cap) in Horizon::ALL.into_iter().zip(caps) {
            prop_assert!(e.horizon(h).len() <= cap as usize, "{h:?} over its size");
        }
        let mut times = vec![0; e.applicable.len()];
        for &i in e.plan.horizons.iter().flatten().chain(&e.plan.later) {
            times[i] += 1;
        }
        prop_assert!(times.iter().all(|&n| n == 1), "placed once or later: {times:?}");
        let horizon_of = |i: usize| e.placement(i).horizon;
        for (i, x) in e.applicable.iter().enumerate() {
            let r = &q.recommendation[x.recommendation];
            prop_assert_eq!(horizon_of(i).is_none(), e.plan.later.contains(&i));
            if let Some(h) = horizon_of(i) {
                prop_assert!(h >= r.horizon, "{} before its own horizon", r.id);
            }
            for other in &r.after {
                let Some(j) = e.applicable.iter().position(|y| q.recommendation[y.recommendation].id == *other) else {
                    continue;
                };
                match (horizon_of(i), horizon_of(j)) {
                    (Some(hi), Some(hj)) => prop_assert!(hj < hi, "{} is not after {other}", r.id),
                    (Some(_), None) => prop_assert!(false, "{} planned, {other} later", r.id),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn projections_never_fall_below_today_nor_from_one_horizon_to_the_next(
        m in moves(7),
        employees in prop::option::of(0i64..500),
        sizes in (0u8..5, 0u8..5, 0u8..5),
        redraw in prop::collection::vec((prop::option::of(0usize..3), prop::option::of(0usize..3)), 10),
    ) {
        let q = policy(sizes, &redraw);
        let a = build(&q, &m, (None, employees));
        let e = evaluate(&q, &a);
        let rank = |s: Option<usize>| s.map_or(0, |i| i + 1);
        let mut before = (e.card.overall, rank(e.card.stage));
        for p in &e.projected {
            if let (Some(x), Some(b)) = (p.overall(), before.0) {
                prop_assert!(x >= b - 1e-9, "{:?}: {x} below {b}", p.horizon);
            }
            prop_assert!(before.0.is_none() || p.overall().is_some());
            prop_assert!(rank(p.stage()) >= before.1, "{:?}: the stage fell", p.horizon);
            // Where the rules' own result stands, it is rules 1–6 on the raised answers.
            if !p.held_back && p.changes.is_empty() {
                prop_assert_eq!(p.overall(), before.0);
            }
            before = (p.overall(), rank(p.stage()));
        }
    }
}
