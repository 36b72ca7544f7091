//! Files: the workspace folder, the catalogue of questionnaires, loading with located errors,
//! atomic saving, and the lock that keeps two dmat processes off one assessment.

mod catalog;
mod demo;
mod files;
mod follow_up;
mod lock;
mod place;
mod reports;
mod settings;
mod walk;
mod workspace;
mod write;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use catalog::{Catalog, DEFAULT_QUESTIONNAIRE, LoadedQuestionnaire, Source, digest};
pub use demo::{remove_demo, write_cohort};
pub use files::{MAX_FILE_BYTES, read_text, regular_file, safe_file_stem};
pub use follow_up::{
    BeginError, Begun, Previous, begin_follow_up, beside, check_links, follow_up_path,
    load_previous, previous_path, write_follow_up,
};
pub use lock::AssessmentLock;
pub use place::{read_place, write_place};
pub use reports::{ReportName, write_report, written_report};
pub use settings::{
    SETTINGS_FILE, Settings, load_settings, remember_assessor, remembered_assessor, save_settings,
};
pub use walk::{Collected, PassedOver, collect_assessment_files, collect_toml_files};
pub use workspace::Workspace;
pub use write::{
    clean_stale_temporaries, write_atomic, write_atomic_file, write_atomic_with, write_new,
};

use crate::i18n::FileWords;
use crate::model::diagnostic::{KeyPath, Locator, Problem};
pub use crate::model::same_firm;
use crate::model::{Assessment, Diagnostic, parse};
use crate::plain_text::shown_path;

/// Why a file could not be used.
#[derive(Debug)]
pub enum StoreError {
    /// The file could not be read or written.
    Io {
        path: PathBuf,
        action: Action,
        source: io::Error,
    },
    /// The file has errors; every diagnostic carries its line and column.
    Invalid {
        path: PathBuf,
        diagnostics: Vec<Diagnostic>,
    },
    /// Another dmat has the assessment open.
    Locked { path: PathBuf, holder: Option<u32> },
    /// Not a regular file where dmat needs one.
    NotAFile { path: PathBuf, kind: FileKind },
    /// Larger than dmat reads.
    TooLarge { path: PathBuf, bytes: u64 },
    /// An assessment with more than one name (hard links), which saving would part.
    HardLinked { path: PathBuf, links: u64 },
}

/// What dmat was doing with a file when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Read,
    Write,
    Create,
    Lock,
    Remove,
    Replace,
}

impl Action {
    fn word(self, w: &FileWords) -> &'static str {
        match self {
            Action::Read => w.act_read,
            Action::Write => w.act_write,
            Action::Create => w.act_create,
            Action::Lock => w.act_lock,
            Action::Remove => w.act_remove,
            Action::Replace => w.act_replace,
        }
    }
}

/// What stands where dmat needs a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Folder,
    /// A symbolic link, where dmat writes only what it made itself.
    Link,
    /// A device, a FIFO or a socket.
    Special,
}

impl FileKind {
    /// The kind of a file from its metadata (read without following links).
    pub fn of(m: &std::fs::Metadata) -> Self {
        if m.is_dir() {
            FileKind::Folder
        } else if m.file_type().is_symlink() {
            FileKind::Link
        } else {
            FileKind::Special
        }
    }
}

impl StoreError {
    pub fn io(path: &Path, action: Action, source: io::Error) -> Self {
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
            | StoreError::Locked { path, .. }
            | StoreError::NotAFile { path, .. }
            | StoreError::TooLarge { path, .. }
            | StoreError::HardLinked { path, .. } => path,
        }
    }
}

