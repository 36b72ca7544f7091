//! The summary screen: overall score and stage with what holds the firm (or why the result is
//! provisional), the verdict and the projection, the visit's status and its sheet, dimension
//! scores as bars with the stage bands marked, the plan by horizon with the options left for
//! later, the unanswered questions and the closing remarks, as one document that scrolls. All
//! of it is read from the session's one evaluation.

mod doc;
mod draw;

use crossterm::event::{KeyCode, KeyEvent};

use super::interview::{is_live, write_text};
use crate::model::Status;
use crate::score::QuestionState;
use crate::tui::app::{Action, App, EditTarget, Editor, Screen, Tone};
use crate::tui::bindings::{Binding, always, commands, lookup};
use crate::tui::keys::{Typing, type_key};
use crate::tui::session::Session;
pub use doc::{Doc, document};
pub use draw::render;

/// The summary screen's cursor in the unanswered list, how far it is scrolled, its editor
/// and a pending confirmation.
#[derive(Default)]
pub struct SummaryState {
    pub cursor: usize,
    /// The first line of the summary in view.
    pub top: usize,
    /// Width and height of the summary's page as last drawn (0 × 0 before the first draw).
    pub view: std::cell::Cell<(u16, u16)>,
    pub editor: Option<Editor>,
    /// `c` was pressed once: with required questions unanswered, or on a complete assessment
    /// (which it reopens for editing).
    pub confirm_complete: bool,
    /// `w` was pressed once on an assessment not yet complete.
    pub confirm_sheet: bool,
}

impl SummaryState {
    /// Back to the top, with no confirmation pending: how the summary is shown from the
    /// interview.
    pub fn start(&mut self) {
        self.cursor = 0;
        self.top = 0;
        self.confirm_complete = false;
    }
}

/// Visible questions without an answer, by position: those that count (scored, as the
/// progress counts them) in file order, then the others (not scored) in file order.
pub fn unanswered(s: &Session) -> Vec<usize> {
    let open: Vec<usize> = (0..s.q().question_count())
        .filter(|&p| matches!(s.state(p), QuestionState::Unanswered | QuestionState::Unfit))
        .collect();
    let (mut counted, others): (Vec<usize>, Vec<usize>) =
        open.into_iter().partition(|&p| s.counts(p));
    counted.extend(others);
    counted
}

/// Required questions that are visible and unanswered.
fn required_unanswered(s: &Session) -> usize {
    unanswered(s)
        .into_iter()
        .filter(|&p| s.question(p).required)
        .count()
}

commands! {
    /// What the keys of the summary do.
    SummaryCommand {
        Up,
        Down,
        PageUp,
        PageDown,
        Top,
        Bottom,
        Jump,
        Closing,
        Complete,
        Sheet,
        Plan,
        Progress,
        ToInterview,
        Leave,
        Help,
    }
}

/// What decides the summary's keys: whether it was opened from the comparison, to which
/// Esc and q return.
pub struct SummaryContext {
    pub from_compare: bool,
    /// The visit follows up an earlier one: it has a progress page.
    pub follow_up: bool,
}

fn from_compare(x: &SummaryContext) -> bool {
    x.from_compare
}

fn from_interview(x: &SummaryContext) -> bool {
    !x.from_compare
}

