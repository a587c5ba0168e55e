"""Pasal 8, 12, 13 on a real site: reports compiled from the data of their scope, by the reporter, frozen once sent.

The site may hold other data (other suites commit some), so counts are
asserted as the difference between two compiles of the same report: what the
test adds in scope, exactly, and nothing of what it adds outside.
"""

import io
import json
import os
import subprocess
import sys
import time
import unittest

import frappe
from frappe.installer import update_site_config
from frappe.realtime import get_doc_room
from frappe.utils import add_days, getdate, today
from frappe.utils.background_jobs import get_redis_connection_without_auth

from ksad_app.domain import reporting, stages
from ksad_app.exceptions import NotYourReportError, ReportError
from ksad_app.ksad.doctype.cooperation_issue.test_cooperation_issue import edit_issue, raise_issue
from ksad_app.ksad.doctype.cooperation_termination.test_cooperation_termination import (
	cooperation_at_pengakhiran,
	new_termination,
)
from ksad_app.ksad.doctype.supervision_activity.test_supervision_activity import new_activity
from ksad_app.ksad.doctype.supervision_report.supervision_report import compile_report
from ksad_app.tests import (
	GOVERNOR_JABAR,
	MANAGER,
	MINISTRY,
	OFFICER_BANDUNG,
	OFFICER_BEKASI,
	OFFICER_CILACAP,
	OUTSIDER,
	READY_FOR_NEGOSIASI,
	SEKBER,
	SERVER,
	TKKSD_JABAR,
	TKKSD_JATENG,
	WorldTestCase,
	advance,
	new_cooperation,
)

REPORT = "Supervision Report"
PRINT_FORMAT = "Laporan Pembinaan dan Pengawasan KSAD"
START = add_days(today(), -30)
END = today()


def new_report(user: str, report_type: str, submit: bool = False, compile: bool = False, **fields):
	frappe.set_user(user)
	try:
		doc = frappe.get_doc(
			{
				"doctype": REPORT,
				"report_type": report_type,
				"period_start": fields.pop("period_start", START),
				"period_end": fields.pop("period_end", END),
				**fields,
			}
		).insert()
		if compile:
			compile_report(doc.name)
			doc.reload()
		if submit:
			doc.submit()
		return doc
	finally:
		frappe.set_user("Administrator")


def compile_as(user: str, name: str) -> dict:
	frappe.set_user(user)
	try:
		return compile_report(name)
	finally:
		frappe.set_user("Administrator")


def report_over_rest(session, name: str) -> dict:
	r = session.get(f"{SERVER}/api/resource/{REPORT}/{name}", timeout=30)
	r.raise_for_status()
	return r.json()["data"]


def delete_committed_report(name: str) -> None:
	"""Remove a report the running server committed, with its versions (the test's own transaction never held it)."""
	frappe.db.rollback()
	frappe.delete_doc(REPORT, name, force=True, ignore_permissions=True)
	frappe.db.delete("Version", {"ref_doctype": REPORT, "docname": name})
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the server committed it


def figures(name: str) -> dict:
	"""The compiled figures of a report: totals, lines by (section, label), issues by type."""
	doc = frappe.get_doc(REPORT, name)
	out = {f: doc.get(f) for f in reporting.TOTALS}
	out.update({(row.section, row.label): row.count for row in doc.lines})
	out.update(
		{
			("Issue", row.issue_type): (row.raised, row.answered, row.decided, row.still_open)
			for row in doc.issues
		}
	)
	return out


def delta(after: dict, before: dict) -> dict:
	"""What changed between two compiles (numbers subtract, tuples subtract item by item)."""
	out = {}
	for key in set(after) | set(before):
		a, b = after.get(key, 0), before.get(key, 0)
		if isinstance(a, tuple) or isinstance(b, tuple):
			a, b = a or (0, 0, 0, 0), b or (0, 0, 0, 0)
			d = tuple(x - y for x, y in zip(a, b, strict=True))
			if any(d):
				out[key] = d
		elif (a or 0) != (b or 0):
			out[key] = (a or 0) - (b or 0)
	return out


def rows(name: str) -> list[tuple]:
	return frappe.get_all(
		"Supervision Report Line",
		filters={"parent": name, "parenttype": REPORT},
		fields=["section", "label", "description", "count"],
		order_by="idx asc",
		as_list=True,
	)


