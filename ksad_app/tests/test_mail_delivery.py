"""E-mail really delivered (issue 18): notices leave the request through the outbox and arrive over SMTP.

A local SMTP server (``aiosmtpd``, in a thread of the test process) is the
site's outgoing Email Account for the class. A stage move, an answered
problem and a termination reminder each write a ``KSAD Notice`` in the
change's transaction; the outbox's job (:func:`ksad_app.notifications.outbox.deliver`)
turns it into Notification Logs and an Email Queue row; Frappe's own
``EmailQueue.send`` (what its scheduled ``flush`` runs) hands the message to
the SMTP server, where the test reads the subject, the recipients and the
link. Also: a notice goes out once however many jobs reach it, and a refused
change writes none.
"""

import email
import email.policy
import socket

import frappe
from aiosmtpd.controller import Controller
from frappe.utils import add_days, get_url_to_form, getdate, now_datetime, today

from ksad_app.api import apply_action
from ksad_app.domain import stages
from ksad_app.notifications import outbox
from ksad_app.notifications.termination_reminders import send_termination_reminders
from ksad_app.tests import (
	OFFICER_BANDUNG,
	READY_FOR_NEGOSIASI,
	TEST_OUTBOX,
	TEST_PREFIX,
	TKKSD_JABAR,
	WorldTestCase,
	advance,
	new_cooperation,
	remove_cooperations,
)

COOPERATION = "Inter-Regional Cooperation"
ISSUE = "Cooperation Issue"
PARTIES = ["32.73", "32.77"]


class Sink:
	"""The SMTP server's handler: keeps every message it is given."""

	def __init__(self):
		self.messages: list[tuple[list[str], email.message.EmailMessage]] = []

	async def handle_DATA(self, server, session, envelope):
		message = email.message_from_bytes(envelope.content, policy=email.policy.default)
		self.messages.append((list(envelope.rcpt_tos), message))
		return "250 OK"


def free_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


def requested():
	"""A new cooperation whose officer has just asked for Negosiasi (Ajukan)."""
	doc = new_cooperation(OFFICER_BANDUNG, PARTIES, **READY_FOR_NEGOSIASI)
	frappe.set_user(OFFICER_BANDUNG)
	try:
		frappe.model.workflow.apply_workflow(frappe.get_doc(COOPERATION, doc.name), stages.AJUKAN)
	finally:
		frappe.set_user("Administrator")
	return doc


def body(message) -> str:
	part = message.get_body(preferencelist=("html", "plain"))
	return part.get_content() if part else ""


