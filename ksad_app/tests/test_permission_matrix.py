"""The permission matrix (issue 11, item 1): every DocType of module KSAD × role × action × scope.

REQUIREMENTS.md ("Who uses it") and the DocType permissions give the
expected matrix (:data:`EXPECTED`). The test observes every cell as the
representative user of each role (:data:`ROLE_SCOPE`) on a record of their
own scope and on another's, and compares:

* in process: ``frappe.has_permission(doctype, ptype, name, user=...)``, and
  for ``create`` a real insert as the user (rolled back), so that the
  controllers' scope checks count too;
* ``frappe.get_list`` and link search (``frappe.desk.search.search_link``) as
  the user, for every ``read`` cell;
* the REST API of a running server (``KSAD_TEST_SERVER_URL``) with real
  logins: ``GET``, ``PUT`` and ``DELETE /api/resource/<doctype>/<name>``
  (``PUT`` and ``DELETE`` on the test's throwaway records only);
* every script report of the module, run as each user of the world: a user
  sees only rows of their scope.

The observed matrix is written out as ``docs/permission-matrix.md``: with
``KSAD_WRITE_MATRIX=1`` the test writes the file, otherwise it fails when the
committed file differs from what it observed, so the document cannot drift
from what is enforced.

The records are built once in ``setUpClass`` on the shared world of
``ksad_app/tests/__init__.py`` (its users, bodies and User Permissions) and
committed, because the REST server is another process; ``tearDownClass``
removes them. Cooperations are registered at their stage by the KSAD Manager
(issue 9), which is much faster than clicking each through the workflow.
"""

import difflib
import os
import time
import unittest
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import frappe
from frappe.desk.search import search_link
from frappe.utils import add_days, today

from ksad_app.domain import reporting
from ksad_app.ksad.doctype.cooperation_issue.test_cooperation_issue import raise_issue
from ksad_app.ksad.doctype.cooperation_termination.test_cooperation_termination import new_termination
from ksad_app.ksad.doctype.supervision_activity.test_supervision_activity import new_activity
from ksad_app.ksad.doctype.supervision_report.supervision_report import compile_report
from ksad_app.ksad.doctype.supervision_report.test_supervision_report import new_report
from ksad_app.roles import (
	ALL_ROLES,
	GOVERNOR_OFFICE,
	KSAD_MANAGER,
	MINISTRY_OFFICIAL,
	REGIONAL_OFFICER,
	SEKRETARIAT_BERSAMA_MEMBER,
	TKKSD_MEMBER,
)
from ksad_app.tests import (
	EXPECTED_VISIBLE,
	GOVERNOR_JABAR,
	MANAGER,
	MINISTRY,
	OFFICER_BANDUNG,
	OFFICER_BEKASI,
	OFFICER_CILACAP,
	OFFICER_CIMAHI,
	OUTSIDER,
	READY_FOR_NEGOSIASI,
	READY_FOR_PELAKSANAAN,
	SEKBER,
	SERVER,
	TEST_PREFIX,
	TKKSD_JABAR,
	TKKSD_JATENG,
	USERS,
	WorldTestCase,
)
from ksad_app.tests.test_reports import SCRIPT_REPORTS, defaults, listed, rows, run_as

COOPERATION = "Inter-Regional Cooperation"
ACTIVITY = "Supervision Activity"
ISSUE = "Cooperation Issue"
TERMINATION = "Cooperation Termination"
REPORT = "Supervision Report"
BODY = "Supervisory Body"
REGION = "Regional Government"
AFFAIR = "Government Affair"
GUIDANCE = "Guidance Item"
NOTICE = "KSAD Notice"
SETTINGS = "KSAD Settings"

NO_ROLE = "no KSAD role"
COLUMNS = (*ALL_ROLES, NO_ROLE)
MATRIX_FILE = Path(frappe.get_app_path("ksad_app")).parent / "docs" / "permission-matrix.md"
REGENERATE = (
	"KSAD_WRITE_MATRIX=1 bench --site <site> run-tests --module ksad_app.tests.test_permission_matrix"
)

# --- the records of each scope ------------------------------------------------------------------------
# Three groups of cooperations, each with a different supervisor (Pasal 2, 3):
#   bandung: Kota Bandung and Kota Cimahi, kab/kota of Jawa Barat -> TKKSD-32
#   dki:     DKI Jakarta and Kota Bekasi, a province with a kota   -> SEKBER
#   jateng:  Kabupaten Cilacap and Kabupaten Banyumas (Jawa Tengah) -> TKKSD-33
# and the Gubernur's reports (Pasal 13) of Jawa Barat (gov32) and Jawa Tengah (gov33).
GROUPS = {
	"bandung": {"parties": [("32.73", OFFICER_BANDUNG), ("32.77", OFFICER_CIMAHI)], "body": "TKKSD-32"},
	"dki": {"parties": [("31", None), ("32.75", OFFICER_BEKASI)], "body": "SEKBER"},
	"jateng": {"parties": [("33.01", OFFICER_CILACAP), ("33.02", None)], "body": "TKKSD-33"},
}
MEMBER_OF = {"TKKSD-32": TKKSD_JABAR, "SEKBER": SEKBER, "TKKSD-33": TKKSD_JATENG}
REPORT_SUBJECTS = {
	"bandung": {"report_type": reporting.PASAL_12, "supervisory_body": "TKKSD-32"},
	"dki": {"report_type": reporting.PASAL_8, "supervisory_body": "SEKBER"},
	"jateng": {"report_type": reporting.PASAL_12, "supervisory_body": "TKKSD-33"},
	"gov32": {"report_type": reporting.PASAL_13, "province": "32"},
	"gov33": {"report_type": reporting.PASAL_13, "province": "33"},
}
REPORTER = {"bandung": TKKSD_JABAR, "dki": SEKBER, "jateng": TKKSD_JATENG, "gov32": GOVERNOR_JABAR}
MARK = TEST_PREFIX + "Matriks"
# The reports' period (their narrative carries MARK, by which a purge finds them).
REPORT_PERIOD = {"period_start": "2025-01-02", "period_end": "2025-12-30"}
REGISTRATION_NOTE = "Register uji matriks hak akses"
CASH = [{"description": "Saldo rekening bersama", "asset_class": "Uang", "assessed_value": 1_000_000}]

