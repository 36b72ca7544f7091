//! The interview and home screens driven by key events, without a terminal: every key of
//! DESIGN.md and the ones added, asserting on the app's state and on the file as saved.

mod tui_common;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use dmat::i18n::Lang;
use dmat::model::{Response, Status};
use dmat::store::StoreError;
use dmat::tui::app::{Screen, Tone};
use dmat::tui::{Flow, Page, Session};
use tui_common::*;

fn page(app: &dmat::tui::App) -> Page {
    let s = app.visit.session.as_ref().unwrap();
    s.page(app.visit.interview.page)
}

fn question_page(app: &dmat::tui::App, id: &str) -> usize {
    let s = app.visit.session.as_ref().unwrap();
    s.question_page(s.q().position(id).unwrap())
}

/// Opens an interview of the feature questionnaire and fills in the profile with the keys:
/// industry "fans" (1), 40 employees, products, founding date.
fn past_profile(lang: Lang) -> (Fixture, dmat::tui::App) {
    let f = Fixture::new();
    let mut app = f.interview(lang);
    typed(&mut app, "1");
    typed(&mut app, "40\n");
    typed(&mut app, "\n离心风机\n");
    typed(&mut app, "2003-05-18\n");
    assert_eq!(page(&app), Page::Question(0));
    (f, app)
}

#[test]
fn a_new_interview_starts_on_the_profile_and_one_key_answers_a_choice() {
    let f = Fixture::new();
    let mut app = f.interview(Lang::Zh);
    assert_eq!(page(&app), Page::Profile(0));
    typed(&mut app, "1");
    assert_eq!(page(&app), Page::Profile(1));
    let a = saved(&app);
    assert_eq!(a.profile["industry"].as_str(), Some("fans"));
}

#[test]
fn profile_number_text_and_date_are_typed_and_saved_in_their_kinds() {
    let (_f, app) = past_profile(Lang::Zh);
    let a = saved(&app);
    assert_eq!(a.profile["employees"].as_integer(), Some(40));
    assert_eq!(a.profile["products"].as_str(), Some("离心风机"));
    assert_eq!(a.profile["founded"].to_string(), "2003-05-18");
}

#[test]
fn a_value_outside_the_range_or_not_a_number_is_refused_and_the_editor_stays() {
    let f = Fixture::new();
    let mut app = f.interview(Lang::En);
    press(&mut app, KeyCode::Right);
    typed(&mut app, "200000\n");
    assert!(app.visit.interview.editor.is_some());
    let m = app.message.clone().unwrap();
    assert_eq!(m.tone, Tone::Warn);
    assert!(m.text.contains("outside the range"), "{}", m.text);
    assert!(!saved(&app).profile.contains_key("employees"));
    // Start again: Esc cancels, nothing is written.
    press(&mut app, KeyCode::Esc);
    assert!(app.visit.interview.editor.is_none());
    typed(&mut app, "\nabc\n");
    assert!(app.message.clone().unwrap().text.contains("not a number"));
    press(&mut app, KeyCode::Esc);
    // Full-width digits from a Chinese input method are numbers too.
    typed(&mut app, "\n１２０\n");
    assert_eq!(saved(&app).profile["employees"].as_integer(), Some(120));
    assert_eq!(page(&app), Page::Profile(2));
}

#[test]
fn a_bad_date_is_refused_with_the_expected_format() {
    let f = Fixture::new();
    let mut app = f.interview(Lang::Zh);
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Home);
    for _ in 0..3 {
        press(&mut app, KeyCode::Right);
    }
    assert_eq!(page(&app), Page::Profile(3));
    typed(&mut app, "2003-13-40\n");
    assert!(app.message.clone().unwrap().text.contains("2026-11-27"));
    press(&mut app, KeyCode::Esc);
    typed(&mut app, "\n2003/5/8\n");
    assert_eq!(saved(&app).profile["founded"].to_string(), "2003-05-08");
}

