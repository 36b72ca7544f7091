//! Synthetic assessments to try dmat on, as a district's folder would hold them: a quick scan
//! of many firms, the full visit of those the scan sends on (same firm, same credit code), and
//! a follow-up of a few, with the firm's decisions on its plan and how they went. Firms'
//! facts hang together (head count, revenue, segment, products, designations), answers follow
//! the firm's maturity area by area, and every file is marked `demo = true`. The same seed
//! always gives the same files, byte for byte.

mod firm;
mod names;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use toml::value::Datetime;

use crate::evaluation::evaluate;
use crate::model::assessment::civil_date;
use crate::model::{
    Aggregate, Assessment, Decision, Horizon, PlanEntry, Progress, ProgressStatus, Question,
    QuestionKind, Questionnaire, QuestionnaireRef, RaiseTo, Response, Status, SupportOutcome,
};
use crate::score::{QuestionState, answer_level, score};
use firm::{Firm, area_of};

mod profile;

/// One synthetic assessment and the file name it is written under.
pub struct DemoFile {
    pub name: String,
    pub assessment: Assessment,
}

/// A questionnaire and the digest of its bytes, as a visit records it.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    pub questionnaire: &'a Questionnaire,
    pub digest: &'a str,
}

impl<'a> From<&'a crate::store::LoadedQuestionnaire> for Source<'a> {
    fn from(l: &'a crate::store::LoadedQuestionnaire) -> Self {
        Source {
            questionnaire: &l.questionnaire,
            digest: &l.digest,
        }
    }
}

/// `firms` assessments of one questionnaire, decided by `seed` alone: most firms visited once,
/// many of them deciding on their plan, and a few (about one in twelve) followed up later,
/// with the progress on what they agreed. Firm `i` is the same whatever the size of the
/// cohort, and generating it is cheap (benchmarks use 10,000 firms).
pub fn cohort(q: &Questionnaire, digest: &str, firms: usize, seed: u64) -> Vec<DemoFile> {
    let src = Source {
        questionnaire: q,
        digest,
    };
    let digits = firms.to_string().len().max(4);
    let name = |i: usize| format!("firm-{i:0digits$}.toml");
    (0..firms)
        .into_par_iter()
        .map(|i| {
            let assessment = if is_revisit(seed, i) {
                let j = revisited(seed, i);
                let f = firm::firm(seed, j);
                let first = first_visit(src, &f, seed, j);
                let mut a = follow_up(src, &f, seed, i, 6, &first);
                a.visit.previous = Some(name(j));
                a
            } else {
                first_visit(src, &firm::firm(seed, i), seed, i)
            };
            DemoFile {
                name: name(i),
                assessment,
            }
        })
        .collect()
}

/// File `i` of a cohort of one questionnaire, visited the first time: complete visits mostly
/// end with the firm's decisions on its plan.
fn first_visit(src: Source, f: &Firm, seed: u64, i: usize) -> Assessment {
    let mut a = visit(src, f, Visit::first(seed, i, f));
    let mut rng = stream(seed, i, 4);
    if a.visit.status == Status::Complete && rng.random_bool(0.6) {
        decide(src.questionnaire, &mut a, f, &mut rng);
    }
    a
}

/// A district's folder of `firms` firms: a quick scan of each (`firm-NNNN-scan.toml`); the full
/// visit (`-visit`) of each firm the scan's verdict sends to one, and of some it says to
/// nurture; a follow-up (`-follow-up`) of about half the complete full visits; and a second
/// scan (`-rescan`) of some of the other firms it says to nurture.
pub fn folder(scan: Source, full: Source, firms: usize, seed: u64) -> Vec<DemoFile> {
    let digits = firms.to_string().len().max(4);
    (0..firms)
        .into_par_iter()
        .flat_map_iter(|i| firm_visits(scan, full, seed, i, &format!("firm-{i:0digits$}")))
        .collect()
}

