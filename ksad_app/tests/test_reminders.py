"""Pasal 6 d.4 / 10 d.4 on a real site: the daily reminders to prepare the termination, once per threshold.

A cooperation of 32.73 (Kota Bandung) and 32.77 (Kota Cimahi), supervised by
TKKSD-32, is taken to Pelaksanaan with an end date 100 days ahead; the job is
run for a sequence of simulated days around that end date. ``tkksd.jabar``
(member of the body) and ``officer.bandung`` (contact of a party) are told.
"""

import frappe
from frappe.utils import add_days, getdate, today

from ksad_app.domain import stages
from ksad_app.notifications.termination_reminders import get_thresholds, send_termination_reminders
from ksad_app.tests import (
	OFFICER_BANDUNG,
	READY_FOR_NEGOSIASI,
	TKKSD_JABAR,
	WorldTestCase,
	advance,
	deliver_notices,
	new_cooperation,
)
from ksad_app.tests.test_workflow import act, edit

COOPERATION = "Inter-Regional Cooperation"
PARTIES = ["32.73", "32.77"]
MARK = "prepare the termination"


def set_reminder_days(value: str) -> None:
	settings = frappe.get_doc("KSAD Settings")
	settings.termination_reminder_days = value
	settings.save(ignore_permissions=True)


def reminders_for(name: str, user: str | None = None) -> list[frappe._dict]:
	"""The termination reminders in the Notification Log about ``name`` (for ``user``)."""
	deliver_notices()  # the outbox's job, after the commit
	filters = {"document_type": COOPERATION, "document_name": name, "subject": ("like", f"%{MARK}%")}
	if user:
		filters["for_user"] = user
	return frappe.get_all(
		"Notification Log",
		filters=filters,
		fields=["for_user", "subject", "email_content"],
		order_by="creation",
	)


def recorded(name: str) -> list[tuple[int, str, str]]:
	return [
		(r.threshold_days, str(r.end_date), str(r.sent_on))
		for r in frappe.get_all(
			"Termination Reminder",
			filters={"parent": name, "parenttype": COOPERATION, "parentfield": "termination_reminders"},
			fields=["threshold_days", "end_date", "sent_on"],
			order_by="idx",
		)
	]


