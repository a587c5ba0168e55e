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

For the notification drills (``scripts/drill-redis-restart``,
``scripts/drill-worker-kill``): ``set_outbox`` points the test site's
outgoing Email Account at the drill's SMTP server, ``notice_tally`` counts
what the requests and the outbox did for a set of cooperations (moves
answered 200 against Stage History rows, notices Queued and Sent,
Notification Logs, e-mails queued and sent), ``reminder_fixture`` makes the
cooperations a reminder job has to go through and ``remove_reminder_fixture``
takes them away again.
"""

import hashlib
import json
import os

import frappe
from frappe.query_builder.functions import Count, Max
from frappe.utils import add_days, today

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


REMINDER_PREFIX = "DRILL-REM-"
LOAD_TITLES = "[LOAD] %"


def ensure_test_site() -> None:
	"""The notification drills log in as the test world's users and change the outgoing account."""
	if not frappe.conf.allow_tests:
		frappe.throw(
			frappe._(
				"This drill logs in as the test users and changes the outgoing e-mail account: run it on a test site (allow_tests)."
			),
			title=frappe._("Not a test site"),
			exc=frappe.PermissionError,
		)


def set_outbox(server: str, port: int) -> dict:
	"""Point the test site's outgoing Email Account at ``server:port``; prints and returns what it was."""
	ensure_test_site()
	from ksad_app.tests import TEST_OUTBOX, ensure_outbox

	ensure_outbox()
	before = frappe.db.get_value("Email Account", TEST_OUTBOX, ["smtp_server", "smtp_port"], as_dict=True)
	frappe.db.set_value(
		"Email Account",
		TEST_OUTBOX,
		{"smtp_server": server, "smtp_port": int(port), "use_tls": 0, "use_ssl_for_outgoing": 0},
	)
	frappe.db.set_default("suspend_email_queue", 0)
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a drill's setting, read by other processes
	print(json.dumps(before))
	return before


def cooperations_titled(title_like: str) -> list[str]:
	return frappe.get_all(COOPERATION, filters={"title": ("like", title_like)}, pluck="name")


def notice_tally(title_like: str = LOAD_TITLES, prefix: str = "") -> dict:
	"""What the outbox did for the cooperations titled like ``title_like`` (or named ``prefix``...)."""
	if prefix:
		names = frappe.get_all(COOPERATION, filters={"name": ("like", f"{prefix}%")}, pluck="name")
	else:
		names = cooperations_titled(title_like)
	out = {"cooperations": len(names)}
	if not names:
		print(json.dumps(out))
		return out
	log = frappe.qb.DocType("Cooperation Stage Log")
	moves = (
		frappe.qb.from_(log)
		.select(log.action, Count("*").as_("n"))
		.where((log.parenttype == COOPERATION) & log.parent.isin(names))
		.groupby(log.action)
	).run(as_dict=True)
	out["stage_history"] = {r.action: r.n for r in moves}
	notices = frappe.get_all(
		"KSAD Notice",
		filters={"reference_doctype": COOPERATION, "reference_name": ("in", names)},
		fields=["status", "recipients"],
	)
	out["notices"] = len(notices)
	out["notices_queued"] = sum(n.status == "Queued" for n in notices)
	out["recipients_of_sent_notices"] = sum(
		len((n.recipients or "").split()) for n in notices if n.status == "Sent"
	)
	nl = frappe.qb.DocType("Notification Log")
	out["notification_logs"] = (
		frappe.qb.from_(nl)
		.select(Count("*"))
		.where((nl.document_type == COOPERATION) & nl.document_name.isin(names))
	).run()[0][0]
	queue = frappe.qb.DocType("Email Queue")
	rec = frappe.qb.DocType("Email Queue Recipient")
	mails = (
		frappe.qb.from_(queue)
		.join(rec)
		.on(rec.parent == queue.name)
		.select(rec.status, Count("*").as_("n"))
		.where((queue.reference_doctype == COOPERATION) & queue.reference_name.isin(names))
		.groupby(rec.status)
	).run(as_dict=True)
	out["email_recipients"] = {r.status: r.n for r in mails}
	print(json.dumps(out))
	return out


