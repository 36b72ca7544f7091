//! Every word dmat itself shows, in Chinese and English side by side, so that translating is
//! done in this folder alone. Questionnaire texts carry their own languages.

mod advise;
mod checks;
mod cli;
mod cli_help;
mod compare;
mod files;
mod follow_up;
mod form;
mod plan;
mod report;
mod tui;

pub use advise::AdviseWords;
pub use checks::CheckWords;
pub use cli::CliWords;
pub use cli_help::CliHelp;
pub use compare::CompareWords;
pub use files::FileWords;
pub use follow_up::{FollowUpWords, VisitCheckWords};
pub use form::FormWords;
pub use plan::{PlanReasons, PlanWords};
pub use report::ReportWords;
pub use tui::TuiWords;

/// The language of dmat's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
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

/// An English count with its noun, singular for one: "1 assessment", "2 assessments".
pub(crate) fn en_count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The language chosen for this run's messages.
static CHOSEN: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Chooses the language of the messages the core makes for people (validation, files, the
/// lock) for the whole run, as gettext's locale does: done once at start, before any file is
/// read; a later choice is ignored.
pub fn choose(lang: Lang) {
    // The first choice holds: a run speaks one language.
    let _ = CHOSEN.set(lang);
}

/// The language chosen for this run with [`choose`]; English when none was.
pub fn chosen() -> Lang {
    CHOSEN.get().copied().unwrap_or(Lang::En)
}

/// Declares a struct of words with its Chinese and English values side by side, and after
/// them, optionally, its messages: one method per message that formats its typed arguments
/// into the sentence of the struct's language with `format!`, so an argument is never read as
/// a template and a placeholder without an argument does not compile.
///
/// ```ignore
/// words! {
///     /// Doc of the struct.
///     SomeWords {
///         title: "标题", "Title";
///     }
///     messages {
///         /// Doc of the message.
///         files(n: usize, folder: &str): "{folder} 中有 {n} 个文件", "{n} file(s) in {folder}";
///     }
/// }
/// ```
macro_rules! words {
    (
        $(#[$doc:meta])* $name:ident { $($key:ident: $zh:literal, $en:literal;)* }
        $(messages {
            $($(#[$mdoc:meta])* $msg:ident($($arg:ident: $ty:ty),* $(,)?): $mzh:literal, $men:literal;)*
        })?
    ) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name {
            $(pub $key: &'static str,)*
            lang: $crate::i18n::Lang,
        }
        impl $name {
            pub const ZH: $name = $name { $($key: $zh,)* lang: $crate::i18n::Lang::Zh };
            pub const EN: $name = $name { $($key: $en,)* lang: $crate::i18n::Lang::En };
            pub fn of(lang: $crate::i18n::Lang) -> &'static $name {
                match lang {
                    $crate::i18n::Lang::Zh => &Self::ZH,
                    $crate::i18n::Lang::En => &Self::EN,
                }
            }
            /// The words in the language chosen for this run (see [`choose`](crate::i18n::choose)).
            pub fn chosen() -> &'static $name {
                Self::of($crate::i18n::chosen())
            }
            /// The language of these words.
            pub fn lang(&self) -> $crate::i18n::Lang {
                self.lang
            }
            $($(
                $(#[$mdoc])*
                pub fn $msg(&self, $($arg: $ty),*) -> String {
                    match self.lang {
                        $crate::i18n::Lang::Zh => format!($mzh),
                        $crate::i18n::Lang::En => format!($men),
                    }
                }
            )*)?
        }
    };
}
pub(crate) use words;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_singular_for_one_and_their_measure_words() {
        let (zh, en) = (TuiWords::of(Lang::Zh), TuiWords::of(Lang::En));
        assert_eq!(en.firms_files(1, 1), "1 firm · 1 assessment");
        assert_eq!(en.firms_files(0, 2), "0 firms · 2 assessments");
        assert_eq!(zh.firms_files(1, 12), "1 家企业 · 12 份评估");
        assert_eq!(en.shown_of(0, 1), "0 of 1 assessment");
        assert_eq!(zh.marked(2), "已标记 2 份");
        assert_eq!(en.visits_n(1), "1 visit");
        assert_eq!(en.left_out(2), "2 files could not be read and are left out");
        assert_eq!(
            en.demo_removed(1),
            "Removed 1 demo assessment; nothing else was touched"
        );
        let cw = CompareWords::of(Lang::En);
        assert_eq!(
            cw.firms_line(1, 1, "quick-scan 2.1.0"),
            "1 firm · 1 assessment · questionnaire quick-scan 2.1.0"
        );
    }

    #[test]
    fn locale_decides_the_language() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }

    words! {
        /// Words of the test.
        TestWords {
            title: "标题", "Title";
        }
        messages {
            done_of(done: usize, all: &str): "{all}中的{done}", "{done} of {all}";
        }
    }

    #[test]
    fn messages_format_their_arguments_in_their_language() {
        assert_eq!(TestWords::of(Lang::En).done_of(3, "4"), "3 of 4");
        assert_eq!(TestWords::of(Lang::Zh).done_of(3, "4"), "4中的3");
        // An argument is never read as a template.
        assert_eq!(TestWords::of(Lang::En).done_of(1, "{0}"), "1 of {0}");
        assert_eq!(TestWords::of(Lang::Zh).title, "标题");
        assert_eq!(TestWords::of(Lang::Zh).lang(), Lang::Zh);
        // No run chose a language here: the chosen words are English.
        assert_eq!(TestWords::chosen().title, "Title");
    }
}
