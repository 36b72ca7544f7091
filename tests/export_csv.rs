//! `dmat export` to CSV on the fixture cohort (`tests/fixtures/cohort`, scored against the
//! feature questionnaire): wide, long and BOM output against committed snapshots, then read
//! back with the csv crate; skipping files of another questionnaire or that fail to load.

mod common;

use common::dmat;

use std::path::Path;

const COHORT: &str = "tests/fixtures/cohort";
const FEATURES: &str = "tests/fixtures/questionnaires/features.toml";

/// Runs `dmat export` on the cohort with extra arguments; returns standard output.
fn export(args: &[&str]) -> Vec<u8> {
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path())
        .args(["export", COHORT, "--questionnaire", FEATURES])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn records(bytes: &[u8], delimiter: u8) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(bytes);
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r.records().map(|x| x.unwrap()).collect();
    (header, rows)
}

/// The value of column `col` in the row whose `file` ends with `file` (and, for long rows,
/// whose `question` is `question`).
fn value(
    header: &[String],
    rows: &[csv::StringRecord],
    file: &str,
    question: Option<&str>,
    col: &str,
) -> String {
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = rows
        .iter()
        .find(|r| r[at("file")].ends_with(file) && question.is_none_or(|q| r[at("question")] == *q))
        .unwrap_or_else(|| panic!("no row for {file} {question:?}"));
    row[at(col)].to_string()
}

#[test]
fn wide_scorecard_has_the_designed_columns_and_guarded_text() {
    let bytes = export(&[]);
    let text = String::from_utf8(bytes.clone()).unwrap();
    insta::assert_snapshot!("wide", text);

    let (header, rows) = records(&bytes, b',');
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
    assert_eq!(
        rows.len(),
        6,
        "one row per assessment, the revisit included"
    );
    let v = |file, col| value(&header, &rows, file, None, col);
    assert_eq!(
        v("b-formula.toml", "firm"),
        "'=HYPERLINK(\"http://example.com\",\"x\")"
    );
    assert_eq!(v("b-formula.toml", "assessor"), "'@Li");
    assert_eq!(v("a-huatai.toml", "firm"), "淄博华泰风机有限公司");
    assert_eq!(v("a-huatai.toml", "overall").parse::<f64>().unwrap(), 2.89);
    assert_eq!(v("a-huatai.toml", "data"), "3.06");
    assert_eq!(v("b-formula.toml", "overall"), "2.00");
    assert_eq!(v("c-motors.toml", "completeness"), "0.75");
    assert_eq!(v("c-motors.toml", "talent"), "", "no score: an empty cell");
    assert_eq!(v("c-motors.toml", "status"), "in_progress");
    // No verdicts in this questionnaire, no raises: the projection is today's score.
    assert_eq!(v("a-huatai.toml", "verdict"), "");
    assert_eq!(v("a-huatai.toml", "projected_overall"), "2.89");
    assert_eq!(v("a-huatai.toml", "projected_stage"), "2.5");
    // Equipment 2.50 × weight 2 (gap 3.0) costs more than data 2.00 × 1 (gap 2.0).
    assert_eq!(v("d-zhoucun-2024.toml", "bottleneck"), "equipment");
    assert_eq!(v("e-boshan.toml", "stage"), "3.0");
}

#[test]
fn long_scorecard_keeps_notes_with_commas_quotes_and_line_breaks() {
    let bytes = export(&["--long"]);
    insta::assert_snapshot!("long", String::from_utf8(bytes.clone()).unwrap());

    let (header, rows) = records(&bytes, b',');
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
    let v = |file, q, col| value(&header, &rows, file, Some(q), col);
    assert_eq!(
        v("a-huatai.toml", "has-cnc", "note"),
        "Saw 5 CNC lathes, \"Fanuc\", 2019;\ntwo idle."
    );
    assert_eq!(v("a-huatai.toml", "systems", "answer"), "erp;mes");
    assert_eq!(v("a-huatai.toml", "systems", "score"), "3.25");
    assert_eq!(v("a-huatai.toml", "practices", "weight"), "2");
    assert_eq!(v("a-huatai.toml", "training", "weight"), "0.5");
    assert_eq!(v("a-huatai.toml", "remarks", "score"), "");
    assert_eq!(
        v("b-formula.toml", "automation", "note"),
        "'-all by hand, +2 workers"
    );
    assert_eq!(v("b-formula.toml", "practices", "answer"), "");
    assert_eq!(v("b-formula.toml", "practices", "score"), "2.00");
    assert_eq!(v("c-motors.toml", "cnc-share", "answer"), "na");
    assert_eq!(v("d-zhoucun-2025.toml", "headcount", "answer"), "2");
    assert_eq!(v("d-zhoucun-2025.toml", "headcount", "score"), "");
    assert_eq!(
        v("e-boshan.toml", "remarks", "answer"),
        "'=cmd|' /C calc'!A0"
    );
    // One row per answered question: E answered eight, in questionnaire order.
    let e: Vec<&str> = rows
        .iter()
        .filter(|r| r[0].ends_with("e-boshan.toml"))
        .map(|r| r.get(4).unwrap())
        .collect();
    assert_eq!(
        e,
        [
            "has-cnc",
            "cnc-share",
            "automation",
            "systems",
            "practices",
            "training",
            "remarks",
            "energy"
        ]
    );
}

