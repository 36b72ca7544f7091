//! What an expert on site runs into, driven by keys and checked on the file as saved: line
//! breaks in notes, keys behind the "too small" notice, opening a completed assessment,
//! typing on a text question, resuming, and starting a firm that has a visit today.

mod tui_common;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use dmat::i18n::Lang;
use dmat::tui::app::Screen;
use dmat::tui::{App, Page};
use tui_common::*;

fn page(app: &App) -> Page {
    let s = app.session.as_ref().unwrap();
    s.page(app.interview.page)
}

/// Opens an interview of the feature questionnaire and fills in the profile with the keys.
fn past_profile(lang: Lang) -> (Fixture, App) {
    let f = Fixture::new();
    let mut app = f.interview(lang);
    typed(&mut app, "1");
    typed(&mut app, "40\n");
    typed(&mut app, "\n离心风机\n");
    typed(&mut app, "2003-05-18\n");
    assert_eq!(page(&app), Page::Question(0));
    (f, app)
}

fn with(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

#[test]
fn alt_enter_and_ctrl_j_break_the_line_in_a_note_and_the_closing_summary() {
    let (_f, mut app) = past_profile(Lang::Zh);
    typed(&mut app, "e第一段");
    app.feed(with(KeyCode::Enter, KeyModifiers::ALT));
    typed(&mut app, "第二段");
    app.feed(with(KeyCode::Char('j'), KeyModifiers::CONTROL));
    typed(&mut app, "第三段\n");
    assert!(app.interview.editor.is_none(), "Enter keeps the note");
    assert_eq!(
        saved(&app).answers["has-cnc"].note.as_deref(),
        Some("第一段\n第二段\n第三段")
    );
    typed(&mut app, "s");
    typed(&mut app, "e结论一");
    app.feed(with(KeyCode::Enter, KeyModifiers::ALT));
    typed(&mut app, "结论二\n");
    assert_eq!(saved(&app).visit.summary.as_deref(), Some("结论一\n结论二"));
    assert_eq!(app.screen, Screen::Summary);
}

#[test]
fn while_the_terminal_is_too_small_keys_do_nothing_but_leave() {
    let (_f, mut app) = past_profile(Lang::En);
    typed(&mut app, "2");
    let before = saved(&app);
    let where_ = app.interview.page;
    app.feed(Event::Resize(40, 10));
    let notice = draw(&app, 40, 10);
    let words: Vec<&str> = notice.split_whitespace().collect();
    assert!(
        words
            .join(" ")
            .contains("Until then keys do nothing; q quits"),
        "{notice}"
    );
    for code in [KeyCode::Right, KeyCode::Char('1'), KeyCode::Char('x')] {
        press(&mut app, code);
    }
    typed(&mut app, "e车间s");
    app.feed(Event::Paste("粘贴".into()));
    assert_eq!(saved(&app), before, "nothing changed");
    assert_eq!(app.interview.page, where_);
    assert!(app.interview.editor.is_none());
    // Large enough again: keys act.
    app.feed(Event::Resize(80, 24));
    press(&mut app, KeyCode::Left);
    assert_eq!(page(&app), Page::Question(0));
    // q leaves while too small.
    app.feed(Event::Resize(59, 30));
    assert_eq!(
        typed(&mut app, "q"),
        dmat::tui::Flow::Quit,
        "q leaves from the notice"
    );
}
