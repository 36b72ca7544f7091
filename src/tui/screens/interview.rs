//! The interview screen: a header with the firm and progress, the dimensions with their
//! progress and live scores at the side, the question with its help, options, value and note,
//! and the jump list. Keys answer, move and edit; every change asks to be saved.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::advise::sentence;
use crate::i18n::fill;
use crate::model::{Aggregate, ProfileKind, QuestionKind, Response};
use crate::plain_text::{inert, inert_lines, pad, pad_left, truncate, width};
use crate::score::QuestionState;
use crate::tui::app::{Action, App, EditTarget, Editor, Jump, Screen, Tone, text_area};
use crate::tui::draw::{chrome, footer, score_text, session_header, wrapped};
use crate::tui::keys::{self, PageKind};
use crate::tui::session::{Page, Session};

// ---------------------------------------------------------------- keys

pub fn on_key(app: &mut App, key: KeyEvent) -> Action {
    if app.interview.editor.is_some() {
        return editor_key(app, key);
    }
    if app.interview.jump.is_some() {
        return jump_key(app, key);
    }
    let Some(s) = &app.session else {
        return Action::None;
    };
    let hidden = s.is_hidden(app.interview.page);
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
        KeyCode::Char('e' | 'x' | ' ' | '-' | '.' | '0'..='9')
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
        KeyCode::Backspace | KeyCode::Delete => clear(app),
        KeyCode::Char(c @ ('0'..='9' | '-' | '.')) => digit(app, c),
        KeyCode::Char(c) if !c.is_ascii() && !c.is_control() => typed_text(app, c),
        KeyCode::Enter => enter(app),
        KeyCode::Char(' ') => space(app),
        _ => Action::None,
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

fn na_allowed(s: &Session, page: usize) -> bool {
    match s.page(page) {
        Page::Profile(_) => false,
        Page::Question(p) => s.question(p).na,
    }
}

/// Shows a page, with the cursor on its chosen option.
pub fn go_to(app: &mut App, page: usize) {
    let Some(s) = &app.session else { return };
    let page = page.min(s.page_count().saturating_sub(1));
    app.interview.page = page;
    app.interview.option = s.chosen_option(page).unwrap_or(0);
    app.interview.jump = None;
    app.screen = Screen::Interview;
}

fn open_summary(app: &mut App) {
    app.summary.cursor = 0;
    app.summary.confirm_complete = false;
    app.screen = Screen::Summary;
}

/// The next (or previous) page that is not skipped.
fn neighbour(s: &Session, from: usize, forward: bool) -> Option<usize> {
    if forward {
        (from + 1..s.page_count()).find(|&i| !s.is_hidden(i))
    } else {
        (0..from).rev().find(|&i| !s.is_hidden(i))
    }
}

fn step(app: &mut App, forward: bool) {
    let Some(s) = &app.session else { return };
    if let Some(to) = neighbour(s, app.interview.page, forward) {
        go_to(app, to);
    }
}

/// After an answer: the next page that is not skipped, or the summary after the last.
fn advance(app: &mut App) {
    let Some(s) = &app.session else { return };
    match neighbour(s, app.interview.page, true) {
        Some(to) => go_to(app, to),
        None => open_summary(app),
    }
}

fn next_unanswered(app: &mut App) {
    let Some(s) = &app.session else { return };
    match s.next_unanswered(app.interview.page) {
        Some(to) => go_to(app, to),
        None => app.say(Tone::Info, app.words.all_answered),
    }
}

/// The dimension of a page; profile pages come before the first.
fn dimension_of(s: &Session, page: usize) -> Option<usize> {
    match s.page(page) {
        Page::Profile(_) => None,
        Page::Question(p) => Some(s.q().question_at(p).dimension),
    }
}

fn dimension_step(app: &mut App, forward: bool) {
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

fn move_cursor(app: &mut App, down: bool) {
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

fn session_mut(app: &mut App) -> Option<&mut Session> {
    app.session.as_mut()
}

/// Chooses option `i` of a single-choice page and goes on.
fn choose(app: &mut App, i: usize) -> Action {
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

fn toggle(app: &mut App, i: usize) -> Action {
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

fn digit(app: &mut App, c: char) -> Action {
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

/// A character from an input method (Chinese) on a text page starts its editor with it.
fn typed_text(app: &mut App, c: char) -> Action {
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

fn enter(app: &mut App) -> Action {
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

fn space(app: &mut App) -> Action {
    let Some(s) = &app.session else {
        return Action::None;
    };
    match page_kind(s, app.interview.page) {
        PageKind::Single => choose(app, app.interview.option),
        PageKind::Multi => toggle(app, app.interview.option),
        _ => Action::None,
    }
}

fn not_applicable(app: &mut App) -> Action {
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

fn clear(app: &mut App) -> Action {
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

// ---------------------------------------------------------------- editing

fn open_note(app: &mut App) -> Action {
    let page = app.interview.page;
    let Some(s) = &app.session else {
        return Action::None;
    };
    let Page::Question(p) = s.page(page) else {
        app.say(Tone::Warn, app.words.no_note_here);
        return Action::None;
    };
    let note = s
        .assessment
        .note(&s.question(p).id)
        .unwrap_or("")
        .to_string();
    app.interview.editor = Some(Editor::new(EditTarget::Note(p), &note));
    Action::None
}

/// The value of a number, text or date page as text to edit.
pub fn value_text(s: &Session, page: usize) -> String {
    match s.page(page) {
        Page::Profile(f) => match s.assessment.profile.get(&s.field(f).id) {
            Some(toml::Value::String(t)) => t.clone(),
            Some(toml::Value::Integer(i)) => i.to_string(),
            Some(toml::Value::Float(x)) => number_text(*x),
            Some(other) => other.to_string(),
            None => String::new(),
        },
        Page::Question(p) => match s.assessment.response(&s.question(p).id) {
            Some(Response::Value(v)) => number_text(*v),
            Some(Response::Text(t)) => t.clone(),
            _ => String::new(),
        },
    }
}

/// A number as typed: no trailing `.0` on whole numbers.
pub fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Opens the editor of a number, text or date page; `start` replaces the value (a digit).
fn open_value(app: &mut App, start: Option<String>) {
    let page = app.interview.page;
    let Some(s) = &app.session else { return };
    let current = value_text(s, page);
    let mut ed = Editor::new(EditTarget::Value(page), &current);
    if let Some(t) = start {
        ed.area = text_area(&t);
    }
    app.interview.editor = Some(ed);
}

/// Whether what is typed is written into the assessment as it is typed: notes and free
/// text, which are worth keeping even half-written. Numbers and dates wait for Enter.
pub(crate) fn is_live(s: &Session, target: EditTarget) -> bool {
    match target {
        EditTarget::Note(_) | EditTarget::Closing => true,
        EditTarget::Value(page) => match s.page(page) {
            Page::Profile(f) => s.field(f).kind == ProfileKind::Text,
            Page::Question(p) => s.question(p).kind == QuestionKind::Text,
        },
    }
}

/// Writes free text into the assessment.
pub(crate) fn write_text(s: &mut Session, target: EditTarget, text: &str) {
    let kept = (!text.trim().is_empty()).then(|| text.to_string());
    match target {
        EditTarget::Note(p) => s.set_note(p, kept),
        EditTarget::Value(page) => match s.page(page) {
            Page::Profile(f) => s.set_profile(f, kept.map(toml::Value::String)),
            Page::Question(p) => s.set_response(p, kept.map(Response::Text)),
        },
        EditTarget::Closing => s.assessment.visit.summary = kept,
    }
}

fn draft(app: &mut App) -> Action {
    let (Some(s), Some(ed)) = (app.session.as_mut(), &app.interview.editor) else {
        return Action::None;
    };
    if !is_live(s, ed.target) {
        return Action::None;
    }
    let text = ed.text();
    write_text(s, ed.target, &text);
    Action::SaveDraft
}

fn editor_key(app: &mut App, key: KeyEvent) -> Action {
    match key.code {
        KeyCode::Enter => commit(app),
        KeyCode::Esc => cancel(app),
        _ => {
            let Some(ed) = &mut app.interview.editor else {
                return Action::None;
            };
            if ed.area.input(key) {
                draft(app)
            } else {
                Action::None
            }
        }
    }
}

fn cancel(app: &mut App) -> Action {
    let Some(ed) = app.interview.editor.take() else {
        return Action::None;
    };
    let Some(s) = app.session.as_mut() else {
        return Action::None;
    };
    if is_live(s, ed.target) {
        write_text(s, ed.target, &ed.original);
        Action::Save
    } else {
        Action::None
    }
}

fn commit(app: &mut App) -> Action {
    let Some(ed) = app.interview.editor.take() else {
        return Action::None;
    };
    let text = ed.text();
    let Some(s) = app.session.as_mut() else {
        return Action::None;
    };
    match ed.target {
        EditTarget::Note(_) | EditTarget::Closing => {
            write_text(s, ed.target, &text);
            Action::Save
        }
        EditTarget::Value(page) => match parse_value(app, page, &text) {
            Ok(()) => {
                advance(app);
                Action::Save
            }
            Err(message) => {
                app.say(Tone::Warn, message);
                app.interview.editor = Some(ed);
                Action::None
            }
        },
    }
}

/// Reads what was typed on a value page into the assessment, or says why it cannot.
fn parse_value(app: &mut App, page: usize, text: &str) -> Result<(), String> {
    let w = app.words;
    let Some(s) = app.session.as_mut() else {
        return Ok(());
    };
    let t = text.trim();
    let (kind, range) = match s.page(page) {
        Page::Profile(f) => {
            let field = s.field(f);
            let kind = match field.kind {
                ProfileKind::Number => QuestionKind::Number,
                ProfileKind::Date => return parse_date(s, f, t, w),
                _ => QuestionKind::Text,
            };
            (kind, field.range)
        }
        Page::Question(p) => (s.question(p).kind, s.question(p).range),
    };
    if kind != QuestionKind::Number {
        write_text(s, EditTarget::Value(page), text);
        return Ok(());
    }
    let value = if t.is_empty() {
        None
    } else {
        let x = read_number(t).ok_or_else(|| fill(w.not_a_number, &[&inert(t)]))?;
        if let Some([lo, hi]) = range
            && (x < lo || x > hi)
        {
            let text = fill(w.out_of_range, &[&number_text(x), &lo, &hi]);
            return Err(text);
        }
        Some(x)
    };
    match s.page(page) {
        Page::Profile(f) => s.set_profile(f, value.map(toml_number)),
        Page::Question(p) => s.set_response(p, value.map(Response::Value)),
    }
    Ok(())
}

fn parse_date(
    s: &mut Session,
    field: usize,
    t: &str,
    w: &crate::i18n::TuiWords,
) -> Result<(), String> {
    if t.is_empty() {
        s.set_profile(field, None);
        return Ok(());
    }
    let norm: String = t
        .chars()
        .map(|c| match c {
            '/' | '.' | '年' | '月' => '-',
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .filter(|&c| c != '日')
        .collect();
    let parts: Vec<i64> = norm
        .split('-')
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.trim().parse::<i64>())
        .collect::<Result<_, _>>()
        .unwrap_or_default();
    let date = match parts[..] {
        [y, m, d] => jiff::civil::Date::new(
            i16::try_from(y).unwrap_or(0),
            i8::try_from(m).unwrap_or(0),
            i8::try_from(d).unwrap_or(0),
        )
        .ok()
        .filter(|_| y >= 1000),
        _ => None,
    }
    .ok_or_else(|| fill(w.not_a_date, &[&inert(t)]))?;
    let value = toml::Value::Datetime(crate::model::assessment::civil_date(date));
    s.set_profile(field, Some(value));
    Ok(())
}

/// A number as typed, also with full-width digits (from a Chinese input method) and
/// thousands separators.
pub fn read_number(t: &str) -> Option<f64> {
    let norm: String = t
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '_'))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' => '-',
            '＋' => '+',
            c => c,
        })
        .collect();
    norm.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// A profile number as kept in the file: whole numbers as integers.
fn toml_number(x: f64) -> toml::Value {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        toml::Value::Integer(x as i64)
    } else {
        toml::Value::Float(x)
    }
}

// ---------------------------------------------------------------- jump list

fn open_jump(app: &mut App) {
    app.interview.jump = Some(Jump {
        filter: text_area(""),
        cursor: app.interview.page,
    });
}

/// The pages the jump list shows for its filter: every term must appear in the page's
/// number, id, text or dimension.
pub fn jump_entries(app: &App) -> Vec<usize> {
    let (Some(s), Some(j)) = (&app.session, &app.interview.jump) else {
        return Vec::new();
    };
    let query = j.filter.lines().join(" ").to_lowercase();
    let terms: Vec<&str> = query.split_whitespace().collect();
    (0..s.page_count())
        .filter(|&i| {
            if terms.is_empty() {
                return true;
            }
            let hay = jump_label(app, s, i).to_lowercase();
            let id = match s.page(i) {
                Page::Profile(f) => s.field(f).id.clone(),
                Page::Question(p) => s.question(p).id.clone(),
            };
            terms.iter().all(|t| hay.contains(t) || id.contains(t))
        })
        .collect()
}

fn jump_label(app: &App, s: &Session, page: usize) -> String {
    let l = app.lang.code();
    let q = s.q();
    match s.page(page) {
        Page::Profile(f) => format!("{} · {}", app.words.profile, q.text(&s.field(f).label, l)),
        Page::Question(p) => {
            let r = q.question_at(p);
            format!(
                "{} {} · {}",
                p + 1,
                q.text(&q.dimension[r.dimension].title, l),
                q.text(&r.question.text, l)
            )
        }
    }
}

fn jump_key(app: &mut App, key: KeyEvent) -> Action {
    let entries = jump_entries(app);
    let Some(j) = &mut app.interview.jump else {
        return Action::None;
    };
    match key.code {
        KeyCode::Esc => app.interview.jump = None,
        KeyCode::Enter => {
            if let Some(&page) = entries.get(j.cursor) {
                go_to(app, page);
            } else {
                app.say(Tone::Warn, app.words.no_match);
            }
        }
        KeyCode::Up => j.cursor = j.cursor.saturating_sub(1),
        KeyCode::Down => j.cursor = (j.cursor + 1).min(entries.len().saturating_sub(1)),
        KeyCode::PageUp => j.cursor = j.cursor.saturating_sub(10),
        KeyCode::PageDown => j.cursor = (j.cursor + 10).min(entries.len().saturating_sub(1)),
        _ => {
            if j.filter.input(key) {
                j.cursor = 0;
            }
        }
    }
    Action::None
}

// ---------------------------------------------------------------- drawing

pub fn render(app: &App, frame: &mut Frame) {
    let Some(s) = &app.session else { return };
    let c = chrome(frame.area());
    session_header(app, frame, c.header, s, None);
    let side_w = (c.body.width * 3 / 10).clamp(24, 40);
    let [side, main] =
        Layout::horizontal([Constraint::Length(side_w), Constraint::Min(20)]).areas(c.body);
    render_side(app, frame, side, s);
    let main = Rect {
        x: main.x + 1,
        width: main.width.saturating_sub(2),
        ..main
    };
    render_main(app, frame, main, s);
    if app.interview.jump.is_some() {
        render_jump(app, frame, c.body, s);
    }
    let page = app.interview.page;
    let keys = if app.interview.editor.is_some() {
        keys::editing(app.words)
    } else {
        let note = matches!(s.page(page), Page::Question(_));
        keys::interview(app.words, page_kind(s, page), na_allowed(s, page), note)
    };
    footer(app, frame, c.footer, &keys);
}

/// The state mark of a question in lists.
fn mark(app: &App, s: &Session, p: usize) -> Span<'static> {
    let t = &app.theme;
    match s.state(p) {
        QuestionState::Answered => Span::styled("✓", t.good()),
        QuestionState::NotApplicable => Span::styled("∅", t.muted()),
        QuestionState::Hidden => Span::styled("–", t.muted()),
        QuestionState::Unanswered | QuestionState::Unfit => {
            if s.question(p).required {
                Span::styled("○", t.warn())
            } else {
                Span::styled("○", t.muted())
            }
        }
    }
}

fn render_side(app: &App, frame: &mut Frame, area: Rect, s: &Session) {
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let q = s.q();
    let block = Block::new()
        .borders(Borders::RIGHT)
        .border_style(t.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let here = dimension_of(s, app.interview.page);
    let on_profile = here.is_none();
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    let progress_w = (0..q.dimension.len())
        .map(|d| {
            let (a, v) = s.dimension_progress(d);
            width_of(&format!("{a}/{v}"))
        })
        .chain([width_of(&format!(
            "{}/{}",
            q.profile.len(),
            q.profile.len()
        ))])
        .max()
        .unwrap_or(3);
    let score_w = 4;
    // One row per dimension: title, answered/visible, score.
    let row = |title: &str, progress: String, score: String, current: bool| {
        let right = if score.is_empty() || progress.is_empty() {
            pad_left(
                &format!("{progress}{score}"),
                (progress_w + 1 + score_w).max(width_of(&score)),
            )
        } else {
            format!(
                "{} {}",
                pad_left(&progress, progress_w),
                pad_left(&score, score_w)
            )
        };
        let title_w = width.saturating_sub(width_of(&right) + 2);
        let style = if current { t.title() } else { t.text() };
        let lead = if current { "▸" } else { " " };
        Line::from(vec![
            Span::styled(lead.to_string(), t.title()),
            Span::styled(pad(title, title_w), style),
            Span::raw(" "),
            Span::styled(right, t.muted()),
        ])
    };
    let (pf, pn) = s.profile_progress();
    if pn > 0 {
        lines.push(row(
            w.profile,
            format!("{pf}/{pn}"),
            String::new(),
            on_profile,
        ));
        if on_profile {
            for (i, f) in q.profile.iter().enumerate() {
                let done = s.is_done(i);
                let m = if done {
                    Span::styled("✓", t.good())
                } else {
                    Span::styled("○", t.muted())
                };
                let current = app.interview.page == i;
                if current {
                    cursor_line = lines.len();
                }
                lines.push(item_line(
                    app,
                    m,
                    &inert(q.text(&f.label, l)),
                    width,
                    current,
                    false,
                ));
            }
        }
    }
    for (d, dim) in q.dimension.iter().enumerate() {
        let (a, v) = s.dimension_progress(d);
        let score = s.card.dimensions[d].score;
        let title = inert(q.text(&dim.title, l));
        let (progress, score) = if v == 0 {
            (String::new(), w.skipped.to_string())
        } else {
            (format!("{a}/{v}"), score_text(score))
        };
        let current = here == Some(d);
        if current {
            cursor_line = lines.len();
        }
        lines.push(row(&title, progress, score, current));
        if current {
            for r in q.questions().filter(|r| r.dimension == d) {
                let page = s.question_page(r.index);
                let is_here = page == app.interview.page;
                if is_here {
                    cursor_line = lines.len();
                }
                let text = format!("{} {}", r.index + 1, inert(q.text(&r.question.text, l)));
                let hidden = s.state(r.index) == QuestionState::Hidden;
                lines.push(item_line(
                    app,
                    mark(app, s, r.index),
                    &text,
                    width,
                    is_here,
                    hidden,
                ));
            }
        }
    }
    let h = inner.height as usize;
    let top = cursor_line.saturating_sub(h.saturating_sub(2));
    frame.render_widget(Paragraph::new(lines).scroll((top as u16, 0)), inner);
}

fn width_of(s: &str) -> usize {
    width(s)
}

/// A question or field in the side list: its mark and text, the current one highlighted.
fn item_line(
    app: &App,
    m: Span<'static>,
    text: &str,
    width: usize,
    current: bool,
    hidden: bool,
) -> Line<'static> {
    let t = &app.theme;
    let style = if current {
        t.cursor()
    } else if hidden {
        t.muted()
    } else {
        t.text()
    };
    Line::from(vec![
        Span::raw("   "),
        m,
        Span::raw(" "),
        Span::styled(pad(text, width.saturating_sub(5)), style),
    ])
}

/// The main panel: the question and everything about it, an editor at the bottom if open.
fn render_main(app: &App, frame: &mut Frame, area: Rect, s: &Session) {
    let page = app.interview.page;
    let editor = app.interview.editor.as_ref();
    let editor_h = match editor.map(|e| e.target) {
        Some(EditTarget::Value(_)) if page_kind(s, page) == PageKind::Number => 3,
        Some(EditTarget::Value(_)) => 6,
        Some(_) => 5,
        None => 0,
    };
    let [content, edit_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(editor_h)]).areas(area);
    let (lines, cursor_line) = main_lines(app, s, content.width as usize, content.height as usize);
    let h = content.height as usize;
    let top = (cursor_line + 1).saturating_sub(h);
    frame.render_widget(Paragraph::new(lines).scroll((top as u16, 0)), content);
    if let Some(ed) = editor {
        let title = match ed.target {
            EditTarget::Note(_) => app.words.editing_note,
            _ => app.words.editing_value,
        };
        let block = Block::bordered()
            .border_style(app.theme.border_focus())
            .title(Span::styled(format!(" {title} "), app.theme.title()));
        let inner = block.inner(edit_area);
        frame.render_widget(block, edit_area);
        frame.render_widget(&ed.area, inner);
    }
}

/// The lines of the main panel, and the line the cursor is on (kept in view).
fn main_lines(app: &App, s: &Session, width: usize, height: usize) -> (Vec<Line<'static>>, usize) {
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let q = s.q();
    let page = app.interview.page;
    let editing = app.interview.editor.as_ref().map(|e| e.target);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut cursor_line = 0;

    // Where we are.
    let (place, text, help, required) = match s.page(page) {
        Page::Profile(f) => {
            let field = s.field(f);
            (
                format!(
                    "{} · {}",
                    w.profile,
                    fill(w.field_of, &[&(f + 1), &q.profile.len()])
                ),
                q.text(&field.label, l).to_string(),
                field.help.as_ref().map(|h| q.text(h, l).to_string()),
                field.required,
            )
        }
        Page::Question(p) => {
            let r = q.question_at(p);
            (
                format!(
                    "{} · {}",
                    inert(q.text(&q.dimension[r.dimension].title, l)),
                    fill(w.question_of, &[&(p + 1), &q.question_count()])
                ),
                q.text(&r.question.text, l).to_string(),
                r.question.help.as_ref().map(|h| q.text(h, l).to_string()),
                r.question.required,
            )
        }
    };
    let req = if required {
        format!(" · {}", w.required)
    } else {
        String::new()
    };
    let place = truncate(&place, width.saturating_sub(width_of(&req)));
    let head = vec![Span::styled(place, t.muted()), Span::styled(req, t.warn())];
    out.push(Line::from(head));
    out.push(Line::default());
    out.extend(wrapped(&inert(&text), width, t.strong(), ""));
    let help_at = out.len();
    let help_lines = help
        .map(|h| wrapped(&inert_lines(&h), width, t.muted(), w.look_for))
        .unwrap_or_default();
    let help_len = help_lines.len();
    out.extend(help_lines);
    out.push(Line::default());

    if s.is_hidden(page) {
        out.extend(wrapped(w.skipped_because, width, t.warn(), ""));
        for reason in skip_reasons(app, s, page) {
            out.extend(wrapped(&inert(&reason), width, t.muted(), "  · "));
        }
        out.push(Line::default());
    }
    if let Page::Question(p) = s.page(page)
        && s.state(p) == QuestionState::Unfit
        && let Some(r) = s.assessment.response(&s.question(p).id)
    {
        let kept = format!("{} = {}", r.key(), response_text(r));
        out.extend(wrapped(
            &fill(w.unfit, &[&inert(&kept)]),
            width,
            t.warn(),
            "",
        ));
        out.push(Line::default());
    }

    match page_kind(s, page) {
        PageKind::Single | PageKind::Multi | PageKind::Skipped if s.is_choice(page) => {
            cursor_line = option_lines(app, s, width, &mut out);
        }
        _ => {
            if editing != Some(EditTarget::Value(page)) {
                value_lines(app, s, width, &mut out);
            } else {
                value_context(app, s, width, &mut out, true);
            }
        }
    }

    // The note, unless it is being edited below.
    if let Page::Question(p) = s.page(page)
        && editing != Some(EditTarget::Note(p))
        && !s.is_hidden(page)
    {
        out.push(Line::default());
        let label = format!("{}  ", w.note);
        match s.assessment.note(&s.question(p).id) {
            Some(n) => out.extend(label_lines(&label, &inert_lines(n), width, t.text(), t)),
            None => out.push(Line::from(vec![
                Span::styled(label, t.title()),
                Span::styled(w.note_empty.to_string(), t.muted()),
            ])),
        }
    }
    // Too long for the panel: the help gives way first, down to one line.
    let overflow = out.len().saturating_sub(height);
    if overflow > 0 && help_len > 1 {
        let cut = overflow.min(help_len - 1);
        let last = help_at + help_len - cut - 1;
        out.drain(last + 1..last + 1 + cut);
        if let Some(span) = out[last].spans.last_mut() {
            let text = format!("{}…", span.content.trim_end_matches('…'));
            span.content = text.into();
        }
        if cursor_line > last {
            cursor_line -= cut;
        }
    }
    (out, cursor_line)
}

/// A label in the accent style followed by wrapped text with a hanging indent.
fn label_lines(
    label: &str,
    text: &str,
    width: usize,
    style: Style,
    t: &crate::tui::theme::Theme,
) -> Vec<Line<'static>> {
    let mut lines = wrapped(text, width, style, label);
    if let Some(first) = lines.first_mut()
        && let Some(lead) = first.spans.first_mut()
    {
        lead.style = t.title();
    }
    lines
}

/// Why a question is skipped, in plain words from the core.
fn skip_reasons(app: &App, s: &Session, page: usize) -> Vec<String> {
    let Page::Question(p) = s.page(page) else {
        return Vec::new();
    };
    let q = s.q();
    let Some(cond) = &s.question(p).when else {
        return Vec::new();
    };
    let facts = s.card.facts(q, &s.assessment);
    cond.witnesses(&facts)
        .iter()
        .map(|w| sentence(q, w, app.lang))
        .filter(|t| !t.is_empty())
        .collect()
}

fn response_text(r: &Response) -> String {
    match r {
        Response::Choice(c) => c.clone(),
        Response::Choices(cs) => cs.join(", "),
        Response::Value(v) => number_text(*v),
        Response::Text(t) => t.clone(),
        Response::NotApplicable => "true".into(),
    }
}

/// The options of a choice page; returns the line of the cursor.
fn option_lines(app: &App, s: &Session, width: usize, out: &mut Vec<Line<'static>>) -> usize {
    let t = &app.theme;
    let l = app.lang.code();
    let q = s.q();
    let page = app.interview.page;
    let hidden = s.is_hidden(page);
    let stages = q.scale.stage.len();
    let mut cursor_line = out.len();
    // (label, tag, tag style, chosen)
    let items: Vec<(String, String, Style, bool)> = match s.page(page) {
        Page::Profile(f) => {
            let field = s.field(f);
            let value = s.assessment.profile.get(&field.id).and_then(|v| v.as_str());
            field
                .options
                .iter()
                .map(|o| {
                    let chosen = value == Some(o.id.as_str());
                    (
                        q.text(&o.label, l).to_string(),
                        String::new(),
                        t.muted(),
                        chosen,
                    )
                })
                .collect()
        }
        Page::Question(p) => {
            let qu = s.question(p);
            let multi = qu.kind == QuestionKind::Multi;
            let sum = multi && qu.aggregate == Aggregate::Sum;
            qu.options
                .iter()
                .map(|o| {
                    let (tag, style) = if sum {
                        let pts = number_text(o.points());
                        (fill(app.words.points, &[&format!("+{pts}")]), t.muted())
                    } else {
                        match o.level {
                            Some(level) => {
                                let i = crate::score::stage_index(q, level).unwrap_or(0);
                                (format!("{level:.1}"), t.stage(i, stages))
                            }
                            None => (String::new(), t.muted()),
                        }
                    };
                    let chosen = s.is_chosen(p, &o.id);
                    (q.text(&o.text, l).to_string(), tag, style, chosen)
                })
                .collect()
        }
    };
    let multi =
        matches!(s.page(page), Page::Question(p) if s.question(p).kind == QuestionKind::Multi);
    let tag_w = items.iter().map(|i| width_of(&i.1)).max().unwrap_or(0);
    let text_w = width.saturating_sub(9 + tag_w + 1).max(4);
    for (i, (label, tag, tag_style, chosen)) in items.iter().enumerate() {
        let under = i == app.interview.option && !hidden;
        if under {
            cursor_line = out.len();
        }
        let box_ = match (multi, chosen) {
            (true, true) => "[x]",
            (true, false) => "[ ]",
            (false, true) => " ● ",
            (false, false) => " ○ ",
        };
        let num = if i < 9 {
            format!("{:>2} ", i + 1)
        } else {
            "   ".to_string()
        };
        let text_style = if hidden {
            t.muted()
        } else if *chosen {
            t.chosen()
        } else {
            t.text()
        };
        let lines = crate::tui::wrap::wrap(&inert(label), text_w);
        for (k, part) in lines.iter().enumerate() {
            let lead = if k == 0 {
                format!("{num}{box_} ")
            } else {
                " ".repeat(7)
            };
            let mut spans = vec![
                Span::styled(lead, if *chosen { t.chosen() } else { t.key() }),
                Span::styled(pad(part, text_w), text_style),
            ];
            if k == 0 && tag_w > 0 {
                spans.push(Span::raw(" "));
                spans.push(Span::styled(pad_left(tag, tag_w), *tag_style));
            }
            let mut line = Line::from(spans);
            if under {
                line = line.style(t.cursor());
            }
            out.push(line);
        }
    }
    if let Page::Question(p) = s.page(page)
        && s.question(p).na
    {
        out.push(na_line(app, s, p));
    }
    if multi && !hidden {
        out.push(Line::from(Span::styled(
            format!("       {}", app.words.choose_any),
            t.muted(),
        )));
    }
    cursor_line
}

/// The "not applicable" line under the options of a question that allows it.
fn na_line(app: &App, s: &Session, p: usize) -> Line<'static> {
    let t = &app.theme;
    let chosen = s.state(p) == QuestionState::NotApplicable;
    let style = if chosen { t.chosen() } else { t.muted() };
    Line::from(vec![
        Span::styled(" x ", t.key()),
        Span::styled(if chosen { " ● " } else { " ○ " }, style),
        Span::styled(format!(" {}", app.words.not_applicable), style),
    ])
}

/// The range and levels of a number, the date format: what helps while typing a value.
fn value_context(
    app: &App,
    s: &Session,
    width: usize,
    out: &mut Vec<Line<'static>>,
    with_unit: bool,
) {
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let q = s.q();
    let page = app.interview.page;
    let (range, bands, unit, date, scored) = match s.page(page) {
        Page::Profile(f) => {
            let field = s.field(f);
            (
                field.range,
                Vec::new(),
                field.unit.as_ref().map(|u| q.text(u, l).to_string()),
                field.kind == ProfileKind::Date,
                true,
            )
        }
        Page::Question(p) => {
            let qu = s.question(p);
            (
                qu.range,
                qu.bands.clone(),
                qu.unit.as_ref().map(|u| q.text(u, l).to_string()),
                false,
                qu.is_scorable() || qu.kind == QuestionKind::Text,
            )
        }
    };
    let mut facts: Vec<Span<'static>> = Vec::new();
    if let Some(u) = unit.filter(|_| with_unit) {
        facts.push(Span::styled(fill(w.unit, &[&inert(&u)]), t.muted()));
    }
    if let Some([lo, hi]) = range {
        facts.push(Span::styled(
            fill(w.range, &[&number_text(lo), &number_text(hi)]),
            t.muted(),
        ));
    }
    if date {
        facts.push(Span::styled(w.date_hint.to_string(), t.muted()));
    }
    if !facts.is_empty() {
        let mut spans = Vec::new();
        for (i, f) in facts.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", t.muted()));
            }
            spans.push(f);
        }
        out.push(Line::from(spans));
    }
    let stages = q.scale.stage.len();
    if !bands.is_empty() {
        let mut spans = vec![Span::styled(format!("{}  ", w.bands), t.muted())];
        let mut used = width_of(w.bands) + 2;
        for b in &bands {
            let i = crate::score::stage_index(q, b.level).unwrap_or(0);
            let from = fill(w.from, &[&number_text(b.from)]);
            let piece = format!("{from} → {:.1}", b.level);
            if used + width_of(&piece) + 3 > width {
                break;
            }
            used += width_of(&piece) + 3;
            spans.push(Span::styled(from, t.text()));
            spans.push(Span::styled(
                format!(" → {:.1}", b.level),
                t.stage(i, stages),
            ));
            spans.push(Span::raw("   "));
        }
        out.push(Line::from(spans));
    } else if !scored {
        out.push(Line::from(Span::styled(
            w.not_scored.to_string(),
            t.muted(),
        )));
    }
}

/// The value of a number, text or date page, with its range and levels.
fn value_lines(app: &App, s: &Session, width: usize, out: &mut Vec<Line<'static>>) {
    let t = &app.theme;
    let w = app.words;
    let page = app.interview.page;
    let date = matches!(s.page(page), Page::Profile(f) if s.field(f).kind == ProfileKind::Date);
    let number = page_kind(s, page) == PageKind::Number && !date;
    let label = if date {
        w.date
    } else if number {
        w.value
    } else {
        w.answer
    };
    let label = format!("{label}  ");
    let value = value_text(s, page);
    let empty = value.is_empty();
    let na =
        matches!(s.page(page), Page::Question(p) if s.state(p) == QuestionState::NotApplicable);
    if na {
        out.push(Line::from(vec![
            Span::styled(label, t.title()),
            Span::styled(w.not_applicable.to_string(), t.chosen()),
        ]));
    } else if value.is_empty() {
        let hint = if s.is_hidden(page) {
            ""
        } else if number {
            w.empty_value_digit
        } else {
            w.empty_value
        };
        out.push(Line::from(vec![
            Span::styled(label, t.title()),
            Span::styled(hint.to_string(), t.muted()),
        ]));
    } else {
        let value = match unit_of(app, s, page) {
            Some(u) if number => format!("{value} {}", inert(&u)),
            _ => value,
        };
        out.extend(label_lines(
            &label,
            &inert_lines(&value),
            width,
            t.chosen(),
            t,
        ));
    }
    value_context(app, s, width, out, empty);
    if let Page::Question(p) = s.page(page)
        && s.question(p).na
    {
        out.push(na_line(app, s, p));
    }
}

fn unit_of(app: &App, s: &Session, page: usize) -> Option<String> {
    let q = s.q();
    let unit = match s.page(page) {
        Page::Profile(f) => s.field(f).unit.as_ref(),
        Page::Question(p) => s.question(p).unit.as_ref(),
    };
    unit.map(|u| q.text(u, app.lang.code()).to_string())
}

/// The jump list, drawn over the body.
fn render_jump(app: &App, frame: &mut Frame, body: Rect, s: &Session) {
    let t = &app.theme;
    let Some(j) = &app.interview.jump else { return };
    let area = crate::tui::draw::centered(
        body,
        body.width.saturating_sub(6).min(90),
        body.height.saturating_sub(2),
    );
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(t.border_focus())
        .title(Span::styled(
            format!(" {} ", app.words.jump_title),
            t.title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [input, rule, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    let [prompt, field] =
        Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(input);
    frame.render_widget(Span::styled("/ ", t.key()), prompt);
    frame.render_widget(&j.filter, field);
    frame.render_widget(
        Block::new().borders(Borders::TOP).border_style(t.border()),
        rule,
    );
    let entries = jump_entries(app);
    if entries.is_empty() {
        frame.render_widget(Span::styled(app.words.no_match, t.muted()), list);
        return;
    }
    let h = list.height as usize;
    let top = j.cursor.saturating_sub(h.saturating_sub(1));
    let width = list.width as usize;
    let lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(top)
        .take(h)
        .map(|(k, &page)| {
            let m = match s.page(page) {
                Page::Profile(_) => {
                    if s.is_done(page) {
                        Span::styled("✓", t.good())
                    } else {
                        Span::styled("○", t.muted())
                    }
                }
                Page::Question(p) => mark(app, s, p),
            };
            let hidden = s.is_hidden(page);
            let mut label = inert(&jump_label(app, s, page));
            if hidden {
                label = format!("{label}  ({})", app.words.skipped);
            }
            let style = if hidden { t.muted() } else { t.text() };
            let mut line = Line::from(vec![
                Span::raw(" "),
                m,
                Span::raw(" "),
                Span::styled(truncate(&label, width.saturating_sub(4)), style),
            ]);
            if k == j.cursor {
                line = line.style(t.cursor());
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
