//! The command line: clap definitions, and one thin function per subcommand that calls into
//! the layers below.

mod compare;
mod demo;
mod export;
mod form;
mod interview;
mod questionnaires;
mod report;
mod revisit;
mod score;
mod validate;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::i18n::{CliHelp, Lang};
use crate::plain_text::{shown_path, visible_lines};
use crate::store::{
    Action, Catalog, LoadedQuestionnaire, StoreError, Workspace, collect_toml_files,
};

/// dmat's command line. Its help texts are in [`CliHelp`], in the language chosen before the
/// arguments are parsed (see [`main`]).
#[derive(Debug, Parser)]
#[command(name = "dmat", version, about = help().about, long_about = None,
    after_long_help = help().examples, after_help = help().see_examples)]
pub struct Cli {
    #[arg(long, global = true, env = "DMAT_WORKSPACE", value_name = "DIR", help = help().workspace)]
    pub workspace: Option<PathBuf>,
    #[arg(long, global = true, value_enum, help = help().language)]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands; each one's about line and arguments' help are in [`CliHelp`].
#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(about = help().new)]
    New {
        #[arg(long, value_name = "ID|PATH", help = help().questionnaire_id)]
        questionnaire: Option<String>,
        #[arg(long, help = help().new_firm)]
        firm: Option<String>,
    },
    #[command(about = help().open)]
    Open {
        #[arg(help = help().assessment_file)]
        file: PathBuf,
        #[command(flatten)]
        q: QuestionnaireArg,
    },
    #[command(about = help().validate)]
    Validate {
        #[arg(required = true, help = help().validate_paths)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        q: QuestionnaireArg,
    },
    #[command(about = help().score)]
    Score {
        #[arg(required = true, help = help().assessment_paths)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ScoreFormat::Text, help = help().format)]
        format: ScoreFormat,
        #[arg(long, help = help().score_explain)]
        explain: bool,
        #[command(flatten)]
        q: QuestionnaireArg,
    },
    #[command(about = help().report)]
    Report {
        #[arg(help = help().assessment_file)]
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ReportFormat::Md, help = help().format)]
        format: ReportFormat,
        #[arg(short, long, value_name = "OUT", help = help().output_file)]
        output: Option<PathBuf>,
        #[command(flatten)]
        sheet: report::SheetArgs,
        #[command(flatten)]
        q: QuestionnaireArg,
    },
    #[command(about = help().form)]
    Form {
        #[arg(long, value_name = "ID|PATH", help = help().form_questionnaire)]
        questionnaire: Option<String>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Md, help = help().format)]
        format: ReportFormat,
        #[arg(short, long, value_name = "OUT", help = help().output_file)]
        output: Option<PathBuf>,
    },
    #[command(about = help().export, after_long_help = help().export_more)]
    Export {
        #[arg(required = true, help = help().assessment_paths_recursive)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        opts: ExportArgs,
        #[command(flatten)]
        q: QuestionnaireArg,
    },
    #[command(about = help().compare, after_long_help = help().compare_more)]
    Compare {
        #[arg(required = true, help = help().assessment_paths_recursive)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        opts: CompareArgs,
        #[command(flatten)]
        q: QuestionnaireArg,
    },
    #[command(about = help().revisit, after_long_help = help().revisit_more)]
    Revisit {
        #[arg(help = help().revisit_file)]
        file: PathBuf,
        #[arg(long, value_name = "ID|PATH", help = help().revisit_questionnaire)]
        questionnaire: Option<String>,
        #[arg(short, long, value_name = "OUT", help = help().revisit_output)]
        output: Option<PathBuf>,
    },
    #[command(about = help().demo, after_long_help = help().demo_more)]
    Demo {
        #[arg(long, default_value_t = 30, help = help().demo_firms)]
        firms: usize,
        #[arg(long, default_value_t = 1, help = help().demo_seed)]
        seed: u64,
        #[arg(short, long, value_name = "DIR", help = help().demo_output)]
        output: PathBuf,
        #[arg(long, value_name = "ID|PATH", help = help().demo_questionnaire)]
        questionnaire: Option<String>,
        #[arg(long, conflicts_with_all = ["firms", "seed", "questionnaire"], help = help().demo_remove)]
        remove: bool,
    },
    #[command(about = help().questionnaires)]
    Questionnaires,
}

/// `--questionnaire PATH`: score against this file whatever the assessments record.
#[derive(Debug, Clone, Args)]
pub struct QuestionnaireArg {
    #[arg(long = "questionnaire", value_name = "PATH", help = help().questionnaire_file)]
    pub path: Option<PathBuf>,
}

