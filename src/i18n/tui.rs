//! Words of the terminal UI: screens, messages, and the keys with what they do.

use super::{Lang, en_count, words};

words! {
    /// The terminal UI.
    TuiWords {
        too_small_keys: "放大之前按键不起作用；按 q 退出，填写的内容都已保存", "Until then keys do nothing; q quits, everything is saved";
        profile: "企业概况", "Firm profile";
        required: "必答", "required";
        skipped: "已跳过", "skipped";
        skipped_because: "本题对这家企业不适用，已跳过，无需回答。原因：", "Skipped for this firm; it needs no answer. Because:";
        not_applicable: "不适用", "not applicable";
        na_short: "不适用", "n/a";
        look_for: "现场看：", "On site: ";
        previsit_tag: "预填表", "pre-visit form";
        previsit_given: "已在预填表中填写：走车间时核对，有出入就改。", "Given on the pre-visit form: check it on the walk through the shop and correct it if it does not hold.";
        previsit_missing: "预填表上没有填写：现场问清楚，或看台账。", "Not given on the pre-visit form: ask, or look at the records.";
        check_says: "请核对：", "Please check: ";
        more_help: "…（h 看全文）", "… (h: all of it)";
        full_help_title: "现场提示 · 任意键关闭", "On-site hint · any key closes";
        note: "备注", "Note";
        note_empty: "按 e 记录现场看到的证据", "press e to write down the evidence seen on site";
        note_empty_text: "按 Ctrl-E 记录现场看到的证据", "press Ctrl-E to write down the evidence seen on site";
        value: "数值", "Value";
        answer: "回答", "Answer";
        date: "日期", "Date";
        bands: "分档", "Levels";
        not_scored: "不计分", "not scored";
        empty_value: "未填写 · 直接输入，或按 Enter", "empty · type, or press Enter";
        empty_value_digit: "未填写 · 按 Enter 或直接输入数字", "empty · press Enter or type a digit";
        date_hint: "格式 2026-11-27", "as 2026-11-27";
        choose_any: "可多选：空格勾选，Enter 继续", "Choose any: Space ticks, Enter goes on";
        editing_note: "备注 · Enter 保存 · Esc 取消", "Note · Enter keeps · Esc cancels";
        editing_value: "Enter 保存并继续 · Esc 取消", "Enter keeps and goes on · Esc cancels";
        editing_summary: "结论 · Enter 保存 · Esc 取消", "Closing summary · Enter keeps · Esc cancels";
        na_not_allowed: "本题不能选“不适用”", "This question cannot be answered “not applicable”";
        skipped_no_answer: "本题已跳过，无需回答", "This question is skipped; it needs no answer";
        no_note_here: "企业概况不记备注", "Profile fields take no note";
        all_answered: "所有题目都已回答，按 s 查看汇总", "Every question is answered; press s for the summary";
        cleared: "已清除回答", "Answer cleared";
        jump_title: "跳转 · 输入筛选 · ↑↓ 选择 · Enter 跳转 · Esc 关闭", "Jump · type to filter · ↑↓ select · Enter go · Esc close";
        no_match: "没有匹配的题目", "No question matches";
        summary: "汇总", "Summary";
        overall: "总分", "Overall";
        stage: "阶段", "Stage";
        bottleneck: "短板", "Bottleneck";
        completeness: "完成度", "Completeness";
        status: "状态", "Status";
        complete: "已完成", "complete";
        in_progress: "进行中", "in progress";
        dimension_scores: "各维度得分", "Dimension scores";
        not_in_overall: "不计入总分", "not in overall";
        unanswered: "未答题目", "Unanswered";
        none_unanswered: "没有未答题目", "Nothing left unanswered";
        unanswered_unscored: "不计分、未填写的题", "Not scored, not filled in";
        standing: "定级", "Standing";
        verdict: "评估结论", "Verdict";
        projected: "预计", "Projected";
        none_fire: "暂无建议", "None yet";
        closing: "结论", "Closing summary";
        closing_empty: "按 e 撰写给企业的结论", "press e to write the closing remarks for the sheet";
        marked_complete: "已标记为已完成", "Marked complete";
        marked_in_progress: "已重新打开编辑：状态改回进行中；之前写出的建议书已过期，按 w 重新生成", "Reopened for editing: back to in progress; the sheet written before is out of date until w writes it again";
        confirm_reopen: "这份评估已完成。重新打开编辑会改回进行中，已写出的建议书随之过期；再按一次 c 确认", "This assessment is complete. Reopening it for editing puts it back in progress and makes its sheet out of date; press c again to reopen";
        complete_read_only: "评估已完成，只能查看；要修改，请在汇总页按 c 重新打开", "This assessment is complete and read-only; to change it, press c on the summary to reopen it";
        sheet: "建议书", "Sheet";
        sheet_none: "尚未写出 · 按 w 生成", "not written yet · w writes it";
        high: "高", "high";
        medium: "中", "medium";
        low: "低", "low";
        assessments: "评估", "Assessments";
        workspace: "工作区", "Workspace";
        col_firm: "企业", "Firm";
        col_date: "走访日期", "Visit";
        col_status: "状态", "Status";
        col_complete: "完成度", "Done";
        col_overall: "总分", "Score";
        col_stage: "阶段", "Stage";
        col_questionnaire: "问卷", "Questionnaire";
        provisional: "暂不定级", "provisional";
        provisional_short: "暂定", "prov.";
        unreadable: "无法读取", "unreadable";
        empty_workspace: "这个工作区还没有评估。", "This workspace has no assessments yet.";
        how_to_start: "按 n 开始一次新的访谈；", "Press n to start a new interview,";
        demo_mark: "〔示例〕", "[demo]";
        filter: "筛选：", "Filter: ";
        new_interview: "新的访谈", "New interview";
        follow_up_form: "回访", "Follow-up visit";
        choose_questionnaire: "选择问卷（↑↓ 选择，Enter 下一步）", "Choose a questionnaire (↑↓ select, Enter next)";
        firm_name: "企业名称（Enter 开始访谈，Tab 下一项，Esc 返回）", "The firm's name (Enter starts the interview, Tab the next field, Esc goes back)";
        name_empty: "请先输入企业名称", "Type the firm's name first";
        no_questionnaires: "没有可用的问卷", "No questionnaire is available";
        compare: "比较", "Comparison";
        help: "按键说明", "Keys";
        help_back: "按 Esc 或 ? 返回", "Esc or ? goes back";
        sec_everywhere: "任何地方", "Everywhere";
        sec_answer: "回答", "Answering";
        sec_move: "移动", "Moving";
        sec_edit: "输入时", "While typing";
        k_move: "移动", "move";
        k_choose: "选择", "choose";
        k_toggle: "勾选", "tick";
        k_next: "下一题", "next";
        k_prev: "上一题", "back";
        k_pages: "翻页", "back/next";
        k_pick: "确认", "pick";
        k_step: "下一步", "next";
        k_start: "开始访谈", "start";
        k_start_follow_up: "开始回访", "Start follow-up";
        k_na: "不适用", "n/a";
        k_note: "备注", "note";
        k_edit: "填写", "fill in";
        k_clear: "清除", "clear";
        k_unanswered: "下一未答", "unanswered";
        k_jump: "跳转", "jump";
        k_summary: "汇总", "summary";
        k_help: "帮助", "help";
        k_leave: "离开", "leave";
        k_quit: "退出", "quit";
        k_back: "返回", "back";
        k_open: "打开", "open";
        k_new: "新建", "new";
        k_filter: "筛选", "filter";
        k_mark: "标记", "mark";
        k_compare: "比较", "compare";
        k_demo: "示例", "demo";
        k_keep: "保存", "keep";
        k_cancel: "取消", "cancel";
        k_complete: "完成", "complete";
        k_sheet: "建议书", "sheet";
        k_closing: "结论", "closing";
        k_dimension: "下一维度", "next dimension";
        k_scroll_v: "滚动", "scroll";
        h_move: "在选项之间移动", "Move between options";
        h_choose_single: "单选：选择光标处的选项并进入下一题", "Single choice: choose the option under the cursor and go on";
        h_toggle_multi: "多选：勾选或取消光标处的选项", "Multiple choice: tick or untick the option under the cursor";
        h_digit: "单选：选择第 N 项并进入下一题；多选：勾选第 N 项", "Single choice: choose option N and go on; multiple choice: tick option N";
        h_type_text: "文本题：直接打字即开始填写（字母不再是命令；用 ← → 翻页、: 跳转）", "Text question: typing starts the answer (letters are not commands there; ← → move on, : jumps)";
        h_enter_multi: "多选、文本、数字题：进入下一题，或开始填写", "Multiple choice: go on; text and number: start filling in";
        h_digit_number: "数字题：直接输入数字开始填写", "Number question: a digit starts filling in";
        h_next: "下一题（跳过已跳过的题；概况项从不阻挡）", "Next question (skipped ones are passed over; profile fields never block)";
        h_prev: "上一题", "Previous question";
        h_na: "不适用（本题允许时）；再按一次取消", "Not applicable (where allowed); again to undo";
        h_full_help: "显示或收起完整的现场提示", "Show the whole on-site hint, or fold it again";
        h_note_ctrl: "编辑备注（在文本题上字母用于输入，用这个键）", "Edit the note (on a text question, where letters type)";
        h_note: "编辑备注（现场证据）；Enter 保存，Esc 取消，停留在本题", "Edit the note (evidence seen on site); Enter keeps, Esc cancels; the question stays";
        h_clear: "清除本题的回答（备注保留）", "Clear this question's answer (the note stays)";
        h_unanswered: "跳到下一道未答题", "Jump to the next unanswered question";
        h_jump: "题目列表：输入筛选，Enter 跳转", "List of all questions: type to filter, Enter jumps";
        h_jump_move: "在列出的题目之间移动；PgUp PgDn 翻页", "Move among the questions listed; PgUp PgDn a page";
        h_jump_enter: "跳到选中的题目", "Go to the question selected";
        h_jump_esc: "关闭题目列表", "Close the list";
        h_dimension: "下一个 / 上一个维度", "Next / previous dimension";
        h_first_last: "第一页 / 最后一题", "First page / last question";
        h_summary: "汇总：得分、阶段、短板、建议", "Summary: scores so far, stage, bottleneck, recommendations";
        h_help: "本页的按键说明", "The keys of this screen";
        h_leave: "离开访谈（一切已保存）", "Leave the interview (everything is already saved)";
        h_quit: "退出 dmat（一切已保存）", "Quit dmat (everything is already saved)";
        h_edit_keep: "保存输入；数字和文本题随后进入下一题", "Keep what was typed; on a number or text question, go on";
        h_edit_cancel: "取消这次输入", "Cancel this edit";
        h_edit_newline: "换行（备注、文本回答和结论可以分段）", "New line (notes, text answers and the closing summary take paragraphs)";
        h_edit_keys: "移动光标、删除；可以粘贴和用输入法输入中文", "Move the cursor, delete; paste and input methods work";
        h_sum_scroll: "翻页；Home End 到开头、结尾", "Scroll a page; Home End to the top, the end";
        h_sum_move: "在未答题目之间移动", "Move among the unanswered questions";
        h_sum_jump: "跳到选中的未答题目", "Jump to the selected unanswered question";
        h_sum_closing: "撰写结论（写入建议书）", "Write the closing summary for the sheet";
        h_sum_sheet: "把一企一策建议书（HTML，可打印）写入工作区的 reports 文件夹", "Write the one-firm-one-policy sheet (HTML, printable) into the workspace's reports folder";
        h_sum_complete: "标记为已完成 / 改回进行中（有必答题未答时先提醒）", "Mark complete / back to in progress (warns first when required questions are unanswered)";
        h_sum_back: "回到访谈", "Back to the interview";
        h_home_move: "在评估之间移动", "Move between assessments";
        h_help_scroll: "上下滚动按键说明", "Scroll the list of keys";
        h_help_back: "回到刚才的页面", "Back to the screen before";
        h_home_ends: "到第一份 / 最后一份评估", "To the first / the last assessment";
        h_home_open: "继续这次访谈", "Resume this interview";
        h_home_new: "开始新的访谈：选择问卷，输入企业名称", "Start a new interview: choose a questionnaire, type the firm's name";
        h_home_filter: "按企业名称筛选；Esc 清除筛选", "Filter by the firm's name; Esc clears it";
        h_home_mark: "标记 / 取消标记，用于比较", "Mark or unmark for the comparison";
        h_home_compare: "比较已标记的企业；没有标记时比较列出的全部企业", "Compare the marked firms; with none marked, every firm listed";
        h_home_demo: "工作区为空时：生成示例企业", "In an empty workspace: create a demo cohort";
        h_home_reload: "重新读取工作区", "Read the workspace again";
        h_home_remove_demo: "删除示例企业的评估（只删标记为示例的文件）", "Remove the demo firms' assessments (only files marked as demo)";
        h_new_move: "选择问卷", "Choose a questionnaire";
        h_new_enter: "下一步 / 开始访谈", "Next / start the interview";
        h_follow_up_enter: "开始回访：按所选问卷和日期新建回访并打开", "Start the follow-up: a new visit on the questionnaire and date chosen, opened at once";
        resume_it: "接着填这份评估", "resume that interview";
        start_anyway: "另起一份新的评估", "start a new one all the same";
        h_new_back: "返回上一步", "Go back a step";
        view_firms: "企业", "Firms";
        view_progress: "多次走访", "Re-visits";
        view_cohort: "群体概览", "Cohort";
        no_firm_shown: "没有符合筛选条件的企业 · 按 F 清除筛选", "No firm matches the filter · F clears it";
        no_revisit_shown: "所列企业中没有多次走访的企业", "None of the firms shown was visited more than once";
        nothing_to_compare: "没有可比较的评估", "There is no assessment to compare";
        filters_cleared: "已清除筛选", "Filters cleared";
        pick_field: "筛选 · 选择字段", "Filter · choose a field";
        pick_number_hint: "例如 <50、>=100，或 30,120（其中之一）", "e.g. <50, >=100, or 30,120 (any of them)";
        pick_none: "没有企业填写了这一项", "No firm has a value here";
        list_sep: "、", ", ";
        any_value: "全部（不按此筛选）", "any value (no filter)";
        k_column: "选列", "column";
        k_sort: "排序", "sort";
        k_clear_filter: "清除筛选", "clear filter";
        k_view: "视图", "view";
        k_tick: "勾选", "tick";
        k_apply: "应用", "apply";
        k_interview: "访谈", "interview";
        sec_compare_table: "企业表", "Firms table";
        sec_compare_views: "视图与筛选", "Views and filters";
        sec_picker: "筛选窗口", "In the filter window";
        h_cmp_move: "在企业之间移动；在第一行再按 ↑ 到表头", "Move between firms; ↑ on the first row goes to the header";
        h_cmp_page: "翻页 / 到第一家、最后一家", "A page up or down / to the first or last firm";
        h_cmp_column: "选择一列；列放不下时表格左右滚动，企业名称不动", "Choose a column; when the columns do not fit, they scroll sideways and the firm's name stays";
        h_cmp_sort: "按所选列排序，再按一次反向；光标在表头时 Enter 也排序", "Sort by the chosen column, again to reverse; Enter on the header sorts too";
        h_cmp_open: "打开这家企业最近一次评估的汇总；离开后回到比较", "Open the summary of the firm's latest assessment; leaving it comes back here";
        h_cmp_filter: "按企业概况（如所属行业）、阶段或短板筛选：先选字段，再选取值", "Filter by a profile field (such as the industry segment), the stage or the bottleneck: a field, then its values";
        h_cmp_clear: "清除所有筛选", "Clear every filter";
        h_cmp_view: "切换视图：企业表、多次走访（较上次的变化）、群体概览（阶段分布、短板、建议与支持）；Shift-Tab 反向", "Switch views: the firms, the re-visits (change since the previous visit), the cohort (stages, bottlenecks, recommendations and support); Shift-Tab goes back";
        h_cmp_scroll: "多次走访、群体概览：上下滚动；多次走访中 ←→ 左右滚动各列", "Re-visits and cohort: scroll; on the re-visits ←→ scroll the columns";
        h_cmp_back_home: "回到主页", "Back to the home screen";
        h_cmp_quit: "退出 dmat", "Quit dmat";
        h_pick_move: "在字段或取值之间移动", "Move between fields or values";
        h_pick_tick: "勾选或取消一个取值", "Tick or untick a value";
        h_pick_enter: "选择字段；应用勾选的取值，没有勾选时应用光标处的取值；在“全部”上取消这一字段的筛选", "Choose the field; apply the ticked values, or the one under the cursor when none is ticked; on “any value”, remove the filter on the field";
        h_pick_esc: "返回上一步 / 关闭", "Back a step / close";
        h_sum_interview: "打开访谈（可以修改回答）", "Open the interview (answers can be changed)";
        h_sum_back_compare: "回到比较（一切已保存）", "Back to the comparison (everything is already saved)";
        h_ctrl_c: "立即退出（一切已保存）", "Quit at once (everything is already saved)";
        plan_title: "商定计划", "Agreed plan";
        plan_empty: "没有适用的建议。企业自己要做的措施，按 n 添加。", "No recommendation applies. Press n to add an action the firm takes on itself.";
        plan_agreed: "已商定", "agreed";
        plan_declined: "不采纳", "declined";
        plan_proposed: "待商定", "proposed";
        plan_title_empty: "请先输入措施名称", "Type the action's name first";
        editing_owner: "负责人 · Enter 保存 · Esc 取消", "Owner · Enter keeps · Esc cancels";
        editing_due: "完成期限，如 2027-06-30（留空则清除）· Enter 保存 · Esc 取消", "Due date, as 2027-06-30 (empty clears it) · Enter keeps · Esc cancels";
        editing_plan_note: "备注 · Enter 保存 · Esc 取消", "Note · Enter keeps · Esc cancels";
        editing_reason: "企业不采纳的理由 · Enter 保存 · Esc 取消", "Why the firm declines it · Enter keeps · Esc cancels";
        editing_own: "企业自拟措施的名称 · Enter 添加 · Esc 取消", "The firm's own action · Enter adds it · Esc cancels";
        k_plan: "计划", "plan";
        k_agree: "商定", "agree";
        k_decline: "不采纳", "decline";
        k_horizon: "换时段", "horizon";
        k_owner: "负责人", "owner";
        k_due: "期限", "due";
        k_add: "添加", "add";
        k_remove: "删除", "remove";
        h_sum_plan: "打开商定计划：逐项商定或不采纳，定负责人和期限", "Open the agreed plan: agree or decline each action, with owner and due date";
        h_plan_move: "在措施之间移动", "Move between the actions";
        h_plan_agree: "企业同意实施这项措施；再按一次改回待商定", "The firm agrees to this action; again to put it back to proposed";
        h_plan_decline: "企业不采纳这项措施，并写下理由；再按一次改回待商定", "The firm declines this action, with the reason why; again to put it back to proposed";
        h_plan_horizon: "把措施移到下一个时段：近期 → 中期 → 远期 → 近期", "Move the action to the next horizon: short → medium → long → short";
        h_plan_owner: "填写企业中的负责人", "Who at the firm carries it";
        h_plan_due: "填写完成期限（日期）", "By when it is to be done (a date)";
        h_plan_note: "填写备注（不采纳时即为理由）", "A note (for a declined action, the reason)";
        h_plan_add: "添加企业自拟的措施（已商定，放在光标所在的时段）", "Add an action of the firm's own (agreed, in the horizon under the cursor)";
        h_plan_remove: "删除企业自拟的措施", "Remove an action the firm added itself";
        h_plan_back: "回到汇总", "Back to the summary";
        last_unanswered: "未作答", "not answered";
        last_nothing: "上次走访没有回答这道题，没有可沿用的内容", "The last visit left this question without an answer; there is nothing to take over";
        not_a_follow_up: "这次走访不是回访，没有上次的回答可沿用", "This visit follows up no earlier one; there is no last answer to take over";
        k_take_over: "沿用上次", "take over";
        k_revisit: "回访", "revisit";
        follow_up_visit: "回访", "follow-up";
        firm_code: "统一社会信用代码（18 位，可不填）", "Unified social credit code (18 characters; may stay empty)";
        assessor: "评估专家（下次自动填入）", "Assessor (remembered for the next interview)";
        visit_date: "走访日期", "Visit date";
        k_field: "下一项", "next field";
        code_none: "统一社会信用代码：未填写（按 i 填写）", "Unified social credit code: not given (i fills it in)";
        editing_code: "统一社会信用代码 · Enter 保存 · Esc 取消", "Unified social credit code · Enter keeps · Esc cancels";
        k_code: "信用代码", "code";
        h_code: "企业概况页：填写或修改企业的统一社会信用代码（校验码不对时说明原因）", "On a profile page: fill in or change the firm's unified social credit code (a wrong check digit is refused with the reason)";
        h_new_field: "在企业名称、信用代码、评估专家和走访日期之间切换", "Move between the firm's name, its code, the assessor and the visit date";
        progress_title: "上次措施进展", "Progress since the last visit";
        progress_none: "上次走访没有商定任何措施。", "No action was agreed at the last visit.";
        progress_no_previous: "这次走访不是回访，没有上次商定的措施", "This visit follows up no earlier one: there are no agreed actions to record progress on";
        progress_not_agreed: "上次并未商定这项措施", "not agreed at the last visit";
        progress_status: "进展：", "status: ";
        progress_support: "支持：", "support: ";
        status_not_started: "未开始", "not started";
        status_in_progress: "进行中", "in progress";
        status_done: "已完成", "done";
        status_dropped: "已放弃", "dropped";
        support_none: "未申请", "none";
        support_applied: "已申请", "applied";
        support_granted: "已获得", "granted";
        support_refused: "未获批", "refused";
        not_recorded: "未记录", "not recorded";
        k_progress: "进展", "progress";
        k_status: "进展", "status";
        k_support: "支持", "support";
        h_sum_progress: "回访：记录上次商定措施的进展", "Follow-up visit: record the progress on the actions agreed last time";
        h_progress_status: "进展：1 未开始，2 进行中，3 已完成，4 已放弃；再按同一个数字取消", "Status: 1 not started, 2 in progress, 3 done, 4 dropped; the same digit again clears it";
        h_progress_support: "支持落实情况，依次切换：未申请、已申请、已获得、未获批、未记录", "What became of its support, in turn: none, applied, granted, refused, not recorded";
        h_progress_note: "填写备注", "Write a note";
        h_home_revisit: "回访这家企业：先选问卷（默认上次的问卷）和走访日期（默认今天），Enter 开始、Esc 取消；新建一次接续本次评估的走访（企业信息和概况沿用，每道题显示上次的回答），本次评估文件不会改动；这次走访已有进行中的回访时，直接接着打开它", "Visit this firm again: choose the questionnaire (last visit's by default) and the visit date (today by default), Enter starts, Esc cancels; a new visit that follows up this one (firm and profile copied, last visit's answer shown with each question); this file is never changed. A follow-up of it already in progress is opened instead";
        h_take_over: "回访：沿用上次走访的回答和备注（不作改动），进入下一题；文本题上用 Ctrl-T", "Follow-up visit: take last visit's answer and note over unchanged and go on; Ctrl-T on a text question";
    }
    messages {
        too_small(min_width: u16, min_height: u16, width: u16, height: u16): "终端窗口太小，请放大到至少 {min_width}×{min_height}（当前 {width}×{height}）", "Please enlarge the terminal to at least {min_width}×{min_height} (now {width}×{height})";
        answered_of(done: usize, all: usize): "已答 {done}/{all}", "{done}/{all} answered";
        question_of(n: usize): "第 {n} 题", "Question {n}";
        field_of(n: usize, all: usize): "第 {n}/{all} 项", "Field {n} of {all}";
        range(lo: &str, hi: &str): "范围 {lo}–{hi}", "range {lo}–{hi}";
        unit(unit: &str): "单位：{unit}", "in {unit}";
        from(level: &str): "≥{level}", "≥{level}";
        points(points: &str): "{points}分", "{points} pt";
        not_a_number(typed: &str): "“{typed}”不是数字", "“{typed}” is not a number";
        out_of_range(value: &str, lo: f64, hi: f64): "{value} 超出范围 {lo}–{hi}", "{value} is outside the range {lo}–{hi}";
        not_a_date(typed: &str): "“{typed}”不是日期，请按 2026-11-27 的格式填写", "“{typed}” is not a date; write it as 2026-11-27";
        date_after_visit(date: jiff::civil::Date, visit: jiff::civil::Date): "{date} 晚于走访日期 {visit}：企业概况记的是走访时已有的事实，不能是将来的日期", "{date} is after the visit date {visit}: the profile records the firm as it is at the visit, so no date in it lies ahead";
        unfit(answer: &str): "文件中保留了一个与本题不符的回答：{answer}", "The file keeps an answer that no longer fits: {answer}";
        save_failed(why: &str): "保存失败，回答还在内存中，下次按键时重试：{why}", "Could not save; the answer is kept in memory and saving is retried at the next key: {why}";
        opened_with_warnings(n: usize): "打开时有 {n} 条提示（文件中的回答都已保留）", "{n} warning(s) on opening (every answer in the file is kept)";
        plan_heading(plan: &str, planned: usize, applicable: usize): "{plan}（已安排 {planned} 项，共 {applicable} 项适用）", "{plan} ({planned} planned of {applicable} that apply)";
        confirm_complete(n: usize): "还有 {n} 道必答题未答；再按一次 c 仍标记为已完成", "{n} required question(s) unanswered; press c again to mark complete anyway";
        confirm_sheet(done: usize, all: usize): "评估还没有完成（已答 {done}/{all}），建议书会不完整；再按一次 w 仍然生成", "The assessment is not complete ({done}/{all} answered): the sheet will be incomplete; press w again to write it anyway";
        sheet_written(path: &str): "一企一策建议书已写入 {path}", "Recommendation sheet written to {path}";
        sheet_failed(why: &str): "建议书未能写出：{why}", "Could not write the sheet: {why}";
        sheet_stale(sheet: &str): "{sheet} · 已过期（之后评估有改动），按 w 重新生成", "{sheet} · out of date (the assessment changed since), w writes it again";
        home_reading(read: usize, total: usize): "正在读取 {read}/{total}…", "reading {read}/{total}…";
        offer_demo(firms: usize): "或按 d 生成 {firms} 家示例企业，先试一试。", "or d to create a demo cohort of {firms} firms to try dmat on.";
        demo_needs(questionnaire: &str): "找不到默认问卷 {questionnaire}，无法生成示例", "The default questionnaire {questionnaire} is missing; no demo can be made";
        questions_count(dimensions: usize, questions: usize): "{dimensions} 个维度，{questions} 道题", "{dimensions} dimensions, {questions} questions";
        resume_offer(file: &str): "这家企业今天已有一份进行中的评估（{file}）。接着填它，还是另起一份？", "This firm already has an interview in progress today ({file}). Resume it, or start another?";
        open_elsewhere(file: &str): "这份评估正在另一个 dmat 中打开，请先在那里关闭：{file}", "This assessment is open in another dmat; close it there first: {file}";
        filter_removed(field: &str): "已取消按“{field}”筛选", "No longer filtered by {field}";
        pick_values(field: &str): "{field} · 选择取值", "{field} · choose values";
        pick_number(field: &str): "{field} · 输入条件", "{field} · type a condition";
        not_a_condition(typed: &str): "“{typed}”不是筛选条件：请写 <50、>=100 或 30,120", "“{typed}” is not a condition: write <50, >=100 or 30,120";
        firms_n(n: usize): "{n} 家", "{n}";
        plan_counts(agreed: usize, declined: usize, proposed: usize): "已商定 {agreed} 项 · 不采纳 {declined} 项 · 待商定 {proposed} 项", "{agreed} agreed · {declined} declined · {proposed} proposed";
        plan_own(title: &str): "{title}（企业自拟）", "{title} (the firm's own)";
        plan_owner(owner: &str): "负责人：{owner}", "owner: {owner}";
        plan_due(due: &toml::value::Datetime): "期限：{due}", "due {due}";
        plan_moved_from(horizon: &str): "原排在{horizon}", "moved from the {horizon}";
        plan_note(note: &str): "备注：{note}", "note: {note}";
        plan_reason(reason: &str): "不采纳的理由：{reason}", "why declined: {reason}";
        plan_support(support: &str): "支持：{support}", "support: {support}";
        plan_removed(title: &str): "已删除“{title}”", "Removed “{title}”";
        last_answer(answer: &str): "上次走访：{answer}", "Last visit: {answer}";
        last_same(answer: &str): "上次走访：{answer}（与本次相同）", "Last visit: {answer} (the same as now)";
        last_note(note: &str): "上次备注：{note}", "last visit's note: {note}";
        code_is(code: &str): "统一社会信用代码：{code}（按 i 修改）", "Unified social credit code: {code} (i changes it)";
        progress_intro(earlier: &str, date: &str): "上次走访（{earlier}，{date}）商定的措施：每项记下进展、支持落实情况和备注。", "The actions agreed at the last visit ({earlier}, {date}): record how each went, what became of its support, and a note.";
        progress_missing(earlier: &str): "找不到上次走访的文件 {earlier}：这里只列出本次已记录的进展。", "The last visit's file {earlier} is missing: only the progress already recorded here is listed.";
        follow_up_of(date: &str, questionnaire: &str): "上次走访：{date}，问卷 {questionnaire}", "Last visit: {date}, questionnaire {questionnaire}";
        follow_up_before(date: jiff::civil::Date, earlier: jiff::civil::Date): "回访日期 {date} 早于上次走访的日期 {earlier}：回访只能在上次走访当天或之后", "The follow-up's date {date} is before the last visit's, {earlier}: a follow-up comes on or after the visit it follows up";
        revisit_started(file: &str): "已开始回访，写入 {file}：每道题下方显示上次的回答，按 t 沿用", "Follow-up visit begun in {file}: each question shows last visit's answer; t takes it over";
        revisit_resumed(file: &str): "这家企业的回访 {file} 尚未完成，已接着打开", "The follow-up visit {file} is still in progress: resumed it";
    }
}

