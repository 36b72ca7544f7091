//! A follow-up visit in the terminal UI: `v` on the home screen begins it (as `dmat revisit`
//! does) and opens its interview; each question shows last visit's answer and note, and `t`
//! takes it over unchanged. The earlier file is never written.

mod tui_common;

use crossterm::event::KeyCode;
use dmat::i18n::Lang;
use dmat::model::decisions::edit_plan;
use dmat::model::{Decision, ProgressStatus, Response, Status, SupportOutcome};
use dmat::tui::App;
use dmat::tui::app::Screen;
use tui_common::*;

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

/// A first visit with its profile, two answers and a note, left for the home screen; the
/// path of its file.
fn first_visit(f: &Fixture, lang: Lang) -> std::path::PathBuf {
    let mut app = f.interview(lang);
    typed(&mut app, "140\n");
    typed(&mut app, "\n离心风机\n");
    typed(&mut app, "2003-05-18\n");
    typed(&mut app, "2"); // has CNC: yes
    typed(&mut app, "45\n"); // CNC share
    typed(&mut app, ":has-cnc\ne三台数控车床，2019 年购入\n");
    let path = app.visit.session.as_ref().unwrap().path.clone();
    typed(&mut app, "q");
    // The plan agreed at that visit: two actions agreed (one of the firm's own), one declined.
    let mut a = read(&path);
    edit_plan(&mut a, "cnc-upgrade", |e| {
        e.decision = Some(Decision::Agreed);
        e.owner = Some("王建国".into());
        e.due = "2027-06-30".parse().ok();
    });
    edit_plan(&mut a, "own-1", |e| {
        e.decision = Some(Decision::Agreed);
        e.title = Some("整理设备台账".into());
    });
    edit_plan(&mut a, "link-mes", |e| {
        e.decision = Some(Decision::Declined)
    });
    dmat::store::save_assessment(&path, &a).unwrap();
    path
}

fn read(path: &std::path::Path) -> dmat::model::Assessment {
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The home screen with the first visit under the cursor, and `v` pressed.
fn revisited(f: &Fixture, lang: Lang) -> (App, std::path::PathBuf, Vec<u8>) {
    let earlier = first_visit(f, lang);
    let bytes = std::fs::read(&earlier).unwrap();
    let mut app = f.home(lang);
    // The form: last visit's questionnaire, then today's date; Enter twice starts.
    typed(&mut app, "v");
    assert_eq!(app.screen, Screen::New);
    typed(&mut app, "\n\n");
    assert_eq!(app.screen, Screen::Interview);
    (app, earlier, bytes)
}

#[test]
fn v_on_the_home_screen_begins_a_follow_up_and_opens_it() {
    let f = Fixture::new();
    let (app, earlier, bytes) = revisited(&f, Lang::En);
    let s = app.visit.session.as_ref().unwrap();
    assert_ne!(s.path, earlier);
    assert_eq!(
        s.path.parent(),
        earlier.parent(),
        "beside the earlier visit"
    );
    let a = saved(&app);
    let name = earlier.file_name().unwrap().to_str().unwrap();
    assert_eq!(a.visit.previous.as_deref(), Some(name));
    assert_eq!(a.firm.name, FIRM);
    assert_eq!(a.profile.len(), 4, "the profile is copied");
    assert!(a.answers.is_empty(), "answers are offered, not copied");
    assert!(s.previous.is_some());
    assert!(flat(&draw(&app, 80, 24)).contains("Follow-up visit begun"));
    assert_eq!(std::fs::read(&earlier).unwrap(), bytes);
}

#[test]
fn each_question_shows_last_visits_answer_and_t_takes_it_over() {
    let f = Fixture::new();
    let (mut app, earlier, bytes) = revisited(&f, Lang::En);
    typed(&mut app, ":has-cnc\n");
    let screen = flat(&draw(&app, 80, 24));
    assert!(screen.contains("Last visit: Yes"), "{screen}");
    assert!(screen.contains("三台数控车床"), "the note too: {screen}");
    assert!(screen.contains("t take over"), "{screen}");
    typed(&mut app, "t");
    let a = saved(&app);
    assert_eq!(a.response("has-cnc"), Some(&Response::Choice("yes".into())));
    assert_eq!(a.note("has-cnc"), Some("三台数控车床，2019 年购入"));
    // It goes on to the next question, which it takes over too.
    typed(&mut app, "t");
    assert_eq!(
        saved(&app).response("cnc-share"),
        Some(&Response::Value(45.0))
    );
    // A question last visit left unanswered has nothing to take.
    let before = saved(&app);
    typed(&mut app, "t");
    assert_eq!(saved(&app), before);
    assert!(flat(&draw(&app, 80, 24)).contains("nothing to take over"));
    // Back on the first: the same as now.
    typed(&mut app, ":has-cnc\n");
    assert!(flat(&draw(&app, 140, 40)).contains("(the same as now)"));
    assert_eq!(std::fs::read(&earlier).unwrap(), bytes, "never written");
}

#[test]
fn t_outside_a_follow_up_says_there_is_nothing_to_take_over() {
    let f = Fixture::new();
    let mut app = f.interview(Lang::Zh);
    typed(&mut app, ":has-cnc\n");
    let before = saved(&app);
    typed(&mut app, "t");
    assert_eq!(saved(&app), before);
    assert!(flat(&draw(&app, 80, 24)).contains("不是回访"));
    press(&mut app, KeyCode::Right);
}

#[test]
fn follow_up_interview_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        let f = Fixture::new();
        let (mut app, _, _) = revisited(&f, lang);
        typed(&mut app, ":has-cnc\n");
        snap("follow-up-question", lang, &app);
    }
}

