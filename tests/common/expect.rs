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
