//! `dmat validate` on follow-up visits: one fixture per mistake in `tests/fixtures/follow-up`
//! (an earlier visit that is not there, progress on an action never agreed, progress with no
//! earlier visit), each reported at its place, in English and Chinese; the files keep every
//! entry, and the earlier visit is only read.

mod common;
#[path = "common/expect.rs"]
mod expect;

use std::path::{Path, PathBuf};

use common::dmat;
use expect::assert_reported;

const DIR: &str = "tests/fixtures/follow-up";
const MINI: &str = "tests/fixtures/questionnaires/mini.toml";

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

/// `dmat validate` of one file: exit status and standard error.
fn validate(lang: &str, path: &Path) -> (Option<i32>, String) {
    let out = dmat(Path::new("/nonexistent-workspace"))
        .args(["--lang", lang, "validate", "--questionnaire", MINI])
        .arg(path)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_follow_up_mistake_is_reported_at_its_line_and_column() {
    let before: Vec<Vec<u8>> = fixtures()
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    assert!(
        fixtures().len() >= 4,
        "the earlier visit and one file per mistake"
    );
    for path in fixtures() {
        let (code, stderr) = validate("en", &path);
        assert_reported(&path, code, &stderr);
    }
    let after: Vec<Vec<u8>> = fixtures()
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    assert_eq!(before, after, "validate writes nothing");
}

#[test]
fn the_same_problems_are_said_in_chinese_at_the_same_places() {
    let cases = [
        (
            "tests/fixtures/follow-up/progress-not-agreed.toml:30:11: 警告：",
            "企业在上次走访 `fans-2026-05-12.toml` 中拒绝了它",
        ),
        (
            "tests/fixtures/follow-up/previous-missing.toml:15:12: 警告：",
            "同一文件夹中没有 `fans-2025-11-03.toml`",
        ),
        (
            "tests/fixtures/follow-up/progress-without-previous.toml:16:11: 警告：",
            "本次走访没有接续任何上次走访",
        ),
        (
            "tests/fixtures/invalid/assessment-firm-id.toml:11:6: ",
            "不是有效的统一社会信用代码：校验码是 `4`，但按前 17 位应为 `3`",
        ),
        (
            "tests/fixtures/invalid/assessment-own-action-untitled.toml:23:7: 警告：",
            "问卷中没有建议 `own-1`",
        ),
    ];
    for (place, words) in cases {
        let path = place.split(':').next().unwrap();
        let (_, stderr) = validate("zh", Path::new(path));
        let found = stderr.lines().any(|l| {
            let l = l.replace("warning: ", "警告：");
            l.starts_with(place) && l.contains(words)
        });
        assert!(found, "{place} … {words}\n{stderr}");
    }
}

#[test]
fn a_follow_up_copied_without_its_earlier_visit_or_with_a_broken_one_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let follow_up = dir.path().join("progress-not-agreed.toml");
    std::fs::copy(format!("{DIR}/progress-not-agreed.toml"), &follow_up).unwrap();
    let (code, stderr) = validate("en", &follow_up);
    assert_eq!(code, Some(0), "warnings only: {stderr}");
    let at = format!(
        "{}:19:12: warning: there is no `fans-2026-05-12.toml`",
        follow_up.display()
    );
    assert!(stderr.contains(&at), "{stderr}");
    assert!(
        !stderr.contains("progress on action"),
        "progress cannot be checked without the earlier visit: {stderr}"
    );

    let earlier = dir.path().join("fans-2026-05-12.toml");
    std::fs::write(&earlier, "schema = 1\n[firm\n").unwrap();
    let (code, stderr) = validate("en", &follow_up);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("19:12: warning: the visit this one follows up, `fans-2026-05-12.toml`, cannot be read as an assessment"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&earlier).unwrap(),
        "schema = 1\n[firm\n"
    );
}
