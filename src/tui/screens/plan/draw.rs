//! Drawing the plan screen: what is decided so far, then each horizon's actions with the
//! firm's decision, owner, due date and note; the action under the cursor also shows what it
//! asks of the firm and the support that helps. An editor opens at the bottom.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{PlanField, PlanRow, rows};
use crate::i18n::{PlanReasons, PlanWords};
use crate::model::{Decision, Horizon};
use crate::plain_text::{inert, pad, width};
use crate::tui::app::App;
use crate::tui::draw::{chrome, footer, session_header, wrapped};
use crate::tui::keys;
use crate::tui::session::Session;

/// The lines of the plan screen, and where each action's lines begin and end.
struct Laid {
    lines: Vec<Line<'static>>,
    items: Vec<std::ops::Range<usize>>,
}

pub fn render(app: &App, frame: &mut Frame) {
    let Some(s) = &app.session else { return };
    let w = app.words;
    let c = chrome(frame.area());
    session_header(app, frame, c.header, s, Some(w.plan_title));
    let editor_h = if app.plan.editor.is_some() { 5 } else { 0 };
    let [body, editor] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(editor_h)]).areas(c.body);
    let page = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    let list = rows(s);
    let laid = lay_out(app, s, &list, page.width as usize);
    let shown = in_view(
        app,
        laid.lines,
        &laid.items,
        app.plan.cursor,
        &app.plan.top,
        page.height,
    );
    frame.render_widget(Paragraph::new(shown), page);
    if let Some(ed) = &app.plan.editor {
        let t = &app.theme;
        let title = match ed.field {
            PlanField::Owner => w.editing_owner,
            PlanField::Due => w.editing_due,
            PlanField::Note => w.editing_plan_note,
            PlanField::Reason => w.editing_reason,
            PlanField::NewAction => w.editing_own,
        };
        let block = Block::bordered()
            .border_style(t.border_focus())
            .title(Span::styled(format!(" {title} "), t.title()));
        let inner = block.inner(editor);
        frame.render_widget(block, editor);
        frame.render_widget(&ed.area, inner);
        crate::tui::app::place_cursor(frame, &ed.area, inner);
    }
    let keys = if app.plan.editor.is_some() {
        keys::editing(w)
    } else {
        crate::tui::bindings::footer(super::PLAN, w, &super::context(app))
    };
    footer(app, frame, c.footer, &keys);
}

/// The lines in view of a list of items: the item under the cursor highlighted and kept in
/// view (the top, where the list begins, for the first), `top` remembering where the view
/// stands between frames.
pub(crate) fn in_view(
    app: &App,
    mut lines: Vec<Line<'static>>,
    items: &[std::ops::Range<usize>],
    cursor: usize,
    top: &std::cell::Cell<usize>,
    height: u16,
) -> Vec<Line<'static>> {
    let height = height as usize;
    let mut first = top.get();
    if let Some(item) = items.get(cursor) {
        if cursor == 0 {
            first = 0;
        } else if item.start < first {
            first = item.start.saturating_sub(1);
        } else if item.end > first + height {
            first = item.end.saturating_sub(height).min(item.start);
        }
        for line in &mut lines[item.clone()] {
            *line = std::mem::take(line).style(app.theme.cursor());
        }
    }
    first = first.min(lines.len().saturating_sub(height));
    top.set(first);
    lines.into_iter().skip(first).take(height).collect()
}

/// The whole screen's text for a width.
fn lay_out(app: &App, s: &Session, list: &[PlanRow], width_: usize) -> Laid {
    let t = &app.theme;
    let w = app.words;
    let pw = PlanWords::of(app.lang);
    let mut laid = Laid {
        lines: Vec::new(),
        items: Vec::new(),
    };
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
            let chosen = i == app.plan.cursor;
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
    let mut facts: Vec<String> = Vec::new();
    if let Some(owner) = entry.and_then(|e| e.owner.as_deref()) {
        facts.push(w.plan_owner(&inert(owner)));
    }
    if let Some(due) = entry.and_then(|e| e.due.as_ref()) {
        facts.push(w.plan_due(due));
    }
    if r.horizon != r.planned && rec.is_some() {
        let reasons = PlanReasons::of(app.lang);
        let was = match r.planned {
            Some(Horizon::Short) => reasons.short,
            Some(Horizon::Medium) => reasons.medium,
            Some(Horizon::Long) => reasons.long,
            None => PlanWords::of(app.lang).later,
        };
        facts.push(w.plan_moved_from(was));
    }
    if !facts.is_empty() {
        out.extend(wrapped(&facts.join(" · "), width_, t.muted(), &indent));
    }
    if let Some(note) = entry.and_then(|e| e.note.as_deref()) {
        let note = inert(note);
        let text = if decision == Some(Decision::Declined) {
            w.plan_reason(&note)
        } else {
            w.plan_note(&note)
        };
        let mut lines = wrapped(&text, width_, t.muted(), &indent);
        if !chosen {
            lines.truncate(1);
        }
        out.extend(lines);
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