# Throwaway master data, outside every test user's region (province 65, Kalimantan Utara).
THROWAWAY = {
	REGION: "65.99",
	BODY: "TKKSD-65",
	AFFAIR: MARK + " Urusan",
	GUIDANCE: "99.z.1",
	NOTICE: "ksad-matrix-notice",
}
# What a create attempt inserts (rolled back at once).
NEW_MASTER = {
	REGION: {"region_code": "65.98", "region_name": MARK + " Kota Baru", "region_type": "Kota"},
	BODY: {"body_type": "Tim Koordinasi Kerja Sama Daerah", "province": "64"},
	AFFAIR: {"affair_name": MARK + " Urusan Baru", "affair_category": "Pilihan"},
	GUIDANCE: {
		"code": "99.z.2",
		"article": "Pasal 10",
		"body_type": "Tim Koordinasi Kerja Sama Daerah",
		"stage": "Penjajakan",
		"description": MARK + " butir baru",
	},
	NOTICE: {"status": "Queued", "subject": MARK + " pemberitahuan baru"},
}

# Who stands for each role, and which records are theirs ("own") and another's ("other").
# Users with no region or body (the Ministry, the KSAD Manager, no role) get the same pair:
# "✓ all" then means they reach both.
ROLE_SCOPE = {
	REGIONAL_OFFICER: (OFFICER_BANDUNG, "bandung", "jateng"),
	SEKRETARIAT_BERSAMA_MEMBER: (SEKBER, "dki", "bandung"),
	TKKSD_MEMBER: (TKKSD_JABAR, "bandung", "jateng"),
	GOVERNOR_OFFICE: (GOVERNOR_JABAR, "bandung", "jateng"),
	MINISTRY_OFFICIAL: (MINISTRY, "bandung", "jateng"),
	KSAD_MANAGER: (MANAGER, "bandung", "jateng"),
	NO_ROLE: (OUTSIDER, "bandung", "jateng"),
}
# The Governor Office writes the Gubernur's reports (Pasal 13) and reads its TKKSD's once submitted (Pasal 12).
GOVERNOR_REPORTS = ("gov32", "gov33")
# Master data read: a record of Jawa Barat (own for the test users tied to it) and one elsewhere.
MASTER_READ = {REGION: ("32.73", "33.01"), BODY: ("TKKSD-32", "TKKSD-33")}

# Which of the matrix's cooperation groups each user of the world sees (REQUIREMENTS.md, "Who uses it").
MATRIX_VISIBLE = {
	OFFICER_BANDUNG: {"bandung"},
	OFFICER_BEKASI: {"dki"},
	OFFICER_CILACAP: {"jateng"},
	OFFICER_CIMAHI: {"bandung"},
	SEKBER: {"dki"},
	TKKSD_JABAR: {"bandung"},
	TKKSD_JATENG: {"jateng"},
	GOVERNOR_JABAR: {"bandung", "dki"},
	MINISTRY: set(GROUPS),
	MANAGER: set(GROUPS),
}


@dataclass(frozen=True)
class Row:
	"""One line of the matrix: an action on a DocType, checked on records in ``state``."""

	doctype: str
	action: str
	ptype: str
	state: str = "draft"  # draft, submitted, cancelled: the state the action applies to
	label: str = ""

	@property
	def title(self) -> str:
		return self.label or self.action


def rows_of(doctype: str, actions: tuple[str, ...]) -> list[Row]:
	state = {"cancel": "submitted", "amend": "cancelled"}
	return [Row(doctype, a, a, state.get(a, "draft")) for a in actions]


BASIC = ("read", "write", "create", "delete")
SUBMITTABLE = ("read", "write", "create", "submit", "cancel", "amend", "delete")
ROWS = [
	*rows_of(COOPERATION, BASIC),
	*rows_of(ACTIVITY, SUBMITTABLE),
	*rows_of(ISSUE, BASIC),
	*rows_of(TERMINATION, SUBMITTABLE),
	*rows_of(REPORT, SUBMITTABLE[:1]),
	Row(REPORT, "read", "read", "submitted", "read once submitted"),
	*rows_of(REPORT, SUBMITTABLE[1:]),
	*rows_of(BODY, BASIC),
	*rows_of(REGION, BASIC),
	*rows_of(AFFAIR, BASIC),
	*rows_of(GUIDANCE, BASIC),
	*rows_of(SETTINGS, ("read", "write")),
	*rows_of(NOTICE, BASIC),
]
SCOPED = (COOPERATION, ACTIVITY, ISSUE, TERMINATION, REPORT)