#[test]
fn the_progress_page_lists_the_agreed_actions_and_saves_each_change() {
    let f = Fixture::new();
    let (mut app, earlier, bytes) = revisited(&f, Lang::En);
    typed(&mut app, "s");
    assert!(flat(&draw(&app, 140, 40)).contains("r progress"));
    typed(&mut app, "r");
    assert_eq!(app.screen, Screen::Progress);
    let screen = flat(&draw(&app, 80, 24));
    assert!(
        screen.contains("owner: 王建国 · due 2027-06-30"),
        "{screen}"
    );
    assert!(screen.contains("整理设备台账"), "{screen}");
    let s = app.visit.session.as_ref().unwrap();
    assert_eq!(
        dmat::tui::screens::progress::actions(s),
        ["cnc-upgrade", "own-1"],
        "the agreed ones, not the declined one"
    );
    typed(&mut app, "3ff");
    let p = &saved(&app).progress["cnc-upgrade"];
    assert_eq!(p.status, Some(ProgressStatus::Done));
    assert_eq!(p.support, Some(SupportOutcome::Applied));
    typed(&mut app, "e两台已换");
    assert_eq!(
        saved(&app).progress["cnc-upgrade"].note.as_deref(),
        Some("两台已换"),
        "saved as it is typed"
    );
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "j2");
    assert_eq!(
        saved(&app).progress["own-1"].status,
        Some(ProgressStatus::InProgress)
    );
    typed(&mut app, "2");
    assert!(
        !saved(&app).progress.contains_key("own-1"),
        "2 again clears it"
    );
    assert_eq!(std::fs::read(&earlier).unwrap(), bytes, "never written");
}

#[test]
fn the_progress_of_a_completed_follow_up_is_recorded_and_the_visit_stays_complete() {
    let f = Fixture::new();
    let (mut app, _, _) = revisited(&f, Lang::En);
    typed(&mut app, "s");
    // c marks it complete (asked twice where required questions are still unanswered).
    typed(&mut app, "cc");
    assert_eq!(saved(&app).visit.status, Status::Complete);
    typed(&mut app, "r");
    assert_eq!(app.screen, Screen::Progress);
    typed(&mut app, "3f");
    typed(&mut app, "e两台已换\n");
    let file = saved(&app);
    assert_eq!(file.visit.status, Status::Complete, "still complete");
    let p = &file.progress["cnc-upgrade"];
    assert_eq!(p.status, Some(ProgressStatus::Done));
    assert_eq!(p.support, Some(SupportOutcome::None));
    assert_eq!(p.note.as_deref(), Some("两台已换"));
    assert!(!flat(&draw(&app, 80, 24)).contains("read-only"));
}

