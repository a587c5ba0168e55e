"""Bad input (issue 11): a fixed list of hostile values tried on every door of the app, on the running server.

The doors: every whitelisted method of ksad_app, the REST API's insert (``POST
/api/resource/<doctype>``) and update (``PUT``) of every DocType of the app,
and the filters of every script report (``frappe.desk.query_report.run``),
each called by a real user logged in on the server of ``KSAD_TEST_SERVER_URL``.

The values: wrong types (a number, a decimal, a list, an object, a true/false
value, null) in each field for which they are wrong; missing mandatory values;
200,000 characters; SQL (``' OR 1=1 --``, ``1; DROP TABLE x``) and HTML/JS
(``<script>``, ``<img onerror>``) strings; links to records that do not exist;
unknown fields; a child table that is not a list of rows.

Each hostile call must answer with a 4xx and a message, and write nothing:
the rows of every DocType of the app are counted before and after, and each
document updated is compared whole. No call may answer 5xx. A SQL or HTML
string in a free-text field is legitimate text: there the answer may be a
success, and then the text is stored inert (verbatim or sanitised, never a
live ``<script>`` or ``onerror``) — the documents so created are removed
afterwards. The summary (calls, status codes) is printed, not asserted.
"""

import ast
import inspect
import json
import re
import unittest
from collections import Counter
from pathlib import Path

import frappe
from frappe.model import table_fields
from frappe.utils import add_days, today

from ksad_app.domain import stages
from ksad_app.ksad.doctype.cooperation_issue.test_cooperation_issue import raise_issue
from ksad_app.ksad.doctype.cooperation_termination.test_cooperation_termination import (
	GOODS,
	cooperation_at_pengakhiran,
	new_termination,
)
from ksad_app.ksad.doctype.supervision_activity.test_supervision_activity import new_activity
from ksad_app.ksad.doctype.supervision_report.test_supervision_report import new_report
from ksad_app.overrides import input_checks, query_report
from ksad_app.tests import (
	MANAGER,
	MINISTRY,
	OFFICER_BANDUNG,
	OFFICER_CIMAHI,
	SERVER,
	TKKSD_JABAR,
	WorldTestCase,
	advance,
	ensure_user,
	new_cooperation,
)

APP = Path(__file__).resolve().parents[1]
COOPERATION = "Inter-Regional Cooperation"
ISSUE = "Cooperation Issue"
TERMINATION = "Cooperation Termination"
ACTIVITY = "Supervision Activity"
REPORT = "Supervision Report"
BODY = "Supervisory Body"
SETTINGS = "KSAD Settings"
PASAL_12 = "TKKSD kepada Gubernur (Pasal 12)"
FUZZ = "[FUZZ] "
# Whitelisted methods that answer GET only (the public register's open data).
GET_ONLY_METHODS = {"ksad_app.public_register.api.open_data"}
# the 40 guidance items of Pasal 6 and 10 are the System Manager's to change
SYSTEM_MANAGER = "system.manager@ksad.test"

# --- the fixed fuzz list ------------------------------------------------------------------------

SQL_OR = "' OR 1=1 --"
SQL_DROP = "1; DROP TABLE x"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
INJECTIONS = (SQL_OR, SQL_DROP, SCRIPT, IMG)
LONG = "x" * 200_000
MISSING = "KSAD-TIDAK-ADA-404"
INT, FLOAT, LIST, DICT, BOOL = 12345, 3.75, [1, "a"], {"a": 1}, True
WRONG = (INT, FLOAT, LIST, DICT, BOOL)
NOT_A_NUMBER = ("12abc", SQL_OR, SCRIPT, LONG, LIST, DICT, BOOL)
ROWS_NOT_A_LIST = ("abc", INT, DICT, [1, 2], ["x"], [None])

# mandatory fields the app fills when they are left out (the activity takes the cooperation's stage)
FILLED_BY_THE_APP = {(ACTIVITY, "stage")}

NUMBER_TYPES = {"Currency", "Float", "Percent"}
TEXT_COLUMNS = {"varchar", "text"}


