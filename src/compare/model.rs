//! The comparison of firms as data: one row per firm (its latest visit, with the earlier ones
//! kept as its progression), the columns, sorting, filters, the cohort row, percentiles and
//! the cohort view. Everything is computed here, so a screen or a file only renders it.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use super::firms::{Who, firms_of, follow_up_depths_by};
use super::stats::{Summary, percentile_ranks};
use super::view::CohortView;
use crate::evaluation::ScoredVisit;
use crate::i18n::{CompareWords, Lang};
use crate::model::{
    Decision, Horizon, PlanEntry, Priority, ProfileKind, Progress, ProgressStatus, Status,
    SupportOutcome,
};
use crate::score::round2;
use crate::store::LoadedQuestionnaire;

/// A dimension of one of the questionnaires compared, known by questionnaire id and its id.
#[derive(Debug, Clone)]
pub struct DimensionInfo {
    pub questionnaire: String,
    pub id: String,
    /// The title in the comparison's language.
    pub title: String,
    pub weight: f64,
}

/// A stage of the score axis; stages of the same id in several questionnaires are one.
#[derive(Debug, Clone)]
pub struct StageInfo {
    pub id: String,
    pub label: String,
    pub from: f64,
}

/// A recommendation of one of the questionnaires compared.
#[derive(Debug, Clone)]
pub struct RecommendationInfo {
    pub questionnaire: String,
    pub id: String,
    pub title: String,
    /// The public instrument or body that helps, if the questionnaire names one.
    pub support: Option<String>,
    pub priority: Priority,
    pub horizon: Horizon,
}

/// A verdict of one of the questionnaires compared.
#[derive(Debug, Clone)]
pub struct VerdictInfo {
    pub questionnaire: String,
    pub id: String,
    pub title: String,
}

/// A profile field that filters can name.
#[derive(Debug, Clone)]
pub struct ProfileInfo {
    pub id: String,
    pub label: String,
    pub kind: ProfileKind,
    /// (id, label) of a choice field's options, in questionnaire order.
    pub options: Vec<(String, String)>,
}

/// One value a filter on a field can choose, and how many firms have it.
#[derive(Debug, Clone, PartialEq)]
pub struct FilterValue {
    /// The value as a filter names it (`industry=fans`).
    pub value: String,
    /// The value in words: an option's label, a stage's label, a dimension's title; else the
    /// value itself.
    pub label: String,
    /// The firms a filter on the value shows, among those the filters on other fields let
    /// through: those of the questionnaire most of them follow (the others are counted apart,
    /// as the table counts them).
    pub firms: usize,
}

/// One visit to a firm, reduced to what the comparison shows. Scores are rounded to two
/// decimals, as they are printed and exported, and every statistic is computed on them.
#[derive(Debug, Clone)]
pub struct Visit {
    pub file: Box<Path>,
    pub firm: Box<str>,
    /// `YYYY-MM-DD`.
    pub date: Option<Box<str>>,
    /// The version of the questionnaire the visit is scored against (one text shared by
    /// every visit of that version).
    pub version: Arc<str>,
    pub status: Status,
    pub completeness: f64,
    pub overall: Option<f64>,
    /// Too little is answered for a stage (scoring rule 4): the scores are provisional, so the
    /// visit is neither ranked nor in the cohort's statistics.
    pub provisional: bool,
    /// Index in [`Comparison::stages`] (see [`Visit::stage`]; as `u32`, as are the indices
    /// below: a province's visits are many).
    pub stage: Option<u32>,
    /// Index in [`Comparison::dimensions`].
    pub bottleneck: Option<u32>,
    /// One per entry of [`Comparison::dimensions`]; none where the visit's questionnaire
    /// lacks the dimension or it has no score.
    pub dimensions: Scores,
    /// Indices in [`Comparison::recommendations`] of those that fire, in sheet order (as
    /// `u32`, as are those below: half the memory of a cohort's lists; every list is a boxed
    /// slice, a word smaller than a vector).
    pub recommendations: Box<[u32]>,
    /// The profile fields kept (see [`Gather::profile_fields`]); none when none is.
    pub profile: Option<Box<BTreeMap<String, toml::Value>>>,
    /// The assessor's name, one text shared by every visit of the same assessor.
    pub assessor: Option<Arc<str>>,
    /// Index in [`Comparison::verdicts`]; none when provisional or when none holds.
    pub verdict: Option<u32>,
    /// The projection once the whole plan is carried out (after the long horizon): the
    /// overall score, rounded, and its stage (index in [`Comparison::stages`]).
    pub projected: (Option<f64>, Option<u32>),
    /// Indices in [`Comparison::recommendations`] of the actions planned in the short, medium
    /// and long horizons (rule 9).
    pub planned: Box<[u32]>,
    /// Indices in [`Comparison::recommendations`] of those that apply but are left for later.
    pub later: Box<[u32]>,
    /// What came of actions at this visit; none where nothing did (most visits).
    pub actions: Option<Box<Actions>>,
}

/// Ids of actions a visit names, each id one text shared by every visit that names it.
#[derive(Debug, Clone, Default)]
pub struct Actions {
    /// The actions the firm agreed at this visit (recommendations and its own).
    pub agreed: Box<[Arc<str>]>,
    /// The actions this visit reports done (`[progress.*] status = "done"`).
    pub done: Box<[Arc<str>]>,
    /// The actions whose public support this visit reports granted.
    pub granted: Box<[Arc<str>]>,
}

/// Rounded scores, one per dimension, kept in hundredths: a province's visits hold them in a
/// quarter of the memory of `Option<f64>`s, and give back exactly the rounded values.
#[derive(Debug, Clone, PartialEq)]
pub enum Scores {
    /// Each score × 100; [`Scores::NONE`] for none.
    Hundredths(Box<[i32]>),
    /// Scores too large for hundredths in 32 bits (a questionnaire's own scale), as they are.
    Exact(Box<[Option<f64>]>),
}

impl Scores {
    const NONE: i32 = i32::MIN;

    /// Keeps `scores`, each already rounded to two decimals.
    pub fn of(scores: impl IntoIterator<Item = Option<f64>>) -> Scores {
        let scores: Vec<Option<f64>> = scores.into_iter().collect();
        let hundredths: Option<Box<[i32]>> = scores
            .iter()
            .map(|s| match *s {
                None => Some(Self::NONE),
                Some(x) => {
                    let h = (x * 100.0).round();
                    let fits = h.abs() < f64::from(i32::MAX) && h / 100.0 == x;
                    // -0.0 comes back as 0.0: kept as it is.
                    (fits && x.to_bits() != (-0.0f64).to_bits()).then_some(h as i32)
                }
            })
            .collect();
        match hundredths {
            Some(h) => Scores::Hundredths(h),
            None => Scores::Exact(scores.into_boxed_slice()),
        }
    }

