//! The progress page of a follow-up visit: the actions the firm agreed at the previous visit,
//! each with how it went (status), what became of the public support named for it, and a
//! note, written into the visit's `[progress.*]` entries and saved at once. The previous
//! visit is only read.

use std::cell::Cell;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui_textarea::TextArea;

use crate::i18n::TuiWords;
use crate::model::decisions::{edit_progress, kept_text};
use crate::model::{Decision, ProgressStatus, SupportOutcome};
use crate::plain_text::inert;
use crate::tui::app::{Action, App, Screen, text_area};
use crate::tui::bindings::{Binding, always, commands, lookup};
use crate::tui::draw::{Laid, ListView, chrome, footer, list_page, session_header, wrapped};
use crate::tui::keys;
use crate::tui::keys::{Typing, type_key};
use crate::tui::screens::plan::{note_lines, owner_and_due};
use crate::tui::session::Session;

/// Where the progress page stands: the action under the cursor, the first line in view as
/// last drawn, and the note being typed.
#[derive(Default)]
pub struct ProgressState {
    pub cursor: usize,
    pub top: Cell<usize>,
    /// The note being typed, with the text it replaces if cancelled.
    pub editor: Option<(TextArea<'static>, String)>,
}

impl ProgressState {
    /// Nothing being typed: how the page is shown from the summary.
    pub fn start(&mut self) {
        self.editor = None;
    }
}

/// The actions the page lists: those agreed at the previous visit, in its file's order, then
/// any other action this visit records progress on (which `validate` warns about).
pub fn actions(s: &Session) -> Vec<String> {
    let mut out: Vec<String> = s
        .previous
        .as_deref()
        .map(|p| {
            p.plan
                .iter()
                .filter(|(_, e)| e.decision == Some(Decision::Agreed))
                .map(|(id, _)| id.clone())
                .collect()
        })
        .unwrap_or_default();
    for id in s.assessment.progress.keys() {
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

commands! {
    /// What the keys of the progress page do.
    ProgressCommand {
        Up,
        Down,
        NotStarted,
        InProgress,
        Done,
        Dropped,
        Support,
        Note,
        Back,
        Help,
        Leave,
    }
}

fn any(x: &bool) -> bool {
    *x
}

/// The progress page's keys: dispatch, footer and help. The context: whether an action is
/// listed.
pub static PROGRESS: &[Binding<ProgressCommand, bool>] = {
    use KeyCode::*;
    use ProgressCommand as P;
    &[
        Binding {
            keys: &[
                (Up, P::Up),
                (Char('k'), P::Up),
                (Down, P::Down),
                (Char('j'), P::Down),
            ],
            footer: "↑↓",
            listed: "↑ ↓  k j",
            short: |w| w.k_move,
            help: |w| w.h_plan_move,
            section: |w| w.progress_title,
            when: any,
        },
        Binding {
            keys: &[
                (Char('1'), P::NotStarted),
                (Char('2'), P::InProgress),
                (Char('3'), P::Done),
                (Char('4'), P::Dropped),
            ],
            footer: "1-4",
            listed: "1 2 3 4",
            short: |w| w.k_status,
            help: |w| w.h_progress_status,
            section: |w| w.progress_title,
            when: any,
        },
        Binding {
            keys: &[(Char('f'), P::Support)],
            footer: "f",
            listed: "f",
            short: |w| w.k_support,
            help: |w| w.h_progress_support,
            section: |w| w.progress_title,
            when: any,
        },
        Binding {
            keys: &[(Char('e'), P::Note)],
            footer: "e",
            listed: "e",
            short: |w| w.k_note,
            help: |w| w.h_progress_note,
            section: |w| w.progress_title,
            when: any,
        },
        Binding {
            keys: &[(Esc, P::Back), (Char('s'), P::Back), (Left, P::Back)],
            footer: "Esc",
            listed: "Esc  s  ←",
            short: |w| w.k_summary,
            help: |w| w.h_plan_back,
            section: |w| w.progress_title,
            when: always,
        },
        Binding {
            keys: &[(Char('?'), P::Help)],
            footer: "?",
            listed: "?",
            short: |w| w.k_help,
            help: |w| w.h_help,
            section: |w| w.sec_everywhere,
            when: always,
        },
        Binding {
            keys: &[(Char('q'), P::Leave)],
            footer: "q",
            listed: "q",
            short: |w| w.k_leave,
            help: |w| w.h_leave,
            section: |w| w.sec_everywhere,
            when: always,
        },
    ]
};

/// The context of the page's keys in an app: whether it lists an action.
pub fn context(app: &App) -> bool {
    app.visit
        .session
        .as_ref()
        .is_some_and(|s| !actions(s).is_empty())
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Action {
    if app.visit.progress.editor.is_some() {
        return editor_key(app, key);
    }
    match lookup(PROGRESS, &key, &context(app)) {
        Some(command) => run(app, command),
        None => Action::None,
    }
}

/// Carries out a command of the progress page. A completed visit's progress changes too (its
/// status stays complete): progress changes no score.
fn run(app: &mut App, command: ProgressCommand) -> Action {
    use ProgressCommand as P;
    let Some(s) = &app.visit.session else {
        return Action::None;
    };
    let list = actions(s);
    let Some(id) = list.get(app.visit.progress.cursor).cloned() else {
        return match command {
            P::Back => Action::Show(Screen::Summary),
            P::Help => Action::Help,
            P::Leave => Action::Leave,
            _ => Action::None,
        };
    };
    let change = match command {
        P::Up => {
            app.visit.progress.cursor = app.visit.progress.cursor.saturating_sub(1);
            return Action::None;
        }
        P::Down => {
            app.visit.progress.cursor = (app.visit.progress.cursor + 1).min(list.len() - 1);
            return Action::None;
        }
        P::Back => return Action::Show(Screen::Summary),
        P::Help => return Action::Help,
        P::Leave => return Action::Leave,
        P::NotStarted => Some(ProgressStatus::NotStarted),
        P::InProgress => Some(ProgressStatus::InProgress),
        P::Done => Some(ProgressStatus::Done),
        P::Dropped => Some(ProgressStatus::Dropped),
        P::Support | P::Note => None,
    };
    let Some(s) = app.visit.session.as_mut() else {
        return Action::None;
    };
    match command {
        P::Support => edit_progress(&mut s.assessment, &id, |p| {
            p.support = next_support(p.support);
        }),
        P::Note => {
            let note = s
                .assessment
                .progress
                .get(&id)
                .and_then(|p| p.note.clone())
                .unwrap_or_default();
            app.visit.progress.editor = Some((text_area(&note), note));
            return Action::None;
        }
        // The same status again takes it back.
        _ => edit_progress(&mut s.assessment, &id, |p| {
            p.status = if p.status == change { None } else { change };
        }),
    }
    Action::Save
}

/// The support outcomes in turn: none recorded, none, applied, granted, refused.
fn next_support(now: Option<SupportOutcome>) -> Option<SupportOutcome> {
    match now {
        None => Some(SupportOutcome::None),
        Some(SupportOutcome::None) => Some(SupportOutcome::Applied),
        Some(SupportOutcome::Applied) => Some(SupportOutcome::Granted),
        Some(SupportOutcome::Granted) => Some(SupportOutcome::Refused),
        Some(SupportOutcome::Refused) => None,
    }
}

/// Writes the note of the action under the cursor.
fn write_note(app: &mut App, text: &str) {
    let Some(s) = app.visit.session.as_mut() else {
        return;
    };
    let Some(id) = actions(s).get(app.visit.progress.cursor).cloned() else {
        return;
    };
    let note = kept_text(text);
    edit_progress(&mut s.assessment, &id, |p| p.note = note);
}

pub fn on_paste(app: &mut App, text: &str) -> Action {
    let Some((area, _)) = &mut app.visit.progress.editor else {
        return Action::None;
    };
    area.insert_str(text);
    let text = area.lines().join("\n");
    write_note(app, &text);
    Action::SaveDraft
}

fn editor_key(app: &mut App, key: KeyEvent) -> Action {
    let line_break = app.is_line_break(&key);
    let Some((area, original)) = &mut app.visit.progress.editor else {
        return Action::None;
    };
    let (text, done) = match type_key(area, key, line_break) {
        Typing::Keep => (area.lines().join("\n"), true),
        Typing::Cancel => (original.clone(), true),
        Typing::Changed => (area.lines().join("\n"), false),
        Typing::Unchanged => return Action::None,
    };
    if done {
        app.visit.progress.editor = None;
    }
    write_note(app, &text);
    if done {
        Action::Save
    } else {
        Action::SaveDraft
    }
}

// ---------------------------------------------------------------- drawing

fn status_word(w: &TuiWords, s: Option<ProgressStatus>) -> &'static str {
    match s {
        Some(ProgressStatus::NotStarted) => w.status_not_started,
        Some(ProgressStatus::InProgress) => w.status_in_progress,
        Some(ProgressStatus::Done) => w.status_done,
        Some(ProgressStatus::Dropped) => w.status_dropped,
        None => w.not_recorded,
    }
}

fn support_word(w: &TuiWords, s: Option<SupportOutcome>) -> &'static str {
    match s {
        Some(SupportOutcome::None) => w.support_none,
        Some(SupportOutcome::Applied) => w.support_applied,
        Some(SupportOutcome::Granted) => w.support_granted,
        Some(SupportOutcome::Refused) => w.support_refused,
        None => w.not_recorded,
    }
}

/// The title of an action: the recommendation's in this visit's questionnaire or the
/// previous visit's, else the title the firm gave its own action, else its id.
fn title(app: &App, s: &Session, id: &str) -> String {
    let l = app.lang.code();
    let find = |q: &crate::model::Questionnaire| {
        q.recommendation_index(id)
            .map(|i| q.text(&q.recommendation[i].title, l).to_string())
    };
    let previous = s.previous.as_deref();
    let earlier_q = previous.and_then(|p| app.catalog.resolve(&p.questionnaire.id).ok());
    let own = previous
        .and_then(|p| p.plan.get(id))
        .and_then(|e| e.title.clone());
    let text = find(s.q())
        .or_else(|| earlier_q.and_then(|q| find(&q.questionnaire)))
        .or(own)
        .unwrap_or_else(|| id.to_string());
    inert(&text)
}

/// The lines of the page, and where each action's lines begin and end.
fn lay_out(app: &App, s: &Session, width_: usize) -> Laid {
    let (t, w) = (&app.theme, app.words);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut items = Vec::new();
    let earlier = s.assessment.visit.previous.as_deref().unwrap_or("");
    let intro = match s.previous.as_deref() {
        Some(p) => w.progress_intro(&inert(earlier), &p.date_string().unwrap_or_default()),
        None => w.progress_missing(&inert(earlier)),
    };
    lines.extend(wrapped(&intro, width_, t.muted(), ""));
    let list = actions(s);
    if list.is_empty() {
        lines.push(Line::default());
        lines.extend(wrapped(w.progress_none, width_, t.muted(), ""));
    }
    for (i, id) in list.iter().enumerate() {
        lines.push(Line::default());
        let start = lines.len();
        let chosen = i == app.visit.progress.cursor;
        let lead = if chosen { " ▸ " } else { "   " };
        let mut head = wrapped(&title(app, s, id), width_, t.strong(), lead);
        if let Some(first) = head.first_mut()
            && let Some(span) = first.spans.first_mut()
        {
            span.style = t.title();
        }
        lines.extend(head);
        let agreed = s.previous.as_deref().and_then(|p| p.plan.get(id));
        let mut was = owner_and_due(w, agreed);
        if agreed.is_none_or(|e| e.decision != Some(Decision::Agreed)) {
            was.push(w.progress_not_agreed.to_string());
        }
        if !was.is_empty() {
            lines.extend(wrapped(&was.join(" · "), width_, t.muted(), "     "));
        }
        let p = s.assessment.progress.get(id);
        let status = p.and_then(|p| p.status);
        let support = p.and_then(|p| p.support);
        let status_style = match status {
            Some(ProgressStatus::Done) => t.good(),
            None => t.warn(),
            _ => t.text(),
        };
        lines.push(Line::from(vec![
            Span::raw("     "),
            Span::styled(w.progress_status.to_string(), t.muted()),
            Span::styled(status_word(w, status).to_string(), status_style),
            Span::styled(format!("  {}", w.progress_support), t.muted()),
            Span::styled(support_word(w, support).to_string(), t.text()),
        ]));
        if let Some(note) = p.and_then(|p| p.note.as_deref()) {
            let text = w.plan_note(&inert(note));
            lines.extend(note_lines(app, &text, width_, "     ", chosen));
        }
        items.push(start..lines.len());
    }
    Laid { lines, items }
}

pub fn render(app: &App, frame: &mut Frame) {
    let Some(s) = &app.visit.session else { return };
    let w = app.words;
    let c = chrome(frame.area());
    session_header(app, frame, c.header, s, Some(w.progress_title));
    let progress = &app.visit.progress;
    let editor = (progress.editor.as_ref()).map(|(area, _)| (w.editing_plan_note, area));
    let view = ListView {
        cursor: progress.cursor,
        top: &progress.top,
    };
    list_page(app, frame, c.body, view, editor, |width| {
        lay_out(app, s, width)
    });
    let keys = if progress.editor.is_some() {
        keys::editing(w)
    } else {
        crate::tui::bindings::footer(PROGRESS, w, &context(app))
    };
    footer(app, frame, c.footer, &keys);
}