# The expected matrix, one column per role in the order of COLUMNS:
# KSAD Regional Officer, Sekretariat Bersama Member, TKKSD Member, Governor Office,
# Ministry Official, KSAD Manager, no KSAD role.
#   own  = on records of the user's own region or body only
#   all  = on every record (master data, or a role that sees the whole country)
#   none = refused
# From REQUIREMENTS.md, "Who uses it", and the decisions of the README it refers to.
EXPECTED_TEXT = """
# Officers register and keep their region's cooperations; members of the body write only to apply the
# workflow (the controller keeps them off the data); the Ministry reads the whole country.
Inter-Regional Cooperation | read    | own  own  own  own  all  all  none
Inter-Regional Cooperation | write   | own  own  own  none none all  none
Inter-Regional Cooperation | create  | own  none none none none all  none
Inter-Regional Cooperation | delete  | none none none none none all  none
# Activities: recorded by a member of the body that acted, nobody on their behalf; read with the cooperation.
Supervision Activity       | read    | own  own  own  own  all  all  none
Supervision Activity       | write   | none own  own  none none none none
Supervision Activity       | create  | none own  own  none none none none
Supervision Activity       | submit  | none own  own  none none none none
Supervision Activity       | cancel  | none own  own  none none none none
Supervision Activity       | amend   | none own  own  none none none none
Supervision Activity       | delete  | none own  own  none none none none
# Problems and disputes: an officer raises one for their region, the body answers (Pasal 6/10 d.2, d.3, d.5).
Cooperation Issue          | read    | own  own  own  own  all  all  none
Cooperation Issue          | write   | own  own  own  none none all  none
Cooperation Issue          | create  | own  none none none none all  none
Cooperation Issue          | delete  | none none none none none all  none
# Termination: prepared, submitted and amended by the parties' officers (Pasal 6/10 d.4); the body reads.
Cooperation Termination    | read    | own  own  own  own  all  all  none
Cooperation Termination    | write   | own  none none none none none none
Cooperation Termination    | create  | own  none none none none none none
Cooperation Termination    | submit  | own  none none none none none none
Cooperation Termination    | cancel  | own  none none none none none none
Cooperation Termination    | amend   | own  none none none none none none
Cooperation Termination    | delete  | own  none none none none none none
# Reports: a body's members report to the Minister or the Gubernur (Pasal 8, 12); the Governor Office
# writes the Gubernur's (Pasal 13) and reads its province's TKKSD reports once submitted.
Supervision Report         | read    | none own  own  own  all  all  none
Supervision Report         | read once submitted | none own own own all all none
Supervision Report         | write   | none own  own  own  none none none
Supervision Report         | create  | none own  own  own  none none none
Supervision Report         | submit  | none own  own  own  none none none
Supervision Report         | cancel  | none own  own  own  none none none
Supervision Report         | amend   | none own  own  own  none none none
Supervision Report         | delete  | none own  own  own  none none none
# Master data and settings: national, read by every role, kept by the KSAD Manager. The guidance catalogue is
# the regulation's own text, loaded (and corrected) by every migrate: nobody edits it but a System Manager.
Supervisory Body           | read    | all  all  all  all  all  all  none
Supervisory Body           | write   | none none none none none all  none
Supervisory Body           | create  | none none none none none all  none
Supervisory Body           | delete  | none none none none none all  none
Regional Government        | read    | all  all  all  all  all  all  none
Regional Government        | write   | none none none none none all  none
Regional Government        | create  | none none none none none all  none
Regional Government        | delete  | none none none none none all  none
Government Affair          | read    | all  all  all  all  all  all  none
Government Affair          | write   | none none none none none all  none
Government Affair          | create  | none none none none none all  none
Government Affair          | delete  | none none none none none all  none
Guidance Item              | read    | all  all  all  all  all  all  none
Guidance Item              | write   | none none none none none none none
Guidance Item              | create  | none none none none none none none
Guidance Item              | delete  | none none none none none none none
KSAD Settings              | read    | all  all  all  all  all  all  none
KSAD Settings              | write   | none none none none none all  none
# The outbox of notices (ksad_app/notifications/outbox.py): written and sent by the app itself, read by the
# System Manager only; what a notice says reaches its recipients as their Notification Log.
KSAD Notice                | read    | none none none none none none none
KSAD Notice                | write   | none none none none none none none
KSAD Notice                | create  | none none none none none none none
KSAD Notice                | delete  | none none none none none none none
"""

# Cells that depart from REQUIREMENTS.md and cannot be corrected in the DocType permissions or in
# ksad_app/permissions.py; the document marks them with † and explains them.
DEPARTURES: dict[tuple[str, str, str], str] = {}
DEPARTURE_NOTES: dict[str, str] = {}
# (None now: the officers' and Governor Office's User Permissions are for Inter-Regional
# Cooperation only, so the Regional Government master is national for them too.)


def parse_expected(text: str) -> dict[tuple[str, str], dict[str, str]]:
	out = {}
	for line in text.strip().splitlines():
		if line.startswith("#"):
			continue
		doctype, action, cells = (part.strip() for part in line.split("|"))
		values = cells.split()
		assert len(values) == len(COLUMNS), line
		out[(doctype, action)] = dict(zip(COLUMNS, values, strict=True))
	return out


EXPECTED = parse_expected(EXPECTED_TEXT)


def symbol(results: dict[str, bool]) -> str:
	"""``{"own": bool, "other": bool}`` or ``{"all": bool}`` -> all / own / other / none."""
	if "all" in results:
		return "all" if results["all"] else "none"
	own, other = results["own"], results["other"]
	return {(True, True): "all", (True, False): "own", (False, True): "other", (False, False): "none"}[
		(own, other)
	]


CELL_TEXT = {"all": "✓ all", "own": "✓ own", "other": "✓ other only", "none": "✗"}


# --- building the records ---------------------------------------------------------------------------


def as_user(user: str, fn, *args, **kwargs):
	frappe.set_user(user)
	try:
		return fn(*args, **kwargs)
	finally:
		frappe.set_user("Administrator")


@contextmanager
def mail_off():
	"""No outgoing e-mail account while the test builds its records (rendering each e-mail takes a second).

	The account is switched off and back on inside the same transaction, so nothing of it is committed.
	The notifications themselves are tested elsewhere (test_workflow, test_cooperation_issue).
	"""
	account = frappe.db.get_value("Email Account", {"enable_outgoing": 1, "default_outgoing": 1})
	if account:
		frappe.db.set_value("Email Account", account, "default_outgoing", 0, update_modified=False)
	try:
		yield
	finally:
		if account:
			frappe.db.set_value("Email Account", account, "default_outgoing", 1, update_modified=False)


def commit() -> None:
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the REST checks run in a separate server process


def register(group: str, stage: str, tag: str, **fields) -> str:
	"""A cooperation of ``group`` registered at ``stage`` by the KSAD Manager (issue 9)."""
	dated = {k: v for k, v in READY_FOR_PELAKSANAAN.items() if not k.endswith("_file")}
	doc = frappe.get_doc(
		{
			"doctype": COOPERATION,
			"title": f"{MARK} {group} {tag}",
			"parties": [{"regional_government": c, "contact_user": u} for c, u in GROUPS[group]["parties"]],
			"registration_stage": stage,
			"registration_note": REGISTRATION_NOTE,
			**READY_FOR_NEGOSIASI,
			**dated,
			**fields,
		}
	)
	return as_user(MANAGER, doc.insert).name


