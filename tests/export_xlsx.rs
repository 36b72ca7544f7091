//! `dmat export --format xlsx`: the workbook read back with calamine — sheet names, headers,
//! numbers as numbers, Chinese text, the long sheet's notes and the cohort sheet's counts.

mod common;

use common::dmat;

use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx, open_workbook};

const COHORT: &str = "tests/fixtures/cohort";
const FEATURES: &str = "tests/fixtures/questionnaires/features.toml";

/// Exports the cohort in `lang` to a workbook and opens it.
fn workbook(lang: &str, dir: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    let path = dir.join("cards.xlsx");
    let out = dmat(dir)
        .args([
            "--lang",
            lang,
            "export",
            COHORT,
            "--questionnaire",
            FEATURES,
        ])
        .args(["--format", "xlsx", "--labels", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    open_workbook(&path).unwrap()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The row (as cells) whose first cell ends with `first`.
fn row_of<'a>(range: &'a Range<Data>, first: &str) -> &'a [Data] {
    range
        .rows()
        .find(|r| text(&r[0]).ends_with(first))
        .unwrap_or_else(|| panic!("no row starting with {first}"))
}

#[test]
fn workbook_holds_scorecards_answers_and_cohort_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = workbook("zh", dir.path());
    assert_eq!(
        book.sheet_names(),
        ["评分卡", "答题明细", "行动计划", "群体"]
    );

    let cards = book.worksheet_range("评分卡").unwrap();
    let header: Vec<String> = cards.rows().next().unwrap().iter().map(text).collect();
    assert_eq!(
        header,
        [
            "file",
            "firm",
            "date",
            "assessor",
            "questionnaire",
            "version",
            "status",
            "completeness",
            "overall",
            "stage",
            "bottleneck",
            "equipment",
            "data",
            "talent",
            "green",
            "verdict",
            "projected_overall",
            "projected_stage"
        ]
    );
    assert_eq!(cards.height(), 7);
    let a = row_of(&cards, "a-huatai.toml");
    assert_eq!(a[1], Data::String("淄博华泰风机有限公司".into()));
    assert_eq!(a[3], Data::String("王建国".into()));
    assert_eq!(a[8], Data::Float(2.89), "scores are numbers");
    assert_eq!(a[12], Data::Float(3.06));
    let b = row_of(&cards, "b-formula.toml");
    // A string cell is never a formula in a workbook: the name is kept as written.
    assert_eq!(
        b[1],
        Data::String("=HYPERLINK(\"http://example.com\",\"x\")".into())
    );
    let c = row_of(&cards, "c-motors.toml");
    assert_eq!(c[7], Data::Float(0.75));
    assert_eq!(c[13], Data::Empty, "no talent score: an empty cell");

    let answers = book.worksheet_range("答题明细").unwrap();
    let header: Vec<String> = answers.rows().next().unwrap().iter().map(text).collect();
    assert_eq!(
        header,
        [
            "file",
            "firm",
            "date",
            "dimension",
            "question",
            "answer",
            "score",
            "weight",
            "note"
        ]
    );
    let has_cnc = answers
        .rows()
        .find(|r| text(&r[0]).ends_with("a-huatai.toml") && text(&r[4]) == "has-cnc")
        .unwrap();
    assert_eq!(has_cnc[5], Data::String("有".into()), "--labels in Chinese");
    assert_eq!(has_cnc[6], Data::Float(3.0));
    assert_eq!(
        has_cnc[8],
        Data::String("Saw 5 CNC lathes, \"Fanuc\", 2019;\ntwo idle.".into())
    );

    let cohort = book.worksheet_range("群体").unwrap();
    assert_eq!(cohort.get((0, 0)), Some(&Data::String("企业对比".into())));
    assert_eq!(text(&row_of(&cohort, "群体概览")[0]), "群体概览");
    // Firms by stage: 2.5 holds A and D (D counted once, with its latest visit).
    let stage = row_of(&cohort, "2.5");
    assert_eq!(stage[1], Data::String("工业2.5".into()));
    assert_eq!(stage[2], Data::Float(2.0));
    assert_eq!(stage[3], Data::Float(0.4));
    // Statistics: the overall row has five firms and a median of 2.89.
    let overall = row_of(&cohort, "总分");
    assert_eq!(overall[1], Data::Float(5.0));
    assert_eq!(overall[5], Data::Float(2.89));
    let support = row_of(&cohort, "供需对接活动");
    assert_eq!(support[1], Data::Float(2.0));
}

