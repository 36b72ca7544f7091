//! Writing files without ever destroying what a path names: regular files (and new ones) are
//! replaced atomically, keeping their mode, owner and group; a link is followed to its file;
//! a device, FIFO or the process's own output (`/dev/stdout`) is written in place as a stream.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How long a temporary file must have been left alone before cleaning removes it.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// Symbolic links followed at most, as the operating system does.
const MAX_LINKS: usize = 40;

/// Writes `bytes` to `path` so that a crash leaves either the old file or the new one (see
/// [`write_atomic_with`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Writes the output of `write` to `path`, piece by piece (a large export is never held whole
/// in memory).
///
/// A regular file, or a path where no file is yet, is written as a temporary file in the same
/// folder, synced, and renamed over the old one; the new file keeps the old one's mode, owner
/// and group (a new file gets the mode the umask allows). A symbolic link is followed: its
/// file is replaced and the link kept. A device, a FIFO, a socket or one of the process's own
/// open files (`/dev/stdout`, `/dev/fd/N`) is written in place as a stream. Any failure to
/// write is an error.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    match target(path)? {
        Target::File { path, existing } => replace(&path, existing.as_ref(), write),
        Target::Stream => {
            let file = OpenOptions::new().append(true).open(path)?;
            let mut w = io::BufWriter::new(file);
            write(&mut w)?;
            w.flush()
        }
    }
}

/// Like [`write_atomic_with`], for output that seeks back while it is written (a zip archive):
/// `write` gets the temporary file itself, made before anything is written, so a folder that
/// cannot be written to fails first; a stream gets the output once it is whole.
pub fn write_atomic_file(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    match target(path)? {
        Target::File { path, existing } => {
            let dir = folder_of(&path);
            let mut tmp = temporary_in(dir, |_| Ok(()))?;
            write(tmp.as_file_mut())?;
            if let Some(old) = &existing {
                keep_owner_and_mode(tmp.as_file(), old)?;
            }
            tmp.as_file().sync_all()?;
            tmp.persist(&path).map_err(|e| e.error)?;
            sync_folder(dir);
            Ok(())
        }
        Target::Stream => {
            let mut tmp = tempfile::tempfile()?;
            write(&mut tmp)?;
            io::Seek::rewind(&mut tmp)?;
            let mut out = OpenOptions::new().append(true).open(path)?;
            io::copy(&mut tmp, &mut out)?;
            out.flush()
        }
    }
}

/// What a path given for writing names.
enum Target {
    /// A regular file (links resolved) or a path with no file yet: replaced atomically.
    File {
        path: PathBuf,
        existing: Option<Metadata>,
    },
    /// Written in place, as a stream.
    Stream,
}

fn target(path: &Path) -> io::Result<Target> {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            crate::i18n::FileWords::chosen().is_folder,
        )),
        Ok(m) if m.is_file() && !names_open_file(path) => Ok(Target::File {
            path: fs::canonicalize(path)?,
            existing: Some(m),
        }),
        Ok(_) => Ok(Target::Stream),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Target::File {
            path: follow_links(path)?,
            existing: None,
        }),
        Err(e) => Err(e),
    }
}

/// Whether a path names one of the process's own open files (`/dev/stdout`, `/dev/fd/3`,
/// `/proc/self/fd/1`): written as a stream even when it leads to a regular file, so that
/// `-o /dev/stdout >> log` appends as the shell asked.
fn names_open_file(path: &Path) -> bool {
    [
        "/dev/stdout",
        "/dev/stderr",
        "/dev/fd/",
        "/proc/",
        "/dev/stdin",
    ]
    .iter()
    .any(|p| path.starts_with(p))
}

/// The path a chain of symbolic links leads to, even where the last one leads to no file yet.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other(
        crate::i18n::FileWords::chosen().too_many_links,
    ))
}

/// The folder a file is in, `.` for a bare name.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Replaces (or creates) a regular file atomically: temporary file, sync, rename.
fn replace(
    path: &Path,
    existing: Option<&Metadata>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = folder_of(path);
    let tmp = temporary_in(dir, write)?;
    if let Some(old) = existing {
        keep_owner_and_mode(tmp.as_file(), old)?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_folder(dir);
    Ok(())
}

/// Writes a new file at `path` as [`write_atomic`] does, but never replaces anything: when
/// any entry stands at `path` (a file, a folder, a link, even one leading nowhere) it fails
/// with [`io::ErrorKind::AlreadyExists`] and leaves no trace.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if path.symlink_metadata().is_ok() {
        return Err(io::ErrorKind::AlreadyExists.into());
    }
    let dir = folder_of(path);
    let tmp = temporary_in(dir, |w| w.write_all(bytes))?;
    tmp.as_file().sync_all()?;
    // Checked again as the name is taken: a file that appeared meanwhile is kept.
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_folder(dir);
    Ok(())
}

