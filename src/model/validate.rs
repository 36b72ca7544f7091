//! The rules a questionnaire must follow, and the checks of an assessment against its
//! questionnaire. Each problem names the place in the file it comes from.

use std::collections::{HashMap, HashSet};

use super::assessment::{Assessment, Response, Status};
use super::condition::{Condition, Test};
use super::diagnostic::{KeyPath, Problem};
use super::questionnaire::{
    Aggregate, AnswerOption, Band, Horizon, ProfileKind, Question, QuestionKind, Questionnaire,
    Raise, RaiseTo, Recommendation, Stage,
};
use super::text::Text;
use crate::i18n::{CheckWords, Lang};
use crate::model::ASSESSMENT_SCHEMA;

/// The format version of questionnaire files this build reads.
pub const QUESTIONNAIRE_SCHEMA: u32 = 1;

/// Every rule of the questionnaire format that serde cannot check on its own.
pub fn questionnaire(q: &Questionnaire) -> Vec<Problem> {
    let mut v = QuestionnaireCheck {
        q,
        w: CheckWords::chosen(),
        out: Vec::new(),
        questions: HashMap::new(),
    };
    v.run();
    v.out
}

struct QuestionnaireCheck<'q> {
    q: &'q Questionnaire,
    w: &'static CheckWords,
    out: Vec<Problem>,
    /// Question id → position in file order, for `when` checks.
    questions: HashMap<&'q str, (usize, &'q Question)>,
}

/// Where a condition is written, which decides what it may name.
#[derive(Clone, Copy)]
enum Scope {
    /// In a question at this position: profile fields and earlier questions only.
    Question(usize),
    /// In a recommendation, a check or a verdict: anything.
    Anywhere,
}

impl<'q> QuestionnaireCheck<'q> {
    fn err(&mut self, path: KeyPath, msg: impl Into<String>) {
        self.out.push(Problem::error(path, msg));
    }

    fn run(&mut self) {
        let q = self.q;
        let root = KeyPath::root();
        if q.schema != QUESTIONNAIRE_SCHEMA {
            self.err(
                root.key("schema"),
                self.w.schema(q.schema, QUESTIONNAIRE_SCHEMA),
            );
        }
        self.check_id(&root.key("id"), &q.id, self.w.n_questionnaire);
        if q.version.trim().is_empty() {
            self.err(root.key("version"), self.w.version_empty);
        }
        self.check_plain(&root.key("version"), &q.version, self.w.n_the_version);
        for (i, lang) in q.languages.iter().enumerate() {
            let ok = !lang.is_empty()
                && lang
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !ok {
                self.err(
                    root.key("languages").index(i),
                    self.w.language_charset(lang),
                );
            }
        }
        if q.languages.is_empty() {
            self.err(root.key("languages"), self.w.no_language);
        }
        self.unique(
            root.key("languages"),
            q.languages.iter().map(String::as_str),
            self.w.n_language,
        );
        self.text(&root.key("title"), Some(&q.title));
        self.text(&root.key("description"), q.description.as_ref());
        self.scale();
        self.profile();
        let mut seen = HashSet::new();
        for (p, r) in q.questions().map(|r| (r.index, r.question)) {
            if seen.insert(r.id.as_str()) {
                self.questions.insert(&r.id, (p, r));
            }
        }
        self.dimensions();
        self.recommendations();
        self.plan_sizes();
        self.checks();
        self.verdicts();
    }

