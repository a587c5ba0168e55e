"""Issue 8 on a real site: the reports, number cards and charts of module KSAD, as real users of each role.

Every report, card and chart shows a user exactly the cooperations the lists
show them (Pasal 2, 3: the body that supervises, the regions that are
parties, the Gubernur for his province, the Ministry everything), runs with
no filters and with the defaults of its form, and adds up correctly on data
made here through the real workflow.
"""

import json

import frappe
from frappe.desk.doctype.dashboard_chart.dashboard_chart import get as chart_data
from frappe.desk.doctype.number_card.number_card import get_result
from frappe.desk.query_report import run
from frappe.desk.reportview import get as reportview_get
from frappe.utils import add_days, formatdate, get_year_start, getdate, today

from ksad_app.domain import stages
from ksad_app.domain.recaps import month_key
from ksad_app.ksad.doctype.cooperation_issue.test_cooperation_issue import raise_issue
from ksad_app.ksad.doctype.cooperation_termination.test_cooperation_termination import (
	cooperation_at_pengakhiran,
	fill_row,
	new_termination,
)
from ksad_app.ksad.doctype.supervision_activity.test_supervision_activity import new_activity
from ksad_app.notifications.termination_reminders import send_termination_reminders
from ksad_app.tests import (
	EXPECTED_VISIBLE,
	GOVERNOR_JABAR,
	MANAGER,
	MINISTRY,
	OFFICER_BANDUNG,
	OFFICER_BEKASI,
	OFFICER_CILACAP,
	OUTSIDER,
	READY_FOR_NEGOSIASI,
	SEKBER,
	TKKSD_JABAR,
	TKKSD_JATENG,
	USERS,
	WorldTestCase,
	advance,
	new_cooperation,
)

COOPERATION = "Inter-Regional Cooperation"
ACTIVITY = "Supervision Activity"
ISSUE = "Cooperation Issue"
TERMINATION = "Cooperation Termination"

SCRIPT_REPORTS = (
	"KSAD Register",
	"Cooperation by Stage and Province",
	"Supervision Activity Recap",
	"Agreements Ending Soon",
	"Termination Division",
)
REPORT_BUILDER = (
	"Cooperations by Level",
	"Cooperations by Party Region",
	"Supervision Activities by Body",
	"Guidance Given by Item",
)
# Users with a role of the app (the outsider has none).
ROLE_USERS = tuple(u for u in USERS if u != OUTSIDER)


def defaults(report: str) -> dict:
	"""The defaults of the report's filters, as its form sends them (see the report's .js)."""
	return {
		"Supervision Activity Recap": {"from_date": str(get_year_start(today())), "to_date": today()},
		"Agreements Ending Soon": {"days": 180, "include_overdue": 1},
		"Termination Division": {"include_drafts": 0},
	}.get(report, {})


def run_as(user: str, report: str, **filters) -> dict:
	frappe.set_user(user)
	try:
		return run(report, filters=filters, user=user, ignore_prepared_report=True)
	finally:
		frappe.set_user("Administrator")


def rows(out: dict) -> list[dict]:
	"""The data rows (without Frappe's total row)."""
	data = list(out["result"])
	if out.get("add_total_row") and data:
		data = data[:-1]
	return data


def listed(user: str, doctype: str, filters=None) -> set[str]:
	"""What the list view of ``doctype`` shows ``user``."""
	frappe.set_user(user)
	try:
		return set(frappe.get_list(doctype, filters=filters, pluck="name", limit_page_length=0))
	finally:
		frappe.set_user("Administrator")


def card_value(user: str, card: str) -> int:
	"""A number card as the workspace asks for it: static filters, then the dynamic ones evaluated."""
	doc = frappe.get_doc("Number Card", card)
	filters = json.loads(doc.filters_json or "[]")
	for f in json.loads(doc.dynamic_filters_json or "[]"):
		filters.append([f[0], f[1], f[2], dynamic_value(f[3])])
	frappe.set_user(user)
	try:
		return int(get_result(doc.as_dict(), json.dumps(filters)))
	finally:
		frappe.set_user("Administrator")


