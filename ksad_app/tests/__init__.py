"""Shared world for the site tier: real users, roles, user permissions, bodies and cooperations.

Everything here is created idempotently and *committed*, because the REST API
checks talk to a separate server process, which only sees committed rows.
Test cooperations are titled ``[TEST] ...`` so that assertions can ignore any
other data on the site (the demo, for instance).
"""

import os

import frappe
import requests
from frappe.tests.utils import FrappeTestCase
from frappe.utils.password import update_password

from ksad_app.roles import (
	GOVERNOR_OFFICE,
	KSAD_MANAGER,
	MINISTRY_OFFICIAL,
	REGIONAL_OFFICER,
	SEKRETARIAT_BERSAMA_MEMBER,
	TKKSD_MEMBER,
)
from ksad_app.setup.users import grant_region

# The running server of the test site (scripts/run-tests starts it), for the REST checks.
SERVER = os.environ.get("KSAD_TEST_SERVER_URL")
# A password for throwaway users on the local test site only.
TEST_PASSWORD = "Ksad-Test-Only-2026"
TEST_PREFIX = "[TEST] "

OFFICER_BANDUNG = "officer.bandung@ksad.test"
OFFICER_BEKASI = "officer.bekasi@ksad.test"
OFFICER_CILACAP = "officer.cilacap@ksad.test"
OFFICER_CIMAHI = "officer.cimahi@ksad.test"
SEKBER = "sekber.member@ksad.test"
TKKSD_JABAR = "tkksd.jabar@ksad.test"
TKKSD_JATENG = "tkksd.jateng@ksad.test"
GOVERNOR_JABAR = "governor.jabar@ksad.test"
MINISTRY = "ministry@ksad.test"
MANAGER = "manager@ksad.test"
OUTSIDER = "outsider@ksad.test"

USERS = {
	OFFICER_BANDUNG: ([REGIONAL_OFFICER], ["32.73"]),
	OFFICER_BEKASI: ([REGIONAL_OFFICER], ["32.75"]),
	OFFICER_CILACAP: ([REGIONAL_OFFICER], ["33.01"]),
	OFFICER_CIMAHI: ([REGIONAL_OFFICER], ["32.77"]),
	SEKBER: ([SEKRETARIAT_BERSAMA_MEMBER], []),
	TKKSD_JABAR: ([TKKSD_MEMBER], []),
	TKKSD_JATENG: ([TKKSD_MEMBER], []),
	GOVERNOR_JABAR: ([GOVERNOR_OFFICE], ["32"]),
	MINISTRY: ([MINISTRY_OFFICIAL], []),
	MANAGER: ([KSAD_MANAGER], []),
	OUTSIDER: (["Blogger"], []),
}

# Cooperation key -> (title, party codes)
COOPERATIONS = {
	# kab/kota of one province: TKKSD Jawa Barat (Pasal 3)
	"bandung_raya": ("Pengelolaan Sampah Regional Bandung Raya", ["32.73", "32.77", "32.17"]),
	# a province and a kota: Sekretariat Bersama (Pasal 2)
	"dki_bekasi": ("Pemanfaatan TPST Bantargebang", ["31", "32.75"]),
	# kab/kota of two provinces: TKKSD Jawa Barat and TKKSD Jawa Tengah jointly (Pasal 3)
	"cilacap_banjar": ("Pengelolaan Kawasan Perbatasan Citanduy", ["33.01", "32.79"]),
	# two provinces: Sekretariat Bersama (Pasal 2)
	"jabar_jateng": ("Konektivitas Jalan Provinsi Lintas Batas", ["32", "33"]),
}

# Who must see which cooperation (REQUIREMENTS.md, "Who uses it").
EXPECTED_VISIBLE = {
	OFFICER_BANDUNG: {"bandung_raya"},
	OFFICER_BEKASI: {"dki_bekasi"},
	OFFICER_CILACAP: {"cilacap_banjar"},
	OFFICER_CIMAHI: {"bandung_raya"},
	SEKBER: {"dki_bekasi", "jabar_jateng"},
	TKKSD_JABAR: {"bandung_raya", "cilacap_banjar"},
	TKKSD_JATENG: {"cilacap_banjar"},
	GOVERNOR_JABAR: {"bandung_raya", "dki_bekasi", "cilacap_banjar", "jabar_jateng"},
	MINISTRY: set(COOPERATIONS),
	MANAGER: set(COOPERATIONS),
}


def ensure_user(email: str, roles: list[str], regions: list[str]) -> str:
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0].replace(".", " ").title(),
				"send_welcome_email": 0,
				"user_type": "System User",
				"language": "id",
			}
		)
		user.flags.no_welcome_mail = True
		user.insert(ignore_permissions=True)
	user = frappe.get_doc("User", email)
	missing = [r for r in roles if r not in {d.role for d in user.roles}]
	if missing:
		user.add_roles(*missing)
	for region in regions:
		grant_region(email, region, ignore_permissions=True)
	update_password(email, TEST_PASSWORD)
	return email


