//! Where an interview stopped: the page's id in a small hidden file beside the assessment
//! (`.NAME.place`), so that opening it again resumes there. Losing it loses nothing but the
//! place: the interview then opens at the first unanswered question.

use std::path::{Path, PathBuf};

/// The longest file name most file systems allow, in bytes.
const MAX_NAME_BYTES: usize = 255;

fn place_file(assessment: &Path) -> PathBuf {
    let name = assessment
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let plain = format!(".{name}.place");
    if plain.len() <= MAX_NAME_BYTES {
        return assessment.with_file_name(plain);
    }
    let hash = super::digest(name.as_bytes());
    let short = hash.trim_start_matches("sha256:");
    assessment.with_file_name(format!(".dmat-{}.place", &short[..16]))
}

/// The id of the page where the interview of `assessment` stopped, if one was kept.
pub fn read_place(assessment: &Path) -> Option<String> {
    // A regular file of a sane size only: never a FIFO that would block the interview.
    let text = super::read_text(&place_file(assessment)).ok()?;
    let id = text.trim();
    (!id.is_empty() && id.len() < 200 && !id.chars().any(char::is_control)).then(|| id.into())
}

/// Keeps the id of the page the interview of `assessment` shows; failing is harmless.
pub fn write_place(assessment: &Path, id: &str) {
    let path = place_file(assessment);
    // Written only where nothing or a regular file stands: never through a link someone put
    // there, nor into a FIFO.
    if path.symlink_metadata().is_ok_and(|m| !m.is_file()) {
        return;
    }
    let _ = std::fs::write(path, format!("{id}\n"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_is_kept_beside_the_file_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("firm-2026-11-27.toml");
        assert_eq!(read_place(&file), None);
        write_place(&file, "cnc-share");
        assert_eq!(read_place(&file).as_deref(), Some("cnc-share"));
        assert!(dir.path().join(".firm-2026-11-27.toml.place").is_file());
        std::fs::write(dir.path().join(".firm-2026-11-27.toml.place"), "\u{1b}[2J").unwrap();
        assert_eq!(read_place(&file), None, "nothing odd is taken");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_or_fifo_in_place_of_the_place_file_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("firm.toml");
        let precious = dir.path().join("precious.txt");
        std::fs::write(&precious, "keep me").unwrap();
        std::os::unix::fs::symlink(&precious, dir.path().join(".firm.toml.place")).unwrap();
        write_place(&file, "cnc-share");
        assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep me");
        let other = dir.path().join("other.toml");
        let fifo = dir.path().join(".other.toml.place");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // Neither blocks.
        write_place(&other, "cnc-share");
        assert_eq!(read_place(&other), None);
    }
}
