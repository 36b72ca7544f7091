//! Which of the assessments read an export holds: those of one questionnaire, the one given
//! (`--questionnaire PATH`) or else the one of the first file read; the others are set
//! aside, for the command to report.

/// The assessments of the questionnaire an export holds, and those set aside.
#[derive(Debug)]
pub struct Chosen<T> {
    /// The questionnaire id exported; none when nothing was read.
    pub questionnaire: Option<String>,
    /// The questionnaire was given, not taken from the first file.
    pub given: bool,
    /// The assessments exported, in the order read.
    pub kept: Vec<T>,
    /// The assessments of other questionnaires, in the order read.
    pub others: Vec<T>,
}

/// Chooses among `read` (in the order read) by the questionnaire id each records (`id`):
/// those of `given`, or else of the first one read.
pub fn one_questionnaire<T>(
    read: Vec<T>,
    given: Option<&str>,
    id: impl Fn(&T) -> &str,
) -> Chosen<T> {
    let questionnaire = given
        .map(str::to_string)
        .or_else(|| read.first().map(|t| id(t).to_string()));
    let (kept, others) = read
        .into_iter()
        .partition(|t| questionnaire.as_deref().is_none_or(|q| id(t) == q));
    Chosen {
        questionnaire,
        given: given.is_some(),
        kept,
        others,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_files_questionnaire_unless_one_is_given() {
        let read = || vec![("a", "scan"), ("b", "full"), ("c", "scan")];
        let c = one_questionnaire(read(), None, |t| t.1);
        assert_eq!(c.questionnaire.as_deref(), Some("scan"));
        assert!(!c.given);
        assert_eq!(c.kept, [("a", "scan"), ("c", "scan")]);
        assert_eq!(c.others, [("b", "full")]);
        let c = one_questionnaire(read(), Some("full"), |t| t.1);
        assert!(c.given);
        assert_eq!(c.kept, [("b", "full")]);
        assert_eq!(c.others.len(), 2);
        let c = one_questionnaire(Vec::<(&str, &str)>::new(), None, |t| t.1);
        assert_eq!(c.questionnaire, None);
        assert!(c.kept.is_empty());
    }
}
