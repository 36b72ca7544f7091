//! The comparison screen driven by keys, without a terminal, on the fixture cohort
//! (`tests/fixtures/cohort`: five firms, 周村机械厂 visited twice) and on demo cohorts: moving,
//! choosing columns, sorting, filtering, switching views, opening a firm and coming back, and
//! the home screen's `c`.

mod tui_common;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use dmat::compare::{Column, Comparison, Direction, ScoredVisit};
use dmat::i18n::{Lang, TuiWords};
use dmat::store::Opened;
use dmat::tui::app::{Screen, Tone};
use dmat::tui::screens::compare::{CompareState, View};
use dmat::tui::{App, Flow, Session, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use tui_common::*;

fn state(app: &App) -> &CompareState {
    app.compare.as_ref().expect("the comparison is open")
}

fn c(app: &App) -> &Comparison {
    &state(app).comparison
}

fn names(app: &App) -> Vec<String> {
    c(app).rows().map(|f| f.name().to_string()).collect()
}

/// Presses → or ← until `column` is the chosen one.
fn choose(app: &mut App, column: Column) {
    let at = state(app)
        .columns()
        .iter()
        .position(|&c| c == column)
        .expect("a column of the table");
    while state(app).column < at {
        press(app, KeyCode::Right);
    }
    while state(app).column > at {
        press(app, KeyCode::Left);
    }
}

fn dimension(app: &App, id: &str) -> Column {
    c(app).column(id).expect("a dimension")
}

/// A workspace with `n` demo firms of the feature questionnaire.
fn demo(n: usize) -> Fixture {
    let f = Fixture::new();
    let q = features();
    let dir = f.ws.assessments_dir();
    dmat::store::write_cohort(&dir, &dmat::demo::cohort(&q.questionnaire, &q.digest, n, 3))
        .unwrap();
    f
}

#[test]
fn the_comparison_opens_on_the_firms_sorted_by_overall_score() {
    let f = Fixture::new();
    let app = f.comparison(Lang::En);
    assert_eq!(app.screen, Screen::Compare);
    let st = state(&app);
    assert_eq!(st.view, View::Firms);
    assert_eq!(c(&app).sort(), (Column::Overall, Direction::Descending));
    assert_eq!(
        st.columns()[st.column],
        Column::Overall,
        "the sort's column"
    );
    assert_eq!(
        names(&app),
        [
            "Zibo Motors Co., Ltd.",
            "Boshan Fans",
            "淄博华泰风机有限公司",
            "周村机械厂",
            "=HYPERLINK(\"http://example.com\",\"x\")"
        ]
    );
}

#[test]
fn o_sorts_by_the_chosen_column_and_again_reverses() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::En);
    let talent = dimension(&app, "talent");
    choose(&mut app, talent);
    typed(&mut app, "o");
    assert_eq!(c(&app).sort(), (talent, Direction::Descending));
    // Talent: Boshan 3.50, 周村 3.00, 华泰 2.50, HYPERLINK 2.00; Zibo has none and goes last.
    let first = names(&app);
    assert_eq!(first[0], "Boshan Fans");
    assert_eq!(first[4], "Zibo Motors Co., Ltd.");
    typed(&mut app, "o");
    assert_eq!(c(&app).sort(), (talent, Direction::Ascending));
    let second = names(&app);
    assert_eq!(second[0], "=HYPERLINK(\"http://example.com\",\"x\")");
    assert_eq!(
        second[4], "Zibo Motors Co., Ltd.",
        "missing scores last either way"
    );
    // The cursor goes to the top after sorting.
    typed(&mut app, "jjo");
    assert_eq!(state(&app).cursor, 0);
}

#[test]
fn enter_on_the_header_sorts_and_down_goes_back_to_the_rows() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::Zh);
    typed(&mut app, "jk");
    assert!(!state(&app).on_header);
    press(&mut app, KeyCode::Up);
    assert!(
        state(&app).on_header,
        "↑ on the first row goes to the header"
    );
    choose(&mut app, Column::Firm);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.screen,
        Screen::Compare,
        "Enter on the header opens nothing"
    );
    assert_eq!(c(&app).sort(), (Column::Firm, Direction::Ascending));
    assert_eq!(names(&app)[0], "=HYPERLINK(\"http://example.com\",\"x\")");
    press(&mut app, KeyCode::Enter);
    assert_eq!(c(&app).sort(), (Column::Firm, Direction::Descending));
    press(&mut app, KeyCode::Down);
    assert!(!state(&app).on_header);
    assert_eq!(state(&app).cursor, 0);
}

