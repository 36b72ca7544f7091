//! Human-readable text in a questionnaire: one plain string, or one string per language.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A text of the questionnaire, either language-neutral or translated.
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
                Ok(Text::Plain(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    out.push((k, v));
                }
                Ok(Text::Translated(out))
            }
        }
        d.deserialize_any(TextVisitor)
    }
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
}