#[test]
fn chinese_typed_on_a_text_page_starts_its_editor_and_is_saved_as_typed() {
    let f = Fixture::new();
    let mut app = f.interview(Lang::Zh);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    assert_eq!(page(&app), Page::Profile(2));
    typed(&mut app, "风");
    assert!(app.visit.interview.editor.is_some());
    typed(&mut app, "机");
    // Saved while typing, before Enter: nothing typed is lost.
    assert_eq!(saved(&app).profile["products"].as_str(), Some("风机"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(page(&app), Page::Profile(3));
}

#[test]
fn answering_shows_and_hides_later_questions_at_once() {
    let (_f, mut app) = past_profile(Lang::Zh);
    // "yes" makes the CNC share visible: the next page is that question.
    typed(&mut app, "2");
    assert_eq!(page(&app), Page::Question(1));
    assert_eq!(
        saved(&app).answers["has-cnc"].response,
        Some(Response::Choice("yes".into()))
    );
    // Back, "no": the share is skipped, the interview moves past it.
    press(&mut app, KeyCode::Left);
    assert_eq!(page(&app), Page::Question(0));
    typed(&mut app, "1");
    assert_eq!(page(&app), Page::Question(2));
    let s = app.visit.session.as_ref().unwrap();
    assert!(s.is_hidden(question_page(&app, "cnc-share")));
    // n and p pass over the skipped question too.
    typed(&mut app, "p");
    assert_eq!(page(&app), Page::Question(0));
    typed(&mut app, "n");
    assert_eq!(page(&app), Page::Question(2));
}

#[test]
fn arrows_and_j_k_move_the_cursor_and_enter_or_space_choose_it() {
    let (_f, mut app) = past_profile(Lang::En);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.visit.interview.option, 1);
    typed(&mut app, "k");
    assert_eq!(app.visit.interview.option, 0);
    typed(&mut app, "j");
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.visit.interview.option, 0);
    typed(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        saved(&app).answers["has-cnc"].response,
        Some(Response::Choice("yes".into()))
    );
    press(&mut app, KeyCode::Left);
    assert_eq!(
        app.visit.interview.option, 1,
        "the cursor starts on the chosen option"
    );
    typed(&mut app, "k ");
    assert_eq!(
        saved(&app).answers["has-cnc"].response,
        Some(Response::Choice("no".into()))
    );
}

#[test]
fn multi_choice_ticks_with_digits_and_space_and_goes_on_with_enter() {
    let (_f, mut app) = past_profile(Lang::Zh);
    typed(&mut app, "1");
    assert_eq!(page(&app), Page::Question(2));
    typed(&mut app, "24");
    assert_eq!(
        saved(&app).answers["automation"].response,
        Some(Response::Choices(vec!["plc".into(), "robot".into()]))
    );
    typed(&mut app, "k "); // the cursor was on option 4; up one, untick... servo ticks
    assert_eq!(
        saved(&app).answers["automation"].response,
        Some(Response::Choices(vec![
            "plc".into(),
            "servo".into(),
            "robot".into()
        ]))
    );
    typed(&mut app, "234");
    assert!(
        !saved(&app).answers.contains_key("automation"),
        "nothing ticked is no answer"
    );
    typed(&mut app, "9");
    assert!(
        !saved(&app).answers.contains_key("automation"),
        "no ninth option"
    );
    typed(&mut app, "1\n");
    assert_eq!(page(&app), Page::Question(3));
}

#[test]
fn x_marks_not_applicable_where_allowed_and_again_undoes_it() {
    let (_f, mut app) = past_profile(Lang::En);
    typed(&mut app, "x");
    assert_eq!(page(&app), Page::Question(0));
    assert_eq!(app.message.clone().unwrap().tone, Tone::Warn);
    assert!(!saved(&app).answers.contains_key("has-cnc"));
    typed(&mut app, "2x");
    assert_eq!(
        saved(&app).answers["cnc-share"].response,
        Some(Response::NotApplicable)
    );
    assert_eq!(page(&app), Page::Question(2));
    typed(&mut app, "px");
    assert!(!saved(&app).answers.contains_key("cnc-share"));
    assert_eq!(
        page(&app),
        Page::Question(1),
        "undoing stays on the question"
    );
}