    fn check_id(&mut self, path: &KeyPath, id: &str, what: &str) {
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            self.err(path.clone(), self.w.id_charset(what, id));
        }
    }

    /// Reports a free-form name (a version, a stage id) holding control characters or spaces.
    fn check_plain(&mut self, path: &KeyPath, s: &str, what: &str) {
        if s.chars()
            .any(|c| crate::plain_text::is_unsafe(c) || c.is_whitespace())
        {
            self.err(path.clone(), self.w.plain_name(what, s));
        }
    }

    /// Reports ids that appear twice in one list.
    fn unique<'a>(&mut self, path: KeyPath, ids: impl Iterator<Item = &'a str>, what: &str) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if !seen.insert(id) {
                self.err(path.index(i), self.w.duplicate(what, id));
            }
        }
    }

    /// Reports ids that appear twice among items, pointing at each repeated item's `id`.
    fn unique_ids<'a>(&mut self, items: impl Iterator<Item = (KeyPath, &'a str)>, what: &str) {
        let mut seen = HashSet::new();
        for (path, id) in items {
            if !seen.insert(id) {
                self.err(path.key("id"), self.w.duplicate_id(what, id));
            }
        }
    }

    fn text(&mut self, path: &KeyPath, text: Option<&Text>) {
        let Some(text) = text else { return };
        let default = self.q.default_language();
        if !text.has(default) {
            self.err(path.clone(), self.w.no_default_text(default));
        }
        for lang in text.languages() {
            if !self.q.languages.iter().any(|l| l == lang) {
                self.out.push(Problem::warning(
                    path.clone(),
                    self.w.language_not_listed(lang),
                ));
            }
        }
    }

    fn level(&mut self, path: KeyPath, level: f64, what: &str) {
        let s = &self.q.scale;
        if !level.is_finite() || level < s.min || level > s.max {
            self.err(path, self.w.outside_scale(what, level, s.min, s.max));
        }
    }

    fn weight(&mut self, path: KeyPath, weight: f64) {
        if !weight.is_finite() || weight < 0.0 {
            self.err(path, self.w.weight(weight));
        }
    }

    fn scale(&mut self) {
        let s = &self.q.scale;
        let path = KeyPath::root().key("scale");
        if !(s.min.is_finite() && s.max.is_finite() && s.min < s.max) {
            self.err(path.key("max"), self.w.scale_order(s.max, s.min));
        }
        if s.stage.is_empty() {
            self.err(path.clone(), self.w.no_stage);
        }
        self.unique_ids(
            s.stage
                .iter()
                .enumerate()
                .map(|(i, st)| (path.key("stage").index(i), st.id.as_str())),
            self.w.n_stage,
        );
        for (i, st) in s.stage.iter().enumerate() {
            let p = path.key("stage").index(i);
            if st.id.is_empty() {
                self.err(p.key("id"), self.w.stage_id_empty);
            }
            self.check_plain(&p.key("id"), &st.id, self.w.n_stage_id);
            self.text(&p.key("label"), Some(&st.label));
            self.text(&p.key("description"), st.description.as_ref());
            if i == 0 && st.from != s.min {
                self.err(p.key("from"), self.w.first_stage_from(s.min, st.from));
            } else if i > 0 && st.from <= s.stage[i - 1].from {
                self.err(
                    p.key("from"),
                    self.w.stages_ascend(st.from, s.stage[i - 1].from),
                );
            } else if i > 0 {
                self.level(p.key("from"), st.from, self.w.n_stage_start);
            }
            self.requires(&p, i, st);
        }
        let c = s.min_completeness;
        if !(0.0..=1.0).contains(&c) {
            self.err(path.key("min_completeness"), self.w.min_completeness(c));
        }
    }

    /// A stage's gate: not on the first stage, known dimensions, scores on the scale.
    fn requires(&mut self, p: &KeyPath, i: usize, st: &Stage) {
        if st.requires.is_empty() {
            return;
        }
        if i == 0 {
            self.err(p.key("requires"), self.w.first_stage_requires);
            return;
        }
        for (dim, &score) in &st.requires {
            let at = p.key("requires").key(dim);
            if self.q.dimension(dim).is_none() {
                self.out
                    .push(Problem::error(at, self.w.unknown_dimension(dim)).at_key());
            } else {
                self.level(at, score, self.w.n_required_score);
            }
        }
    }

    fn profile(&mut self) {
        let root = KeyPath::root().key("profile");
        let q = self.q;
        self.unique_ids(
            q.profile
                .iter()
                .enumerate()
                .map(|(i, f)| (root.index(i), f.id.as_str())),
            self.w.n_profile_field,
        );
        for (i, f) in q.profile.iter().enumerate() {
            let p = root.index(i);
            self.check_id(&p.key("id"), &f.id, self.w.n_profile_field);
            self.text(&p.key("label"), Some(&f.label));
            self.text(&p.key("help"), f.help.as_ref());
            self.text(&p.key("unit"), f.unit.as_ref());
            match f.kind {
                ProfileKind::Choice if f.options.is_empty() => {
                    self.err(p.key("options"), self.w.choice_field_options);
                }
                ProfileKind::Choice => {}
                _ if !f.options.is_empty() => {
                    self.err(p.key("options"), self.w.options_only_choice_fields);
                }
                _ => {}
            }
            self.unique_ids(
                f.options
                    .iter()
                    .enumerate()
                    .map(|(j, o)| (p.key("options").index(j), o.id.as_str())),
                self.w.n_option,
            );
            for (j, o) in f.options.iter().enumerate() {
                self.check_id(&p.key("options").index(j).key("id"), &o.id, self.w.n_option);
                self.text(&p.key("options").index(j).key("label"), Some(&o.label));
            }
            if f.range.is_some() && f.kind != ProfileKind::Number {
                self.err(p.key("range"), self.w.range_only_number_fields);
            }
            self.range(p.key("range"), f.range);
        }
    }

    fn range(&mut self, path: KeyPath, range: Option<[f64; 2]>) {
        if let Some([lo, hi]) = range
            && !(lo.is_finite() && hi.is_finite() && lo < hi)
        {
            self.err(path, self.w.bad_range(lo, hi));
        }
    }

    fn dimensions(&mut self) {
        let q = self.q;
        let root = KeyPath::root().key("dimension");
        if q.dimension.is_empty() {
            self.err(KeyPath::root(), self.w.no_dimension);
        }
        self.unique_ids(
            q.dimension
                .iter()
                .enumerate()
                .map(|(i, d)| (root.index(i), d.id.as_str())),
            self.w.n_dimension,
        );
        let all_questions: Vec<_> = q
            .dimension
            .iter()
            .enumerate()
            .flat_map(|(d, dim)| {
                dim.question
                    .iter()
                    .enumerate()
                    .map(move |(i, qu)| (d, i, qu.id.as_str()))
            })
            .map(|(d, i, id)| (root.index(d).key("question").index(i), id))
            .collect();
        self.unique_ids(all_questions.into_iter(), self.w.n_question);
        let mut position = 0;
        for (d, dim) in q.dimension.iter().enumerate() {
            let p = root.index(d);
            self.check_id(&p.key("id"), &dim.id, self.w.n_dimension);
            self.text(&p.key("title"), Some(&dim.title));
            self.text(&p.key("description"), dim.description.as_ref());
            self.weight(p.key("weight"), dim.weight);
            if dim.question.is_empty() {
                self.out.push(Problem::warning(
                    p.key("id"),
                    self.w.empty_dimension(&dim.id),
                ));
            }
            for (i, question) in dim.question.iter().enumerate() {
                self.question(p.key("question").index(i), question, position);
                position += 1;
            }
        }
    }

    fn question(&mut self, p: KeyPath, q: &Question, position: usize) {
        self.check_id(&p.key("id"), &q.id, self.w.n_question);
        self.text(&p.key("text"), Some(&q.text));
        self.text(&p.key("help"), q.help.as_ref());
        self.text(&p.key("unit"), q.unit.as_ref());
        self.weight(p.key("weight"), q.weight);
        let choice = matches!(q.kind, QuestionKind::Single | QuestionKind::Multi);
        let sum = q.kind == QuestionKind::Multi && q.aggregate == Aggregate::Sum;
        if choice && q.options.is_empty() {
            self.err(p.key("options"), self.w.needs_options(q.kind.id()));
        }
        if !choice && !q.options.is_empty() {
            self.err(p.key("options"), self.w.options_only_choice);
        }
        if q.aggregate != Aggregate::Max && q.kind != QuestionKind::Multi {
            self.err(p.key("aggregate"), self.w.aggregate_only_multi);
        }
        let banded = q.kind == QuestionKind::Number || sum;
        if !q.bands.is_empty() && !banded {
            self.err(p.key("bands"), self.w.bands_only);
        }
        if sum && q.bands.is_empty() {
            self.err(p.key("aggregate"), self.w.sum_needs_bands);
        }
        if q.range.is_some() && q.kind != QuestionKind::Number {
            self.err(p.key("range"), self.w.range_only_number);
        }
        self.range(p.key("range"), q.range);
        self.unique_ids(
            q.options
                .iter()
                .enumerate()
                .map(|(j, o)| (p.key("options").index(j), o.id.as_str())),
            self.w.n_option,
        );
        for (j, o) in q.options.iter().enumerate() {
            self.option(p.key("options").index(j), o, choice && !sum, sum);
            if o.exclusive && q.kind != QuestionKind::Multi {
                self.err(
                    p.key("options").index(j).key("exclusive"),
                    self.w.exclusive_only_multi(&q.id, q.kind.id()),
                );
            }
        }
        self.bands(p.key("bands"), &q.bands);
        if let Some(when) = &q.when {
            self.condition(p.key("when"), when, Scope::Question(position));
        }
    }

    fn option(&mut self, p: KeyPath, o: &AnswerOption, needs_level: bool, sum: bool) {
        self.check_id(&p.key("id"), &o.id, self.w.n_option);
        self.text(&p.key("text"), Some(&o.text));
        match o.level {
            Some(level) => self.level(p.key("level"), level, self.w.n_level),
            None if needs_level => self.err(p.clone(), self.w.option_needs_level(&o.id)),
            None => {}
        }
        if let Some(points) = o.points {
            if !sum {
                self.err(p.key("points"), self.w.points_only_sum);
            } else if !points.is_finite() {
                self.err(p.key("points"), self.w.points_finite);
            }
        }
    }

    fn bands(&mut self, p: KeyPath, bands: &[Band]) {
        for (i, b) in bands.iter().enumerate() {
            self.level(p.index(i).key("level"), b.level, self.w.n_band_level);
            if !b.from.is_finite() {
                self.err(p.index(i).key("from"), self.w.band_from_finite);
            } else if i > 0 && b.from <= bands[i - 1].from {
                self.err(
                    p.index(i).key("from"),
                    self.w.bands_ascend(b.from, bands[i - 1].from),
                );
            }
        }
    }

    fn recommendations(&mut self) {
        let q = self.q;
        let root = KeyPath::root().key("recommendation");
        self.unique_ids(
            q.recommendation
                .iter()
                .enumerate()
                .map(|(i, r)| (root.index(i), r.id.as_str())),
            self.w.n_recommendation,
        );
        for (i, r) in q.recommendation.iter().enumerate() {
            let p = root.index(i);
            self.check_id(&p.key("id"), &r.id, self.w.n_recommendation);
            self.text(&p.key("title"), Some(&r.title));
            self.text(&p.key("action"), Some(&r.action));
            self.text(&p.key("support"), r.support.as_ref());
            if let Some(d) = &r.dimension
                && q.dimension(d).is_none()
            {
                self.err(p.key("dimension"), self.w.unknown_dimension(d));
            }
            if let Some(when) = &r.when {
                self.condition(p.key("when"), when, Scope::Anywhere);
            }
            self.text(&p.key("cost"), r.cost.as_ref());
            for (j, other) in r.after.iter().enumerate() {
                if q.recommendation_index(other).is_none() {
                    self.err(
                        p.key("after").index(j),
                        self.w.unknown_recommendation(other),
                    );
                }
            }
            for (j, raise) in r.raises.iter().enumerate() {
                self.raise(p.key("raises").index(j), raise);
            }
        }
        self.after_cycles();
    }

    /// Reports each cycle of `after` once, at the first recommendation of it in file order.
    fn after_cycles(&mut self) {
        let q = self.q;
        let root = KeyPath::root().key("recommendation");
        for cycle in after_cycles(&q.recommendation) {
            let first = cycle[0];
            let next = cycle.get(1).copied().unwrap_or(first);
            let r = &q.recommendation[first];
            let j = r
                .after
                .iter()
                .position(|a| *a == q.recommendation[next].id)
                .unwrap_or(0);
            let msg = if cycle.len() == 1 {
                self.w.after_itself(&r.id)
            } else {
                let names: Vec<&str> = cycle
                    .iter()
                    .chain([&first])
                    .map(|&i| q.recommendation[i].id.as_str())
                    .collect();
                self.w.after_circle(&names.join(" → "))
            };
            self.err(root.index(first).key("after").index(j), msg);
        }
    }

    /// A raise names a known question and an answer that fits it.
    fn raise(&mut self, p: KeyPath, raise: &Raise) {
        let id = raise.question.as_str();
        let Some(&(_, question)) = self.questions.get(id) else {
            self.err(p.key("question"), self.w.unknown_question(id));
            return;
        };
        let at = p.key(raise.to.key());
        let right = match question.kind {
            QuestionKind::Single => "choice",
            QuestionKind::Multi => "choices",
            QuestionKind::Number => "value",
            QuestionKind::Text => {
                self.err(p.key("question"), self.w.raise_text(id));
                return;
            }
        };
        if raise.to.key() != right {
            self.err(
                at.clone(),
                self.w
                    .raise_key(id, question.kind.id(), right, raise.to.key()),
            );
            return;
        }
        match &raise.to {
            RaiseTo::Choice(o) if question.option(o).is_none() => {
                self.err(at, self.w.no_option(id, o));
            }
            RaiseTo::Choices(os) => self.raised_choices(&at, question, os),
            RaiseTo::Value(x) => {
                if let Some([lo, hi]) = question.range
                    && (*x < lo || *x > hi)
                {
                    self.err(at, self.w.out_of_range(*x, lo, hi, id));
                } else if question.bands.is_empty() {
                    self.out
                        .push(Problem::warning(at, self.w.raise_no_bands(id)));
                }
            }
            _ => {}
        }
    }

    fn raised_choices(&mut self, at: &KeyPath, question: &Question, options: &[String]) {
        if options.is_empty() {
            self.err(at.clone(), self.w.choices_empty);
        }
        for (k, o) in options.iter().enumerate() {
            if question.option(o).is_none() {
                self.err(at.index(k), self.w.no_option(&question.id, o));
            } else if question.is_exclusive(o) && options.len() > 1 {
                self.err(at.index(k), self.w.raise_exclusive(o, &question.id));
            }
        }
    }

    /// Plan sizes are whole numbers of 0 or more.
    fn plan_sizes(&mut self) {
        let sizes = self.q.plan;
        for h in Horizon::ALL {
            let n = match h {
                Horizon::Short => sizes.short,
                Horizon::Medium => sizes.medium,
                Horizon::Long => sizes.long,
            };
            if !(n.is_finite() && n >= 0.0 && n.fract() == 0.0) {
                self.err(
                    KeyPath::root().key("plan").key(h.id()),
                    self.w.plan_size(h.id(), n),
                );
            }
        }
    }

    fn checks(&mut self) {
        let q = self.q;
        let root = KeyPath::root().key("check");
        self.unique_ids(
            q.check
                .iter()
                .enumerate()
                .map(|(i, c)| (root.index(i), c.id.as_str())),
            self.w.n_check,
        );
        for (i, c) in q.check.iter().enumerate() {
            let p = root.index(i);
            self.check_id(&p.key("id"), &c.id, self.w.n_check);
            self.text(&p.key("message"), Some(&c.message));
            self.condition(p.key("when"), &c.when, Scope::Anywhere);
        }
    }

    fn verdicts(&mut self) {
        let q = self.q;
        let root = KeyPath::root().key("verdict");
        self.unique_ids(
            q.verdict
                .iter()
                .enumerate()
                .map(|(i, v)| (root.index(i), v.id.as_str())),
            self.w.n_verdict,
        );
        for (i, v) in q.verdict.iter().enumerate() {
            let p = root.index(i);
            self.check_id(&p.key("id"), &v.id, self.w.n_verdict);
            self.text(&p.key("title"), Some(&v.title));
            self.text(&p.key("text"), Some(&v.text));
            if let Some(when) = &v.when {
                self.condition(p.key("when"), when, Scope::Anywhere);
            }
        }
    }

    fn condition(&mut self, p: KeyPath, c: &Condition, scope: Scope) {
        match c {
            Condition::All(cs) | Condition::Any(cs) => {
                let key = if matches!(c, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                for (i, c) in cs.iter().enumerate() {
                    self.condition(p.key(key).index(i), c, scope);
                }
            }
            Condition::Not(c) => self.condition(p.key("not"), c, scope),
            Condition::Question { id, test } => self.question_condition(p, id, test, scope),
            Condition::Profile { id, test } => self.profile_condition(p, id, test),
            Condition::Dimension { id, .. } => {
                if let Scope::Question(_) = scope {
                    self.err(p.key("dimension"), self.w.when_scope);
                } else if self.q.dimension(id).is_none() {
                    self.err(p.key("dimension"), self.w.unknown_dimension(id));
                }
            }
            Condition::Overall { .. } => {
                if let Scope::Question(_) = scope {
                    self.err(p.key("overall"), self.w.when_scope);
                }
            }
        }
    }

    fn question_condition(&mut self, p: KeyPath, id: &str, test: &Test, scope: Scope) {
        let Some(&(position, target)) = self.questions.get(id) else {
            self.err(p.key("question"), self.w.unknown_question(id));
            return;
        };
        if let Scope::Question(here) = scope
            && position >= here
        {
            let msg = if position == here {
                self.w.when_itself(id)
            } else {
                self.w.when_later(id)
            };
            self.err(p.key("question"), msg);
        }
        match test {
            Test::AnyOf(opts) | Test::AllOf(opts) => {
                if !matches!(target.kind, QuestionKind::Single | QuestionKind::Multi) {
                    self.err(
                        p.key(test.key()),
                        self.w.test_needs_choice(test.key(), id, target.kind.id()),
                    );
                    return;
                }
                if matches!(test, Test::AllOf(_)) && target.kind == QuestionKind::Single {
                    self.err(p.key("all_of"), self.w.all_of_single(id));
                }
                for (i, o) in opts.iter().enumerate() {
                    if target.option(o).is_none() {
                        self.err(p.key(test.key()).index(i), self.w.no_option(id, o));
                    }
                }
            }
            Test::Below(_) | Test::AtLeast(_) if !target.is_scorable() => {
                self.err(p.key(test.key()), self.w.test_no_score(id, test.key()));
            }
            _ => {}
        }
    }

    fn profile_condition(&mut self, p: KeyPath, id: &str, test: &Test) {
        let Some(field) = self.q.profile_field(id) else {
            self.err(p.key("profile"), self.w.unknown_profile_field(id));
            return;
        };
        match test {
            Test::AnyOf(opts) => match field.kind {
                ProfileKind::Choice => {
                    for (i, o) in opts.iter().enumerate() {
                        if !field.options.iter().any(|f| &f.id == o) {
                            self.err(p.key("any_of").index(i), self.w.profile_no_option(id, o));
                        }
                    }
                }
                ProfileKind::Number => {
                    self.err(p.key("any_of"), self.w.profile_number_any_of(id));
                }
                _ => {}
            },
            Test::Below(_) | Test::AtLeast(_) if field.kind != ProfileKind::Number => {
                self.err(p.key(test.key()), self.w.test_needs_number(test.key(), id));
            }
            _ => {}
        }
    }
}