    /// The score of dimension `i`; none where there is none or no such dimension.
    pub fn get(&self, i: usize) -> Option<f64> {
        match self {
            Scores::Hundredths(h) => match h.get(i) {
                Some(&x) if x != Self::NONE => Some(f64::from(x) / 100.0),
                _ => None,
            },
            Scores::Exact(x) => x.get(i).copied().flatten(),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Scores::Hundredths(h) => h.len(),
            Scores::Exact(x) => x.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = Option<f64>> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

impl Visit {
    /// Index in [`Comparison::stages`] of the stage reached.
    pub fn stage(&self) -> Option<usize> {
        self.stage.map(|i| i as usize)
    }

    /// Index in [`Comparison::dimensions`] of the bottleneck.
    pub fn bottleneck(&self) -> Option<usize> {
        self.bottleneck.map(|i| i as usize)
    }

    /// Index in [`Comparison::verdicts`] of the verdict.
    pub fn verdict(&self) -> Option<usize> {
        self.verdict.map(|i| i as usize)
    }

    /// Index in [`Comparison::stages`] of the stage projected once the whole plan is done.
    pub fn projected_stage(&self) -> Option<usize> {
        self.projected.1.map(|i| i as usize)
    }

    /// The value of profile field `id`, where it is kept.
    pub fn profile(&self, id: &str) -> Option<&toml::Value> {
        self.profile.as_ref()?.get(id)
    }

    /// Ids of the actions the firm agreed at this visit.
    pub fn agreed(&self) -> &[Arc<str>] {
        self.actions.as_ref().map_or(&[], |a| &a.agreed)
    }

    /// Ids of the actions this visit reports done.
    pub fn done(&self) -> &[Arc<str>] {
        self.actions.as_ref().map_or(&[], |a| &a.done)
    }

    /// Ids of the actions whose public support this visit reports granted.
    pub fn granted(&self) -> &[Arc<str>] {
        self.actions.as_ref().map_or(&[], |a| &a.granted)
    }

    /// The overall score as a result that ranks and counts: none while provisional.
    pub fn ranked(&self) -> Option<f64> {
        self.overall.filter(|_| !self.provisional)
    }

    /// The dimension's score as a result that counts: none while provisional.
    pub fn ranked_dimension(&self, d: usize) -> Option<f64> {
        self.dimensions.get(d).filter(|_| !self.provisional)
    }
}

/// A firm: every visit to it with one questionnaire, oldest first. The latest visit is the
/// firm's row; the cohort counts each firm once.
#[derive(Debug, Clone)]
pub struct FirmRow {
    pub questionnaire: String,
    pub visits: Vec<Visit>,
    /// Percentile rank of the latest overall score in the cohort shown (see
    /// [`super::stats::percentile_ranks`]); none while filtered out.
    pub percentile: Option<f64>,
}

/// How a re-visited firm moved since its previous visit: later score − earlier score, on the
/// rounded scores; none where either visit lacks the score.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub overall: Option<f64>,
    pub dimensions: Vec<Option<f64>>,
}

impl FirmRow {
    /// The latest visit: the last by date, then by file name.
    pub fn latest(&self) -> &Visit {
        &self.visits[self.visits.len() - 1]
    }

    /// The firm's name as its latest visit records it.
    pub fn name(&self) -> &str {
        &self.latest().firm
    }

    /// The change from visit `i − 1` to visit `i`; none for the first visit.
    pub fn change(&self, i: usize) -> Option<Change> {
        let (prev, cur) = (self.visits.get(i.checked_sub(1)?)?, self.visits.get(i)?);
        let diff = |a: Option<f64>, b: Option<f64>| Some(round2(a? - b?));
        Some(Change {
            overall: diff(cur.overall, prev.overall),
            dimensions: cur
                .dimensions
                .iter()
                .zip(prev.dimensions.iter())
                .map(|(c, p)| diff(c, p))
                .collect(),
        })
    }
}

/// Whether the assessments compared share one questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mixed {
    /// One questionnaire, one version.
    No,
    /// One questionnaire id in several versions (listed); dimensions a version lacks are empty.
    Versions(Vec<String>),
    /// Several questionnaire ids (listed): firms are compared on the overall score only.
    Questionnaires(Vec<String>),
}

/// A column of the comparison table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Firm,
    File,
    Date,
    Questionnaire,
    Version,
    Status,
    Completeness,
    Overall,
    Stage,
    Bottleneck,
    /// Index in [`Comparison::dimensions`].
    Dimension(usize),
    Percentile,
    Visits,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

impl Direction {
    pub fn reversed(self) -> Direction {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }
}

impl Column {
    /// The direction a column reads best in: names, dates and words A to Z; scores, stages,
    /// counts and percentiles highest first.
    pub fn natural_direction(self) -> Direction {
        match self {
            Column::Firm
            | Column::File
            | Column::Date
            | Column::Questionnaire
            | Column::Version
            | Column::Status => Direction::Ascending,
            _ => Direction::Descending,
        }
    }
}

/// What a table cell holds, for a renderer to format.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// Untrusted text from a file: renderers make it inert or escape it.
    Text(&'a str),
    Score(Option<f64>),
    /// A share between 0 and 1.
    Share(f64),
    /// A percentile rank between 0 and 100.
    Percentile(Option<f64>),
    Count(usize),
    /// Index in [`Comparison::stages`].
    Stage(Option<usize>),
    /// Index in [`Comparison::dimensions`].
    Dimension(Option<usize>),
}

/// A filter on the firms compared: `field=a,b` (any of the values), `field<x`, `field>=x`.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    pub field: String,
    pub test: Test,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    OneOf(Vec<String>),
    Below(f64),
    AtLeast(f64),
}

/// Why a filter cannot be read or applied; [`FilterError::text`] says it in either language.
#[derive(Debug, Clone, PartialEq)]
pub enum FilterError {
    /// The text is not of the form `FIELD=VALUE[,VALUE…]`, `FIELD<NUMBER` or `FIELD>=NUMBER`.
    NotAFilter(String),
    /// The field is neither a profile field nor a column; the fields that are.
    UnknownField { field: String, known: Vec<String> },
    /// The field is compared by value, and the filter compares it as a number.
    ByValue(String),
    /// A filter on `filter` given to replace the filters on `field`.
    OtherField { filter: String, field: String },
    /// The field has no values to pick: neither a profile field nor questionnaire, stage or
    /// bottleneck.
    NoValues(String),
}

impl FilterError {
    /// The sentence for people, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let w = CompareWords::of(lang);
        match self {
            FilterError::NotAFilter(s) => w.not_a_filter(s),
            FilterError::UnknownField { field, known } => {
                w.filter_unknown_field(field, &known.join(", "))
            }
            FilterError::ByValue(field) => w.filter_by_value(field),
            FilterError::OtherField { filter, field } => w.filter_other_field(filter, field),
            FilterError::NoValues(field) => w.filter_no_values(field),
        }
    }
}

