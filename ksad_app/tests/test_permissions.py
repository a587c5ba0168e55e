"""Row-level access (REQUIREMENTS.md, "Who uses it"), as real users of each role see it.

The same expectations are checked through ``frappe.get_list``, through
``frappe.has_permission`` on single documents, and through the REST API of a
running server (``KSAD_TEST_SERVER_URL``, started by scripts/run-tests).
"""

import json
import unittest

import frappe

from ksad_app.tests import (
	EXPECTED_VISIBLE,
	OFFICER_BANDUNG,
	OUTSIDER,
	SEKBER,
	SERVER,
	TEST_PREFIX,
	TKKSD_JABAR,
	WorldTestCase,
)

COOPERATION = "Inter-Regional Cooperation"


class TestRowLevelAccess(WorldTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_pasal_2_3_get_list_shows_each_user_exactly_their_cooperations(self):
		for user, expected in EXPECTED_VISIBLE.items():
			with self.subTest(user=user):
				frappe.set_user(user)
				names = frappe.get_list(
					COOPERATION, filters={"title": ("like", TEST_PREFIX + "%")}, pluck="name"
				)
				self.assertEqual(self.visible_keys(names), expected)

	def test_pasal_2_3_has_permission_agrees_with_the_list(self):
		for user, expected in EXPECTED_VISIBLE.items():
			for key, name in self.names.items():
				with self.subTest(user=user, cooperation=key):
					allowed = frappe.has_permission(COOPERATION, "read", name, user=user)
					self.assertEqual(bool(allowed), key in expected)

	def test_a_regional_officer_writes_only_their_own_region(self):
		self.assertTrue(
			frappe.has_permission(COOPERATION, "write", self.names["bandung_raya"], user=OFFICER_BANDUNG)
		)
		self.assertFalse(
			frappe.has_permission(COOPERATION, "write", self.names["dki_bekasi"], user=OFFICER_BANDUNG)
		)

	def test_a_supervisory_body_member_writes_only_what_their_body_supervises(self):
		# Write is how members apply the workflow; the controller keeps them off the data
		# (ksad_app/tests/test_workflow.py).
		self.assertTrue(
			frappe.has_permission(COOPERATION, "read", self.names["bandung_raya"], user=TKKSD_JABAR)
		)
		self.assertTrue(
			frappe.has_permission(COOPERATION, "write", self.names["bandung_raya"], user=TKKSD_JABAR)
		)
		self.assertFalse(
			frappe.has_permission(COOPERATION, "write", self.names["dki_bekasi"], user=TKKSD_JABAR)
		)
		self.assertFalse(frappe.has_permission(COOPERATION, "write", self.names["bandung_raya"], user=SEKBER))
		self.assertFalse(frappe.has_permission(COOPERATION, "delete", self.names["dki_bekasi"], user=SEKBER))

	def test_a_user_without_a_ksad_role_sees_nothing(self):
		frappe.set_user(OUTSIDER)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list(COOPERATION)

	def test_link_search_is_narrowed_too(self):
		from frappe.desk.search import search_widget

		frappe.set_user(OFFICER_BANDUNG)
		found = self.found_by_title(
			lambda txt: [r["name"] for r in search_widget(COOPERATION, txt=txt, page_length=50, as_dict=True)]
		)
		self.assertEqual(found, {"bandung_raya"})

	def test_report_view_is_narrowed_too(self):
		from frappe.desk.reportview import execute

		frappe.set_user(TKKSD_JABAR)
		rows = execute(
			COOPERATION, fields=["name"], filters=[["title", "like", TEST_PREFIX + "%"]], limit_page_length=0
		)
		self.assertEqual(self.visible_keys(r.name for r in rows), {"bandung_raya", "cilacap_banjar"})


class TestListPageShape(WorldTestCase):
	"""permissions.list_condition: a first page of a large scope probes each row's links instead of reading the
	whole scope (the time stays the same at any size), a small scope's picks its rows from the scope's index
	entries first; every shape must give exactly the same rows as the semi-join."""

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.ksad_list_page = None

	def page_names(self, doctype: str, user: str, shape: str, order: str = "creation desc") -> list[str]:
		from unittest.mock import patch

		from ksad_app import permissions

		frappe.set_user(user)
		column, direction = order.split()
		frappe.local.ksad_list_page = None if shape == "semi-join" else (column, direction, 20)
		# WALK_FACTOR 0: every scope is large (the probe); a huge one: every scope is small (its first rows)
		factor = 0 if shape == "probe" else 10**12
		with patch.object(permissions, "WALK_FACTOR", factor):
			return frappe.get_list(doctype, pluck="name", order_by=order, limit_page_length=20)

	def test_every_shape_gives_the_semi_join_rows_to_every_user(self):
		for doctype in (COOPERATION, "Supervision Activity", "Cooperation Issue", "Cooperation Termination"):
			for user in EXPECTED_VISIBLE:
				for order in ("creation desc", "modified asc"):
					with self.subTest(doctype=doctype, user=user, order=order):
						rows = self.page_names(doctype, user, "semi-join", order)
						self.assertEqual(self.page_names(doctype, user, "probe", order), rows)
						self.assertEqual(self.page_names(doctype, user, "first rows", order), rows)

	def test_the_page_is_read_from_the_marked_request(self):
		from ksad_app.overrides.reportview import first_page

		page = {
			"order_by": f"`tab{COOPERATION}`.`creation` desc",
			"start": 20,
			"page_length": 20,
			"filters": "[]",
		}
		self.assertEqual(first_page(page), ("creation", "desc", 40))
		self.assertIsNone(first_page({**page, "order_by": f"`tab{COOPERATION}`.`title` desc"}))

	def test_a_first_page_is_told_apart_from_other_lists(self):
		from ksad_app.overrides.reportview import is_first_pages

		page = {
			"order_by": f"`tab{COOPERATION}`.`creation` desc",
			"start": 0,
			"page_length": 20,
			"filters": "[]",
		}
		self.assertTrue(is_first_pages(page))
		self.assertTrue(is_first_pages({**page, "order_by": f"`tab{COOPERATION}`.modified asc"}))
		for other in (
			{"filters": json.dumps([[COOPERATION, "stage", "=", "Pelaksanaan"]])},  # a filter: the semi-join
			{"order_by": f"`tab{COOPERATION}`.`title` desc"},  # a sort without an index
			{"page_length": 500},
			{"start": 1000},
			{"group_by": f"`tab{COOPERATION}`.`stage`"},
			{"filters": "[bad"},
		):
			with self.subTest(other=other):
				self.assertFalse(is_first_pages({**page, **other}))


@unittest.skipUnless(SERVER, "KSAD_TEST_SERVER_URL is not set: scripts/run-tests starts a server and sets it")
class TestRestApiAccess(WorldTestCase):
	def test_pasal_2_3_api_resource_lists_each_user_exactly_their_cooperations(self):
		for user, expected in EXPECTED_VISIBLE.items():
			with self.subTest(user=user):
				r = self.session(user).get(
					f"{SERVER}/api/resource/{COOPERATION}",
					params={
						"fields": json.dumps(["name", "title"]),
						"filters": json.dumps([["title", "like", TEST_PREFIX + "%"]]),
						"limit_page_length": 0,
					},
					timeout=30,
				)
				self.assertEqual(r.status_code, 200, r.text)
				names = [row["name"] for row in r.json()["data"]]
				self.assertEqual(self.visible_keys(names), expected)

	def test_api_refuses_reading_and_writing_another_regions_cooperation(self):
		s = self.session(OFFICER_BANDUNG)
		other = self.names["dki_bekasi"]
		self.assertEqual(s.get(f"{SERVER}/api/resource/{COOPERATION}/{other}", timeout=30).status_code, 403)
		r = s.put(f"{SERVER}/api/resource/{COOPERATION}/{other}", json={"title": "diubah"}, timeout=30)
		self.assertEqual(r.status_code, 403)
		own = self.names["bandung_raya"]
		self.assertEqual(s.get(f"{SERVER}/api/resource/{COOPERATION}/{own}", timeout=30).status_code, 200)

	def test_api_search_link_is_narrowed(self):
		s = self.session(TKKSD_JABAR)

		def search_link(txt: str) -> list[str]:
			r = s.get(
				f"{SERVER}/api/method/frappe.desk.search.search_link",
				params={"doctype": COOPERATION, "txt": txt, "page_length": 50},
				timeout=30,
			)
			self.assertEqual(r.status_code, 200, r.text)
			return [row["value"] for row in r.json()["message"]]

		self.assertEqual(self.found_by_title(search_link), {"bandung_raya", "cilacap_banjar"})

	def test_api_refuses_a_user_without_a_ksad_role(self):
		r = self.session(OUTSIDER).get(f"{SERVER}/api/resource/{COOPERATION}", timeout=30)
		self.assertEqual(r.status_code, 403)

	def test_api_create_by_an_officer_for_another_region_is_refused_and_writes_nothing(self):
		s = self.session(OFFICER_BANDUNG)
		before = frappe.db.count(COOPERATION)
		r = s.post(
			f"{SERVER}/api/resource/{COOPERATION}",
			json={
				"title": TEST_PREFIX + "API",
				"parties": [{"regional_government": "32.75"}, {"regional_government": "32.77"}],
			},
			timeout=30,
		)
		self.assertEqual(r.status_code, 403, r.text)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(COOPERATION), before)