#[test]
fn left_and_right_choose_columns_within_the_table() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::Zh);
    let last = state(&app).columns().len() - 1;
    for _ in 0..30 {
        press(&mut app, KeyCode::Right);
    }
    assert_eq!(state(&app).column, last);
    assert_eq!(state(&app).columns()[last], Column::Visits);
    // The table scrolled: the chosen column shows, the firm's name stays.
    let screen = draw(&app, 80, 24);
    assert!(
        screen.contains("走访 ") || screen.contains("走访▼"),
        "{screen}"
    );
    assert!(screen.contains("周村机械厂"), "{screen}");
    assert!(screen.contains('◂'), "columns hidden on the left: {screen}");
    typed(&mut app, "hhhhhhhhhhhhhhhhhhhhhhhh");
    assert_eq!(state(&app).column, 0);
    assert!(!draw(&app, 80, 24).contains('◂'));
}

#[test]
fn arrows_pages_and_ends_move_the_cursor_and_the_table_follows() {
    let f = demo(60);
    let mut app = f.home(Lang::En);
    typed(&mut app, "c");
    let n = c(&app).rows().len();
    assert!(n > 40, "{n} firms");
    draw(&app, 80, 24);
    typed(&mut app, "jjj");
    assert_eq!(state(&app).cursor, 3);
    typed(&mut app, "k");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    assert_eq!(state(&app).cursor, 2);
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::PageDown);
    let page = state(&app).cursor;
    assert!(
        (8..20).contains(&page),
        "a page is the rows that fit: {page}"
    );
    press(&mut app, KeyCode::PageUp);
    assert_eq!(state(&app).cursor, 0);
    press(&mut app, KeyCode::End);
    assert_eq!(state(&app).cursor, n - 1);
    let last = c(&app).rows().last().unwrap().name().to_string();
    let screen = draw(&app, 80, 24);
    assert!(screen.contains(&last[..last.len().min(12)]), "{screen}");
    press(&mut app, KeyCode::Down);
    assert_eq!(state(&app).cursor, n - 1, "the cursor stops at the end");
}

#[test]
fn a_filter_narrows_the_rows_the_cohort_row_and_the_percentiles() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::En);
    let mean = |app: &App| c(app).cohort().overall.unwrap().mean;
    assert!((mean(&app) - (3.35 + 3.04 + 2.89 + 2.83 + 2.00) / 5.0).abs() < 1e-9);
    // f, the first field (industry segment), then fans: j past "any value", Space, Enter.
    typed(&mut app, "f");
    assert!(state(&app).picker.is_some());
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "j ");
    press(&mut app, KeyCode::Enter);
    assert!(state(&app).picker.is_none());
    assert_eq!(names(&app), ["Boshan Fans", "淄博华泰风机有限公司"]);
    assert!((mean(&app) - (3.04 + 2.89) / 2.0).abs() < 1e-9);
    let pct: Vec<Option<f64>> = c(&app).rows().map(|f| f.percentile).collect();
    assert_eq!(pct, [Some(100.0), Some(0.0)]);
    assert_eq!(c(&app).view().firms, 2);
    assert!(draw(&app, 80, 24).contains("Filter: Industry segment Fans"));
    // The window shows the filter's values ticked; adding motors widens it.
    typed(&mut app, "f");
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "jj ");
    press(&mut app, KeyCode::Enter);
    assert_eq!(c(&app).rows().len(), 4);
    // F clears every filter.
    typed(&mut app, "F");
    assert_eq!(c(&app).rows().len(), 5);
    assert_eq!(app.message.clone().unwrap().tone, Tone::Info);
    assert!((mean(&app) - (3.35 + 3.04 + 2.89 + 2.83 + 2.00) / 5.0).abs() < 1e-9);
}

#[test]
fn enter_without_ticks_takes_the_value_under_the_cursor_and_any_value_removes_the_filter() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::Zh);
    typed(&mut app, "f\njjj\n");
    assert_eq!(
        names(&app),
        ["周村机械厂"],
        "other: the value under the cursor"
    );
    typed(&mut app, "f\n\n");
    assert_eq!(c(&app).rows().len(), 5, "any value: no filter on the field");
    assert_eq!(c(&app).filters().count(), 0);
    assert_eq!(app.message.clone().unwrap().tone, Tone::Info);
    // Esc steps back from the values to the fields, and out.
    typed(&mut app, "f\n");
    press(&mut app, KeyCode::Esc);
    assert!(state(&app).picker.as_ref().unwrap().step.is_none());
    press(&mut app, KeyCode::Esc);
    assert!(state(&app).picker.is_none());
    assert_eq!(
        app.screen,
        Screen::Compare,
        "Esc closed the window, not the screen"
    );
}