def activity(group: str, state: str) -> str:
	body = GROUPS[group]["body"]
	doc = new_activity(
		MEMBER_OF[body],
		Records.coop[("activities", group)],
		body=body,
		submit=state != "draft",
		activity_type="Pengawasan",
		items=[],
		findings=f"{MARK}: laporan pelaksanaan belum lengkap",
	)
	if state == "cancelled":
		as_user(MEMBER_OF[body], frappe.get_doc(ACTIVITY, doc.name).cancel)
	return doc.name


def issue(group: str) -> str:
	code, officer = next((c, u) for c, u in GROUPS[group]["parties"] if u)
	return raise_issue(officer, Records.coop[("activities", group)], raised_by=code).name


def officer_of(group: str) -> str:
	return next(u for _c, u in GROUPS[group]["parties"] if u)


def termination(group: str, state: str) -> str:
	officer = officer_of(group)
	coop = Records.coop[("submitted_termination" if state == "submitted" else "termination", group)]
	doc = new_termination(officer, coop, submit=state != "draft", assets=CASH, liabilities=[])
	if state == "cancelled":
		as_user(officer, frappe.get_doc(TERMINATION, doc.name).cancel)
	return doc.name


def report(subject: str, state: str) -> str:
	author = REPORTER.get(subject, "Administrator")
	doc = new_report(author, narrative=f"<p>{MARK}</p>", **REPORT_SUBJECTS[subject], **REPORT_PERIOD)
	if state != "draft":
		compile_report(doc.name)
		doc = frappe.get_doc(REPORT, doc.name)
		doc.submit()
		if state == "cancelled":
			doc.cancel()
	return doc.name


def throwaway(doctype: str) -> str:
	name = THROWAWAY[doctype]
	values = {
		REGION: {"region_code": name, "region_name": MARK + " Kota", "region_type": "Kota"},
		BODY: {"body_type": "Tim Koordinasi Kerja Sama Daerah", "province": "65"},
		AFFAIR: {"affair_name": name, "affair_category": "Pilihan"},
		GUIDANCE: {**NEW_MASTER[GUIDANCE], "code": name, "description": MARK + " butir"},
		NOTICE: {"status": "Sent", "subject": MARK + " pemberitahuan"},
	}[doctype]
	if doctype == REGION:
		values["parent_regional_government"] = "65"
	return frappe.get_doc({"doctype": doctype, **values}).insert(set_name=name).name


class Records:
	"""The matrix's records, by (doctype, state, scope key); rebuilt when a REST DELETE removes one."""

	coop: dict[tuple[str, str], str] = {}
	docs: dict[tuple[str, str, str], str] = {}

	@classmethod
	def build(cls) -> None:
		for group in GROUPS:
			# at Pelaksanaan, ending within 90 days (Agreements Ending Soon): activities and an issue
			cls.coop[("activities", group)] = register(
				group, "Pelaksanaan", "pelaksanaan", end_date=str(add_days(today(), 90))
			)
			# at Pengakhiran: a cancelled termination and a draft; another with a submitted one
			cls.coop[("termination", group)] = register(group, "Pengakhiran", "pengakhiran")
			cls.coop[("submitted_termination", group)] = register(group, "Pengakhiran", "diakhiri")
		for group in GROUPS:
			cls.docs[(COOPERATION, "draft", group)] = cls.make(COOPERATION, "draft", group)
			for state in ("draft", "submitted", "cancelled"):
				cls.docs[(ACTIVITY, state, group)] = activity(group, state)
			cls.docs[(ISSUE, "draft", group)] = issue(group)
			for state in ("cancelled", "draft", "submitted"):
				cls.docs[(TERMINATION, state, group)] = termination(group, state)
		for subject in REPORT_SUBJECTS:
			for state in ("draft", "submitted", "cancelled"):
				cls.docs[(REPORT, state, subject)] = report(subject, state)
		for doctype in THROWAWAY:
			cls.docs[(doctype, "draft", "all")] = throwaway(doctype)
		for doctype, (own, other) in MASTER_READ.items():
			cls.docs[(doctype, "read", "own")] = own
			cls.docs[(doctype, "read", "other")] = other
		cls.docs[(SETTINGS, "draft", "all")] = SETTINGS

	@classmethod
	def make(cls, doctype: str, state: str, key: str) -> str:
		"""A fresh record for (doctype, state, key): the first time, or after a REST DELETE removed it."""
		if doctype == COOPERATION:
			# at Pengakhiran, with nothing linked: deletable, and where a termination may be created
			return register(key, "Pengakhiran", "kosong")
		if doctype == ACTIVITY:
			return activity(key, state)
		if doctype == ISSUE:
			return issue(key)
		if doctype == TERMINATION:
			return termination(key, state)
		if doctype == REPORT:
			return report(key, state)
		return throwaway(doctype)

	@classmethod
	def get(cls, doctype: str, state: str, key: str) -> str:
		return cls.docs[(doctype, state, key)]


def purge() -> None:
	"""Remove every record of the matrix, this run's and any an interrupted run left (committed)."""
	coops = frappe.get_all(COOPERATION, filters={"title": ("like", MARK + " %")}, pluck="name")
	linked = {
		doctype: frappe.get_all(doctype, filters={"cooperation": ("in", coops or [""])}, pluck="name")
		for doctype in (ACTIVITY, ISSUE, TERMINATION)
	}
	reports = frappe.get_all(REPORT, filters={"narrative": ("like", f"%{MARK}%")}, pluck="name")
	masters = {
		REGION: [THROWAWAY[REGION], NEW_MASTER[REGION]["region_code"]],
		BODY: [THROWAWAY[BODY], "TKKSD-" + NEW_MASTER[BODY]["province"]],
		AFFAIR: [THROWAWAY[AFFAIR], NEW_MASTER[AFFAIR]["affair_name"]],
		GUIDANCE: [THROWAWAY[GUIDANCE], NEW_MASTER[GUIDANCE]["code"]],
		NOTICE: [
			THROWAWAY[NOTICE],
			*frappe.get_all(NOTICE, filters={"subject": ("like", MARK + " %")}, pluck="name"),
		],
	}
	for doctype, names in (
		(REPORT, reports),
		(TERMINATION, linked[TERMINATION]),
		(ISSUE, linked[ISSUE]),
		(ACTIVITY, linked[ACTIVITY]),
		(COOPERATION, coops),
	):
		remove(doctype, names)
	for doctype, names in masters.items():
		for name in names:
			if frappe.db.exists(doctype, name):
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)
	commit()


