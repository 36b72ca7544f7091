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
    let s = app.visit.session.as_ref().unwrap();
    s.page(app.visit.interview.page)
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

/// Snapshots a screen at 80×24; temporary paths are redacted.
fn snap80(name: &str, lang: Lang, app: &App) {
    redacted().bind(|| {
        let name = format!("{name}-{}-80x24", lang.code());
        insta::assert_snapshot!(name, draw(app, 80, 24));
    });
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
    assert!(app.visit.interview.editor.is_none(), "Enter keeps the note");
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
    let where_ = app.visit.interview.page;
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
    assert_eq!(app.visit.interview.page, where_);
    assert!(app.visit.interview.editor.is_none());
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

/// A feature interview with every question answered, marked complete, saved and closed;
/// returns its file.
fn completed(f: &Fixture) -> std::path::PathBuf {
    let mut app = f.interview(Lang::En);
    typed(&mut app, "1");
    typed(&mut app, "40\n");
    typed(&mut app, "\n离心风机\n");
    typed(&mut app, "2003-05-18\n");
    typed(&mut app, "2"); // has CNC
    typed(&mut app, "45\n"); // share
    typed(&mut app, "23\n"); // automation
    typed(&mut app, "23\n"); // systems: ERP + MES
    typed(&mut app, "2"); // linked
    typed(&mut app, "12\n"); // practices
    typed(&mut app, "4\n6\n\n老板重视人才\n3");
    assert_eq!(app.screen, Screen::Summary);
    typed(&mut app, "c");
    let a = saved(&app);
    assert_eq!(a.visit.status, dmat::model::Status::Complete);
    app.visit.session.as_ref().unwrap().path.clone()
}

#[test]
fn a_completed_assessment_opens_on_its_summary_and_only_c_twice_reopens_it() {
    let f = Fixture::new();
    let path = completed(&f);
    let before = std::fs::read_to_string(&path).unwrap();
    let mut app = f.open(&path, Lang::En);
    assert_eq!(
        app.screen,
        Screen::Summary,
        "a completed file opens on its summary"
    );
    // A stray digit, Enter or e changes nothing, on the summary or in the interview.
    typed(&mut app, "1\ne");
    assert!(app.visit.summary.editor.is_none());
    press(&mut app, KeyCode::Left);
    assert_eq!(
        app.screen,
        Screen::Interview,
        "the answers can be looked at"
    );
    press(&mut app, KeyCode::Home);
    typed(&mut app, "2\nx e");
    press(&mut app, KeyCode::Backspace);
    assert!(app.visit.interview.editor.is_none());
    let m = app.message.clone().unwrap();
    assert!(m.text.contains("complete and read-only"), "{}", m.text);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    // c asks first; a second c reopens it, in progress again.
    typed(&mut app, "s");
    typed(&mut app, "c");
    assert!(app.message.clone().unwrap().text.contains("press c again"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    typed(&mut app, "c");
    assert_eq!(saved(&app).visit.status, dmat::model::Status::InProgress);
    typed(&mut app, "s");
    press(&mut app, KeyCode::Home);
    typed(&mut app, "2");
    assert_eq!(saved(&app).profile["industry"].as_str(), Some("motors"));
}

#[test]
fn reopening_a_completed_assessment_marks_its_sheet_out_of_date() {
    let f = Fixture::new();
    let path = completed(&f);
    let mut app = f.open(&path, Lang::En);
    let summary = |app: &App| draw(app, 120, 60);
    assert!(summary(&app).contains("Sheet"), "{}", summary(&app));
    assert!(summary(&app).contains("not written yet · w writes it"));
    typed(&mut app, "w");
    let shown = summary(&app);
    assert!(shown.contains("reports/"), "{shown}");
    assert!(!shown.contains("out of date"), "{shown}");
    // The file's time must move past the sheet's, as it does on site.
    std::thread::sleep(std::time::Duration::from_millis(20));
    typed(&mut app, "cc");
    let shown = summary(&app);
    assert!(shown.contains("out of date"), "{shown}");
    assert!(shown.contains("in progress"), "{shown}");
    typed(&mut app, "ww");
    assert!(!summary(&app).contains("out of date"));
}

/// The feature questionnaire with long texts at the end: a summary longer than 80×24.
fn long_summary(lang: Lang) -> (Fixture, App) {
    let (f, mut app) = past_profile(lang);
    typed(&mut app, "s");
    (f, app)
}

#[test]
fn the_summary_scrolls_to_every_section_and_enter_acts_only_on_what_is_shown() {
    for lang in [Lang::Zh, Lang::En] {
        let (_f, mut app) = long_summary(lang);
        let w = app.words;
        let first = draw(&app, 80, 24);
        assert!(first.contains(w.dimension_scores), "{first}");
        // The closing remarks are below the fold: PgDn until they show.
        let mut seen = first.clone();
        for _ in 0..6 {
            press(&mut app, KeyCode::PageDown);
            seen.push_str(&draw(&app, 80, 24));
        }
        let plan = dmat::i18n::PlanWords::of(lang).plan;
        for part in [plan, w.unanswered, w.closing] {
            assert!(seen.contains(part), "{part} never shown:\n{seen}");
        }
        // At the end the unanswered list is on screen and the cursor on one of its entries:
        // Enter goes to that question.
        press(&mut app, KeyCode::End);
        let end = draw(&app, 80, 24);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.screen, Screen::Interview, "{end}");
        // At the smallest size, scrolled back to the top, the list is off screen: Enter does
        // nothing.
        typed(&mut app, "s");
        draw(&app, 60, 18);
        press(&mut app, KeyCode::End);
        draw(&app, 60, 18);
        press(&mut app, KeyCode::Home);
        let top = draw(&app, 60, 18);
        assert!(!top.contains(&format!("{} (", w.unanswered)), "{top}");
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.screen, Screen::Summary, "Enter on nothing shown");
        // ↓ brings the list into view, entry by entry.
        for _ in 0..40 {
            press(&mut app, KeyCode::Down);
        }
        let bottom = draw(&app, 60, 18);
        assert!(bottom.contains(&format!("{} (", w.unanswered)), "{bottom}");
    }
}

#[test]
fn letters_typed_on_a_text_question_start_its_answer_and_run_no_command() {
    let f = Fixture::new();
    let mut app = f.interview(Lang::En);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    assert_eq!(page(&app), Page::Profile(2), "main products: a text field");
    // `s` would open the summary and `q` leave anywhere else.
    typed(&mut app, "sq fans");
    assert_eq!(app.screen, Screen::Interview);
    assert!(app.visit.interview.editor.is_some());
    assert_eq!(saved(&app).profile["products"].as_str(), Some("sq fans"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(page(&app), Page::Profile(3));
    // The last question is a text one too; `c` there types, and → goes on to the summary.
    let (_f, mut app) = past_profile(Lang::En);
    typed(&mut app, ":remarks\n");
    typed(&mut app, "c");
    assert_eq!(
        saved(&app).answers["remarks"].response,
        Some(dmat::model::Response::Text("c".into()))
    );
    press(&mut app, KeyCode::Esc);
    assert!(
        saved(&app)
            .answers
            .get("remarks")
            .is_none_or(|a| a.response.is_none())
    );
    assert_eq!(saved(&app).visit.status, dmat::model::Status::InProgress);
    // Ctrl-E writes the note there.
    app.feed(with(KeyCode::Char('e'), KeyModifiers::CONTROL));
    typed(&mut app, "owner's words\n");
    assert_eq!(
        saved(&app).answers["remarks"].note.as_deref(),
        Some("owner's words")
    );
    typed(&mut app, ":energy\n");
    press(&mut app, KeyCode::Right);
    assert_eq!(app.screen, Screen::Summary, "→ past the last page");
}

/// An interview of the bands fixture: one number question with five bands, a long hint and
/// "not applicable", its note written.
fn bands(lang: Lang) -> (Fixture, App) {
    use std::sync::Arc;
    let f = Fixture::new();
    let path = std::path::Path::new("tests/fixtures/questionnaires/bands.toml");
    let q = Arc::new(dmat::store::LoadedQuestionnaire::load(path).unwrap());
    let session = dmat::tui::Session::start(&f.ws, q, FIRM, date()).unwrap();
    let mut catalog = dmat::store::Catalog::default();
    catalog.add_first(dmat::store::LoadedQuestionnaire::load(path).unwrap());
    let mut app = App::interview(
        session,
        f.ws.clone(),
        catalog,
        lang,
        dmat::tui::Theme::plain(),
    );
    typed(&mut app, "e质量月报只统计了报废，返工没有记录。");
    press(&mut app, KeyCode::Enter);
    (f, app)
}

#[test]
fn every_band_the_not_applicable_line_and_the_note_show_at_the_smallest_size() {
    for lang in [Lang::Zh, Lang::En] {
        let (_f, mut app) = bands(lang);
        let w = app.words;
        for (width, height) in [(80, 24), (60, 18)] {
            let screen = draw(&app, width, height);
            for band in [
                "≥0 → 4.0",
                "≥0.5 → 3.5",
                "≥1.5 → 3.0",
                "≥3 → 2.5",
                "≥6 → 2.0",
            ] {
                assert!(
                    screen.contains(band),
                    "{band} at {width}×{height}:\n{screen}"
                );
            }
            assert!(screen.contains(w.not_applicable), "{screen}");
            assert!(screen.contains("质量月报只统计了报废"), "{screen}");
            redacted().bind(|| {
                let name = format!("interview-bands-{}-{width}x{height}", lang.code());
                insta::assert_snapshot!(name, screen);
            });
        }
        // The hint is cut at 60×18 and says so; h shows it whole; the next key closes it
        // and does nothing else.
        let cut = draw(&app, 60, 18);
        assert!(cut.contains(w.more_help.trim_start_matches('…')), "{cut}");
        typed(&mut app, "h");
        let whole = draw(&app, 60, 18);
        let tail = if lang == Lang::Zh {
            "高。"
        } else {
            "higher."
        };
        assert!(whole.contains(tail), "{whole}");
        assert!(whole.contains(w.full_help_title), "{whole}");
        let before = saved(&app);
        typed(&mut app, "5");
        assert_eq!(draw(&app, 60, 18), cut);
        assert_eq!(
            saved(&app),
            before,
            "the key that closed it answered nothing"
        );
    }
}

#[test]
fn reopening_resumes_where_the_interview_stopped() {
    let (f, mut app) = past_profile(Lang::Zh);
    typed(&mut app, "2"); // has CNC
    typed(&mut app, "45\n"); // share
    typed(&mut app, "23\n"); // automation
    typed(&mut app, "1"); // systems: paper
    // Back to the CNC share, an answered question, and leave there.
    typed(&mut app, ":cnc-share\n");
    let stopped = app.visit.interview.page;
    let path = app.visit.session.as_ref().unwrap().path.clone();
    typed(&mut app, "q");
    drop(app);
    let app = f.open(&path, Lang::Zh);
    assert_eq!(
        app.visit.interview.page, stopped,
        "where it stopped, not the first unanswered"
    );
    assert!(app.visit.session.as_ref().unwrap().is_done(stopped));
    // A place that is no longer asked (hidden now) gives way to the first unanswered.
    drop(app);
    let mut a = saved_at(&path);
    a.set_response("has-cnc", Some(dmat::model::Response::Choice("no".into())));
    dmat::store::save_assessment(&path, &a).unwrap();
    let app = f.open(&path, Lang::Zh);
    let s = app.visit.session.as_ref().unwrap();
    assert_eq!(app.visit.interview.page, s.first_open_page());
}

fn saved_at(path: &std::path::Path) -> dmat::model::Assessment {
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn starting_a_firm_that_has_an_interview_in_progress_today_offers_to_resume_it() {
    let f = Fixture::new();
    let mut app = f.home(Lang::En);
    typed(&mut app, "n\n淄博华泰 风机有限公司\n");
    assert_eq!(app.screen, Screen::Interview);
    let first = app.visit.session.as_ref().unwrap().path.clone();
    typed(&mut app, "1q");
    // The same firm, white space aside, the same day: the form offers the one in progress.
    typed(&mut app, "n\n 淄博华泰风机 有限公司\n");
    assert_eq!(app.screen, Screen::New);
    let offer = draw(&app, 80, 24);
    assert!(offer.contains("in progress today"), "{offer}");
    snap80("new-offer", Lang::En, &app);
    assert_eq!(f.ws.assessment_files().len(), 1, "no empty -2 file");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Interview);
    assert_eq!(app.visit.session.as_ref().unwrap().path, first);
    assert_eq!(saved(&app).profile["industry"].as_str(), Some("fans"));
    // n starts another all the same.
    press(&mut app, KeyCode::Home);
    typed(&mut app, "q");
    typed(&mut app, "n\n淄博华泰风机有限公司\nn");
    assert_eq!(app.screen, Screen::Interview);
    assert_ne!(app.visit.session.as_ref().unwrap().path, first);
    assert_eq!(f.ws.assessment_files().len(), 2);
}

#[test]
fn the_offer_to_resume_in_chinese() {
    let f = Fixture::new();
    let mut app = f.home(Lang::Zh);
    typed(&mut app, "n\n淄博华泰风机有限公司\n1q");
    typed(&mut app, "n\n淄博华泰风机有限公司\n");
    snap80("new-offer", Lang::Zh, &app);
}

#[test]
fn the_lock_message_is_in_the_users_language_and_shown_whole_on_the_home_screen() {
    for lang in [Lang::Zh, Lang::En] {
        let f = Fixture::new();
        let elsewhere = f.interview(lang);
        let mut home = f.home(lang);
        press(&mut home, KeyCode::Enter);
        assert_eq!(home.screen, Screen::Home);
        let m = home.message.clone().unwrap();
        let expected = if lang == Lang::Zh {
            "正在另一个 dmat 中打开"
        } else {
            "open in another dmat"
        };
        assert!(m.text.contains(expected), "{}", m.text);
        let screen = draw(&home, 80, 24);
        let flat: String = screen.split_whitespace().collect();
        let name = elsewhere
            .visit
            .session
            .as_ref()
            .unwrap()
            .path
            .file_name()
            .unwrap();
        assert!(flat.contains(&*name.to_string_lossy()), "{screen}");
        snap80("home-locked", lang, &home);
        drop(elsewhere);
    }
}

#[test]
fn a_questionnaire_from_outside_is_kept_in_the_workspace_so_the_file_opens_without_it() {
    let outside = tempfile::tempdir().unwrap();
    let source = outside.path().join("features.toml");
    std::fs::copy(FEATURES, &source).unwrap();
    let f = Fixture::new();
    let q = std::sync::Arc::new(dmat::store::LoadedQuestionnaire::load(&source).unwrap());
    let session = dmat::tui::Session::start(&f.ws, q.clone(), FIRM, date()).unwrap();
    let path = session.path.clone();
    drop(session);
    let kept = f.ws.questionnaires_dir().join("features.toml");
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        std::fs::read(&source).unwrap()
    );
    // The workspace's catalogue alone opens it, with the digest the visit recorded.
    std::fs::remove_file(&source).unwrap();
    let catalog = dmat::store::Catalog::load(&f.ws);
    let opened = dmat::tui::Session::open(&path, &catalog).unwrap();
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    assert_eq!(opened.loaded.digest, q.digest);
    drop(opened);
    // Another questionnaire of the same file name is not replaced: the copy is named apart.
    let changed = outside.path().join("features.toml");
    let text = std::fs::read_to_string(FEATURES)
        .unwrap()
        .replace("0.1.0", "0.1.1");
    std::fs::write(&changed, &text).unwrap();
    let q2 = std::sync::Arc::new(dmat::store::LoadedQuestionnaire::load(&changed).unwrap());
    let s2 = dmat::tui::Session::start(&f.ws, q2, "Another firm", date()).unwrap();
    drop(s2);
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        std::fs::read(FEATURES).unwrap()
    );
    let files = f.ws.questionnaire_files();
    assert_eq!(files.len(), 2, "{files:?}");
    // Starting again from the same file copies nothing more.
    let q3 = std::sync::Arc::new(dmat::store::LoadedQuestionnaire::load(&changed).unwrap());
    drop(dmat::tui::Session::start(&f.ws, q3, "Third firm", date()).unwrap());
    assert_eq!(f.ws.questionnaire_files().len(), 2);
}

#[test]
fn the_home_screen_counts_firms_names_questionnaires_and_gives_no_stage_below_the_minimum() {
    let f = Fixture::new();
    // Two visits of one firm (names differ in white space only) and one of another.
    let mut app = f.interview(Lang::En);
    typed(&mut app, "1");
    drop(app);
    let q = features();
    let second = dmat::tui::Session::start(
        &f.ws,
        q.clone(),
        "淄博华泰 风机有限公司",
        "2026-12-01".parse().unwrap(),
    )
    .unwrap();
    drop(second);
    let third = dmat::tui::Session::start(&f.ws, q, "Zibo Motors", date()).unwrap();
    drop(third);
    let mut home = f.home(Lang::En);
    let screen = draw(&home, 80, 24);
    assert!(screen.contains("2 firms · 3 assessments"), "{screen}");
    // The bundled quick scan needs 80% answered for a stage: a file barely begun has none.
    let quick = dmat::store::Catalog::bundled()
        .resolve("quick-scan")
        .unwrap();
    let mut s = dmat::tui::Session::start(&f.ws, quick.clone(), "Quick Co", date()).unwrap();
    let first = s.q().question_at(0).question.id.clone();
    let option = s.q().question_at(0).question.options[0].id.clone();
    s.assessment
        .set_response(&first, Some(dmat::model::Response::Choice(option)));
    s.save().unwrap();
    drop(s);
    home.catalog.add_first((*quick).clone());
    home.reload_home();
    home.wait_loaded();
    let screen = draw(&home, 100, 24);
    let row = screen.lines().find(|l| l.contains("Quick Co")).unwrap();
    assert!(row.contains("quick-scan"), "{screen}");
    assert!(row.contains("provisional"), "{row}");
    assert!(!row.contains("Industry"), "{row}");
    snap80("home-questionnaires", Lang::En, &home);
}