#[test]
fn bom_starts_the_file_and_changes_nothing_else() {
    let plain = export(&[]);
    let with_bom = export(&["--bom"]);
    assert_eq!(&with_bom[..3], b"\xEF\xBB\xBF");
    assert_eq!(&with_bom[3..], &plain[..]);
    // Readers that know the mark skip it: the first header is still `file`.
    let (header, rows) = records(&with_bom, b',');
    assert_eq!(header[0], "file");
    assert_eq!(rows.len(), 6);
}

#[test]
fn labels_in_chinese_with_a_semicolon_delimiter() {
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path())
        .args([
            "--lang",
            "zh",
            "export",
            COHORT,
            "--questionnaire",
            FEATURES,
        ])
        .args(["--long", "--labels", "--delimiter", ";"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let (header, rows) = records(&out.stdout, b';');
    let v = |file, q, col| value(&header, &rows, file, Some(q), col);
    assert_eq!(v("a-huatai.toml", "has-cnc", "answer"), "有");
    assert_eq!(v("a-huatai.toml", "systems", "answer"), "ERP; MES");
    assert_eq!(v("a-huatai.toml", "energy", "answer"), "分项计量");
    assert_eq!(v("c-motors.toml", "cnc-share", "answer"), "不适用");
    assert_eq!(v("a-huatai.toml", "cnc-share", "answer"), "50");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("file;firm;date;dimension;"));
}

