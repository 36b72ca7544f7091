//! The advisory lock that keeps an assessment open in one dmat only.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::StoreError;

/// Held while an assessment is open for editing; released when dropped or when the process
/// ends, however it ends.
///
/// The lock is taken on a hidden sidecar file (`.NAME.lock` beside the assessment), because
/// saving replaces the assessment file itself by renaming. The sidecar is left in place: removing
/// it could let two processes lock two different files of the same name.
#[derive(Debug)]
pub struct AssessmentLock {
    _file: File,
    path: PathBuf,
}

impl AssessmentLock {
    /// Takes the lock for `assessment`, or says who holds it.
    pub fn acquire(assessment: &Path) -> Result<Self, StoreError> {
        let path = sidecar(assessment);
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| StoreError::io(&path, "lock", e))?;
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
            Err(TryLockError::Error(e)) => return Err(StoreError::io(&path, "lock", e)),
        }
        // Record who holds it, for the message a second dmat shows.
        let _ = file.set_len(0);
        let _ = file.seek(SeekFrom::Start(0));
        let _ = write!(file, "{}", std::process::id());
        let _ = file.flush();
        Ok(Self { _file: file, path })
    }

    /// The sidecar file the lock is held on.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn sidecar(assessment: &Path) -> PathBuf {
    let name = assessment
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    assessment.with_file_name(format!(".{name}.lock"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_assessment_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("firm.toml");
        let first = AssessmentLock::acquire(&path).unwrap();
        match AssessmentLock::acquire(&path) {
            Err(StoreError::Locked { holder, .. }) => assert_eq!(holder, Some(std::process::id())),
            other => panic!("expected a lock error, got {other:?}"),
        }
        drop(first);
        assert!(AssessmentLock::acquire(&path).is_ok());
    }
}
