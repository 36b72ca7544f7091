//! Every word dmat itself shows, in Chinese and English side by side, so that translating is
//! done in this folder alone. Questionnaire texts carry their own languages.

mod advise;
mod cli;
mod compare;
mod follow_up;
mod form;
mod plan;
mod report;
mod tui;

pub use advise::AdviseWords;
pub use cli::CliWords;
pub use compare::CompareWords;
pub use follow_up::FollowUpWords;
pub use form::FormWords;
pub use plan::{PlanReasons, PlanWords};
pub use report::ReportWords;
pub use tui::TuiWords;

/// The language of dmat's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The language code, as used in questionnaire texts.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language the environment asks for (`LC_ALL`, `LC_MESSAGES`, then `LANG`);
    /// Chinese locales give Chinese, anything else English.
    pub fn from_env() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        Lang::from_locale(&locale)
    }

    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// Fills `{0}`, `{1}`, … in a template with the arguments.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = template.to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), &a.to_string());
    }
    out
}

/// Declares a struct of words with its Chinese and English values side by side.
macro_rules! words {
    ($(#[$doc:meta])* $name:ident { $($key:ident: $zh:literal, $en:literal;)* }) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name { $(pub $key: &'static str,)* }
        impl $name {
            pub const ZH: $name = $name { $($key: $zh,)* };
            pub const EN: $name = $name { $($key: $en,)* };
            pub fn of(lang: $crate::i18n::Lang) -> &'static $name {
                match lang {
                    $crate::i18n::Lang::Zh => &Self::ZH,
                    $crate::i18n::Lang::En => &Self::EN,
                }
            }
        }
    };
}
pub(crate) use words;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_decides_the_language() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }

    #[test]
    fn fill_replaces_numbered_places() {
        assert_eq!(fill("{0} of {1}", &[&3, &"4"]), "3 of 4");
    }
}
