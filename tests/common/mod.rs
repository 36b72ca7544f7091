//! What the command-line tests share: dmat as a user runs it, in a workspace of the test's own
//! and in English.

use std::path::Path;

use assert_cmd::Command;

/// The dmat binary, with `workspace` as its workspace and English as its language.
pub fn dmat(workspace: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dmat").expect("the dmat binary is built");
    cmd.env("DMAT_WORKSPACE", workspace)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}