#[test]
fn number_questions_start_editing_with_a_digit_and_enter_keeps_and_goes_on() {
    let (_f, mut app) = past_profile(Lang::Zh);
    typed(&mut app, "2");
    typed(&mut app, "45");
    let ed = app.visit.interview.editor.as_ref().unwrap();
    assert_eq!(ed.text(), "45");
    assert!(
        !saved(&app).answers.contains_key("cnc-share"),
        "a number is kept on Enter"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        saved(&app).answers["cnc-share"].response,
        Some(Response::Value(45.0))
    );
    assert_eq!(page(&app), Page::Question(2));
    // Enter on a number question edits the value it has.
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.visit.interview.editor.as_ref().unwrap().text(), "45");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        saved(&app).answers["cnc-share"].response,
        Some(Response::Value(45.0))
    );
}

#[test]
fn e_edits_the_note_saving_while_typing_enter_keeps_esc_restores() {
    let (_f, mut app) = past_profile(Lang::Zh);
    typed(&mut app, "e");
    typed(&mut app, "车间三台数控");
    assert_eq!(
        saved(&app).answers["has-cnc"].note.as_deref(),
        Some("车间三台数控")
    );
    press(&mut app, KeyCode::Enter);
    assert!(app.visit.interview.editor.is_none());
    assert_eq!(page(&app), Page::Question(0), "the question stays");
    typed(&mut app, "e");
    typed(&mut app, "机床");
    assert_eq!(
        saved(&app).answers["has-cnc"].note.as_deref(),
        Some("车间三台数控机床")
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        saved(&app).answers["has-cnc"].note.as_deref(),
        Some("车间三台数控")
    );
    // Letters are text while the note is open, not commands.
    typed(&mut app, "e q\n");
    assert_eq!(
        saved(&app).answers["has-cnc"].note.as_deref(),
        Some("车间三台数控 q")
    );
    assert_eq!(app.screen, Screen::Interview);
}

#[test]
fn pasted_text_goes_into_the_open_note() {
    let (_f, mut app) = past_profile(Lang::Zh);
    typed(&mut app, "e");
    app.feed(Event::Paste("证据：设备台账\r\n第二行".into()));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        saved(&app).answers["has-cnc"].note.as_deref(),
        Some("证据：设备台账\n第二行")
    );
}

#[test]
fn backspace_clears_the_answer_and_keeps_the_note() {
    let (_f, mut app) = past_profile(Lang::Zh);
    typed(&mut app, "e证据\n2p");
    assert_eq!(page(&app), Page::Question(0));
    press(&mut app, KeyCode::Backspace);
    let a = saved(&app);
    assert_eq!(a.answers["has-cnc"].response, None);
    assert_eq!(a.answers["has-cnc"].note.as_deref(), Some("证据"));
    press(&mut app, KeyCode::Delete);
    assert_eq!(saved(&app).answers["has-cnc"].note.as_deref(), Some("证据"));
}

