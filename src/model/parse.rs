//! Reading questionnaire and assessment text into the model, with every problem placed at a
//! line and column.

use serde::de::DeserializeOwned;
use toml::de::DeTable;

use super::diagnostic::{Diagnostic, KeyPath, Locator, Problem, Seg, Severity};
use super::validate;
use super::{Assessment, Questionnaire};
use crate::i18n::CheckWords;

/// A parsed file with the warnings it raised, or every error found.
pub type Parsed<T> = Result<(T, Vec<Diagnostic>), Vec<Diagnostic>>;

/// Every key the file formats know, for "did you mean" hints on unknown keys.
const KNOWN_KEYS: &[&str] = &[
    "schema",
    "id",
    "version",
    "languages",
    "title",
    "description",
    "scale",
    "min",
    "max",
    "unanswered",
    "stage",
    "from",
    "label",
    "profile",
    "kind",
    "help",
    "options",
    "required",
    "unit",
    "range",
    "dimension",
    "weight",
    "question",
    "text",
    "na",
    "when",
    "aggregate",
    "bands",
    "level",
    "points",
    "recommendation",
    "priority",
    "horizon",
    "action",
    "support",
    "any_of",
    "all_of",
    "below",
    "at_least",
    "answered",
    "overall",
    "all",
    "any",
    "not",
    "questionnaire",
    "digest",
    "firm",
    "name",
    "visit",
    "date",
    "assessor",
    "status",
    "summary",
    "answers",
    "choice",
    "choices",
    "value",
    "note",
    "min_completeness",
    "requires",
    "plan",
    "short",
    "medium",
    "long",
    "exclusive",
    "previsit",
    "effort",
    "cost",
    "after",
    "raises",
    "check",
    "message",
    "verdict",
    "previous",
    "target",
    "demo",
    "decision",
    "owner",
    "due",
    "progress",
];

/// Parses and validates a questionnaire.
pub fn questionnaire(src: &str) -> Parsed<Questionnaire> {
    let (mut q, mut problems) = deserialize::<Questionnaire>(src)?;
    problems.extend(validate::questionnaire(&q));
    let diags = place(src, &problems);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    q.build_index();
    Ok((q, diags))
}

/// Parses an assessment on its own, without checking it against its questionnaire.
pub fn assessment(src: &str) -> Parsed<Assessment> {
    // Files in the plain shape dmat writes are read straight from the parser's events; any
    // other is read the careful way, which says what is wrong and where.
    match super::plain_assessment::read(src) {
        Some(a) => Ok((a, Vec::new())),
        None => assessment_carefully(src),
    }
}

/// Parses an assessment through the general TOML document, reporting every problem found.
pub(super) fn assessment_carefully(src: &str) -> Parsed<Assessment> {
    let (a, problems) = deserialize::<Assessment>(src)?;
    let diags = place(src, &problems);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    Ok((a, diags))
}

/// Checks a parsed assessment against its questionnaire; `src` is the assessment's text, and
/// `lang` the language of the checks that speak it (see [`super::visit_checks`]).
pub fn check_assessment(
    src: &str,
    a: &Assessment,
    q: &Questionnaire,
    lang: crate::i18n::Lang,
) -> Vec<Diagnostic> {
    let mut problems = validate::assessment(a, q, lang);
    problems.extend(super::visit_checks::entry_problems(a, q, lang));
    place(src, &problems)
}

/// Whether a TOML text looks like an assessment rather than a questionnaire.
pub fn looks_like_assessment(src: &str) -> bool {
    let (root, _) = DeTable::parse_recoverable(src);
    let root = root.into_inner();
    let has = |k: &str| root.iter().any(|(key, _)| key.get_ref().as_ref() == k);
    has("answers") || has("firm") || (has("questionnaire") && !has("dimension"))
}

