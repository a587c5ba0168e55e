"""What each party still owes after a termination (Pasal 6 d.4 / 10 d.4, items d and e).

Read by the termination's form and by the Selesai guard of the cooperation
(``ksad_app.workflow.facts``), through the same rule as the Termination
Division report (``ksad_app.domain.recaps.follow_up``).
"""

import frappe

from ksad_app.domain import division
from ksad_app.domain.recaps import follow_up

TERMINATION = "Cooperation Termination"
# The per-party fields a party's officer fills after submission (items d and e).
FOLLOW_UP_FIELDS = (
	"deposit_reference",
	"deposit_date",
	"assets_recorded",
	"asset_record_reference",
	"dprd_report_number",
	"dprd_report_date",
)


def outstanding_for(cooperation: str) -> tuple[bool, tuple[tuple[str, str], ...]]:
	"""Is a termination submitted for ``cooperation``, and what must its parties still do (items d, e)?"""
	name = frappe.db.get_value(TERMINATION, {"cooperation": cooperation, "docstatus": 1}, "name")
	if not name:
		return False, ()
	rows = frappe.get_all(
		"Termination Allocation",
		filters={"parent": name, "parenttype": TERMINATION},
		fields=["regional_government", "cash_balance", *FOLLOW_UP_FIELDS],
		order_by="idx asc",
	)
	goods = set(
		frappe.get_all(
			"Termination Asset",
			filters={"parent": name, "parenttype": TERMINATION, "allocated_to": ("is", "set")},
			pluck="allocated_to",
		)
	)
	follow_ups = [
		follow_up(
			r.regional_government,
			division.whole_rupiah("cash_balance", r.cash_balance),
			r.regional_government in goods,
			**{f: r.get(f) for f in FOLLOW_UP_FIELDS},
		)
		for r in rows
	]
	return True, division.outstanding(follow_ups)