/// The files of firm `i` in a district's folder: its scan, and its full visit and follow-up or
/// its second scan where they happen.
fn firm_visits(scan: Source, full: Source, seed: u64, i: usize, stem: &str) -> Vec<DemoFile> {
    let f = firm::firm(seed, i);
    let first = visit(scan, &f, Visit::first(seed, i, &f));
    let verdict = verdict_id(scan.questionnaire, &first);
    let mut files = vec![DemoFile {
        name: format!("{stem}-scan.toml"),
        assessment: first,
    }];
    let mut rng = stream(seed, i, 4);
    let nurture = verdict.as_deref() == Some("nurture-first");
    let goes_on = match verdict.as_deref() {
        Some("full-visit-now") => true,
        _ => nurture && rng.random_bool(0.25),
    };
    if !goes_on {
        // "Nurture first; decide again in six to twelve months": half of these firms take on
        // the first actions of the scan's plan and are scanned again.
        if nurture && files[0].assessment.visit.status == Status::Complete && rng.random_bool(0.5) {
            decide(scan.questionnaire, &mut files[0].assessment, &f, &mut rng);
            let mut again = follow_up(scan, &f, seed, i, 8, &files[0].assessment);
            again.visit.previous = Some(format!("{stem}-scan.toml"));
            files.push(DemoFile {
                name: format!("{stem}-rescan.toml"),
                assessment: again,
            });
        }
        return files;
    }
    let spec = Visit {
        day: f.first_day + rng.random_range(20..75),
        ..Visit::first(seed, i, &f)
    };
    let mut visited = visit(full, &f, Visit { purpose: 5, ..spec });
    let complete = visited.visit.status == Status::Complete;
    let followed = complete && rng.random_bool(0.6);
    // Most firms followed up decided on their plan; a few left it open, as did half the others.
    if complete && rng.random_bool(if followed { 0.8 } else { 0.5 }) {
        decide(full.questionnaire, &mut visited, &f, &mut rng);
    }
    let later = followed.then(|| follow_up(full, &f, seed, i, 6, &visited));
    files.push(DemoFile {
        name: format!("{stem}-visit.toml"),
        assessment: visited,
    });
    if let Some(mut a) = later {
        a.visit.previous = Some(format!("{stem}-visit.toml"));
        files.push(DemoFile {
            name: format!("{stem}-follow-up.toml"),
            assessment: a,
        });
    }
    files
}

/// A random stream of its own for each firm and purpose, so that firms do not depend on one
/// another.
fn stream(seed: u64, index: usize, purpose: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream((index as u64) << 4 | purpose);
    rng
}

const REVISIT_SHARE: f64 = 0.08;

fn is_revisit(seed: u64, i: usize) -> bool {
    i >= 4 && stream(seed, i, 1).random_bool(REVISIT_SHARE)
}

/// The earlier first visit a re-visit returns to.
fn revisited(seed: u64, i: usize) -> usize {
    let mut j = stream(seed, i, 2).random_range(0..i);
    while is_revisit(seed, j) && j > 0 {
        j -= 1;
    }
    j
}

/// What decides one visit: whose random stream, for what, on which day, how much the firm has
/// grown since its first visit.
#[derive(Clone, Copy)]
struct Visit {
    seed: u64,
    /// The stream's index (the file's) and purpose.
    index: usize,
    purpose: u64,
    day: i64,
    lift: f64,
}

impl Visit {
    /// The first visit of a firm, drawn from the stream of file `i`.
    fn first(seed: u64, i: usize, f: &Firm) -> Visit {
        Visit {
            seed,
            index: i,
            purpose: 3,
            day: f.first_day,
            lift: 0.0,
        }
    }
}

