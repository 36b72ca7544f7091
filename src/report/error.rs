//! Why a sheet or a pre-visit form could not be made, said in the language chosen for the
//! run.

use std::fmt;
use std::path::PathBuf;

use crate::i18n::ReportWords;
use crate::model::{Diagnostic, Severity};
use crate::plain_text::shown_path;

/// What the report layer was making.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    Sheet,
    Form,
}

/// Why a document could not be made.
#[derive(Debug)]
pub enum ReportError {
    /// A template could not be read, compiled or rendered: placed at its file (a workspace's
    /// own, or `bundled:templates/NAME`), line and column like any other bad file.
    Template {
        path: PathBuf,
        /// Line and column, from 1.
        at: (usize, usize),
        document: Document,
        /// What the template engine says is wrong.
        reason: String,
    },
}

impl ReportError {
    /// The file at fault.
    pub fn path(&self) -> &std::path::Path {
        match self {
            ReportError::Template { path, .. } => path,
        }
    }
}

impl fmt::Display for ReportError {
    /// `path:line:column: sentence`, in the language chosen for the run (see
    /// [`crate::i18n::choose`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = ReportWords::chosen();
        match self {
            ReportError::Template {
                path,
                at: (line, column),
                document,
                reason,
            } => {
                let message = match document {
                    Document::Sheet => w.cannot_render_sheet(reason),
                    Document::Form => w.cannot_render_form(reason),
                };
                let d = Diagnostic {
                    severity: Severity::Error,
                    line: *line,
                    column: *column,
                    message,
                };
                write!(f, "{}", d.in_file(&shown_path(path)))
            }
        }
    }
}

impl std::error::Error for ReportError {}
