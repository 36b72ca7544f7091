//! The interview's summary as the one evaluation has it: the standing (the gate that holds the
//! firm, or why the result is provisional), the verdict, the projection and the plan by
//! horizon with the options left for later, every part of it reachable at 80×24 by scrolling.

mod tui_common;

use std::path::Path;
use std::sync::Arc;

use crossterm::event::KeyCode;
use dmat::evaluation::explain;
use dmat::i18n::{Lang, PlanWords};
use dmat::model::Horizon;
use dmat::store::{Catalog, LoadedQuestionnaire};
use dmat::tui::app::Screen;
use dmat::tui::{App, Session, Theme};
use tui_common::*;

const POLICY: &str = "tests/fixtures/questionnaires/policy.toml";

fn policy(f: &Fixture, lang: Lang) -> App {
    let loaded = Arc::new(LoadedQuestionnaire::load(Path::new(POLICY)).unwrap());
    let session = Session::start(&f.ws, loaded, FIRM, date()).unwrap();
    let mut catalog = Catalog::default();
    catalog.add_first(LoadedQuestionnaire::load(Path::new(POLICY)).unwrap());
    App::interview(session, f.ws.clone(), catalog, lang, Theme::plain())
}

/// A firm whose overall score reaches 3.0 while its systems (2.0) do not reach the gate's
/// 2.75: held at 2.5 by its systems.
fn held(f: &Fixture, lang: Lang) -> App {
    let mut app = policy(f, lang);
    typed(&mut app, "n"); // past the profile
    typed(&mut app, "33"); // CNC: most; automation: lines
    typed(&mut app, "1"); // ERP: paper
    typed(&mut app, "1\n"); // tools: none of these
    typed(&mut app, "3"); // inspection: in-line
    typed(&mut app, "1\n"); // scrap 1 %
    typed(&mut app, "2"); // backups: offline
    assert_eq!(app.screen, Screen::Summary);
    app
}

