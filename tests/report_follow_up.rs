//! `dmat report` on a follow-up visit: the sheet reports how the actions agreed at the earlier
//! visit went and how the scores moved, reading the earlier file named by `visit.previous`
//! without ever changing it; a missing or unreadable earlier visit gives a plain warning and a
//! sheet without the comparison.

mod common;

use std::fs;
use std::path::Path;

use common::dmat;

const FEATURES: &str = "tests/fixtures/questionnaires/features.toml";
const EARLIER: &str = "tests/fixtures/report/agreed-firm.toml";
const FOLLOW_UP: &str = "tests/fixtures/report/followup-firm.toml";

/// `dmat report` on `file` as Markdown in `lang`: exit status, standard output and error.
fn report(file: &Path, lang: &str) -> (bool, String, String) {
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path())
        .args(["--lang", lang, "report"])
        .arg(file)
        .args(["--format", "md", "--questionnaire", FEATURES])
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A folder holding the follow-up and, if given, the text of its earlier visit.
fn folder(earlier: Option<&[u8]>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(FOLLOW_UP, dir.path().join("followup-firm.toml")).unwrap();
    if let Some(bytes) = earlier {
        fs::write(dir.path().join("agreed-firm.toml"), bytes).unwrap();
    }
    dir
}

#[test]
fn a_follow_up_sheet_reports_progress_and_changes_and_leaves_the_earlier_visit_untouched() {
    let bytes = fs::read(EARLIER).unwrap();
    let dir = folder(Some(&bytes));
    let earlier = dir.path().join("agreed-firm.toml");
    let modified = fs::metadata(&earlier).unwrap().modified().unwrap();
    let (ok, md, err) = report(&dir.path().join("followup-firm.toml"), "en");
    assert!(ok, "{err}");
    assert_eq!(err, "");
    assert!(md.contains("## Since the last visit (2026-11-27)"), "{md}");
    assert!(md.contains(
        "| Bring in CNC machines | 总经理 张伟 | 2028-12-31 | under way | applied for | 已申请技改贷，等待审批 |"
    ));
    assert!(md.contains("| Lay data foundations | 生产部 李强 | 2027-03-31 | done |"));
    assert!(md.contains("| Equipment and automation | 2.00 | 2.50 | ▲ 0.50 |"));
    assert!(md.contains("| Talent | 2.50 | 2.50 | unchanged |"));
    assert!(md.contains("| Stage | 2.0 | 2.5 | ▲ |"));
    assert!(md.contains(
        "Since the last visit (2026-11-27): overall score 2.21 → 2.63 ▲, stage 2.0 → 2.5 ▲; 2 of the 3 actions agreed last time are done."
    ));
    let (ok, zh, _) = report(&dir.path().join("followup-firm.toml"), "zh");
    assert!(ok);
    assert!(zh.contains("## 与上次走访（2026-11-27）相比"));
    assert!(zh.contains("| 引进数控设备 | 总经理 张伟 | 2028-12-31 | 进行中 | 已申请，待批 |"));
    assert_eq!(
        fs::read(&earlier).unwrap(),
        bytes,
        "the earlier visit was changed"
    );
    assert_eq!(
        fs::metadata(&earlier).unwrap().modified().unwrap(),
        modified
    );
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "files appeared beside the visits: {names:?}"
    );
}

#[test]
fn a_missing_earlier_visit_gives_a_warning_and_a_sheet_without_the_comparison() {
    let dir = folder(None);
    let (ok, md, err) = report(&dir.path().join("followup-firm.toml"), "en");
    assert!(ok, "{err}");
    assert!(err.contains("agreed-firm.toml is not in this folder; the sheet is made without the comparison with it"), "{err}");
    assert!(!md.contains("Since the last visit"));
    assert!(md.contains("## 4\\. The plan"));
    let (_, _, err) = report(&dir.path().join("followup-firm.toml"), "zh");
    assert!(err.contains("建议书不含与上次走访的对比"), "{err}");
}

#[test]
fn an_unreadable_earlier_visit_gives_a_warning_and_a_sheet_without_the_comparison() {
    let dir = folder(Some(b"schema = 1\n[firm\n"));
    let (ok, md, err) = report(&dir.path().join("followup-firm.toml"), "en");
    assert!(ok, "{err}");
    assert!(err.contains("agreed-firm.toml cannot be read ("), "{err}");
    assert!(
        err.contains("the sheet is made without the comparison with it"),
        "{err}"
    );
    assert!(!md.contains("Since the last visit"));
    assert_eq!(
        fs::read(dir.path().join("agreed-firm.toml")).unwrap(),
        b"schema = 1\n[firm\n"
    );
}
