//! The HTML sheet printed as a browser prints it: headless Chromium makes a PDF, poppler's
//! `pdfinfo` and `pdftotext` read it back. The pages must be A4, at most four, and page 1 (the
//! decision page) must carry the firm's name and its first short-term action, in Chinese and
//! in English.
//!
//! Needs `chromium`, `poppler-utils` and `fonts-noto-cjk` (Debian packages); without them the
//! test fails and says what to install.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use dmat::i18n::Lang;
use dmat::store::{Catalog, LoadedQuestionnaire, open_assessment};

const FEATURES: &str = "tests/fixtures/questionnaires/features.toml";
const INSTALL: &str =
    "install them with `apt-get install -y chromium poppler-utils fonts-noto-cjk`";

/// The path of a program on PATH, or a failure naming what to install.
fn need(program: &str) -> PathBuf {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!("`{program}` is not installed; the sheet's print test needs chromium, poppler-utils and fonts-noto-cjk: {INSTALL}")
        })
}

fn run(program: &Path, args: &[&str]) -> String {
    let out = Process::new(program).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{} failed: {}",
        program.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Prints an HTML file to PDF with headless Chromium, waiting at most two minutes.
fn print_to_pdf(chromium: &Path, html: &Path, pdf: &Path, profile: &Path) {
    let url = format!("file://{}", html.display());
    let mut child = Process::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(url)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium exited with {status}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish printing {}", html.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        pdf.is_file(),
        "chromium wrote no PDF for {}",
        html.display()
    );
}

/// The firm's name and the first short-term action's title as the sheet prints them.
fn firm_and_first_action(file: &Path, lang: Lang, features: bool) -> (String, Option<String>) {
    let mut catalog = Catalog::bundled();
    if features {
        catalog.fix(LoadedQuestionnaire::load(Path::new(FEATURES)).unwrap());
    }
    let opened = open_assessment(file, &catalog).unwrap();
    let sheet = dmat::report::build_sheet(&opened, lang);
    let first = sheet.plan.short.first().map(|i| i.title.clone());
    (sheet.header.firm, first)
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The printer's tools, checked once: chromium, pdfinfo, pdftotext and a font for Chinese.
struct Printer {
    chromium: PathBuf,
    pdfinfo: PathBuf,
    pdftotext: PathBuf,
}

fn printer() -> Printer {
    let printer = Printer {
        chromium: need("chromium"),
        pdfinfo: need("pdfinfo"),
        pdftotext: need("pdftotext"),
    };
    // Chromium embeds fonts without their names, so the CJK font is checked on the machine.
    let cjk = run(&need("fc-list"), &[":lang=zh", "family"]);
    assert!(
        !cjk.trim().is_empty(),
        "no font for Chinese is installed; {INSTALL}"
    );
    printer
}

/// What a printed sheet came to: its pages and the text of each.
struct Printed {
    pages: usize,
    text: Vec<String>,
}

/// `dmat report` as HTML, printed to PDF and read back: A4 pages and their text.
fn print_sheet(p: &Printer, tmp: &Path, file: &Path, code: &str, features: bool) -> Printed {
    let stem = file.file_stem().unwrap().to_string_lossy();
    let html = tmp.join(format!("{stem}-{code}.html"));
    let pdf = tmp.join(format!("{stem}-{code}.pdf"));
    let mut cmd = Command::cargo_bin("dmat").unwrap();
    cmd.env("DMAT_WORKSPACE", tmp)
        .args(["--lang", code, "report"])
        .arg(file)
        .args(["--format", "html", "-o"])
        .arg(&html);
    if features {
        cmd.args(["--questionnaire", FEATURES]);
    }
    cmd.assert().success();
    print_to_pdf(&p.chromium, &html, &pdf, &tmp.join("profile"));
    let pdf_s = pdf.to_str().unwrap();
    let info = run(&p.pdfinfo, &[pdf_s]);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(str::trim)
            .unwrap_or_else(|| panic!("pdfinfo gave no {name}: {info}"))
            .to_string()
    };
    let size = field("Page size:");
    let dims: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(
        dims.len() >= 2 && (dims[0] - 595.0).abs() < 1.5 && (dims[1] - 842.0).abs() < 1.5,
        "{stem} {code}: page size {size}, not A4"
    );
    let pages: usize = field("Pages:").parse().unwrap();
    let text = (1..=pages)
        .map(|n| {
            let n = n.to_string();
            squeeze(&run(
                &p.pdftotext,
                &["-raw", "-enc", "UTF-8", "-f", &n, "-l", &n, pdf_s, "-"],
            ))
        })
        .collect();
    Printed { pages, text }
}

/// No page is (nearly) blank: none holds only a chart's caption and its page number, as the
/// English quick scan's second page once did.
fn assert_no_blank_page(printed: &Printed, file: &Path, code: &str) {
    for (n, text) in printed.text.iter().enumerate() {
        let number = format!("{}/{}", n + 1, printed.pages);
        let body = text.replace(&number, "");
        assert!(
            body.chars().count() > 40,
            "{} {code}: page {} holds only {body:?}",
            file.display(),
            n + 1
        );
    }
}

