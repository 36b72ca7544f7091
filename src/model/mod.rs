//! The data of dmat: questionnaires and assessments, how they are read from their files, and
//! the rules a questionnaire must follow.

pub mod assessment;
pub mod condition;
pub mod diagnostic;
pub mod parse;
pub mod questionnaire;
pub mod text;
pub mod validate;

pub use assessment::{
    ASSESSMENT_SCHEMA, Answer, Assessment, Firm, QuestionnaireRef, Response, Status, Visit,
};
pub use condition::{Condition, Facts, QuestionFact, Test};
pub use diagnostic::{Diagnostic, Severity};
pub use questionnaire::{
    Aggregate, AnswerOption, Band, Dimension, Horizon, Priority, ProfileField, ProfileKind,
    Question, QuestionKind, QuestionRef, Questionnaire, Recommendation, Scale, Stage, Unanswered,
};
pub use text::Text;
