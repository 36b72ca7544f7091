//! The commands without a terminal UI, run as a user runs them.

mod common;

use common::dmat;

use std::path::{Path, PathBuf};

use predicates::str::contains;

const FEATURES: &str = "tests/fixtures/questionnaires/features.toml";

/// A workspace with the feature questionnaire installed.
fn workspace() -> tempfile::TempDir {
    let ws = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(ws.path().join("questionnaires")).unwrap();
    std::fs::copy(FEATURES, ws.path().join("questionnaires/features.toml")).unwrap();
    ws
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const VISIT: &str = r#"schema = 1

[questionnaire]
id = "features"
version = "0.1.0"

[firm]
name = "淄博华泰风机有限公司"

[profile]
employees = 20
industry = "fans"

[visit]
date = 2026-11-27
assessor = "王建国"
status = "complete"
summary = "基础较弱。"

[answers.has-cnc]
choice = "no"
note = "全部为普通车床"

[answers.systems]
choices = ["erp"]

[answers.practices]
choices = ["counts"]

[answers.training]
value = 3.0

[answers.energy]
na = true

[answers.retired-question]
choice = "old"
note = "kept from an earlier version"
"#;

#[test]
fn score_json_is_one_object_per_line_with_the_design_fields() {
    let ws = workspace();
    let a = write(ws.path(), "a.toml", VISIT);
    let out = dmat(ws.path())
        .args(["score", "--format", "json"])
        .arg(&a)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(v["firm"], "淄博华泰风机有限公司");
    assert_eq!(v["questionnaire"], "features");
    assert_eq!(v["version"], "0.1.0");
    assert_eq!(v["rules"], "2");
    assert_eq!(v["status"], "complete");
    // equipment: has-cnc 2.0; data: systems 3.0 (w1), practices 2.0 (w2) = 7/3;
    // talent: training 3.0 (w 0.5) = 3.0; green: N/A, no score.
    assert_eq!(v["dimensions"]["equipment"], 2.0);
    assert_eq!(v["dimensions"]["data"], 2.33);
    assert_eq!(v["dimensions"]["talent"], 3.0);
    assert_eq!(v["dimensions"]["green"], serde_json::Value::Null);
    // overall: (2×2.0 + 7/3 + 3.0) / 4 = 2.333…
    assert_eq!(v["overall"], 2.33);
    assert_eq!(v["stage"], "2.0");
    assert_eq!(v["bottleneck"], "equipment");
    // Visible scorable: has-cnc, automation, systems, practices, training, energy = 6;
    // answered: has-cnc, systems, practices, training, energy (N/A) = 5.
    assert_eq!(v["completeness"], 0.83);
    let recs: Vec<&str> = v["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(
        recs,
        [
            "cnc-upgrade",
            "data-basics",
            "overall-low",
            "fans-chain",
            "small-firm",
            "ask-remarks",
            "energy-na"
        ]
    );
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "file",
            "firm",
            "questionnaire",
            "version",
            "rules",
            "status",
            "completeness",
            "overall",
            "stage",
            "provisional",
            "held_by",
            "bottleneck",
            "dimensions",
            "recommendations",
            "verdict",
            "plan",
            "projected"
        ]
    );
    // Rules 2: not provisional, not held, no verdict in this questionnaire; the plan places
    // three in short (its default size) and the fourth short one moves to medium; nothing
    // raises an answer, so every horizon projects today's scores.
    assert_eq!(v["provisional"], false);
    assert_eq!(v["held_by"], serde_json::json!([]));
    assert_eq!(v["verdict"], serde_json::Value::Null);
    assert_eq!(
        v["plan"],
        serde_json::json!({
            "short": ["data-basics", "overall-low", "fans-chain"],
            "medium": ["cnc-upgrade", "small-firm", "ask-remarks", "energy-na"],
            "long": [],
            "later": []
        })
    );
    for h in ["short", "medium", "long"] {
        assert_eq!(
            v["projected"][h],
            serde_json::json!({"overall": 2.33, "stage": "2.0"})
        );
    }
}