/// The cycles of `after` among recommendations, one per group of recommendations that wait
/// on each other, each as the shortest round from its first member in file order back to it
/// (`[a, b]` is a → b → a; `[a]` names itself).
pub(crate) fn after_cycles(recs: &[Recommendation]) -> Vec<Vec<usize>> {
    let index: HashMap<&str, usize> = recs
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let next: Vec<Vec<usize>> = recs
        .iter()
        .map(|r| {
            r.after
                .iter()
                .filter_map(|a| index.get(a.as_str()).copied())
                .collect()
        })
        .collect();
    let reach = |from: usize| -> Vec<bool> {
        let mut seen = vec![false; recs.len()];
        let mut stack = next[from].clone();
        while let Some(n) = stack.pop() {
            if !std::mem::replace(&mut seen[n], true) {
                stack.extend(&next[n]);
            }
        }
        seen
    };
    let mut covered = vec![false; recs.len()];
    let mut out = Vec::new();
    for i in 0..recs.len() {
        if covered[i] || !reach(i)[i] {
            continue;
        }
        let from_i = reach(i);
        for (j, c) in covered.iter_mut().enumerate() {
            *c |= from_i[j] && reach(j)[i];
        }
        out.push(shortest_round(&next, i));
    }
    out
}

/// The shortest path from `start` back to itself, breadth first; `[start, …]`.
fn shortest_round(next: &[Vec<usize>], start: usize) -> Vec<usize> {
    let mut parent: Vec<Option<usize>> = vec![None; next.len()];
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        for &m in &next[n] {
            if m == start {
                // Back from `n` through its parents to `start`, whose parent is none.
                let mut path = vec![n];
                while let Some(p) = path.last().and_then(|&l| parent[l]) {
                    path.push(p);
                }
                path.reverse();
                return path;
            }
            if parent[m].is_none() && m != start {
                parent[m] = Some(n);
                queue.push_back(m);
            }
        }
    }
    vec![start]
}

