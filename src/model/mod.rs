//! The data of dmat: questionnaires and assessments, how they are read from their files, and
//! the rules a questionnaire must follow.

pub mod assessment;
pub mod condition;
pub mod credit_code;
pub mod decisions;
pub mod diagnostic;
pub mod follow_up;
pub mod parse;
mod plain_assessment;
pub mod questionnaire;
pub mod text;
pub mod validate;
pub mod visit_checks;

pub use assessment::{
    ASSESSMENT_SCHEMA, Answer, Assessment, Decision, Firm, PlanEntry, Progress, ProgressStatus,
    QuestionnaireRef, Response, Status, SupportOutcome, Visit, same_firm,
};
pub use condition::{Condition, Facts, QuestionFact, Test};
pub use diagnostic::{Diagnostic, Severity};
pub use questionnaire::{
    Aggregate, AnswerOption, Band, Check, Dimension, Effort, Horizon, PlanSizes, Priority,
    ProfileField, ProfileKind, Question, QuestionKind, QuestionRef, Questionnaire, Raise, RaiseTo,
    Recommendation, Scale, Stage, Unanswered, Verdict,
};
pub use text::Text;
