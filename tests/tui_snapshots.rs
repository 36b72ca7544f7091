//! Snapshots of every screen drawn into a `TestBackend`, at 80×24, 140×40 and 200×60, in Chinese and
//! English, on the feature questionnaire of the fixtures (and one with long texts), so that
//! they do not change when the bundled questionnaires do.

mod tui_common;

use std::path::Path;
use std::sync::Arc;

use crossterm::event::KeyCode;
use dmat::i18n::Lang;
use dmat::store::{Catalog, LoadedQuestionnaire};
use dmat::tui::screens::home::Loading;
use dmat::tui::{App, Session, Theme};
use tui_common::*;

const SIZES: [(u16, u16); 3] = [(80, 24), (140, 40), (200, 60)];
const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

/// Snapshots an app at both sizes; temporary paths are redacted.
fn snap(name: &str, lang: Lang, app: &App) {
    redacted().bind(|| {
        for (w, h) in SIZES {
            let name = format!("{name}-{}-{w}x{h}", lang.code());
            insta::assert_snapshot!(name, draw(app, w, h));
        }
    });
}

/// The feature interview with the profile filled in and a few questions answered.
fn under_way(f: &Fixture, lang: Lang) -> App {
    let mut app = f.interview(lang);
    typed(&mut app, "140\n");
    typed(&mut app, "\n离心风机、轴流风机\n");
    typed(&mut app, "2003-05-18\n");
    typed(&mut app, "2"); // has CNC: yes
    typed(&mut app, "45\n"); // CNC share
    typed(&mut app, "23\n"); // automation: PLC, servo
    app
}

#[test]
fn interview_profile_page() {
    for lang in LANGS {
        let f = Fixture::new();
        let app = f.interview(lang);
        snap("interview-profile", lang, &app);
    }
}

#[test]
fn interview_single_choice_with_note() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = under_way(&f, lang);
        typed(&mut app, ":has-cnc\n");
        typed(
            &mut app,
            "e车间有三台数控车床，一台加工中心，2019 年购入。\n",
        );
        snap("interview-single", lang, &app);
    }
}

#[test]
fn interview_multi_choice() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = under_way(&f, lang);
        typed(&mut app, ":automation\n");
        snap("interview-multi", lang, &app);
    }
}

#[test]
fn interview_number_being_edited() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = under_way(&f, lang);
        typed(&mut app, ":training\n");
        typed(&mut app, "3.5");
        snap("interview-number-editing", lang, &app);
    }
}

#[test]
fn interview_skipped_question() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = under_way(&f, lang);
        typed(&mut app, ":mes-link\n");
        snap("interview-skipped", lang, &app);
    }
}

#[test]
fn interview_jump_list() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = under_way(&f, lang);
        typed(&mut app, "J");
        snap("interview-jump", lang, &app);
    }
}

#[test]
fn interview_long_chinese_text() {
    let path = Path::new("tests/fixtures/questionnaires/long-text.toml");
    for lang in LANGS {
        let f = Fixture::new();
        let q = Arc::new(LoadedQuestionnaire::load(path).unwrap());
        let session = Session::start(&f.ws, q, "淄博市周村区某不锈钢制品有限公司", date()).unwrap();
        let mut catalog = Catalog::default();
        catalog.add_first(LoadedQuestionnaire::load(path).unwrap());
        let mut app = App::interview(session, f.ws.clone(), catalog, lang, Theme::plain());
        typed(
            &mut app,
            "e关键设备二〇一九年后购入的都带传感器，但只有两台接入了车间看板。",
        );
        press(&mut app, KeyCode::Enter);
        snap("interview-long-text", lang, &app);
    }
}

#[test]
fn summary_screen() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = under_way(&f, lang);
        typed(&mut app, "12\n"); // systems: none, ERP
        typed(&mut app, "1\n"); // practices: output counted
        typed(&mut app, "s");
        typed(&mut app, "e先建立产量与停机记录，再考虑 MES。\n");
        snap("summary", lang, &app);
    }
}

#[test]
fn help_screen() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = f.interview(lang);
        typed(&mut app, "?");
        snap("help-interview", lang, &app);
    }
}

#[test]
fn home_screens() {
    for lang in LANGS {
        let f = Fixture::new();
        let app = f.home(lang);
        snap("home-empty", lang, &app);
        let mut a = under_way(&f, lang);
        typed(&mut a, "s");
        typed(&mut a, "c");
        drop(a);
        let mut b = f.interview(lang);
        b.visit.session.as_mut().unwrap().assessment.firm.name =
            "Zibo \u{1b}[31mMotors\u{7} Co., Ltd.".into();
        typed(&mut b, "2");
        drop(b);
        let mut app = f.home(lang);
        typed(&mut app, " ");
        snap("home-list", lang, &app);
        typed(&mut app, "/zibo");
        snap("home-filter", lang, &app);
    }
}

