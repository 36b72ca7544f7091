//! The assessment open in the interview: its file and lock, the questionnaire it follows, its
//! evaluation kept up to date after every change, and the edits the screens make to it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::evaluation::{Evaluation, evaluate};
use crate::model::{
    Assessment, ProfileField, ProfileKind, Question, QuestionKind, Questionnaire, Response,
};
use crate::score::QuestionState;
use crate::store::{
    AssessmentLock, Catalog, LoadedQuestionnaire, StoreError, Workspace, open_for_editing,
    save_assessment, start_assessment,
};

/// One page of the interview: the profile fields come first, then every question in file
/// order (hidden ones included, shown as skipped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// Index into the questionnaire's profile fields.
    Profile(usize),
    /// Position among all questions, in file order.
    Question(usize),
}

/// An assessment being edited, with the lock that keeps other dmat processes off it.
#[derive(Debug)]
pub struct Session {
    pub path: PathBuf,
    pub assessment: Assessment,
    pub loaded: Arc<LoadedQuestionnaire>,
    /// Everything the rules derive, as of the last change (evaluated once per change).
    pub evaluation: Evaluation,
    /// Warnings found when the file was opened, as `path:line:column: warning: …` lines.
    pub warnings: Vec<String>,
    /// The visit this one follows up (`visit.previous`), as read when it was opened; only
    /// read, never written.
    pub previous: Option<Box<Assessment>>,
    /// The recommendation sheet written for this visit into the workspace's reports folder,
    /// and whether the assessment changed after it was written: looked for by the app when
    /// the interview opens and after each save or sheet written, never while drawing.
    pub sheet: Option<(PathBuf, bool)>,
    _lock: AssessmentLock,
}

impl Session {
    /// Locks and opens an assessment file; refuses when another dmat has it open.
    pub fn open(path: &Path, catalog: &Catalog) -> Result<Self, StoreError> {
        let (opened, lock) = open_for_editing(path, catalog)?;
        let warnings = opened.warning_lines();
        Ok(Self::with(
            opened.path,
            opened.assessment,
            opened.questionnaire,
            warnings,
            lock,
        ))
    }

    /// Starts a new assessment of `firm` in the workspace, saves it and locks it.
    pub fn start(
        ws: &Workspace,
        loaded: Arc<LoadedQuestionnaire>,
        firm: &str,
        date: toml::value::Datetime,
    ) -> Result<Self, StoreError> {
        let (path, assessment) = start_assessment(ws, &loaded, firm.trim(), date)?;
        crate::store::keep_questionnaire(ws, &loaded)?;
        let lock = AssessmentLock::acquire(&path)?;
        Ok(Self::with(path, assessment, loaded, Vec::new(), lock))
    }

    fn with(
        path: PathBuf,
        assessment: Assessment,
        loaded: Arc<LoadedQuestionnaire>,
        warnings: Vec<String>,
        lock: AssessmentLock,
    ) -> Self {
        let evaluation = evaluate(&loaded.questionnaire, &assessment);
        let previous = match crate::store::load_previous(&path, &assessment) {
            crate::store::Previous::Found(_, earlier) => Some(earlier),
            _ => None,
        };
        Self {
            path,
            assessment,
            loaded,
            evaluation,
            warnings,
            previous,
            sheet: None,
            _lock: lock,
        }
    }

    /// Whether the visit is marked complete: then it is read-only until reopened.
    pub fn is_complete(&self) -> bool {
        self.assessment.visit.status == crate::model::Status::Complete
    }

    /// Looks in the workspace's reports folder for the sheet written for this visit and
    /// whether the assessment changed after it was written (see [`Self::sheet`]).
    pub fn look_for_sheet(&mut self, ws: &Workspace) {
        let opened = self.opened();
        self.sheet =
            crate::report::written_sheet(ws, &opened, crate::report::Format::Html).map(|path| {
                let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
                let stale = match (modified(&path), modified(&self.path)) {
                    (Some(sheet), Some(file)) => file > sheet,
                    _ => false,
                };
                (path, stale)
            });
    }

    /// The assessment as the report and export layers take it.
    pub fn opened(&self) -> crate::store::Opened {
        crate::store::Opened {
            path: self.path.clone(),
            assessment: self.assessment.clone(),
            questionnaire: self.loaded.clone(),
            warnings: Vec::new(),
        }
    }

    pub fn q(&self) -> &Questionnaire {
        &self.loaded.questionnaire
    }

    /// Writes the assessment atomically.
    pub fn save(&self) -> Result<(), StoreError> {
        save_assessment(&self.path, &self.assessment)
    }

    /// Evaluates again after a change.
    pub fn rescore(&mut self) {
        self.evaluation = evaluate(&self.loaded.questionnaire, &self.assessment);
    }

    pub fn page_count(&self) -> usize {
        self.q().profile.len() + self.q().question_count()
    }