impl std::str::FromStr for Filter {
    type Err = FilterError;

    /// Reads `industry=fans,motors`, `employees<50` or `data>=3`.
    fn from_str(s: &str) -> Result<Self, FilterError> {
        let bad = || FilterError::NotAFilter(s.to_string());
        let (field, test) = if let Some((f, v)) = s.split_once(">=") {
            (f, Test::AtLeast(v.trim().parse().map_err(|_| bad())?))
        } else if let Some((f, v)) = s.split_once('<') {
            (f, Test::Below(v.trim().parse().map_err(|_| bad())?))
        } else if let Some((f, v)) = s.split_once('=') {
            let values: Vec<String> = v
                .split(',')
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect();
            if values.is_empty() {
                return Err(bad());
            }
            (f, Test::OneOf(values))
        } else {
            return Err(bad());
        };
        let field = field.trim();
        if field.is_empty() {
            return Err(bad());
        }
        Ok(Filter {
            field: field.to_string(),
            test,
        })
    }
}

impl std::fmt::Display for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.test {
            Test::OneOf(v) => write!(f, "{}={}", self.field, v.join(",")),
            Test::Below(x) => write!(f, "{}<{x}", self.field),
            Test::AtLeast(x) => write!(f, "{}>={x}", self.field),
        }
    }
}

/// What a filter's field names.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    Profile(String),
    Column(Column),
}

/// The cohort row: how each score column is spread over the firms shown.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortRow {
    pub overall: Option<Summary>,
    /// One per entry of [`Comparison::dimensions`].
    pub dimensions: Vec<Option<Summary>>,
    /// The projected overall score once the whole plan is carried out.
    pub projected: Option<Summary>,
}

/// The firms compared, and how they are currently sorted and filtered.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The language of its labels and words.
    lang: Lang,
    dimensions: Vec<DimensionInfo>,
    /// Dimensions shown as columns: all of one questionnaire id, none across several.
    shown_dimensions: Vec<usize>,
    stages: Vec<StageInfo>,
    recommendations: Vec<RecommendationInfo>,
    /// (questionnaire id, recommendation id) → index in `recommendations`.
    recommendation_at: Arc<HashMap<(String, String), usize>>,
    verdicts: Vec<VerdictInfo>,
    profile: Vec<ProfileInfo>,
    /// (id, version) of each distinct questionnaire scored against, in order of first use.
    questionnaires: Vec<(String, String)>,
    mixed: Mixed,
    /// The title of each questionnaire id, in the comparison's language.
    titles: Vec<(String, String)>,
    firms: Vec<FirmRow>,
    /// The firms shown, in display order: those the filters let through, of one
    /// questionnaire (the one most of them follow) — instruments are never mixed.
    order: Vec<usize>,
    /// The questionnaire of the firms shown.
    focus: Option<String>,
    /// Firms the filters let through that follow other questionnaires: (id, firms), most
    /// first. They are counted apart, never mixed into the table or its statistics.
    apart: Vec<(String, usize)>,
    sort: (Column, Direction),
    filters: Vec<(Filter, Target)>,
    cohort: CohortRow,
    view: CohortView,
}

/// What the questionnaires compared hold, each item once (stages by id, profile fields by
/// id, the rest by questionnaire id and id), and where each questionnaire's items went.
struct Catalogue {
    dimensions: Vec<DimensionInfo>,
    recommendations: Vec<RecommendationInfo>,
    verdicts: Vec<VerdictInfo>,
    stages: Vec<StageInfo>,
    profile: Vec<ProfileInfo>,
    rec_at: HashMap<(String, String), usize>,
    maps: Vec<Maps>,
}

impl Catalogue {
    fn of(distinct: &[Arc<LoadedQuestionnaire>], l: &str) -> Catalogue {
        let mut dimensions: Vec<DimensionInfo> = Vec::new();
        let mut recommendations: Vec<RecommendationInfo> = Vec::new();
        let mut stages: Vec<StageInfo> = Vec::new();
        let mut profile: Vec<ProfileInfo> = Vec::new();
        let mut dim_at: HashMap<(String, String), usize> = HashMap::new();
        let mut rec_at: HashMap<(String, String), usize> = HashMap::new();
        let mut verdicts: Vec<VerdictInfo> = Vec::new();
        let mut verdict_at: HashMap<(String, String), usize> = HashMap::new();
        for lq in distinct {
            let q = &lq.questionnaire;
            let key = |id: &str| (q.id.clone(), id.to_string());
            for d in &q.dimension {
                listed(&mut dim_at, &mut dimensions, key(&d.id), || DimensionInfo {
                    questionnaire: q.id.clone(),
                    id: d.id.clone(),
                    title: q.text(&d.title, l).to_string(),
                    weight: d.weight,
                });
            }
            for r in &q.recommendation {
                listed(&mut rec_at, &mut recommendations, key(&r.id), || {
                    RecommendationInfo {
                        questionnaire: q.id.clone(),
                        id: r.id.clone(),
                        title: q.text(&r.title, l).to_string(),
                        support: r.support.as_ref().map(|s| q.text(s, l).to_string()),
                        priority: r.priority,
                        horizon: r.horizon,
                    }
                });
            }
            for v in &q.verdict {
                listed(&mut verdict_at, &mut verdicts, key(&v.id), || VerdictInfo {
                    questionnaire: q.id.clone(),
                    id: v.id.clone(),
                    title: q.text(&v.title, l).to_string(),
                });
            }
            for s in &q.scale.stage {
                if !stages.iter().any(|x| x.id == s.id) {
                    stages.push(StageInfo {
                        id: s.id.clone(),
                        label: q.text(&s.label, l).to_string(),
                        from: s.from,
                    });
                }
            }
            for p in &q.profile {
                if !profile.iter().any(|x| x.id == p.id) {
                    profile.push(ProfileInfo {
                        id: p.id.clone(),
                        label: q.text(&p.label, l).to_string(),
                        kind: p.kind,
                        options: p
                            .options
                            .iter()
                            .map(|o| (o.id.clone(), q.text(&o.label, l).to_string()))
                            .collect(),
                    });
                }
            }
        }
        stages.sort_by(|a, b| a.from.total_cmp(&b.from));
        let maps = maps_of(distinct, &stages, [&dim_at, &rec_at, &verdict_at]);
        Catalogue {
            dimensions,
            recommendations,
            verdicts,
            stages,
            profile,
            rec_at,
            maps,
        }
    }
}

/// Lists an item under `key` unless it is listed already (made by `make` only then).
fn listed<T>(
    at: &mut HashMap<(String, String), usize>,
    list: &mut Vec<T>,
    key: (String, String),
    make: impl FnOnce() -> T,
) {
    at.entry(key).or_insert_with(|| {
        list.push(make());
        list.len() - 1
    });
}

