//! The sheet's view-model: everything the recommendation sheet shows, decided here from the
//! model and the assessment's evaluation, in the chosen language, as plain serialisable data.
//! Templates only lay it out. Text from the assessment is stripped of control characters
//! here; escaping for HTML or Markdown is the templates' auto-escaping.

use serde::Serialize;

use super::chart::{self, Bars, ChartInput, Radar};
use crate::advise::reason_sentences;
use crate::evaluation::{Evaluation, explain};
use crate::i18n::{Lang, ReportWords};
use crate::model::assessment::to_civil_date;
use crate::model::condition::lt;
use crate::model::{
    Assessment, Horizon, Priority, ProfileKind, Question, QuestionKind, Questionnaire, Response,
    Stage, Status, Unanswered,
};
use crate::plain_text::{inert, inert_lines};
use crate::score::{QuestionState, RULES_VERSION, Score, Scorecard};

/// The whole sheet, in the order it is printed.
#[derive(Debug, Clone, Serialize)]
pub struct Sheet {
    /// Language code of the sheet (`zh`, `en`), for `<html lang>`.
    pub lang: &'static str,
    /// The sheet's own words in that language.
    pub w: &'static ReportWords,
    pub header: Header,
    pub standing: Standing,
    pub chart: Chart,
    pub dimensions: Vec<DimensionView>,
    /// Whether answers are split into strengths and gaps: only with an overall stage to
    /// measure them against; without one, every answer is an observation.
    pub split_by_stage: bool,
    /// The headings of the strengths, gaps and observations lists, the overall stage filled in.
    pub strengths_title: String,
    pub gaps_title: String,
    pub observations_title: String,
    pub plan: Plan,
    /// The expert's closing remarks: paragraphs of lines.
    pub summary: Vec<Vec<String>>,
    pub footer: String,
}

/// Who, when, with what.
#[derive(Debug, Clone, Serialize)]
pub struct Header {
    pub firm: String,
    pub visit_date: Option<String>,
    pub assessor: Option<String>,
    pub questionnaire: String,
    pub questionnaire_id: String,
    pub version: String,
    pub complete: bool,
    pub status: String,
    /// Every profile field of the questionnaire, in its order; `value` none when not given.
    pub profile: Vec<Field>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub label: String,
    pub value: Option<String>,
}

