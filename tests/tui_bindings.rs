//! Keys as data: every command of a screen's bindings table is run by some key and documented
//! in both languages, and the footer and the `?` help a person sees are drawn from the same
//! table as the dispatch.

mod tui_common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dmat::i18n::{Lang, TuiWords};
use dmat::tui::app::Screen;
use dmat::tui::bindings::{self, lookup, problems};
use dmat::tui::screens::help::{HELP, HelpCommand};
use dmat::tui::screens::home::{HOME, HomeCommand};
use dmat::tui::screens::new_form::{NEW, NewCommand};
use dmat::tui::screens::summary::{SUMMARY, SummaryCommand, SummaryContext};
use tui_common::*;

#[test]
fn every_command_of_every_table_is_run_by_a_key_and_documented_in_both_languages() {
    assert_eq!(problems(HOME, HomeCommand::ALL), Vec::<String>::new());
    assert_eq!(problems(SUMMARY, SummaryCommand::ALL), Vec::<String>::new());
    assert_eq!(problems(HELP, HelpCommand::ALL), Vec::<String>::new());
    assert_eq!(problems(NEW, NewCommand::ALL), Vec::<String>::new());
}

/// Every key of every row that applies runs that row's command: no earlier row takes it.
fn reachable<C: Copy + PartialEq + std::fmt::Debug, X>(
    table: &[bindings::Binding<C, X>],
    x: &X,
) -> usize {
    let mut n = 0;
    for b in table.iter().filter(|b| (b.when)(x)) {
        for &(code, command) in b.keys {
            let key = KeyEvent::new(code, KeyModifiers::NONE);
            assert_eq!(
                lookup(table, &key, x),
                Some(command),
                "{} {code:?}",
                b.listed
            );
            n += 1;
        }
    }
    n
}

#[test]
fn no_key_is_shadowed_by_an_earlier_row() {
    for from_compare in [false, true] {
        for follow_up in [false, true] {
            let x = SummaryContext {
                from_compare,
                follow_up,
            };
            assert!(reachable(SUMMARY, &x) > 10);
        }
    }
    assert!(reachable(HELP, &()) >= 7);
    let f = Fixture::new();
    f.cohort();
    let app = f.home(Lang::En);
    assert!(reachable(HOME, app.home.as_ref().unwrap()) > 10);
}

#[test]
fn keys_with_ctrl_run_no_command() {
    let key = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(lookup(HELP, &key, &()), None);
}

/// The screen's words, spaces collapsed, so that wrapped help compares with its text.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_home_screens_footer_and_help_come_from_its_table() {
    for lang in [Lang::Zh, Lang::En] {
        let w = TuiWords::of(lang);
        let f = Fixture::new();
        f.cohort();
        let mut app = f.home(lang);
        let screen = draw(&app, 140, 40);
        let footer = screen.lines().nth(39).unwrap();
        let h = app.home.as_ref().unwrap();
        let applies: Vec<bool> = HOME.iter().map(|b| (b.when)(h)).collect();
        for b in HOME.iter().filter(|b| (b.when)(h) && !b.footer.is_empty()) {
            let piece = format!("{} {}", b.footer, (b.short)(w));
            assert!(footer.contains(&piece), "{piece}: {footer}");
        }
        // D (remove the demo files) applies only where there are demos: not here.
        assert!(!footer.contains(" D "), "{footer}");
        typed(&mut app, "?");
        assert_eq!(app.screen, Screen::Help);
        let help = flat(&draw(&app, 140, 40));
        for (b, _) in HOME.iter().zip(&applies).filter(|(_, a)| **a) {
            let text = flat((b.help)(w));
            let text = if lang == Lang::Zh {
                text.replace(' ', "")
            } else {
                text
            };
            let shown = if lang == Lang::Zh {
                help.replace(' ', "")
            } else {
                help.clone()
            };
            assert!(shown.contains(&text), "{text}: {help}");
        }
        assert!(
            help.contains(&flat(w.h_home_ends)),
            "Home and End are documented"
        );
        typed(&mut app, "q");
        assert_eq!(app.screen, Screen::Home);
    }
}

#[test]
fn the_summarys_keys_depend_on_where_it_was_opened_from() {
    let w = TuiWords::of(Lang::En);
    let from_interview = bindings::footer(
        SUMMARY,
        w,
        &SummaryContext {
            from_compare: false,
            follow_up: false,
        },
    );
    let from_compare = bindings::footer(
        SUMMARY,
        w,
        &SummaryContext {
            from_compare: true,
            follow_up: false,
        },
    );
    let keys = |v: &[dmat::tui::keys::KeyHelp]| v.iter().map(|k| k.keys).collect::<Vec<_>>();
    assert!(keys(&from_interview).contains(&"Esc s ←"));
    assert!(keys(&from_interview).contains(&"q"));
    assert!(keys(&from_compare).contains(&"s ←"));
    assert!(keys(&from_compare).contains(&"Esc q"));
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(
        lookup(
            SUMMARY,
            &esc,
            &SummaryContext {
                from_compare: true,
                follow_up: false
            }
        ),
        Some(SummaryCommand::Leave)
    );
    assert_eq!(
        lookup(
            SUMMARY,
            &esc,
            &SummaryContext {
                from_compare: false,
                follow_up: false
            }
        ),
        Some(SummaryCommand::ToInterview)
    );
}

#[test]
fn while_the_firms_name_is_typed_letters_type_and_enter_starts() {
    let f = Fixture::new();
    let mut app = f.home(Lang::En);
    typed(&mut app, "n\n");
    assert_eq!(app.screen, Screen::New);
    typed(&mut app, "jkq?");
    let form = app.form.as_ref().unwrap();
    assert_eq!(form.name.lines().join(""), "jkq?");
    let footer = bindings::footer(NEW, TuiWords::of(Lang::En), form);
    assert!(
        footer
            .iter()
            .any(|k| k.keys == "Enter" && k.short == "start")
    );
    press(&mut app, KeyCode::Esc);
    assert!(!app.form.as_ref().unwrap().naming, "Esc goes back a step");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Home);
}
