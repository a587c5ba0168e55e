"""Pasal 4 on a real site: the workflow applied by real users of each role, and every refusal.

Parties 32.73 (Kota Bandung) and 32.77 (Kota Cimahi): kab/kota of Jawa Barat,
supervised by TKKSD-32 (Pasal 3). ``officer.bandung`` asks, ``tkksd.jabar``
approves; ``tkksd.jateng`` (another body), ``sekber.member`` (another body),
``officer.bekasi`` (another region) must not be able to act.
"""

import json
import unittest

import frappe
from frappe.model.workflow import WorkflowTransitionError, apply_workflow

from ksad_app.api import apply_action
from ksad_app.domain import stages
from ksad_app.exceptions import (
	NotYourCooperationError,
	ReasonRequiredError,
	StageError,
	StageGuardError,
	StageLockedError,
)
from ksad_app.tests import (
	OFFICER_BANDUNG,
	OFFICER_BEKASI,
	READY_FOR_NEGOSIASI,
	READY_FOR_PELAKSANAAN,
	READY_FOR_PENANDATANGANAN,
	SEKBER,
	SERVER,
	TEST_PREFIX,
	TKKSD_JABAR,
	TKKSD_JATENG,
	WorldTestCase,
	deliver_notices,
	new_cooperation,
)

COOPERATION = "Inter-Regional Cooperation"
PARTIES = ["32.73", "32.77"]


def act(user: str, name: str, action: str, reason: str | None = None):
	"""Apply ``action`` as ``user`` the way the form does (reasons go through ksad_app.api.apply_action)."""
	frappe.set_user(user)
	try:
		if reason is None:
			doc = apply_workflow(frappe.get_doc(COOPERATION, name), action)
		else:
			doc = apply_action(name, action, reason)
		deliver_notices()  # the outbox's job, after the commit
		return doc
	finally:
		frappe.set_user("Administrator")


def edit(user: str, name: str, **values):
	frappe.set_user(user)
	try:
		doc = frappe.get_doc(COOPERATION, name)
		doc.update(values)
		return doc.save()
	finally:
		frappe.set_user("Administrator")


def state(name: str) -> tuple[str, str, int]:
	row = frappe.db.get_value(COOPERATION, name, ["workflow_state", "stage"], as_dict=True)
	logs = frappe.db.count("Cooperation Stage Log", {"parent": name, "parenttype": COOPERATION})
	return row.workflow_state, row.stage, logs


