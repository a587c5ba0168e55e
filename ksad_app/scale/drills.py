"""What the fault drills (``scripts/drill-*``) check on a site after a fault: nothing half-written.

``bench --site S execute ksad_app.scale.drills.consistency`` prints, as JSON,
the number of cooperations and of each kind of inconsistency a torn write
would leave. Every count but ``cooperations`` must be 0:

* ``state_not_last_move``: the cooperation's workflow state is not where its
  last Stage History row took it (a move saved without its row, or the reverse);
* ``stage_not_of_state``: ``stage`` is not the stage of the workflow state;
* ``moved_without_history``: a cooperation past Penjajakan with no Stage
  History row at all;
* ``termination_without_allocations``: a submitted termination whose division
  rows are missing or do not match its cooperation's parties.
"""

import json

import frappe
from frappe.query_builder.functions import Count, Max

from ksad_app.domain import stages

COOPERATION = "Inter-Regional Cooperation"
TERMINATION = "Cooperation Termination"


def last_moves() -> dict[str, str]:
	"""Each cooperation's last Stage History state (by row order), in two queries."""
	log = frappe.qb.DocType("Cooperation Stage Log")
	last = (
		frappe.qb.from_(log)
		.select(log.parent, Max(log.idx).as_("idx"))
		.where((log.parenttype == COOPERATION) & (log.parentfield == "stage_log"))
		.groupby(log.parent)
	).run(as_dict=True)
	wanted = {(r.parent, r.idx) for r in last}
	rows = (
		frappe.qb.from_(log)
		.select(log.parent, log.idx, log.to_state)
		.where((log.parenttype == COOPERATION) & (log.parentfield == "stage_log"))
	).run(as_dict=True)
	return {r.parent: r.to_state for r in rows if (r.parent, r.idx) in wanted}


def torn_terminations() -> list[str]:
	"""Submitted terminations whose allocation rows do not name exactly their cooperation's parties."""
	term = frappe.qb.DocType(TERMINATION)
	alloc = frappe.qb.DocType("Termination Allocation")
	party = frappe.qb.DocType("Cooperation Party")
	allocated = (
		frappe.qb.from_(alloc)
		.select(alloc.parent, Count("*").as_("n"))
		.where(alloc.parenttype == TERMINATION)
		.groupby(alloc.parent)
	).run(as_dict=True)
	parties = (
		frappe.qb.from_(party)
		.select(party.parent, Count("*").as_("n"))
		.where(party.parenttype == COOPERATION)
		.groupby(party.parent)
	).run(as_dict=True)
	by_termination = {r.parent: r.n for r in allocated}
	by_cooperation = {r.parent: r.n for r in parties}
	submitted = (frappe.qb.from_(term).select(term.name, term.cooperation).where(term.docstatus == 1)).run(
		as_dict=True
	)
	return [
		t.name for t in submitted if by_termination.get(t.name, 0) != by_cooperation.get(t.cooperation, -1)
	]


def consistency() -> dict:
	coop = frappe.qb.DocType(COOPERATION)
	cooperations = (frappe.qb.from_(coop).select(coop.name, coop.workflow_state, coop.stage)).run(as_dict=True)
	moves = last_moves()
	out = {
		"cooperations": len(cooperations),
		"state_not_last_move": 0,
		"stage_not_of_state": 0,
		"moved_without_history": 0,
		"termination_without_allocations": len(torn_terminations()),
	}
	for c in cooperations:
		state = c.workflow_state or stages.PENJAJAKAN
		if c.name in moves and moves[c.name] != state:
			out["state_not_last_move"] += 1
		if c.name not in moves and state != stages.PENJAJAKAN:
			out["moved_without_history"] += 1
		if c.stage != stages.stage_of_state(state):
			out["stage_not_of_state"] += 1
	print(json.dumps(out))
	return out
