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

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::plain_text::{shown_path, visible_lines};
use crate::store::{
    Action, Catalog, LoadedQuestionnaire, StoreError, Workspace, collect_toml_files,
};

const EXAMPLES: &str = "\
Examples:
  dmat                                   open the home screen of the workspace
  dmat new --firm \"淄博某风机有限公司\"      start an interview on the bundled questionnaire
  dmat open assessments/firm.toml        resume an interview
  dmat validate questionnaires/my.toml   check a questionnaire (or assessments)
  dmat score visits/ --format json       scores of every assessment in a folder
  dmat score firm.toml --explain         how every number came about
  dmat report firm.toml --format html -o sheet.html
  dmat form --format html -o form.html   the pre-visit form the firm fills in
  dmat export visits/ --bom -o scorecards.csv
  dmat compare visits/ --format table
  dmat revisit assessments/firm.toml     a follow-up visit of the same firm
  dmat demo --firms 200 --seed 7 -o demo/

Exit status: 0 success, 1 invalid input (the message names the file and place), 2 usage.
Workspace: --workspace DIR, else $DMAT_WORKSPACE, else the user's data folder.";

const DEMO_HELP: &str = "\
By default a district's folder: a quick scan (quick-scan) of every firm, the full visit
(smart-manufacturing) of the firms the scan's verdict sends on and of some it says to nurture,
a follow-up of about half the full visits and a second scan of some firms it says to nurture,
with the firm's decisions on its plan and how they went. Firms have valid unified social credit codes, and every file is marked
`demo = true`: the home screen shows it as a demo, and `dmat demo --remove -o DIR` deletes
those files and nothing else. dmat demo never replaces a file it did not write.

Examples:
  dmat demo --firms 200 --seed 7 -o demo/
  dmat demo --questionnaire quick-scan --firms 50 -o scans/
  dmat demo --remove -o demo/";