/// The options of `dmat export`.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    #[arg(short, long, value_name = "OUT", help = help().output_file)]
    pub output: Option<PathBuf>,
    #[arg(long, help = help().export_long)]
    pub long: bool,
    #[arg(long, conflicts_with = "long", help = help().export_plan)]
    pub plan: bool,
    #[arg(long, help = help().export_bom)]
    pub bom: bool,
    #[arg(long, help = help().export_labels)]
    pub labels: bool,
    #[arg(long, default_value_t = ',', help = help().export_delimiter)]
    pub delimiter: char,
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv, help = help().export_format)]
    pub format: ExportFormat,
    #[arg(long, help = help().export_strict)]
    pub strict: bool,
}

/// The options of `dmat compare`.
#[derive(Debug, Clone, Args)]
pub struct CompareArgs {
    #[arg(long, value_enum, help = help().compare_format)]
    pub format: Option<CompareFormat>,
    #[arg(long, value_name = "COLUMN", default_value = "overall", help = help().compare_sort)]
    pub sort: String,
    #[arg(long, conflicts_with = "desc", help = help().compare_asc)]
    pub asc: bool,
    #[arg(long, help = help().compare_desc)]
    pub desc: bool,
    #[arg(long, value_name = "FILTER", help = help().compare_filter)]
    pub filter: Vec<String>,
    #[arg(long, value_enum, value_delimiter = ',', help = help().compare_section)]
    pub section: Vec<SectionArg>,
    #[arg(short, long, value_name = "OUT", help = help().output_file)]
    pub output: Option<PathBuf>,
}

/// `--section`: the parts of a comparison to show (see [`crate::compare::Section`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SectionArg {
    #[value(help = help().section_firms)]
    Firms,
    #[value(help = help().section_stats)]
    Stats,
    #[value(help = help().section_progress)]
    Progress,
    #[value(help = help().section_cohort)]
    Cohort,
}

/// The help texts in the language chosen for this run.
fn help() -> &'static CliHelp {
    CliHelp::chosen()
}

impl From<SectionArg> for crate::compare::Section {
    fn from(s: SectionArg) -> Self {
        use crate::compare::Section;
        match s {
            SectionArg::Firms => Section::Firms,
            SectionArg::Stats => Section::Stats,
            SectionArg::Progress => Section::Progress,
            SectionArg::Cohort => Section::Cohort,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    Text,
    Json,
}

/// The values of `--lang`: the languages of dmat's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Tui,
    Table,
    Csv,
    Md,
}

/// What every command gets: the workspace and the language.
pub struct Context {
    pub workspace: Workspace,
    pub lang: Lang,
}

impl Context {
    /// The questionnaires known to the command, with `--questionnaire PATH` fixed if given.
    pub fn catalog(&self, q: &QuestionnaireArg) -> Result<Catalog, StoreError> {
        let mut catalog = Catalog::load(&self.workspace);
        catalog.set_lang(self.lang);
        if let Some(path) = &q.path {
            catalog.fix(LoadedQuestionnaire::load(path)?);
        }
        Ok(catalog)
    }
}

/// A command failed: what to print and the exit status.
#[derive(Debug)]
pub struct Failure {
    pub status: u8,
    pub message: String,
}

impl Failure {
    /// A usage mistake (status 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            status: 2,
            message: message.into(),
        }
    }

    /// Invalid input (status 1).
    pub fn invalid(message: impl Into<String>) -> Self {
        Self {
            status: 1,
            message: message.into(),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::invalid(e.to_string())
    }
}

impl From<crate::report::ReportError> for Failure {
    fn from(e: crate::report::ReportError) -> Self {
        Failure::invalid(e.to_string())
    }
}

/// Writing to standard output failed; a closed pipe (`dmat score … | head`) is not an error.
impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Failure {
                status: 0,
                message: String::new(),
            }
        } else {
            Failure::invalid(crate::i18n::CliWords::chosen().cannot_write_output(&e.to_string()))
        }
    }
}

pub type Outcome = Result<ExitCode, Failure>;

/// Runs dmat with the process's arguments.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // The help and clap's refusals speak the chosen language: choose it before parsing.
    let lang = lang_in_args(&args).unwrap_or_else(Lang::from_env);
    crate::i18n::choose(lang);
    let cli = match Cli::command()
        .try_get_matches_from(args)
        .and_then(|mut m| Cli::from_arg_matches_mut(&mut m))
    {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let ctx = Context {
        workspace: Workspace::resolve(cli.workspace.as_deref()),
        lang,
    };
    match run(&ctx, cli.command) {
        Ok(code) => code,
        Err(f) => {
            if !f.message.is_empty() {
                say(&f.message);
            }
            ExitCode::from(f.status)
        }
    }
}

