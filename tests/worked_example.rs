//! The worked example of docs/questionnaire-authoring.md: every number the guide prints is
//! what dmat computes, with `unanswered = "skip"` and with `"min"`.

use std::path::Path;

use assert_cmd::Command;

const DIR: &str = "tests/fixtures/worked-example";

fn score_json(questionnaire: &Path) -> serde_json::Value {
    let ws = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("dmat")
        .unwrap()
        .env("DMAT_WORKSPACE", ws.path())
        .args(["score", "--format", "json", "--questionnaire"])
        .arg(questionnaire)
        .arg(Path::new(DIR).join("assessment.toml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_guides_numbers_with_unanswered_skip() {
    let v = score_json(&Path::new(DIR).join("questionnaire.toml"));
    assert_eq!(v["dimensions"]["equipment"], 2.86);
    assert_eq!(v["dimensions"]["security"], 2.5);
    assert_eq!(v["dimensions"]["talent"], 2.3);
    assert_eq!(v["overall"], 2.57);
    assert_eq!(v["stage"], "2.5");
    assert_eq!(v["bottleneck"], "talent");
    assert_eq!(v["completeness"], 0.88);
    assert_eq!(
        v["recommendations"],
        serde_json::json!([
            "title-green-channel",
            "hire-controls-engineer",
            "automation-diagnosis",
            "backup-basics",
            "visit-peers"
        ])
    );
    // The plan: no horizon is written, so every one is due in the medium term, which holds
    // four; the fifth moves to long.
    assert_eq!(
        v["plan"],
        serde_json::json!({
            "short": [],
            "medium": ["title-green-channel", "hire-controls-engineer", "automation-diagnosis", "backup-basics"],
            "long": ["visit-peers"],
            "later": []
        })
    );
}

#[test]
fn the_guides_numbers_with_unanswered_min() {
    let ws = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(Path::new(DIR).join("questionnaire.toml")).unwrap();
    let min = ws.path().join("min.toml");
    std::fs::write(
        &min,
        src.replace("unanswered = \"skip\"", "unanswered = \"min\""),
    )
    .unwrap();
    let v = score_json(&min);
    assert_eq!(v["dimensions"]["talent"], 2.21);
    assert_eq!(v["overall"], 2.53);
    assert_eq!(v["completeness"], 0.88);
}
