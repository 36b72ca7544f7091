//! Conditions (`when`) of questions and recommendations, and how they are evaluated.

use serde::Deserialize;

use super::assessment::Response;

/// Scores closer than this are treated as equal, so that a score meant to be exactly on a
/// threshold is not pushed below it by floating-point rounding.
pub const EPSILON: f64 = 1e-9;

/// `a < b`, with scores within [`EPSILON`] counted as equal.
pub fn lt(a: f64, b: f64) -> bool {
    a < b - EPSILON
}

/// A condition as written in a questionnaire.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "RawCondition")]
pub enum Condition {
    Question { id: String, test: Test },
    Profile { id: String, test: Test },
    Dimension { id: String, test: Test },
    Overall { test: Test },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

/// The test a condition applies to its subject.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    AnyOf(Vec<String>),
    AllOf(Vec<String>),
    Below(f64),
    AtLeast(f64),
    Answered(bool),
}

impl Test {
    /// The key that writes this test in a file.
    pub fn key(&self) -> &'static str {
        match self {
            Test::AnyOf(_) => "any_of",
            Test::AllOf(_) => "all_of",
            Test::Below(_) => "below",
            Test::AtLeast(_) => "at_least",
            Test::Answered(_) => "answered",
        }
    }

    /// Whether a score passes a `below` or `at_least` test; no score, or a value that is not
    /// a finite number, passes nothing.
    pub fn compare(&self, score: Option<f64>) -> bool {
        match (self, score.filter(|s| s.is_finite())) {
            (Test::Below(x), Some(s)) => lt(s, *x),
            (Test::AtLeast(x), Some(s)) => !lt(s, *x),
            _ => false,
        }
    }
}

/// The state of a question as conditions see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum QuestionFact<'a> {
    /// Not asked: its own condition is false.
    Hidden,
    Unanswered,
    NotApplicable,
    /// Answered with a response that fits the question.
    Answered(&'a Response),
}

/// What a condition can ask about an assessment.
pub trait Facts {
    fn profile(&self, id: &str) -> Option<&toml::Value>;
    fn question(&self, id: &str) -> QuestionFact<'_>;
    fn question_score(&self, id: &str) -> Option<f64>;
    fn dimension_score(&self, id: &str) -> Option<f64>;
    fn overall_score(&self) -> Option<f64>;
}

/// A leaf condition as evaluated: whether it held, and on what value.
#[derive(Debug, Clone, PartialEq)]
pub struct Witness<'c> {
    pub condition: &'c Condition,
    pub holds: bool,
    pub actual: Actual,
}

/// A leaf condition's result kept apart from the condition: which leaf (its depth-first
/// position among [`Condition::leaves`]), whether it held, and on what value.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub leaf: usize,
    pub holds: bool,
    pub actual: Actual,
}

impl Finding {
    /// The finding as a witness of its condition's leaf; none if `condition` is not the one
    /// it was found on.
    pub fn witness<'c>(&self, condition: &'c Condition) -> Option<Witness<'c>> {
        Some(Witness {
            condition: condition.leaves().get(self.leaf).copied()?,
            holds: self.holds,
            actual: self.actual.clone(),
        })
    }
}

/// The value a leaf condition looked at.
#[derive(Debug, Clone, PartialEq)]
pub enum Actual {
    Score(Option<f64>),
    Choices(Vec<String>),
    Profile(Option<toml::Value>),
    Hidden,
    Unanswered,
    NotApplicable,
    Other,
}

impl Condition {
    /// Whether the condition holds for these facts.
    pub fn eval(&self, f: &dyn Facts) -> bool {
        match self {
            Condition::Question { id, test } => question_holds(f, id, test),
            Condition::Profile { id, test } => profile_holds(f.profile(id), test),
            Condition::Dimension { id, test } => test.compare(f.dimension_score(id)),
            Condition::Overall { test } => test.compare(f.overall_score()),
            Condition::All(cs) => cs.iter().all(|c| c.eval(f)),
            Condition::Any(cs) => cs.iter().any(|c| c.eval(f)),
            Condition::Not(c) => !c.eval(f),
        }
    }

