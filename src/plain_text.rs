//! Text laid out for a terminal, a plain file or Markdown: control characters removed,
//! Markdown's syntax escaped, widths measured in display cells (a Chinese character takes two).

use std::borrow::Cow;
use std::path::Path;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Bidirectional embeddings, overrides and isolates: they can make text read differently
/// from what it is (U+202A–U+202E, U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a character must never reach a terminal raw: C0 and C1 controls, DEL, and
/// bidirectional controls.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Text from a file made safe to show: terminal escape sequences and other control
/// characters (bells, carriage returns) removed, line breaks and tabs turned into spaces.
pub fn inert(s: &str) -> String {
    // Nothing to remove (most text): no escape sequence starts without a control character.
    if !s.chars().any(is_unsafe) {
        return s.to_string();
    }
    strip_ansi_escapes::strip_str(s)
        .chars()
        .filter_map(|c| match c {
            '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c if is_bidi_control(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Like [`inert`], but keeps line breaks (for notes shown over several lines).
pub fn inert_lines(s: &str) -> String {
    if !s.chars().any(is_unsafe) {
        return s.to_string();
    }
    s.lines().map(inert).collect::<Vec<_>>().join("\n")
}

/// Text from a file quoted in a message, on one line: every control character (line breaks
/// and tabs included) and bidirectional control shown as an escape such as `\u{1b}`, so
/// that the reader sees what the file holds and the terminal does nothing with it.
pub fn visible(s: &str) -> Cow<'_, str> {
    escape_where(s, is_unsafe)
}

/// Like [`visible`], keeping line breaks and tabs: for whole outputs of several lines.
pub fn visible_lines(s: &str) -> Cow<'_, str> {
    escape_where(s, |c| is_unsafe(c) && c != '\n' && c != '\t')
}

/// A path as a message shows it: see [`visible`].
pub fn shown_path(path: &Path) -> String {
    visible(&path.display().to_string()).into_owned()
}

fn escape_where(s: &str, unsafe_char: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// JSON text whose strings hold no raw C1 control, DEL or bidirectional control: each is
/// written as a `\uXXXX` escape (JSON itself already escapes the C0 controls).
pub fn json_safe(json: String) -> String {
    if !json.chars().any(is_unsafe) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Display width in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` cells, with `…` when cut; never splits a wide character.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// `s` cut to `w` cells and padded with spaces on the right to exactly `w` cells.
pub fn pad(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let fill = w.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(fill))
}

/// `s` padded with spaces on the left to `w` cells.
pub fn pad_left(s: &str, w: usize) -> String {
    let fill = w.saturating_sub(width(s));
    format!("{}{s}", " ".repeat(fill))
}

/// Text from a file as Markdown text (a paragraph or a table cell), showing as the text it is,
/// never as emphasis, links, tables, headings or raw HTML: made [`inert`] (line breaks become
/// spaces), every character that can start Markdown or HTML syntax backslash-escaped, and a
/// start that would open a heading, list, quote or code block defused.
pub fn markdown(s: &str) -> String {
    let flat = inert(s);
    let flat = flat.trim_start();
    let mut out = String::with_capacity(flat.len() + 8);
    for c in flat.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '$' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    defuse_line_start(out)
}

/// A value printed at the start of a line must not open a list item (`-`, `+`, `1.`, `1)`)
/// or a setext heading underline (`=`, `-`).
fn defuse_line_start(s: String) -> String {
    if s.starts_with(['-', '+', '=']) {
        return format!("\\{s}");
    }
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = &s[digits..];
        let after = rest.chars().nth(1);
        if rest.starts_with(['.', ')']) && after.is_none_or(|c| c == ' ') {
            return format!("{}\\{}", &s[..digits], rest);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inert_removes_escapes_and_controls() {
        assert_eq!(inert("a\u{1b}[31mb\u{7}c\r\nd"), "abc d");
        assert_eq!(
            inert("Zibo \u{1b}]0;title\u{7}Motors\u{1b}[0m"),
            "Zibo Motors"
        );
        assert_eq!(inert("cut short\u{1b}"), "cut short");
        assert_eq!(inert("ok\u{202E}txt"), "oktxt");
        assert_eq!(inert_lines("a\u{1b}\nb"), "a\nb");
        assert_eq!(inert("a\u{9b}31mb\u{2067}c"), "a31mbc");
    }

    #[test]
    fn visible_shows_controls_as_escapes() {
        assert_eq!(
            visible("1\u{1b}]2;x\u{7}\n\u{9b}\u{202e}"),
            "1\\u{1b}]2;x\\u{7}\\u{a}\\u{9b}\\u{202e}"
        );
        assert_eq!(visible_lines("a\tb\nc\r"), "a\tb\nc\\u{d}");
        assert!(matches!(visible("淄博 ok"), Cow::Borrowed(_)));
        assert_eq!(
            shown_path(Path::new("d/\u{1b}[2Jx.toml")),
            "d/\\u{1b}[2Jx.toml"
        );
    }

    #[test]
    fn json_strings_escape_c1_and_bidi_controls() {
        let json = serde_json::json!({"firm": "a\u{9b}b\u{202e}c\u{1b}"}).to_string();
        let safe = json_safe(json);
        assert_eq!(safe, r#"{"firm":"a\u009bb\u202ec\u001b"}"#);
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["firm"], "a\u{9b}b\u{202e}c\u{1b}");
    }

    #[test]
    fn widths_count_chinese_as_two_cells() {
        assert_eq!(width("风机ab"), 6);
        assert_eq!(pad("风机", 6), "风机  ");
        assert_eq!(truncate("风机有限公司", 7), "风机有…");
        assert_eq!(width(&truncate("风机有限公司", 6)), 5);
        assert_eq!(pad_left("3.0", 5), "  3.0");
    }

    #[test]
    fn markup_is_shown_as_text() {
        assert_eq!(
            markdown("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            markdown("**bold** [link](http://x) `code` a|b"),
            "\\*\\*bold\\*\\* \\[link\\](http://x) \\`code\\` a\\|b"
        );
        assert_eq!(markdown("![img](x.png)"), "\\!\\[img\\](x.png)");
        assert_eq!(markdown("&lt; &amp;"), "\\&lt; \\&amp;");
    }

    #[test]
    fn line_starts_cannot_open_blocks() {
        assert_eq!(markdown("# Heading"), "\\# Heading");
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("+ item"), "\\+ item");
        assert_eq!(markdown("1. item"), "1\\. item");
        assert_eq!(markdown("2024) x"), "2024\\) x");
        assert_eq!(markdown("2.50"), "2.50");
        assert_eq!(markdown("7."), "7\\.");
        assert_eq!(markdown("> quote"), "\\> quote");
        assert_eq!(markdown("    code"), "code");
        assert_eq!(markdown("a\nb\r\n# c"), "a b \\# c");
    }

    #[test]
    fn plain_text_and_chinese_stay_as_they_are() {
        assert_eq!(
            markdown("淄博某风机有限公司 2.50 (ok), 3-4 days."),
            "淄博某风机有限公司 2.50 (ok), 3-4 days."
        );
    }

    #[test]
    fn markdown_drops_controls_and_escapes() {
        assert_eq!(markdown(r"a|b *c* <x> \ n"), r"a\|b \*c\* \<x\> \\ n");
        assert_eq!(markdown("[link](u)\u{1b}[31m\nx"), r"\[link\](u) x");
    }
}
