//! The evaluation of an assessment: everything the scoring rules derive from it, computed once
//! — scores, stage, gate, provisional mark, bottleneck, the applicable recommendations with
//! their reasons, the plan, the projections, the verdict and the checks that hold. Every
//! output (score, sheet, export, compare, the screens) reads it; none recomputes a rule. The
//! cohort's outputs (export, compare) read the [`CohortEvaluation`], made by the same rules
//! without the parts only one firm's sheet and screens show.

pub mod explain;
pub mod text;
mod visit;

pub use visit::{Scored, ScoredVisit, score_visits};

use crate::advise::{Advice, ordered};
use crate::model::condition::{Finding, Witness};
use crate::model::{Assessment, Horizon, Questionnaire, Recommendation, Verdict};
use crate::plan::{Agreed, Placement, Plan, Projection, agreed, index, plan, project, verdict};
use crate::score::{Answers, Indexed, Scorecard, score};

/// Everything the rules derive from one assessment. It owns its data (positions, not
/// references), so a screen can keep it beside the assessment and evaluate again only when
/// the assessment changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Rules 1–6: question, dimension and overall scores, completeness, stage, `held_at`,
    /// `held_by`, `provisional`, bottleneck.
    pub card: Scorecard,
    /// Rule 8: the recommendations whose `when` holds, in order (priority, gap, file order).
    pub applicable: Vec<Applicable>,
    /// Rule 9: positions in `applicable` placed into horizons, and the later ones.
    pub plan: Plan,
    /// Rule 10: short, medium, long.
    pub projected: [Projection; 3],
    /// The plan as the firm decided it (`[plan.*]`) and what it projects; none while
    /// nothing is decided. The summary and the sheet show this one once it is there.
    pub agreed: Option<Agreed>,
    /// Rule 11: position in the questionnaire's verdicts.
    pub verdict: Option<usize>,
    /// Positions in the questionnaire's checks of those whose `when` holds.
    pub checks: Vec<usize>,
}

/// One applicable recommendation.
#[derive(Debug, Clone, PartialEq)]
pub struct Applicable {
    /// Position in the questionnaire's recommendations.
    pub recommendation: usize,
    /// (scale.max − dimension score) × dimension weight; 0 without a dimension or a score.
    pub gap: f64,
    /// The leaf conditions of its `when` that decided it, with the values they saw.
    pub reasons: Vec<Finding>,
}

/// Evaluates an assessment against its questionnaire.
pub fn evaluate(q: &Questionnaire, a: &Assessment) -> Evaluation {
    let Ruled {
        answers,
        card,
        advice,
        plan,
        projected,
        verdict,
    } = rule(q, a);
    let agreed = agreed(q, a, &card, &advice, &plan, &projected);
    let facts = card.facts(q, &answers);
    let checks = q
        .check
        .iter()
        .enumerate()
        .filter(|(_, c)| c.when.eval(&facts))
        .map(|(i, _)| i)
        .collect();
    let applicable = advice
        .iter()
        .map(|x| applicable(x, q, &answers, &card))
        .collect();
    Evaluation {
        card,
        applicable,
        plan,
        projected,
        agreed,
        verdict,
        checks,
    }
}

/// The part of the evaluation that a cohort's outputs (export and comparison) read: the same
/// rules, computed the same way, without what only the sheet and the screens show (the
/// reasons, the agreed plan, the checks). Reading a province's folders, those would be most
/// of the work after the scores.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortEvaluation {
    /// As [`Evaluation::card`].
    pub card: Scorecard,
    /// Positions in the questionnaire's recommendations of the applicable ones, in the order
    /// of [`Evaluation::applicable`].
    pub recommendations: Vec<usize>,
    /// As [`Evaluation::plan`].
    pub plan: Plan,
    /// As [`Evaluation::projected`].
    pub projected: [Projection; 3],
    /// As [`Evaluation::verdict`].
    pub verdict: Option<usize>,
}

/// Evaluates an assessment as far as a cohort's outputs read it.
pub fn evaluate_for_cohort(q: &Questionnaire, a: &Assessment) -> CohortEvaluation {
    let r = rule(q, a);
    CohortEvaluation {
        recommendations: r.advice.iter().map(|x| x.index).collect(),
        card: r.card,
        plan: r.plan,
        projected: r.projected,
        verdict: r.verdict,
    }
}

/// Rules 1–11 applied to one assessment: what every evaluation is made from.
struct Ruled<'q> {
    answers: Indexed<'q>,
    card: Scorecard,
    advice: Vec<Advice<'q>>,
    plan: Plan,
    projected: [Projection; 3],
    verdict: Option<usize>,
}