/// Words as a person reads them, whatever the lines they were wrapped into: every line's
/// text after the sidebar-free margin, joined, spaces collapsed.
fn words(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim_end_matches(['█', '║', '▲', '▼', ' ']).trim())
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every frame of the summary at `w`×`h`, from the top to the end, a page at a time.
fn pages(app: &mut App, w: u16, h: u16) -> Vec<String> {
    press(app, KeyCode::Home);
    let mut out = vec![draw(app, w, h)];
    for _ in 0..40 {
        press(app, KeyCode::PageDown);
        let next = draw(app, w, h);
        if out.last() == Some(&next) {
            break;
        }
        out.push(next);
    }
    out
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A firm with the weakest answer everywhere: many actions apply, more than the plan holds.
fn weak(f: &Fixture, lang: Lang) -> App {
    let mut app = policy(f, lang);
    typed(&mut app, "n11"); // CNC: none; automation: manual
    typed(&mut app, "1"); // ERP: paper
    typed(&mut app, "1\n"); // tools: none of these
    typed(&mut app, "1"); // inspection: by eye
    typed(&mut app, "9\n"); // scrap 9 %
    typed(&mut app, "1"); // backups: none
    assert_eq!(app.screen, Screen::Summary);
    app
}

#[test]
fn the_summary_shows_the_standing_the_verdict_the_projection_and_the_plan_by_horizon() {
    for lang in [Lang::Zh, Lang::En] {
        let f = Fixture::new();
        let app = held(&f, lang);
        assert!(
            !app.visit
                .session
                .as_ref()
                .unwrap()
                .evaluation
                .card
                .held_by
                .is_empty()
        );
        shows_the_evaluation(app, lang);
        let f = Fixture::new();
        let app = weak(&f, lang);
        let e = &app.visit.session.as_ref().unwrap().evaluation;
        assert!(!e.plan.later.is_empty(), "options are left for later");
        shows_the_evaluation(app, lang);
    }
}

/// Every part of the evaluation shows somewhere on the summary at 80×24, scrolled a page at a
/// time.
fn shows_the_evaluation(mut app: App, lang: Lang) {
    {
        let s = app.visit.session.as_ref().unwrap();
        let q = s.q().clone();
        let e = s.evaluation.clone();
        let all = pages(&mut app, 80, 24)
            .iter()
            .map(|p| words(p))
            .collect::<Vec<_>>()
            .join(" ");
        // Chinese wraps between characters: compare without spaces there.
        let seen = |text: &str| match lang {
            Lang::Zh => all.replace(' ', "").contains(&text.replace(' ', "")),
            Lang::En => all.contains(&flat(text)),
        };
        if let Some(gate) = explain::gate(&q, &e, lang) {
            assert!(seen(&gate), "{gate}\n{all}");
        }
        let verdict = q.text(&e.verdict(&q).unwrap().title, lang.code());
        assert!(seen(verdict), "{verdict}");
        let (scores, stages) = explain::projection_path(&q, &e, lang);
        assert!(seen(&scores) && seen(&stages), "{scores} {stages}\n{all}");
        let pw = PlanWords::of(lang);
        for (name, h) in [
            (pw.horizon_short, Some(Horizon::Short)),
            (pw.horizon_medium, Some(Horizon::Medium)),
            (pw.horizon_long, Some(Horizon::Long)),
            (pw.later, None),
        ] {
            let actions = h.map_or(e.plan.later.as_slice(), |h| e.horizon(h));
            let head = format!("{name} ({})", actions.len());
            assert!(seen(&head), "{head}\n{all}");
            for &i in actions {
                let title = q.text(&e.recommendation(&q, i).title, lang.code());
                assert!(seen(title), "{title}\n{all}");
            }
        }
        // The horizons come in order, the later ones last.
        let at = |t: &str| all.replace(' ', "").find(&t.replace(' ', "")).unwrap();
        assert!(at(pw.horizon_short) < at(pw.horizon_medium));
        assert!(at(pw.horizon_medium) < at(pw.horizon_long));
        assert!(at(pw.horizon_long) < at(pw.later));
    }
}

#[test]
fn a_provisional_result_says_so_and_why_on_the_summary() {
    for lang in [Lang::Zh, Lang::En] {
        let f = Fixture::new();
        let mut app = policy(&f, lang);
        typed(&mut app, "n3s");
        let s = app.visit.session.as_ref().unwrap();
        assert!(s.evaluation.card.provisional);
        let why = explain::provisional(s.q(), &s.evaluation, lang).unwrap();
        let screen = words(&draw(&app, 80, 24));
        let squeeze = |t: &str| t.replace(' ', "");
        assert!(squeeze(&screen).contains(&squeeze(&why)), "{why}\n{screen}");
        let mark = PlanWords::of(lang).provisional;
        assert!(screen.contains(&format!("({mark})")), "{screen}");
    }
}

#[test]
fn the_summary_reads_the_sessions_evaluation_and_changes_only_with_the_answers() {
    let f = Fixture::new();
    let mut app = held(&f, Lang::En);
    let before = app.visit.session.as_ref().unwrap().evaluation.clone();
    let first = draw(&app, 80, 24);
    // Drawing and scrolling change nothing in the evaluation.
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::Home);
    assert_eq!(app.visit.session.as_ref().unwrap().evaluation, before);
    assert_eq!(draw(&app, 80, 24), first);
    // An answer changed on the interview is in the summary at once.
    typed(&mut app, "s:erp\n3s");
    assert_eq!(app.screen, Screen::Summary);
    let after = app.visit.session.as_ref().unwrap().evaluation.clone();
    assert_ne!(after, before);
    assert!(after.card.held_by.is_empty() || after.card.held_by != before.card.held_by);
}

/// Snapshots of a summary at 80×24 and 200×60, and at 80×24 a page on (where the plan is),
/// in both languages.
fn summary_snapshots(name: &str, build: fn(&Fixture, Lang) -> App) {
    redacted().bind(|| {
        for lang in [Lang::Zh, Lang::En] {
            let f = Fixture::new();
            let mut app = build(&f, lang);
            for (w, h) in [(80, 24), (200, 60)] {
                let name = format!("{name}-{}-{w}x{h}", lang.code());
                insta::assert_snapshot!(name, draw(&app, w, h));
            }
            // At 80×24 the plan is further down: a page on.
            draw(&app, 80, 24);
            press(&mut app, KeyCode::PageDown);
            let name = format!("{name}-scrolled-{}-80x24", lang.code());
            insta::assert_snapshot!(name, draw(&app, 80, 24));
        }
    });
}

