//! Hostile situations around dmat's files: outputs that are links, FIFOs or devices; links and
//! hard links to an assessment; folders with link loops; files that are not regular, too
//! large, not UTF-8 or hold values that are not what they claim. Devices and FIFOs are made in
//! a temporary folder; the system's own are only ever reached through a link of the test's.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use common::dmat;
use dmat::model::Response;
use dmat::store::{AssessmentLock, Catalog, LoadedQuestionnaire, Workspace};
use dmat::tui::Session;
use predicates::prelude::*;
use predicates::str::contains;

const FEATURES: &str = "tests/fixtures/questionnaires/features.toml";

/// Long enough for any of these commands; a hang (a FIFO read, a walk in a loop) fails.
const PATIENCE: Duration = Duration::from_secs(120);

const VISIT: &str = r#"schema = 1

[questionnaire]
id = "features"
version = "0.1.0"

[firm]
name = "淄博华泰风机有限公司"

[profile]
employees = 120

[visit]
date = 2025-03-01
status = "in_progress"

[answers.has-cnc]
choice = "yes"
"#;

/// A workspace with the features questionnaire in its questionnaires folder.
fn workspace() -> tempfile::TempDir {
    let ws = tempfile::tempdir().unwrap();
    fs::create_dir_all(ws.path().join("questionnaires")).unwrap();
    fs::copy(FEATURES, ws.path().join("questionnaires/features.toml")).unwrap();
    ws
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p
}

fn catalog(ws: &Path) -> Catalog {
    Catalog::load(&Workspace::new(ws))
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

#[cfg(unix)]
fn is_symlink(p: &Path) -> bool {
    fs::symlink_metadata(p).unwrap().file_type().is_symlink()
}

/// Runs `dmat COMMAND PATH`, which must fail with status 1 and say `sentence` on standard
/// error.
fn refused(ws: &Path, command: &str, path: impl AsRef<std::ffi::OsStr>, sentence: impl AsRef<str>) {
    dmat(ws)
        .arg(command)
        .arg(path)
        .timeout(PATIENCE)
        .assert()
        .code(1)
        .stderr(contains(sentence.as_ref()));
}

fn lock_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".lock"))
        .collect()
}

// 1. `-o` never destroys what it names.

#[cfg(unix)]
#[test]
fn a_report_to_a_symbolic_link_replaces_its_file_and_keeps_the_link() {
    let ws = workspace();
    let a = write(ws.path(), "a.toml", VISIT);
    let real = write(ws.path(), "sheet.md", "old");
    let link = ws.path().join("link.md");
    std::os::unix::fs::symlink("sheet.md", &link).unwrap();
    dmat(ws.path())
        .args(["report"])
        .arg(&a)
        .arg("-o")
        .arg(&link)
        .assert()
        .success();
    assert!(is_symlink(&link), "the link is kept");
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .contains("淄博华泰风机有限公司")
    );
}

