//! Rule 10: the scores a firm would have once the actions of each horizon are done, from the
//! answers their `raises` bring about.

use super::{Plan, index};
use crate::advise::Advice;
use crate::model::condition::lt;
use crate::model::{Assessment, Horizon, QuestionKind, Questionnaire, Raise, RaiseTo, Response};
use crate::score::{Answers, Indexed, Scorecard, answer_level, score};

/// The projection for one horizon: the scores once every action placed in it or earlier is
/// done.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub horizon: Horizon,
    /// Rules 1–6 on the projected answers (or the projection before, when `held_back`).
    pub card: Scorecard,
    /// The answers the actions of this horizon changed, in plan order.
    pub changes: Vec<Change>,
    /// Rule 10's scores for this horizon came out below the projection before it (answers
    /// newly counted in a mean can pull it down); the one before stands.
    pub held_back: bool,
}

/// One answer changed by a raise.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Position of the question among all questions.
    pub question: usize,
    /// The action whose raise changed it (its position in the advice list).
    pub action: usize,
    /// The answer before: none when unanswered.
    pub from: Option<Response>,
    pub to: Response,
}

impl Projection {
    pub fn overall(&self) -> Option<f64> {
        self.card.overall
    }

    /// Index of the projected stage; none when provisional.
    pub fn stage(&self) -> Option<usize> {
        self.card.stage
    }
}

/// Rule 10: the projection for short, medium and long. Each never falls below the one before
/// (today's for short) in overall score or stage: where the rules' scores would, the one
/// before stands and the projection is marked `held_back`.
pub fn project(
    q: &Questionnaire,
    a: &Assessment,
    today: &Scorecard,
    advice: &[Advice<'_>],
    plan: &Plan,
) -> [Projection; 3] {
    project_horizons(q, a, today, advice, &plan.horizons)
}

/// Rule 10 for any grouping of the advice list into short, medium and long (rule 9's plan,
/// or the plan as the firm decided it): each horizon's actions' raises, in order.
pub(super) fn project_horizons(
    q: &Questionnaire,
    a: &Assessment,
    today: &Scorecard,
    advice: &[Advice<'_>],
    horizons: &[Vec<usize>; 3],
) -> [Projection; 3] {
    let mut answers = Projected::new(q, a);
    let mut step = |h: Horizon, before: &Scorecard| {
        let mut changes = Vec::new();
        for &action in &horizons[index(h)] {
            for raise in &advice[action].recommendation.raises {
                if let Some((question, from, to)) = apply(q, &mut answers, raise) {
                    changes.push(Change {
                        question,
                        action,
                        from,
                        to,
                    });
                }
            }
        }
        let (card, held_back) = if changes.is_empty() {
            (before.clone(), false)
        } else {
            let card = score(q, &answers);
            if falls(&card, before) {
                (before.clone(), true)
            } else {
                (card, false)
            }
        };
        Projection {
            horizon: h,
            card,
            changes,
            held_back,
        }
    };
    let short = step(Horizon::Short, today);
    let medium = step(Horizon::Medium, &short.card);
    let long = step(Horizon::Long, &medium.card);
    [short, medium, long]
}

/// The assessment's answers as the raises so far changed them: the changed responses over
/// the assessment's own, without copying it. Both are kept by the question's position, so
/// that scoring the projection again and again finds each answer without a search.
pub(super) struct Projected<'a> {
    q: &'a Questionnaire,
    /// The assessment's own answers.
    own: Indexed<'a>,
    /// The latest raised response to each question, by position.
    raised: Vec<Option<Response>>,
}

impl<'a> Projected<'a> {
    pub(super) fn new(q: &'a Questionnaire, base: &'a Assessment) -> Self {
        Projected {
            q,
            own: Indexed::new(q, base),
            raised: vec![None; q.question_count()],
        }
    }
}

impl Answers for Projected<'_> {
    fn response(&self, question: &str) -> Option<&Response> {
        match self.q.position(question) {
            Some(p) => self.response_at(p, question),
            None => self.own.response(question),
        }
    }

    fn response_at(&self, position: usize, question: &str) -> Option<&Response> {
        match self.raised.get(position) {
            Some(Some(r)) => Some(r),
            _ => self.own.response_at(position, question),
        }
    }

    fn profile(&self, field: &str) -> Option<&toml::Value> {
        self.own.profile(field)
    }
}

/// Whether a projection is below the one before it: a lower overall score, or a lower stage
/// (no stage lowest).
fn falls(card: &Scorecard, before: &Scorecard) -> bool {
    let overall = match (card.overall, before.overall) {
        (Some(x), Some(b)) => lt(x, b),
        (None, Some(_)) => true,
        _ => false,
    };
    let rank = |c: &Scorecard| c.stage.map_or(0, |i| i + 1);
    overall || rank(card) < rank(before)
}

/// Applies one raise to the projected answers where it earns a higher score than the answer
/// it replaces; returns the question's position and the answer before and after.
pub(super) fn apply(
    q: &Questionnaire,
    a: &mut Projected<'_>,
    raise: &Raise,
) -> Option<(usize, Option<Response>, Response)> {
    let position = q.position(&raise.question)?;
    let question = q.question_at(position).question;
    let current = a.response_at(position, &raise.question);
    if matches!(current, Some(Response::NotApplicable)) {
        return None;
    }
    let new = match (&raise.to, question.kind) {
        (RaiseTo::Choice(o), QuestionKind::Single) => Response::Choice(o.clone()),
        (RaiseTo::Value(v), QuestionKind::Number) => Response::Value(*v),
        (RaiseTo::Choices(add), QuestionKind::Multi) => {
            let mut ticked = match current {
                Some(Response::Choices(cs)) => cs.clone(),
                _ => Vec::new(),
            };
            for o in add {
                if !ticked.contains(o) {
                    ticked.push(o.clone());
                }
            }
            if ticked.iter().any(|c| !question.is_exclusive(c)) {
                ticked.retain(|c| !question.is_exclusive(c));
            }
            Response::Choices(ticked)
        }
        _ => return None,
    };
    let level = |r: &Response| answer_level(&q.scale, question, r).flatten();
    let after = level(&new)?;
    if current.and_then(level).is_some_and(|b| !lt(b, after)) {
        return None;
    }
    let from = current.cloned();
    if let Some(slot) = a.raised.get_mut(position) {
        *slot = Some(new.clone());
    }
    Some((position, from, new))
}
