//! File helpers: atomic writes, finding assessment files, and file names that are safe on
//! every operating system.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` so that a crash leaves either the old file or the new one: a
/// temporary file in the same folder is written, synced, and renamed over the old one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Like [`write_atomic`], for output written piece by piece by `write` (a large export that
/// is never held whole in memory).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".dmat-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    {
        let mut w = io::BufWriter::new(tmp.as_file_mut());
        write(&mut w)?;
        w.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable; not every platform can sync a folder.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The assessment files named by `paths`: files as given, folders searched recursively for
/// `*.toml` (skipping hidden entries and `questionnaires` folders), each folder sorted.
pub fn collect_assessment_files(paths: &[PathBuf]) -> io::Result<Vec<PathBuf>> {
    collect_toml_files(paths, true)
}

/// The files named by `paths`: files as given, folders searched recursively for `*.toml`
/// (skipping hidden entries, and `questionnaires` folders if asked), each folder sorted.
pub fn collect_toml_files(
    paths: &[PathBuf],
    skip_questionnaires: bool,
) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, skip_questionnaires, &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, skip_questionnaires: bool, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            if !(skip_questionnaires && name == "questionnaires") {
                walk(&path, skip_questionnaires, out)?;
            }
        } else if name.ends_with(".toml") {
            out.push(path);
        }
    }
    Ok(())
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
    let mut s: String = s.chars().take(80).collect();
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
    fn atomic_write_replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn atomic_write_in_pieces_leaves_the_old_file_when_writing_fails() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_atomic(&path, b"old").unwrap();
        write_atomic_with(&path, |w| {
            w.write_all(b"a,")?;
            w.write_all(b"b")
        })
        .unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "a,b");
        let failed = write_atomic_with(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "a,b");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
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
        let found = collect_assessment_files(&[root.to_path_buf()]).unwrap();
        let rel: Vec<_> = found
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            rel,
            vec![
                PathBuf::from("a.toml"),
                PathBuf::from("b.toml"),
                PathBuf::from("sub/c.toml")
            ]
        );
    }
}
