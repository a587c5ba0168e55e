# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt
"""Pasal 5 and 9: the Sekretariat Bersama and the TKKSD of each province."""

import frappe
from frappe.tests.utils import FrappeTestCase

from ksad_app.domain.supervision import TKKSD, TKKSD_POSITIONS
from ksad_app.exceptions import SupervisoryBodyError
from ksad_app.tests import ensure_world, without_tkksd


def tkksd(province, positions=()):
	if province and province not in ("32", "33"):
		without_tkksd(province)
	return frappe.get_doc(
		{
			"doctype": "Supervisory Body",
			"body_type": TKKSD,
			"province": province,
			"members": [{"member_name": f"Anggota {i}", "position": p} for i, p in enumerate(positions)],
		}
	)


class TestSupervisoryBody(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_world()

	def setUp(self):
		frappe.local.lang = "id"
		frappe.clear_messages()

	def tearDown(self):
		frappe.local.lang = "en"

	def test_pasal_9_tkksd_is_named_after_its_province_and_seated_at_the_sekretariat_daerah(self):
		doc = tkksd("34", TKKSD_POSITIONS).insert()
		self.assertEqual(doc.name, "TKKSD-34")
		self.assertEqual(
			doc.body_name, "Tim Koordinasi Kerja Sama Daerah Provinsi Daerah Istimewa Yogyakarta"
		)
		self.assertEqual(doc.seat, "Sekretariat Daerah Provinsi Daerah Istimewa Yogyakarta")

	def test_pasal_9_2_missing_positions_are_warned_not_refused(self):
		doc = tkksd("35", TKKSD_POSITIONS[:2]).insert()
		self.assertTrue(frappe.db.exists("Supervisory Body", doc.name))
		warning = " ".join(str(m.get("message", "")) for m in frappe.get_message_log())
		self.assertIn("Pasal 9 ayat (2)", warning)
		for position in TKKSD_POSITIONS[2:]:
			self.assertIn(position, warning)
		self.assertNotIn(f"<li>{TKKSD_POSITIONS[0]}</li>", warning)

	def test_pasal_9_2_complete_tkksd_gives_no_warning(self):
		tkksd("36", TKKSD_POSITIONS).insert()
		self.assertEqual(frappe.get_message_log(), [])

	def test_pasal_9_one_tkksd_per_province(self):
		with self.assertRaises(SupervisoryBodyError) as cm:
			tkksd("32").insert()
		self.assertIn("sudah memiliki Tim Koordinasi Kerja Sama Daerah", str(cm.exception))

	def test_pasal_9_tkksd_needs_a_province_that_is_a_province(self):
		with self.assertRaises(SupervisoryBodyError) as cm:
			tkksd(None).insert()
		self.assertIn("Pilih provinsinya", str(cm.exception))
		with self.assertRaises(SupervisoryBodyError) as cm:
			tkksd("32.73").insert()
		self.assertIn("bukan provinsi", str(cm.exception))
		self.assertFalse(frappe.db.exists("Supervisory Body", "TKKSD-32.73"))

	def test_pasal_5_only_one_sekretariat_bersama_and_it_has_no_province(self):
		with self.assertRaises(SupervisoryBodyError) as cm:
			frappe.get_doc(
				{"doctype": "Supervisory Body", "body_type": "Sekretariat Bersama", "province": "32"}
			).insert()
		self.assertIn("bersifat nasional", str(cm.exception))
		with self.assertRaises(SupervisoryBodyError) as cm:
			frappe.get_doc({"doctype": "Supervisory Body", "body_type": "Sekretariat Bersama"}).insert()
		self.assertIn("sudah terdaftar", str(cm.exception))

	def test_pasal_5_2_positions_belong_to_their_body(self):
		with self.assertRaises(SupervisoryBodyError) as cm:
			tkksd("51", ["Tenaga profesional"]).insert()
		self.assertIn("Jabatan", str(cm.exception))
		self.assertFalse(frappe.db.exists("Supervisory Body", "TKKSD-51"))
