//! The evaluation in words for the firm's owner: what holds the firm below the next stage,
//! why a result is provisional, the projection as a path of scores, why each action sits in
//! its term, and which answers each term's projection changed.

use super::Evaluation;
use crate::i18n::{Lang, PlanReasons, PlanWords};
use crate::model::{Horizon, Question, Questionnaire, Response};
use crate::plan::{Deferred, Projection};
use crate::score::Score;

/// A score as scores are printed: two decimals, rounded half away from zero.
pub fn two(x: f64) -> String {
    Score::from(x).to_string()
}

/// "Not yet Industry 3.0: Systems scored 2.25; Industry 3.0 needs 2.75." — none when the firm
/// is not held.
pub fn gate(q: &Questionnaire, e: &Evaluation, lang: Lang) -> Option<String> {
    let w = PlanWords::of(lang);
    let l = lang.code();
    let stage = &q.scale.stage[e.card.held_at?];
    let name = q.stage_name(stage, l);
    let failed: Vec<String> = e
        .card
        .held_by
        .iter()
        .map(|&d| {
            let dim = &q.dimension[d];
            let need = stage.requires.get(&dim.id).copied().unwrap_or_default();
            let title = q.text(&dim.title, l);
            match e.card.dimensions[d].score {
                Some(s) => w.gate_failed(title, &two(s), name, &two(need)),
                None => w.gate_no_score(title, name, &two(need)),
            }
        })
        .collect();
    Some(w.held(name, &failed.join(w.list_sep)))
}

/// Why the result is provisional, with the completeness it has and the one it needs; none
/// when it is not.
pub fn provisional(q: &Questionnaire, e: &Evaluation, lang: Lang) -> Option<String> {
    if !e.card.provisional {
        return None;
    }
    let percent = |x: f64| format!("{:.0}%", (x * 100.0).floor());
    Some(PlanWords::of(lang).provisional_note(
        &percent(e.card.completeness()),
        &percent(q.scale.min_completeness),
    ))
}

/// Rule 10's projection as a path: "2.16 → 2.34 → 2.66 → 2.84", today first, then after
/// short, medium and long; and the stages the same way ("2.0 → 2.5"), each stage once.
pub fn projection_path(q: &Questionnaire, e: &Evaluation, lang: Lang) -> (String, String) {
    path(q, e, &e.projected, lang)
}

/// The projection a person is shown ([`Evaluation::decided_projected`]) as a path, as
/// [`projection_path`] writes it, with its label: "with the agreed plan" once the firm
/// decided anything, else "if every recommended action is carried out".
pub fn decided_path(
    q: &Questionnaire,
    e: &Evaluation,
    lang: Lang,
) -> (String, String, &'static str) {
    let w = PlanWords::of(lang);
    let (scores, stages) = path(q, e, e.decided_projected(), lang);
    let label = if e.is_decided() {
        w.with_agreed_plan
    } else {
        w.if_all_carried_out
    };
    (scores, stages, label)
}

fn path(
    q: &Questionnaire,
    e: &Evaluation,
    projected: &[Projection; 3],
    lang: Lang,
) -> (String, String) {
    let w = PlanWords::of(lang);
    let score = |x: Option<f64>| x.map_or_else(|| w.no_stage.to_string(), two);
    let mut scores = vec![score(e.card.overall)];
    scores.extend(projected.iter().map(|p| score(p.overall())));
    let stage = |i: Option<usize>| i.map_or(w.no_stage, |i| q.scale.stage[i].id.as_str());
    let mut stages = vec![stage(e.card.stage)];
    for p in projected {
        let s = stage(p.stage());
        if stages.last() != Some(&s) {
            stages.push(s);
        }
    }
    (scores.join(" → "), stages.join(" → "))
}

fn term(h: Horizon, w: &PlanReasons) -> &'static str {
    w.term(h)
}