/// Checks an assessment against its questionnaire. Answers the questionnaire does not know
/// are warnings: they are kept in the file, never dropped.
pub fn assessment(a: &Assessment, q: &Questionnaire, lang: Lang) -> Vec<Problem> {
    let w = CheckWords::of(lang);
    let mut out = Vec::new();
    let root = KeyPath::root();
    if a.schema != ASSESSMENT_SCHEMA {
        out.push(Problem::error(
            root.key("schema"),
            w.schema(a.schema, ASSESSMENT_SCHEMA),
        ));
    }
    if a.questionnaire.id != q.id {
        out.push(Problem::error(
            root.key("questionnaire").key("id"),
            w.other_questionnaire(&a.questionnaire.id, &q.id),
        ));
        return out;
    }
    if a.questionnaire.version != q.version {
        out.push(Problem::warning(
            root.key("questionnaire").key("version"),
            w.other_version(&a.questionnaire.version, &q.version),
        ));
    }
    if a.firm.name.trim().is_empty() {
        out.push(Problem::warning(
            root.key("firm").key("name"),
            w.firm_unnamed,
        ));
    }
    if let Some(d) = &a.visit.date
        && !is_date(d)
    {
        out.push(Problem::error(
            root.key("visit").key("date"),
            w.visit_date(&d.to_string()),
        ));
    }
    out.extend(visit_links(a, q, w));
    out.extend(plan_entries(a, w));
    for (id, value) in &a.profile {
        out.extend(profile_value(
            q,
            &|| root.key("profile").key(id),
            id,
            value,
            w,
        ));
    }
    for (id, answer) in &a.answers {
        let Some(r) = &answer.response else { continue };
        out.extend(answer_problems(
            q,
            &|| root.key("answers").key(id),
            id,
            r,
            w,
        ));
    }
    if a.visit.status == Status::Complete {
        for qr in q.questions().filter(|r| r.question.required) {
            if a.response(&qr.question.id).is_none() {
                out.push(Problem::warning(
                    root.key("visit").key("status"),
                    w.required_unanswered(&qr.question.id),
                ));
            }
        }
    }
    out
}

