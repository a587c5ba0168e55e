"""Issue 9 on a real site: running cooperations registered at their stage, by hand, through Data Import and ksad-import.

The sample register (``ksad_app/data/sample/register_kerja_sama_contoh.csv``)
holds 50 good cooperations on real region codes (within Jawa Barat and Jawa
Tengah, across both, and between provinces, so that the test world's bodies
SEKBER, TKKSD-32 and TKKSD-33 supervise them) and 8 bad rows, each refused
for its own reason. One of them, a kab/kota cooperation in Jawa Timur, is
refused only where the TKKSD of Jawa Timur is not registered.

Data Import commits every good row (and rolls back after every bad one), so
its tests remove what they import (by the sample's reference prefix) before
and after; the ksad-import tests call the command's function inside the test
transaction and roll back after each test.
"""

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import frappe
from frappe.core.doctype.data_import.importer import INSERT, Importer
from frappe.model.workflow import WorkflowPermissionError, apply_workflow
from frappe.utils import get_bench_path

from ksad_app.domain import stages
from ksad_app.domain.registration import REGISTRASI
from ksad_app.exceptions import ExternalReferenceError, RegistrationError, RegistrationNotAllowedError
from ksad_app.setup.register_import import (
	CREATED,
	REFUSED,
	UNCHANGED,
	UPDATED,
	grant_data_import,
	import_register,
	report_lines,
)
from ksad_app.tests import (
	MANAGER,
	OFFICER_BANDUNG,
	OFFICER_CIMAHI,
	READY_FOR_NEGOSIASI,
	READY_FOR_PELAKSANAAN,
	SERVER,
	TEST_PREFIX,
	TKKSD_JABAR,
	WorldTestCase,
)

COOPERATION = "Inter-Regional Cooperation"
PARTIES = ["32.73", "32.77"]
NOTE = "Register kerja sama Bagian Kerja Sama Kota Bandung (uji)"
FILES = ("kb_file", "pks_file")
# What a register holds for a cooperation in Pelaksanaan: numbers, dates and period, no scans.
REGISTERED = {**READY_FOR_NEGOSIASI, **{k: v for k, v in READY_FOR_PELAKSANAAN.items() if k not in FILES}}

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample" / "register_kerja_sama_contoh.csv"
SAMPLE_PREFIX = "CONTOH-"
# The columns of the sample, as chosen in Data Import's "Download Template" (parent fields, then the parties').
SAMPLE_FIELDS = {
	COOPERATION: [
		"external_reference",
		"title",
		"registration_stage",
		"registration_note",
		"government_affair",
		"cooperation_category",
		"cooperation_object",
		"estimated_value",
		"kb_number",
		"kb_date",
		"pks_number",
		"pks_date",
		"start_date",
		"end_date",
		"dprd_approval_required",
		"dprd_approval_number",
		"dprd_approval_date",
	],
	"parties": ["regional_government", "region_name", "signatory_position"],
}
# The sample's bad rows by reference (the duplicate by "<reference>#2"), and what the refusal says in Bahasa Indonesia.
BAD_ROWS = {
	"CONTOH-REG-051": "wilayah administrasi",  # Kota Administrasi Jakarta Pusat is a party
	"CONTOH-REG-052": "sekurang-kurangnya dua pihak",  # one party only
	"CONTOH-REG-053": "Nomor PKS",  # Pelaksanaan without its PKS number
	"CONTOH-REG-054": "mendahului tanggal mulai",  # ends before it starts
	"CONTOH-REG-012#2": "CONTOH-REG-012",  # a reference used twice in the file
	"CONTOH-REG-056": "bukan tahap",  # "Usulan Pelaksanaan"
	"CONTOH-REG-057": "TKKSD Provinsi Jawa Timur",  # no TKKSD of Jawa Timur on the site
	"CONTOH-REG-058": "catatan registrasi",  # Pengakhiran without a note
}


