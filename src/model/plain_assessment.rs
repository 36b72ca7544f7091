//! Reading an assessment written in the plain shape dmat itself writes — `schema = 1`, then
//! tables of `key = value` lines holding strings, numbers, booleans, dates and arrays of them —
//! straight from the TOML parser's events into the model.
//!
//! A district's comparison reads hundreds of thousands of such files, and building the
//! general TOML document tree first costs more than everything else done with a file. This
//! reader takes only files it can read exactly as the careful path would, and gives up on
//! anything else (an unknown key, a repeated table, an inline table, a wrong type, any syntax
//! error): [`super::parse::assessment`] then reads the file the careful way and reports what
//! it finds at its line and column. So the reader never decides whether a file is valid, only
//! that it has nothing to say about one.

use std::borrow::Cow;
use std::collections::BTreeMap;

use toml::value::Datetime;
use toml_parser::decoder::ScalarKind;
use toml_parser::parser::{EventReceiver, ValidateWhitespace};
use toml_parser::{ErrorSink, ParseError, Source, Span};

use super::assessment::RawAnswer;
use super::{
    Answer, Assessment, Decision, Firm, Horizon, PlanEntry, Progress, ProgressStatus,
    QuestionnaireRef, Status, SupportOutcome, Visit,
};

/// The assessment in `src`, when it is written in the plain shape and holds nothing the
/// careful path would report; none otherwise.
pub fn read(src: &str) -> Option<Assessment> {
    let source = Source::new(src);
    let tokens = source.lex().into_vec();
    let mut reader = Reader::new(source);
    let mut failed = Failed(false);
    {
        let mut validated = ValidateWhitespace::new(&mut reader, source);
        toml_parser::parser::parse_document(&tokens, &mut validated, &mut failed);
    }
    if failed.0 {
        return None;
    }
    reader.finish()
}

/// Whether the parser reported any error.
struct Failed(bool);

impl ErrorSink for Failed {
    fn report_error(&mut self, _error: ParseError) {
        self.0 = true;
    }
}

/// One value as written.
#[derive(Debug)]
enum Scalar<'s> {
    String(Cow<'s, str>),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    Datetime(Datetime),
}

enum Value<'s> {
    One(Scalar<'s>),
    Many(Vec<Scalar<'s>>),
}

/// The table the lines that follow belong to.
#[derive(Clone, Copy, PartialEq)]
enum Table {
    Root,
    Questionnaire,
    Firm,
    Profile,
    Visit,
    /// `[answers]`, `[plan]`, `[progress]` themselves: nothing may be written in them.
    Answers,
    Plans,
    Progresses,
    /// `[answers.x]`, `[plan.x]`, `[progress.x]`: the one being read is `Reader::current`.
    Entry,
}

/// The answer, plan entry or progress record being read, until the next table starts.
enum Current {
    None,
    Answer(String, RawAnswer),
    Plan(String, PlanEntry),
    Progress(String, Progress),
}

#[derive(Default)]
struct Fields {
    schema: Option<u32>,
    id: Option<String>,
    version: Option<String>,
    digest: Option<String>,
    name: Option<String>,
    firm_id: Option<String>,
}

/// Builds the assessment as the events come; `failed` as soon as anything falls outside the
/// plain shape.
struct Reader<'s> {
    source: Source<'s>,
    failed: bool,
    table: Table,
    /// The keys of the table header being read, while inside `[ … ]` (dmat writes at most two).
    header: Option<Vec<Cow<'s, str>>>,
    /// The key of the line being read, until its value comes.
    key: Option<Cow<'s, str>>,
    keys_in_line: usize,
    /// The values of the array being read.
    array: Option<Vec<Scalar<'s>>>,
    /// The tables opened so far, to refuse one written twice.
    opened: Vec<Table>,
    current: Current,
    fields: Fields,
    profile: BTreeMap<String, toml::Value>,
    visit: Visit,
    visit_keys: Vec<&'static str>,
    /// In the order written, which is the order of their ids (as dmat writes them): the map
    /// is built from them at the end, without a search per answer.
    answers: Vec<(String, Answer)>,
    plan: BTreeMap<String, PlanEntry>,
    progress: BTreeMap<String, Progress>,
}