    /// The page at an index (profile fields first); `index` must be below the page count.
    pub fn page(&self, index: usize) -> Page {
        let profile = self.q().profile.len();
        if index < profile {
            Page::Profile(index)
        } else {
            Page::Question(index - profile)
        }
    }

    /// The index of the page of a question.
    pub fn question_page(&self, position: usize) -> usize {
        self.q().profile.len() + position
    }

    pub fn field(&self, i: usize) -> &ProfileField {
        &self.q().profile[i]
    }

    pub fn question(&self, position: usize) -> &Question {
        self.q().question_at(position).question
    }

    pub fn state(&self, position: usize) -> QuestionState {
        self.evaluation.card.questions[position].state
    }

    /// Whether a page is skipped: a question whose `when` is false.
    pub fn is_hidden(&self, index: usize) -> bool {
        match self.page(index) {
            Page::Profile(_) => false,
            Page::Question(p) => self.state(p) == QuestionState::Hidden,
        }
    }

    /// Whether a page holds an answer (N/A counts).
    pub fn is_done(&self, index: usize) -> bool {
        match self.page(index) {
            Page::Profile(i) => self.assessment.profile.contains_key(&self.field(i).id),
            Page::Question(p) => self.evaluation.card.questions[p].is_done(),
        }
    }

    /// The questions that count, answered (N/A included), and the questions that count: the
    /// visible scorable questions, as completeness counts them (rule 6). Every count of
    /// questions the screens show is this one.
    pub fn progress(&self) -> (usize, usize) {
        let card = &self.evaluation.card;
        (card.answered, card.visible)
    }

    /// The progress within one dimension, counted as [`Self::progress`] counts.
    pub fn dimension_progress(&self, dimension: usize) -> (usize, usize) {
        let d = &self.evaluation.card.dimensions[dimension];
        (d.answered, d.visible)
    }

    /// Whether a question counts in the progress: visible and scorable.
    pub fn counts(&self, position: usize) -> bool {
        let s = &self.evaluation.card.questions[position];
        s.is_visible() && s.scorable
    }

    /// Profile fields filled in, and profile fields.
    pub fn profile_progress(&self) -> (usize, usize) {
        let q = self.q();
        let filled = q
            .profile
            .iter()
            .filter(|f| self.assessment.profile.contains_key(&f.id))
            .count();
        (filled, q.profile.len())
    }

    /// The next visible question after page `from` that has no answer, wrapping around.
    pub fn next_unanswered(&self, from: usize) -> Option<usize> {
        let n = self.q().question_count();
        let start = match self.page(from) {
            Page::Profile(_) => 0,
            Page::Question(p) => p + 1,
        };
        (0..n)
            .map(|k| (start + k) % n)
            .find(|&p| {
                matches!(
                    self.state(p),
                    QuestionState::Unanswered | QuestionState::Unfit
                )
            })
            .map(|p| self.question_page(p))
    }

    /// The id under which a page's place is kept: a question's id, or `profile.` and a
    /// field's id.
    pub fn page_id(&self, index: usize) -> String {
        match self.page(index) {
            Page::Profile(f) => format!("profile.{}", self.field(f).id),
            Page::Question(p) => self.question(p).id.clone(),
        }
    }

    /// Keeps the page shown as where the interview stopped.
    pub fn remember_place(&self, index: usize) {
        crate::store::write_place(&self.path, &self.page_id(index));
    }

    /// Where an interview opens: where it stopped, when that page is still asked; else
    /// [`Self::first_open_page`].
    pub fn resume_page(&self) -> usize {
        let kept = crate::store::read_place(&self.path)
            .and_then(|id| (0..self.page_count()).find(|&i| self.page_id(i) == id))
            .filter(|&i| !self.is_hidden(i));
        kept.unwrap_or_else(|| self.first_open_page())
    }

    /// The first page (the profile) while no question has an answer; else the first
    /// visible question without one; the first page when every question is answered.
    pub fn first_open_page(&self) -> usize {
        let n = self.q().question_count();
        if (0..n).all(|p| self.assessment.response(&self.question(p).id).is_none()) {
            return 0;
        }
        (0..n)
            .find(|&p| {
                matches!(
                    self.state(p),
                    QuestionState::Unanswered | QuestionState::Unfit
                )
            })
            .map_or(0, |p| self.question_page(p))
    }

    // ---- edits; each leaves the scorecard up to date ----

    pub fn set_response(&mut self, position: usize, response: Option<Response>) {
        let id = self.question(position).id.clone();
        self.assessment.set_response(&id, response);
        self.rescore();
    }

    /// Changes the firm's decision on action `id` (`[plan.<id>]`; an entry left empty is
    /// removed). Decisions change the plan shown and its projection: evaluated again.
    pub fn edit_plan(&mut self, id: &str, change: impl FnOnce(&mut crate::model::PlanEntry)) {
        crate::model::decisions::edit_plan(&mut self.assessment, id, change);
        self.rescore();
    }

