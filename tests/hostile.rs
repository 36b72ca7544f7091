//! Hostile files through every command: the questionnaire and assessments of `tests/hostile`
//! carry terminal escape sequences (retitling, clearing, OSC 52 clipboard writes), 8-bit
//! controls (U+009B), bells, bidirectional overrides (U+202E) and NaN; beside them a file whose
//! very name holds an escape sequence, and links that loop. Whatever a command prints — on
//! standard output or in messages — holds no control character but line breaks and tabs,
//! and no bidirectional control; files written with `-o` neither.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::dmat;

/// Long enough for any command here; a hang (a walk into a link loop) fails.
const PATIENCE: Duration = Duration::from_secs(120);

/// The firm's name as dmat may show it: its escape sequence and override gone.
const FIRM: &str = "Firm;=1+1";

/// A workspace holding the hostile questionnaire (and one too broken to load), and a
/// `visits` folder with the hostile assessments, one under a hostile file name, and link loops.
struct Setting {
    _dir: tempfile::TempDir,
    ws: PathBuf,
    visits: PathBuf,
    assessment: PathBuf,
}

fn setting() -> Setting {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let qs = ws.join("questionnaires");
    fs::create_dir_all(&qs).unwrap();
    fs::copy("tests/hostile/questionnaire.toml", qs.join("hostile.toml")).unwrap();
    fs::copy(
        "tests/hostile/bad-version.toml",
        qs.join("bad-version.toml"),
    )
    .unwrap();
    let visits = dir.path().join("visits");
    fs::create_dir_all(visits.join("sub")).unwrap();
    let assessment = visits.join("assessment.toml");
    fs::copy("tests/hostile/assessment.toml", &assessment).unwrap();
    fs::copy("tests/hostile/nan.toml", visits.join("nan.toml")).unwrap();
    let text = fs::read_to_string(&assessment)
        .unwrap()
        .replace("Firm\\u001b]2;t\\u0007", "Other firm\\u001b]2;t\\u0007");
    fs::write(
        visits.join("sub/evil\u{1b}]2;pwned\u{7}\u{202e}.toml"),
        text,
    )
    .unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(".", visits.join("self")).unwrap();
        std::os::unix::fs::symlink("..", visits.join("sub/up")).unwrap();
    }
    Setting {
        _dir: dir,
        ws,
        visits,
        assessment,
    }
}

/// The characters that must never be written raw: C0 controls but line break and tab, DEL,
/// C1 controls, and bidirectional embeddings, overrides and isolates.
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn assert_inert(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| forbidden(*c))
        .take(5)
        .collect();
    assert!(
        bad.is_empty(),
        "{what}: raw control characters {bad:?} in\n{}",
        text.escape_debug()
    );
}

