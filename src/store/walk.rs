//! Finding the files a command is given: files as named, folders searched for `*.toml`.
//! Links are followed, but never into a loop; each file counts once however many ways lead to
//! it; what was passed over is said.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::plain_text::shown_path;

/// The files found, and what was passed over on the way.
#[derive(Debug, Default)]
pub struct Collected {
    /// In the order given; each folder's files sorted, depth first.
    pub files: Vec<PathBuf>,
    pub passed_over: Vec<PassedOver>,
}

/// Something in a folder that was not taken, and why.
#[derive(Debug)]
pub struct PassedOver {
    pub path: PathBuf,
    pub reason: Reason,
}

/// Why something was passed over.
#[derive(Debug)]
pub enum Reason {
    /// A link leading back into a folder that contains it.
    Loop,
    /// The same file as one already found by another way (a link, a hard link).
    SameFile(PathBuf),
    /// A `.toml` name on something that is not a regular file (a FIFO, a device).
    NotRegular,
    /// The folder or file could not be read.
    Unreadable(String),
}

impl fmt::Display for PassedOver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = crate::i18n::FileWords::chosen();
        let path = shown_path(&self.path);
        f.write_str(&match &self.reason {
            Reason::Loop => w.walk_loop(&path),
            Reason::SameFile(first) => w.walk_same(&path, &shown_path(first)),
            Reason::NotRegular => w.walk_not_regular(&path),
            Reason::Unreadable(why) => w.walk_unreadable(&path, why),
        })
    }
}

/// The assessment files named by `paths`: files as given, folders searched recursively for
/// `*.toml` (skipping hidden entries and `questionnaires` folders), each folder sorted.
pub fn collect_assessment_files(paths: &[PathBuf]) -> Collected {
    collect_toml_files(paths, true)
}

/// The files named by `paths`: files as given, folders searched recursively for `*.toml`
/// (skipping hidden entries, and `questionnaires` folders if asked), each folder sorted.
pub fn collect_toml_files(paths: &[PathBuf], skip_questionnaires: bool) -> Collected {
    let mut out = Collected::default();
    let mut seen = Seen::default();
    for p in paths {
        if !p.is_dir() {
            // Named on the command line: taken as given; reading it says what is wrong.
            seen.take(p, &mut out);
            continue;
        }
        let walk = WalkDir::new(p)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !skipped(e, skip_questionnaires));
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) if !e.file_name().to_string_lossy().ends_with(".toml") => {}
                Ok(e) if !e.file_type().is_file() => out.passed_over.push(PassedOver {
                    path: e.into_path(),
                    reason: Reason::NotRegular,
                }),
                Ok(e) => seen.take(e.path(), &mut out),
                Err(e) => {
                    let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| p.clone());
                    let reason = if e.loop_ancestor().is_some() {
                        Reason::Loop
                    } else {
                        Reason::Unreadable(
                            e.io_error()
                                .map_or_else(|| e.to_string(), |io| io.kind().to_string()),
                        )
                    };
                    out.passed_over.push(PassedOver { path, reason });
                }
            }
        }
    }
    out
}

/// Hidden entries, and `questionnaires` folders where asked, are not searched.
fn skipped(e: &walkdir::DirEntry, skip_questionnaires: bool) -> bool {
    let name = e.file_name().to_string_lossy();
    name.starts_with('.')
        || (skip_questionnaires && name == "questionnaires" && e.file_type().is_dir())
}

/// The files already taken, by identity (device and inode where the system has them).
#[derive(Default)]
struct Seen {
    /// Where in the files found each file was taken first.
    first: std::collections::HashMap<FileId, usize>,
    paths: HashSet<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct FileId(u64, u64);

impl Seen {
    fn take(&mut self, path: &Path, out: &mut Collected) {
        match file_id(path) {
            Some(id) => {
                if let Some(first) = self.first.get(&id).and_then(|&i| out.files.get(i)) {
                    out.passed_over.push(PassedOver {
                        path: path.to_path_buf(),
                        reason: Reason::SameFile(first.clone()),
                    });
                    return;
                }
                self.first.insert(id, out.files.len());
            }
            None => {
                if !self.paths.insert(path.to_path_buf()) {
                    return;
                }
            }
        }
        out.files.push(path.to_path_buf());
    }
}

#[cfg(unix)]
fn file_id(path: &Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path)
        .ok()
        .map(|m| FileId(m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &Path) -> Option<FileId> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn relative(found: &Collected, root: &Path) -> Vec<PathBuf> {
        found
            .files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_path_buf())
            .collect()
    }

    #[test]
    fn collects_toml_files_recursively_skipping_questionnaires_and_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("sub")).unwrap();
        fs::create_dir_all(root.join("questionnaires")).unwrap();
        for f in [
            "b.toml",
            "a.toml",
            "sub/c.toml",
            "questionnaires/q.toml",
            ".a.toml.lock",
            "notes.txt",
        ] {
            fs::write(root.join(f), "").unwrap();
        }
        let found = collect_assessment_files(&[root.to_path_buf()]);
        assert_eq!(
            relative(&found, root),
            vec![
                PathBuf::from("a.toml"),
                PathBuf::from("b.toml"),
                PathBuf::from("sub/c.toml")
            ]
        );
        assert!(found.passed_over.is_empty());
        // A hidden folder named on the command line is searched all the same.
        let hidden = root.join(".visits");
        fs::create_dir_all(&hidden).unwrap();
        fs::write(hidden.join("d.toml"), "").unwrap();
        assert_eq!(collect_assessment_files(&[hidden]).files.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn link_loops_are_passed_over_and_each_file_counted_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("d");
        fs::create_dir_all(d.join("sub")).unwrap();
        fs::write(d.join("a.toml"), "").unwrap();
        fs::write(d.join("sub/b.toml"), "").unwrap();
        symlink(".", d.join("self")).unwrap();
        symlink("..", d.join("sub/up")).unwrap();
        symlink("a.toml", d.join("z-alias.toml")).unwrap();
        let found = collect_assessment_files(std::slice::from_ref(&d));
        assert_eq!(
            relative(&found, &d),
            vec![PathBuf::from("a.toml"), PathBuf::from("sub/b.toml")]
        );
        let said: Vec<String> = found.passed_over.iter().map(|p| p.to_string()).collect();
        assert_eq!(said.len(), 3, "{said:?}");
        assert!(
            said.iter()
                .any(|s| s.contains("d/self: warning: a link back"))
        );
        assert!(
            said.iter()
                .any(|s| s.contains("sub/up: warning: a link back"))
        );
        assert!(
            said.iter()
                .any(|s| s.contains("z-alias.toml: warning: the same file as"))
        );
        // The same file named twice counts once.
        let twice = collect_assessment_files(&[d.join("a.toml"), d.join("a.toml")]);
        assert_eq!(twice.files.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_a_folder_is_passed_over_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(dir.path().join("pipe.toml"))
            .status()
            .unwrap();
        assert!(status.success());
        let found = collect_assessment_files(&[dir.path().to_path_buf()]);
        assert!(found.files.is_empty());
        assert!(
            found.passed_over[0]
                .to_string()
                .contains("not a regular file")
        );
    }
}