impl<'s> Reader<'s> {
    fn new(source: Source<'s>) -> Self {
        Reader {
            source,
            failed: false,
            table: Table::Root,
            header: None,
            key: None,
            keys_in_line: 0,
            array: None,
            opened: Vec::new(),
            current: Current::None,
            fields: Fields::default(),
            profile: BTreeMap::new(),
            visit: Visit::default(),
            visit_keys: Vec::new(),
            answers: Vec::new(),
            plan: BTreeMap::new(),
            progress: BTreeMap::new(),
        }
    }

    /// The assessment read, if every required key was there.
    fn finish(mut self) -> Option<Assessment> {
        self.put_current();
        if self.failed
            || !self.opened.contains(&Table::Questionnaire)
            || !self.opened.contains(&Table::Firm)
        {
            return None;
        }
        let f = self.fields;
        Some(Assessment {
            schema: f.schema?,
            questionnaire: QuestionnaireRef {
                id: f.id?,
                version: f.version?,
                digest: f.digest.unwrap_or_default(),
            },
            firm: Firm {
                name: f.name?,
                id: f.firm_id,
            },
            profile: self.profile,
            visit: self.visit,
            answers: self.answers.into_iter().collect(),
            plan: self.plan,
            progress: self.progress,
        })
    }

    fn fail(&mut self) {
        self.failed = true;
    }

    /// Files the entry just read in its map.
    fn put_current(&mut self) {
        match std::mem::replace(&mut self.current, Current::None) {
            Current::None => {}
            Current::Answer(id, raw) => match Answer::try_from(raw) {
                Ok(answer) => {
                    self.answers.push((id, answer));
                }
                Err(_) => self.fail(),
            },
            Current::Plan(id, entry) => {
                self.plan.insert(id, entry);
            }
            Current::Progress(id, p) => {
                self.progress.insert(id, p);
            }
        }
    }

    /// Opens the table named by a header's keys.
    fn open(&mut self, keys: Vec<Cow<'s, str>>) {
        self.put_current();
        let mut keys = keys.into_iter();
        let (Some(first), second, None) = (keys.next(), keys.next(), keys.next()) else {
            return self.fail();
        };
        let table = match (first.as_ref(), second) {
            ("questionnaire", None) => Table::Questionnaire,
            ("firm", None) => Table::Firm,
            ("profile", None) => Table::Profile,
            ("visit", None) => Table::Visit,
            // `[answers]` after `[answers.x]` is legal TOML, but not what dmat writes: the
            // careful path decides.
            ("answers", None) if self.answers.is_empty() => Table::Answers,
            ("plan", None) if self.plan.is_empty() => Table::Plans,
            ("progress", None) if self.progress.is_empty() => Table::Progresses,
            // Answers in another order (or one written twice) are not what dmat writes.
            ("answers", Some(id)) if self.answers.last().is_none_or(|(last, _)| **last < *id) => {
                self.current = Current::Answer(id.into_owned(), RawAnswer::default());
                Table::Entry
            }
            ("plan", Some(id)) if !self.plan.contains_key(id.as_ref()) => {
                self.current = Current::Plan(id.into_owned(), PlanEntry::default());
                Table::Entry
            }
            ("progress", Some(id)) if !self.progress.contains_key(id.as_ref()) => {
                self.current = Current::Progress(id.into_owned(), Progress::default());
                Table::Entry
            }
            _ => return self.fail(),
        };
        if table != Table::Entry {
            if self.opened.contains(&table) {
                return self.fail();
            }
            self.opened.push(table);
        }
        self.table = table;
    }