#[cfg(unix)]
#[test]
fn a_report_to_a_fifo_is_written_into_it_and_the_fifo_stays() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let ws = workspace();
    let a = write(ws.path(), "a.toml", VISIT);
    let fifo = ws.path().join("out.fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(&fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    dmat(ws.path())
        .args(["report", "--format", "html"])
        .arg(&a)
        .arg("-o")
        .arg(&fifo)
        .timeout(PATIENCE)
        .assert()
        .success();
    let got = reader.join().unwrap();
    assert!(got.contains("淄博华泰风机有限公司") && got.contains("</html>"));
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[cfg(unix)]
#[test]
fn an_export_to_a_device_that_fails_is_an_error_and_never_says_exported() {
    use std::os::unix::fs::FileTypeExt;
    let ws = workspace();
    let a = write(ws.path(), "a.toml", VISIT);
    // The test's own link to the full device: writing through it fails with "no space".
    let full = ws.path().join("full.csv");
    std::os::unix::fs::symlink("/dev/full", &full).unwrap();
    for args in [vec!["export"], vec!["export", "--long"]] {
        dmat(ws.path())
            .args(&args)
            .arg(&a)
            .arg("-o")
            .arg(&full)
            .assert()
            .code(1)
            .stderr(contains("full.csv: cannot write the file"))
            .stderr(contains("exported").not());
        assert!(is_symlink(&full), "the link is kept");
    }
    dmat(ws.path())
        .args(["report"])
        .arg(&a)
        .arg("-o")
        .arg(&full)
        .assert()
        .code(1);
    assert!(
        fs::metadata("/dev/full")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[cfg(unix)]
#[test]
fn a_report_to_dev_stdout_is_written_as_a_stream() {
    let ws = workspace();
    let a = write(ws.path(), "a.toml", VISIT);
    dmat(ws.path())
        .args(["report"])
        .arg(&a)
        .args(["-o", "/dev/stdout"])
        .assert()
        .success()
        .stdout(contains("淄博华泰风机有限公司"));
}

// 3. Links cannot split a file or dodge the lock.

#[cfg(unix)]
#[test]
fn opening_a_link_to_a_file_open_elsewhere_is_refused() {
    let ws = workspace();
    let real = write(ws.path(), "real.toml", VISIT);
    let link = ws.path().join("link.toml");
    std::os::unix::fs::symlink("real.toml", &link).unwrap();
    let _held = AssessmentLock::acquire(&real).unwrap();
    refused(
        ws.path(),
        "open",
        &link,
        "this assessment is open in another dmat",
    );
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_updates_the_real_file_and_keeps_the_link() {
    let ws = workspace();
    let real = write(ws.path(), "real.toml", VISIT);
    let link = ws.path().join("link.toml");
    std::os::unix::fs::symlink("real.toml", &link).unwrap();
    let mut s = Session::open(&link, &catalog(ws.path())).unwrap();
    s.assessment
        .set_response("has-cnc", Some(Response::Choice("no".into())));
    s.save().unwrap();
    assert!(is_symlink(&link));
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .contains("choice = \"no\"")
    );
}

#[cfg(unix)]
#[test]
fn a_hard_linked_assessment_is_not_opened_for_editing() {
    let ws = workspace();
    let real = write(ws.path(), "real.toml", VISIT);
    fs::hard_link(&real, ws.path().join("copy.toml")).unwrap();
    refused(
        ws.path(),
        "open",
        &real,
        "this file has 2 names (hard links)",
    );
    // Reading it is fine.
    dmat(ws.path()).arg("score").arg(&real).assert().success();
    assert!(lock_files(ws.path()).is_empty());
}

// 4. Folders with link loops.

#[cfg(unix)]
#[test]
fn link_loops_are_passed_over_and_each_file_counted_once() {
    use std::os::unix::fs::symlink;
    let ws = workspace();
    let d = ws.path().join("assessments");
    fs::create_dir_all(d.join("sub")).unwrap();
    write(&d, "a.toml", VISIT);
    symlink(".", d.join("self")).unwrap();
    symlink("..", d.join("sub/up")).unwrap();
    let out = ws.path().join("out.csv");
    dmat(ws.path())
        .arg("export")
        .arg(&d)
        .arg("-o")
        .arg(&out)
        .timeout(PATIENCE)
        .assert()
        .success()
        .stderr(contains(
            "self: warning: a link back into a folder already searched; passed over",
        ))
        .stderr(contains(
            "up: warning: a link back into a folder already searched; passed over",
        ))
        .stderr(contains("exported 1 assessment(s)"));
    assert_eq!(fs::read_to_string(&out).unwrap().lines().count(), 2);
    for args in [
        vec!["validate"],
        vec!["score"],
        vec!["compare", "--format", "csv"],
    ] {
        dmat(ws.path())
            .args(&args)
            .arg(&d)
            .timeout(PATIENCE)
            .assert()
            .success()
            .stderr(contains("passed over"));
    }
    // The home screen lists the workspace's assessments the same way.
    assert_eq!(
        Workspace::new(ws.path()).assessment_files(),
        vec![d.join("a.toml")]
    );
}

// 5. Limits: what is not a regular file, or is too large, is refused.

#[cfg(unix)]
#[test]
fn a_fifo_a_device_and_a_file_over_the_limit_are_refused_with_what_they_are() {
    let ws = workspace();
    let fifo = ws.path().join("pipe.toml");
    mkfifo(&fifo);
    let zero = ws.path().join("zero.toml");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    for p in [&fifo, &zero] {
        refused(ws.path(), "validate", p, "not a regular file");
    }
    let big = ws.path().join("big.toml");
    let mut text = VISIT.to_string();
    while text.len() as u64 <= dmat::store::MAX_FILE_BYTES {
        text.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    fs::write(&big, text).unwrap();
    refused(
        ws.path(),
        "score",
        &big,
        "big.toml: the file holds 8.0 MiB; dmat reads files of at most 8 MiB",
    );
    refused(ws.path(), "open", &fifo, "not a regular file");
}

// 6. Saving keeps the file's mode and group.

#[cfg(unix)]
#[test]
fn saving_an_assessment_keeps_its_mode_and_group() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let ws = workspace();
    let a = write(ws.path(), "shared.toml", VISIT);
    fs::set_permissions(&a, fs::Permissions::from_mode(0o664)).unwrap();
    // Another group where the system lets this user give one (root can; others may not).
    let regrouped = std::os::unix::fs::chown(&a, None, Some(1)).is_ok();
    let mut s = Session::open(&a, &catalog(ws.path())).unwrap();
    s.assessment
        .set_response("has-cnc", Some(Response::Choice("no".into())));
    s.save().unwrap();
    let m = fs::metadata(&a).unwrap();
    assert_eq!(m.permissions().mode() & 0o7777, 0o664);
    if regrouped {
        assert_eq!(m.gid(), 1);
    }
}

// 7. Bad values are bad.

#[test]
fn profile_numbers_must_be_finite_and_dates_real_dates() {
    let ws = workspace();
    for (value, line, sentence) in [
        (
            "employees = nan",
            11,
            "profile field `employees` must be a finite number, not NaN",
        ),
        (
            "employees = inf",
            11,
            "profile field `employees` must be a finite number, not inf",
        ),
        (
            "employees = 200000",
            11,
            "200000 is outside the range [0, 100000]",
        ),
        (
            "founded = \"yesterday\"",
            11,
            "profile field `founded` expects a date such as 2026-11-27",
        ),
        (
            "founded = \"2025-02-29\"",
            11,
            "profile field `founded` expects a date",
        ),
        (
            "founded = 2025-02-01T10:00:00",
            11,
            "profile field `founded` expects a date",
        ),
    ] {
        let text = VISIT.replace("employees = 120", value);
        let a = write(ws.path(), "bad.toml", &text);
        dmat(ws.path())
            .arg("validate")
            .arg(&a)
            .assert()
            .code(1)
            .stderr(contains(format!("bad.toml:{line}:")))
            .stderr(contains(sentence));
    }
    let ok = write(
        ws.path(),
        "ok.toml",
        &VISIT.replace("employees = 120", "founded = \"2001-05-01\""),
    );
    dmat(ws.path()).arg("validate").arg(&ok).assert().success();
}

#[test]
fn a_firm_whose_head_count_is_not_a_number_gets_no_recommendation_for_large_firms() {
    // `at_least = 50` must not hold for NaN; the file is refused before any advice.
    let ws = workspace();
    let a = write(
        ws.path(),
        "nan.toml",
        &VISIT.replace("employees = 120", "employees = nan"),
    );
    dmat(ws.path())
        .args(["score", "--format", "json"])
        .arg(&a)
        .assert()
        .code(1)
        .stdout("");
}

// 8. Names and leftovers.

#[test]
fn a_long_chinese_firm_name_gives_a_file_that_can_be_made_and_locked() {
    let ws = workspace();
    let catalog = catalog(ws.path());
    let loaded: Arc<LoadedQuestionnaire> = catalog.resolve("features").unwrap();
    let firm = "淄".repeat(80);
    let date = dmat::model::assessment::today();
    let s = Session::start(&Workspace::new(ws.path()), loaded, &firm, date).unwrap();
    let name = s.path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(format!(".{name}.lock").len() <= 255, "{} bytes", name.len());
    assert!(name.starts_with(&"淄".repeat(60)));
    assert_eq!(lock_files(&ws.path().join("assessments")).len(), 1);
}

#[test]
fn opening_removes_stale_temporary_files_beside_the_assessment() {
    let ws = workspace();
    let a = write(ws.path(), "a.toml", VISIT);
    let stale = write(ws.path(), ".dmat-AbC123.tmp", "schema = 1\n[quest");
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    let _s = Session::open(&a, &catalog(ws.path())).unwrap();
    assert!(!stale.exists());
}

#[test]
fn a_failed_open_leaves_no_lock_file_and_a_folder_is_called_a_folder() {
    let ws = workspace();
    let bad = write(ws.path(), "bad.toml", "schema = 1\n[firm]\nname = \"x\"\n");
    refused(
        ws.path(),
        "open",
        &bad,
        "bad.toml:1:1: missing field `questionnaire`",
    );
    assert!(lock_files(ws.path()).is_empty());
    refused(ws.path(), "open", ws.path(), "this is a folder, not a file");
}

#[cfg(unix)]
#[test]
fn the_demo_never_writes_through_a_link_bearing_a_demo_file_name() {
    let ws = workspace();
    let first = ws.path().join("first");
    dmat(ws.path())
        .args(["demo", "--firms", "1", "-o"])
        .arg(&first)
        .assert()
        .success();
    let name = fs::read_dir(&first)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .file_name();
    let again = ws.path().join("again");
    fs::create_dir_all(&again).unwrap();
    let precious = write(ws.path(), "precious.txt", "keep me");
    std::os::unix::fs::symlink(&precious, again.join(&name)).unwrap();
    dmat(ws.path())
        .args(["demo", "--firms", "1", "-o"])
        .arg(&again)
        .assert()
        .code(1)
        .stderr(contains("nothing was written"));
    assert_eq!(fs::read_to_string(&precious).unwrap(), "keep me");
}

// 9. CSV in semicolon locales.

#[test]
fn a_cell_holding_a_semicolon_is_quoted_with_the_comma_delimiter() {
    let ws = workspace();
    let a = write(
        ws.path(),
        "a.toml",
        &VISIT.replace("淄博华泰风机有限公司", "Firm;=1+1"),
    );
    dmat(ws.path())
        .arg("export")
        .arg(&a)
        .assert()
        .success()
        .stdout(contains(",\"Firm;=1+1\","));
}

// 10. Small contract gaps.

#[test]
fn a_file_that_is_not_utf8_is_placed_at_its_line_and_column() {
    let ws = workspace();
    let a = ws.path().join("latin1.toml");
    let mut bytes = VISIT.as_bytes().to_vec();
    bytes.extend_from_slice(b"[answers.x]\nnote = \"\xe9t\xe9\"\n");
    fs::write(&a, bytes).unwrap();
    refused(
        ws.path(),
        "validate",
        &a,
        "latin1.toml:20:9: the file is not UTF-8 text (byte 0xe9 here)",
    );
}

#[test]
fn a_byte_order_mark_is_not_counted_as_a_column() {
    let ws = workspace();
    let a = write(
        ws.path(),
        "bom.toml",
        &format!("\u{feff}schemaa = 1\n{}", &VISIT[11..]),
    );
    refused(
        ws.path(),
        "validate",
        &a,
        "bom.toml:1:1: unknown key `schemaa` at the top level; did you mean `schema`?",
    );
}

#[test]
fn an_unknown_key_never_suggests_itself() {
    let ws = workspace();
    let a = write(
        ws.path(),
        "a.toml",
        &VISIT.replace("[visit]\n", "[visit]\nfirm = \"x\"\n"),
    );
    let out = dmat(ws.path()).arg("validate").arg(&a).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a.toml:14:1: unknown key `firm` in `visit`"),
        "{stderr}"
    );
    assert!(!stderr.contains("did you mean `firm`"), "{stderr}");
}

#[test]
fn validate_and_score_on_an_empty_folder_say_so() {
    let ws = workspace();
    let empty = ws.path().join("visits");
    fs::create_dir_all(&empty).unwrap();
    refused(
        ws.path(),
        "validate",
        &empty,
        "no questionnaire or assessment file (*.toml) in",
    );
    refused(ws.path(), "score", &empty, "no assessment file (*.toml) in");
}
