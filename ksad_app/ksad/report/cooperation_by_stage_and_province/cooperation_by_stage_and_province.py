# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

"""The Ministry's national view (Pasal 8, 13): per province, the cooperations at each stage of Pasal 4.

A cooperation counts for every province that has the province itself or one
of its kabupaten/kota among its parties, so a cooperation across two
provinces is in both rows. The last row counts each cooperation once.
"""

import frappe
from frappe import _
from frappe.query_builder import CustomFunction
from frappe.query_builder.functions import Count
from frappe.utils import cint

from ksad_app.domain.recaps import STAGE_COLUMNS, pivot
from ksad_app.domain.regions import PROVINSI
from ksad_app.domain.stages import PELAKSANAAN, PENGAKHIRAN
from ksad_app.ksad.report.utils import AFFAIR_FILTER, COOPERATION, LEVEL_FILTER, PARTY, REGION, where_access

SubstringIndex = CustomFunction("SUBSTRING_INDEX", ["string", "delimiter", "count"])

NATIONAL = "__national__"


# The filters of the report's .js, checked before it runs (ksad_app.overrides.query_report.run_report).
FILTERS = [
	LEVEL_FILTER,
	AFFAIR_FILTER,
]


@frappe.read_only()
def execute(filters=None):
	filters = frappe._dict(filters or {})
	by_province = pivot(province_cells(filters))
	national = pivot((NATIONAL, stage, n) for stage, n in stage_cells(filters))
	provinces = frappe.get_all(
		REGION, filters={"region_type": PROVINSI}, fields=["name", "region_name"], order_by="name asc"
	)
	data = [row(p.name, p.region_name, by_province.get(p.name, {})) for p in provinces]
	total = row(None, _("All provinces (each cooperation once)"), national.get(NATIONAL, {}))
	total["is_national_total"] = 1
	data.append(total)
	return columns(), data, message(), chart(data[:-1]), summary(total)


def stage_field(stage: str) -> str:
	return frappe.scrub(stage)


def columns() -> list[dict]:
	cols = [
		{"fieldname": "province", "label": _("Province Code"), "fieldtype": "Data", "width": 90},
		{"fieldname": "province_name", "label": _("Province"), "fieldtype": "Data", "width": 230},
	]
	cols += [
		{"fieldname": stage_field(s), "label": _(s), "fieldtype": "Int", "width": 120} for s in STAGE_COLUMNS
	]
	cols.append({"fieldname": "total", "label": _("Total"), "fieldtype": "Int", "width": 90})
	return cols


def filtered(query, coop, filters):
	if filters.cooperation_level:
		query = query.where(coop.cooperation_level == filters.cooperation_level)
	if filters.government_affair:
		query = query.where(coop.government_affair == filters.government_affair)
	return where_access(query, COOPERATION)


def province_cells(filters):
	"""``(province, stage, cooperations)``: distinct cooperations per province of their parties and stage.

	The province is the party's code before the first dot (``recaps.province_code``).
	"""
	coop = frappe.qb.DocType(COOPERATION)
	party = frappe.qb.DocType(PARTY)
	province = SubstringIndex(party.regional_government, ".", 1)
	query = (
		frappe.qb.from_(party)
		.join(coop)
		.on(coop.name == party.parent)
		.select(province.as_("province"), coop.stage, Count(party.parent).distinct().as_("n"))
		.where(party.parenttype == COOPERATION)
		.groupby(province, coop.stage)
	)
	return filtered(query, coop, filters).run()


def stage_cells(filters):
	"""``(stage, cooperations)``: each cooperation once."""
	coop = frappe.qb.DocType(COOPERATION)
	query = frappe.qb.from_(coop).select(coop.stage, Count("*").as_("n")).groupby(coop.stage)
	return filtered(query, coop, filters).run()


def row(code: str | None, name: str, counts: dict[str, int]) -> dict:
	out = {"province": code, "province_name": name}
	for stage in STAGE_COLUMNS:
		out[stage_field(stage)] = counts.get(stage, 0)
	# a cooperation is at one stage: the stages add up to the province's distinct cooperations
	out["total"] = sum(counts.get(stage, 0) for stage in STAGE_COLUMNS)
	return out


def message() -> str:
	return _(
		"A cooperation counts for every province that has the province itself or one of its kabupaten/kota"
		" among its parties; the last row counts each cooperation once."
	)


def chart(rows: list[dict]) -> dict | None:
	shown = [r for r in rows if r["total"]]
	if not shown:
		return None
	return {
		"data": {
			"labels": [r["province_name"] for r in shown],
			"datasets": [{"name": _(s), "values": [r[stage_field(s)] for r in shown]} for s in STAGE_COLUMNS],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"height": 320,
	}


def summary(total: dict) -> list[dict]:
	active = cint(total.get(stage_field(PELAKSANAAN))) + cint(total.get(stage_field(PENGAKHIRAN)))
	return [
		{"value": total["total"], "label": _("Cooperations"), "datatype": "Int", "indicator": "Blue"},
		{"value": active, "label": _("Active Cooperations"), "datatype": "Int", "indicator": "Green"},
	]
