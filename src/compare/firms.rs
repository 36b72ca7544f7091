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
///
/// The `n` visits are told by `who`, so that a cohort's list of them need not be made.
pub fn firms_of<'a>(n: usize, who: impl Fn(usize) -> Who<'a>) -> Vec<usize> {
    let visits = || (0..n).map(&who);
    let mut sets = Sets::new(n);
    // Keyed within each questionnaire (a cohort has few): a province's maps stay small.
    let questionnaires = Questionnaires::of(visits());
    // One map at a time: codes first, then names.
    let mut by_code: Vec<HashMap<&str, u32>> = vec![HashMap::new(); questionnaires.len()];
    for (i, v) in visits().enumerate() {
        let q = questionnaires.index(v.questionnaire);
        if let Some(code) = v.code {
            match by_code[q].get(code) {
                Some(&j) => sets.join(i, j as usize),
                None => {
                    by_code[q].insert(code, index(i));
                }
            }
        }
    }
    drop(by_code);
    let mut by_name: Vec<HashMap<&str, u32>> = vec![HashMap::new(); questionnaires.len()];
    let mut names: Vec<Named> = Vec::new();
    for (i, v) in visits().enumerate() {
        if !v.name.is_empty() {
            let q = questionnaires.index(v.questionnaire);
            let n = *by_name[q].entry(v.name).or_insert_with(|| {
                names.push(Named::new());
                index(names.len() - 1)
            });
            let named = &mut names[n as usize];
            let coded = (named.coded != NONE).then(|| who(named.coded as usize).code);
            named.add(i, v.code, coded.flatten());
        }
    }
    // Visits of one name join when its visits carry at most one code; else only those
    // without a code join (each other).
    for (i, v) in visits().enumerate() {
        if v.name.is_empty() {
            continue;
        }
        let q = questionnaires.index(v.questionnaire);
        let Some(named) = by_name[q].get(v.name).map(|&n| &names[n as usize]) else {
            continue;
        };
        let with = if !named.codes_differ {
            Some(named.first)
        } else if v.code.is_none() {
            Some(named.first_uncoded)
        } else {
            None
        };
        if let Some(j) = with.filter(|&j| j != NONE) {
            sets.join(i, j as usize);
        }
    }
    drop(by_name);
    drop(names);
    let earlier = Earlier::of(visits());
    for (i, v) in visits().enumerate() {
        if let Some(j) = earlier.of_visit(&v)
            && who(j).questionnaire == v.questionnaire
        {
            sets.join(i, j);
        }
    }
    // A set's root is its first visit: firms are numbered in the order of their first visits.
    let mut number: Vec<u32> = vec![u32::MAX; n];
    let mut next = 0;
    (0..n)
        .map(|i| {
            let root = sets.root(i);
            if number[root] == u32::MAX {
                number[root] = next;
                next += 1;
            }
            number[root] as usize
        })
        .collect()
}

/// A visit's position as the grouping keeps it: a cohort holds far fewer than 2³² visits.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The questionnaires of a cohort's visits, numbered in order of first use.
struct Questionnaires<'a>(Vec<&'a str>);

impl<'a> Questionnaires<'a> {
    fn of(visits: impl Iterator<Item = Who<'a>>) -> Self {
        let mut ids: Vec<&str> = Vec::new();
        for v in visits {
            if !ids.contains(&v.questionnaire) {
                ids.push(v.questionnaire);
            }
        }
        Questionnaires(ids)
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn index(&self, id: &str) -> usize {
        self.0.iter().position(|q| *q == id).unwrap_or(0)
    }
}

/// No visit, where a visit's position is kept.
const NONE: u32 = u32::MAX;

/// The visits of one name (within a questionnaire): the first, the first without a code, the
/// first with one, and whether they carry more than one code.
struct Named {
    first: u32,
    first_uncoded: u32,
    coded: u32,
    codes_differ: bool,
}

impl Named {
    fn new() -> Self {
        Named {
            first: NONE,
            first_uncoded: NONE,
            coded: NONE,
            codes_differ: false,
        }
    }

