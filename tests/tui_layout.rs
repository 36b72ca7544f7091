//! The layout of the lists on narrow and wide terminals: the firms' names on the home screen
//! at 80 columns, the comparison's columns at 200, the marks of lists that scroll, and the
//! counts in the headers, in Chinese and English.

mod tui_common;

use crossterm::event::KeyCode;
use dmat::i18n::Lang;
use dmat::plain_text::{truncate, width};
use dmat::store::Catalog;
use dmat::tui::App;
use tui_common::*;

const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

/// The home screen of the demo folder (the bundled questionnaires, 30 firms, 45 visits).
fn demo_home(f: &Fixture, lang: Lang) -> App {
    let mut app = f.home(lang);
    app.catalog = Catalog::bundled();
    typed(&mut app, "d");
    app.message = None;
    app
}

/// Snapshots of `app` at these sizes.
fn snap(name: &str, lang: Lang, app: &App, sizes: &[(u16, u16)]) {
    redacted().bind(|| {
        for &(w, h) in sizes {
            let name = format!("{name}-{}-{w}x{h}", lang.code());
            insta::assert_snapshot!(name, draw(app, w, h));
        }
    });
}

/// Whether a firm's name is Chinese (the demo mark after it may be, either way).
fn is_chinese(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn at_80_columns_chinese_names_show_whole_and_english_ones_keep_most_of_their_room() {
    for lang in LANGS {
        let f = Fixture::new();
        let app = demo_home(&f, lang);
        let h = app.home.as_ref().unwrap();
        assert_eq!(h.rows.len(), 45);
        // Tall enough for every row: the columns do not depend on the height.
        let screen = draw(&app, 80, 60);
        let mut cut = 0;
        for r in &h.rows {
            if is_chinese(&r.firm) {
                assert!(screen.contains(&r.firm), "{}\n{screen}", r.firm);
            } else {
                // Cut at 36 cells (34 behind the mark of a later visit), ending with "…".
                let shown = truncate(&r.firm, 34);
                let kept = shown
                    .strip_suffix('…')
                    .unwrap_or_else(|| panic!("{}", r.firm));
                assert!(screen.contains(kept), "{shown}\n{screen}");
                cut += 1;
            }
        }
        assert!(cut > 5, "{screen}");
        for line in screen.lines().skip(3) {
            let Some(name) = line.split("  ").find(|s| !s.trim().is_empty()) else {
                continue;
            };
            let name = name.trim_start_matches(['└', ' ']);
            if name.ends_with('…') {
                assert!(width(name) >= 34, "{line}");
            }
        }
        // Every visit keeps its date, questionnaire, score and stage on the line.
        let first = screen.lines().nth(3).unwrap();
        assert!(
            first.contains("2026-08-02") && first.contains("3.37"),
            "{first}"
        );
        assert!(
            first.contains("smart…") && first.trim_end().ends_with("3.0"),
            "{first}"
        );
        snap("home-demo", lang, &app, &[(80, 24), (200, 50)]);
    }
}

#[test]
fn on_a_wide_terminal_the_home_screen_shows_every_column_whole() {
    for lang in LANGS {
        let f = Fixture::new();
        let app = demo_home(&f, lang);
        let screen = draw(&app, 200, 60);
        for r in &app.home.as_ref().unwrap().rows {
            assert!(screen.contains(&r.firm), "{}\n{screen}", r.firm);
        }
        assert!(screen.contains("smart-manufacturing"), "{screen}");
        let (complete, stage) = match lang {
            Lang::Zh => ("已完成", "工业3.0："),
            Lang::En => ("complete", "Industry 3.0 — "),
        };
        assert!(
            screen.contains(complete) && screen.contains(stage),
            "{screen}"
        );
    }
}

#[test]
fn the_comparison_gives_names_and_titles_the_room_of_a_wide_terminal() {
    for lang in LANGS {
        let f = Fixture::new();
        let app = f.comparison(lang);
        let long = "=HYPERLINK(\"http://example.com\",\"x\")";
        let bottleneck = match lang {
            Lang::Zh => "装备与自动化",
            Lang::En => "Equipment and automation",
        };
        let wide = draw(&app, 200, 60);
        assert!(wide.contains(long), "{wide}");
        assert!(wide.contains(bottleneck), "{wide}");
        // At 80 columns the name is cut to leave room for the scores.
        let narrow = draw(&app, 80, 24);
        assert!(!narrow.contains(long), "{narrow}");
        assert!(narrow.contains("=HYPERLINK(\"http://exam…"), "{narrow}");
    }
}

#[test]
fn the_cohort_views_lists_take_the_room_the_charts_leave() {
    let f = Fixture::new();
    let mut app = demo_home(&f, Lang::Zh);
    typed(&mut app, "c");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let screen = draw(&app, 200, 50);
    // The longest recommendation titles of the demo, whole.
    for title in [
        "引进或培养一名电控工程师，技术人员走绿色通道评职称",
        "纳入同类企业抱团分组，按市场档次选升级路线",
    ] {
        assert!(screen.contains(title), "{title}\n{screen}");
    }
    snap("compare-demo-cohort", Lang::Zh, &app, &[(200, 50)]);
}

#[test]
fn the_filter_window_marks_the_fields_hidden_above_and_below() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = demo_home(&f, lang);
        typed(&mut app, "cf");
        let screen = draw(&app, 80, 18);
        let marks = |screen: &str| (screen.contains('▴'), screen.contains('▾'));
        assert_eq!(marks(&screen), (false, true), "{screen}");
        snap("compare-filter-scrolls", lang, &app, &[(80, 18)]);
        typed(&mut app, "jjjjjjjjjjjj");
        assert_eq!(marks(&draw(&app, 80, 18)), (true, true));
        press(&mut app, KeyCode::End);
        for _ in 0..30 {
            typed(&mut app, "j");
        }
        let screen = draw(&app, 80, 18);
        assert_eq!(marks(&screen), (true, false), "{screen}");
        snap("compare-filter-scrolled", lang, &app, &[(80, 18)]);
        // The window is as high as the terminal allows: nothing to mark.
        assert_eq!(marks(&draw(&app, 200, 60)), (false, false));
    }
}

