"""The national-scale benchmark's own parts (issue 8): what it measures and how it judges the targets.

The benchmark is not a test (``bench ksad-benchmark`` prints figures); this
checks, on the test site's small data, that it measures the desk's own
methods, that each call's floor comes from the floor user, that Frappe's
rows equal the hand-written SQL's, and that the targets are judged by the
rule the README states.
"""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from ksad_app.scale import benchmark
from ksad_app.scale import data as scale


class TestBenchmark(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()  # rolled back after the class
		frappe.set_user("Administrator")
		scale.ensure_bodies("SYNT-")
		scale.ensure_users("SYNT-")

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_the_ratio_rule(self):
		self.assertTrue(benchmark.meets_ratio(2.9, None))
		self.assertTrue(benchmark.meets_ratio(6.0, 2.5))  # a 2 ms SQL: most of the call is the floor
		self.assertFalse(benchmark.meets_ratio(6.0, 3.5))
		self.assertFalse(benchmark.meets_ratio(4.0, None))
		self.assertIsNone(benchmark.meets_ratio(None, None))
		self.assertTrue(benchmark.meets_time("report", 999))
		self.assertFalse(benchmark.meets_time("report", 1001))
		self.assertTrue(benchmark.meets_time("compile", 1999))

	def test_the_ratio_above_the_floor(self):
		r = benchmark.Result("card", "x", "u", median_ms=6.0, sql_ms=1.0, floor_ms=4.5)
		self.assertAlmostEqual(r.ratio, 6.0)
		self.assertAlmostEqual(r.ratio_above_floor, 1.5)
		r.floor_ms = 7.0  # a floor above the call (noise) counts as nothing above it
		self.assertEqual(r.ratio_above_floor, 0.0)

	def test_dynamic_filters_as_the_workspace_evaluates_them(self):
		expr = "[frappe.datetime.get_today(), frappe.datetime.add_days(frappe.datetime.get_today(), 180)]"
		self.assertEqual(benchmark.js_value(expr, "u"), [today(), str(add_days(today(), 180))])
		card = frappe.get_doc("Number Card", "Ending Within 180 Days")
		filters = benchmark.card_filters(card, "u")
		self.assertIn(
			["Inter-Regional Cooperation", "end_date", "between", [today(), str(add_days(today(), 180))]],
			filters,
		)

	def test_a_call_is_measured_with_its_floor_and_the_same_rows_as_sql(self):
		things = {(t.kind, t.name): t for t in benchmark.discover()}
		for key in (
			("report", "KSAD Register"),
			("card", "Ending Within 180 Days"),
			("list count", "Inter-Regional Cooperation"),
		):
			with self.subTest(thing=key):
				frappe.set_user(scale.OFFICER_USER)
				result = benchmark.measure(things[key], "officer", scale.OFFICER_USER, "officer", runs=2)
				self.assertFalse(result.note.startswith("error"), result.note)
				self.assertTrue(result.same_rows, result.note)
				self.assertIsNotNone(result.median_ms)
				self.assertIsNotNone(result.floor_ms)
				self.assertEqual(len(result.samples), 2)

	def test_the_desk_path_of_a_script_report_is_the_apps_override(self):
		self.assertIs(
			benchmark.desk_method("frappe.desk.query_report.run"),
			frappe.get_attr("ksad_app.overrides.query_report.run_report"),
		)

	def test_the_verdict_names_what_misses(self):
		rows = [
			summary_row("card", "A", "u", median=5.0, sql=1.0, floor=4.0),
			summary_row("list page", "B", "v", median=9.0, sql=1.0, floor=2.0),
			summary_row("report", "C", "w", median=1200.0, sql=1000.0, floor=3.0, same_rows=False),
			summary_row("compile", "D", "x", median=700.0),
		]
		lines = benchmark.verdict(rows)
		self.assertIn("≤ 1000 ms: 2 of 3 calls (missed: C as w)", lines[0])
		self.assertIn("≤ 3× SQL: 1 of 3 calls, 1 more within 3× above their floor, missed: B as v", lines[0])
		self.assertIn("Rows differing from the SQL: 1", lines[0])
		self.assertEqual(lines[1], "Compile ≤ 2000 ms: met (700 ms).")


def summary_row(kind, name, user, median, sql=None, floor=None, same_rows=True) -> dict:
	"""One row of the benchmark's results, judged as ``benchmark.result_dict`` judges it."""
	r = benchmark.Result(kind, name, user, median_ms=median, sql_ms=sql, floor_ms=floor)
	r.same_rows = same_rows if sql is not None else None
	return benchmark.result_dict(r)
