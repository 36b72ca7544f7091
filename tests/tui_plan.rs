//! The plan screen as a person uses it: from the summary, `p` lists the plan by horizon and
//! the options left for later; each action is agreed or declined with a reason, moved to
//! another horizon, given an owner, a due date and a note, and the firm adds its own; every
//! change is in the file before the next key.

mod tui_common;

use std::path::Path;
use std::sync::Arc;

use crossterm::event::KeyCode;
use dmat::i18n::Lang;
use dmat::model::{Decision, Horizon, Status};
use dmat::store::{Catalog, LoadedQuestionnaire};
use dmat::tui::app::Screen;
use dmat::tui::screens::plan::{PLAN, PlanCommand, rows};
use dmat::tui::{App, Session, Theme};
use tui_common::*;

const POLICY: &str = "tests/fixtures/questionnaires/policy.toml";
const SIZES: [(u16, u16); 2] = [(80, 24), (140, 40)];

fn policy(f: &Fixture, lang: Lang) -> App {
    let loaded = Arc::new(LoadedQuestionnaire::load(Path::new(POLICY)).unwrap());
    let session = Session::start(&f.ws, loaded, FIRM, date()).unwrap();
    let mut catalog = Catalog::default();
    catalog.add_first(LoadedQuestionnaire::load(Path::new(POLICY)).unwrap());
    App::interview(session, f.ws.clone(), catalog, lang, Theme::plain())
}

/// A weak firm: a full plan and options left for later; its plan screen open.
fn weak_plan(f: &Fixture, lang: Lang) -> App {
    let mut app = policy(f, lang);
    typed(&mut app, "n11"); // CNC: none; automation: manual
    typed(&mut app, "1"); // ERP: paper
    typed(&mut app, "1\n"); // tools: none of these
    typed(&mut app, "1"); // inspection: by eye
    typed(&mut app, "9\n"); // scrap 9 %
    typed(&mut app, "1"); // backups: none
    assert_eq!(app.screen, Screen::Summary);
    typed(&mut app, "p");
    assert_eq!(app.screen, Screen::Plan);
    app
}

fn snap(name: &str, lang: Lang, app: &App) {
    redacted().bind(|| {
        for (w, h) in SIZES {
            let name = format!("{name}-{}-{w}x{h}", lang.code());
            insta::assert_snapshot!(name, draw(app, w, h));
        }
    });
}