/// Where each questionnaire's dimensions, stages, recommendations and verdicts went, given
/// where each (questionnaire id, id) of them was listed.
fn maps_of(
    distinct: &[Arc<LoadedQuestionnaire>],
    stages: &[StageInfo],
    [dim_at, rec_at, verdict_at]: [&HashMap<(String, String), usize>; 3],
) -> Vec<Maps> {
    distinct
        .iter()
        .map(|lq| {
            let q = &lq.questionnaire;
            Maps {
                dimensions: q
                    .dimension
                    .iter()
                    .map(|d| dim_at[&(q.id.clone(), d.id.clone())])
                    .collect(),
                stages: q
                    .scale
                    .stage
                    .iter()
                    .map(|s| stages.iter().position(|x| x.id == s.id).unwrap_or(0))
                    .collect(),
                recommendations: q
                    .recommendation
                    .iter()
                    .map(|r| rec_at[&(q.id.clone(), r.id.clone())])
                    .collect(),
                verdicts: q
                    .verdict
                    .iter()
                    .map(|v| verdict_at[&(q.id.clone(), v.id.clone())])
                    .collect(),
            }
        })
        .collect()
}

/// Per distinct questionnaire: where its dimensions, stages and recommendations went.
struct Maps {
    dimensions: Vec<usize>,
    stages: Vec<usize>,
    recommendations: Vec<usize>,
    verdicts: Vec<usize>,
}

impl Comparison {
    /// Compares scored assessments, with labels in `lang`. Visits of the same firm (same name,
    /// spaces aside, and same questionnaire id) become one row with a progression. Sorted by
    /// overall score, highest first; no filter.
    pub fn new(scored: &[ScoredVisit], lang: Lang) -> Self {
        let mut g = Comparison::gather();
        for s in scored {
            g.add(s);
        }
        g.finish(lang)
    }

    /// Visits to compare, gathered one at a time as they are read (see [`Gather`]).
    pub fn gather() -> Gather {
        Gather::default()
    }

    fn of_gathered(g: Gather, lang: Lang) -> Self {
        let l = lang.code();
        let distinct = g.distinct;
        let Catalogue {
            dimensions,
            recommendations,
            verdicts,
            stages,
            profile,
            rec_at,
            maps,
        } = Catalogue::of(&distinct, l);
        let mixed = mixed(&distinct);
        let mut titles: Vec<(String, String)> = Vec::new();
        for lq in &distinct {
            let q = &lq.questionnaire;
            if !titles.iter().any(|(id, _)| *id == q.id) {
                titles.push((q.id.clone(), q.text(&q.title, l).to_string()));
            }
        }
        titles.sort();

        let firms = firm_rows(g.visits, g.who, &distinct, &maps, dimensions.len());
        let mut c = Comparison {
            lang,
            dimensions,
            shown_dimensions: Vec::new(),
            stages,
            recommendations,
            recommendation_at: Arc::new(rec_at),
            verdicts,
            profile,
            questionnaires: distinct
                .iter()
                .map(|lq| {
                    let q = &lq.questionnaire;
                    (q.id.clone(), q.version.clone())
                })
                .collect(),
            mixed,
            titles,
            firms,
            order: Vec::new(),
            focus: None,
            apart: Vec::new(),
            sort: (Column::Overall, Direction::Descending),
            filters: Vec::new(),
            cohort: CohortRow {
                overall: None,
                dimensions: Vec::new(),
                projected: None,
            },
            view: CohortView::default(),
        };
        c.refresh();
        c
    }

    /// The language of its labels and words.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Every dimension of the questionnaires compared.
    pub fn dimensions(&self) -> &[DimensionInfo] {
        &self.dimensions
    }

    /// The dimensions shown as columns (indices in [`Self::dimensions`]).
    pub fn shown_dimensions(&self) -> &[usize] {
        &self.shown_dimensions
    }

    /// The stages of the score axis, lowest first.
    pub fn stages(&self) -> &[StageInfo] {
        &self.stages
    }

    pub fn recommendations(&self) -> &[RecommendationInfo] {
        &self.recommendations
    }

    /// The index in [`Self::recommendations`] of a questionnaire's recommendation.
    pub fn recommendation_index(&self, questionnaire: &str, id: &str) -> Option<usize> {
        self.recommendation_at
            .get(&(questionnaire.to_string(), id.to_string()))
            .copied()
    }

    /// The verdicts of the questionnaires compared.
    pub fn verdicts(&self) -> &[VerdictInfo] {
        &self.verdicts
    }

    /// The profile fields filters can name.
    pub fn profile_fields(&self) -> &[ProfileInfo] {
        &self.profile
    }

    /// (id, version) of each questionnaire scored against, in order of first use.
    pub fn questionnaires(&self) -> &[(String, String)] {
        &self.questionnaires
    }

    pub fn mixed(&self) -> &Mixed {
        &self.mixed
    }

    /// The questionnaire id of the firms shown; none when no firm is shown.
    pub fn focus(&self) -> Option<&str> {
        self.focus.as_deref()
    }

    /// Firms the filters let through that follow another questionnaire than the one shown,
    /// as (questionnaire id, firms), most first: counted apart, never compared with these.
    pub fn apart(&self) -> &[(String, usize)] {
        &self.apart
    }

    /// The comparison of the firms of one questionnaire among those the filters let
    /// through (a filter on `questionnaire`); how each questionnaire gets its own section.
    pub fn of_questionnaire(&self, id: &str) -> Comparison {
        let mut one = self.clone();
        let filter = Filter {
            field: "questionnaire".into(),
            test: Test::OneOf(vec![id.to_string()]),
        };
        let target = Target::Column(Column::Questionnaire);
        one.filters.retain(|(f, _)| f.field != "questionnaire");
        one.filters.push((filter, target));
        one.refresh();
        one
    }

    /// The title of a questionnaire compared, by id.
    pub fn questionnaire_title(&self, id: &str) -> Option<&str> {
        self.titles
            .iter()
            .find(|(q, _)| q == id)
            .map(|(_, t)| t.as_str())
    }

    /// Every firm, shown or not, in the order first read.
    pub fn all_firms(&self) -> &[FirmRow] {
        &self.firms
    }

