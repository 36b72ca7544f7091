//! `dmat validate`: check questionnaires and assessments, reporting every problem found.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Context, Outcome, QuestionnaireArg, say};
use crate::evaluation::evaluate;
use crate::i18n::{CliWords, Lang};
use crate::model::diagnostic::{KeyPath, Locator, Problem};
use crate::model::{Condition, Diagnostic, parse};
use crate::plain_text::{inert, shown_path, visible, visible_lines};
use crate::store::{self, LoadedQuestionnaire, StoreError};

/// A file's text, and whether it looks like an assessment (else a questionnaire).
type Text = (String, bool);

/// One file's verdict.
struct Checked {
    summary: Option<String>,
    diagnostics: Vec<Diagnostic>,
    other: Option<StoreError>,
}

pub fn run(ctx: &Context, paths: &[PathBuf], q: &QuestionnaireArg) -> Outcome {
    let w = CliWords::of(ctx.lang);
    let files = super::files_given(paths, false, |places| w.nothing_to_validate(places))?;
    let mut catalog = ctx.catalog(q)?;
    // Each file is read once, and told an assessment or a questionnaire once.
    let texts: Vec<(PathBuf, Result<Text, StoreError>)> = files
        .iter()
        .map(|p| {
            let text = store::read_text(p).map(|src| {
                let assessment = parse::looks_like_assessment(&src);
                (src, assessment)
            });
            (p.clone(), text)
        })
        .collect();
    // Questionnaires named on the command line come first, so assessments can refer to them.
    let mut verdicts = Vec::new();
    for (path, text) in &texts {
        let verdict = match text {
            Err(_) | Ok((_, true)) => None,
            Ok((src, false)) => Some(check_questionnaire(path, src, w)),
        };
        if let Some((checked, loaded)) = verdict {
            if let Some(loaded) = loaded {
                catalog.add_first(loaded);
            }
            verdicts.push((path.clone(), checked));
        }
    }
    for (path, text) in texts {
        match text {
            Err(e) => verdicts.push((
                path,
                Checked {
                    summary: None,
                    diagnostics: vec![],
                    other: Some(e),
                },
            )),
            Ok((src, true)) => {
                let checked = match store::open_assessment_text(&path, &src, &catalog) {
                    Ok(o) => {
                        let mut diagnostics = o.warnings.clone();
                        diagnostics.extend(checks_that_hold(&o, &src, ctx.lang));
                        let a = &o.assessment;
                        diagnostics.extend(store::check_links(&path, &src, a, ctx.lang));
                        diagnostics.sort_by_key(|d| (d.line, d.column));
                        Checked {
                            summary: Some(w.valid_assessment(&o.assessment.questionnaire.id)),
                            diagnostics,
                            other: None,
                        }
                    }
                    Err(StoreError::Invalid { diagnostics, .. }) => Checked {
                        summary: None,
                        diagnostics,
                        other: None,
                    },
                    Err(e) => Checked {
                        summary: None,
                        diagnostics: vec![],
                        other: Some(e),
                    },
                };
                verdicts.push((path, checked));
            }
            Ok(_) => {}
        }
    }
    report(&verdicts, w)
}

/// A warning for each consistency check of the questionnaire that holds for the assessment,
/// placed at the first answer or profile field it names that the file has; and one for each
/// due date outside the window of its action's horizon, at the date.
fn checks_that_hold(o: &store::Opened, src: &str, lang: Lang) -> Vec<Diagnostic> {
    let q = &o.questionnaire.questionnaire;
    let a = &o.assessment;
    let e = evaluate(q, a);
    let locator = Locator::new(src);
    let due = e.due_outside(q, a).into_iter().map(|d| {
        let at = KeyPath::root().key("plan").key(&d.id).key("due");
        let message = crate::plan::due::said(&d, lang);
        locator.place(&Problem::warning(at, message))
    });
    let checks = e.checks.iter().map(|&i| {
        let check = &q.check[i];
        let at = check
            .when
            .leaves()
            .into_iter()
            .find_map(|leaf| match leaf {
                Condition::Question { id, .. } if a.answers.contains_key(id) => {
                    Some(KeyPath::root().key("answers").key(id))
                }
                Condition::Profile { id, .. } if a.profile.contains_key(id) => {
                    Some(KeyPath::root().key("profile").key(id))
                }
                _ => None,
            })
            .unwrap_or_default();
        let message = format!(
            "check `{}`: {}",
            check.id,
            inert(q.text(&check.message, lang.code()))
        );
        locator.place(&Problem::warning(at, message).at_key())
    });
    checks.chain(due).collect()
}

fn check_questionnaire(
    path: &Path,
    src: &str,
    w: &CliWords,
) -> (Checked, Option<LoadedQuestionnaire>) {
    match LoadedQuestionnaire::parse(src, store::Source::File(path.to_path_buf())) {
        Ok(loaded) => {
            let q = &loaded.questionnaire;
            let summary =
                w.valid_questionnaire(&q.id, &q.version, q.dimension.len(), q.question_count());
            let checked = Checked {
                summary: Some(summary),
                diagnostics: loaded.warnings.clone(),
                other: None,
            };
            (checked, Some(loaded))
        }
        Err(StoreError::Invalid { diagnostics, .. }) => (
            Checked {
                summary: None,
                diagnostics,
                other: None,
            },
            None,
        ),
        Err(e) => (
            Checked {
                summary: None,
                diagnostics: vec![],
                other: Some(e),
            },
            None,
        ),
    }
}

fn report(verdicts: &[(PathBuf, Checked)], w: &CliWords) -> Outcome {
    let (mut errors, mut warnings) = (0, 0);
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for (path, c) in verdicts {
        let name = shown_path(path);
        for d in &c.diagnostics {
            // Each diagnostic shows what it quotes as escapes (see `Diagnostic::in_file`).
            let _ = writeln!(err, "{}", d.in_file(&name));
            if d.is_error() {
                errors += 1;
            } else {
                warnings += 1;
            }
        }
        if let Some(e) = &c.other {
            let _ = writeln!(err, "{}", visible_lines(&e.to_string()));
            errors += 1;
        }
        let failed = c.other.is_some() || c.diagnostics.iter().any(Diagnostic::is_error);
        if let (false, Some(s)) = (failed, &c.summary) {
            let _ = err.flush();
            println!("{}", visible(&format!("{name}: {s}")));
        }
    }
    let _ = err.flush();
    drop(err);
    if errors > 0 || warnings > 0 {
        say(&w.problem_count(errors, warnings, verdicts.len()));
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
