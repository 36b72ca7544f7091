//! Writing and removing the demo cohort. `dmat demo` writes only where nothing stands or a
//! demo file of its own stands (an assessment marked `demo = true`), and removes only such
//! files: whatever else is in the folder is never replaced or deleted.

use std::io;
use std::path::{Path, PathBuf};

use super::{Action, StoreError};
use crate::model::parse;

/// Writes a demo cohort into `dir` (created if needed), in parallel; demo files are plain
/// writes, not synced one by one. Before writing anything it checks every file it would
/// write: when one exists and is not a demo file — another assessment, any other file, a
/// link — nothing is written and the error names it.
pub fn write_cohort(dir: &Path, files: &[crate::demo::DemoFile]) -> Result<(), StoreError> {
    use rayon::prelude::*;
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, Action::Create, e))?;
    let taken = files
        .par_iter()
        .map(|f| dir.join(&f.name))
        .find_first(|path| path.symlink_metadata().is_ok() && !is_demo_file(path));
    if let Some(path) = taken {
        let why = crate::i18n::FileWords::chosen().demo_not_ours;
        let reason = io::Error::new(io::ErrorKind::AlreadyExists, why);
        return Err(StoreError::io(&path, Action::Replace, reason));
    }
    files.par_iter().try_for_each(|f| {
        let path = dir.join(&f.name);
        let text = f.assessment.to_toml().map_err(|e| {
            StoreError::io(
                &path,
                Action::Write,
                io::Error::new(io::ErrorKind::InvalidData, e),
            )
        })?;
        std::fs::write(&path, text).map_err(|e| StoreError::io(&path, Action::Write, e))
    })
}

/// Removes the demo files directly in `dir` (assessments marked `demo = true`) and returns
/// them; every other file stays.
pub fn remove_demo(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let entries = std::fs::read_dir(dir).map_err(|e| StoreError::io(dir, Action::Read, e))?;
    let mut demo: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && is_demo_file(p))
        .collect();
    demo.sort();
    for path in &demo {
        std::fs::remove_file(path).map_err(|e| StoreError::io(path, Action::Remove, e))?;
    }
    Ok(demo)
}

/// Whether `path` is a regular file (not a link) holding an assessment marked as a demo.
fn is_demo_file(path: &Path) -> bool {
    let regular = path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_file());
    regular
        && super::read_text(path)
            .ok()
            .and_then(|src| parse::assessment(&src).ok())
            .is_some_and(|(a, _)| a.visit.demo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::DemoFile;
    use crate::model::{Assessment, QuestionnaireRef};

    fn demo_file(name: &str) -> DemoFile {
        let r = QuestionnaireRef {
            id: "q".into(),
            version: "1".into(),
            digest: String::new(),
        };
        let mut assessment = Assessment::new(r, "Demo firm", None);
        assessment.visit.demo = true;
        DemoFile {
            name: name.into(),
            assessment,
        }
    }

    #[test]
    fn a_demo_replaces_its_own_files_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let files = [demo_file("a.toml"), demo_file("b.toml")];
        write_cohort(dir.path(), &files).unwrap();
        // Its own files it writes again.
        write_cohort(dir.path(), &files).unwrap();
        // A real assessment of the same name it refuses, and writes nothing at all.
        let mut real = demo_file("b.toml");
        real.assessment.visit.demo = false;
        std::fs::write(
            dir.path().join("b.toml"),
            real.assessment.to_toml().unwrap(),
        )
        .unwrap();
        std::fs::remove_file(dir.path().join("a.toml")).unwrap();
        let err = write_cohort(dir.path(), &files).unwrap_err().to_string();
        assert!(
            err.contains("b.toml") && err.contains("did not write it"),
            "{err}"
        );
        assert!(!dir.path().join("a.toml").exists(), "nothing written");
        // Any other file too.
        std::fs::write(dir.path().join("b.toml"), "notes").unwrap();
        assert!(write_cohort(dir.path(), &files).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere.txt");
        std::os::unix::fs::symlink(&target, dir.path().join("a.toml")).unwrap();
        assert!(write_cohort(dir.path(), &[demo_file("a.toml")]).is_err());
        assert!(!target.exists());
    }

    #[test]
    fn removing_the_demo_leaves_every_other_file() {
        let dir = tempfile::tempdir().unwrap();
        write_cohort(dir.path(), &[demo_file("a.toml"), demo_file("b.toml")]).unwrap();
        let mut real = demo_file("real.toml");
        real.assessment.visit.demo = false;
        std::fs::write(
            dir.path().join("real.toml"),
            real.assessment.to_toml().unwrap(),
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.toml"), "not an assessment").unwrap();
        let removed = remove_demo(dir.path()).unwrap();
        let names: Vec<_> = removed.iter().filter_map(|p| p.file_name()).collect();
        assert_eq!(names, ["a.toml", "b.toml"]);
        assert!(dir.path().join("real.toml").exists());
        assert!(dir.path().join("notes.toml").exists());
    }
}
