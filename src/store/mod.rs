//! Files: the workspace folder, the catalogue of questionnaires, loading with located errors,
//! atomic saving, and the lock that keeps two dmat processes off one assessment.

mod catalog;
mod demo;
mod files;
mod lock;
mod workspace;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use catalog::{Catalog, DEFAULT_QUESTIONNAIRE, LoadedQuestionnaire, Source, digest};
pub use demo::{remove_demo, write_cohort};
pub use files::{
    collect_assessment_files, collect_toml_files, safe_file_stem, write_atomic, write_atomic_with,
};
pub use lock::AssessmentLock;
pub use workspace::Workspace;

use crate::model::diagnostic::{KeyPath, Locator, Problem};
use crate::model::{Assessment, Diagnostic, parse};

/// Why a file could not be used.
#[derive(Debug)]
pub enum StoreError {
    /// The file could not be read or written.
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
    /// The file has errors; every diagnostic carries its line and column.
    Invalid {
        path: PathBuf,
        diagnostics: Vec<Diagnostic>,
    },
    /// The assessment's questionnaire is not among the known ones.
    UnknownQuestionnaire { path: PathBuf, id: String },
    /// Another dmat has the assessment open.
    Locked { path: PathBuf, holder: Option<u32> },
}

impl StoreError {
    pub fn io(path: &Path, action: &'static str, source: io::Error) -> Self {
        StoreError::Io {
            path: path.to_path_buf(),
            action,
            source,
        }
    }

    pub fn path(&self) -> &Path {
        match self {
            StoreError::Io { path, .. }
            | StoreError::Invalid { path, .. }
            | StoreError::UnknownQuestionnaire { path, .. }
            | StoreError::Locked { path, .. } => path,
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Io {
                path,
                action,
                source,
            } => {
                write!(
                    f,
                    "{}: cannot {action} the file: {}",
                    path.display(),
                    io_reason(source)
                )
            }
            StoreError::Invalid { path, diagnostics } => {
                let name = path.display().to_string();
                let lines: Vec<String> = diagnostics
                    .iter()
                    .map(|d| d.in_file(&name).to_string())
                    .collect();
                write!(f, "{}", lines.join("\n"))
            }
            StoreError::UnknownQuestionnaire { path, id } => write!(
                f,
                "{}: questionnaire `{id}` is neither bundled nor in the workspace's questionnaires folder; pass it with --questionnaire PATH",
                path.display()
            ),
            StoreError::Locked { path, holder } => {
                write!(
                    f,
                    "{}: this assessment is open in another dmat",
                    path.display()
                )?;
                if let Some(pid) = holder {
                    write!(f, " (process {pid})")?;
                }
                write!(f, "; close it there first")
            }
        }
    }
}

impl std::error::Error for StoreError {}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "it does not exist".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::InvalidData => "it is not UTF-8 text".into(),
        _ => e.to_string(),
    }
}

/// Reads a file as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, StoreError> {
    std::fs::read_to_string(path).map_err(|e| StoreError::io(path, "read", e))
}

/// An assessment loaded together with the questionnaire it is scored against.
#[derive(Debug, Clone)]
pub struct Opened {
    pub path: PathBuf,
    pub assessment: Assessment,
    pub questionnaire: Arc<LoadedQuestionnaire>,
    /// Warnings about the file (orphaned answers, a changed questionnaire), already located.
    pub warnings: Vec<Diagnostic>,
}

impl Opened {
    /// The warnings as `path:line:column: warning: sentence` lines.
    pub fn warning_lines(&self) -> Vec<String> {
        let name = self.path.display().to_string();
        self.warnings
            .iter()
            .map(|d| d.in_file(&name).to_string())
            .collect()
    }
}

/// Reads an assessment, finds its questionnaire in the catalogue and checks one against the
/// other. Errors stop the load; warnings (including a changed questionnaire) come with it.
pub fn open_assessment(path: &Path, catalog: &Catalog) -> Result<Opened, StoreError> {
    let src = read_text(path)?;
    let invalid = |diagnostics| StoreError::Invalid {
        path: path.to_path_buf(),
        diagnostics,
    };
    let (assessment, mut warnings) = parse::assessment(&src).map_err(invalid)?;
    let r = &assessment.questionnaire;
    let questionnaire =
        catalog
            .find(&r.id, &r.digest)
            .ok_or_else(|| StoreError::UnknownQuestionnaire {
                path: path.to_path_buf(),
                id: r.id.clone(),
            })?;
    let mut diags = parse::check_assessment(&src, &assessment, &questionnaire.questionnaire);
    if !r.digest.is_empty()
        && r.digest != questionnaire.digest
        && r.id == questionnaire.questionnaire.id
    {
        let at = KeyPath::root().key("questionnaire").key("digest");
        let msg = format!(
            "questionnaire `{}` has changed since this visit began (its digest differs); using {}",
            r.id, questionnaire.source
        );
        diags.push(Locator::new(&src).place(&Problem::warning(at, msg)));
    }
    if diags.iter().any(Diagnostic::is_error) {
        diags.retain(Diagnostic::is_error);
        return Err(invalid(diags));
    }
    warnings.extend(diags);
    Ok(Opened {
        path: path.to_path_buf(),
        assessment,
        questionnaire,
        warnings,
    })
}

/// Loads many assessments at once, in parallel, keeping their order.
pub fn open_many(paths: &[PathBuf], catalog: &Catalog) -> Vec<Result<Opened, StoreError>> {
    use rayon::prelude::*;
    paths
        .par_iter()
        .map(|p| open_assessment(p, catalog))
        .collect()
}

/// Starts a new assessment of `firm` in the workspace's assessments folder, dated `date`,
/// and saves it at once; returns where it was saved.
pub fn start_assessment(
    ws: &Workspace,
    questionnaire: &LoadedQuestionnaire,
    firm: &str,
    date: toml::value::Datetime,
) -> Result<(PathBuf, Assessment), StoreError> {
    let dir = ws.assessments_dir();
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, "create", e))?;
    let path = ws.new_assessment_path(firm, &date.to_string());
    let q = &questionnaire.questionnaire;
    let r = crate::model::QuestionnaireRef {
        id: q.id.clone(),
        version: q.version.clone(),
        digest: questionnaire.digest.clone(),
    };
    let assessment = Assessment::new(r, firm, Some(date));
    save_assessment(&path, &assessment)?;
    Ok((path, assessment))
}

/// Writes an assessment atomically: temporary file in the same folder, sync, rename.
pub fn save_assessment(path: &Path, assessment: &Assessment) -> Result<(), StoreError> {
    let text = assessment.to_toml().map_err(|e| {
        StoreError::io(path, "write", io::Error::new(io::ErrorKind::InvalidData, e))
    })?;
    write_atomic(path, text.as_bytes()).map_err(|e| StoreError::io(path, "write", e))
}