/// Counts in sentences, where English needs the noun's singular for one ("1 assessment") and
/// Chinese its measure word (份 for assessments and files, 家 for firms, 次 for visits).
impl TuiWords {
    /// The home screen's header: how many firms, how many assessments.
    pub fn firms_files(&self, firms: usize, files: usize) -> String {
        match self.lang() {
            Lang::Zh => format!("{firms} 家企业 · {files} 份评估"),
            Lang::En => format!(
                "{} · {}",
                en_count(firms, "firm", "firms"),
                en_count(files, "assessment", "assessments")
            ),
        }
    }

    /// How many of the assessments the filter shows.
    pub fn shown_of(&self, shown: usize, all: usize) -> String {
        match self.lang() {
            Lang::Zh => format!("{shown}/{all} 份"),
            Lang::En => format!("{shown} of {}", en_count(all, "assessment", "assessments")),
        }
    }

    /// How many assessments are marked to compare.
    pub fn marked(&self, n: usize) -> String {
        match self.lang() {
            Lang::Zh => format!("已标记 {n} 份"),
            Lang::En => format!("{n} marked"),
        }
    }

    pub fn demo_written(&self, firms: usize, folder: &str) -> String {
        match self.lang() {
            Lang::Zh => format!("已在 {folder} 生成 {firms} 家示例企业"),
            Lang::En => format!(
                "Created {} in {folder}",
                en_count(firms, "demo firm", "demo firms")
            ),
        }
    }