/// A temporary file in `dir` holding what `write` writes, with the mode the umask allows.
fn temporary_in(
    dir: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".dmat-").suffix(".tmp");
    #[cfg(unix)]
    {
        // Created with what the umask allows; an existing file's mode is set exactly after.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    // Held while the temporary file is written, so that cleaning never takes it for stale.
    let _ = tmp.as_file().try_lock();
    {
        let mut w = io::BufWriter::new(tmp.as_file_mut());
        write(&mut w)?;
        w.flush()?;
    }
    Ok(tmp)
}

/// Makes a rename in `dir` durable; not every platform can sync a folder.
fn sync_folder(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Gives the new file the old one's owner, group and mode. The owner and group are kept where
/// the system allows it (a user may give a file only to a group they belong to); the mode is
/// set last, because changing the owner clears the set-id bits.
fn keep_owner_and_mode(new: &File, old: &Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, fchown};
        let now = new.metadata()?;
        let uid = (now.uid() != old.uid()).then_some(old.uid());
        let gid = (now.gid() != old.gid()).then_some(old.gid());
        if (uid.is_some() || gid.is_some()) && fchown(new, uid, gid).is_err() && gid.is_some() {
            let _ = fchown(new, None, gid);
        }
    }
    new.set_permissions(old.permissions())
}

/// Removes the temporary files (`.dmat-*.tmp`) a killed dmat left in `dir`: those no dmat is
/// writing (none holds their lock) and untouched for a minute. Returns how many it removed.
pub fn clean_stale_temporaries(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".dmat-") && name.ends_with(".tmp")) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if !meta.is_file() || !old {
            continue;
        }
        let path = entry.path();
        let Ok(file) = File::open(&path) else {
            continue;
        };
        if file.try_lock().is_ok() && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(names(dir.path()), ["a.toml"]);
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
        assert_eq!(names(dir.path()), ["out.csv"]);
    }

    #[test]
    fn writing_a_new_file_never_replaces_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write_new(&path, b"first").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"first");
        let e = write_new(&path, b"second").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"first");
        #[cfg(unix)]
        {
            let link = dir.path().join("nowhere.toml");
            std::os::unix::fs::symlink(dir.path().join("missing"), &link).unwrap();
            assert!(write_new(&link, b"x").is_err());
            assert!(!dir.path().join("missing").exists());
        }
        assert_eq!(
            names(dir.path()),
            ["a.toml", "nowhere.toml"][..cfg!(unix) as usize + 1]
        );
    }

    #[test]
    fn a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let e = write_atomic(dir.path(), b"x").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::IsADirectory);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_kept_and_its_file_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        let link = dir.path().join("link.md");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink("real.md", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        // A link to no file yet makes the file it names.
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink("sub-new.md", &dangling).unwrap();
        write_atomic(&dangling, b"made").unwrap();
        assert!(
            fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("sub-new.md")).unwrap(),
            "made"
        );
    }

    #[cfg(unix)]
    #[test]
    fn saving_keeps_the_mode_and_group_and_new_files_follow_the_umask() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.toml");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).unwrap();
        // Another group, where the system lets this user give the file one (root can).
        let other_gid = 1;
        let regrouped = std::os::unix::fs::chown(&path, None, Some(other_gid)).is_ok();
        write_atomic(&path, b"new").unwrap();
        let m = fs::metadata(&path).unwrap();
        assert_eq!(m.permissions().mode() & 0o7777, 0o664);
        if regrouped {
            assert_eq!(m.gid(), other_gid);
        }
        let fresh = dir.path().join("fresh.toml");
        write_atomic(&fresh, b"x").unwrap();
        let umask = current_umask();
        assert_eq!(
            fs::metadata(&fresh).unwrap().permissions().mode() & 0o777,
            0o666 & !umask
        );
    }

    /// The process's umask, read from the kernel without changing it.
    #[cfg(unix)]
    fn current_umask() -> u32 {
        let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("Umask:"))
            .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
            .unwrap_or(0o022)
    }

    #[test]
    fn stale_temporary_files_are_removed_and_fresh_or_locked_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".dmat-abc.tmp");
        let fresh = dir.path().join(".dmat-new.tmp");
        let busy = dir.path().join(".dmat-busy.tmp");
        let other = dir.path().join(".other.tmp");
        for p in [&stale, &fresh, &busy, &other] {
            fs::write(p, "half").unwrap();
        }
        let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
        for p in [&stale, &busy, &other] {
            File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(an_hour_ago)
                .unwrap();
        }
        let held = File::open(&busy).unwrap();
        held.lock().unwrap();
        assert_eq!(clean_stale_temporaries(dir.path()), 1);
        assert_eq!(
            names(dir.path()),
            [".dmat-busy.tmp", ".dmat-new.tmp", ".other.tmp"]
        );
    }
}