#[test]
fn score_text_names_versions_and_explain_shows_every_number() {
    let ws = workspace();
    let a = write(ws.path(), "a.toml", VISIT);
    dmat(ws.path())
        .args(["score", "--explain"])
        .arg(&a)
        .assert()
        .success()
        .stdout(contains("features 0.1.0 · scoring rules 2"))
        .stdout(contains(
            "Overall: 2.33 · Stage: 2.0 Industry 2.0 · Bottleneck: Equipment and automation",
        ))
        .stdout(contains("(1.00×3.00 + 2.00×2.00) / 3.00 = 2.33"))
        .stdout(contains(
            "- energy                 left out: not applicable",
        ))
        .stdout(contains(
            "- cnc-share              left out: not asked (its condition is false)",
        ))
        .stdout(contains("- automation             left out: unanswered"))
        .stdout(contains(
            "because “Does the firm have CNC machines?” was answered “No”",
        ))
        .stdout(contains(
            "Overall = (2.00×2.00 + 1.00×2.33 + 1.00×3.00) / 4.00 = 2.33",
        ));
}

#[test]
fn score_text_comes_in_chinese() {
    let ws = workspace();
    let a = write(ws.path(), "a.toml", VISIT);
    dmat(ws.path())
        .args(["--lang", "zh", "score"])
        .arg(&a)
        .assert()
        .success()
        .stdout(contains(
            "总分: 2.33 · 阶段: 2.0 工业2.0 · 短板: 装备与自动化",
        ))
        .stdout(contains("评分规则 2"));
    // LANG decides when --lang is not given.
    dmat(ws.path())
        .env("LANG", "zh_CN.UTF-8")
        .arg("score")
        .arg(&a)
        .assert()
        .success()
        .stdout(contains("短板"));
}

#[test]
fn a_changed_questionnaire_is_a_warning_and_scoring_goes_on() {
    let ws = workspace();
    let text = VISIT.replace(
        "version = \"0.1.0\"",
        "version = \"0.1.0\"\ndigest = \"sha256:0000\"",
    );
    let a = write(ws.path(), "a.toml", &text);
    dmat(ws.path())
        .args(["score", "--format", "json"])
        .arg(&a)
        .assert()
        .success()
        .stdout(contains("\"overall\":2.33"))
        .stderr(contains(
            "a.toml:6:10: warning: questionnaire `features` has changed since this visit began",
        ));
}

#[test]
fn an_orphaned_answer_is_a_warning_and_is_kept() {
    let ws = workspace();
    let a = write(ws.path(), "a.toml", VISIT);
    dmat(ws.path())
        .arg("score")
        .arg(&a)
        .assert()
        .success()
        .stderr(contains("warning: question `retired-question` is not in the questionnaire; the answer is kept as orphaned"));
}

#[test]
fn saving_a_loaded_assessment_keeps_every_answer_verbatim() {
    let ws = workspace();
    let text = VISIT.replace("choices = [\"erp\"]", "choices = [\"erp\", \"blockchain\"]");
    let a = write(ws.path(), "a.toml", &text);
    let catalog = dmat::store::Catalog::load(&dmat::store::Workspace::new(ws.path()));
    let opened = dmat::store::open_assessment(&a, &catalog).unwrap();
    dmat::store::save_assessment(&a, &opened.assessment).unwrap();
    let saved = std::fs::read_to_string(&a).unwrap();
    assert!(
        saved.contains(
            "[answers.retired-question]\nchoice = \"old\"\nnote = \"kept from an earlier version\""
        ),
        "{saved}"
    );
    assert!(
        saved.contains("choices = [\"erp\", \"blockchain\"]"),
        "{saved}"
    );
    let again = dmat::store::open_assessment(&a, &catalog).unwrap();
    assert_eq!(again.assessment, opened.assessment);
}