def sample_records(path: Path = SAMPLE) -> list[dict]:
	"""The cooperations of a register file: row number (as Data Import counts), key, reference, stage."""
	out, seen = [], set()
	with open(path, encoding="utf-8", newline="") as f:
		for number, line in enumerate(csv.DictReader(f), start=2):
			reference = line["External Reference"]
			if not reference:
				continue
			key = f"{reference}#2" if reference in seen else reference
			seen.add(reference)
			out.append(
				{"row": number, "key": key, "reference": reference, "stage": line["Registered at Stage"]}
			)
	return out


def jatim_registered() -> bool:
	return bool(frappe.db.exists("Supervisory Body", {"province": "35"}))


def expected_bad() -> dict[str, str]:
	"""The bad rows on this site (the Jawa Timur row goes in where its TKKSD is registered)."""
	return {k: v for k, v in BAD_ROWS.items() if k != "CONTOH-REG-057" or not jatim_registered()}


def sample_state() -> dict[str, tuple]:
	"""Every imported cooperation by reference: stage, state, modified, parties, stage history rows."""
	rows = frappe.get_all(
		COOPERATION,
		filters={"external_reference": ("like", f"{SAMPLE_PREFIX}%")},
		fields=["name", "external_reference", "stage", "workflow_state", "modified"],
	)
	names = [r.name for r in rows] or [""]
	parties = frappe.get_all(
		"Cooperation Party",
		filters={"parent": ("in", names)},
		fields=["parent", "count(*) as n"],
		group_by="parent",
	)
	logs = frappe.get_all(
		"Cooperation Stage Log",
		filters={"parent": ("in", names)},
		fields=["parent", "count(*) as n"],
		group_by="parent",
	)
	n_parties = {r.parent: r.n for r in parties}
	n_logs = {r.parent: r.n for r in logs}
	return {
		r.external_reference: (
			r.stage,
			r.workflow_state,
			str(r.modified),
			n_parties.get(r.name),
			n_logs.get(r.name),
		)
		for r in rows
	}


def remove_sample() -> None:
	"""Delete what importing the sample left (Data Import commits), so the other suites see the world unchanged."""
	frappe.set_user("Administrator")
	names = frappe.get_all(
		COOPERATION, filters={"external_reference": ("like", f"{SAMPLE_PREFIX}%")}, pluck="name"
	)
	for name in names:
		frappe.delete_doc(COOPERATION, name, force=True, ignore_permissions=True, delete_permanently=True)
	if names:
		frappe.db.delete(
			"Workflow Action", {"reference_doctype": COOPERATION, "reference_name": ("in", names)}
		)
		frappe.db.delete("Version", {"ref_doctype": COOPERATION, "docname": ("in", names)})
	# the test world's KSAD Manager imports nothing but these tests' files (whose content Frappe may share)
	for data_import in frappe.get_all(
		"Data Import", filters={"reference_doctype": COOPERATION, "owner": MANAGER}, pluck="name"
	):
		frappe.delete_doc("Data Import", data_import, force=True, ignore_permissions=True)
	for file in frappe.get_all("File", filters={"file_name": ("like", "ksad-test-%")}, pluck="name"):
		frappe.delete_doc("File", file, force=True, ignore_permissions=True)
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- Data Import committed what it imported


def in_bahasa():
	frappe.local.lang = "id"
	frappe.local.lang_full_dict = None


def in_english():
	frappe.local.lang = "en"
	frappe.local.lang_full_dict = None


def register(user: str, stage: str | None, codes: list[str] | None = None, **fields):
	"""Create a cooperation as ``user``, registered at ``stage`` with the values of ``fields``."""
	frappe.set_user(user)
	try:
		return frappe.get_doc(
			{
				"doctype": COOPERATION,
				"title": TEST_PREFIX + fields.pop("title", "Registrasi Kerja Sama Berjalan"),
				"parties": [{"regional_government": c} for c in codes or PARTIES],
				"registration_stage": stage,
				**fields,
			}
		).insert()
	finally:
		frappe.set_user("Administrator")


