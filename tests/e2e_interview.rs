//! The real binary in a real terminal: tmux runs `dmat new` on the feature questionnaire,
//! keys answer every question (a note typed in Chinese), and the saved file is checked; then
//! an interview is killed with SIGKILL half-way and reopened with every answer still there;
//! `dmat compare` opens the comparison screen, goes through its views and opens a firm; a plan
//! is agreed, the firm visited again from the home screen and the progress recorded (issue 10).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use dmat::model::{Assessment, Response};

const FEATURES: &str = "tests/fixtures/questionnaires/features.toml";

/// A tmux server of its own, with one session running one command.
struct Tmux {
    socket: String,
    session: &'static str,
}

impl Tmux {
    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-u", "-L", &self.socket])
            .args(args)
            .env("LANG", "C.UTF-8")
            .output()
            .expect("tmux runs")
    }

    /// Starts `command` in a 120×40 terminal.
    fn start(name: &str, command: &str) -> Self {
        let ok = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            ok,
            "tmux is missing: install it (e.g. `apt-get install tmux`) to run the end-to-end tests"
        );
        let t = Tmux {
            socket: format!("dmat-e2e-{}-{name}", std::process::id()),
            session: "dmat",
        };
        let out = t.tmux(&[
            "new-session",
            "-d",
            "-x",
            "120",
            "-y",
            "40",
            "-s",
            t.session,
            command,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        t
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", self.session];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success());
    }

    /// Types text literally (Chinese included).
    fn literal(&self, text: &str) {
        assert!(
            self.tmux(&["send-keys", "-t", self.session, "-l", text])
                .status
                .success()
        );
    }

    /// Pastes text as a terminal does when the application has not asked for bracketed
    /// paste: the characters arrive as keys, line breaks as Enter.
    fn paste_unbracketed(&self, text: &str) {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), text).unwrap();
        let buffer = file.path().to_str().unwrap();
        assert!(self.tmux(&["load-buffer", buffer]).status.success());
        assert!(
            self.tmux(&["paste-buffer", "-t", self.session])
                .status
                .success()
        );
    }

    fn screen(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-t", self.session]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn alive(&self) -> bool {
        self.tmux(&["has-session", "-t", self.session])
            .status
            .success()
    }

    /// Waits until the screen shows `text`.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_until_gone(&self) {
        let start = Instant::now();
        while self.alive() {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "dmat did not quit; the screen shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn pane_pid(&self) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", self.session, "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

fn dmat_command(ws: &Path, args: &str) -> String {
    format!(
        "exec env DMAT_WORKSPACE='{}' LANG=C.UTF-8 NO_COLOR=1 '{}' --lang en {args}",
        ws.display(),
        env!("CARGO_BIN_EXE_dmat"),
    )
}

fn questionnaire() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(FEATURES)
}

