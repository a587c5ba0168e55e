# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

"""What the bodies did, month by month (Pasal 6-8, 10-12): submitted activities per body, type and guidance item.

A row is a body, an activity type and a guidance item given (Pasal 6, 10);
an activity that gave three items counts in three rows, one without items
(a pengawasan recording findings) in the row without an item. The last row
counts each activity once per month. Without a period, the recap covers this
year to date (``recaps.recap_period``).
"""

import frappe
from frappe import _, _lt
from frappe.query_builder.functions import Count, DateFormat
from frappe.utils import formatdate, getdate, today

from ksad_app.domain.guidance import PEMBINAAN, PENGAWASAN
from ksad_app.domain.recaps import months, pivot, recap_period
from ksad_app.ksad.report.utils import ACTIVITY, where_access

ITEM = "Supervision Activity Item"
MONTH_FORMAT = "%Y-%m"
TOTAL = "__total__"


# The filters of the report's .js, checked before it runs (ksad_app.overrides.query_report.run_report).
FILTERS = [
	{"fieldname": "from_date", "label": _lt("Period From"), "fieldtype": "Date"},
	{"fieldname": "to_date", "label": _lt("Period To"), "fieldtype": "Date"},
	{
		"fieldname": "supervisory_body",
		"label": _lt("Supervisory Body"),
		"fieldtype": "Link",
		"options": "Supervisory Body",
	},
	{
		"fieldname": "activity_type",
		"label": _lt("Activity Type"),
		"fieldtype": "Select",
		"options": ["", "Pembinaan", "Pengawasan"],
	},
	{
		"fieldname": "cooperation",
		"label": _lt("Cooperation"),
		"fieldtype": "Link",
		"options": "Inter-Regional Cooperation",
	},
]


@frappe.read_only()
def execute(filters=None):
	filters = frappe._dict(filters or {})
	filters.from_date, filters.to_date = recap_period(
		getdate(filters.from_date) if filters.from_date else None,
		getdate(filters.to_date) if filters.to_date else None,
		getdate(today()),
	)
	cells = item_cells(filters)
	activity_cells = month_cells(filters)
	month_list = months(filters.from_date, filters.to_date)

	by_row = pivot(((body, kind, item), month, n) for body, kind, item, month, n in cells)
	per_month = pivot((TOTAL, month, n) for month, _kind, n in activity_cells).get(TOTAL, {})
	by_type = pivot((kind, month, n) for month, kind, n in activity_cells)

	data = rows(by_row, month_list)
	if data:
		total = {"supervisory_body": None, "body_name": _("Activities (each counted once)"), "is_total": 1}
		fill(total, per_month, month_list)
		data.append(total)
	return (
		columns(month_list),
		data,
		_("Period: {0} to {1}").format(formatdate(filters.from_date), formatdate(filters.to_date)),
		chart(by_type, month_list),
		summary(by_type),
	)


def month_field(month: str) -> str:
	return "m" + month.replace("-", "_")


def columns(month_list: list[str]) -> list[dict]:
	cols = [
		{
			"fieldname": "supervisory_body",
			"label": _("Supervisory Body"),
			"fieldtype": "Link",
			"options": "Supervisory Body",
			"width": 120,
		},
		{"fieldname": "body_name", "label": _("Body Name"), "fieldtype": "Data", "width": 220},
		{"fieldname": "activity_type", "label": _("Activity Type"), "fieldtype": "Data", "width": 110},
		{
			"fieldname": "guidance_item",
			"label": _("Guidance Item"),
			"fieldtype": "Link",
			"options": "Guidance Item",
			"width": 110,
		},
		{
			"fieldname": "guidance_text",
			"label": _("Text of the Regulation"),
			"fieldtype": "Data",
			"width": 280,
		},
	]
	cols += [{"fieldname": month_field(m), "label": m, "fieldtype": "Int", "width": 80} for m in month_list]
	cols.append({"fieldname": "total", "label": _("Total"), "fieldtype": "Int", "width": 80})
	return cols


