//! `dmat validate` on one broken file per mistake: every fixture in `tests/fixtures/invalid`
//! says in its header where its problems are (`# expect: LINE:COLUMN sentence`) and how dmat
//! exits (`# exit: N`, default 1).

mod common;
#[path = "common/expect.rs"]
mod expect;

use common::dmat;
use expect::{assert_reported, expectations};

use std::path::Path;

#[test]
fn every_broken_fixture_is_reported_at_its_line_and_column() {
    let ws = tempfile::tempdir().unwrap();
    let dir = Path::new("tests/fixtures/invalid");
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    assert!(entries.len() >= 20, "one fixture per kind of mistake");
    for path in entries {
        let text = std::fs::read_to_string(&path).unwrap();
        let (expected, _) = expectations(&text);
        assert!(
            !expected.is_empty(),
            "{} has no `# expect:` line",
            path.display()
        );
        let out = dmat(ws.path())
            .args([
                "validate",
                "--questionnaire",
                "tests/fixtures/questionnaires/mini.toml",
            ])
            .arg(&path)
            .output()
            .unwrap();
        assert_reported(
            &path,
            out.status.code(),
            &String::from_utf8_lossy(&out.stderr),
        );
    }
}

#[test]
fn valid_files_pass_and_say_what_they_are() {
    let ws = tempfile::tempdir().unwrap();
    dmat(ws.path())
        .args([
            "validate",
            "tests/fixtures/questionnaires/features.toml",
            "tests/fixtures/questionnaires/mini.toml",
        ])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "ok: questionnaire features 0.1.0, 4 dimensions, 10 questions",
        ))
        .stdout(predicates::str::contains("ok: questionnaire mini 1.0.0"));
}

#[test]
fn an_assessment_is_checked_against_a_questionnaire_named_beside_it() {
    let ws = tempfile::tempdir().unwrap();
    let a = ws.path().join("visit.toml");
    std::fs::write(
        &a,
        "schema = 1\n[questionnaire]\nid = \"mini\"\nversion = \"1.0.0\"\n[firm]\nname = \"x\"\n[answers.cnc-share]\nvalue = 101\n",
    )
    .unwrap();
    let out = dmat(ws.path())
        .args(["validate", "tests/fixtures/questionnaires/mini.toml"])
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("visit.toml:8:9: 101 is outside the range [0, 100]"),
        "{stderr}"
    );
}

#[test]
fn a_folder_is_validated_file_by_file() {
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path())
        .args(["validate", "tests/fixtures/invalid"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unknown-key.toml:46:1: unknown key `wieght`"),
        "{stderr}"
    );
    assert!(stderr.contains("bad-priority.toml:61:12:"), "{stderr}");
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let ws = tempfile::tempdir().unwrap();
    dmat(ws.path())
        .args(["validate", "no-such-file.toml"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "no-such-file.toml: cannot read the file: it does not exist",
        ));
}