def dynamic_value(expression: str) -> str | list[str]:
	expected = {
		"frappe.datetime.get_today()": today(),
		"frappe.datetime.add_days(frappe.datetime.get_today(), 180)": str(add_days(today(), 180)),
		"[frappe.datetime.get_today(), frappe.datetime.add_days(frappe.datetime.get_today(), 180)]": [
			today(),
			str(add_days(today(), 180)),
		],
	}
	return expected[expression]


def chart_as(user: str, chart: str) -> dict[str, int]:
	"""A dashboard chart as the workspace asks for it (refresh=1), label -> value."""
	frappe.set_user(user)
	try:
		out = chart_data(chart_name=chart, refresh=1)
	finally:
		frappe.set_user("Administrator")
	if not out:
		return {}
	return dict(zip(out["labels"], out["datasets"][0]["values"], strict=True))


def report_builder_as(user: str, report: str, grouped: bool = True) -> list[list]:
	"""A standard Report Builder report as the report view loads it: its saved columns, filters, order, group."""
	doc = frappe.get_doc("Report", report)
	settings = json.loads(doc.json)
	doctype = doc.ref_doctype
	group = settings.get("group_by") if grouped else None
	if group:
		group_doctype = group["group_by"].split(".")[0].strip("`")[3:]
		fields = [group["group_by"]]
		if group_doctype != doctype:
			fields = [
				f"{group['group_by']} as '{group_doctype}:{group['group_by'].split('.')[1].strip('`')}'"
			]
		args = {
			"fields": fields,
			"group_by": group["group_by"],
			"aggregate_function": group["aggregate_function"],
			"aggregate_on_field": "name",
			"aggregate_on_doctype": doctype,
			"order_by": "_aggregate_column desc",
		}
	else:
		fields = []
		for fieldname, dt in settings["fields"]:
			column = f"`tab{dt}`.`{fieldname}`"
			fields.append(column if dt == doctype else f"{column} as '{dt}:{fieldname}'")
		args = {"fields": fields, "order_by": settings["order_by"]}
	frappe.set_user(user)
	try:
		frappe.local.form_dict = frappe._dict(
			doctype=doctype,
			filters=settings["filters"],
			start=0,
			page_length=500,
			view="Report",
			with_comment_count=0,
			**args,
		)
		out = reportview_get()
	finally:
		frappe.local.form_dict = frappe._dict()
		frappe.set_user("Administrator")
	if not out:
		return []
	return [dict(zip(out["keys"], values, strict=True)) for values in out["values"]]