/// One visit of a firm: profile, answers by the firm's maturity area by area, notes, status.
fn visit(src: Source, f: &Firm, v: Visit) -> Assessment {
    let q = src.questionnaire;
    let mut rng = stream(v.seed, v.index, v.purpose);
    let r = QuestionnaireRef {
        id: q.id.clone(),
        version: q.version.clone(),
        digest: src.digest.to_string(),
    };
    let mut a = Assessment::new(r, &f.name, Some(date_of(v.day)));
    a.firm.id = Some(f.code.clone());
    a.visit.demo = true;
    a.profile = profile::values(q, f, &mut rng);
    a.visit.assessor = Some(pick(&mut rng, names::ASSESSORS).to_string());
    // A short scan is nearly always finished; a long visit is now and then still under way.
    let complete = rng.random_bool(if q.question_count() <= 20 { 0.92 } else { 0.8 });
    a.visit.status = if complete {
        Status::Complete
    } else {
        Status::InProgress
    };
    answer_all(q, f, v.lift, complete, &mut a, &mut rng);
    if complete {
        let s = if f.chinese {
            names::SUMMARIES_ZH
        } else {
            names::SUMMARIES_EN
        };
        a.visit.summary = Some(pick(&mut rng, s).to_string());
    }
    a
}

/// Answers every question the visit got to, then drops those of questions never asked.
fn answer_all(
    q: &Questionnaire,
    f: &Firm,
    lift: f64,
    complete: bool,
    a: &mut Assessment,
    rng: &mut ChaCha8Rng,
) {
    let (lo, hi) = (q.scale.min, q.scale.max);
    let total = q.question_count();
    let stop = if complete {
        total
    } else {
        rng.random_range(total / 3..total.max(1))
    };
    let mut noted = Vec::new();
    for r in q.questions() {
        let area = area_of(&q.dimension[r.dimension].id);
        let level = (f.maturity + lift + f.offsets[area]).clamp(lo, hi);
        let target = (level + normal(rng) * 0.35).clamp(lo, hi);
        // In progress: the visit stopped somewhere; complete: a few optional questions skipped.
        if r.index >= stop || (!r.question.required && rng.random_bool(0.02)) {
            continue;
        }
        let response = respond(q, f, r.question, target, rng);
        a.set_response(&r.question.id, Some(response));
        noted.push((r.index, rng.random_bool(0.15), rng.random_range(0..64usize)));
    }
    settle_checks(q, f, lift, a, rng);
    let card = score(q, a);
    for r in q.questions() {
        if card.questions[r.index].state == QuestionState::Hidden {
            a.answers.remove(&r.question.id);
        }
    }
    // Evidence seen on site, in the question's area and in keeping with its answer.
    for (index, with_note, k) in noted {
        let Some(r) = q.questions().nth(index) else {
            continue;
        };
        let Some(level) = card.questions[index].score.filter(|_| with_note) else {
            continue;
        };
        let area = firm::AREAS[area_of(&q.dimension[r.dimension].id)];
        let notes = names::notes(area, level >= 3.0, f.chinese);
        if !notes.is_empty() && a.answers.contains_key(&r.question.id) {
            a.set_note(&r.question.id, Some(notes[k % notes.len()].to_string()));
        }
    }
}

/// An answer to one question at about the level `target`: a fact of the firm where the
/// question asks for one, now and then "not applicable" where that is allowed.
fn respond(
    q: &Questionnaire,
    f: &Firm,
    question: &Question,
    target: f64,
    rng: &mut ChaCha8Rng,
) -> Response {
    if question.na && rng.random_bool(0.06) {
        Response::NotApplicable
    } else if let Some(fact) = profile::factual_answer(question, f) {
        fact
    } else {
        answer(rng, q, question, target, f.chinese)
    }
}

