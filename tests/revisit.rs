//! `dmat revisit`: a follow-up visit of a firm, started from the command line as a user does,
//! in a workspace holding a demo district.

mod common;

use std::path::{Path, PathBuf};

use common::dmat;

/// A workspace whose assessments folder holds a small demo district, and the assessor it
/// remembers.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let ws = tempfile::tempdir().unwrap();
    let dir = ws.path().join("assessments");
    dmat(ws.path())
        .args(["demo", "--firms", "12", "--seed", "3", "-o"])
        .arg(&dir)
        .assert()
        .success();
    std::fs::write(ws.path().join("settings.toml"), "assessor = \"王建国\"\n").unwrap();
    (ws, dir)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

fn table(path: &Path) -> toml::Table {
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn today() -> String {
    dmat::model::assessment::today().to_string()
}

/// `dmat revisit EARLIER` with success, and the new file it wrote in `dir`.
fn revisit(ws: &Path, dir: &Path, earlier: &Path) -> PathBuf {
    let before = files(dir);
    dmat(ws).arg("revisit").arg(earlier).assert().success();
    new_file(&before, &files(dir))
}

/// Asserts that `dmat validate` finds nothing to say about the file at `path`.
fn assert_clean(ws: &Path, path: &Path, why: &str) {
    let out = dmat(ws).arg("validate").arg(path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!((out.status.code(), stderr.as_ref()), (Some(0), ""), "{why}");
}

/// The one file in `after` that is not in `before`.
fn new_file(before: &[PathBuf], after: &[PathBuf]) -> PathBuf {
    let new: Vec<&PathBuf> = after.iter().filter(|p| !before.contains(p)).collect();
    assert_eq!(new.len(), 1, "one new file: {new:?}");
    new[0].clone()
}

#[test]
fn a_revisit_starts_a_follow_up_of_the_same_firm_and_leaves_the_earlier_visit_alone() {
    let (ws, dir) = workspace();
    let earlier = dir.join("firm-0000-visit.toml");
    let bytes = std::fs::read(&earlier).unwrap();
    let before = files(&dir);
    let out = dmat(ws.path())
        .arg("revisit")
        .arg(&earlier)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let after = files(&dir);
    let path = new_file(&before, &after);
    assert_eq!(std::fs::read(&earlier).unwrap(), bytes, "byte for byte");
    assert!(
        stderr.contains(&format!("wrote {}", path.display())),
        "{stderr}"
    );

    let old = table(&earlier);
    let new = table(&path);
    let name = old["firm"]["name"].as_str().unwrap();
    assert_eq!(
        path.file_name().unwrap().to_string_lossy(),
        format!("{name}-{}.toml", today()),
        "named as a new interview is"
    );
    assert_eq!(new["firm"], old["firm"], "name and code");
    assert!(new["firm"].get("id").is_some(), "the demo firm has a code");
    assert_eq!(
        new["profile"], old["profile"],
        "the same questionnaire's profile"
    );
    assert_eq!(new["questionnaire"]["id"], old["questionnaire"]["id"]);
    assert_eq!(
        new["questionnaire"]["version"],
        old["questionnaire"]["version"]
    );
    let visit = &new["visit"];
    assert_eq!(visit["previous"].as_str(), Some("firm-0000-visit.toml"));
    assert_eq!(
        visit["assessor"].as_str(),
        Some("王建国"),
        "from settings.toml"
    );
    assert_eq!(visit["date"].to_string(), today());
    assert_eq!(visit["status"].as_str(), Some("in_progress"));
    assert!(visit.get("demo").is_none(), "a real visit, not a demo");
    assert!(
        new.get("answers")
            .and_then(|a| a.as_table())
            .is_none_or(|a| a.is_empty()),
        "answers are offered in the interview, not copied"
    );
    assert!(new.get("plan").is_none() && new.get("progress").is_none());

    assert_clean(ws.path(), &path, "valid as it stands: no error, no warning");
    // Scores and the sheet read it, and the earlier visit is still untouched.
    dmat(ws.path()).arg("score").arg(&path).assert().success();
    assert_eq!(std::fs::read(&earlier).unwrap(), bytes);
}

#[test]
fn a_scan_is_followed_by_the_full_visit_with_its_profile_fields() {
    let (ws, dir) = workspace();
    let scan = dir.join("firm-0001-scan.toml");
    let before = files(&dir);
    dmat(ws.path())
        .arg("revisit")
        .arg(&scan)
        .args(["--questionnaire", "smart-manufacturing"])
        .assert()
        .success();
    let path = new_file(&before, &files(&dir));
    let new = table(&path);
    assert_eq!(
        new["questionnaire"]["id"].as_str(),
        Some("smart-manufacturing")
    );
    assert_eq!(
        new["visit"]["previous"].as_str(),
        Some("firm-0001-scan.toml")
    );
    let old = table(&scan);
    let profile = new["profile"].as_table().unwrap();
    assert!(!profile.is_empty());
    for (k, v) in profile {
        assert_eq!(Some(v), old["profile"].get(k), "{k} copied as it was");
    }
    assert_clean(
        ws.path(),
        &path,
        "only fields the full visit has are copied",
    );
}

#[test]
fn a_second_follow_up_on_the_same_day_gets_its_own_file() {
    let (ws, dir) = workspace();
    let earlier = dir.join("firm-0002-scan.toml");
    let mut made = Vec::new();
    for _ in 0..2 {
        made.push(revisit(ws.path(), &dir, &earlier));
    }
    let first = made[0].file_stem().unwrap().to_string_lossy().into_owned();
    assert_eq!(made[1], dir.join(format!("{first}-2.toml")));
}

#[test]
fn output_is_never_replaced_and_stays_in_the_earlier_visits_folder() {
    let (ws, dir) = workspace();
    let earlier = dir.join("firm-0003-scan.toml");
    let taken = dir.join("firm-0004-scan.toml");
    let taken_bytes = std::fs::read(&taken).unwrap();
    let before = files(&dir);
    let out = dmat(ws.path())
        .arg("revisit")
        .arg(&earlier)
        .arg("-o")
        .arg(&taken)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("there already, and it is never replaced"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&taken).unwrap(), taken_bytes);

    let elsewhere = ws.path().join("t1.toml");
    let out = dmat(ws.path())
        .arg("revisit")
        .arg(&earlier)
        .arg("-o")
        .arg(&elsewhere)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("in the folder of the visit it follows"),
        "{stderr}"
    );
    assert!(!elsewhere.exists());
    assert_eq!(files(&dir), before, "nothing written on a refusal");

    let chosen = dir.join("t1.toml");
    dmat(ws.path())
        .arg("revisit")
        .arg(&earlier)
        .arg("-o")
        .arg(&chosen)
        .assert()
        .success();
    assert_eq!(
        table(&chosen)["visit"]["previous"].as_str(),
        Some("firm-0003-scan.toml")
    );
}