impl fmt::Display for StoreError {
    /// The sentence in the language chosen for the run (see [`crate::i18n::choose`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = FileWords::chosen();
        let path = shown_path(self.path());
        let text = match self {
            StoreError::Io { action, source, .. } => {
                w.cannot(&path, action.word(w), &io_reason(source))
            }
            StoreError::Invalid { diagnostics, .. } => {
                let lines: Vec<String> = diagnostics
                    .iter()
                    .map(|d| d.in_file(&path).to_string())
                    .collect();
                lines.join("\n")
            }
            StoreError::Locked { holder: None, .. } => w.locked(&path),
            StoreError::Locked {
                holder: Some(pid), ..
            } => w.locked_by(&path, *pid),
            StoreError::NotAFile { kind, .. } => {
                let why = match kind {
                    FileKind::Folder => w.folder_not_file,
                    FileKind::Link => w.link_in_the_way,
                    FileKind::Special => w.not_regular,
                };
                format!("{path}: {why}")
            }
            StoreError::TooLarge { bytes, .. } => w.too_large(
                &path,
                &format!("{:.1}", *bytes as f64 / 1024.0 / 1024.0),
                MAX_FILE_BYTES / 1024 / 1024,
            ),
            StoreError::HardLinked { links, .. } => w.hard_linked(&path, *links),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for StoreError {}

fn io_reason(e: &io::Error) -> String {
    let w = FileWords::chosen();
    match e.kind() {
        io::ErrorKind::NotFound => w.not_found.into(),
        io::ErrorKind::IsADirectory => w.is_folder.into(),
        io::ErrorKind::PermissionDenied => w.permission_denied.into(),
        io::ErrorKind::InvalidData => w.not_utf8.into(),
        io::ErrorKind::AlreadyExists if e.get_ref().is_none() => w.already_there.into(),
        _ => e.to_string(),
    }
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
    open_assessment_text(path, &read_text(path)?, catalog)
}

/// Like [`open_assessment`], for the text of `path` already read.
pub fn open_assessment_text(
    path: &Path,
    src: &str,
    catalog: &Catalog,
) -> Result<Opened, StoreError> {
    let invalid = |diagnostics| StoreError::Invalid {
        path: path.to_path_buf(),
        diagnostics,
    };
    let (assessment, mut warnings) = parse::assessment(src).map_err(invalid)?;
    let r = &assessment.questionnaire;
    let Some(questionnaire) = catalog.find(&r.id, &r.digest) else {
        let at = KeyPath::root().key("questionnaire").key("id");
        let msg = FileWords::chosen().unknown_questionnaire(&r.id);
        return Err(invalid(vec![
            Locator::new(src).place(&Problem::error(at, msg)),
        ]));
    };
    let q = &questionnaire.questionnaire;
    let mut diags = parse::check_assessment(src, &assessment, q, catalog.lang());
    if !r.digest.is_empty()
        && r.digest != questionnaire.digest
        && r.id == questionnaire.questionnaire.id
    {
        let at = KeyPath::root().key("questionnaire").key("digest");
        let source = questionnaire.source.to_string();
        let msg = FileWords::chosen().questionnaire_changed(&r.id, &source);
        diags.push(Locator::new(src).place(&Problem::warning(at, msg)));
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

/// Opens an assessment for editing: it must be a regular file with one name; the real file is
/// locked (links resolved), the temporary files a killed dmat left beside it are removed, and
/// it is loaded and checked. A failure leaves nothing behind, not even the lock file.
pub fn open_for_editing(
    path: &Path,
    catalog: &Catalog,
) -> Result<(Opened, AssessmentLock), StoreError> {
    regular_file(path)?;
    let lock = AssessmentLock::acquire(path)?;
    if let Some(dir) = lock.path().parent() {
        clean_stale_temporaries(dir);
    }
    let opened = open_assessment(path, catalog)?;
    Ok((opened, lock))
}

/// Loads many assessments at once, in parallel, keeping their order.
pub fn open_many(paths: &[PathBuf], catalog: &Catalog) -> Vec<Result<Opened, StoreError>> {
    use rayon::prelude::*;
    paths
        .par_iter()
        .map(|p| open_assessment(p, catalog))
        .collect()
}

/// An interview of `firm` on `questionnaire` dated `date` that is still in progress in the
/// workspace's assessments folder: what starting it again should resume.
pub fn open_visit(
    ws: &Workspace,
    firm: &str,
    questionnaire: &str,
    date: toml::value::Datetime,
) -> Option<PathBuf> {
    let wanted = crate::model::Firm {
        name: firm.to_string(),
        id: None,
    };
    let date = date.to_string();
    ws.assessment_files().into_iter().find(|path| {
        let Ok(src) = std::fs::read_to_string(path) else {
            return false;
        };
        let Ok((a, _)) = parse::assessment(&src) else {
            return false;
        };
        a.visit.status == crate::model::Status::InProgress
            && a.questionnaire.id == questionnaire
            && a.date_string().as_deref() == Some(date.as_str())
            && same_firm(&a.firm, &wanted)
    })
}

/// Keeps a copy of a questionnaire read from a file outside the workspace in its
/// `questionnaires/` folder, byte for byte (so its digest is the one the assessment records),
/// so that the assessment opens later without `--questionnaire`. Nothing is copied for a
/// bundled questionnaire or when the folder already holds the same bytes; a different file
/// of the same name is never replaced: the copy then takes the digest into its name.
/// Returns where the copy was written, if one was.
pub fn keep_questionnaire(
    ws: &Workspace,
    q: &LoadedQuestionnaire,
) -> Result<Option<PathBuf>, StoreError> {
    let Source::File(source) = &q.source else {
        return Ok(None);
    };
    let dir = ws.questionnaires_dir();
    // Read as every file dmat reads: a regular file of a sane size, never a FIFO.
    let held = |p: &Path| read_text(p).is_ok_and(|b| digest(b.as_bytes()) == q.digest);
    if ws.questionnaire_files().iter().any(|p| held(p)) {
        return Ok(None);
    }
    let Ok(text) = read_text(source) else {
        return Ok(None);
    };
    let bytes = text.into_bytes();
    if digest(&bytes) != q.digest {
        // Changed since it was read: what the assessment records is not there to keep.
        return Ok(None);
    }
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, Action::Create, e))?;
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .unwrap_or_else(|| format!("{}.toml", safe_file_stem(&q.questionnaire.id)));
    let mut path = dir.join(&name);
    // Anything of that name, a link leading nowhere too, is someone else's.
    if path.symlink_metadata().is_ok() {
        let stem = name.trim_end_matches(".toml");
        let short = &q.digest.trim_start_matches("sha256:")[..12];
        path = dir.join(format!("{stem}-{short}.toml"));
    }
    write_atomic(&path, &bytes).map_err(|e| StoreError::io(&path, Action::Write, e))?;
    Ok(Some(path))
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
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, Action::Create, e))?;
    clean_stale_temporaries(&dir);
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
        StoreError::io(
            path,
            Action::Write,
            io::Error::new(io::ErrorKind::InvalidData, e),
        )
    })?;
    write_atomic(path, text.as_bytes()).map_err(|e| StoreError::io(path, Action::Write, e))
}