    /// Sets `key` of the current table to `value`.
    fn set(&mut self, key: &str, value: Value<'s>) {
        let done = match self.table {
            Table::Root => key == "schema" && put(&mut self.fields.schema, u32_of(value)),
            Table::Questionnaire => match key {
                "id" => put(&mut self.fields.id, string(value)),
                "version" => put(&mut self.fields.version, string(value)),
                "digest" => put(&mut self.fields.digest, string(value)),
                _ => false,
            },
            Table::Firm => match key {
                "name" => put(&mut self.fields.name, string(value)),
                "id" => put(&mut self.fields.firm_id, string(value)),
                _ => false,
            },
            Table::Profile => match toml_value(value) {
                Some(v) if !self.profile.contains_key(key) => {
                    self.profile.insert(key.to_string(), v);
                    true
                }
                _ => false,
            },
            Table::Visit => self.set_visit(key, value),
            Table::Answers | Table::Plans | Table::Progresses => false,
            Table::Entry => match &mut self.current {
                Current::Answer(_, a) => set_answer(a, key, value),
                Current::Plan(_, p) => set_plan(p, key, value),
                Current::Progress(_, p) => set_progress(p, key, value),
                Current::None => false,
            },
        };
        if !done {
            self.fail();
        }
    }

    fn set_visit(&mut self, key: &str, value: Value<'s>) -> bool {
        let Some(known) = [
            "date", "assessor", "status", "summary", "previous", "target", "demo",
        ]
        .into_iter()
        .find(|k| *k == key) else {
            return false;
        };
        if self.visit_keys.contains(&known) {
            return false;
        }
        self.visit_keys.push(known);
        let v = &mut self.visit;
        match known {
            "date" => put(&mut v.date, datetime(value)),
            "assessor" => put(&mut v.assessor, string(value)),
            "status" => match as_str(&value) {
                Some("in_progress") => {
                    v.status = Status::InProgress;
                    true
                }
                Some("complete") => {
                    v.status = Status::Complete;
                    true
                }
                _ => false,
            },
            "summary" => put(&mut v.summary, string(value)),
            "previous" => put(&mut v.previous, string(value)),
            "target" => put(&mut v.target, string(value)),
            _ => match value {
                Value::One(Scalar::Boolean(b)) => {
                    v.demo = b;
                    true
                }
                _ => false,
            },
        }
    }
}

/// Puts a value into a field not yet set.
fn put<T>(field: &mut Option<T>, value: Option<T>) -> bool {
    match (&field, value) {
        (None, Some(v)) => {
            *field = Some(v);
            true
        }
        _ => false,
    }
}

fn string(value: Value) -> Option<String> {
    match value {
        Value::One(Scalar::String(s)) => Some(s.into_owned()),
        _ => None,
    }
}

/// The string written, for a value that must be one of a few words.
fn as_str<'v>(value: &'v Value) -> Option<&'v str> {
    match value {
        Value::One(Scalar::String(s)) => Some(s),
        _ => None,
    }
}