#[test]
fn the_home_list_marks_the_rows_hidden_above_and_below() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = demo_home(&f, lang);
        let marks = |app: &App| {
            let screen = draw(app, 80, 24);
            let last = |l: &str| l.chars().last();
            let lines: Vec<&str> = screen.lines().collect();
            (last(lines[3]) == Some('▴'), last(lines[22]) == Some('▾'))
        };
        assert_eq!(marks(&app), (false, true));
        press(&mut app, KeyCode::End);
        assert_eq!(marks(&app), (true, false));
        typed(&mut app, "kkkkk");
        assert_eq!(marks(&app), (true, true));
        // All rows in view: no mark.
        let all = draw(&app, 80, 60);
        assert!(!all.contains('▴') && !all.contains('▾'), "{all}");
    }
}

#[test]
fn the_headers_count_one_firm_and_one_assessment_in_the_singular() {
    for lang in LANGS {
        let f = Fixture::new();
        drop(f.interview(lang));
        let mut app = f.home(lang);
        let (home, marked, compared) = match lang {
            Lang::Zh => (
                "1 家企业 · 1 份评估",
                "已标记 1 份",
                "1 家企业 · 1 份评估 · 问卷 features",
            ),
            Lang::En => (
                "1 firm · 1 assessment",
                "1 marked",
                "1 firm · 1 assessment · questionnaire features",
            ),
        };
        let screen = draw(&app, 80, 24);
        assert!(screen.contains(home), "{screen}");
        typed(&mut app, " ");
        let screen = draw(&app, 80, 24);
        assert!(screen.contains(marked), "{screen}");
        typed(&mut app, "/zzz\n");
        let filtered = match lang {
            Lang::Zh => "0 家企业 · 0 份评估 · 0/1 份",
            Lang::En => "0 firms · 0 assessments · 0 of 1 assessment",
        };
        let screen = draw(&app, 100, 24);
        assert!(screen.contains(filtered), "{screen}");
        press(&mut app, KeyCode::Esc);
        typed(&mut app, "c");
        let screen = draw(&app, 100, 24);
        assert!(screen.contains(compared), "{screen}");
    }
}

#[test]
fn two_visits_of_one_firm_are_counted_in_the_plural_and_with_their_measure_words() {
    for lang in LANGS {
        let f = Fixture::new();
        drop(f.interview(lang));
        let mut second = f.interview(lang);
        second.visit.session.as_mut().unwrap().assessment.firm.name = "Boshan Fans".into();
        typed(&mut second, "2");
        drop(second);
        let app = f.home(lang);
        let want = match lang {
            Lang::Zh => "2 家企业 · 2 份评估",
            Lang::En => "2 firms · 2 assessments",
        };
        let screen = draw(&app, 80, 24);
        assert!(screen.contains(want), "{screen}");
    }
}
