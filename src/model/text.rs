//! Human-readable text in a questionnaire: one plain string, or one string per language.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A text of the questionnaire, either language-neutral or translated. Texts are made inert
/// as they are read: terminal escape sequences, other control characters (line breaks and
/// tabs aside) and bidirectional controls never reach any output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// The same string in every language.
    Plain(String),
    /// Language code → string, in file order.
    Translated(Vec<(String, String)>),
}

impl Text {
    /// The text in the first of `langs` it has, else its first translation.
    pub fn get(&self, langs: &[&str]) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Translated(map) => langs
                .iter()
                .find_map(|l| map.iter().find(|(k, _)| k == l))
                .or(map.first())
                .map_or("", |(_, v)| v.as_str()),
        }
    }

    /// Whether the text exists in `lang` (a plain text exists in every language).
    pub fn has(&self, lang: &str) -> bool {
        match self {
            Text::Plain(_) => true,
            Text::Translated(map) => map.iter().any(|(k, v)| k == lang && !v.trim().is_empty()),
        }
    }

    /// The languages the text is translated into (none for a plain text).
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        let map: &[(String, String)] = match self {
            Text::Plain(_) => &[],
            Text::Translated(map) => map,
        };
        map.iter().map(|(k, _)| k.as_str())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_string())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text: a string, or a table of language = string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(inert_text(v)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    out.push((k, inert_text(&v)));
                }
                Ok(Text::Translated(out))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

/// A questionnaire text made inert, its line breaks kept.
fn inert_text(s: &str) -> String {
    crate::plain_text::inert_lines(s)
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(v) => s.serialize_str(v),
            Text::Translated(map) => s.collect_map(map.iter().map(|(k, v)| (k, v))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_through_preferences_then_first() {
        let t = Text::Translated(vec![
            ("zh".into(), "风机".into()),
            ("en".into(), "Fans".into()),
        ]);
        assert_eq!(t.get(&["en"]), "Fans");
        assert_eq!(t.get(&["de", "zh"]), "风机");
        assert_eq!(t.get(&["de"]), "风机");
        assert_eq!(Text::from("x").get(&["en"]), "x");
        assert!(t.has("en") && !t.has("de"));
    }

    #[test]
    fn texts_are_read_inert_with_their_line_breaks() {
        let t: Text = toml::from_str::<toml::Table>(
            "t = { en = \"Mini\\u001b]2;x\\u0007\\u001b[2J \\u009b1m\\u202Eok\\nline 2\" }",
        )
        .unwrap()["t"]
            .clone()
            .try_into()
            .unwrap();
        assert_eq!(t.get(&["en"]), "Mini 1mok\nline 2");
        let plain: Text = toml::Value::String("a\u{7}b".into()).try_into().unwrap();
        assert_eq!(plain.get(&["en"]), "ab");
    }
}