class TestReports(WorldTestCase):
	def setUp(self):
		frappe.local.lang = "en"
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	# --- every report, every role ------------------------------------------------------

	def test_every_report_runs_for_every_role_with_no_filters_and_with_its_defaults(self):
		for report in SCRIPT_REPORTS:
			for user in ROLE_USERS:
				for filters in ({}, defaults(report)):
					with self.subTest(report=report, user=user, filters=filters):
						out = run_as(user, report, **filters)
						self.assertTrue(out["columns"])
						self.assertIsInstance(out["result"], list)

	def test_an_outsider_runs_no_report(self):
		for report in SCRIPT_REPORTS:
			with self.subTest(report=report), self.assertRaises(frappe.PermissionError):
				run_as(OUTSIDER, report)

	def test_reports_are_read_only_and_standard(self):
		from frappe.modules import scrub

		for report in SCRIPT_REPORTS:
			doc = frappe.get_doc("Report", report)
			self.assertEqual((doc.is_standard, doc.module, doc.report_type), ("Yes", "KSAD", "Script Report"))
			module = frappe.get_module(f"ksad_app.ksad.report.{scrub(report)}.{scrub(report)}")
			# frappe.read_only() wraps execute (functools.wraps keeps the original)
			self.assertTrue(hasattr(module.execute, "__wrapped__"), report)
		for report in REPORT_BUILDER:
			doc = frappe.get_doc("Report", report)
			self.assertEqual((doc.is_standard, doc.report_type), ("Yes", "Report Builder"))

	# --- KSAD Register ----------------------------------------------------------------

	def test_register_shows_each_role_exactly_its_scope(self):
		for user, expected in EXPECTED_VISIBLE.items():
			with self.subTest(user=user):
				names = {r["name"] for r in rows(run_as(user, "KSAD Register"))}
				self.assertEqual(self.visible_keys(names), expected)
				# the same rows as the list view, on the whole site
				self.assertEqual(names, listed(user, COOPERATION))

	def test_register_keeps_every_party_of_an_officers_cooperation(self):
		# an officer's User Permission on 32.73 does not hide the other parties of its cooperation
		out = rows(run_as(OFFICER_BANDUNG, "KSAD Register"))
		row = next(r for r in out if r["name"] == self.names["bandung_raya"])
		self.assertEqual(row["parties"].split("; ")[0].split(" ")[0], "32.73")
		self.assertIn("32.77 ", row["parties"])
		self.assertIn("32.17 ", row["parties"])
		self.assertEqual(row["supervisors"], "TKKSD-32")
		joint = rows(run_as(TKKSD_JATENG, "KSAD Register"))
		row = next(r for r in joint if r["name"] == self.names["cilacap_banjar"])
		self.assertEqual(set(row["supervisors"].split("; ")), {"TKKSD-32", "TKKSD-33"})

	def test_register_filters(self):
		def keys(**filters):
			return self.visible_keys(r["name"] for r in rows(run_as(MINISTRY, "KSAD Register", **filters)))

		# a province: the province itself or one of its kabupaten/kota among the parties
		self.assertEqual(keys(province="33"), {"cilacap_banjar", "jabar_jateng"})
		self.assertEqual(keys(province="31"), {"dki_bekasi"})
		self.assertEqual(
			keys(cooperation_level="Kabupaten/Kota–Kabupaten/Kota"), {"bandung_raya", "cilacap_banjar"}
		)
		self.assertEqual(keys(stage="Selesai"), set())
		# the filter narrows the scope, never widens it
		out = rows(run_as(TKKSD_JATENG, "KSAD Register", province="32"))
		self.assertEqual(self.visible_keys(r["name"] for r in out), {"cilacap_banjar"})

	def test_register_totals(self):
		new_cooperation(OFFICER_BANDUNG, ["32.73", "32.77"], title="Nilai Register", estimated_value=1_500)
		out = run_as(TKKSD_JABAR, "KSAD Register")
		data = rows(out)
		summary = {s["label"]: s["value"] for s in out["report_summary"]}
		self.assertEqual(summary["Cooperations"], len(data))
		self.assertEqual(summary["Cooperations"], len(listed(TKKSD_JABAR, COOPERATION)))
		self.assertEqual(summary["Total Estimated Value (IDR)"], sum(r["estimated_value"] or 0 for r in data))
		self.assertGreaterEqual(summary["Total Estimated Value (IDR)"], 1_500)

	# --- Cooperation by Stage and Province ---------------------------------------------------

	def test_stage_and_province_counts_a_cooperation_for_each_province_of_its_parties(self):
		def table(user=MINISTRY):
			out = run_as(user, "Cooperation by Stage and Province")
			return {r["province"]: r for r in out["result"]}

		before = table()
		self.assertEqual(len(before), 39)  # 38 provinces and the national row
		new_cooperation(OFFICER_CILACAP, ["33.01", "32.79"], title="Perbatasan Baru")
		after = table()
		for province, change in {"33": 1, "32": 1, "31": 0, "11": 0, None: 1}.items():
			with self.subTest(province=province):
				self.assertEqual(after[province]["penjajakan"], before[province]["penjajakan"] + change)
				self.assertEqual(after[province]["total"], before[province]["total"] + change)

	def test_stage_and_province_national_row_is_each_users_list(self):
		for user in ROLE_USERS:
			with self.subTest(user=user):
				out = run_as(user, "Cooperation by Stage and Province")
				national = out["result"][-1]
				self.assertIsNone(national["province"])
				self.assertEqual(national["total"], len(listed(user, COOPERATION)))
				for r in out["result"]:
					self.assertEqual(
						r["total"], sum(r[frappe.scrub(s)] for s in (*stages.STAGES, stages.DIBATALKAN))
					)
		# TKKSD Jawa Tengah supervises no cooperation of DKI Jakarta
		dki = next(
			r
			for r in run_as(TKKSD_JATENG, "Cooperation by Stage and Province")["result"]
			if r["province"] == "31"
		)
		self.assertEqual(self.visible_keys(listed(TKKSD_JATENG, COOPERATION)), {"cilacap_banjar"})
		self.assertEqual(dki["total"], 0)

	def test_stage_and_province_filters_and_chart(self):
		out = run_as(MINISTRY, "Cooperation by Stage and Province", cooperation_level="Provinsi–Provinsi")
		national = out["result"][-1]
		self.assertEqual(
			national["total"], len(listed(MINISTRY, COOPERATION, {"cooperation_level": "Provinsi–Provinsi"}))
		)
		self.assertEqual(out["chart"]["type"], "bar")
		self.assertEqual(len(out["chart"]["data"]["datasets"]), 7)

	# --- Supervision Activity Recap ----------------------------------------------------------

	def test_activity_recap_per_body_item_and_month_within_the_scope(self):
		month = "m" + month_key(getdate(today())).replace("-", "_")

		def recap(user):
			out = run_as(user, "Supervision Activity Recap", **defaults("Supervision Activity Recap"))
			cells = {
				(r.get("supervisory_body"), r.get("activity_type"), r.get("guidance_item")): r
				for r in out["result"]
				if not r.get("is_total")
			}
			total = next((r for r in out["result"] if r.get("is_total")), {})
			return cells, total

		def count(cells, key):
			return cells[key][month] if key in cells else 0

		users = (TKKSD_JABAR, TKKSD_JATENG, OFFICER_BANDUNG, OFFICER_BEKASI, GOVERNOR_JABAR, MINISTRY)
		before = {u: recap(u) for u in users}
		coop = new_cooperation(OFFICER_BANDUNG, ["32.73", "32.77"], **READY_FOR_NEGOSIASI).name
		new_activity(TKKSD_JABAR, coop, submit=True)  # items 10.a.1.a and 10.a.2
		new_activity(
			TKKSD_JABAR, coop, submit=True, activity_type="Pengawasan", items=[], findings="Sesuai rencana"
		)
		new_activity(TKKSD_JABAR, coop, submit=False)  # a draft counts nowhere
		pembinaan_item = ("TKKSD-32", "Pembinaan", "10.a.1.a")
		pengawasan = ("TKKSD-32", "Pengawasan", None)
		for user in users:
			cells, total = recap(user)
			old_cells, old_total = before[user]
			sees = user in (TKKSD_JABAR, OFFICER_BANDUNG, GOVERNOR_JABAR, MINISTRY)
			with self.subTest(user=user):
				self.assertEqual(count(cells, pembinaan_item), count(old_cells, pembinaan_item) + sees)
				self.assertEqual(count(cells, pengawasan), count(old_cells, pengawasan) + sees)
				# the last row counts each activity once: two, not three
				self.assertEqual(total.get(month, 0), old_total.get(month, 0) + 2 * sees)
		cells, total = recap(TKKSD_JABAR)
		self.assertEqual(
			cells[pembinaan_item]["total"],
			sum(cells[pembinaan_item][c] for c in cells[pembinaan_item] if c.startswith("m")),
		)

	def test_activity_recap_months_of_the_period(self):
		out = run_as(MINISTRY, "Supervision Activity Recap", from_date="2025-11-15", to_date="2026-02-01")
		months = [c["label"] for c in out["columns"] if c["fieldname"].startswith("m2")]
		self.assertEqual(months, ["2025-11", "2025-12", "2026-01", "2026-02"])

	# --- Agreements Ending Soon, cards and charts ------------------------------------------------

	def test_ending_soon_with_reminders_and_the_cards_follow_the_scope(self):
		users = (TKKSD_JABAR, TKKSD_JATENG, OFFICER_BANDUNG, OFFICER_BEKASI, GOVERNOR_JABAR, MINISTRY, SEKBER)
		sees = {TKKSD_JABAR, OFFICER_BANDUNG, GOVERNOR_JABAR, MINISTRY}
		cards = ("Active Cooperations", "Ending Within 180 Days")
		before = {(u, c): card_value(u, c) for u in users for c in cards}

		end = getdate(add_days(today(), 100))
		coop = new_cooperation(OFFICER_BANDUNG, ["32.73", "32.77"], title="Segera Berakhir").name
		advance(
			coop,
			stages.PELAKSANAAN,
			OFFICER_BANDUNG,
			TKKSD_JABAR,
			start_date=str(add_days(today(), -300)),
			end_date=str(end),
		)
		settings = frappe.get_doc("KSAD Settings")
		settings.termination_reminder_days = "180, 90, 30"
		settings.save(ignore_permissions=True)
		self.assertIn(coop, send_termination_reminders(today=today()))

		for user in users:
			with self.subTest(user=user):
				for card in cards:
					self.assertEqual(card_value(user, card), before[(user, card)] + (user in sees), card)
				self.assertEqual(coop in names(run_as(user, "Agreements Ending Soon")), user in sees)
		row = next(r for r in run_as(TKKSD_JABAR, "Agreements Ending Soon")["result"] if r["name"] == coop)
		self.assertEqual(row["days_left"], 100)
		self.assertEqual(row["status"], "Ending Soon")
		self.assertEqual((row["last_threshold"], getdate(row["last_reminded_on"])), (180, getdate(today())))
		self.assertEqual(row["reminders_sent"], 1)
		self.assertIn(OFFICER_BANDUNG, row["contacts"])
		self.assertIn("32.77 ", row["parties"])
		# not within 30 days
		self.assertNotIn(coop, names(run_as(TKKSD_JABAR, "Agreements Ending Soon", days=30)))

		# the end date passes while it is still in Pelaksanaan: overdue, listed unless asked otherwise
		frappe.db.set_value(COOPERATION, coop, "end_date", add_days(today(), -5))
		row = next(
			r for r in run_as(TKKSD_JABAR, "Agreements Ending Soon", days=0)["result"] if r["name"] == coop
		)
		self.assertEqual((row["days_left"], row["status"]), (-5, "Overdue"))
		# the reminders were for the earlier end date
		self.assertEqual((row["last_threshold"], row["reminders_sent"]), (None, 0))
		self.assertNotIn(coop, names(run_as(TKKSD_JABAR, "Agreements Ending Soon", include_overdue=0)))
		self.assertEqual(card_value(TKKSD_JABAR, "Ending Within 180 Days"), before[(TKKSD_JABAR, cards[1])])

	def test_open_problems_card_follows_the_scope(self):
		coop = new_cooperation(OFFICER_BANDUNG, ["32.73", "32.77"], title="Permasalahan").name
		advance(coop, stages.PELAKSANAAN, OFFICER_BANDUNG, TKKSD_JABAR)
		users = (TKKSD_JABAR, TKKSD_JATENG, OFFICER_BANDUNG, OFFICER_BEKASI, MINISTRY)
		before = {u: card_value(u, "Open Problems and Disputes") for u in users}
		raise_issue(OFFICER_BANDUNG, coop)
		for user in users:
			with self.subTest(user=user):
				self.assertEqual(
					card_value(user, "Open Problems and Disputes"),
					before[user] + (user in (TKKSD_JABAR, OFFICER_BANDUNG, MINISTRY)),
				)
				self.assertEqual(
					card_value(user, "Open Problems and Disputes"),
					len(listed(user, ISSUE, {"status": ("!=", "Selesai")})),
				)

	def test_charts_count_through_each_users_scope(self):
		for user in (TKKSD_JATENG, OFFICER_BEKASI, GOVERNOR_JABAR, MINISTRY):
			with self.subTest(user=user):
				visible = len(listed(user, COOPERATION))
				self.assertEqual(sum(chart_as(user, "Cooperations by Stage").values()), visible)
				self.assertEqual(sum(chart_as(user, "Cooperations by Level").values()), visible)
		coop = new_cooperation(OFFICER_BANDUNG, ["32.73", "32.77"], **READY_FOR_NEGOSIASI).name
		this_month = getdate(today()).strftime("%Y-%m")

		def activities(user):
			data = chart_as(user, "Activities per Month")
			return next((v for label, v in data.items() if this_month in str(getdate(label))), 0)

		before = {u: activities(u) for u in (TKKSD_JABAR, TKKSD_JATENG)}
		new_activity(TKKSD_JABAR, coop, submit=True)
		self.assertEqual(activities(TKKSD_JABAR), before[TKKSD_JABAR] + 1)
		self.assertEqual(activities(TKKSD_JATENG), before[TKKSD_JATENG])

	# --- Termination Division ---------------------------------------------------------------------

	def test_termination_division_per_party_for_the_dprd(self):
		coop = cooperation_at_pengakhiran("Pembagian untuk DPRD")
		doc = new_termination(OFFICER_BANDUNG, coop)
		# a draft is listed only when asked
		self.assertEqual(rows(run_as(TKKSD_JABAR, "Termination Division", cooperation=coop)), [])
		drafts = rows(run_as(TKKSD_JABAR, "Termination Division", cooperation=coop, include_drafts=1))
		self.assertEqual([r["status"] for r in drafts], ["Draft", "Draft"])

		frappe.set_user(OFFICER_BANDUNG)
		frappe.get_doc(TERMINATION, doc.name).submit()
		frappe.set_user("Administrator")
		fill_row(
			OFFICER_BANDUNG,
			doc.name,
			"32.73",
			deposit_reference="STS 12/BPKAD/2026",
			deposit_date=today(),
			assets_recorded=1,
			asset_record_reference="KIB A 32.73 no. 1044",
			dprd_report_number="900/77/Pem",
			dprd_report_date=today(),
		)
		out = run_as(TKKSD_JABAR, "Termination Division", cooperation=coop)
		data = {r["party"]: r for r in rows(out)}
		self.assertEqual(list(data), ["32.73", "32.77"])
		bdg, cmh = data["32.73"], data["32.77"]
		self.assertEqual(
			(bdg["entitlement"], bdg["in_kind_value"], bdg["cash_balance"]),
			(540_000_001, 600_000_000, -59_999_999),
		)
		self.assertEqual(
			(cmh["entitlement"], cmh["in_kind_value"], cmh["cash_balance"]),
			(360_000_000, 150_000_001, 209_999_999),
		)
		self.assertEqual((bdg["status"], bdg["outstanding"]), ("Complete", ""))
		self.assertEqual(cmh["status"], "Incomplete")
		self.assertEqual(
			cmh["outstanding"], "kas daerah deposit, goods recorded as regional assets, DPRD report"
		)
		self.assertEqual(bdg["deposit_reference"], "STS 12/BPKAD/2026")
		# the total row adds up the division: the net value
		total = total_row(out)
		self.assertEqual(total["entitlement"], 900_000_001)
		self.assertEqual(total["cash_balance"], -59_999_999 + 209_999_999)

		# both parties' rows for an officer of one of them; nothing for another body or region
		self.assertEqual(
			{r["party"] for r in rows(run_as(OFFICER_BANDUNG, "Termination Division", cooperation=coop))},
			{"32.73", "32.77"},
		)
		for user in (TKKSD_JATENG, OFFICER_BEKASI, SEKBER):
			with self.subTest(user=user):
				self.assertEqual(rows(run_as(user, "Termination Division", cooperation=coop)), [])
		self.assertEqual(
			{
				r["party"]
				for r in rows(run_as(MINISTRY, "Termination Division", cooperation=coop, party="32.77"))
			},
			{"32.77"},
		)

	# --- Report Builder -----------------------------------------------------------------------------

	def test_report_builder_reports_open_for_the_ministry_and_the_governor_within_their_scope(self):
		for user in (MINISTRY, GOVERNOR_JABAR, MANAGER):
			for report in REPORT_BUILDER:
				with self.subTest(user=user, report=report):
					grouped = report_builder_as(user, report)
					plain = report_builder_as(user, report, grouped=False)
					self.assertTrue(plain)
					doctype = frappe.db.get_value("Report", report, "ref_doctype")
					visible = listed(
						user, doctype, json.loads(frappe.db.get_value("Report", report, "json"))["filters"]
					)
					self.assertLessEqual({r["name"] for r in plain}, visible)
					if report == "Cooperations by Level":
						self.assertEqual(sum(r["_aggregate_column"] for r in grouped), len(visible))
		# the governor's groups of party regions are the parties of his cooperations only
		by_region = {
			r["Cooperation Party:regional_government"]: r["_aggregate_column"]
			for r in report_builder_as(GOVERNOR_JABAR, "Cooperations by Party Region")
		}
		self.assertNotIn("11", by_region)
		outside = new_cooperation(OFFICER_CILACAP, ["33.01", "33.02"], title="Jawa Tengah Saja").name
		self.assertNotIn(
			outside,
			{r["name"] for r in report_builder_as(GOVERNOR_JABAR, "Cooperations by Level", grouped=False)},
		)
		self.assertIn(
			outside, {r["name"] for r in report_builder_as(MINISTRY, "Cooperations by Level", grouped=False)}
		)

	def test_reports_speak_bahasa_indonesia(self):
		frappe.local.lang = "id"
		frappe.local.lang_full_dict = None
		try:
			out = run_as(MINISTRY, "Termination Division")
			labels = {c["fieldname"]: c["label"] for c in out["columns"]}
			self.assertEqual(labels["status"], "Status")
			self.assertEqual(labels["outstanding"], "Kekurangan")
			out = run_as(MINISTRY, "Supervision Activity Recap", from_date="2026-01-01", to_date="2026-03-31")
			period = f"{formatdate('2026-01-01')} sampai dengan {formatdate('2026-03-31')}"
			self.assertEqual(out["message"], f"Periode: {period}")
		finally:
			frappe.local.lang = "en"
			frappe.local.lang_full_dict = None

	def test_list_views_filters_of_the_doctypes(self):
		expected = {
			COOPERATION: (
				{"title", "cooperation_level", "stage", "end_date"},
				{"stage", "cooperation_level"},
			),
			ACTIVITY: (
				{"cooperation", "supervisory_body", "activity_type", "activity_date"},
				{"supervisory_body"},
			),
			ISSUE: ({"cooperation", "status", "raised_by"}, {"status", "supervisory_body"}),
			TERMINATION: ({"cooperation", "termination_date"}, {"cooperation"}),
			"Supervisory Body": ({"body_type", "province"}, {"body_type", "province"}),
			"Regional Government": ({"region_name", "parent_regional_government"}, {"region_type"}),
		}
		for doctype, (in_list, in_filter) in expected.items():
			meta = frappe.get_meta(doctype)
			with self.subTest(doctype=doctype):
				self.assertLessEqual(in_list, {f.fieldname for f in meta.fields if f.in_list_view})
				self.assertLessEqual(in_filter, {f.fieldname for f in meta.fields if f.in_standard_filter})


def total_row(out: dict) -> dict:
	"""Frappe's total row (a list, in the order of the columns), by fieldname."""
	return dict(zip([c["fieldname"] for c in out["columns"]], out["result"][-1], strict=True))


def names(out: dict) -> set[str]:
	return {r["name"] for r in out["result"]}
