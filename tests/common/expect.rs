//! Fixtures that say in their header where `dmat validate` reports their problems
//! (`# expect: LINE:COLUMN sentence`) and how it exits (`# exit: N`, default 1).

/// One problem a fixture expects: its place and the start of its sentence.
pub struct Expectation {
    pub place: String,
    pub sentence: String,
}

/// The problems a fixture's header expects, and the exit status.
pub fn expectations(text: &str) -> (Vec<Expectation>, i32) {
    let mut exit = 1;
    let mut out = Vec::new();
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        if let Some(rest) = line.strip_prefix("# expect: ") {
            let (place, sentence) = rest.split_once(' ').unwrap_or((rest, ""));
            out.push(Expectation {
                place: place.to_string(),
                sentence: sentence.to_string(),
            });
        } else if let Some(code) = line.strip_prefix("# exit: ") {
            exit = code.trim().parse().expect("a number after # exit:");
        }
    }
    (out, exit)
}

/// Asserts that `dmat validate` of the fixture at `path` exited with `code` and reported on
/// `stderr` exactly the problems its header expects, each at its place.
pub fn assert_reported(path: &std::path::Path, code: Option<i32>, stderr: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let (expected, exit) = expectations(&text);
    assert_eq!(code, Some(exit), "{}: {stderr}", path.display());
    for e in &expected {
        let line = format!("{}:{}: {}", path.display(), e.place, e.sentence);
        assert!(
            stderr.lines().any(|l| l.starts_with(&line)),
            "{}: expected a line starting with\n  {line}\ngot\n{stderr}",
            path.display()
        );
    }
    let problems = stderr
        .lines()
        .filter(|l| l.starts_with(&format!("{}:", path.display())))
        .count();
    assert_eq!(
        problems,
        expected.len(),
        "{}: every problem, once: {stderr}",
        path.display()
    );
}