/// The screen's words, whatever lines they were wrapped into.
fn flat(screen: &str) -> String {
    screen.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn ids(app: &App) -> Vec<(String, Option<Horizon>)> {
    let s = app.visit.session.as_ref().unwrap();
    rows(s).into_iter().map(|r| (r.id, r.horizon)).collect()
}

#[test]
fn the_plan_lists_every_horizon_then_the_later_options() {
    let f = Fixture::new();
    let app = weak_plan(&f, Lang::En);
    let s = app.visit.session.as_ref().unwrap();
    let e = &s.evaluation;
    let listed = ids(&app);
    let planned: Vec<(String, Option<Horizon>)> = e
        .plan
        .planned()
        .map(|(h, i)| (e.recommendation(s.q(), i).id.clone(), Some(h)))
        .chain(
            e.plan
                .later
                .iter()
                .map(|&i| (e.recommendation(s.q(), i).id.clone(), None)),
        )
        .collect();
    assert_eq!(listed, planned, "rule 9's order, later last");
    assert!(
        !e.plan.later.is_empty(),
        "the fixture leaves some for later"
    );
    let screen = draw(&app, 80, 24);
    for heading in ["Short term", "Medium term", "Long term"] {
        assert!(screen.contains(heading), "{heading}\n{screen}");
    }
    assert!(screen.contains("proposed"), "{screen}");
}

#[test]
fn agreeing_declining_owner_due_and_note_are_saved_at_once() {
    let f = Fixture::new();
    let mut app = weak_plan(&f, Lang::En);
    let first = ids(&app)[0].0.clone();
    let second = ids(&app)[1].0.clone();
    let third = ids(&app)[2].0.clone();
    typed(&mut app, "a");
    assert_eq!(saved(&app).plan[&first].decision, Some(Decision::Agreed));
    typed(&mut app, "o王建国");
    assert_eq!(
        saved(&app).plan[&first].owner.as_deref(),
        Some("王建国"),
        "an owner is saved as it is typed"
    );
    typed(&mut app, "\nt2027/6/30\n");
    assert_eq!(
        saved(&app).plan[&first]
            .due
            .map(|d| d.to_string())
            .as_deref(),
        Some("2027-06-30")
    );
    // A due date that is not a date is refused, and the editor stays open.
    typed(&mut app, "tsoon\n");
    assert!(app.visit.plan.editor.is_some());
    assert!(flat(&draw(&app, 80, 24)).contains("soon” is not a date"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        saved(&app).plan[&first]
            .due
            .map(|d| d.to_string())
            .as_deref(),
        Some("2027-06-30"),
        "Esc keeps the date as it was"
    );
    typed(&mut app, "jdno budget this year\n");
    let plan = saved(&app).plan;
    assert_eq!(plan[&second].decision, Some(Decision::Declined));
    assert_eq!(plan[&second].note.as_deref(), Some("no budget this year"));
    typed(&mut app, "d");
    assert_eq!(
        saved(&app).plan[&second].decision,
        None,
        "d again: proposed"
    );
    typed(&mut app, "d\n");
    typed(&mut app, "jaa");
    assert!(
        !saved(&app).plan.contains_key(&third),
        "a twice: proposed, and an empty entry is not kept"
    );
    typed(&mut app, "enote typed");
    assert_eq!(saved(&app).plan[&third].note.as_deref(), Some("note typed"));
    press(&mut app, KeyCode::Esc);
    assert!(
        !saved(&app).plan.contains_key(&third),
        "Esc undoes the note"
    );
}

#[test]
fn moving_an_action_to_another_horizon_keeps_the_cursor_on_it() {
    let f = Fixture::new();
    let mut app = weak_plan(&f, Lang::En);
    let (first, planned) = ids(&app)[0].clone();
    assert_eq!(planned, Some(Horizon::Short));
    typed(&mut app, "m");
    assert_eq!(saved(&app).plan[&first].horizon, Some(Horizon::Medium));
    let s = app.visit.session.as_ref().unwrap();
    assert_eq!(
        rows(s)[app.visit.plan.cursor].id,
        first,
        "the cursor follows it"
    );
    assert!(draw(&app, 140, 40).contains("moved from the short term"));
    typed(&mut app, "mm");
    assert!(
        !saved(&app).plan.contains_key(&first),
        "back in its own horizon: nothing to keep"
    );
}

#[test]
fn the_firm_adds_and_removes_its_own_action() {
    let f = Fixture::new();
    let mut app = weak_plan(&f, Lang::Zh);
    typed(&mut app, "n\n");
    assert!(app.visit.plan.editor.is_some(), "a name is needed");
    typed(&mut app, "整理设备台账\n");
    let plan = saved(&app).plan;
    let own = &plan["own-1"];
    assert_eq!(own.title.as_deref(), Some("整理设备台账"));
    assert_eq!(own.decision, Some(Decision::Agreed));
    assert_eq!(own.horizon, Some(Horizon::Short));
    let s = app.visit.session.as_ref().unwrap();
    assert_eq!(rows(s)[app.visit.plan.cursor].id, "own-1");
    assert!(draw(&app, 80, 24).contains("整理设备台账（企业自拟）"));
    typed(&mut app, "x");
    assert!(saved(&app).plan.is_empty());
    typed(&mut app, "x");
    assert!(saved(&app).plan.is_empty(), "x removes only the firm's own");
}

#[test]
fn the_plan_of_a_completed_visit_is_edited_and_saved_and_the_visit_stays_complete() {
    let f = Fixture::new();
    let mut app = weak_plan(&f, Lang::En);
    let first = ids(&app)[0].0.clone();
    let second = ids(&app)[1].0.clone();
    typed(&mut app, "a");
    press(&mut app, KeyCode::Esc);
    typed(&mut app, "c");
    assert_eq!(saved(&app).visit.status, Status::Complete);
    typed(&mut app, "p");
    // Decisions change no score: the plan takes them, each saved at once like an answer.
    typed(&mut app, "o王建国\n");
    typed(&mut app, "jdno budget this year\n");
    typed(&mut app, "m");
    let file = saved(&app);
    assert_eq!(file.visit.status, Status::Complete, "still complete");
    assert_eq!(file.plan[&first].decision, Some(Decision::Agreed));
    assert_eq!(file.plan[&first].owner.as_deref(), Some("王建国"));
    assert_eq!(file.plan[&second].decision, Some(Decision::Declined));
    assert_eq!(
        file.plan[&second].note.as_deref(),
        Some("no budget this year")
    );
    assert_eq!(file.plan[&second].horizon, Some(Horizon::Medium));
    assert!(app.visit.session.as_ref().unwrap().is_complete());
    let screen = flat(&draw(&app, 80, 24));
    assert!(!screen.contains("read-only"), "{screen}");
}

#[test]
fn every_plan_key_is_documented_in_both_languages() {
    assert_eq!(
        dmat::tui::bindings::problems(PLAN, PlanCommand::ALL),
        Vec::<String>::new()
    );
}

#[test]
fn plan_screen_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        let f = Fixture::new();
        let mut app = weak_plan(&f, lang);
        typed(&mut app, "ao王建国\nt2027-06-30\n");
        typed(&mut app, "jd资金不足，明年再议\n");
        typed(&mut app, "jm");
        typed(&mut app, "n整理设备台账\nk");
        snap("plan", lang, &app);
        typed(&mut app, "e");
        snap("plan-editing", lang, &app);
    }
}

