"""Pasal 6 d.2, d.3, d.5 and Pasal 10 d.2, d.3, d.5 on a real site: problems and disputes raised by a party, answered by its body.

Parties 32.73 (Kota Bandung) and 32.77 (Kota Cimahi), supervised by TKKSD-32
(Pasal 3): ``officer.bandung`` raises, ``tkksd.jabar`` answers and records the
decision, whose input goes to the Gubernur Jawa Barat. Parties 31 (DKI
Jakarta) and 32.75 (Kota Bekasi), a provincial KSAD supervised by the
Sekretariat Bersama (Pasal 2): input to the Menteri Dalam Negeri.
"""

import unittest

import frappe
from frappe.utils import add_days, getdate, today

from ksad_app.exceptions import IssueError, NotYourCooperationError, NotYourRegionError
from ksad_app.ksad.doctype.cooperation_issue.cooperation_issue import issue_form_data
from ksad_app.tests import (
	GOVERNOR_JABAR,
	MANAGER,
	MINISTRY,
	OFFICER_BANDUNG,
	OFFICER_BEKASI,
	OFFICER_CILACAP,
	OUTSIDER,
	SEKBER,
	SERVER,
	TEST_PREFIX,
	TKKSD_JABAR,
	TKKSD_JATENG,
	WorldTestCase,
	advance,
	deliver_notices,
	new_cooperation,
)

ISSUE = "Cooperation Issue"
COOPERATION = "Inter-Regional Cooperation"
PARTIES = ["32.73", "32.77"]


def raise_issue(user: str, cooperation: str, raised_by: str = "32.73", **fields):
	"""``user`` raises a problem (by default) for ``raised_by``."""
	frappe.set_user(user)
	try:
		return frappe.get_doc(
			{
				"doctype": ISSUE,
				"cooperation": cooperation,
				"issue_type": fields.pop("issue_type", "Permasalahan"),
				"raised_by": raised_by,
				"description": fields.pop(
					"description", "Kontribusi Kota Cimahi belum disetor ke rekening bersama"
				),
				**fields,
			}
		).insert()
	finally:
		frappe.set_user("Administrator")


def edit_issue(user: str, name: str, **values):
	frappe.set_user(user)
	try:
		doc = frappe.get_doc(ISSUE, name)
		doc.update(values)
		return doc.save()
	finally:
		frappe.set_user("Administrator")


def stored(name: str, *fields: str) -> dict:
	return frappe.db.get_value(ISSUE, name, list(fields), as_dict=True)


def notified(user: str, name: str) -> list[str]:
	deliver_notices()  # the outbox's job, after the commit
	return frappe.get_all(
		"Notification Log",
		filters={"for_user": user, "document_type": ISSUE, "document_name": name},
		pluck="subject",
		order_by="creation asc",
	)