def ensure_body(body_type: str, province: str | None, members: list[tuple[str, str, str | None]]) -> str:
	"""members: (member_name, position, user)"""
	name = f"TKKSD-{province}" if province else "SEKBER"
	doc = frappe.get_doc("Supervisory Body", name) if frappe.db.exists("Supervisory Body", name) else None
	if doc is None:
		doc = frappe.get_doc({"doctype": "Supervisory Body", "body_type": body_type, "province": province})
	have = {m.user for m in doc.members}
	for member_name, position, user in members:
		if user not in have:
			doc.append("members", {"member_name": member_name, "position": position, "user": user})
	doc.save(ignore_permissions=True)
	return doc.name


def ensure_cooperation(key: str) -> str:
	title, codes = COOPERATIONS[key]
	title = TEST_PREFIX + title
	existing = frappe.db.get_value("Inter-Regional Cooperation", {"title": title})
	if existing:
		return existing
	doc = frappe.get_doc(
		{
			"doctype": "Inter-Regional Cooperation",
			"title": title,
			"parties": [{"regional_government": c} for c in codes],
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name


def without_tkksd(province: str) -> None:
	"""Remove a province's TKKSD inside the current test transaction (rolled back after the class)."""
	name = f"TKKSD-{province}"
	frappe.db.delete("Supervisory Body Member", {"parent": name, "parenttype": "Supervisory Body"})
	frappe.db.delete("Supervisory Body", {"name": name})


TEST_OUTBOX = "KSAD Test Outbox"


def deliver_notices() -> int:
	"""Send the outbox's queued notices now, as their jobs would after the commit (the test keeps its transaction)."""
	from ksad_app.notifications.outbox import send_queued

	return send_queued(older_than=-3600, commit=False)


def ensure_outbox() -> None:
	"""An outgoing e-mail account, so that notifications are queued (Frappe sends nothing in tests)."""
	if frappe.db.exists("Email Account", TEST_OUTBOX):
		return
	frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": TEST_OUTBOX,
			"email_id": "ksad-outbox@ksad.test",
			"smtp_server": "localhost",
			"smtp_port": 25,
			"enable_outgoing": 1,
			"default_outgoing": 1,
			"no_smtp_authentication": 1,
			"enable_incoming": 0,
		}
	).insert(ignore_permissions=True)


def ensure_world() -> dict[str, str]:
	"""Users, bodies and the four test cooperations; returns cooperation key -> name."""
	ensure_outbox()
	for email, (roles, regions) in USERS.items():
		ensure_user(email, roles, regions)
	ensure_body("Sekretariat Bersama", None, [("Anggota Sekber", "Unsur Departemen Dalam Negeri", SEKBER)])
	ensure_body(
		"Tim Koordinasi Kerja Sama Daerah", "32", [("Anggota TKKSD Jabar", "Sekretaris Daerah", TKKSD_JABAR)]
	)
	ensure_body(
		"Tim Koordinasi Kerja Sama Daerah",
		"33",
		[("Anggota TKKSD Jateng", "Sekretaris Daerah", TKKSD_JATENG)],
	)
	names = {key: ensure_cooperation(key) for key in COOPERATIONS}
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the REST checks run in a separate server process
	return names


def new_cooperation(officer: str, codes: list[str], **fields) -> "frappe.model.document.Document":
	"""A cooperation registered by ``officer`` (its contact for the first party), inside the test transaction."""
	frappe.set_user(officer)
	parties = [{"regional_government": c} for c in codes]
	parties[0]["contact_user"] = officer
	doc = frappe.get_doc(
		{
			"doctype": "Inter-Regional Cooperation",
			"title": TEST_PREFIX + fields.pop("title", "Kerja Sama Uji"),
			"parties": parties,
			**fields,
		}
	).insert()
	frappe.set_user("Administrator")
	return doc


# What Frappe and the outbox record about a document: (DocType, its reference DocType field, its name field)
RECORDS_ABOUT = (
	("KSAD Notice", "reference_doctype", "reference_name"),
	("Notification Log", "document_type", "document_name"),
	("Version", "ref_doctype", "docname"),
	("Comment", "reference_doctype", "reference_name"),
	("Workflow Action", "reference_doctype", "reference_name"),
)


def delete_records_about(doctype: str, names: list[str]) -> None:
	"""Delete what Frappe and the outbox recorded about these documents: notices, notifications, versions,
	comments, workflow actions and e-mails (the test cleanups and ``ksad_app.scale.drills``)."""
	if not names:
		return
	for table, field, name_field in RECORDS_ABOUT:
		frappe.db.delete(table, {field: doctype, name_field: ("in", names)})
	queued = frappe.get_all(
		"Email Queue", filters={"reference_doctype": doctype, "reference_name": ("in", names)}, pluck="name"
	)
	if queued:
		frappe.db.delete("Email Queue Recipient", {"parent": ("in", queued)})
		frappe.db.delete("Email Queue", {"name": ("in", queued)})