#[test]
fn a_number_field_takes_a_typed_condition() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::En);
    // The fields: industry, employees, products, founded, then stage and bottleneck.
    typed(&mut app, "fj\n<50\n");
    assert_eq!(
        c(&app).rows().len(),
        2,
        "HYPERLINK 30 and 周村 10 employees"
    );
    // The condition shows again when the field is chosen again, and can be changed.
    typed(&mut app, "fj\n");
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("<50"), "{screen}");
    // The terminal's cursor stands after what is typed, for input methods.
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|fr| app.draw(fr)).unwrap();
    let p = t.get_cursor_position().unwrap();
    assert_eq!(t.backend().buffer()[(p.x - 1, p.y)].symbol(), "0");
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    app.feed(Event::Paste(">=100".into()));
    press(&mut app, KeyCode::Enter);
    assert_eq!(c(&app).rows().len(), 2, "华泰 120 and Zibo 200");
    // Something else is refused and the window stays.
    typed(&mut app, "fj\n");
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "many\n");
    assert_eq!(app.message.clone().unwrap().tone, Tone::Warn);
    assert!(state(&app).picker.is_some());
    assert_eq!(c(&app).rows().len(), 2);
}

#[test]
fn stage_and_bottleneck_filter_too() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::En);
    let fields = 4;
    let down = "j".repeat(fields);
    // Stage: 2.0 has one firm (the first value present).
    typed(&mut app, &format!("f{down}\nj\n"));
    assert_eq!(names(&app), ["=HYPERLINK(\"http://example.com\",\"x\")"]);
    typed(&mut app, &format!("f{down}\n\nfj{down}\nj\n"));
    assert_eq!(c(&app).filters().count(), 1);
    assert_eq!(
        c(&app).filters().next().unwrap().to_string(),
        "bottleneck=equipment"
    );
    // Equipment weighs 2: the largest weighted gap of every firm (rule 5).
    assert_eq!(c(&app).rows().len(), 5);
}

#[test]
fn tab_goes_through_the_views_and_shift_tab_back() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::Zh);
    press(&mut app, KeyCode::Tab);
    assert_eq!(state(&app).view, View::Progress);
    assert!(draw(&app, 80, 24).contains("周村机械厂 · 2 次走访"));
    press(&mut app, KeyCode::Tab);
    assert_eq!(state(&app).view, View::Cohort);
    assert!(draw(&app, 80, 24).contains("各阶段企业数"));
    press(&mut app, KeyCode::Tab);
    assert_eq!(state(&app).view, View::Firms);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(state(&app).view, View::Cohort);
}

#[test]
fn the_progression_shows_the_change_since_the_previous_visit() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::En);
    press(&mut app, KeyCode::Tab);
    let screen = draw(&app, 140, 40);
    // 周村: overall 2.50 → 2.83, equipment 2.50 → 3.00, data 2.00 → 2.33, talent unchanged.
    let change = screen
        .lines()
        .find(|l| l.trim_start().starts_with("change"))
        .unwrap();
    assert!(change.contains("▲0.33"), "{change}");
    assert!(change.contains("▲0.50"), "{change}");
    assert!(change.contains("0.00"), "{change}");
    // Enter opens the latest visit.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Summary);
    let path = &app.visit.session.as_ref().unwrap().path;
    assert!(path.ends_with("d-zhoucun-2025.toml"), "{}", path.display());
    press(&mut app, KeyCode::Esc);
    assert_eq!(state(&app).view, View::Progress);
}

#[test]
fn the_progression_columns_scroll_sideways_on_a_narrow_terminal() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::En);
    press(&mut app, KeyCode::Tab);
    let before = draw(&app, 80, 24);
    assert!(!before.contains("manufacturing"), "{before}");
    for _ in 0..6 {
        press(&mut app, KeyCode::Right);
    }
    let after = draw(&app, 80, 24);
    assert!(after.contains("manufacturing"), "{after}");
    assert!(after.contains('◂'), "{after}");
    for _ in 0..6 {
        press(&mut app, KeyCode::Left);
    }
    assert_eq!(state(&app).progress_left, 0);
}