class TestCooperationIssue(WorldTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.local.lang = "en"
		cls.coop = new_cooperation(OFFICER_BANDUNG, PARTIES, title="Masalah Pelaksanaan").name
		advance(cls.coop, "Pelaksanaan", OFFICER_BANDUNG, TKKSD_JABAR)

	def setUp(self):
		frappe.local.lang = "en"

	def tearDown(self):
		frappe.set_user("Administrator")

	def count(self, cooperation: str | None = None) -> int:
		return frappe.db.count(ISSUE, {"cooperation": cooperation or self.coop})

	# --- the path of an issue ------------------------------------------------

	def test_pasal_10_d_2_the_officer_raises_the_tkksd_considers_and_decides(self):
		issue = raise_issue(OFFICER_BANDUNG, self.coop)
		self.assertTrue(issue.name.startswith(f"KSAD-MSL-{getdate().year}-"))
		self.assertEqual(issue.status, "Terbuka")
		self.assertEqual(issue.supervisory_body, "TKKSD-32")
		self.assertEqual(issue.addressed_to, "Gubernur Jawa Barat")
		self.assertEqual(issue.raised_by_name, "Kota Bandung")
		self.assertEqual(getdate(issue.raised_on), getdate(today()))

		edit_issue(TKKSD_JABAR, issue.name, consideration="Para pihak diminta bermusyawarah dalam 14 hari")
		self.assertEqual(stored(issue.name, "status").status, "Dalam Pertimbangan")

		edit_issue(
			TKKSD_JABAR,
			issue.name,
			decision="Kota Cimahi menyetor kontribusinya paling lambat akhir bulan",
			decision_date=today(),
		)
		self.assertEqual(stored(issue.name, "status").status, "Selesai")

		# once Selesai, nothing changes, for anyone
		for user in (TKKSD_JABAR, MANAGER):
			with self.subTest(user=user), self.assertRaisesRegex(IssueError, "Selesai"):
				edit_issue(user, issue.name, decision="diubah")
		with self.assertRaisesRegex(IssueError, "Selesai"):
			edit_issue(OFFICER_BANDUNG, issue.name, description="diubah")
		row = stored(issue.name, "decision", "description", "status")
		self.assertEqual(row.decision, "Kota Cimahi menyetor kontribusinya paling lambat akhir bulan")
		self.assertEqual(row.status, "Selesai")

	def test_pasal_6_d_3_a_provincial_dispute_goes_to_the_menteri_dalam_negeri(self):
		provincial = new_cooperation(OFFICER_BEKASI, ["32.75", "31"], title="Sengketa TPST").name
		advance(provincial, "Pelaksanaan", OFFICER_BEKASI, SEKBER)
		issue = raise_issue(OFFICER_BEKASI, provincial, raised_by="32.75", issue_type="Perselisihan")
		self.assertEqual(issue.supervisory_body, "SEKBER")
		self.assertEqual(issue.addressed_to, "Menteri Dalam Negeri")
		self.assertTrue(notified(SEKBER, issue.name))

		edit_issue(
			SEKBER, issue.name, input_for_settlement="Diusulkan mediasi oleh Ditjen Bina Pemerintahan Desa"
		)
		self.assertEqual(stored(issue.name, "status").status, "Dalam Pertimbangan")
		subjects = notified(OFFICER_BEKASI, issue.name)
		self.assertEqual(len(subjects), 1)
		self.assertIn("answered", subjects[0])

	def test_pasal_10_d_3_joint_supervision_the_raising_regions_tkksd_answers(self):
		# Kabupaten Cilacap (33) and Kota Banjar (32): TKKSD-32 and TKKSD-33 supervise jointly (Pasal 3)
		joint = new_cooperation(OFFICER_CILACAP, ["33.01", "32.79"], title="Sengketa Citanduy").name
		advance(joint, "Pelaksanaan", OFFICER_CILACAP, TKKSD_JATENG)
		issue = raise_issue(OFFICER_CILACAP, joint, raised_by="33.01", issue_type="Perselisihan")
		self.assertEqual(issue.supervisory_body, "TKKSD-33")
		self.assertEqual(issue.addressed_to, "Gubernur Jawa Tengah")
		with self.assertRaisesRegex(IssueError, "does not supervise"):
			edit_issue(MANAGER, issue.name, supervisory_body="SEKBER")

		# a member of the other supervising body answers only after choosing its own body, while open
		with self.assertRaisesRegex(NotYourCooperationError, "Only members of"):
			edit_issue(TKKSD_JABAR, issue.name, input_for_settlement="Masukan TKKSD Jabar")
		edit_issue(
			TKKSD_JABAR, issue.name, supervisory_body="TKKSD-32", input_for_settlement="Masukan TKKSD Jabar"
		)
		row = stored(issue.name, "supervisory_body", "addressed_to", "status")
		self.assertEqual(
			(row.supervisory_body, row.addressed_to, row.status),
			("TKKSD-32", "Gubernur Jawa Barat", "Dalam Pertimbangan"),
		)
		with self.assertRaisesRegex(IssueError, "already answered"):
			edit_issue(TKKSD_JATENG, issue.name, supervisory_body="TKKSD-33")
		self.assertEqual(stored(issue.name, "supervisory_body").supervisory_body, "TKKSD-32")

	def test_pasal_10_d_2_the_officer_edits_what_was_raised_while_open_only(self):
		issue = raise_issue(OFFICER_BANDUNG, self.coop)
		edit_issue(OFFICER_BANDUNG, issue.name, issue_type="Perselisihan", description="Sengketa kontribusi")
		self.assertEqual(stored(issue.name, "issue_type").issue_type, "Perselisihan")
		edit_issue(TKKSD_JABAR, issue.name, consideration="Dipertimbangkan")
		with self.assertRaisesRegex(IssueError, "started to answer"):
			edit_issue(OFFICER_BANDUNG, issue.name, description="diubah setelah dijawab")
		self.assertEqual(stored(issue.name, "description").description, "Sengketa kontribusi")

	# --- decisions and dates -------------------------------------------------

	def test_pasal_10_d_5_a_decision_is_recorded_with_its_date(self):
		issue = raise_issue(OFFICER_BANDUNG, self.coop, raised_on=add_days(today(), -5))
		with self.assertRaisesRegex(IssueError, "date of the decision"):
			edit_issue(TKKSD_JABAR, issue.name, decision="Diputuskan")
		with self.assertRaisesRegex(IssueError, "without the decision"):
			edit_issue(TKKSD_JABAR, issue.name, decision_date=today())
		with self.assertRaisesRegex(IssueError, "before the issue was raised"):
			edit_issue(TKKSD_JABAR, issue.name, decision="Diputuskan", decision_date=add_days(today(), -6))
		with self.assertRaisesRegex(IssueError, "in the future"):
			edit_issue(TKKSD_JABAR, issue.name, decision="Diputuskan", decision_date=add_days(today(), 1))
		row = stored(issue.name, "decision", "decision_date", "status")
		self.assertEqual((row.decision, row.decision_date, row.status), (None, None, "Terbuka"))

	def test_pasal_10_d_2_not_raised_in_the_future(self):
		before = self.count()
		with self.assertRaisesRegex(IssueError, "in the future"):
			raise_issue(OFFICER_BANDUNG, self.coop, raised_on=add_days(today(), 1))
		self.assertEqual(self.count(), before)

	# --- refusals when raising -----------------------------------------------

	def test_pasal_6_d_and_10_d_not_raised_before_pelaksanaan(self):
		early = new_cooperation(OFFICER_BANDUNG, PARTIES, title="Masih Penjajakan").name
		with self.assertRaisesRegex(IssueError, "Penjajakan"):
			raise_issue(OFFICER_BANDUNG, early)
		with self.assertRaisesRegex(IssueError, "Pelaksanaan or Pengakhiran"):
			raise_issue(MANAGER, early)
		self.assertEqual(self.count(early), 0)

	def test_the_refusal_is_in_bahasa_indonesia(self):
		early = new_cooperation(OFFICER_BANDUNG, PARTIES, title="Masih Penjajakan").name
		frappe.local.lang = "id"
		frappe.local.lang_full_dict = None
		try:
			with self.assertRaisesRegex(IssueError, "Permasalahan dan perselisihan diajukan pada tahap"):
				raise_issue(OFFICER_BANDUNG, early)
		finally:
			frappe.local.lang = "en"
			frappe.local.lang_full_dict = None

	def test_pasal_10_d_2_raised_by_a_party_region_only(self):
		before = self.count()
		for user in (OFFICER_BANDUNG, MANAGER):
			with self.subTest(user=user), self.assertRaisesRegex(IssueError, "Kota Bekasi .* is not a party"):
				raise_issue(user, self.coop, raised_by="32.75")
		self.assertEqual(self.count(), before)

	def test_pasal_10_d_2_an_officer_raises_in_the_name_of_their_own_region_only(self):
		before = self.count()
		with self.assertRaisesRegex(NotYourRegionError, "Kota Cimahi"):
			raise_issue(OFFICER_BANDUNG, self.coop, raised_by="32.77")
		# an officer of a region that is no party at all, in the name of a party
		with self.assertRaisesRegex(NotYourRegionError, "Kota Bandung"):
			raise_issue(OFFICER_BEKASI, self.coop, raised_by="32.73")
		self.assertEqual(self.count(), before)
		# a KSAD Manager may record it for any party
		self.assertEqual(raise_issue(MANAGER, self.coop, raised_by="32.77").raised_by, "32.77")

		issue = raise_issue(OFFICER_BANDUNG, self.coop)
		with self.assertRaises(NotYourRegionError):
			edit_issue(OFFICER_BANDUNG, issue.name, raised_by="32.77")
		self.assertEqual(stored(issue.name, "raised_by").raised_by, "32.73")

	# --- each side writes its own fields ---------------------------------------

	def test_pasal_10_d_2_the_body_never_changes_what_the_party_raised(self):
		issue = raise_issue(OFFICER_BANDUNG, self.coop)
		with self.assertRaisesRegex(NotYourCooperationError, "As a member of the supervisory body"):
			edit_issue(TKKSD_JABAR, issue.name, description="diubah oleh anggota")
		with self.assertRaisesRegex(NotYourCooperationError, "Issue Type"):
			edit_issue(TKKSD_JABAR, issue.name, issue_type="Perselisihan", consideration="Pertimbangan")
		row = stored(issue.name, "description", "issue_type", "consideration", "status")
		self.assertEqual(row.description, issue.description)
		self.assertEqual((row.issue_type, row.consideration, row.status), ("Permasalahan", None, "Terbuka"))

	def test_pasal_10_d_2_the_officer_cannot_write_the_bodys_answer(self):
		issue = raise_issue(
			OFFICER_BANDUNG, self.coop, consideration="ditulis oleh pihak", supervisory_body="TKKSD-33"
		)
		self.assertEqual(issue.supervisory_body, "TKKSD-32")
		self.assertFalse(stored(issue.name, "consideration").consideration)
		# Frappe leaves out the fields of permission level 1 that the officer cannot write
		edit_issue(
			OFFICER_BANDUNG,
			issue.name,
			consideration="pertimbangan palsu",
			decision="diputuskan sendiri",
			decision_date=today(),
			description="Deskripsi yang diperbarui",
		)
		row = stored(issue.name, "consideration", "decision", "decision_date", "status", "description")
		self.assertEqual((row.consideration, row.decision, row.decision_date), (None, None, None))
		self.assertEqual(row.status, "Terbuka")
		self.assertEqual(row.description, "Deskripsi yang diperbarui")

	# --- who sees and writes ---------------------------------------------------

	def test_pasal_2_3_another_body_neither_reads_nor_writes(self):
		issue = raise_issue(OFFICER_BANDUNG, self.coop)
		for user in (TKKSD_JATENG, SEKBER):
			with self.subTest(user=user):
				self.assertFalse(frappe.has_permission(ISSUE, "read", issue.name, user=user))
				self.assertFalse(frappe.has_permission(ISSUE, "write", issue.name, user=user))
				with self.assertRaises(frappe.PermissionError):
					edit_issue(user, issue.name, consideration="bukan wewenang")
		self.assertFalse(stored(issue.name, "consideration").consideration)

	def test_who_sees_and_who_writes_the_issue(self):
		issue = raise_issue(OFFICER_BANDUNG, self.coop)
		for user, reads, writes in [
			(OFFICER_BANDUNG, True, True),
			(TKKSD_JABAR, True, True),
			(GOVERNOR_JABAR, True, False),
			(MINISTRY, True, False),
			(MANAGER, True, True),
			(OFFICER_BEKASI, False, False),
			(OFFICER_CILACAP, False, False),
			(TKKSD_JATENG, False, False),
			(SEKBER, False, False),
		]:
			with self.subTest(user=user):
				frappe.set_user(user)
				listed = frappe.get_list(ISSUE, filters={"name": issue.name}, pluck="name")
				frappe.set_user("Administrator")
				self.assertEqual(bool(listed), reads)
				self.assertEqual(frappe.has_permission(ISSUE, "read", issue.name, user=user), reads)
				self.assertEqual(frappe.has_permission(ISSUE, "write", issue.name, user=user), writes)
		with self.assertRaises(frappe.PermissionError):
			edit_issue(OFFICER_BEKASI, issue.name, description="bukan pihak")
		with self.assertRaises(frappe.PermissionError):
			edit_issue(GOVERNOR_JABAR, issue.name, description="hanya membaca")

	def test_an_outsider_sees_nothing(self):
		issue = raise_issue(OFFICER_BANDUNG, self.coop)
		self.assertFalse(frappe.has_permission(ISSUE, "read", issue.name, user=OUTSIDER))
		frappe.set_user(OUTSIDER)
		try:
			listed = frappe.get_list(ISSUE, pluck="name")
		except frappe.PermissionError:
			listed = []
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(listed, [])

	def test_only_officers_and_managers_raise(self):
		for user in (TKKSD_JABAR, GOVERNOR_JABAR, MINISTRY):
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				raise_issue(user, self.coop)

	# --- notifications and the cooperation's form --------------------------------

	def test_notifications_to_the_body_on_raise_and_to_the_parties_on_answer(self):
		issue = raise_issue(OFFICER_BANDUNG, self.coop)
		self.assertEqual(len(notified(TKKSD_JABAR, issue.name)), 1)
		self.assertFalse(notified(TKKSD_JATENG, issue.name))
		self.assertFalse(notified(OFFICER_BANDUNG, issue.name))  # who acted

		edit_issue(TKKSD_JABAR, issue.name, consideration="Para pihak diminta bermusyawarah")
		subjects = notified(OFFICER_BANDUNG, issue.name)  # the party's contact, who raised it
		self.assertEqual(len(subjects), 1)
		self.assertIn("answered", subjects[0])
		content = frappe.get_all(
			"Notification Log",
			filters={"for_user": OFFICER_BANDUNG, "document_name": issue.name},
			pluck="email_content",
		)[0]
		self.assertIn("Para pihak diminta bermusyawarah", content)

		edit_issue(TKKSD_JABAR, issue.name, decision="Diselesaikan secara musyawarah", decision_date=today())
		subjects = notified(OFFICER_BANDUNG, issue.name)
		self.assertEqual(len(subjects), 2)
		self.assertIn("decision", subjects[1])
		self.assertEqual(len(notified(TKKSD_JABAR, issue.name)), 1)

	def test_the_cooperations_form_counts_open_issues(self):
		def open_issues(user=OFFICER_BANDUNG):
			frappe.set_user(user)
			try:
				doc = frappe.get_doc(COOPERATION, self.coop)
				doc.run_method("onload")
				return doc.get_onload().open_issues
			finally:
				frappe.set_user("Administrator")

		before = open_issues()
		issue = raise_issue(OFFICER_BANDUNG, self.coop)
		self.assertEqual(open_issues(), before + 1)
		self.assertEqual(open_issues(TKKSD_JABAR), before + 1)
		edit_issue(TKKSD_JABAR, issue.name, decision="Selesai dimusyawarahkan", decision_date=today())
		self.assertEqual(open_issues(), before)

	def test_the_forms_data_comes_only_to_those_who_read_the_cooperation(self):
		frappe.set_user(OFFICER_BANDUNG)
		data = issue_form_data(self.coop)
		self.assertEqual(data["parties"], ["32.73"])  # the officer's own party region
		self.assertEqual(data["supervisors"], ["TKKSD-32"])
		self.assertEqual(data["member_of"], [])
		self.assertTrue(data["can_raise"])
		self.assertEqual(
			data["bodies"], {"TKKSD-32": {"addressed_to": "Gubernur Jawa Barat", "article": "10"}}
		)
		frappe.set_user(MANAGER)
		self.assertEqual(issue_form_data(self.coop)["parties"], PARTIES)
		frappe.set_user(TKKSD_JABAR)
		self.assertEqual(issue_form_data(self.coop)["member_of"], ["TKKSD-32"])
		for user in (OFFICER_BEKASI, TKKSD_JATENG, OUTSIDER):
			frappe.set_user(user)
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				issue_form_data(self.coop)

	def test_the_issue_form_tells_a_member_which_guidance_items_apply(self):
		issue = raise_issue(OFFICER_BANDUNG, self.coop, issue_type="Perselisihan")
		frappe.set_user(TKKSD_JABAR)
		doc = frappe.get_doc(ISSUE, issue.name)
		doc.run_method("onload")
		self.assertTrue(doc.get_onload().member)
		self.assertEqual(doc.get_onload().guidance_codes, ["10.d.3", "10.d.5"])
		self.assertEqual(doc.get_onload().capacities, ["body"])


API_TITLE = "Masalah API"


def ensure_committed_issue() -> str:
	"""A committed issue of a cooperation of Bandung and Cimahi, for the REST checks (a separate process)."""
	cooperation = frappe.db.get_value(COOPERATION, {"title": TEST_PREFIX + API_TITLE})
	if not cooperation:
		cooperation = new_cooperation(OFFICER_BANDUNG, PARTIES, title=API_TITLE).name
	advance(cooperation, "Pelaksanaan", OFFICER_BANDUNG, TKKSD_JABAR)
	issue = frappe.db.get_value(ISSUE, {"cooperation": cooperation})
	if not issue:
		issue = raise_issue(OFFICER_BANDUNG, cooperation).name
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the REST checks run in a separate server process
	return issue


@unittest.skipUnless(SERVER, "KSAD_TEST_SERVER_URL is not set: scripts/run-tests starts a server and sets it")
class TestCooperationIssueThroughTheApi(WorldTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.issue = ensure_committed_issue()

	def test_another_regions_officer_gets_403_and_an_empty_list(self):
		url = f"{SERVER}/api/resource/{ISSUE}"
		s = self.session(OFFICER_BEKASI)
		r = s.get(f"{url}/{self.issue}", timeout=30)
		self.assertEqual(r.status_code, 403, r.text)
		r = s.get(url, params={"filters": frappe.as_json([["name", "=", self.issue]])}, timeout=30)
		self.assertEqual(r.status_code, 200, r.text)
		self.assertEqual(r.json()["data"], [])
		r = s.put(f"{url}/{self.issue}", json={"description": "bukan pihak"}, timeout=30)
		self.assertEqual(r.status_code, 403, r.text)

	def test_the_party_and_its_body_read_it_with_the_bodys_fields(self):
		for user in (OFFICER_BANDUNG, TKKSD_JABAR, GOVERNOR_JABAR):
			with self.subTest(user=user):
				r = self.session(user).get(f"{SERVER}/api/resource/{ISSUE}/{self.issue}", timeout=30)
				self.assertEqual(r.status_code, 200, r.text)
				data = r.json()["data"]
				self.assertEqual(data["supervisory_body"], "TKKSD-32")
				self.assertEqual(data["addressed_to"], "Gubernur Jawa Barat")

	def test_another_bodys_member_cannot_answer_through_the_api(self):
		r = self.session(TKKSD_JATENG).put(
			f"{SERVER}/api/resource/{ISSUE}/{self.issue}",
			json={"consideration": "bukan wewenang"},
			timeout=30,
		)
		self.assertEqual(r.status_code, 403, r.text)
		frappe.db.rollback()
		self.assertFalse(frappe.db.get_value(ISSUE, self.issue, "consideration"))
