//! What the recommendation sheet must say: every applicable recommendation with its reasons,
//! in the plan's order under the horizon the plan places it in (or later), and text from an assessment shown as text — markup
//! in names, notes and the summary escaped in HTML and in Markdown, control characters gone.

mod common;

use common::dmat;

use std::path::{Path, PathBuf};

use dmat::advise::{Quote, reason_sentences_quoting};
use dmat::evaluation::evaluate;
use dmat::i18n::Lang;
use dmat::store::{Catalog, LoadedQuestionnaire, open_assessment};

const FEATURES: &str = "tests/fixtures/questionnaires/features.toml";

/// Whether a fixture is of the feature questionnaire (else it names a bundled one).
fn uses_features(file: &Path) -> bool {
    !file.ends_with("stainless-firm.toml")
}

fn report(file: &Path, lang: &str, format: &str) -> String {
    report_with(file, lang, format, &[])
}

fn report_with(file: &Path, lang: &str, format: &str, extra: &[&str]) -> String {
    let ws = tempfile::tempdir().unwrap();
    let mut cmd = dmat(ws.path());
    cmd.args(["--lang", lang, "report"])
        .arg(file)
        .args(["--format", format])
        .args(extra);
    if uses_features(file) {
        cmd.args(["--questionnaire", FEATURES]);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Text as minijinja's HTML auto-escaping writes it.
fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

/// A recommendation as the sheet must show it.
struct Expected {
    title: String,
    reasons: Vec<String>,
    /// 0–2: short, medium, long; 3: later.
    group: usize,
}

/// The applicable recommendations of a fixture, straight from its evaluation, in the order
/// the sheet must print them: the plan's short, medium and long, then the later ones.
fn expected(file: &Path, lang: Lang) -> Vec<Expected> {
    let mut catalog = Catalog::bundled();
    if uses_features(file) {
        catalog.fix(LoadedQuestionnaire::load(Path::new(FEATURES)).unwrap());
    }
    let opened = open_assessment(file, &catalog).unwrap();
    let q = &opened.questionnaire.questionnaire;
    let e = evaluate(q, &opened.assessment);
    let groups = e.plan.horizons.iter().chain([&e.plan.later]);
    groups
        .enumerate()
        .flat_map(|(group, actions)| actions.iter().map(move |&i| (group, i)))
        .map(|(group, i)| Expected {
            title: q
                .text(&e.recommendation(q, i).title, lang.code())
                .to_string(),
            reasons: {
                let mut once: Vec<String> = Vec::new();
                for r in reason_sentences_quoting(q, &e.reasons(q, i), lang, Quote::Brief) {
                    if !once.contains(&r) {
                        once.push(r);
                    }
                }
                once
            },
            group,
        })
        .collect()
}

fn fixtures() -> Vec<PathBuf> {
    ["fans-firm", "motors-firm", "stainless-firm"]
        .iter()
        .map(|f| PathBuf::from(format!("tests/fixtures/report/{f}.toml")))
        .collect()
}

/// Every recommendation's title appears in the plan, in order; its reasons sit between its
/// title and the next one; its horizon's heading comes before it.
fn assert_plan(
    text: &str,
    plan_heading: &str,
    expected: &[Expected],
    horizon_titles: [&str; 4],
    escape: &dyn Fn(&str) -> String,
) {
    let plan_at = text.find(plan_heading).expect("the plan's heading");
    let plan = &text[plan_at..];
    let mut cursor = 0;
    let mut starts = Vec::new();
    for e in expected {
        let title = escape(&e.title);
        let heading = escape(horizon_titles[e.group]);
        let h = plan[..]
            .find(&heading)
            .unwrap_or_else(|| panic!("no heading {heading}"));
        let at = plan[cursor..]
            .find(&title)
            .map(|i| cursor + i)
            .unwrap_or_else(|| panic!("{title} is missing or out of order"));
        assert!(h < at, "{title} comes before its horizon's heading");
        starts.push(at);
        cursor = at + title.len();
    }
    starts.push(plan.len());
    for (i, e) in expected.iter().enumerate() {
        let item = &plan[starts[i]..starts[i + 1]];
        assert!(!e.reasons.is_empty(), "{} fired without a reason", e.title);
        // The later options are listed in brief, by title only.
        if e.group == 3 {
            continue;
        }
        for reason in &e.reasons {
            assert!(
                item.contains(&escape(reason)),
                "the reason {reason:?} is not under {}",
                e.title
            );
        }
    }
}

#[test]
fn every_fired_recommendation_appears_with_its_reasons_in_order() {
    let horizons_en = [
        "Short term (0–6 months)",
        "Medium term (6–18 months)",
        "Long term (18–36 months)",
        "Later",
    ];
    let horizons_zh = [
        "近期（0–6个月）",
        "中期（6–18个月）",
        "远期（18–36个月）",
        "以后再议",
    ];
    for file in fixtures() {
        for (lang, code, plan, horizons) in [
            (Lang::En, "en", "4. The plan", horizons_en),
            (Lang::Zh, "zh", "四、提升计划", horizons_zh),
        ] {
            let expected = expected(&file, lang);
            assert!(!expected.is_empty());
            let html = report(&file, code, "html");
            assert_plan(&html, &html_escape(plan), &expected, horizons, &html_escape);
            let md = report(&file, code, "md");
            let md_plan = dmat::plain_text::markdown(plan);
            assert_plan(&md, &md_plan, &expected, horizons, &|s| {
                dmat::plain_text::markdown(s)
            });
            // As many numbered items as planned actions.
            assert_eq!(
                html.matches("<li class=\"rec\"").count(),
                expected.iter().filter(|e| e.group < 3).count(),
                "{}",
                file.display()
            );
        }
    }
}

/// The sheet's reasons quote a question or an answer in short: never a question's bracketed
/// asides, never a text longer than a line, never one sentence twice.
#[test]
fn reasons_quote_questions_and_answers_in_short() {
    let file = Path::new("tests/fixtures/report/stainless-firm.toml");
    let opened = open_assessment(file, &Catalog::bundled()).unwrap();
    let q = &opened.questionnaire.questionnaire;
    for (lang, code, why) in [(Lang::Zh, "zh", "依据："), (Lang::En, "en", "Why: ")] {
        let md = report(file, code, "md");
        let whys: Vec<&str> = md
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix(&format!("- {why}")))
            .collect();
        assert!(!whys.is_empty());
        let sep = if lang == Lang::Zh { "；" } else { "; " };
        let mut quoted_asides = 0;
        for line in &whys {
            let sentences: Vec<&str> = line.split(sep).collect();
            for (i, s) in sentences.iter().enumerate() {
                assert!(!sentences[..i].contains(s), "{s} twice in {line}");
            }
            for question in q.dimension.iter().flat_map(|d| &d.question) {
                let text = q.text(&question.text, lang.code());
                if text.contains('（') || text.contains(" (") {
                    quoted_asides += usize::from(line.contains(&dmat::plain_text::markdown(text)));
                }
            }
            // Each quote fits a line: at most 23 Chinese characters or 65 letters with "…".
            for quote in line.split('“').skip(1).filter_map(|s| s.split('”').next()) {
                let max = if lang == Lang::Zh { 46 } else { 65 };
                assert!(
                    dmat::plain_text::width(quote) <= max,
                    "“{quote}” is not in short"
                );
            }
        }
        assert_eq!(
            quoted_asides,
            0,
            "{code}: a question quoted whole:\n{}",
            whys.join("\n")
        );
    }
}

#[test]
fn the_many_recommendation_firm_shows_its_plan_grouped_and_dated() {
    let html = report(
        Path::new("tests/fixtures/report/fans-firm.toml"),
        "en",
        "html",
    );
    let expected = expected(Path::new("tests/fixtures/report/fans-firm.toml"), Lang::En);
    assert_eq!(expected.len(), 8);
    // Visit 2026-11-27: short term by 2027-05, medium term by 2028-05.
    assert!(html.contains("<span class=\"due\">by 2027-05</span>"));
    assert!(html.contains("<span class=\"due\">by 2028-05</span>"));
    assert!(html.contains("Overall, the firm scored 2.21; Industry 2.5 needs 2.50"));
    assert!(html.contains("Talent scored 2.50; Industry 3.0 needs 3.00"));
    let md = report(
        Path::new("tests/fixtures/report/fans-firm.toml"),
        "zh",
        "md",
    );
    assert!(md.contains("### 近期（0–6个月） · 2027年5月前完成"));
    assert!(md.contains("依据：“人才”维度得分2.50，达到工业3.0需要3.00"));
    assert!(md.contains("依据：员工人数为38人，低于50"));
}

#[test]
fn an_unfinished_assessment_carries_a_visible_warning() {
    let html = report(
        Path::new("tests/fixtures/report/fans-firm.toml"),
        "en",
        "html",
    );
    assert!(html.contains("<div class=\"warning\" role=\"note\">"));
    assert!(html.contains("5 of 6 questions answered (83%)"));
    assert!(html.contains("this sheet is a draft"));
    let done = report(
        Path::new("tests/fixtures/report/motors-firm.toml"),
        "en",
        "html",
    );
    assert!(!done.contains("class=\"warning\""));
}

/// An assessment whose every free text tries to be markup, with control characters.
const HOSTILE: &str = r#"schema = 1

[questionnaire]
id = "features"
version = "0.1.0"

[firm]
name = "<script>alert('firm')</script> **Bold** [link](http://evil.example) | pipe & co\u001b[31m"

[profile]
industry = "fans"
products = "<img src=x onerror=alert(3)>"

[visit]
date = 2026-11-27
assessor = "<b>expert</b>\u0007"
status = "complete"
summary = "</p><script>alert(2)</script>\n# heading\n- item\n![img](http://evil.example/x.png)\n<!-- hidden -->"

[answers.has-cnc]
choice = "no"
note = "<script>alert(4)</script> `code` _em_ <iframe src=x></iframe>"

[answers.remarks]
text = "1. <a href=\"http://evil.example\">click</a> ~~gone~~"
"#;

fn hostile() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.toml");
    std::fs::write(&path, HOSTILE).unwrap();
    (dir, path)
}