class TestStageWorkflow(WorldTestCase):
	def setUp(self):
		frappe.local.lang = "en"

	def tearDown(self):
		frappe.set_user("Administrator")

	def ask_and_approve(self, name: str, **data):
		if data:
			edit(OFFICER_BANDUNG, name, **data)
		act(OFFICER_BANDUNG, name, stages.AJUKAN)
		act(TKKSD_JABAR, name, stages.SETUJUI)

	def test_pasal_4_from_penjajakan_to_pelaksanaan_by_the_right_people(self):
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES, **READY_FOR_NEGOSIASI)
		self.assertEqual(state(doc.name), ("Penjajakan", "Penjajakan", 0))

		act(OFFICER_BANDUNG, doc.name, stages.AJUKAN)
		self.assertEqual(state(doc.name), ("Usulan Negosiasi", "Penjajakan", 1))
		act(TKKSD_JABAR, doc.name, stages.SETUJUI)
		self.assertEqual(state(doc.name), ("Negosiasi", "Negosiasi", 2))

		self.ask_and_approve(doc.name, **READY_FOR_PENANDATANGANAN)
		self.assertEqual(state(doc.name), ("Penandatanganan", "Penandatanganan", 4))

		edit(OFFICER_BANDUNG, doc.name, **READY_FOR_PELAKSANAAN)
		act(OFFICER_BANDUNG, doc.name, stages.AJUKAN)
		self.assertEqual(state(doc.name), ("Usulan Pelaksanaan", "Penandatanganan", 5))
		act(TKKSD_JABAR, doc.name, stages.SETUJUI)
		self.assertEqual(state(doc.name), ("Pelaksanaan", "Pelaksanaan", 6))

		log = frappe.get_all(
			"Cooperation Stage Log",
			filters={"parent": doc.name, "parenttype": COOPERATION},
			fields=["action", "from_state", "to_state", "user"],
			order_by="idx asc",
		)
		self.assertEqual(
			[(r.action, r.user) for r in log],
			[(stages.AJUKAN, OFFICER_BANDUNG), (stages.SETUJUI, TKKSD_JABAR)] * 3,
		)
		self.assertEqual(log[-1].to_state, "Pelaksanaan")

	def test_stage_guard_negosiasi_refuses_without_affair_and_object(self):
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES)
		act(OFFICER_BANDUNG, doc.name, stages.AJUKAN)
		with self.assertRaisesRegex(StageGuardError, "Negotiation can start only") as e:
			act(TKKSD_JABAR, doc.name, stages.SETUJUI)
		self.assertIn("Government Affair", str(e.exception))
		self.assertIn("Object of Cooperation", str(e.exception))
		self.assertEqual(state(doc.name), ("Usulan Negosiasi", "Penjajakan", 1))

	def test_stage_guard_penandatanganan_refuses_without_the_draft_pks(self):
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES, **READY_FOR_NEGOSIASI)
		self.ask_and_approve(doc.name)
		act(OFFICER_BANDUNG, doc.name, stages.AJUKAN)
		with self.assertRaisesRegex(StageGuardError, "draft PKS") as e:
			act(TKKSD_JABAR, doc.name, stages.SETUJUI)
		self.assertIn("Draft PKS File", str(e.exception))
		self.assertEqual(state(doc.name), ("Usulan Penandatanganan", "Negosiasi", 3))

	def test_stage_guard_pelaksanaan_refuses_without_signed_documents_and_dprd_approval(self):
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES, **READY_FOR_NEGOSIASI)
		self.ask_and_approve(doc.name)
		self.ask_and_approve(doc.name, **READY_FOR_PENANDATANGANAN)
		partial = {k: v for k, v in READY_FOR_PELAKSANAAN.items() if k not in ("pks_file", "end_date")}
		edit(OFFICER_BANDUNG, doc.name, dprd_approval_required=1, **partial)
		act(OFFICER_BANDUNG, doc.name, stages.AJUKAN)
		with self.assertRaisesRegex(StageGuardError, "Implementation can be approved only") as e:
			act(TKKSD_JABAR, doc.name, stages.SETUJUI)
		for label in ("PKS File", "End Date", "DPRD Approval Number", "DPRD Approval Date"):
			self.assertIn(label, str(e.exception))
		self.assertNotIn("Kesepakatan Bersama Number", str(e.exception))
		self.assertEqual(state(doc.name), ("Usulan Pelaksanaan", "Penandatanganan", 5))

	def test_stage_guard_selesai_refuses_without_a_termination(self):
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES, **READY_FOR_NEGOSIASI)
		self.ask_and_approve(doc.name)
		self.ask_and_approve(doc.name, **READY_FOR_PENANDATANGANAN)
		self.ask_and_approve(doc.name, **READY_FOR_PELAKSANAAN)
		self.ask_and_approve(doc.name)
		self.assertEqual(state(doc.name)[:2], ("Pengakhiran", "Pengakhiran"))
		act(OFFICER_BANDUNG, doc.name, stages.AJUKAN)
		with self.assertRaisesRegex(StageGuardError, "Cooperation Termination"):
			act(TKKSD_JABAR, doc.name, stages.SETUJUI)
		self.assertEqual(state(doc.name), ("Usulan Selesai", "Pengakhiran", 9))

	def test_guard_messages_are_in_bahasa_indonesia(self):
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES)
		act(OFFICER_BANDUNG, doc.name, stages.AJUKAN)
		frappe.local.lang = "id"
		frappe.local.lang_full_dict = None
		try:
			with self.assertRaisesRegex(StageGuardError, "Negosiasi baru dapat dimulai"):
				act(TKKSD_JABAR, doc.name, stages.SETUJUI)
		finally:
			frappe.local.lang = "en"
			frappe.local.lang_full_dict = None

	def test_only_an_officer_of_a_party_asks(self):
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES, **READY_FOR_NEGOSIASI)
		with self.assertRaises(frappe.PermissionError):
			act(OFFICER_BEKASI, doc.name, stages.AJUKAN)
		with self.assertRaises(WorkflowTransitionError):
			act(TKKSD_JABAR, doc.name, stages.AJUKAN)
		with self.assertRaises(NotYourCooperationError):
			edit(TKKSD_JABAR, doc.name, workflow_state="Usulan Negosiasi")
		self.assertEqual(state(doc.name), ("Penjajakan", "Penjajakan", 0))

	def test_only_a_member_of_this_cooperations_body_approves_or_returns(self):
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES, **READY_FOR_NEGOSIASI)
		act(OFFICER_BANDUNG, doc.name, stages.AJUKAN)
		for other in (TKKSD_JATENG, SEKBER, OFFICER_BEKASI):
			with self.subTest(user=other), self.assertRaises(frappe.PermissionError):
				act(other, doc.name, stages.SETUJUI)
			with self.subTest(user=other), self.assertRaises(frappe.PermissionError):
				act(other, doc.name, stages.KEMBALIKAN, "bukan wewenang")
		with self.assertRaises(WorkflowTransitionError):
			act(OFFICER_BANDUNG, doc.name, stages.SETUJUI)
		with self.assertRaises(NotYourCooperationError):
			edit(OFFICER_BANDUNG, doc.name, workflow_state="Negosiasi")
		with self.assertRaises(StageError):
			apply_action_as(OFFICER_BANDUNG, doc.name, stages.KEMBALIKAN, "sendiri")
		self.assertEqual(state(doc.name), ("Usulan Negosiasi", "Penjajakan", 1))

	def test_return_needs_a_reason_which_is_kept_and_sent(self):
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES, **READY_FOR_NEGOSIASI)
		act(OFFICER_BANDUNG, doc.name, stages.AJUKAN)
		with self.assertRaises(ReasonRequiredError):
			act(TKKSD_JABAR, doc.name, stages.KEMBALIKAN)
		with self.assertRaises(ReasonRequiredError):
			act(TKKSD_JABAR, doc.name, stages.KEMBALIKAN, "   ")
		self.assertEqual(state(doc.name), ("Usulan Negosiasi", "Penjajakan", 1))

		act(TKKSD_JABAR, doc.name, stages.KEMBALIKAN, "Lengkapi kajian kelayakan")
		self.assertEqual(state(doc.name), ("Penjajakan", "Penjajakan", 2))
		doc.reload()
		self.assertEqual(doc.stage_log[-1].reason, "Lengkapi kajian kelayakan")
		self.assertEqual(doc.stage_log[-1].user, TKKSD_JABAR)
		self.assertFalse(doc.workflow_reason)
		note = frappe.get_all(
			"Notification Log",
			filters={"for_user": OFFICER_BANDUNG, "document_name": doc.name},
			fields=["subject", "email_content"],
			order_by="creation desc",
			limit=1,
		)[0]
		self.assertIn("Lengkapi kajian kelayakan", note.email_content)

	def test_cancel_before_pelaksanaan_with_a_reason_only(self):
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES, **READY_FOR_NEGOSIASI)
		with self.assertRaises(ReasonRequiredError):
			act(OFFICER_BANDUNG, doc.name, stages.BATALKAN)
		with self.assertRaises(frappe.PermissionError):
			act(OFFICER_BEKASI, doc.name, stages.BATALKAN, "bukan pihak")
		act(OFFICER_BANDUNG, doc.name, stages.BATALKAN, "Para pihak tidak sepakat")
		self.assertEqual(state(doc.name), ("Dibatalkan", "Dibatalkan", 1))
		with self.assertRaises(StageLockedError):
			edit(OFFICER_BANDUNG, doc.name, title=TEST_PREFIX + "diubah")

		running = new_cooperation(OFFICER_BANDUNG, PARTIES, **READY_FOR_NEGOSIASI)
		self.ask_and_approve(running.name)
		self.ask_and_approve(running.name, **READY_FOR_PENANDATANGANAN)
		self.ask_and_approve(running.name, **READY_FOR_PELAKSANAAN)
		with self.assertRaises(StageError):
			act(OFFICER_BANDUNG, running.name, stages.BATALKAN, "terlambat")
		with self.assertRaises(StageError):
			edit(OFFICER_BANDUNG, running.name, workflow_state="Dibatalkan", workflow_reason="terlambat")
		self.assertEqual(state(running.name)[:2], ("Pelaksanaan", "Pelaksanaan"))

	def test_a_pending_request_locks_the_data_and_members_never_edit_it(self):
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES, **READY_FOR_NEGOSIASI)
		with self.assertRaisesRegex(NotYourCooperationError, "Object of Cooperation"):
			edit(TKKSD_JABAR, doc.name, cooperation_object="diubah oleh anggota")
		act(OFFICER_BANDUNG, doc.name, stages.AJUKAN)
		with self.assertRaisesRegex(StageLockedError, "Object of Cooperation"):
			edit(OFFICER_BANDUNG, doc.name, cooperation_object="diubah saat menunggu")
		self.assertEqual(
			frappe.db.get_value(COOPERATION, doc.name, "cooperation_object"),
			READY_FOR_NEGOSIASI["cooperation_object"],
		)

	def test_no_jumping_through_the_api(self):
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES, **READY_FOR_NEGOSIASI)
		with self.assertRaises(frappe.ValidationError):
			edit(OFFICER_BANDUNG, doc.name, workflow_state="Pelaksanaan")
		self.assertEqual(state(doc.name), ("Penjajakan", "Penjajakan", 0))

	def test_notifications_on_request_and_approval(self):
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES, **READY_FOR_NEGOSIASI)
		act(OFFICER_BANDUNG, doc.name, stages.AJUKAN)
		self.assertTrue(
			frappe.db.exists("Notification Log", {"for_user": TKKSD_JABAR, "document_name": doc.name})
		)
		self.assertFalse(
			frappe.db.exists("Notification Log", {"for_user": TKKSD_JATENG, "document_name": doc.name})
		)
		self.assertIn(TKKSD_JABAR, email_recipients(doc.name))
		act(TKKSD_JABAR, doc.name, stages.SETUJUI)
		self.assertTrue(
			frappe.db.exists("Notification Log", {"for_user": OFFICER_BANDUNG, "document_name": doc.name})
		)
		self.assertIn(OFFICER_BANDUNG, email_recipients(doc.name))

	def test_the_workspace_card_counts_each_bodys_pending_requests(self):
		from frappe.desk.doctype.number_card.number_card import get_result

		card = frappe.get_doc("Number Card", "Stage Requests Awaiting Decision")

		def pending(user):
			frappe.set_user(user)
			try:
				return get_result(card.as_dict(), card.filters_json)
			finally:
				frappe.set_user("Administrator")

		before = {u: pending(u) for u in (TKKSD_JABAR, TKKSD_JATENG, OFFICER_BEKASI)}
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES, **READY_FOR_NEGOSIASI)
		act(OFFICER_BANDUNG, doc.name, stages.AJUKAN)
		self.assertEqual(pending(TKKSD_JABAR), before[TKKSD_JABAR] + 1)
		self.assertEqual(pending(TKKSD_JATENG), before[TKKSD_JATENG])
		self.assertEqual(pending(OFFICER_BEKASI), before[OFFICER_BEKASI])

	def test_form_shows_what_the_next_stage_needs(self):
		doc = new_cooperation(OFFICER_BANDUNG, PARTIES)
		frappe.set_user(OFFICER_BANDUNG)
		doc = frappe.get_doc(COOPERATION, doc.name)
		doc.run_method("onload")
		needs = doc.get_onload().next_stage
		self.assertEqual(needs["target"], "Negosiasi")
		self.assertEqual(needs["missing"], ["Government Affair", "Object of Cooperation"])


