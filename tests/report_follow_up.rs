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

/// `dmat report` on a quick scan of the bundled questionnaire, in a format and language.
fn scan_sheet(file: &str, lang: &str, format: &str) -> String {
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path())
        .args(["--lang", lang, "report"])
        .arg(format!("tests/fixtures/report/{file}"))
        .args(["--format", format])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The quick scan's title calls it a first visit; a follow-up's sheet never calls itself one,
/// while the first scan's sheet keeps the title as the questionnaire gives it.
#[test]
fn a_follow_up_sheet_does_not_call_itself_a_first_visit() {
    for format in ["md", "html"] {
        let first = scan_sheet("scan-firm.toml", "zh", format);
        assert!(first.contains("智能制造快速筛查（首次走访）"), "{first}");
        let again = scan_sheet("scan-followup-firm.toml", "zh", format);
        assert!(!again.contains("首次走访"), "{again}");
        assert!(again.contains("智能制造快速筛查（回访）"), "{again}");
        let first = scan_sheet("scan-firm.toml", "en", format);
        assert!(first.contains("Smart-manufacturing quick scan (first visit)"));
        let again = scan_sheet("scan-followup-firm.toml", "en", format);
        assert!(!again.contains("first visit"), "{again}");
        assert!(again.contains("Smart-manufacturing quick scan (follow-up)"));
    }
}

/// The verdict is the firm's next step, headed so and introduced as said to the firm; the
/// score's range is called so.
#[test]
fn the_verdict_is_framed_as_the_firms_next_step() {
    let zh = scan_sheet("scan-followup-firm.toml", "zh", "html");
    assert!(zh.contains(
        "<span class=\"label\">下一步</span><span class=\"intro\">本次评估给贵企业的建议：</span>建议近期安排完整诊断（一企一策）"
    ), "{zh}");
    assert!(!zh.contains(">结论<"));
    assert!(zh.contains("评分范围 2.00–4.00") && !zh.contains("满分区间"));
    let en = scan_sheet("scan-followup-firm.toml", "en", "md");
    assert!(en.contains(
        "**Next step** · What this assessment proposes for your firm: **Arrange the full visit soon (one firm, one policy)**"
    ), "{en}");
    assert!(en.contains("(score range 2.00–4.00)") && !en.contains("on a scale of"));
    let zh = scan_sheet("scan-firm.toml", "zh", "md");
    assert!(zh.contains("**下一步** · 本次评估给贵企业的建议：**先培育，半年到一年后再定**"));
}
