//! The evaluation in words for the firm's owner: what holds the firm below the next stage,
//! why a result is provisional, the projection as a path of scores.

use super::Evaluation;
use crate::i18n::{Lang, PlanWords, fill};
use crate::model::Questionnaire;
use crate::score::round2;

/// A score as scores are printed: two decimals, rounded half away from zero.
pub fn two(x: f64) -> String {
    format!("{:.2}", round2(x))
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
                Some(s) => fill(w.gate_failed, &[&title, &two(s), &name, &two(need)]),
                None => fill(w.gate_no_score, &[&title, &name, &two(need)]),
            }
        })
        .collect();
    Some(fill(w.held, &[&name, &failed.join(w.list_sep)]))
}

/// Why the result is provisional, with the completeness it has and the one it needs; none
/// when it is not.
pub fn provisional(q: &Questionnaire, e: &Evaluation, lang: Lang) -> Option<String> {
    if !e.card.provisional {
        return None;
    }
    let percent = |x: f64| format!("{:.0}%", (x * 100.0).floor());
    Some(fill(
        PlanWords::of(lang).provisional_note,
        &[
            &percent(e.card.completeness()),
            &percent(q.scale.min_completeness),
        ],
    ))
}

/// The projection as a path: "2.16 → 2.34 → 2.66 → 2.84", today first, then after short,
/// medium and long; and the stages the same way ("2.0 → 2.5"), each stage once.
pub fn projection_path(q: &Questionnaire, e: &Evaluation, lang: Lang) -> (String, String) {
    let w = PlanWords::of(lang);
    let score = |x: Option<f64>| x.map_or_else(|| w.no_stage.to_string(), two);
    let mut scores = vec![score(e.card.overall)];
    scores.extend(e.projected.iter().map(|p| score(p.overall())));
    let stage = |i: Option<usize>| i.map_or(w.no_stage, |i| q.scale.stage[i].id.as_str());
    let mut stages = vec![stage(e.card.stage)];
    for p in &e.projected {
        let s = stage(p.stage());
        if stages.last() != Some(&s) {
            stages.push(s);
        }
    }
    (scores.join(" → "), stages.join(" → "))
}
