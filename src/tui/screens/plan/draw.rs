//! Drawing the plan screen: what is decided so far, then each horizon's actions with the
//! firm's decision, owner, due date and note; the action under the cursor also shows what it
//! asks of the firm and the support that helps. An editor opens at the bottom.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::{PlanField, PlanRow, rows};
use crate::i18n::{PlanReasons, PlanWords, TuiWords};
use crate::model::{Decision, Horizon, PlanEntry};
use crate::plain_text::{inert, pad, width};
use crate::tui::app::App;
use crate::tui::draw::{Laid, ListView, chrome, footer, list_page, session_header, wrapped};
use crate::tui::keys;
use crate::tui::session::Session;

pub fn render(app: &App, frame: &mut Frame) {
    let Some(s) = &app.visit.session else { return };
    let w = app.words;
    let c = chrome(frame.area());
    session_header(app, frame, c.header, s, Some(w.plan_title));
    let plan = &app.visit.plan;
    let editor = plan.editor.as_ref().map(|ed| {
        let title = match ed.field {
            PlanField::Owner => w.editing_owner,
            PlanField::Due => w.editing_due,
            PlanField::Note => w.editing_plan_note,
            PlanField::Reason => w.editing_reason,
            PlanField::NewAction => w.editing_own,
        };
        (title, &ed.area)
    });
    let view = ListView {
        cursor: plan.cursor,
        top: &plan.top,
    };
    list_page(app, frame, c.body, view, editor, |width| {
        lay_out(app, s, &rows(s), width)
    });
    let keys = if plan.editor.is_some() {
        keys::editing(w)
    } else {
        crate::tui::bindings::footer(super::PLAN, w, &super::context(app))
    };
    footer(app, frame, c.footer, &keys);
}

/// The whole screen's text for a width.
fn lay_out(app: &App, s: &Session, list: &[PlanRow], width_: usize) -> Laid {
    let t = &app.theme;
    let w = app.words;
    let pw = PlanWords::of(app.lang);
    let mut laid = Laid::default();
    let count = |d: Option<Decision>| {
        list.iter()
            .filter(|r| d.is_some() || r.horizon.is_some())
            .filter(|r| s.assessment.plan.get(&r.id).and_then(|e| e.decision) == d)
            .count()
    };
    let counts = w.plan_counts(
        count(Some(Decision::Agreed)),
        count(Some(Decision::Declined)),
        count(None),
    );
    laid.lines.extend(wrapped(&counts, width_, t.muted(), ""));
    // A follow-up: last visit's decisions, offered until taken over (or decided here).
    let last = s.last_decisions();
    if !last.is_empty() {
        let agreed = last
            .iter()
            .filter(|(_, e)| e.decision == Some(Decision::Agreed))
            .count();
        let offer = pw.last_decisions_offer(agreed, last.len() - agreed);
        laid.lines.extend(wrapped(&offer, width_, t.warn(), ""));
    }
    if list.is_empty() {
        laid.lines.push(Line::default());
        laid.lines
            .extend(wrapped(w.plan_empty, width_, t.muted(), ""));
        return laid;
    }
    let groups: [(Option<Horizon>, &str); 4] = [
        (Some(Horizon::Short), pw.horizon_short),
        (Some(Horizon::Medium), pw.horizon_medium),
        (Some(Horizon::Long), pw.horizon_long),
        (None, pw.later),
    ];
    for (h, heading) in groups {
        let members: Vec<usize> = (0..list.len()).filter(|&i| list[i].horizon == h).collect();
        if h.is_none() && members.is_empty() {
            continue;
        }
        laid.lines.push(Line::default());
        let rule = width_.saturating_sub(width(heading) + 1);
        laid.lines.push(Line::from(vec![
            Span::styled(format!("{heading} "), t.title()),
            Span::styled("─".repeat(rule), t.border()),
        ]));
        if members.is_empty() {
            laid.lines.push(Line::from(Span::styled(
                format!("  {}", pw.nothing_planned),
                t.muted(),
            )));
        }
        for i in members {
            let start = laid.lines.len();
            let chosen = i == app.visit.plan.cursor;
            laid.lines
                .extend(action_lines(app, s, &list[i], chosen, width_));
            // Items are indexed by row: rows are sorted by horizon, so they come in order.
            laid.items.push(start..laid.lines.len());
        }
    }
    laid
}