fn rule<'q>(q: &'q Questionnaire, a: &'q Assessment) -> Ruled<'q> {
    // Every rule reads the answers many times: each is looked up once.
    let answers = Indexed::new(q, a);
    let card = score(q, &answers);
    let advice = ordered(q, &answers, &card);
    let plan = plan(q, &advice);
    let projected = project(q, a, &card, &advice, &plan);
    let verdict = verdict(q, &answers, &card);
    Ruled {
        answers,
        card,
        advice,
        plan,
        projected,
        verdict,
    }
}

fn applicable(x: &Advice<'_>, q: &Questionnaire, a: &dyn Answers, card: &Scorecard) -> Applicable {
    Applicable {
        recommendation: x.index,
        gap: x.gap,
        reasons: x
            .recommendation
            .when
            .as_ref()
            .map(|c| c.findings(&card.facts(q, a)))
            .unwrap_or_default(),
    }
}

impl Evaluation {
    /// The recommendation of the applicable one at `i`.
    pub fn recommendation<'q>(&self, q: &'q Questionnaire, i: usize) -> &'q Recommendation {
        &q.recommendation[self.applicable[i].recommendation]
    }

    /// Why the applicable one at `i` applies, as witnesses of its condition's leaves.
    pub fn reasons<'q>(&self, q: &'q Questionnaire, i: usize) -> Vec<Witness<'q>> {
        let Some(when) = &self.recommendation(q, i).when else {
            return Vec::new();
        };
        self.applicable[i]
            .reasons
            .iter()
            .filter_map(|f| f.witness(when))
            .collect()
    }

    /// Positions in `applicable` of the actions placed in a horizon, in the order placed.
    pub fn horizon(&self, h: Horizon) -> &[usize] {
        self.plan.horizon(h)
    }

    /// Where the applicable one at `i` sits in the plan, and why.
    pub fn placement(&self, i: usize) -> &Placement {
        &self.plan.placements[i]
    }

    pub fn projection(&self, h: Horizon) -> &Projection {
        &self.projected[index(h)]
    }

    /// The projection once the whole plan is carried out (after the long horizon).
    pub fn projected_end(&self) -> &Projection {
        &self.projected[2]
    }

    /// The position in `applicable` of the recommendation `id`; none when it does not apply.
    pub fn position(&self, q: &Questionnaire, id: &str) -> Option<usize> {
        self.applicable
            .iter()
            .position(|x| q.recommendation[x.recommendation].id == id)
    }

    /// The actions of the assessment's `[plan.*]` whose due date lies outside the window of
    /// the horizon they stand in (the one agreed, else rule 9's).
    pub fn due_outside(&self, q: &Questionnaire, a: &Assessment) -> Vec<crate::plan::DueOutside> {
        crate::plan::due_outside(a, |id| {
            self.position(q, id).and_then(|i| self.placement(i).horizon)
        })
    }

    /// Whether the firm decided anything on its plan: then the plan shown is the one agreed.
    pub fn is_decided(&self) -> bool {
        self.agreed.is_some()
    }

    /// Positions in `applicable` of the actions shown in a horizon: as the firm decided
    /// (declined ones out, moved ones in the horizon agreed), else rule 9's.
    pub fn decided_horizon(&self, h: Horizon) -> &[usize] {
        match &self.agreed {
            Some(x) => x.horizon(h),
            None => self.plan.horizon(h),
        }
    }

    /// The options left for later that the firm neither declined nor moved into the plan.
    pub fn decided_later(&self) -> &[usize] {
        match &self.agreed {
            Some(x) => &x.later,
            None => &self.plan.later,
        }
    }

    /// Positions in `applicable` of the actions the firm declined, in plan order.
    pub fn declined(&self) -> &[usize] {
        self.agreed.as_ref().map_or(&[], |x| &x.declined)
    }

    /// The ids of the decisions naming no applicable recommendation (the firm's own
    /// actions, recommendations that no longer apply), in id order.
    pub fn others(&self) -> &[String] {
        self.agreed.as_ref().map_or(&[], |x| &x.others)
    }

    /// The projection a person is shown: of the agreed plan once the firm decided anything,
    /// else rule 10's (every recommended action carried out in its horizon).
    pub fn decided_projected(&self) -> &[Projection; 3] {
        match &self.agreed {
            Some(x) => &x.projected,
            None => &self.projected,
        }
    }

    /// [`Self::decided_projected`] after the long horizon.
    pub fn decided_end(&self) -> &Projection {
        &self.decided_projected()[2]
    }

    /// Whether the plan shown holds any action in short, medium or long.
    pub fn anything_planned(&self) -> bool {
        Horizon::ALL
            .into_iter()
            .any(|h| !self.decided_horizon(h).is_empty())
    }

    pub fn verdict<'q>(&self, q: &'q Questionnaire) -> Option<&'q Verdict> {
        self.verdict.map(|i| &q.verdict[i])
    }

    /// Ids of the applicable recommendations at these positions.
    pub fn ids<'q>(&self, q: &'q Questionnaire, positions: &[usize]) -> Vec<&'q str> {
        positions
            .iter()
            .map(|&i| self.recommendation(q, i).id.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests;
