//! What a full visit on site ran into on the screens, each driven by keys and checked on what
//! is drawn: counts that agree on every screen, dates in the profile that lie ahead, the jump
//! list's own keys, help lines that stay readable on a wide terminal, the cohort view's scroll
//! marks, and names and labels shown whole where there is room.

mod tui_common;

use crossterm::event::KeyCode;
use dmat::i18n::Lang;
use dmat::plain_text::width;
use dmat::tui::{App, Page};
use tui_common::*;

fn page(app: &App) -> Page {
    let s = app.visit.session.as_ref().unwrap();
    s.page(app.visit.interview.page)
}

/// Every count of answered questions in a drawn screen: `已答 a/b`, or `a/b answered`.
fn answered_counts(screen: &str, lang: Lang) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let number = |t: &str| -> Option<(usize, usize)> {
        let (a, b) = t.split_once('/')?;
        Some((a.parse().ok()?, b.parse().ok()?))
    };
    for line in screen.lines() {
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == '（' || c == '）')
            .filter(|w| !w.is_empty())
            .collect();
        for (i, w) in words.iter().enumerate() {
            let found = match lang {
                Lang::Zh if *w == "已答" => words.get(i + 1).and_then(|n| number(n)),
                Lang::En if *w == "answered" && i > 0 => number(words[i - 1]),
                _ => None,
            };
            out.extend(found);
        }
    }
    out
}

/// An interview of the feature questionnaire with the profile filled in, a few questions and
/// the text question (which is not scored) answered.
fn with_text_answered(f: &Fixture, lang: Lang) -> App {
    let mut app = f.interview(lang);
    typed(&mut app, "1");
    typed(&mut app, "40\n");
    typed(&mut app, "\n离心风机\n");
    typed(&mut app, "2003-05-18\n");
    assert_eq!(page(&app), Page::Question(0));
    typed(&mut app, "2"); // has CNC: yes
    typed(&mut app, ":remarks\n");
    typed(&mut app, "\n人才是第一位的\n");
    app
}

#[test]
fn the_header_the_sidebar_and_the_summary_count_the_same_questions() {
    for lang in [Lang::Zh, Lang::En] {
        let f = Fixture::new();
        let mut app = with_text_answered(&f, lang);
        let card = app.visit.session.as_ref().unwrap().evaluation.card.clone();
        let interview = draw(&app, 80, 24);
        typed(&mut app, "s");
        let summary = draw(&app, 80, 24);
        let expected = (card.answered, card.visible);
        let header = answered_counts(&interview, lang);
        assert_eq!(header.first(), Some(&expected), "{interview}");
        let in_summary = answered_counts(&summary, lang);
        assert!(
            !in_summary.is_empty() && in_summary.iter().all(|c| *c == expected),
            "{summary}"
        );
        // The sidebar's counts of the dimensions add up to the header's.
        let s = app.visit.session.as_ref().unwrap();
        let dims = s.q().dimension.len();
        let sum = (0..dims).fold((0, 0), |(a, b), d| {
            let (x, y) = s.dimension_progress(d);
            (a + x, b + y)
        });
        assert_eq!(sum, expected);
    }
}

#[test]
fn a_question_is_numbered_without_a_second_count_beside_the_header() {
    let f = Fixture::new();
    let mut app = with_text_answered(&f, Lang::Zh);
    typed(&mut app, ":automation\n");
    let screen = draw(&app, 80, 24);
    let line = screen.lines().find(|l| l.contains("第 ")).unwrap();
    // The page's own line, right of the sidebar.
    let place = line.rsplit('│').next().unwrap();
    assert!(place.contains("第 3 题"), "{screen}");
    assert!(!place.contains('/'), "{place}");
}

#[test]
fn the_summary_lists_unanswered_questions_that_count_apart_from_those_not_scored() {
    let f = Fixture::new();
    let mut app = f.interview(Lang::En);
    typed(&mut app, "s");
    press(&mut app, KeyCode::End);
    let screen = draw(&app, 100, 60);
    let s = app.visit.session.as_ref().unwrap();
    let (done, counted) = s.progress();
    assert!(
        screen.contains(&format!("Unanswered ({})", counted - done)),
        "{screen}"
    );
    assert!(screen.contains("Not scored, not filled in (2)"), "{screen}");
    let at = screen.find("Not scored").unwrap();
    assert!(screen[at..].contains("How does the owner see talent?"));
    assert!(screen[at..].contains("Number of engineers"));
}

/// Goes to the profile's date field.
fn on_founded(app: &mut App) {
    press(app, KeyCode::Home);
    for _ in 0..3 {
        press(app, KeyCode::Right);
    }
    assert_eq!(page(app), Page::Profile(3));
}