def log_rows(name: str) -> list:
	return frappe.get_all(
		"Cooperation Stage Log",
		filters={"parent": name, "parenttype": COOPERATION},
		fields=["action", "from_state", "to_state", "user", "timestamp", "reason"],
		order_by="idx asc",
	)


class TestRegisterAtStage(WorldTestCase):
	"""Pasal 4 and issue 9: a KSAD Manager registers a running cooperation at its stage; nobody else skips one."""

	def setUp(self):
		in_english()

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_pasal_4_manager_registers_at_pelaksanaan_and_the_stage_history_records_it(self):
		doc = register(MANAGER, "Pelaksanaan", registration_note=NOTE, **REGISTERED)
		self.assertEqual((doc.workflow_state, doc.stage), ("Pelaksanaan", "Pelaksanaan"))
		stored = frappe.db.get_value(COOPERATION, doc.name, ["workflow_state", "stage", "cooperation_level"])
		self.assertEqual(stored, ("Pelaksanaan", "Pelaksanaan", "Kabupaten/Kota–Kabupaten/Kota"))
		self.assertEqual([s.supervisory_body for s in doc.supervisors], ["TKKSD-32"])
		(row,) = log_rows(doc.name)
		self.assertEqual(
			(row.action, row.from_state, row.to_state, row.user, row.reason),
			(REGISTRASI, None, "Pelaksanaan", MANAGER, NOTE),
		)
		self.assertIsNotNone(row.timestamp)

	def test_pasal_4_the_form_lists_the_signed_files_still_missing(self):
		doc = register(MANAGER, "Pelaksanaan", registration_note=NOTE, **REGISTERED)
		doc = frappe.get_doc(COOPERATION, doc.name)
		doc.run_method("onload")
		self.assertEqual(
			doc.get_onload().registration_missing_files,
			["Draft PKS File", "Kesepakatan Bersama File", "PKS File"],
		)
		frappe.set_user(OFFICER_BANDUNG)
		doc = frappe.get_doc(COOPERATION, doc.name)
		doc.update(
			{"kb_file": "/files/kb.pdf", "pks_file": "/files/pks.pdf", "pks_draft_file": "/files/d.pdf"}
		)
		doc.save()
		doc.run_method("onload")
		self.assertEqual(doc.get_onload().registration_missing_files, [])

	def test_pasal_4_every_stage_of_pasal_4_can_be_registered(self):
		for stage in ("Penjajakan", "Negosiasi", "Penandatanganan", "Pelaksanaan", "Pengakhiran"):
			with self.subTest(stage=stage):
				doc = register(
					MANAGER, stage, title=f"Registrasi {stage}", registration_note=NOTE, **REGISTERED
				)
				self.assertEqual(
					frappe.db.get_value(COOPERATION, doc.name, ["workflow_state", "stage"]), (stage, stage)
				)
				self.assertEqual([r.to_state for r in log_rows(doc.name)], [stage])

	def test_pasal_4_a_registered_cooperation_moves_on_through_the_workflow(self):
		doc = register(MANAGER, "Pelaksanaan", registration_note=NOTE, **REGISTERED)
		frappe.set_user(OFFICER_BANDUNG)
		apply_workflow(frappe.get_doc(COOPERATION, doc.name), stages.AJUKAN)
		frappe.set_user(TKKSD_JABAR)
		apply_workflow(frappe.get_doc(COOPERATION, doc.name), stages.SETUJUI)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(COOPERATION, doc.name, "stage"), "Pengakhiran")
		self.assertEqual(
			[(r.action, r.to_state) for r in log_rows(doc.name)],
			[
				(REGISTRASI, "Pelaksanaan"),
				(stages.AJUKAN, "Usulan Pengakhiran"),
				(stages.SETUJUI, "Pengakhiran"),
			],
		)

	def test_pasal_4_a_later_stage_needs_a_registration_note(self):
		with self.assertRaisesRegex(RegistrationError, "registration note"):
			register(MANAGER, "Pelaksanaan", registration_note="  ", **REGISTERED)

	def test_pasal_4_pelaksanaan_needs_what_the_guards_of_the_stages_passed_require(self):
		values = {k: v for k, v in REGISTERED.items() if k not in ("pks_number", "cooperation_object")}
		with self.assertRaisesRegex(RegistrationError, "must have what the stages before it required") as e:
			register(MANAGER, "Pelaksanaan", registration_note=NOTE, **values)
		self.assertIn("PKS Number", str(e.exception))
		self.assertIn("Object of Cooperation", str(e.exception))
		self.assertNotIn("PKS File", str(e.exception))
		with self.assertRaisesRegex(RegistrationError, "DPRD Approval Number"):
			register(MANAGER, "Pelaksanaan", registration_note=NOTE, dprd_approval_required=1, **REGISTERED)

	def test_pasal_4_only_the_stages_of_pasal_4(self):
		for stage in ("Usulan Pelaksanaan", "Selesai", "Dibatalkan", "Pelaksana"):
			with self.subTest(stage=stage), self.assertRaisesRegex(RegistrationError, "not a stage"):
				register(MANAGER, stage, registration_note=NOTE, **REGISTERED)

	def test_pasal_4_an_officer_starts_at_penjajakan(self):
		title = "Registrasi oleh Pejabat Daerah"
		with self.assertRaises(RegistrationNotAllowedError):
			register(OFFICER_BANDUNG, "Pelaksanaan", title=title, registration_note=NOTE, **REGISTERED)
		self.assertFalse(frappe.db.exists(COOPERATION, {"title": TEST_PREFIX + title}))
		doc = register(OFFICER_BANDUNG, "Penjajakan", title=title, registration_note=NOTE)
		self.assertEqual(frappe.db.get_value(COOPERATION, doc.name, "stage"), "Penjajakan")
		self.assertEqual([(r.action, r.to_state) for r in log_rows(doc.name)], [(REGISTRASI, "Penjajakan")])

	def test_pasal_4_a_body_member_registers_nothing(self):
		with self.assertRaises(frappe.PermissionError):
			register(TKKSD_JABAR, "Pelaksanaan", registration_note=NOTE, **REGISTERED)

	def test_pasal_4_the_workflow_state_of_a_new_cooperation_is_still_refused(self):
		for user in (MANAGER, OFFICER_BANDUNG):
			with self.subTest(user=user), self.assertRaises(WorkflowPermissionError):
				register(user, None, workflow_state="Pelaksanaan", **REGISTERED)

	def test_pasal_4_the_registration_is_set_once(self):
		doc = register(MANAGER, "Negosiasi", registration_note=NOTE, **READY_FOR_NEGOSIASI)
		frappe.set_user(MANAGER)
		doc = frappe.get_doc(COOPERATION, doc.name)
		doc.registration_stage = "Pelaksanaan"
		with self.assertRaises(frappe.CannotChangeConstantError):
			doc.save()
		plain = register(OFFICER_BANDUNG, None)
		frappe.set_user(MANAGER)
		plain = frappe.get_doc(COOPERATION, plain.name)
		plain.update({"registration_stage": "", "registration_note": ""})
		plain.save()  # an empty value is no change
		plain.update({"registration_stage": "Pelaksanaan", "registration_note": NOTE})
		with self.assertRaises(frappe.CannotChangeConstantError):
			plain.save()
		self.assertEqual(frappe.db.get_value(COOPERATION, plain.name, "stage"), "Penjajakan")

	def test_external_reference_is_unique_and_the_parties_may_correct_it(self):
		first = register(
			MANAGER,
			"Negosiasi",
			registration_note=NOTE,
			external_reference="REG/UJI/001",
			**READY_FOR_NEGOSIASI,
		)
		with self.assertRaisesRegex(ExternalReferenceError, f"already registered as .*{first.name}"):
			register(MANAGER, None, title="Kedua", external_reference=" REG/UJI/001 ")
		frappe.set_user(OFFICER_CIMAHI)
		doc = frappe.get_doc(COOPERATION, first.name)
		doc.external_reference = "REG/UJI/001-A"
		doc.save()
		self.assertEqual(frappe.db.get_value(COOPERATION, first.name, "external_reference"), "REG/UJI/001-A")
		copy = frappe.copy_doc(doc, ignore_no_copy=False)
		self.assertFalse(copy.external_reference or copy.registration_stage or copy.registration_note)

	def test_messages_in_bahasa_indonesia(self):
		in_bahasa()
		try:
			with self.assertRaisesRegex(RegistrationNotAllowedError, "Hanya KSAD Manager"):
				register(OFFICER_BANDUNG, "Pelaksanaan", registration_note=NOTE, **REGISTERED)
			with self.assertRaisesRegex(RegistrationError, "Nomor PKS"):
				register(MANAGER, "Pelaksanaan", registration_note=NOTE, **{**REGISTERED, "pks_number": None})
		finally:
			in_english()


