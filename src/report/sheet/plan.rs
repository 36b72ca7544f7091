//! The plan as the sheet shows it: the actions of each horizon with why, after what, the
//! support, the rough cost and the effort; then the later options in brief.

use serde::Serialize;

use super::Builder;
use crate::advise::reason_sentences;
use crate::evaluation::explain;
use crate::model::assessment::to_civil_date;
use crate::model::{Effort, Horizon, Priority};
use crate::plain_text::inert;

/// The plan: the actions of the short, medium and long term, then the later options.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// How many actions are planned (short, medium and long together).
    pub count: usize,
    /// One sentence: how many actions, and how they were placed.
    pub intro: String,
    /// Non-empty horizons: short, medium, long.
    pub groups: Vec<HorizonGroup>,
    /// The short term's actions, for the decision page.
    pub short: Vec<PlanItem>,
    /// The applicable recommendations left for later, in the plan's ranking.
    pub later: Vec<LaterItem>,
    /// "These 12 also apply …"; empty without later options.
    pub later_intro: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct HorizonGroup {
    /// `short`, `medium`, `long`.
    pub id: &'static str,
    pub title: &'static str,
    /// e.g. "by 2027-05"; none without a visit date.
    pub due: Option<String>,
    pub items: Vec<PlanItem>,
}

/// One action of the plan as the sheet shows it.
#[derive(Debug, Clone, Serialize)]
pub struct PlanItem {
    /// 1-based, counting through the horizons in printed order.
    pub number: usize,
    pub id: String,
    pub title: String,
    pub action: String,
    pub support: Option<String>,
    pub cost: Option<String>,
    /// `low`, `medium`, `high`.
    pub effort_id: &'static str,
    pub effort: &'static str,
    /// `high`, `medium`, `low`.
    pub priority_id: &'static str,
    pub priority: &'static str,
    pub dimension: Option<String>,
    /// Why it applies, one plain sentence per deciding fact.
    pub reasons: Vec<String>,
    /// Why it sits in this horizon, where it was moved from its own; none otherwise.
    pub placed: Option<String>,
    /// The titles of the planned actions it must come after.
    pub after: Vec<String>,
}

/// A later option, in brief.
#[derive(Debug, Clone, Serialize)]
pub struct LaterItem {
    pub title: String,
    pub dimension: Option<String>,
    pub priority_id: &'static str,
    pub priority: &'static str,
}

impl Builder<'_> {
    pub(super) fn plan(&self) -> Plan {
        let (e, w) = (self.e, self.w);
        let mut number = 0;
        let groups: Vec<HorizonGroup> = Horizon::ALL
            .into_iter()
            .filter(|&h| !e.horizon(h).is_empty())
            .map(|h| HorizonGroup {
                id: h.id(),
                title: match h {
                    Horizon::Short => w.horizon_short,
                    Horizon::Medium => w.horizon_medium,
                    Horizon::Long => w.horizon_long,
                },
                due: self.due(h),
                items: e
                    .horizon(h)
                    .iter()
                    .map(|&i| {
                        number += 1;
                        self.plan_item(i, number)
                    })
                    .collect(),
            })
            .collect();
        let later: Vec<LaterItem> = e.plan.later.iter().map(|&i| self.later_item(i)).collect();
        Plan {
            count: number,
            intro: match number {
                0 => w.no_plan.to_string(),
                1 => w.plan_intro_one.to_string(),
                n => w.plan_intro(n),
            },
            short: groups
                .iter()
                .find(|g| g.id == Horizon::Short.id())
                .map(|g| g.items.clone())
                .unwrap_or_default(),
            groups,
            later_intro: if later.is_empty() {
                String::new()
            } else {
                w.later_intro(later.len())
            },
            later,
        }
    }

    fn priority(&self, p: Priority) -> &'static str {
        match p {
            Priority::High => self.w.high,
            Priority::Medium => self.w.medium,
            Priority::Low => self.w.low,
        }
    }

    fn dimension_title(&self, id: Option<&str>) -> Option<String> {
        id.and_then(|id| self.q.dimension(id))
            .map(|d| self.text(&d.title).to_string())
    }

    fn plan_item(&self, i: usize, number: usize) -> PlanItem {
        let (q, e, w) = (self.q, self.e, self.w);
        let r = e.recommendation(q, i);
        let placed =
            (!e.placement(i).deferrals.is_empty()).then(|| explain::placement(q, e, i, self.lang));
        let after = r
            .after
            .iter()
            .filter_map(|id| {
                let j = e
                    .applicable
                    .iter()
                    .position(|x| q.recommendation[x.recommendation].id == *id)?;
                e.placement(j).horizon?;
                Some(self.text(&e.recommendation(q, j).title).to_string())
            })
            .collect();
        PlanItem {
            number,
            id: r.id.clone(),
            title: self.text(&r.title).to_string(),
            action: self.text(&r.action).to_string(),
            support: r.support.as_ref().map(|s| self.text(s).to_string()),
            cost: r.cost.as_ref().map(|s| self.text(s).to_string()),
            effort_id: r.effort.id(),
            effort: match r.effort {
                Effort::Low => w.effort_low,
                Effort::Medium => w.effort_medium,
                Effort::High => w.effort_high,
            },
            priority_id: r.priority.id(),
            priority: self.priority(r.priority),
            dimension: self.dimension_title(r.dimension.as_deref()),
            reasons: reason_sentences(q, &e.reasons(q, i), self.lang)
                .into_iter()
                .map(|s| inert(&s))
                .filter(|s| !s.is_empty())
                .collect(),
            placed,
            after,
        }
    }

    fn later_item(&self, i: usize) -> LaterItem {
        let r = self.e.recommendation(self.q, i);
        LaterItem {
            title: self.text(&r.title).to_string(),
            dimension: self.dimension_title(r.dimension.as_deref()),
            priority_id: r.priority.id(),
            priority: self.priority(r.priority),
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