fn strings(value: Value) -> Option<Vec<String>> {
    match value {
        Value::Many(items) => items
            .into_iter()
            .map(|s| match s {
                Scalar::String(s) => Some(s.into_owned()),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

fn u32_of(value: Value) -> Option<u32> {
    match value {
        Value::One(Scalar::Integer(i)) => u32::try_from(i).ok(),
        _ => None,
    }
}

/// A number as serde reads one into an `f64`: a float, or an integer made a float.
fn number(value: Value) -> Option<f64> {
    match value {
        Value::One(Scalar::Float(f)) => Some(f),
        Value::One(Scalar::Integer(i)) => Some(i as f64),
        _ => None,
    }
}

fn datetime(value: Value) -> Option<Datetime> {
    match value {
        Value::One(Scalar::Datetime(d)) => Some(d),
        _ => None,
    }
}

fn toml_value(value: Value) -> Option<toml::Value> {
    fn one(s: Scalar) -> toml::Value {
        match s {
            Scalar::String(s) => toml::Value::String(s.into_owned()),
            Scalar::Integer(i) => toml::Value::Integer(i),
            Scalar::Float(f) => toml::Value::Float(f),
            Scalar::Boolean(b) => toml::Value::Boolean(b),
            Scalar::Datetime(d) => toml::Value::Datetime(d),
        }
    }
    Some(match value {
        Value::One(s) => one(s),
        Value::Many(items) => toml::Value::Array(items.into_iter().map(one).collect()),
    })
}

fn set_answer(a: &mut RawAnswer, key: &str, value: Value) -> bool {
    match key {
        "choice" => put(&mut a.choice, string(value)),
        "choices" => put(&mut a.choices, strings(value)),
        "value" => put(&mut a.value, number(value)),
        "text" => put(&mut a.text, string(value)),
        "na" => match value {
            Value::One(Scalar::Boolean(b)) => put(&mut a.na, Some(b)),
            _ => false,
        },
        "note" => put(&mut a.note, string(value)),
        _ => false,
    }
}

fn set_plan(p: &mut PlanEntry, key: &str, value: Value) -> bool {
    match key {
        "title" => put(&mut p.title, string(value)),
        "decision" => put(
            &mut p.decision,
            match as_str(&value) {
                Some("agreed") => Some(Decision::Agreed),
                Some("declined") => Some(Decision::Declined),
                _ => None,
            },
        ),
        "horizon" => put(
            &mut p.horizon,
            match as_str(&value) {
                Some("short") => Some(Horizon::Short),
                Some("medium") => Some(Horizon::Medium),
                Some("long") => Some(Horizon::Long),
                _ => None,
            },
        ),
        "owner" => put(&mut p.owner, string(value)),
        "due" => put(&mut p.due, datetime(value)),
        "note" => put(&mut p.note, string(value)),
        _ => false,
    }
}

fn set_progress(p: &mut Progress, key: &str, value: Value) -> bool {
    match key {
        "status" => put(
            &mut p.status,
            match as_str(&value) {
                Some("not_started") => Some(ProgressStatus::NotStarted),
                Some("in_progress") => Some(ProgressStatus::InProgress),
                Some("done") => Some(ProgressStatus::Done),
                Some("dropped") => Some(ProgressStatus::Dropped),
                _ => None,
            },
        ),
        "support" => put(
            &mut p.support,
            match as_str(&value) {
                Some("none") => Some(SupportOutcome::None),
                Some("applied") => Some(SupportOutcome::Applied),
                Some("granted") => Some(SupportOutcome::Granted),
                Some("refused") => Some(SupportOutcome::Refused),
                _ => None,
            },
        ),
        "note" => put(&mut p.note, string(value)),
        _ => false,
    }
}

/// A scalar as the careful path reads it, or none where that path would refuse it or read it
/// otherwise.
fn scalar(kind: ScalarKind, text: Cow<'_, str>) -> Option<Scalar<'_>> {
    Some(match kind {
        ScalarKind::String => Scalar::String(text),
        ScalarKind::Boolean(b) => Scalar::Boolean(b),
        ScalarKind::DateTime => Scalar::Datetime(text.parse().ok()?),
        ScalarKind::Float => {
            let f: f64 = text.parse().ok()?;
            if f.is_infinite() && !text.contains("inf") {
                return None;
            }
            Scalar::Float(f)
        }
        ScalarKind::Integer(radix) => {
            Scalar::Integer(i64::from_str_radix(&text, radix.value()).ok()?)
        }
    })
}

impl<'s> EventReceiver for Reader<'s> {
    fn std_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.header = Some(Vec::new());
    }

    fn std_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        match self.header.take() {
            Some(keys) => self.open(keys),
            None => self.fail(),
        }
    }

    fn array_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.fail();
    }

    fn inline_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.fail();
        false
    }

    fn array_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) -> bool {
        if self.array.is_some() || self.key.is_none() {
            self.fail();
            return false;
        }
        self.array = Some(Vec::new());
        true
    }

    fn array_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        match (self.array.take(), self.key.take()) {
            (Some(items), Some(key)) => self.set(&key, Value::Many(items)),
            _ => self.fail(),
        }
    }

    fn simple_key(
        &mut self,
        span: Span,
        encoding: Option<toml_parser::decoder::Encoding>,
        _error: &mut dyn ErrorSink,
    ) {
        let Some(raw) = self.source.get(span) else {
            return self.fail();
        };
        let mut failed = Failed(false);
        let mut key: Cow<'s, str> = Cow::Borrowed("");
        toml_parser::Raw::new_unchecked(raw.as_str(), encoding, span)
            .decode_key(&mut key, &mut failed);
        if failed.0 {
            return self.fail();
        }
        match &mut self.header {
            Some(keys) => keys.push(key),
            None => {
                self.keys_in_line += 1;
                if self.keys_in_line > 1 {
                    return self.fail();
                }
                self.key = Some(key);
            }
        }
    }

    fn scalar(
        &mut self,
        span: Span,
        encoding: Option<toml_parser::decoder::Encoding>,
        _error: &mut dyn ErrorSink,
    ) {
        let Some(raw) = self.source.get(span) else {
            return self.fail();
        };
        let mut failed = Failed(false);
        let mut text: Cow<'s, str> = Cow::Borrowed("");
        let kind = toml_parser::Raw::new_unchecked(raw.as_str(), encoding, span)
            .decode_scalar(&mut text, &mut failed);
        let Some(value) = scalar(kind, text).filter(|_| !failed.0) else {
            return self.fail();
        };
        match (&mut self.array, self.key.take()) {
            (Some(items), key) => {
                items.push(value);
                self.key = key;
            }
            (None, Some(key)) => self.set(&key, Value::One(value)),
            (None, None) => self.fail(),
        }
    }

    fn newline(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        if self.array.is_none() {
            if self.key.is_some() {
                self.fail();
            }
            self.keys_in_line = 0;
        }
    }

    fn error(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.fail();
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::read;
    use crate::model::parse::assessment_carefully;

    /// Whether the two readers agree on `src`: where the plain reader takes a file, the careful
    /// path takes it too, without a word, and reads the same assessment.
    fn agree(src: &str) -> Result<(), String> {
        let Some(plain) = read(src) else {
            return Ok(());
        };
        match assessment_carefully(src) {
            Ok((careful, diags)) if diags.is_empty() => {
                let (p, c) = (format!("{plain:?}"), format!("{careful:?}"));
                if p == c {
                    Ok(())
                } else {
                    Err(format!("read differently:\n{p}\n{c}"))
                }
            }
            Ok((_, diags)) => Err(format!("the careful path says {diags:?}")),
            Err(diags) => Err(format!("the careful path refuses it: {diags:?}")),
        }
    }

    /// Every demo file, of both bundled questionnaires and of a district's folder.
    fn demo_texts() -> Vec<String> {
        let catalog = crate::store::Catalog::bundled();
        let full = catalog.resolve("smart-manufacturing").unwrap();
        let scan = catalog.resolve("quick-scan").unwrap();
        let mut files = crate::demo::cohort(&full.questionnaire, &full.digest, 60, 5);
        files.extend(crate::demo::folder((&*scan).into(), (&*full).into(), 40, 9));
        files
            .iter()
            .map(|f| f.assessment.to_toml().unwrap())
            .collect()
    }

    #[test]
    fn every_file_dmat_writes_is_read_plainly_and_as_the_careful_path_reads_it() {
        let texts = demo_texts();
        assert!(texts.len() > 100, "{}", texts.len());
        for src in &texts {
            assert!(read(src).is_some(), "not read plainly:\n{src}");
            agree(src).unwrap();
        }
    }

    #[test]
    fn the_project_s_own_files_are_read_alike_by_both() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut read_plainly = 0;
        for dir in ["tests/fixtures", "tests/hostile"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
                let Ok(src) = std::fs::read_to_string(entry.path()) else {
                    continue;
                };
                if entry.path().extension().is_some_and(|e| e == "toml") {
                    read_plainly += usize::from(read(&src).is_some());
                    agree(&src).unwrap_or_else(|e| panic!("{}: {e}", entry.path().display()));
                }
            }
        }
        assert!(read_plainly > 10, "{read_plainly}");
    }

    const PLAIN: &str = r#"schema = 1

