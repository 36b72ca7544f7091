//! The plan as the firm decided it (`[plan.*]`): rule 9's plan with the declined actions taken
//! out and the moved ones in the horizon agreed, and what that plan projects (rule 10 applied
//! to it). Every view that shows the plan after a decision — the summary, the sheet — reads
//! this one grouping.

use std::collections::BTreeMap;

use super::projection::project_horizons;
use super::{Plan, Projection, index};
use crate::advise::Advice;
use crate::model::{Assessment, Decision, Horizon, PlanEntry, Questionnaire};
use crate::score::Scorecard;

/// The plan as decided. Actions are named by their position in the advice list (rule 8's
/// order), as in [`Plan`].
#[derive(Debug, Clone, PartialEq)]
pub struct Agreed {
    /// Short, medium, long: rule 9's actions there that the firm neither declined nor moved,
    /// in the order placed, then those it moved there (from another horizon or from later),
    /// in plan order.
    pub horizons: [Vec<usize>; 3],
    /// The options left for later that the firm neither declined nor moved into a horizon.
    pub later: Vec<usize>,
    /// The applicable actions the firm declined: planned ones in plan order, then later ones.
    pub declined: Vec<usize>,
    /// The ids of the decisions naming no applicable recommendation — the firm's own actions
    /// and recommendations that no longer apply — in id order.
    pub others: Vec<String>,
    /// Rule 10 applied to these horizons: a declined action gives nothing, a moved one counts
    /// in its agreed horizon; the firm's own actions have no `raises`.
    pub projected: [Projection; 3],
}

impl Agreed {
    /// The actions shown in a horizon.
    pub fn horizon(&self, h: Horizon) -> &[usize] {
        &self.horizons[index(h)]
    }
}

/// The decisions as they bear on the advice list.
struct Decisions<'a> {
    entries: &'a BTreeMap<String, PlanEntry>,
    advice: &'a [Advice<'a>],
    plan: &'a Plan,
}

impl Decisions<'_> {
    fn entry(&self, i: usize) -> Option<&PlanEntry> {
        self.entries.get(&self.advice[i].recommendation.id)
    }

    fn declined(&self, i: usize) -> bool {
        self.entry(i)
            .is_some_and(|p| p.decision == Some(Decision::Declined))
    }

    /// The horizon agreed for action `i`, where it differs from rule 9's.
    fn moved_to(&self, i: usize) -> Option<Horizon> {
        let wanted = self.entry(i)?.horizon?;
        (self.plan.placements[i].horizon != Some(wanted)).then_some(wanted)
    }

    /// Kept where rule 9 put it: neither declined nor moved.
    fn stays(&self, i: usize) -> bool {
        !self.declined(i) && self.moved_to(i).is_none()
    }
}

/// The plan as the firm decided it, and its projection; none while the assessment holds no
/// decision at all (then rule 9's plan and rule 10's projection are the ones shown).
/// `recommended` is rule 10's projection of `plan`, reused where the decisions leave the
/// horizons as they were.
pub fn agreed(
    q: &Questionnaire,
    a: &Assessment,
    today: &Scorecard,
    advice: &[Advice<'_>],
    plan: &Plan,
    recommended: &[Projection; 3],
) -> Option<Agreed> {
    if a.plan.is_empty() {
        return None;
    }
    let d = Decisions {
        entries: &a.plan,
        advice,
        plan,
    };
    let in_plan_order: Vec<usize> = plan
        .planned()
        .map(|(_, i)| i)
        .chain(plan.later.iter().copied())
        .collect();
    let horizons = Horizon::ALL.map(|h| {
        let stays = plan.horizon(h).iter().copied().filter(|&i| d.stays(i));
        let moved_in = in_plan_order
            .iter()
            .copied()
            .filter(|&i| !d.declined(i) && d.moved_to(i) == Some(h));
        stays.chain(moved_in).collect::<Vec<usize>>()
    });
    let later = plan.later.iter().copied().filter(|&i| d.stays(i)).collect();
    let declined = in_plan_order
        .iter()
        .copied()
        .filter(|&i| d.declined(i))
        .collect();
    let others = a
        .plan
        .keys()
        .filter(|id| {
            q.recommendation_index(id)
                .is_none_or(|r| !advice.iter().any(|x| x.index == r))
        })
        .cloned()
        .collect();
    let projected = if horizons == plan.horizons {
        recommended.clone()
    } else {
        project_horizons(q, a, today, advice, &horizons)
    };
    Some(Agreed {
        horizons,
        later,
        declined,
        others,
        projected,
    })
}