#[test]
fn control_characters_of_a_firm_name_never_reach_the_terminal() {
    let ws = tempfile::tempdir().unwrap();
    let dir = ws.path().join("assessments");
    std::fs::create_dir_all(&dir).unwrap();
    let earlier = dir.join("evil.toml");
    std::fs::write(
        &earlier,
        "schema = 1\n[questionnaire]\nid = \"quick-scan\"\nversion = \"2.0.0\"\n[firm]\nname = \"Evil\\u001b[2JFans\"\n",
    )
    .unwrap();
    let out = dmat(ws.path())
        .arg("revisit")
        .arg(&earlier)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(stderr.contains("\\u{1b}"), "shown as an escape: {stderr}");
    let made: Vec<PathBuf> = files(&dir).into_iter().filter(|p| *p != earlier).collect();
    assert_eq!(made.len(), 1);
    assert_eq!(
        table(&made[0])["firm"]["name"].as_str(),
        Some("Evil\u{1b}[2JFans"),
        "the file keeps the name as it was"
    );
    assert!(
        !made[0].to_string_lossy().contains('\u{1b}'),
        "not in the file name"
    );
}

#[test]
fn an_earlier_visit_in_error_is_refused_with_its_place() {
    let ws = tempfile::tempdir().unwrap();
    let earlier = ws.path().join("bad.toml");
    std::fs::write(
        &earlier,
        "schema = 1\n[questionnaire]\nid = \"quick-scan\"\nversion = \"2.0.0\"\n[firm]\nname = \"Acme\"\nid = \"91350100M000100Y44\"\n",
    )
    .unwrap();
    let out = dmat(ws.path())
        .arg("revisit")
        .arg(&earlier)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:7:6: ", earlier.display())),
        "{stderr}"
    );
    assert_eq!(files(ws.path()), vec![earlier]);
}