[questionnaire]
id = "q"
version = "1.0.0"

[firm]
name = "某机械有限公司"

[visit]
date = 2026-11-27
status = "complete"

[answers.a]
choice = "x"
note = "纸质台账"

[answers.b]
choices = ["p", "q"]

[answers.c]
value = 3
"#;

    #[test]
    fn what_toml_allows_but_dmat_does_not_write_goes_the_careful_way() {
        assert!(read(PLAIN).is_some());
        let careful = [
            // an unknown key, at the top and in a table
            "extra = 1\n",
            "[visit.more]\nx = 1\n",
            "[answers.a]\nchoice = \"y\"\n",
            "[answers]\n",
            // answers out of the order dmat writes them in
            "[answers.0]\nchoice = \"x\"\n",
            "[answers.d]\nchoice = \"x\"\nchoice = \"y\"\n",
            "[answers.d]\nchoice = \"x\"\nvalue = 2\n",
            "[answers.d]\nvalue = nan\n",
            "[answers.d]\nvalue = \"3\"\n",
            "[answers.d]\nchoice = { a = 1 }\n",
            "[answers.d]\nchoices = [[\"x\"]]\n",
            "[plan.d]\ndecision = \"maybe\"\n",
            "[[answers.e]]\nchoice = \"x\"\n",
            "[profile]\nsize.big = 1\n",
            "[profile]\nn = 99999999999999999999\n",
            "[firm]\nname = \"again\"\n",
            "[visit]\ndemo = 1\n",
            "schema = 2\n",
        ];
        for tail in careful {
            let src = format!("{PLAIN}{tail}");
            assert!(read(&src).is_none(), "read plainly:\n{tail}");
        }
        // Without a required key.
        assert!(read(&PLAIN.replace("version = \"1.0.0\"\n", "")).is_none());
        // A root key after the first table is a key of that table.
        assert!(read(&PLAIN.replace("schema = 1\n", "")).is_none());
    }

    #[test]
    fn what_both_read_alike_is_read_plainly() {
        let alike = [
            "# a comment\n[answers.d] # here too\ntext = 'literal \\n'\n",
            "[answers.d]\ntext = \"\"\"\nline one\nline two\"\"\"\n",
            "[answers.\"quoted id\"]\nchoice = \"x\"\n",
            "[answers.d]\nchoices = [\n  \"x\",\n  \"y\",\n]\n",
            "[answers.d]\nvalue = 1_000.5\n",
            "[answers.d]\nvalue = -inf\n",
            "[answers.d]\nna = false\n",
            "[profile]\nfounded = 1996-09-08\nsize = 0x10\nlist = [1, \"a\", 2.5]\n",
            "[plan.x]\ndecision = \"agreed\"\nhorizon = \"long\"\ndue = 2027-06-30\n",
            "[progress.x]\nstatus = \"done\"\nsupport = \"granted\"\n",
        ];
        for tail in alike {
            let src = format!("{PLAIN}{tail}");
            agree(&src).unwrap();
            if !tail.contains("inf") {
                assert!(read(&src).is_some(), "not read plainly:\n{tail}");
            }
        }
        let crlf = PLAIN.replace('\n', "\r\n");
        assert!(read(&crlf).is_some());
        agree(&crlf).unwrap();
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Whatever is done to a file's text, the plain reader never takes one the careful
        /// path would refuse or read otherwise.
        #[test]
        fn an_edited_file_is_never_read_differently(
            edits in prop::collection::vec(
                (0usize..10_000, 0usize..4, prop::sample::select(vec![
                    "\n", "[", "]", "=", "\"", "'", ".", "#", " ", "x", "1", "[answers.a]\n",
                    "choice = \"z\"\n", "na = true\n", "[plan]\n", "\\", "{", "}", ",",
                    "1979-05-27", "\u{0}", "é", "[[", "inf",
                ])),
                1..6,
            )
        ) {
            let mut src = PLAIN.to_string();
            for (at, what, text) in edits {
                let mut at = at % (src.len() + 1);
                while !src.is_char_boundary(at) {
                    at -= 1;
                }
                match what {
                    // delete the character there
                    0 => {
                        if let Some(c) = src[at..].chars().next() {
                            src.replace_range(at..at + c.len_utf8(), "");
                        }
                    }
                    // repeat the line there
                    1 => {
                        let start = src[..at].rfind('\n').map_or(0, |i| i + 1);
                        let end = src[at..].find('\n').map_or(src.len(), |i| at + i + 1);
                        let line = src[start..end].to_string();
                        src.insert_str(end, &line);
                    }
                    _ => src.insert_str(at, text),
                }
            }
            prop_assert!(agree(&src).is_ok(), "{}\n{src}", agree(&src).unwrap_err());
        }
    }
}
