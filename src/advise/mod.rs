//! Advice: which recommendations fire for an assessment, why, and in what order the sheet
//! shows them.

mod reasons;

use std::cmp::Reverse;

pub use reasons::{Quote, brief, reason_sentences, reason_sentences_quoting, sentence};

use crate::model::condition::Witness;
use crate::model::{Questionnaire, Recommendation};
use crate::score::{Answers, Scorecard};

/// A recommendation that fires, with the facts that made it fire.
#[derive(Debug, Clone)]
pub struct Advice<'q> {
    pub recommendation: &'q Recommendation,
    /// Position of the recommendation in the file.
    pub index: usize,
    /// (scale.max − dimension score) × dimension weight; 0 without a dimension or score.
    pub gap: f64,
    /// The leaf conditions that decided it, with the values they saw.
    pub reasons: Vec<Witness<'q>>,
}

/// The recommendations whose `when` holds, ordered by priority, then by the gap of their
/// dimension (largest first), then by file order.
pub fn advise<'q>(q: &'q Questionnaire, a: &dyn Answers, card: &Scorecard) -> Vec<Advice<'q>> {
    let facts = card.facts(q, a);
    let mut fired = ordered(q, a, card);
    for f in &mut fired {
        if let Some(c) = &f.recommendation.when {
            f.reasons = c.witnesses(&facts);
        }
    }
    fired
}

/// As [`advise`], without the reasons: what the plan needs (the evaluation keeps the reasons
/// in its own form).
pub fn ordered<'q>(q: &'q Questionnaire, a: &dyn Answers, card: &Scorecard) -> Vec<Advice<'q>> {
    let mut fired: Vec<Advice<'q>> = fires(q, a, card)
        .into_iter()
        .map(|index| (index, &q.recommendation[index]))
        .map(|(index, r)| Advice {
            recommendation: r,
            index,
            gap: gap(q, card, r),
            reasons: Vec::new(),
        })
        .collect();
    // Gaps are compared on a fine grid so that equal gaps computed along different paths tie.
    fired.sort_by_key(|f| {
        (
            f.recommendation.priority,
            Reverse((f.gap * 1e9).round() as i64),
            f.index,
        )
    });
    fired
}

/// Positions of the recommendations whose `when` holds, in file order: which fire, without
/// the order and reasons [`advise`] adds (what counting them over a cohort needs).
pub fn fires(q: &Questionnaire, a: &dyn Answers, card: &Scorecard) -> Vec<usize> {
    let facts = card.facts(q, a);
    q.recommendation
        .iter()
        .enumerate()
        .filter(|(_, r)| r.when.as_ref().is_none_or(|c| c.eval(&facts)))
        .map(|(index, _)| index)
        .collect()
}

fn gap(q: &Questionnaire, card: &Scorecard, r: &Recommendation) -> f64 {
    r.dimension
        .as_deref()
        .and_then(|id| q.dimension_index(id))
        .and_then(|i| {
            card.dimensions[i]
                .score
                .map(|s| (q.scale.max - s) * q.dimension[i].weight)
        })
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests;
