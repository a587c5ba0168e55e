"""Pasal 10 d.4 (and 6 d.4) on a real site: a cooperation terminated and closed by the right people only.

Parties 32.73 (Kota Bandung, 60%) and 32.77 (Kota Cimahi, 40%): kab/kota of
Jawa Barat, supervised by TKKSD-32. ``officer.bandung`` and
``officer.cimahi`` prepare and complete the termination, ``tkksd.jabar``
closes the cooperation; ``officer.bekasi`` (another region) and
``tkksd.jateng`` (another body) can do nothing with it.
"""

import io

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, today

from ksad_app.domain import stages
from ksad_app.exceptions import (
	DivisionError,
	NotYourCooperationError,
	NotYourRegionError,
	StageGuardError,
	TerminationError,
)
from ksad_app.tests import (
	GOVERNOR_JABAR,
	MINISTRY,
	OFFICER_BANDUNG,
	OFFICER_BEKASI,
	OFFICER_CIMAHI,
	OUTSIDER,
	TEST_PREFIX,
	TKKSD_JABAR,
	TKKSD_JATENG,
	WorldTestCase,
	advance,
	deliver_notices,
)

COOPERATION = "Inter-Regional Cooperation"
TERMINATION = "Cooperation Termination"
PRINT_FORMAT = "Laporan Pengakhiran Kerja Sama"

GOODS = [
	{
		"description": "Tanah TPPAS regional",
		"asset_class": "Tidak Bergerak",
		"quantity": 1,
		"assessed_value": 600_000_000,
		"allocated_to": "32.73",
	},
	{
		"description": "Truk pengangkut sampah",
		"asset_class": "Bergerak",
		"quantity": 2,
		"assessed_value": 150_000_001,
		"allocated_to": "32.77",
	},
	{"description": "Saldo rekening bersama", "asset_class": "Uang", "assessed_value": 250_000_000},
]
DEBTS = [
	{
		"creditor": "Bank Pembangunan Daerah",
		"amount": 100_000_000,
		"settled": 1,
		"settlement_date": today(),
		"settlement_reference": "SP2D 00123",
	}
]


def cooperation_at_pengakhiran(title: str, contributions=(60, 40)) -> str:
	frappe.set_user(OFFICER_BANDUNG)
	doc = frappe.get_doc(
		{
			"doctype": COOPERATION,
			"title": TEST_PREFIX + title,
			"parties": [
				{
					"regional_government": "32.73",
					"contact_user": OFFICER_BANDUNG,
					"contribution_percent": contributions[0],
				},
				{
					"regional_government": "32.77",
					"contact_user": OFFICER_CIMAHI,
					"contribution_percent": contributions[1],
				},
			],
		}
	).insert()
	frappe.set_user("Administrator")
	advance(doc.name, stages.PENGAKHIRAN, OFFICER_BANDUNG, TKKSD_JABAR)
	return doc.name


def new_termination(user: str, cooperation: str, submit: bool = False, **fields):
	frappe.set_user(user)
	try:
		doc = frappe.get_doc(
			{
				"doctype": TERMINATION,
				"cooperation": cooperation,
				"termination_date": fields.pop("termination_date", today()),
				"reason": fields.pop("reason", "Jangka waktu berakhir"),
				"assets": fields.pop("assets", GOODS),
				"liabilities": fields.pop("liabilities", DEBTS),
				**fields,
			}
		).insert()
		if submit:
			doc.submit()
		return doc
	finally:
		frappe.set_user("Administrator")


def fill_row(user: str, name: str, party: str, **values):
	frappe.set_user(user)
	try:
		doc = frappe.get_doc(TERMINATION, name)
		row = next(r for r in doc.allocations if r.regional_government == party)
		row.update(values)
		return doc.save()
	finally:
		frappe.set_user("Administrator")


def act(user: str, name: str, action: str):
	frappe.set_user(user)
	try:
		return apply_workflow(frappe.get_doc(COOPERATION, name), action)
	finally:
		frappe.set_user("Administrator")


def allocation(doc, party: str):
	return next(r for r in doc.allocations if r.regional_government == party)