def apply_action_as(user, name, action, reason):
	frappe.set_user(user)
	try:
		return apply_action(name, action, reason)
	finally:
		frappe.set_user("Administrator")


def email_recipients(name: str) -> set[str]:
	queue = frappe.qb.DocType("Email Queue")
	rec = frappe.qb.DocType("Email Queue Recipient")
	rows = (
		frappe.qb.from_(queue)
		.join(rec)
		.on(rec.parent == queue.name)
		.select(rec.recipient)
		.where((queue.reference_doctype == COOPERATION) & (queue.reference_name == name))
	).run(pluck=True)
	return set(rows)


PENDING_TITLE = TEST_PREFIX + "Workflow API"


def ensure_pending_cooperation() -> str:
	"""A committed cooperation awaiting TKKSD-32's approval, for the REST checks (a separate process)."""
	name = frappe.db.get_value(COOPERATION, {"title": PENDING_TITLE})
	if not name:
		name = new_cooperation(OFFICER_BANDUNG, PARTIES, title="Workflow API", **READY_FOR_NEGOSIASI).name
		act(OFFICER_BANDUNG, name, stages.AJUKAN)
	elif frappe.db.get_value(COOPERATION, name, "workflow_state") != "Usulan Negosiasi":
		frappe.db.set_value(COOPERATION, name, {"workflow_state": "Usulan Negosiasi", "stage": "Penjajakan"})
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the REST checks run in a separate server process
	return name