/// The summary's keys: dispatch, footer and help.
pub static SUMMARY: &[Binding<SummaryCommand, SummaryContext>] = {
    use KeyCode::*;
    use SummaryCommand as S;
    &[
        Binding {
            keys: &[
                (Up, S::Up),
                (Char('k'), S::Up),
                (Down, S::Down),
                (Char('j'), S::Down),
            ],
            footer: "↑↓",
            listed: "↑ ↓  k j",
            short: |w| w.k_move,
            help: |w| w.h_sum_move,
            section: |w| w.summary,
            when: always,
        },
        Binding {
            keys: &[(Enter, S::Jump)],
            footer: "Enter",
            listed: "Enter",
            short: |w| w.k_jump,
            help: |w| w.h_sum_jump,
            section: |w| w.summary,
            when: always,
        },
        Binding {
            keys: &[(Char('e'), S::Closing)],
            footer: "e",
            listed: "e",
            short: |w| w.k_closing,
            help: |w| w.h_sum_closing,
            section: |w| w.summary,
            when: always,
        },
        Binding {
            keys: &[(Char('c'), S::Complete)],
            footer: "c",
            listed: "c",
            short: |w| w.k_complete,
            help: |w| w.h_sum_complete,
            section: |w| w.summary,
            when: always,
        },
        Binding {
            keys: &[(Char('w'), S::Sheet)],
            footer: "w",
            listed: "w",
            short: |w| w.k_sheet,
            help: |w| w.h_sum_sheet,
            section: |w| w.summary,
            when: always,
        },
        Binding {
            keys: &[(Char('p'), S::Plan)],
            footer: "p",
            listed: "p",
            short: |w| w.k_plan,
            help: |w| w.h_sum_plan,
            section: |w| w.summary,
            when: always,
        },
        Binding {
            keys: &[(Char('r'), S::Progress)],
            footer: "r",
            listed: "r",
            short: |w| w.k_progress,
            help: |w| w.h_sum_progress,
            section: |w| w.summary,
            // Listed on every visit: on a first visit it says there is no earlier one.
            when: always,
        },
        Binding {
            keys: &[
                (PageUp, S::PageUp),
                (PageDown, S::PageDown),
                (Home, S::Top),
                (End, S::Bottom),
            ],
            footer: "PgUp PgDn",
            listed: "PgUp PgDn  Home End",
            short: |w| w.k_scroll_v,
            help: |w| w.h_sum_scroll,
            section: |w| w.summary,
            when: always,
        },
        Binding {
            keys: &[(Char('s'), S::ToInterview), (Left, S::ToInterview)],
            footer: "s ←",
            listed: "s ←",
            short: |w| w.k_interview,
            help: |w| w.h_sum_interview,
            section: |w| w.summary,
            when: from_compare,
        },
        Binding {
            keys: &[
                (Esc, S::ToInterview),
                (Char('s'), S::ToInterview),
                (Left, S::ToInterview),
            ],
            footer: "Esc s ←",
            listed: "Esc s ←",
            short: |w| w.k_back,
            help: |w| w.h_sum_back,
            section: |w| w.summary,
            when: from_interview,
        },
        Binding::help_key(&[(Char('?'), S::Help)], always),
        Binding {
            keys: &[(Esc, S::Leave), (Char('q'), S::Leave)],
            footer: "Esc q",
            listed: "Esc  q",
            short: |w| w.k_back,
            help: |w| w.h_sum_back_compare,
            section: |w| w.sec_everywhere,
            when: from_compare,
        },
        Binding::leave_key(&[(Char('q'), S::Leave)], from_interview),
    ]
};