def remove_committed(records: list[tuple[str, str]]) -> None:
	"""Delete committed test records in the order given (submitted ones too), with what was recorded about them.

	Test cleanup only: a submitted record is marked cancelled first, since
	Frappe refuses to delete a submitted one (which test_data_safety shows).
	"""
	frappe.db.rollback()
	frappe.set_user("Administrator")
	removed: dict[str, list[str]] = {}
	for doctype, name in records:
		if not frappe.db.exists(doctype, name):
			continue
		if frappe.get_meta(doctype).is_submittable and frappe.db.get_value(doctype, name, "docstatus") == 1:
			frappe.db.set_value(doctype, name, "docstatus", 2, update_modified=False)
		frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)
		removed.setdefault(doctype, []).append(name)
	for doctype, names in removed.items():
		delete_records_about(doctype, names)
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the rows were committed for the server


def remove_cooperations(names: list[str]) -> None:
	"""Take committed test cooperations away again: their terminations, issues and activities, then the
	cooperations.

	For tests whose rows a commit keeps (a separate server process, Frappe's own commit in
	``Email Queue.send``): a site kept between runs must not gather them.
	"""
	frappe.db.rollback()
	records = []
	if names:
		for doctype in ("Cooperation Termination", "Cooperation Issue", "Supervision Activity"):
			records += [
				(doctype, n)
				for n in frappe.get_all(doctype, filters={"cooperation": ("in", names)}, pluck="name")
			]
	remove_committed(records + [("Inter-Regional Cooperation", name) for name in names])


READY_FOR_NEGOSIASI = {
	"government_affair": "Lingkungan Hidup",
	"cooperation_object": "Pengolahan sampah di TPPAS regional",
}
READY_FOR_PENANDATANGANAN = {"pks_draft_file": "/files/draft-pks.pdf"}
READY_FOR_PELAKSANAAN = {
	"kb_number": "1/KB/2026",
	"kb_date": "2026-01-05",
	"kb_file": "/files/kb.pdf",
	"pks_number": "2/PKS/2026",
	"pks_date": "2026-02-05",
	"pks_file": "/files/pks.pdf",
	"start_date": "2026-03-01",
	"end_date": "2031-02-28",
}


class WorldTestCase(FrappeTestCase):
	"""A test case over the shared world: ``names`` maps cooperation key -> name, ``keys`` the reverse."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.names = ensure_world()
		cls.keys = {v: k for k, v in cls.names.items()}

	def visible_keys(self, names) -> set[str]:
		"""The test cooperations among ``names``, by key (other data on the site is ignored)."""
		return {self.keys[n] for n in names if n in self.keys}

	def found_by_title(self, search) -> set[str]:
		"""The world's cooperations that ``search(txt)`` (a link search) finds, each searched by its own
		title: the site's other ``[TEST]`` rows, which runs on a kept site add, cannot crowd one off a page."""
		found = set()
		for key, (title, _codes) in COOPERATIONS.items():
			if self.names[key] in search(TEST_PREFIX + title):
				found.add(key)
		return found

	def session(self, user: str) -> requests.Session:
		"""A logged-in REST session on the running test server as ``user``."""
		s = requests.Session()
		r = s.post(f"{SERVER}/api/method/login", data={"usr": user, "pwd": TEST_PASSWORD}, timeout=30)
		self.assertEqual(r.status_code, 200, r.text)
		return s


# What each stage needs before the body may approve it (ksad_app.domain.stages.missing_for).
READY_FOR = {
	"Negosiasi": READY_FOR_NEGOSIASI,
	"Penandatanganan": READY_FOR_PENANDATANGANAN,
	"Pelaksanaan": READY_FOR_PELAKSANAAN,
	"Pengakhiran": {},
}


def advance(name: str, target: str, officer: str, member: str, **data) -> "frappe.model.document.Document":
	"""Take a cooperation through the workflow up to ``target`` (at most Pengakhiran), as real users.

	At each stage ``officer`` (a party's officer) records what the next stage
	needs and asks (Ajukan); ``member`` (a member of its body) approves
	(Setujui). ``data`` overrides the values recorded (for instance the
	``end_date`` of Pelaksanaan).
	"""
	from frappe.model.workflow import apply_workflow

	from ksad_app.domain import stages

	try:
		while True:
			frappe.set_user("Administrator")
			stage = frappe.db.get_value("Inter-Regional Cooperation", name, "stage")
			if stage == target:
				break
			following = stages.next_stage(stage)
			frappe.set_user(officer)
			doc = frappe.get_doc("Inter-Regional Cooperation", name)
			values = {k: v for k, v in {**READY_FOR.get(following, {}), **data}.items() if k in doc.as_dict()}
			if any(doc.get(k) != v for k, v in values.items()):
				doc.update(values)
				doc.save()
			apply_workflow(frappe.get_doc("Inter-Regional Cooperation", name), stages.AJUKAN)
			frappe.set_user(member)
			apply_workflow(frappe.get_doc("Inter-Regional Cooperation", name), stages.SETUJUI)
	finally:
		frappe.set_user("Administrator")
	return frappe.get_doc("Inter-Regional Cooperation", name)
