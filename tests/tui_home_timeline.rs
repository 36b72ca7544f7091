//! The home screen groups a firm's visits into one timeline: the firms by their newest visit,
//! and each firm's earlier visits right under it, marked `└`, whatever the questionnaire.

mod tui_common;

use dmat::i18n::Lang;
use tui_common::*;

/// An assessment with one answer, made by an interview whose file is then removed.
fn one_answer(f: &Fixture) -> dmat::model::Assessment {
    let mut app = f.interview(Lang::Zh);
    typed(&mut app, "140\n");
    let base = saved(&app);
    let path = app.visit.session.as_ref().unwrap().path.clone();
    typed(&mut app, "q");
    drop(app);
    std::fs::remove_file(&path).unwrap();
    base
}

/// Three visits: the same firm (by its code, its name written with a space) in January and
/// May, and another firm in March between them; the file of the first interview is removed.
fn workspace(f: &Fixture) {
    let base = one_answer(f);
    let visit = |name: &str, code: Option<&str>, date: &str| {
        let mut a = base.clone();
        a.firm.name = name.into();
        a.firm.id = code.map(str::to_string);
        a.visit.date = date.parse().ok();
        a
    };
    let code = Some("91350100M000100Y43");
    f.write(
        "a-jan.toml",
        &visit("淄博华泰风机有限公司", code, "2026-01-10"),
    );
    f.write(
        "b-mar.toml",
        &visit("周村兴博电机有限公司", None, "2026-03-01"),
    );
    f.write(
        "a-may.toml",
        &visit("淄博华泰 风机有限公司", code, "2026-05-01"),
    );
}

#[test]
fn a_firms_visits_stand_together_newest_first_with_the_earlier_ones_marked() {
    let f = Fixture::new();
    workspace(&f);
    let app = f.home(Lang::Zh);
    let rows: Vec<String> = app
        .home
        .as_ref()
        .unwrap()
        .rows
        .iter()
        .map(|r| r.date.clone())
        .collect();
    assert_eq!(rows, ["2026-05-01", "2026-01-10", "2026-03-01"]);
    let screen = draw(&app, 100, 24);
    let lines: Vec<&str> = screen.lines().filter(|l| l.contains("2026-")).collect();
    assert_eq!(lines.len(), 3, "{screen}");
    assert!(
        !lines[0].contains('└') && lines[0].contains("2026-05-01"),
        "{screen}"
    );
    assert!(
        lines[1].contains("└ 淄博华泰风机") && lines[1].contains("2026-01-10"),
        "{screen}"
    );
    assert!(
        !lines[2].contains('└') && lines[2].contains("周村兴博"),
        "{screen}"
    );
    assert!(screen.contains("2 家企业"), "{screen}");
}

#[test]
fn a_filter_that_hides_the_newest_visit_leaves_the_earlier_one_unmarked() {
    let f = Fixture::new();
    workspace(&f);
    let mut app = f.home(Lang::En);
    typed(&mut app, "/2026-01\n");
    let screen = draw(&app, 100, 24);
    let line = screen
        .lines()
        .find(|l| l.contains("2026-01-10"))
        .unwrap_or_default();
    assert!(!line.contains('└'), "{screen}");
}

/// A follow-up made on the day of the visit it follows up is the newer one, although its file
/// name (`-2`) sorts before the first visit's.
#[test]
fn a_follow_up_of_the_same_day_stands_above_the_visit_it_follows_up() {
    let f = Fixture::new();
    let mut first = one_answer(&f);
    first.visit.date = "2026-12-02".parse().ok();
    let mut second = first.clone();
    second.visit.previous = Some("pump-2026-12-02.toml".into());
    f.write("pump-2026-12-02.toml", &first);
    f.write("pump-2026-12-02-2.toml", &second);
    let app = f.home(Lang::Zh);
    let files: Vec<String> = app
        .home
        .as_ref()
        .unwrap()
        .rows
        .iter()
        .map(|r| r.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["pump-2026-12-02-2.toml", "pump-2026-12-02.toml"]);
}