def reminder_fixture(count: int = 1000, end_in_days: int = 100) -> dict:
	"""``count`` cooperations at Pelaksanaan ending in ``end_in_days``, each due a termination reminder.

	One is taken through the workflow by the test world's officer and TKKSD member
	(``ksad_app.tests``); the others are copies of its rows (the cooperation and
	its parties, supervisors and Stage History), named ``DRILL-REM-00001``....
	For a test site only (allow_tests).
	"""
	ensure_test_site()
	from ksad_app.notifications.outbox import send_queued
	from ksad_app.tests import OFFICER_BANDUNG, TKKSD_JABAR, advance, ensure_world, new_cooperation

	remove_reminder_fixture()
	ensure_world()
	end = add_days(today(), int(end_in_days))
	template = new_cooperation(OFFICER_BANDUNG, ["32.73", "32.77"], title="[DRILL] Pengingat").name
	advance(
		template,
		stages.PELAKSANAAN,
		OFFICER_BANDUNG,
		TKKSD_JABAR,
		start_date=str(add_days(today(), -300)),
		end_date=str(end),
	)
	frappe.set_user("Administrator")
	send_queued(older_than=-3600, commit=False)  # the template's own moves are not the drill's
	parent = frappe.get_all(COOPERATION, filters={"name": template}, fields=["*"])[0]
	tables = [(t.options, t.fieldname) for t in frappe.get_meta(COOPERATION).get_table_fields()]
	children = {
		child: frappe.get_all(child, filters={"parent": template, "parenttype": COOPERATION}, fields=["*"])
		for child, _field in tables
	}
	names = [f"{REMINDER_PREFIX}{i:05d}" for i in range(1, int(count) + 1)]
	fields = list(parent.keys())
	rows = []
	for i, name in enumerate(names, 1):
		rows.append(
			[name if f == "name" else f"[DRILL] Pengingat {i}" if f == "title" else parent[f] for f in fields]
		)
	frappe.db.bulk_insert(COOPERATION, fields, rows)
	for child, child_rows in children.items():
		if not child_rows:
			continue
		child_fields = list(child_rows[0].keys())
		values = [
			[
				frappe.generate_hash(length=12) if f == "name" else name if f == "parent" else row[f]
				for f in child_fields
			]
			for name in names
			for row in child_rows
		]
		frappe.db.bulk_insert(child, child_fields, values)
	delete_cooperations([template])
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a drill's fixture, read by the worker
	out = {"cooperations": len(names), "end_date": str(end)}
	print(json.dumps(out))
	return out


def delete_cooperations(names: list[str]) -> None:
	"""Cooperations, their rows, and what Frappe and the outbox recorded about them."""
	from ksad_app.tests import delete_records_about

	if not names:
		return
	for table in frappe.get_meta(COOPERATION).get_table_fields():
		frappe.db.delete(table.options, {"parent": ("in", names), "parenttype": COOPERATION})
	delete_records_about(COOPERATION, names)
	frappe.db.delete(COOPERATION, {"name": ("in", names)})


def remove_reminder_fixture() -> int:
	"""Take away what :func:`reminder_fixture` made (and any ``[DRILL]`` template left by a killed run)."""
	names = frappe.get_all(COOPERATION, filters={"name": ("like", f"{REMINDER_PREFIX}%")}, pluck="name")
	names = sorted({*names, *cooperations_titled("[DRILL] %")})
	delete_cooperations(names)
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a drill's fixture, removed for good
	print(json.dumps({"removed": len(names)}))
	return len(names)


def remove_load_cooperations() -> int:
	"""Take away a load run's cooperations (titled ``[LOAD] ...``) and what was recorded about them."""
	names = cooperations_titled(LOAD_TITLES)
	delete_cooperations(names)
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a bench command, after the load run
	print(f"-- removed the run's {len(names)} cooperations")
	return len(names)


def cooperation_objects(title_like: str = LOAD_TITLES) -> dict:
	"""The stored object of each cooperation titled like this (what the drills' saves wrote)."""
	out = {
		r.name: r.cooperation_object
		for r in frappe.get_all(
			COOPERATION, filters={"title": ("like", title_like)}, fields=["name", "cooperation_object"]
		)
	}
	print(json.dumps(out))
	return out


def queue_job(method: str, queue: str = "long") -> str:
	"""Queue ``method`` as the scheduler queues a job; prints the job's id."""
	job = frappe.enqueue(method, queue=queue)
	print(job.id)
	return job.id


def reminder_state() -> dict:
	"""The committed notices and Termination Reminder rows of :func:`reminder_fixture`'s cooperations."""
	like = ("like", f"{REMINDER_PREFIX}%")
	out = {
		"notices": frappe.db.count("KSAD Notice", {"reference_name": like}),
		"reminder_rows": frappe.db.count("Termination Reminder", {"parent": like}),
	}
	print(json.dumps(out))
	return out


def wait_for_uncommitted_notices(target: int, timeout: float = 120) -> int:
	"""Poll, from this connection and without waiting for a commit, until the reminder job has written
	``target`` notices; prints how many it saw (the drill kills the worker then)."""
	import time

	# nosemgrep: frappe-using-db-sql -- a session setting, which frappe.qb cannot express
	frappe.db.sql("SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED")
	deadline, seen = time.monotonic() + float(timeout), 0
	while time.monotonic() < deadline:
		frappe.db.rollback()
		seen = frappe.db.count("KSAD Notice", {"reference_name": ("like", f"{REMINDER_PREFIX}%")})
		if seen >= int(target):
			break
		time.sleep(0.05)
	print(seen)
	return seen


def send_emails(rounds: int = 50) -> int:
	"""Frappe's scheduled e-mail flush (``frappe.email.queue.flush``), run until the queue is empty; prints
	how many e-mails were sent."""
	from frappe.email.queue import flush, get_queue

	before = frappe.db.count("Email Queue", {"status": "Sent"})
	for _ in range(int(rounds)):
		if not get_queue():
			break
		flush()
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the flush as the scheduler runs it
	sent = frappe.db.count("Email Queue", {"status": "Sent"}) - before
	print(sent)
	return sent