    pub fn demo_removed(&self, n: usize) -> String {
        match self.lang() {
            Lang::Zh => format!("已删除 {n} 份示例评估，其他文件未动"),
            Lang::En => format!(
                "Removed {}; nothing else was touched",
                en_count(n, "demo assessment", "demo assessments")
            ),
        }
    }

    /// A re-visited firm's number of visits.
    pub fn visits_n(&self, n: usize) -> String {
        match self.lang() {
            Lang::Zh => format!("{n} 次走访"),
            Lang::En => en_count(n, "visit", "visits"),
        }
    }

    /// Files left out of the comparison because they could not be read.
    pub fn left_out(&self, n: usize) -> String {
        match self.lang() {
            Lang::Zh => format!("{n} 个文件无法读取，未列入比较"),
            Lang::En if n == 1 => "1 file could not be read and is left out".to_string(),
            Lang::En => format!("{n} files could not be read and are left out"),
        }
    }

    /// Firms of other questionnaires, kept apart from the comparison.
    pub fn cmp_apart(&self, n: usize, questionnaires: &str) -> String {
        match self.lang() {
            Lang::Zh => {
                format!("另有 {n} 家用其他问卷（{questionnaires}），未混入对比：按 f 选“问卷”查看")
            }
            Lang::En => format!(
                "+{} on other questionnaires ({questionnaires}), kept apart: f, Questionnaire",
                en_count(n, "firm", "firms")
            ),
        }
    }
}