/// A real firm's answers do not contradict each other, and an expert settles a contradiction
/// with the firm before leaving: while a consistency check holds, the questions it names are
/// asked again (a few times at most); what still contradicts is left unanswered.
fn settle_checks(q: &Questionnaire, f: &Firm, lift: f64, a: &mut Assessment, rng: &mut ChaCha8Rng) {
    let (lo, hi) = (q.scale.min, q.scale.max);
    for _ in 0..6 {
        let facts_hold: Vec<usize> = {
            let card = score(q, a);
            let facts = card.facts(q, a);
            q.check
                .iter()
                .enumerate()
                .filter(|(_, c)| c.when.eval(&facts))
                .map(|(i, _)| i)
                .collect()
        };
        if facts_hold.is_empty() {
            return;
        }
        for i in facts_hold {
            for leaf in q.check[i].when.leaves() {
                let crate::model::condition::Condition::Question { id, .. } = leaf else {
                    continue;
                };
                let Some(r) = q.questions().find(|r| &r.question.id == id) else {
                    continue;
                };
                if !a.answers.contains_key(id) || profile::factual_answer(r.question, f).is_some() {
                    continue;
                }
                let area = area_of(&q.dimension[r.dimension].id);
                let level = (f.maturity + lift + f.offsets[area]).clamp(lo, hi);
                let target = (level + normal(rng) * 0.35).clamp(lo, hi);
                let response = answer(rng, q, r.question, target, f.chinese);
                a.set_response(id, Some(response));
            }
        }
    }
    // Still contradicting: the questions named are left for the expert to ask again.
    let card = score(q, a);
    let facts = card.facts(q, a);
    let open: Vec<String> = q
        .check
        .iter()
        .filter(|c| c.when.eval(&facts))
        .filter_map(|c| {
            // The last question it names: the one asked after the others.
            c.when
                .leaves()
                .into_iter()
                .filter_map(|leaf| match leaf {
                    crate::model::condition::Condition::Question { id, .. } => q
                        .questions()
                        .position(|r| &r.question.id == id)
                        .map(|p| (p, id.clone())),
                    _ => None,
                })
                .max()
                .map(|(_, id)| id)
        })
        .collect();
    for id in open {
        a.answers.remove(&id);
    }
}

/// The verdict of a visit (rule 11), by id: its scores and verdict only, not the whole
/// evaluation, for every scan of a large cohort.
fn verdict_id(q: &Questionnaire, a: &Assessment) -> Option<String> {
    crate::plan::verdict(q, a, &score(q, a)).map(|i| q.verdict[i].id.clone())
}

/// The firm's decisions on its plan at the end of a visit: on each action of the first
/// horizon (most agreed with an owner and a due date, now and then one put back to the medium
/// horizon, some declined with the reason given), now and then on the first of the medium
/// horizon too, and the actions the firm adds itself.
fn decide(q: &Questionnaire, a: &mut Assessment, f: &Firm, rng: &mut ChaCha8Rng) {
    let day = a.visit.date.as_ref().and_then(days_of).unwrap_or(0);
    let e = evaluate(q, a);
    let (short, medium) = (e.horizon(Horizon::Short), e.horizon(Horizon::Medium));
    let owners = if f.chinese {
        names::OWNERS_ZH
    } else {
        names::OWNERS_EN
    };
    let words =
        |(zh, en): (&'static str, &'static str)| Some(if f.chinese { zh } else { en }.to_string());
    let agreed = |rng: &mut ChaCha8Rng, days: std::ops::Range<i64>| PlanEntry {
        decision: Some(Decision::Agreed),
        owner: Some(pick(rng, owners).to_string()),
        due: Some(date_of(day + rng.random_range(days))),
        ..PlanEntry::default()
    };
    let mut reasons = names::DECLINED.to_vec();
    // Rented: the premises field's second option.
    if f.facts.premises == 1 {
        reasons.push(names::DECLINED_RENTED);
    }
    for id in e.ids(q, short) {
        let entry = if rng.random_bool(0.8) {
            if rng.random_bool(0.15) {
                PlanEntry {
                    horizon: Some(Horizon::Medium),
                    note: words(names::MOVED[rng.random_range(0..names::MOVED.len())]),
                    ..agreed(rng, 240..420)
                }
            } else {
                agreed(rng, 60..180)
            }
        } else {
            PlanEntry {
                decision: Some(Decision::Declined),
                note: words(reasons[rng.random_range(0..reasons.len())]),
                ..PlanEntry::default()
            }
        };
        a.plan.insert(id.to_string(), entry);
    }
    if let Some(id) = e.ids(q, medium).first()
        && rng.random_bool(0.3)
    {
        a.plan.insert(id.to_string(), agreed(rng, 240..540));
    }
    // The firm's own: none, one or two, not one it has already (a title it holds).
    let mut own: Vec<(&str, &str)> = names::OWN_ACTIONS
        .iter()
        .copied()
        .filter(|&(zh, _)| f.facts.srdi == 0 || !zh.contains("专精特新"))
        .collect();
    for n in 1..=weighted_index(rng, &[0.45, 0.4, 0.15]) {
        let title = own.swap_remove(rng.random_range(0..own.len()));
        let medium = rng.random_bool(0.3);
        let entry = PlanEntry {
            title: words(title),
            horizon: Some(if medium {
                Horizon::Medium
            } else {
                Horizon::Short
            }),
            ..agreed(rng, if medium { 240..480 } else { 30..150 })
        };
        a.plan.insert(format!("own-{n}"), entry);
    }
}