@unittest.skipUnless(SERVER, "KSAD_TEST_SERVER_URL is not set: scripts/run-tests starts a server and sets it")
class TestRegisterThroughTheApi(WorldTestCase):
	"""Nobody but a KSAD Manager skips a stage through the REST API either."""

	def post(self, user: str, title: str, **fields):
		body = {
			"title": TEST_PREFIX + title,
			"parties": [{"regional_government": c} for c in PARTIES],
			**REGISTERED,
			**fields,
		}
		return self.session(user).post(f"{SERVER}/api/resource/{COOPERATION}", json=body, timeout=30)

	def test_officer_and_body_member_cannot_register_at_a_later_stage(self):
		cases = [
			(OFFICER_BANDUNG, {"registration_stage": "Pelaksanaan", "registration_note": NOTE}),
			(OFFICER_BANDUNG, {"workflow_state": "Pelaksanaan"}),
			(
				OFFICER_BANDUNG,
				{"stage_log": [{"action": REGISTRASI, "to_state": "Pelaksanaan"}], "stage": "Pelaksanaan"},
			),
			(TKKSD_JABAR, {"registration_stage": "Pelaksanaan", "registration_note": NOTE}),
			(MANAGER, {"workflow_state": "Pelaksanaan"}),
		]
		for i, (user, fields) in enumerate(cases):
			title = f"API Registrasi {i}"
			with self.subTest(user=user, fields=sorted(fields)):
				r = self.post(user, title, **fields)
				frappe.db.rollback()
				name = frappe.db.get_value(COOPERATION, {"title": TEST_PREFIX + title})
				if r.status_code == 200:
					# what an officer may do: start at Penjajakan, whatever else was sent
					self.assertEqual(fields.get("stage"), "Pelaksanaan", r.text)
					self.assertEqual(frappe.db.get_value(COOPERATION, name, "stage"), "Penjajakan")
					self.assertEqual(log_rows(name), [])
					frappe.delete_doc(COOPERATION, name, force=True, ignore_permissions=True)
					frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the server committed it
					continue
				self.assertIn(r.status_code, (403, 417), r.text)
				self.assertIsNone(name)

	def test_the_manager_registers_through_the_api(self):
		r = self.post(
			MANAGER, "API Registrasi Manager", registration_stage="Pelaksanaan", registration_note=NOTE
		)
		self.assertEqual(r.status_code, 200, r.text)
		name = r.json()["data"]["name"]
		frappe.db.rollback()
		try:
			self.assertEqual(
				frappe.db.get_value(COOPERATION, name, ["workflow_state", "stage"]),
				("Pelaksanaan", "Pelaksanaan"),
			)
			self.assertEqual([(r.action, r.user) for r in log_rows(name)], [(REGISTRASI, MANAGER)])
		finally:
			frappe.delete_doc(COOPERATION, name, force=True, ignore_permissions=True)
			frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the server committed it


