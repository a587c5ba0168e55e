"""Issue 11, item 4: data safety on a real site.

* A submitted Supervision Activity, Cooperation Termination or Supervision
  Report cannot be deleted, by the very user allowed to delete drafts of it,
  through ``frappe.delete_doc`` or ``DELETE /api/resource``: Frappe refuses
  (cancel first, then amend), and the record stays.
* A regional government, supervisory body, guidance item or government affair
  still referenced cannot be deleted: Frappe's LinkExistsError, whose message
  a user whose language is ``id`` reads in Bahasa Indonesia, naming both
  records.
* Every main DocType of the module (not a child table, not a Single) tracks
  changes, so that every edit keeps a Version.

That ``uninstall-app`` leaves nothing behind and a reinstall works is shown by
``scripts/uninstall-check`` (it needs a throwaway site of its own).
"""

import unittest

import frappe

from ksad_app.domain import reporting
from ksad_app.ksad.doctype.cooperation_termination.test_cooperation_termination import (
	cooperation_at_pengakhiran,
	new_termination,
)
from ksad_app.ksad.doctype.supervision_activity.test_supervision_activity import new_activity
from ksad_app.ksad.doctype.supervision_report.test_supervision_report import new_report
from ksad_app.tests import (
	MANAGER,
	OFFICER_BANDUNG,
	READY_FOR_NEGOSIASI,
	SERVER,
	TKKSD_JABAR,
	WorldTestCase,
	new_cooperation,
	remove_committed,
)

MODULE = "KSAD"
ACTIVITY = "Supervision Activity"
TERMINATION = "Cooperation Termination"
REPORT = "Supervision Report"
COOPERATION = "Inter-Regional Cooperation"
AFFAIR = READY_FOR_NEGOSIASI["government_affair"]
GUIDANCE_ITEM = "10.a.2"


def app_doctypes() -> list[str]:
	return frappe.get_all("DocType", filters={"module": MODULE}, pluck="name", order_by="name asc")


def in_bahasa_indonesia():
	"""A context in which messages are built in the language of a user whose language is id."""

	class Lang:
		def __enter__(self):
			frappe.local.lang = "id"
			frappe.local.lang_full_dict = None

		def __exit__(self, *exc):
			frappe.local.lang = "en"
			frappe.local.lang_full_dict = None

	return Lang()


def delete_as(user: str, doctype: str, name: str) -> None:
	"""frappe.delete_doc as ``user``; whatever it wrote before refusing is undone."""
	frappe.db.savepoint("ksad_delete")
	frappe.set_user(user)
	try:
		frappe.delete_doc(doctype, name)
	except Exception:
		frappe.db.rollback(save_point="ksad_delete")
		raise
	finally:
		frappe.set_user("Administrator")


def submitted_records() -> dict[str, tuple[str, str]]:
	"""A submitted activity, termination and report (doctype -> (name, the user who may delete drafts of it))."""
	coop = new_cooperation(OFFICER_BANDUNG, ["32.73", "32.77"], **READY_FOR_NEGOSIASI).name
	activity = new_activity(TKKSD_JABAR, coop, items=[GUIDANCE_ITEM], submit=True).name
	ended = cooperation_at_pengakhiran("Keamanan data: pengakhiran")
	termination = new_termination(OFFICER_BANDUNG, ended, submit=True).name
	report = new_report(
		TKKSD_JABAR, reporting.PASAL_12, supervisory_body="TKKSD-32", compile=True, submit=True
	).name
	return {
		ACTIVITY: (activity, TKKSD_JABAR),
		TERMINATION: (termination, OFFICER_BANDUNG),
		REPORT: (report, TKKSD_JABAR),
		COOPERATION: (coop, OFFICER_BANDUNG),
		"ended": (ended, OFFICER_BANDUNG),
	}