/// Why the applicable recommendation at `i` sits where the plan put it: in its own term;
/// moved on because more urgent actions filled a term; after another action; or later.
pub fn placement(q: &Questionnaire, e: &Evaluation, i: usize, lang: Lang) -> String {
    let w = PlanReasons::of(lang);
    let p = e.placement(i);
    let own = e.recommendation(q, i).horizon;
    if p.deferrals.is_empty() {
        return w.own(term(p.horizon.unwrap_or(own), w));
    }
    let mut clauses: Vec<String> = Vec::new();
    let mut filled: Vec<String> = Vec::new();
    let flush = |filled: &mut Vec<String>, clauses: &mut Vec<String>| {
        if !filled.is_empty() {
            clauses.push(w.filled(&filled.join(w.list_sep)));
            filled.clear();
        }
    };
    for d in &p.deferrals {
        match &d.why {
            Deferred::Full { cap } => {
                let t = term(d.horizon, w);
                filled.push(match cap {
                    0 => w.term_none(t),
                    1 => w.term_cap_one(t),
                    &n => w.term_cap(t, n),
                });
            }
            Deferred::After(others) => {
                flush(&mut filled, &mut clauses);
                for &j in others {
                    let title = q.text(&e.recommendation(q, j).title, lang.code());
                    let clause = match e.placement(j).horizon {
                        Some(h) => w.after_planned(title, term(h, w)),
                        None => w.after_later(title),
                    };
                    if !clauses.contains(&clause) {
                        clauses.push(clause);
                    }
                }
            }
        }
    }
    flush(&mut filled, &mut clauses);
    let end = match p.horizon {
        Some(h) => w.so_planned(term(h, w)),
        None => w.so_later.to_string(),
    };
    capitalised(&format!("{}{end}", clauses.join(w.sep)))
}

/// The sentence with its first letter in capitals (English clauses start in lower case).
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What each horizon's projection comes to and which answers it changed: a heading line
/// ("Once the short term is done: overall 2.34, stage 2.0") and one line per change
/// ("“How is production managed?”: Paper → ERP (Introduce an ERP)").
pub fn projection(q: &Questionnaire, e: &Evaluation, h: Horizon, lang: Lang) -> Vec<String> {
    let w = PlanReasons::of(lang);
    let pw = PlanWords::of(lang);
    let l = lang.code();
    let p = e.projection(h);
    let overall = p.overall().map_or_else(|| pw.no_stage.to_string(), two);
    let stage = p
        .stage()
        .map_or(pw.no_stage, |i| q.scale.stage[i].id.as_str());
    let mut out = vec![w.projection(term(h, w), &overall, stage)];
    if p.changes.is_empty() {
        out.push(w.no_change.to_string());
    }
    for c in &p.changes {
        let question = q.question_at(c.question).question;
        let from = c.from.as_ref().map_or_else(
            || w.unanswered.to_string(),
            |r| response_text(q, question, r, lang),
        );
        let to = response_text(q, question, &c.to, lang);
        let action = q.text(&e.recommendation(q, c.action).title, l);
        out.push(w.change(q.text(&question.text, l), &from, &to, action));
    }
    if p.held_back {
        out.push(w.held_back.to_string());
    }
    out
}

/// An answer as the owner reads it: option texts, a number with its unit.
pub fn response_text(q: &Questionnaire, question: &Question, r: &Response, lang: Lang) -> String {
    let w = PlanReasons::of(lang);
    let lang = lang.code();
    match r {
        Response::Choice(_) | Response::Choices(_) => {
            let names: Vec<&str> = r
                .chosen()
                .iter()
                .map(|c| {
                    question
                        .option(c)
                        .map_or(c.as_str(), |o| q.text(&o.text, lang))
                })
                .collect();
            names.join(w.list_sep)
        }
        Response::Value(v) => {
            let unit = question.unit.as_ref().map_or("", |u| q.text(u, lang));
            format!("{v}{unit}")
        }
        Response::Text(t) => t.clone(),
        Response::NotApplicable => w.not_applicable.to_string(),
    }
}
