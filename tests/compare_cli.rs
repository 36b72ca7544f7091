//! `dmat compare` on the fixture cohort (`tests/fixtures/cohort`: five firms, one visited
//! twice): the table and Markdown against committed snapshots, the CSV sections read back,
//! sorting, filters, the table off a terminal and mixed questionnaires.

mod common;

use common::dmat;

use std::path::Path;

const COHORT: &str = "tests/fixtures/cohort";
const FEATURES: &str = "tests/fixtures/questionnaires/features.toml";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// `dmat [global] compare COHORT --questionnaire FEATURES [args]`.
fn compare(global: &[&str], args: &[&str]) -> Run {
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path())
        .args(global)
        .args(["compare", COHORT, "--questionnaire", FEATURES])
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn ok(global: &[&str], args: &[&str]) -> String {
    let r = compare(global, args);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    r.stdout
}

#[test]
fn table_shows_firms_cohort_rows_progression_and_cohort_view() {
    let out = ok(&[], &["--format", "table"]);
    insta::assert_snapshot!("table_en", out);
    // Five firms, the revisited one once, with its latest visit.
    assert!(out.starts_with("Comparison of firms\n\n5 firms · 6 assessments"));
    assert!(out.contains("Re-visited firms"));
}

#[test]
fn table_in_chinese_lines_up_by_display_width() {
    let out = ok(
        &["--lang", "zh"],
        &["--format", "table", "--section", "firms"],
    );
    insta::assert_snapshot!("table_zh_firms", out);
    // Every firm row starts its date column at the same display width.
    let rows: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("企业  "))
        .skip(2)
        .take_while(|l| !l.starts_with('─'))
        .collect();
    assert_eq!(rows.len(), 5);
    let date_at: Vec<usize> = rows
        .iter()
        .map(|l| unicode_width::UnicodeWidthStr::width(&l[..l.find("20").unwrap()]))
        .collect();
    assert!(date_at.windows(2).all(|w| w[0] == w[1]), "{out}");
}

#[test]
fn markdown_for_documents_in_chinese() {
    let out = ok(&["--lang", "zh"], &["--format", "md"]);
    insta::assert_snapshot!("md_zh", out);
    assert!(out.starts_with("# 企业对比\n"));
    assert!(out.contains("## 群体概览"));
}

#[test]
fn progression_of_the_revisited_firm() {
    let out = ok(&[], &["--format", "md", "--section", "progress"]);
    insta::assert_snapshot!("md_progress", out);
    assert!(out.contains("| **change** | +0.33 |  | +0.50 | +0.33 | 0.00 |  |"));
}

#[test]
fn filter_and_sort_choose_and_order_the_firms() {
    let out = ok(
        &[],
        &[
            "--format",
            "md",
            "--section",
            "firms",
            "--filter",
            "industry=fans,motors",
            "--sort",
            "data",
            "--asc",
        ],
    );
    insta::assert_snapshot!("md_filtered_sorted", out);
    let firms: Vec<&str> = out
        .lines()
        .filter(|l| {
            l.starts_with("| ")
                && !l.starts_with("| Firm")
                && !l.starts_with("| **")
                && !l.starts_with("| ---")
        })
        .map(|l| l.split(" | ").next().unwrap().trim_start_matches("| "))
        .collect();
    // Data ascending: B 2.00, E 3.00, A 3.06, C 3.56; D (industry other) is filtered out.
    // A cell that starts with = is escaped, so that it cannot start a heading's underline.
    assert_eq!(
        firms,
        [
            "\\=HYPERLINK(\"http://example.com\",\"x\")",
            "Boshan Fans",
            "淄博华泰风机有限公司",
            "Zibo Motors Co., Ltd."
        ]
    );
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    (header, r.records().map(|x| x.unwrap()).collect())
}