    /// The firms shown (filters applied), in the current order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &FirmRow> + Clone {
        self.order.iter().map(|&i| &self.firms[i])
    }

    /// The re-visited firms among those shown, in the current order.
    pub fn progressions(&self) -> impl Iterator<Item = &FirmRow> + Clone {
        self.rows().filter(|f| f.visits.len() > 1)
    }

    /// The columns of the table: firm, date, (questionnaire when several), overall, stage,
    /// bottleneck, the dimensions, percentile and number of visits.
    pub fn columns(&self) -> Vec<Column> {
        let mut c = vec![Column::Firm, Column::Date];
        c.extend([Column::Overall, Column::Stage, Column::Bottleneck]);
        c.extend(self.shown_dimensions.iter().map(|&i| Column::Dimension(i)));
        c.extend([Column::Percentile, Column::Visits]);
        c
    }

    /// The id of a column, as `--sort` takes it and CSV headers show it.
    pub fn column_id(&self, c: Column) -> &str {
        match c {
            Column::Firm => "firm",
            Column::File => "file",
            Column::Date => "date",
            Column::Questionnaire => "questionnaire",
            Column::Version => "version",
            Column::Status => "status",
            Column::Completeness => "completeness",
            Column::Overall => "overall",
            Column::Stage => "stage",
            Column::Bottleneck => "bottleneck",
            Column::Dimension(i) => &self.dimensions[i].id,
            Column::Percentile => "percentile",
            Column::Visits => "visits",
        }
    }

    /// The column with an id: a fixed column, else a dimension shown.
    pub fn column(&self, id: &str) -> Option<Column> {
        let fixed = [
            Column::Firm,
            Column::File,
            Column::Date,
            Column::Questionnaire,
            Column::Version,
            Column::Status,
            Column::Completeness,
            Column::Overall,
            Column::Stage,
            Column::Bottleneck,
            Column::Percentile,
            Column::Visits,
        ];
        fixed
            .into_iter()
            .find(|c| self.column_id(*c) == id)
            .or_else(|| {
                self.shown_dimensions
                    .iter()
                    .find(|&&i| self.dimensions[i].id == id)
                    .map(|&i| Column::Dimension(i))
            })
    }

    /// The ids `--sort` accepts.
    pub fn column_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .columns()
            .into_iter()
            .map(|c| self.column_id(c).to_string())
            .collect();
        for c in [Column::Completeness, Column::Status, Column::File] {
            ids.push(self.column_id(c).to_string());
        }
        ids
    }

    /// What a firm's row shows in a column.
    pub fn cell<'a>(&'a self, firm: &'a FirmRow, column: Column) -> Cell<'a> {
        let v = firm.latest();
        match column {
            Column::Firm => Cell::Text(&v.firm),
            Column::File => Cell::Text(v.file.to_str().unwrap_or("")),
            Column::Date => Cell::Text(v.date.as_deref().unwrap_or("")),
            Column::Questionnaire => Cell::Text(&firm.questionnaire),
            Column::Version => Cell::Text(&v.version),
            Column::Status => Cell::Text(v.status.id()),
            Column::Completeness => Cell::Share(v.completeness),
            Column::Overall => Cell::Score(v.overall),
            Column::Stage => Cell::Stage(v.stage()),
            Column::Bottleneck => Cell::Dimension(v.bottleneck()),
            Column::Dimension(i) => Cell::Score(v.dimensions.get(i)),
            Column::Percentile => Cell::Percentile(firm.percentile),
            Column::Visits => Cell::Count(firm.visits.len()),
        }
    }

    /// The current sort.
    pub fn sort(&self) -> (Column, Direction) {
        self.sort
    }

    /// Sorts the rows by a column. Missing values go last in either direction; ties keep the
    /// order of firm name, then file.
    pub fn sort_by(&mut self, column: Column, direction: Direction) {
        self.sort = (column, direction);
        let firms = &self.firms;
        let key = |i: usize| SortKey::of(firms, i, column);
        self.order.sort_by(|&a, &b| {
            let (ka, kb) = (key(a), key(b));
            let primary = match (ka.is_missing(), kb.is_missing()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => {
                    let o = ka.cmp(&kb);
                    if direction == Direction::Descending {
                        o.reverse()
                    } else {
                        o
                    }
                }
            };
            primary.then_with(|| {
                let (fa, fb) = (firms[a].latest(), firms[b].latest());
                fa.firm.cmp(&fb.firm).then_with(|| fa.file.cmp(&fb.file))
            })
        });
    }

    /// Adds a filter and recomputes the cohort. A field is a profile field, else one of the
    /// columns overall, a dimension, completeness, stage, bottleneck, status, questionnaire.
    pub fn filter(&mut self, filter: Filter) -> Result<(), FilterError> {
        let target = self.target(&filter)?;
        self.filters.push((filter, target));
        self.refresh();
        Ok(())
    }

    /// Compares `scored` again, keeping the filters and the sort: for the same visits after
    /// some were re-scored. Each visit follows the questionnaire it followed when `self` was
    /// made (re-scoring keeps it), so the profile fields and columns are the same and every
    /// filter still names what it named: none can be refused, none is lost.
    pub fn rescored(&self, scored: &[ScoredVisit]) -> Comparison {
        let mut c = Comparison::new(scored, self.lang);
        c.filters = self.filters.clone();
        c.sort = self.sort;
        c.refresh();
        c
    }

    /// Removes every filter.
    pub fn clear_filters(&mut self) {
        self.filters.clear();
        self.refresh();
    }

    pub fn filters(&self) -> impl Iterator<Item = &Filter> {
        self.filters.iter().map(|(f, _)| f)
    }

    /// Replaces the filters on `field` by `filter` (none: removes them) and recomputes the
    /// cohort once. Refused, with the filters unchanged, when `filter` names another field
    /// or cannot apply (see [`Self::filter`]).
    pub fn set_filter(&mut self, field: &str, filter: Option<Filter>) -> Result<(), FilterError> {
        let added = match filter {
            Some(f) if f.field != field => {
                return Err(FilterError::OtherField {
                    filter: f.field,
                    field: field.to_string(),
                });
            }
            Some(f) => {
                let target = self.target(&f)?;
                Some((f, target))
            }
            None => None,
        };
        self.filters.retain(|(f, _)| f.field != field);
        self.filters.extend(added);
        self.refresh();
        Ok(())
    }

    /// The values a filter on `field` (a profile field, `stage` or `bottleneck`) can choose,
    /// each with the number of firms the table shows once it is applied (among those the
    /// filters on other fields let through, the firms of the questionnaire most of them follow). Options, stages and dimensions come in questionnaire order, other values
    /// in ascending order (numbers by value); values no firm has are left out.
    pub fn filter_values(&self, field: &str) -> Result<Vec<FilterValue>, FilterError> {
        let others: Vec<&(Filter, Target)> = self
            .filters
            .iter()
            .filter(|(f, _)| f.field != field)
            .collect();
        let firms = self
            .firms
            .iter()
            .filter(|f| others.iter().all(|(x, t)| self.matches(f, &x.test, t)));
        // How many firms each value of the field (their latest visit's) shows: as applying it
        // does, the firms of the questionnaire most of them follow, the others counted apart.
        let tally = |key: &dyn Fn(&FirmRow) -> Option<String>| {
            let mut per: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
            for f in firms.clone() {
                if let Some(k) = key(f) {
                    *per.entry(k)
                        .or_default()
                        .entry(f.questionnaire.as_str())
                        .or_default() += 1;
                }
            }
            per.into_iter()
                .map(|(k, q)| (k, q.into_values().max().unwrap_or(0)))
                .collect::<BTreeMap<String, usize>>()
        };
        let (mut counts, known): (_, Vec<(String, String)>) =
            if let Some(p) = self.profile.iter().find(|p| p.id == field) {
                let counts = tally(&|f| f.latest().profile(field).map(value_text));
                (counts, p.options.clone())
            } else if field == "questionnaire" {
                (
                    tally(&|f| Some(f.questionnaire.clone())),
                    self.titles.clone(),
                )
            } else if field == "stage" {
                let counts = tally(&|f| Some(self.stages[f.latest().stage()?].id.clone()));
                let known = self.stages.iter();
                (
                    counts,
                    known.map(|s| (s.id.clone(), s.label.clone())).collect(),
                )
            } else if field == "bottleneck" {
                let counts = tally(&|f| Some(self.dimensions[f.latest().bottleneck()?].id.clone()));
                let known = self.dimensions.iter();
                (
                    counts,
                    known.map(|d| (d.id.clone(), d.title.clone())).collect(),
                )
            } else {
                return Err(FilterError::NoValues(field.to_string()));
            };
        let mut out: Vec<FilterValue> = Vec::new();
        for (id, label) in known {
            if let Some(n) = counts.remove(&id) {
                out.push(FilterValue {
                    value: id,
                    label,
                    firms: n,
                });
            }
        }
        let mut rest: Vec<FilterValue> = counts
            .into_iter()
            .map(|(value, firms)| FilterValue {
                label: value.clone(),
                value,
                firms,
            })
            .collect();
        rest.sort_by(
            |a, b| match (a.value.parse::<f64>(), b.value.parse::<f64>()) {
                (Ok(x), Ok(y)) => x.total_cmp(&y),
                _ => a.value.cmp(&b.value),
            },
        );
        out.extend(rest);
        Ok(out)
    }

    /// The stage (index in [`Self::stages`]) a score falls in: the one with the largest
    /// `from` at or below it (scoring rule 4); none below the first.
    pub fn stage_of(&self, score: f64) -> Option<usize> {
        self.stages
            .iter()
            .rposition(|s| !crate::model::condition::lt(score, s.from))
    }

    /// The cohort row of the firms shown.
    pub fn cohort(&self) -> &CohortRow {
        &self.cohort
    }

    /// The cohort view of the firms shown: stages, bottlenecks, recommendations, support.
    pub fn view(&self) -> &CohortView {
        &self.view
    }

    fn target(&self, filter: &Filter) -> Result<Target, FilterError> {
        let field = filter.field.as_str();
        if self.profile.iter().any(|p| p.id == field) {
            return Ok(Target::Profile(field.to_string()));
        }
        let column = self
            .column(field)
            .filter(|c| !matches!(c, Column::Firm | Column::File | Column::Percentile));
        let Some(column) = column else {
            let mut known: Vec<&str> = self.profile.iter().map(|p| p.id.as_str()).collect();
            known.extend([
                "overall",
                "stage",
                "bottleneck",
                "status",
                "completeness",
                "questionnaire",
            ]);
            known.extend(
                self.shown_dimensions
                    .iter()
                    .map(|&i| self.dimensions[i].id.as_str()),
            );
            return Err(FilterError::UnknownField {
                field: field.to_string(),
                known: known.into_iter().map(String::from).collect(),
            });
        };
        let numeric = matches!(
            column,
            Column::Overall | Column::Dimension(_) | Column::Completeness | Column::Visits
        );
        if !numeric && !matches!(filter.test, Test::OneOf(_)) {
            return Err(FilterError::ByValue(field.to_string()));
        }
        Ok(Target::Column(column))
    }

    /// Applies the filters, then recomputes percentiles, the cohort row and view, and sorts.
    fn refresh(&mut self) {
        let passing: Vec<usize> = (0..self.firms.len())
            .filter(|&i| {
                self.filters
                    .iter()
                    .all(|(f, t)| self.matches(&self.firms[i], &f.test, t))
            })
            .collect();
        // One questionnaire at a time: the one most firms let through follow (ties: by id);
        // the others are counted apart.
        let mut per: Vec<(String, usize)> = Vec::new();
        for &i in &passing {
            let id = &self.firms[i].questionnaire;
            match per.iter_mut().find(|(q, _)| q == id) {
                Some((_, n)) => *n += 1,
                None => per.push((id.clone(), 1)),
            }
        }
        per.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        self.focus = per.first().map(|(id, _)| id.clone());
        self.apart = per.into_iter().skip(1).collect();
        self.order = passing
            .into_iter()
            .filter(|&i| Some(&self.firms[i].questionnaire) == self.focus.as_ref())
            .collect();
        self.shown_dimensions = (0..self.dimensions.len())
            .filter(|&d| Some(&self.dimensions[d].questionnaire) == self.focus.as_ref())
            .collect();
        // A provisional visit is not ranked: it has no percentile, and counts for none of the
        // others'.
        let overall: Vec<Option<f64>> = self
            .order
            .iter()
            .map(|&i| self.firms[i].latest().ranked())
            .collect();
        for f in &mut self.firms {
            f.percentile = None;
        }
        for (&i, p) in self.order.iter().zip(percentile_ranks(&overall)) {
            self.firms[i].percentile = p;
        }
        let latest = || self.order.iter().map(|&i| self.firms[i].latest());
        // Nor is it in the statistics: they spread the results of the firms shown.
        let results = || latest().filter(|v| !v.provisional);
        self.cohort = CohortRow {
            overall: Summary::of(results().filter_map(Visit::ranked)),
            dimensions: (0..self.dimensions.len())
                .map(|d| Summary::of(results().filter_map(|v| v.ranked_dimension(d))))
                .collect(),
            projected: Summary::of(results().filter_map(|v| v.projected.0)),
        };
        self.view = CohortView::of(self);
        let (c, d) = self.sort;
        let (c, d) = match c {
            // A dimension of a questionnaire no longer shown: the one of the same id shown,
            // else the overall score.
            Column::Dimension(i) if !self.shown_dimensions.contains(&i) => {
                match self.column(&self.dimensions[i].id) {
                    Some(shown) => (shown, d),
                    None => (Column::Overall, Column::Overall.natural_direction()),
                }
            }
            _ => (c, d),
        };
        self.sort_by(c, d);
    }

    fn matches(&self, firm: &FirmRow, test: &Test, target: &Target) -> bool {
        let v = firm.latest();
        match target {
            Target::Profile(id) => match v.profile(id) {
                None => false,
                Some(toml::Value::String(s)) => match test {
                    Test::OneOf(vals) => vals.iter().any(|x| x == s),
                    _ => s.trim().parse().is_ok_and(|x| number_test(test, x)),
                },
                Some(toml::Value::Integer(n)) => number_test(test, *n as f64),
                Some(toml::Value::Float(x)) => number_test(test, *x),
                Some(other) => match test {
                    Test::OneOf(vals) => {
                        let s = other.to_string();
                        vals.iter().any(|x| *x == s.trim_matches('"'))
                    }
                    _ => false,
                },
            },
            Target::Column(c) => match self.cell(firm, *c) {
                Cell::Score(x) | Cell::Percentile(x) => x.is_some_and(|x| number_test(test, x)),
                Cell::Share(x) => number_test(test, x),
                Cell::Count(n) => number_test(test, n as f64),
                Cell::Text(s) => one_of(test, s),
                Cell::Stage(s) => s.is_some_and(|s| one_of(test, &self.stages[s].id)),
                Cell::Dimension(d) => d.is_some_and(|d| one_of(test, &self.dimensions[d].id)),
            },
        }
    }
}