#[test]
fn a_founding_date_after_the_visit_is_refused_with_a_reason_in_both_languages() {
    for (lang, word) in [(Lang::Zh, "走访日期"), (Lang::En, "visit date")] {
        let f = Fixture::new();
        let mut app = f.interview(lang);
        on_founded(&mut app);
        typed(&mut app, "2030-01-01\n");
        let message = app.message.clone().unwrap().text;
        assert!(message.contains(word), "{message}");
        assert!(message.contains("2026-11-27"), "{message}");
        assert!(
            app.visit.interview.editor.is_some(),
            "the editor stays open"
        );
        assert!(!saved(&app).profile.contains_key("founded"));
        // The visit's own day is no later than the visit.
        press(&mut app, KeyCode::Esc);
        typed(&mut app, "\n2026-11-27\n");
        assert_eq!(saved(&app).profile["founded"].to_string(), "2026-11-27");
    }
}

#[test]
fn the_jump_lists_footer_shows_its_own_keys() {
    for lang in [Lang::Zh, Lang::En] {
        let f = Fixture::new();
        let mut app = f.interview(lang);
        typed(&mut app, "J");
        let screen = draw(&app, 80, 24);
        let footer = screen.lines().nth(23).unwrap();
        assert!(
            footer.contains("Enter") && footer.contains("Esc"),
            "{footer}"
        );
        assert!(
            !footer.contains("1-9") && !footer.contains(" x "),
            "{footer}"
        );
    }
}

#[test]
fn help_lines_stay_readable_on_a_wide_terminal() {
    for lang in [Lang::Zh, Lang::En] {
        let f = Fixture::new();
        let mut app = f.interview(lang);
        typed(&mut app, "?");
        let screen = draw(&app, 200, 60);
        let widest = screen
            .lines()
            .filter(|l| !l.starts_with('─'))
            .map(width)
            .max()
            .unwrap();
        assert!(widest <= 100, "{widest} columns:\n{screen}");
        assert!(widest >= 60, "{screen}");
    }
}

#[test]
fn the_cohort_views_scroll_marks_take_the_last_column_and_cover_no_text() {
    for lang in [Lang::Zh, Lang::En] {
        let f = Fixture::new();
        let mut app = f.comparison(lang);
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        draw(&app, 80, 24);
        typed(&mut app, "j");
        let screen = draw(&app, 80, 24);
        let mut marks = 0;
        for line in screen.lines() {
            for (i, c) in line.char_indices() {
                if c == '▴' || c == '▾' {
                    marks += 1;
                    assert_eq!(width(&line[..i]), 79, "{line}");
                }
            }
        }
        assert_eq!(marks, 2, "{screen}");
    }
}

#[test]
fn firm_names_keep_their_room_and_long_stage_labels_give_way_to_their_short_form() {
    let f = Fixture::new();
    let mut home = f.home(Lang::Zh);
    home.catalog = dmat::store::Catalog::bundled();
    typed(&mut home, "d");
    // Tall enough for every row of the demo folder (its firms' timelines included).
    let screen = draw(&home, 100, 60);
    let h = home.home.as_ref().unwrap();
    assert!(h.rows.len() <= 50, "{} rows", h.rows.len());
    let mut whole = 0;
    for r in h.rows.iter().filter(|r| width(&r.firm) <= 30) {
        assert!(
            screen.contains(&r.firm),
            "{}:
{screen}",
            r.firm
        );
        whole += 1;
    }
    assert!(whole > 10, "{screen}");
    // The stage shows as 工业2.0 rather than as a cut 工业2.0：机械…
    assert!(screen.contains("工业2."), "{screen}");
    assert!(!screen.contains("：机"), "{screen}");
    // Where there is room, the whole label.
    let wide = draw(&home, 200, 60);
    assert!(wide.contains("工业2.0：机械化、电气化"), "{wide}");
}

#[test]
fn the_header_cuts_nothing_while_the_gauge_can_give_way() {
    let f = Fixture::new();
    let mut app = f.interview(Lang::En);
    typed(&mut app, "s");
    let screen = draw(&app, 100, 30);
    let header = screen.lines().next().unwrap();
    assert!(
        header.contains("淄博华泰风机有限公司 · Feature test questionnaire · Summary"),
        "{header}"
    );
}

#[test]
fn the_side_list_shows_question_texts_whole_on_a_wide_terminal() {
    let f = Fixture::new();
    let mut app = with_text_answered(&f, Lang::En);
    typed(&mut app, ":automation\n");
    let screen = draw(&app, 200, 60);
    let s = app.visit.session.as_ref().unwrap();
    let q = s.q();
    for r in q.questions().filter(|r| r.dimension == 0) {
        let text = q.text(&r.question.text, "en");
        assert!(screen.contains(text), "{text}:\n{screen}");
    }
}
