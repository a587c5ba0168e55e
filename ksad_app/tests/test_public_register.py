"""The public register (issue 17) as a visitor without a login sees it, over HTTP, and the Guest row of access.

Four cooperations are made and committed (the test server is another
process): one published (Pelaksanaan), one withdrawn from the register, one
cancelled, one not yet signed (Negosiasi). Each carries values that must never
leave the site (a registration note, a reason, a contact's e-mail address).
As Guest, with no cookie:

* ``/kerja-sama-daerah`` counts exactly the published cooperations of the
  site (the SQL count), finds the published one and none of the others;
* the page of the published one shows public fields only; the others, and an
  unknown number, answer 404;
* the CSV and JSON (by the method and by ``/kerja-sama-daerah.csv``/``.json``)
  have exactly the public columns, the SQL count of rows, no other field even
  when asked for one;
* every DocType of the app through ``/api/resource``, ``frappe.client``, the
  report view, link search and the script reports, and every whitelisted
  method of the app but the open data, answer 403.
"""

import csv
import importlib
import io
import pkgutil
import re
from urllib.parse import quote

import frappe
import requests
from frappe.tests.utils import FrappeTestCase

import ksad_app
from ksad_app.domain import public_register as rules
from ksad_app.domain.stages import DIBATALKAN, NEGOSIASI, PELAKSANAAN
from ksad_app.exceptions import NotAllowedToPublishError, PublicRegisterError
from ksad_app.public_register import api
from ksad_app.public_register.cache import register_changed
from ksad_app.tests import (
	MANAGER,
	OFFICER_BANDUNG,
	OFFICER_BEKASI,
	SERVER,
	TEST_PREFIX,
	TKKSD_JABAR,
	ensure_world,
)
from ksad_app.tests.test_reports import REPORT_BUILDER, SCRIPT_REPORTS

COOPERATION = "Inter-Regional Cooperation"
MARK = "Registerpublik"
SECRET_NOTE = "RAHASIA-catatan-internal-7731"
SECRET_REASON = "RAHASIA-alasan-penarikan-7731"
OPEN_DATA = "/api/method/ksad_app.public_register.api.open_data"
# The only method of the app a guest may call.
GUEST_METHODS = {"ksad_app.public_register.api.open_data"}
# Frappe's ways of reading a DocType's rows, with the arguments for one of the app's DocTypes.
FRAPPE_READS = (
	("frappe.client.get_list", lambda dt: {"doctype": dt}),
	("frappe.client.get_count", lambda dt: {"doctype": dt}),
	("frappe.client.get_value", lambda dt: {"doctype": dt, "fieldname": "name"}),
	("frappe.desk.reportview.get", lambda dt: {"doctype": dt, "fields": '["name"]'}),
	("frappe.desk.reportview.get_count", lambda dt: {"doctype": dt}),
	("frappe.desk.search.search_link", lambda dt: {"doctype": dt, "txt": ""}),
	("frappe.desk.form.load.getdoctype", lambda dt: {"doctype": dt}),
)

KEYS = ("published", "withdrawn", "cancelled", "negosiasi")


def make(key: str) -> str:
	title = f"{TEST_PREFIX}{MARK} {key}"
	existing = frappe.db.get_value(COOPERATION, {"title": title})
	if existing:
		return existing
	doc = frappe.get_doc(
		{
			"doctype": COOPERATION,
			"title": title,
			"parties": [
				{"regional_government": "32.73", "contact_user": OFFICER_BANDUNG},
				{"regional_government": "32.77"},
			],
		}
	).insert(ignore_permissions=True)
	stage = {"published": PELAKSANAAN, "withdrawn": PELAKSANAAN, "cancelled": DIBATALKAN}.get(key, NEGOSIASI)
	frappe.db.set_value(
		COOPERATION,
		doc.name,
		{
			"stage": stage,
			"workflow_state": stage,
			"government_affair": "Lingkungan Hidup",
			"pks_number": f"PKS/{key}/2026",
			"start_date": "2026-03-01",
			"end_date": "2031-02-28",
			"registration_note": SECRET_NOTE,
			"show_in_public_register": 0 if key == "withdrawn" else 1,
			"public_register_reason": SECRET_REASON if key == "withdrawn" else None,
		},
		update_modified=False,
	)
	return doc.name