/// A profile value as a filter names it.
fn value_text(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn one_of(test: &Test, s: &str) -> bool {
    matches!(test, Test::OneOf(vals) if vals.iter().any(|x| x == s))
}

fn number_test(test: &Test, x: f64) -> bool {
    match test {
        Test::OneOf(vals) => vals
            .iter()
            .any(|v| v.parse::<f64>().is_ok_and(|y| (x - y).abs() < 1e-9)),
        Test::Below(y) => x < *y,
        Test::AtLeast(y) => x >= *y,
    }
}

/// Visits gathered for a comparison one at a time, each reduced at once to what the
/// comparison shows (a [`Visit`], numbered within its own questionnaire until all are read),
/// so that a cohort is never held as whole assessments.
#[derive(Default)]
pub struct Gather {
    /// The questionnaire files scored against, in order of first use.
    distinct: Vec<Arc<LoadedQuestionnaire>>,
    /// Each visit, with the place of its questionnaire in `distinct` (boxed, so that moving
    /// the visits into their firms never holds two copies of them all).
    visits: Vec<(usize, Box<Visit>)>,
    who: Vec<Whose>,
    /// The profile fields kept of each visit; all when none is named.
    profile_fields: Option<Vec<String>>,
    /// The texts visits share (versions, assessors, action ids), each kept once.
    shared: Shared,
}

/// Texts kept once however many visits hold them.
#[derive(Default)]
struct Shared(std::collections::HashSet<Arc<str>>);

impl Shared {
    fn text(&mut self, s: &str) -> Arc<str> {
        if let Some(t) = self.0.get(s) {
            return t.clone();
        }
        let t: Arc<str> = Arc::from(s);
        self.0.insert(t.clone());
        t
    }
}

/// What decides a visit's firm besides its questionnaire and file (see [`super::firms`]).
struct Whose {
    code: Option<Box<str>>,
    /// The name without white space, where it has any (else the visit's name is).
    name: Option<Box<str>>,
    previous: Option<Box<str>>,
}

impl Gather {
    /// Keeps of each visit's profile only the fields named (those the filters to come name):
    /// a comparison filtered on nothing else never needs the rest.
    pub fn profile_fields(mut self, fields: Vec<String>) -> Gather {
        self.profile_fields = Some(fields);
        self
    }

    /// Makes room for `n` more visits at once (a cohort's lists then never hold twice the
    /// room they need, as lists grown one by one can).
    pub fn reserve(&mut self, n: usize) {
        self.visits.reserve_exact(n);
        self.who.reserve_exact(n);
    }

    /// Adds a visit, after those added before.
    pub fn add(&mut self, s: &ScoredVisit) {
        let q = match self
            .distinct
            .iter()
            .position(|d| Arc::ptr_eq(d, &s.questionnaire))
        {
            Some(i) => i,
            None => {
                self.distinct.push(s.questionnaire.clone());
                self.distinct.len() - 1
            }
        };
        let visit = own_visit(s, self.profile_fields.as_deref(), &mut self.shared);
        self.visits.push((q, Box::new(visit)));
        self.who.push(Whose {
            code: s.firm_id.as_deref().map(Box::from),
            name: s
                .firm
                .contains(char::is_whitespace)
                .then(|| s.firm.chars().filter(|c| !c.is_whitespace()).collect()),
            previous: s.previous.as_deref().map(Box::from),
        });
    }

    /// The comparison of the visits added, with labels in `lang` (see [`Comparison::new`]).
    pub fn finish(self, lang: Lang) -> Comparison {
        Comparison::of_gathered(self, lang)
    }
}

/// The visits as firms (see [`super::firms`]), each firm's visits oldest first (by date, a
/// follow-up after the visit it follows up, then file name), firms in the order of their first
/// visit read.
fn firm_rows(
    visits: Vec<(usize, Box<Visit>)>,
    who: Vec<Whose>,
    distinct: &[Arc<LoadedQuestionnaire>],
    maps: &[Maps],
    dimension_count: usize,
) -> Vec<FirmRow> {
    let n = visits.len();
    let who_at = |i: usize| {
        let ((q, v), w) = (&visits[i], &who[i]);
        Who {
            questionnaire: &distinct[*q].questionnaire.id,
            code: w.code.as_deref(),
            name: w.name.as_deref().unwrap_or(&v.firm),
            path: &v.file,
            previous: w.previous.as_deref(),
        }
    };
    let of = firms_of(n, who_at);
    let depth = follow_up_depths_by(n, who_at);
    drop(who);
    // Firm by firm, in the order of their numbers; each firm's visits oldest first: by date, a
    // follow-up after the visit it follows up on the same day, then by file name.
    let mut order: Vec<u32> = (0..n).map(index).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (a as usize, b as usize);
        let (va, vb) = (&visits[a].1, &visits[b].1);
        of[a]
            .cmp(&of[b])
            .then_with(|| va.date.cmp(&vb.date))
            .then(depth[a].cmp(&depth[b]))
            .then_with(|| va.file.cmp(&vb.file))
    });
    drop(depth);
    // Each firm's visits are counted first, so that its list is made as long as it needs.
    let mut counts: Vec<u32> = Vec::new();
    for &firm in &of {
        if counts.len() <= firm {
            counts.resize(firm + 1, 0);
        }
        counts[firm] += 1;
    }
    let mut visits: Vec<Option<(usize, Box<Visit>)>> = visits.into_iter().map(Some).collect();
    let mut firms: Vec<FirmRow> = Vec::with_capacity(counts.len());
    for i in order {
        let i = i as usize;
        let Some((q, mut visit)) = visits[i].take() else {
            continue;
        };
        renumber(&mut visit, &maps[q], dimension_count);
        let firm = of[i];
        if firm >= firms.len() {
            firms.push(FirmRow {
                questionnaire: distinct[q].questionnaire.id.clone(),
                visits: Vec::with_capacity(counts.get(firm).map_or(1, |&c| c as usize)),
                percentile: None,
            });
        }
        if let Some(f) = firms.last_mut() {
            f.visits.push(*visit);
        }
    }
    firms
}