fn the_assessment(ws: &Path) -> PathBuf {
    let files = dmat::store::Workspace::new(ws).assessment_files();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

fn read(path: &Path) -> Assessment {
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn an_interview_answered_by_keys_is_saved_whole() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    let cmd = format!(
        "new --questionnaire '{}' --firm '淄博华泰风机有限公司'",
        questionnaire().display()
    );
    let t = Tmux::start("whole", &dmat_command(ws, &cmd));
    t.wait_for("Industry segment");
    // Profile: industry, employees, products, founding date.
    t.keys(&["1"]);
    t.wait_for("Field 2 of 4");
    t.keys(&["4", "0", "Enter"]);
    t.wait_for("Field 3 of 4");
    t.keys(&["Enter"]);
    t.literal("离心风机");
    t.keys(&["Enter"]);
    t.wait_for("Field 4 of 4");
    t.literal("2003-05-18");
    t.keys(&["Enter"]);
    t.wait_for("Question 1 · ");
    // Equipment: yes, 45 %, PLC + servo.
    t.keys(&["2"]);
    t.wait_for("Question 2");
    t.keys(&["4", "5", "Enter"]);
    t.wait_for("Question 3");
    t.keys(&["2", "3", "Enter"]);
    // Data: ERP + MES makes the link question appear; linked; counts + OEE.
    t.wait_for("Question 4");
    t.keys(&["2", "3", "Enter"]);
    t.wait_for("Question 5");
    t.keys(&["2"]);
    t.wait_for("Question 6");
    t.keys(&["1", "2", "Enter"]);
    // Talent: 4 days, 6 engineers, a remark.
    t.wait_for("Question 7");
    t.keys(&["4", "Enter"]);
    t.wait_for("Question 8");
    t.keys(&["6", "Enter"]);
    t.wait_for("Question 9");
    t.keys(&["Enter"]);
    t.literal("老板重视人才");
    t.keys(&["Enter"]);
    // Green: online monitoring; the summary follows the last question.
    t.wait_for("Question 10");
    t.keys(&["3"]);
    t.wait_for("Dimension scores");
    // A note in Chinese on the first question, through the jump list.
    t.keys(&["Escape"]);
    t.wait_for("How is energy metered?");
    t.keys(&[":"]);
    t.literal("has-cnc");
    t.keys(&["Enter"]);
    t.wait_for("Does the firm have CNC machines?");
    t.keys(&["e"]);
    t.wait_for("Enter keeps");
    t.literal("车间有三台数控车床");
    t.keys(&["Enter"]);
    t.wait_for("Note  车间有三台数控车床");
    t.keys(&["q"]);
    t.wait_until_gone();

    let a = read(&the_assessment(ws));
    assert_eq!(a.firm.name, "淄博华泰风机有限公司");
    assert_eq!(a.profile["industry"].as_str(), Some("fans"));
    assert_eq!(a.profile["employees"].as_integer(), Some(40));
    assert_eq!(a.profile["products"].as_str(), Some("离心风机"));
    assert_eq!(a.profile["founded"].to_string(), "2003-05-18");
    let r = |id: &str| a.answers[id].response.clone();
    let choices = |ids: &[&str]| {
        Some(Response::Choices(
            ids.iter().map(|s| s.to_string()).collect(),
        ))
    };
    assert_eq!(r("has-cnc"), Some(Response::Choice("yes".into())));
    assert_eq!(r("cnc-share"), Some(Response::Value(45.0)));
    assert_eq!(r("automation"), choices(&["plc", "servo"]));
    assert_eq!(r("systems"), choices(&["erp", "mes"]));
    assert_eq!(r("mes-link"), Some(Response::Choice("yes".into())));
    assert_eq!(r("practices"), choices(&["counts", "oee"]));
    assert_eq!(r("training"), Some(Response::Value(4.0)));
    assert_eq!(r("headcount"), Some(Response::Value(6.0)));
    assert_eq!(r("remarks"), Some(Response::Text("老板重视人才".into())));
    assert_eq!(r("energy"), Some(Response::Choice("online".into())));
    assert_eq!(
        a.answers["has-cnc"].note.as_deref(),
        Some("车间有三台数控车床")
    );
    assert_eq!(a.answers.len(), 10);
}

/// Waits until the assessment file holds what `done` looks for.
fn wait_for_file(path: &Path, done: impl Fn(&Assessment) -> bool) -> Assessment {
    let start = Instant::now();
    loop {
        let a = read(path);
        if done(&a) {
            return a;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "waited for the file; it holds:\n{}",
            std::fs::read_to_string(path).unwrap()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_long_paste_that_arrives_as_keys_keeps_every_character_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    let cmd = format!(
        "new --questionnaire '{}' --firm 'Paste Co'",
        questionnaire().display()
    );
    let t = Tmux::start("paste", &dmat_command(ws, &cmd));
    t.wait_for("Industry segment");
    t.keys(&["Right", "Right", "Right", "Right"]);
    t.wait_for("Does the firm have CNC machines?");
    t.keys(&["e"]);
    t.wait_for("Enter keeps");
    // 600 Chinese characters (1800 bytes) in three paragraphs, well past the 1024 bytes
    // one read of the terminal takes.
    let paragraph = |from: u32| -> String {
        (from..from + 200)
            .map(|i| char::from_u32(0x4e00 + i * 7 % 5000).unwrap())
            .collect()
    };
    let text = [paragraph(0), paragraph(200), paragraph(400)].join("\n");
    t.paste_unbracketed(&text);
    let path = the_assessment(ws);
    let a = wait_for_file(&path, |a| {
        a.answers
            .get("has-cnc")
            .and_then(|x| x.note.as_deref())
            .is_some_and(|n| n.chars().count() >= text.chars().count())
    });
    assert_eq!(a.answers["has-cnc"].note.as_deref(), Some(text.as_str()));
    // The paste's line breaks did not leave the note: Enter now keeps it.
    assert!(t.screen().contains("Enter keeps"));
    t.keys(&["Enter"]);
    t.wait_for("Note  ");
    t.keys(&["q"]);
    t.wait_until_gone();
    let a = read(&path);
    assert_eq!(a.answers["has-cnc"].note.as_deref(), Some(text.as_str()));
    assert_eq!(a.answers["has-cnc"].response, None, "nothing was answered");
}

#[test]
fn behind_the_too_small_notice_keys_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    let cmd = format!(
        "new --questionnaire '{}' --firm 'Small Co'",
        questionnaire().display()
    );
    let t = Tmux::start("small", &dmat_command(ws, &cmd));
    t.wait_for("Field 1 of 4");
    t.keys(&["Right", "Right", "Right", "Right"]);
    t.wait_for("Question 1 · ");
    t.keys(&["2"]);
    t.wait_for("Question 2");
    let path = the_assessment(ws);
    let before = std::fs::read(&path).unwrap();
    let resize = |w: &str, h: &str| {
        let out = t.tmux(&["resize-window", "-t", t.session, "-x", w, "-y", h]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    resize("40", "10");
    t.wait_for("Please enlarge");
    t.keys(&["Left", "1", "x", "Right", "e"]);
    t.literal("typed while too small");
    t.keys(&["Enter"]);
    resize("120", "40");
    t.wait_for("Question 2");
    assert!(!t.screen().contains("typed while too small"));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is unchanged"
    );
    // q leaves from the notice too.
    resize("40", "10");
    t.wait_for("Please enlarge");
    t.keys(&["q"]);
    t.wait_until_gone();
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn reopening_resumes_where_it_stopped_and_a_completed_file_opens_read_only_on_its_summary() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    let cmd = format!(
        "new --questionnaire '{}' --firm 'Reopen Co'",
        questionnaire().display()
    );
    let t = Tmux::start("reopen", &dmat_command(ws, &cmd));
    t.wait_for("Field 1 of 4");
    t.keys(&["Right", "Right", "Right", "Right"]);
    t.wait_for("Question 1 · ");
    t.keys(&["2"]);
    t.wait_for("Question 2");
    t.keys(&["4", "5", "Enter"]);
    t.wait_for("Question 3");
    t.keys(&["2", "Enter"]);
    t.wait_for("Question 4");
    t.keys(&["p", "p"]);
    t.wait_for("Question 2");
    t.keys(&["q"]);
    t.wait_until_gone();
    let path = the_assessment(ws);
    let open = format!(
        "open '{}' --questionnaire '{}'",
        path.display(),
        questionnaire().display()
    );
    let t = Tmux::start("reopen-2", &dmat_command(ws, &open));
    t.wait_for("Question 2");
    // Marked complete on the summary, then opened again: the summary, and keys change nothing.
    t.keys(&["s"]);
    t.wait_for("Dimension scores");
    t.keys(&["c"]);
    t.wait_for("Marked complete");
    t.keys(&["q"]);
    t.wait_until_gone();
    let complete = std::fs::read(&path).unwrap();
    let t = Tmux::start("reopen-3", &dmat_command(ws, &open));
    t.wait_for("Reopen Co · Feature test questionnaire · Summary");
    t.keys(&["1", "e"]);
    t.wait_for("complete and read-only");
    t.keys(&["Left"]);
    t.wait_for("Question 2");
    t.keys(&["1", "x"]);
    t.wait_for("complete and read-only");
    t.keys(&["q"]);
    t.wait_until_gone();
    assert_eq!(std::fs::read(&path).unwrap(), complete, "nothing changed");
}

#[test]
fn a_killed_interview_loses_nothing_and_reopens_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    let cmd = format!(
        "new --questionnaire '{}' --firm 'Zibo Motors'",
        questionnaire().display()
    );
    let t = Tmux::start("killed", &dmat_command(ws, &cmd));
    t.wait_for("Industry segment");
    t.keys(&["2"]);
    t.wait_for("Field 2 of 4");
    t.keys(&["Right", "Right", "Right"]);
    t.wait_for("Question 1 · ");
    t.keys(&["2", "7", "5", "Enter"]);
    t.wait_for("Question 3");
    t.keys(&["e"]);
    t.wait_for("Enter keeps");
    t.literal("焊接机器人两台");
    t.wait_for("焊接机器人两台");
    t.keys(&["Enter"]);
    t.wait_for("Note  焊接机器人两台");
    t.keys(&["4", "Enter"]);
    t.wait_for("Question 4");
    let pid = t.pane_pid();
    let killed = Command::new("kill").args(["-KILL", &pid]).status().unwrap();
    assert!(killed.success());
    t.wait_until_gone();

    let path = the_assessment(ws);
    let a = read(&path);
    assert_eq!(a.profile["industry"].as_str(), Some("motors"));
    assert_eq!(
        a.answers["has-cnc"].response,
        Some(Response::Choice("yes".into()))
    );
    assert_eq!(a.answers["cnc-share"].response, Some(Response::Value(75.0)));
    assert_eq!(
        a.answers["automation"].response,
        Some(Response::Choices(vec!["robot".into()]))
    );
    assert_eq!(
        a.answers["automation"].note.as_deref(),
        Some("焊接机器人两台")
    );

    // Reopened (the killed process held the lock; the kernel released it), the interview
    // resumes at the first unanswered question and shows what was answered.
    let cmd = format!(
        "open '{}' --questionnaire '{}'",
        path.display(),
        questionnaire().display()
    );
    let t = Tmux::start("reopened", &dmat_command(ws, &cmd));
    t.wait_for("Which information systems?");
    t.wait_for("3/7 answered");
    t.keys(&["p"]);
    t.wait_for("焊接机器人两台");
    t.keys(&["q"]);
    t.wait_until_gone();
    assert_eq!(read(&path), a, "opening and leaving changes nothing");
}

#[test]
fn a_second_open_of_the_same_file_is_refused_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    let cmd = format!(
        "new --questionnaire '{}' --firm 'Locked Co'",
        questionnaire().display()
    );
    let t = Tmux::start("locked", &dmat_command(ws, &cmd));
    t.wait_for("Industry segment");
    let path = the_assessment(ws);
    let out = Command::new(env!("CARGO_BIN_EXE_dmat"))
        .args(["open"])
        .arg(&path)
        .arg("--questionnaire")
        .arg(questionnaire())
        .env("DMAT_WORKSPACE", ws)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("open in another dmat"), "{err}");
    assert!(out.stdout.is_empty(), "nothing was drawn");
    t.keys(&["q"]);
    t.wait_until_gone();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_keep_what_was_typed() {
    for (name, signal, status) in [("term", "-TERM", "143"), ("hup", "-HUP", "129")] {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path();
        let cmd = format!(
            "new --questionnaire '{}' --firm 'Signal Co'",
            questionnaire().display()
        );
        // A shell runs dmat and then shows how it ended, on the screen it left behind.
        let dmat = dmat_command(ws, &cmd).replacen("exec ", "", 1);
        let t = Tmux::start(name, &format!("{dmat}; echo \"dmat ended: $?\"; sleep 60"));
        t.wait_for("Industry segment");
        let format = "#{alternate_on}";
        let alt = t.tmux(&["display-message", "-p", "-t", t.session, format]);
        assert_eq!(String::from_utf8_lossy(&alt.stdout).trim(), "1");
        t.keys(&["3"]);
        t.wait_for("Field 2 of 4");
        let shell = t.pane_pid();
        let children = format!("/proc/{shell}/task/{shell}/children");
        let pid = std::fs::read_to_string(children)
            .unwrap()
            .trim()
            .to_string();
        assert!(!pid.is_empty(), "dmat runs under the shell");
        assert!(
            Command::new("kill")
                .args([signal, &pid])
                .status()
                .unwrap()
                .success()
        );
        t.wait_for(&format!("dmat ended: {status}"));
        let alt = t.tmux(&["display-message", "-p", "-t", t.session, format]);
        assert_eq!(
            String::from_utf8_lossy(&alt.stdout).trim(),
            "0",
            "the alternate screen is left"
        );
        let a = read(&the_assessment(ws));
        assert_eq!(a.profile["industry"].as_str(), Some("other"));
    }
}

#[test]
fn closing_the_terminal_ends_dmat_and_keeps_the_text_being_typed() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    let cmd = format!(
        "new --questionnaire '{}' --firm 'Closed Co'",
        questionnaire().display()
    );
    let t = Tmux::start("closed", &dmat_command(ws, &cmd));
    t.wait_for("Industry segment");
    t.keys(&["3"]);
    t.wait_for("Field 2 of 4");
    t.literal("40");
    t.keys(&["Enter"]);
    t.wait_for("Field 3 of 4");
    // Text typed on a text page is saved as it is typed, before Enter.
    t.literal("离心风");
    t.wait_for("离心风");
    let pid = t.pane_pid();
    // Closing the window hangs up the terminal; dmat must end rather than spin on it.
    assert!(t.tmux(&["kill-session", "-t", t.session]).status.success());
    let proc_dir = PathBuf::from(format!("/proc/{pid}"));
    let start = Instant::now();
    while proc_dir.exists() {
        let state = std::fs::read_to_string(proc_dir.join("stat")).unwrap_or_default();
        if state.split_whitespace().nth(2) == Some("Z") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "dmat still runs after its terminal closed: {state}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let a = read(&the_assessment(ws));
    assert_eq!(a.profile["products"].as_str(), Some("离心风"));
    assert_eq!(a.profile["employees"].as_integer(), Some(40));
}

#[test]
fn dmat_compare_on_a_terminal_opens_the_comparison_screen() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("workspace");
    // A copy of the fixture cohort: opening a firm locks its file.
    let cohort = dir.path().join("cohort");
    std::fs::create_dir_all(&cohort).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cohort");
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, cohort.join(path.file_name().unwrap())).unwrap();
    }
    let cmd = format!(
        "compare '{}' --questionnaire '{}'",
        cohort.display(),
        questionnaire().display()
    );
    let t = Tmux::start("compare", &dmat_command(&ws, &cmd));
    t.wait_for("Comparison of firms");
    t.wait_for("sorted by Overall, descending");
    t.wait_for("Zibo Motors Co., Ltd.");
    t.keys(&["o"]);
    t.wait_for("sorted by Overall, ascending");
    t.keys(&["Tab"]);
    t.wait_for("周村机械厂 · 2 visits");
    t.keys(&["Tab"]);
    t.wait_for("Firms by stage");
    t.keys(&["BTab"]);
    t.wait_for("周村机械厂 · 2 visits");
    // Enter opens the firm's latest visit on its summary; Esc comes back to the re-visits.
    t.keys(&["Enter"]);
    t.wait_for("周村机械厂 · Feature test questionnaire · Summary");
    t.keys(&["Escape"]);
    t.wait_for("周村机械厂 · 2 visits");
    t.keys(&["q"]);
    t.wait_until_gone();
    // Looking changed nothing.
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        let copy = cohort.join(path.file_name().unwrap());
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(&copy).unwrap(),
            "{}",
            copy.display()
        );
    }
}