def hostile(df, writable: bool | None = None) -> list:
	"""The values the field ``df`` must refuse (a 4xx), from the fixed list.

	A well-typed string (an injection, a record that does not exist) is refused
	by a field the user writes; a computed field, or one of a higher permission
	level, or a row of a computed table, is set by the app or dropped by Frappe
	instead: there it is only "no server error" (:func:`free_text`).
	"""
	writable = editable(df) if writable is None else writable
	ft = df.fieldtype
	if ft in ("Date", "Datetime"):
		return [*WRONG, *INJECTIONS, LONG, "2026-02-30", "31-12-2026"]
	if ft in NUMBER_TYPES:
		return [*NOT_A_NUMBER, 10**15]
	if ft == "Int":
		return [FLOAT, *NOT_A_NUMBER, 10**12]
	if ft == "Check":
		return [INT, FLOAT, LIST, DICT, "x", SQL_OR]
	if ft in table_fields:
		return list(ROWS_NOT_A_LIST)
	values = [*WRONG]
	column = frappe.db.type_map.get(ft, ("", ""))[0]
	if column in TEXT_COLUMNS:
		values.append(LONG)  # longer than any varchar or text column
	if ft == "Link" and writable:
		values += [*INJECTIONS, MISSING]
	if ft == "Select" and writable:
		values += [SQL_OR, SCRIPT, "Bukan Pilihan"]
	if ft in ("Attach", "Attach Image"):
		values += [SCRIPT, IMG, "javascript:alert(1)"]
	return values


def free_text(df, writable: bool | None = None) -> list:
	"""Strings that are legitimate text in ``df``: refused, or accepted and stored inert."""
	writable = editable(df) if writable is None else writable
	if df.fieldtype in ("Data", "Small Text", "Text", "Text Editor", "Long Text", "Autocomplete"):
		return list(INJECTIONS)
	if df.fieldtype in ("Link", "Select") and not writable:
		# computed or of a higher permission level: Frappe sets or drops the value
		return [*INJECTIONS, MISSING if df.fieldtype == "Link" else "Bukan Pilihan"]
	return []


def editable(df) -> bool:
	"""Whether the value sent is the value kept: not computed, fetched, dropped or hidden."""
	fetched = df.fetch_from and not df.fetch_if_empty
	return not (df.read_only or df.permlevel or df.hidden or fetched)


def fuzz_fields(meta):
	return [df for df in meta.fields if df.fieldtype not in input_checks.NO_VALUE and not df.is_virtual]


# --- the app's doors ----------------------------------------------------------------------------


def app_doctypes() -> list[str]:
	return frappe.get_all("DocType", filters={"module": input_checks.MODULE}, pluck="name", order_by="name")


def whitelisted_methods() -> set[str]:
	"""Every ``@frappe.whitelist`` function of ksad_app, as a dotted path (read from the source)."""
	found = set()
	for path in APP.rglob("*.py"):
		if "tests" in path.parts or path.name.startswith("test_"):
			continue
		tree = ast.parse(path.read_text())
		module = ".".join(path.relative_to(APP.parent).with_suffix("").parts)
		for node in tree.body:
			if isinstance(node, ast.FunctionDef) and any(
				"whitelist" in ast.unparse(d) for d in node.decorator_list
			):
				found.add(f"{module}.{node.name}")
	return found


def required_arguments(method: str) -> list[str]:
	fn = inspect.unwrap(frappe.get_attr(method))
	return [p.name for p in inspect.signature(fn).parameters.values() if p.default is p.empty]


def script_reports() -> list[str]:
	return frappe.get_all(
		"Report",
		filters={"module": input_checks.MODULE, "report_type": "Script Report", "is_standard": "Yes"},
		pluck="name",
		order_by="name",
	)


def js_filters(report: str) -> list[tuple[str, str]]:
	scrubbed = frappe.scrub(report)
	js = (APP / "ksad" / "report" / scrubbed / f"{scrubbed}.js").read_text()
	return re.findall(r'fieldname:\s*"(\w+)",\s*label:[^\n]*\n\s*fieldtype:\s*"(\w+)"', js)


# --- answers --------------------------------------------------------------------------------------


