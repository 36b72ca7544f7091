//! The plan as the sheet shows it: the actions of each horizon with why, after what, the
//! support, the rough cost, the effort and what the firm decided (agreed with owner and due
//! date, or only proposed); then the firm's own actions, the declined ones and the later
//! options in brief.
//!
//! An action the firm agreed for another horizon than rule 9's (`[plan.<id>] horizon`) is
//! shown in that horizon; a declined one leaves the plan for the brief list of declined ones
//! (the grouping is the evaluation's: [`crate::plan::Agreed`]).

use serde::Serialize;

use super::Builder;
use crate::advise::{Quote, reason_sentences_quoting};
use crate::evaluation::explain;
use crate::model::assessment::to_civil_date;
use crate::model::{Decision, Effort, Horizon, PlanEntry, Priority};
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
    /// Whether the plan was discussed with the firm (any `[plan.*]` entry): then each action
    /// says what was decided, "proposed" where nothing was. The intro says in any case how
    /// many actions are agreed and that the others are proposed.
    pub decided: bool,
    /// The actions the firm added itself (and recommendations outside the plan it decided
    /// on), by id.
    pub own: Vec<Decided>,
    /// The actions the firm declined, in plan order, in brief with its reason.
    pub declined: Vec<Decided>,
}

/// What the firm decided about one action (`[plan.<id>]`).
#[derive(Debug, Clone, Serialize)]
pub struct Decided {
    pub id: String,
    pub title: String,
    /// `agreed`, `declined` or `proposed`.
    pub decision_id: &'static str,
    /// "Agreed", "Declined" or "Proposed", in the sheet's language.
    pub decision: &'static str,
    pub owner: Option<String>,
    /// `YYYY-MM-DD`.
    pub due: Option<String>,
    /// "moved to the long term by agreement" for an action of the plan; the horizon's name
    /// for the firm's own action.
    pub horizon: Option<String>,
    /// The firm's note; for a declined action, its reason.
    pub note: Option<String>,
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
    /// "and 2 more" where there are more reasons than the printed sheet shows
    /// ([`REASONS_SHOWN`]); none otherwise.
    pub more_reasons: Option<String>,
    /// Why it sits in this horizon, where it was moved from its own; none otherwise.
    pub placed: Option<String>,
    /// The titles of the planned actions it must come after.
    pub after: Vec<String>,
    /// What the firm decided: agreed (with owner and due date) or proposed.
    pub decided: Decided,
}

/// A later option, in brief.
#[derive(Debug, Clone, Serialize)]
pub struct LaterItem {
    pub title: String,
    pub dimension: Option<String>,
    pub priority_id: &'static str,
    pub priority: &'static str,
}

/// The reasons the printed sheet gives for an action: the first few, then how many more.
pub const REASONS_SHOWN: usize = 2;