def remove(doctype: str, names: list[str]) -> None:
	"""Delete rows of ``doctype`` with their child rows and what Frappe recorded about them."""
	if not names:
		return
	for table in frappe.get_meta(doctype).get_table_fields():
		frappe.db.delete(table.options, {"parent": ("in", names), "parenttype": doctype})
	frappe.db.delete("Cooperation Guidance Record", {"supervision_activity": ("in", names)})
	frappe.db.delete("Version", {"ref_doctype": doctype, "docname": ("in", names)})
	frappe.db.delete("Comment", {"reference_doctype": doctype, "reference_name": ("in", names)})
	frappe.db.delete("Notification Log", {"document_type": doctype, "document_name": ("in", names)})
	frappe.db.delete("KSAD Notice", {"reference_doctype": doctype, "reference_name": ("in", names)})
	queued = frappe.get_all(
		"Email Queue", filters={"reference_doctype": doctype, "reference_name": ("in", names)}, pluck="name"
	)
	if queued:
		frappe.db.delete("Email Queue Recipient", {"parent": ("in", queued)})
		frappe.db.delete("Email Queue", {"name": ("in", queued)})
	frappe.db.delete(doctype, {"name": ("in", names)})


# --- observing -------------------------------------------------------------------------------------


def targets(row: Row, column: str) -> list[tuple[str, str]]:
	"""``[(scope, record key)]`` the cell is checked on: ``own`` and ``other``, or ``all``."""
	_user, own, other = ROLE_SCOPE[column]
	if row.doctype in SCOPED:
		if row.doctype == REPORT and column == GOVERNOR_OFFICE and row.title == row.action:
			own, other = GOVERNOR_REPORTS
		return [("own", own), ("other", other)]
	if row.action == "read" and row.doctype in MASTER_READ:
		return [("own", "own"), ("other", "other")]
	return [("all", "all")]


def record(row: Row, key: str) -> str:
	if row.action == "read" and row.doctype in MASTER_READ:
		return Records.get(row.doctype, "read", key)
	return Records.get(row.doctype, row.state, key)


def creation(doctype: str, key: str) -> dict:
	"""A new record of ``doctype`` in the scope ``key``, as its user would enter it."""
	if doctype == COOPERATION:
		parties = [{"regional_government": c} for c, _u in GROUPS[key]["parties"]]
		return {"title": f"{MARK} baru {key}", "parties": parties}
	if doctype == ACTIVITY:
		return {
			"cooperation": Records.coop[("activities", key)],
			"supervisory_body": GROUPS[key]["body"],
			"activity_type": "Pengawasan",
			"activity_date": today(),
			"description": MARK,
			"findings": MARK,
		}
	if doctype == ISSUE:
		code = next(c for c, u in GROUPS[key]["parties"] if u)
		return {
			"cooperation": Records.coop[("activities", key)],
			"issue_type": "Permasalahan",
			"raised_by": code,
			"description": MARK,
		}
	if doctype == TERMINATION:
		return {
			"cooperation": Records.get(COOPERATION, "draft", key),
			"termination_date": today(),
			"reason": "Jangka waktu berakhir",
			"assets": CASH,
		}
	if doctype == REPORT:
		return {**REPORT_SUBJECTS[key], "period_start": "2024-01-01", "period_end": "2024-06-30"}
	values = dict(NEW_MASTER[doctype])
	if doctype == REGION:
		values["parent_regional_government"] = "65"
	return values


def may_create(doctype: str, key: str, user: str) -> bool:
	"""Insert a new record as ``user`` and roll it back: refused with a PermissionError, or not.

	Any other error means the record the test built is wrong, and fails the test.
	"""
	doc = frappe.get_doc({"doctype": doctype, **creation(doctype, key)})
	frappe.set_user(user)
	try:
		with mail_off():
			doc.insert()
		return True
	except frappe.PermissionError:
		return False
	finally:
		frappe.set_user("Administrator")
		frappe.db.rollback()
		frappe.clear_messages()


def observe_in_process() -> dict[tuple[str, str, str], str]:
	"""(doctype, row title, column) -> all / own / other / none, through has_permission and inserts.

	Each record is loaded once and handed to ``frappe.has_permission`` as a document (the hooks read
	what is stored anyway). A create is tried only when the role may create at all: Frappe's insert
	refuses first thing otherwise, with the same ``frappe.has_permission(doctype, "create")``.
	"""
	observed = {}
	loaded: dict[tuple[str, str], object] = {}
	for row in ROWS:
		for column in COLUMNS:
			user = ROLE_SCOPE[column][0]
			results = {}
			for scope, key in targets(row, column):
				if row.action == "create":
					results[scope] = frappe.has_permission(row.doctype, "create", user=user) and may_create(
						row.doctype, key, user
					)
					continue
				name = record(row, key)
				if (row.doctype, name) not in loaded:
					loaded[(row.doctype, name)] = frappe.get_doc(row.doctype, name)
				doc = loaded[(row.doctype, name)]
				results[scope] = bool(frappe.has_permission(row.doctype, row.ptype, doc, user=user))
			observed[(row.doctype, row.title, column)] = symbol(results)
	return observed


def differences(observed: dict, channel: str) -> list[str]:
	out = []
	for (doctype, title, column), got in observed.items():
		want = EXPECTED[(doctype, title)][column]
		if got != want:
			out.append(f"{channel}: {doctype} / {title} / {column}: expected {want}, observed {got}")
	return out