    /// Removes the decision on action `id`; the entry it was, if any.
    pub fn remove_plan_entry(&mut self, id: &str) -> Option<crate::model::PlanEntry> {
        let removed = self.assessment.plan.remove(id);
        self.rescore();
        removed
    }

    /// On a follow-up visit, last visit's decisions this visit may take over (see
    /// [`crate::model::follow_up::last_decisions`]); none on a first visit.
    pub fn last_decisions(&self) -> Vec<(String, crate::model::PlanEntry)> {
        let Some(previous) = self.previous.as_deref() else {
            return Vec::new();
        };
        crate::model::follow_up::last_decisions(previous, &self.assessment, self.q())
    }

    /// Takes last visit's decisions over into this visit's plan (the previous visit is only
    /// read); how many.
    pub fn take_over_decisions(&mut self) -> usize {
        let taken = self.last_decisions();
        let n = taken.len();
        self.assessment.plan.extend(taken);
        self.rescore();
        n
    }

    /// Last visit's answer and note to the question at `position`, on a follow-up visit.
    pub fn last_answer(&self, position: usize) -> Option<crate::model::follow_up::LastAnswer<'_>> {
        let previous = self.previous.as_deref()?;
        crate::model::follow_up::last_answer(previous, &self.question(position).id)
    }

    /// Takes last visit's answer to the question at `position` over unchanged (a note
    /// written today stays); whether there was one to take.
    pub fn take_over(&mut self, position: usize) -> bool {
        let Some(previous) = self.previous.as_deref() else {
            return false;
        };
        let id = self.question(position).id.clone();
        let taken = crate::model::follow_up::take_over(&mut self.assessment, previous, &id);
        self.rescore();
        taken
    }

    pub fn set_note(&mut self, position: usize, note: Option<String>) {
        let id = self.question(position).id.clone();
        self.assessment.set_note(&id, note);
    }

    pub fn set_profile(&mut self, field: usize, value: Option<toml::Value>) {
        let id = self.field(field).id.clone();
        match value {
            Some(v) => {
                self.assessment.profile.insert(id, v);
            }
            None => {
                self.assessment.profile.remove(&id);
            }
        }
        self.rescore();
    }

    /// Ticks or unticks an option of a multi-choice question; no option left ticked leaves
    /// the question unanswered. An exclusive option is ticked alone.
    pub fn toggle(&mut self, position: usize, option: usize) {
        let q = self.question(position);
        let Some(id) = q.options.get(option).map(|o| o.id.clone()) else {
            return;
        };
        let mut chosen: Vec<String> = match self.assessment.response(&q.id) {
            Some(Response::Choices(cs)) => cs.clone(),
            _ => Vec::new(),
        };
        if let Some(at) = chosen.iter().position(|c| *c == id) {
            chosen.remove(at);
        } else {
            // An exclusive option is ticked alone (rule 12): ticking it unticks the others,
            // ticking another unticks it. Options the questionnaire no longer has are kept.
            let exclusive = q.is_exclusive(&id);
            chosen.retain(|c| q.option(c).is_none() || !(exclusive || q.is_exclusive(c)));
            chosen.push(id);
            // Keep the questionnaire's order, so the file reads like the screen.
            let order = |c: &String| q.options.iter().position(|o| &o.id == c);
            chosen.sort_by_key(order);
        }
        let response = (!chosen.is_empty()).then_some(Response::Choices(chosen));
        self.set_response(position, response);
    }

    /// Whether a question currently has option `id` chosen.
    pub fn is_chosen(&self, position: usize, id: &str) -> bool {
        self.assessment
            .response(&self.question(position).id)
            .is_some_and(|r| r.chosen().iter().any(|c| c == id))
    }

    /// Whether a question can take an answer by choosing an option.
    pub fn is_choice(&self, index: usize) -> bool {
        match self.page(index) {
            Page::Profile(i) => self.field(i).kind == ProfileKind::Choice,
            Page::Question(p) => matches!(
                self.question(p).kind,
                QuestionKind::Single | QuestionKind::Multi
            ),
        }
    }

    /// How many options the page offers.
    pub fn option_count(&self, index: usize) -> usize {
        match self.page(index) {
            Page::Profile(i) => self.field(i).options.len(),
            Page::Question(p) => self.question(p).options.len(),
        }
    }

    /// The option under which the cursor starts on a page: the (first) chosen one.
    pub fn chosen_option(&self, index: usize) -> Option<usize> {
        match self.page(index) {
            Page::Profile(i) => {
                let f = self.field(i);
                let v = self.assessment.profile.get(&f.id)?.as_str()?;
                f.options.iter().position(|o| o.id == v)
            }
            Page::Question(p) => {
                let q = self.question(p);
                let first = self.assessment.response(&q.id)?.chosen().first()?;
                q.options.iter().position(|o| &o.id == first)
            }
        }
    }
}