/// Where the firm stands.
#[derive(Debug, Clone, Serialize)]
pub struct Standing {
    /// The overall score with two decimals.
    pub overall: Option<String>,
    pub stage: Option<StageView>,
    pub bottleneck: Option<Bottleneck>,
    /// e.g. "83%".
    pub completeness: String,
    /// e.g. "10 of 12 questions answered".
    pub answered: String,
    /// e.g. "on a scale of 2.00 to 4.00".
    pub scale: String,
    /// Visible warnings: an unfinished assessment, one not marked complete.
    pub warnings: Vec<String>,
    /// Every stage of the scale, lowest first, for a legend.
    pub stages: Vec<StageView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StageView {
    pub id: String,
    pub label: String,
    pub description: Option<String>,
    /// Where the stage begins on the scale, with two decimals.
    pub from: String,
    /// The stage's stretch of the scale, e.g. "2.50–3.00".
    pub range: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bottleneck {
    pub title: String,
    pub score: String,
}

/// The pictures: an SVG radar (three or more dimensions) and bars for HTML; rows with text
/// bars for Markdown.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// Whether the charts stand one above the other (many dimensions) or side by side.
    pub stacked: bool,
    pub radar: Option<Radar>,
    pub bars: Bars,
    pub rows: Vec<ChartRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChartRow {
    pub title: String,
    pub score: String,
    pub stage: String,
    pub bar: String,
    pub bottleneck: bool,
    pub counted: bool,
}

/// One dimension: its score and stage, and the answers that are strengths or gaps.
#[derive(Debug, Clone, Serialize)]
pub struct DimensionView {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub weight: String,
    pub counted: bool,
    pub score: Option<String>,
    pub stage: Option<StageView>,
    pub bottleneck: bool,
    pub answered: usize,
    pub visible: usize,
    /// Answers at or above the overall stage.
    pub strengths: Vec<Finding>,
    /// Answers below the overall stage.
    pub gaps: Vec<Finding>,
    /// Answers without a score (text, numbers, not applicable) and notes without an answer.
    pub observations: Vec<Finding>,
}

/// One answered question with the expert's note as evidence.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub question: String,
    pub answer: String,
    pub score: Option<String>,
    /// The note, one string per line.
    pub note: Vec<String>,
}

/// The plan: the applicable recommendations, grouped by the horizon the plan places them in,
/// then the later ones.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub count: usize,
    /// One sentence: how many recommendations, and how they are ordered.
    pub intro: String,
    /// Non-empty groups: short, medium, long, later.
    pub groups: Vec<HorizonGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HorizonGroup {
    /// `short`, `medium`, `long`, `later`.
    pub id: &'static str,
    pub title: &'static str,
    /// e.g. "by 2027-05"; none without a visit date.
    pub due: Option<String>,
    pub items: Vec<PlanItem>,
}

/// One recommendation as the sheet shows it.
#[derive(Debug, Clone, Serialize)]
pub struct PlanItem {
    /// 1-based, counting through the groups in printed order.
    pub number: usize,
    pub id: String,
    pub title: String,
    pub action: String,
    pub support: Option<String>,
    /// `high`, `medium`, `low`.
    pub priority_id: &'static str,
    pub priority: &'static str,
    pub dimension: Option<String>,
    /// Why it fired, one plain sentence per deciding fact.
    pub reasons: Vec<String>,
}

/// Up to this many dimensions, the radar and the bars fit side by side.
const STACK_ABOVE: usize = 6;

/// Builds the sheet of one assessment.
pub fn build(q: &Questionnaire, a: &Assessment, e: &Evaluation, lang: Lang) -> Sheet {
    let w = ReportWords::of(lang);
    let l = lang.code();
    let card = &e.card;
    let b = Builder {
        q,
        a,
        e,
        card,
        w,
        lang,
    };
    let count = e.applicable.len();
    let overall_stage = card.stage.map(|i| &q.scale.stage[i]);
    let stage_id = overall_stage.map_or(String::new(), |s| s.id.clone());
    let lowest = overall_stage.is_some_and(|s| !lt(q.scale.min, s.from));
    let (strengths_title, gaps_title) = if lowest {
        (w.strengths_lowest.to_string(), w.gaps_lowest.to_string())
    } else {
        (w.strengths(&stage_id), w.gaps(&stage_id))
    };
    Sheet {
        lang: l,
        w,
        header: b.header(),
        standing: b.standing(),
        chart: b.chart(),
        dimensions: (0..q.dimension.len())
            .map(|d| b.dimension(d, overall_stage))
            .collect(),
        split_by_stage: overall_stage.is_some(),
        strengths_title,
        gaps_title,
        observations_title: if overall_stage.is_some() {
            w.observations
        } else {
            w.answers
        }
        .to_string(),
        plan: Plan {
            count,
            intro: if count == 1 {
                w.plan_intro_one.to_string()
            } else {
                w.plan_intro(count)
            },
            groups: b.plan(),
        },
        summary: paragraphs(a.visit.summary.as_deref().unwrap_or("")),
        footer: w.footer(env!("CARGO_PKG_VERSION"), RULES_VERSION),
    }
}

struct Builder<'a> {
    q: &'a Questionnaire,
    a: &'a Assessment,
    e: &'a Evaluation,
    card: &'a Scorecard,
    w: &'static ReportWords,
    lang: Lang,
}

/// A score with two decimals, as scores are printed.
fn two(x: f64) -> String {
    Score::from(x).to_string()
}

