//! Keys as data: every command of a screen's bindings table is run by some key and documented
//! in both languages, and the footer and the `?` help a person sees are drawn from the same
//! table as the dispatch.

mod tui_common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dmat::i18n::{Lang, TuiWords};
use dmat::tui::app::Screen;
use dmat::tui::bindings::{self, lookup, problems};
use dmat::tui::screens::compare::{COMPARE, CompareCommand, CompareContext, CompareFocus};
use dmat::tui::screens::help::{HELP, HelpCommand};
use dmat::tui::screens::home::{HOME, HomeCommand};
use dmat::tui::screens::interview::{
    INTERVIEW, InterviewCommand, InterviewContext, JUMP, JumpCommand, PageKind,
};
use dmat::tui::screens::new_form::{NEW, NewCommand};
use dmat::tui::screens::summary::{SUMMARY, SummaryCommand, SummaryContext};
use tui_common::*;

#[test]
fn every_command_of_every_table_is_run_by_a_key_and_documented_in_both_languages() {
    assert_eq!(problems(HOME, HomeCommand::ALL), Vec::<String>::new());
    assert_eq!(problems(SUMMARY, SummaryCommand::ALL), Vec::<String>::new());
    assert_eq!(problems(HELP, HelpCommand::ALL), Vec::<String>::new());
    assert_eq!(problems(NEW, NewCommand::ALL), Vec::<String>::new());
    assert_eq!(
        problems(INTERVIEW, InterviewCommand::ALL),
        Vec::<String>::new()
    );
    assert_eq!(problems(JUMP, JumpCommand::ALL), Vec::<String>::new());
    assert_eq!(problems(COMPARE, CompareCommand::ALL), Vec::<String>::new());
}

/// Everything that can have the comparison's keys, filtered or not, from home or not.
fn compare_contexts() -> Vec<CompareContext> {
    use CompareFocus::*;
    let mut out = Vec::new();
    for focus in [Firms, Progress, Cohort, PickField, PickValues, PickNumber] {
        for (filtered, home) in [(false, false), (true, true), (true, false)] {
            out.push(CompareContext {
                focus,
                filtered,
                home,
            });
        }
    }
    out
}

/// Every kind of interview page, with and without "not applicable" and a note.
fn interview_pages() -> Vec<InterviewContext> {
    let kinds = [
        PageKind::Single,
        PageKind::Multi,
        PageKind::Number,
        PageKind::Text,
        PageKind::Skipped,
    ];
    let mut out = Vec::new();
    for kind in kinds {
        for (na, note, last) in [
            (false, false, false),
            (true, true, false),
            (false, true, true),
        ] {
            out.push(InterviewContext {
                kind,
                na,
                note,
                last,
            });
        }
    }
    out
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
    assert!(reachable(JUMP, &()) >= 6);
    for x in interview_pages() {
        assert!(reachable(INTERVIEW, &x) > 40, "{:?}", x.kind);
    }
    for x in compare_contexts() {
        assert!(reachable(COMPARE, &x) >= 2, "{:?}", x.focus);
    }
    let f = Fixture::new();
    f.cohort();
    let app = f.home(Lang::En);
    assert!(reachable(HOME, app.home.as_ref().unwrap()) > 10);
}

#[test]
fn keys_with_ctrl_run_only_the_commands_written_with_ctrl() {
    let key = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(lookup(HELP, &key, &()), None);
    let text = InterviewContext {
        kind: PageKind::Text,
        na: true,
        note: true,
        last: true,
    };
    let ctrl_e = KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL);
    assert_eq!(
        lookup(INTERVIEW, &ctrl_e, &text),
        Some(InterviewCommand::Note)
    );
    let ctrl_right = KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL);
    assert_eq!(lookup(INTERVIEW, &ctrl_right, &text), None);
    let alt_e = KeyEvent::new(KeyCode::Char('e'), KeyModifiers::ALT);
    assert_eq!(lookup(INTERVIEW, &alt_e, &text), None);
}

