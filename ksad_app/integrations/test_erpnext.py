"""Pasal 10 d.4 a and e with ERPNext: the inventory from ERPNext Assets, the goods received as Assets of the party.

Runs only on a site with ERPNext installed (``scripts/run-tests`` keeps a
second site for it); on a site without ERPNext every test is skipped.
"""

import unittest

import frappe

from ksad_app.exceptions import NotYourRegionError
from ksad_app.integrations import erpnext
from ksad_app.ksad.doctype.cooperation_termination.test_cooperation_termination import (
	DEBTS,
	TERMINATION,
	cooperation_at_pengakhiran,
	new_termination,
)
from ksad_app.tests import OFFICER_BANDUNG, OFFICER_CIMAHI, WorldTestCase

COMPANY = "Pemerintah Kota Bandung (Uji KSAD)"
ABBR = "KBDGKSAD"
CATEGORY = "Aset Hasil Kerja Sama (Uji KSAD)"
ITEM = "KSAD-ASET-KERJASAMA"
LOCATION = "Balai Kota Bandung (Uji KSAD)"


def ensure(doctype: str, name: str, values: dict) -> str:
	if not frappe.db.exists(doctype, name):
		frappe.get_doc({"doctype": doctype, **values}).insert(ignore_permissions=True)
	return name


def ensure_books() -> None:
	"""A Company for Kota Bandung, a fixed asset Item, its category and a Location (once per site)."""
	ensure(
		"Company",
		COMPANY,
		{
			"company_name": COMPANY,
			"abbr": ABBR,
			"default_currency": "IDR",
			"country": "Indonesia",
			"chart_of_accounts": "Standard",
		},
	)
	fixed_asset_account = frappe.db.get_value(
		"Account", {"company": COMPANY, "account_type": "Fixed Asset", "is_group": 0}
	)
	ensure(
		"Asset Category",
		CATEGORY,
		{
			"asset_category_name": CATEGORY,
			"ksad_asset_class": "Tidak Bergerak",
			"accounts": [{"company_name": COMPANY, "fixed_asset_account": fixed_asset_account}],
		},
	)
	ensure(
		"Item",
		ITEM,
		{
			"item_code": ITEM,
			"item_name": "Aset hasil kerja sama antardaerah",
			"item_group": frappe.db.get_value("Item Group", {"is_group": 0}) or "All Item Groups",
			"stock_uom": "Nos",
			"is_stock_item": 0,
			"is_fixed_asset": 1,
			"asset_category": CATEGORY,
		},
	)
	ensure("Location", LOCATION, {"location_name": LOCATION})
	frappe.db.set_value("Regional Government", "32.73", "company", COMPANY)
	settings = frappe.get_single("KSAD Settings")
	settings.erpnext_asset_item = ITEM
	settings.erpnext_asset_location = LOCATION
	settings.save(ignore_permissions=True)


def erpnext_asset(cooperation: str, name: str, value: int) -> str:
	meta = frappe.get_meta("Asset")
	doc = frappe.get_doc(
		{
			"doctype": "Asset",
			"company": COMPANY,
			"item_code": ITEM,
			"asset_name": name,
			"location": LOCATION,
			"purchase_date": "2025-01-10",
			"available_for_use_date": "2025-01-10",
			"calculate_depreciation": 0,
			"ksad_cooperation": cooperation,
		}
	)
	for field in ("gross_purchase_amount", "net_purchase_amount", "purchase_amount"):
		if meta.has_field(field):
			doc.set(field, value)
	if meta.has_field("is_existing_asset"):
		doc.is_existing_asset = 1
	if meta.has_field("asset_type"):
		doc.asset_type = "Existing Asset"
	doc.insert(ignore_permissions=True)
	doc.submit()
	return doc.name


@unittest.skipUnless("erpnext" in frappe.get_installed_apps(), "ERPNext is not installed on this site")
class TestERPNextAssets(WorldTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		erpnext.make_custom_fields()
		ensure_books()

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_custom_fields_follow_erpnext_in_and_out(self):
		erpnext.delete_custom_fields()
		self.assertFalse(frappe.db.exists("Custom Field", {"dt": "Asset", "fieldname": "ksad_cooperation"}))
		self.assertFalse(frappe.get_meta("Regional Government").has_field("company"))
		from ksad_app.setup.install import after_app_install, before_app_uninstall

		after_app_install("erpnext")
		self.assertTrue(frappe.get_meta("Asset").has_field("ksad_cooperation"))
		self.assertTrue(frappe.get_meta("Termination Asset").has_field("erpnext_asset"))
		before_app_uninstall("erpnext")
		self.assertFalse(frappe.get_meta("Termination Asset").has_field("erpnext_asset"))
		after_app_install("erpnext")
		self.assertTrue(frappe.get_meta("Regional Government").has_field("company"))

	def test_pasal_10_d_4_a_e_inventory_from_erpnext_and_goods_recorded_as_assets(self):
		coop = cooperation_at_pengakhiran("Pengakhiran dengan ERPNext")
		source = erpnext_asset(coop, "Gedung pengolahan sampah", 300_000_000)
		doc = new_termination(OFFICER_BANDUNG, coop, assets=[], liabilities=DEBTS)

		frappe.set_user(OFFICER_BANDUNG)
		self.assertEqual(erpnext.fill_assets_from_erpnext(doc.name), 1)
		self.assertEqual(erpnext.fill_assets_from_erpnext(doc.name), 0)  # nothing twice
		doc.reload()
		row = doc.assets[0]
		self.assertEqual(
			(row.erpnext_asset, row.assessed_value, row.asset_class), (source, 300_000_000, "Tidak Bergerak")
		)
		row.allocated_to = "32.73"
		doc.append(
			"assets",
			{
				"description": "Genset 100 kVA",
				"asset_class": "Bergerak",
				"assessed_value": 25_000_000,
				"allocated_to": "32.73",
			},
		)
		doc.append(
			"assets", {"description": "Saldo kas", "asset_class": "Uang", "assessed_value": 100_000_000}
		)
		doc.save()
		doc.submit()
		frappe.set_user("Administrator")

		with self.assertRaises(NotYourRegionError):
			frappe.set_user(OFFICER_CIMAHI)
			erpnext.record_allocated_assets(doc.name, "32.73")
		frappe.set_user(OFFICER_BANDUNG)
		names = erpnext.record_allocated_assets(doc.name, "32.73")
		self.assertEqual(erpnext.record_allocated_assets(doc.name, "32.73"), names)  # idempotent
		frappe.set_user("Administrator")
		self.assertEqual(names[0], source)  # already an Asset of Kota Bandung's Company: linked
		created = frappe.get_doc("Asset", names[1])
		self.assertEqual(
			(created.company, created.ksad_cooperation, created.docstatus, created.asset_name),
			(COMPANY, coop, 0, "Genset 100 kVA"),
		)
		reference = frappe.db.get_value(
			"Termination Allocation",
			{"parent": doc.name, "regional_government": "32.73"},
			"asset_record_reference",
		)
		self.assertEqual(reference, ", ".join(names))
		# the DPRD report (the termination report) lists them
		html = frappe.get_print(TERMINATION, doc.name, "Laporan Pengakhiran Kerja Sama")
		for name in names:
			self.assertIn(name, html)
		self.assertEqual(frappe.db.get_value("Asset", source, "docstatus"), 1)