/// Text from the assessment made inert, as paragraphs (split at blank lines) of lines.
fn paragraphs(s: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for line in inert_lines(s).lines().map(str::trim) {
        match out.last_mut() {
            Some(p) if !line.is_empty() => p.push(line.to_string()),
            Some(p) if !p.is_empty() => out.push(Vec::new()),
            _ => {}
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

/// Text from the assessment made inert, one string per non-empty line.
fn lines(s: &str) -> Vec<String> {
    inert_lines(s)
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// A number as people write it: no trailing `.0`.
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

impl Builder<'_> {
    fn text<'t>(&self, t: &'t crate::model::Text) -> &'t str {
        self.q.text(t, self.lang.code())
    }

    fn stage_view(&self, s: &Stage) -> StageView {
        let stages = &self.q.scale.stage;
        let end = stages
            .iter()
            .find(|next| lt(s.from, next.from))
            .map_or(self.q.scale.max, |next| next.from);
        StageView {
            id: s.id.clone(),
            label: self.text(&s.label).to_string(),
            description: s.description.as_ref().map(|d| self.text(d).to_string()),
            from: two(s.from),
            range: if lt(s.from, end) {
                format!("{}–{}", two(s.from), two(end))
            } else {
                two(s.from)
            },
        }
    }

    /// Whether an answer's score is a strength: at or above the start of the overall stage.
    /// When the firm stands in the lowest stage, every answer is at or above it, so the line is
    /// drawn at the lowest level instead: only answers above it are strengths.
    fn is_strength(&self, score: f64, stage: &Stage) -> bool {
        let min = self.q.scale.min;
        if lt(min, stage.from) {
            !lt(score, stage.from)
        } else {
            lt(min, score)
        }
    }

    fn header(&self) -> Header {
        let (q, a, w) = (self.q, self.a, self.w);
        Header {
            firm: inert(&a.firm.name),
            visit_date: a.date_string(),
            assessor: a
                .visit
                .assessor
                .as_deref()
                .map(inert)
                .filter(|s| !s.trim().is_empty()),
            questionnaire: self.text(&q.title).to_string(),
            questionnaire_id: q.id.clone(),
            version: q.version.clone(),
            complete: a.visit.status == Status::Complete,
            status: match a.visit.status {
                Status::Complete => w.complete,
                Status::InProgress => w.in_progress,
            }
            .to_string(),
            profile: q
                .profile
                .iter()
                .map(|f| Field {
                    label: self.text(&f.label).to_string(),
                    value: a.profile.get(&f.id).and_then(|v| self.profile_value(f, v)),
                })
                .collect(),
        }
    }

    fn profile_value(&self, f: &crate::model::ProfileField, v: &toml::Value) -> Option<String> {
        let shown = match (f.kind, v) {
            (ProfileKind::Choice, toml::Value::String(id)) => f
                .options
                .iter()
                .find(|o| &o.id == id)
                .map_or_else(|| id.clone(), |o| self.text(&o.label).to_string()),
            (_, toml::Value::String(s)) => s.clone(),
            (_, toml::Value::Integer(i)) => i.to_string(),
            (_, toml::Value::Float(x)) => number(*x),
            (_, toml::Value::Datetime(d)) => d.to_string(),
            (_, other) => other.to_string(),
        };
        let shown = match (&f.unit, f.kind) {
            (Some(unit), ProfileKind::Number) => format!("{shown} {}", self.text(unit)),
            _ => shown,
        };
        let shown = inert(&shown);
        (!shown.trim().is_empty()).then_some(shown)
    }

    fn standing(&self) -> Standing {
        let (q, a, card, w) = (self.q, self.a, self.card, self.w);
        let percent = format!("{:.0}%", (card.completeness() * 100.0).floor());
        let mut warnings = Vec::new();
        if card.answered < card.visible {
            let (answered, visible) = (card.answered, card.visible);
            warnings.push(match q.scale.unanswered {
                Unanswered::Skip => w.warn_incomplete(answered, visible, &percent),
                Unanswered::Min => w.warn_incomplete_min(answered, visible, &percent),
            });
        }
        if a.visit.status != Status::Complete {
            warnings.push(w.warn_not_complete.to_string());
        }
        warnings.extend(explain::provisional(q, self.e, self.lang));
        warnings.extend(explain::gate(q, self.e, self.lang));
        Standing {
            overall: card.overall.map(two),
            stage: card.stage.map(|i| self.stage_view(&q.scale.stage[i])),
            bottleneck: card.bottleneck.map(|i| Bottleneck {
                title: self.text(&q.dimension[i].title).to_string(),
                score: card.dimensions[i].score.map(two).unwrap_or_default(),
            }),
            completeness: percent,
            answered: w.answered_of(card.answered, card.visible),
            scale: w.scale_range(&two(q.scale.min), &two(q.scale.max)),
            warnings,
            stages: q.scale.stage.iter().map(|s| self.stage_view(s)).collect(),
        }
    }

    fn chart(&self) -> Chart {
        let (q, card, w) = (self.q, self.card, self.w);
        let input = ChartInput {
            labels: q
                .dimension
                .iter()
                .map(|d| self.text(&d.title).to_string())
                .collect(),
            scores: card.dimensions.iter().map(|d| d.score).collect(),
            counted: q.dimension.iter().map(|d| d.weight > 0.0).collect(),
            bottleneck: card.bottleneck,
            stages: q
                .scale
                .stage
                .iter()
                .map(|s| (s.id.clone(), s.from))
                .collect(),
            min: q.scale.min,
            max: q.scale.max,
            overall: card.overall,
            overall_label: card
                .overall
                .map(|o| format!("{} {}", w.overall, two(o)))
                .unwrap_or_default(),
        };
        let rows = q
            .dimension
            .iter()
            .zip(&card.dimensions)
            .enumerate()
            .map(|(i, (d, s))| ChartRow {
                title: self.text(&d.title).to_string(),
                score: Score::from(s.score).to_string(),
                stage: s
                    .stage
                    .map_or_else(|| "–".into(), |k| q.scale.stage[k].id.clone()),
                bar: chart::text_bar(s.score, q.scale.min, q.scale.max, 20),
                bottleneck: card.bottleneck == Some(i),
                counted: d.weight > 0.0,
            })
            .collect();
        // Many dimensions need room: the charts then stand one above the other, larger.
        let stacked = q.dimension.len() > STACK_ABOVE;
        let size = if stacked {
            chart::Size::Large
        } else {
            chart::Size::Compact
        };
        Chart {
            stacked,
            radar: chart::radar(&input, size),
            bars: chart::bars(&input, size),
            rows,
        }
    }

    fn dimension(&self, d: usize, overall_stage: Option<&Stage>) -> DimensionView {
        let (q, a, card) = (self.q, self.a, self.card);
        let dim = &q.dimension[d];
        let ds = &card.dimensions[d];
        let mut view = DimensionView {
            id: dim.id.clone(),
            title: self.text(&dim.title).to_string(),
            description: dim.description.as_ref().map(|t| self.text(t).to_string()),
            weight: number(dim.weight),
            counted: dim.weight > 0.0,
            score: ds.score.map(two),
            stage: ds.stage.map(|i| self.stage_view(&q.scale.stage[i])),
            bottleneck: card.bottleneck == Some(d),
            answered: ds.answered,
            visible: ds.visible,
            strengths: Vec::new(),
            gaps: Vec::new(),
            observations: Vec::new(),
        };
        for r in q.questions().filter(|r| r.dimension == d) {
            let qs = card.questions[r.index];
            let id = &r.question.id;
            let note = a.note(id).map(lines).unwrap_or_default();
            let finding = |answer: String, score: Option<f64>| Finding {
                question: self.text(&r.question.text).to_string(),
                answer,
                score: score.map(two),
                note: note.clone(),
            };
            match (qs.state, qs.score) {
                (QuestionState::Hidden, _) => {}
                (_, Some(x)) => {
                    let answer = if qs.is_defaulted() {
                        self.w.unanswered_min.to_string()
                    } else {
                        self.answer_text(r.question, a.response(id))
                    };
                    let f = finding(answer, Some(x));
                    match overall_stage {
                        Some(s) if self.is_strength(x, s) => view.strengths.push(f),
                        Some(_) => view.gaps.push(f),
                        None => view.observations.push(f),
                    }
                }
                (QuestionState::NotApplicable, None) => view
                    .observations
                    .push(finding(self.w.not_applicable.to_string(), None)),
                (QuestionState::Answered, None) => {
                    let answer = self.answer_text(r.question, a.response(id));
                    view.observations.push(finding(answer, None));
                }
                (QuestionState::Unanswered | QuestionState::Unfit, None) if !note.is_empty() => {
                    view.observations
                        .push(finding(self.w.no_answer.to_string(), None));
                }
                _ => {}
            }
        }
        view
    }

    /// The answer in words: option texts, a value with its unit, or the text written.
    fn answer_text(&self, question: &Question, r: Option<&Response>) -> String {
        match r {
            Some(Response::Choice(_) | Response::Choices(_)) => {
                let chosen = r.map(Response::chosen).unwrap_or_default();
                let names: Vec<&str> = chosen
                    .iter()
                    .filter_map(|c| question.option(c).map(|o| self.text(&o.text)))
                    .collect();
                if names.is_empty() {
                    self.w.none_listed.to_string()
                } else {
                    names.join(if self.lang == Lang::Zh { "；" } else { "; " })
                }
            }
            Some(Response::Value(v)) => {
                let unit = question.unit.as_ref().map_or("", |u| self.text(u));
                let sep = if unit == "%" || unit.is_empty() {
                    ""
                } else {
                    " "
                };
                if question.kind == QuestionKind::Number {
                    format!("{}{sep}{unit}", number(*v))
                } else {
                    number(*v)
                }
            }
            Some(Response::Text(t)) => inert(t),
            Some(Response::NotApplicable) => self.w.not_applicable.to_string(),
            None => self.w.no_answer.to_string(),
        }
    }

    fn plan(&self) -> Vec<HorizonGroup> {
        let (e, w) = (self.e, self.w);
        let mut number = 0;
        let groups = [
            (Some(Horizon::Short), e.horizon(Horizon::Short)),
            (Some(Horizon::Medium), e.horizon(Horizon::Medium)),
            (Some(Horizon::Long), e.horizon(Horizon::Long)),
            (None, e.plan.later.as_slice()),
        ];
        groups
            .into_iter()
            .filter(|(_, actions)| !actions.is_empty())
            .map(|(h, actions)| HorizonGroup {
                id: h.map_or("later", Horizon::id),
                title: match h {
                    Some(Horizon::Short) => w.horizon_short,
                    Some(Horizon::Medium) => w.horizon_medium,
                    Some(Horizon::Long) => w.horizon_long,
                    None => w.horizon_later,
                },
                due: h.and_then(|h| self.due(h)),
                items: actions
                    .iter()
                    .map(|&i| {
                        number += 1;
                        self.plan_item(i, number)
                    })
                    .collect(),
            })
            .collect()
    }

    fn plan_item(&self, i: usize, number: usize) -> PlanItem {
        let (q, w) = (self.q, self.w);
        let r = self.e.recommendation(q, i);
        PlanItem {
            number,
            id: r.id.clone(),
            title: self.text(&r.title).to_string(),
            action: self.text(&r.action).to_string(),
            support: r.support.as_ref().map(|s| self.text(s).to_string()),
            priority_id: r.priority.id(),
            priority: match r.priority {
                Priority::High => w.high,
                Priority::Medium => w.medium,
                Priority::Low => w.low,
            },
            dimension: r
                .dimension
                .as_deref()
                .and_then(|id| q.dimension(id))
                .map(|d| self.text(&d.title).to_string()),
            reasons: reason_sentences(q, &self.e.reasons(q, i), self.lang)
                .into_iter()
                .map(|s| inert(&s))
                .filter(|s| !s.is_empty())
                .collect(),
        }
    }

    /// "by 2027-05": the visit date plus the horizon's months.
    fn due(&self, h: Horizon) -> Option<String> {
        let visit = self.a.visit.date.as_ref().and_then(to_civil_date)?;
        let months = i64::from(h.months().1);
        let due = visit.checked_add(jiff::Span::new().months(months)).ok()?;
        Some(self.w.due_by(due.year(), due.month()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluation::evaluate;
    use crate::score::tests::{assessment, features};

    fn sheet(answers: &[(&str, Response)], edit: impl Fn(&mut Assessment)) -> Sheet {
        let q = features();
        let mut a = assessment(answers);
        edit(&mut a);
        build(&q, &a, &evaluate(&q, &a), Lang::En)
    }

    fn choice(c: &str) -> Response {
        Response::Choice(c.into())
    }

    #[test]
    fn strengths_and_gaps_split_at_the_overall_stage() {
        // equipment: has-cnc yes 3.0, automation robot 4.0 → (3.0+4.0)/2 = 3.5 (w 2);
        // data: systems none 2.0 → 2.0; overall (2×3.5 + 2.0)/3 = 3.0 → stage 3.0.
        let s = sheet(
            &[
                ("has-cnc", choice("yes")),
                ("automation", Response::Choices(vec!["robot".into()])),
                ("systems", Response::Choices(vec!["none".into()])),
            ],
            |a| a.set_note("systems", Some("paper\u{1b}[31m ledgers\nonly".into())),
        );
        assert_eq!(s.standing.overall.as_deref(), Some("3.00"));
        let eq = &s.dimensions[0];
        // 3.0 is at the stage's start: a strength.
        assert_eq!(eq.strengths.len(), 2);
        assert!(eq.gaps.is_empty());
        let data = &s.dimensions[1];
        assert_eq!(data.gaps.len(), 1);
        assert_eq!(data.gaps[0].answer, "None");
        assert_eq!(data.gaps[0].note, vec!["paper ledgers", "only"]);
    }

    #[test]
    fn in_the_lowest_stage_only_answers_above_the_lowest_level_are_strengths() {
        // equipment 2.0 (w 2), data: systems erp 3.0 → 3.0; overall (4 + 3) / 3 = 2.33 → 2.0.
        let s = sheet(
            &[
                ("has-cnc", choice("no")),
                ("systems", Response::Choices(vec!["erp".into()])),
            ],
            |_| {},
        );
        assert_eq!(
            s.standing.stage.as_ref().map(|st| st.id.as_str()),
            Some("2.0")
        );
        assert_eq!(s.strengths_title, "Strengths (above the lowest level)");
        assert_eq!(s.gaps_title, "Gaps (at the lowest level)");
        assert!(s.dimensions[0].strengths.is_empty());
        assert_eq!(s.dimensions[0].gaps[0].answer, "No");
        assert_eq!(s.dimensions[1].strengths[0].answer, "ERP");
        assert_eq!(s.standing.stages[0].range, "2.00–2.50");
        assert_eq!(s.standing.stages[4].range, "4.00");
    }

    #[test]
    fn unscored_answers_and_not_applicable_are_observations() {
        let s = sheet(
            &[
                ("has-cnc", choice("yes")),
                ("cnc-share", Response::NotApplicable),
                ("headcount", Response::Value(3.0)),
                ("remarks", Response::Text("keen".into())),
            ],
            |_| {},
        );
        let obs: Vec<&str> = s.dimensions[0]
            .observations
            .iter()
            .map(|f| f.answer.as_str())
            .collect();
        assert_eq!(obs, vec!["not applicable"]);
        let talent: Vec<&str> = s.dimensions[2]
            .observations
            .iter()
            .map(|f| f.answer.as_str())
            .collect();
        assert_eq!(talent, vec!["3", "keen"]);
    }

    #[test]
    fn plan_groups_by_horizon_keeping_the_advice_order_and_dates() {
        let s = sheet(&[("has-cnc", choice("no"))], |a| {
            a.visit.date = Some("2026-11-27".parse().unwrap());
        });
        let ids: Vec<(&str, Vec<&str>)> = s
            .plan
            .groups
            .iter()
            .map(|g| (g.id, g.items.iter().map(|i| i.id.as_str()).collect()))
            .collect();
        // cnc-upgrade (high, medium term), overall-low (high, short), ask-remarks (low, short)
        assert_eq!(
            ids,
            vec![
                ("short", vec!["overall-low", "ask-remarks"]),
                ("medium", vec!["cnc-upgrade"]),
            ]
        );
        assert_eq!(s.plan.groups[0].due.as_deref(), Some("by 2027-05"));
        assert_eq!(s.plan.groups[1].due.as_deref(), Some("by 2028-05"));
        let numbers: Vec<usize> = s
            .plan
            .groups
            .iter()
            .flat_map(|g| g.items.iter().map(|i| i.number))
            .collect();
        assert_eq!(numbers, vec![1, 2, 3]);
        assert_eq!(
            s.plan.groups[1].items[0].reasons,
            vec!["“Does the firm have CNC machines?” was answered “No”"]
        );
    }

    #[test]
    fn warnings_show_an_unfinished_or_unmarked_assessment() {
        let s = sheet(&[("has-cnc", choice("no"))], |_| {});
        assert_eq!(s.standing.warnings.len(), 2);
        assert!(s.standing.warnings[0].contains("1 of 5 questions answered (20%)"));
        let done = sheet(
            &[
                ("has-cnc", choice("no")),
                ("automation", Response::Choices(vec![])),
                ("systems", Response::Choices(vec!["none".into()])),
                ("practices", Response::Choices(vec![])),
                ("training", Response::Value(1.0)),
            ],
            |a| a.visit.status = Status::Complete,
        );
        assert_eq!(done.standing.completeness, "100%");
        assert!(done.standing.warnings.is_empty());
    }
}