def message_of(response) -> str:
	try:
		body = response.json()
	except ValueError:
		return ""
	messages = []
	for raw in json.loads(body.get("_server_messages") or "[]"):
		try:
			messages.append(json.loads(raw).get("message") or "")
		except (ValueError, AttributeError):
			messages.append(str(raw))
	return " ".join(m for m in messages if m) or body.get("exception") or body.get("exc_type") or ""


def counts() -> dict[str, int]:
	"""Rows of every DocType of the app, as committed (a fresh snapshot)."""
	frappe.db.rollback()
	result = {}
	for doctype in app_doctypes():
		if frappe.get_meta(doctype).issingle:
			result[doctype] = frappe.db.count("Singles", {"doctype": doctype})
		else:
			result[doctype] = frappe.db.count(doctype)
	return result


def snapshot(doctype: str, name: str) -> dict:
	frappe.db.rollback()
	doc = frappe.get_doc(doctype, name).as_dict(convert_dates_to_str=True)
	doc.pop("__onload", None)
	return json.loads(frappe.as_json(doc))


def purge(doctype: str, name: str) -> None:
	"""Remove a document made by the test (and its rows), whatever the app's delete rules."""
	meta = frappe.get_meta(doctype)
	for df in meta.get_table_fields():
		frappe.db.delete(df.options, {"parent": name, "parenttype": doctype})
	if meta.issingle:
		return
	frappe.db.delete("KSAD Notice", {"reference_doctype": doctype, "reference_name": name})
	frappe.db.delete(doctype, {"name": name})


