//! The cohort view: how the firms shown spread over the stages and the verdicts, which
//! dimensions hold them back most often, and for each recommendation and support instrument
//! how many firms it applies to, have it planned (the later ones apart), agreed, done and got
//! the support — the district's list of which support to organise for how many firms.

use std::collections::HashMap;

use super::model::{Comparison, FirmRow};
use super::record::Record;

/// Counts over the firms shown, each firm counted once, with its latest visit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CohortView {
    /// How many firms are shown.
    pub firms: usize,
    /// Firms per stage, one per entry of [`Comparison::stages`], lowest stage first.
    pub stages: Vec<usize>,
    /// Firms without an overall score (so without a stage).
    pub unscored: usize,
    /// Firms whose latest visit is provisional (too little answered for a stage): not ranked,
    /// counted apart from those without a score.
    pub provisional: usize,
    /// Firms per verdict, one per entry of [`Comparison::verdicts`].
    pub verdicts: Vec<usize>,
    /// Firms without a verdict (provisional, or none holds).
    pub no_verdict: usize,
    /// (index in [`Comparison::dimensions`], firms for which it is the bottleneck), most
    /// frequent first, ties in questionnaire order; only dimensions that are a bottleneck.
    pub bottlenecks: Vec<(usize, usize)>,
    /// (index in [`Comparison::recommendations`], its counts), most firms planning it first,
    /// then most firms it applies to, then by priority, then in questionnaire order; only
    /// recommendations with a count.
    pub recommendations: Vec<(usize, Counts)>,
    /// (support instrument, its counts), most firms planning it first, then most firms it
    /// applies to, ties in order of first mention. A support text naming several
    /// instruments, separated by semicolons, counts for each of them (see [`instruments`]); a
    /// firm counts once for an instrument in each count, however many of its
    /// recommendations name it.
    pub supports: Vec<(String, Counts)>,
    /// Re-visits (stage moves, changes) and assessors.
    pub record: Record,
}

/// The district's record of one recommendation or support instrument: how many firms shown
/// it applies to, has planned, agreed, done and got the support for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// It applies at the firm's latest visit (its rule fired).
    pub applies: usize,
    /// The latest visit's plan places it in the short, medium or long horizon (rule 9).
    pub planned: usize,
    /// It applies at the latest visit but is left for later: not planned.
    pub later: usize,
    /// The firm agreed it at one of its visits (`[plan.*] decision = "agreed"`).
    pub agreed: usize,
    /// A follow-up visit reports it done (`[progress.*] status = "done"`).
    pub done: usize,
    /// A follow-up visit reports its public support granted (`support = "granted"`).
    pub supported: usize,
}

const APPLIES: u8 = 1;
const PLANNED: u8 = 2;
const LATER: u8 = 4;
const AGREED: u8 = 8;
const DONE: u8 = 16;
const SUPPORTED: u8 = 32;

impl Counts {
    fn add(&mut self, marks: u8) {
        let n = |bit: u8| usize::from(marks & bit != 0);
        self.applies += n(APPLIES);
        self.planned += n(PLANNED);
        self.later += n(LATER);
        self.agreed += n(AGREED);
        self.done += n(DONE);
        self.supported += n(SUPPORTED);
    }

    fn any(&self) -> bool {
        *self != Counts::default()
    }
}

/// Marks per item (recommendation or instrument) of one firm, cleared between firms.
struct Marks {
    marks: Vec<u8>,
    touched: Vec<usize>,
}

impl Marks {
    fn new(n: usize) -> Self {
        Marks {
            marks: vec![0; n],
            touched: Vec::new(),
        }
    }

    fn mark(&mut self, i: usize, bit: u8) {
        if self.marks[i] == 0 {
            self.touched.push(i);
        }
        self.marks[i] |= bit;
    }

    /// Adds the firm's marks to `counts` and clears them.
    fn count_into(&mut self, counts: &mut [Counts]) {
        for &i in &self.touched {
            counts[i].add(self.marks[i]);
            self.marks[i] = 0;
        }
        self.touched.clear();
    }
}

