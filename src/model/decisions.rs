//! The firm's decisions on its plan (`[plan.*]`) and the progress recorded on a follow-up
//! visit (`[progress.*]`), as the screens edit them: an entry left with nothing in it is
//! removed, so that the file holds only what was decided; the firm's own actions get ids
//! that name no recommendation.

use toml::value::Datetime;

use super::{Assessment, PlanEntry, Progress, Questionnaire};

/// The prefix of the ids of actions the firm adds itself.
pub const OWN_PREFIX: &str = "own-";

/// Changes the plan entry of action `id` (made when there is none); an entry left empty is
/// removed.
pub fn edit_plan(a: &mut Assessment, id: &str, change: impl FnOnce(&mut PlanEntry)) {
    let entry = a.plan.entry(id.to_string()).or_default();
    change(entry);
    if *entry == PlanEntry::default() {
        a.plan.remove(id);
    }
}

/// Changes the progress entry of action `id` (made when there is none); an entry left empty
/// is removed.
pub fn edit_progress(a: &mut Assessment, id: &str, change: impl FnOnce(&mut Progress)) {
    let entry = a.progress.entry(id.to_string()).or_default();
    change(entry);
    if *entry == Progress::default() {
        a.progress.remove(id);
    }
}

/// A text as kept in an entry: trimmed at the ends; blank is none.
pub fn kept_text(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The id for a new action of the firm's own: `own-1`, `own-2`, … the first that neither
/// the plan nor the questionnaire uses.
pub fn new_own_id(a: &Assessment, q: &Questionnaire) -> String {
    (1..)
        .map(|n| format!("{OWN_PREFIX}{n}"))
        .find(|id| !a.plan.contains_key(id) && q.recommendation_index(id).is_none())
        .unwrap_or_default()
}

/// Reads a date as people type it: `2027-06-30`, `2027/6/30`, `2027.6.30`, `2027年6月30日`,
/// full-width digits too. None when it is not a real date of a four-digit year.
pub fn read_date(text: &str) -> Option<Datetime> {
    let norm: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '.' | '年' | '月' => '-',
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .filter(|&c| c != '日')
        .collect();
    let parts: Vec<i64> = norm
        .split('-')
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.trim().parse::<i64>())
        .collect::<Result<_, _>>()
        .ok()?;
    let [y, m, d] = parts[..] else { return None };
    if !(1000..=9999).contains(&y) {
        return None;
    }
    let date = jiff::civil::Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()?;
    Some(super::assessment::civil_date(date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Decision, Horizon, ProgressStatus, QuestionnaireRef};

    fn visit() -> Assessment {
        let r = QuestionnaireRef {
            id: "q".into(),
            version: "1".into(),
            digest: String::new(),
        };
        Assessment::new(r, "Acme", None)
    }

    #[test]
    fn an_entry_left_empty_is_removed() {
        let mut a = visit();
        edit_plan(&mut a, "erp", |e| e.decision = Some(Decision::Agreed));
        edit_plan(&mut a, "erp", |e| e.horizon = Some(Horizon::Long));
        assert_eq!(a.plan["erp"].decision, Some(Decision::Agreed));
        assert_eq!(a.plan["erp"].horizon, Some(Horizon::Long));
        edit_plan(&mut a, "erp", |e| e.decision = None);
        assert!(a.plan.contains_key("erp"), "the horizon is still decided");
        edit_plan(&mut a, "erp", |e| e.horizon = None);
        assert!(a.plan.is_empty());
        edit_progress(&mut a, "erp", |p| p.status = Some(ProgressStatus::Done));
        assert_eq!(a.progress["erp"].status, Some(ProgressStatus::Done));
        edit_progress(&mut a, "erp", |p| p.status = None);
        assert!(a.progress.is_empty());
    }

    #[test]
    fn own_actions_get_ids_no_recommendation_has() {
        let mut a = visit();
        let (q, _) = crate::model::parse::questionnaire(
            "schema = 1\nid = \"q\"\nversion = \"1\"\nlanguages = [\"en\"]\ntitle = \"Q\"\n\
             [scale]\nmin = 2.0\nmax = 4.0\n[[scale.stage]]\nid = \"2\"\nfrom = 2.0\nlabel = \"2\"\n\
             [[dimension]]\nid = \"d\"\ntitle = \"D\"\n[[dimension.question]]\nid = \"x\"\n\
             kind = \"text\"\ntext = \"X\"\n\
             [[recommendation]]\nid = \"own-1\"\ntitle = \"T\"\naction = \"A\"\n",
        )
        .unwrap();
        assert_eq!(new_own_id(&a, &q), "own-2", "own-1 is a recommendation");
        edit_plan(&mut a, "own-2", |e| e.title = kept_text(" 设备台账 "));
        assert_eq!(a.plan["own-2"].title.as_deref(), Some("设备台账"));
        assert_eq!(new_own_id(&a, &q), "own-3");
        assert_eq!(kept_text("  "), None);
    }

    #[test]
    fn dates_are_read_as_people_type_them() {
        for typed in [
            "2027-06-30",
            "2027/6/30",
            "2027.6.30",
            "2027年6月30日",
            "２０２７-06-30",
        ] {
            assert_eq!(
                read_date(typed).map(|d| d.to_string()).as_deref(),
                Some("2027-06-30"),
                "{typed}"
            );
        }
        for wrong in [
            "",
            "2027-02-30",
            "27-6-30",
            "soon",
            "2027-06",
            "2027-06-30-1",
        ] {
            assert_eq!(read_date(wrong), None, "{wrong}");
        }
    }
}
