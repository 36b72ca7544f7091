//! The plan of an assessment: the applicable recommendations placed into the short, medium and
//! long horizons (rule 9), the scores projected for each horizon once its actions are done
//! (rule 10), the plan as the firm decided it with its own projection, and the verdict
//! (rule 11). Pure functions, no I/O.

mod agreed;
pub mod due;
mod projection;

use std::cmp::Reverse;

pub use agreed::{Agreed, agreed};
pub use due::{DueOutside, due_outside};
pub use projection::{Change, Projection, project};

use crate::advise::Advice;
use crate::model::{Horizon, Questionnaire};
use crate::score::{Answers, Scorecard};

/// The applicable recommendations placed into horizons. Every recommendation is named by its
/// position in the advice list it was planned from (rule 8's order).
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Short, medium and long: the actions placed there, in the order placed.
    pub horizons: [Vec<usize>; 3],
    /// The applicable ones placed nowhere, in the plan's ranking.
    pub later: Vec<usize>,
    /// One per advice item: where it sits and why.
    pub placements: Vec<Placement>,
}

/// Where one applicable recommendation sits in the plan, and why not earlier.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// None: later, not planned.
    pub horizon: Option<Horizon>,
    /// For each horizon from the recommendation's own up to the one before where it sits
    /// (up to long when it is later): why it was not placed there.
    pub deferrals: Vec<Deferral>,
}

/// Why a recommendation was not placed in a horizon it was due in.
#[derive(Debug, Clone, PartialEq)]
pub struct Deferral {
    pub horizon: Horizon,
    pub why: Deferred,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Deferred {
    /// It was eligible, but `plan.H` actions ranked before it filled the horizon.
    Full { cap: usize },
    /// It waits for these recommendations (advice positions), which apply and had not been
    /// placed in an earlier horizon.
    After(Vec<usize>),
}

impl Plan {
    /// The actions placed in a horizon, in the order placed.
    pub fn horizon(&self, h: Horizon) -> &[usize] {
        &self.horizons[index(h)]
    }

    /// Every planned action in plan order: short first, each horizon in the order placed.
    pub fn planned(&self) -> impl Iterator<Item = (Horizon, usize)> + '_ {
        Horizon::ALL
            .into_iter()
            .flat_map(move |h| self.horizon(h).iter().map(move |&i| (h, i)))
    }
}

/// The position of a horizon among short, medium and long.
pub fn index(h: Horizon) -> usize {
    match h {
        Horizon::Short => 0,
        Horizon::Medium => 1,
        Horizon::Long => 2,
    }
}

/// Rule 9: places the applicable recommendations, given in rule 8's order, into horizons.
pub fn plan(q: &Questionnaire, advice: &[Advice<'_>]) -> Plan {
    let position: Vec<Option<usize>> = {
        let mut p = vec![None; q.recommendation.len()];
        for (i, a) in advice.iter().enumerate() {
            p[a.index] = Some(i);
        }
        p
    };
    // The applicable recommendations each one must come after.
    let after: Vec<Vec<usize>> = advice
        .iter()
        .map(|a| {
            a.recommendation
                .after
                .iter()
                .filter_map(|id| q.recommendation_index(id).and_then(|r| position[r]))
                .collect()
        })
        .collect();
    let mut ranked: Vec<usize> = (0..advice.len()).collect();
    ranked.sort_by_key(|&i| rank(&advice[i]));
    let mut placed: Vec<Option<Horizon>> = vec![None; advice.len()];
    let mut deferrals: Vec<Vec<Deferral>> = vec![Vec::new(); advice.len()];
    let mut horizons: [Vec<usize>; 3] = Default::default();
    for h in Horizon::ALL {
        let cap = q.plan.cap(h);
        for &i in &ranked {
            if placed[i].is_some() || advice[i].recommendation.horizon > h {
                continue;
            }
            let waiting: Vec<usize> = after[i]
                .iter()
                .copied()
                .filter(|&j| placed[j].is_none_or(|p| p >= h))
                .collect();
            let why = if !waiting.is_empty() {
                Deferred::After(waiting)
            } else if horizons[index(h)].len() < cap {
                horizons[index(h)].push(i);
                placed[i] = Some(h);
                continue;
            } else {
                Deferred::Full { cap }
            };
            deferrals[i].push(Deferral { horizon: h, why });
        }
    }
    let later = ranked
        .into_iter()
        .filter(|&i| placed[i].is_none())
        .collect();
    Plan {
        horizons,
        later,
        placements: placed
            .into_iter()
            .zip(deferrals)
            .map(|(horizon, deferrals)| Placement { horizon, deferrals })
            .collect(),
    }
}

/// The plan's ranking: priority (high first), the gap of the dimension (largest first, on a
/// fine grid so that equal gaps tie), effort (low first), file order.
fn rank(a: &Advice<'_>) -> impl Ord {
    let r = a.recommendation;
    (
        r.priority,
        Reverse((a.gap * 1e9).round() as i64),
        r.effort,
        a.index,
    )
}

/// Rule 11: the first verdict whose `when` holds; none when provisional or none holds.
pub fn verdict(q: &Questionnaire, a: &dyn Answers, card: &Scorecard) -> Option<usize> {
    if card.provisional {
        return None;
    }
    let facts = card.facts(q, a);
    q.verdict
        .iter()
        .position(|v| v.when.as_ref().is_none_or(|c| c.eval(&facts)))
}

#[cfg(test)]
mod tests;
