"""Pasal 6, 7, 10, 11 on a real site: activities recorded by the body's members, ticking the guidance items."""

import frappe
from frappe.utils import add_days, getdate, today

from ksad_app.domain import stages
from ksad_app.exceptions import ActivityError, GuidanceItemError, NotYourCooperationError
from ksad_app.notifications.follow_ups import remind_overdue_follow_ups
from ksad_app.tests import (
	OFFICER_BANDUNG,
	OFFICER_BEKASI,
	OFFICER_CILACAP,
	READY_FOR_NEGOSIASI,
	SEKBER,
	TKKSD_JABAR,
	TKKSD_JATENG,
	WorldTestCase,
	deliver_notices,
	new_cooperation,
)
from ksad_app.tests.test_workflow import act

ACTIVITY = "Supervision Activity"
COOPERATION = "Inter-Regional Cooperation"


def new_activity(user: str, cooperation: str, body: str = "TKKSD-32", submit: bool = False, **fields):
	frappe.set_user(user)
	try:
		doc = frappe.get_doc(
			{
				"doctype": ACTIVITY,
				"cooperation": cooperation,
				"supervisory_body": body,
				"activity_type": fields.pop("activity_type", "Pembinaan"),
				"activity_date": fields.pop("activity_date", today()),
				"description": fields.pop("description", "Rapat koordinasi dengan para pihak"),
				"guidance_items": [{"guidance_item": c} for c in fields.pop("items", ["10.a.1.a", "10.a.2"])],
				**fields,
			}
		).insert()
		if submit:
			doc.submit()
		return doc
	finally:
		frappe.set_user("Administrator")


def done_items(cooperation: str) -> dict[str, str]:
	return dict(
		frappe.get_all(
			"Cooperation Guidance Record",
			filters={"parent": cooperation, "parenttype": COOPERATION},
			fields=["guidance_item", "supervision_activity"],
			as_list=True,
		)
	)


