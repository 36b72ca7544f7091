//! Editing on the interview screen: notes, values typed into number, text and date pages,
//! and how typed values are read.

use crate::model::{ProfileKind, QuestionKind, Response};
use crate::plain_text::inert;
use crate::tui::app::{Action, App, EditTarget, Editor, Tone, text_area};
use crate::tui::keys::{Typing, type_key};
use crate::tui::session::{Page, Session};
use crossterm::event::KeyEvent;

use super::*;

pub(super) fn open_note(app: &mut App) -> Action {
    let page = app.visit.interview.page;
    let Some(s) = &app.visit.session else {
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
    app.visit.interview.editor = Some(Editor::new(EditTarget::Note(p), &note));
    Action::None
}

/// `i` on a profile page: edits the firm's unified social credit code.
pub(super) fn open_code(app: &mut App) -> Action {
    let Some(s) = &app.visit.session else {
        return Action::None;
    };
    let code = s.assessment.firm.id.clone().unwrap_or_default();
    app.visit.interview.editor = Some(Editor::new(EditTarget::FirmCode, &code));
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
pub(super) fn open_value(app: &mut App, start: Option<String>) {
    let page = app.visit.interview.page;
    let Some(s) = &app.visit.session else { return };
    let current = value_text(s, page);
    let mut ed = Editor::new(EditTarget::Value(page), &current);
    if let Some(t) = start {
        ed.area = text_area(&t);
    }
    app.visit.interview.editor = Some(ed);
}

/// Whether what is typed is written into the assessment as it is typed: notes and free
/// text, which are worth keeping even half-written. Numbers and dates wait for Enter.
pub(crate) fn is_live(s: &Session, target: EditTarget) -> bool {
    match target {
        EditTarget::Note(_) | EditTarget::Closing => true,
        EditTarget::FirmCode => false,
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
        // A code is checked before it is kept: see `commit`.
        EditTarget::FirmCode => {}
    }
}

pub(super) fn draft(app: &mut App) -> Action {
    let (Some(s), Some(ed)) = (app.visit.session.as_mut(), &app.visit.interview.editor) else {
        return Action::None;
    };
    if !is_live(s, ed.target) {
        return Action::None;
    }
    let text = ed.text();
    write_text(s, ed.target, &text);
    Action::SaveDraft
}

pub(super) fn editor_key(app: &mut App, key: KeyEvent) -> Action {
    let line_break = app.is_line_break(&key);
    let Some(ed) = &mut app.visit.interview.editor else {
        return Action::None;
    };
    match type_key(&mut ed.area, key, line_break) {
        Typing::Keep => commit(app),
        Typing::Cancel => cancel(app),
        Typing::Changed => draft(app),
        Typing::Unchanged => Action::None,
    }
}

pub(super) fn cancel(app: &mut App) -> Action {
    let Some(ed) = app.visit.interview.editor.take() else {
        return Action::None;
    };
    let Some(s) = app.visit.session.as_mut() else {
        return Action::None;
    };
    if is_live(s, ed.target) {
        write_text(s, ed.target, &ed.original);
        Action::Save
    } else {
        Action::None
    }
}

pub(super) fn commit(app: &mut App) -> Action {
    let Some(ed) = app.visit.interview.editor.take() else {
        return Action::None;
    };
    let text = ed.text();
    let Some(s) = app.visit.session.as_mut() else {
        return Action::None;
    };
    match ed.target {
        EditTarget::Note(_) | EditTarget::Closing => {
            write_text(s, ed.target, &text);
            Action::Save
        }
        EditTarget::FirmCode => match crate::model::visit_checks::code_entered(&text, app.lang) {
            Ok(code) => {
                s.assessment.firm.id = code;
                Action::Save
            }
            Err(why) => {
                app.say(Tone::Warn, why);
                app.visit.interview.editor = Some(ed);
                Action::None
            }
        },
        EditTarget::Value(page) => match parse_value(app, page, &text) {
            Ok(()) => Action::Save.then(advance(app)),
            Err(message) => {
                app.say(Tone::Warn, message);
                app.visit.interview.editor = Some(ed);
                Action::None
            }
        },
    }
}

/// Reads what was typed on a value page into the assessment, or says why it cannot.
pub(super) fn parse_value(app: &mut App, page: usize, text: &str) -> Result<(), String> {
    let w = app.words;
    let Some(s) = app.visit.session.as_mut() else {
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
        let x = read_number(t).ok_or_else(|| w.not_a_number(&inert(t)))?;
        if let Some([lo, hi]) = range
            && (x < lo || x > hi)
        {
            let text = w.out_of_range(&number_text(x), lo, hi);
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

pub(super) fn parse_date(
    s: &mut Session,
    field: usize,
    t: &str,
    w: &crate::i18n::TuiWords,
) -> Result<(), String> {
    if t.is_empty() {
        s.set_profile(field, None);
        return Ok(());
    }
    let date = crate::model::decisions::read_date(t)
        .and_then(|d| crate::model::assessment::to_civil_date(&d))
        .ok_or_else(|| w.not_a_date(&inert(t)))?;
    // The profile records the firm as it is at the visit: nothing in it has a later date.
    let visit = s
        .assessment
        .visit
        .date
        .as_ref()
        .and_then(|d| d.date)
        .or_else(|| crate::model::assessment::today().date);
    if let Some(v) = visit
        && let Ok(v) = jiff::civil::Date::new(v.year as i16, v.month as i8, v.day as i8)
        && date > v
    {
        return Err(w.date_after_visit(date, v));
    }
    let value = toml::Value::Datetime(crate::model::assessment::civil_date(date));
    s.set_profile(field, Some(value));
    Ok(())
}

/// A number as typed, also with full-width digits (from a Chinese input method) and
/// thousands separators. A comma counts only where it groups thousands (`1,200`); `2,5` is
/// refused rather than read as 25.
pub fn read_number(t: &str) -> Option<f64> {
    let norm: String = t
        .chars()
        .filter(|c| !matches!(c, ' ' | '_'))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '，' => ',',
            '－' => '-',
            '＋' => '+',
            c => c,
        })
        .collect();
    if norm.contains(',') && !groups_thousands(&norm) {
        return None;
    }
    let plain: String = norm.chars().filter(|&c| c != ',').collect();
    plain.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Whether every comma in `t` separates groups of three digits in its whole part.
fn groups_thousands(t: &str) -> bool {
    let whole = t.split('.').next().unwrap_or("");
    if t.split('.').skip(1).any(|f| f.contains(',')) {
        return false;
    }
    let digits = whole.trim_start_matches(['+', '-']);
    let mut groups = digits.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

/// A profile number as kept in the file: whole numbers as integers.
pub(super) fn toml_number(x: f64) -> toml::Value {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        toml::Value::Integer(x as i64)
    } else {
        toml::Value::Float(x)
    }
}

#[cfg(test)]
mod number_tests {
    use super::read_number;

    #[test]
    fn commas_count_only_where_they_group_thousands() {
        assert_eq!(read_number("1,200"), Some(1200.0));
        assert_eq!(read_number("12,345,678.5"), Some(12_345_678.5));
        assert_eq!(read_number("１，２００"), Some(1200.0));
        assert_eq!(read_number("-1,000"), Some(-1000.0));
        assert_eq!(read_number("2,5"), None);
        assert_eq!(read_number("1,23"), None);
        assert_eq!(read_number("1234,567"), None);
        assert_eq!(read_number("1.2,5"), None);
        assert_eq!(read_number(",5"), None);
    }

    #[test]
    fn full_width_digits_and_points_are_read() {
        assert_eq!(read_number("２。５"), Some(2.5));
        assert_eq!(read_number(" 15 "), Some(15.0));
        assert_eq!(read_number("3%"), None);
    }
}