class TestMailDelivered(WorldTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.sink = Sink()
		cls.port = free_port()
		cls.smtp = Controller(cls.sink, hostname="127.0.0.1", port=cls.port)
		cls.smtp.start()
		cls.account = frappe.db.get_value(
			"Email Account", TEST_OUTBOX, ["smtp_server", "smtp_port"], as_dict=True
		)
		frappe.db.set_value(
			"Email Account",
			TEST_OUTBOX,
			{"smtp_server": "127.0.0.1", "smtp_port": cls.port, "use_tls": 0, "use_ssl_for_outgoing": 0},
		)
		cls.started = now_datetime()

	@classmethod
	def tearDownClass(cls):
		cls.smtp.stop()
		frappe.flags.testing_email = False
		# Email Queue.send commits: what the tests made, and the sink's port, would stay on the site
		frappe.db.rollback()
		remove_cooperations(
			frappe.get_all(
				COOPERATION,
				filters={"creation": (">=", cls.started), "title": ("like", TEST_PREFIX + "%")},
				pluck="name",
			)
		)
		frappe.db.set_value("Email Account", TEST_OUTBOX, cls.account)
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a send committed the sink's port: put it back
		super().tearDownClass()

	def setUp(self):
		frappe.set_user("Administrator")
		frappe.local.lang = "en"
		if hasattr(frappe.local, "outgoing_email_account"):
			del frappe.local.outgoing_email_account

	def tearDown(self):
		frappe.set_user("Administrator")

	def deliver_and_send(self, doctype: str, name: str) -> list[tuple[list[str], email.message.EmailMessage]]:
		"""The outbox's job, then Frappe's flush for this document's e-mails; the messages the server got."""
		before = len(self.sink.messages)
		self.assertGreaterEqual(outbox.send_queued(older_than=-3600, commit=False), 1)
		queued = frappe.get_all(
			"Email Queue",
			filters={"reference_doctype": doctype, "reference_name": name, "status": "Not Sent"},
			pluck="name",
		)
		self.assertTrue(queued, f"no e-mail queued for {doctype} {name}")
		frappe.flags.testing_email = True  # Frappe hands the message to the SMTP server in a test only so
		try:
			for q in queued:
				frappe.get_doc("Email Queue", q).send()
		finally:
			frappe.flags.testing_email = False
		self.assertEqual(
			frappe.db.count("Email Queue", {"name": ("in", queued), "status": "Sent"}), len(queued)
		)
		return self.sink.messages[before:]

	def assert_arrived(self, got, recipient: str, subject_part: str, doctype: str, name: str):
		mine = [m for rcpts, m in got if recipient in rcpts and subject_part in str(m["Subject"])]
		self.assertEqual(len(mine), 1, f"{recipient} got {len(mine)} messages about {subject_part!r}")
		self.assertIn(get_url_to_form(doctype, name), body(mine[0]))

	def test_a_stage_request_arrives_at_the_body(self):
		doc = requested()
		self.assertEqual(frappe.db.count("KSAD Notice", {"reference_name": doc.name, "status": "Queued"}), 1)
		self.assertFalse(
			frappe.db.exists("Notification Log", {"document_name": doc.name})
		)  # not in the request

		got = self.deliver_and_send(COOPERATION, doc.name)
		self.assert_arrived(got, TKKSD_JABAR, "asks to move", COOPERATION, doc.name)
		self.assertFalse([m for rcpts, m in got if OFFICER_BANDUNG in rcpts])  # not the one who asked

	def test_an_answered_issue_arrives_at_the_party(self):
		from ksad_app.ksad.doctype.cooperation_issue.test_cooperation_issue import edit_issue, raise_issue

		coop = new_cooperation(OFFICER_BANDUNG, PARTIES, title="Surat masalah").name
		advance(coop, stages.PELAKSANAAN, OFFICER_BANDUNG, TKKSD_JABAR)
		issue = raise_issue(OFFICER_BANDUNG, coop)
		outbox.send_queued(older_than=-3600, commit=False)  # the raise's notice, to the body
		edit_issue(TKKSD_JABAR, issue.name, consideration="Para pihak diminta bermusyawarah")
		got = self.deliver_and_send(ISSUE, issue.name)
		self.assert_arrived(got, OFFICER_BANDUNG, "answered", ISSUE, issue.name)
		mine = next(m for rcpts, m in got if OFFICER_BANDUNG in rcpts)
		self.assertIn("Para pihak diminta bermusyawarah", body(mine))

	def test_a_termination_reminder_arrives_once(self):
		end = getdate(add_days(today(), 100))
		coop = new_cooperation(OFFICER_BANDUNG, PARTIES, title="Surat pengingat").name
		advance(
			coop,
			stages.PELAKSANAAN,
			OFFICER_BANDUNG,
			TKKSD_JABAR,
			start_date=str(add_days(today(), -300)),
			end_date=str(end),
		)
		outbox.send_queued(older_than=-3600, commit=False)  # the moves' notices
		day = add_days(end, -180)
		self.assertIn(coop, send_termination_reminders(today=day))
		got = self.deliver_and_send(COOPERATION, coop)
		self.assert_arrived(got, TKKSD_JABAR, "180 days left before", COOPERATION, coop)
		self.assert_arrived(got, OFFICER_BANDUNG, "180 days left before", COOPERATION, coop)
		# the next run of the day sends nothing more
		self.assertNotIn(coop, send_termination_reminders(today=day))
		self.assertEqual(outbox.send_queued(older_than=-3600, commit=False), 0)

	def test_a_notice_goes_out_once_however_many_jobs_reach_it(self):
		doc = requested()
		notice = frappe.db.get_value("KSAD Notice", {"reference_name": doc.name})
		self.assertTrue(outbox.deliver(notice))
		self.assertFalse(outbox.deliver(notice))  # a second job
		outbox.send_queued(older_than=-3600, commit=False)  # the sweep (and whatever else is queued)
		self.assertEqual(
			frappe.db.count("Notification Log", {"document_name": doc.name, "for_user": TKKSD_JABAR}), 1
		)
		self.assertEqual(frappe.db.get_value("KSAD Notice", notice, "status"), "Sent")

	def test_the_sweep_leaves_a_fresh_notice_to_its_job(self):
		doc = requested()
		notice = frappe.db.get_value("KSAD Notice", {"reference_name": doc.name})
		outbox.send_queued(commit=False)  # the scheduler's call: a minute's grace
		self.assertEqual(frappe.db.get_value("KSAD Notice", notice, "status"), "Queued")

	def test_a_refused_move_writes_no_notice(self):
		from ksad_app.exceptions import ReasonRequiredError

		doc = requested()
		before = frappe.db.count("KSAD Notice", {"reference_name": doc.name})
		frappe.set_user(TKKSD_JABAR)
		with self.assertRaises(ReasonRequiredError):  # a return needs a reason
			apply_action(doc.name, stages.KEMBALIKAN, "")
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("KSAD Notice", {"reference_name": doc.name}), before)
