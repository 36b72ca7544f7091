//! The sheet's view-model: everything the recommendation sheet shows, decided here from the
//! model and the assessment's evaluation, in the chosen language, as plain serialisable data.
//! Templates only lay it out. Text from the assessment is stripped of control characters
//! here; escaping for HTML or Markdown is the templates' auto-escaping.
//!
//! The sheet is a policy: page 1 decides (standing, verdict, the first actions, the target
//! and what the plan brings, the expert's word, signatures); then the whole plan, the
//! pictures and a short view of each dimension; every answer only in the annex.

#[cfg(test)]
mod decided_tests;
mod dimensions;
mod plan;
mod since;

use serde::Serialize;

pub use dimensions::{AnnexDimension, DimensionView, Finding};
pub use plan::{Decided, HorizonGroup, LaterItem, Plan, PlanItem};
pub use since::{Change, EarlierView, ProgressItem, SinceLast};

use super::chart::{self, Bars, ChartInput, Radar};
use crate::evaluation::{Evaluation, explain};
use crate::i18n::{Lang, ReportWords};
use crate::model::condition::lt;
use crate::model::{Assessment, ProfileKind, Questionnaire, Stage, Status, Unanswered};
use crate::plain_text::{inert, inert_lines};
use crate::score::{RULES_VERSION, Score, Scorecard};

/// What the sheet holds beyond the decision pages.
#[derive(Debug, Clone, Copy, Default)]
pub struct SheetOptions<'a> {
    /// Every answer with its evidence, in an annex at the end.
    pub annex: bool,
    /// The earlier visit this one follows up, evaluated: the sheet then reports the progress
    /// on the actions agreed there and how the scores moved since.
    pub earlier: Option<EarlierView<'a>>,
}

/// The whole sheet, in the order it is printed.
#[derive(Debug, Clone, Serialize)]
pub struct Sheet {
    /// Language code of the sheet (`zh`, `en`), for `<html lang>`.
    pub lang: &'static str,
    /// The sheet's own words in that language.
    pub w: &'static ReportWords,
    pub header: Header,
    pub standing: Standing,
    /// The headline conclusion (rule 11); none when provisional or none holds.
    pub verdict: Option<VerdictView>,
    /// The stage the firm aims for next; none at the top or when provisional without one.
    pub target: Option<Target>,
    /// "If the plan is carried out: 2.38 → 2.71 → 2.95 → 3.12, stage 2.0 → 3.0"; none
    /// without a plan.
    pub projection: Option<String>,
    pub plan: Plan,
    /// On a follow-up visit whose earlier visit was found: the progress since then and how
    /// the scores moved.
    pub since: Option<SinceLast>,
    pub chart: Chart,
    /// The short view of each dimension.
    pub dimensions: Vec<DimensionView>,
    /// How strengths and gaps are judged, one sentence.
    pub judged: String,
    /// Every answer with its evidence, dimension by dimension; empty without `--annex`.
    pub annex: Vec<AnnexDimension>,
    /// Whether the annex is printed.
    pub with_annex: bool,
    /// Whether answers in the annex are split into strengths and gaps.
    pub split_by_stage: bool,
    /// The headings of the annex's strengths, gaps and observations lists.
    pub strengths_title: String,
    pub gaps_title: String,
    pub observations_title: String,
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
    /// Too little is answered for a stage: the scores are provisional.
    pub provisional: bool,
    /// Why it is provisional, with the completeness it has and needs.
    pub provisional_note: Option<String>,
    /// What holds the firm below the next stage, one sentence; none when not held.
    pub held: Option<String>,
    pub bottleneck: Option<Bottleneck>,
    /// e.g. "83%".
    pub completeness: String,
    /// e.g. "10 of 12 questions answered".
    pub answered: String,
    /// e.g. "score range 2.00–4.00".
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
    /// The label's name without its explanation, e.g. "Industry 2.5".
    pub name: String,
    /// The label's explanation after the name, e.g. "partly automated"; none without one.
    pub gloss: Option<String>,
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

#[derive(Debug, Clone, Serialize)]
pub struct VerdictView {
    pub title: String,
    pub text: String,
}

/// The stage the firm aims for and what it takes.
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    pub stage: StageView,
    /// "an overall score of 3.00; Equipment at least 2.75; …"
    pub needs: String,
    /// Whether the projection after the long term reaches it; none when provisional.
    pub reached: Option<bool>,
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
    /// The score the plan projects after the long term, where there is a plan.
    pub projected: Option<String>,
    pub bar: String,
    pub bottleneck: bool,
    pub counted: bool,
}