#[test]
fn the_cohort_view_scrolls_to_its_end_and_back() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::En);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let top = draw(&app, 80, 24);
    assert!(!top.contains("Support to organise"), "{top}");
    press(&mut app, KeyCode::End);
    let bottom = draw(&app, 80, 24);
    // The district's record comes last: visits and firms per assessor.
    assert!(bottom.contains("Visits and firms per assessor"), "{bottom}");
    assert!(bottom.contains("Chen"), "{bottom}");
    let end = state(&app).cohort_scroll;
    press(&mut app, KeyCode::Down);
    assert_eq!(state(&app).cohort_scroll, end, "it stops at the end");
    press(&mut app, KeyCode::PageUp);
    typed(&mut app, "k");
    press(&mut app, KeyCode::Home);
    assert_eq!(state(&app).cohort_scroll, 0);
    typed(&mut app, "j");
    assert_eq!(state(&app).cohort_scroll, 1);
}

#[test]
fn enter_opens_the_firms_summary_and_leaving_returns_where_it_was() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::Zh);
    typed(&mut app, "jjj");
    assert_eq!(c(&app).rows().nth(3).unwrap().name(), "周村机械厂");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Summary);
    let path = app.visit.session.as_ref().unwrap().path.clone();
    assert!(path.ends_with("d-zhoucun-2025.toml"), "the latest visit");
    // The file is locked while it is open here.
    assert!(matches!(
        Session::open(&path, &f.catalog()),
        Err(dmat::store::StoreError::Locked { .. })
    ));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Compare);
    assert!(app.visit.session.is_none());
    assert_eq!(state(&app).cursor, 3);
    assert!(
        Session::open(&path, &f.catalog()).is_ok(),
        "the lock is gone"
    );
    // q leaves too; s goes on to the interview, and q there comes back as well.
    press(&mut app, KeyCode::Enter);
    assert_eq!(typed(&mut app, "q"), Flow::Continue);
    assert_eq!(app.screen, Screen::Compare);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "s");
    assert_eq!(app.screen, Screen::Interview);
    // (On a text question q would type: first to a choice page.)
    press(&mut app, KeyCode::Home);
    typed(&mut app, "q");
    assert_eq!(app.screen, Screen::Compare);
    assert_eq!(state(&app).cursor, 3);
}

#[test]
fn an_answer_changed_from_the_comparison_shows_when_coming_back() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::En);
    // Zibo Motors, in progress, has no talent score yet.
    let talent = c(&app)
        .dimensions()
        .iter()
        .position(|d| d.id == "talent")
        .unwrap();
    assert_eq!(names(&app)[0], "Zibo Motors Co., Ltd.");
    assert_eq!(
        c(&app)
            .rows()
            .next()
            .unwrap()
            .latest()
            .dimensions
            .get(talent),
        None
    );
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "s:training\n4\n");
    assert_eq!(
        saved(&app).response("training"),
        Some(&dmat::model::Response::Value(4.0))
    );
    typed(&mut app, "q");
    assert_eq!(app.screen, Screen::Compare);
    let zibo = c(&app)
        .rows()
        .find(|f| f.name() == "Zibo Motors Co., Ltd.")
        .unwrap();
    assert!(
        zibo.latest().dimensions.get(talent).is_some(),
        "talent is scored now"
    );
    let at = c(&app)
        .rows()
        .position(|f| f.name() == "Zibo Motors Co., Ltd.")
        .unwrap();
    assert_eq!(state(&app).cursor, at, "the cursor stays on the firm");
    assert!(state(&app).edited);
}

#[test]
fn a_firm_open_in_another_dmat_is_refused_with_a_message() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::Zh);
    let path = c(&app).rows().next().unwrap().latest().file.clone();
    let elsewhere = Session::open(&path, &f.catalog()).unwrap();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Compare);
    let m = app.message.clone().unwrap();
    assert_eq!(m.tone, Tone::Error);
    assert!(
        m.text.starts_with("这份评估正在另一个 dmat 中打开"),
        "{}",
        m.text
    );
    assert!(draw(&app, 80, 24).contains("这份评估正在另一个 dmat 中打开"));
    drop(elsewhere);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Summary);
}