/// The last day a demo visit can fall on: 2026-11-20, a little before the cohort is shown.
const LAST_DAY: i64 = 810;

/// A later visit of the same firm with the same questionnaire, six months to a year on (not
/// after [`LAST_DAY`]), mostly by the same expert: the firm has grown a little, the actions it
/// agreed at `first` have gone well or not, and what is done shows in the answers. Half the
/// firms decide on their new plan too. Drawn from the streams `purpose` and the one after it.
fn follow_up(
    src: Source,
    f: &Firm,
    seed: u64,
    i: usize,
    purpose: u64,
    first: &Assessment,
) -> Assessment {
    let mut rng = stream(seed, i, purpose);
    let day = first.visit.date.as_ref().and_then(days_of).unwrap_or(0);
    let latest = (day + 400).min(LAST_DAY).max(day + 181);
    let spec = Visit {
        seed,
        index: i,
        purpose: purpose + 1,
        day: rng.random_range(day + 180..latest),
        lift: rng.random_range(0.1..0.4),
    };
    let mut a = visit(src, f, spec);
    if rng.random_bool(0.7) {
        a.visit.assessor.clone_from(&first.visit.assessor);
    }
    let q = src.questionnaire;
    // Some firms carry out nearly everything they agreed; the others some of it.
    let keen = rng.random_bool(0.35);
    let weights: &[f64] = if keen {
        &[0.0, 0.1, 0.9, 0.0]
    } else {
        &[0.2, 0.35, 0.35, 0.1]
    };
    for (id, entry) in &first.plan {
        if entry.decision != Some(Decision::Agreed) {
            continue;
        }
        let status = weighted_index(&mut rng, weights);
        // Support only where the action names an instrument, and as its status suggests.
        let instrument = q
            .recommendation
            .iter()
            .any(|r| &r.id == id && r.support.is_some());
        let support = instrument.then(|| {
            use SupportOutcome as S;
            let (outcomes, weights): (&[S], &[f64]) = match status {
                0 => (&[S::None, S::Applied, S::Refused], &[0.5, 0.3, 0.2]),
                1 => (
                    &[S::Applied, S::Granted, S::None, S::Refused],
                    &[0.45, 0.25, 0.2, 0.1],
                ),
                2 => (
                    &[S::Granted, S::None, S::Applied, S::Refused],
                    &[0.5, 0.3, 0.1, 0.1],
                ),
                _ => (&[S::Refused, S::None], &[0.5, 0.5]),
            };
            outcomes[weighted_index(&mut rng, weights)]
        });
        let notes = names::progress_notes(status);
        let note = rng.random_bool(0.6).then(|| {
            let (zh, en) = notes[rng.random_range(0..notes.len())];
            if f.chinese { zh } else { en }.to_string()
        });
        let status = [
            ProgressStatus::NotStarted,
            ProgressStatus::InProgress,
            ProgressStatus::Done,
            ProgressStatus::Dropped,
        ][status];
        a.progress.insert(
            id.clone(),
            Progress {
                status: Some(status),
                support,
                note,
            },
        );
        if status == ProgressStatus::Done {
            apply_raises(q, &mut a, id);
        }
    }
    if a.visit.status == Status::Complete {
        let s = if f.chinese {
            names::FOLLOW_UPS_ZH
        } else {
            names::FOLLOW_UPS_EN
        };
        a.visit.summary = Some(pick(&mut rng, s).to_string());
        if rng.random_bool(0.5) {
            decide(q, &mut a, f, &mut rng);
        }
    }
    a
}