/// `visit.previous` names a file beside this one; `visit.target` a stage.
fn visit_links(a: &Assessment, q: &Questionnaire, w: &CheckWords) -> Vec<Problem> {
    let mut out = Vec::new();
    let visit = KeyPath::root().key("visit");
    if let Some(previous) = &a.visit.previous
        && !super::follow_up::is_bare_file_name(previous)
    {
        out.push(Problem::error(visit.key("previous"), w.previous(previous)));
    }
    if let Some(target) = &a.visit.target
        && !q.scale.stage.iter().any(|s| &s.id == target)
    {
        let ids: Vec<&str> = q.scale.stage.iter().map(|s| s.id.as_str()).collect();
        out.push(Problem::warning(
            visit.key("target"),
            w.target_unknown(target, &ids.join(", ")),
        ));
    }
    out
}

/// Dates of the plan are dates (the actions themselves: [`super::visit_checks`]).
fn plan_entries(a: &Assessment, w: &CheckWords) -> Vec<Problem> {
    let mut out = Vec::new();
    let root = KeyPath::root().key("plan");
    for (id, entry) in &a.plan {
        if let Some(d) = &entry.due
            && !is_date(d)
        {
            out.push(Problem::error(
                root.key(id).key("due"),
                w.due_date(&d.to_string()),
            ));
        }
    }
    out
}