#[test]
fn g_goes_to_the_next_unanswered_question_and_says_when_none_is_left() {
    let (_f, mut app) = past_profile(Lang::En);
    typed(&mut app, "1"); // has-cnc no; cnc-share hidden
    assert_eq!(page(&app), Page::Question(2));
    typed(&mut app, "g");
    assert_eq!(
        page(&app),
        Page::Question(3),
        "the next unanswered after the page"
    );
    press(&mut app, KeyCode::End);
    typed(&mut app, "g");
    assert_eq!(
        page(&app),
        Page::Question(2),
        "wraps around to the first unanswered"
    );
    // Answer everything that is visible.
    typed(&mut app, "1\n1\n"); // automation, systems (mes-link hidden)
    assert_eq!(page(&app), Page::Question(5));
    typed(&mut app, "1\n"); // practices
    typed(&mut app, "2\n3\n"); // training, headcount
    typed(&mut app, "\n看重\n"); // remarks
    typed(&mut app, "1"); // energy (industry fans)
    assert_eq!(
        app.screen,
        Screen::Summary,
        "after the last question comes the summary"
    );
    typed(&mut app, "sg");
    assert_eq!(app.message.clone().unwrap().tone, Tone::Info);
    let s = app.visit.session.as_ref().unwrap();
    // Every question that counts (the visible scored ones) is answered.
    assert_eq!(s.progress(), (6, 6));
}

#[test]
fn the_jump_list_filters_as_typed_and_enter_goes_there() {
    let (_f, mut app) = past_profile(Lang::Zh);
    for opener in ["J", ":"] {
        typed(&mut app, opener);
        assert!(app.visit.interview.jump.is_some());
        typed(&mut app, "培训");
        let entries = dmat::tui::screens::interview::jump_entries(&app);
        assert_eq!(entries, vec![question_page(&app, "training")]);
        press(&mut app, KeyCode::Enter);
        assert!(app.visit.interview.jump.is_none());
        assert_eq!(page(&app), Page::Question(6));
        press(&mut app, KeyCode::Home);
    }
    typed(&mut app, "J");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(page(&app), Page::Profile(2));
    typed(&mut app, "Jnothing-matches");
    assert!(dmat::tui::screens::interview::jump_entries(&app).is_empty());
    press(&mut app, KeyCode::Esc);
    assert!(app.visit.interview.jump.is_none());
    assert_eq!(page(&app), Page::Profile(2));
}

#[test]
fn tab_moves_by_dimension_and_home_end_to_the_ends() {
    let (_f, mut app) = past_profile(Lang::Zh);
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        page(&app),
        Page::Question(3),
        "first question of data and systems"
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(page(&app), Page::Question(6));
    app.feed(Event::Key(KeyEvent::new(
        KeyCode::BackTab,
        KeyModifiers::SHIFT,
    )));
    assert_eq!(page(&app), Page::Question(3));
    press(&mut app, KeyCode::End);
    assert_eq!(page(&app), Page::Question(9));
    press(&mut app, KeyCode::Home);
    assert_eq!(page(&app), Page::Profile(0));
}