/// What a done action changed: each answer its `raises` name, where that scores higher.
fn apply_raises(q: &Questionnaire, a: &mut Assessment, action: &str) {
    let Some(rec) = q.recommendation.iter().find(|r| r.id == action) else {
        return;
    };
    for raise in &rec.raises {
        let Some(question) = q.question(&raise.question) else {
            continue;
        };
        let current = a.response(&raise.question).cloned();
        if current == Some(Response::NotApplicable) {
            continue;
        }
        let new = match &raise.to {
            RaiseTo::Choice(c) => Response::Choice(c.clone()),
            RaiseTo::Value(v) => Response::Value(*v),
            RaiseTo::Choices(cs) => {
                let mut ticked: Vec<String> = current
                    .as_ref()
                    .map(|r| r.chosen().to_vec())
                    .unwrap_or_default();
                ticked.retain(|c| !question.is_exclusive(c));
                for c in cs {
                    if !ticked.contains(c) {
                        ticked.push(c.clone());
                    }
                }
                Response::Choices(ticked)
            }
        };
        let level = |r: &Response| answer_level(&q.scale, question, r).flatten();
        let before = current.as_ref().and_then(level);
        if level(&new).is_some_and(|x| before.is_none_or(|b| x > b)) {
            a.set_response(&raise.question, Some(new));
            // What was seen on the last visit no longer describes the new answer.
            a.set_note(&raise.question, None);
        }
    }
}

/// An answer whose score lies near the target, for any kind of question.
fn answer(
    rng: &mut ChaCha8Rng,
    q: &Questionnaire,
    question: &Question,
    target: f64,
    chinese: bool,
) -> Response {
    let (lo, hi) = (q.scale.min, q.scale.max);
    match question.kind {
        QuestionKind::Single => {
            let best = question
                .options
                .iter()
                .min_by(|a, b| {
                    let da = (a.level.unwrap_or(lo) - target).abs();
                    let db = (b.level.unwrap_or(lo) - target).abs();
                    da.total_cmp(&db)
                })
                .map(|o| o.id.clone())
                .unwrap_or_default();
            Response::Choice(best)
        }
        QuestionKind::Multi => Response::Choices(ticks(rng, question, target, lo, hi)),
        QuestionKind::Number => Response::Value(number(rng, question, target)),
        QuestionKind::Text => Response::Text(
            pick(
                rng,
                if chinese {
                    names::REMARKS_ZH
                } else {
                    names::REMARKS_EN
                },
            )
            .to_string(),
        ),
    }
}

