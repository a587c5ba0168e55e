"""Pasal 6 and 10: the catalogue is loaded on install, whole, and comes back after a change."""

import frappe
from frappe.tests.utils import FrappeTestCase

from ksad_app.setup.install import load_guidance


class TestGuidanceItem(FrappeTestCase):
	def test_every_point_of_pasal_6_and_10_is_loaded(self):
		self.assertEqual(frappe.db.count("Guidance Item", {"article": "Pasal 6"}), 20)
		self.assertEqual(frappe.db.count("Guidance Item", {"article": "Pasal 10"}), 20)
		item = frappe.get_doc("Guidance Item", "10.d.4.c")
		self.assertEqual(item.stage, "Pelaksanaan dan Pengakhiran")
		self.assertEqual(item.body_type, "Tim Koordinasi Kerja Sama Daerah")
		self.assertIn("dinilai dengan mata uang rupiah", item.description)

	def test_the_regulations_text_is_restored(self):
		frappe.db.set_value("Guidance Item", "6.a.2", "description", "diubah")
		self.assertEqual(load_guidance(), 1)
		self.assertTrue(
			frappe.db.get_value("Guidance Item", "6.a.2", "description").startswith("memberikan asistensi")
		)
		self.assertEqual(load_guidance(), 0)