class TestSupervisionActivity(WorldTestCase):
	def setUp(self):
		frappe.local.lang = "en"
		self.coop = new_cooperation(OFFICER_BANDUNG, ["32.73", "32.77"], **READY_FOR_NEGOSIASI).name

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_submitting_ticks_the_guidance_items_cancel_and_amend_keep_the_history(self):
		activity = new_activity(TKKSD_JABAR, self.coop, submit=True)
		self.assertEqual(done_items(self.coop), {"10.a.1.a": activity.name, "10.a.2": activity.name})
		record = frappe.get_all(
			"Cooperation Guidance Record",
			filters={"parent": self.coop, "guidance_item": "10.a.2"},
			fields=["done_by", "activity_date", "supervisory_body", "stage"],
		)[0]
		self.assertEqual(record.done_by, TKKSD_JABAR)
		self.assertEqual(getdate(record.activity_date), getdate(today()))
		self.assertEqual(record.supervisory_body, "TKKSD-32")
		self.assertEqual(record.stage, "Penjajakan")

		# the form: per stage, the items of Pasal 10 with what was done
		frappe.set_user(OFFICER_BANDUNG)
		doc = frappe.get_doc(COOPERATION, self.coop)
		doc.run_method("onload")
		groups = {g["stage"]: g["items"] for g in doc.get_onload().guidance}
		self.assertEqual(
			list(groups), ["Penjajakan", "Negosiasi", "Penandatanganan", "Pelaksanaan dan Pengakhiran"]
		)
		self.assertEqual(len(groups["Penjajakan"]), 6)
		ticked = {i["code"]: i["done"] for i in groups["Penjajakan"] if i["done"]}
		self.assertEqual(set(ticked), {"10.a.1.a", "10.a.2"})
		self.assertEqual(ticked["10.a.2"][0]["supervision_activity"], activity.name)
		self.assertTrue(all(i["code"].startswith("10.") for g in groups.values() for i in g))
		frappe.set_user("Administrator")

		frappe.set_user(TKKSD_JABAR)
		activity.reload()
		activity.cancel()
		self.assertEqual(done_items(self.coop), {})
		amended = frappe.copy_doc(activity)
		amended.amended_from = activity.name
		amended.docstatus = 0
		amended.guidance_items = []
		amended.append("guidance_items", {"guidance_item": "10.a.3"})
		amended.insert()
		amended.submit()
		frappe.set_user("Administrator")
		self.assertEqual(done_items(self.coop), {"10.a.3": amended.name})
		self.assertEqual(frappe.db.get_value(ACTIVITY, activity.name, "docstatus"), 2)

	def test_pasal_6_items_belong_to_the_sekretariat_bersama(self):
		with self.assertRaisesRegex(GuidanceItemError, "Pasal 10"):
			new_activity(TKKSD_JABAR, self.coop, items=["6.a.2"])

	def test_items_of_another_stage_are_refused(self):
		with self.assertRaisesRegex(GuidanceItemError, "another stage"):
			new_activity(TKKSD_JABAR, self.coop, items=["10.b.1"])

	def test_an_item_only_once(self):
		with self.assertRaises(GuidanceItemError):
			new_activity(TKKSD_JABAR, self.coop, items=["10.a.2", "10.a.2"])

	def test_pembinaan_names_its_guidance_pengawasan_its_findings(self):
		with self.assertRaisesRegex(ActivityError, "pembinaan"):
			new_activity(TKKSD_JABAR, self.coop, items=[])
		with self.assertRaisesRegex(ActivityError, "Findings"):
			new_activity(TKKSD_JABAR, self.coop, activity_type="Pengawasan", items=[])
		ok = new_activity(
			TKKSD_JABAR,
			self.coop,
			activity_type="Pengawasan",
			items=[],
			findings="Draf PKS belum dibahas DPRD",
		)
		self.assertTrue(ok.name)

	def test_no_activity_in_the_future_nor_a_follow_up_before_it(self):
		with self.assertRaisesRegex(ActivityError, "in the future"):
			new_activity(TKKSD_JABAR, self.coop, activity_date=add_days(today(), 1))
		with self.assertRaisesRegex(ActivityError, "before the activity date"):
			new_activity(TKKSD_JABAR, self.coop, follow_up_due_date=add_days(today(), -1))

	def test_only_a_stage_the_cooperation_has_reached(self):
		with self.assertRaisesRegex(ActivityError, "later stage"):
			new_activity(TKKSD_JABAR, self.coop, stage="Pelaksanaan", items=["10.d.1"])
		act(OFFICER_BANDUNG, self.coop, stages.BATALKAN, "Tidak dilanjutkan")
		with self.assertRaisesRegex(ActivityError, "cancelled"):
			new_activity(TKKSD_JABAR, self.coop)

	def test_the_body_must_supervise_the_cooperation_and_the_user_belong_to_it(self):
		with self.assertRaisesRegex(ActivityError, "does not supervise"):
			new_activity(SEKBER, self.coop, body="SEKBER", items=["6.a.2"])
		with self.assertRaises(NotYourCooperationError):
			new_activity(TKKSD_JATENG, self.coop, body="TKKSD-32")
		with self.assertRaises(frappe.PermissionError):
			new_activity(OFFICER_BANDUNG, self.coop)

	def test_joint_supervision_each_body_records_its_own(self):
		joint = self.names["cilacap_banjar"]  # Kabupaten Cilacap (33) and Kota Banjar (32)
		mine = new_activity(TKKSD_JATENG, joint, body="TKKSD-33", submit=True)
		with self.assertRaises(NotYourCooperationError):
			new_activity(TKKSD_JATENG, joint, body="TKKSD-32")
		# the other body sees it, but cannot change it
		self.assertTrue(frappe.has_permission(ACTIVITY, "read", mine.name, user=TKKSD_JABAR))
		self.assertFalse(frappe.has_permission(ACTIVITY, "write", mine.name, user=TKKSD_JABAR))
		self.assertFalse(frappe.has_permission(ACTIVITY, "cancel", mine.name, user=TKKSD_JABAR))

	def test_the_forms_defaults_come_only_to_those_who_may_read(self):
		from ksad_app.api import activity_defaults

		frappe.set_user(TKKSD_JABAR)
		defaults = activity_defaults(self.coop)
		self.assertEqual(defaults["bodies"], ["TKKSD-32"])
		self.assertEqual(defaults["articles"], {"TKKSD-32": "Pasal 10"})
		self.assertEqual(defaults["stages_reached"], ["Penjajakan"])
		frappe.set_user(OFFICER_BEKASI)
		with self.assertRaises(frappe.PermissionError):
			activity_defaults(self.coop)
		frappe.set_user(OFFICER_BANDUNG)
		self.assertEqual(activity_defaults(self.coop)["bodies"], [])

	def test_who_sees_the_activities(self):
		activity = new_activity(TKKSD_JABAR, self.coop, submit=True)
		for user, sees in [
			(OFFICER_BANDUNG, True),
			(TKKSD_JABAR, True),
			(OFFICER_BEKASI, False),
			(OFFICER_CILACAP, False),
			(TKKSD_JATENG, False),
			(SEKBER, False),
		]:
			with self.subTest(user=user):
				frappe.set_user(user)
				listed = frappe.get_list(ACTIVITY, filters={"name": activity.name}, pluck="name")
				frappe.set_user("Administrator")
				self.assertEqual(bool(listed), sees)
				self.assertEqual(frappe.has_permission(ACTIVITY, "read", activity.name, user=user), sees)
		self.assertFalse(frappe.has_permission(ACTIVITY, "write", activity.name, user=OFFICER_BANDUNG))

	def test_follow_up_status_is_kept_up_to_date_by_the_body(self):
		activity = new_activity(
			TKKSD_JABAR,
			self.coop,
			submit=True,
			activity_date=add_days(today(), -10),
			recommendations="Lengkapi kajian kelayakan",
			follow_up_due_date=add_days(today(), -3),
		)
		self.assertEqual(activity.follow_up_status, "Menunggu Tindak Lanjut")
		self.assertIn(activity.name, remind_overdue_follow_ups())
		deliver_notices()  # the outbox's job, after the commit
		for user in (TKKSD_JABAR, OFFICER_BANDUNG):
			self.assertTrue(
				frappe.db.exists("Notification Log", {"for_user": user, "document_name": activity.name})
			)
		self.assertNotIn(activity.name, remind_overdue_follow_ups())  # once a day

		frappe.set_user(TKKSD_JABAR)
		activity.reload()
		activity.follow_up_status = "Sudah Ditindaklanjuti"
		activity.follow_up_notes = "Kajian diterima"
		activity.save()
		frappe.set_user("Administrator")
		frappe.db.set_value(ACTIVITY, activity.name, "follow_up_reminded_on", None)
		self.assertNotIn(activity.name, remind_overdue_follow_ups())
