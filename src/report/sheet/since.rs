//! What a follow-up visit's sheet adds: how each action agreed at the earlier visit went
//! (`[progress.*]`), and how the overall score, the stage and every dimension's score changed
//! since then (▲▼). The earlier visit comes evaluated by the same one evaluation; dimensions
//! are matched by id, so a full visit can follow a quick scan.

use serde::Serialize;

use super::{Builder, two};
use crate::evaluation::Evaluation;
use crate::i18n::ReportWords;
use crate::model::{
    Assessment, Decision, PlanEntry, ProgressStatus, Questionnaire, SupportOutcome,
};
use crate::plain_text::inert;

/// The earlier visit a follow-up names, evaluated, as the sheet compares with it.
#[derive(Debug, Clone, Copy)]
pub struct EarlierView<'a> {
    pub q: &'a Questionnaire,
    pub a: &'a Assessment,
    pub e: &'a Evaluation,
}

/// The comparison with the earlier visit.
#[derive(Debug, Clone, Serialize)]
pub struct SinceLast {
    /// "Since the last visit (2026-05-12)".
    pub title: String,
    /// One sentence for the decision page: the overall score, the stage and the agreed
    /// actions done since the earlier visit.
    pub headline: String,
    pub overall: Change,
    pub stage: Change,
    /// Every dimension of this visit's questionnaire, in its order.
    pub dimensions: Vec<Change>,
    /// "3 actions were agreed at the last visit; 1 is done."; empty when none was.
    pub progress_intro: String,
    /// Each action agreed at the earlier visit, in its plan order, then the firm's own.
    pub progress: Vec<ProgressItem>,
    /// The rule by which notes are cut in the printed table ([`NOTE_CELLS`]), where one is.
    pub notes_cut: Option<String>,
}

/// The printed sheet keeps each action's progress to about one row: a note wider than this
/// many cells (a Chinese character is two) is cut short, ending in "…".
pub const NOTE_CELLS: usize = 80;

/// How one figure changed: the earlier value, today's, and the direction.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub title: String,
    /// None where the earlier visit had no score (or no such dimension).
    pub before: Option<String>,
    pub after: Option<String>,
    /// `up`, `down`, `same`, or `none` when either side has no value.
    pub trend: &'static str,
    /// "▲", "▼", "unchanged" in the sheet's language, or "" when either side is missing.
    pub arrow: &'static str,
    /// How far it moved, "0.25" (the arrow gives the direction); none for a stage, when
    /// unchanged or when either side is missing.
    pub delta: Option<String>,
}

/// How an action agreed at the earlier visit went.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressItem {
    pub id: String,
    pub title: String,
    /// The owner and due date agreed at the earlier visit.
    pub owner: Option<String>,
    pub due: Option<String>,
    /// `not_started`, `in_progress`, `done`, `dropped`, or `unknown` where nothing is recorded.
    pub status_id: &'static str,
    pub status: &'static str,
    /// What became of the public support; none where nothing is recorded.
    pub support: Option<&'static str>,
    /// The whole note, as the Markdown sheet shows it.
    pub note: Option<String>,
    /// The note as the printed sheet shows it: cut to [`NOTE_CELLS`].
    pub short_note: Option<String>,
}

/// A note cut to [`NOTE_CELLS`] cells, at a space where one is near the end, with "…".
fn short_note(note: &str) -> String {
    if crate::plain_text::width(note) <= NOTE_CELLS {
        return note.to_string();
    }
    let cut = crate::plain_text::truncate(note, NOTE_CELLS);
    let body = cut.trim_end_matches('…');
    // In words separated by spaces, end at the last whole word of the last few.
    let body = match body.rfind(' ') {
        Some(i) if body.len() - i < 16 => &body[..i],
        _ => body,
    };
    format!(
        "{}…",
        body.trim_end_matches([' ', ',', ';', '，', '；', '、'])
    )
}