#[test]
fn a_due_date_outside_its_horizon_is_kept_and_said() {
    for lang in [Lang::En, Lang::Zh] {
        let f = Fixture::new();
        let mut app = weak_plan(&f, lang);
        let first = ids(&app)[0].0.clone();
        // The register, in the short term (0–6 months from 2026-11-27): due in 14 months.
        typed(&mut app, "t2028-01-31\n");
        assert!(app.visit.plan.editor.is_none(), "accepted, not refused");
        assert_eq!(
            saved(&app).plan[&first]
                .due
                .map(|d| d.to_string())
                .as_deref(),
            Some("2028-01-31")
        );
        let said = match lang {
            Lang::En => "due 2028-01-31 lies outside the short term (2026-11-27 to 2027-05-27)",
            Lang::Zh => "期限2028-01-31不在近期（2026-11-27至2027-05-27）之内",
        };
        let screen = draw(&app, 140, 40);
        assert_eq!(
            flat(&screen).matches(said).count(),
            2,
            "under the action and on the footer: {screen}"
        );
        if lang == Lang::Zh {
            snap("plan-due-outside", lang, &app);
        }
        // Moved to the medium term (6–18 months), the date fits: nothing more is said.
        typed(&mut app, "m");
        assert!(!flat(&draw(&app, 140, 40)).contains("2026-11-27"));
        // A date inside its window says nothing either (the editor opens on the date kept).
        typed(&mut app, "t");
        for _ in 0.."2028-01-31".len() {
            press(&mut app, KeyCode::Backspace);
        }
        typed(&mut app, "2027-12-31\n");
        assert!(app.visit.plan.editor.is_none());
        let screen = flat(&draw(&app, 140, 40));
        assert!(screen.contains("2027-12-31"), "{screen}");
        assert!(!screen.contains("2028-05-27"), "{screen}");
        if lang == Lang::En {
            typed(&mut app, "m");
            snap("plan-due-outside", lang, &app);
        }
    }
}
