//! The scores of one assessment as `dmat score` prints them: a readable report in the chosen
//! language (optionally explained number by number) or one JSON line. Pure text from the
//! evaluation; the command line only reads the files and writes what this returns.

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::{Evaluation, explain};
use crate::advise::reason_sentences;
use crate::i18n::{CliWords, Lang, PlanReasons, PlanWords};
use crate::model::{Horizon, QuestionKind, Questionnaire, Response};
use crate::plain_text::{inert, pad, pad_left, shown_path};
use crate::score::{QuestionState, RULES_VERSION, Score, Scorecard, round2};
use crate::store::Opened;

/// A score as JSON: rounded as printed (rule 7), or null.
fn num(x: Option<f64>) -> Value {
    Score::from(x).value().map_or(Value::Null, |v| json!(v))
}

/// The JSON object of DESIGN.md for one assessment, on one line.
pub fn json_line(o: &Opened, e: &Evaluation) -> Value {
    let q = &o.questionnaire.questionnaire;
    let a = &o.assessment;
    let card = &e.card;
    let stage_id = |i: Option<usize>| i.map(|i| q.scale.stage[i].id.clone());
    let projected: Map<String, Value> = e
        .projected
        .iter()
        .map(|p| {
            let v = json!({"overall": num(p.overall()), "stage": stage_id(p.stage())});
            (p.horizon.id().to_string(), v)
        })
        .collect();
    let dimensions: Map<String, Value> = q
        .dimension
        .iter()
        .zip(&card.dimensions)
        .map(|(d, s)| (d.id.clone(), num(s.score)))
        .collect();
    json!({
        "file": o.path.display().to_string(),
        "firm": a.firm.name,
        "questionnaire": q.id,
        "version": q.version,
        "rules": RULES_VERSION,
        "status": a.visit.status.id(),
        "completeness": round2(card.completeness()),
        "overall": num(card.overall),
        "stage": stage_id(card.stage),
        "provisional": card.provisional,
        "held_by": card.held_by.iter().map(|&d| q.dimension[d].id.clone()).collect::<Vec<_>>(),
        "bottleneck": card.bottleneck.map(|i| q.dimension[i].id.clone()),
        "dimensions": dimensions,
        "recommendations": e.applicable.iter().map(|x| q.recommendation[x.recommendation].id.clone()).collect::<Vec<_>>(),
        "verdict": e.verdict(q).map(|v| v.id.clone()),
        "plan": {
            "short": e.ids(q, e.horizon(Horizon::Short)),
            "medium": e.ids(q, e.horizon(Horizon::Medium)),
            "long": e.ids(q, e.horizon(Horizon::Long)),
            "later": e.ids(q, &e.plan.later),
        },
        "projected": projected,
    })
}

fn fmt_score(x: Option<f64>) -> String {
    Score::from(x).to_string()
}