#[test]
fn a_file_that_does_not_load_fails_with_status_1_and_others_still_score() {
    let ws = workspace();
    let good = write(ws.path(), "good.toml", VISIT);
    let bad = write(
        ws.path(),
        "bad.toml",
        "schema = 1\n[questionnaire]\nid = \"nope\"\nversion = \"1\"\n[firm]\nname = \"x\"\n",
    );
    dmat(ws.path())
        .args(["score", "--format", "json"])
        .arg(&good)
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(contains("淄博华泰风机有限公司"))
        .stderr(contains("bad.toml:3:6: questionnaire `nope` is neither bundled nor in the workspace's questionnaires folder"));
}

#[test]
fn questionnaire_flag_scores_against_a_given_file() {
    let ws = tempfile::tempdir().unwrap();
    let a = write(ws.path(), "a.toml", VISIT);
    dmat(ws.path())
        .args(["score", "--format", "json", "--questionnaire", FEATURES])
        .arg(&a)
        .assert()
        .success()
        .stdout(contains("\"overall\":2.33"));
}

#[test]
fn questionnaires_lists_bundled_and_workspace_ones() {
    let ws = workspace();
    dmat(ws.path())
        .arg("questionnaires")
        .assert()
        .success()
        .stdout(contains("features"))
        .stdout(contains("Feature test questionnaire"))
        .stdout(contains("bundled:"));
}

#[test]
fn questionnaires_lists_versions_and_counts_of_dimensions_and_questions() {
    let ws = workspace();
    let out = dmat(ws.path()).arg("questionnaires").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let row = stdout
        .lines()
        .find(|l| l.starts_with("features "))
        .expect("a row for features");
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells[1], "0.1.0");
    // Title words, then 4 dimensions and 10 questions, then where it comes from.
    let n = cells.len();
    assert_eq!(&cells[n - 3..n - 1], ["4", "10"], "{row}");
    assert!(
        cells[n - 1].ends_with("questionnaires/features.toml"),
        "{row}"
    );
}

#[test]
fn the_workspace_flag_wins_over_the_environment() {
    let with_features = workspace();
    let empty = tempfile::tempdir().unwrap();
    // DMAT_WORKSPACE names the empty one; --workspace the one with the questionnaire.
    dmat(empty.path())
        .arg("--workspace")
        .arg(with_features.path())
        .arg("questionnaires")
        .assert()
        .success()
        .stdout(contains("Feature test questionnaire"));
    let out = dmat(empty.path()).arg("questionnaires").output().unwrap();
    assert!(
        !String::from_utf8(out.stdout)
            .unwrap()
            .contains("Feature test questionnaire")
    );
}

#[test]
fn a_broken_workspace_questionnaire_is_reported_by_questionnaires() {
    let ws = workspace();
    write(
        &ws.path().join("questionnaires"),
        "broken.toml",
        "schema = 1\nid = \"x\"\nwieght = 1\n",
    );
    dmat(ws.path())
        .arg("questionnaires")
        .assert()
        .code(1)
        .stdout(contains("features"))
        .stderr(contains("broken.toml:3:1: unknown key `wieght`"));
}

#[test]
fn demo_is_deterministic_and_its_files_validate_and_score() {
    let ws = workspace();
    let (one, two) = (ws.path().join("one"), ws.path().join("two"));
    for dir in [&one, &two] {
        dmat(ws.path())
            .args([
                "demo",
                "--firms",
                "25",
                "--seed",
                "9",
                "--questionnaire",
                "features",
                "-o",
            ])
            .arg(dir)
            .assert()
            .success();
    }
    let files: Vec<_> = std::fs::read_dir(&one)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(files.len(), 25);
    for f in &files {
        assert_eq!(
            std::fs::read(one.join(f)).unwrap(),
            std::fs::read(two.join(f)).unwrap(),
            "{f:?}"
        );
    }
    dmat(ws.path()).arg("validate").arg(&one).assert().success();
    let out = dmat(ws.path())
        .args(["score", "--format", "json"])
        .arg(&one)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 25);
}

