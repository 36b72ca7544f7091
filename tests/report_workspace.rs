//! Where sheets go: standard output, `-o FILE`, or the workspace's `reports/` folder under a
//! safe name that never silently replaces another sheet; and a workspace's own templates
//! replacing the bundled ones.

mod common;

use common::dmat;

use std::fs;
use std::path::{Path, PathBuf};

use dmat::i18n::Lang;
use dmat::report::{Format, workspace_sheet};
use dmat::store::{Catalog, LoadedQuestionnaire, Opened, Workspace, open_assessment, write_report};

const FEATURES: &str = "tests/fixtures/questionnaires/features.toml";
const FANS: &str = "tests/fixtures/report/fans-firm.toml";

fn open(path: &Path) -> Opened {
    let mut catalog = Catalog::bundled();
    catalog.fix(LoadedQuestionnaire::load(Path::new(FEATURES)).unwrap());
    open_assessment(path, &catalog).unwrap()
}

/// Writes the sheet into the workspace and returns where.
fn write(ws: &Workspace, opened: &Opened, lang: Lang, format: Format) -> PathBuf {
    let sheet = workspace_sheet(ws, opened, &Catalog::bundled(), lang, format).unwrap();
    write_report(ws, &sheet.name, &sheet.text).unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

#[test]
fn the_workspace_sheet_is_named_after_firm_and_date_and_replaced_only_for_the_same_visit() {
    let ws_dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(ws_dir.path());
    let opened = open(Path::new(FANS));
    let first = write(&ws, &opened, Lang::Zh, Format::Html);
    assert_eq!(
        first,
        ws.reports_dir()
            .join("淄博华泰风机有限公司-2026-11-27.html")
    );
    assert!(
        fs::read_to_string(&first)
            .unwrap()
            .contains("淄博华泰风机有限公司")
    );

    // The same visit again (say, after editing it): the sheet is replaced, not duplicated.
    let again = write(&ws, &opened, Lang::En, Format::Html);
    assert_eq!(again, first);
    assert!(
        fs::read_to_string(&again)
            .unwrap()
            .contains("Where the firm stands")
    );

    // Another assessment of the same firm on the same day gets a name of its own.
    let copy_dir = tempfile::tempdir().unwrap();
    let copy = copy_dir.path().join("second-visit.toml");
    fs::copy(FANS, &copy).unwrap();
    let second = write(&ws, &open(&copy), Lang::Zh, Format::Html);
    assert_eq!(
        second,
        ws.reports_dir()
            .join("淄博华泰风机有限公司-2026-11-27-2.html")
    );

    // A file the user put there is never overwritten.
    let md = ws.reports_dir().join("淄博华泰风机有限公司-2026-11-27.md");
    fs::write(&md, "my own notes").unwrap();
    let third = write(&ws, &opened, Lang::Zh, Format::Md);
    assert_eq!(fs::read_to_string(&md).unwrap(), "my own notes");
    assert_eq!(
        third,
        ws.reports_dir()
            .join("淄博华泰风机有限公司-2026-11-27-2.md")
    );
    assert_eq!(
        names(&ws.reports_dir()),
        vec![
            "淄博华泰风机有限公司-2026-11-27-2.html",
            "淄博华泰风机有限公司-2026-11-27-2.md",
            "淄博华泰风机有限公司-2026-11-27.html",
            "淄博华泰风机有限公司-2026-11-27.md",
        ]
    );
}

#[test]
fn a_firm_name_cannot_lead_the_sheet_out_of_the_reports_folder() {
    let ws_dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(ws_dir.path());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    let text = fs::read_to_string(FANS).unwrap().replace(
        "name = \"淄博华泰风机有限公司\"",
        "name = \"../../etc/淄博\\\\风机:有限\\u0007公司\"",
    );
    fs::write(&path, text).unwrap();
    let written = write(&ws, &open(&path), Lang::Zh, Format::Md);
    assert_eq!(written.parent(), Some(ws.reports_dir().as_path()));
    assert_eq!(
        written.file_name().unwrap().to_string_lossy(),
        "etc-淄博-风机-有限-公司-2026-11-27.md"
    );
}

#[test]
fn report_writes_to_standard_output_or_to_the_file_given() {
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path())
        .args(["report", FANS, "--questionnaire", FEATURES])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("# One firm, one policy"));

    let target = ws.path().join("sheet.html");
    let out = dmat(ws.path())
        .args([
            "report",
            FANS,
            "--questionnaire",
            FEATURES,
            "--format",
            "html",
            "-o",
        ])
        .arg(&target)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let html = fs::read_to_string(&target).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Self-contained: no scripts, nothing fetched from elsewhere.
    for external in [
        "<script", "<link", "src=", "url(", "@import", "http://", "https://",
    ] {
        assert!(!html.contains(external), "{external}");
    }
    assert!(html.contains("@page"));
    assert!(html.contains("size: A4"));
    assert!(html.contains("Noto Sans CJK SC"));
}

#[test]
fn a_missing_assessment_is_an_error_naming_the_file() {
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path())
        .args(["report", "no-such-visit.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no-such-visit.toml"), "{err}");
}

fn with_template(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let ws = tempfile::tempdir().unwrap();
    let dir = ws.path().join("templates");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    (ws, path)
}

fn report_in(ws: &Path, file: &str, format: &str) -> std::process::Output {
    dmat(ws)
        .args([
            "report",
            file,
            "--questionnaire",
            FEATURES,
            "--format",
            format,
        ])
        .output()
        .unwrap()
}

#[test]
fn a_workspace_template_replaces_the_bundled_one_and_still_escapes() {
    let (ws, _) = with_template(
        "sheet.html.j2",
        "<p>{{ header.firm }} · {{ standing.overall }} · {{ plan.count }}</p>\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    let text = fs::read_to_string(FANS)
        .unwrap()
        .replace("淄博华泰风机有限公司", "<i>Huatai</i>");
    fs::write(&path, text).unwrap();
    let out = report_in(ws.path(), path.to_str().unwrap(), "html");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "<p>&lt;i&gt;Huatai&lt;&#x2f;i&gt; · 2.21 · 8</p>\n"
    );
    // The other format keeps the bundled template.
    let md = report_in(ws.path(), path.to_str().unwrap(), "md");
    assert!(
        String::from_utf8(md.stdout)
            .unwrap()
            .starts_with("# One firm")
    );
}

#[test]
fn a_workspace_template_may_extend_the_bundled_one_block_by_block() {
    let (ws, _) = with_template(
        "sheet.md.j2",
        "{% extends \"bundled/sheet.md.j2\" %}\n{% block footer %}Zhoucun bureau · {{ header.firm }}\n{% endblock %}\n",
    );
    let out = report_in(ws.path(), FANS, "md");
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# One firm, one policy"));
    assert!(md.contains("## 4\\. The plan"));
    assert!(
        md.ends_with("Zhoucun bureau · 淄博华泰风机有限公司\n"),
        "{md}"
    );
}

#[test]
fn a_broken_workspace_template_is_reported_at_its_line() {
    let (ws, path) = with_template(
        "sheet.md.j2",
        "# {{ header.firm }}\n\n{% for x in plan.groups %}\n{{ x.title }\n{% endfor %}\n",
    );
    let out = report_in(ws.path(), FANS, "md");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let expected = format!("{}:4:", path.display());
    assert!(err.starts_with(&expected), "{err}");
    assert!(err.contains("cannot render the sheet"), "{err}");
}