/// The language `--lang zh`, `--lang en` or `--lang=zh` asks for among the raw arguments
/// (before a `--` that ends the options); the last one given counts, as clap takes it. None
/// when none is given, or its value is not a language (clap then refuses it).
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut lang = None;
    let mut args = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = args.next() {
        let value = match arg {
            Some("--") => break,
            Some("--lang") => args.next().flatten(),
            Some(a) => a.strip_prefix("--lang="),
            None => None,
        };
        if let Some(value) = value {
            lang = LangArg::from_str(value, false).ok().map(Lang::from);
        }
    }
    lang
}

fn run(ctx: &Context, command: Option<Command>) -> Outcome {
    match command {
        None => interview::home(ctx),
        Some(Command::New {
            questionnaire,
            firm,
        }) => interview::new(ctx, questionnaire.as_deref(), firm.as_deref()),
        Some(Command::Open { file, q }) => interview::open(ctx, &file, &q),
        Some(Command::Validate { paths, q }) => validate::run(ctx, &paths, &q),
        Some(Command::Score {
            files,
            format,
            explain,
            q,
        }) => score::run(ctx, &files, format, explain, &q),
        Some(Command::Report {
            file,
            format,
            output,
            sheet,
            q,
        }) => report::run(ctx, &file, format, output.as_deref(), &sheet, &q),
        Some(Command::Form {
            questionnaire,
            format,
            output,
        }) => form::run(ctx, questionnaire.as_deref(), format, output.as_deref()),
        Some(Command::Export { paths, opts, q }) => export::run(ctx, &paths, &opts, &q),
        Some(Command::Compare { paths, opts, q }) => compare::run(ctx, &paths, &opts, &q),
        Some(Command::Revisit {
            file,
            questionnaire,
            output,
        }) => revisit::run(ctx, &file, questionnaire.as_deref(), output.as_deref()),
        Some(Command::Demo {
            firms,
            seed,
            output,
            questionnaire,
            remove,
        }) => demo::run(ctx, firms, seed, &output, questionnaire.as_deref(), remove),
        Some(Command::Questionnaires) => questionnaires::run(ctx),
    }
}

/// Writes `text` to `path`, or to standard output without one.
pub fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match path {
        Some(p) => crate::store::write_atomic(p, bytes)
            .map_err(|e| Failure::from(StoreError::io(p, Action::Write, e))),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&terminal_safe(bytes))?;
            out.flush()?;
            Ok(())
        }
    }
}

/// Output for standard output, which may be a terminal: any control character but line
/// breaks and tabs shown as an escape. Every text from a file is made inert where it is
/// written; this is the last guard. Bytes that are not text (a workbook) pass unchanged.
pub fn terminal_safe(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    use std::borrow::Cow;
    match std::str::from_utf8(bytes).map(visible_lines) {
        Ok(Cow::Owned(s)) => Cow::Owned(s.into_bytes()),
        _ => Cow::Borrowed(bytes),
    }
}

/// Prints a message or warning on standard error, with any control character it quotes from
/// a file shown as an escape.
pub fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{}", visible_lines(line));
}

/// The files named on the command line, folders searched for `*.toml` (skipping
/// `questionnaires` folders if asked); what was passed over (link loops, the same file twice,
/// pipes) is said on standard error. No file at all is an error saying where none was found.
pub fn files_given(
    paths: &[PathBuf],
    skip_questionnaires: bool,
    none_found: impl FnOnce(&str) -> String,
) -> Result<Vec<PathBuf>, Failure> {
    let files = files_found(paths, skip_questionnaires);
    if files.is_empty() {
        let places: Vec<String> = paths.iter().map(|p| shown_path(p)).collect();
        return Err(Failure::invalid(none_found(&places.join(", "))));
    }
    Ok(files)
}

/// Like [`files_given`], where finding none is not an error.
pub fn files_found(paths: &[PathBuf], skip_questionnaires: bool) -> Vec<PathBuf> {
    let found = collect_toml_files(paths, skip_questionnaires);
    for p in &found.passed_over {
        say(&p.to_string());
    }
    found.files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang_of(args: &[&str]) -> Option<Lang> {
        let args: Vec<OsString> = std::iter::once("dmat")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        lang_in_args(&args)
    }

    #[test]
    fn the_language_is_read_from_the_raw_arguments() {
        assert_eq!(lang_of(&["--lang", "zh", "--help"]), Some(Lang::Zh));
        assert_eq!(lang_of(&["export", "--help", "--lang=en"]), Some(Lang::En));
        assert_eq!(lang_of(&["--lang", "zh", "--lang", "en"]), Some(Lang::En));
        assert_eq!(lang_of(&["--lang", "fr", "--help"]), None);
        assert_eq!(lang_of(&["--lang"]), None);
        assert_eq!(lang_of(&["new", "--", "--lang", "zh"]), None);
        assert_eq!(lang_of(&["--help"]), None);
    }
}