@unittest.skipUnless(SERVER, "KSAD_TEST_SERVER_URL is not set: scripts/run-tests starts a server and sets it")
class TestBadInput(WorldTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.statuses = Counter()
		cls.by_door = Counter()
		cls.accepted_inert = 0
		cls.sessions = {}
		cls.made = []  # (doctype, name) made by the test, removed at the end
		ensure_user(SYSTEM_MANAGER, ["System Manager"], [])
		cls.make_fixtures()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for doctype, name in reversed(cls.made):
			purge(doctype, name)
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the fixtures were committed for the server
		total = sum(cls.statuses.values())
		print(f"\nBad input: {total} calls; by door: {dict(sorted(cls.by_door.items()))}")
		print(f"Bad input: status codes {dict(sorted(cls.statuses.items()))}")
		print(f"Bad input: free text accepted and stored inert: {cls.accepted_inert}")
		super().tearDownClass()

	@classmethod
	def make_fixtures(cls):
		"""Documents to update, and what a valid insert needs, at the stages the rules ask (committed)."""
		cls.coop = new_cooperation(OFFICER_BANDUNG, ["32.73", "32.77"], title="[FUZZ] Penjajakan").name
		cls.made.append((COOPERATION, cls.coop))
		cls.coop_pelaksanaan = new_cooperation(
			OFFICER_BANDUNG, ["32.73", "32.77"], title="[FUZZ] Pelaksanaan"
		).name
		cls.made.append((COOPERATION, cls.coop_pelaksanaan))
		advance(cls.coop_pelaksanaan, stages.PELAKSANAAN, OFFICER_BANDUNG, TKKSD_JABAR)
		cls.issue = raise_issue(OFFICER_BANDUNG, cls.coop_pelaksanaan).name
		cls.made.append((ISSUE, cls.issue))
		cls.coop_ending = cooperation_at_pengakhiran("[FUZZ] Pengakhiran dengan pengakhiran")
		cls.made.append((COOPERATION, cls.coop_ending))
		cls.termination = new_termination(OFFICER_BANDUNG, cls.coop_ending).name
		cls.made.append((TERMINATION, cls.termination))
		cls.coop_ending_free = cooperation_at_pengakhiran("[FUZZ] Pengakhiran tanpa pengakhiran")
		cls.made.append((COOPERATION, cls.coop_ending_free))
		cls.activity = new_activity(TKKSD_JABAR, cls.coop).name
		cls.made.append((ACTIVITY, cls.activity))
		cls.report = new_report(
			TKKSD_JABAR,
			PASAL_12,
			supervisory_body="TKKSD-32",
			period_start=add_days(today(), -400),
			period_end=add_days(today(), -370),
		).name
		cls.made.append((REPORT, cls.report))
		# a notice of the outbox, from the moves above (read by the System Manager only)
		cls.notice = frappe.db.get_value("KSAD Notice", {"reference_name": cls.coop_pelaksanaan})
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the REST checks run in a separate server process

	# --- helpers --------------------------------------------------------------------------------------

	def session_of(self, user: str):
		if user not in self.sessions:
			self.sessions[user] = self.session(user)
		return self.sessions[user]

	def call(self, door: str, user: str, method: str, url: str, **kwargs):
		response = self.session_of(user).request(method, f"{SERVER}{url}", timeout=120, **kwargs)
		self.statuses[response.status_code] += 1
		self.by_door[door] += 1
		return response

	def send(self, method: str, user: str, url: str, arguments: dict):
		"""A whitelisted method called with ``arguments``: by POST with a JSON body, or by GET for a GET-only one."""
		if method in GET_ONLY_METHODS:
			params = {k: v if isinstance(v, str) else json.dumps(v) for k, v in arguments.items()}
			return self.call("method", user, "GET", url, params=params)
		return self.call("method", user, "POST", url, json=arguments)

	def assert_refused(self, response, what: str):
		self.assertLess(response.status_code, 500, f"{what}: server error\n{response.text[:2000]}")
		self.assertGreaterEqual(response.status_code, 400, f"{what}: accepted\n{response.text[:500]}")
		self.assertTrue(message_of(response).strip(), f"{what}: no message\n{response.text[:500]}")

	def assert_no_server_error(self, response, what: str):
		self.assertLess(response.status_code, 500, f"{what}: server error\n{response.text[:2000]}")
		if response.status_code >= 400:
			self.assertTrue(message_of(response).strip(), f"{what}: no message\n{response.text[:500]}")

	def assert_inert(self, made: dict, df, sent, what: str):
		"""No live HTML anywhere in the document; a SQL string in an editable field kept as text."""
		text = json.dumps(made).lower()
		self.assertNotIn("<script", text, what)
		self.assertNotIn("onerror", text, what)
		if df and sent in (SQL_OR, SQL_DROP) and editable(df):
			self.assertIn(made.get(df.fieldname), (sent, frappe.utils.escape_html(sent)), what)

	# --- REST insert and update of every DocType ------------------------------------------------------

	def doors(self) -> dict:
		"""DocType -> (user, valid insert payload or None, name to update or None)."""
		goods = [{k: v for k, v in row.items()} for row in GOODS]
		return {
			COOPERATION: (
				OFFICER_BANDUNG,
				{
					"title": FUZZ + "Kerja Sama Uji",
					"parties": [
						{"regional_government": "32.73", "contact_user": OFFICER_BANDUNG},
						{"regional_government": "32.77", "contact_user": OFFICER_CIMAHI},
					],
				},
				self.coop,
			),
			ISSUE: (
				OFFICER_BANDUNG,
				{
					"cooperation": self.coop_pelaksanaan,
					"issue_type": "Permasalahan",
					"raised_by": "32.73",
					"raised_on": today(),
					"description": "Uji masukan",
				},
				self.issue,
			),
			TERMINATION: (
				OFFICER_BANDUNG,
				{
					"cooperation": self.coop_ending_free,
					"termination_date": today(),
					"reason": "Kesepakatan para pihak",
					"assets": goods,
					"liabilities": [{"creditor": "Bank Daerah", "amount": 1000}],
				},
				self.termination,
			),
			ACTIVITY: (
				TKKSD_JABAR,
				{
					"cooperation": self.coop,
					"supervisory_body": "TKKSD-32",
					"activity_type": "Pembinaan",
					"stage": stages.PENJAJAKAN,
					"activity_date": today(),
					"description": "Uji masukan",
					"guidance_items": [{"guidance_item": "10.a.1.a"}],
				},
				self.activity,
			),
			REPORT: (
				TKKSD_JABAR,
				{
					"report_type": PASAL_12,
					"supervisory_body": "TKKSD-32",
					"period_start": add_days(today(), -300),
					"period_end": add_days(today(), -270),
				},
				self.report,
			),
			"Government Affair": (
				MANAGER,
				{"affair_name": FUZZ + "Urusan Uji", "affair_category": "Pilihan"},
				"Lingkungan Hidup",
			),
			"Guidance Item": (
				SYSTEM_MANAGER,
				{
					"code": "10.a.9.z",
					"article": "Pasal 10",
					"body_type": "Tim Koordinasi Kerja Sama Daerah",
					"stage": "Penjajakan",
					"description": "Uji masukan",
				},
				"10.a.1.a",
			),
			"Regional Government": (
				MANAGER,
				{
					"region_code": "32.98",
					"region_name": FUZZ + "Kabupaten Uji",
					"region_type": "Kabupaten",
					"parent_regional_government": "32",
				},
				"32.79",
			),
			BODY: (
				MANAGER,
				{
					"body_type": "Tim Koordinasi Kerja Sama Daerah",
					"province": "35",
					"members": [{"member_name": "Anggota Uji", "position": "Sekretaris Daerah"}],
				},
				"TKKSD-33",
			),
			SETTINGS: (MANAGER, None, SETTINGS),
			"KSAD Notice": (MANAGER, None, self.notice),
		}

	def check_base(self, doctype: str, user: str, base: dict) -> None:
		"""The valid payload is valid: inserted in-process as the same user, then rolled back."""
		frappe.db.rollback()
		frappe.set_user(user)
		try:
			frappe.get_doc({"doctype": doctype, **json.loads(json.dumps(base))}).insert()
		except Exception as e:
			self.fail(f"the valid {doctype} of the fuzz is refused: {e!r}")
		finally:
			frappe.set_user("Administrator")
			frappe.db.rollback()

	def insert_cases(self, meta, base: dict | None):
		"""(label, payload, must_refuse, field df or None, value)."""
		base = base or {}
		for df in fuzz_fields(meta):
			for value in hostile(df):
				yield df.fieldname, {**base, df.fieldname: value}, True, df, value
			for value in free_text(df):
				yield df.fieldname, {**base, df.fieldname: value}, False, df, value
			if (
				df.reqd
				and not df.default
				and editable(df)
				and df.fieldname in base
				and (meta.name, df.fieldname) not in FILLED_BY_THE_APP
			):
				without = {k: v for k, v in base.items() if k != df.fieldname}
				yield f"{df.fieldname} missing", without, True, None, None
				yield f"{df.fieldname} null", {**base, df.fieldname: None}, True, None, None
			if df.fieldtype in table_fields:
				child = frappe.get_meta(df.options)
				row = (base.get(df.fieldname) or [{}])[0]
				for cdf in fuzz_fields(child):
					writable = editable(df) and editable(cdf)
					label = f"{df.fieldname}.{cdf.fieldname}"
					for value in hostile(cdf, writable):
						yield label, {**base, df.fieldname: [{**row, cdf.fieldname: value}]}, True, cdf, value
					for value in free_text(cdf, writable):
						yield (
							label,
							{**base, df.fieldname: [{**row, cdf.fieldname: value}]},
							False,
							None,
							value,
						)
				yield (
					f"{df.fieldname}.unknown",
					{**base, df.fieldname: [{**row, "no_such_field": 1}]},
					True,
					None,
					None,
				)
		yield "unknown field", {**base, "no_such_field": 1}, True, None, None
		yield "other doctype", {**base, "doctype": "User"}, True, None, None

	def test_rest_insert_of_every_doctype(self):
		doors = self.doors()
		before = counts()
		for doctype in app_doctypes():
			meta = frappe.get_meta(doctype)
			user, base, _target = doors.get(doctype, (MANAGER, None, None))
			if base:
				self.check_base(doctype, user, base)
			url = f"/api/resource/{doctype}"
			for label, payload, must_refuse, df, value in self.insert_cases(meta, base):
				what = f"POST {doctype} {label}={str(value)[:40]!r}"
				response = self.call("REST insert", user, "POST", url, json=payload)
				made = response.status_code < 300 and (response.json().get("data") or {})
				if made and not meta.issingle:
					# removed at once: a record named after the value would make the next link valid
					frappe.db.rollback()
					purge(doctype, made["name"])
					frappe.db.commit()  # nosemgrep: frappe-manual-commit -- what the server made is removed
				if must_refuse:
					self.assert_refused(response, what)
					continue
				self.assert_no_server_error(response, what)
				if made:
					type(self).accepted_inert += 1
					self.assert_inert(made, df, value, what)
			for body in ([1, 2], "abc", 5):
				response = self.call("REST insert", user, "POST", url, json=body)
				self.assert_refused(response, f"POST {doctype} body {body!r}")
		self.assertEqual(counts(), before)

	def test_rest_update_of_every_doctype(self):
		doors = self.doors()
		before = counts()
		for doctype in app_doctypes():
			meta = frappe.get_meta(doctype)
			user, _base, target = doors.get(doctype, (MANAGER, None, None))
			if meta.istable:
				# a row of one of the fixtures, updated on its own
				frappe.db.rollback()
				target = frappe.db.get_value(doctype, {"parent": ("in", self.fixture_names())}, "name")
				if not target:
					continue
			stored = snapshot(doctype, target)
			url = f"/api/resource/{doctype}/{target}"
			for df in fuzz_fields(meta):
				required = df.reqd and not df.default and editable(df)
				required = required and (doctype, df.fieldname) not in FILLED_BY_THE_APP
				values = hostile(df) + ([None, ""] if required else [])
				for value in values:
					response = self.call("REST update", user, "PUT", url, json={df.fieldname: value})
					self.assert_refused(response, f"PUT {doctype} {df.fieldname}={str(value)[:40]!r}")
				rows = stored.get(df.fieldname)
				if df.fieldtype not in table_fields or not rows:
					continue
				for cdf in fuzz_fields(frappe.get_meta(df.options)):
					for value in hostile(cdf, editable(df) and editable(cdf)):
						changed = [{**rows[0], cdf.fieldname: value}, *rows[1:]]
						response = self.call("REST update", user, "PUT", url, json={df.fieldname: changed})
						what = f"PUT {doctype} {df.fieldname}.{cdf.fieldname}={str(value)[:40]!r}"
						self.assert_refused(response, what)
				changed = [{**rows[0], "no_such_field": 1}, *rows[1:]]
				response = self.call("REST update", user, "PUT", url, json={df.fieldname: changed})
				self.assert_refused(response, f"PUT {doctype} {df.fieldname}.unknown")
			for body in ({"no_such_field": 1}, {"doctype": "User"}, [1, 2], "abc", 5):
				response = self.call("REST update", user, "PUT", url, json=body)
				self.assert_refused(response, f"PUT {doctype} body {str(body)[:40]!r}")
			self.assertEqual(snapshot(doctype, target), stored, f"{doctype} {target} changed")
		self.assertEqual(counts(), before)

	def fixture_names(self) -> list[str]:
		return [name for _doctype, name in self.made]

	# --- whitelisted methods -----------------------------------------------------------------------

	def methods(self) -> dict:
		"""Method -> (user, valid arguments, kind of each argument). Each is called by POST with a JSON body."""
		card = json.loads(frappe.get_doc("Number Card", "Active Cooperations").as_json())
		card_filters = card["filters_json"]
		date_range = {
			"chart_name": "Activities per Month",
			"timespan": "Select Date Range",
			"from_date": add_days(today(), -90),
			"to_date": today(),
			"time_interval": "Monthly",
		}
		return {
			# GET only, and open to guests: the arguments are sent as a query string (see ``send``)
			"ksad_app.public_register.api.open_data": (
				OFFICER_BANDUNG,
				{"format": "json"},
				{
					"format": "choice",
					**dict.fromkeys(("province", "region", "affair", "stage", "year", "q"), "ignored"),
				},
			),
			"ksad_app.api.apply_action": (
				OFFICER_BANDUNG,
				{"cooperation": self.coop, "action": stages.AJUKAN},
				{"cooperation": "name", "action": "name", "reason": "text"},
			),
			"ksad_app.overrides.workflow.apply_workflow": (
				OFFICER_BANDUNG,
				{"doc": {"doctype": COOPERATION, "name": self.coop}, "action": stages.AJUKAN},
				{"doc": "document", "action": "name"},
			),
			"ksad_app.api.activity_defaults": (
				TKKSD_JABAR,
				{"cooperation": self.coop},
				{"cooperation": "name"},
			),
			"ksad_app.api.cooperation_parties": (
				OFFICER_BANDUNG,
				{"cooperation": self.coop},
				{"cooperation": "name"},
			),
			"ksad_app.ksad.doctype.cooperation_issue.cooperation_issue.issue_form_data": (
				OFFICER_BANDUNG,
				{"cooperation": self.coop_pelaksanaan},
				{"cooperation": "name"},
			),
			"ksad_app.ksad.doctype.supervision_report.supervision_report.compile_report": (
				TKKSD_JABAR,
				{"name": self.report},
				{"name": "name"},
			),
			"ksad_app.integrations.erpnext.fill_assets_from_erpnext": (
				OFFICER_BANDUNG,
				{"termination": self.termination},
				{"termination": "name"},
			),
			"ksad_app.integrations.erpnext.record_allocated_assets": (
				OFFICER_BANDUNG,
				{"termination": self.termination, "party": "32.73"},
				{"termination": "name", "party": "name"},
			),
			"ksad_app.overrides.client.get_count": (
				OFFICER_BANDUNG,
				{"doctype": COOPERATION, "filters": {"stage": stages.PENJAJAKAN}},
				{"doctype": "name", "filters": "filters", "debug": "ignored", "cache": "ignored"},
			),
			"ksad_app.overrides.replica.number_card_result": (
				MINISTRY,
				{"doc": card, "filters": card_filters},
				{"doc": "card", "filters": "filters", "to_date": "date"},
			),
			"ksad_app.overrides.replica.number_card_percentage_difference": (
				MINISTRY,
				{"doc": card, "filters": card_filters, "result": 1},
				{"doc": "stored card", "filters": "filters", "result": "number"},
			),
			"ksad_app.overrides.replica.dashboard_chart_data": (
				MINISTRY,
				date_range,
				{
					"chart_name": "name",
					"chart": "chart",
					"filters": "filters",
					"from_date": "date",
					"to_date": "date",
					"timespan": "choice",
					"time_interval": "choice",
					"heatmap_year": "whole",
					"no_cache": "ignored",
					"refresh": "ignored",
				},
			),
			"ksad_app.overrides.query_report.run_report": (
				MINISTRY,
				{"report_name": "KSAD Register", "filters": {}},
				{
					"report_name": "name",
					"filters": "report filters",
					"user": "name",
					"ignore_prepared_report": "flag",
					"custom_columns": "columns",
					"is_tree": "flag",
					"parent_field": "text",
					"are_default_filters": "flag",
				},
			),
		}

	def argument_values(self, kind: str) -> tuple[list, list]:
		"""(values to refuse, values that may be accepted) for an argument of this kind."""
		if kind == "name":
			return [*WRONG, *INJECTIONS, LONG, MISSING], []
		if kind == "text":
			return [INT, LIST, DICT, BOOL, LONG], []
		if kind == "filters":
			return [
				"abc",
				INT,
				[1, 2],
				{"no_such_field": 1},
				[["no_such_field", "=", 1]],
				{"title": ["no_such_operator", 1]},
				{"title": DICT},
				[[COOPERATION, "title"]],
				SQL_OR,
				LONG,
			], [{"title": SQL_OR}, [[COOPERATION, "title", "=", SCRIPT]]]
		if kind == "document":
			return [
				"abc",
				INT,
				[1],
				{},
				{"doctype": COOPERATION},
				{"doctype": COOPERATION, "name": MISSING},
				{"doctype": SQL_OR, "name": self.coop},
				{"doctype": COOPERATION, "name": self.coop, "parties": "abc"},
				{"doctype": COOPERATION, "name": DICT},
				{"doctype": "User", "name": OFFICER_BANDUNG},
			], []
		if kind == "report filters":
			return ["abc", INT, [1, 2], {"no_such_filter": 1}, {"stage": DICT}, SQL_OR], []
		if kind == "card":
			return [
				"abc",
				INT,
				[1],
				{},
				{"function": "Bogus", "document_type": COOPERATION},
				{"function": "Sum", "aggregate_function_based_on": SQL_OR, "document_type": COOPERATION},
				{"function": "Count", "document_type": SQL_OR},
				{"function": "Count", "document_type": MISSING},
				{"function": "Count", "document_type": COOPERATION, "parent_document_type": SQL_OR},
			], []
		if kind == "stored card":
			return ["abc", INT, [1], {}, {"name": MISSING}, {"name": DICT}], []
		if kind == "chart":
			return [
				"abc",
				INT,
				[1],
				{"chart_type": "Bogus", "document_type": COOPERATION},
				{"chart_type": "Count", "document_type": SQL_OR, "based_on": "creation"},
				{"chart_type": "Group By", "document_type": COOPERATION, "group_by_based_on": SQL_OR},
				{
					"chart_type": "Sum",
					"document_type": COOPERATION,
					"value_based_on": SQL_OR,
					"based_on": "creation",
				},
				{
					"chart_type": "Count",
					"document_type": COOPERATION,
					"based_on": SQL_OR,
					"timespan": "Last Year",
				},
			], []
		if kind == "date":
			return [INT, LIST, DICT, "abc", SQL_OR, "2026-02-30"], []
		if kind == "choice":
			return [INT, LIST, DICT, "Bogus", SQL_OR], []
		if kind == "whole":
			return [LIST, DICT, "abc", FLOAT, 10**12], []
		if kind == "number":
			return [LIST, DICT, "abc"], []
		if kind == "flag":
			return [], [*WRONG, "abc"]
		if kind == "columns":
			return ["abc", INT, DICT, [1, 2], [{"fieldname": SQL_OR}]], []
		return [], [*WRONG, "abc"]  # ignored by the method

	def test_every_whitelisted_method(self):
		methods = self.methods()
		self.assertEqual(
			set(methods), whitelisted_methods(), "a whitelisted method of ksad_app is not fuzzed"
		)
		before = counts()
		stored = {name: snapshot(doctype, name) for doctype, name in self.made}
		for method, (user, valid, kinds) in methods.items():
			url = f"/api/method/{method}"
			for argument in required_arguments(method):
				missing = {k: v for k, v in valid.items() if k != argument}
				with self.subTest(method=method, missing=argument):
					response = self.send(method, user, url, missing)
					self.assert_refused(response, f"{method} without {argument}")
			for argument, kind in kinds.items():
				refuse, may_accept = self.argument_values(kind)
				for value in refuse + may_accept:
					what = f"{method} {argument}={str(value)[:60]!r}"
					with self.subTest(method=method, argument=argument, value=str(value)[:60]):
						response = self.send(method, user, url, {**valid, argument: value})
						if value in may_accept:
							self.assert_no_server_error(response, what)
						else:
							self.assert_refused(response, what)
		self.assertEqual(counts(), before)
		for doctype, name in self.made:
			self.assertEqual(snapshot(doctype, name), stored[name], f"{doctype} {name} changed")

	# --- script reports ------------------------------------------------------------------------------

	def run_report(self, report: str, filters):
		"""``frappe.desk.query_report.run`` as the Ministry, the filters as the desk sends them (JSON text)."""
		data = {
			"report_name": report,
			"filters": filters if isinstance(filters, str) else json.dumps(filters),
		}
		return self.call("report", MINISTRY, "POST", "/api/method/frappe.desk.query_report.run", data=data)

	def test_every_script_report_filter(self):
		reports = script_reports()
		self.assertTrue(reports)
		for report in reports:
			spec = query_report.report_filters_spec(report)
			self.assertEqual(
				[(f["fieldname"], f["fieldtype"]) for f in spec],
				js_filters(report),
				f"{report}: FILTERS differ from the report's .js",
			)
			self.assertEqual(self.run_report(report, {}).status_code, 200, report)
			for df in [frappe._dict(f) for f in spec]:
				df.setdefault("options", None)
				df.options = "\n".join(df.options) if isinstance(df.options, list) else df.options
				values = [v for v in hostile(df, writable=True) if v is not None]
				if df.fieldtype == "Int":
					values += [-1, 10**9] if "max" in df else []
				for value in values:
					response = self.run_report(report, {df.fieldname: value})
					self.assert_refused(response, f"{report} {df.fieldname}={str(value)[:60]!r}")
			for filters in ("[1, 2]", "abc", "5", "[1,2", '{"no_such_filter": 1}'):
				response = self.run_report(report, filters)
				self.assert_refused(response, f"{report} filters={filters!r}")