#[test]
fn a_visit_that_follows_up_none_has_no_progress_page() {
    let f = Fixture::new();
    let mut app = f.interview(Lang::En);
    typed(&mut app, "s");
    typed(&mut app, "r");
    assert_eq!(app.screen, Screen::Summary);
    // `r` is listed on every summary; on a first visit it says why there is nothing to record.
    assert!(
        flat(&draw(&app, 140, 40)).contains("This visit follows up no earlier one"),
        "{}",
        flat(&draw(&app, 140, 40))
    );
}

#[test]
fn progress_page_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        let f = Fixture::new();
        let (mut app, _, _) = revisited(&f, lang);
        typed(&mut app, "sr3ffe两台已换，另两台明年\n");
        snap("progress", lang, &app);
    }
}

#[test]
fn v_again_while_the_follow_up_is_in_progress_resumes_it_instead_of_beginning_another() {
    let f = Fixture::new();
    let (mut app, earlier, bytes) = revisited(&f, Lang::Zh);
    let first = app.visit.session.as_ref().unwrap().path.clone();
    typed(&mut app, "q");
    assert_eq!(app.screen, Screen::Home);
    app.wait_loaded();
    // The follow-up is the newest visit of the firm: the earlier one stands right under it.
    let rows = &app.home.as_ref().unwrap().rows;
    let at = rows.iter().position(|r| r.path == earlier).unwrap();
    for _ in 0..at {
        press(&mut app, KeyCode::Down);
    }
    typed(&mut app, "v");
    assert_eq!(app.screen, Screen::Interview);
    assert_eq!(app.visit.session.as_ref().unwrap().path, first);
    let files = std::fs::read_dir(first.parent().unwrap()).unwrap();
    let visits = files
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .count();
    assert_eq!(visits, 2, "no second follow-up file is made");
    assert!(draw(&app, 80, 24).contains("尚未完成，已接着打开"));
    assert_eq!(std::fs::read(&earlier).unwrap(), bytes);
}

/// The follow-up's plan screen, from its summary.
fn follow_up_plan(f: &Fixture, lang: Lang) -> (App, std::path::PathBuf, Vec<u8>) {
    let (mut app, earlier, bytes) = revisited(f, lang);
    typed(&mut app, "sp");
    assert_eq!(app.screen, Screen::Plan);
    (app, earlier, bytes)
}

#[test]
fn the_follow_ups_plan_offers_last_visits_decisions_and_l_takes_them_over() {
    let f = Fixture::new();
    let (mut app, earlier, bytes) = follow_up_plan(&f, Lang::En);
    let screen = flat(&draw(&app, 80, 24));
    assert!(
        screen.contains("Last visit's decisions: 2 agreed and not done, 1 declined"),
        "{screen}"
    );
    let wide = flat(&draw(&app, 140, 40));
    assert!(wide.contains("L take over"), "on the footer: {wide}");
    assert!(saved(&app).plan.is_empty(), "nothing is taken before L");
    typed(&mut app, "L");
    let plan = saved(&app).plan;
    let cnc = &plan["cnc-upgrade"];
    assert_eq!(cnc.decision, Some(Decision::Agreed));
    assert_eq!(cnc.owner.as_deref(), Some("王建国"));
    assert_eq!(
        cnc.due.map(|d| d.to_string()).as_deref(),
        Some("2027-06-30")
    );
    assert_eq!(plan["own-1"].title.as_deref(), Some("整理设备台账"));
    assert_eq!(plan["own-1"].decision, Some(Decision::Agreed));
    assert_eq!(plan["link-mes"].decision, Some(Decision::Declined));
    assert_eq!(plan.len(), 3);
    let screen = flat(&draw(&app, 80, 24));
    assert!(
        screen.contains("Took over 3 of last visit's decisions"),
        "{screen}"
    );
    let wide = flat(&draw(&app, 140, 40));
    assert!(
        !wide.contains("L take over"),
        "nothing left to take: {wide}"
    );
    // Changed here (the CNC upgrade, listed after the three short-term actions, put back to
    // proposed), then L again: what is decided here stays.
    typed(&mut app, "jjja");
    assert_eq!(saved(&app).plan["cnc-upgrade"].decision, None);
    let before = saved(&app);
    typed(&mut app, "L");
    assert_eq!(saved(&app), before);
    assert_eq!(std::fs::read(&earlier).unwrap(), bytes, "never written");
}

