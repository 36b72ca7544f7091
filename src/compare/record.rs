//! The district's record of re-visits and visits: how the re-visited firms moved from their
//! first visit (T0) to their latest (T1) — a table of stages, the median change of the overall
//! score, and the change of the firms whose agreed actions were all done against those whose
//! were not — and the visits and firms of each assessor.

use std::collections::HashMap;
use std::sync::Arc;

use super::model::{Comparison, FirmRow};
use super::stats::quantile;
use crate::score::round2;

/// The record over the firms shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    /// Re-visited firms by (T0 stage, T1 stage): `moves[from][to]`, indices in
    /// [`Comparison::stages`], the last index for firms without a stage.
    pub moves: Vec<Vec<usize>>,
    /// How many firms shown were visited more than once.
    pub revisited: usize,
    /// The change of the overall score from T0 to T1, for each [`Group`] in order.
    pub changes: Vec<(Group, Change)>,
    /// (assessor, visits, firms) over every visit of the firms shown, most visits first, then
    /// by name; visits without an assessor last, as none.
    pub assessors: Vec<(Option<String>, usize, usize)>,
}

/// Re-visited firms grouped by what came of the actions they agreed before their latest visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Every re-visited firm.
    All,
    /// At least one action agreed, and a later visit reports every one of them done.
    AllDone,
    /// At least one action agreed that no later visit reports done.
    NotAllDone,
    /// No action agreed.
    NoneAgreed,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::All,
        Group::AllDone,
        Group::NotAllDone,
        Group::NoneAgreed,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Group::All => "all",
            Group::AllDone => "all_done",
            Group::NotAllDone => "not_all_done",
            Group::NoneAgreed => "none_agreed",
        }
    }
}

/// How the overall score of a group of re-visited firms changed from T0 to T1, over the firms
/// with a score at both (on the rounded scores).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Change {
    /// Firms of the group.
    pub firms: usize,
    /// Of them, those with an overall score at both visits.
    pub scored: usize,
    pub median: Option<f64>,
    pub mean: Option<f64>,
}

impl Record {
    /// The record of the firms `c` shows.
    pub fn of(c: &Comparison) -> Record {
        let none = c.stages().len();
        let mut moves = vec![vec![0; none + 1]; none + 1];
        let mut groups: Vec<(Group, usize, Vec<f64>)> =
            Group::ALL.iter().map(|&g| (g, 0, Vec::new())).collect();
        let mut revisited = 0;
        for f in c.rows().filter(|f| f.visits.len() > 1) {
            revisited += 1;
            let (first, last) = (&f.visits[0], f.latest());
            moves[first.stage().unwrap_or(none)][last.stage().unwrap_or(none)] += 1;
            // A provisional visit's score is no result to measure a change from or to.
            let change = first
                .ranked()
                .zip(last.ranked())
                .map(|(a, b)| round2(b - a));
            for (g, n, values) in groups.iter_mut() {
                if *g == Group::All || *g == group(f) {
                    *n += 1;
                    values.extend(change);
                }
            }
        }
        Record {
            moves,
            revisited,
            changes: groups
                .into_iter()
                .map(|(g, firms, v)| (g, change(firms, v)))
                .collect(),
            assessors: assessors(c),
        }
    }
}

/// What came of the actions a re-visited firm agreed before its latest visit.
fn group(f: &FirmRow) -> Group {
    let n = f.visits.len();
    let agreed: Vec<&Arc<str>> = f.visits[..n - 1].iter().flat_map(|v| v.agreed()).collect();
    if agreed.is_empty() {
        return Group::NoneAgreed;
    }
    let done = |id: &Arc<str>| f.visits[1..].iter().any(|v| v.done().contains(id));
    if agreed.into_iter().all(done) {
        Group::AllDone
    } else {
        Group::NotAllDone
    }
}

fn change(firms: usize, mut values: Vec<f64>) -> Change {
    values.sort_by(f64::total_cmp);
    let mean = (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64);
    Change {
        firms,
        scored: values.len(),
        median: quantile(&values, 0.5),
        mean,
    }
}

/// Visits and firms per assessor over every visit of the firms shown.
fn assessors(c: &Comparison) -> Vec<(Option<String>, usize, usize)> {
    let mut at: HashMap<Option<&str>, (usize, usize)> = HashMap::new();
    for f in c.rows() {
        let mut mine: Vec<Option<&str>> = Vec::new();
        for v in &f.visits {
            let who = v
                .assessor
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty());
            let entry = at.entry(who).or_default();
            entry.0 += 1;
            if !mine.contains(&who) {
                mine.push(who);
                entry.1 += 1;
            }
        }
    }
    let mut out: Vec<(Option<String>, usize, usize)> = at
        .into_iter()
        .map(|(who, (visits, firms))| (who.map(str::to_string), visits, firms))
        .collect();
    out.sort_by(|a, b| {
        (a.0.is_none(), std::cmp::Reverse(a.1), &a.0).cmp(&(
            b.0.is_none(),
            std::cmp::Reverse(b.1),
            &b.0,
        ))
    });
    out
}