class TestCooperationTermination(WorldTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.coop = cooperation_at_pengakhiran("Pengakhiran TPPAS Bandung Raya")

	def setUp(self):
		frappe.local.lang = "en"

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_pasal_10_d_4_terminated_and_closed_end_to_end(self):
		coop = cooperation_at_pengakhiran("Pengakhiran ujung ke ujung")
		doc = new_termination(OFFICER_BANDUNG, coop)
		# c) net = 1,000,000,001 - 100,000,000; 60/40 gives 540,000,000.6 and 360,000,000.4:
		# the one rupiah left goes to the larger remainder (Kota Bandung)
		self.assertEqual(
			(doc.total_assets, doc.total_liabilities, doc.net_value),
			(1_000_000_001, 100_000_000, 900_000_001),
		)
		bdg, cmh = allocation(doc, "32.73"), allocation(doc, "32.77")
		self.assertEqual(
			(bdg.entitlement, bdg.in_kind_value, bdg.cash_balance), (540_000_001, 600_000_000, -59_999_999)
		)
		self.assertEqual(
			(cmh.entitlement, cmh.in_kind_value, cmh.cash_balance), (360_000_000, 150_000_001, 209_999_999)
		)
		self.assertEqual(bdg.entitlement + cmh.entitlement, doc.net_value)

		frappe.set_user(OFFICER_BANDUNG)
		doc.reload()
		doc.submit()
		frappe.set_user("Administrator")

		# the body cannot close it while the parties have not done d) and e): the message names them
		act(OFFICER_BANDUNG, coop, stages.AJUKAN)
		with self.assertRaises(StageGuardError) as e:
			act(TKKSD_JABAR, coop, stages.SETUJUI)
		message = str(e.exception)
		self.assertIn("Kota Bandung (32.73)", message)
		self.assertIn("Kota Cimahi (32.77)", message)
		self.assertIn("DPRD", message)
		self.assertEqual(frappe.db.get_value(COOPERATION, coop, "workflow_state"), "Usulan Selesai")
		frappe.set_user(TKKSD_JABAR)
		from ksad_app.api import apply_action

		apply_action(coop, stages.KEMBALIKAN, "Setoran kas daerah dan laporan DPRD belum dicatat")
		frappe.set_user("Administrator")

		# each party's officer fills its own row, and only its own
		with self.assertRaises(NotYourRegionError):
			fill_row(OFFICER_BANDUNG, doc.name, "32.77", deposit_reference="STS-99", deposit_date=today())
		fill_row(
			OFFICER_BANDUNG,
			doc.name,
			"32.73",
			deposit_reference="STS 12/BPKAD/2026",
			deposit_date=today(),
			assets_recorded=1,
			asset_record_reference="KIB A 32.73 no. 1044",
			dprd_report_number="900/77/Pem",
			dprd_report_date=today(),
		)
		act(OFFICER_BANDUNG, coop, stages.AJUKAN)
		with self.assertRaises(StageGuardError) as e:
			act(TKKSD_JABAR, coop, stages.SETUJUI)
		self.assertNotIn("Kota Bandung", str(e.exception))
		self.assertIn("Kota Cimahi (32.77)", str(e.exception))
		frappe.set_user(TKKSD_JABAR)
		apply_action(coop, stages.KEMBALIKAN, "Kota Cimahi belum melapor")
		frappe.set_user("Administrator")
		fill_row(
			OFFICER_CIMAHI,
			doc.name,
			"32.77",
			deposit_reference="STS 7/BKD/2026",
			deposit_date=today(),
			assets_recorded=1,
			asset_record_reference="KIB B 32.77 no. 310-311",
			dprd_report_number="170/12/DPRD",
			dprd_report_date=today(),
		)

		# another body cannot close it; its own body can
		act(OFFICER_BANDUNG, coop, stages.AJUKAN)
		with self.assertRaises(frappe.PermissionError):
			act(TKKSD_JATENG, coop, stages.SETUJUI)
		act(TKKSD_JABAR, coop, stages.SETUJUI)
		state, stage = frappe.db.get_value(COOPERATION, coop, ["workflow_state", "stage"])
		self.assertEqual((state, stage), (stages.SELESAI, stages.SELESAI))
		last = frappe.get_all(
			"Cooperation Stage Log",
			filters={"parent": coop, "parenttype": COOPERATION},
			fields=["action", "to_state", "user"],
			order_by="idx desc",
			limit=1,
		)[0]
		self.assertEqual(
			(last.action, last.to_state, last.user), (stages.SETUJUI, stages.SELESAI, TKKSD_JABAR)
		)
		# once closed, the termination is frozen
		with self.assertRaises(TerminationError):
			fill_row(OFFICER_CIMAHI, doc.name, "32.77", dprd_report_number="170/13/DPRD")

	def test_pasal_10_d_4_only_at_pengakhiran(self):
		frappe.set_user(OFFICER_BANDUNG)
		other = frappe.get_doc(
			{
				"doctype": COOPERATION,
				"title": TEST_PREFIX + "Masih Penjajakan",
				"parties": [{"regional_government": "32.73"}, {"regional_government": "32.77"}],
			}
		).insert()
		frappe.set_user("Administrator")
		before = frappe.db.count(TERMINATION)
		with self.assertRaises(TerminationError):
			new_termination(OFFICER_BANDUNG, other.name)
		self.assertEqual(frappe.db.count(TERMINATION), before)

	def test_only_a_party_officer_prepares_it(self):
		with self.assertRaises(NotYourCooperationError):
			new_termination(OFFICER_BEKASI, self.coop)
		with self.assertRaises(frappe.PermissionError):
			new_termination(TKKSD_JABAR, self.coop)
		with self.assertRaises(frappe.PermissionError):
			new_termination(MINISTRY, self.coop)
		self.assertFalse(frappe.db.exists(TERMINATION, {"cooperation": self.coop}))

	def test_pasal_10_d_4_one_termination_per_cooperation_amend_after_cancel(self):
		coop = cooperation_at_pengakhiran("Pengakhiran batal dan ubah")
		first = new_termination(OFFICER_BANDUNG, coop, submit=True)
		with self.assertRaises(TerminationError):
			new_termination(OFFICER_CIMAHI, coop)
		frappe.set_user(OFFICER_CIMAHI)
		first.reload()
		first.cancel()
		amended = frappe.copy_doc(first)
		amended.amended_from = first.name
		amended.docstatus = 0
		amended.insert()
		frappe.set_user("Administrator")
		self.assertEqual(amended.net_value, first.net_value)
		self.assertEqual(frappe.db.count(TERMINATION, {"cooperation": coop, "docstatus": ("<", 2)}), 1)

	def test_pasal_10_d_4_a_inventory_refusals(self):
		cases = [
			([{**GOODS[2], "allocated_to": "32.73"}], "money allocated"),
			([{**GOODS[0], "allocated_to": "32.75"}], "not a party"),
			([{**GOODS[0], "assessed_value": 1000.5}], "fraction of a rupiah"),
		]
		for assets, why in cases:
			with self.subTest(why), self.assertRaises(DivisionError):
				new_termination(OFFICER_BANDUNG, self.coop, assets=assets)
		with self.assertRaises(DivisionError):
			new_termination(
				OFFICER_BANDUNG, self.coop, liabilities=[{"creditor": "CV Maju", "amount": 5, "settled": 1}]
			)
		self.assertFalse(frappe.db.exists(TERMINATION, {"cooperation": self.coop}))

	def test_pasal_10_d_4_b_c_submit_needs_debts_settled_and_goods_allocated(self):
		doc = new_termination(
			OFFICER_BANDUNG,
			self.coop,
			liabilities=[{"creditor": "CV Maju Jaya", "amount": 5_000_000, "settled": 0}],
		)
		frappe.set_user(OFFICER_BANDUNG)
		with self.assertRaises(DivisionError) as e:
			doc.submit()
		self.assertIn("CV Maju Jaya", str(e.exception))
		doc.reload()
		doc.liabilities[0].update({"settled": 1, "settlement_date": today()})
		doc.assets[0].allocated_to = None
		doc.save()
		with self.assertRaises(DivisionError) as e:
			doc.submit()
		self.assertIn("Tanah TPPAS regional", str(e.exception))
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(TERMINATION, doc.name, "docstatus"), 0)
		frappe.delete_doc(TERMINATION, doc.name, force=True)

	def test_pasal_10_d_4_c_agreed_shares_and_a_shortfall(self):
		coop = cooperation_at_pengakhiran("Pengakhiran bagian disepakati")
		doc = new_termination(OFFICER_BANDUNG, coop, assets=[], liabilities=[{**DEBTS[0], "amount": 1001}])
		# more debts than goods: each party bears its share of the shortfall (60/40, largest remainder)
		self.assertEqual(doc.net_value, -1001)
		self.assertEqual([r.entitlement for r in doc.allocations], [-601, -400])
		self.assertEqual([r.cash_balance for r in doc.allocations], [-601, -400])
		frappe.set_user(OFFICER_BANDUNG)
		doc.override_shares = 1
		with self.assertRaises(DivisionError):
			doc.save()  # no basis recorded
		doc.reload()
		doc.override_shares = 1
		doc.share_override_reason = "Berita Acara Kesepakatan Nomor 3/BA/2026"
		doc.allocations[0].share_percent = 50
		doc.allocations[1].share_percent = 40
		with self.assertRaises(DivisionError):
			doc.save()  # 90%
		doc.reload()
		doc.override_shares = 1
		doc.share_override_reason = "Berita Acara Kesepakatan Nomor 3/BA/2026"
		doc.allocations[0].share_percent = 50
		doc.allocations[1].share_percent = 50
		doc.save()
		frappe.set_user("Administrator")
		self.assertEqual([r.entitlement for r in doc.allocations], [-501, -500])

	def test_row_level_access(self):
		coop = cooperation_at_pengakhiran("Pengakhiran akses")
		doc = new_termination(OFFICER_BANDUNG, coop)
		for user, read, write in [
			(OFFICER_BANDUNG, True, True),
			(OFFICER_CIMAHI, True, True),
			(TKKSD_JABAR, True, False),
			(GOVERNOR_JABAR, True, False),
			(MINISTRY, True, False),
			(OFFICER_BEKASI, False, False),
			(TKKSD_JATENG, False, False),
			(OUTSIDER, False, False),
		]:
			with self.subTest(user=user):
				self.assertEqual(bool(frappe.has_permission(TERMINATION, "read", doc.name, user=user)), read)
				self.assertEqual(
					bool(frappe.has_permission(TERMINATION, "write", doc.name, user=user)), write
				)
				frappe.set_user(user)
				try:
					listed = doc.name in frappe.get_list(TERMINATION, pluck="name")
				except frappe.PermissionError:
					listed = False
				frappe.set_user("Administrator")
				self.assertEqual(listed, read)

	def test_pasal_10_d_4_f_report_prints_to_pdf_in_bahasa_indonesia(self):
		from pypdf import PdfReader

		coop = cooperation_at_pengakhiran("Pengakhiran laporan PDF")
		doc = new_termination(OFFICER_BANDUNG, coop, submit=True)
		frappe.set_user(OFFICER_BANDUNG)
		pdf = frappe.get_print(TERMINATION, doc.name, PRINT_FORMAT, as_pdf=True)
		frappe.set_user("Administrator")
		self.assertTrue(pdf.startswith(b"%PDF"))
		text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
		text = " ".join(text.split())
		for expected in (
			"LAPORAN PENGAKHIRAN KERJA SAMA ANTARDAERAH",
			doc.name,
			"Inventarisasi barang bergerak dan tidak bergerak",
			"Tanah TPPAS regional",
			"Rp 540.000.001",
			"Rp 209.999.999",
			"Penyetoran ke kas daerah",
			"laporan kepada DPRD",
			"Kota Bandung",
			"Kota Cimahi",
			"Pasal 10 huruf d angka 4",
		):
			self.assertIn(expected, text)

	def test_pasal_10_d_4_termination_submitted_notifies_the_body(self):
		coop = cooperation_at_pengakhiran("Pengakhiran pemberitahuan")
		doc = new_termination(OFFICER_BANDUNG, coop, submit=True)
		deliver_notices()  # the outbox's job, after the commit
		self.assertTrue(
			frappe.db.exists(
				"Notification Log",
				{"document_type": TERMINATION, "document_name": doc.name, "for_user": TKKSD_JABAR},
			)
		)

	def test_follow_up_dates_not_before_the_termination(self):
		coop = cooperation_at_pengakhiran("Pengakhiran tanggal")
		doc = new_termination(OFFICER_BANDUNG, coop, submit=True)
		with self.assertRaises(TerminationError):
			fill_row(
				OFFICER_BANDUNG,
				doc.name,
				"32.73",
				deposit_reference="STS 1",
				deposit_date=add_days(today(), -30),
			)
		with self.assertRaises(TerminationError):
			fill_row(OFFICER_BANDUNG, doc.name, "32.73", dprd_report_number="900/1")
