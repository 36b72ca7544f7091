//! The interview screen: a header with the firm and progress, the dimensions with their
//! progress and live scores at the side, the question with its help, options, value and note,
//! and the jump list. Keys answer, move and edit; every change asks to be saved.

mod draw;
mod edit;
mod jump;

use crate::model::{ProfileKind, QuestionKind, Response};
use crate::score::QuestionState;
use crate::tui::app::{Action, App, Screen, Tone};
use crate::tui::keys::PageKind;
use crate::tui::session::{Page, Session};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use draw::render;
use edit::*;
pub(crate) use edit::{is_live, write_text};
pub use edit::{number_text, read_number, value_text};
pub use jump::jump_entries;
use jump::*;

pub fn on_key(app: &mut App, key: KeyEvent) -> Action {
    if app.interview.editor.is_some() {
        return editor_key(app, key);
    }
    if app.interview.jump.is_some() {
        return jump_key(app, key);
    }
    if app.interview.full_help {
        // Any key closes the whole hint, and does nothing else.
        app.interview.full_help = false;
        return Action::None;
    }
    let Some(s) = &app.session else {
        return Action::None;
    };
    let hidden = s.is_hidden(app.interview.page);
    let typing = typed_char(s, app.interview.page, &key);
    if s.is_complete() && (changes_answers(&key) || typing.is_some()) {
        app.say(Tone::Warn, app.words.complete_read_only);
        return Action::None;
    }
    if let Some(c) = typing {
        return typed_text(app, c);
    }
    if key.code == KeyCode::Char('e') && key.modifiers.contains(KeyModifiers::CONTROL) && !hidden {
        return open_note(app);
    }
    if key.code == KeyCode::Char('t') && key.modifiers.contains(KeyModifiers::CONTROL) && !hidden {
        return take_over(app);
    }
    match key.code {
        KeyCode::Char('q') => Action::Leave,
        KeyCode::Char('?') => {
            app.open_help();
            Action::None
        }
        KeyCode::Char('s') => {
            open_summary(app);
            Action::None
        }
        KeyCode::Char('g') => {
            next_unanswered(app);
            Action::None
        }
        KeyCode::Char('h') => {
            app.interview.full_help = !app.interview.full_help;
            Action::None
        }
        KeyCode::Char('J' | ':') => {
            open_jump(app);
            Action::None
        }
        KeyCode::Right | KeyCode::Char('n') => {
            step(app, true);
            Action::None
        }
        KeyCode::Left | KeyCode::Char('p') => {
            step(app, false);
            Action::None
        }
        KeyCode::Tab => {
            dimension_step(app, true);
            Action::None
        }
        KeyCode::BackTab => {
            dimension_step(app, false);
            Action::None
        }
        KeyCode::Home => {
            go_to(app, 0);
            Action::None
        }
        KeyCode::End => {
            let last = s.page_count().saturating_sub(1);
            go_to(app, last);
            Action::None
        }
        KeyCode::Up | KeyCode::Char('k') => {
            move_cursor(app, false);
            Action::None
        }
        KeyCode::Down | KeyCode::Char('j') => {
            move_cursor(app, true);
            Action::None
        }
        KeyCode::Char('e' | 't' | 'x' | ' ' | '-' | '.' | '0'..='9')
        | KeyCode::Enter
        | KeyCode::Backspace
        | KeyCode::Delete
            if hidden =>
        {
            app.say(Tone::Warn, app.words.skipped_no_answer);
            Action::None
        }
        KeyCode::Char('e') => open_note(app),
        KeyCode::Char('x') => not_applicable(app),
        KeyCode::Char('t') => take_over(app),
        KeyCode::Backspace | KeyCode::Delete => clear(app),
        KeyCode::Char(c @ ('0'..='9' | '-' | '.')) => digit(app, c),
        KeyCode::Enter => enter(app),
        KeyCode::Char(' ') => space(app),
        _ => Action::None,
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

/// Whether a key answers, clears or edits on an interview page (rather than moving or
/// leaving): what a completed assessment refuses.
fn changes_answers(key: &KeyEvent) -> bool {
    match key.code {
        KeyCode::Enter | KeyCode::Backspace | KeyCode::Delete => true,
        KeyCode::Char(c) => {
            matches!(c, 'e' | 't' | 'x' | ' ' | '-' | '.' | '0'..='9')
                || (!c.is_ascii() && !c.is_control())
        }
        _ => false,
    }
}

pub fn on_paste(app: &mut App, text: &str) -> Action {
    if let Some(ed) = &mut app.interview.editor {
        ed.area.insert_str(text);
        return draft(app);
    }
    if let Some(j) = &mut app.interview.jump {
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
    let Some(s) = &app.session else { return };
    let page = page.min(s.page_count().saturating_sub(1));
    if page != app.interview.page {
        s.remember_place(page);
    }
    app.interview.page = page;
    app.interview.option = s.chosen_option(page).unwrap_or(0);
    app.interview.jump = None;
    app.interview.full_help = false;
    app.screen = Screen::Interview;
}

pub(super) fn open_summary(app: &mut App) {
    app.summary.cursor = 0;
    app.summary.top = 0;
    app.summary.confirm_complete = false;
    app.screen = Screen::Summary;
}

/// The next (or previous) page that is not skipped.
pub(super) fn neighbour(s: &Session, from: usize, forward: bool) -> Option<usize> {
    if forward {
        (from + 1..s.page_count()).find(|&i| !s.is_hidden(i))
    } else {
        (0..from).rev().find(|&i| !s.is_hidden(i))
    }
}

pub(super) fn step(app: &mut App, forward: bool) {
    let Some(s) = &app.session else { return };
    match neighbour(s, app.interview.page, forward) {
        Some(to) => go_to(app, to),
        // Past the last page: the summary (on a text page, where `s` types).
        None if forward => open_summary(app),
        None => {}
    }
}

/// After an answer: the next page that is not skipped, or the summary after the last.
pub(super) fn advance(app: &mut App) {
    let Some(s) = &app.session else { return };
    match neighbour(s, app.interview.page, true) {
        Some(to) => go_to(app, to),
        None => open_summary(app),
    }
}

pub(super) fn next_unanswered(app: &mut App) {
    let Some(s) = &app.session else { return };
    match s.next_unanswered(app.interview.page) {
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
    let Some(s) = &app.session else { return };
    let here = dimension_of(s, app.interview.page);
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
    let Some(s) = &app.session else { return };
    let n = s.option_count(app.interview.page);
    if n == 0 {
        return;
    }
    let o = &mut app.interview.option;
    *o = if down {
        (*o + 1).min(n - 1)
    } else {
        o.saturating_sub(1)
    };
}

pub(super) fn session_mut(app: &mut App) -> Option<&mut Session> {
    app.session.as_mut()
}

/// Chooses option `i` of a single-choice page and goes on.
pub(super) fn choose(app: &mut App, i: usize) -> Action {
    let page = app.interview.page;
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
    app.interview.option = i;
    advance(app);
    Action::Save
}

pub(super) fn toggle(app: &mut App, i: usize) -> Action {
    let page = app.interview.page;
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
    app.interview.option = i;
    Action::Save
}

pub(super) fn digit(app: &mut App, c: char) -> Action {
    let Some(s) = &app.session else {
        return Action::None;
    };
    let page = app.interview.page;
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
    let Some(s) = &app.session else {
        return Action::None;
    };
    if page_kind(s, app.interview.page) != PageKind::Text {
        return Action::None;
    }
    let mut current = value_text(s, app.interview.page);
    current.push(c);
    open_value(app, Some(current));
    draft(app)
}

pub(super) fn enter(app: &mut App) -> Action {
    let Some(s) = &app.session else {
        return Action::None;
    };
    match page_kind(s, app.interview.page) {
        PageKind::Single => choose(app, app.interview.option),
        PageKind::Multi => {
            advance(app);
            Action::None
        }
        PageKind::Number | PageKind::Text => {
            open_value(app, None);
            Action::None
        }
        PageKind::Skipped => Action::None,
    }
}

pub(super) fn space(app: &mut App) -> Action {
    let Some(s) = &app.session else {
        return Action::None;
    };
    match page_kind(s, app.interview.page) {
        PageKind::Single => choose(app, app.interview.option),
        PageKind::Multi => toggle(app, app.interview.option),
        _ => Action::None,
    }
}

pub(super) fn not_applicable(app: &mut App) -> Action {
    let page = app.interview.page;
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
    } else {
        s.set_response(p, Some(Response::NotApplicable));
        advance(app);
    }
    Action::Save
}

pub(super) fn clear(app: &mut App) -> Action {
    let page = app.interview.page;
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
    let page = app.interview.page;
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
    app.interview.option = s.chosen_option(page).unwrap_or(0);
    advance(app);
    Action::Save
}
