//! Who and which firm: the new-interview form takes the firm's unified social credit code (a
//! wrong check digit refused with the reason), the assessor prefilled from the workspace's
//! settings and remembered on start, and an editable visit date; the profile pages show the
//! code and `i` changes it.

mod tui_common;

use crossterm::event::KeyCode;
use dmat::i18n::Lang;
use dmat::tui::App;
use dmat::tui::app::Screen;
use tui_common::*;

const CODE: &str = "91350100M000100Y43";
const SIZES: [(u16, u16); 2] = [(80, 24), (140, 40)];

fn snap(name: &str, lang: Lang, app: &App) {
    redacted().bind(|| {
        for (w, h) in SIZES {
            let name = format!("{name}-{}-{w}x{h}", lang.code());
            insta::assert_snapshot!(name, draw(app, w, h));
        }
    });
}

fn flat(screen: &str) -> String {
    screen.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The home screen of a workspace that remembers an assessor, with the form's second step
/// open and the firm's name typed.
fn form(f: &Fixture, lang: Lang) -> App {
    std::fs::write(f.ws.settings_path(), "assessor = \"王建国\"\n").unwrap();
    let mut app = f.home(lang);
    typed(&mut app, "n\n");
    assert_eq!(app.screen, Screen::New);
    typed(&mut app, FIRM);
    app
}

fn clear(app: &mut App) {
    for _ in 0..20 {
        press(app, KeyCode::Backspace);
    }
}

#[test]
fn the_form_takes_the_code_the_assessor_and_the_date() {
    let f = Fixture::new();
    let mut app = form(&f, Lang::En);
    let screen = draw(&app, 80, 24);
    assert!(
        screen.contains("王建国"),
        "the assessor is prefilled\n{screen}"
    );
    assert!(
        screen.contains("2026-11-27"),
        "today is the visit date\n{screen}"
    );
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "91350100M000100Y44\n");
    assert_eq!(app.screen, Screen::New, "a wrong code is refused");
    let said = flat(&draw(&app, 80, 24));
    assert!(
        said.contains("its check digit is `4`, but the first 17 characters give `3`"),
        "{said}"
    );
    assert!(f.ws.assessment_files().is_empty(), "nothing written");
    clear(&mut app);
    typed(&mut app, &CODE.to_lowercase());
    press(&mut app, KeyCode::Tab);
    clear(&mut app);
    typed(&mut app, "李四");
    press(&mut app, KeyCode::Tab);
    clear(&mut app);
    typed(&mut app, "2026-11-30\n");
    assert_eq!(app.screen, Screen::Interview);
    let a = saved(&app);
    assert_eq!(a.firm.id.as_deref(), Some(CODE), "put in capitals");
    assert_eq!(a.visit.assessor.as_deref(), Some("李四"));
    assert_eq!(a.date_string().as_deref(), Some("2026-11-30"));
    assert_eq!(
        dmat::store::remembered_assessor(&f.ws).as_deref(),
        Some("李四"),
        "remembered for the next interview"
    );
}

#[test]
fn a_date_that_is_not_a_date_is_refused() {
    let f = Fixture::new();
    let mut app = form(&f, Lang::Zh);
    press(&mut app, KeyCode::BackTab);
    clear(&mut app);
    typed(&mut app, "下周一\n");
    assert_eq!(app.screen, Screen::New);
    assert!(flat(&draw(&app, 80, 24)).contains("不是日期"));
}

#[test]
fn the_profile_pages_show_the_code_and_i_changes_it() {
    let f = Fixture::new();
    let mut app = f.interview(Lang::En);
    assert!(flat(&draw(&app, 80, 24)).contains("code: not given (i fills it in)"));
    typed(&mut app, "i9135\n");
    assert!(
        app.visit.interview.editor.is_some(),
        "refused, still typing"
    );
    assert!(flat(&draw(&app, 80, 24)).contains("it has 4 characters"));
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, CODE);
    press(&mut app, KeyCode::Enter);
    assert_eq!(saved(&app).firm.id.as_deref(), Some(CODE));
    assert!(draw(&app, 140, 40).contains(CODE));
    typed(&mut app, "i");
    for _ in 0..18 {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(saved(&app).firm.id, None, "emptied: no code");
}

#[test]
fn form_and_profile_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        let f = Fixture::new();
        let mut app = form(&f, lang);
        press(&mut app, KeyCode::Tab);
        typed(&mut app, CODE);
        snap("new-details", lang, &app);
        let f = Fixture::new();
        let mut app = f.interview(lang);
        typed(&mut app, &format!("i{CODE}\n"));
        snap("interview-profile-code", lang, &app);
    }
}