#[test]
fn the_interviews_footer_follows_the_page_and_its_help_is_the_same_on_every_page() {
    let w = TuiWords::of(Lang::En);
    let footer = |kind, na, note| -> Vec<String> {
        let last = false;
        bindings::footer(
            INTERVIEW,
            w,
            &InterviewContext {
                kind,
                na,
                note,
                last,
            },
        )
        .iter()
        .map(|k| format!("{} {}", k.keys, k.short))
        .collect()
    };
    assert_eq!(
        footer(PageKind::Single, true, true),
        [
            "1-9 choose",
            "↑↓ move",
            "Enter pick",
            "←→ back/next",
            "x n/a",
            "e note",
            "g unanswered",
            "J : jump",
            "s summary",
            "? help",
            "q leave"
        ]
    );
    let text = footer(PageKind::Text, true, true);
    assert_eq!(
        text,
        [
            "Enter a-z fill in",
            "←→ back/next",
            "Ctrl-E note",
            ": jump",
            "? help",
            "Ctrl-C quit"
        ]
    );
    // Last visit's answer is taken over with t, or Ctrl-T where letters type.
    let last = |kind| {
        let x = InterviewContext {
            kind,
            na: false,
            note: true,
            last: true,
        };
        bindings::footer(INTERVIEW, w, &x)
            .iter()
            .map(|k| k.keys)
            .collect::<Vec<_>>()
    };
    assert_eq!(last(PageKind::Single)[0], "t");
    assert_eq!(last(PageKind::Text)[1], "Ctrl-T");
    // A profile field takes no note, a page not asked none either.
    assert!(
        !footer(PageKind::Single, false, false)
            .iter()
            .any(|k| k.starts_with("e "))
    );
    assert!(
        !footer(PageKind::Skipped, false, true)
            .iter()
            .any(|k| k.starts_with("e "))
    );
    let help = |kind| {
        let x = InterviewContext {
            kind,
            na: false,
            note: false,
            last: false,
        };
        bindings::help(INTERVIEW, w, &x)
            .iter()
            .map(|s| (s.title, s.keys.iter().map(|k| k.keys).collect::<Vec<_>>()))
            .collect::<Vec<_>>()
    };
    assert_eq!(help(PageKind::Single), help(PageKind::Text));
    let sections = help(PageKind::Number);
    assert_eq!(sections.len(), 3, "{sections:?}");
    assert!(sections[0].1.contains(&"Ctrl-E") && sections[0].1.contains(&"a – z"));
    assert!(sections[2].1.contains(&"Ctrl-C"));
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

#[test]
fn the_comparisons_footer_follows_the_view_and_the_filter_window() {
    let w = TuiWords::of(Lang::En);
    let footer = |focus, filtered, home| -> Vec<String> {
        let x = CompareContext {
            focus,
            filtered,
            home,
        };
        bindings::footer(COMPARE, w, &x)
            .iter()
            .map(|k| format!("{} {}", k.keys, k.short))
            .collect()
    };
    use CompareFocus::*;
    assert_eq!(
        footer(Firms, true, true),
        [
            "↑↓ move",
            "←→ column",
            "o sort",
            "Enter open",
            "Tab view",
            "f filter",
            "F clear filter",
            "? help",
            "q back"
        ]
    );
    assert_eq!(footer(Cohort, false, false).last().unwrap(), "q quit");
    assert_eq!(footer(PickNumber, true, true), ["Enter apply", "Esc back"]);
    assert_eq!(
        footer(PickValues, false, true),
        ["↑↓ move", "Space tick", "Enter apply", "Esc back"]
    );
    // While a condition is typed, letters and arrows type: no command takes them.
    let x = CompareContext {
        focus: PickNumber,
        filtered: false,
        home: true,
    };
    for code in [
        KeyCode::Char('q'),
        KeyCode::Char('j'),
        KeyCode::Up,
        KeyCode::Char(' '),
    ] {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        assert_eq!(lookup(COMPARE, &key, &x), None, "{code:?}");
    }
    let sections: Vec<usize> = bindings::help(
        COMPARE,
        w,
        &CompareContext {
            focus: Firms,
            filtered: false,
            home: false,
        },
    )
    .iter()
    .map(|s| s.keys.len())
    .collect();
    assert_eq!(sections, [5, 4, 4, 3]);
}

/// The summary's `?` lists `r` on every visit, as it runs on every visit: the progress page of
/// a follow-up, or on a first visit the sentence that there is no earlier one.
#[test]
fn the_summarys_help_lists_r_on_every_visit() {
    for lang in [Lang::Zh, Lang::En] {
        let w = TuiWords::of(lang);
        for (from_compare, follow_up) in [(false, false), (false, true), (true, false)] {
            let x = SummaryContext {
                from_compare,
                follow_up,
            };
            let listed = bindings::help(SUMMARY, w, &x)
                .into_iter()
                .flat_map(|s| s.keys)
                .any(|k| k.keys == "r" && k.long == w.h_sum_progress);
            assert!(listed, "{lang:?} {from_compare} {follow_up}");
            let r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE);
            assert_eq!(lookup(SUMMARY, &r, &x), Some(SummaryCommand::Progress));
        }
    }
}