#[test]
fn home_c_compares_the_marked_firms_or_every_firm_listed() {
    let f = Fixture::new();
    f.cohort();
    let mut app = f.home(Lang::En);
    // No marks: every assessment listed (six files, five firms).
    typed(&mut app, "c");
    assert_eq!(app.screen, Screen::Compare);
    assert_eq!(c(&app).rows().len(), 5);
    assert_eq!(c(&app).rows().map(|f| f.visits.len()).sum::<usize>(), 6);
    assert_eq!(typed(&mut app, "q"), Flow::Continue, "q goes back home");
    assert_eq!(app.screen, Screen::Home);
    // No marks, a filter on: the firms listed.
    typed(&mut app, "/zhoucun\n");
    typed(&mut app, "c");
    assert_eq!(names(&app), ["周村机械厂"]);
    assert_eq!(c(&app).rows().next().unwrap().visits.len(), 2);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    // Marks: only those.
    typed(&mut app, "  c");
    assert_eq!(c(&app).rows().map(|f| f.visits.len()).sum::<usize>(), 2);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Home);
    // A filter that lists nothing: nothing to compare, and the home screen says so.
    typed(&mut app, "/nobody\n");
    let h = app.home.as_mut().unwrap();
    h.marked.clear();
    typed(&mut app, "c");
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(app.message.clone().unwrap().tone, Tone::Warn);
}

#[test]
fn started_by_dmat_compare_q_and_esc_quit() {
    let f = Fixture::new();
    let q = features();
    let visits: Vec<ScoredVisit> = std::fs::read_dir(COHORT)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            ScoredVisit::new(Opened {
                assessment: dmat::model::parse::assessment(&text).unwrap().0,
                path,
                questionnaire: q.clone(),
                warnings: Vec::new(),
            })
        })
        .collect();
    let comparison = Comparison::new(&visits, Lang::En);
    let make = || {
        App::comparison(
            comparison.clone(),
            visits.clone(),
            None,
            f.ws.clone(),
            f.catalog(),
            Lang::En,
            Theme::plain(),
        )
    };
    let mut app = make();
    assert_eq!(app.screen, Screen::Compare);
    assert_eq!(typed(&mut app, "q"), Flow::Quit);
    let mut app = make();
    assert_eq!(press(&mut app, KeyCode::Esc), Flow::Quit);
    // The footer says quit, not back.
    let app = make();
    assert!(draw(&app, 80, 24).contains("q quit"));
}

#[test]
fn the_footer_and_help_list_the_keys_that_work() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::En);
    let screen = draw(&app, 140, 40);
    let footer = screen.lines().nth(39).unwrap();
    for k in [
        "↑↓ move",
        "←→ column",
        "o sort",
        "Enter open",
        "f filter",
        "Tab view",
    ] {
        assert!(footer.contains(k), "{k}: {footer}");
    }
    assert!(!footer.contains("F clear"), "no filter to clear: {footer}");
    typed(&mut app, "f\n\n");
    typed(&mut app, "fj\n<50\n");
    assert!(draw(&app, 140, 40).contains("F clear filter"));
    typed(&mut app, "?");
    assert_eq!(app.screen, Screen::Help);
    // Help texts wrap in their column: compare word by word.
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let help = draw(&app, 140, 40);
    let flat = words(&help);
    let w = TuiWords::of(Lang::En);
    for text in [w.h_cmp_sort, w.h_cmp_filter, w.h_cmp_open, w.h_cmp_clear] {
        assert!(flat.contains(&words(text)), "{text}: {help}");
    }
    typed(&mut app, "?");
    assert_eq!(app.screen, Screen::Compare);
    assert_eq!(c(&app).rows().len(), 2, "the comparison is as it was");
}

