//! Escaping for Markdown: text from an assessment shows as the text it is, never as
//! emphasis, links, tables, headings or raw HTML. (HTML escaping is minijinja's own.)

/// `s` as Markdown text: line breaks become spaces, every character that can start Markdown
/// or HTML syntax is backslash-escaped, and a start that would open a heading, list, quote
/// or code block is defused.
pub fn markdown(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
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
        assert_eq!(markdown("a\nb\r\n# c"), "a b  \\# c");
    }

    #[test]
    fn plain_text_and_chinese_stay_as_they_are() {
        assert_eq!(
            markdown("淄博某风机有限公司 2.50 (ok), 3-4 days."),
            "淄博某风机有限公司 2.50 (ok), 3-4 days."
        );
    }
}