@unittest.skipUnless(SERVER, "KSAD_TEST_SERVER_URL is not set: scripts/run-tests starts a server and sets it")
class TestWorkflowThroughTheApi(WorldTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.pending = ensure_pending_cooperation()

	def test_other_bodies_and_regions_cannot_approve_through_the_api(self):
		doc = json.dumps({"doctype": COOPERATION, "name": self.pending})
		for user in (TKKSD_JATENG, SEKBER, OFFICER_BEKASI, OFFICER_BANDUNG):
			with self.subTest(user=user):
				s = self.session(user)
				r = s.post(
					f"{SERVER}/api/method/frappe.model.workflow.apply_workflow",
					data={"doc": doc, "action": stages.SETUJUI},
					timeout=30,
				)
				self.assertIn(r.status_code, (403, 417), r.text)
				r = s.post(
					f"{SERVER}/api/method/ksad_app.api.apply_action",
					data={"cooperation": self.pending, "action": stages.KEMBALIKAN, "reason": "x"},
					timeout=30,
				)
				self.assertIn(r.status_code, (403, 417), r.text)
				r = s.put(
					f"{SERVER}/api/resource/{COOPERATION}/{self.pending}",
					json={"workflow_state": "Negosiasi"},
					timeout=30,
				)
				self.assertIn(r.status_code, (403, 417), r.text)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(COOPERATION, self.pending, "workflow_state"), "Usulan Negosiasi")

	def test_the_right_member_sees_the_actions(self):
		r = self.session(TKKSD_JABAR).post(
			f"{SERVER}/api/method/frappe.model.workflow.get_transitions",
			data={"doc": json.dumps({"doctype": COOPERATION, "name": self.pending})},
			timeout=30,
		)
		self.assertEqual(r.status_code, 200, r.text)
		self.assertEqual(
			sorted({t["action"] for t in r.json()["message"]}),
			sorted([stages.BATALKAN, stages.KEMBALIKAN, stages.SETUJUI]),
		)