#[test]
fn markup_from_the_assessment_is_escaped_in_html() {
    let (_dir, path) = hostile();
    for lang in ["en", "zh"] {
        let html = report_with(&path, lang, "html", &["--annex"]);
        for raw in [
            "<script",
            "<img",
            "<iframe",
            "<b>expert",
            "<a href",
            "<!-- hidden",
            "</p><script",
        ] {
            assert!(!html.contains(raw), "{raw} got through in {lang}");
        }
        assert!(!html.contains('\u{1b}') && !html.contains('\u{7}'));
        assert!(
            html.contains("&lt;script&gt;alert(&#x27;firm&#x27;)&lt;&#x2f;script&gt; **Bold**")
        );
        assert!(html.contains("&lt;img src=x onerror=alert(3)&gt;"));
        assert!(html.contains("&lt;script&gt;alert(4)&lt;&#x2f;script&gt;"));
        assert!(html.contains("&lt;&#x2f;p&gt;&lt;script&gt;alert(2)&lt;&#x2f;script&gt;"));
        assert!(html.contains("&lt;b&gt;expert&lt;&#x2f;b&gt;"));
        assert!(html.contains("pipe &amp; co"));
        assert!(
            !html.contains("[31m"),
            "the whole escape sequence goes, not just its escape"
        );
    }
}