fn place(src: &str, problems: &[Problem]) -> Vec<Diagnostic> {
    if problems.is_empty() {
        return Vec::new();
    }
    let locator = Locator::new(src);
    let mut diags: Vec<Diagnostic> = problems.iter().map(|p| locator.place(p)).collect();
    diags.sort_by_key(|d| (d.line, d.column));
    diags
}

/// Deserialises `src`, collecting unknown keys as errors instead of stopping at the first.
fn deserialize<T: DeserializeOwned>(src: &str) -> Result<(T, Vec<Problem>), Vec<Diagnostic>> {
    let (root, syntax) = DeTable::parse_recoverable(src);
    if !syntax.is_empty() {
        let locator = Locator::new(src);
        let mut diags: Vec<Diagnostic> = syntax
            .iter()
            .map(|e| {
                let span = e.span().unwrap_or(0..0);
                let message = match e.message().trim().trim_end_matches('.') {
                    "duplicate key" => {
                        CheckWords::chosen().duplicate_key(key_at(src, span.clone()))
                    }
                    m => plain(m),
                };
                locator.at_span(Severity::Error, span, &message)
            })
            .collect();
        // After a mistake the parser recovers, but the rest of that line is noise.
        diags.dedup_by_key(|d| d.line);
        return Err(diags);
    }
    let mut unknown = Vec::new();
    let de = toml::de::Deserializer::from(root);
    let result = serde_ignored::deserialize(de, |path| unknown.push(unknown_key(&path)));
    match result {
        Ok(value) => Ok((value, unknown)),
        Err(e) => {
            let locator = Locator::new(src);
            let mut diags: Vec<Diagnostic> = unknown.iter().map(|p| locator.place(p)).collect();
            diags.push(locator.at_span(
                Severity::Error,
                e.span().unwrap_or(0..0),
                &plain(e.message()),
            ));
            diags.sort_by_key(|d| (d.line, d.column));
            Err(diags)
        }
    }
}

/// The key written at a span of the source, as written (quotes and all).
fn key_at(src: &str, span: std::ops::Range<usize>) -> &str {
    let start = span.start.min(src.len());
    let rest = src.get(start..).unwrap_or_default();
    let end = match src.get(span) {
        Some(key) if !key.is_empty() && !key.contains('\n') => key.len(),
        _ => rest
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | ']' | '.'))
            .unwrap_or(rest.len()),
    };
    rest[..end].trim()
}

/// A serde or parser message made into a sentence for people.
fn plain(message: &str) -> String {
    let w = CheckWords::chosen();
    let m = message.trim().trim_end_matches('.');
    let m = m.replace("invalid type: ", w.wrong_type);
    let m = m.replace("unknown variant", w.unknown_value);
    m.replace("TOML parse error", w.not_valid_toml)
}

fn unknown_key(path: &serde_ignored::Path) -> Problem {
    let segs = segments(path);
    let key = match segs.last() {
        Some(Seg::Key(k)) => k.clone(),
        _ => path.to_string(),
    };
    let parent = KeyPath(segs[..segs.len().saturating_sub(1)].to_vec());
    let w = CheckWords::chosen();
    let place = if parent.0.is_empty() {
        w.top_level.to_string()
    } else {
        w.in_table(&parent.to_string())
    };
    let hint = KNOWN_KEYS
        .iter()
        .map(|k| (strsim::levenshtein(k, &key), k))
        .filter(|(d, k)| *d > 0 && *d <= 2 && *d < k.len())
        .min()
        .map(|(_, k)| w.did_you_mean(k))
        .unwrap_or_default();
    Problem::error(KeyPath(segs), w.unknown_key(&key, &place, &hint)).at_key()
}

fn segments(path: &serde_ignored::Path) -> Vec<Seg> {
    use serde_ignored::Path as P;
    match path {
        P::Root => Vec::new(),
        P::Seq { parent, index } => {
            let mut v = segments(parent);
            v.push(Seg::Index(*index));
            v
        }
        P::Map { parent, key } => {
            let mut v = segments(parent);
            v.push(Seg::Key(key.clone()));
            v
        }
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            segments(parent)
        }
    }
}