def filtered(query, act, filters):
	query = query.where(act.docstatus == 1)
	if filters.from_date:
		query = query.where(act.activity_date >= filters.from_date)
	if filters.to_date:
		query = query.where(act.activity_date <= filters.to_date)
	if filters.supervisory_body:
		query = query.where(act.supervisory_body == filters.supervisory_body)
	if filters.activity_type:
		query = query.where(act.activity_type == filters.activity_type)
	if filters.cooperation:
		query = query.where(act.cooperation == filters.cooperation)
	return where_access(query, ACTIVITY)


def item_cells(filters):
	"""``(body, type, guidance item or None, month, count)``."""
	act = frappe.qb.DocType(ACTIVITY)
	item = frappe.qb.DocType(ITEM)
	month = DateFormat(act.activity_date, MONTH_FORMAT)
	query = (
		frappe.qb.from_(act)
		.left_join(item)
		.on(
			(item.parent == act.name) & (item.parenttype == ACTIVITY) & (item.parentfield == "guidance_items")
		)
		.select(
			act.supervisory_body,
			act.activity_type,
			item.guidance_item,
			month.as_("month"),
			Count("*").as_("n"),
		)
		.groupby(act.supervisory_body, act.activity_type, item.guidance_item, month)
	)
	return filtered(query, act, filters).run()


def month_cells(filters):
	"""``(month, type, activities)``: each activity once."""
	act = frappe.qb.DocType(ACTIVITY)
	month = DateFormat(act.activity_date, MONTH_FORMAT)
	query = (
		frappe.qb.from_(act)
		.select(month.as_("month"), act.activity_type, Count("*").as_("n"))
		.groupby(month, act.activity_type)
	)
	return filtered(query, act, filters).run()


def fill(row: dict, counts: dict[str, int], month_list: list[str]) -> dict:
	for m in month_list:
		row[month_field(m)] = counts.get(m, 0)
	row["total"] = sum(counts.values())
	return row


def rows(by_row: dict, month_list: list[str]) -> list[dict]:
	if not by_row:
		return []
	bodies = {body for body, _kind, _item in by_row}
	items = {item for _body, _kind, item in by_row if item}
	body_names = dict(
		frappe.get_all(
			"Supervisory Body",
			filters={"name": ("in", sorted(bodies))},
			fields=["name", "body_name"],
			as_list=1,
		)
	)
	guidance = {
		g.name: g
		for g in frappe.get_all(
			"Guidance Item",
			filters={"name": ("in", sorted(items) or [""])},
			fields=["name", "description", "sort_order"],
		)
	}

	def order(key):
		body, kind, item = key
		g = guidance.get(item)
		return (body or "", kind or "", item is None, g.sort_order if g else 0, item or "")

	out = []
	for key in sorted(by_row, key=order):
		body, kind, item = key
		g = guidance.get(item)
		row = {
			"supervisory_body": body,
			"body_name": body_names.get(body, body),
			"activity_type": kind,
			"guidance_item": item,
			"guidance_text": g.description if g else _("No guidance item (findings only)"),
		}
		out.append(fill(row, by_row[key], month_list))
	return out


def chart(by_type: dict, month_list: list[str]) -> dict | None:
	if not by_type:
		return None
	return {
		"data": {
			"labels": month_list,
			"datasets": [
				{"name": _(kind), "values": [by_type.get(kind, {}).get(m, 0) for m in month_list]}
				for kind in (PEMBINAAN, PENGAWASAN)
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"height": 260,
	}


def summary(by_type: dict) -> list[dict]:
	counts = {kind: sum(by_type.get(kind, {}).values()) for kind in (PEMBINAAN, PENGAWASAN)}
	return [
		{"value": sum(counts.values()), "label": _("Activities"), "datatype": "Int", "indicator": "Blue"},
		{"value": counts[PEMBINAAN], "label": _(PEMBINAAN), "datatype": "Int", "indicator": "Green"},
		{"value": counts[PENGAWASAN], "label": _(PENGAWASAN), "datatype": "Int", "indicator": "Orange"},
	]
