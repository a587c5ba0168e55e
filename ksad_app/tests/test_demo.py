"""The demo that scripts/setup puts on a new site: one user per role, each
logging in over HTTP, landing on the KSAD workspace and seeing their scope."""

import re
import unittest

import frappe
import requests
from frappe.tests.utils import FrappeTestCase

from ksad_app.roles import ALL_ROLES, KSAD_MANAGER, MINISTRY_OFFICIAL
from ksad_app.setup.demo import DEMO_PREFIX, create_demo_users, load
from ksad_app.tests import SERVER

COOPERATION = "Inter-Regional Cooperation"


def demo_names_as(user: str) -> set[str]:
	"""The demo cooperations ``user`` sees in the list (the permission hooks)."""
	frappe.set_user(user)
	try:
		return {
			r.name
			for r in frappe.get_list(
				COOPERATION,
				filters={"title": ("like", DEMO_PREFIX + "%")},
				fields=["name"],
				limit_page_length=0,
			)
		}
	finally:
		frappe.set_user("Administrator")


class TestDemoUsers(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		before = set(
			frappe.get_all(COOPERATION, filters={"title": ("like", DEMO_PREFIX + "%")}, pluck="name")
		)
		cls.demo = set(load())
		cls.created = cls.demo - before
		cls.users = create_demo_users(reset_passwords=True)
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the HTTP server only sees committed rows

	@classmethod
	def tearDownClass(cls):
		"""Take the demo users out again (other suites count the bodies' members and the cooperations)."""
		frappe.set_user("Administrator")
		emails = [u["email"] for u in cls.users]
		member = frappe.qb.DocType("Supervisory Body Member")
		frappe.qb.from_(member).delete().where(member.user.isin(emails)).run()
		for name in frappe.get_all("User Permission", filters={"user": ("in", emails)}, pluck="name"):
			frappe.delete_doc("User Permission", name, ignore_permissions=True)
		for email in emails:
			frappe.delete_doc("User", email, force=True, ignore_permissions=True)
		for name in cls.created:
			frappe.delete_doc(COOPERATION, name, force=True, ignore_permissions=True)
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- undo what setUpClass committed
		super().tearDownClass()

	def test_one_demo_user_per_role_with_language_id_and_the_ksad_workspace(self):
		self.assertEqual({u["role"] for u in self.users}, set(ALL_ROLES))
		for u in self.users:
			with self.subTest(user=u["email"]):
				user = frappe.get_doc("User", u["email"])
				self.assertEqual(user.language, "id")
				self.assertEqual(user.default_workspace, "KSAD")
				self.assertIn(u["role"], {r.role for r in user.roles})

	def test_running_it_again_adds_nothing_and_keeps_the_passwords(self):
		before = frappe.db.count("User Permission", {"user": ("like", "%@ksad-demo.example")})
		again = create_demo_users()
		self.assertEqual([u["password"] for u in again], [None] * len(again))
		self.assertEqual(
			frappe.db.count("User Permission", {"user": ("like", "%@ksad-demo.example")}), before
		)

	def test_each_user_sees_their_scope_of_the_demo(self):
		for u in self.users:
			with self.subTest(user=u["email"]):
				seen = demo_names_as(u["email"])
				if u["role"] in (MINISTRY_OFFICIAL, KSAD_MANAGER):
					self.assertEqual(seen, self.demo)
				else:
					self.assertTrue(seen, "every demo user sees at least one demo cooperation")
					self.assertLess(
						len(seen), len(self.demo), "a regional user does not see the whole country"
					)

	@unittest.skipUnless(
		SERVER, "KSAD_TEST_SERVER_URL is not set: scripts/run-tests starts a server and sets it"
	)
	def test_each_user_logs_in_over_http_and_lands_on_the_ksad_workspace_with_their_scope(self):
		for u in self.users:
			with self.subTest(user=u["email"]):
				s = requests.Session()
				r = s.post(
					f"{SERVER}/api/method/login", data={"usr": u["email"], "pwd": u["password"]}, timeout=30
				)
				self.assertEqual(r.status_code, 200, r.text)
				html = s.get(f"{SERVER}/app", timeout=60).text
				landing = re.search(r'"default_workspace":\s*\{[^{}]*"name":\s*"([^"]+)"', html)
				self.assertIsNotNone(landing, "the Desk's boot names a home workspace")
				self.assertEqual(landing.group(1), "KSAD")
				r = s.get(
					f"{SERVER}/api/resource/{COOPERATION}",
					params={"filters": f'[["title", "like", "{DEMO_PREFIX}%"]]', "limit_page_length": 0},
					timeout=30,
				)
				self.assertEqual(r.status_code, 200, r.text)
				scope = demo_names_as(u["email"])
				self.assertEqual({row["name"] for row in r.json()["data"]}, scope)
				# frappe.client.get_count counts through the scope too (overridden: Frappe 15.55 counts every row)
				r = s.get(
					f"{SERVER}/api/method/frappe.client.get_count",
					params={"doctype": COOPERATION, "filters": f'[["title", "like", "{DEMO_PREFIX}%"]]'},
					timeout=30,
				)
				self.assertEqual(r.status_code, 200, r.text)
				self.assertEqual(r.json()["message"], len(scope))
