# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

"""KSAD Settings on a real site: the days of the termination reminders (Pasal 6 d.4 / 10 d.4)."""

import frappe

from ksad_app.domain.reminders import DEFAULT_THRESHOLDS
from ksad_app.exceptions import SettingsError
from ksad_app.notifications.termination_reminders import get_thresholds
from ksad_app.tests import MANAGER, OFFICER_BANDUNG, TKKSD_JABAR, WorldTestCase

SETTINGS = "KSAD Settings"


def save_as(user: str, value: str | None):
	frappe.set_user(user)
	try:
		settings = frappe.get_doc(SETTINGS)
		settings.termination_reminder_days = value
		return settings.save()
	finally:
		frappe.set_user("Administrator")


class TestKSADSettings(WorldTestCase):
	def setUp(self):
		frappe.local.lang = "en"

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_pasal_6_d_4_manager_sets_the_days_stored_normalised(self):
		settings = save_as(MANAGER, "30 ,180;90")
		self.assertEqual(settings.termination_reminder_days, "180, 90, 30")
		self.assertEqual(frappe.db.get_single_value(SETTINGS, "termination_reminder_days"), "180, 90, 30")
		save_as(MANAGER, "365, 60")
		self.assertEqual(get_thresholds(), (365, 60))

	def test_pasal_6_d_4_bad_days_are_refused_with_a_message_naming_them(self):
		cases = {
			"": "at least one number of days",
			"180, 90 hari": "hari",
			"90, 0": "0",
			"-30": "-30",
			"4000": "4000",
			"90, 30, 90": "90",
		}
		for value, named in cases.items():
			with self.subTest(value=value):
				with self.assertRaises(SettingsError) as e:
					save_as(MANAGER, value)
				self.assertIn(named, str(e.exception))

	def test_pasal_6_d_4_default_when_unset_or_unreadable(self):
		frappe.db.set_single_value(SETTINGS, "termination_reminder_days", None)
		self.assertEqual(get_thresholds(), (180, 90, 30))
		# a value written around the form: the job keeps to the default
		frappe.db.set_single_value(SETTINGS, "termination_reminder_days", "soon")
		self.assertEqual(get_thresholds(), (180, 90, 30))
		self.assertEqual(
			frappe.get_meta(SETTINGS).get_field("termination_reminder_days").default, DEFAULT_THRESHOLDS
		)

	def test_other_roles_read_but_do_not_change_the_settings(self):
		for user in (TKKSD_JABAR, OFFICER_BANDUNG):
			with self.subTest(user=user):
				self.assertTrue(frappe.has_permission(SETTINGS, "read", user=user))
				self.assertFalse(frappe.has_permission(SETTINGS, "write", user=user))
				with self.assertRaises(frappe.PermissionError):
					save_as(user, "60")
		self.assertTrue(frappe.has_permission(SETTINGS, "write", user=MANAGER))