class TestDataImport(WorldTestCase):
	"""Frappe's own Data Import, as the KSAD Manager: the sample goes in row by row, the bad rows say why."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		grant_data_import()
		remove_sample()

	@classmethod
	def tearDownClass(cls):
		remove_sample()
		in_english()
		super().tearDownClass()

	def setUp(self):
		self.mute_emails = frappe.flags.mute_emails

	def tearDown(self):
		frappe.flags.mute_emails = self.mute_emails
		frappe.set_user("Administrator")
		in_english()

	def data_import(self, content: bytes, file_name: str) -> list[dict]:
		"""Run Data Import (Insert New Records) on ``content`` as the KSAD Manager, as its background job does."""
		frappe.set_user(MANAGER)
		file = frappe.get_doc(
			{"doctype": "File", "file_name": f"ksad-test-{file_name}", "content": content, "is_private": 1}
		).insert()
		data_import = frappe.get_doc(
			{
				"doctype": "Data Import",
				"reference_doctype": COOPERATION,
				"import_type": INSERT,
				"import_file": file.file_url,
			}
		).insert()
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- as the form does before the job starts
		Importer(COOPERATION, data_import=data_import).import_data()
		frappe.set_user("Administrator")
		self.data_import_doc = frappe.get_doc("Data Import", data_import.name)
		logs = frappe.get_all(
			"Data Import Log",
			filters={"data_import": data_import.name},
			fields=["success", "docname", "messages", "row_indexes"],
			order_by="log_index",
		)
		for log in logs:
			log.row = json.loads(log.row_indexes)[0]
			log.text = " ".join(
				m.get("message", "") for m in json.loads(log.messages or "[]") if isinstance(m, dict)
			)
		return logs

	def test_the_sample_goes_in_and_a_second_import_changes_nothing(self):
		records = sample_records()
		bad = expected_bad()
		logs = {log.row: log for log in self.data_import(SAMPLE.read_bytes(), "register.csv")}
		self.assertEqual(len(logs), len(records))
		for record in records:
			log = logs[record["row"]]
			with self.subTest(record=record["key"]):
				if record["key"] in bad:
					self.assertFalse(log.success, log)
					self.assertIn(bad[record["key"]], frappe.utils.strip_html(log.text))
				else:
					self.assertTrue(log.success, log.text)
		state = sample_state()
		good = [r for r in records if r["key"] not in bad]
		self.assertGreaterEqual(len(good), 50)
		self.assertEqual(sorted(state), sorted(r["reference"] for r in good))
		for record in good:
			stage, workflow_state, _modified, parties, logs_n = state[record["reference"]]
			self.assertEqual((stage, workflow_state, logs_n), (record["stage"], record["stage"], 1))
			self.assertGreaterEqual(parties, 2)
		levels = set(
			frappe.get_all(
				COOPERATION, filters={"external_reference": ("like", "CONTOH-%")}, pluck="cooperation_level"
			)
		)
		self.assertEqual(len(levels), 3)

		# the same file again: nothing new, nothing changed, every row says why
		again = self.data_import(SAMPLE.read_bytes(), "register-again.csv")
		self.assertEqual(sample_state(), state)
		self.assertFalse(any(log.success for log in again))
		for log in again:
			self.assertTrue(log.text)
		refused_again = {log.row: log.text for log in again}
		first_good = good[0]
		self.assertIn("sudah terdaftar sebagai", refused_again[first_good["row"]])
		self.assertIn("ksad-import", refused_again[first_good["row"]])

	def test_data_import_refuses_a_file_with_an_unknown_region_code_before_writing(self):
		content = (
			b"External Reference,Title,Regional Government (Parties)\n"
			b"CONTOH-UJI-001,Kerja Sama Uji (contoh),32.73\n,,32.77\n"
			b"CONTOH-UJI-002,Kerja Sama Kode Salah (contoh),32.73\n,,99.99\n"
		)
		logs = self.data_import(content, "unknown-code.csv")
		self.assertEqual(logs, [])
		self.assertIn("99.99", self.data_import_doc.template_warnings)
		self.assertEqual(sample_state(), {})


class TestImportCommand(WorldTestCase):
	"""ksad-import's function: create, leave unchanged, update, refuse; --dry-run writes nothing."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		remove_sample()

	def setUp(self):
		frappe.set_user(MANAGER)
		in_bahasa()

	def tearDown(self):
		frappe.db.rollback()
		frappe.set_user("Administrator")
		in_english()

	def run_import(self, source=SAMPLE, **kwargs) -> dict:
		return import_register(str(source), **kwargs)

	def edited_sample(self, changes: dict[tuple[str, str], str]) -> str:
		"""A copy of the sample with ``changes`` ({(reference, column): value}) applied to the first row of each."""
		rows = list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))
		header = rows[0]
		for (reference, column), value in changes.items():
			row = next(r for r in rows if r[0] == reference)
			row[header.index(column)] = value
		fd, path = tempfile.mkstemp(prefix="ksad-test-", suffix=".csv")
		with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
			csv.writer(f, lineterminator="\n").writerows(rows)
		self.addCleanup(os.remove, path)
		return path

	def assert_refused_as_expected(self, summary: dict):
		records = {r["row"]: r for r in sample_records()}
		refused = {records[r["row"]]["key"]: r["reason"] for r in summary[REFUSED]}
		bad = expected_bad()
		self.assertEqual(sorted(refused), sorted(bad))
		for key, fragment in bad.items():
			self.assertIn(fragment, refused[key], key)

	def test_first_run_creates_second_run_changes_nothing(self):
		first = self.run_import()
		bad = expected_bad()
		self.assertEqual(len(first[CREATED]), len(sample_records()) - len(bad))
		self.assertEqual((first[UPDATED], first[UNCHANGED]), ([], []))
		self.assert_refused_as_expected(first)
		state = sample_state()
		self.assertEqual(len(state), len(first[CREATED]))
		self.assertTrue(all(logs_n == 1 for *_, logs_n in state.values()))

		second = self.run_import()
		self.assertEqual((second[CREATED], second[UPDATED]), ([], []))
		self.assertEqual(len(second[UNCHANGED]), len(first[CREATED]))
		self.assert_refused_as_expected(second)
		self.assertEqual(sample_state(), state)
		print(
			f"\nksad-import: {first['records']} cooperations ({first['lines']} lines) in {first['seconds']:.2f} s, "
			f"{first['records_per_second']:.1f} cooperations per second (first run, creating); "
			f"{second['records_per_second']:.1f} per second (second run, unchanged)",
			file=sys.stderr,
		)

	def test_dry_run_writes_nothing(self):
		series = frappe.db.sql("select current from tabSeries where name like 'KSAD-%%' order by name")
		summary = self.run_import(dry_run=True)
		self.assertEqual(len(summary[CREATED]), len(sample_records()) - len(expected_bad()))
		self.assertEqual(sample_state(), {})
		self.assertEqual(
			frappe.db.sql("select current from tabSeries where name like 'KSAD-%%' order by name"), series
		)
		self.assertTrue(summary["dry_run"])
		self.assertEqual(len(report_lines(summary)), 3 + len(summary[REFUSED]) + 1)

	def test_a_changed_value_updates_that_cooperation_only(self):
		self.run_import()
		before = sample_state()
		name = frappe.db.get_value(COOPERATION, {"external_reference": "CONTOH-REG-001"})
		# the region's name is there for the reader: the code decides, the name is fetched
		summary = self.run_import(self.edited_sample({("CONTOH-REG-001", "Region Name (Parties)"): "Jabar"}))
		self.assertEqual((summary[CREATED], summary[UPDATED]), ([], []))
		path = self.edited_sample(
			{
				("CONTOH-REG-001", "Object of Cooperation"): "Objek kerja sama yang diperbaiki (contoh)",
				("CONTOH-REG-001", "Region Name (Parties)"): "Jabar",
			}
		)
		summary = self.run_import(path)
		self.assertEqual([r["reference"] for r in summary[UPDATED]], ["CONTOH-REG-001"])
		self.assertEqual(len(summary[UNCHANGED]), len(before) - 1)
		after = sample_state()
		self.assertNotEqual(after.pop("CONTOH-REG-001")[2], before.pop("CONTOH-REG-001")[2])
		self.assertEqual(after, before)
		doc = frappe.get_doc(COOPERATION, name)
		self.assertEqual(doc.cooperation_object, "Objek kerja sama yang diperbaiki (contoh)")
		self.assertEqual(doc.parties[0].region_name, "Jawa Barat")
		self.assertEqual(len(doc.stage_log), 1)

	def test_an_import_never_moves_a_cooperation(self):
		self.run_import()
		path = self.edited_sample({("CONTOH-REG-001", "Registered at Stage"): "Pengakhiran"})
		summary = self.run_import(path)
		(refused,) = [r for r in summary[REFUSED] if r["reference"] == "CONTOH-REG-001"]
		self.assertIn("tidak pernah memindahkan", refused["reason"])
		self.assertEqual(
			frappe.db.get_value(COOPERATION, {"external_reference": "CONTOH-REG-001"}, "stage"), "Pelaksanaan"
		)

	def test_xlsx_and_an_unknown_region_code_refuse_that_row_only(self):
		from frappe.utils.xlsxutils import make_xlsx

		rows = list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))
		rows[2][rows[0].index("Regional Government (Parties)")] = (
			"99.99"  # the second party of CONTOH-REG-001
		)
		fd, path = tempfile.mkstemp(prefix="ksad-test-", suffix=".xlsx")
		with os.fdopen(fd, "wb") as f:
			f.write(make_xlsx([[c or None for c in r] for r in rows], "Register").getvalue())
		self.addCleanup(os.remove, path)
		summary = self.run_import(path)
		refused = {r["reference"]: r["reason"] for r in summary[REFUSED]}
		self.assertIn("99.99", refused["CONTOH-REG-001"])
		self.assertEqual(len(summary[CREATED]), len(sample_records()) - len(expected_bad()) - 1)

	def test_the_sample_has_data_imports_own_columns(self):
		"""The sample's header is what Data Import's template exporter writes for these fields."""
		from frappe.core.doctype.data_import.exporter import Exporter

		in_english()
		exporter = Exporter(COOPERATION, export_fields=SAMPLE_FIELDS, export_data=False)
		header = next(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))
		self.assertEqual(exporter.get_csv_array()[0], header)

	def test_only_a_ksad_manager_imports(self):
		frappe.set_user(OFFICER_BANDUNG)
		with self.assertRaises(frappe.PermissionError):
			self.run_import(dry_run=True)
		self.assertEqual(sample_state(), {})

	def test_the_bench_command(self):
		"""The command itself, in a process of its own, as a dry run (it sees the committed world only)."""
		result = subprocess.run(
			[
				sys.executable,
				"-m",
				"frappe.utils.bench_helper",
				"frappe",
				"--site",
				frappe.local.site,
				"ksad-import",
				str(SAMPLE),
				"--dry-run",
				"--user",
				MANAGER,
			],
			cwd=os.path.join(get_bench_path(), "sites"),
			capture_output=True,
			text=True,
			timeout=600,
		)
		self.assertEqual(result.returncode, 1, result.stderr)  # some rows are refused
		out = result.stdout
		created = len(sample_records()) - len(expected_bad())
		self.assertIn(f"{created} dibuat", out)
		self.assertIn("CONTOH-REG-053", out)
		self.assertIn("per detik", out)
		self.assertEqual(sample_state(), {})
		print("\n" + out.strip().splitlines()[-2], file=sys.stderr)
