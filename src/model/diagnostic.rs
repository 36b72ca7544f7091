//! Problems found in a file, and how they are placed at a line and column for people.

use std::cell::OnceCell;
use std::fmt;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::plain_text::visible;

/// How serious a problem is: errors make a file unusable, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One step of a path into a TOML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Where in a document a problem lies, as a path of keys and array indexes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyPath(pub Vec<Seg>);

impl KeyPath {
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// The path one key further down.
    pub fn key(&self, key: &str) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key.to_string()));
        Self(segs)
    }

    /// The path one array element further down.
    pub fn index(&self, index: usize) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(index));
        Self(segs)
    }
}

impl fmt::Display for KeyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// What a problem points at: the key itself (e.g. an unknown key) or its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Key,
    Value,
}

/// A problem found by validation, not yet placed in the source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    pub path: KeyPath,
    pub target: Target,
    pub message: String,
}

impl Problem {
    pub fn error(path: KeyPath, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path,
            target: Target::Value,
            message: message.into(),
        }
    }

    pub fn warning(path: KeyPath, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, message)
        }
    }

    /// Point at the key rather than the value.
    pub fn at_key(mut self) -> Self {
        self.target = Target::Key;
        self
    }
}

/// A problem placed at a 1-based line and column of its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic prefixed by the file it belongs to, as `path:line:column: sentence`;
    /// control characters in the path or the message (which may quote the file) are shown as
    /// escapes, never sent raw.
    pub fn in_file<'a>(&'a self, file: &'a str) -> InFile<'a> {
        InFile { file, diag: self }
    }
}

/// Display helper for [`Diagnostic::in_file`].
pub struct InFile<'a> {
    file: &'a str,
    diag: &'a Diagnostic,
}

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diag;
        write!(f, "{}:{}:{}: ", visible(self.file), d.line, d.column)?;
        if d.severity == Severity::Warning {
            f.write_str(crate::i18n::FileWords::chosen().warning)?;
        }
        write!(f, "{}", visible(&d.message))
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    Lines::new(src).line_col(src, offset)
}

/// Where each line of a text starts, so that many offsets are placed without counting the
/// lines again for each one.
struct Lines(Vec<usize>);

impl Lines {
    fn new(src: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self(starts)
    }

    /// 1-based line and column (in characters; a byte-order mark before line 1 is not one).
    fn line_col(&self, src: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(src.len());
        while !src.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.0.partition_point(|&start| start <= offset);
        let mut start = self.0[line - 1];
        if start == 0 && src.starts_with('\u{feff}') {
            start = '\u{feff}'.len_utf8().min(offset);
        }
        (line, src[start..offset].chars().count() + 1)
    }
}

/// Places problems in a source text by walking its parsed TOML tree. The text is parsed and
/// its lines indexed once, when the first problem is placed.
pub struct Locator<'a> {
    src: &'a str,
    root: OnceCell<toml::Spanned<DeTable<'a>>>,
    lines: OnceCell<Lines>,
}

impl<'a> Locator<'a> {
    pub fn new(src: &'a str) -> Self {
        Self {
            src,
            root: OnceCell::new(),
            lines: OnceCell::new(),
        }
    }

    /// A diagnostic at a byte span of the source.
    pub fn at_span(&self, severity: Severity, span: Range<usize>, message: &str) -> Diagnostic {
        let lines = self.lines.get_or_init(|| Lines::new(self.src));
        let (line, column) = lines.line_col(self.src, span.start);
        Diagnostic {
            severity,
            line,
            column,
            message: message.to_string(),
        }
    }

    pub fn place(&self, problem: &Problem) -> Diagnostic {
        let span = self.span_of(&problem.path, problem.target);
        self.at_span(problem.severity, span, &problem.message)
    }

    /// The span of the key or value at `path`, or of the deepest part of it that exists.
    pub fn span_of(&self, path: &KeyPath, target: Target) -> Range<usize> {
        let root = self
            .root
            .get_or_init(|| DeTable::parse_recoverable(self.src).0);
        let mut span = root.span();
        let mut key_span = span.clone();
        let mut value: Option<&DeValue<'a>> = None;
        let mut table: Option<&DeTable<'a>> = Some(root.get_ref());
        for seg in &path.0 {
            let next = match (seg, table, value) {
                // A lookup, not a scan: a file of many keys is placed in linear time.
                (Seg::Key(k), Some(t), _) => {
                    t.get_key_value(k.as_str()).map(|(key, v)| (key.span(), v))
                }
                (Seg::Index(i), _, Some(DeValue::Array(items))) => {
                    items.get(*i).map(|v| (v.span(), v))
                }
                _ => None,
            };
            let Some((kspan, v)) = next else {
                return span;
            };
            key_span = kspan;
            span = v.span();
            value = Some(v.get_ref());
            table = match v.get_ref() {
                DeValue::Table(t) => Some(t),
                _ => None,
            };
        }
        match target {
            Target::Key => key_span,
            Target::Value => span,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "a = 1\nname = \"风机\" x";
        let offset = src.find('x').unwrap();
        assert_eq!(line_col(src, offset), (2, 13));
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, src.len()), (2, 14));
        assert_eq!(line_col("a\n", 2), (2, 1));
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let src = "\u{feff}x = 1\ny = 2";
        assert_eq!(line_col(src, src.find('x').unwrap()), (1, 1));
        assert_eq!(line_col(src, src.find('1').unwrap()), (1, 5));
        assert_eq!(line_col(src, src.find('2').unwrap()), (2, 5));
    }

    #[test]
    fn locator_finds_nested_keys_and_array_items() {
        let src = "[scale]\nmin = 2.0\n\n[[dimension]]\nid = \"a\"\n\n[[dimension]]\nid = \"b\"\nwieght = 2\n";
        let loc = Locator::new(src);
        let p = KeyPath::root().key("dimension").index(1).key("wieght");
        let d = loc.place(&Problem::error(p, "unknown key").at_key());
        assert_eq!((d.line, d.column), (9, 1));
        let p = KeyPath::root().key("scale").key("min");
        let d = loc.place(&Problem::error(p, "bad"));
        assert_eq!((d.line, d.column), (2, 7));
    }

    #[test]
    fn locator_falls_back_to_the_deepest_existing_part() {
        let src = "[scale]\nmin = 2.0\n";
        let loc = Locator::new(src);
        let p = KeyPath::root().key("scale").key("stage");
        let d = loc.place(&Problem::error(p, "missing"));
        assert_eq!(d.line, 1);
    }
}
