//! Text wrapped by display width for the screens: Chinese may break between any two
//! characters, other text at spaces, and nothing is ever cut inside a character.

use unicode_width::UnicodeWidthChar;

/// Punctuation that must not begin a line; it stays with the character before it.
const NO_LINE_START: &str = "，。、；：？！）》」』”’】〉…·,.;:?!)]}%";
/// Opening brackets and quotes that must not end a line; they go with the character after
/// them.
const NO_LINE_END: &str = "（《「『“‘【〈([{";

/// `text` laid out in lines of at most `width` cells. Explicit line breaks are kept; runs of
/// spaces between words become one space; a word wider than a line is cut between characters.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, width, &mut out);
    }
    out
}

/// Display width of one character (control characters count as nothing).
fn cw(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// A piece that is not broken inside: a word, or one wide character with the punctuation
/// that follows it; `space` says whether a space came before it.
struct Token {
    text: String,
    width: usize,
    space: bool,
}

fn tokens(paragraph: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut space = false;
    // Whether the last token is a word of narrow characters that the next one continues.
    let mut open_word = false;
    // Whether the last token ends with an opening bracket, which the next character joins.
    let mut opening = false;
    for c in paragraph.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            open_word = false;
            opening = false;
            continue;
        }
        let narrow = cw(c) < 2;
        let punct = !space && NO_LINE_START.contains(c);
        let joins = punct || (open_word && narrow) || opening;
        opening = NO_LINE_END.contains(c);
        match out.last_mut() {
            Some(t) if joins => {
                t.text.push(c);
                t.width += cw(c);
                open_word = open_word && narrow;
            }
            _ => {
                out.push(Token {
                    text: c.to_string(),
                    width: cw(c),
                    space,
                });
                open_word = narrow;
            }
        }
        space = false;
    }
    out
}

fn wrap_paragraph(paragraph: &str, width: usize, out: &mut Vec<String>) {
    let mut line = String::new();
    let mut used = 0;
    for t in tokens(paragraph) {
        let gap = usize::from(t.space && used > 0);
        if used + gap + t.width <= width {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(&t.text);
            used += gap + t.width;
            continue;
        }
        if used > 0 {
            out.push(std::mem::take(&mut line));
            used = 0;
        }
        if t.width <= width {
            line.push_str(&t.text);
            used = t.width;
            continue;
        }
        // Longer than a whole line: cut between characters.
        for c in t.text.chars() {
            let w = cw(c);
            if used + w > width {
                out.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += w;
        }
    }
    out.push(line);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plain_text::width;

    #[test]
    fn chinese_breaks_between_characters_and_never_exceeds_the_width() {
        let lines = wrap("淄博市周村区智能装备产业链企业数字化转型", 9);
        assert_eq!(lines[0], "淄博市周");
        assert!(lines.iter().all(|l| width(l) <= 9));
        assert_eq!(lines.concat(), "淄博市周村区智能装备产业链企业数字化转型");
    }

    #[test]
    fn english_breaks_at_spaces() {
        assert_eq!(
            wrap("Look on the shop floor for CNC", 12),
            vec!["Look on the", "shop floor", "for CNC"]
        );
    }

    #[test]
    fn punctuation_stays_with_the_character_before_it() {
        assert_eq!(wrap("是否有数控机床？", 16), vec!["是否有数控机床？"]);
        let lines = wrap("有数控机床？", 10);
        assert_eq!(lines, vec!["有数控机", "床？"]);
    }

    #[test]
    fn an_opening_bracket_never_ends_a_line() {
        // "（" would fit at the end of the first line; it goes with what it opens.
        let lines = wrap("企业规模较小（不足五十人）", 14);
        assert_eq!(lines, vec!["企业规模较小", "（不足五十人）"]);
        let lines = wrap("按“两化融合”评估", 6);
        assert!(lines.iter().all(|l| !l.ends_with('“')), "{lines:?}");
        assert_eq!(lines.concat(), "按“两化融合”评估");
    }

    #[test]
    fn mixed_text_and_long_words() {
        let lines = wrap("MES与ERP是否打通", 6);
        assert!(lines.iter().all(|l| width(l) <= 6), "{lines:?}");
        assert_eq!(lines.concat(), "MES与ERP是否打通");
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn keeps_line_breaks_and_empty_text() {
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
        assert_eq!(wrap("", 10), vec![""]);
    }
}