    /// Adds visit `i`, of code `code`; `seen` is the code of the first visit with one.
    fn add(&mut self, i: usize, code: Option<&str>, seen: Option<&str>) {
        if self.first == NONE {
            self.first = index(i);
        }
        match (code, seen) {
            (None, _) => {
                if self.first_uncoded == NONE {
                    self.first_uncoded = index(i);
                }
            }
            (Some(_), None) => self.coded = index(i),
            (Some(c), Some(seen)) => self.codes_differ |= c != seen,
        }
    }
}

/// The visit each follow-up follows up, found by the file its `previous` names. Only the files
/// some visit names are looked up, however many visits there are.
struct Earlier<'a> {
    by_path: HashMap<&'a Path, usize>,
}

impl<'a> Earlier<'a> {
    fn of(visits: impl Iterator<Item = Who<'a>> + Clone) -> Self {
        let named: std::collections::HashSet<std::path::PathBuf> =
            visits.clone().filter_map(|v| named_earlier(&v)).collect();
        let by_path = visits
            .enumerate()
            .filter(|(_, v)| named.contains(v.path))
            .map(|(i, v)| (v.path, i))
            .collect();
        Earlier { by_path }
    }

    /// The visit `v` follows up, if it is among the visits.
    fn of_visit(&self, v: &Who<'_>) -> Option<usize> {
        named_earlier(v).and_then(|p| self.by_path.get(p.as_path()).copied())
    }
}

/// The file a visit's `previous` names: in the visit's own folder.
fn named_earlier(v: &Who<'_>) -> Option<std::path::PathBuf> {
    Some(v.path.parent()?.join(v.previous?))
}

/// For each visit, how many visits before it its chain of `previous` names (0 for a visit
/// that follows none up): a follow-up made on the same day as the visit it follows up comes
/// after it, whatever the file names say. A chain that loops is counted once round.
pub fn follow_up_depths(visits: &[Who<'_>]) -> Vec<u32> {
    follow_up_depths_by(visits.len(), |i| visits[i])
}

/// Like [`follow_up_depths`], for `n` visits each told by `who`.
pub fn follow_up_depths_by<'a>(n: usize, who: impl Fn(usize) -> Who<'a>) -> Vec<u32> {
    let earlier = Earlier::of((0..n).map(&who));
    (0..n)
        .map(|i| {
            let mut depth = 0;
            let mut at = i;
            while let Some(j) = earlier.of_visit(&who(at)) {
                if j == i || depth as usize >= n {
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
    parent: Vec<u32>,
}

impl Sets {
    fn new(n: usize) -> Self {
        Sets {
            parent: (0..n).map(index).collect(),
        }
    }

    fn root(&mut self, i: usize) -> usize {
        let mut i = index(i);
        while self.parent[i as usize] != i {
            self.parent[i as usize] = self.parent[self.parent[i as usize] as usize];
            i = self.parent[i as usize];
        }
        i as usize
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        self.parent[hi] = index(lo);
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
        assert_eq!(firms_of(visits.len(), |i| visits[i]), [0, 0, 1, 1, 2, 0]);
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
        assert_eq!(firms_of(visits.len(), |i| visits[i]), [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn visits_without_a_code_of_a_name_two_codes_share_are_one_firm_of_their_own() {
        let visits = [
            who("d/a.toml", None, "Zeta"),
            who("d/b.toml", Some("A"), "Zeta"),
            who("d/c.toml", None, "Zeta"),
            who("d/d.toml", Some("B"), "Zeta"),
            who("d/e.toml", Some("A"), "Zeta"),
        ];
        assert_eq!(firms_of(visits.len(), |i| visits[i]), [0, 1, 0, 2, 1]);
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
        assert_eq!(firms_of(visits.len(), |i| visits[i]), [0, 0, 1]);
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