#[test]
fn key_releases_are_not_presses() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::En);
    let mut release = KeyEvent::new(KeyCode::Char('o'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    app.feed(Event::Key(release));
    let mut tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    tab.kind = KeyEventKind::Release;
    app.feed(Event::Key(tab));
    assert_eq!(state(&app).view, View::Firms);
    assert_eq!(c(&app).sort(), (Column::Overall, Direction::Descending));
}

#[test]
fn cells_are_coloured_by_stage_and_show_the_stage_id_without_colour() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::En);
    let render = |app: &App| {
        let mut t = Terminal::new(TestBackend::new(140, 40)).unwrap();
        t.draw(|fr| app.draw(fr)).unwrap();
        t.backend().buffer().clone()
    };
    // The first row (Zibo, stage 3.0): find its stage cell.
    let find = |b: &ratatui::buffer::Buffer, text: &str, row: u16| -> u16 {
        (0..b.area.width - text.len() as u16)
            .find(|&x| {
                let s: String = (x..x + text.len() as u16)
                    .map(|x| b[(x, row)].symbol().to_string())
                    .collect();
                s == text
            })
            .unwrap()
    };
    app.theme = Theme::colored();
    press(&mut app, KeyCode::End);
    let b = render(&app);
    let text = screen(&b);
    let line_of = |name: &str| text.lines().position(|l| l.contains(name)).unwrap() as u16;
    let row = line_of("Zibo Motors");
    let x = find(&b, "3.0 ", row);
    assert_ne!(b[(x, row)].fg, Color::Reset, "the stage is coloured");
    let score = find(&b, "3.35", row);
    assert_eq!(
        b[(score, row)].fg,
        b[(x, row)].fg,
        "a score has its stage's colour"
    );
    // Another stage, another colour.
    let low_row = line_of("淄博华泰");
    let low = find(&b, "2.5 ", low_row);
    assert_ne!(b[(low, low_row)].fg, Color::Reset);
    assert_ne!(b[(low, low_row)].fg, b[(x, row)].fg);
    // The row under the cursor is one reversed bar, without the stage colours.
    let last = line_of("=HYPERLINK");
    let cell = &b[(find(&b, "2.0 ", last), last)];
    assert_eq!(cell.fg, Color::Reset);
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    app.theme = Theme::plain();
    let b = render(&app);
    let x = find(&b, "3.0 ", row);
    assert_eq!(b[(x, row)].fg, Color::Reset, "no colour with NO_COLOR");
    assert!(screen(&b).contains("3.0"));
}

#[test]
fn control_characters_in_firm_names_are_stripped() {
    let f = Fixture::new();
    f.cohort();
    let path = f.ws.assessments_dir().join("c-motors.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Zibo Motors Co., Ltd.", "Zibo \\u001b[31mMotors\\u0007 Co.");
    std::fs::write(&path, text).unwrap();
    let mut app = f.home(Lang::En);
    typed(&mut app, "c");
    for (w, h) in [(80, 24), (140, 40)] {
        let screen = draw(&app, w, h);
        assert!(screen.contains("Zibo Motors Co."), "{screen}");
        assert!(!screen.contains("[31m"), "{screen}");
        assert!(!screen.contains('\u{1b}') && !screen.contains('\u{7}'));
    }
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert!(!draw(&app, 80, 24).contains('\u{1b}'));
}

#[test]
fn below_the_minimum_size_the_screen_asks_for_more_room() {
    let f = Fixture::new();
    let app = f.comparison(Lang::En);
    let screen = draw(&app, 59, 17);
    assert!(screen.contains("Please enlarge the terminal"), "{screen}");
    // At the minimum itself, everything is drawn without overlap (checked by draw).
    for view in 0..3 {
        let mut app = f.comparison(Lang::Zh);
        for _ in 0..view {
            press(&mut app, KeyCode::Tab);
        }
        let screen = draw(&app, 60, 18);
        assert!(screen.contains("企业对比"), "{screen}");
    }
}

#[test]
fn sorting_a_demo_cohort_through_the_screen_orders_every_row() {
    let f = demo(300);
    let mut app = f.home(Lang::En);
    typed(&mut app, "c");
    let data = dimension(&app, "data");
    choose(&mut app, data);
    typed(&mut app, "oo");
    let scores: Vec<Option<f64>> = c(&app)
        .rows()
        .map(|f| {
            f.latest().dimensions.get(
                c(&app)
                    .dimensions()
                    .iter()
                    .position(|d| d.id == "data")
                    .unwrap(),
            )
        })
        .collect();
    let present: Vec<f64> = scores.iter().flatten().copied().collect();
    assert!(present.windows(2).all(|w| w[0] <= w[1]), "ascending");
    let first_missing = scores
        .iter()
        .position(Option::is_none)
        .unwrap_or(scores.len());
    assert!(
        scores[first_missing..].iter().all(Option::is_none),
        "missing last"
    );
    // Drawing the sorted table shows the first rows.
    let first = c(&app).rows().next().unwrap().name().to_string();
    let screen = draw(&app, 140, 40);
    assert!(screen.contains(&first[..first.len().min(10)]), "{screen}");
}