class TestTerminationReminders(WorldTestCase):
	def setUp(self):
		frappe.local.lang = "en"
		frappe.set_user("Administrator")
		set_reminder_days("180, 90, 30")
		self.end = getdate(add_days(today(), 100))
		self.coop = new_cooperation(OFFICER_BANDUNG, PARTIES, title="Pengingat Pengakhiran").name
		advance(
			self.coop,
			stages.PELAKSANAAN,
			OFFICER_BANDUNG,
			TKKSD_JABAR,
			start_date=str(add_days(today(), -300)),
			end_date=str(self.end),
		)

	def tearDown(self):
		frappe.set_user("Administrator")

	def day(self, days_before_end: int):
		return add_days(self.end, -days_before_end)

	def run_job(self, days_before_end: int) -> bool:
		"""Run the daily job as the scheduler does; True if this cooperation was reminded."""
		frappe.set_user("Administrator")
		return self.coop in send_termination_reminders(today=self.day(days_before_end))

	def test_pasal_10_d_4_reminders_sent_once_per_threshold(self):
		self.assertEqual(frappe.db.get_value(COOPERATION, self.coop, "stage"), stages.PELAKSANAAN)

		self.assertFalse(self.run_job(181))
		self.assertEqual(reminders_for(self.coop), [])

		# 180 days before the end: one reminder, to the body's member and the party's contact
		self.assertTrue(self.run_job(180))
		self.assertEqual(len(reminders_for(self.coop, TKKSD_JABAR)), 1)
		self.assertEqual(len(reminders_for(self.coop, OFFICER_BANDUNG)), 1)
		self.assertEqual(recorded(self.coop), [(180, str(self.end), str(self.day(180)))])
		note = reminders_for(self.coop, TKKSD_JABAR)[0]
		self.assertIn("180 days left before", note.subject)
		# points a) to f) of Pasal 10 d.4 in the regulation's words, and how to start the termination
		self.assertIn("Pasal 10", note.email_content)
		self.assertIn(
			"a) inventarisasi atas barang bergerak dan tidak bergerak hasil kerja sama", note.email_content
		)
		self.assertIn("f) penyiapan laporan tentang pengakhiran kerja sama", note.email_content)
		self.assertIn("ask for Pengakhiran (Ajukan)", note.email_content)
		self.assertIn(f"/app/inter-regional-cooperation/{self.coop}", note.email_content)
		recipients = frappe.get_all(
			"Termination Reminder", filters={"parent": self.coop}, pluck="recipients"
		)[0]
		self.assertEqual(recipients, ", ".join(sorted([OFFICER_BANDUNG, TKKSD_JABAR])))

		# the same day again, and the days until the next threshold: nothing
		self.assertFalse(self.run_job(180))
		self.assertFalse(self.run_job(120))
		self.assertEqual(len(reminders_for(self.coop)), 2)

		# 90 days before: one more each
		self.assertTrue(self.run_job(90))
		self.assertEqual(len(reminders_for(self.coop, TKKSD_JABAR)), 2)
		self.assertEqual(len(reminders_for(self.coop, OFFICER_BANDUNG)), 2)

		# the job did not run until 10 days before: exactly one reminder, for 30, recorded
		self.assertTrue(self.run_job(10))
		self.assertFalse(self.run_job(10))
		self.assertEqual(len(reminders_for(self.coop, TKKSD_JABAR)), 3)
		self.assertEqual(len(reminders_for(self.coop, OFFICER_BANDUNG)), 3)
		self.assertIn("10 days left before", reminders_for(self.coop, TKKSD_JABAR)[-1].subject)
		self.assertEqual([r[0] for r in recorded(self.coop)], [180, 90, 30])

		# after the end date, every threshold was sent: nothing more
		self.assertFalse(self.run_job(-5))
		self.assertEqual(len(reminders_for(self.coop)), 6)

	def test_pasal_10_d_4_e_mail_where_an_outgoing_account_exists(self):
		def queued() -> int:
			deliver_notices()  # the outbox's job, after the commit
			return frappe.db.count(
				"Email Queue", {"reference_doctype": COOPERATION, "reference_name": self.coop}
			)

		before = queued()
		self.assertTrue(self.run_job(180))
		self.assertEqual(queued(), before + 1)
		self.assertFalse(self.run_job(180))
		self.assertEqual(queued(), before + 1)

	def test_pasal_10_d_4_skipped_days_one_reminder_recording_every_threshold(self):
		self.assertTrue(self.run_job(25))
		self.assertEqual(len(reminders_for(self.coop, TKKSD_JABAR)), 1)
		self.assertEqual([r[0] for r in recorded(self.coop)], [180, 90, 30])
		self.assertFalse(self.run_job(24))
		self.assertFalse(self.run_job(-30))

	def test_pasal_10_d_4_end_date_passed_reminded_once(self):
		self.assertTrue(self.run_job(-3))
		note = reminders_for(self.coop, OFFICER_BANDUNG)[0]
		self.assertIn("is still in Pelaksanaan", note.subject)
		self.assertFalse(self.run_job(-2))
		self.assertEqual(len(reminders_for(self.coop, OFFICER_BANDUNG)), 1)

	def test_pasal_10_d_4_an_extension_starts_the_reminders_afresh(self):
		self.assertTrue(self.run_job(25))
		# the officer extends the PKS by a year: the form still saves, the reminders sent stay
		new_end = getdate(add_days(self.end, 365))
		edit(OFFICER_BANDUNG, self.coop, end_date=str(new_end))
		self.assertEqual(len(recorded(self.coop)), 3)
		frappe.set_user("Administrator")
		self.assertNotIn(self.coop, send_termination_reminders(today=add_days(new_end, -181)))
		self.assertIn(self.coop, send_termination_reminders(today=add_days(new_end, -180)))
		self.assertEqual(recorded(self.coop)[-1], (180, str(new_end), str(add_days(new_end, -180))))

	def test_pasal_10_d_4_not_in_pelaksanaan_nothing_sent(self):
		other = new_cooperation(
			OFFICER_BANDUNG,
			PARTIES,
			title="Pengingat Belum Pelaksanaan",
			start_date=str(add_days(today(), -300)),
			end_date=str(self.end),
			**READY_FOR_NEGOSIASI,
		).name
		reminded = send_termination_reminders(today=self.day(10))
		self.assertIn(self.coop, reminded)
		self.assertNotIn(other, reminded)
		self.assertEqual(reminders_for(other), [])
		self.assertEqual(recorded(other), [])

	def test_pasal_10_d_4_not_while_the_termination_is_requested(self):
		act(OFFICER_BANDUNG, self.coop, stages.AJUKAN)
		self.assertEqual(frappe.db.get_value(COOPERATION, self.coop, "workflow_state"), "Usulan Pengakhiran")
		self.assertFalse(self.run_job(10))
		self.assertEqual(reminders_for(self.coop), [])

	def test_pasal_10_d_4_thresholds_from_the_settings(self):
		set_reminder_days("60 7")
		self.assertEqual(get_thresholds(), (60, 7))
		self.assertFalse(self.run_job(90))
		self.assertTrue(self.run_job(60))
		self.assertEqual(recorded(self.coop)[0][0], 60)
