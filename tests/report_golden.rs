//! Golden files of the recommendation sheet: `dmat report` on two firms of the feature
//! questionnaire (one at Industry 2.x with many recommendations, one at 3.x with few), in
//! Markdown and HTML, in Chinese and English; and three firms on the bundled
//! smart-manufacturing questionnaire (a long plan, a firm held by a gate, a provisional one),
//! whose golden files change when that questionnaire's content does. Review changes with
//! `cargo insta review`.

mod common;

use common::dmat;

const FEATURES: &str = "tests/fixtures/questionnaires/features.toml";
const FIRMS: [&str; 2] = ["fans-firm", "motors-firm"];

/// The sheet `dmat report` prints, with dmat's own version masked so that releases do not
/// change the golden files.
fn sheet(firm: &str, lang: &str, format: &str) -> String {
    sheet_of(firm, lang, format, Some(FEATURES))
}

fn sheet_of(firm: &str, lang: &str, format: &str, questionnaire: Option<&str>) -> String {
    let ws = tempfile::tempdir().unwrap();
    let mut cmd = dmat(ws.path());
    cmd.args(["--lang", lang, "report"])
        .arg(format!("tests/fixtures/report/{firm}.toml"))
        .args(["--format", format]);
    if let Some(q) = questionnaire {
        cmd.args(["--questionnaire", q]);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "dmat report failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().replace(
        concat!("dmat ", env!("CARGO_PKG_VERSION")),
        "dmat [version]",
    )
}

#[test]
fn markdown_sheets_match_their_golden_files() {
    for firm in FIRMS {
        for lang in ["zh", "en"] {
            insta::assert_snapshot!(format!("{firm}-{lang}.md"), sheet(firm, lang, "md"));
        }
    }
}

#[test]
fn html_sheets_match_their_golden_files() {
    for firm in FIRMS {
        for lang in ["zh", "en"] {
            insta::assert_snapshot!(format!("{firm}-{lang}.html"), sheet(firm, lang, "html"));
        }
    }
}

/// A firm that agreed part of its plan (owner and due date, another horizon, a declined
/// action, one of its own), and its follow-up visit half a year later: the progress on what
/// was agreed and how every score moved. Markdown, in Chinese and English.
#[test]
fn agreed_and_follow_up_sheets_match_their_golden_files() {
    for firm in ["agreed-firm", "followup-firm"] {
        for lang in ["zh", "en"] {
            insta::assert_snapshot!(format!("{firm}-{lang}.md"), sheet(firm, lang, "md"));
        }
    }
}

/// On the bundled questionnaire: a firm with a long plan (eleven actions and many later
/// options), a firm held below the next stage by a gate, and a provisional one (too little
/// answered for a stage), in both languages and both formats.
#[test]
fn the_bundled_questionnaire_sheets_match_their_golden_files() {
    for firm in ["stainless-firm", "held-firm", "provisional-firm"] {
        for lang in ["zh", "en"] {
            for format in ["md", "html"] {
                insta::assert_snapshot!(
                    format!("{firm}-{lang}.{format}"),
                    sheet_of(firm, lang, format, None)
                );
            }
        }
    }
}

/// With `--annex`, every answer follows with its evidence.
#[test]
fn the_annex_matches_its_golden_file() {
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path())
        .args([
            "--lang",
            "en",
            "report",
            "tests/fixtures/report/fans-firm.toml",
        ])
        .args(["--format", "md", "--annex", "--questionnaire", FEATURES])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap().replace(
        concat!("dmat ", env!("CARGO_PKG_VERSION")),
        "dmat [version]",
    );
    insta::assert_snapshot!("fans-firm-en-annex.md", md);
}