/// Up to this many dimensions, the radar and the bars fit side by side.
const STACK_ABOVE: usize = 12;

/// Builds the sheet of one assessment.
pub fn build(
    q: &Questionnaire,
    a: &Assessment,
    e: &Evaluation,
    lang: Lang,
    options: &SheetOptions<'_>,
) -> Sheet {
    let w = ReportWords::of(lang);
    let b = Builder {
        q,
        a,
        e,
        card: &e.card,
        w,
        lang,
    };
    let judge = b.judging_stage();
    let (strengths_title, gaps_title) = b.annex_titles(judge);
    Sheet {
        lang: lang.code(),
        w,
        header: b.header(),
        standing: b.standing(),
        verdict: e.verdict(q).map(|v| VerdictView {
            title: b.text(&v.title).to_string(),
            text: b.text(&v.text).to_string(),
        }),
        target: b.target(),
        projection: b.projection(),
        plan: b.plan(),
        since: options.earlier.map(|earlier| b.since_last(earlier)),
        chart: b.chart(),
        dimensions: (0..q.dimension.len())
            .map(|d| b.dimension(d, judge))
            .collect(),
        judged: b.judged(judge),
        annex: if options.annex {
            (0..q.dimension.len())
                .map(|d| b.annex_dimension(d, judge))
                .collect()
        } else {
            Vec::new()
        },
        with_annex: options.annex,
        split_by_stage: judge.is_some(),
        strengths_title,
        gaps_title,
        observations_title: if judge.is_some() {
            w.observations
        } else {
            w.answers
        }
        .to_string(),
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

/// What a stage's label says after its name: "Industry 2.5 — partly automated" gives "partly
/// automated"; none when the label is the name.
fn gloss(label: &str, name: &str) -> Option<String> {
    let rest = label.strip_prefix(name)?;
    let rest = rest.trim_start_matches([' ', '：', ':', '—', '-', '（', '(']);
    let rest = rest.trim_end_matches(['）', ')']).trim();
    (!rest.is_empty()).then(|| rest.to_string())
}

/// What an aside says when it makes a questionnaire one for first visits.
const FIRST_VISIT: [&str; 6] = [
    "首次",
    "初次",
    "第一次",
    "初访",
    "first visit",
    "initial visit",
];

/// A title without its closing aside (`（…）` or `(…)`) where that aside speaks of a first
/// visit; none otherwise.
pub(crate) fn without_first_visit(title: &str) -> Option<&str> {
    let t = title.trim_end();
    let open = match t.chars().last()? {
        '）' => t.rfind('（')?,
        ')' => t.rfind('(')?,
        _ => return None,
    };
    let aside = t[open..].to_lowercase();
    FIRST_VISIT
        .iter()
        .any(|m| aside.contains(m))
        .then(|| t[..open].trim_end())
        .filter(|base| !base.is_empty())
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
            name: self.q.stage_name(s, self.lang.code()).to_string(),
            gloss: gloss(self.text(&s.label), self.q.stage_name(s, self.lang.code())),
            description: s.description.as_ref().map(|d| self.text(d).to_string()),
            from: two(s.from),
            range: if lt(s.from, end) {
                format!("{}–{}", two(s.from), two(end))
            } else {
                two(s.from)
            },
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
            questionnaire: self.questionnaire_title(),
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

    /// The questionnaire's title; on a follow-up visit without the aside that calls it a
    /// first visit ("智能制造快速筛查（首次走访）" gives "智能制造快速筛查（回访）").
    fn questionnaire_title(&self) -> String {
        let title = self.text(&self.q.title);
        match self
            .a
            .visit
            .previous
            .as_ref()
            .and(without_first_visit(title))
        {
            Some(base) => self.w.follow_up_title(base),
            None => title.to_string(),
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
        Standing {
            overall: card.overall.map(two),
            stage: card.stage.map(|i| self.stage_view(&q.scale.stage[i])),
            provisional: card.provisional,
            provisional_note: explain::provisional(q, self.e, self.lang),
            held: explain::gate(q, self.e, self.lang),
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

    /// The stage the firm aims for: the visit's `target` where it names a stage above the
    /// firm's, else the next stage.
    fn target_stage(&self) -> Option<usize> {
        let stages = &self.q.scale.stage;
        let named = self
            .a
            .visit
            .target
            .as_deref()
            .and_then(|t| stages.iter().position(|s| s.id == t));
        match (self.card.stage, named) {
            (Some(now), Some(t)) if t > now => Some(t),
            (Some(now), _) => (now + 1 < stages.len()).then_some(now + 1),
            (None, named) => named,
        }
    }

    fn target(&self) -> Option<Target> {
        let (q, w) = (self.q, self.w);
        let t = self.target_stage()?;
        let stage = &q.scale.stage[t];
        let mut needs = vec![w.target_needs(&two(stage.from))];
        needs.extend(q.dimension.iter().filter_map(|d| {
            let x = stage.requires.get(&d.id)?;
            Some(w.target_requires(self.text(&d.title), &two(*x)))
        }));
        let end = self.e.decided_end().stage();
        Some(Target {
            stage: self.stage_view(stage),
            needs: needs.join(if self.lang == Lang::Zh { "；" } else { "; " }),
            reached: (!self.card.provisional).then(|| end.is_some_and(|s| s >= t)),
        })
    }

    /// What the plan brings: the agreed plan's projection once the firm decided anything,
    /// else rule 10's, saying which.
    fn projection(&self) -> Option<String> {
        if !self.e.anything_planned() {
            return None;
        }
        let w = crate::i18n::PlanWords::of(self.lang);
        let (scores, stages, _) = explain::decided_path(self.q, self.e, self.lang);
        Some(match (self.e.is_decided(), self.card.provisional) {
            (false, false) => w.sheet_projection_all(&scores, &stages),
            (false, true) => w.sheet_projection_all_provisional(&scores),
            (true, false) => w.sheet_projection_agreed(&scores, &stages),
            (true, true) => w.sheet_projection_agreed_provisional(&scores),
        })
    }

    fn chart(&self) -> Chart {
        let (q, card, w) = (self.q, self.card, self.w);
        let planned = self.e.anything_planned();
        let projected: Option<Vec<Option<f64>>> = planned.then(|| {
            let end = &self.e.decided_end().card;
            end.dimensions.iter().map(|d| d.score).collect()
        });
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
            projected: projected.clone(),
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
                projected: projected.as_ref().map(|p| Score::from(p[i]).to_string()),
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluation::evaluate;
    use crate::model::Response;
    use crate::score::tests::{assessment, features};

    fn sheet(answers: &[(&str, Response)], edit: impl Fn(&mut Assessment)) -> Sheet {
        let q = features();
        let mut a = assessment(answers);
        edit(&mut a);
        build(
            &q,
            &a,
            &evaluate(&q, &a),
            Lang::En,
            &SheetOptions {
                annex: true,
                ..SheetOptions::default()
            },
        )
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
        let eq = &s.annex[0];
        // 3.0 is at the stage's start: a strength.
        assert_eq!(eq.strengths.len(), 2);
        assert!(eq.gaps.is_empty());
        let data = &s.annex[1];
        assert_eq!(data.gaps.len(), 1);
        assert_eq!(data.gaps[0].answer, "None");
        assert_eq!(data.gaps[0].note, vec!["paper ledgers", "only"]);
        // The short view names the strongest answer first, and nothing ticked by its
        // question.
        assert_eq!(s.dimensions[0].strengths, vec!["Robots"]);
        assert!(s.dimensions[0].more_strengths.is_some());
        assert_eq!(
            s.dimensions[1].gaps,
            vec!["Which information systems?: None"]
        );
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
        assert!(s.annex[0].strengths.is_empty());
        assert_eq!(s.annex[0].gaps[0].answer, "No");
        assert_eq!(s.annex[1].strengths[0].answer, "ERP");
        // A weak answer is never a strength.
        assert_eq!(s.dimensions[0].gaps, vec!["No"]);
        assert!(s.dimensions[0].strengths.is_empty());
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
        let obs: Vec<&str> = s.annex[0]
            .observations
            .iter()
            .map(|f| f.answer.as_str())
            .collect();
        assert_eq!(obs, vec!["not applicable"]);
        let talent: Vec<&str> = s.annex[2]
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