#[test]
fn csv_sections_read_back() {
    let firms = ok(&[], &["--format", "csv"]);
    insta::assert_snapshot!("csv_firms", firms);
    let (header, rows) = csv_rows(&firms);
    assert_eq!(header.last().map(String::as_str), Some("visits"));
    let at = |h: &str| header.iter().position(|x| x == h).unwrap();
    assert_eq!(rows.len(), 5);
    assert_eq!(&rows[0][at("firm")], "Zibo Motors Co., Ltd.");
    assert_eq!(&rows[0][at("percentile")], "100.00");
    assert_eq!(
        &rows[4][at("firm")],
        "'=HYPERLINK(\"http://example.com\",\"x\")"
    );
    let d = rows
        .iter()
        .find(|r| &r[at("firm")] == "周村机械厂")
        .unwrap();
    assert_eq!(&d[at("visits")], "2");
    assert_eq!(&d[at("overall")], "2.83");

    let stats = ok(&[], &["--format", "csv", "--section", "stats"]);
    insta::assert_snapshot!("csv_stats", stats);
    let (_, rows) = csv_rows(&stats);
    let talent = rows.iter().find(|r| &r[0] == "talent").unwrap();
    assert_eq!(
        talent.iter().collect::<Vec<_>>(),
        [
            "talent", "4", "2.75", "2.00", "2.38", "2.75", "3.13", "3.50"
        ]
    );

    let progress = ok(&[], &["--format", "csv", "--section", "progress"]);
    let (header, rows) = csv_rows(&progress);
    let at = |h: &str| header.iter().position(|x| x == h).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[1][at("overall_change")], "0.33");
    assert_eq!(&rows[1][at("equipment_change")], "0.50");
    assert_eq!(&rows[0][at("overall_change")], "");

    let cohort = ok(&[], &["--format", "csv", "--section", "cohort"]);
    insta::assert_snapshot!("csv_cohort", cohort);
    let (header, rows) = csv_rows(&cohort);
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let loan = rows
        .iter()
        .find(|r| &r[0] == "support" && &r[at("label")] == "Technical-upgrade loan")
        .unwrap();
    assert_eq!(&loan[at("planned")], "1");
    // The district's record: one re-visited firm, 2.5 at both visits; visits per assessor.
    let moved = rows
        .iter()
        .find(|r| &r[0] == "move" && &r[at("id")] == "2.5")
        .unwrap();
    assert_eq!((&moved[at("to_2.5")], &moved[at("firms")]), ("1", "1"));
    let chen = rows.iter().find(|r| &r[at("label")] == "Chen").unwrap();
    assert_eq!((&chen[at("visits")], &chen[at("firms")]), ("2", "2"));
}

#[test]
fn csv_holds_one_section() {
    let r = compare(&[], &["--format", "csv", "--section", "firms,cohort"]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("one section at a time"));
}

#[test]
fn without_a_terminal_the_table_is_printed_and_tui_says_why() {
    // Standard output is a pipe here: the default is the table, as before.
    let table = ok(&[], &["--format", "table"]);
    assert_eq!(
        ok(&[], &[]),
        table,
        "the default off a terminal is the table"
    );
    let r = compare(&[], &["--format", "tui"]);
    assert_eq!(r.code, Some(0));
    assert!(r.stderr.contains("not a terminal"), "{}", r.stderr);
    assert_eq!(r.stdout, table);
    // The screen writes no file.
    let r = compare(&[], &["--format", "tui", "-o", "out.txt"]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("writes no file"), "{}", r.stderr);
}

