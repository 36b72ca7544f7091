//! Whether an action's due date lies in the window of its horizon: short 0–6 months, medium
//! 6–18, long 18–36, counted from the visit date (DESIGN.md's horizons, the months the sheet's
//! "by 2027-05" counts). A date outside is accepted and said, never refused.

use jiff::civil::Date;
use toml::value::Datetime;

use crate::i18n::{Lang, PlanReasons, PlanWords};
use crate::model::assessment::to_civil_date;
use crate::model::{Assessment, Decision, Horizon};
use crate::plain_text::visible;

/// The first and last day of a horizon's window, from a visit on `visit`.
pub fn window(visit: Date, h: Horizon) -> Option<(Date, Date)> {
    let (from, to) = h.months();
    let add = |m: u32| {
        visit
            .checked_add(jiff::Span::new().months(i64::from(m)))
            .ok()
    };
    Some((add(from)?, add(to)?))
}

/// The window of `h` when `due` lies outside it (before its first day or after its last);
/// none when it lies inside, or without a visit date to count from.
pub fn outside(visit: Option<&Datetime>, h: Horizon, due: &Datetime) -> Option<(Date, Date)> {
    let visit = to_civil_date(visit?)?;
    let due = to_civil_date(due)?;
    let (from, to) = window(visit, h)?;
    (due < from || due > to).then_some((from, to))
}

/// An action the firm decided on whose due date lies outside the window of the horizon it
/// stands in.
#[derive(Debug, Clone, PartialEq)]
pub struct DueOutside {
    pub id: String,
    pub horizon: Horizon,
    pub due: Datetime,
    /// The window's first and last day.
    pub window: (Date, Date),
}

/// Every action of the assessment's `[plan.*]` with a due date outside its horizon's window:
/// the horizon agreed, else the one `placed` gives (rule 9's, for a recommendation). Declined
/// actions, and those in no horizon, have no window.
pub fn due_outside(a: &Assessment, placed: impl Fn(&str) -> Option<Horizon>) -> Vec<DueOutside> {
    a.plan
        .iter()
        .filter(|(_, e)| e.decision != Some(Decision::Declined))
        .filter_map(|(id, e)| {
            let due = e.due?;
            let horizon = e.horizon.or_else(|| placed(id))?;
            let window = outside(a.visit.date.as_ref(), horizon, &due)?;
            Some(DueOutside {
                id: id.clone(),
                horizon,
                due,
                window,
            })
        })
        .collect()
}

/// "due 2027-11-30 lies outside the short term (2026-11-27 to 2027-05-27)".
pub fn sentence(due: &Datetime, h: Horizon, (from, to): (Date, Date), lang: Lang) -> String {
    let term = PlanReasons::of(lang).term(h);
    PlanWords::of(lang).due_outside(&due.to_string(), term, &from.to_string(), &to.to_string())
}

/// The same, naming the action: as `dmat validate` says it.
pub fn said(d: &DueOutside, lang: Lang) -> String {
    let why = sentence(&d.due, d.horizon, d.window, lang);
    PlanWords::of(lang).due_outside_of(&visible(&d.id), &why)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuestionnaireRef;
    use crate::model::decisions::edit_plan;

    fn date(s: &str) -> Datetime {
        s.parse().unwrap()
    }

    #[test]
    fn each_horizon_has_its_window_from_the_visit_date() {
        let visit = Some(date("2026-11-27"));
        let v = visit.as_ref();
        let short = |d: &str| outside(v, Horizon::Short, &date(d));
        assert_eq!(short("2026-11-27"), None, "the visit day itself");
        assert_eq!(short("2027-05-27"), None, "six months on");
        let (from, to) = short("2027-05-28").unwrap();
        assert_eq!(
            (from.to_string(), to.to_string()),
            ("2026-11-27".into(), "2027-05-27".into())
        );
        assert!(short("2026-11-26").is_some(), "before the visit");
        let medium = |d: &str| outside(v, Horizon::Medium, &date(d));
        assert!(
            medium("2027-03-31").is_some(),
            "too early for the medium term"
        );
        assert_eq!(medium("2027-06-30"), None);
        assert_eq!(medium("2028-05-27"), None);
        assert!(medium("2028-05-28").is_some());
        let long = |d: &str| outside(v, Horizon::Long, &date(d));
        assert_eq!(long("2029-11-27"), None);
        assert!(long("2029-11-28").is_some());
        assert_eq!(
            outside(None, Horizon::Short, &date("2040-01-01")),
            None,
            "no visit date"
        );
    }

    #[test]
    fn decided_actions_are_checked_in_the_horizon_they_stand_in() {
        let r = QuestionnaireRef {
            id: "q".into(),
            version: "1".into(),
            digest: String::new(),
        };
        let mut a = Assessment::new(r, "Acme", Some(date("2026-11-27")));
        let due = |d: &str| Some(date(d));
        // Rule 9 put the ERP in short; due in a year: outside.
        edit_plan(&mut a, "erp", |e| e.due = due("2027-11-30"));
        // Agreed for the medium term: inside.
        edit_plan(&mut a, "cnc", |e| {
            e.horizon = Some(Horizon::Medium);
            e.due = due("2027-11-30");
        });
        // Declined: no window.
        edit_plan(&mut a, "mes", |e| {
            e.decision = Some(Decision::Declined);
            e.due = due("2035-01-01");
        });
        // Left for later by rule 9, not moved: no window.
        edit_plan(&mut a, "later", |e| e.due = due("2035-01-01"));
        let placed = |id: &str| match id {
            "erp" | "cnc" => Some(Horizon::Short),
            _ => None,
        };
        let found = due_outside(&a, placed);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].id, "erp");
        assert_eq!(found[0].horizon, Horizon::Short);
        assert_eq!(found[0].window.1.to_string(), "2027-05-27");
    }
}