    /// The leaf conditions that decided the result, with the values they saw.
    pub fn witnesses<'c>(&'c self, f: &dyn Facts) -> Vec<Witness<'c>> {
        let leaves = self.leaves();
        self.findings(f)
            .into_iter()
            .filter_map(|x| {
                Some(Witness {
                    condition: leaves.get(x.leaf).copied()?,
                    holds: x.holds,
                    actual: x.actual,
                })
            })
            .collect()
    }

    /// The leaf conditions that decided the result, as [`Finding`]s that outlive the facts.
    pub fn findings(&self, f: &dyn Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        self.collect_findings(f, &mut 0, &mut out);
        out
    }

    /// Collects the findings of the leaves that decided the result, counting leaves as it
    /// goes, skipped ones included.
    fn collect_findings(&self, f: &dyn Facts, next: &mut usize, out: &mut Vec<Finding>) {
        match self {
            Condition::All(cs) | Condition::Any(cs) => {
                let result = self.eval(f);
                let is_all = matches!(self, Condition::All(_));
                // all → true and any → false are decided by every child; otherwise by the
                // children that agree with the result.
                for c in cs {
                    if is_all == result || c.eval(f) == result {
                        c.collect_findings(f, next, out);
                    } else {
                        *next += c.leaf_count();
                    }
                }
            }
            Condition::Not(c) => c.collect_findings(f, next, out),
            leaf => {
                out.push(Finding {
                    leaf: *next,
                    holds: leaf.eval(f),
                    actual: leaf.actual(f),
                });
                *next += 1;
            }
        }
    }

    fn leaf_count(&self) -> usize {
        match self {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().map(Condition::leaf_count).sum(),
            Condition::Not(c) => c.leaf_count(),
            _ => 1,
        }
    }

    fn actual(&self, f: &dyn Facts) -> Actual {
        match self {
            Condition::Question { id, test } => match f.question(id) {
                QuestionFact::Hidden => Actual::Hidden,
                QuestionFact::NotApplicable => Actual::NotApplicable,
                QuestionFact::Unanswered => Actual::Unanswered,
                QuestionFact::Answered(r) => match test {
                    Test::AnyOf(_) | Test::AllOf(_) => Actual::Choices(r.chosen().to_vec()),
                    _ => Actual::Score(f.question_score(id)),
                },
            },
            Condition::Profile { id, .. } => Actual::Profile(f.profile(id).cloned()),
            Condition::Dimension { id, .. } => Actual::Score(f.dimension_score(id)),
            Condition::Overall { .. } => Actual::Score(f.overall_score()),
            _ => Actual::Other,
        }
    }

    /// Every leaf condition, depth first.
    pub fn leaves(&self) -> Vec<&Condition> {
        match self {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().flat_map(|c| c.leaves()).collect(),
            Condition::Not(c) => c.leaves(),
            leaf => vec![leaf],
        }
    }
}

fn question_holds(f: &dyn Facts, id: &str, test: &Test) -> bool {
    let fact = f.question(id);
    match test {
        Test::Answered(want) => {
            let answered = matches!(
                fact,
                QuestionFact::Answered(_) | QuestionFact::NotApplicable
            );
            answered == *want
        }
        Test::AnyOf(list) => match fact {
            QuestionFact::Answered(r) => r.chosen().iter().any(|c| list.contains(c)),
            _ => false,
        },
        Test::AllOf(list) => match fact {
            QuestionFact::Answered(r) => {
                let chosen = r.chosen();
                !chosen.is_empty() && list.iter().all(|o| chosen.contains(o))
            }
            _ => false,
        },
        Test::Below(_) | Test::AtLeast(_) => match fact {
            QuestionFact::Answered(_) => test.compare(f.question_score(id)),
            _ => false,
        },
    }
}

fn profile_holds(value: Option<&toml::Value>, test: &Test) -> bool {
    let text = |v: &toml::Value| match v {
        toml::Value::String(s) => Some(s.trim().to_string()),
        toml::Value::Datetime(d) => Some(d.to_string()),
        _ => None,
    };
    let number = |v: &toml::Value| match v {
        toml::Value::Integer(i) => Some(*i as f64),
        toml::Value::Float(x) => Some(*x),
        _ => None,
    };
    match test {
        Test::Answered(want) => {
            let present = value.is_some_and(|v| text(v).is_none_or(|s| !s.is_empty()));
            present == *want
        }
        Test::AnyOf(list) => value.and_then(text).is_some_and(|s| list.contains(&s)),
        Test::AllOf(_) => false,
        Test::Below(_) | Test::AtLeast(_) => test.compare(value.and_then(number)),
    }
}

/// A condition as written, before it is checked to have one subject and one test.
#[derive(Debug, Clone, Default, Deserialize)]
struct RawCondition {
    #[serde(default)]
    question: Option<String>,
    #[serde(default)]
    profile: Option<String>,
    #[serde(default)]
    dimension: Option<String>,
    #[serde(default)]
    overall: Option<bool>,
    #[serde(default)]
    any_of: Option<Vec<String>>,
    #[serde(default)]
    all_of: Option<Vec<String>>,
    #[serde(default)]
    below: Option<f64>,
    #[serde(default)]
    at_least: Option<f64>,
    #[serde(default)]
    answered: Option<bool>,
    #[serde(default)]
    all: Option<Vec<Condition>>,
    #[serde(default)]
    any: Option<Vec<Condition>>,
    #[serde(default)]
    not: Option<Box<Condition>>,
}

const FORMS: &str = "question, profile, dimension, overall, all, any or not";

