//! The workspace's settings file (`settings.toml`): what dmat remembers for the next
//! interview, such as the assessor. Keys it does not know are kept when it writes the file.

use std::path::{Path, PathBuf};

use super::{Action, StoreError, Workspace, read_text, write_atomic};
use crate::model::diagnostic::{KeyPath, Locator, Severity, Target};

/// The settings file's name in the workspace folder.
pub const SETTINGS_FILE: &str = "settings.toml";

/// The key of the assessor's name.
const ASSESSOR: &str = "assessor";

/// The workspace's settings, as read from its file; every key is kept, known or not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    table: toml::Table,
}

impl Settings {
    /// Reads the settings from their text; `path` names the file in errors.
    pub fn parse(path: &Path, src: &str) -> Result<Self, StoreError> {
        let invalid = |span: Option<std::ops::Range<usize>>, message: &str| StoreError::Invalid {
            path: path.to_path_buf(),
            diagnostics: vec![Locator::new(src).at_span(
                Severity::Error,
                span.unwrap_or(0..0),
                message,
            )],
        };
        let table: toml::Table = toml::from_str(src)
            .map_err(|e| invalid(e.span(), e.message().trim().trim_end_matches('.')))?;
        if let Some(value) = table.get(ASSESSOR)
            && !value.is_str()
        {
            let at = KeyPath::root().key(ASSESSOR);
            let span = Locator::new(src).span_of(&at, Target::Value);
            return Err(invalid(
                Some(span),
                "`assessor` is the assessor's name, written in quotes, such as \"王建国\"",
            ));
        }
        Ok(Self { table })
    }

    /// The assessor remembered for this workspace, if any.
    pub fn assessor(&self) -> Option<&str> {
        self.table
            .get(ASSESSOR)
            .and_then(toml::Value::as_str)
            .map(str::trim)
            .filter(|a| !a.is_empty())
    }

    /// Remembers the assessor; a blank name forgets it.
    pub fn set_assessor(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            self.table.remove(ASSESSOR);
        } else {
            self.table
                .insert(ASSESSOR.to_string(), toml::Value::String(name.to_string()));
        }
    }

    /// The settings as the file's text.
    pub fn to_toml(&self) -> String {
        // A table of strings, numbers and tables always serialises.
        toml::to_string(&self.table).unwrap_or_default()
    }
}

impl Workspace {
    /// The workspace's settings file.
    pub fn settings_path(&self) -> PathBuf {
        self.root.join(SETTINGS_FILE)
    }
}

/// The workspace's settings; none written yet gives the defaults. A file that cannot be read
/// or is not valid is an error at its line and column.
pub fn load_settings(ws: &Workspace) -> Result<Settings, StoreError> {
    let path = ws.settings_path();
    if path.symlink_metadata().is_err() {
        return Ok(Settings::default());
    }
    Settings::parse(&path, &read_text(&path)?)
}

/// Writes the workspace's settings atomically, creating the workspace folder if needed.
pub fn save_settings(ws: &Workspace, settings: &Settings) -> Result<(), StoreError> {
    std::fs::create_dir_all(&ws.root).map_err(|e| StoreError::io(&ws.root, Action::Create, e))?;
    let path = ws.settings_path();
    write_atomic(&path, settings.to_toml().as_bytes())
        .map_err(|e| StoreError::io(&path, Action::Write, e))
}

/// The assessor remembered for the workspace: what a new interview or a follow-up visit
/// records. A settings file that cannot be read gives none (say why with [`load_settings`]).
pub fn remembered_assessor(ws: &Workspace) -> Option<String> {
    load_settings(ws).ok()?.assessor().map(str::to_string)
}

/// Remembers `name` as the workspace's assessor (a blank name forgets it), keeping every
/// other setting. Nothing is written when it is already remembered; a settings file that is
/// not valid is never replaced (the error says where it is wrong).
pub fn remember_assessor(ws: &Workspace, name: &str) -> Result<(), StoreError> {
    let mut settings = load_settings(ws)?;
    let before = settings.clone();
    settings.set_assessor(name);
    if settings == before && ws.settings_path().symlink_metadata().is_ok() {
        return Ok(());
    }
    save_settings(ws, &settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_assessor_is_remembered_for_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path().join("ws"));
        assert_eq!(remembered_assessor(&ws), None, "no settings file yet");
        remember_assessor(&ws, "  王建国 ").unwrap();
        assert_eq!(remembered_assessor(&ws).as_deref(), Some("王建国"));
        let text = std::fs::read_to_string(ws.settings_path()).unwrap();
        assert_eq!(text, "assessor = \"王建国\"\n");
        remember_assessor(&ws, "").unwrap();
        assert_eq!(remembered_assessor(&ws), None, "a blank name forgets it");
    }

    #[test]
    fn other_settings_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        let src = "assessor = \"Li\"\ntheme = \"dark\"\n\n[later]\nx = 1\n";
        std::fs::write(ws.settings_path(), src).unwrap();
        remember_assessor(&ws, "Wang").unwrap();
        let text = std::fs::read_to_string(ws.settings_path()).unwrap();
        assert_eq!(
            text,
            "assessor = \"Wang\"\ntheme = \"dark\"\n\n[later]\nx = 1\n"
        );
    }

    #[test]
    fn a_settings_file_in_error_is_reported_at_its_place_and_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        for (src, line, column) in [("assessor = 3\n", 1, 12), ("x = 1\nassessor = \n", 2, 12)] {
            std::fs::write(ws.settings_path(), src).unwrap();
            let Err(StoreError::Invalid { diagnostics, .. }) = remember_assessor(&ws, "Wang")
            else {
                panic!("{src:?} accepted");
            };
            assert_eq!(
                (diagnostics[0].line, diagnostics[0].column),
                (line, column),
                "{src:?}: {diagnostics:?}"
            );
            assert_eq!(std::fs::read_to_string(ws.settings_path()).unwrap(), src);
            assert_eq!(remembered_assessor(&ws), None);
        }
    }
}