def published_count() -> int:
	return frappe.db.count(
		COOPERATION, {"stage": ("in", list(rules.PUBLISHED_STAGES)), "show_in_public_register": 1}
	)


def app_whitelisted_methods() -> set[str]:
	"""Every whitelisted function of the app (its modules imported, tests aside)."""
	for module in pkgutil.walk_packages(ksad_app.__path__, "ksad_app."):
		if ".tests" in module.name or module.name.rsplit(".", 1)[-1].startswith("test_"):
			continue
		try:
			importlib.import_module(module.name)
		except Exception:
			continue
	return {
		f"{fn.__module__}.{fn.__name__}"
		for fn in frappe.whitelisted
		if getattr(fn, "__module__", "").startswith("ksad_app.")
	}


class TestPublicRegister(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_world()
		frappe.set_user("Administrator")
		cls.names = {key: make(key) for key in KEYS}
		register_changed()
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the HTTP checks run in a separate server process
		cls.guest = requests.Session()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for name in cls.names.values():
			frappe.delete_doc(COOPERATION, name, force=True, ignore_permissions=True)
		register_changed()
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- removes what setUpClass committed
		super().tearDownClass()

	def setUp(self):
		# a fresh snapshot: the server's commits are seen, nothing of another test is left
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def get(self, path: str, **params) -> requests.Response:
		if not SERVER:
			self.skipTest("no test server (KSAD_TEST_SERVER_URL)")
		return self.guest.get(f"{SERVER}{path}", params=params, timeout=60)

	def assert_no_secret(self, text: str) -> None:
		for secret in (SECRET_NOTE, SECRET_REASON, OFFICER_BANDUNG):
			self.assertNotIn(secret, text)

	# --- the page ------------------------------------------------------------------------------

	def test_page_counts_exactly_the_published_cooperations(self):
		r = self.get("/kerja-sama-daerah")
		self.assertEqual(r.status_code, 200, r.text[:500])
		self.assertFalse(self.guest.cookies.get("sid") not in (None, "Guest"))
		total = int(re.search(r'id="ksad-total">(\d+)<', r.text).group(1))
		self.assertEqual(total, published_count())
		self.assertIn('<meta name="description"', r.text)
		self.assert_no_secret(r.text)

	def test_search_finds_the_published_one_only(self):
		r = self.get("/kerja-sama-daerah", q=MARK)
		self.assertEqual(r.status_code, 200)
		self.assertIn(self.names["published"], r.text)
		for key in ("withdrawn", "cancelled", "negosiasi"):
			self.assertNotIn(self.names[key], r.text, key)
		self.assertIn('id="ksad-total">1<', r.text)
		self.assert_no_secret(r.text)

	def test_filters_by_province_and_region(self):
		for params, found in (
			({"province": "32", "q": MARK}, True),
			({"province": "32", "region": "32.73", "q": MARK}, True),
			({"province": "33", "q": MARK}, False),
			({"stage": PELAKSANAAN, "q": MARK, "year": "2027"}, True),
			({"q": MARK, "year": "2040"}, False),
			({"province": "32' or '1'='1", "q": MARK}, True),
		):
			with self.subTest(params=params):
				r = self.get("/kerja-sama-daerah", **params)
				self.assertEqual(r.status_code, 200)
				self.assertEqual(self.names["published"] in r.text, found)

	def test_a_cooperation_page_shows_public_fields_only(self):
		r = self.get(f"/kerja-sama-daerah/{self.names['published']}")
		self.assertEqual(r.status_code, 200, r.text[:500])
		self.assertIn(f"{MARK} published", r.text)
		self.assertIn("PKS/published/2026", r.text)
		self.assertIn("Kota Bandung", r.text)
		self.assert_no_secret(r.text)

	def test_unpublished_cancelled_and_unknown_answer_404(self):
		for key in ("withdrawn", "cancelled", "negosiasi"):
			with self.subTest(key=key):
				r = self.get(f"/kerja-sama-daerah/{self.names[key]}")
				self.assertEqual(r.status_code, 404)
				self.assertNotIn(f"{MARK} {key}", r.text)
		self.assertEqual(self.get("/kerja-sama-daerah/KSAD-1900-99999").status_code, 404)

	def test_sitemaps(self):
		r = self.get("/sitemap.xml")
		self.assertEqual(r.status_code, 200)
		self.assertIn("/kerja-sama-daerah<", r.text)
		r = self.get("/kerja-sama-daerah-sitemap.xml")
		self.assertEqual(r.status_code, 200)
		self.assertIn(f"/kerja-sama-daerah/{self.names['published']}<", r.text)
		for key in ("withdrawn", "cancelled", "negosiasi"):
			self.assertNotIn(self.names[key], r.text)

	# --- the open data ---------------------------------------------------------------------------

	def open_data(self, fmt: str, via_route: bool, **params) -> requests.Response:
		if via_route:
			return self.get(f"/kerja-sama-daerah.{fmt}", **params)
		return self.get(OPEN_DATA, format=fmt, **params)

	def test_csv_has_exactly_the_public_columns_and_rows(self):
		for via_route in (False, True):
			with self.subTest(via_route=via_route):
				r = self.open_data("csv", via_route, fields='["registration_note"]')
				self.assertEqual(r.status_code, 200, r.text[:500])
				self.assertTrue(r.headers["Content-Type"].startswith("text/csv"))
				rows = list(csv.reader(io.StringIO(r.text)))
				self.assertEqual(tuple(rows[0]), rules.PUBLIC_FIELDNAMES)
				self.assertEqual(len(rows) - 1, published_count())
				names = {row[0] for row in rows[1:]}
				self.assertIn(self.names["published"], names)
				self.assertFalse({self.names[k] for k in ("withdrawn", "cancelled", "negosiasi")} & names)
				self.assert_no_secret(r.text)

	def test_json_has_exactly_the_public_columns_and_rows(self):
		for via_route in (False, True):
			with self.subTest(via_route=via_route):
				r = self.open_data("json", via_route, fields="registration_note", q=MARK)
				self.assertEqual(r.status_code, 200, r.text[:500])
				data = r.json()
				self.assertEqual(tuple(data["columns"]), rules.PUBLIC_FIELDNAMES)
				self.assertEqual([row["name"] for row in data["data"]], [self.names["published"]])
				for row in data["data"]:
					self.assertEqual(tuple(row), rules.PUBLIC_FIELDNAMES)
				self.assert_no_secret(r.text)
		everything = self.open_data("json", False).json()
		self.assertEqual(everything["count"], published_count())

	def test_open_data_refuses_an_unknown_format_and_writes(self):
		self.assertIn(self.open_data("xml", False).status_code, (400, 417))
		r = requests.post(f"{SERVER}{OPEN_DATA}", data={"format": "json"}, timeout=60)
		self.assertIn(r.status_code, (403, 405))

	def test_open_data_is_rate_limited(self):
		request = getattr(frappe.local, "request", None)
		frappe.local.request = frappe._dict(method="GET")
		frappe.local.request_ip = "203.0.113.17"
		frappe.local.conf["ksad_open_data_requests_per_minute"] = 5
		frappe.form_dict.cmd = "ksad_app.public_register.api.open_data"
		try:
			for _ in range(5):
				api.open_data(format="json", q=MARK)
			with self.assertRaises(frappe.RateLimitExceededError):
				api.open_data(format="json", q=MARK)
		finally:
			frappe.local.request = request
			frappe.local.request_ip = None
			frappe.local.conf.pop("ksad_open_data_requests_per_minute", None)
			frappe.clear_messages()

	# --- the Guest row ---------------------------------------------------------------------------

	def test_guest_is_refused_everything_else(self):
		doctypes = frappe.get_all("DocType", filters={"module": "KSAD"}, pluck="name")
		refused = (401, 403)
		problems = []
		for doctype in doctypes:
			path = f"/api/resource/{quote(doctype)}"
			for url in (path, f"{path}/{quote(self.names['published'])}" if doctype == COOPERATION else None):
				if url and (status := self.get(url).status_code) not in refused:
					problems.append(f"GET {url}: {status}")
			for method, args in FRAPPE_READS:
				status = self.get(f"/api/method/{method}", **args(doctype)).status_code
				if status not in refused:
					problems.append(f"{method} {doctype}: {status}")
		for report in SCRIPT_REPORTS + REPORT_BUILDER:
			for method in ("frappe.desk.query_report.run", "frappe.desk.query_report.get_script"):
				status = self.get(f"/api/method/{method}", report_name=report).status_code
				if status not in refused:
					problems.append(f"{method} {report}: {status}")
		methods = app_whitelisted_methods()
		self.assertIn("ksad_app.api.apply_action", methods)
		for method in sorted(methods - GUEST_METHODS):
			status = self.get(f"/api/method/{method}").status_code
			if status not in refused:
				problems.append(f"{method}: {status}")
		guest_methods = {
			f"{fn.__module__}.{fn.__name__}"
			for fn in frappe.guest_methods
			if getattr(fn, "__module__", "").startswith("ksad_app.")
		}
		self.assertEqual(guest_methods, GUEST_METHODS)
		self.assertEqual(problems, [])

	def test_desk_answers_guest_with_the_login_page(self):
		r = self.get(f"/app/inter-regional-cooperation/{self.names['published']}")
		self.assertIn(r.status_code, (200, 403))
		self.assert_no_secret(r.text)
		self.assertNotIn(f"{MARK} published", r.text)

	# --- who may withdraw a cooperation -----------------------------------------------------------

	def test_a_party_officer_withdraws_with_a_reason_kept_in_the_versions(self):
		name = self.names["published"]
		frappe.set_user(OFFICER_BANDUNG)
		doc = frappe.get_doc(COOPERATION, name)
		doc.show_in_public_register = 0
		with self.assertRaises(PublicRegisterError):
			doc.save()
		doc.reload()
		doc.show_in_public_register = 0
		doc.public_register_reason = "Memuat data pribadi warga"
		doc.save(ignore_version=False)  # Frappe skips versions in tests by default
		frappe.set_user("Administrator")
		version = frappe.get_all(
			"Version",
			filters={"ref_doctype": COOPERATION, "docname": name},
			pluck="data",
			order_by="creation desc",
			limit=1,
		)
		self.assertIn("show_in_public_register", version[0])
		self.assertIn("Memuat data pribadi warga", version[0])

	def test_others_may_not_withdraw(self):
		name = self.names["published"]
		for user in (TKKSD_JABAR, OFFICER_BEKASI):
			with self.subTest(user=user):
				frappe.set_user(user)
				with self.assertRaises((NotAllowedToPublishError, frappe.PermissionError)):
					doc = frappe.get_doc(COOPERATION, name)
					doc.show_in_public_register = 0
					doc.public_register_reason = "tidak perlu"
					doc.save()
				frappe.set_user("Administrator")
				frappe.db.rollback()
				frappe.clear_messages()

	def test_a_manager_withdraws_and_the_register_follows(self):
		frappe.set_user(MANAGER)
		doc = frappe.get_doc(COOPERATION, self.names["published"])
		doc.show_in_public_register = 0
		doc.public_register_reason = "Sengketa data"
		doc.save()
		frappe.set_user("Administrator")
		from ksad_app.public_register import pages

		data = pages.page_data(rules.normalise_filters({"q": MARK}))
		self.assertEqual(data["total"], 0)
		frappe.db.rollback()
		register_changed()  # the page cached from the withdrawal, rolled back, is not read again

	def test_a_visitor_gets_frappe_website_context_from_the_cache(self):
		from frappe.website.doctype.website_settings.website_settings import get_website_settings
		from frappe.website.utils import clear_website_cache

		from ksad_app.public_register import renderer

		frappe.set_user("Guest")
		try:
			clear_website_cache()
			key = renderer.GUEST_CONTEXT_KEY + (frappe.local.lang or "")
			self.assertIsNone(
				frappe.cache().get_value(key, expires=True)
			)  # the hook website_clear_cache emptied it
			kept = renderer.guest_website_context()
			self.assertIsNotNone(frappe.cache().get_value(key, expires=True))
			built = get_website_settings()
			built.pop("url", None)
			self.assertEqual(set(kept), set(built))
			self.assertEqual(kept.boot, built.boot)
			self.assertEqual(kept.top_bar_items, built.top_bar_items)
		finally:
			frappe.set_user("Administrator")

	def test_a_change_gives_the_register_a_new_version_again_after_its_commit(self):
		from ksad_app.public_register import cache

		before = cache.version()
		cache.register_changed()
		during = cache.version()
		self.assertNotEqual(during, before)
		self.assertTrue(frappe.local.flags.get(cache.AFTER_COMMIT))
		cache.version_after_commit()  # what the commit runs (frappe.db.after_commit)
		self.assertNotEqual(cache.version(), during)
		self.assertFalse(frappe.local.flags.get(cache.AFTER_COMMIT))
