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

#[test]
fn summary_of_a_held_firm_with_its_plan() {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"/[^\s]*/\.tmp[A-Za-z0-9]+", "[workspace]");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for lang in [Lang::Zh, Lang::En] {
            let f = Fixture::new();
            let mut app = held(&f, lang);
            for (w, h) in [(80, 24), (200, 60)] {
                let name = format!("summary-plan-{}-{w}x{h}", lang.code());
                insta::assert_snapshot!(name, draw(&app, w, h));
            }
            // At 80×24 the plan is further down: a page on.
            draw(&app, 80, 24);
            press(&mut app, KeyCode::PageDown);
            let name = format!("summary-plan-scrolled-{}-80x24", lang.code());
            insta::assert_snapshot!(name, draw(&app, 80, 24));
        }
    });
}
