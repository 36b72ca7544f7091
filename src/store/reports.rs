//! The workspace's `reports/` folder: a document the report layer made, written under the
//! name it asks for, never silently replacing another one.

use std::path::{Path, PathBuf};

use super::{Action, StoreError, Workspace, read_text, write_atomic};

/// Where a document goes in the reports folder, as the report layer names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportName {
    /// The file name without its extension, already safe for every operating system.
    pub stem: String,
    /// The extension, without the dot.
    pub extension: &'static str,
    /// The comment written at the end of the file that recognises a document of the same
    /// origin written earlier (the same visit's sheet).
    pub marker: String,
}

/// Writes `text` into the workspace's `reports/` folder atomically (as [`write_atomic`]
/// writes: a link is followed to its file, the mode kept), with the name's marker at its
/// end, and returns where.
///
/// The file is `<stem>.<extension>`. A file of that name ending with the same marker is
/// replaced; any other file of that name (or a link leading nowhere) is kept, and the
/// document gets `-2`, `-3`, … instead.
pub fn write_report(ws: &Workspace, name: &ReportName, text: &str) -> Result<PathBuf, StoreError> {
    let dir = ws.reports_dir();
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, Action::Create, e))?;
    let path = report_path(&dir, name);
    let bytes = format!("{}\n{}\n", text.trim_end(), name.marker);
    write_atomic(&path, bytes.as_bytes()).map_err(|e| StoreError::io(&path, Action::Write, e))?;
    Ok(path)
}

/// The document of this name in the workspace's reports folder, if one was written.
pub fn written_report(ws: &Workspace, name: &ReportName) -> Option<PathBuf> {
    let path = report_path(&ws.reports_dir(), name);
    path.exists().then_some(path)
}

/// The first free name among `<stem>.<ext>`, `<stem>-2.<ext>`, …, or the one already holding
/// a document with this marker.
fn report_path(dir: &Path, name: &ReportName) -> PathBuf {
    let (stem, ext) = (&name.stem, name.extension);
    let mut n = 1;
    loop {
        let file = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(file);
        match read_text(&path) {
            Err(_) if path.symlink_metadata().is_err() => return path,
            Ok(old) if old.trim_end().ends_with(&name.marker) => return path,
            _ => n += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name() -> ReportName {
        ReportName {
            stem: "firm-2026-11-27".into(),
            extension: "md",
            marker: "<!-- dmat sheet 0123 -->".into(),
        }
    }

    #[test]
    fn the_same_document_is_replaced_and_another_file_of_its_name_kept() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        assert_eq!(written_report(&ws, &name()), None);
        let first = write_report(&ws, &name(), "# One\n\n").unwrap();
        assert_eq!(first, ws.reports_dir().join("firm-2026-11-27.md"));
        assert_eq!(
            std::fs::read_to_string(&first).unwrap(),
            "# One\n<!-- dmat sheet 0123 -->\n"
        );
        assert_eq!(write_report(&ws, &name(), "# Two").unwrap(), first);
        assert_eq!(written_report(&ws, &name()), Some(first.clone()));
        let other = ReportName {
            marker: "<!-- dmat sheet 4567 -->".into(),
            ..name()
        };
        let second = write_report(&ws, &other, "# Other").unwrap();
        assert_eq!(second, ws.reports_dir().join("firm-2026-11-27-2.md"));
        assert!(
            std::fs::read_to_string(&first)
                .unwrap()
                .starts_with("# Two")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_leading_nowhere_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        std::fs::create_dir_all(ws.reports_dir()).unwrap();
        let link = ws.reports_dir().join("firm-2026-11-27.md");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
        let path = write_report(&ws, &name(), "# One").unwrap();
        assert_eq!(path, ws.reports_dir().join("firm-2026-11-27-2.md"));
        assert!(!dir.path().join("nowhere").exists());
    }
}
