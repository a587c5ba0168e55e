"""The figures of a Supervision Report (Pasal 8, 12, 13), read from the data of its scope.

A few aggregate queries (GROUP BY, never a document per row), whatever the
number of cooperations; what each row means is ``ksad_app.domain.reporting``.
"""

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, IfNull, Max, Sum
from frappe.utils import add_days, cint, get_datetime
from pypika.terms import LiteralValue

from ksad_app.domain import reporting as rules
from ksad_app.permissions import Scope, scope_condition

REPORT = "Supervision Report"
COOPERATION = "Inter-Regional Cooperation"
ACTIVITY = "Supervision Activity"
ISSUE = "Cooperation Issue"
TERMINATION = "Cooperation Termination"
SOURCE_FIGURES = ("cooperation_count", "activity_count", "follow_ups_overdue", "issues_open")
SOURCE_ROW = ("supervisory_body", "period_start", "period_end", *SOURCE_FIGURES)


def cooperations_supervised(body: str) -> int:
	sup = frappe.qb.DocType("Cooperation Supervisor")
	return cint(
		(
			frappe.qb.from_(sup)
			.select(Count(sup.parent).distinct())
			.where((sup.parenttype == COOPERATION) & (sup.supervisory_body == body))
		).run()[0][0]
	)


@frappe.read_only()
def gather(body: str, start, end, step=lambda percent, what: None) -> dict:
	"""The rows of every section, for the cooperations, activities and issues of ``body``; reads only.

	Six GROUP BY queries and one lookup of guidance texts, whatever the
	number of cooperations (see ``ksad_app.domain.reporting`` for what each
	row means). ``frappe.read_only`` sends them to the read replica when the
	site has one.
	"""
	scope = Scope(bodies={body})
	start_dt, end_next = get_datetime(start), get_datetime(add_days(end, 1))

	def in_scope(column: str):
		return LiteralValue(scope_condition(scope, column))

	rows = {}
	step(10, _("Cooperations by stage"))
	coop = frappe.qb.DocType(COOPERATION)
	log = frappe.qb.DocType("Cooperation Stage Log")
	last = (
		frappe.qb.from_(log)
		.select(log.parent, Max(log.idx).as_("last_idx"))
		.where(
			(log.parenttype == COOPERATION)
			& (log.parentfield == "stage_log")
			& (log.timestamp < end_next)
			& in_scope("`tabCooperation Stage Log`.`parent`")
		)
		.groupby(log.parent)
	).as_("last_log")
	cur = frappe.qb.DocType("Cooperation Stage Log").as_("cur")
	before_period = Case().when(cur.timestamp < start_dt, 1).else_(0)
	rows["cooperations"] = (
		frappe.qb.from_(coop)
		.left_join(last)
		.on(last.parent == coop.name)
		.left_join(cur)
		.on(
			(cur.parent == coop.name)
			& (cur.parenttype == COOPERATION)
			& (cur.parentfield == "stage_log")
			& (cur.idx == last.last_idx)
		)
		.select(coop.government_affair, cur.to_state, before_period, Count("*"))
		.where((coop.creation < end_next) & in_scope("`tabInter-Regional Cooperation`.`name`"))
		.groupby(coop.government_affair, cur.to_state, before_period)
	).run()

	step(25, _("Stage moves"))
	rows["moves"] = (
		frappe.qb.from_(log)
		.select(log.action, log.from_state, log.to_state, Count("*"))
		.where(
			(log.parenttype == COOPERATION)
			& (log.parentfield == "stage_log")
			& (log.timestamp >= start_dt)
			& (log.timestamp < end_next)
			& in_scope("`tabCooperation Stage Log`.`parent`")
		)
		.groupby(log.action, log.from_state, log.to_state)
	).run()

	step(40, _("Supervision activities"))
	sa = frappe.qb.DocType(ACTIVITY)
	in_period = Case().when(sa.activity_date >= start, 1).else_(0)
	has_findings = Case().when(IfNull(sa.findings, "") != "", 1).else_(0)
	rows["activities"] = (
		frappe.qb.from_(sa)
		.select(
			sa.activity_type, in_period, has_findings, sa.follow_up_status, sa.follow_up_due_date, Count("*")
		)
		.where((sa.docstatus == 1) & (sa.supervisory_body == body) & (sa.activity_date <= end))
		.groupby(sa.activity_type, in_period, has_findings, sa.follow_up_status, sa.follow_up_due_date)
	).run()

	step(55, _("Guidance items"))
	item = frappe.qb.DocType("Supervision Activity Item")
	rows["guidance"] = (
		frappe.qb.from_(item)
		.join(sa)
		.on((item.parent == sa.name) & (item.parenttype == ACTIVITY))
		.select(item.guidance_item, Count("*"))
		.where(
			(sa.docstatus == 1)
			& (sa.supervisory_body == body)
			& (sa.activity_date >= start)
			& (sa.activity_date <= end)
		)
		.groupby(item.guidance_item)
	).run()
	codes = [code for code, _n in rows["guidance"] if code]
	rows["descriptions"] = dict(
		frappe.get_all(
			"Guidance Item",
			filters={"name": ("in", codes or [""])},
			fields=["name", "description"],
			as_list=True,
		)
	)

	step(70, _("Problems and disputes"))
	iss = frappe.qb.DocType(ISSUE)
	rows["issues"] = (
		frappe.qb.from_(iss)
		.select(iss.issue_type, iss.status, iss.raised_on, iss.decision_date, Count("*"))
		.where((iss.supervisory_body == body) & (iss.raised_on <= end))
		.groupby(iss.issue_type, iss.status, iss.raised_on, iss.decision_date)
	).run()

	step(80, _("Terminations"))
	term = frappe.qb.DocType(TERMINATION)
	rows["terminations"] = (
		frappe.qb.from_(term)
		.select(Count("*"), Sum(term.total_assets), Sum(term.total_liabilities), Sum(term.net_value))
		.where(
			(term.docstatus == 1)
			& (term.termination_date >= start)
			& (term.termination_date <= end)
			& in_scope("`tabCooperation Termination`.`cooperation`")
		)
	).run()
	return rows


def tkksd_report_rows(province: str, end) -> list[dict]:
	"""The submitted TKKSD reports (Pasal 12) of the province that start by ``end``."""
	return frappe.get_all(
		REPORT,
		filters={
			"report_type": rules.PASAL_12,
			"province": province,
			"docstatus": 1,
			"period_start": ("<=", end),
		},
		fields=["name", *SOURCE_ROW],
		order_by="period_start asc",
	)