class TestSupervisionReport(WorldTestCase):
	def setUp(self):
		frappe.local.lang = "en"

	def tearDown(self):
		frappe.set_user("Administrator")

	# --- Pasal 12 and 13: compiled from the scope, exactly -------------------

	def test_pasal_12_and_13_compile_counts_the_tkksds_scope_only_recompile_replaces_submit_freezes(self):
		report = new_report(TKKSD_JABAR, reporting.PASAL_12, supervisory_body="TKKSD-32")
		self.assertEqual(report.province, "32")
		self.assertEqual(report.addressed_to, "Gubernur Jawa Barat")
		self.assertTrue(report.name.startswith(f"KSAD-LAP-{getdate().year}-"))
		result = compile_as(TKKSD_JABAR, report.name)
		self.assertFalse(result["queued"])
		before = figures(report.name)

		# in scope: a kab/kota cooperation of Jawa Barat taken to Pelaksanaan (6 moves) ...
		a = new_cooperation(OFFICER_BANDUNG, ["32.73", "32.77"], **READY_FOR_NEGOSIASI).name
		advance(a, stages.PELAKSANAAN, OFFICER_BANDUNG, TKKSD_JABAR)
		# ... one of kab/kota of two provinces (supervised jointly, Pasal 3) ...
		joint = new_cooperation(OFFICER_CILACAP, ["33.01", "32.79"]).name
		# ... and one ended, with its termination (8 moves)
		ended = cooperation_at_pengakhiran("Laporan: kerja sama yang diakhiri")
		new_termination(OFFICER_BANDUNG, ended, submit=True)
		# out of scope: a Jawa Tengah cooperation and a provincial one
		jateng = new_cooperation(OFFICER_CILACAP, ["33.01", "33.02"]).name
		provincial = new_cooperation(OFFICER_BEKASI, ["31", "32.75"]).name

		# the TKKSD's activities: a pembinaan, a pengawasan with a follow-up pending, one overdue
		new_activity(TKKSD_JABAR, a, stage=stages.PENJAJAKAN, submit=True)
		new_activity(
			TKKSD_JABAR,
			a,
			activity_type="Pengawasan",
			items=[],
			findings="Rekening bersama belum dibuka",
			follow_up_due_date=add_days(today(), 10),
			submit=True,
		)
		new_activity(
			TKKSD_JABAR,
			a,
			activity_type="Pengawasan",
			items=[],
			findings="Laporan triwulan terlambat",
			activity_date=add_days(today(), -20),
			follow_up_due_date=add_days(today(), -5),
			submit=True,
		)
		# not counted: a draft, an activity before the period, the other TKKSD's activity, the Sekretariat Bersama's
		new_activity(TKKSD_JABAR, a, stage=stages.PENJAJAKAN, items=["10.a.3"])
		new_activity(
			TKKSD_JABAR,
			a,
			stage=stages.PENJAJAKAN,
			items=["10.a.3"],
			activity_date=add_days(START, -1),
			submit=True,
		)
		new_activity(TKKSD_JATENG, joint, body="TKKSD-33", items=["10.a.2"], submit=True)
		new_activity(TKKSD_JATENG, jateng, body="TKKSD-33", items=["10.a.2"], submit=True)
		new_activity(SEKBER, provincial, body="SEKBER", items=["6.a.2"], submit=True)
		# a problem raised by a party and answered by the TKKSD
		issue = raise_issue(OFFICER_BANDUNG, a)
		edit_issue(TKKSD_JABAR, issue.name, consideration="Para pihak diminta bermusyawarah")

		compile_as(TKKSD_JABAR, report.name)
		after = figures(report.name)
		self.assertEqual(
			delta(after, before),
			{
				"cooperation_count": 3,
				("Stage", "Penjajakan"): 1,
				("Stage", "Pelaksanaan"): 1,
				("Stage", "Pengakhiran"): 1,
				("Government Affair", "Lingkungan Hidup"): 2,
				("Government Affair", ""): 1,
				"stage_moves": 14,
				("Stage Move", "Penjajakan → Usulan Negosiasi"): 2,
				("Stage Move", "Usulan Negosiasi → Negosiasi"): 2,
				("Stage Move", "Negosiasi → Usulan Penandatanganan"): 2,
				("Stage Move", "Usulan Penandatanganan → Penandatanganan"): 2,
				("Stage Move", "Penandatanganan → Usulan Pelaksanaan"): 2,
				("Stage Move", "Usulan Pelaksanaan → Pelaksanaan"): 2,
				("Stage Move", "Pelaksanaan → Usulan Pengakhiran"): 1,
				("Stage Move", "Usulan Pengakhiran → Pengakhiran"): 1,
				"activity_count": 3,
				"pembinaan_count": 1,
				"pengawasan_count": 2,
				("Activity Type", "Pembinaan"): 1,
				("Activity Type", "Pengawasan"): 2,
				("Guidance Item", "10.a.1.a"): 1,
				("Guidance Item", "10.a.2"): 1,
				"findings_count": 2,
				"follow_ups_open": 2,
				"follow_ups_overdue": 1,
				"issues_raised": 1,
				"issues_answered": 1,
				"issues_open": 1,
				("Issue", "Permasalahan"): (1, 1, 0, 1),
				"termination_count": 1,
				"termination_total_assets": 1_000_000_001,
				"termination_total_liabilities": 100_000_000,
				"termination_net_value": 900_000_001,
			},
		)
		# the guidance lines carry the regulation's text
		doc = frappe.get_doc(REPORT, report.name)
		item = next(r for r in doc.lines if r.label == "10.a.2")
		self.assertEqual(item.description, frappe.db.get_value("Guidance Item", "10.a.2", "description"))

		# compiling again replaces the figures, never adds to them
		first = rows(report.name)
		compile_as(TKKSD_JABAR, report.name)
		self.assertEqual(rows(report.name), first)
		self.assertEqual(figures(report.name), after)
		self.assertEqual(len({(r[0], r[1]) for r in first}), len(first))

		# Pasal 13: the Gubernur's report covers the same kab/kota cooperations and lists the submitted TKKSD report
		frappe.set_user(TKKSD_JABAR)
		doc = frappe.get_doc(REPORT, report.name)
		doc.narrative = "<p>Pelaksanaan kerja sama berjalan sesuai rencana.</p>"
		doc.save()
		doc.submit()
		frappe.set_user("Administrator")
		draft_12 = new_report(TKKSD_JABAR, reporting.PASAL_12, supervisory_body="TKKSD-32", compile=True)
		jateng_12 = new_report(
			TKKSD_JATENG, reporting.PASAL_12, supervisory_body="TKKSD-33", compile=True, submit=True
		)
		earlier_12 = new_report(
			TKKSD_JABAR,
			reporting.PASAL_12,
			supervisory_body="TKKSD-32",
			period_start=add_days(START, -60),
			period_end=add_days(START, -1),
			compile=True,
			submit=True,
		)
		gubernur = new_report(GOVERNOR_JABAR, reporting.PASAL_13, province="32", compile=True)
		self.assertEqual(gubernur.addressed_to, "Menteri Dalam Negeri")
		self.assertIsNone(gubernur.supervisory_body)
		self.assertEqual(figures(gubernur.name), after)
		listed = [r.supervision_report for r in gubernur.tkksd_reports]
		self.assertEqual(listed, [report.name])
		self.assertNotIn(draft_12.name, listed)
		self.assertNotIn(jateng_12.name, listed)
		self.assertNotIn(earlier_12.name, listed)
		source = gubernur.tkksd_reports[0]
		self.assertEqual(
			(source.supervisory_body, source.cooperation_count, source.activity_count),
			("TKKSD-32", after["cooperation_count"], after["activity_count"]),
		)

		# submitted: frozen
		with self.assertRaisesRegex(ReportError, "frozen"):
			compile_as(TKKSD_JABAR, report.name)
		frappe.set_user(TKKSD_JABAR)
		submitted = frappe.get_doc(REPORT, report.name)
		submitted.period_end = add_days(END, -1)
		with self.assertRaises(frappe.UpdateAfterSubmitError):
			submitted.save()
		frappe.set_user("Administrator")
		self.assertEqual(figures(report.name), after)

	def test_pasal_8_the_sekretariat_bersama_reports_its_provincial_cooperations_only(self):
		report = new_report(SEKBER, reporting.PASAL_8, supervisory_body="SEKBER", compile=True)
		self.assertEqual(report.addressed_to, "Menteri Dalam Negeri")
		self.assertIsNone(report.province)
		before = figures(report.name)

		provincial = new_cooperation(OFFICER_BEKASI, ["31", "32.75"], **READY_FOR_NEGOSIASI).name
		kabkota = new_cooperation(OFFICER_BANDUNG, ["32.73", "32.77"]).name
		new_activity(SEKBER, provincial, body="SEKBER", items=["6.a.1.a", "6.a.2"], submit=True)
		new_activity(TKKSD_JABAR, kabkota, items=["10.a.2"], submit=True)

		compile_as(SEKBER, report.name)
		self.assertEqual(
			delta(figures(report.name), before),
			{
				"cooperation_count": 1,
				("Stage", "Penjajakan"): 1,
				("Government Affair", "Lingkungan Hidup"): 1,
				"activity_count": 1,
				"pembinaan_count": 1,
				("Activity Type", "Pembinaan"): 1,
				("Guidance Item", "6.a.1.a"): 1,
				("Guidance Item", "6.a.2"): 1,
			},
		)

	def test_pasal_8_a_large_compile_runs_as_a_background_job(self):
		report = new_report(SEKBER, reporting.PASAL_8, supervisory_body="SEKBER")
		frappe.local.conf["ksad_report_inline_limit"] = 1
		try:
			new_cooperation(OFFICER_BEKASI, ["31", "32.75"])
			new_cooperation(OFFICER_BEKASI, ["32", "32.75"])
			result = compile_as(SEKBER, report.name)
		finally:
			frappe.local.conf.pop("ksad_report_inline_limit", None)
		self.assertTrue(result["queued"])
		self.assertGreaterEqual(result["cooperations"], 2)
		# the test runner runs the job at once, as the user who asked
		self.assertTrue(frappe.db.get_value(REPORT, report.name, "compiled_on"))
		self.assertEqual(frappe.db.get_value(REPORT, report.name, "modified_by"), SEKBER)

	@unittest.skipUnless(
		SERVER, "KSAD_TEST_SERVER_URL is not set: scripts/run-tests starts a server and sets it"
	)
	def test_pasal_8_a_background_compile_runs_on_a_real_worker_and_shows_its_progress(self):
		"""Through the running server: the compile is queued on Redis, a real RQ worker runs it, progress is published."""
		# the earlier tests' reports hold the lock of this year's report series in this test's
		# transaction: let it go, or the server's insert waits for it (they are that test's own data)
		frappe.db.rollback()
		s = self.session(SEKBER)
		r = s.post(
			f"{SERVER}/api/resource/{REPORT}",
			json={"report_type": reporting.PASAL_8, "supervisory_body": "SEKBER", "period_start": str(START),
				  "period_end": str(END)},
			timeout=30,
		)  # fmt: skip
		self.assertEqual(r.status_code, 200, r.text)
		name = r.json()["data"]["name"]
		self.addCleanup(delete_committed_report, name)
		update_site_config("ksad_report_inline_limit", 1)  # the world's two national cooperations are "large"
		self.addCleanup(update_site_config, "ksad_report_inline_limit", "None")
		events = get_redis_connection_without_auth().pubsub(ignore_subscribe_messages=True)
		events.subscribe("events")
		self.addCleanup(events.close)

		r = s.post(
			f"{SERVER}/api/method/ksad_app.ksad.doctype.supervision_report.supervision_report.compile_report",
			json={"name": name},
			timeout=30,
		)
		self.assertEqual(r.status_code, 200, r.text)
		self.assertEqual(r.json()["message"]["queued"], True)
		self.assertFalse(report_over_rest(s, name).get("compiled_on"))  # queued, not compiled in the request

		worker = subprocess.run(
			[sys.executable, "-m", "frappe.utils.bench_helper", "frappe", "--site", frappe.local.site,
			 "worker", "--queue", "long", "--burst"],
			cwd=os.path.abspath(frappe.local.sites_path), capture_output=True, text=True, timeout=300,
		)  # fmt: skip
		self.assertEqual(worker.returncode, 0, worker.stderr[-2000:])

		report = report_over_rest(s, name)
		self.assertTrue(report.get("compiled_on"))
		self.assertEqual(report["modified_by"], SEKBER)
		self.assertGreaterEqual(report["cooperation_count"], 2)
		published = []
		deadline = time.monotonic() + 5  # what the worker published waits in the subscription
		while time.monotonic() < deadline:
			message = events.get_message(timeout=0.5)  # None also for the subscription's own notice
			if message and message["type"] == "message":
				data = json.loads(message["data"])
				if data.get("namespace") == frappe.local.site:
					published.append(data)
		room = get_doc_room(REPORT, name)  # the form of the report listens there
		progress = [
			m["message"]["percent"] for m in published if m["event"] == "progress" and m["room"] == room
		]
		self.assertGreaterEqual(len(progress), 3, published)
		self.assertEqual(progress, sorted(progress))
		self.assertIn(
			("ksad_report_compiled", {"name": name}),
			[(m["event"], m["message"]) for m in published],
		)

	# --- who prepares which report -------------------------------------------

	def test_pasal_8_12_13_only_the_reporter_prepares_a_report(self):
		cases = [
			(TKKSD_JATENG, reporting.PASAL_12, {"supervisory_body": "TKKSD-32"}, "members of"),
			(TKKSD_JABAR, reporting.PASAL_8, {"supervisory_body": "SEKBER"}, "members of"),
			(SEKBER, reporting.PASAL_12, {"supervisory_body": "TKKSD-32"}, "members of"),
			(GOVERNOR_JABAR, reporting.PASAL_13, {"province": "33"}, "Governor Office of"),
			(TKKSD_JABAR, reporting.PASAL_13, {"province": "32"}, "Governor Office of"),
		]
		for user, report_type, fields, message in cases:
			with self.subTest(user=user, report_type=report_type):
				with self.assertRaisesRegex(NotYourReportError, message):
					new_report(user, report_type, **fields)
		for user in (OFFICER_BANDUNG, MINISTRY, MANAGER, OUTSIDER):
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				new_report(user, reporting.PASAL_8, supervisory_body="SEKBER")

	def test_pasal_8_12_13_the_subject_and_the_period_the_type_requires(self):
		with self.assertRaisesRegex(ReportError, "not a Sekretariat Bersama"):
			new_report(TKKSD_JABAR, reporting.PASAL_8, supervisory_body="TKKSD-32")
		with self.assertRaisesRegex(ReportError, "not a Tim Koordinasi"):
			new_report(SEKBER, reporting.PASAL_12, supervisory_body="SEKBER")
		with self.assertRaisesRegex(ReportError, "names the province"):
			new_report(GOVERNOR_JABAR, reporting.PASAL_13)
		with self.assertRaisesRegex(ReportError, "not a province"):
			new_report(GOVERNOR_JABAR, reporting.PASAL_13, province="32.73")
		with self.assertRaisesRegex(ReportError, "before it starts"):
			new_report(
				TKKSD_JABAR,
				reporting.PASAL_12,
				supervisory_body="TKKSD-32",
				period_start=END,
				period_end=START,
			)
		# Pasal 13 names no body, Pasal 8 no province
		gubernur = new_report(GOVERNOR_JABAR, reporting.PASAL_13, province="32", supervisory_body="TKKSD-32")
		self.assertIsNone(gubernur.supervisory_body)
		sekber = new_report(SEKBER, reporting.PASAL_8, supervisory_body="SEKBER", province="32")
		self.assertIsNone(sekber.province)

	def test_pasal_8_a_report_is_compiled_before_it_is_submitted_and_again_when_its_subject_changes(self):
		report = new_report(TKKSD_JABAR, reporting.PASAL_12, supervisory_body="TKKSD-32")
		frappe.set_user(TKKSD_JABAR)
		with self.assertRaisesRegex(ReportError, "Compile the report"):
			frappe.get_doc(REPORT, report.name).submit()
		compile_report(report.name)
		doc = frappe.get_doc(REPORT, report.name)
		self.assertTrue(doc.compiled_on and doc.lines)
		doc.period_start = add_days(START, -1)
		doc.save()
		self.assertFalse(doc.compiled_on)
		self.assertEqual((len(doc.lines), doc.cooperation_count), (0, 0))
		frappe.set_user("Administrator")
		# someone who reads it may not compile it
		frappe.set_user(MINISTRY)
		with self.assertRaises(frappe.PermissionError):
			compile_report(report.name)

	# --- who reads which report ----------------------------------------------

	def test_pasal_8_12_13_who_reads_which_report(self):
		r8 = new_report(SEKBER, reporting.PASAL_8, supervisory_body="SEKBER").name
		r12 = new_report(
			TKKSD_JABAR, reporting.PASAL_12, supervisory_body="TKKSD-32", compile=True, submit=True
		).name
		r12_draft = new_report(TKKSD_JABAR, reporting.PASAL_12, supervisory_body="TKKSD-32").name
		r12_jateng = new_report(
			TKKSD_JATENG, reporting.PASAL_12, supervisory_body="TKKSD-33", compile=True, submit=True
		).name
		r13 = new_report(GOVERNOR_JABAR, reporting.PASAL_13, province="32").name
		everything = {r8, r12, r12_draft, r12_jateng, r13}
		expected = {
			SEKBER: {r8},
			TKKSD_JABAR: {r12, r12_draft},
			TKKSD_JATENG: {r12_jateng},
			GOVERNOR_JABAR: {r12, r13},
			MINISTRY: everything,
			MANAGER: everything,
		}
		for user, visible in expected.items():
			with self.subTest(user=user):
				frappe.set_user(user)
				listed = set(
					frappe.get_list(REPORT, filters={"name": ("in", list(everything))}, pluck="name")
				)
				self.assertEqual(listed, visible)
				readable = {n for n in everything if frappe.has_permission(REPORT, "read", doc=n, user=user)}
				self.assertEqual(readable, visible)
				frappe.set_user("Administrator")
		for user in (OFFICER_BANDUNG, OUTSIDER):
			with self.subTest(user=user):
				self.assertFalse(frappe.has_permission(REPORT, "read", user=user))
				self.assertFalse(
					any(frappe.has_permission(REPORT, "read", doc=n, user=user) for n in everything)
				)
		# writing is the reporter's alone
		self.assertTrue(frappe.has_permission(REPORT, "write", doc=r12_draft, user=TKKSD_JABAR))
		self.assertFalse(frappe.has_permission(REPORT, "write", doc=r12_draft, user=TKKSD_JATENG))
		self.assertFalse(frappe.has_permission(REPORT, "cancel", doc=r12, user=GOVERNOR_JABAR))
		self.assertTrue(frappe.has_permission(REPORT, "write", doc=r13, user=GOVERNOR_JABAR))
		self.assertFalse(frappe.has_permission(REPORT, "write", doc=r13, user=MINISTRY))

	# --- the printed report ---------------------------------------------------

	def test_pasal_12_and_13_reports_print_to_pdf_in_bahasa_indonesia(self):
		from pypdf import PdfReader

		def pdf_text(user: str, name: str) -> str:
			frappe.set_user(user)
			try:
				pdf = frappe.get_print(REPORT, name, PRINT_FORMAT, as_pdf=True)
			finally:
				frappe.set_user("Administrator")
			self.assertTrue(pdf.startswith(b"%PDF"))
			text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
			return " ".join(text.split())

		r12 = new_report(
			TKKSD_JABAR,
			reporting.PASAL_12,
			supervisory_body="TKKSD-32",
			narrative="<p>Kerja sama persampahan berjalan baik.</p>",
			compile=True,
			submit=True,
		)
		text = pdf_text(TKKSD_JABAR, r12.name)
		for expected in (
			"LAPORAN PEMBINAAN DAN PENGAWASAN KERJA SAMA ANTARDAERAH",
			r12.name,
			"Kepada Yth.",
			"Gubernur Jawa Barat",
			"Tim Koordinasi Kerja Sama Daerah Provinsi Jawa Barat",
			"Pasal 12 jo. Pasal 10 dan Pasal 11",
			"Kerja Sama Antardaerah menurut Tahapan (Pasal 4)",
			"Penjajakan",
			"Kerja Sama Antardaerah menurut Urusan Pemerintahan",
			"Perpindahan Tahapan selama Periode",
			"Kegiatan Pembinaan dan Pengawasan",
			"Pembinaan menurut Butir Pasal 10",
			"Permasalahan dan Perselisihan",
			"Pengakhiran Kerja Sama",
			"Kerja sama persampahan berjalan baik.",
		):
			self.assertIn(expected, text)

		r13 = new_report(GOVERNOR_JABAR, reporting.PASAL_13, province="32", compile=True)
		text = pdf_text(GOVERNOR_JABAR, r13.name)
		for expected in (
			"LAPORAN PEMBINAAN DAN PENGAWASAN KERJA SAMA ANTARDAERAH",
			f"{r13.name} (RANCANGAN)",
			"Menteri Dalam Negeri",
			"Gubernur Jawa Barat",
			"Pasal 13 jo. Pasal 3",
			"Laporan Tim Koordinasi Kerja Sama Daerah kepada Gubernur (Pasal 12)",
			r12.name,
		):
			self.assertIn(expected, text)
