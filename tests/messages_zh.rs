//! Under `--lang zh` dmat's own messages are Chinese: the checks of a file (still placed at
//! `path:line:column:`), a file that is not there, the lock held by another dmat, and the
//! command line's own refusals.

mod common;

use std::path::Path;

use common::dmat;
use dmat::store::AssessmentLock;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const MINI: &str = "tests/fixtures/questionnaires/mini.toml";
const INVALID: &str = "tests/fixtures/invalid";

/// `dmat --lang zh validate --questionnaire MINI FIXTURE`: its standard error.
fn validate_zh(fixture: &str) -> String {
    let ws = tempfile::tempdir().unwrap();
    let out = dmat(ws.path())
        .args(["--lang", "zh", "validate", "--questionnaire", MINI])
        .arg(Path::new(INVALID).join(fixture))
        .output()
        .unwrap();
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn validation_errors_and_warnings_are_chinese_at_their_line_and_column() {
    let cases = [
        (
            "assessment-out-of-range.toml",
            "22:9: 140 超出了题目 `cnc-share` 的范围 [0, 100]",
        ),
        (
            "assessment-unknown-key.toml",
            "14:1: 未知的键 `asessor`（在 `visit` 中）；是不是 `assessor`？",
        ),
        (
            "assessment-orphaned-answer.toml",
            "25:10: 警告：问卷中没有题目 `old-question`；该回答作为孤立回答保留",
        ),
        (
            "duplicate-key.toml",
            "8:1: 键 `version` 重复；同一个表中一个键只能写一次",
        ),
    ];
    for (fixture, sentence) in cases {
        let stderr = validate_zh(fixture);
        let line = format!("{INVALID}/{fixture}:{sentence}");
        assert!(
            stderr.lines().any(|l| l == line),
            "expected the line\n  {line}\ngot\n{stderr}"
        );
    }
    let questionnaires = [
        (
            "level-outside-scale.toml",
            "54:28: 等级 4.5 超出了量表 [2, 4]",
        ),
        ("when-unknown-question.toml", "59:21: 未知的题目 `has-cnn`"),
        ("duplicate-question.toml", "49:6: 题目编号 `has-cnc` 重复"),
        (
            "missing-default-language.toml",
            "46:9: 这段文字没有 `zh` 版本，而它是问卷的默认语言",
        ),
    ];
    for (fixture, sentence) in questionnaires {
        let ws = tempfile::tempdir().unwrap();
        let path = format!("{INVALID}/{fixture}");
        let out = dmat(ws.path())
            .args(["--lang", "zh", "validate", &path])
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        let line = format!("{path}:{sentence}");
        assert!(
            stderr.lines().any(|l| l == line),
            "expected the line\n  {line}\ngot\n{stderr}"
        );
    }
    let stderr = validate_zh("assessment-out-of-range.toml");
    assert!(
        stderr.contains("1 个错误，0 个警告，共检查 1 个文件"),
        "{stderr}"
    );
}

#[test]
fn a_missing_file_is_said_in_chinese() {
    let ws = tempfile::tempdir().unwrap();
    let missing = ws.path().join("nowhere.toml");
    dmat(ws.path())
        .args(["--lang", "zh", "report"])
        .arg(&missing)
        .assert()
        .code(1)
        .stderr(contains("nowhere.toml: 无法读取该文件：文件不存在"));
}

#[cfg(unix)]
#[test]
fn the_lock_of_another_dmat_is_said_in_chinese() {
    let ws = tempfile::tempdir().unwrap();
    let firm = ws.path().join("firm.toml");
    std::fs::copy(
        Path::new(INVALID).join("assessment-orphaned-answer.toml"),
        &firm,
    )
    .unwrap();
    let _held = AssessmentLock::acquire(&firm).unwrap();
    dmat(ws.path())
        .args(["--lang", "zh", "open", "--questionnaire", MINI])
        .arg(&firm)
        .assert()
        .code(1)
        .stderr(contains("firm.toml: 这份评估已在另一个 dmat"))
        .stderr(contains("中打开；请先在那里关闭"));
}

#[test]
fn the_command_lines_refusals_are_said_in_chinese() {
    let ws = tempfile::tempdir().unwrap();
    let compare = |args: &[&str]| {
        dmat(ws.path())
            .args([
                "--lang",
                "zh",
                "compare",
                "tests/fixtures/cohort",
                "--questionnaire",
            ])
            .arg("tests/fixtures/questionnaires/features.toml")
            .args(args)
            .assert()
            .code(2)
    };
    compare(&["--sort", "colour"]).stderr(contains("无法按 `colour` 排序；可用的列有"));
    compare(&["--format", "csv", "--section", "firms,stats"])
        .stderr(contains("CSV 一次只容纳一个部分"));
    dmat(ws.path())
        .args([
            "--lang",
            "zh",
            "export",
            "tests/fixtures/cohort",
            "--format",
            "xlsx",
        ])
        .assert()
        .code(2)
        .stderr(contains("Excel 工作簿要写入文件"));
}

#[test]
fn a_broken_template_is_said_in_chinese_at_its_line() {
    let ws = tempfile::tempdir().unwrap();
    let templates = ws.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    let broken = "# {{ header.firm }}\n\n{{ x.title }\n";
    std::fs::write(templates.join("sheet.md.j2"), broken).unwrap();
    std::fs::write(templates.join("form.md.j2"), broken).unwrap();
    let sheet = templates.join("sheet.md.j2");
    dmat(ws.path())
        .args([
            "--lang",
            "zh",
            "report",
            "tests/fixtures/report/fans-firm.toml",
        ])
        .args([
            "--questionnaire",
            "tests/fixtures/questionnaires/features.toml",
        ])
        .assert()
        .code(1)
        .stderr(contains(format!("{}:3:", sheet.display())))
        .stderr(contains("无法生成建议书："));
    dmat(ws.path())
        .args(["--lang", "zh", "form"])
        .assert()
        .code(1)
        .stderr(contains("form.md.j2:3:"))
        .stderr(contains("无法生成诊断预填表："));
}

#[test]
fn what_stops_a_file_from_being_read_is_said_in_chinese() {
    let ws = tempfile::tempdir().unwrap();
    let unknown = ws.path().join("unknown.toml");
    std::fs::write(
        &unknown,
        "schema = 1\n[questionnaire]\nid = \"nope\"\nversion = \"1\"\n[firm]\nname = \"x\"\n",
    )
    .unwrap();
    let latin1 = ws.path().join("latin1.toml");
    std::fs::write(&latin1, b"schema = 1\n# caf\xe9\n").unwrap();
    dmat(ws.path())
        .args(["--lang", "zh", "score"])
        .arg(&unknown)
        .arg(&latin1)
        .assert()
        .code(1)
        .stderr(contains(
            "unknown.toml:3:6: 问卷 `nope` 既不是内置问卷，也不在工作区的 questionnaires 文件夹中",
        ))
        .stderr(contains(
            "latin1.toml:2:6: 文件不是 UTF-8 文本（此处的字节为 0xe9）；请另存为 UTF-8",
        ));
}

#[test]
fn demo_refusing_a_file_it_did_not_write_is_said_in_chinese() {
    let ws = tempfile::tempdir().unwrap();
    let out = ws.path().join("demo");
    std::fs::create_dir_all(&out).unwrap();
    dmat(ws.path())
        .args(["demo", "--firms", "3", "--seed", "1", "-o"])
        .arg(&out)
        .assert()
        .success();
    let first = std::fs::read_dir(&out)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::write(&first, "# mine\n").unwrap();
    dmat(ws.path())
        .args(["--lang", "zh", "demo", "--firms", "3", "--seed", "1", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains("不是 dmat demo 生成的；没有写入任何文件"));
}

#[test]
fn a_changed_questionnaire_is_said_in_chinese() {
    let ws = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(Path::new(INVALID).join("assessment-orphaned-answer.toml"))
        .unwrap()
        .replacen(
            "version = \"1.0.0\"",
            "version = \"1.0.0\"\ndigest = \"sha256:0000\"",
            1,
        );
    let changed = ws.path().join("changed.toml");
    std::fs::write(&changed, text).unwrap();
    dmat(ws.path())
        .args(["--lang", "zh", "score", "--questionnaire", MINI])
        .arg(&changed)
        .assert()
        .success()
        .stderr(contains(
            "changed.toml:9:10: 警告：问卷 `mini` 在本次走访开始后有改动（摘要不同）；按 ",
        ));
}

#[test]
fn the_help_is_chinese_under_lang_zh_or_a_chinese_locale() {
    let ws = tempfile::tempdir().unwrap();
    dmat(ws.path())
        .args(["--lang", "zh", "--help"])
        .assert()
        .success()
        .stdout(contains(
            "制造企业数字化成熟度现场评估（工业 2.0 至 4.0），并生成一企一策建议书",
        ))
        .stdout(contains("将评分卡导出为 CSV 或 Excel"))
        .stdout(contains(
            "工作区文件夹（assessments/、questionnaires/、reports/）",
        ))
        .stdout(contains(
            "退出状态：0 成功，1 输入无效（消息会指出文件和位置），2 用法错误。",
        ))
        .stdout(contains("Start an interview").not());
    dmat(ws.path())
        .args(["--lang", "zh", "revisit", "--help"])
        .assert()
        .success()
        .stdout(contains("访谈时每道题旁显示上次走访的回答"))
        .stdout(contains("Answers are not").not());
    dmat(ws.path())
        .env("LANG", "zh_CN.UTF-8")
        .args(["export", "--help"])
        .assert()
        .success()
        .stdout(contains("将评分卡导出为 CSV 或 Excel"))
        .stdout(contains(
            "以 UTF-8 字节顺序标记开头，使 Excel 和 WPS 正确读取中文",
        ))
        .stdout(contains("输出文件 [默认：标准输出]"))
        .stdout(contains("so Excel and WPS read Chinese correctly").not());
    // `--lang=zh` after the command, and the help of --section's values.
    dmat(ws.path())
        .args(["compare", "--lang=zh", "--help"])
        .assert()
        .success()
        .stdout(contains("每家企业一行，下方为群体行（均值、四分位数）"));
    // --lang en wins over a Chinese locale.
    dmat(ws.path())
        .env("LANG", "zh_CN.UTF-8")
        .args(["--lang", "en", "--help"])
        .assert()
        .success()
        .stdout(contains("Start an interview"))
        .stdout(contains("将评分卡导出").not());
}

/// Whether `text` holds a Chinese character.
fn is_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The commands and arguments of `command` and its subcommands whose help is not Chinese.
fn untranslated(command: &clap::Command, path: &str, found: &mut Vec<String>) {
    let path = format!("{path} {}", command.get_name());
    if !command
        .get_about()
        .is_some_and(|a| is_chinese(&a.to_string()))
    {
        found.push(path.clone());
    }
    // A longer text after the help, where a command has one, is in Chinese too.
    if command
        .get_after_long_help()
        .is_some_and(|h| !is_chinese(&h.to_string()))
    {
        found.push(format!("{path} (after help)"));
    }
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        if id == "help" || id == "version" {
            continue;
        }
        if !arg.get_help().is_some_and(|h| is_chinese(&h.to_string())) {
            found.push(format!("{path} {id}"));
        }
        for value in arg.get_possible_values() {
            if value
                .get_help()
                .is_some_and(|h| !is_chinese(&h.to_string()))
            {
                found.push(format!("{path} {id}={}", value.get_name()));
            }
        }
    }
    for sub in command.get_subcommands() {
        untranslated(sub, &path, found);
    }
}

#[test]
fn every_command_and_argument_has_a_chinese_help() {
    use clap::CommandFactory;
    dmat::i18n::choose(dmat::i18n::Lang::Zh);
    let mut found = Vec::new();
    untranslated(&dmat::cli::Cli::command(), "", &mut found);
    assert!(found.is_empty(), "no Chinese help: {found:?}");
}