#[test]
fn a_workbook_needs_an_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dmat(dir.path())
        .args([
            "export",
            COHORT,
            "--questionnaire",
            FEATURES,
            "--format",
            "xlsx",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o OUT.xlsx"));
}

/// The data rows (below the header) of a sheet, as text.
fn data_rows(range: &Range<Data>) -> Vec<Vec<String>> {
    range
        .rows()
        .skip(1)
        .map(|r| r.iter().map(text).collect())
        .collect()
}

#[test]
fn a_table_longer_than_a_sheet_goes_on_in_a_further_sheet_with_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let mut whole = workbook("en", dir.path());
    let answers = data_rows(&whole.worksheet_range("Answers").unwrap());
    assert!(answers.len() > 20, "the cohort has enough answers to split");
    // Sheets of at most half the answers (and their header): the answers need two.
    let limit = answers.len() / 2 + 2;
    let path = dir.path().join("split.xlsx");
    let out = dmat(dir.path())
        .env("DMAT_SHEET_ROWS", limit.to_string())
        .args(["export", COHORT, "--questionnaire", FEATURES])
        .args(["--format", "xlsx", "--labels", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut split: Xlsx<_> = open_workbook(&path).unwrap();
    // The plan of the six visits is as long as half the answers: it goes on too.
    let plan = data_rows(&whole.worksheet_range("Plan").unwrap());
    assert!(plan.len() + 1 > limit);
    assert_eq!(
        split.sheet_names(),
        [
            "Scorecards",
            "Answers",
            "Answers (2)",
            "Plan",
            "Plan (2)",
            "Cohort"
        ]
    );
    let mut plan_rows = data_rows(&split.worksheet_range("Plan").unwrap());
    plan_rows.extend(data_rows(&split.worksheet_range("Plan (2)").unwrap()));
    assert_eq!(plan_rows, plan);
    let first = split.worksheet_range("Answers").unwrap();
    let second = split.worksheet_range("Answers (2)").unwrap();
    assert_eq!(first.height(), limit, "the first sheet is full");
    let header = |r: &Range<Data>| {
        r.rows()
            .next()
            .unwrap()
            .iter()
            .map(text)
            .collect::<Vec<_>>()
    };
    assert_eq!(header(&first), header(&second), "the header is repeated");
    assert_eq!(header(&first)[4], "question");
    let mut rows = data_rows(&first);
    rows.extend(data_rows(&second));
    assert_eq!(rows, answers, "every answer once, in the same order");

    // The first sheet says so above the scorecards, which keep their header and rows.
    let cards = split.worksheet_range("Scorecards").unwrap();
    let note = text(cards.get((0, 0)).unwrap());
    assert!(note.contains("1,048,576"), "{note}");
    assert!(note.ends_with("Answers (2), Plan (2)"), "{note}");
    let whole_cards = whole.worksheet_range("Scorecards").unwrap();
    let below: Vec<Vec<String>> = cards
        .rows()
        .skip(2)
        .map(|r| r.iter().map(text).collect())
        .collect();
    let expected: Vec<Vec<String>> = whole_cards
        .rows()
        .map(|r| r.iter().map(text).collect())
        .collect();
    assert_eq!(below, expected);
}

#[test]
fn a_text_longer_than_an_excel_cell_is_cut_to_fit_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let visits = dir.path().join("visits");
    std::fs::create_dir(&visits).unwrap();
    // A note of 40,000 characters, one of them outside the Basic Multilingual Plane (two
    // UTF-16 units, as Excel counts).
    let long = format!("𝄞{}", "长".repeat(39_999));
    let src = std::fs::read_to_string(format!("{COHORT}/b-formula.toml")).unwrap();
    let src = src.replace(
        "note = \"-all by hand, +2 workers\"",
        &format!("note = \"{long}\""),
    );
    assert!(src.contains(&long), "the fixture's note is replaced");
    std::fs::write(visits.join("b-formula.toml"), src).unwrap();
    let path = dir.path().join("cut.xlsx");
    let out = dmat(dir.path())
        .args(["export", path_str(&visits), "--questionnaire", FEATURES])
        .args(["--format", "xlsx", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("1 cell(s) held more text than the 32,767 characters"),
        "{stderr}"
    );
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let answers = book.worksheet_range("Answers").unwrap();
    let note = answers
        .rows()
        .map(|r| text(&r[8]))
        .find(|n| n.starts_with("𝄞"))
        .expect("the long note is in the answers sheet");
    assert_eq!(note.encode_utf16().count(), 32_767, "the cell is full");
    assert!(note.ends_with("长…"), "cut between characters, marked");
    assert!(long.starts_with(note.trim_end_matches('…')));

    // The CSV keeps the whole text.
    let csv = dmat(dir.path())
        .args([
            "export",
            "--long",
            path_str(&visits),
            "--questionnaire",
            FEATURES,
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&csv.stdout).contains(&long));
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_scorecard_wider_than_a_sheet_is_refused_with_the_reason_and_no_workbook_is_left() {
    // The questionnaire is in the workspace, so that it is found without --questionnaire too.
    let workspace = tempfile::tempdir().unwrap();
    std::fs::create_dir(workspace.path().join("questionnaires")).unwrap();
    std::fs::copy(
        FEATURES,
        workspace.path().join("questionnaires/features.toml"),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.xlsx");
    // Sheets of five columns: no scorecard fits (its fixed columns alone are more).
    let with_questionnaire = ["export", COHORT, "--questionnaire", FEATURES];
    let without: [&str; 2] = ["export", COHORT];
    for (args, lang) in [
        (&with_questionnaire[..], "en"),
        (&without[..], "en"),
        (&with_questionnaire[..], "zh"),
    ] {
        let out = dmat(workspace.path())
            .env("DMAT_SHEET_COLUMNS", "5")
            .args(args)
            .args(["--lang", lang, "--format", "xlsx", "-o"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        let said = if lang == "en" {
            "more than the 5 an Excel sheet holds: no workbook was written"
        } else {
            "超过 Excel 工作表可容纳的 5 列：未写出工作簿"
        };
        assert!(err.contains(said), "{err}");
        assert!(!path.exists(), "{args:?}");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");
    }
    // Where the questionnaire is given, nothing is read first: no file's warning is said.
    let out = dmat(workspace.path())
        .env("DMAT_SHEET_COLUMNS", "5")
        .args(with_questionnaire)
        .args(["--format", "xlsx", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
}
