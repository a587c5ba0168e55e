# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

"""The register of the cooperations a user may see: one row per cooperation, with its parties and bodies."""

import frappe
from frappe import _, _lt
from frappe.utils import flt

from ksad_app.ksad.report.utils import (
	AFFAIR_FILTER,
	COOPERATION,
	LEVEL_FILTER,
	PROVINCE_FILTER,
	STAGE_FILTER,
	in_province,
	parties_of,
	supervisors_of,
	where_access,
)

# The filters of the report's .js, checked before it runs (ksad_app.overrides.query_report.run_report).
FILTERS = [
	STAGE_FILTER,
	LEVEL_FILTER,
	PROVINCE_FILTER,
	AFFAIR_FILTER,
	{"fieldname": "end_date_from", "label": _lt("End Date From"), "fieldtype": "Date"},
	{"fieldname": "end_date_to", "label": _lt("End Date To"), "fieldtype": "Date"},
]


@frappe.read_only()
def execute(filters=None):
	filters = frappe._dict(filters or {})
	rows = get_rows(filters)
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
		{"fieldname": "title", "label": _("Title"), "fieldtype": "Data", "width": 260},
		{"fieldname": "cooperation_level", "label": _("Level"), "fieldtype": "Data", "width": 190},
		{"fieldname": "stage", "label": _("Stage"), "fieldtype": "Data", "width": 120},
		{"fieldname": "workflow_state", "label": _("Workflow State"), "fieldtype": "Data", "width": 170},
		{"fieldname": "parties", "label": _("Parties"), "fieldtype": "Data", "width": 320},
		{"fieldname": "supervisors", "label": _("Supervisory Bodies"), "fieldtype": "Data", "width": 150},
		{
			"fieldname": "government_affair",
			"label": _("Government Affair"),
			"fieldtype": "Link",
			"options": "Government Affair",
			"width": 170,
		},
		{
			"fieldname": "kb_number",
			"label": _("Kesepakatan Bersama Number"),
			"fieldtype": "Data",
			"width": 150,
		},
		{"fieldname": "kb_date", "label": _("Kesepakatan Bersama Date"), "fieldtype": "Date", "width": 110},
		{"fieldname": "pks_number", "label": _("PKS Number"), "fieldtype": "Data", "width": 150},
		{"fieldname": "pks_date", "label": _("PKS Date"), "fieldtype": "Date", "width": 110},
		{"fieldname": "start_date", "label": _("Start Date"), "fieldtype": "Date", "width": 110},
		{"fieldname": "end_date", "label": _("End Date"), "fieldtype": "Date", "width": 110},
		{
			"fieldname": "estimated_value",
			"label": _("Estimated Value (IDR)"),
			"fieldtype": "Currency",
			"width": 160,
		},
	]


def get_rows(filters) -> list[dict]:
	coop = frappe.qb.DocType(COOPERATION)
	query = frappe.qb.from_(coop).select(
		coop.name,
		coop.title,
		coop.cooperation_level,
		coop.stage,
		coop.workflow_state,
		parties_of(coop.name).as_("parties"),
		supervisors_of(coop.name).as_("supervisors"),
		coop.government_affair,
		coop.kb_number,
		coop.kb_date,
		coop.pks_number,
		coop.pks_date,
		coop.start_date,
		coop.end_date,
		coop.estimated_value,
	)
	if filters.stage:
		query = query.where(coop.stage == filters.stage)
	if filters.cooperation_level:
		query = query.where(coop.cooperation_level == filters.cooperation_level)
	if filters.government_affair:
		query = query.where(coop.government_affair == filters.government_affair)
	if filters.province:
		query = query.where(coop.name.isin(in_province(filters.province)))
	if filters.end_date_from:
		query = query.where(coop.end_date >= filters.end_date_from)
	if filters.end_date_to:
		query = query.where(coop.end_date <= filters.end_date_to)
	query = where_access(query, COOPERATION)
	return query.orderby(coop.name).run(as_dict=True)


def summary(rows: list[dict]) -> list[dict]:
	return [
		{"value": len(rows), "label": _("Cooperations"), "datatype": "Int", "indicator": "Blue"},
		{
			"value": sum(flt(r.estimated_value) for r in rows),
			"label": _("Total Estimated Value (IDR)"),
			"datatype": "Currency",
			"indicator": "Green",
		},
	]
