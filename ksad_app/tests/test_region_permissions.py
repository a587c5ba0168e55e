"""The User Permission that ties an officer or a Governor Office user to a region is for the cooperations only.

REQUIREMENTS.md: the regions are national master data, every role reads
them; a regional officer sees the cooperations of their region. With a User
Permission for all document types Frappe narrowed the Regional Government
master too (the † of the permission matrix); ``users.grant_region`` and the
patch ``v0_3.region_permissions_for_cooperations_only`` make it one for
Inter-Regional Cooperation.
"""

import frappe

from ksad_app.patches.v0_3 import region_permissions_for_cooperations_only as patch
from ksad_app.roles import GOVERNOR_OFFICE, REGIONAL_OFFICER
from ksad_app.setup.users import COOPERATION, REGION, USER_PERMISSION, grant_region
from ksad_app.tests import EXPECTED_VISIBLE, GOVERNOR_JABAR, OFFICER_BANDUNG, WorldTestCase

TEMP = "@region-permission.ksad.test"


def new_user(local: str, roles: list[str]) -> str:
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": local + TEMP,
			"first_name": local,
			"send_welcome_email": 0,
			"user_type": "System User",
		}
	)
	user.flags.no_welcome_mail = True
	user.insert(ignore_permissions=True)
	user.add_roles(*roles)
	return user.name


def for_all_doctypes(user: str, region: str) -> str:
	"""A User Permission as the README used to set it up: Apply To All Document Types."""
	return (
		frappe.get_doc(
			{
				"doctype": USER_PERMISSION,
				"user": user,
				"allow": REGION,
				"for_value": region,
				"apply_to_all_doctypes": 1,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def permissions_of(user: str) -> list[tuple]:
	return [
		(p.for_value, p.apply_to_all_doctypes, p.applicable_for)
		for p in frappe.get_all(
			USER_PERMISSION,
			filters={"user": user, "allow": REGION},
			fields=["for_value", "apply_to_all_doctypes", "applicable_for"],
			order_by="for_value",
		)
	]


class TestRegionPermissions(WorldTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_officer_and_governor_office_read_every_region_and_only_their_cooperations(self):
		for user in (OFFICER_BANDUNG, GOVERNOR_JABAR):
			with self.subTest(user=user):
				self.assertEqual(permissions_of(user)[0][1:], (0, COOPERATION))
				for region in ("32.73", "33.01", "31", "33"):  # their own, a partner, other provinces
					self.assertTrue(frappe.has_permission(REGION, "read", doc=region, user=user), region)
				frappe.set_user(user)
				self.assertEqual(frappe.db.get_value(REGION, "33.01", "name"), "33.01")
				self.assertGreater(len(frappe.get_list(REGION, pluck="name", limit=1000)), 500)
				names = frappe.get_list("Inter-Regional Cooperation", pluck="name", limit=0)
				frappe.set_user("Administrator")
				self.assertEqual(self.visible_keys(names), EXPECTED_VISIBLE[user])

	def test_grant_region_narrows_an_older_permission_for_all_doctypes(self):
		user = new_user("officer-old", [REGIONAL_OFFICER])
		for_all_doctypes(user, "32.77")
		grant_region(user, "32.77", ignore_permissions=True)
		grant_region(user, "32.77", ignore_permissions=True)  # once
		self.assertEqual(permissions_of(user), [("32.77", 0, COOPERATION)])

	def test_the_patch_narrows_officers_and_governor_office_users_only(self):
		officer = new_user("officer-patch", [REGIONAL_OFFICER])
		governor = new_user("governor-patch", [GOVERNOR_OFFICE])
		both = new_user("officer-both", [REGIONAL_OFFICER])
		other = new_user("other-patch", ["Blogger"])
		for_all_doctypes(officer, "32.73")
		for_all_doctypes(governor, "32")
		grant_region(both, "33.01", ignore_permissions=True)  # already for the cooperations ...
		for_all_doctypes(both, "33.01")  # ... and again for all: the older one goes
		for_all_doctypes(other, "31")

		patch.execute()

		self.assertEqual(permissions_of(officer), [("32.73", 0, COOPERATION)])
		self.assertEqual(permissions_of(governor), [("32", 0, COOPERATION)])
		self.assertEqual(permissions_of(both), [("33.01", 0, COOPERATION)])
		self.assertEqual(permissions_of(other), [("31", 1, None)])  # not a KSAD user: left alone
		frappe.set_user(officer)
		self.assertTrue(frappe.has_permission(REGION, "read", doc="33.01"))
