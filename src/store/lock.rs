//! The advisory lock that keeps an assessment open in one dmat only.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::{Action, StoreError};

/// The longest file name most file systems allow, in bytes.
const MAX_NAME_BYTES: usize = 255;

/// How often taking the lock is tried again when the lock file was removed meanwhile.
const ATTEMPTS: usize = 8;

/// Held while an assessment is open for editing; released when dropped or when the process
/// ends, however it ends.
///
/// The lock is taken on a hidden lock file beside the real file (`.NAME.lock`; symbolic links
/// are resolved first, so every name of the file shares one lock), because saving replaces the
/// assessment file itself by renaming. The lock file is removed when the lock is released;
/// taking the lock checks that the file locked is still the one of that name, so that two
/// processes never hold two different lock files for one assessment.
#[derive(Debug)]
pub struct AssessmentLock {
    file: File,
    path: PathBuf,
}

impl AssessmentLock {
    /// Takes the lock for the file `assessment` names (links resolved), or says who holds it.
    /// A file with more than one name (hard links) is refused: saving would part the names.
    pub fn acquire(assessment: &Path) -> Result<Self, StoreError> {
        let real = std::fs::canonicalize(assessment)
            .map_err(|e| StoreError::io(assessment, Action::Lock, e))?;
        refuse_hard_links(assessment, &real)?;
        let path = lock_file(&real);
        for _ in 0..ATTEMPTS {
            refuse_planted(&path)?;
            let mut file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .read(true)
                .write(true)
                .open(&path)
                .map_err(|e| StoreError::io(&path, Action::Lock, e))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    let mut text = String::new();
                    let _ = file.read_to_string(&mut text);
                    return Err(StoreError::Locked {
                        path: assessment.to_path_buf(),
                        holder: text.trim().parse().ok(),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(StoreError::io(&path, Action::Lock, e)),
            }
            if !still_named(&file, &path) {
                // The dmat that held it removed it as we opened it: take the new one.
                continue;
            }
            // Record who holds it, for the message a second dmat shows.
            let _ = file.set_len(0);
            let _ = file.seek(SeekFrom::Start(0));
            let _ = write!(file, "{}", std::process::id());
            let _ = file.flush();
            return Ok(Self { file, path });
        }
        let busy = std::io::Error::other(crate::i18n::FileWords::chosen().lock_changing);
        Err(StoreError::io(&path, Action::Lock, busy))
    }

    /// The lock file the lock is held on.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for AssessmentLock {
    /// Removes the lock file while still holding it, then lets it go.
    fn drop(&mut self) {
        if still_named(&self.file, &self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Refuses an assessment with more than one hard link.
fn refuse_hard_links(given: &Path, real: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(real).map_err(|e| StoreError::io(given, Action::Lock, e))?;
        if meta.is_file() && meta.nlink() > 1 {
            return Err(StoreError::HardLinked {
                path: given.to_path_buf(),
                links: meta.nlink(),
            });
        }
    }
    let _ = (given, real);
    Ok(())
}

/// Refuses a lock file that is not a regular file (a link someone put there would make the
/// lock write through it).
fn refuse_planted(path: &Path) -> Result<(), StoreError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if !m.is_file() => Err(StoreError::NotAFile {
            path: path.to_path_buf(),
            kind: super::FileKind::of(&m),
        }),
        _ => Ok(()),
    }
}

/// Whether the open `file` is still the one at `path` (itself, not a link's file).
fn still_named(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// The lock file of an assessment: `.NAME.lock` beside it, or, where that name would be too
/// long for the file system, `.dmat-HASH.lock`.
fn lock_file(assessment: &Path) -> PathBuf {
    let name = assessment
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let plain = format!(".{name}.lock");
    if plain.len() <= MAX_NAME_BYTES {
        return assessment.with_file_name(plain);
    }
    let hash = super::digest(name.as_bytes());
    let short = hash.trim_start_matches("sha256:");
    assessment.with_file_name(format!(".dmat-{}.lock", &short[..16]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lock_files(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".lock"))
            .collect()
    }

    #[test]
    fn a_second_lock_on_the_same_assessment_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("firm.toml");
        std::fs::write(&path, "").unwrap();
        let first = AssessmentLock::acquire(&path).unwrap();
        match AssessmentLock::acquire(&path) {
            Err(StoreError::Locked { holder, .. }) => assert_eq!(holder, Some(std::process::id())),
            other => panic!("expected a lock error, got {other:?}"),
        }
        drop(first);
        assert!(
            lock_files(dir.path()).is_empty(),
            "released locks leave no file"
        );
        assert!(AssessmentLock::acquire(&path).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_shares_the_lock_of_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        std::fs::write(&real, "").unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink("real.toml", &link).unwrap();
        let held = AssessmentLock::acquire(&real).unwrap();
        assert!(matches!(
            AssessmentLock::acquire(&link),
            Err(StoreError::Locked { .. })
        ));
        drop(held);
        let via_link = AssessmentLock::acquire(&link).unwrap();
        assert_eq!(
            via_link.path(),
            dir.path().canonicalize().unwrap().join(".real.toml.lock")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_with_two_hard_links_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        std::fs::write(&real, "").unwrap();
        std::fs::hard_link(&real, dir.path().join("other-name.toml")).unwrap();
        match AssessmentLock::acquire(&real) {
            Err(e @ StoreError::HardLinked { links: 2, .. }) => {
                assert!(e.to_string().contains("2 names (hard links)"), "{e}");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert!(lock_files(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_put_in_place_of_the_lock_file_is_refused_and_its_file_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("firm.toml");
        std::fs::write(&path, "").unwrap();
        let precious = dir.path().join("precious.txt");
        std::fs::write(&precious, "keep me").unwrap();
        std::os::unix::fs::symlink(&precious, dir.path().join(".firm.toml.lock")).unwrap();
        let e = AssessmentLock::acquire(&path).unwrap_err();
        assert!(
            e.to_string().contains("a symbolic link stands where"),
            "{e}"
        );
        assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep me");
    }

    #[test]
    fn a_long_name_gets_a_lock_file_name_that_fits() {
        let dir = tempfile::tempdir().unwrap();
        let long = format!("{}.toml", "长".repeat(82));
        assert!(long.len() <= MAX_NAME_BYTES);
        let path = dir.path().join(&long);
        std::fs::write(&path, "").unwrap();
        let lock = AssessmentLock::acquire(&path).unwrap();
        let name = lock
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(
            name.starts_with(".dmat-") && name.len() <= MAX_NAME_BYTES,
            "{name}"
        );
    }
}
