//! Which visits of a cohort are of one firm (DESIGN.md's "same firm"): visits of one
//! questionnaire whose unified social credit codes are equal; else, where a code is missing,
//! whose names are equal once white space is removed; and a follow-up with the visit its
//! `previous` names (a file of the same folder), whatever its name or code.

use std::collections::HashMap;
use std::path::Path;

/// What decides the firm of one visit.
#[derive(Debug, Clone, Copy)]
pub struct Who<'a> {
    pub questionnaire: &'a str,
    /// The credit code, if one is written.
    pub code: Option<&'a str>,
    /// The name without white space (empty: no name).
    pub name: &'a str,
    pub path: &'a Path,
    /// The file name of the visit it follows up.
    pub previous: Option<&'a str>,
}

/// The firm of each visit, numbered from 0 in the order of each firm's first visit.
///
/// The relation DESIGN.md defines is not transitive, so a visit without a code whose name
/// several firms with different codes carry joins none of them: it stays a firm of its own
/// (with any other visits of that name without a code), never one of the coded firms picked
/// at random.
pub fn firms_of(visits: &[Who<'_>]) -> Vec<usize> {
    let mut sets = Sets::new(visits.len());
    let mut by_code: HashMap<(&str, &str), usize> = HashMap::new();
    let mut by_name: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    let mut by_path: HashMap<&Path, usize> = HashMap::new();
    for (i, v) in visits.iter().enumerate() {
        by_path.insert(v.path, i);
        if let Some(code) = v.code {
            match by_code.get(&(v.questionnaire, code)) {
                Some(&j) => sets.join(i, j),
                None => {
                    by_code.insert((v.questionnaire, code), i);
                }
            }
        }
        if !v.name.is_empty() {
            by_name
                .entry((v.questionnaire, v.name))
                .or_default()
                .push(i);
        }
    }
    for members in by_name.values() {
        let mut codes: Vec<&str> = members.iter().filter_map(|&i| visits[i].code).collect();
        codes.sort_unstable();
        codes.dedup();
        let joined: Vec<usize> = if codes.len() <= 1 {
            members.clone()
        } else {
            members
                .iter()
                .copied()
                .filter(|&i| visits[i].code.is_none())
                .collect()
        };
        for w in joined.windows(2) {
            sets.join(w[0], w[1]);
        }
    }
    for (i, v) in visits.iter().enumerate() {
        let Some(previous) = v.previous else { continue };
        let earlier = v.path.parent().map(|dir| dir.join(previous));
        let found = earlier.as_deref().and_then(|p| by_path.get(p));
        if let Some(&j) = found
            && visits[j].questionnaire == v.questionnaire
        {
            sets.join(i, j);
        }
    }
    let mut number: HashMap<usize, usize> = HashMap::new();
    (0..visits.len())
        .map(|i| {
            let root = sets.root(i);
            let next = number.len();
            *number.entry(root).or_insert(next)
        })
        .collect()
}

/// For each visit, how many visits before it its chain of `previous` names (0 for a visit
/// that follows none up): a follow-up made on the same day as the visit it follows up comes
/// after it, whatever the file names say. A chain that loops is counted once round.
pub fn follow_up_depths(visits: &[Who<'_>]) -> Vec<u32> {
    let by_path: HashMap<&Path, usize> = visits
        .iter()
        .enumerate()
        .map(|(i, v)| (v.path, i))
        .collect();
    let earlier = |i: usize| -> Option<usize> {
        let v = &visits[i];
        let path = v.path.parent()?.join(v.previous?);
        by_path.get(path.as_path()).copied()
    };
    (0..visits.len())
        .map(|i| {
            let mut depth = 0;
            let mut at = i;
            while let Some(j) = earlier(at) {
                if j == i || depth as usize >= visits.len() {
                    break;
                }
                depth += 1;
                at = j;
            }
            depth
        })
        .collect()
}

/// Disjoint sets of visits (union by the smaller index, paths halved).
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Self {
        Sets {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        self.parent[hi] = lo;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who<'a>(path: &'a str, code: Option<&'a str>, name: &'a str) -> Who<'a> {
        Who {
            questionnaire: "q",
            code,
            name,
            path: Path::new(path),
            previous: None,
        }
    }

    #[test]
    fn codes_decide_else_names_without_white_space() {
        let x = Some("91350100M000100Y43");
        let y = Some("91350100M000200Y36");
        let visits = [
            who("d/a.toml", x, "AlphaPumps"),
            who("d/b.toml", x, "AlphaPumpCo."),
            who("d/c.toml", None, "Gamma"),
            who("d/e.toml", None, "Gamma"),
            who("d/f.toml", y, "Other"),
            who("d/g.toml", None, "AlphaPumps"),
        ];
        assert_eq!(firms_of(&visits), [0, 0, 1, 1, 2, 0]);
    }

    #[test]
    fn a_name_two_codes_share_is_no_link_and_another_questionnaire_another_firm() {
        let visits = [
            who("d/a.toml", Some("A"), "Epsilon"),
            who("d/b.toml", Some("B"), "Epsilon"),
            who("d/c.toml", None, "Epsilon"),
            Who {
                questionnaire: "other",
                ..who("d/d.toml", Some("A"), "Epsilon")
            },
            who("d/e.toml", None, ""),
            who("d/f.toml", None, ""),
        ];
        assert_eq!(firms_of(&visits), [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_follow_up_joins_the_visit_it_names_in_its_folder() {
        let visits = [
            who("d/b-t0.toml", None, "BetaTools"),
            Who {
                previous: Some("b-t0.toml"),
                ..who("d/b-t1.toml", None, "BetaToolWorks")
            },
            Who {
                previous: Some("b-t0.toml"),
                ..who("elsewhere/x.toml", None, "Unrelated")
            },
        ];
        assert_eq!(firms_of(&visits), [0, 0, 1]);
    }

    #[test]
    fn a_follow_up_counts_the_visits_its_chain_names_and_a_loop_ends() {
        let visits = [
            Who {
                previous: Some("a-2.toml"),
                ..who("d/a-3.toml", None, "A")
            },
            who("d/a.toml", None, "A"),
            Who {
                previous: Some("a.toml"),
                ..who("d/a-2.toml", None, "A")
            },
            Who {
                previous: Some("y.toml"),
                ..who("d/x.toml", None, "X")
            },
            Who {
                previous: Some("x.toml"),
                ..who("d/y.toml", None, "X")
            },
            Who {
                previous: Some("gone.toml"),
                ..who("d/z.toml", None, "Z")
            },
        ];
        assert_eq!(follow_up_depths(&visits), [2, 0, 1, 1, 1, 0]);
    }
}