#[test]
fn different_questionnaires_are_shown_one_at_a_time_and_f_chooses_which() {
    let f = Fixture::new();
    let features = std::fs::read_to_string(FEATURES).unwrap();
    let other = dmat::store::LoadedQuestionnaire::parse(
        &features.replace("id = \"features\"", "id = \"other\""),
        dmat::store::Source::Bundled("other.toml".into()),
    )
    .unwrap();
    let dir = f.ws.assessments_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let a = std::fs::read_to_string(format!("{COHORT}/a-huatai.toml")).unwrap();
    std::fs::write(dir.join("a.toml"), &a).unwrap();
    let e = std::fs::read_to_string(format!("{COHORT}/e-boshan.toml")).unwrap();
    std::fs::write(
        dir.join("e.toml"),
        e.replace("id = \"features\"", "id = \"other\""),
    )
    .unwrap();
    // A file that cannot be read is listed at home as unreadable and left out.
    std::fs::write(dir.join("z-broken.toml"), "schema = \n").unwrap();
    let mut app = f.home(Lang::En);
    app.catalog.add_first(other);
    app.reload_home();
    app.wait_loaded();
    typed(&mut app, "c");
    // One questionnaire at a time, with its dimensions; the other firm is counted apart.
    assert_eq!(names(&app), ["淄博华泰风机有限公司"]);
    assert!(
        state(&app)
            .columns()
            .iter()
            .any(|c| matches!(c, Column::Dimension(_)))
    );
    let screen = draw(&app, 140, 40);
    assert!(
        screen.contains("on other questionnaires (other 1)"),
        "{screen}"
    );
    // f offers the questionnaire first; choosing the other one shows its firm.
    typed(&mut app, "f");
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "jj ");
    press(&mut app, KeyCode::Enter);
    assert_eq!(names(&app), ["Boshan Fans"]);
    assert!(c(&app).apart().is_empty());
    typed(&mut app, "F");
    for view in [View::Progress, View::Cohort] {
        press(&mut app, KeyCode::Tab);
        assert_eq!(state(&app).view, view);
        draw(&app, 140, 40);
    }
    // A file spoilt after the home screen listed it is left out, and the footer says so.
    press(&mut app, KeyCode::Esc);
    std::fs::write(dir.join("a.toml"), "schema = \n").unwrap();
    typed(&mut app, "c");
    assert_eq!(c(&app).rows().len(), 1);
    let m = app.message.clone().unwrap();
    assert_eq!(
        (m.tone, m.text.as_str()),
        (Tone::Warn, "1 file could not be read and is left out")
    );
}

#[test]
fn a_firm_without_a_score_shows_the_one_no_score_mark_in_every_view() {
    let f = Fixture::new();
    let q = features();
    let r = dmat::model::QuestionnaireRef {
        id: q.questionnaire.id.clone(),
        version: q.questionnaire.version.clone(),
        digest: q.digest.clone(),
    };
    f.write(
        "z-empty.toml",
        &dmat::model::Assessment::new(r, "Empty Works", Some(date())),
    );
    let mut app = f.comparison(Lang::En);
    let screen = draw(&app, 140, 40);
    let row = screen
        .lines()
        .find(|l| l.contains("Empty Works"))
        .expect("the firm without a score is listed");
    // Overall, percentile, stage, bottleneck and every dimension: one mark, as in text.
    assert!(row.matches('–').count() >= 5, "{row}");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let cohort = draw(&app, 140, 40);
    for s in [&screen, &cohort] {
        assert!(!s.contains('—'), "a second no-score mark:\n{s}");
    }
}

/// A workspace of the fixture cohort where b, c and e follow "scan", a questionnaire like
/// the feature one with its own dimension titles: three firms of it, two of "features".
fn scan_majority() -> (Fixture, App) {
    let f = Fixture::new();
    let features = std::fs::read_to_string(FEATURES).unwrap();
    let scan = dmat::store::LoadedQuestionnaire::parse(
        &features
            .replace("id = \"features\"", "id = \"scan\"")
            .replace("Equipment and automation", "Scan machinery")
            .replace("Data and systems", "Scan data"),
        dmat::store::Source::Bundled("scan.toml".into()),
    )
    .unwrap();
    let dir = f.ws.assessments_dir();
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(COHORT).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut text = std::fs::read_to_string(&path).unwrap();
        if ["b-", "c-", "e-"].iter().any(|p| name.starts_with(p)) {
            text = text.replace("id = \"features\"", "id = \"scan\"");
        }
        std::fs::write(dir.join(&name), text).unwrap();
    }
    let mut app = f.home(Lang::En);
    app.catalog.add_first(scan);
    app.reload_home();
    app.wait_loaded();
    typed(&mut app, "c");
    (f, app)
}