#[test]
fn an_action_reported_done_is_not_taken_over() {
    let f = Fixture::new();
    let (mut app, _, _) = revisited(&f, Lang::Zh);
    typed(&mut app, "sr3"); // the CNC upgrade: done
    assert_eq!(
        saved(&app).progress["cnc-upgrade"].status,
        Some(ProgressStatus::Done)
    );
    typed(&mut app, "sp");
    assert_eq!(app.screen, Screen::Plan);
    let screen = flat(&draw(&app, 80, 24));
    assert!(
        screen.contains("已商定且未完成 1 项，不采纳 1 项"),
        "{screen}"
    );
    typed(&mut app, "L");
    let plan = saved(&app).plan;
    assert!(!plan.contains_key("cnc-upgrade"), "done: not agreed again");
    assert_eq!(plan.len(), 2);
}

#[test]
fn a_first_visit_has_nothing_to_take_over_on_its_plan() {
    let f = Fixture::new();
    let mut app = f.interview(Lang::En);
    typed(&mut app, "sp");
    let screen = flat(&draw(&app, 140, 40));
    assert!(!screen.contains("Last visit"), "{screen}");
    assert!(!screen.contains("L take over"), "{screen}");
    let before = saved(&app);
    typed(&mut app, "L");
    assert_eq!(saved(&app), before);
}

#[test]
fn follow_up_plan_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        let f = Fixture::new();
        let (mut app, _, _) = follow_up_plan(&f, lang);
        snap("plan-follow-up-offer", lang, &app);
        typed(&mut app, "L");
        snap("plan-follow-up-taken", lang, &app);
    }
}

#[test]
fn a_follow_ups_header_says_it_is_a_follow_up() {
    for lang in [Lang::Zh, Lang::En] {
        // A questionnaire titled for first visits: its aside gives way, as on the sheet.
        let f = Fixture::new();
        let catalog = dmat::store::Catalog::bundled();
        let q = catalog.resolve("quick-scan").unwrap();
        let header = |previous: Option<&str>| {
            let mut session = dmat::tui::Session::start(&f.ws, q.clone(), FIRM, date()).unwrap();
            session.assessment.visit.previous = previous.map(str::to_string);
            let app = App::interview(
                session,
                f.ws.clone(),
                dmat::store::Catalog::bundled(),
                lang,
                dmat::tui::Theme::plain(),
            );
            draw(&app, 200, 24).lines().next().unwrap().to_string()
        };
        let (first, follow_up) = match lang {
            Lang::Zh => ("智能制造快速筛查（首次走访）", "智能制造快速筛查（回访）"),
            Lang::En => (
                "Smart-manufacturing quick scan (first visit)",
                "Smart-manufacturing quick scan (follow-up)",
            ),
        };
        let h = header(None);
        assert!(h.contains(first), "{h}");
        let h = header(Some("earlier.toml"));
        assert!(h.contains(follow_up) && !h.contains(first), "{h}");
        // A title that says nothing of a first visit: the header adds that this is a follow-up.
        let f = Fixture::new();
        let (app, _, _) = revisited(&f, lang);
        let h = draw(&app, 140, 24).lines().next().unwrap().to_string();
        let said = match lang {
            Lang::Zh => " · 回访",
            Lang::En => " · follow-up",
        };
        assert!(h.contains(said), "{h}");
    }
}

/// The home screen of a workspace holding the first visit, with a second questionnaire
/// (the pre-visit fixture) offered before the feature questionnaire; the earlier visit's
/// path and bytes.
fn home_with_two_questionnaires(f: &Fixture, lang: Lang) -> (App, std::path::PathBuf, Vec<u8>) {
    let earlier = first_visit(f, lang);
    let bytes = std::fs::read(&earlier).unwrap();
    let mut app = f.home(lang);
    let other = std::path::Path::new("tests/fixtures/questionnaires/previsit.toml");
    app.catalog
        .add_first(dmat::store::LoadedQuestionnaire::load(other).unwrap());
    (app, earlier, bytes)
}

