# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt
"""Pasal 1-3: a cooperation's parties, level and supervisors, and what a save refuses."""

import frappe
from frappe.tests.utils import FrappeTestCase

from ksad_app.exceptions import (
	AmountError,
	ContributionError,
	NotYourRegionError,
	PartyError,
	PeriodError,
	SupervisorAssignmentError,
)
from ksad_app.tests import MANAGER, OFFICER_BANDUNG, TEST_PREFIX, ensure_world, without_tkksd

COOPERATION = "Inter-Regional Cooperation"


def cooperation(codes, **values):
	return frappe.get_doc(
		{
			"doctype": COOPERATION,
			"title": TEST_PREFIX + "Uji",
			"parties": [{"regional_government": c} for c in codes],
			**values,
		}
	)


class TestInterRegionalCooperation(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.world = ensure_world()

	def setUp(self):
		frappe.set_user("Administrator")
		frappe.local.lang = "id"

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.lang = "en"

	def assertRefused(self, doc, exc, fragment):
		"""The save is refused with ``exc``, says ``fragment`` in Bahasa Indonesia, and writes nothing."""
		before = frappe.db.count(COOPERATION)
		with self.assertRaises(exc) as cm:
			doc.insert()
		self.assertIn(fragment, str(cm.exception))
		self.assertEqual(frappe.db.count(COOPERATION), before)

	# --- Pasal 1 angka 4: the parties --------------------------------------

	def test_pasal_1_4_fewer_than_two_parties_is_refused(self):
		self.assertRefused(cooperation(["32.73"]), PartyError, "sekurang-kurangnya dua pihak")

	def test_pasal_1_4_the_same_region_twice_is_refused(self):
		self.assertRefused(cooperation(["32.73", "32.77", "32.73"]), PartyError, "lebih dari sekali")

	def test_pasal_1_1_an_administrative_kota_cannot_be_a_party(self):
		self.assertRefused(cooperation(["31.71", "32.75"]), PartyError, "Kota Administrasi Jakarta Pusat")

	def test_contributions_that_do_not_add_up_to_100_are_refused(self):
		doc = cooperation(["32.73", "32.77"])
		doc.parties[0].contribution_percent = 60
		doc.parties[1].contribution_percent = 30
		self.assertRefused(doc, ContributionError, "bukan 100%")

	def test_contributions_adding_up_to_100_are_accepted(self):
		doc = cooperation(["32.73", "32.77", "32.17"])
		for row, pct in zip(doc.parties, (33.33, 33.33, 33.34), strict=True):
			row.contribution_percent = pct
		doc.insert()
		self.assertTrue(frappe.db.exists(COOPERATION, doc.name))

	def test_end_date_before_start_date_is_refused(self):
		doc = cooperation(["32.73", "32.77"], start_date="2026-06-01", end_date="2026-05-31")
		self.assertRefused(doc, PeriodError, "mendahului tanggal mulai")

	def test_negative_estimated_value_is_refused(self):
		self.assertRefused(
			cooperation(["32.73", "32.77"], estimated_value=-1), AmountError, "tidak boleh negatif"
		)

	def test_naming_series(self):
		doc = cooperation(["32.73", "32.77"]).insert()
		self.assertRegex(doc.name, r"^KSAD-\d{4}-\d{5}$")

	# --- Pasal 1 angka 4: the level ----------------------------------------

	def test_pasal_1_4_level_is_derived_from_the_parties(self):
		self.assertEqual(cooperation(["32", "33"]).insert().cooperation_level, "Provinsi–Provinsi")
		self.assertEqual(cooperation(["31", "32.75"]).insert().cooperation_level, "Provinsi–Kabupaten/Kota")
		self.assertEqual(
			cooperation(["32.73", "32.77"]).insert().cooperation_level, "Kabupaten/Kota–Kabupaten/Kota"
		)

	# --- Pasal 2 and 3: the supervisors ------------------------------------

	def supervisors(self, doc):
		return [s.supervisory_body for s in doc.supervisors]

	def test_pasal_2_province_party_is_supervised_by_the_sekretariat_bersama(self):
		self.assertEqual(self.supervisors(cooperation(["31", "32.75"]).insert()), ["SEKBER"])

	def test_pasal_3_kab_kota_of_one_province_are_supervised_by_its_tkksd(self):
		self.assertEqual(self.supervisors(cooperation(["32.73", "32.77"]).insert()), ["TKKSD-32"])

	def test_pasal_3_kab_kota_of_two_provinces_are_supervised_by_both_tkksd(self):
		doc = cooperation(["33.01", "32.79"]).insert()
		self.assertEqual(self.supervisors(doc), ["TKKSD-32", "TKKSD-33"])
		self.assertEqual({s.body_type for s in doc.supervisors}, {"Tim Koordinasi Kerja Sama Daerah"})

	def test_pasal_3_missing_tkksd_is_refused_naming_the_province(self):
		without_tkksd("34")
		self.assertRefused(
			cooperation(["34.71", "34.04"]), SupervisorAssignmentError, "Daerah Istimewa Yogyakarta"
		)

	def test_supervisors_are_recomputed_on_every_save(self):
		doc = cooperation(["32.73", "32.77"]).insert()
		self.assertEqual(self.supervisors(doc), ["TKKSD-32"])
		doc.append("parties", {"regional_government": "33.01"})
		doc.save()
		self.assertEqual(self.supervisors(doc), ["TKKSD-32", "TKKSD-33"])
		doc.append("parties", {"regional_government": "33"})
		doc.save()
		self.assertEqual(self.supervisors(doc), ["SEKBER"])
		self.assertEqual(doc.cooperation_level, "Provinsi–Kabupaten/Kota")

	def test_pasal_3_manager_may_override_supervisors_with_a_reason(self):
		doc = cooperation(["32.73", "32.77"]).insert()
		frappe.set_user(MANAGER)

		def override(reason):
			fresh = frappe.get_doc(COOPERATION, doc.name)
			fresh.override_supervisors = 1
			fresh.override_reason = reason
			fresh.set("supervisors", [{"supervisory_body": "SEKBER"}])
			return fresh.save(ignore_version=False)  # Frappe skips versions in tests by default

		with self.assertRaises(SupervisorAssignmentError) as cm:
			override("")
		self.assertIn("alasan", str(cm.exception))
		doc = override("Objek kerja sama berskala nasional")
		doc.reload()
		self.assertEqual(self.supervisors(doc), ["SEKBER"])
		versions = frappe.get_all(
			"Version", filters={"ref_doctype": COOPERATION, "docname": doc.name}, pluck="data"
		)
		self.assertTrue(any("override_reason" in v for v in versions))

	def test_a_regional_officer_cannot_override_supervisors(self):
		name = cooperation(["32.73", "32.77"]).insert().name
		frappe.set_user(OFFICER_BANDUNG)
		doc = frappe.get_doc(COOPERATION, name)
		doc.override_supervisors = 1
		doc.override_reason = "coba"
		doc.set("supervisors", [{"supervisory_body": "SEKBER"}])
		doc.save()
		doc.reload()
		self.assertEqual(doc.override_supervisors, 0)
		self.assertEqual(self.supervisors(doc), ["TKKSD-32"])

	# --- row-level rules on save --------------------------------------------

	def test_a_regional_officer_registers_only_cooperations_of_their_own_region(self):
		frappe.set_user(OFFICER_BANDUNG)
		self.assertRefused(cooperation(["32.75", "32.77"]), NotYourRegionError, "Kota Bandung (32.73)")
		doc = cooperation(["32.73", "32.77"]).insert()
		self.assertEqual(doc.owner, OFFICER_BANDUNG)

	def test_a_regional_officer_cannot_drop_their_own_region(self):
		frappe.set_user(OFFICER_BANDUNG)
		doc = cooperation(["32.73", "32.77", "32.17"]).insert()
		doc.parties = [p for p in doc.parties if p.regional_government != "32.73"]
		with self.assertRaises(NotYourRegionError):
			doc.save()