/// Chooses `value` of the filter window's first field (the questionnaire).
fn filter_questionnaire(app: &mut App, value: &str) {
    typed(app, "f");
    press(app, KeyCode::Enter);
    let st = state(app);
    let Some(dmat::tui::screens::compare::Picker {
        step: Some(dmat::tui::screens::compare::PickStep::Values { values, .. }),
        ..
    }) = &st.picker
    else {
        panic!("the questionnaire's values are offered");
    };
    let at = values.iter().position(|v| v.value == value).unwrap();
    for _ in 0..=at {
        typed(app, "j");
    }
    typed(app, " ");
    press(app, KeyCode::Enter);
}

/// The dimension columns of the table, by title.
fn dimension_columns(app: &App) -> Vec<String> {
    state(app)
        .columns()
        .iter()
        .filter_map(|&col| match col {
            Column::Dimension(i) => Some(c(app).dimensions()[i].title.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_filter_on_the_questionnaire_shows_that_questionnaires_dimension_columns() {
    let (_f, mut app) = scan_majority();
    assert_eq!(c(&app).focus(), Some("scan"));
    assert!(dimension_columns(&app).contains(&"Scan machinery".to_string()));
    // Sorted by a dimension of the questionnaire shown before the filter.
    let equipment = dimension(&app, "equipment");
    choose(&mut app, equipment);
    typed(&mut app, "o");
    filter_questionnaire(&mut app, "features");
    assert_eq!(c(&app).focus(), Some("features"));
    assert_eq!(names(&app).len(), 2);
    let dims = dimension_columns(&app);
    assert!(
        dims.contains(&"Equipment and automation".to_string()),
        "{dims:?}"
    );
    assert!(!dims.iter().any(|d| d.starts_with("Scan")), "{dims:?}");
    // The sort follows to the dimension of the same id in the questionnaire now shown.
    let (col, _) = c(&app).sort();
    assert_eq!(c(&app).column_id(col), "equipment");
    assert!(state(&app).columns().contains(&col));
    // On screen at 80×24: its titles, never the other questionnaire's, and its cohort row.
    let screen = draw(&app, 80, 24);
    assert!(!screen.contains("Scan"), "{screen}");
    assert!(screen.contains("Equipment"), "{screen}");
    // Clearing the filter brings back the majority's columns.
    typed(&mut app, "F");
    assert_eq!(c(&app).focus(), Some("scan"));
    assert!(dimension_columns(&app).contains(&"Scan machinery".to_string()));
    assert!(state(&app).column < state(&app).columns().len());
}

#[test]
fn the_return_stack_brings_each_screen_back_to_where_it_was_opened() {
    let f = Fixture::new();
    let mut app = f.comparison(Lang::En);
    assert_eq!(app.screen, Screen::Compare);
    assert_eq!(app.back, [Screen::Home]);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Summary);
    assert_eq!(app.back, [Screen::Home, Screen::Compare]);
    assert!(app.from_compare());
    // The help over the summary explains the summary as opened from the comparison.
    typed(&mut app, "?");
    assert_eq!(app.screen, Screen::Help);
    assert_eq!(app.under(), Screen::Summary);
    let help = draw(&app, 140, 40);
    assert!(help.contains("Back to the comparison"), "{help}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Summary);
    // The interview is of the same layer: it replaces the summary, and leaving it returns
    // to the comparison.
    typed(&mut app, "s");
    assert_eq!(app.screen, Screen::Interview);
    assert_eq!(app.back, [Screen::Home, Screen::Compare]);
    assert!(app.from_compare());
    typed(&mut app, "q");
    assert_eq!(app.screen, Screen::Compare);
    assert!(app.visit.session.is_none());
    typed(&mut app, "?");
    let help = draw(&app, 140, 40);
    assert!(help.contains("Back to the home screen"), "{help}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Compare);
    assert_eq!(typed(&mut app, "q"), Flow::Continue);
    assert_eq!(app.screen, Screen::Home);
    assert!(app.back.is_empty() && app.compare.is_none());
    assert_eq!(typed(&mut app, "q"), Flow::Quit);
}
