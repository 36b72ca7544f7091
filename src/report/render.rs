//! Rendering a [`Sheet`] through its minijinja template: the bundled templates compiled into
//! dmat, or a workspace's own `templates/sheet.html.j2` / `sheet.md.j2`, which replace them.
//! HTML is auto-escaped by minijinja; Markdown by [`markdown`].

use std::path::PathBuf;

use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, UndefinedBehavior, escape_formatter};

use super::form::Form;
use super::sheet::Sheet;
use super::{Document, Format, ReportError};
use crate::i18n::ReportWords;
use crate::model::diagnostic::line_col;
use crate::plain_text::markdown;

const BUNDLED_HTML: &str = include_str!("../../templates/sheet.html.j2");
const BUNDLED_MD: &str = include_str!("../../templates/sheet.md.j2");
const BUNDLED_FORM_HTML: &str = include_str!("../../templates/form.html.j2");
const BUNDLED_FORM_MD: &str = include_str!("../../templates/form.md.j2");

/// The name of the Markdown auto-escape mode.
const MARKDOWN: &str = "markdown";

/// Where the sheet's templates come from: the bundled ones, or a folder whose files override
/// them by name.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    /// A folder such as `<workspace>/templates`; its `sheet.html.j2` and `sheet.md.j2`, if
    /// present, are used instead of the bundled ones.
    pub dir: Option<PathBuf>,
}

impl Format {
    /// The template file name for this format.
    pub fn template_name(self) -> &'static str {
        match self {
            Format::Html => "sheet.html.j2",
            Format::Md => "sheet.md.j2",
        }
    }

    /// The pre-visit form's template file name for this format.
    pub fn form_template_name(self) -> &'static str {
        match self {
            Format::Html => "form.html.j2",
            Format::Md => "form.md.j2",
        }
    }
}

/// The bundled template of a name; `bundled/<name>` names it even when a folder overrides it,
/// so an override may `{% extends "bundled/sheet.html.j2" %}` and replace single blocks.
fn bundled(name: &str) -> Option<&'static str> {
    match name.strip_prefix("bundled/").unwrap_or(name) {
        "sheet.html.j2" => Some(BUNDLED_HTML),
        "sheet.md.j2" => Some(BUNDLED_MD),
        "form.html.j2" => Some(BUNDLED_FORM_HTML),
        "form.md.j2" => Some(BUNDLED_FORM_MD),
        _ => None,
    }
}

/// Only plain file names are looked up in a templates folder: no separators, no `..`.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':'])
        && !name.chars().any(char::is_control)
}

impl Templates {
    /// The bundled templates only.
    pub fn bundled() -> Self {
        Self { dir: None }
    }

    /// The templates of a folder, falling back to the bundled ones.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: Some(dir.into()),
        }
    }

    /// The file that overrides a template, if there is one.
    pub fn override_path(&self, name: &str) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        if !is_plain_name(name) {
            return None;
        }
        let path = dir.join(name);
        path.is_file().then_some(path)
    }

    /// Where a template's text comes from, as error messages name it.
    fn origin(&self, name: &str) -> PathBuf {
        match self.override_path(name) {
            Some(p) if !name.starts_with("bundled/") => p,
            _ => PathBuf::from(format!(
                "bundled:templates/{}",
                name.strip_prefix("bundled/").unwrap_or(name)
            )),
        }
    }

    fn environment(&self) -> Environment<'static> {
        let mut env = Environment::new();
        let dir = self.dir.clone();
        env.set_loader(move |name| {
            if !name.starts_with("bundled/")
                && let Some(dir) = &dir
                && is_plain_name(name)
            {
                let path = dir.join(name);
                if path.is_file() {
                    return std::fs::read_to_string(&path).map(Some).map_err(|e| {
                        minijinja::Error::new(
                            minijinja::ErrorKind::TemplateNotFound,
                            ReportWords::chosen()
                                .cannot_read_template(&path.display().to_string(), &e.to_string()),
                        )
                    });
                }
            }
            Ok(bundled(name).map(str::to_string))
        });
        env.set_auto_escape_callback(|name| {
            let name = name.strip_suffix(".j2").unwrap_or(name);
            if name.ends_with(".html") || name.ends_with(".htm") {
                AutoEscape::Html
            } else if name.ends_with(".md") {
                AutoEscape::Custom(MARKDOWN.into())
            } else {
                AutoEscape::None
            }
        });
        env.set_formatter(|out, state, value| {
            // `none` (an absent optional field) prints nothing rather than the word "none".
            if value.is_none() || value.is_undefined() {
                return Ok(());
            }
            match state.auto_escape() {
                AutoEscape::Custom(mode) if mode == MARKDOWN => {
                    let text = if value.is_safe() {
                        value.to_string()
                    } else {
                        markdown(&value.to_string())
                    };
                    out.write_str(&text).map_err(minijinja::Error::from)
                }
                _ => escape_formatter(out, state, value),
            }
        });
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        env
    }

    /// The sheet rendered in a format. A broken template is reported at its file, line and
    /// column like any other bad file.
    pub fn render(&self, sheet: &Sheet, format: Format) -> Result<String, ReportError> {
        let name = format.template_name();
        self.render_named(name, Value::from(Serde(sheet)), Document::Sheet)
    }

    /// The pre-visit form rendered in a format, through `form.html.j2` or `form.md.j2`.
    pub fn render_form(&self, form: &Form, format: Format) -> Result<String, ReportError> {
        let name = format.form_template_name();
        self.render_named(name, Value::from(Serde(form)), Document::Form)
    }

    fn render_named(
        &self,
        name: &str,
        ctx: Value,
        document: Document,
    ) -> Result<String, ReportError> {
        let env = self.environment();
        env.get_template(name)
            .and_then(|t| t.render(ctx))
            .map_err(|e| self.error(name, &e, document))
    }

    fn error(&self, fallback: &str, e: &minijinja::Error, document: Document) -> ReportError {
        let name = e.name().unwrap_or(fallback);
        let mut reason = e
            .detail()
            .map_or_else(|| e.kind().to_string(), str::to_string);
        if let Some(source) = std::error::Error::source(e) {
            reason = format!("{reason}: {source}");
        }
        let path = self.origin(name);
        // The column, where minijinja knows the span and the template's text is at hand.
        let source = match self.override_path(name) {
            Some(p) if !name.starts_with("bundled/") => std::fs::read_to_string(p).ok(),
            _ => bundled(name).map(str::to_string),
        };
        let at = match (source, e.range()) {
            (Some(src), Some(range)) => line_col(&src, range.start),
            _ => (e.line().unwrap_or(1), 1),
        };
        ReportError::Template {
            path,
            at,
            document,
            reason,
        }
    }
}
