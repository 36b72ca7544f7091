//! `dmat export` on the hand-made district cohort (`tests/fixtures/district`, questionnaire
//! `tests/fixtures/questionnaires/district.toml`): the verdict and the projection of the wide
//! scorecard, the plan export's rows and the workbook's plan sheet, against values made by hand
//! (see `src/compare/district_tests.rs` for the cohort).

mod common;

use common::dmat;

const DISTRICT: &str = "tests/fixtures/district";
const QUESTIONNAIRE: &str = "tests/fixtures/questionnaires/district.toml";

/// Runs `dmat export` on the cohort with extra arguments; returns standard output.
fn export(args: &[&str]) -> String {
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path())
        .args(["export", DISTRICT, "--questionnaire", QUESTIONNAIRE])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The header, and each row as (column → value) lookups.
fn read(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    (header, r.records().map(Result::unwrap).collect())
}

fn cell<'a>(header: &[String], row: &'a csv::StringRecord, col: &str) -> &'a str {
    let at = header.iter().position(|h| h == col).unwrap();
    &row[at]
}

#[test]
fn the_wide_scorecard_carries_the_verdict_and_the_projection_after_the_long_horizon() {
    let (header, rows) = read(&export(&[]));
    assert_eq!(
        header[header.len() - 3..],
        ["verdict", "projected_overall", "projected_stage"]
    );
    let of = |file: &str| -> Vec<&str> {
        let row = rows
            .iter()
            .find(|r| cell(&header, r, "file").ends_with(file))
            .unwrap();
        [
            "overall",
            "stage",
            "verdict",
            "projected_overall",
            "projected_stage",
        ]
        .iter()
        .map(|c| cell(&header, row, c))
        .collect()
    };
    // a-t0: cnc → some and erp → erp once the plan is done: (3 + 3.5) / 2.
    assert_eq!(
        of("a-t0.toml"),
        ["2.00", "2.0", "foundations", "3.25", "3.0"]
    );
    assert_eq!(of("e1.toml"), ["3.75", "3.5", "ready", "3.75", "3.5"]);
    // Provisional: no stage, no verdict, no projection.
    assert_eq!(of("d.toml"), ["", "", "", "", ""]);
}

#[test]
fn the_plan_export_has_one_row_per_action_with_the_decision_and_how_it_went() {
    let (header, rows) = read(&export(&["--plan"]));
    assert_eq!(
        header,
        [
            "file",
            "firm",
            "firm_id",
            "date",
            "assessor",
            "action",
            "title",
            "dimension",
            "priority",
            "effort",
            "horizon",
            "decision",
            "owner",
            "due",
            "support",
            "status",
            "outcome"
        ]
    );
    let of = |file: &str| -> Vec<Vec<&str>> {
        rows.iter()
            .filter(|r| cell(&header, r, "file").ends_with(file))
            .map(|r| r.iter().skip(5).collect())
            .collect()
    };
    // a-t0's plan: register (short), cnc (medium), erp (long, agreed for short); then its own
    // action. a-t1 follows it up: register done with the support granted, erp done with the
    // support applied for, own-1 done; cnc was declined, so nothing is reported.
    assert_eq!(
        of("a-t0.toml"),
        [
            vec![
                "register",
                "Keep an equipment register",
                "equipment",
                "high",
                "low",
                "short",
                "agreed",
                "Li",
                "2025-06-30",
                "Upgrade loan; Equipment grant",
                "done",
                "granted"
            ],
            vec![
                "cnc",
                "Replace machines with CNC",
                "equipment",
                "high",
                "medium",
                "medium",
                "declined",
                "",
                "",
                "Upgrade loan (CNC)",
                "",
                ""
            ],
            vec![
                "erp",
                "Introduce an ERP",
                "systems",
                "high",
                "medium",
                "short",
                "agreed",
                "",
                "",
                "Digital vouchers",
                "done",
                "applied"
            ],
            vec![
                "own-1",
                "Tidy the store",
                "",
                "",
                "",
                "short",
                "agreed",
                "",
                "",
                "",
                "done",
                ""
            ],
        ]
    );
    // b-t0: cnc only proposed; erp agreed but not started (b-t1 names it previous).
    let b = of("b-t0.toml");
    assert_eq!(b.len(), 3);
    assert_eq!(b[1][..2], ["cnc", "Replace machines with CNC"]);
    assert_eq!(b[1][6], "", "proposed: no decision");
    assert_eq!(b[2][10..], ["not_started", "none"]);
    // The firm's code and the visit's assessor on every row; Delta has no plan, so no rows.
    let a1 = rows
        .iter()
        .find(|r| cell(&header, r, "file").ends_with("a-t0.toml"))
        .unwrap();
    assert_eq!(cell(&header, a1, "firm_id"), "91350100M000100Y43");
    assert_eq!(cell(&header, a1, "assessor"), "Wang Li");
    assert!(of("d.toml").is_empty());
    // The latest visits, never followed up: planned actions, all proposed, no status.
    let g = of("g-t1.toml");
    let ids: Vec<&str> = g.iter().map(|r| r[0]).collect();
    assert_eq!(ids, ["register", "cnc", "peers"]);
    assert!(g.iter().all(|r| r[6].is_empty() && r[10].is_empty()));
    // Chinese titles and support with --lang zh.
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path())
        .args([
            "--lang",
            "zh",
            "export",
            DISTRICT,
            "--questionnaire",
            QUESTIONNAIRE,
        ])
        .arg("--plan")
        .output()
        .unwrap();
    let zh = String::from_utf8(out.stdout).unwrap();
    assert!(
        zh.contains("建设备台账") && zh.contains("技改贷；设备补贴"),
        "{zh}"
    );
}

#[test]
fn the_workbook_has_a_plan_sheet_with_the_plan_rows() {
    use calamine::{Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("district.xlsx");
    export(&["--format", "xlsx", "-o", path.to_str().unwrap()]);
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Scorecards", "Answers", "Plan", "Cohort"]
    );
    let plan = book.worksheet_range("Plan").unwrap();
    let csv = export(&["--plan"]);
    let (header, rows) = read(&csv);
    assert_eq!(plan.height(), rows.len() + 1);
    let first: Vec<String> = plan
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(first, header);
    let register = plan
        .rows()
        .find(|r| r[0].to_string().ends_with("a-t0.toml") && r[5] == "register")
        .unwrap();
    assert_eq!(register[15].to_string(), "done");
    assert_eq!(register[16].to_string(), "granted");
}