/// The readable report of one assessment's scores.
pub fn text_report(o: &Opened, e: &Evaluation, explain: bool, lang: Lang) -> String {
    let w = CliWords::of(lang);
    let card = &e.card;
    let q = &o.questionnaire.questionnaire;
    let a = &o.assessment;
    let l = lang.code();
    let mut s = String::new();
    let _ = writeln!(s, "{}  ({})", inert(&a.firm.name), shown_path(&o.path));
    let _ = writeln!(
        s,
        "{}: {} · {} {} · {} {}",
        w.questionnaire,
        q.text(&q.title, l),
        q.id,
        q.version,
        w.scoring_rules,
        RULES_VERSION
    );
    let status = match a.visit.status {
        crate::model::Status::Complete => w.complete,
        crate::model::Status::InProgress => w.in_progress,
    };
    let mut visit = vec![a.date_string().unwrap_or_else(|| "–".into())];
    visit.extend(a.visit.assessor.as_deref().map(inert));
    visit.push(status.to_string());
    let _ = writeln!(
        s,
        "{}: {} · {}: {:.0}% ({}/{})",
        w.visit,
        visit.join(" · "),
        w.completeness,
        card.completeness() * 100.0,
        card.answered,
        card.visible
    );
    let stage = card.stage.map(|i| &q.scale.stage[i]);
    let provisional = if card.provisional {
        format!(" ({})", PlanWords::of(lang).provisional)
    } else {
        String::new()
    };
    let _ = writeln!(
        s,
        "{}: {}{provisional} · {}: {} · {}: {}",
        w.overall,
        fmt_score(card.overall),
        w.stage,
        stage.map_or("–".into(), |st| format!(
            "{} {}",
            st.id,
            q.text(&st.label, l)
        )),
        w.bottleneck,
        card.bottleneck.map_or("–".into(), |i| q
            .text(&q.dimension[i].title, l)
            .to_string())
    );
    s.push_str(&standing(o, e, lang));
    s.push('\n');
    let name_w = q
        .dimension
        .iter()
        .map(|d| crate::plain_text::width(q.text(&d.title, l)))
        .max()
        .unwrap_or(10)
        .clamp(10, 36);
    let _ = writeln!(
        s,
        "  {} {} {} {}  {}",
        pad(w.dimension, name_w),
        pad_left(w.weight, 6),
        pad_left(w.score, 6),
        pad(w.stage, 6),
        w.answered
    );
    for (d, ds) in q.dimension.iter().zip(&card.dimensions) {
        let _ = writeln!(
            s,
            "  {} {} {} {}  {}/{}",
            pad(q.text(&d.title, l), name_w),
            pad_left(&format!("{:.2}", d.weight), 6),
            pad_left(&fmt_score(ds.score), 6),
            pad(
                &ds.stage.map_or("–".into(), |i| q.scale.stage[i].id.clone()),
                6
            ),
            ds.answered,
            ds.visible
        );
    }
    s.push('\n');
    s.push_str(&plan_text(q, e, explain, lang));
    if explain {
        s.push('\n');
        s.push_str(&explanation(o, card, lang));
    }
    s
}

/// The lines under the scores: the gate that holds the firm, why it is provisional, the
/// verdict and the projection.
fn standing(o: &Opened, e: &Evaluation, lang: Lang) -> String {
    let q = &o.questionnaire.questionnaire;
    let pw = PlanWords::of(lang);
    let l = lang.code();
    let mut s = String::new();
    for line in [explain::gate(q, e, lang), explain::provisional(q, e, lang)]
        .into_iter()
        .flatten()
    {
        let _ = writeln!(s, "{line}");
    }
    if let Some(v) = e.verdict(q) {
        let _ = writeln!(s, "{}: {}", pw.verdict, q.text(&v.title, l));
    }
    let (scores, stages) = explain::projection_path(q, e, lang);
    let _ = writeln!(s, "{}: {scores} · {} {stages}", pw.projected, pw.stage_word);
    s
}

/// The plan by horizon, then the later ones; with `explain`, why each applies.
fn plan_text(q: &Questionnaire, e: &Evaluation, explain: bool, lang: Lang) -> String {
    let w = CliWords::of(lang);
    let pw = PlanWords::of(lang);
    let l = lang.code();
    let mut s = String::new();
    let _ = writeln!(s, "{} ({})", pw.plan, e.applicable.len());
    let groups = [
        (pw.horizon_short, e.horizon(Horizon::Short)),
        (pw.horizon_medium, e.horizon(Horizon::Medium)),
        (pw.horizon_long, e.horizon(Horizon::Long)),
        (pw.later, e.plan.later.as_slice()),
    ];
    let mut n = 0;
    for (title, actions) in groups {
        let _ = writeln!(s, "  {title}");
        if actions.is_empty() {
            let _ = writeln!(s, "        {}", pw.nothing_planned);
        }
        for &i in actions {
            n += 1;
            let r = e.recommendation(q, i);
            let _ = writeln!(
                s,
                "    {n:>2}. [{}] {} — {}",
                priority_word(w, r.priority),
                r.id,
                inert(q.text(&r.title, l))
            );
            if explain {
                for reason in reason_sentences(q, &e.reasons(q, i), lang) {
                    let _ = writeln!(s, "          {} {}", w.because, inert(&reason));
                }
                let why = explain::placement(q, e, i, lang);
                let _ = writeln!(s, "          → {}", inert(&why));
            }
        }
    }
    if explain {
        let _ = writeln!(s, "\n{}", PlanReasons::of(lang).projection_title);
        for h in Horizon::ALL {
            for (k, line) in explain::projection(q, e, h, lang).iter().enumerate() {
                let indent = if k == 0 { "  " } else { "      " };
                let _ = writeln!(s, "{indent}{}", inert(line));
            }
        }
    }
    s
}