/// The hundredths of a score, as it is printed.
fn hundredths(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

/// The direction of a change between two values rounded as they are printed, and its arrow.
fn trend(
    before: Option<f64>,
    after: Option<f64>,
    w: &'static ReportWords,
) -> (&'static str, &'static str) {
    match (before, after) {
        (Some(b), Some(a)) => match hundredths(a).cmp(&hundredths(b)) {
            std::cmp::Ordering::Greater => ("up", "▲"),
            std::cmp::Ordering::Less => ("down", "▼"),
            std::cmp::Ordering::Equal => ("same", w.unchanged),
        },
        _ => ("none", ""),
    }
}

/// A score's change, with how far it moved.
fn score_change(
    title: String,
    before: Option<f64>,
    after: Option<f64>,
    w: &'static ReportWords,
) -> Change {
    let (trend, arrow) = trend(before, after, w);
    let delta = match (before, after) {
        (Some(b), Some(a)) if trend != "same" => {
            Some(two((hundredths(a) - hundredths(b)).abs() as f64 / 100.0))
        }
        _ => None,
    };
    Change {
        title,
        before: before.map(two),
        after: after.map(two),
        trend,
        arrow,
        delta,
    }
}

impl Builder<'_> {
    pub(super) fn since_last(&self, earlier: EarlierView<'_>) -> SinceLast {
        let (q, w, card) = (self.q, self.w, self.card);
        let was = &earlier.e.card;
        let dimensions = q
            .dimension
            .iter()
            .enumerate()
            .map(|(d, dim)| {
                let before = earlier
                    .q
                    .dimension
                    .iter()
                    .position(|x| x.id == dim.id)
                    .and_then(|j| was.dimensions[j].score);
                let title = self.text(&dim.title).to_string();
                score_change(title, before, card.dimensions[d].score, w)
            })
            .collect();
        let overall = score_change(w.overall.to_string(), was.overall, card.overall, w);
        let stage_from = |q: &Questionnaire, i: Option<usize>| i.map(|i| q.scale.stage[i].from);
        let (trend, arrow) = trend(
            stage_from(earlier.q, was.stage),
            stage_from(q, card.stage),
            w,
        );
        let stage = Change {
            title: w.stage.to_string(),
            before: was.stage.map(|i| earlier.q.scale.stage[i].id.clone()),
            after: card.stage.map(|i| q.scale.stage[i].id.clone()),
            trend,
            arrow,
            delta: None,
        };
        let progress = self.progress(earlier);
        let notes_cut = progress
            .iter()
            .any(|p| p.note != p.short_note)
            .then(|| w.notes_cut(NOTE_CELLS / 2, NOTE_CELLS));
        let done = progress.iter().filter(|p| p.status_id == "done").count();
        let progress_intro = match progress.len() {
            0 => w.none_agreed.to_string(),
            n => w.agreed_done(n, done),
        };
        let date = earlier
            .a
            .date_string()
            .unwrap_or_else(|| w.not_given.into());
        let shown = |c: &Change| {
            let side = |s: &Option<String>| s.clone().unwrap_or_else(|| w.not_given.into());
            format!("{} → {} {}", side(&c.before), side(&c.after), c.arrow)
                .trim_end()
                .to_string()
        };
        SinceLast {
            title: w.since_title(&date),
            headline: w.since_headline(&date, &shown(&overall), &shown(&stage), &progress_intro),
            overall,
            stage,
            dimensions,
            progress_intro,
            progress,
            notes_cut,
        }
    }

    /// Each action agreed at the earlier visit, with the progress this visit records on it:
    /// the earlier plan's actions in its order, then the others (the firm's own) by id.
    fn progress(&self, earlier: EarlierView<'_>) -> Vec<ProgressItem> {
        let (eq, ea, ee) = (earlier.q, earlier.a, earlier.e);
        let in_plan: Vec<&str> = ee
            .plan
            .planned()
            .map(|(_, i)| i)
            .chain(ee.plan.later.iter().copied())
            .map(|i| ee.recommendation(eq, i).id.as_str())
            .collect();
        let others = ea.plan.keys().filter(|id| !in_plan.contains(&id.as_str()));
        in_plan
            .iter()
            .copied()
            .chain(others.map(String::as_str))
            .filter_map(|id| {
                let entry = ea.plan.get(id)?;
                (entry.decision == Some(Decision::Agreed))
                    .then(|| self.progress_item(earlier, id, entry))
            })
            .collect()
    }

    fn progress_item(&self, earlier: EarlierView<'_>, id: &str, entry: &PlanEntry) -> ProgressItem {
        let w = self.w;
        // The title as this visit's questionnaire words it, else as the earlier one did.
        let title = [self.q, earlier.q]
            .into_iter()
            .find_map(|q| {
                q.recommendation_index(id).map(|r| {
                    q.text(&q.recommendation[r].title, self.lang.code())
                        .to_string()
                })
            })
            .unwrap_or_else(|| inert(entry.title.as_deref().unwrap_or(id)));
        let p = self.a.progress.get(id);
        let status = p.and_then(|p| p.status);
        let text = |s: Option<&String>| s.map(|s| inert(s)).filter(|s| !s.trim().is_empty());
        ProgressItem {
            id: id.to_string(),
            title,
            owner: text(entry.owner.as_ref()),
            due: entry.due.as_ref().map(|d| d.to_string()),
            status_id: status.map_or("unknown", ProgressStatus::id),
            status: match status {
                Some(ProgressStatus::NotStarted) => w.status_not_started,
                Some(ProgressStatus::InProgress) => w.status_in_progress,
                Some(ProgressStatus::Done) => w.status_done,
                Some(ProgressStatus::Dropped) => w.status_dropped,
                None => w.status_unknown,
            },
            support: p.and_then(|p| p.support).map(|s| match s {
                SupportOutcome::None => w.support_none,
                SupportOutcome::Applied => w.support_applied,
                SupportOutcome::Granted => w.support_granted,
                SupportOutcome::Refused => w.support_refused,
            }),
            short_note: text(p.and_then(|p| p.note.as_ref())).map(|n| short_note(&n)),
            note: text(p.and_then(|p| p.note.as_ref())),
        }
    }
}
