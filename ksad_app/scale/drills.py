"""What the fault drills (``scripts/drill-*``) check on a site after a fault: nothing half-written, nothing lost.

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

``fingerprint`` prints the count and a checksum of every table of the app (and
of the users, roles, permissions, files, versions and comments it relies on)
and the SHA-256 of every file of the site, for ``scripts/drill-backup-restore``
to compare a site with its restored copy; ``backup_fixture`` gives a site what
that drill backs up: attached PKS files, a submitted termination and a
submitted supervision report, beside the synthetic register.
"""

import hashlib
import json
import os

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
	cooperations = (frappe.qb.from_(coop).select(coop.name, coop.workflow_state, coop.stage)).run(
		as_dict=True
	)
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


# Frappe's own records the app's data depends on, beside the app's DocTypes
ALSO_FINGERPRINTED = ("File", "User", "Has Role", "User Permission", "Version", "Comment", "DefaultValue")


def table_checksum(doctype: str) -> tuple[int, str]:
	"""Rows of ``doctype`` and a SHA-256 over all their columns, in name order."""
	table = frappe.qb.DocType(doctype)
	rows = frappe.qb.from_(table).select("*").orderby(table.name).run(as_list=True)
	digest = hashlib.sha256()
	for row in rows:
		digest.update(json.dumps([str(v) for v in row]).encode())
	return len(rows), digest.hexdigest()[:16]


def file_hashes() -> dict[str, str]:
	"""SHA-256 of every file under the site's public and private files, by path."""
	out = {}
	for folder in ("public/files", "private/files"):
		root = frappe.get_site_path(*folder.split("/"))
		for base, _dirs, names in os.walk(root):
			for filename in names:
				path = os.path.join(base, filename)
				with open(path, "rb") as f:
					out[os.path.relpath(path, frappe.get_site_path())] = hashlib.sha256(f.read()).hexdigest()
	return out


def fingerprint() -> dict:
	doctypes = frappe.get_all(
		"DocType", filters={"module": "KSAD", "issingle": 0, "is_virtual": 0}, pluck="name", order_by="name"
	)
	tables = {doctype: table_checksum(doctype) for doctype in [*doctypes, *ALSO_FINGERPRINTED]}
	out = {"tables": tables, "files": file_hashes()}
	print(json.dumps(out))
	return out


def backup_fixture() -> dict:
	"""On a site with the synthetic register (``bench ksad-scale-data``): PKS files attached to cooperations
	(private, real content), a submitted termination, and a compiled, submitted Pasal 8 report."""
	from frappe.utils import add_days, today

	from ksad_app.domain.reporting import PASAL_8
	from ksad_app.scale.data import SEKBER_USER

	frappe.set_user("Administrator")
	attached = 0
	for name in frappe.get_all(COOPERATION, filters={"stage": stages.PELAKSANAAN}, pluck="name", limit=5):
		content = f"Perjanjian Kerja Sama {name}\n".encode() + os.urandom(2048)
		file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"pks-{name}.pdf",
				"attached_to_doctype": COOPERATION,
				"attached_to_name": name,
				"attached_to_field": "pks_file",
				"is_private": 1,
				"content": content,
			}
		).insert(ignore_permissions=True)
		frappe.db.set_value(COOPERATION, name, "pks_file", file.file_url, update_modified=False)
		attached += 1
	terminations = frappe.db.count(TERMINATION, {"docstatus": 1})
	frappe.set_user(SEKBER_USER)
	report = frappe.get_doc(
		{
			"doctype": "Supervision Report",
			"report_type": PASAL_8,
			"supervisory_body": frappe.db.get_value("Supervisory Body", {"body_type": "Sekretariat Bersama"}),
			"period_start": add_days(today(), -365),
			"period_end": today(),
		}
	).insert()
	report.compile()
	report.reload()
	report.submit()
	frappe.set_user("Administrator")
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a drill's fixture, committed for the backup
	out = {"pks_files": attached, "submitted_terminations": terminations, "supervision_report": report.name}
	print(json.dumps(out))
	return out