# --- the document ------------------------------------------------------------------------------------


def render(observed: dict) -> str:
	header = " | ".join(("DocType", "action", *COLUMNS))
	lines = [
		"# Permission matrix",
		"",
		"<!-- Generated by ksad_app/tests/test_permission_matrix.py from what the site enforces."
		f" Do not edit by hand; regenerate with: {REGENERATE} -->",
		"",
		"Who may do what with each DocType of the app, as a test observes it on a real site with real users"
		" of each role (`ksad_app/tests/test_permission_matrix.py`). The test fails when this file differs"
		" from what it observes, so the table is what the app enforces. Every cell is checked through"
		" `frappe.has_permission` (for *create*: by inserting a record as the user, so that the"
		" controllers' checks of region and body count too), every *read* cell also through"
		" `frappe.get_list` and link search, and, when a test server runs (`KSAD_TEST_SERVER_URL`),"
		" through the REST API with real logins (`GET`, `PUT`, `DELETE /api/resource/...`). The script"
		" reports are run as each user and show only rows of their scope.",
		"",
		"Legend: **✓ own**: allowed on a record of the user's own region or supervisory body, refused on"
		" another's; **✓ all**: allowed on every record (national master data, or a role that sees the whole"
		" country); **✗**: refused"
		+ ("; **†**: departs from REQUIREMENTS.md, see the notes below the table." if DEPARTURES else ".")
		+ " *Submit*, *cancel* and *amend* apply to submittable DocTypes only and are checked on a draft, a"
		" submitted and a cancelled record; the other actions on a draft, and *read once submitted* on a"
		" submitted record. Frappe inserts an amendment with the *create* permission, which"
		" every role that may amend also has. Child tables (parties, members, goods, report lines...) go"
		" with their parent. *System Manager* and *Administrator* may do everything and are not shown.",
		"",
		f"| {header} |",
		"|" + "---|" * (len(COLUMNS) + 2),
	]
	for row in ROWS:
		cells = []
		for column in COLUMNS:
			text = CELL_TEXT[observed[(row.doctype, row.title, column)]]
			if (row.doctype, row.title, column) in DEPARTURES:
				text += " †"
			cells.append(text)
		lines.append(f"| {row.doctype} | {row.title} | " + " | ".join(cells) + " |")
	lines += guest_lines()
	lines += [
		"",
		"## Who stands for each role",
		"",
		"The users and records of the test world (`ksad_app/tests/__init__.py`). A record's scope is the"
		" cooperation it belongs to: *bandung* (Kota Bandung and Kota Cimahi, supervised by TKKSD-32),"
		" *dki* (DKI Jakarta and Kota Bekasi, by the Sekretariat Bersama), *jateng* (Kabupaten Cilacap and"
		" Kabupaten Banyumas, by TKKSD-33); a Supervision Report's is its body's (the TKKSD or the Sekretariat"
		" Bersama). The Governor Office's own reports are the Gubernur's (Pasal 13): *gov32* of Jawa Barat,"
		" *gov33* of Jawa Tengah; on the row *read once submitted* its records are the submitted TKKSD"
		" reports of its province and of another (Pasal 12). For the master data, *own* is a"
		f" record of Jawa Barat ({', '.join(v[0] for v in MASTER_READ.values())}) and *other* one"
		f" elsewhere ({', '.join(v[1] for v in MASTER_READ.values())}).",
		"",
		"| role | user | ties | own | other |",
		"|---|---|---|---|---|",
	]
	for column in COLUMNS:
		user, own, other = ROLE_SCOPE[column]
		roles, regions = USERS[user]
		ties = []
		if regions:
			ties.append("User Permission " + ", ".join(f"`{r}`" for r in regions))
		bodies = sorted(b for b, member in MEMBER_OF.items() if member == user)
		if bodies:
			ties.append("member of " + ", ".join(f"`{b}`" for b in bodies))
		if column == NO_ROLE:
			ties.append("role " + ", ".join(roles) + " only")
		if column == GOVERNOR_OFFICE:
			own = f"{own}; reports: {GOVERNOR_REPORTS[0]}, once submitted: {own}"
			other = f"{other}; reports: {GOVERNOR_REPORTS[1]}, once submitted: {other}"
		lines.append(f"| {column} | `{user}` | {'; '.join(ties) or '—'} | {own} | {other} |")
	notes = sorted({DEPARTURES[k] for k in DEPARTURES})
	if notes:
		lines += ["", "## Departures from REQUIREMENTS.md", ""]
		for note in notes:
			cells = ", ".join(f"{d} / {a} / {c}" for (d, a, c), n in DEPARTURES.items() if n == note)
			lines.append(f"† ({cells}) {DEPARTURE_NOTES[note]}")
			lines.append("")
		lines.pop()
	return "\n".join(lines) + "\n"


def guest_lines() -> list[str]:
	"""The Guest row: a visitor without a login (checked over HTTP by ksad_app.tests.test_public_register)."""
	doctypes = list(dict.fromkeys(row.doctype for row in ROWS))
	return [
		"",
		"## Guest (no login)",
		"",
		"A visitor without a login is refused (403) every DocType of the app, by every route, and every"
		" whitelisted method of the app but one; `ksad_app/tests/test_public_register.py` checks it over"
		" HTTP with no cookie. Open to guests, public fields only: the public register `/kerja-sama-daerah`,"
		" the page of each published cooperation `/kerja-sama-daerah/<number>` (404 for one not published,"
		" cancelled or unknown), its sitemap, and the open data (`/kerja-sama-daerah.csv`, `.json`,"
		" `ksad_app.public_register.api.open_data`, rate-limited); see the README, *Public register*.",
		"",
		"| DocType | Guest: `/api/resource`, `frappe.client.get_list`/`get_count`/`get_value`,"
		" `frappe.desk.reportview.get`, link search, `getdoctype` |",
		"|---|---|",
		*(f"| {doctype} | ✗ |" for doctype in doctypes),
		"| the script and Report Builder reports (`frappe.desk.query_report.run`) | ✗ |",
		"| the app's whitelisted methods, but `open_data` | ✗ |",
	]