/// The context of the summary's keys in an app.
pub fn context(app: &App) -> SummaryContext {
    SummaryContext {
        from_compare: app.from_compare(),
        follow_up: app
            .visit
            .session
            .as_ref()
            .is_some_and(|s| s.assessment.visit.previous.is_some()),
    }
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Action {
    if app.visit.summary.editor.is_some() {
        return editor_key(app, key);
    }
    let confirm = std::mem::take(&mut app.visit.summary.confirm_complete);
    let confirm_sheet = std::mem::take(&mut app.visit.summary.confirm_sheet);
    match lookup(SUMMARY, &key, &context(app)) {
        Some(command) => run(app, command, confirm, confirm_sheet),
        None => Action::None,
    }
}

/// Carries out a command of the summary; `confirm` and `confirm_sheet` say whether `c` and
/// `w` were pressed just before.
fn run(app: &mut App, command: SummaryCommand, confirm: bool, confirm_sheet: bool) -> Action {
    use SummaryCommand as S;
    let Some(s) = &app.visit.session else {
        return Action::None;
    };
    match command {
        S::Leave => return Action::Leave,
        S::Help => return Action::Help,
        S::ToInterview => return Action::Show(Screen::Interview),
        S::Up => step(app, false),
        S::Down => step(app, true),
        S::PageUp => scroll(app, Scroll::Page(false)),
        S::PageDown => scroll(app, Scroll::Page(true)),
        S::Top => scroll(app, Scroll::Start),
        S::Bottom => scroll(app, Scroll::End),
        S::Jump => {
            let open = unanswered(s);
            if let Some(&p) = open.get(app.visit.summary.cursor)
                && in_view(app).unwrap_or(true)
            {
                return Action::GoTo(s.question_page(p));
            }
        }
        S::Closing if s.is_complete() => app.say(Tone::Warn, app.words.complete_read_only),
        S::Closing => {
            let text = s.assessment.visit.summary.clone().unwrap_or_default();
            app.visit.summary.editor = Some(Editor::new(EditTarget::Closing, &text));
        }
        S::Complete => return toggle_status(app, confirm),
        S::Sheet if !s.is_complete() && !confirm_sheet => {
            // A sheet of an unfinished visit is written only when asked twice.
            let (done, visible) = s.progress();
            let text = app.words.confirm_sheet(done, visible);
            app.visit.summary.confirm_sheet = true;
            app.say(Tone::Warn, text);
        }
        S::Sheet => return Action::WriteSheet,
        S::Plan => return Action::Start(Screen::Plan),
        // A visit that follows up none has no progress page.
        S::Progress if s.assessment.visit.previous.is_none() => {
            app.say(Tone::Warn, app.words.progress_no_previous);
        }
        S::Progress => return Action::Start(Screen::Progress),
    }
    Action::None
}

/// The document as last drawn, with the first line and the number of lines in view; none
/// before the screen was first drawn.
fn laid_out(app: &App) -> Option<(Doc, usize, usize)> {
    let (width, height) = app.visit.summary.view.get();
    let s = app.visit.session.as_ref()?;
    if height == 0 {
        return None;
    }
    let doc = document(app, s, width as usize);
    let max_top = doc.lines.len().saturating_sub(height as usize);
    let top = app.visit.summary.top.min(max_top);
    Some((doc, top, height as usize))
}

/// Whether the unanswered question under the cursor is on screen (none: not drawn yet).
fn in_view(app: &App) -> Option<bool> {
    let (doc, top, height) = laid_out(app)?;
    let item = doc.items.get(app.visit.summary.cursor)?;
    Some(item.start >= top && item.end <= top + height)
}

/// ↑↓: the previous or next unanswered question, scrolled into view; past the first or the
/// last one (or with none), the document scrolls by a line.
fn step(app: &mut App, down: bool) {
    let Some((doc, top, height)) = laid_out(app) else {
        let n = app
            .visit
            .session
            .as_ref()
            .map_or(0, |s| unanswered(s).len());
        let c = &mut app.visit.summary.cursor;
        *c = if down {
            (*c + 1).min(n.saturating_sub(1))
        } else {
            c.saturating_sub(1)
        };
        return;
    };
    let n = doc.items.len();
    let cursor = app.visit.summary.cursor;
    let shown = |i: usize| doc.items[i].start >= top && doc.items[i].end <= top + height;
    let target = match (down, n) {
        (_, 0) => None,
        (true, _) if cursor + 1 < n && shown(cursor) => Some(cursor + 1),
        (false, _) if cursor > 0 && shown(cursor) => Some(cursor - 1),
        // The cursor is off screen: the first key brings it back.
        (_, _) if !shown(cursor.min(n - 1)) && near(&doc, top, height).is_none() => {
            Some(cursor.min(n - 1))
        }
        _ => None,
    };
    match target {
        Some(i) => {
            app.visit.summary.cursor = i;
            let item = &doc.items[i];
            app.visit.summary.top = if item.start < top {
                item.start
            } else if item.end > top + height {
                (item.end - height).min(item.start)
            } else {
                top
            };
        }
        None => {
            let max_top = doc.lines.len().saturating_sub(height);
            app.visit.summary.top = if down {
                (top + 1).min(max_top)
            } else {
                top.saturating_sub(1)
            };
            if let Some(i) = near(&doc, app.visit.summary.top, height)
                && !(doc.items[cursor.min(n.saturating_sub(1))].start >= app.visit.summary.top
                    && doc.items[cursor.min(n.saturating_sub(1))].end
                        <= app.visit.summary.top + height)
            {
                app.visit.summary.cursor = i;
            }
        }
    }
}

/// The first unanswered question wholly on screen, if any.
fn near(doc: &Doc, top: usize, height: usize) -> Option<usize> {
    doc.items
        .iter()
        .position(|r| r.start >= top && r.end <= top + height)
}

/// How a key scrolls the summary.
enum Scroll {
    Page(bool),
    Start,
    End,
}

/// PgUp, PgDn, Home, End: scrolls; the cursor moves to an unanswered question on screen
/// when its own one left the screen.
fn scroll(app: &mut App, how: Scroll) {
    let Some((doc, top, height)) = laid_out(app) else {
        return;
    };
    let max_top = doc.lines.len().saturating_sub(height);
    let page = height.saturating_sub(1).max(1);
    let top = match how {
        Scroll::Page(true) => (top + page).min(max_top),
        Scroll::Page(false) => top.saturating_sub(page),
        Scroll::Start => 0,
        Scroll::End => max_top,
    };
    app.visit.summary.top = top;
    let cursor = app.visit.summary.cursor;
    let visible = doc
        .items
        .get(cursor)
        .is_some_and(|r| r.start >= top && r.end <= top + height);
    if !visible && let Some(i) = near(&doc, top, height) {
        app.visit.summary.cursor = i;
    }
}

fn toggle_status(app: &mut App, confirmed: bool) -> Action {
    let w = app.words;
    let Some(s) = app.visit.session.as_mut() else {
        return Action::None;
    };
    if s.assessment.visit.status == Status::Complete {
        // Reopening a completed visit for editing takes a second c: its sheet goes stale.
        if !confirmed {
            app.visit.summary.confirm_complete = true;
            app.say(Tone::Warn, w.confirm_reopen);
            return Action::None;
        }
        s.assessment.visit.status = Status::InProgress;
        app.say(Tone::Info, w.marked_in_progress);
        return Action::Save;
    }
    let missing = required_unanswered(s);
    if missing > 0 && !confirmed {
        app.visit.summary.confirm_complete = true;
        app.say(Tone::Warn, w.confirm_complete(missing));
        return Action::None;
    }
    s.assessment.visit.status = Status::Complete;
    app.say(Tone::Info, w.marked_complete);
    Action::Save
}

pub fn on_paste(app: &mut App, text: &str) -> Action {
    let Some(ed) = &mut app.visit.summary.editor else {
        return Action::None;
    };
    ed.area.insert_str(text);
    draft(app)
}

fn draft(app: &mut App) -> Action {
    let (Some(s), Some(ed)) = (app.visit.session.as_mut(), &app.visit.summary.editor) else {
        return Action::None;
    };
    if !is_live(s, ed.target) {
        return Action::None;
    }
    write_text(s, ed.target, &ed.text());
    Action::SaveDraft
}

fn editor_key(app: &mut App, key: KeyEvent) -> Action {
    let line_break = app.is_line_break(&key);
    let Some(ed) = &mut app.visit.summary.editor else {
        return Action::None;
    };
    let text = match type_key(&mut ed.area, key, line_break) {
        Typing::Keep => ed.text(),
        Typing::Cancel => ed.original.clone(),
        Typing::Changed => return draft(app),
        Typing::Unchanged => return Action::None,
    };
    let target = ed.target;
    app.visit.summary.editor = None;
    let Some(s) = app.visit.session.as_mut() else {
        return Action::None;
    };
    write_text(s, target, &text);
    Action::Save
}