#[test]
fn output_file_is_written_and_reported() {
    let ws = tempfile::tempdir().unwrap();
    let path = ws.path().join("cards.csv");
    let out = dmat(ws.path())
        .args(["export", COHORT, "--questionnaire", FEATURES, "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("exported 6 assessment(s)"));
    assert_eq!(std::fs::read(&path).unwrap(), export(&[]));
}

#[test]
fn bad_delimiter_is_a_usage_error() {
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path())
        .args([
            "export",
            COHORT,
            "--questionnaire",
            FEATURES,
            "--delimiter",
            "，",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--delimiter"));
}

/// A workspace that knows the feature questionnaire and another one, `other`, with a folder
/// of visits: two of `features`, one of `other`, one broken file.
fn mixed_folder() -> (tempfile::TempDir, std::path::PathBuf) {
    let ws = tempfile::tempdir().unwrap();
    let qdir = ws.path().join("questionnaires");
    std::fs::create_dir_all(&qdir).unwrap();
    let features = std::fs::read_to_string(FEATURES).unwrap();
    std::fs::write(qdir.join("features.toml"), &features).unwrap();
    std::fs::write(
        qdir.join("other.toml"),
        features.replace("id = \"features\"", "id = \"other\""),
    )
    .unwrap();
    let visits = ws.path().join("visits");
    std::fs::create_dir_all(&visits).unwrap();
    let a = std::fs::read_to_string(Path::new(COHORT).join("a-huatai.toml")).unwrap();
    std::fs::write(visits.join("a-huatai.toml"), &a).unwrap();
    std::fs::write(
        visits.join("b-other.toml"),
        a.replace("id = \"features\"", "id = \"other\""),
    )
    .unwrap();
    std::fs::write(
        visits.join("c-broken.toml"),
        "schema = 1\n[firm\nname = \"x\"\n",
    )
    .unwrap();
    std::fs::copy(
        Path::new(COHORT).join("e-boshan.toml"),
        visits.join("e-boshan.toml"),
    )
    .unwrap();
    (ws, visits)
}

#[test]
fn files_of_another_questionnaire_or_broken_are_reported_and_skipped() {
    let (ws, visits) = mixed_folder();
    let out = dmat(ws.path()).arg("export").arg(&visits).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("b-other.toml: questionnaire `other`, not `features` (the questionnaire of the first file read); skipped"),
        "{err}"
    );
    assert!(err.contains("c-broken.toml:2:"), "{err}");
    assert!(
        err.contains("2 file(s) skipped; exported the other 2 assessment(s)"),
        "{err}"
    );
    let (_, rows) = records(&out.stdout, b',');
    let files: Vec<&str> = rows.iter().map(|r| r.get(0).unwrap()).collect();
    assert!(files[0].ends_with("a-huatai.toml") && files[1].ends_with("e-boshan.toml"));
    assert_eq!(files.len(), 2);
}

#[test]
fn strict_export_fails_and_writes_nothing() {
    let (ws, visits) = mixed_folder();
    let path = ws.path().join("out.csv");
    let out = dmat(ws.path())
        .arg("export")
        .arg(&visits)
        .args(["--strict", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("2 file(s) cannot be exported; nothing was written because of --strict")
    );
    assert!(!path.exists());
}

#[test]
fn questionnaire_given_decides_which_files_belong() {
    let (ws, visits) = mixed_folder();
    let other = ws.path().join("questionnaires/other.toml");
    let out = dmat(ws.path())
        .arg("export")
        .arg(&visits)
        .arg("--questionnaire")
        .arg(&other)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    // Scored against the questionnaire given, a visit of another one does not load.
    assert!(
        err.contains(
            "a-huatai.toml:4:6: the assessment is for questionnaire `features`, not `other`"
        ),
        "{err}"
    );
    assert!(err.contains("3 file(s) skipped; exported the other 1 assessment(s)"));
    let (_, rows) = records(&out.stdout, b',');
    assert_eq!(rows.len(), 1);
    assert!(rows[0].get(0).unwrap().ends_with("b-other.toml"));
    assert_eq!(rows[0].get(4), Some("other"));
}

#[test]
fn versions_of_one_questionnaire_export_together_with_a_warning() {
    let ws = tempfile::tempdir().unwrap();
    let qdir = ws.path().join("questionnaires");
    std::fs::create_dir_all(&qdir).unwrap();
    let v1 = std::fs::read_to_string(FEATURES).unwrap();
    let v2 = v1.replace("version = \"0.1.0\"", "version = \"0.2.0\"")
        + "\n[[dimension]]\nid = \"safety\"\ntitle = \"Safety\"\n\n[[dimension.question]]\nid = \"guards\"\nkind = \"single\"\ntext = \"Guards?\"\noptions = [{ id = \"no\", level = 2.0, text = \"No\" }, { id = \"yes\", level = 4.0, text = \"Yes\" }]\n";
    std::fs::write(qdir.join("features.toml"), &v1).unwrap();
    std::fs::write(qdir.join("features-2.toml"), &v2).unwrap();
    let visits = ws.path().join("visits");
    std::fs::create_dir_all(&visits).unwrap();
    let with_digest = |file: &str, q: &str, version: &str| {
        let src = std::fs::read_to_string(Path::new(COHORT).join(file)).unwrap();
        src.replace(
            "version = \"0.1.0\"\n",
            &format!(
                "version = \"{version}\"\ndigest = \"{}\"\n",
                dmat::store::digest(q.as_bytes())
            ),
        )
    };
    std::fs::write(
        visits.join("a.toml"),
        with_digest("a-huatai.toml", &v1, "0.1.0"),
    )
    .unwrap();
    std::fs::write(
        visits.join("e.toml"),
        with_digest("e-boshan.toml", &v2, "0.2.0") + "\n[answers.guards]\nchoice = \"yes\"\n",
    )
    .unwrap();
    let out = dmat(ws.path()).arg("export").arg(&visits).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("different versions of questionnaire features (0.1.0, 0.2.0)"),
        "{err}"
    );
    let (header, rows) = records(&out.stdout, b',');
    // The dimension only version 0.2.0 has comes after the others, before the plan's columns.
    let n = header.len();
    assert_eq!(
        header[n - 4..],
        ["safety", "verdict", "projected_overall", "projected_stage"]
    );
    assert_eq!(value(&header, &rows, "a.toml", None, "safety"), "");
    assert_eq!(value(&header, &rows, "e.toml", None, "safety"), "4.00");
    assert_eq!(value(&header, &rows, "e.toml", None, "version"), "0.2.0");
}
