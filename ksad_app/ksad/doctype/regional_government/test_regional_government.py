# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt
"""Pasal 1 angka 1-3: the daerah of Indonesia, loaded from the official codes."""

import frappe
from frappe.tests.utils import FrappeTestCase

from ksad_app.exceptions import RegionError
from ksad_app.setup.install import load_master_data

IGNORE_TEST_RECORD_DEPENDENCIES = ["Regional Government"]


class TestRegionalGovernment(FrappeTestCase):
	def setUp(self):
		frappe.local.lang = "id"

	def tearDown(self):
		frappe.local.lang = "en"

	def test_pasal_1_1_all_38_provinces_and_514_kabupaten_kota_are_loaded(self):
		counts = dict(
			frappe.get_all(
				"Regional Government",
				fields=["region_type", "count(name) as n"],
				group_by="region_type",
				as_list=True,
			)
		)
		self.assertEqual(counts, {"Provinsi": 38, "Kabupaten": 416, "Kota": 98})

	def test_pasal_1_1_tree_hangs_kab_kota_under_their_province(self):
		bandung = frappe.get_doc("Regional Government", "32.73")
		self.assertEqual(bandung.region_name, "Kota Bandung")
		self.assertEqual(bandung.parent_regional_government, "32")
		jabar = frappe.get_doc("Regional Government", "32")
		self.assertTrue(jabar.lft < bandung.lft < bandung.rgt < jabar.rgt)
		self.assertEqual(jabar.is_group, 1)
		self.assertEqual(frappe.db.count("Regional Government", {"parent_regional_government": "32"}), 27)

	def test_pasal_1_3_head_titles(self):
		titles = dict(
			frappe.get_all(
				"Regional Government",
				fields=["name", "head_title"],
				filters={"name": ("in", ["32", "32.04", "32.73"])},
				as_list=True,
			)
		)
		self.assertEqual(titles, {"32": "Gubernur", "32.04": "Bupati", "32.73": "Walikota"})

	def test_pasal_1_1_administrative_kota_of_jakarta_are_not_autonomous(self):
		self.assertEqual(frappe.db.get_value("Regional Government", "31.71", "is_autonomous"), 0)
		self.assertEqual(frappe.db.get_value("Regional Government", "31", "is_autonomous"), 1)

	def test_loading_twice_changes_nothing(self):
		before = frappe.db.count("Regional Government")
		self.assertEqual(
			load_master_data(), {"Regional Government": 0, "Government Affair": 0, "Guidance Item": 0}
		)
		self.assertEqual(frappe.db.count("Regional Government"), before)

	def test_loading_restores_a_changed_or_deleted_row(self):
		frappe.db.set_value("Regional Government", "32.73", "region_name", "Bandung (salah)")
		frappe.db.delete("Government Affair", {"name": "Pariwisata"})
		self.assertEqual(
			load_master_data(), {"Regional Government": 1, "Government Affair": 1, "Guidance Item": 0}
		)
		self.assertEqual(frappe.db.get_value("Regional Government", "32.73", "region_name"), "Kota Bandung")
		self.assertTrue(frappe.db.exists("Government Affair", "Pariwisata"))

	def test_a_kota_needs_a_province_with_its_code_prefix(self):
		doc = frappe.get_doc(
			{
				"doctype": "Regional Government",
				"region_code": "33.99",
				"region_name": "Kota Contoh",
				"region_type": "Kota",
				"parent_regional_government": "32",
			}
		)
		with self.assertRaises(RegionError) as cm:
			doc.insert()
		self.assertIn("tidak termasuk provinsi", str(cm.exception))
		self.assertFalse(frappe.db.exists("Regional Government", "33.99"))

	def test_a_province_has_no_parent(self):
		doc = frappe.get_doc(
			{
				"doctype": "Regional Government",
				"region_code": "99",
				"region_name": "Provinsi Contoh",
				"region_type": "Provinsi",
				"parent_regional_government": "32",
			}
		)
		with self.assertRaises(RegionError):
			doc.insert()
		self.assertFalse(frappe.db.exists("Regional Government", "99"))
