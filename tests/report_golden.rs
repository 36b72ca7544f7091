//! Golden files of the recommendation sheet: `dmat report` on two firms of the feature
//! questionnaire (one at Industry 2.x with many recommendations, one at 3.x with few), in
//! Markdown and HTML, in Chinese and English; and one firm on the bundled smart-manufacturing
//! questionnaire, whose golden pair changes when that questionnaire's content does. Review
//! changes with `cargo insta review`.

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

#[test]
fn the_bundled_questionnaire_sheet_matches_its_golden_pair() {
    for format in ["md", "html"] {
        insta::assert_snapshot!(
            format!("stainless-firm-zh.{format}"),
            sheet_of("stainless-firm", "zh", format, None)
        );
    }
}