#[test]
fn summary_of_a_held_firm_with_its_plan() {
    summary_snapshots("summary-plan", held);
}

/// Every word of the summary at 80×24, read a page at a time, white space removed.
fn read_through(app: &mut App) -> String {
    let all: Vec<String> = pages(app, 80, 24).iter().map(|p| words(p)).collect();
    all.join("").split_whitespace().collect()
}

/// The weak firm's plan decided on the plan screen: the ERP declined with a reason, the
/// register agreed, the 3D CAD (left for later by rule 9) moved into the short term, an
/// action of the firm's own added; then back on the summary.
fn decided(f: &Fixture, lang: Lang) -> App {
    let mut app = weak(f, lang);
    typed(&mut app, "p");
    assert_eq!(app.screen, Screen::Plan);
    typed(&mut app, "a"); // the register: agreed
    typed(&mut app, "jdno budget this year\n"); // the ERP: declined
    typed(&mut app, "jjjj"); // on the 3D CAD, left for later
    typed(&mut app, "m"); // into the short term
    typed(&mut app, "n整理设备台账\n");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Summary);
    app
}

fn title(app: &App, id: &str, lang: Lang) -> String {
    let q = app.visit.session.as_ref().unwrap().q();
    let r = &q.recommendation[q.recommendation_index(id).unwrap()];
    q.text(&r.title, lang.code()).to_string()
}

#[test]
fn the_summary_shows_the_plan_and_its_projection_as_the_firm_decided_them() {
    for lang in [Lang::Zh, Lang::En] {
        let pw = PlanWords::of(lang);
        let squeeze = |t: &str| t.split_whitespace().collect::<String>();
        let f = Fixture::new();
        let mut app = weak(&f, lang);
        let recommended = {
            let s = app.visit.session.as_ref().unwrap();
            explain::projection_path(s.q(), &s.evaluation, lang)
        };
        let all = read_through(&mut app);
        assert!(all.contains(&squeeze(&recommended.0)), "{all}");
        assert!(all.contains(&squeeze(pw.if_all_carried_out)), "{all}");
        assert!(!all.contains(&squeeze(pw.with_agreed_plan)), "{all}");

        let mut app = decided(&f, lang);
        let all = read_through(&mut app);
        let s = app.visit.session.as_ref().unwrap();
        let (scores, stages, label) = explain::decided_path(s.q(), &s.evaluation, lang);
        assert_eq!(label, pw.with_agreed_plan);
        assert_ne!(
            scores, recommended.0,
            "declining the ERP changes what the plan brings"
        );
        assert!(all.contains(&squeeze(&scores)), "{scores}\n{all}");
        assert!(all.contains(&squeeze(&stages)), "{stages}\n{all}");
        assert!(all.contains(&squeeze(label)), "{all}");
        assert!(!all.contains(&squeeze(pw.if_all_carried_out)), "{all}");
        // Short holds the register and the CAD moved there; the ERP is among the declined,
        // with its reason; the firm's own action has a section of its own.
        let at = |t: &str| {
            all.find(&squeeze(t))
                .unwrap_or_else(|| panic!("{t}\n{all}"))
        };
        let short = at(&format!("{} (2)", pw.horizon_short));
        let medium = at(&format!("{} (2)", pw.horizon_medium));
        let later = at(&format!("{} (3)", pw.later));
        let own = at(&format!("{} (1)", pw.own_actions));
        let declined = at(&format!("{} (1)", pw.declined_actions));
        assert!(short < at(&title(&app, "register", lang)));
        assert!(at(&title(&app, "cad", lang)) < medium, "moved into short");
        assert!(later < own && own < at("整理设备台账") && own < declined);
        assert!(declined < at(&title(&app, "erp-basic", lang)), "{all}");
        assert!(at("no budget this year") > declined);
    }
}

#[test]
fn summary_of_a_decided_plan() {
    summary_snapshots("summary-decided", decided);
}
