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