#[test]
fn the_default_demo_is_a_districts_folder_that_never_replaces_other_files() {
    let ws = workspace();
    let dir = ws.path().join("district");
    let run = || {
        let mut cmd = dmat(ws.path());
        cmd.args(["demo", "--firms", "40", "--seed", "3", "-o"])
            .arg(&dir);
        cmd
    };
    run()
        .assert()
        .success()
        .stderr(contains("quick scans: 40"))
        .stderr(contains("full visits"));
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.iter().filter(|n| n.ends_with("-scan.toml")).count(),
        40
    );
    assert!(names.iter().any(|n| n.ends_with("-visit.toml")));
    dmat(ws.path()).arg("validate").arg(&dir).assert().success();
    // Its own files it writes again, byte for byte the same.
    let first = std::fs::read(dir.join("firm-0000-scan.toml")).unwrap();
    run().assert().success();
    assert_eq!(
        std::fs::read(dir.join("firm-0000-scan.toml")).unwrap(),
        first
    );
    // A file it did not write it refuses to replace, and writes nothing.
    let mine = dir.join("firm-0001-scan.toml");
    std::fs::write(&mine, "# my own notes\n").unwrap();
    std::fs::remove_file(dir.join("firm-0000-scan.toml")).unwrap();
    run()
        .assert()
        .code(1)
        .stderr(contains("firm-0001-scan.toml"))
        .stderr(contains("did not write it"));
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "# my own notes\n");
    assert!(!dir.join("firm-0000-scan.toml").exists());
    // Removing the demo removes its files only.
    dmat(ws.path())
        .args(["demo", "--remove", "-o"])
        .arg(&dir)
        .assert()
        .success()
        .stderr(contains("removed"));
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1);
    assert!(mine.exists());
}

