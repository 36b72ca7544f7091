//! The questionnaires dmat knows: those compiled into the binary, those in the workspace's
//! `questionnaires/` folder, and one given with `--questionnaire PATH`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::{StoreError, Workspace, read_text};
use crate::i18n::Lang;
use crate::model::{Diagnostic, Questionnaire, parse};

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The questionnaire a new interview or a demo uses when none is named.
pub const DEFAULT_QUESTIONNAIRE: &str = "smart-manufacturing";

/// Where a questionnaire came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Compiled into dmat, by file name.
    Bundled(String),
    File(PathBuf),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Bundled(name) => write!(f, "bundled:{name}"),
            Source::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// A valid questionnaire, with where it came from and the digest of its bytes.
#[derive(Debug, Clone)]
pub struct LoadedQuestionnaire {
    pub questionnaire: Questionnaire,
    pub source: Source,
    /// `sha256:` and the hex digest of the file's bytes.
    pub digest: String,
    pub warnings: Vec<Diagnostic>,
}

impl LoadedQuestionnaire {
    /// Parses and validates questionnaire text.
    pub fn parse(src: &str, source: Source) -> Result<Self, StoreError> {
        match parse::questionnaire(src) {
            Ok((questionnaire, warnings)) => Ok(Self {
                questionnaire,
                digest: digest(src.as_bytes()),
                source,
                warnings,
            }),
            Err(diagnostics) => Err(StoreError::Invalid {
                path: PathBuf::from(source.to_string()),
                diagnostics,
            }),
        }
    }

    /// Reads a questionnaire file.
    pub fn load(path: &Path) -> Result<Self, StoreError> {
        Self::parse(&read_text(path)?, Source::File(path.to_path_buf()))
    }

    /// The lines for the warnings, `place:line:column: warning: sentence`.
    pub fn warning_lines(&self) -> Vec<String> {
        let name = self.source.to_string();
        self.warnings
            .iter()
            .map(|d| d.in_file(&name).to_string())
            .collect()
    }
}

/// The sha256 digest of some bytes, written `sha256:<hex>`.
pub fn digest(bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// The questionnaires available to a command.
#[derive(Debug, Default)]
pub struct Catalog {
    /// Workspace questionnaires first, then bundled ones.
    entries: Vec<Arc<LoadedQuestionnaire>>,
    /// Given with `--questionnaire PATH`: used for every assessment.
    fixed: Option<Arc<LoadedQuestionnaire>>,
    /// Workspace questionnaires that failed to load.
    pub broken: Vec<StoreError>,
    /// The language the checks of assessments loaded with this catalogue speak (English
    /// unless set).
    lang: Option<Lang>,
}

impl Catalog {
    /// The same questionnaires, to read assessments with on another thread (without the
    /// errors of those that failed to load, already reported).
    pub fn for_reading(&self) -> Catalog {
        Catalog {
            entries: self.entries.clone(),
            fixed: self.fixed.clone(),
            broken: Vec::new(),
            lang: self.lang,
        }
    }

    /// The bundled questionnaires only.
    pub fn bundled() -> Self {
        let mut c = Catalog::default();
        for (name, text) in BUNDLED {
            match LoadedQuestionnaire::parse(text, Source::Bundled((*name).to_string())) {
                Ok(q) => c.entries.push(Arc::new(q)),
                Err(e) => c.broken.push(e),
            }
        }
        c
    }

    /// The bundled questionnaires and those in the workspace's `questionnaires/` folder.
    pub fn load(ws: &Workspace) -> Self {
        let mut c = Catalog::bundled();
        let mut local = Vec::new();
        for path in ws.questionnaire_files() {
            match LoadedQuestionnaire::load(&path) {
                Ok(q) => local.push(Arc::new(q)),
                Err(e) => c.broken.push(e),
            }
        }
        local.append(&mut c.entries);
        c.entries = local;
        c
    }

    /// The language the checks of assessments loaded with this catalogue speak.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or(Lang::En)
    }

    /// Makes the checks of assessments loaded with this catalogue speak `lang`.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = Some(lang);
    }

    /// Uses one questionnaire for every assessment, whatever id it records.
    pub fn fix(&mut self, q: LoadedQuestionnaire) {
        self.fixed = Some(Arc::new(q));
    }

    /// Adds a questionnaire given by path, ahead of all others with its id.
    pub fn add_first(&mut self, q: LoadedQuestionnaire) {
        self.entries.insert(0, Arc::new(q));
    }

    /// The questionnaire given with `--questionnaire PATH`, if any.
    pub fn fixed(&self) -> Option<&Arc<LoadedQuestionnaire>> {
        self.fixed.as_ref()
    }

    pub fn entries(&self) -> &[Arc<LoadedQuestionnaire>] {
        &self.entries
    }

    /// The questionnaire an assessment names: the fixed one if any; else, among those with
    /// the id, the one with the recorded digest, else the first (workspace before bundled).
    pub fn find(&self, id: &str, digest: &str) -> Option<Arc<LoadedQuestionnaire>> {
        if let Some(f) = &self.fixed {
            return Some(f.clone());
        }
        let mut with_id = self.entries.iter().filter(|e| e.questionnaire.id == id);
        let first = with_id.clone().next();
        with_id.find(|e| e.digest == digest).or(first).cloned()
    }

    /// The questionnaire of this id at its latest version (see [`newer_version`]); of two
    /// with the same version, the first (workspace before bundled).
    pub fn latest(&self, id: &str) -> Option<Arc<LoadedQuestionnaire>> {
        self.entries
            .iter()
            .filter(|e| e.questionnaire.id == id)
            .reduce(|best, e| {
                if newer_version(&e.questionnaire.version, &best.questionnaire.version) {
                    e
                } else {
                    best
                }
            })
            .cloned()
    }

    /// Resolves `--questionnaire ID|PATH`: a known id, or a file to read.
    pub fn resolve(&self, id_or_path: &str) -> Result<Arc<LoadedQuestionnaire>, StoreError> {
        if let Some(q) = self
            .entries
            .iter()
            .find(|e| e.questionnaire.id == id_or_path)
        {
            return Ok(q.clone());
        }
        LoadedQuestionnaire::load(Path::new(id_or_path)).map(Arc::new)
    }
}

/// Whether version `a` is later than `b`: compared part by part between the dots, as numbers
/// where both parts are numbers (`1.10.0` after `1.9.2`), else as text; a version that goes
/// on where the other ends is the later (`1.0.1` after `1.0`).
pub fn newer_version(a: &str, b: &str) -> bool {
    use std::cmp::Ordering;
    let part = |x: &str, y: &str| match (x.parse::<u64>(), y.parse::<u64>()) {
        (Ok(m), Ok(n)) => m.cmp(&n),
        _ => x.cmp(y),
    };
    let mut xs = a.trim().split('.');
    let mut ys = b.trim().split('.');
    loop {
        match (xs.next(), ys.next()) {
            (Some(x), Some(y)) => match part(x, y) {
                Ordering::Equal => continue,
                o => return o == Ordering::Greater,
            },
            (Some(_), None) => return true,
            (None, _) => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_part_by_part_as_numbers() {
        assert!(newer_version("1.10.0", "1.9.2"));
        assert!(!newer_version("1.9.2", "1.10.0"));
        assert!(newer_version("2.0", "1.99.99"));
        assert!(newer_version("1.0.1", "1.0"));
        assert!(!newer_version("1.0", "1.0"));
        assert!(!newer_version("1.0", "1.0.1"));
        assert!(
            newer_version("1.0.0-b", "1.0.0-a"),
            "text where not a number"
        );
    }
}
