# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

"""Pasal 6 d.4 / 10 d.4: the cooperations in Pelaksanaan whose end date is near or past, with the reminders sent.

The parties prepare the termination before the end date; the daily job
(``ksad_app.notifications.termination_reminders``) reminds them at the thresholds of KSAD Settings. The
reminder columns are those sent for the cooperation's *current* end date:
the last threshold reached, when, and how many.
"""

import frappe
from frappe import _, _lt
from frappe.query_builder.functions import Count, Max, Min
from frappe.utils import cint, getdate, today

from ksad_app.domain.recaps import DEFAULT_ENDING_DAYS, days_left, ending_window
from ksad_app.domain.stages import PELAKSANAAN
from ksad_app.ksad.report.utils import (
	COOPERATION,
	LEVEL_FILTER,
	PARTY,
	PROVINCE_FILTER,
	OrderedGroupConcat,
	in_province,
	parties_of,
	supervisors_of,
	where_access,
)

REMINDER = "Termination Reminder"


# The filters of the report's .js, checked before it runs (ksad_app.overrides.query_report.run_report).
FILTERS = [
	{"fieldname": "days", "label": _lt("Ending Within (Days)"), "fieldtype": "Int", "min": 0, "max": 36500},
	{"fieldname": "include_overdue", "label": _lt("Include Overdue"), "fieldtype": "Check"},
	LEVEL_FILTER,
	PROVINCE_FILTER,
]


@frappe.read_only()
def execute(filters=None):
	filters = frappe._dict(filters or {})
	days = DEFAULT_ENDING_DAYS if filters.days in (None, "") else cint(filters.days)
	include_overdue = True if filters.include_overdue in (None, "") else bool(cint(filters.include_overdue))
	on = getdate(today())
	rows = get_rows(filters, *ending_window(on, days, include_overdue))
	overdue, ending = _("Overdue"), _("Ending Soon")
	for r in rows:
		r.days_left = days_left(getdate(r.end_date), on)
		r.status = overdue if r.days_left < 0 else ending
	return columns(), rows, None, None, summary(rows)


def columns() -> list[dict]:
	return [
		{
			"fieldname": "name",
			"label": _("Cooperation"),
			"fieldtype": "Link",
			"options": COOPERATION,
			"width": 170,
		},
		{"fieldname": "title", "label": _("Title"), "fieldtype": "Data", "width": 240},
		{"fieldname": "cooperation_level", "label": _("Level"), "fieldtype": "Data", "width": 180},
		{"fieldname": "workflow_state", "label": _("Workflow State"), "fieldtype": "Data", "width": 160},
		{"fieldname": "end_date", "label": _("End Date"), "fieldtype": "Date", "width": 110},
		{"fieldname": "days_left", "label": _("Days Left"), "fieldtype": "Int", "width": 90},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 110},
		{
			"fieldname": "last_threshold",
			"label": _("Last Reminder (Days Before)"),
			"fieldtype": "Int",
			"width": 130,
		},
		{
			"fieldname": "last_reminded_on",
			"label": _("Last Reminder Sent On"),
			"fieldtype": "Date",
			"width": 120,
		},
		{"fieldname": "reminders_sent", "label": _("Reminders Sent"), "fieldtype": "Int", "width": 100},
		{"fieldname": "parties", "label": _("Parties"), "fieldtype": "Data", "width": 300},
		{"fieldname": "contacts", "label": _("Parties' Contacts"), "fieldtype": "Data", "width": 260},
		{"fieldname": "supervisors", "label": _("Supervisory Bodies"), "fieldtype": "Data", "width": 140},
	]


def reminders(coop, aggregate):
	"""Correlated subquery over the reminders sent for the cooperation's current end date."""
	rem = frappe.qb.DocType(REMINDER)
	return (
		frappe.qb.from_(rem)
		.select(aggregate(rem))
		.where(
			(rem.parent == coop.name)
			& (rem.parenttype == COOPERATION)
			& (rem.parentfield == "termination_reminders")
			& (rem.end_date == coop.end_date)
		)
	)


def contacts_of(coop):
	party = frappe.qb.DocType(PARTY)
	return (
		frappe.qb.from_(party)
		.select(OrderedGroupConcat(party.contact_user, party.idx))
		.where((party.parent == coop.name) & (party.parenttype == COOPERATION))
	)


def get_rows(filters, first, last) -> list[dict]:
	coop = frappe.qb.DocType(COOPERATION)
	query = (
		frappe.qb.from_(coop)
		.select(
			coop.name,
			coop.title,
			coop.cooperation_level,
			coop.workflow_state,
			coop.end_date,
			reminders(coop, lambda rem: Min(rem.threshold_days)).as_("last_threshold"),
			reminders(coop, lambda rem: Max(rem.sent_on)).as_("last_reminded_on"),
			reminders(coop, lambda rem: Count("*")).as_("reminders_sent"),
			parties_of(coop.name).as_("parties"),
			contacts_of(coop).as_("contacts"),
			supervisors_of(coop.name).as_("supervisors"),
		)
		.where((coop.stage == PELAKSANAAN) & coop.end_date.isnotnull() & (coop.end_date <= last))
	)
	if first:
		query = query.where(coop.end_date >= first)
	if filters.cooperation_level:
		query = query.where(coop.cooperation_level == filters.cooperation_level)
	if filters.province:
		query = query.where(coop.name.isin(in_province(filters.province)))
	query = where_access(query, COOPERATION)
	return query.orderby(coop.end_date).orderby(coop.name).run(as_dict=True)


def summary(rows: list[dict]) -> list[dict]:
	overdue = sum(1 for r in rows if r.days_left < 0)
	return [
		{"value": len(rows) - overdue, "label": _("Ending Soon"), "datatype": "Int", "indicator": "Orange"},
		{"value": overdue, "label": _("Overdue"), "datatype": "Int", "indicator": "Red"},
	]