#[test]
fn version_and_help_teach_by_example() {
    let ws = tempfile::tempdir().unwrap();
    dmat(ws.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(contains(env!("CARGO_PKG_VERSION")));
    dmat(ws.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("Examples:"))
        .stdout(contains("dmat score firm.toml --explain"))
        .stdout(contains("Exit status: 0 success, 1 invalid input"));
    dmat(ws.path())
        .args(["--lang", "en", "export", "--help"])
        .assert()
        .success()
        .stdout(contains("Export scorecards to CSV or Excel"))
        .stdout(contains(
            "Start with a UTF-8 byte-order mark, so Excel and WPS read Chinese correctly",
        ))
        .stdout(contains("Output file [default: standard output]"));
}

#[test]
fn usage_mistakes_exit_with_status_2() {
    let ws = tempfile::tempdir().unwrap();
    dmat(ws.path())
        .args(["score", "--format", "yaml", "x.toml"])
        .assert()
        .code(2);
    dmat(ws.path()).args(["frobnicate"]).assert().code(2);
    // --lang takes the two languages, after the command too, and nothing else.
    dmat(ws.path())
        .args(["--lang", "fr", "questionnaires"])
        .assert()
        .code(2)
        .stderr(contains("[possible values: zh, en]"));
    dmat(ws.path())
        .args(["questionnaires", "--lang", "zh"])
        .assert()
        .success()
        .stdout(contains("智能制造"));
}

const POLICY: &str = "tests/fixtures/questionnaires/policy.toml";

/// A firm of the policy questionnaire (gates, plan sizes, `after`, `raises`, verdicts) below
/// 2.5 in every dimension.
const WEAK: &str = r#"schema = 1

[questionnaire]
id = "policy"
version = "0.1.0"

[firm]
name = "淄博某风机有限公司"

[visit]
date = 2026-11-27

[answers.cnc]
choice = "none"

[answers.automation]
choice = "islands"

[answers.erp]
choice = "paper"

[answers.tools]
choices = ["cad-2d"]

[answers.inspection]
choice = "visual"

[answers.scrap]
value = 6.0

[answers.backup]
choice = "none"
"#;

/// The weak firm with strong equipment and quality: 3.34 overall, held below 3.0 by systems.
fn held_firm() -> String {
    WEAK.replace(
        "choice = \"none\"\n\n[answers.automation]\nchoice = \"islands\"",
        "choice = \"most\"\n\n[answers.automation]\nchoice = \"lines\"",
    )
    .replace("choice = \"visual\"", "choice = \"online\"")
    .replace("value = 6.0", "value = 1.0")
    .replace(
        "[answers.backup]\nchoice = \"none\"",
        "[answers.backup]\nchoice = \"offline\"",
    )
}

#[test]
fn explain_says_why_each_action_sits_in_its_term_and_what_each_term_changes() {
    let ws = tempfile::tempdir().unwrap();
    let a = write(ws.path(), "weak.toml", WEAK);
    dmat(ws.path())
        .args(["--lang", "zh", "score", "--explain", "--questionnaire", POLICY])
        .arg(&a)
        .assert()
        .success()
        .stdout(contains("按计划实施后: 2.16 → 2.34 → 2.66 → 2.84 · 阶段 2.0 → 2.5"))
        .stdout(contains("     1. [高] register — 建设备台账\n          因为 “设备与自动化”维度得分2.25，达到工业3.0需要3.00\n          → 属于近期的措施，排在近期。"))
        .stdout(contains("     6. [中] cad — 用三维CAD"))
        .stdout(contains("→ 更紧要的措施排满了近期（2项）、中期（2项）、远期（1项），所以以后再议。"))
        .stdout(contains("  近期完成后：总分2.34，阶段2.0\n      “用什么管生产？”：纸质 → ERP（上ERP）"))
        .stdout(contains("结论: 先打基础"));
    let b = write(ws.path(), "held.toml", &held_firm());
    dmat(ws.path())
        .args([
            "--lang",
            "en",
            "score",
            "--explain",
            "--questionnaire",
            POLICY,
        ])
        .arg(&b)
        .assert()
        .success()
        .stdout(contains(
            "Overall: 3.34 · Stage: 2.5 Industry 2.5 · Bottleneck: Systems",
        ))
        .stdout(contains(
            "Not yet Industry 3.0: Systems scored 2.25; Industry 3.0 needs 2.75.",
        ))
        .stdout(contains("Verdict: Ready for the next step"))
        .stdout(contains(
            "If the plan is carried out: 3.34 → 3.59 → 3.59 → 3.59 · stage 2.5 → 3.5",
        ));
}

#[test]
fn score_json_carries_the_gate_the_plan_the_projection_and_the_verdict() {
    let ws = tempfile::tempdir().unwrap();
    let a = write(ws.path(), "held.toml", &held_firm());
    let out = dmat(ws.path())
        .args(["score", "--format", "json", "--questionnaire", POLICY])
        .arg(&a)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["stage"], "2.5");
    assert_eq!(v["held_by"], serde_json::json!(["systems"]));
    assert_eq!(v["bottleneck"], "systems");
    assert_eq!(v["verdict"], "ready");
    assert_eq!(v["plan"]["short"], serde_json::json!(["erp-basic", "cad"]));
    assert_eq!(
        v["projected"]["short"],
        serde_json::json!({"overall": 3.59, "stage": "3.5"})
    );
}

#[test]
fn explain_prints_a_question_holding_braces_as_written() {
    // A text of the file is never read as a template: `{1}` in a question stays `{1}`.
    let ws = tempfile::tempdir().unwrap();
    let policy = std::fs::read_to_string(POLICY).unwrap().replace(
        "en = \"How is production managed?\"",
        "en = \"How is production managed ({1} units, {2})?\"",
    );
    let q = write(ws.path(), "policy.toml", &policy);
    let a = write(ws.path(), "weak.toml", WEAK);
    dmat(ws.path())
        .args(["score", "--explain", "--questionnaire"])
        .arg(&q)
        .arg(&a)
        .assert()
        .success()
        .stdout(contains(
            "“How is production managed ({1} units, {2})?”: Paper → ERP",
        ))
        .stdout(contains(
            "“How is production managed ({1} units, {2})?” scored 2.00; Industry 3.0 needs 3.00",
        ));
}