#[test]
fn home_while_reading() {
    for lang in LANGS {
        let f = Fixture::new();
        f.cohort();
        let mut app = f.home(lang);
        let rows = app.home.as_ref().unwrap().rows.clone();
        assert_eq!(rows.len(), 6);
        // The workspace is read again in the background: two rows have come so far.
        let (loading, batches) = Loading::new(rows.len());
        app.home.as_mut().unwrap().loading = Some(loading);
        batches.send(rows[..2].to_vec()).unwrap();
        assert!(app.take_loaded());
        assert!(app.loading());
        snap("home-reading", lang, &app);
        // Keys work meanwhile: the cursor moves, the filter opens.
        press(&mut app, KeyCode::Down);
        assert_eq!(app.home.as_ref().unwrap().cursor, 1);
        typed(&mut app, "/");
        assert!(app.home.as_ref().unwrap().filter_input.is_some());
        press(&mut app, KeyCode::Esc);
        // The rest comes; the reading ends with the last batch, the cursor on its row.
        let at = app.home.as_ref().unwrap().rows[1].path.clone();
        batches.send(rows[2..].to_vec()).unwrap();
        drop(batches);
        assert!(app.take_loaded());
        assert!(!app.loading());
        let h = app.home.as_ref().unwrap();
        assert_eq!(h.rows.len(), 6);
        assert_eq!(h.rows[h.cursor].path, at);
        assert!(
            !draw(&app, 80, 24).contains("reading") && !draw(&app, 80, 24).contains("正在读取")
        );
    }
}

#[test]
fn new_interview_form() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = f.home(lang);
        typed(&mut app, "n");
        snap("new-choose", lang, &app);
        typed(&mut app, "\n淄博某风机有限公司");
        snap("new-name", lang, &app);
    }
}

#[test]
fn too_small() {
    for lang in LANGS {
        let f = Fixture::new();
        let app = f.interview(lang);
        let name = format!("too-small-{}", lang.code());
        insta::with_settings!({prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!(name, draw(&app, 59, 17));
        });
    }
}

// ---------------------------------------------------------------- comparison

#[test]
fn compare_firms_table() {
    for lang in LANGS {
        let f = Fixture::new();
        let app = f.comparison(lang);
        snap("compare-firms", lang, &app);
    }
}

#[test]
fn compare_sorted_and_filtered() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = f.comparison(lang);
        // Choose the data dimension's column and sort by it, lowest first after a second o.
        typed(&mut app, "lllllloo");
        // Filter: the industry field, fans and motors ticked.
        typed(&mut app, "f");
        snap("compare-filter-fields", lang, &app);
        typed(&mut app, "\n");
        snap("compare-filter-window", lang, &app);
        typed(&mut app, "j  \n");
        typed(&mut app, "j");
        snap("compare-sorted-filtered", lang, &app);
    }
}

#[test]
fn compare_progress_of_a_revisited_firm() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = f.comparison(lang);
        press(&mut app, KeyCode::Tab);
        snap("compare-progress", lang, &app);
    }
}

#[test]
fn compare_cohort_view() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = f.comparison(lang);
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        snap("compare-cohort", lang, &app);
    }
}

#[test]
fn compare_opens_a_firms_summary_and_help() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = f.comparison(lang);
        typed(&mut app, "?");
        snap("help-compare", lang, &app);
        typed(&mut app, "?");
        press(&mut app, KeyCode::Enter);
        snap("compare-summary", lang, &app);
    }
}

#[test]
fn interview_text_page() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = under_way(&f, lang);
        typed(&mut app, ":remarks\n");
        snap("interview-text", lang, &app);
    }
}

/// An interview on a questionnaire with a pre-visit part: the chain leader of 12 people whose
/// form gave a CNC share of 60% while the expert sees manual processes.
fn contradicted(f: &Fixture, lang: Lang) -> App {
    let path = Path::new("tests/fixtures/questionnaires/previsit.toml");
    let q = Arc::new(LoadedQuestionnaire::load(path).unwrap());
    let mut session = Session::start(&f.ws, q, FIRM, date()).unwrap();
    let a = &mut session.assessment;
    a.profile
        .insert("chain-leader".into(), toml::Value::String("yes".into()));
    a.profile
        .insert("employees".into(), toml::Value::Integer(12));
    a.set_response("cnc-share", Some(dmat::model::Response::Value(60.0)));
    a.set_response(
        "process-automation",
        Some(dmat::model::Response::Choice("manual".into())),
    );
    session.rescore();
    let mut catalog = Catalog::default();
    catalog.add_first(LoadedQuestionnaire::load(path).unwrap());
    App::interview(session, f.ws.clone(), catalog, lang, Theme::plain())
}

#[test]
fn interview_shows_pre_visit_answers_and_the_checks_beside_them() {
    for lang in LANGS {
        let f = Fixture::new();
        let mut app = contradicted(&f, lang);
        // A profile field from the form, named by a check that holds.
        typed(&mut app, ":employees\n");
        snap("interview-previsit-check", lang, &app);
        // A question seen on site, contradicting a figure of the form.
        typed(&mut app, ":process\n");
        snap("interview-check-on-site", lang, &app);
    }
}
