//! The workspace: the folder holding a user's assessments, own questionnaires and reports.

use std::path::{Path, PathBuf};

use super::files::safe_file_stem;
use super::walk::collect_assessment_files;

/// A workspace folder: `assessments/`, `questionnaires/` and `reports/` inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    pub root: PathBuf,
}

impl Workspace {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The workspace given by `--workspace` or `DMAT_WORKSPACE`, else the user's data folder
    /// (e.g. `~/.local/share/dmat` on Linux).
    pub fn resolve(given: Option<&Path>) -> Self {
        match given {
            Some(p) => Self::new(p),
            None => Self::new(Self::default_root()),
        }
    }

    pub fn default_root() -> PathBuf {
        dirs::data_dir().map_or_else(|| PathBuf::from("dmat-workspace"), |d| d.join("dmat"))
    }

    pub fn assessments_dir(&self) -> PathBuf {
        self.root.join("assessments")
    }

    pub fn questionnaires_dir(&self) -> PathBuf {
        self.root.join("questionnaires")
    }

    pub fn reports_dir(&self) -> PathBuf {
        self.root.join("reports")
    }

    /// The workspace's assessment files, sorted; none if the folder does not exist yet.
    pub fn assessment_files(&self) -> Vec<PathBuf> {
        let dir = self.assessments_dir();
        if !dir.is_dir() {
            return Vec::new();
        }
        collect_assessment_files(&[dir]).files
    }

    /// The `*.toml` files of the workspace's questionnaires folder, sorted.
    pub fn questionnaire_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.questionnaires_dir()) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        files
    }

    /// A path for a new assessment of `firm` visited on `date` that no file has yet.
    pub fn new_assessment_path(&self, firm: &str, date: &str) -> PathBuf {
        free_assessment_path(&self.assessments_dir(), firm, date)
    }
}

/// A path in `dir` for a new assessment of `firm` visited on `date` that no file has yet:
/// `<firm>-<date>.toml`, else `-2`, `-3`, ….
pub fn free_assessment_path(dir: &Path, firm: &str, date: &str) -> PathBuf {
    let stem = format!("{}-{}", safe_file_stem(firm), safe_file_stem(date));
    let mut path = dir.join(format!("{stem}.toml"));
    let mut n = 2;
    // Any entry counts as taken, a link leading nowhere too: a new assessment never
    // writes through a link it did not make.
    while path.symlink_metadata().is_ok() {
        path = dir.join(format!("{stem}-{n}.toml"));
        n += 1;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_link_leading_nowhere_takes_the_name_of_a_new_assessment() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        std::fs::create_dir_all(ws.assessments_dir()).unwrap();
        let first = ws.new_assessment_path("Firm", "2026-01-01");
        let elsewhere = dir.path().join("elsewhere.toml");
        std::os::unix::fs::symlink(&elsewhere, &first).unwrap();
        let next = ws.new_assessment_path("Firm", "2026-01-01");
        assert_eq!(next, ws.assessments_dir().join("Firm-2026-01-01-2.toml"));
    }
}
