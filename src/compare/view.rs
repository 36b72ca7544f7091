//! The cohort view: how the firms shown spread over the stages, which dimensions hold them
//! back most often, and for each recommendation and support instrument how many firms need
//! it — the district's list of which support to organise for how many firms.

use std::collections::HashMap;

use super::model::Comparison;

/// Counts over the firms shown, each firm counted once, with its latest visit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CohortView {
    /// How many firms are shown.
    pub firms: usize,
    /// Firms per stage, one per entry of [`Comparison::stages`], lowest stage first.
    pub stages: Vec<usize>,
    /// Firms without an overall score (so without a stage).
    pub unscored: usize,
    /// (index in [`Comparison::dimensions`], firms for which it is the bottleneck), most
    /// frequent first, ties in questionnaire order; only dimensions that are a bottleneck.
    pub bottlenecks: Vec<(usize, usize)>,
    /// (index in [`Comparison::recommendations`], firms it fires for), most firms first, then
    /// by priority, then in questionnaire order; only recommendations that fire.
    pub recommendations: Vec<(usize, usize)>,
    /// (support instrument, firms that need it for at least one recommendation), most firms
    /// first, ties in order of first mention. A support text naming several instruments,
    /// separated by semicolons, counts for each of them (see [`instruments`]).
    pub supports: Vec<(String, usize)>,
}

impl CohortView {
    /// The view of the firms `c` shows.
    pub fn of(c: &Comparison) -> CohortView {
        let mut stages = vec![0; c.stages().len()];
        let mut unscored = 0;
        let mut bottlenecks = vec![0; c.dimensions().len()];
        let mut recommendations = vec![0; c.recommendations().len()];
        let mut support_names: Vec<String> = Vec::new();
        let mut support_at: HashMap<&str, usize> = HashMap::new();
        // Per recommendation, the instruments its support names (indices in support_names).
        let mut rec_supports: Vec<Vec<usize>> = Vec::with_capacity(c.recommendations().len());
        for r in c.recommendations() {
            let mut mine = Vec::new();
            for name in r.support.as_deref().map(instruments).unwrap_or_default() {
                let k = match support_at.get(name) {
                    Some(&k) => k,
                    None => {
                        support_at.insert(name, support_names.len());
                        support_names.push(name.to_string());
                        support_names.len() - 1
                    }
                };
                if !mine.contains(&k) {
                    mine.push(k);
                }
            }
            rec_supports.push(mine);
        }
        let mut supports = vec![0; support_names.len()];
        let mut firms = 0;
        let mut seen: Vec<usize> = Vec::new();
        for f in c.rows() {
            firms += 1;
            let v = f.latest();
            match v.stage {
                Some(s) => stages[s] += 1,
                None => unscored += 1,
            }
            if let Some(b) = v.bottleneck {
                bottlenecks[b] += 1;
            }
            seen.clear();
            for &r in &v.recommendations {
                recommendations[r] += 1;
                for &k in &rec_supports[r] {
                    if !seen.contains(&k) {
                        seen.push(k);
                        supports[k] += 1;
                    }
                }
            }
        }
        let mut bottlenecks: Vec<(usize, usize)> = bottlenecks
            .into_iter()
            .enumerate()
            .filter(|(_, n)| *n > 0)
            .collect();
        bottlenecks.sort_by_key(|&(i, n)| (std::cmp::Reverse(n), i));
        let mut recommendations: Vec<(usize, usize)> = recommendations
            .into_iter()
            .enumerate()
            .filter(|(_, n)| *n > 0)
            .collect();
        let recs = c.recommendations();
        recommendations.sort_by_key(|&(i, n)| (std::cmp::Reverse(n), recs[i].priority, i));
        let mut supports: Vec<(String, usize)> = support_names
            .into_iter()
            .zip(supports)
            .filter(|(_, n)| *n > 0)
            .collect();
        supports.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        CohortView {
            firms,
            stages,
            unscored,
            bottlenecks,
            recommendations,
            supports,
        }
    }

    /// The largest count of the stage bar chart (unscored firms included): what a bar of
    /// full length stands for.
    pub fn largest_stage_count(&self) -> usize {
        self.stages
            .iter()
            .copied()
            .chain([self.unscored])
            .max()
            .unwrap_or(0)
    }

    /// A count as a share of the firms shown (0 when none are shown).
    pub fn share(&self, n: usize) -> f64 {
        if self.firms == 0 {
            0.0
        } else {
            n as f64 / self.firms as f64
        }
    }
}

/// The instruments a support text names: the parts between semicolons (`;` or `；`) outside
/// brackets, each without its bracketed qualifier — "工业互联网精准助企活动（网络安全）"
/// counts as 工业互联网精准助企活动 — and trimmed.
pub fn instruments(support: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut name_end = None;
    for (i, c) in support.char_indices() {
        match c {
            '(' | '（' => {
                if depth == 0 && name_end.is_none() {
                    name_end = Some(i);
                }
                depth += 1;
            }
            ')' | '）' => depth = depth.saturating_sub(1),
            ';' | '；' if depth == 0 => {
                out.push(&support[start..name_end.unwrap_or(i)]);
                start = i + c.len_utf8();
                name_end = None;
            }
            _ => {}
        }
    }
    out.push(&support[start..name_end.unwrap_or(support.len())]);
    out.into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::instruments;

    #[test]
    fn a_support_text_names_its_instruments_between_semicolons() {
        assert_eq!(
            instruments("技改贷；产业链主办银行（供应链金融；信用贷）；"),
            ["技改贷", "产业链主办银行"]
        );
        assert_eq!(
            instruments("Matchmaking events; tiered guidance (high, mid; low end)"),
            ["Matchmaking events", "tiered guidance"]
        );
        assert_eq!(instruments("One loan"), ["One loan"]);
        assert_eq!(instruments("（only a qualifier）"), Vec::<&str>::new());
        assert!(instruments(" ; ").is_empty());
    }
}
