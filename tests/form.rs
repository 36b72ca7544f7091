//! `dmat form`: the printable pre-visit form, as a user runs it. (Its print on A4 is tested
//! with the sheet's in `report_pdf.rs`.)

mod common;

use common::dmat;

fn form(args: &[&str]) -> String {
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path()).arg("form").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_form_holds_the_figures_and_rosters_and_not_what_is_asked_on_site() {
    let md = form(&[]);
    assert!(md.starts_with("# Pre-visit form"), "{md}");
    // Pre-visit items: the profile, figures from records, rosters.
    for text in [
        "Employees",
        "Last year's revenue",
        "What share of the main production machines are CNC?",
        // Markdown escapes the ampersand.
        r"What share of last year's revenue went into R\&D?",
        "What professional titles and skill-grade certificates do the staff hold?",
        "What was the internal scrap and rework rate over the past year?",
    ] {
        assert!(md.contains(text), "{text} is on the form");
    }
    // What the expert sees on site is not.
    for text in [
        "What is the owner's attitude",
        "How automated are the key processes",
        "What runs sales, purchasing, inventory and accounts?",
        // Figures a firm may decline are asked in person, never on paper handed over.
        "Debt-to-assets ratio",
    ] {
        assert!(!md.contains(text), "{text} is asked on site");
    }
    // Options to tick, numbered items, a place for the unified social credit code.
    assert!(md.contains("- ☐ Fans and blowers"));
    assert!(md.contains("**1. Industry segment** (tick one)"));
    assert!(md.contains("Unified social credit code"));
    assert!(md.contains("(tick all that apply)"));
}

#[test]
fn the_form_speaks_the_chosen_language_and_prints_as_html() {
    let ws = tempfile::tempdir().unwrap();
    let out = ws.path().join("form.html");
    dmat(ws.path())
        .args(["--lang", "zh", "form", "--format", "html", "-o"])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"zh\">"));
    assert!(html.contains("诊断预填表"));
    assert!(html.contains("主要加工设备中，数控设备占多大比例？"));
    assert!(html.contains("size: A4"));
}

/// A questionnaire whose pre-visit question carries markup in its text and an option.
const HOSTILE: &str = r#"
schema = 1
id = "hostile"
version = "1.0.0"
languages = ["en"]
title = "Hostile <b>title</b>"
[scale]
min = 2.0
max = 4.0
[[scale.stage]]
id = "2.0"
from = 2.0
label = "2.0"
[[dimension]]
id = "d"
title = "D"
[[dimension.question]]
id = "q"
kind = "single"
previsit = true
text = "<script>alert(1)</script> **bold**"
options = [{ id = "a", level = 2.0, text = "<img src=x onerror=alert(2)>" }]
"#;

#[test]
fn questionnaire_text_stays_text_on_the_form() {
    let ws = tempfile::tempdir().unwrap();
    let path = ws.path().join("hostile.toml");
    std::fs::write(&path, HOSTILE).unwrap();
    let path = path.to_str().unwrap();
    let html = form(&["--questionnaire", path, "--format", "html"]);
    assert!(
        !html.contains("<script>alert") && !html.contains("<img"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    let md = form(&["--questionnaire", path]);
    assert!(md.contains(r"\*\*bold\*\*"), "{md}");
    assert!(!md.contains("<script>"), "{md}");
}

#[test]
fn a_questionnaire_without_a_pre_visit_part_has_no_form() {
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path())
        .args(["form", "--questionnaire", "quick-scan"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("quick-scan") && err.contains("no pre-visit questions"),
        "{err}"
    );
}