/// The lines of one action: its decision and title; owner, due date and the horizon it was
/// moved from; the note (the reason, when declined); under the cursor also the action and
/// its support.
fn action_lines(
    app: &App,
    s: &Session,
    r: &PlanRow,
    chosen: bool,
    width_: usize,
) -> Vec<Line<'static>> {
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let q = s.q();
    let entry = s.assessment.plan.get(&r.id);
    let decision = entry.and_then(|e| e.decision);
    let (tag, style) = match decision {
        Some(Decision::Agreed) => (w.plan_agreed, t.good()),
        Some(Decision::Declined) => (w.plan_declined, t.muted()),
        // An option left for later is not proposed: it is not in the plan.
        None if r.horizon.is_none() => ("", t.muted()),
        None => (w.plan_proposed, t.warn()),
    };
    let tag_w = [w.plan_agreed, w.plan_declined, w.plan_proposed]
        .iter()
        .map(|x| width(x))
        .max()
        .unwrap_or(0);
    let rec = q.recommendation_index(&r.id).map(|i| &q.recommendation[i]);
    let title = match (rec, entry.and_then(|e| e.title.as_deref())) {
        (Some(rec), _) => inert(q.text(&rec.title, l)),
        (None, Some(title)) => inert(title),
        (None, None) => inert(&r.id),
    };
    let title = if rec.is_none() {
        w.plan_own(&title)
    } else {
        title
    };
    let lead = if chosen { "▸" } else { " " };
    let prefix = format!(" {lead} {} ", pad(tag, tag_w));
    let mut out = wrapped(&title, width_, t.text(), &prefix);
    if let Some(first) = out.first_mut()
        && let Some(lead) = first.spans.first_mut()
    {
        lead.style = style;
    }
    let indent = " ".repeat(4 + tag_w);
    let mut facts = owner_and_due(w, entry);
    if r.horizon != r.planned && rec.is_some() {
        let reasons = PlanReasons::of(app.lang);
        let was = r
            .planned
            .map_or(PlanWords::of(app.lang).later, |h| reasons.term(h));
        facts.push(w.plan_moved_from(was));
    }
    if !facts.is_empty() {
        out.extend(wrapped(&facts.join(" · "), width_, t.muted(), &indent));
    }
    if let Some(why) = due_outside(app, s, r) {
        out.extend(wrapped(&why, width_, t.warn(), &indent));
    }
    if let Some(note) = entry.and_then(|e| e.note.as_deref()) {
        let note = inert(note);
        let text = if decision == Some(Decision::Declined) {
            w.plan_reason(&note)
        } else {
            w.plan_note(&note)
        };
        out.extend(note_lines(app, &text, width_, &indent, chosen));
    }
    if chosen && let Some(rec) = rec {
        out.extend(wrapped(
            &inert(q.text(&rec.action, l)),
            width_,
            t.muted(),
            &indent,
        ));
        if let Some(support) = &rec.support {
            let text = w.plan_support(&inert(q.text(support, l)));
            out.extend(wrapped(&text, width_, t.muted(), &indent));
        }
    }
    out
}

/// Why the action's due date lies outside the window of the horizon it is shown in; none
/// when it lies inside, has no due date or horizon, or the action is declined. Said, never
/// refused.
pub(super) fn due_outside(app: &App, s: &Session, r: &PlanRow) -> Option<String> {
    let entry = s.assessment.plan.get(&r.id)?;
    if entry.decision == Some(Decision::Declined) {
        return None;
    }
    let (due, h) = (entry.due.as_ref()?, r.horizon?);
    let window = crate::plan::due::outside(s.assessment.visit.date.as_ref(), h, due)?;
    Some(crate::plan::due::sentence(due, h, window, app.lang))
}

/// Who carries an action and by when, as the plan records them.
pub(crate) fn owner_and_due(w: &TuiWords, entry: Option<&PlanEntry>) -> Vec<String> {
    let mut facts = Vec::new();
    if let Some(owner) = entry.and_then(|e| e.owner.as_deref()) {
        facts.push(w.plan_owner(&inert(owner)));
    }
    if let Some(due) = entry.and_then(|e| e.due.as_ref()) {
        facts.push(w.plan_due(due));
    }
    facts
}

/// A note under an item of a list: whole under the cursor, its first line elsewhere.
pub(crate) fn note_lines(
    app: &App,
    text: &str,
    width: usize,
    indent: &str,
    chosen: bool,
) -> Vec<Line<'static>> {
    let mut lines = wrapped(text, width, app.theme.muted(), indent);
    if !chosen {
        lines.truncate(1);
    }
    lines
}