fn mixed(distinct: &[Arc<LoadedQuestionnaire>]) -> Mixed {
    let mut ids: Vec<String> = Vec::new();
    let mut versions: Vec<String> = Vec::new();
    for lq in distinct {
        let q = &lq.questionnaire;
        if !ids.contains(&q.id) {
            ids.push(q.id.clone());
        }
        let v = format!("{} {}", q.id, q.version);
        if !versions.contains(&v) {
            versions.push(v);
        }
    }
    if ids.len() > 1 {
        Mixed::Questionnaires(ids)
    } else if distinct.len() > 1 {
        // Same id; two files of one version may still differ in content.
        let mut versions: Vec<String> = Vec::new();
        for lq in distinct {
            if !versions.contains(&lq.questionnaire.version) {
                versions.push(lq.questionnaire.version.clone());
            }
        }
        Mixed::Versions(versions)
    } else {
        Mixed::No
    }
}

/// Ids of the actions whose decision passes `keep`.
fn ids(
    s: &ScoredVisit,
    shared: &mut Shared,
    keep: impl Fn(&str, &PlanEntry) -> bool,
) -> Box<[Arc<str>]> {
    s.decisions
        .iter()
        .filter(|(id, e)| keep(id, e))
        .map(|(id, _)| shared.text(id))
        .collect()
}