class TestPermissionMatrix(WorldTestCase):
	observed: dict | None = None

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		started = time.monotonic()
		frappe.local.lang = "en"
		purge()
		with mail_off():
			Records.build()
		commit()
		print(f"\npermission matrix: records built in {time.monotonic() - started:.1f} s")

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		purge()
		super().tearDownClass()

	def setUp(self):
		frappe.local.lang = "en"
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	@classmethod
	def matrix(cls) -> dict:
		if cls.observed is None:
			started = time.monotonic()
			cls.observed = observe_in_process()
			print(
				f"\npermission matrix: {len(cls.observed)} cells observed in {time.monotonic() - started:.1f} s"
			)
		return cls.observed

	# --- the matrix and its document -------------------------------------------------------------

	def test_the_matrix_covers_every_doctype_of_the_module_every_role_and_action(self):
		doctypes = set(frappe.get_all("DocType", filters={"module": "KSAD", "istable": 0}, pluck="name"))
		self.assertEqual({row.doctype for row in ROWS}, doctypes)
		self.assertEqual(set(EXPECTED), {(row.doctype, row.title) for row in ROWS})
		self.assertEqual(set(ROLE_SCOPE), set(COLUMNS))
		for doctype in sorted(doctypes):
			meta = frappe.get_meta(doctype)
			actions = {row.action for row in ROWS if row.doctype == doctype}
			with self.subTest(doctype=doctype):
				if meta.issingle:
					self.assertEqual(actions, {"read", "write"})
				else:
					self.assertEqual(actions, set(SUBMITTABLE if meta.is_submittable else BASIC))
				# no role outside the matrix holds a permission on it
				self.assertLessEqual({p.role for p in meta.permissions}, {*ALL_ROLES, "System Manager"})

	def test_has_permission_and_create_follow_the_expected_matrix(self):
		self.assertEqual(differences(self.matrix(), "has_permission / insert"), [])

	def test_document_is_the_observed_matrix(self):
		text = render(self.matrix())
		if os.environ.get("KSAD_WRITE_MATRIX") == "1":
			MATRIX_FILE.parent.mkdir(exist_ok=True)
			MATRIX_FILE.write_text(text, encoding="utf-8")
			print(f"\npermission matrix: wrote {MATRIX_FILE}")
			return
		current = MATRIX_FILE.read_text(encoding="utf-8") if MATRIX_FILE.exists() else ""
		if current != text:
			diff = difflib.unified_diff(
				current.splitlines(), text.splitlines(), "committed", "observed", lineterm="", n=0
			)
			self.fail(
				"docs/permission-matrix.md is not what the site enforces; check the change, then regenerate"
				f" it with:\n  {REGENERATE}\n" + "\n".join(list(diff)[:40])
			)

	# --- lists and link search -----------------------------------------------------------------------

	def test_get_list_and_link_search_agree_with_every_read_cell(self):
		problems = []
		for row in (r for r in ROWS if r.action == "read" and r.doctype != SETTINGS):
			for column in COLUMNS:
				user = ROLE_SCOPE[column][0]
				scopes = {record(row, key): scope for scope, key in targets(row, column)}
				wanted = EXPECTED[(row.doctype, row.title)][column]
				frappe.set_user(user)
				try:
					try:
						listed_names = set(
							frappe.get_list(row.doctype, filters={"name": ("in", list(scopes))}, pluck="name")
						)
					except frappe.PermissionError:
						listed_names = set()
					try:
						found = {
							r["value"]
							for r in search_link(
								row.doctype, "", filters={"name": ("in", list(scopes))}, page_length=50
							)
						}
					except frappe.PermissionError:
						found = set()
				finally:
					frappe.set_user("Administrator")
					frappe.clear_messages()
				for channel, names in (("get_list", listed_names), ("search_link", found)):
					seen = {scope: name in names for name, scope in scopes.items()}
					if symbol(seen) != wanted:
						problems.append(
							f"{channel}: {row.doctype} / {row.title} / {column}: expected {wanted}, got {symbol(seen)}"
						)
		self.assertEqual(problems, [])

	# --- script reports -----------------------------------------------------------------------------

	def test_script_reports_show_each_user_only_rows_of_their_scope(self):
		self.assertEqual(
			set(SCRIPT_REPORTS),
			set(
				frappe.get_all(
					"Report", filters={"module": "KSAD", "report_type": "Script Report"}, pluck="name"
				)
			),
		)
		group_of = {name: group for (_kind, group), name in Records.coop.items()}
		group_of.update({Records.get(COOPERATION, "draft", g): g for g in GROUPS})
		for user in MATRIX_VISIBLE:
			with self.subTest(user=user):
				visible = listed(user, COOPERATION)
				groups = MATRIX_VISIBLE[user]

				# KSAD Register: exactly the user's cooperations
				names = {r["name"] for r in rows(run_as(user, "KSAD Register"))}
				self.assertEqual(names, visible)
				self.assertEqual(self.visible_keys(names), EXPECTED_VISIBLE[user])
				self.assertEqual({group_of[n] for n in names if n in group_of}, groups)

				# Agreements Ending Soon: the matrix's cooperations at Pelaksanaan end within 90 days
				names = {
					r["name"]
					for r in run_as(user, "Agreements Ending Soon", **defaults("Agreements Ending Soon"))[
						"result"
					]
				}
				self.assertLessEqual(names, visible)
				self.assertEqual({group_of[n] for n in names if n in group_of}, groups)

				# Termination Division: per party of each termination (drafts included)
				out = rows(run_as(user, "Termination Division", include_drafts=1))
				names = {r["cooperation"] for r in out}
				self.assertLessEqual(names, visible)
				self.assertEqual({group_of[n] for n in names if n in group_of}, groups)

				# Cooperation by Stage and Province: per province, the user's cooperations with a party there
				expected = province_counts(visible)
				out = run_as(user, "Cooperation by Stage and Province")["result"]
				got = {r["province"]: r["total"] for r in out if r["province"] and r["total"]}
				self.assertEqual(got, expected)

				# Supervision Activity Recap: the last row counts each activity the user may read once
				filters = defaults("Supervision Activity Recap")
				out = run_as(user, "Supervision Activity Recap", **filters)["result"]
				total = next((r for r in out if r.get("is_total")), {})
				activities = listed(
					user,
					ACTIVITY,
					{
						"docstatus": 1,
						"activity_date": ("between", [filters["from_date"], filters["to_date"]]),
					},
				)
				self.assertEqual(total.get("total", 0), len(activities))
				bodies = {r["supervisory_body"] for r in out if not r.get("is_total")}
				self.assertLessEqual(
					bodies,
					set(
						frappe.get_all(
							ACTIVITY,
							filters={"name": ("in", list(activities) or [""])},
							pluck="supervisory_body",
						)
					),
				)
		for report in SCRIPT_REPORTS:
			with self.subTest(report=report, user=OUTSIDER), self.assertRaises(frappe.PermissionError):
				run_as(OUTSIDER, report)

	# --- the REST API -------------------------------------------------------------------------------

	@unittest.skipUnless(
		SERVER, "KSAD_TEST_SERVER_URL is not set: scripts/run-tests starts a server and sets it"
	)
	def test_rest_api_agrees_with_the_matrix(self):
		"""GET for read, PUT (no change) for write, DELETE for delete, as each role's user with a real login.

		The GETs and PUTs of the seven users run side by side, one thread per user; the DELETEs run one
		user at a time (on distinct records side by side), and a record a user deleted is built again
		before the next user tries.
		"""
		started = time.monotonic()
		sessions = {column: self.session(ROLE_SCOPE[column][0]) for column in COLUMNS}
		method_of = {"read": "GET", "write": "PUT", "delete": "DELETE"}
		checked = [
			row
			for row in ROWS
			if row.action in method_of and not (row.doctype == SETTINGS and row.action != "read")
		]
		results: dict[tuple[Row, str], dict[str, bool]] = {}
		problems: list[str] = []

		def attempt(row: Row, column: str, scope: str, name: str) -> None:
			method = method_of[row.action]
			allowed, detail = self.call(sessions[column], method, row.doctype, name)
			if allowed is None:
				problems.append(f"REST {method} {row.doctype} {name} as {column}: {detail}")
			results.setdefault((row, column), {})[scope] = bool(allowed)

		def user_reads_and_writes(column: str) -> None:
			for row in checked:
				if row.action != "delete":
					for scope, key in targets(row, column):
						attempt(row, column, scope, record(row, key))

		with ThreadPoolExecutor(max_workers=len(COLUMNS)) as pool:
			list(pool.map(user_reads_and_writes, COLUMNS))
		reads_and_writes = time.monotonic() - started

		deletes = [row for row in checked if row.action == "delete"]
		for column in COLUMNS:
			wave = [
				(row, scope, key, record(row, key)) for row in deletes for scope, key in targets(row, column)
			]
			with ThreadPoolExecutor(max_workers=8) as pool:
				list(pool.map(lambda t, column=column: attempt(t[0], column, t[1], t[3]), wave))
			frappe.db.rollback()  # a new snapshot: see what the server committed
			# first what is gone, then rebuild: Frappe gives the last name of a series out again once deleted
			gone = {(row, key) for row, _scope, key, name in wave if not frappe.db.exists(row.doctype, name)}
			for row, scope, key, name in wave:
				if ((row, key) in gone) != results[(row, column)][scope]:
					problems.append(
						f"REST DELETE {row.doctype} {name} as {column}: deleted {(row, key) in gone}"
					)
			with mail_off():
				for row, key in sorted(gone, key=lambda g: (ROWS.index(g[0]), g[1])):
					Records.docs[(row.doctype, row.state, key)] = Records.make(row.doctype, row.state, key)
			commit()

		for (row, column), seen in results.items():
			got, wanted = symbol(seen), EXPECTED[(row.doctype, row.title)][column]
			if got != wanted:
				problems.append(
					f"REST {method_of[row.action]}: {row.doctype} / {row.title} / {column}: expected {wanted}, got {got}"
				)
		calls = sum(len(seen) for seen in results.values())
		print(
			f"\npermission matrix: {calls} REST calls in {time.monotonic() - started:.1f} s"
			f" (logins, GET and PUT {reads_and_writes:.1f} s)"
		)
		self.assertEqual(sorted(problems), [])

	@staticmethod
	def call(session, method: str, doctype: str, name: str) -> tuple[bool | None, str]:
		"""True when the server allowed it, False when it refused with 403, None (and why) otherwise."""
		url = f"{SERVER}/api/resource/{quote(doctype)}/{quote(name, safe='')}"
		if method == "PUT":
			response = session.put(url, json={}, timeout=60)
		else:
			response = session.request(method, url, timeout=60)
		ok = {"GET": 200, "PUT": 200, "DELETE": 202}[method]
		if response.status_code == ok:
			return True, ""
		if response.status_code == 403:
			return False, ""
		return None, f"{response.status_code} {response.text[:300]}"


def province_counts(cooperations: set[str]) -> dict[str, int]:
	"""Per province code, how many of ``cooperations`` have the province or one of its kab/kota as a party."""
	if not cooperations:
		return {}
	parties = frappe.get_all(
		"Cooperation Party",
		filters={"parenttype": COOPERATION, "parent": ("in", sorted(cooperations))},
		fields=["parent", "regional_government"],
	)
	regions = {p.regional_government for p in parties}
	parent_of = dict(
		frappe.get_all(
			REGION,
			filters={"name": ("in", sorted(regions))},
			fields=["name", "parent_regional_government"],
			as_list=True,
		)
	)
	provinces: dict[str, set[str]] = {}
	for p in parties:
		province = parent_of.get(p.regional_government) or p.regional_government
		provinces.setdefault(province, set()).add(p.parent)
	return {province: len(names) for province, names in provinces.items()}