/// The options a firm at the target would tick: more of a checklist the higher it stands;
/// of a ladder, those at or below its level. An exclusive option ("none") is ticked alone.
fn ticks(rng: &mut ChaCha8Rng, question: &Question, target: f64, lo: f64, hi: f64) -> Vec<String> {
    let plain = |o: &&crate::model::AnswerOption| !o.exclusive;
    let mut chosen: Vec<String> = match question.aggregate {
        Aggregate::Sum => {
            let p = ((target - lo) / (hi - lo)).clamp(0.05, 0.95);
            question
                .options
                .iter()
                .filter(plain)
                .filter(|_| rng.random_bool(p))
                .map(|o| o.id.clone())
                .collect()
        }
        // Ways of working side by side: the nearest, and now and then the one below it.
        Aggregate::Mean => {
            let mut ladder: Vec<&crate::model::AnswerOption> =
                question.options.iter().filter(plain).collect();
            ladder.sort_by(|a, b| a.level.unwrap_or(lo).total_cmp(&b.level.unwrap_or(lo)));
            let nearest = ladder
                .iter()
                .enumerate()
                .min_by(|(_, a), (_, b)| {
                    (a.level.unwrap_or(lo) - target)
                        .abs()
                        .total_cmp(&(b.level.unwrap_or(lo) - target).abs())
                })
                .map_or(0, |(i, _)| i);
            let below = (nearest > 0 && rng.random_bool(0.4)).then(|| nearest - 1);
            below
                .into_iter()
                .chain([nearest])
                .filter_map(|i| ladder.get(i).map(|o| o.id.clone()))
                .collect()
        }
        // A ladder: what stands at or below the firm's level.
        Aggregate::Max => question
            .options
            .iter()
            .filter(plain)
            .filter(|o| {
                let level = o.level.unwrap_or(lo);
                rng.random_bool(if level <= target + 0.25 { 0.75 } else { 0.08 })
            })
            .map(|o| o.id.clone())
            .collect(),
    };
    if chosen.is_empty() {
        let fallback = question.options.iter().find(|o| o.exclusive).or_else(|| {
            question
                .options
                .iter()
                .min_by(|a, b| a.level.unwrap_or(lo).total_cmp(&b.level.unwrap_or(lo)))
        });
        chosen.extend(fallback.map(|o| o.id.clone()));
    }
    chosen
}

/// A value in the band whose level is nearest the target, inside the question's range.
fn number(rng: &mut ChaCha8Rng, question: &Question, target: f64) -> f64 {
    let [min, max] = question.range.unwrap_or([0.0, 100.0]);
    let bands = &question.bands;
    let (from, to) = match bands.iter().enumerate().min_by(|(_, a), (_, b)| {
        (a.level - target)
            .abs()
            .total_cmp(&(b.level - target).abs())
    }) {
        Some((i, b)) => {
            let next = bands
                .get(i + 1)
                .map_or(max.min(b.from.abs() * 2.0 + 10.0), |n| n.from);
            (b.from, next)
        }
        None => (min, max),
    };
    let (from, to) = (from.max(min), to.min(max));
    let x = if to > from {
        rng.random_range(from..to)
    } else {
        from
    };
    let step = if max - min > 50.0 { 1.0 } else { 0.1 };
    ((x / step).floor() * step * 10.0).round() / 10.0
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1: f64 = rng.random::<f64>().max(1e-12);
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// An index drawn with the given weights.
fn weighted_index(rng: &mut ChaCha8Rng, weights: &[f64]) -> usize {
    let mut x = rng.random::<f64>() * weights.iter().sum::<f64>();
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len() - 1
}

fn pick<'a>(rng: &mut ChaCha8Rng, items: &[&'a str]) -> &'a str {
    items[rng.random_range(0..items.len())]
}

/// The first day of the cohort's calendar.
fn start() -> jiff::civil::Date {
    jiff::civil::date(2024, 9, 1)
}

/// The date `days` after the cohort's start (before it when negative).
fn date_of(days: i64) -> Datetime {
    civil_date(
        start()
            .checked_add(jiff::Span::new().days(days))
            .unwrap_or(start()),
    )
}

/// The days from the cohort's start to a date.
fn days_of(d: &Datetime) -> Option<i64> {
    let date = crate::model::assessment::to_civil_date(d)?;
    let span = start().until(date).ok()?;
    Some(i64::from(span.get_days()))
}

#[cfg(test)]
mod tests;
