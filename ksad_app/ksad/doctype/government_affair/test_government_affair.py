# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt
"""The urusan pemerintahan konkuren of UU 23/2014 Pasal 12, shipped as data."""

import frappe
from frappe.tests.utils import FrappeTestCase


class TestGovernmentAffair(FrappeTestCase):
	def test_all_concurrent_affairs_of_uu_23_2014_pasal_12_are_loaded(self):
		counts = dict(
			frappe.get_all(
				"Government Affair",
				fields=["affair_category", "count(name) as n"],
				group_by="affair_category",
				as_list=True,
			)
		)
		self.assertEqual(counts, {"Wajib Pelayanan Dasar": 6, "Wajib Non Pelayanan Dasar": 18, "Pilihan": 8})
		self.assertEqual(
			frappe.db.get_value("Government Affair", "Pekerjaan Umum dan Penataan Ruang", "legal_basis"),
			"UU 23/2014 Pasal 12 ayat (1) huruf c",
		)
