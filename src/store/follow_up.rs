//! Follow-up visits on disk: the earlier visit a follow-up names (`visit.previous`, a file in
//! the same folder), and writing a new follow-up beside it without ever touching it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use toml::value::Datetime;

use super::workspace::free_assessment_path;
use super::{
    Action, Catalog, LoadedQuestionnaire, StoreError, Workspace, keep_questionnaire, load_settings,
    open_assessment, read_text, write_new,
};
use crate::i18n::Lang;
use crate::model::diagnostic::Locator;
use crate::model::follow_up::follow_up;
use crate::model::follow_up::is_bare_file_name;
use crate::model::visit_checks::{Earlier, link_problems};
use crate::model::{Assessment, Diagnostic, parse};

/// The earlier visit a follow-up names, as found beside it.
#[derive(Debug)]
pub enum Previous {
    /// The assessment names no earlier visit, or names it so that it cannot be looked for
    /// (not a bare file name: `validate` says so).
    NotAFollowUp,
    /// No file of that name is beside the assessment.
    Missing(PathBuf),
    /// The file is there but cannot be read as an assessment.
    Unreadable(StoreError),
    /// The earlier visit, and where it is.
    Found(PathBuf, Box<Assessment>),
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Where the earlier visit named by `a` (kept at `path`) is: beside it. None when it names
/// none, or names it as something other than a bare file name.
pub fn previous_path(path: &Path, a: &Assessment) -> Option<PathBuf> {
    let name = a.visit.previous.as_deref()?;
    is_bare_file_name(name).then(|| folder_of(path).join(name))
}

/// Reads the earlier visit that `a`, kept at `path`, follows up. It is read as an assessment
/// on its own (not checked against a questionnaire), and never written.
pub fn load_previous(path: &Path, a: &Assessment) -> Previous {
    let Some(prev) = previous_path(path, a) else {
        return Previous::NotAFollowUp;
    };
    if prev.symlink_metadata().is_err() || !prev.exists() {
        return Previous::Missing(prev);
    }
    let text = match read_text(&prev) {
        Ok(t) => t,
        Err(e) => return Previous::Unreadable(e),
    };
    match parse::assessment(&text) {
        Ok((earlier, _)) => Previous::Found(prev, Box::new(earlier)),
        Err(diagnostics) => Previous::Unreadable(StoreError::Invalid {
            path: prev,
            diagnostics,
        }),
    }
}

impl Previous {
    /// What the checks of a follow-up need to know of the earlier visit.
    pub fn earlier(&self) -> Earlier<'_> {
        match self {
            Previous::NotAFollowUp => Earlier::NotAFollowUp,
            Previous::Missing(_) => Earlier::Missing,
            Previous::Unreadable(_) => Earlier::Unreadable,
            Previous::Found(_, a) => Earlier::Found(a),
        }
    }
}

/// The problems of the links between the visit `a`, kept at `path` with the text `src`, and
/// the earlier visit it names (missing, unreadable, progress on actions never agreed there),
/// placed at their lines and columns and said in `lang`. The earlier visit is only read.
pub fn check_links(path: &Path, src: &str, a: &Assessment, lang: Lang) -> Vec<Diagnostic> {
    let previous = load_previous(path, a);
    let problems = link_problems(a, previous.earlier(), lang);
    let locator = Locator::new(src);
    problems.iter().map(|p| locator.place(p)).collect()
}

/// The path a follow-up of the visit at `previous` gets when none is chosen: beside it (its
/// `previous` names a file in the same folder), `<firm>-<date>.toml`, `-2`, … where taken.
pub fn follow_up_path(previous: &Path, firm: &str, date: &str) -> PathBuf {
    free_assessment_path(folder_of(previous), firm, date)
}

/// Whether `out` is in the same folder as the visit at `previous` (folders compared as the
/// system resolves them), as a follow-up must be for its `previous` to name that visit.
pub fn beside(out: &Path, previous: &Path) -> bool {
    let real = |p: &Path| std::fs::canonicalize(folder_of(p)).ok();
    matches!((real(out), real(previous)), (Some(a), Some(b)) if a == b)
}

/// Writes a new follow-up visit at `path`, atomically, never replacing anything there.
pub fn write_follow_up(path: &Path, a: &Assessment) -> Result<(), StoreError> {
    let text = a.to_toml().map_err(|e| {
        StoreError::io(
            path,
            Action::Write,
            std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        )
    })?;
    write_new(path, text.as_bytes()).map_err(|e| StoreError::io(path, Action::Write, e))
}

/// A follow-up visit begun: the new file, its assessment and questionnaire.
#[derive(Debug)]
pub struct Begun {
    pub path: PathBuf,
    pub assessment: Assessment,
    pub questionnaire: Arc<LoadedQuestionnaire>,
    /// The settings file could not be read: the visit records no assessor, and this says why.
    pub settings_error: Option<StoreError>,
}