/// The problem of one profile value, if any; `at` makes its path, only when there is one.
fn profile_value(
    q: &Questionnaire,
    at: &dyn Fn() -> KeyPath,
    id: &str,
    value: &toml::Value,
    w: &CheckWords,
) -> Option<Problem> {
    let Some(field) = q.profile_field(id) else {
        return Some(Problem::warning(at(), w.profile_unknown(id)).at_key());
    };
    let number = match value {
        toml::Value::Integer(i) => Some(*i as f64),
        toml::Value::Float(x) => Some(*x),
        _ => None,
    };
    match (field.kind, value) {
        (ProfileKind::Choice, toml::Value::String(s))
            if !field.options.iter().any(|o| &o.id == s) =>
        {
            Some(Problem::warning(at(), w.profile_not_option(s, id)))
        }
        (ProfileKind::Choice | ProfileKind::Text, toml::Value::String(_)) => None,
        (ProfileKind::Number, _) if number.is_some() => {
            let x = number.unwrap_or_default();
            match field.range {
                _ if !x.is_finite() => Some(Problem::error(at(), w.profile_not_finite(id, x))),
                Some([lo, hi]) if x < lo || x > hi => {
                    Some(Problem::error(at(), w.profile_out_of_range(x, lo, hi, id)))
                }
                _ => None,
            }
        }
        (ProfileKind::Date, toml::Value::Datetime(d)) if is_date(d) => None,
        (ProfileKind::Date, toml::Value::String(s))
            if s.trim().parse::<jiff::civil::Date>().is_ok() =>
        {
            None
        }
        (ProfileKind::Date, _) => Some(Problem::error(at(), w.profile_date(id))),
        (kind, _) => Some(Problem::error(
            at(),
            w.profile_kind(id, profile_kind_name(kind, w)),
        )),
    }
}