/// dmat: assess a manufacturing firm's digital maturity on site, from Industry 2.0 to 4.0, and
/// write its one-firm-one-policy recommendation sheet (一企一策).
#[derive(Debug, Parser)]
#[command(name = "dmat", version, about, after_long_help = EXAMPLES, after_help = "Run `dmat --help` for examples.")]
pub struct Cli {
    /// The workspace folder (assessments/, questionnaires/, reports/)
    #[arg(long, global = true, env = "DMAT_WORKSPACE", value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    /// Language of dmat's own words [default: from LANG]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start an interview
    New {
        /// A bundled or workspace questionnaire id, or a questionnaire file
        #[arg(long, value_name = "ID|PATH")]
        questionnaire: Option<String>,
        /// The firm's name
        #[arg(long)]
        firm: Option<String>,
    },
    /// Resume or edit an interview
    Open {
        file: PathBuf,
        #[command(flatten)]
        q: QuestionnaireArg,
    },
    /// Check questionnaires and assessments; exit 1 on any error
    Validate {
        /// Questionnaire or assessment files, or folders of them
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        q: QuestionnaireArg,
    },
    /// Print the scores of assessments
    Score {
        /// Assessment files, or folders of them
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ScoreFormat::Text)]
        format: ScoreFormat,
        /// Show how every number came about
        #[arg(long)]
        explain: bool,
        #[command(flatten)]
        q: QuestionnaireArg,
    },
    /// Write the one-firm-one-policy recommendation sheet
    Report {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Output file [default: standard output]
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        #[command(flatten)]
        sheet: report::SheetArgs,
        #[command(flatten)]
        q: QuestionnaireArg,
    },
    /// Print the pre-visit form the firm fills in before the visit
    Form {
        /// A bundled or workspace questionnaire id, or a questionnaire file [default:
        /// smart-manufacturing]
        #[arg(long, value_name = "ID|PATH")]
        questionnaire: Option<String>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Output file [default: standard output]
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Export scorecards to CSV or Excel
    #[command(after_long_help = export::HELP)]
    Export {
        /// Assessment files, or folders searched recursively
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        opts: ExportArgs,
        #[command(flatten)]
        q: QuestionnaireArg,
    },
    /// Compare firms side by side
    #[command(after_long_help = compare::HELP)]
    Compare {
        /// Assessment files, or folders searched recursively
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        opts: CompareArgs,
        #[command(flatten)]
        q: QuestionnaireArg,
    },
    /// Start a follow-up visit of the same firm: a new assessment beside the earlier one
    #[command(after_long_help = revisit::HELP)]
    Revisit {
        /// The earlier visit's assessment file (never modified)
        file: PathBuf,
        /// The new visit's questionnaire: a bundled or workspace id, or a file [default: the
        /// earlier visit's, at its latest version]
        #[arg(long, value_name = "ID|PATH")]
        questionnaire: Option<String>,
        /// The new file, in the earlier visit's folder [default: <firm>-<date>.toml there]
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Write a synthetic cohort of assessments to try things on (or remove it)
    #[command(after_long_help = DEMO_HELP)]
    Demo {
        /// How many firms (with a questionnaire: how many assessment files)
        #[arg(long, default_value_t = 30)]
        firms: usize,
        /// The same seed gives the same files, byte for byte
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The folder to write into
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// Visits of this one questionnaire instead of the district's folder of quick scans,
        /// full visits and follow-ups
        #[arg(long, value_name = "ID|PATH")]
        questionnaire: Option<String>,
        /// Remove the demo files from the folder instead (only assessments marked demo)
        #[arg(long, conflicts_with_all = ["firms", "seed", "questionnaire"])]
        remove: bool,
    },
    /// List the bundled and workspace questionnaires
    Questionnaires,
}

/// `--questionnaire PATH`: score against this file whatever the assessments record.
#[derive(Debug, Clone, Args)]
pub struct QuestionnaireArg {
    /// Use this questionnaire file instead of the one the assessment names
    #[arg(long = "questionnaire", value_name = "PATH")]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// Output file [default: standard output]
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// One row per answered question instead of one per assessment
    #[arg(long)]
    pub long: bool,
    /// One row per action of each visit's plan, with the firm's decision and how it went
    #[arg(long, conflicts_with = "long")]
    pub plan: bool,
    /// Start with a UTF-8 byte-order mark, so Excel and WPS read Chinese correctly
    #[arg(long)]
    pub bom: bool,
    /// In the long export, option texts in the chosen language instead of option ids
    #[arg(long)]
    pub labels: bool,
    /// Field delimiter, e.g. ';' where Excel expects it
    #[arg(long, default_value_t = ',')]
    pub delimiter: char,
    /// csv, or an Excel workbook (xlsx, written to the file given with -o)
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Fail when any file cannot be exported instead of skipping it
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Args)]
pub struct CompareArgs {
    /// tui (the interactive screen) when standard output is a terminal and no -o is given,
    /// table otherwise
    #[arg(long, value_enum)]
    pub format: Option<CompareFormat>,
    /// Sort by a column: firm, date, overall, stage, bottleneck, a dimension id, percentile,
    /// visits, completeness, status, file
    #[arg(long, value_name = "COLUMN", default_value = "overall")]
    pub sort: String,
    /// Sort ascending [default for firm, date, questionnaire, status, file]
    #[arg(long, conflicts_with = "desc")]
    pub asc: bool,
    /// Sort descending [default for scores, stage, bottleneck, percentile, visits]
    #[arg(long)]
    pub desc: bool,
    /// Only firms where FIELD=VALUE[,VALUE…], FIELD<NUMBER or FIELD>=NUMBER; FIELD is a
    /// profile field or a column; repeat to combine
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
    /// What to show, comma-separated [default: firms,progress,cohort; csv: firms, and only one]
    #[arg(long, value_enum, value_delimiter = ',')]
    pub section: Vec<SectionArg>,
    /// Output file [default: standard output]
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// `--section`: the parts of a comparison to show (see [`crate::compare::Section`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SectionArg {
    /// One row per firm, with the cohort rows (mean, quartiles) beneath.
    Firms,
    /// The full summary of every score column: firms, mean, min, quartiles, max.
    Stats,
    /// Re-visited firms, visit by visit, with the change since the previous visit.
    Progress,
    /// Firms by stage and by verdict, frequent bottlenecks, planned actions and support by
    /// number of firms.
    Cohort,
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
    let cli = Cli::parse();
    let ctx = Context {
        workspace: Workspace::resolve(cli.workspace.as_deref()),
        lang: cli.lang.map_or_else(Lang::from_env, Lang::from),
    };
    crate::i18n::choose(ctx.lang);
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