/// Why a follow-up visit could not be begun.
#[derive(Debug)]
pub enum BeginError {
    /// The earlier visit cannot be read, or the new one cannot be written.
    Store(StoreError),
    /// The earlier visit's file name is not text, so `visit.previous` cannot name it.
    NameNotText,
    /// The file asked for is not in the earlier visit's folder.
    NotBeside,
}

impl From<StoreError> for BeginError {
    fn from(e: StoreError) -> Self {
        BeginError::Store(e)
    }
}

/// Begins a follow-up visit of the visit at `earlier`, as `dmat revisit` and the home screen
/// do: the firm, code and profile copied, `previous` set, dated `date`, by the assessor
/// remembered for the workspace, on `chosen` or else the earlier visit's questionnaire at its
/// latest version in `catalog`. It is written at `out` (which must be beside the earlier
/// visit) or beside it as `<firm>-<date>.toml`; nothing is ever replaced, and the earlier
/// visit is only read. The questionnaire is kept in the workspace.
pub fn begin_follow_up(
    ws: &Workspace,
    catalog: &Catalog,
    earlier: &Path,
    chosen: Option<Arc<LoadedQuestionnaire>>,
    out: Option<&Path>,
    date: Datetime,
) -> Result<Begun, BeginError> {
    let opened = open_assessment(earlier, catalog)?;
    let prev = &opened.assessment;
    let loaded = chosen
        .or_else(|| catalog.latest(&prev.questionnaire.id))
        .unwrap_or_else(|| opened.questionnaire.clone());
    let name = earlier
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or(BeginError::NameNotText)?;
    let path = match out {
        Some(out) if !beside(out, earlier) => return Err(BeginError::NotBeside),
        Some(out) => out.to_path_buf(),
        None => follow_up_path(earlier, &prev.firm.name, &date.to_string()),
    };
    let (assessor, settings_error) = match load_settings(ws) {
        Ok(s) => (s.assessor().map(str::to_string), None),
        Err(e) => (None, Some(e)),
    };
    let q = &loaded.questionnaire;
    let a = follow_up(prev, name, q, &loaded.digest, date, assessor.as_deref());
    write_follow_up(&path, &a)?;
    keep_questionnaire(ws, &loaded)?;
    Ok(Begun {
        path,
        assessment: a,
        questionnaire: loaded,
        settings_error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuestionnaireRef;

    fn visit(previous: Option<&str>) -> Assessment {
        let r = QuestionnaireRef {
            id: "quick-scan".into(),
            version: "1.0.0".into(),
            digest: String::new(),
        };
        let mut a = Assessment::new(r, "Acme", None);
        a.visit.previous = previous.map(str::to_string);
        a
    }

    #[test]
    fn the_previous_visit_is_looked_for_beside_the_follow_up() {
        let dir = tempfile::tempdir().unwrap();
        let here = dir.path().join("acme-2.toml");
        assert!(matches!(
            load_previous(&here, &visit(None)),
            Previous::NotAFollowUp
        ));
        assert!(matches!(
            load_previous(&here, &visit(Some("../elsewhere.toml"))),
            Previous::NotAFollowUp
        ));
        let a = visit(Some("acme-1.toml"));
        match load_previous(&here, &a) {
            Previous::Missing(p) => assert_eq!(p, dir.path().join("acme-1.toml")),
            other => panic!("{other:?}"),
        }
        std::fs::write(dir.path().join("acme-1.toml"), "schema = \n").unwrap();
        assert!(matches!(
            load_previous(&here, &a),
            Previous::Unreadable(StoreError::Invalid { .. })
        ));
        let earlier = visit(None);
        std::fs::write(dir.path().join("acme-1.toml"), earlier.to_toml().unwrap()).unwrap();
        match load_previous(&here, &a) {
            Previous::Found(p, found) => {
                assert_eq!(p, dir.path().join("acme-1.toml"));
                assert_eq!(*found, earlier);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            previous_path(Path::new("acme-2.toml"), &a),
            Some(PathBuf::from("./acme-1.toml"))
        );
    }

    #[test]
    fn a_follow_up_goes_beside_its_previous_visit_and_replaces_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let prev = dir.path().join("Acme-2026-05-12.toml");
        std::fs::write(&prev, "x").unwrap();
        let path = follow_up_path(&prev, "Acme", "2026-05-12");
        assert_eq!(path, dir.path().join("Acme-2026-05-12-2.toml"));
        assert!(beside(&path, &prev));
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        assert!(!beside(&sub.join("x.toml"), &prev));
        assert!(!beside(&dir.path().join("no-such-folder/x.toml"), &prev));
        write_follow_up(&path, &visit(Some("Acme-2026-05-12.toml"))).unwrap();
        let Err(e) = write_follow_up(&path, &visit(None)) else {
            panic!("replaced");
        };
        assert!(e.to_string().contains("never replaced"), "{e}");
        assert_eq!(std::fs::read_to_string(&prev).unwrap(), "x");
    }
}