/// The loop on the command line: a demo firm's full visit with an agreed plan is revisited;
/// the progress of its agreed actions is recorded in the new file; `validate` is clean and the
/// comparison shows the firm's two visits; progress on a declined action is a warning at its
/// place; the earlier visit stays byte for byte as it was.
#[test]
fn a_demo_firm_is_revisited_and_its_agreed_actions_followed_up() {
    let (ws, dir) = workspace();
    let earlier = dir.join("firm-0000-visit.toml");
    let bytes = std::fs::read(&earlier).unwrap();
    let plan = table(&earlier)["plan"].as_table().unwrap().clone();
    let decided = |d: &str| -> Vec<String> {
        plan.iter()
            .filter(|(_, e)| e.get("decision").and_then(|v| v.as_str()) == Some(d))
            .map(|(id, _)| id.clone())
            .collect()
    };
    let (agreed, declined) = (decided("agreed"), decided("declined"));
    assert!(!agreed.is_empty() && !declined.is_empty(), "{plan:?}");

    let path = revisit(ws.path(), &dir, &earlier);
    let mut text = std::fs::read_to_string(&path).unwrap();
    for id in &agreed {
        text.push_str(&format!(
            "\n[progress.{id}]\nstatus = \"done\"\nsupport = \"granted\"\n"
        ));
    }
    std::fs::write(&path, &text).unwrap();
    assert_clean(
        ws.path(),
        &path,
        "progress on the agreed actions is what a follow-up records",
    );

    let out = dmat(ws.path())
        .arg("compare")
        .arg(&dir)
        .args(["--section", "progress", "--format", "md"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let firm = table(&earlier)["firm"]["name"]
        .as_str()
        .unwrap()
        .to_string();
    let section = stdout
        .split("### ")
        .find(|s| s.starts_with(&firm))
        .unwrap_or_else(|| panic!("{firm} re-visited:\n{stdout}"));
    assert!(
        section.contains(&today()),
        "the new visit is in its row:\n{section}"
    );

    let line = text.lines().count() + 2;
    text.push_str(&format!(
        "\n[progress.{}]\nstatus = \"done\"\n",
        declined[0]
    ));
    std::fs::write(&path, &text).unwrap();
    let out = dmat(ws.path()).arg("validate").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "a warning, the entry kept");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let at = format!(
        "{}:{line}:11: warning: progress on action `{}`, which the firm declined at the earlier visit `firm-0000-visit.toml`",
        path.display(),
        declined[0]
    );
    assert!(stderr.contains(&at), "{at}\n{stderr}");
    assert_eq!(std::fs::read(&earlier).unwrap(), bytes, "byte for byte");
}

#[test]
fn the_follow_up_uses_the_latest_version_of_the_questionnaire_the_workspace_knows() {
    let (ws, dir) = workspace();
    let earlier = dir.join("firm-0005-scan.toml");
    let recorded = table(&earlier)["questionnaire"]["version"]
        .as_str()
        .unwrap()
        .to_string();
    // The workspace holds an older and a newer copy of the scan beside the bundled one.
    let bundled = std::fs::read_to_string("questionnaires/quick-scan.toml").unwrap();
    let at = format!("version = \"{recorded}\"");
    assert!(bundled.contains(&at));
    let qdir = ws.path().join("questionnaires");
    std::fs::create_dir_all(&qdir).unwrap();
    std::fs::write(
        qdir.join("old.toml"),
        bundled.replacen(&at, "version = \"1.9.9\"", 1),
    )
    .unwrap();
    std::fs::write(
        qdir.join("new.toml"),
        bundled.replacen(&at, "version = \"10.0.0\"", 1),
    )
    .unwrap();
    let path = revisit(ws.path(), &dir, &earlier);
    let q = &table(&path)["questionnaire"];
    assert_eq!(
        q["version"].as_str(),
        Some("10.0.0"),
        "10.0.0 is after 2.x and 1.9.9"
    );
    let digest = dmat::store::digest(std::fs::read(qdir.join("new.toml")).unwrap().as_slice());
    assert_eq!(q["digest"].as_str(), Some(digest.as_str()));
    assert_clean(ws.path(), &path, "scored against the newer copy");
}

#[test]
fn a_settings_file_in_error_is_said_and_the_follow_up_has_no_assessor() {
    let (ws, dir) = workspace();
    std::fs::write(ws.path().join("settings.toml"), "assessor = [1]\n").unwrap();
    let before = files(&dir);
    let out = dmat(ws.path())
        .arg("revisit")
        .arg(dir.join("firm-0006-scan.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("settings.toml:1:12: `assessor` is the assessor's name")
            && stderr.contains("(the follow-up is written without an assessor)"),
        "{stderr}"
    );
    let path = new_file(&before, &files(&dir));
    assert!(table(&path)["visit"].get("assessor").is_none());
    assert_eq!(
        std::fs::read_to_string(ws.path().join("settings.toml")).unwrap(),
        "assessor = [1]\n",
        "never replaced"
    );
}
