//! Reading files dmat is given, with limits and located errors, and file names that are
//! safe on every operating system.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::{Action, FileKind, StoreError};
use crate::model::Diagnostic;
use crate::model::diagnostic::{Severity, line_col};

/// The largest file dmat reads: an assessment is a few kilobytes, the largest questionnaire a
/// few hundred; a file beyond this is refused rather than read for minutes.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The longest a file name stem made from a firm's name may be, in bytes: with the date, a
/// number, the extension and the lock file's dot and `.lock`, the name stays within the 255
/// bytes file systems allow.
const MAX_STEM_BYTES: usize = 180;

/// The longest a file name stem made from a firm's name may be, in characters.
const MAX_STEM_CHARS: usize = 80;

/// Checks that `path` names a regular file, which dmat can read and replace; a folder, a
/// device, a FIFO or a socket is refused with a sentence saying what it is.
pub fn regular_file(path: &Path) -> Result<fs::Metadata, StoreError> {
    let meta = fs::metadata(path).map_err(|e| StoreError::io(path, Action::Read, e))?;
    if !meta.is_file() {
        // Links were followed: what is left is a folder or a special file.
        Err(StoreError::NotAFile {
            path: path.to_path_buf(),
            kind: FileKind::of(&meta),
        })
    } else if meta.len() > MAX_FILE_BYTES {
        Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            bytes: meta.len(),
        })
    } else {
        Ok(meta)
    }
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`] as UTF-8 text; bytes that are not
/// UTF-8 are reported at their line and column.
pub fn read_text(path: &Path) -> Result<String, StoreError> {
    regular_file(path)?;
    let read = |e| StoreError::io(path, Action::Read, e);
    let file = fs::File::open(path).map_err(read)?;
    // The path may have changed between the check and the opening.
    let meta = file.metadata().map_err(read)?;
    if !meta.is_file() {
        return Err(StoreError::NotAFile {
            path: path.to_path_buf(),
            kind: FileKind::of(&meta),
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            bytes: bytes.len() as u64,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        // Everything before the first bad byte is text, so its line and column can be counted.
        let before = std::str::from_utf8(&bytes[..good]).unwrap_or_default();
        let (line, column) = line_col(before, good);
        StoreError::Invalid {
            path: path.to_path_buf(),
            diagnostics: vec![Diagnostic {
                severity: Severity::Error,
                line,
                column,
                message: crate::i18n::FileWords::chosen().not_utf8_at(bytes[good]),
            }],
        }
    })
}

/// A file name stem made from free text (a firm name, a date) that is safe on Windows, macOS
/// and Linux: no separators, no characters Windows forbids, no control characters, no
/// leading dots, no reserved device names; Chinese and other letters are kept.
pub fn safe_file_stem(text: &str) -> String {
    let mut s: String = text
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c if c.is_whitespace() => '-',
            c => c,
        })
        .collect();
    while s.contains("--") {
        s = s.replace("--", "-");
    }
    let s = s.trim_matches(|c| c == '-' || c == '.' || c == ' ');
    let mut s = cut(s, MAX_STEM_CHARS, MAX_STEM_BYTES);
    s = s.trim_end_matches(['.', '-']).to_string();
    const RESERVED: &[&str] = &["CON", "PRN", "AUX", "NUL"];
    let upper = s.to_ascii_uppercase();
    let device = RESERVED.contains(&upper.as_str())
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit());
    if device {
        s.push('_');
    }
    if s.is_empty() {
        "unnamed".to_string()
    } else {
        s
    }
}

/// The start of `s`: at most `chars` characters and `bytes` bytes, never splitting one.
fn cut(s: &str, chars: usize, bytes: usize) -> String {
    let mut end = 0;
    for (n, (i, c)) in s.char_indices().enumerate() {
        if n == chars || i + c.len_utf8() > bytes {
            break;
        }
        end = i + c.len_utf8();
    }
    s[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_names_keep_chinese_and_drop_what_breaks_paths() {
        assert_eq!(
            safe_file_stem("淄博华泰风机有限公司"),
            "淄博华泰风机有限公司"
        );
        assert_eq!(safe_file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(
            safe_file_stem("A/B\\C:D*E?F\"G<H>I|J"),
            "A-B-C-D-E-F-G-H-I-J"
        );
        assert_eq!(safe_file_stem("bad\u{7}\u{1b}[31mname"), "bad-[31mname");
        assert_eq!(safe_file_stem(".."), "unnamed");
        assert_eq!(safe_file_stem("CON"), "CON_");
        assert_eq!(safe_file_stem("com1"), "com1_");
        assert_eq!(safe_file_stem("Zibo Fans Co., Ltd."), "Zibo-Fans-Co.,-Ltd");
        assert!(safe_file_stem(&"长".repeat(200)).chars().count() <= 80);
    }

    #[test]
    fn long_names_are_cut_to_80_characters_and_180_bytes() {
        assert_eq!(safe_file_stem(&"a".repeat(200)), "a".repeat(80));
        let chinese = safe_file_stem(&"长".repeat(80));
        assert_eq!(chinese, "长".repeat(60));
        assert!(chinese.len() <= MAX_STEM_BYTES);
        let mixed = safe_file_stem(&format!("{}{}", "a".repeat(70), "长".repeat(20)));
        assert_eq!(mixed, format!("{}{}", "a".repeat(70), "长".repeat(10)));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_placed_at_their_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin1.toml");
        fs::write(&path, b"schema = 1\nname = \"Caf\xe9\"\n").unwrap();
        match read_text(&path) {
            Err(StoreError::Invalid { diagnostics, .. }) => {
                assert_eq!((diagnostics[0].line, diagnostics[0].column), (2, 12));
                assert!(diagnostics[0].message.contains("not UTF-8"));
            }
            other => panic!("expected a located error, got {other:?}"),
        }
    }

    #[test]
    fn folders_and_large_files_are_refused_with_what_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_text(dir.path()).unwrap_err();
        assert!(e.to_string().contains("is a folder"), "{e}");
        let big = dir.path().join("big.toml");
        let f = fs::File::create(&big).unwrap();
        f.set_len(MAX_FILE_BYTES + 1).unwrap();
        let e = read_text(&big).unwrap_err();
        assert!(matches!(e, StoreError::TooLarge { .. }), "{e}");
        assert!(e.to_string().contains("at most 8 MiB"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_device_is_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.toml");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        // Reading would block for ever, waiting for a writer.
        let e = read_text(&fifo).unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
        let link = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let e = read_text(&link).unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
    }
}