/// Page 1 is the decision page: it holds the firm's name and its first short-term action.
fn assert_decision_page(printed: &Printed, file: &Path, lang: Lang, features: bool) {
    let (name, first) = firm_and_first_action(file, lang, features);
    let page1 = &printed.text[0];
    assert!(
        page1.contains(&squeeze(&name)),
        "{}: page 1 lacks the firm's name",
        file.display()
    );
    if let Some(first) = first {
        assert!(
            page1.contains(&squeeze(&first)),
            "{}: page 1 lacks the first action {first:?}",
            file.display()
        );
    }
}

#[test]
fn the_html_sheet_prints_on_a4_pages_with_its_decision_page_first() {
    let p = printer();
    let tmp = tempfile::tempdir().unwrap();
    for (firm, features) in [
        ("fans-firm", true),
        ("motors-firm", true),
        // An agreed plan (owners, due dates, a declined action, one of the firm's own), and the
        // follow-up visit that reports its progress and how the scores moved.
        ("agreed-firm", true),
        ("followup-firm", true),
        ("stainless-firm", false),
        ("held-firm", false),
        ("provisional-firm", false),
    ] {
        let file = PathBuf::from(format!("tests/fixtures/report/{firm}.toml"));
        for (lang, code) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
            let printed = print_sheet(&p, tmp.path(), &file, code, features);
            assert!(
                (1..=4).contains(&printed.pages),
                "{firm} {code}: {} pages",
                printed.pages
            );
            assert_decision_page(&printed, &file, lang, features);
            assert_no_blank_page(&printed, &file, code);
        }
    }
}

/// Any firm of the demo cohort prints on at most four A4 pages in either language: a sample
/// of its full visits, its follow-ups (the longest sheets: the progress on the plan agreed
/// last time and how the scores moved, besides the new plan), a second scan and quick scans.
#[test]
fn demo_firms_print_on_at_most_four_pages() {
    let p = printer();
    let tmp = tempfile::tempdir().unwrap();
    let demo = tmp.path().join("demo");
    Command::cargo_bin("dmat")
        .unwrap()
        .env("DMAT_WORKSPACE", tmp.path())
        .args(["demo", "--firms", "40", "--seed", "7", "-o"])
        .arg(&demo)
        .assert()
        .success();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&demo)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let kind = |suffix: &'static str| {
        files
            .iter()
            .filter(move |f| f.to_string_lossy().ends_with(suffix))
    };
    let follow_ups: Vec<&PathBuf> = kind("-follow-up.toml").take(4).collect();
    assert!(
        follow_ups.len() >= 3,
        "the demo cohort has too few follow-ups"
    );
    let sample: Vec<&PathBuf> = kind("-visit.toml")
        .take(4)
        .chain(follow_ups)
        .chain(kind("-rescan.toml").take(1))
        .chain(kind("-scan.toml").take(2))
        .collect();
    assert!(sample.len() >= 9, "the demo cohort has too few files");
    for file in sample {
        for (lang, code) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
            let printed = print_sheet(&p, tmp.path(), file, code, false);
            assert!(
                printed.pages <= 4,
                "{} {code}: {} pages",
                file.display(),
                printed.pages
            );
            assert_decision_page(&printed, file, lang, false);
            assert_no_blank_page(&printed, file, code);
        }
    }
}

/// The pre-visit form printed as the firm prints it: A4, a handful of pages, every pre-visit
/// item numbered, in Chinese and in English.
#[test]
fn the_pre_visit_form_prints_on_a4_pages_with_every_item() {
    let chromium = need("chromium");
    let pdfinfo = need("pdfinfo");
    let pdftotext = need("pdftotext");
    let tmp = tempfile::tempdir().unwrap();
    let profile = tmp.path().join("profile");
    let q = Catalog::bundled().resolve("smart-manufacturing").unwrap();
    for (lang, code) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let html = tmp.path().join(format!("form-{code}.html"));
        let pdf = tmp.path().join(format!("form-{code}.pdf"));
        Command::cargo_bin("dmat")
            .unwrap()
            .env("DMAT_WORKSPACE", tmp.path())
            .args(["--lang", code, "form", "--format", "html", "-o"])
            .arg(&html)
            .assert()
            .success();
        print_to_pdf(&chromium, &html, &pdf, &profile);
        let pdf_s = pdf.to_str().unwrap();
        let info = run(&pdfinfo, &[pdf_s]);
        assert!(
            info.contains("(A4)"),
            "{code}: the form is not printed on A4: {info}"
        );
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|p| p.trim().parse().ok())
            .unwrap();
        assert!((2..=8).contains(&pages), "{code}: {pages} pages");
        let text = squeeze(&run(&pdftotext, &["-enc", "UTF-8", pdf_s, "-"]));
        let form = dmat::report::form::build(&q.questionnaire, lang).unwrap();
        for item in form.sections.iter().flat_map(|s| &s.items) {
            // The start of each item's text, as long lines wrap.
            let start: String = squeeze(&item.text).chars().take(12).collect();
            assert!(
                text.contains(&start),
                "{code}: item {} {start:?} not printed",
                item.number
            );
        }
    }
}