impl Builder<'_> {
    pub(super) fn plan(&self) -> Plan {
        let (e, w) = (self.e, self.w);
        let mut number = 0;
        let groups: Vec<HorizonGroup> = Horizon::ALL
            .into_iter()
            .map(|h| HorizonGroup {
                id: h.id(),
                title: match h {
                    Horizon::Short => w.horizon_short,
                    Horizon::Medium => w.horizon_medium,
                    Horizon::Long => w.horizon_long,
                },
                due: self.due(h),
                items: e
                    .decided_horizon(h)
                    .iter()
                    .map(|&i| {
                        number += 1;
                        self.plan_item(i, number)
                    })
                    .collect(),
            })
            .filter(|g| !g.items.is_empty())
            .collect();
        let later: Vec<LaterItem> = e
            .decided_later()
            .iter()
            .map(|&i| self.later_item(i))
            .collect();
        let decided = e.is_decided();
        let mut intro = match number {
            0 => w.no_plan.to_string(),
            1 => w.plan_intro_one.to_string(),
            n => w.plan_intro(n),
        };
        let agreed = groups
            .iter()
            .flat_map(|g| &g.items)
            .filter(|i| i.decided.decision_id == Decision::Agreed.id())
            .count();
        match agreed {
            _ if number == 0 => {}
            0 => intro.push_str(w.all_proposed),
            n if n == number => intro.push_str(w.all_agreed),
            n => intro.push_str(&w.some_agreed(n)),
        }
        Plan {
            count: number,
            intro,
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
            decided,
            own: self.own_actions(),
            declined: self.declined(),
        }
    }

    fn entry(&self, i: usize) -> Option<&PlanEntry> {
        self.a.plan.get(&self.e.recommendation(self.q, i).id)
    }

    /// The horizon the firm moved the applicable recommendation at `i` to, where it differs
    /// from the plan's.
    fn moved_to(&self, i: usize) -> Option<Horizon> {
        let wanted = self.entry(i)?.horizon?;
        (self.e.placement(i).horizon != Some(wanted)).then_some(wanted)
    }

    /// The firm's decision on an action, "proposed" where it has none. `moved` is the horizon
    /// an action of the plan was moved to; `own` the horizon of the firm's own action.
    fn decided(&self, id: &str, title: &str, horizon: Option<String>) -> Decided {
        let w = self.w;
        let PlanEntry {
            decision,
            owner,
            due,
            note,
            ..
        } = self.a.plan.get(id).cloned().unwrap_or_default();
        let text = |s: Option<String>| s.map(|s| inert(&s)).filter(|s| !s.trim().is_empty());
        Decided {
            id: id.to_string(),
            title: title.to_string(),
            decision_id: decision.map_or("proposed", Decision::id),
            decision: match decision {
                Some(Decision::Agreed) => w.agreed,
                Some(Decision::Declined) => w.declined,
                None => w.proposed,
            },
            owner: text(owner),
            due: due.map(|d| d.to_string()),
            horizon,
            note: text(note),
        }
    }

    /// A horizon's name in a sentence: "short term", "近期".
    fn term(&self, h: Horizon) -> &'static str {
        crate::i18n::PlanReasons::of(self.lang).term(h)
    }

    /// The actions the firm declined: applicable ones in plan order, then the rest by id.
    fn declined(&self) -> Vec<Decided> {
        let (q, e) = (self.q, self.e);
        let applicable = e.declined().iter().map(|&i| {
            let r = e.recommendation(q, i);
            self.decided(&r.id, self.text(&r.title), None)
        });
        let others = self
            .other_entries()
            .filter(|(_, p)| p.decision == Some(Decision::Declined))
            .map(|(id, p)| self.decided(id, &self.other_title(id, p), None));
        applicable.chain(others).collect()
    }

    /// The plan entries naming no applicable recommendation: the firm's own actions, and
    /// recommendations that no longer apply.
    fn other_entries(&self) -> impl Iterator<Item = (&String, &PlanEntry)> {
        let a = self.a;
        self.e
            .others()
            .iter()
            .filter_map(move |id| a.plan.get_key_value(id))
    }

    fn other_title(&self, id: &str, p: &PlanEntry) -> String {
        match self.q.recommendation_index(id) {
            Some(r) => self.text(&self.q.recommendation[r].title).to_string(),
            None => inert(p.title.as_deref().unwrap_or(id)),
        }
    }

    /// The firm's own actions (and recommendations that no longer apply) it did not decline,
    /// by id, with the horizon it gave them.
    fn own_actions(&self) -> Vec<Decided> {
        self.other_entries()
            .filter(|(_, p)| p.decision != Some(Decision::Declined))
            .map(|(id, p)| {
                let horizon = p.horizon.map(|h| self.term(h).to_string());
                self.decided(id, &self.other_title(id, p), horizon)
            })
            .collect()
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
        let moved = self.moved_to(i);
        let placed = (moved.is_none() && !e.placement(i).deferrals.is_empty())
            .then(|| explain::placement(q, e, i, self.lang));
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
        // In short, each once: a condition may name the same answer twice.
        let mut reasons: Vec<String> = Vec::new();
        for s in reason_sentences_quoting(q, &e.reasons(q, i), self.lang, Quote::Brief) {
            let s = inert(&s);
            if !s.is_empty() && !reasons.contains(&s) {
                reasons.push(s);
            }
        }
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
            more_reasons: (reasons.len() > REASONS_SHOWN)
                .then(|| w.more_items(reasons.len() - REASONS_SHOWN)),
            reasons,
            placed,
            after,
            decided: self.decided(
                &r.id,
                self.text(&r.title),
                moved.map(|h| w.agreed_for(self.term(h))),
            ),
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