impl CohortView {
    /// The view of the firms `c` shows.
    pub fn of(c: &Comparison) -> CohortView {
        let (support_names, rec_supports) = support_instruments(c);
        let mut stages = vec![0; c.stages().len()];
        let mut verdicts = vec![0; c.verdicts().len()];
        let (mut unscored, mut provisional, mut no_verdict, mut firms) = (0, 0, 0, 0);
        let mut bottlenecks = vec![0; c.dimensions().len()];
        let mut recommendations = vec![Counts::default(); c.recommendations().len()];
        let mut supports = vec![Counts::default(); support_names.len()];
        let mut recs = Marks::new(recommendations.len());
        let mut instruments = Marks::new(supports.len());
        for f in c.rows() {
            firms += 1;
            let v = f.latest();
            match v.stage() {
                Some(s) => stages[s] += 1,
                None if v.provisional => provisional += 1,
                None => unscored += 1,
            }
            match v.verdict() {
                Some(k) => verdicts[k] += 1,
                None => no_verdict += 1,
            }
            if let Some(b) = v.bottleneck() {
                bottlenecks[b] += 1;
            }
            mark_firm(c, f, &mut recs);
            for &r in &recs.touched {
                for &k in &rec_supports[r] {
                    instruments.mark(k, recs.marks[r]);
                }
            }
            recs.count_into(&mut recommendations);
            instruments.count_into(&mut supports);
        }
        let mut bottlenecks: Vec<(usize, usize)> = bottlenecks
            .into_iter()
            .enumerate()
            .filter(|(_, n)| *n > 0)
            .collect();
        bottlenecks.sort_by_key(|&(i, n)| (std::cmp::Reverse(n), i));
        let mut recommendations: Vec<(usize, Counts)> = recommendations
            .into_iter()
            .enumerate()
            .filter(|(_, n)| n.any())
            .collect();
        let info = c.recommendations();
        recommendations.sort_by_key(|&(i, n)| {
            let most = (std::cmp::Reverse(n.planned), std::cmp::Reverse(n.applies));
            (most, info[i].priority, i)
        });
        let mut supports: Vec<(String, Counts)> = support_names
            .into_iter()
            .zip(supports)
            .filter(|(_, n)| n.any())
            .collect();
        supports.sort_by_key(|(_, n)| (std::cmp::Reverse(n.planned), std::cmp::Reverse(n.applies)));
        CohortView {
            firms,
            stages,
            unscored,
            provisional,
            verdicts,
            no_verdict,
            bottlenecks,
            recommendations,
            supports,
            record: Record::of(c),
        }
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

/// Marks what each recommendation is for the firm `f`: applies, planned and later at its
/// latest visit; agreed, done and supported at any of its visits.
fn mark_firm(c: &Comparison, f: &FirmRow, recs: &mut Marks) {
    let v = f.latest();
    for (list, bit) in [
        (&v.recommendations, APPLIES),
        (&v.planned, PLANNED),
        (&v.later, LATER),
    ] {
        for &r in list {
            recs.mark(r as usize, bit);
        }
    }
    for visit in &f.visits {
        for (ids, bit) in [
            (visit.agreed(), AGREED),
            (visit.done(), DONE),
            (visit.granted(), SUPPORTED),
        ] {
            for id in ids {
                if let Some(r) = c.recommendation_index(&f.questionnaire, id) {
                    recs.mark(r, bit);
                }
            }
        }
    }
}

/// The support instruments the recommendations compared name, in order of first mention, and
/// for each recommendation the instruments it names (indices in that list).
fn support_instruments(c: &Comparison) -> (Vec<String>, Vec<Vec<usize>>) {
    let mut names: Vec<String> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut per: Vec<Vec<usize>> = Vec::with_capacity(c.recommendations().len());
    for r in c.recommendations() {
        let mut mine = Vec::new();
        for name in r.support.as_deref().map(instruments).unwrap_or_default() {
            let k = *at.entry(name).or_insert_with(|| {
                names.push(name.to_string());
                names.len() - 1
            });
            if !mine.contains(&k) {
                mine.push(k);
            }
        }
        per.push(mine);
    }
    (names, per)
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