#[test]
fn markup_from_the_assessment_is_escaped_in_markdown() {
    let (_dir, path) = hostile();
    for lang in ["en", "zh"] {
        let md = report_with(&path, lang, "md", &["--annex"]);
        assert!(!md.contains('\u{1b}') && !md.contains('\u{7}'));
        // Rendered as a Markdown viewer would, the hostile text stays text.
        let mut html = String::new();
        let options =
            pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(&md, options));
        for raw in [
            "<script",
            "<img",
            "<iframe",
            "<b>expert",
            "<a href",
            "<!-- hidden",
            "<del>",
        ] {
            assert!(!html.contains(raw), "{raw} got through in {lang}:\n{html}");
        }
        assert!(!html.contains("<em>em</em>") && !html.contains("<code>code</code>"));
        assert!(!html.contains("<strong>Bold</strong>"));
        // The summary's "# heading" and "- item" are not a heading and a list of their own.
        assert_eq!(html.matches("<h1>").count(), 1, "{html}");
        assert!(!html.contains("<li>item"));
        assert!(html.contains(
            "&lt;script&gt;alert('firm')&lt;/script&gt; **Bold** [link](http://evil.example) | pipe &amp; co"
        ));
        assert!(html.contains("&lt;script&gt;alert(4)&lt;/script&gt; `code` _em_"));
        assert!(html.contains("![img](http://evil.example/x.png)"));
        assert!(
            html.contains("1. &lt;a href=\"http://evil.example\"&gt;click&lt;/a&gt; ~~gone~~"),
            "{html}"
        );
        // The firm's name, with its `|`, did not break the header table: still four columns.
        let header_table = html.split("</table>").next().unwrap();
        assert!(
            header_table.contains("<td>&lt;b&gt;expert&lt;/b&gt;</td>"),
            "{header_table}"
        );
    }
}

/// The sheet speaks of an annex only when it holds one: the sheet written from the interview
/// (`w`) and `dmat report` without `--annex` have none.
#[test]
fn the_annex_is_mentioned_only_where_it_is_printed() {
    let file = Path::new("tests/fixtures/report/stainless-firm.toml");
    for (lang, annex) in [("zh", "附录"), ("en", "annex")] {
        for format in ["md", "html"] {
            let without = report(file, lang, format);
            assert!(
                !without.to_lowercase().contains(annex),
                "{lang} {format}: an annex is mentioned but not printed"
            );
            let with = report_with(file, lang, format, &["--annex"]);
            let hint = if lang == "zh" {
                "逐题回答及现场依据见附录。"
            } else {
                "Every answer with its evidence is in the annex."
            };
            assert!(with.contains(hint), "{lang} {format}");
        }
    }
    // The sheet the interview writes into the workspace.
    let ws = tempfile::tempdir().unwrap();
    let workspace = dmat::store::Workspace::new(ws.path());
    let opened = open_assessment(file, &Catalog::bundled()).unwrap();
    let sheet = dmat::report::workspace_sheet(
        &workspace,
        &opened,
        &Catalog::bundled(),
        Lang::Zh,
        dmat::report::Format::Html,
    )
    .unwrap();
    assert!(!sheet.text.contains("附录"));
}
