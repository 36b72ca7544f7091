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
type FollowUp = (Option<String>, PathBuf, BTreeMap<String, Progress>);

/// For each visit that a later visit follows up (names as its `previous`), the progress the
/// latest of those reports (by date, then file name).
#[derive(Default)]
pub struct FollowUps {
    latest: HashMap<PathBuf, FollowUp>,
}

impl FollowUps {
    /// The follow-ups among `visits` (any questionnaire: a full visit may follow a scan).
    pub fn of<'a>(visits: impl IntoIterator<Item = &'a ScoredVisit>) -> Self {
        let mut f = FollowUps::default();
        for v in visits {
            f.add(v);
        }
        f
    }

    /// Counts `v` in if it follows up a visit and is the latest to do so yet.
    pub fn add(&mut self, v: &ScoredVisit) {
        let Some(previous) = v.previous.as_deref() else {
            return;
        };
        let Some(earlier) = v.path.parent().map(|dir| dir.join(previous)) else {
            return;
        };
        let later = |old: &FollowUp| {
            (v.date.as_deref(), v.path.as_path()) > (old.0.as_deref(), old.1.as_path())
        };
        match self.latest.get(&earlier) {
            Some(old) if !later(old) => {}
            _ => {
                let this = (v.date.clone(), v.path.clone(), v.progress.clone());
                self.latest.insert(earlier, this);
            }
        }
    }

    /// The progress the latest follow-up of the visit at `path` reports; none without one.
    pub fn of_visit(&self, path: &Path) -> Option<&BTreeMap<String, Progress>> {
        self.latest.get(path).map(|(_, _, p)| p)
    }
}

/// The plan rows of one visit: the planned actions in plan order (short, medium, long), then
/// the other actions with a decision, by id (horizon: the one agreed, else the plan's, else
/// `later` for an applicable one left for later). Texts (title, support) in `lang`.
pub fn plan_rows(v: &ScoredVisit, follow_ups: &FollowUps, lang: Lang) -> Vec<Vec<Field>> {
    let progress = follow_ups.of_visit(&v.path);
    plan_rows_before_progress(v, lang)
        .into_iter()
        .map(|(id, row)| with_progress(row, progress, &id))
        .collect()
}

/// The plan rows of one visit as [`plan_rows`] makes them before the follow-ups of every
/// visit are known: each row without its last two columns (status and outcome), with the
/// action it is about. [`with_progress`] completes a row.
pub fn plan_rows_before_progress(v: &ScoredVisit, lang: Lang) -> Vec<(String, Vec<Field>)> {
    let q = v.q();
    let l = lang.code();
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
            row.push(Field::text(
                rec.and_then(|r| r.support.as_ref()).map(|s| q.text(s, l)),
            ));
            (id, row)
        })
        .collect()
}

/// A plan row of [`plan_rows_before_progress`] completed with how its action went, as the
/// latest follow-up of its visit reports it (`progress`, none without a follow-up).
pub fn with_progress(
    mut row: Vec<Field>,
    progress: Option<&BTreeMap<String, Progress>>,
    action: &str,
) -> Vec<Field> {
    let done = progress.and_then(|p| p.get(action));
    row.extend([
        Field::text(done.and_then(|p| p.status).map(|s| s.id())),
        Field::text(done.and_then(|p| p.support).map(|s| s.id())),
    ]);
    row
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
