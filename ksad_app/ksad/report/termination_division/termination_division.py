# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

"""Pasal 6 d.4 / 10 d.4 c-e, for the DPRD: per termination and party, what it was entitled to and what it recorded.

One row per party of each termination: its share and entitlement, the goods
it received in kind, the cash balance it receives (positive) or pays in
(negative), its kas daerah deposit, the goods recorded as regional assets and
its report to the DPRD. *Complete* when nothing of items d and e is
outstanding for the party (the same rule as the guard of Selesai).
"""

import frappe
from frappe import _, _lt
from frappe.query_builder.functions import Count
from frappe.utils import cint

from ksad_app.domain.division import ASSET_RECORDING, DEPOSIT, DPRD_REPORT, whole_rupiah
from ksad_app.domain.recaps import follow_up, party_outstanding
from ksad_app.ksad.report.utils import COOPERATION, TERMINATION, where_access

ALLOCATION = "Termination Allocation"
ASSET = "Termination Asset"


# The filters of the report's .js, checked before it runs (ksad_app.overrides.query_report.run_report).
FILTERS = [
	{
		"fieldname": "cooperation",
		"label": _lt("Cooperation"),
		"fieldtype": "Link",
		"options": "Inter-Regional Cooperation",
	},
	{"fieldname": "party", "label": _lt("Party"), "fieldtype": "Link", "options": "Regional Government"},
	{"fieldname": "from_date", "label": _lt("Termination Date From"), "fieldtype": "Date"},
	{"fieldname": "to_date", "label": _lt("Termination Date To"), "fieldtype": "Date"},
	{"fieldname": "include_drafts", "label": _lt("Include Drafts"), "fieldtype": "Check"},
]


@frappe.read_only()
def execute(filters=None):
	filters = frappe._dict(filters or {})
	rows = get_rows(filters)
	labels = item_labels()
	draft, complete, incomplete = _("Draft"), _("Complete"), _("Incomplete")
	for r in rows:
		if r.docstatus == 0:
			r.status, r.outstanding = draft, ""
			continue
		missing = party_outstanding(
			follow_up(
				r.party,
				whole_rupiah("cash_balance", r.cash_balance),
				bool(r.goods_received),
				r.deposit_reference,
				r.deposit_date,
				bool(r.assets_recorded),
				r.asset_record_reference,
				r.dprd_report_number,
				r.dprd_report_date,
			)
		)
		r.status = incomplete if missing else complete
		r.outstanding = ", ".join(labels[item] for item in missing)
	return columns(), rows, None, None, summary(rows)


def item_labels() -> dict[str, str]:
	return {
		DEPOSIT: _("kas daerah deposit"),
		ASSET_RECORDING: _("goods recorded as regional assets"),
		DPRD_REPORT: _("DPRD report"),
	}


def columns() -> list[dict]:
	return [
		{
			"fieldname": "termination",
			"label": _("Cooperation Termination"),
			"fieldtype": "Link",
			"options": TERMINATION,
			"width": 170,
		},
		{
			"fieldname": "cooperation",
			"label": _("Cooperation"),
			"fieldtype": "Link",
			"options": COOPERATION,
			"width": 160,
		},
		{
			"fieldname": "cooperation_title",
			"label": _("Cooperation Title"),
			"fieldtype": "Data",
			"width": 220,
		},
		{"fieldname": "termination_date", "label": _("Termination Date"), "fieldtype": "Date", "width": 110},
		{"fieldname": "party", "label": _("Party"), "fieldtype": "Data", "width": 80},
		{"fieldname": "party_name", "label": _("Party Name"), "fieldtype": "Data", "width": 180},
		{"fieldname": "share_percent", "label": _("Share (%)"), "fieldtype": "Percent", "width": 90},
		{"fieldname": "entitlement", "label": _("Entitlement (Rp)"), "fieldtype": "Currency", "width": 150},
		{
			"fieldname": "in_kind_value",
			"label": _("Goods Received (Rp)"),
			"fieldtype": "Currency",
			"width": 150,
		},
		{"fieldname": "cash_balance", "label": _("Cash Balance (Rp)"), "fieldtype": "Currency", "width": 150},
		{
			"fieldname": "deposit_reference",
			"label": _("Deposit Reference"),
			"fieldtype": "Data",
			"width": 140,
		},
		{"fieldname": "deposit_date", "label": _("Deposit Date"), "fieldtype": "Date", "width": 110},
		{
			"fieldname": "assets_recorded",
			"label": _("Goods Recorded as Regional Assets"),
			"fieldtype": "Check",
			"width": 90,
		},
		{
			"fieldname": "asset_record_reference",
			"label": _("Asset Record Reference"),
			"fieldtype": "Data",
			"width": 160,
		},
		{
			"fieldname": "dprd_report_number",
			"label": _("DPRD Report Number"),
			"fieldtype": "Data",
			"width": 140,
		},
		{"fieldname": "dprd_report_date", "label": _("DPRD Report Date"), "fieldtype": "Date", "width": 110},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 100},
		{"fieldname": "outstanding", "label": _("Outstanding"), "fieldtype": "Data", "width": 260},
	]


def get_rows(filters) -> list[dict]:
	term = frappe.qb.DocType(TERMINATION)
	alloc = frappe.qb.DocType(ALLOCATION)
	asset = frappe.qb.DocType(ASSET)
	goods_received = (
		frappe.qb.from_(asset)
		.select(Count("*"))
		.where(
			(asset.parent == term.name)
			& (asset.parenttype == TERMINATION)
			& (asset.parentfield == "assets")
			& (asset.allocated_to == alloc.regional_government)
		)
	)
	query = (
		frappe.qb.from_(term)
		.join(alloc)
		.on(
			(alloc.parent == term.name)
			& (alloc.parenttype == TERMINATION)
			& (alloc.parentfield == "allocations")
		)
		.select(
			term.name.as_("termination"),
			term.cooperation,
			term.cooperation_title,
			term.termination_date,
			term.docstatus,
			alloc.regional_government.as_("party"),
			alloc.region_name.as_("party_name"),
			alloc.share_percent,
			alloc.entitlement,
			alloc.in_kind_value,
			alloc.cash_balance,
			alloc.deposit_reference,
			alloc.deposit_date,
			alloc.assets_recorded,
			alloc.asset_record_reference,
			alloc.dprd_report_number,
			alloc.dprd_report_date,
			goods_received.as_("goods_received"),
		)
	)
	if cint(filters.include_drafts):
		query = query.where(term.docstatus < 2)
	else:
		query = query.where(term.docstatus == 1)
	if filters.cooperation:
		query = query.where(term.cooperation == filters.cooperation)
	if filters.party:
		query = query.where(alloc.regional_government == filters.party)
	if filters.from_date:
		query = query.where(term.termination_date >= filters.from_date)
	if filters.to_date:
		query = query.where(term.termination_date <= filters.to_date)
	query = where_access(query, TERMINATION)
	return (
		query.orderby(term.termination_date, order=frappe.qb.desc)
		.orderby(term.name)
		.orderby(alloc.idx)
		.run(as_dict=True)
	)


def summary(rows: list[dict]) -> list[dict]:
	done = sum(1 for r in rows if r.docstatus == 1 and not r.outstanding)
	pending = sum(1 for r in rows if r.docstatus == 1 and r.outstanding)
	return [
		{"value": len({r.termination for r in rows}), "label": _("Terminations"), "datatype": "Int"},
		{"value": done, "label": _("Parties Complete"), "datatype": "Int", "indicator": "Green"},
		{"value": pending, "label": _("Parties Incomplete"), "datatype": "Int", "indicator": "Red"},
	]