#[test]
fn the_summary_jumps_to_unanswered_writes_the_closing_and_marks_complete() {
    let (_f, mut app) = past_profile(Lang::En);
    typed(&mut app, "s");
    assert_eq!(app.screen, Screen::Summary);
    // Unanswered: has-cnc, automation, systems, practices, training, headcount, remarks, energy.
    typed(&mut app, "jjk");
    assert_eq!(app.visit.summary.cursor, 1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Interview);
    assert_eq!(page(&app), Page::Question(2));
    typed(&mut app, "s");
    // c with a required question unanswered asks again first.
    typed(&mut app, "c");
    assert_eq!(app.message.clone().unwrap().tone, Tone::Warn);
    assert_eq!(saved(&app).visit.status, Status::InProgress);
    typed(&mut app, "c");
    assert_eq!(saved(&app).visit.status, Status::Complete);
    // Reopening a completed visit asks first.
    typed(&mut app, "c");
    assert_eq!(saved(&app).visit.status, Status::Complete);
    typed(&mut app, "c");
    assert_eq!(saved(&app).visit.status, Status::InProgress);
    typed(&mut app, "e建议先做数据采集");
    assert_eq!(
        saved(&app).visit.summary.as_deref(),
        Some("建议先做数据采集")
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(saved(&app).visit.summary, None);
    typed(&mut app, "e先联网\n");
    assert_eq!(saved(&app).visit.summary.as_deref(), Some("先联网"));
    for back in [KeyCode::Esc, KeyCode::Left, KeyCode::Char('s')] {
        press(&mut app, back);
        assert_eq!(app.screen, Screen::Interview);
        typed(&mut app, "s");
    }
    // With nothing required left unanswered, c marks complete at once.
    press(&mut app, KeyCode::Esc);
    typed(&mut app, ":has-cnc\n2s");
    assert_eq!(page(&app), Page::Question(1));
    typed(&mut app, "c");
    assert_eq!(saved(&app).visit.status, Status::Complete);
}

#[test]
fn w_on_the_summary_writes_the_sheet_into_the_reports_folder_and_says_where() {
    let (f, mut app) = past_profile(Lang::Zh);
    typed(&mut app, "1");
    typed(&mut app, "s");
    // Not complete: the first w warns and writes nothing; the second writes.
    typed(&mut app, "w");
    let m = app.message.clone().unwrap();
    assert_eq!(m.tone, Tone::Warn, "{}", m.text);
    assert!(m.text.contains("1/6"), "{}", m.text);
    assert!(!f.ws.reports_dir().exists());
    typed(&mut app, "w");
    let m = app.message.clone().unwrap();
    assert_eq!(m.tone, Tone::Info, "{}", m.text);
    let reports: Vec<_> = std::fs::read_dir(f.ws.reports_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(reports.len(), 1);
    let sheet = &reports[0];
    assert!(m.text.contains(&sheet.display().to_string()), "{}", m.text);
    assert_eq!(sheet.extension().unwrap(), "html");
    let html = std::fs::read_to_string(sheet).unwrap();
    assert!(
        html.contains(&saved(&app).firm.name),
        "the sheet names the firm"
    );
    assert!(html.contains("一企一策"));
    // Writing again for the same visit replaces the sheet rather than adding one.
    typed(&mut app, "ww");
    assert_eq!(std::fs::read_dir(f.ws.reports_dir()).unwrap().count(), 1);
}

#[test]
fn help_shows_the_keys_of_the_screen_and_goes_back() {
    let (_f, mut app) = past_profile(Lang::Zh);
    typed(&mut app, "?");
    assert_eq!(app.screen, Screen::Help);
    assert_eq!(app.under(), Screen::Interview);
    typed(&mut app, "jk");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Interview);
    typed(&mut app, "s?");
    assert_eq!(app.under(), Screen::Summary);
    typed(&mut app, "?");
    assert_eq!(app.screen, Screen::Summary);
}

#[test]
fn q_and_ctrl_c_leave_with_everything_saved() {
    let (_f, mut app) = past_profile(Lang::Zh);
    typed(&mut app, "e半句");
    // Ctrl-C in the middle of a note: what was typed is in the file.
    assert_eq!(app.feed(ctrl('c')), Flow::Quit);
    assert_eq!(saved(&app).answers["has-cnc"].note.as_deref(), Some("半句"));
    let (_f, mut app) = past_profile(Lang::Zh);
    assert_eq!(typed(&mut app, "q"), Flow::Quit);
}

#[test]
fn key_releases_are_not_presses() {
    let (_f, mut app) = past_profile(Lang::Zh);
    let mut release = KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    app.feed(Event::Key(release));
    assert_eq!(page(&app), Page::Question(0));
    assert!(!saved(&app).answers.contains_key("has-cnc"));
}

#[test]
fn keys_on_a_skipped_question_answer_nothing() {
    let (_f, mut app) = past_profile(Lang::En);
    typed(&mut app, "1:share\n");
    assert_eq!(page(&app), Page::Question(1));
    typed(&mut app, "5");
    assert!(app.visit.interview.editor.is_none());
    assert_eq!(app.message.clone().unwrap().tone, Tone::Warn);
    typed(&mut app, "xe");
    assert!(!saved(&app).answers.contains_key("cnc-share"));
}

#[test]
fn reopening_shows_every_answer_and_resumes_at_the_first_unanswered_question() {
    let (f, mut app) = past_profile(Lang::Zh);
    typed(&mut app, "2");
    typed(&mut app, "30\n");
    typed(&mut app, "e证据\n");
    let path = app.visit.session.as_ref().unwrap().path.clone();
    let before = saved(&app);
    drop(app);
    let app = f.open(&path, Lang::Zh);
    assert_eq!(app.visit.session.as_ref().unwrap().assessment, before);
    assert_eq!(page(&app), Page::Question(2));
}

#[test]
fn an_assessment_open_elsewhere_is_refused() {
    let (f, app) = past_profile(Lang::Zh);
    let path = app.visit.session.as_ref().unwrap().path.clone();
    match Session::open(&path, &f.catalog()) {
        Err(StoreError::Locked { .. }) => {}
        other => panic!("expected a lock refusal, got {other:?}"),
    }
    drop(app);
    assert!(Session::open(&path, &f.catalog()).is_ok());
}

// ---------------------------------------------------------------- home

#[test]
fn the_home_screen_lists_opens_filters_marks_and_compares() {
    let f = Fixture::new();
    let mut app = f.interview(Lang::Zh);
    typed(&mut app, "1");
    drop(app);
    let mut home = f.home(Lang::Zh);
    // A second firm through the new-interview form: questionnaire, then the name.
    typed(&mut home, "n");
    assert_eq!(home.screen, Screen::New);
    press(&mut home, KeyCode::Enter);
    typed(&mut home, "某某电机");
    app_paste(&mut home, "有限公司");
    press(&mut home, KeyCode::Enter);
    assert_eq!(home.screen, Screen::Interview);
    assert_eq!(saved(&home).firm.name, "某某电机有限公司");
    assert_eq!(saved(&home).visit.date, Some(date()));
    typed(&mut home, "2");
    assert_eq!(
        typed(&mut home, "q"),
        Flow::Continue,
        "q returns to the home screen"
    );
    assert_eq!(home.screen, Screen::Home);
    let h = home.home.as_ref().unwrap();
    assert_eq!(h.rows.len(), 2);
    // Filter by name.
    typed(&mut home, "/电机\n");
    assert_eq!(
        dmat::tui::screens::home::shown(home.home.as_ref().unwrap()).len(),
        1
    );
    typed(&mut home, "/");
    press(&mut home, KeyCode::Esc);
    assert_eq!(
        dmat::tui::screens::home::shown(home.home.as_ref().unwrap()).len(),
        2
    );
    // c without marks compares every firm listed; Space marks and moves down.
    typed(&mut home, "c");
    assert_eq!(home.screen, Screen::Compare);
    assert_eq!(home.compare.as_ref().unwrap().comparison.rows().len(), 2);
    press(&mut home, KeyCode::Esc);
    assert_eq!(home.screen, Screen::Home);
    assert!(home.compare.is_none());
    typed(&mut home, " c");
    assert_eq!(home.screen, Screen::Compare);
    assert_eq!(home.compare.as_ref().unwrap().comparison.rows().len(), 1);
    press(&mut home, KeyCode::Right);
    press(&mut home, KeyCode::Esc);
    assert_eq!(home.screen, Screen::Home);
    // Enter resumes the row under the cursor.
    typed(&mut home, "k");
    press(&mut home, KeyCode::Enter);
    assert_eq!(home.screen, Screen::Interview);
    typed(&mut home, "q");
    assert_eq!(typed(&mut home, "q"), Flow::Quit);
}

fn app_paste(app: &mut dmat::tui::App, text: &str) {
    app.feed(Event::Paste(text.into()));
}

#[test]
fn the_home_screen_refuses_an_assessment_open_elsewhere() {
    let f = Fixture::new();
    let app = f.interview(Lang::En);
    let mut home = f.home(Lang::En);
    press(&mut home, KeyCode::Enter);
    assert_eq!(home.screen, Screen::Home);
    let m = home.message.clone().unwrap();
    assert_eq!(m.tone, Tone::Error);
    assert!(m.text.contains("open in another dmat"), "{}", m.text);
    drop(app);
}

#[test]
fn an_empty_workspace_offers_a_demo_cohort_of_the_default_questionnaire() {
    let f = Fixture::new();
    let mut home = f.home(Lang::En);
    typed(&mut home, "d");
    assert_eq!(
        home.message.clone().unwrap().tone,
        Tone::Error,
        "no default questionnaire"
    );
    // A catalogue whose default questionnaire is there.
    let text = std::fs::read_to_string(FEATURES)
        .unwrap()
        .replace("id = \"features\"", "id = \"smart-manufacturing\"");
    let default = dmat::store::LoadedQuestionnaire::parse(
        &text,
        dmat::store::Source::Bundled("smart-manufacturing.toml".into()),
    )
    .unwrap();
    home.catalog.add_first(default);
    typed(&mut home, "d");
    let h = home.home.as_ref().unwrap();
    assert_eq!(h.rows.len(), dmat::tui::app::DEMO_FIRMS);
    assert!(h.rows.iter().all(|r| r.error.is_none()));
    assert_eq!(f.ws.assessment_files().len(), dmat::tui::app::DEMO_FIRMS);
    // Shown as demo firms, and removed again with D, leaving a real assessment alone.
    assert!(h.rows.iter().all(|r| r.demo && r.firm.ends_with("[demo]")));
    let real = f.ws.assessments_dir().join("real.toml");
    let mut a = dmat::model::Assessment::new(
        dmat::model::QuestionnaireRef {
            id: "smart-manufacturing".into(),
            version: "0.1.0".into(),
            digest: String::new(),
        },
        "周村机械厂",
        None,
    );
    a.visit.status = dmat::model::Status::InProgress;
    dmat::store::save_assessment(&real, &a).unwrap();
    typed(&mut home, "D");
    assert_eq!(f.ws.assessment_files(), [real]);
    let h = home.home.as_ref().unwrap();
    assert_eq!(h.rows.len(), 1);
    assert!(!h.rows[0].demo);
}

#[test]
fn with_both_bundled_questionnaires_the_demo_is_a_districts_folder() {
    let f = Fixture::new();
    let mut home = f.home(Lang::Zh);
    home.catalog = dmat::store::Catalog::bundled();
    typed(&mut home, "d");
    let files = f.ws.assessment_files();
    let named = |suffix: &str| {
        files
            .iter()
            .filter(|p| p.to_string_lossy().ends_with(suffix))
            .count()
    };
    assert_eq!(named("-scan.toml"), dmat::tui::app::DEMO_FIRMS);
    assert!(named("-visit.toml") > 0);
    let h = home.home.as_ref().unwrap();
    assert!(
        h.rows
            .iter()
            .all(|r| r.demo && r.firm.ends_with("〔示例〕"))
    );
}

#[test]
fn the_new_form_goes_back_a_step_and_out() {
    let f = Fixture::new();
    let mut home = f.home(Lang::Zh);
    typed(&mut home, "n");
    press(&mut home, KeyCode::Enter);
    press(&mut home, KeyCode::Enter);
    assert_eq!(home.screen, Screen::New, "an empty name starts nothing");
    assert_eq!(home.message.clone().unwrap().tone, Tone::Warn);
    press(&mut home, KeyCode::Esc);
    assert!(!home.form.as_ref().unwrap().naming);
    press(&mut home, KeyCode::Esc);
    assert_eq!(home.screen, Screen::Home);
    assert!(f.ws.assessment_files().is_empty());
}

#[test]
fn while_typing_the_terminal_cursor_stands_after_the_text_for_input_methods() {
    let (_f, mut app) = past_profile(Lang::Zh);
    let cursor_after = |app: &dmat::tui::App| {
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
        t.draw(|f| app.draw(f)).unwrap();
        let p = t.get_cursor_position().unwrap();
        let buf = t.backend().buffer();
        // The last character typed is wide: it starts two cells left of the cursor.
        buf[(p.x - 2, p.y)].symbol().to_string()
    };
    typed(&mut app, "e车间三台数控");
    assert_eq!(cursor_after(&app), "控");
    press(&mut app, KeyCode::Enter);
    typed(&mut app, ":数控");
    assert_eq!(cursor_after(&app), "控", "in the jump list's filter too");
}

/// An interview of the policy questionnaire, on its multi question with an exclusive "none of
/// these" (the profile and three single questions answered with their first option).
fn on_exclusive_question(f: &Fixture) -> dmat::tui::App {
    let loaded = std::sync::Arc::new(
        dmat::store::LoadedQuestionnaire::load(std::path::Path::new(
            "tests/fixtures/questionnaires/policy.toml",
        ))
        .unwrap(),
    );
    let session = Session::start(&f.ws, loaded, FIRM, date()).unwrap();
    let mut app = dmat::tui::App::interview(
        session,
        f.ws.clone(),
        f.catalog(),
        Lang::En,
        dmat::tui::theme::Theme::plain(),
    );
    typed(&mut app, "n111");
    let tools = app
        .visit
        .session
        .as_ref()
        .unwrap()
        .q()
        .position("tools")
        .unwrap();
    assert_eq!(page(&app), Page::Question(tools));
    app
}

#[test]
fn ticking_an_exclusive_option_unticks_the_others_and_ticking_another_unticks_it() {
    let f = Fixture::new();
    let mut app = on_exclusive_question(&f);
    let tools = |app: &dmat::tui::App| saved(app).answers["tools"].response.clone();
    let ticked = |ids: &[&str]| {
        Some(Response::Choices(
            ids.iter().map(|s| s.to_string()).collect(),
        ))
    };
    typed(&mut app, "23");
    assert_eq!(tools(&app), ticked(&["cad-2d", "cad-3d"]));
    typed(&mut app, "1");
    assert_eq!(tools(&app), ticked(&["none"]), "none of these, alone");
    typed(&mut app, "4");
    assert_eq!(tools(&app), ticked(&["plm"]), "another option unticks none");
    typed(&mut app, "1");
    typed(&mut app, "1");
    assert!(!saved(&app).answers.contains_key("tools"), "none unticked");
}

#[test]
fn an_exclusive_option_keeps_options_the_questionnaire_no_longer_has() {
    let f = Fixture::new();
    let mut app = on_exclusive_question(&f);
    typed(&mut app, "2");
    let s = app.visit.session.as_mut().unwrap();
    let position = s.q().position("tools").unwrap();
    s.assessment.set_response(
        "tools",
        Some(Response::Choices(vec!["cad-2d".into(), "retired".into()])),
    );
    s.toggle(position, 0);
    assert_eq!(
        s.assessment.response("tools"),
        Some(&Response::Choices(vec!["retired".into(), "none".into()]))
    );
}

#[test]
fn the_summary_says_when_the_sheet_written_is_out_of_date() {
    let (_f, mut app) = past_profile(Lang::En);
    typed(&mut app, "1s");
    assert!(draw(&app, 140, 40).contains("not written yet"));
    typed(&mut app, "ww");
    let screen = draw(&app, 140, 40);
    assert!(screen.contains("reports/"), "{screen}");
    assert!(!screen.contains("out of date"), "{screen}");
    // An answer changed after the sheet was written makes it out of date.
    std::thread::sleep(std::time::Duration::from_millis(20));
    typed(&mut app, "sp2s");
    let screen = draw(&app, 140, 40);
    assert!(screen.contains("out of date"), "{screen}");
    // Writing it again brings it up to date.
    typed(&mut app, "ww");
    assert!(!draw(&app, 140, 40).contains("out of date"));
}