/// What a condition is about, before its test is attached.
enum Subject {
    Question(String),
    Profile(String),
    Dimension(String),
    Overall,
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl Subject {
    fn name(&self) -> &'static str {
        match self {
            Subject::Question(_) => "question",
            Subject::Profile(_) => "profile",
            Subject::Dimension(_) => "dimension",
            Subject::Overall => "overall",
            Subject::All(_) => "all",
            Subject::Any(_) => "any",
            Subject::Not(_) => "not",
        }
    }

    /// The tests this subject accepts; none for groups.
    fn tests(&self) -> &'static [&'static str] {
        match self {
            Subject::Question(_) => &["any_of", "all_of", "below", "at_least", "answered"],
            Subject::Profile(_) => &["any_of", "below", "at_least", "answered"],
            Subject::Dimension(_) | Subject::Overall => &["below", "at_least"],
            _ => &[],
        }
    }
}

impl TryFrom<RawCondition> for Condition {
    type Error = String;

    fn try_from(r: RawCondition) -> Result<Self, String> {
        let tests: Vec<Test> = [
            r.any_of.map(Test::AnyOf),
            r.all_of.map(Test::AllOf),
            r.below.map(Test::Below),
            r.at_least.map(Test::AtLeast),
            r.answered.map(Test::Answered),
        ]
        .into_iter()
        .flatten()
        .collect();
        if r.overall == Some(false) {
            return Err(
                "`overall` can only be `true`: write `{ overall = true, below = X }`".into(),
            );
        }
        let mut subjects: Vec<Subject> = [
            r.question.map(Subject::Question),
            r.profile.map(Subject::Profile),
            r.dimension.map(Subject::Dimension),
            r.overall.map(|_| Subject::Overall),
            r.all.map(Subject::All),
            r.any.map(Subject::Any),
            r.not.map(Subject::Not),
        ]
        .into_iter()
        .flatten()
        .collect();
        if subjects.len() != 1 {
            let named: Vec<_> = subjects.iter().map(Subject::name).collect();
            let w = crate::i18n::CheckWords::chosen();
            return Err(if named.is_empty() {
                w.condition_none(FORMS)
            } else {
                w.condition_several(FORMS, &named.join(w.and))
            });
        }
        let subject = subjects.remove(0);
        let allowed = subject.tests();
        if allowed.is_empty() {
            if let Some(t) = tests.first() {
                return Err(
                    crate::i18n::CheckWords::chosen().takes_no_test(subject.name(), t.key())
                );
            }
        } else if tests.len() != 1 {
            return Err(
                crate::i18n::CheckWords::chosen().one_test(subject.name(), &allowed.join(", "))
            );
        }
        if let Some(test) = tests.first() {
            check_test(test, subject.name(), allowed)?;
        }
        let test = tests.into_iter().next();
        Ok(match (subject, test) {
            (Subject::All(cs), _) if cs.is_empty() => {
                return Err(crate::i18n::CheckWords::chosen().all_empty.into());
            }
            (Subject::Any(cs), _) if cs.is_empty() => {
                return Err(crate::i18n::CheckWords::chosen().any_empty.into());
            }
            (Subject::All(cs), _) => Condition::All(cs),
            (Subject::Any(cs), _) => Condition::Any(cs),
            (Subject::Not(c), _) => Condition::Not(c),
            (Subject::Question(id), Some(test)) => Condition::Question { id, test },
            (Subject::Profile(id), Some(test)) => Condition::Profile { id, test },
            (Subject::Dimension(id), Some(test)) => Condition::Dimension { id, test },
            (Subject::Overall, Some(test)) => Condition::Overall { test },
            (s, None) => return Err(crate::i18n::CheckWords::chosen().needs_test(s.name())),
        })
    }
}

fn check_test(test: &Test, subject: &str, allowed: &[&str]) -> Result<(), String> {
    if !allowed.contains(&test.key()) {
        return Err(crate::i18n::CheckWords::chosen().test_not_allowed(
            test.key(),
            subject,
            &allowed.join(", "),
        ));
    }
    match test {
        Test::AnyOf(v) | Test::AllOf(v) if v.is_empty() => {
            Err(crate::i18n::CheckWords::chosen().test_no_options(test.key()))
        }
        Test::Below(x) | Test::AtLeast(x) if !x.is_finite() => {
            Err(crate::i18n::CheckWords::chosen().test_not_finite(test.key()))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_that_is_not_a_finite_number_passes_neither_below_nor_at_least() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(!Test::AtLeast(50.0).compare(Some(x)), "{x}");
            assert!(!Test::Below(50.0).compare(Some(x)), "{x}");
        }
        assert!(Test::AtLeast(50.0).compare(Some(50.0)));
        assert!(Test::Below(50.0).compare(Some(49.0)));
        let employees = toml::Value::Float(f64::NAN);
        let at_least = Test::AtLeast(50.0);
        assert!(!profile_holds(Some(&employees), &at_least));
    }
}