fn priority_word(w: &CliWords, p: crate::model::Priority) -> &'static str {
    match p {
        crate::model::Priority::High => w.high,
        crate::model::Priority::Medium => w.medium,
        crate::model::Priority::Low => w.low,
    }
}

/// How every number came about: per dimension the answers that counted with their levels and
/// weights, and those left out; then the overall mean.
fn explanation(o: &Opened, card: &Scorecard, lang: Lang) -> String {
    let w = CliWords::of(lang);
    let q = &o.questionnaire.questionnaire;
    let l = lang.code();
    let mut s = String::new();
    let _ = writeln!(s, "{}", w.how_computed);
    for (d, (dim, ds)) in q.dimension.iter().zip(&card.dimensions).enumerate() {
        let _ = writeln!(
            s,
            "\n  {} [{}] · {} {:.2}",
            q.text(&dim.title, l),
            dim.id,
            w.weight,
            dim.weight
        );
        let counted: Vec<(f64, f64)> = q
            .questions()
            .filter(|r| r.dimension == d)
            .filter_map(|r| {
                card.questions[r.index]
                    .score
                    .map(|x| (r.question.weight, x))
            })
            .collect();
        let _ = writeln!(
            s,
            "    {} = {}",
            w.score,
            mean_formula(&counted, ds.score, w)
        );
        for r in q.questions().filter(|r| r.dimension == d) {
            let qs = &card.questions[r.index];
            let id = pad(&r.question.id, 22);
            let line = match (qs.score, qs.state) {
                (Some(x), _) if qs.is_defaulted() => {
                    format!(
                        "+ {id} {} × {:.2}  {}",
                        Score::from(x),
                        r.question.weight,
                        w.unanswered_at_min
                    )
                }
                (Some(x), _) => format!(
                    "+ {id} {} × {:.2}  {}",
                    Score::from(x),
                    r.question.weight,
                    answer_text(q, &r.question.id, o.assessment.response(&r.question.id), l)
                ),
                (None, QuestionState::Hidden) => format!("- {id} {}", w.left_out_hidden),
                (None, QuestionState::NotApplicable) => format!("- {id} {}", w.left_out_na),
                (None, QuestionState::Unanswered) if qs.scorable => {
                    format!("- {id} {}", w.left_out_unanswered)
                }
                (None, QuestionState::Unfit) => format!("- {id} {}", w.left_out_unfit),
                (None, _) => format!("· {id} {}", w.not_scored),
            };
            let _ = writeln!(s, "    {line}");
        }
    }
    let counted: Vec<(f64, f64)> = q
        .dimension
        .iter()
        .zip(&card.dimensions)
        .filter_map(|(d, ds)| ds.score.map(|x| (d.weight, x)))
        .collect();
    let _ = writeln!(
        s,
        "\n  {} = {}",
        w.overall,
        mean_formula(&counted, card.overall, w)
    );
    s
}

/// "(w1×s1 + w2×s2) / Σw = result", or why there is no result.
fn mean_formula(items: &[(f64, f64)], result: Option<f64>, w: &CliWords) -> String {
    let Some(r) = result else {
        return w.no_score.to_string();
    };
    let terms: Vec<String> = items
        .iter()
        .map(|(wt, x)| format!("{wt:.2}×{}", Score::from(*x)))
        .collect();
    let total: f64 = items.iter().map(|(wt, _)| wt).sum();
    format!(
        "({}) / {:.2} = {}",
        terms.join(" + "),
        total,
        Score::from(r)
    )
}

fn answer_text(q: &Questionnaire, id: &str, r: Option<&Response>, lang: &str) -> String {
    let Some(question) = q.question(id) else {
        return String::new();
    };
    match r {
        Some(Response::Choice(_) | Response::Choices(_)) => {
            let names: Vec<&str> = r
                .map(|r| r.chosen())
                .unwrap_or_default()
                .iter()
                .filter_map(|c| question.option(c).map(|o| q.text(&o.text, lang)))
                .collect();
            inert(&names.join("; "))
        }
        Some(Response::Value(v)) => {
            let unit = question
                .unit
                .as_ref()
                .map(|u| q.text(u, lang))
                .unwrap_or("");
            let shown = if question.kind == QuestionKind::Number {
                format!("{v} {unit}")
            } else {
                v.to_string()
            };
            inert(shown.trim())
        }
        _ => String::new(),
    }
}
