//! The plan export of DESIGN.md (`dmat export --plan`): one row per action of each visit's
//! plan — rule 9's short, medium and long actions, agreed or not, then every other action with
//! a `[plan.*]` entry (a later one the firm took up, one it declined, its own) — with the firm's
//! decision, and how the action went as the latest follow-up visit reports it.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::Field;
use crate::evaluation::ScoredVisit;
use crate::i18n::Lang;
use crate::model::{Horizon, PlanEntry, Progress};

/// The columns of the plan export.
pub const PLAN: [&str; 17] = [
    "file",
    "firm",
    "firm_id",
    "date",
    "assessor",
    "action",
    "title",
    "dimension",
    "priority",
    "effort",
    "horizon",
    "decision",
    "owner",
    "due",
    "support",
    "status",
    "outcome",
];

pub fn plan_header() -> Vec<String> {
    PLAN.iter().map(|s| s.to_string()).collect()
}

/// A follow-up visit: its date, its file and the progress it reports.
type FollowUp<'a> = (Option<&'a str>, &'a Path, &'a BTreeMap<String, Progress>);

/// For each visit that a later visit follows up (names as its `previous`), the progress the
/// latest of those reports (by date, then file name).
pub struct FollowUps<'a> {
    latest: HashMap<PathBuf, FollowUp<'a>>,
}

impl<'a> FollowUps<'a> {
    /// The follow-ups among `visits` (any questionnaire: a full visit may follow a scan).
    pub fn of(visits: impl IntoIterator<Item = &'a ScoredVisit>) -> Self {
        let mut latest: HashMap<PathBuf, FollowUp<'a>> = HashMap::new();
        for v in visits {
            let Some(previous) = v.previous.as_deref() else {
                continue;
            };
            let Some(earlier) = v.path.parent().map(|dir| dir.join(previous)) else {
                continue;
            };
            let this = (v.date.as_deref(), v.path.as_path(), &v.progress);
            let later = |old: &(Option<&str>, &Path, _)| (this.0, this.1) > (old.0, old.1);
            match latest.get(&earlier) {
                Some(old) if !later(old) => {}
                _ => {
                    latest.insert(earlier, this);
                }
            }
        }
        FollowUps { latest }
    }

    /// The progress the latest follow-up of the visit at `path` reports; none without one.
    pub fn of_visit(&self, path: &Path) -> Option<&'a BTreeMap<String, Progress>> {
        self.latest.get(path).map(|(_, _, p)| *p)
    }
}

/// The plan rows of one visit: the planned actions in plan order (short, medium, long), then
/// the other actions with a decision, by id (horizon: the one agreed, else the plan's, else
/// `later` for an applicable one left for later). Texts (title, support) in `lang`.
pub fn plan_rows(v: &ScoredVisit, follow_ups: &FollowUps<'_>, lang: Lang) -> Vec<Vec<Field>> {
    let q = v.q();
    let l = lang.code();
    let progress = follow_ups.of_visit(&v.path);
    let mut actions: Vec<(String, Option<Horizon>)> = Vec::new();
    for (h, positions) in Horizon::ALL.into_iter().zip(&v.planned) {
        for &i in positions {
            actions.push((q.recommendation[i].id.clone(), Some(h)));
        }
    }
    for id in v.decisions.keys() {
        if !actions.iter().any(|(a, _)| a == id) {
            actions.push((id.clone(), None));
        }
    }
    let visit = [
        Field::text(Some(&v.path.display().to_string())),
        Field::text(Some(&v.firm)),
        Field::text(v.firm_id.as_deref()),
        Field::text(v.date.as_deref()),
        Field::text(v.assessor.as_deref()),
    ];
    actions
        .into_iter()
        .map(|(id, planned)| {
            let entry = v.decisions.get(&id);
            let rec = q.recommendation.iter().find(|r| r.id == id);
            let done = progress.and_then(|p| p.get(&id));
            let later =
                rec.is_some_and(|r| v.later.iter().any(|&i| q.recommendation[i].id == r.id));
            let horizon = match entry.and_then(|e| e.horizon).or(planned) {
                Some(h) => Some(h.id()),
                None => later.then_some("later"),
            };
            let title = match rec {
                Some(r) => Some(q.text(&r.title, l)),
                None => entry.and_then(|e| e.title.as_deref()),
            };
            let mut row = visit.to_vec();
            row.extend([
                Field::text(Some(&id)),
                Field::text(title),
                Field::text(rec.and_then(|r| r.dimension.as_deref())),
                Field::text(rec.map(|r| r.priority.id())),
                Field::text(rec.map(|r| r.effort.id())),
                Field::text(horizon),
            ]);
            row.extend(decision(entry));
            row.extend([
                Field::text(rec.and_then(|r| r.support.as_ref()).map(|s| q.text(s, l))),
                Field::text(done.and_then(|p| p.status).map(|s| s.id())),
                Field::text(done.and_then(|p| p.support).map(|s| s.id())),
            ]);
            row
        })
        .collect()
}

/// The decision, owner and due date of an action (empty while it is only proposed).
fn decision(entry: Option<&PlanEntry>) -> [Field; 3] {
    let due = entry.and_then(|e| e.due.as_ref()).map(|d| d.to_string());
    [
        Field::text(entry.and_then(|e| e.decision).map(|d| d.id())),
        Field::text(entry.and_then(|e| e.owner.as_deref())),
        Field::text(due.as_deref()),
    ]
}
