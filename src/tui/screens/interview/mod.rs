//! The interview screen: a header with the firm and progress, the dimensions with their
//! progress and live scores at the side, the question with its help, options, value and note,
//! and the jump list. Keys answer, move and edit; every change asks to be saved.

mod draw;
mod edit;
mod jump;
mod table;

use crate::model::{ProfileKind, QuestionKind, Response};
use crate::score::QuestionState;
use crate::tui::app::{Action, App, Editor, Screen, Tone};
use crate::tui::bindings::lookup;
use crate::tui::session::{Page, Session};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

pub use draw::render;
use edit::*;
pub(crate) use edit::{is_live, write_text};
pub use edit::{number_text, read_number, value_text};
pub use jump::jump_entries;
use jump::*;
use table::InterviewCommand as I;
pub use table::{INTERVIEW, InterviewCommand, InterviewContext, JUMP, JumpCommand, PageKind};

/// Where the interview stands: the page, the option under the cursor, an open editor or
/// jump list.
#[derive(Default)]
pub struct InterviewState {
    pub page: usize,
    /// The question's whole on-site hint is shown over the page (`h`) until the next key.
    pub full_help: bool,
    pub option: usize,
    pub editor: Option<Editor>,
    pub jump: Option<Jump>,
}

/// The jump list: every page, filtered by what is typed.
pub struct Jump {
    pub filter: TextArea<'static>,
    pub cursor: usize,
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Action {
    if app.visit.interview.editor.is_some() {
        return editor_key(app, key);
    }
    if app.visit.interview.jump.is_some() {
        return jump_key(app, key);
    }
    if app.visit.interview.full_help {
        // Any key closes the whole hint, and does nothing else.
        app.visit.interview.full_help = false;
        return Action::None;
    }
    let Some(s) = &app.visit.session else {
        return Action::None;
    };
    let page = app.visit.interview.page;
    let typing = typed_char(s, page, &key);
    let command = lookup(INTERVIEW, &key, &context(s, page));
    // Characters other than commands (full-width digits, Chinese) would answer too.
    let other_char = matches!(key.code, KeyCode::Char(c) if !c.is_ascii() && !c.is_control());
    if s.is_complete()
        && (command.is_some_and(I::changes_answers) || other_char || typing.is_some())
    {
        app.say(Tone::Warn, app.words.complete_read_only);
        return Action::None;
    }
    if let Some(c) = typing {
        return typed_text(app, c);
    }
    let Some(command) = command else {
        return Action::None;
    };
    if command.changes_answers() && s.is_hidden(page) {
        app.say(Tone::Warn, app.words.skipped_no_answer);
        return Action::None;
    }
    run(app, command, key)
}

/// Carries out a command of the interview's table; `key` gives a digit its value.
fn run(app: &mut App, command: I, key: KeyEvent) -> Action {
    match command {
        I::Leave => return Action::Leave,
        I::Quit => return Action::Quit,
        I::Note => return open_note(app),
        I::NotApplicable => return not_applicable(app),
        I::TakeOver => return take_over(app),
        I::Code => return open_code(app),
        I::Clear => return clear(app),
        I::Digit => {
            return match key.code {
                KeyCode::Char(c) => digit(app, c),
                _ => Action::None,
            };
        }
        I::Enter => return enter(app),
        I::Space => return space(app),
        I::Help => return Action::Help,
        I::Summary => return SUMMARY,
        I::Unanswered => next_unanswered(app),
        I::FullHelp => app.visit.interview.full_help = !app.visit.interview.full_help,
        I::Jump => open_jump(app),
        I::Next => return step(app, true),
        I::Prev => return step(app, false),
        I::NextDimension => dimension_step(app, true),
        I::PrevDimension => dimension_step(app, false),
        I::First => go_to(app, 0),
        I::Last => {
            let last = app
                .visit
                .session
                .as_ref()
                .map_or(0, |s| s.page_count().saturating_sub(1));
            go_to(app, last);
        }
        I::Up => move_cursor(app, false),
        I::Down => move_cursor(app, true),
    }
    Action::None
}

/// What decides the footer of a page.
pub fn context(s: &Session, page: usize) -> InterviewContext {
    InterviewContext {
        kind: page_kind(s, page),
        na: na_allowed(s, page),
        note: matches!(s.page(page), Page::Question(_)),
        last: match s.page(page) {
            Page::Question(p) => !s.is_hidden(page) && s.last_answer(p).is_some(),
            Page::Profile(_) => false,
        },
    }
}

/// The character a key types on a text page, where every letter, digit and sign starts the
/// answer with itself (`?` and `:` keep opening the help and the jump list).
fn typed_char(s: &Session, page: usize, key: &KeyEvent) -> Option<char> {
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    (plain && !c.is_control() && !matches!(c, '?' | ':') && page_kind(s, page) == PageKind::Text)
        .then_some(c)
}

pub fn on_paste(app: &mut App, text: &str) -> Action {
    if let Some(ed) = &mut app.visit.interview.editor {
        ed.area.insert_str(text);
        return draft(app);
    }
    if let Some(j) = &mut app.visit.interview.jump {
        j.filter.insert_str(text.replace('\n', " "));
        j.cursor = 0;
    }
    Action::None
}

/// What the page asks for, which decides the keys that work.
pub fn page_kind(s: &Session, page: usize) -> PageKind {
    if s.is_hidden(page) {
        return PageKind::Skipped;
    }
    match s.page(page) {
        Page::Profile(i) => match s.field(i).kind {
            ProfileKind::Choice => PageKind::Single,
            ProfileKind::Number | ProfileKind::Date => PageKind::Number,
            ProfileKind::Text => PageKind::Text,
        },
        Page::Question(p) => match s.question(p).kind {
            QuestionKind::Single => PageKind::Single,
            QuestionKind::Multi => PageKind::Multi,
            QuestionKind::Number => PageKind::Number,
            QuestionKind::Text => PageKind::Text,
        },
    }
}

pub(super) fn na_allowed(s: &Session, page: usize) -> bool {
    match s.page(page) {
        Page::Profile(_) => false,
        Page::Question(p) => s.question(p).na,
    }
}

/// Shows a page, with the cursor on its chosen option.
pub fn go_to(app: &mut App, page: usize) {
    let Some(s) = &app.visit.session else { return };
    let page = page.min(s.page_count().saturating_sub(1));
    if page != app.visit.interview.page {
        s.remember_place(page);
    }
    app.visit.interview.page = page;
    app.visit.interview.option = s.chosen_option(page).unwrap_or(0);
    app.visit.interview.jump = None;
    app.visit.interview.full_help = false;
}

/// The next (or previous) page that is not skipped.
pub(super) fn neighbour(s: &Session, from: usize, forward: bool) -> Option<usize> {
    if forward {
        (from + 1..s.page_count()).find(|&i| !s.is_hidden(i))
    } else {
        (0..from).rev().find(|&i| !s.is_hidden(i))
    }
}

pub(super) fn step(app: &mut App, forward: bool) -> Action {
    let Some(s) = &app.visit.session else {
        return Action::None;
    };
    match neighbour(s, app.visit.interview.page, forward) {
        Some(to) => go_to(app, to),
        // Past the last page: the summary (on a text page, where `s` types).
        None if forward => return SUMMARY,
        None => {}
    }
    Action::None
}

/// After an answer: the next page that is not skipped, or the summary after the last.
pub(super) fn advance(app: &mut App) -> Action {
    step(app, true)
}

/// The summary, shown from its top.
const SUMMARY: Action = Action::Start(Screen::Summary);

pub(super) fn next_unanswered(app: &mut App) {
    let Some(s) = &app.visit.session else { return };
    match s.next_unanswered(app.visit.interview.page) {
        Some(to) => go_to(app, to),
        None => app.say(Tone::Info, app.words.all_answered),
    }
}

/// The dimension of a page; profile pages come before the first.
pub(super) fn dimension_of(s: &Session, page: usize) -> Option<usize> {
    match s.page(page) {
        Page::Profile(_) => None,
        Page::Question(p) => Some(s.q().question_at(p).dimension),
    }
}

pub(super) fn dimension_step(app: &mut App, forward: bool) {
    let Some(s) = &app.visit.session else { return };
    let here = dimension_of(s, app.visit.interview.page);
    let target = if forward {
        here.map_or(0, |d| d + 1)
    } else {
        match here {
            None | Some(0) => return go_to(app, 0),
            Some(d) => d - 1,
        }
    };
    let pages: Vec<usize> = (0..s.page_count())
        .filter(|&i| dimension_of(s, i) == Some(target))
        .collect();
    let first_shown = pages.iter().find(|&&i| !s.is_hidden(i)).or(pages.first());
    if let Some(&to) = first_shown {
        go_to(app, to);
    }
}

pub(super) fn move_cursor(app: &mut App, down: bool) {
    let Some(s) = &app.visit.session else { return };
    let n = s.option_count(app.visit.interview.page);
    if n == 0 {
        return;
    }
    let o = &mut app.visit.interview.option;
    *o = if down {
        (*o + 1).min(n - 1)
    } else {
        o.saturating_sub(1)
    };
}

pub(super) fn session_mut(app: &mut App) -> Option<&mut Session> {
    app.visit.session.as_mut()
}

/// Chooses option `i` of a single-choice page and goes on.
pub(super) fn choose(app: &mut App, i: usize) -> Action {
    let page = app.visit.interview.page;
    let Some(s) = session_mut(app) else {
        return Action::None;
    };
    match s.page(page) {
        Page::Profile(f) => {
            let Some(id) = s.field(f).options.get(i).map(|o| o.id.clone()) else {
                return Action::None;
            };
            s.set_profile(f, Some(toml::Value::String(id)));
        }
        Page::Question(p) => {
            let Some(id) = s.question(p).options.get(i).map(|o| o.id.clone()) else {
                return Action::None;
            };
            s.set_response(p, Some(Response::Choice(id)));
        }
    }
    app.visit.interview.option = i;
    Action::Save.then(advance(app))
}

pub(super) fn toggle(app: &mut App, i: usize) -> Action {
    let page = app.visit.interview.page;
    let Some(s) = session_mut(app) else {
        return Action::None;
    };
    let Page::Question(p) = s.page(page) else {
        return Action::None;
    };
    if i >= s.question(p).options.len() {
        return Action::None;
    }
    s.toggle(p, i);
    app.visit.interview.option = i;
    Action::Save
}

pub(super) fn digit(app: &mut App, c: char) -> Action {
    let Some(s) = &app.visit.session else {
        return Action::None;
    };
    let page = app.visit.interview.page;
    let n = c.to_digit(10).map(|d| d as usize);
    match page_kind(s, page) {
        PageKind::Single => match n {
            Some(d) if d >= 1 => choose(app, d - 1),
            _ => Action::None,
        },
        PageKind::Multi => match n {
            Some(d) if d >= 1 => toggle(app, d - 1),
            _ => Action::None,
        },
        PageKind::Number => {
            open_value(app, Some(c.to_string()));
            Action::None
        }
        PageKind::Text | PageKind::Skipped => Action::None,
    }
}

/// A character typed on a text page starts its editor with it.
pub(super) fn typed_text(app: &mut App, c: char) -> Action {
    let Some(s) = &app.visit.session else {
        return Action::None;
    };
    if page_kind(s, app.visit.interview.page) != PageKind::Text {
        return Action::None;
    }
    let mut current = value_text(s, app.visit.interview.page);
    current.push(c);
    open_value(app, Some(current));
    draft(app)
}

pub(super) fn enter(app: &mut App) -> Action {
    let Some(s) = &app.visit.session else {
        return Action::None;
    };
    match page_kind(s, app.visit.interview.page) {
        PageKind::Single => choose(app, app.visit.interview.option),
        PageKind::Multi => advance(app),
        PageKind::Number | PageKind::Text => {
            open_value(app, None);
            Action::None
        }
        PageKind::Skipped => Action::None,
    }
}

pub(super) fn space(app: &mut App) -> Action {
    let Some(s) = &app.visit.session else {
        return Action::None;
    };
    match page_kind(s, app.visit.interview.page) {
        PageKind::Single => choose(app, app.visit.interview.option),
        PageKind::Multi => toggle(app, app.visit.interview.option),
        _ => Action::None,
    }
}

pub(super) fn not_applicable(app: &mut App) -> Action {
    let page = app.visit.interview.page;
    let Some(s) = session_mut(app) else {
        return Action::None;
    };
    let Page::Question(p) = s.page(page) else {
        app.say(Tone::Warn, app.words.na_not_allowed);
        return Action::None;
    };
    if !s.question(p).na {
        app.say(Tone::Warn, app.words.na_not_allowed);
        return Action::None;
    }
    if s.state(p) == QuestionState::NotApplicable {
        s.set_response(p, None);
        return Action::Save;
    }
    s.set_response(p, Some(Response::NotApplicable));
    Action::Save.then(advance(app))
}

pub(super) fn clear(app: &mut App) -> Action {
    let page = app.visit.interview.page;
    let Some(s) = session_mut(app) else {
        return Action::None;
    };
    if !s.is_done(page)
        && !matches!(s.page(page), Page::Question(p) if s.state(p) == QuestionState::Unfit)
    {
        return Action::None;
    }
    match s.page(page) {
        Page::Profile(f) => s.set_profile(f, None),
        Page::Question(p) => s.set_response(p, None),
    }
    app.say(Tone::Info, app.words.cleared);
    Action::Save
}

/// `t` on a follow-up visit: takes last visit's answer and note to this question over
/// unchanged, and goes on.
pub(super) fn take_over(app: &mut App) -> Action {
    let page = app.visit.interview.page;
    let Some(s) = session_mut(app) else {
        return Action::None;
    };
    let Page::Question(p) = s.page(page) else {
        return Action::None;
    };
    if s.previous.is_none() {
        app.say(Tone::Warn, app.words.not_a_follow_up);
        return Action::None;
    }
    if !s.take_over(p) {
        app.say(Tone::Warn, app.words.last_nothing);
        return Action::None;
    }
    app.visit.interview.option = s.chosen_option(page).unwrap_or(0);
    Action::Save.then(advance(app))
}