const POLICY: &str = "tests/fixtures/questionnaires/policy.toml";

/// Sends keys one at a time, as a person types them: keys sent together arrive as one run
/// of input, in which Enter is a line break of a paste.
fn typed_slowly(t: &Tmux, keys: &[&str]) {
    for k in keys {
        t.keys(&[k]);
        std::thread::sleep(Duration::from_millis(150));
    }
}

fn literal_slowly(t: &Tmux, text: &str) {
    t.literal(text);
    std::thread::sleep(Duration::from_millis(150));
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// Issue 10 end to end: the firm agrees two actions (owner and due date) and declines one on
/// the plan screen; a follow-up visit begun from the home screen takes last visit's answers
/// over with one key, changes one, records the progress on the agreed actions and writes the
/// new sheet; the earlier file is byte for byte what it was.
#[test]
fn agree_the_plan_revisit_take_over_and_record_progress() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    std::fs::write(ws.join("settings.toml"), "assessor = \"王建国\"\n").unwrap();
    let policy = Path::new(env!("CARGO_MANIFEST_DIR")).join(POLICY);
    let cmd = format!(
        "new --questionnaire '{}' --firm '淄博华泰风机有限公司'",
        policy.display()
    );
    // The first visit: answered, then its plan agreed.
    let t = Tmux::start("plan", &dmat_command(ws, &cmd));
    t.wait_for("Firm profile");
    typed_slowly(
        &t,
        &["n", "1", "1", "1", "1", "Enter", "1", "9", "Enter", "1"],
    );
    t.wait_for("Summary");
    typed_slowly(&t, &["p"]);
    t.wait_for("Agreed plan");
    typed_slowly(&t, &["a", "o"]);
    literal_slowly(&t, "王建国");
    typed_slowly(&t, &["Enter", "t"]);
    literal_slowly(&t, "2027-06-30");
    typed_slowly(&t, &["Enter", "j", "a", "o"]);
    literal_slowly(&t, "李工");
    typed_slowly(&t, &["Enter", "t"]);
    literal_slowly(&t, "2027-12-31");
    typed_slowly(&t, &["Enter", "j", "d"]);
    literal_slowly(&t, "no budget this year");
    typed_slowly(&t, &["Enter"]);
    t.wait_for("2 agreed · 1 declined");
    typed_slowly(&t, &["q"]);
    t.wait_until_gone();
    let earlier = the_assessment(ws);
    let first = read(&earlier);
    let agreed: Vec<&str> = first
        .plan
        .iter()
        .filter(|(_, e)| e.decision == Some(dmat::model::Decision::Agreed))
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(agreed, ["erp-basic", "register"]);
    assert_eq!(first.plan["register"].owner.as_deref(), Some("王建国"));
    assert_eq!(
        first.plan["erp-basic"]
            .due
            .map(|d| d.to_string())
            .as_deref(),
        Some("2027-12-31")
    );
    assert_eq!(
        first.plan["cnc-batch"].note.as_deref(),
        Some("no budget this year")
    );
    let bytes = std::fs::read(&earlier).unwrap();

    // The follow-up visit, begun from the home screen.
    let t = Tmux::start("revisit", &dmat_command(ws, ""));
    t.wait_for("淄博华泰风机有限公司");
    typed_slowly(&t, &["v"]);
    t.wait_for("Last visit:");
    typed_slowly(&t, &["Enter"]);
    t.wait_for("Start follow-up");
    typed_slowly(&t, &["Enter"]);
    t.wait_for("Follow-up visit begun");
    typed_slowly(&t, &["g"]);
    t.wait_for("Last visit: None");
    // The first question changes (CNC: most machines); the other six are taken over.
    typed_slowly(&t, &["3", "t", "t", "t", "t", "t", "t"]);
    t.wait_for("Summary");
    typed_slowly(&t, &["r"]);
    t.wait_for("Progress since the last visit");
    typed_slowly(&t, &["3", "f", "f", "f", "j", "2"]);
    t.wait_for("status: in progress");
    typed_slowly(&t, &["Escape", "w", "w"]);
    t.wait_for("Recommendation sheet written to");
    typed_slowly(&t, &["q"]);
    t.wait_for("Assessments");
    typed_slowly(&t, &["q"]);
    t.wait_until_gone();

    assert_eq!(
        std::fs::read(&earlier).unwrap(),
        bytes,
        "the earlier visit is untouched"
    );
    let files = dmat::store::Workspace::new(ws).assessment_files();
    let follow = files.iter().find(|p| **p != earlier).expect("a follow-up");
    let second = read(follow);
    let name = earlier.file_name().unwrap().to_str().unwrap();
    assert_eq!(second.visit.previous.as_deref(), Some(name));
    assert_eq!(second.visit.assessor.as_deref(), Some("王建国"));
    for (id, answer) in &first.answers {
        if id == "cnc" {
            assert_ne!(second.answers.get(id), Some(answer), "changed");
        } else {
            assert_eq!(second.answers.get(id), Some(answer), "{id} taken over");
        }
    }
    assert_eq!(second.answers.len(), first.answers.len());
    let done = &second.progress["erp-basic"];
    assert_eq!(done.status, Some(dmat::model::ProgressStatus::Done));
    assert_eq!(done.support, Some(dmat::model::SupportOutcome::Granted));
    assert_eq!(
        second.progress["register"].status,
        Some(dmat::model::ProgressStatus::InProgress)
    );
    let sheets = files_in(&ws.join("reports"));
    let html = sheets
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "html"))
        .expect("the new sheet");
    let sheet = std::fs::read_to_string(html).unwrap();
    assert!(sheet.contains("淄博华泰风机有限公司"));
    assert!(sheet.contains("王建国"), "the assessor is on the sheet");
    for shown in [
        "How the actions agreed last time went",
        "granted",
        "under way",
        "Since the last visit",
        "▲",
    ] {
        assert!(sheet.contains(shown), "the new sheet shows {shown:?}");
    }
}
