//! Text laid out for a terminal or a plain file: control characters removed, widths measured
//! in display cells (a Chinese character takes two).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Text from a file made safe to show: terminal escape sequences and other control
/// characters (bells, carriage returns) removed, line breaks and tabs turned into spaces.
pub fn inert(s: &str) -> String {
    strip_ansi_escapes::strip_str(s)
        .chars()
        .filter_map(|c| match c {
            '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            // Bidirectional overrides can make text read differently from what it is.
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c),
        })
        .collect()
}

/// Like [`inert`], but keeps line breaks (for notes shown over several lines).
pub fn inert_lines(s: &str) -> String {
    s.lines().map(inert).collect::<Vec<_>>().join("\n")
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
    }

    #[test]
    fn widths_count_chinese_as_two_cells() {
        assert_eq!(width("风机ab"), 6);
        assert_eq!(pad("风机", 6), "风机  ");
        assert_eq!(truncate("风机有限公司", 7), "风机有…");
        assert_eq!(width(&truncate("风机有限公司", 6)), 5);
        assert_eq!(pad_left("3.0", 5), "  3.0");
    }
}