class TestDataSafety(WorldTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.records = submitted_records()

	def setUp(self):
		frappe.local.lang = "en"

	def tearDown(self):
		frappe.local.lang = "en"
		frappe.local.lang_full_dict = None
		frappe.set_user("Administrator")

	# --- submitted records ---------------------------------------------------------

	def test_submitted_records_cannot_be_deleted_even_by_who_may_delete_their_drafts(self):
		for doctype in (ACTIVITY, TERMINATION, REPORT):
			name, user = self.records[doctype]
			with self.subTest(doctype=doctype):
				self.assertEqual(frappe.db.get_value(doctype, name, "docstatus"), 1)
				self.assertTrue(frappe.has_permission(doctype, "delete", name, user=user))
				with self.assertRaisesRegex(frappe.ValidationError, "Submitted Record cannot be deleted"):
					delete_as(user, doctype, name)
				self.assertTrue(frappe.db.exists(doctype, name))
				self.assertEqual(frappe.db.get_value(doctype, name, "docstatus"), 1)

	def test_the_refusal_is_in_bahasa_indonesia(self):
		name, user = self.records[ACTIVITY]
		with in_bahasa_indonesia(), self.assertRaises(frappe.ValidationError) as e:
			delete_as(user, ACTIVITY, name)
		message = str(e.exception)
		self.assertIn("tidak dapat dihapus", message)
		self.assertIn("Kegiatan Pembinaan dan Pengawasan", message)
		self.assertNotIn("Submitted Record", message)

	def test_a_draft_is_deleted_by_who_may_delete_it(self):
		"""The same user deletes a draft: the refusal above is about submission, not permission."""
		coop = self.records[COOPERATION][0]
		draft = new_activity(TKKSD_JABAR, coop, items=["10.a.3"]).name
		delete_as(TKKSD_JABAR, ACTIVITY, draft)
		self.assertFalse(frappe.db.exists(ACTIVITY, draft))

	# --- referenced master data -------------------------------------------------------

	def test_referenced_master_data_cannot_be_deleted_and_the_message_is_in_bahasa_indonesia(self):
		coop = self.records[COOPERATION][0]
		referenced = [
			("Regional Government", "32.73", MANAGER),
			("Supervisory Body", "TKKSD-32", MANAGER),
			("Government Affair", AFFAIR, MANAGER),
			# only a System Manager may delete a guidance item (none of the KSAD roles)
			("Guidance Item", GUIDANCE_ITEM, "Administrator"),
		]
		self.assertEqual(frappe.db.get_value(COOPERATION, coop, "government_affair"), AFFAIR)
		english = [d for d in app_doctypes() if d not in ("KSAD Settings",)]
		for doctype, name, user in referenced:
			with self.subTest(doctype=doctype):
				with in_bahasa_indonesia():
					label = frappe._(doctype)
					with self.assertRaises(frappe.LinkExistsError) as e:
						delete_as(user, doctype, name)
				message = str(e.exception)
				self.assertTrue(message.startswith("Tidak dapat menghapus atau membatalkan karena"), message)
				self.assertIn(f"{label} ", message)
				self.assertIn(f">{name}</a>", message)
				self.assertIn("dikaitkan dengan", message)
				# the record that refers to it is named by its Indonesian DocType name
				for d in english:
					self.assertNotIn(f"{d} <a", message)
				self.assertTrue(frappe.db.exists(doctype, name))

	def test_a_province_with_its_kabupaten_kota_cannot_be_deleted(self):
		with in_bahasa_indonesia(), self.assertRaises(frappe.ValidationError) as e:
			delete_as(MANAGER, "Regional Government", "32")
		self.assertIn("Tidak dapat menghapus 32 karena memiliki node anak", str(e.exception))
		self.assertTrue(frappe.db.exists("Regional Government", "32"))
		self.assertEqual(frappe.db.count("Regional Government", {"parent_regional_government": "32"}), 27)

	# --- what the app adds to a cooperation is never taken away by a save ---------------

	def test_a_save_from_a_form_loaded_before_an_activity_keeps_the_activitys_ticks(self):
		from ksad_app.ksad.doctype.supervision_activity.test_supervision_activity import done_items

		coop = new_cooperation(OFFICER_BANDUNG, ["32.73", "32.77"], **READY_FOR_NEGOSIASI).name
		frappe.set_user(OFFICER_BANDUNG)
		loaded = frappe.get_doc(COOPERATION, coop)  # the officer's form, open
		frappe.set_user("Administrator")
		activity = new_activity(TKKSD_JABAR, coop, items=["10.a.1.a"], submit=True).name
		frappe.set_user(OFFICER_BANDUNG)
		try:
			loaded.cooperation_object = "Diubah dari form yang dibuka sebelumnya"
			loaded.save()  # ticking does not change the cooperation's version, so this save goes through
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(done_items(coop), {"10.a.1.a": activity})

	def test_a_save_cannot_empty_the_stage_history(self):
		from frappe.model.workflow import apply_workflow

		coop = new_cooperation(OFFICER_BANDUNG, ["32.73", "32.77"], **READY_FOR_NEGOSIASI).name
		frappe.set_user(OFFICER_BANDUNG)
		try:
			apply_workflow(frappe.get_doc(COOPERATION, coop), "Ajukan")
		finally:
			frappe.set_user("Administrator")
		frappe.set_user(TKKSD_JABAR)
		try:
			from ksad_app.api import apply_action

			apply_action(coop, "Kembalikan", "Lengkapi kajian")
		finally:
			frappe.set_user("Administrator")
		history = frappe.db.count("Cooperation Stage Log", {"parent": coop, "parenttype": COOPERATION})
		self.assertEqual(history, 2)
		frappe.set_user(OFFICER_BANDUNG)
		try:
			doc = frappe.get_doc(COOPERATION, coop)
			doc.set("stage_log", [])  # what a REST client sends as "stage_log": []
			doc.save()
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(
			frappe.db.count("Cooperation Stage Log", {"parent": coop, "parenttype": COOPERATION}), history
		)

	# --- track changes ---------------------------------------------------------------

	def test_every_main_doctype_of_the_module_tracks_changes(self):
		main = [
			d for d in app_doctypes() if not frappe.get_meta(d).istable and not frappe.get_meta(d).issingle
		]
		self.assertIn("Inter-Regional Cooperation", main)
		self.assertIn("Guidance Item", main)
		untracked = [d for d in main if not frappe.get_meta(d).track_changes]
		self.assertEqual(untracked, [], "set track_changes in the DocType JSON of " + ", ".join(untracked))

	def test_an_edit_of_master_data_keeps_a_version(self):
		doc = frappe.get_doc("Guidance Item", GUIDANCE_ITEM)
		before = frappe.db.count("Version", {"ref_doctype": "Guidance Item", "docname": GUIDANCE_ITEM})
		doc.description = doc.description + " (uji)"
		doc.save(ignore_version=False)  # Frappe skips versions in tests unless asked
		self.assertEqual(
			frappe.db.count("Version", {"ref_doctype": "Guidance Item", "docname": GUIDANCE_ITEM}), before + 1
		)


@unittest.skipUnless(SERVER, "KSAD_TEST_SERVER_URL is not set: scripts/run-tests starts a server and sets it")
class TestDataSafetyThroughTheApi(WorldTestCase):
	"""The same refusals over REST (DELETE /api/resource), on committed records, as real users."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.records = submitted_records()
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the server is a separate process

	@classmethod
	def tearDownClass(cls):
		order = (ACTIVITY, TERMINATION, REPORT, COOPERATION, "ended")
		remove_committed([(COOPERATION if k == "ended" else k, cls.records[k][0]) for k in order])
		super().tearDownClass()

	def delete(self, user: str, doctype: str, name: str):
		return self.session(user).delete(f"{SERVER}/api/resource/{doctype}/{name}", timeout=60)

	def test_submitted_records_cannot_be_deleted_through_the_api(self):
		for doctype in (ACTIVITY, TERMINATION, REPORT):
			name, user = self.records[doctype]
			with self.subTest(doctype=doctype):
				r = self.delete(user, doctype, name)
				self.assertEqual(r.status_code, 417, r.text[:2000])
				self.assertEqual(r.json().get("exc_type"), "ValidationError")
				frappe.db.rollback()
				self.assertEqual(frappe.db.get_value(doctype, name, "docstatus"), 1)

	def test_referenced_master_data_cannot_be_deleted_through_the_api(self):
		frappe.db.set_value("User", MANAGER, "language", "id")
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the server is a separate process
		for doctype, name in (
			("Regional Government", "32.73"),
			("Supervisory Body", "TKKSD-32"),
			("Government Affair", AFFAIR),
		):
			with self.subTest(doctype=doctype):
				r = self.delete(MANAGER, doctype, name)
				self.assertEqual(r.status_code, 417, r.text[:2000])
				self.assertEqual(r.json().get("exc_type"), "LinkExistsError")
				self.assertIn(
					"Tidak dapat menghapus atau membatalkan karena", r.json().get("_server_messages", "")
				)
				frappe.db.rollback()
				self.assertTrue(frappe.db.exists(doctype, name))