/// Runs dmat with `args` in the setting; checks both streams and returns standard output.
fn run(s: &Setting, args: &[&str], what: &str) -> String {
    let out = dmat(&s.ws).args(args).timeout(PATIENCE).output().unwrap();
    assert_inert(&out.stdout, &format!("{what}: standard output"));
    assert_inert(&out.stderr, &format!("{what}: standard error"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn validate_shows_every_quoted_text_inert() {
    let s = setting();
    let out = run(&s, &["validate", path(&s.visits)], "validate visits");
    assert!(
        out.contains("ok: assessment of questionnaire hostile"),
        "{out}"
    );
    let files = [
        "tests/hostile/questionnaire.toml",
        "tests/hostile/bad-version.toml",
        "tests/hostile/assessment.toml",
        "tests/hostile/nan.toml",
    ];
    let out = dmat(&s.ws)
        .arg("validate")
        .args(files)
        .timeout(PATIENCE)
        .output()
        .unwrap();
    assert_inert(&out.stdout, "validate files: standard output");
    assert_inert(&out.stderr, "validate files: standard error");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "the version `1\\u{1b}]2;pwned\\u{7}` may not hold spaces or control characters"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("question `orph\\u{1b}]52;c;Zm9v\\u{7}an` is not in the questionnaire")
    );
}

#[test]
fn score_as_text_json_and_explained_is_inert() {
    let s = setting();
    let a = path(&s.assessment);
    let text = run(&s, &["score", a], "score");
    assert!(
        text.contains(FIRM) && text.contains("Hostile questionnaire"),
        "{text}"
    );
    let explained = run(&s, &["score", "--explain", a], "score --explain");
    assert!(explained.contains("Any CNC machines?"), "{explained}");
    run(&s, &["score", path(&s.visits)], "score visits");
    let json = run(&s, &["score", "--format", "json", a], "score json");
    let v: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    // JSON keeps the data, escaped: the name reads back whole.
    assert_eq!(v["firm"], "Firm\u{1b}]2;t\u{7};=1+1 \u{9b} \u{202e}gnp.exe");
    assert!(
        json.contains("\\u009b") && json.contains("\\u202e"),
        "{json}"
    );
    run(
        &s,
        &["score", "--format", "json", path(&s.visits)],
        "score json visits",
    );
}

#[test]
fn reports_in_markdown_and_html_are_inert_on_standard_output_and_in_files() {
    let s = setting();
    let a = path(&s.assessment);
    let md = run(&s, &["report", a], "report md");
    assert!(md.contains("Firm;=1+1"), "{md}");
    let html = run(&s, &["report", "--format", "html", a], "report html");
    assert!(html.contains("</html>"));
    for (format, name) in [("md", "sheet.md"), ("html", "sheet.html")] {
        let out = s.ws.join(name);
        run(
            &s,
            &["report", "--format", format, a, "-o", path(&out)],
            name,
        );
        let written = fs::read(&out).unwrap();
        assert!(
            !written.contains(&0x1b) && !written.contains(&0x07),
            "{name}"
        );
        assert_inert(&written, name);
    }
}

#[test]
fn exports_in_csv_long_and_xlsx_are_inert() {
    let s = setting();
    let v = path(&s.visits);
    let wide = run(&s, &["export", v], "export");
    assert!(wide.contains("\"Firm;=1+1"), "{wide}");
    let long = run(&s, &["export", "--long", "--labels", v], "export --long");
    assert!(long.contains("Paper"), "{long}");
    let csv = s.ws.join("out.csv");
    run(&s, &["export", v, "-o", path(&csv)], "export -o");
    assert_inert(&fs::read(&csv).unwrap(), "out.csv");
    let xlsx = s.ws.join("out.xlsx");
    run(
        &s,
        &["export", "--format", "xlsx", v, "-o", path(&xlsx)],
        "export xlsx",
    );
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let mut cells = 0;
    for (name, range) in book.worksheets() {
        for cell in range.used_cells() {
            if let Data::String(text) = cell.2 {
                assert_inert(text.as_bytes(), &format!("xlsx sheet {name}"));
                cells += 1;
            }
        }
    }
    assert!(cells > 10, "the workbook has text");
}

#[test]
fn compare_tables_markdown_and_csv_are_inert() {
    let s = setting();
    let v = path(&s.visits);
    for format in ["table", "md", "csv"] {
        let out = run(&s, &["compare", "--format", format, v], format);
        assert!(out.contains("Firm;=1+1"), "{format}: {out}");
    }
    run(
        &s,
        &["compare", "--format", "csv", "--section", "cohort", v],
        "compare csv cohort",
    );
}

#[test]
fn the_list_of_questionnaires_and_the_demo_are_inert() {
    let s = setting();
    let list = run(&s, &["questionnaires"], "questionnaires");
    assert!(list.contains("Hostile questionnaire"), "{list}");
    let demo = s.ws.join("demo\u{1b}]2;x\u{7}");
    let q = s.ws.join("questionnaires/hostile.toml");
    run(
        &s,
        &[
            "demo",
            "--firms",
            "3",
            "--questionnaire",
            path(&q),
            "-o",
            path(&demo),
        ],
        "demo",
    );
    let out = run(&s, &["score", path(&demo)], "score demo");
    assert!(out.contains("Hostile questionnaire"), "{out}");
}