/// Ids of the actions whose progress passes `keep`.
fn progress_ids(
    s: &ScoredVisit,
    shared: &mut Shared,
    keep: impl Fn(&Progress) -> bool,
) -> Box<[Arc<str>]> {
    s.progress
        .iter()
        .filter(|(_, p)| keep(p))
        .map(|(id, _)| shared.text(id))
        .collect()
}

/// A visit as the comparison shows it, its dimensions, stages, recommendations and verdict
/// numbered as in its own questionnaire ([`renumber`] numbers them as the comparison does).
/// Of the profile, only the fields in `keep` where given.
fn own_visit(s: &ScoredVisit, keep: Option<&[String]>, shared: &mut Shared) -> Visit {
    Visit {
        file: s.path.as_path().into(),
        firm: s.firm.as_str().into(),
        date: s.date.as_deref().map(Box::from),
        version: shared.text(&s.q().version),
        status: s.status,
        completeness: s.completeness,
        overall: s.overall.map(round2),
        provisional: s.provisional,
        stage: s.stage.map(index),
        bottleneck: s.bottleneck.map(index),
        dimensions: Scores::of(s.dimensions.iter().map(|x| x.map(round2))),
        recommendations: indices(&s.fired),
        profile: {
            let profile: BTreeMap<String, toml::Value> = match keep {
                None => s.profile.clone(),
                Some(keep) => s
                    .profile
                    .iter()
                    .filter(|(k, _)| keep.contains(k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            };
            (!profile.is_empty()).then(|| Box::new(profile))
        },
        assessor: s.assessor.as_deref().map(|a| shared.text(a)),
        verdict: s.verdict.map(index),
        projected: (s.projected[2].0.map(round2), s.projected[2].1.map(index)),
        planned: indices(s.planned.iter().flatten()),
        later: indices(&s.later),
        actions: {
            let actions = Actions {
                agreed: ids(s, shared, |_, e| e.decision == Some(Decision::Agreed)),
                done: progress_ids(s, shared, |p| p.status == Some(ProgressStatus::Done)),
                granted: progress_ids(s, shared, |p| p.support == Some(SupportOutcome::Granted)),
            };
            let none = actions.agreed.is_empty() && actions.done.is_empty();
            (!none || !actions.granted.is_empty()).then(|| Box::new(actions))
        },
    }
}

/// Positions as a visit keeps them.
fn indices<'a>(positions: impl IntoIterator<Item = &'a usize>) -> Box<[u32]> {
    positions.into_iter().map(|&i| index(i)).collect()
}

/// A position as a visit keeps it: a questionnaire holds far fewer than 2³² recommendations
/// (a file is at most 8 MB).
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Numbers a visit's dimensions, stages, recommendations and verdict as the comparison does
/// (`m`: where its questionnaire's went), instead of as its questionnaire does.
fn renumber(v: &mut Visit, m: &Maps, dimension_count: usize) {
    let mut dimensions = vec![None; dimension_count];
    for (i, score) in v.dimensions.iter().enumerate() {
        dimensions[m.dimensions[i]] = score;
    }
    v.dimensions = Scores::of(dimensions);
    v.stage = v.stage.map(|i| index(m.stages[i as usize]));
    v.bottleneck = v.bottleneck.map(|i| index(m.dimensions[i as usize]));
    for r in v
        .recommendations
        .iter_mut()
        .chain(&mut v.planned)
        .chain(&mut v.later)
    {
        *r = index(m.recommendations[*r as usize]);
    }
    v.verdict = v.verdict.map(|i| index(m.verdicts[i as usize]));
    v.projected.1 = v.projected.1.map(|i| index(m.stages[i as usize]));
}

/// The value a row sorts by in a column.
#[derive(Debug, PartialEq, PartialOrd)]
enum SortKey<'a> {
    Missing,
    Text(&'a str),
    Number(f64),
    Index(usize),
}

impl SortKey<'_> {
    fn of(firms: &[FirmRow], i: usize, column: Column) -> SortKey<'_> {
        let f = &firms[i];
        let v = f.latest();
        let num = |x: Option<f64>| x.map_or(SortKey::Missing, SortKey::Number);
        let idx = |x: Option<usize>| x.map_or(SortKey::Missing, SortKey::Index);
        match column {
            Column::Firm => SortKey::Text(&v.firm),
            Column::File => SortKey::Text(v.file.to_str().unwrap_or("")),
            Column::Date => v.date.as_deref().map_or(SortKey::Missing, SortKey::Text),
            Column::Questionnaire => SortKey::Text(&f.questionnaire),
            Column::Version => SortKey::Text(&v.version),
            Column::Status => SortKey::Text(v.status.id()),
            Column::Completeness => SortKey::Number(v.completeness),
            Column::Overall => num(v.overall),
            Column::Stage => idx(v.stage()),
            Column::Bottleneck => idx(v.bottleneck()),
            Column::Dimension(d) => num(v.dimensions.get(d)),
            Column::Percentile => num(f.percentile),
            Column::Visits => SortKey::Index(f.visits.len()),
        }
    }

    fn is_missing(&self) -> bool {
        matches!(self, SortKey::Missing)
    }

    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (SortKey::Number(a), SortKey::Number(b)) => a.total_cmp(b),
            _ => self.partial_cmp(other).unwrap_or(Ordering::Equal),
        }
    }
}