/// The assessment files of the workspace.
fn visits(f: &Fixture) -> usize {
    f.ws.assessment_files().len()
}

#[test]
fn v_opens_a_form_on_last_visits_questionnaire_and_todays_date() {
    for lang in [Lang::Zh, Lang::En] {
        let f = Fixture::new();
        let (mut app, _, _) = home_with_two_questionnaires(&f, lang);
        typed(&mut app, "v");
        assert_eq!(app.screen, Screen::New);
        let form = app.form.as_ref().unwrap();
        // The other is listed first; the cursor is on the earlier visit's questionnaire.
        assert_eq!(form.choices[0].questionnaire.id, "previsit");
        assert_eq!(form.choices[form.cursor].questionnaire.id, "features");
        snap("follow-up-form-choose", lang, &app);
        typed(&mut app, "\n");
        let form = app.form.as_ref().unwrap();
        assert_eq!(form.date.lines().join(""), "2026-11-27");
        let screen = draw(&app, 80, 24);
        let start = match lang {
            Lang::Zh => "Enter 开始回访",
            Lang::En => "Enter Start follow-up",
        };
        assert!(screen.contains(start), "{screen}");
        assert!(!screen.contains("开始访谈") && !screen.contains("start the interview"));
        snap("follow-up-form-date", lang, &app);
    }
}

#[test]
fn esc_cancels_the_follow_up_form_and_nothing_is_written() {
    let f = Fixture::new();
    let (mut app, earlier, bytes) = home_with_two_questionnaires(&f, Lang::En);
    typed(&mut app, "v\n");
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.screen,
        Screen::New,
        "Esc goes back to the questionnaires"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Home);
    assert!(app.form.is_none());
    assert_eq!(visits(&f), 1);
    assert_eq!(std::fs::read(&earlier).unwrap(), bytes);
}

#[test]
fn a_date_before_the_earlier_visit_is_refused_with_the_reason() {
    for lang in [Lang::Zh, Lang::En] {
        let f = Fixture::new();
        let (mut app, earlier, _) = home_with_two_questionnaires(&f, lang);
        typed(&mut app, "v\n");
        for _ in 0..10 {
            press(&mut app, KeyCode::Backspace);
        }
        typed(&mut app, "2026-05-12\n");
        assert_eq!(app.screen, Screen::New);
        let said = match lang {
            Lang::Zh => "回访日期 2026-05-12 早于上次走访的日期 2026-11-27",
            Lang::En => "The follow-up's date 2026-05-12 is before the last visit's, 2026-11-27",
        };
        assert!(
            flat(&draw(&app, 80, 24)).contains(said),
            "{}",
            draw(&app, 80, 24)
        );
        assert_eq!(visits(&f), 1, "nothing is written");
        // Not a date at all.
        for _ in 0..10 {
            press(&mut app, KeyCode::Backspace);
        }
        typed(&mut app, "soon\n");
        assert_eq!(app.screen, Screen::New);
        assert!(draw(&app, 80, 24).contains("soon"));
        // A later date begins the follow-up on it.
        for _ in 0..4 {
            press(&mut app, KeyCode::Backspace);
        }
        typed(&mut app, "2026-12-01\n");
        assert_eq!(app.screen, Screen::Interview);
        let a = saved(&app);
        assert_eq!(
            a.visit.date.map(|d| d.to_string()).as_deref(),
            Some("2026-12-01")
        );
        let name = earlier.file_name().unwrap().to_str().unwrap();
        assert_eq!(a.visit.previous.as_deref(), Some(name));
        assert_eq!(visits(&f), 2);
    }
}

#[test]
fn the_follow_up_takes_the_questionnaire_chosen_on_the_form() {
    let f = Fixture::new();
    let (mut app, earlier, bytes) = home_with_two_questionnaires(&f, Lang::En);
    typed(&mut app, "vk\n\n");
    assert_eq!(app.screen, Screen::Interview);
    let a = saved(&app);
    assert_eq!(a.questionnaire.id, "previsit");
    assert_eq!(a.firm.name, FIRM);
    assert!(a.visit.previous.is_some());
    assert_eq!(std::fs::read(&earlier).unwrap(), bytes);
}