/// Whether a TOML date-time is a calendar date alone, and one that exists.
fn is_date(d: &toml::value::Datetime) -> bool {
    d.time.is_none() && d.offset.is_none() && super::assessment::to_civil_date(d).is_some()
}

fn profile_kind_name(kind: ProfileKind, w: &CheckWords) -> &'static str {
    match kind {
        ProfileKind::Text => w.kind_text,
        ProfileKind::Number => w.kind_number,
        ProfileKind::Choice => w.kind_choice,
        ProfileKind::Date => w.kind_date,
    }
}

/// Problems of one answer; `at` makes the answer's path, only when there is a problem.
fn answer_problems(
    q: &Questionnaire,
    at: &dyn Fn() -> KeyPath,
    id: &str,
    r: &Response,
    w: &CheckWords,
) -> Vec<Problem> {
    let Some(question) = q.question(id) else {
        return vec![Problem::warning(at(), w.orphaned(id)).at_key()];
    };
    let key = || at().key(r.key());
    let fits = matches!(
        (question.kind, r),
        (_, Response::NotApplicable)
            | (QuestionKind::Single, Response::Choice(_))
            | (QuestionKind::Multi, Response::Choices(_))
            | (QuestionKind::Number, Response::Value(_))
            | (QuestionKind::Text, Response::Text(_))
    );
    if !fits {
        return vec![Problem::warning(
            key(),
            w.does_not_fit(r.key(), question.kind.id(), id),
        )];
    }
    let mut out = Vec::new();
    match r {
        Response::NotApplicable if !question.na => out.push(Problem::warning(key(), w.no_na(id))),
        Response::Choices(cs) => {
            out.extend(unknown_options(question, id, cs, &|i| key().index(i), w));
            if let Some(p) = exclusive_with_others(question, id, cs, &key, w) {
                out.push(p);
            }
        }
        Response::Choice(c) => {
            out.extend(unknown_options(
                question,
                id,
                std::slice::from_ref(c),
                &|_| key(),
                w,
            ));
        }
        Response::Value(x) => {
            if let Some([lo, hi]) = question.range
                && (*x < lo || *x > hi)
            {
                out.push(Problem::error(key(), w.out_of_range(*x, lo, hi, id)));
            }
        }
        _ => {}
    }
    out
}

/// Warnings for chosen options the question does not have; `at` places the i-th.
fn unknown_options(
    question: &Question,
    id: &str,
    chosen: &[String],
    at: &dyn Fn(usize) -> KeyPath,
    w: &CheckWords,
) -> Vec<Problem> {
    chosen
        .iter()
        .enumerate()
        .filter(|(_, c)| question.option(c).is_none())
        .map(|(i, c)| Problem::warning(at(i), w.orphaned_option(id, c)))
        .collect()
}

/// Rule 12: an exclusive option ticked together with another known option.
fn exclusive_with_others(
    question: &Question,
    id: &str,
    chosen: &[String],
    at: &dyn Fn() -> KeyPath,
    w: &CheckWords,
) -> Option<Problem> {
    let known = || chosen.iter().filter(|c| question.option(c).is_some());
    let exclusive = known().find(|c| question.is_exclusive(c))?;
    let other = known().find(|c| *c != exclusive)?;
    Some(Problem::warning(
        at(),
        w.exclusive_ticked(exclusive, id, other),
    ))
}

#[cfg(test)]
mod tests;