#[test]
fn unknown_sort_or_filter_is_a_usage_error_naming_what_is_known() {
    let r = compare(&[], &["--sort", "colour"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("cannot sort by `colour`") && r.stderr.contains("equipment"),
        "{}",
        r.stderr
    );
    let r = compare(&[], &["--filter", "colour=red"]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("industry"), "{}", r.stderr);
    let r = compare(&[], &["--filter", "industry"]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("FIELD=VALUE"), "{}", r.stderr);
}

#[test]
fn a_refused_filter_is_said_in_chinese_under_lang_zh() {
    let r = compare(&["--lang", "zh"], &["--filter", "colour=red"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("无法按 `colour` 筛选") && r.stderr.contains("industry"),
        "{}",
        r.stderr
    );
    let r = compare(&["--lang", "zh"], &["--filter", "stage<3"]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("`stage` 按值比较"), "{}", r.stderr);
    let r = compare(&["--lang", "zh"], &["--filter", "industry"]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("不是筛选条件"), "{}", r.stderr);
}

/// A workspace whose visits follow two questionnaires: two firms on `features`, one on
/// `other` (the same questions under another id), and a broken file.
fn two_questionnaires() -> (tempfile::TempDir, std::path::PathBuf) {
    let ws = tempfile::tempdir().unwrap();
    let qdir = ws.path().join("questionnaires");
    std::fs::create_dir_all(&qdir).unwrap();
    let features = std::fs::read_to_string(FEATURES).unwrap();
    std::fs::write(qdir.join("features.toml"), &features).unwrap();
    std::fs::write(
        qdir.join("other.toml"),
        features.replace("id = \"features\"", "id = \"other\""),
    )
    .unwrap();
    let visits = ws.path().join("visits");
    std::fs::create_dir_all(&visits).unwrap();
    for name in ["a-huatai.toml", "c-motors.toml"] {
        let src = std::fs::read_to_string(Path::new(COHORT).join(name)).unwrap();
        std::fs::write(visits.join(name), &src).unwrap();
    }
    let e = std::fs::read_to_string(Path::new(COHORT).join("e-boshan.toml")).unwrap();
    std::fs::write(
        visits.join("e.toml"),
        e.replace("id = \"features\"", "id = \"other\""),
    )
    .unwrap();
    std::fs::write(visits.join("z-broken.toml"), "schema = \n").unwrap();
    (ws, visits)
}

#[test]
fn different_questionnaires_are_compared_each_on_its_own_never_mixed() {
    let (ws, visits) = two_questionnaires();
    let run = |args: &[&str]| {
        let out = dmat(ws.path())
            .arg("compare")
            .arg(&visits)
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        (String::from_utf8(out.stdout).unwrap(), stderr)
    };
    let (stdout, stderr) = run(&["--format", "table", "--section", "firms"]);
    assert!(stderr.contains("z-broken.toml:1:"), "{stderr}");
    assert!(
        !stderr.contains("warning"),
        "nothing to warn about: {stderr}"
    );
    // One section per questionnaire, the one most firms follow first, each with its own
    // dimension columns and statistics.
    let headers: Vec<&str> = stdout.lines().filter(|l| l.starts_with("Firm")).collect();
    assert_eq!(headers.len(), 2, "{stdout}");
    assert!(headers.iter().all(|h| h.contains("equipment")), "{stdout}");
    let first = stdout.find("questionnaire features").unwrap();
    let second = stdout.find("questionnaire other").unwrap();
    assert!(first < second, "{stdout}");
    assert!(stdout[..second].contains("2 firms"), "{stdout}");
    assert!(!stdout[..second].contains("Boshan"), "{stdout}");
    insta::assert_snapshot!("table_mixed", stdout);
    // Filtered to one questionnaire, only its firms, with every dimension.
    let (stdout, _) = run(&["--format", "table", "--filter", "questionnaire=features"]);
    assert!(!stdout.contains("Boshan"), "{stdout}");
    assert!(!stdout.contains("questionnaire other"), "{stdout}");
    // CSV holds the questionnaire most firms follow; the others are counted apart, once.
    let (stdout, stderr) = run(&["--format", "csv"]);
    assert!(
        stdout.lines().next().unwrap().contains("equipment"),
        "{stdout}"
    );
    assert!(!stdout.contains("Boshan"), "{stdout}");
    assert_eq!(
        stderr
            .matches("follow other questionnaires (other 1)")
            .count(),
        1,
        "{stderr}"
    );
}

#[test]
fn versions_of_one_questionnaire_compare_with_a_warning_and_all_dimensions() {
    let ws = tempfile::tempdir().unwrap();
    let qdir = ws.path().join("questionnaires");
    std::fs::create_dir_all(&qdir).unwrap();
    let v1 = std::fs::read_to_string(FEATURES).unwrap();
    let v2 = v1.replace("version = \"0.1.0\"", "version = \"0.2.0\"")
        + "\n[[dimension]]\nid = \"safety\"\ntitle = \"Safety\"\n\n[[dimension.question]]\nid = \"guards\"\nkind = \"single\"\ntext = \"Guards?\"\noptions = [{ id = \"no\", level = 2.0, text = \"No\" }, { id = \"yes\", level = 4.0, text = \"Yes\" }]\n";
    std::fs::write(qdir.join("features.toml"), &v1).unwrap();
    std::fs::write(qdir.join("features-2.toml"), &v2).unwrap();
    let visits = ws.path().join("visits");
    std::fs::create_dir_all(&visits).unwrap();
    for (file, q, version, extra) in [
        ("a-huatai.toml", &v1, "0.1.0", ""),
        (
            "e-boshan.toml",
            &v2,
            "0.2.0",
            "\n[answers.guards]\nchoice = \"no\"\n",
        ),
    ] {
        let src = std::fs::read_to_string(Path::new(COHORT).join(file)).unwrap();
        let src = src.replace(
            "version = \"0.1.0\"\n",
            &format!(
                "version = \"{version}\"\ndigest = \"{}\"\n",
                dmat::store::digest(q.as_bytes())
            ),
        ) + extra;
        std::fs::write(visits.join(file), src).unwrap();
    }
    let out = dmat(ws.path())
        .arg("compare")
        .arg(&visits)
        .args(["--format", "csv"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("different versions of questionnaire features (0.1.0, 0.2.0)"),
        "{stderr}"
    );
    let (header, rows) = csv_rows(&String::from_utf8(out.stdout).unwrap());
    let at = |h: &str| header.iter().position(|x| x == h).unwrap();
    assert!(header.contains(&"safety".to_string()));
    let boshan = rows
        .iter()
        .find(|r| &r[at("firm")] == "Boshan Fans")
        .unwrap();
    assert_eq!(&boshan[at("safety")], "2.00");
    assert_eq!(&boshan[at("version")], "0.2.0");
    let huatai = rows.iter().find(|r| &r[at("version")] == "0.1.0").unwrap();
    assert_eq!(&huatai[at("safety")], "");
}
