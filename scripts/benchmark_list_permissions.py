"""Benchmark: list queries with row-level permissions vs the raw SQL they amount to.

Usage (from the repository root, against a site that has ksad_app installed;
it adds synthetic rows inside a transaction and rolls them back at the end):

    $FRAPPE_BENCH_PATH/env/bin/python scripts/benchmark_list_permissions.py \
        --site ksad-test.localhost --rows 5000 --runs 30

For each kind of user it times one list-view page (20 rows, newest first) and
the count behind it, through ``frappe.get_list`` (which adds
``permission_query_conditions``), and the hand-written SQL returning the same
rows; it prints the medians and the ratio get_list / raw SQL. It does so for
Inter-Regional Cooperation and for Supervision Activity (one synthetic
submitted activity per synthetic cooperation).
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def median_ms(fn, runs):
	samples = []
	for _ in range(runs):
		t = time.perf_counter()
		fn()
		samples.append((time.perf_counter() - t) * 1000)
	return statistics.median(samples)


def seed(frappe, rows):
	"""Insert ``rows`` synthetic cooperations among real regions, supervisors as the rules assign."""
	from frappe.utils import now

	from ksad_app.domain.regions import Region
	from ksad_app.domain.supervision import assign_supervisors
	from ksad_app.ksad.doctype.inter_regional_cooperation.inter_regional_cooperation import registered_bodies

	regions = frappe.get_all(
		"Regional Government",
		filters={"is_autonomous": 1, "name": ("like", "3%")},  # Java and Bali-Nusa: bodies 32, 33 exist
		fields=["name", "region_type", "parent_regional_government"],
	)
	by_province = {}
	for r in regions:
		by_province.setdefault(r.parent_regional_government or r.name, []).append(r)
	bodies = registered_bodies()
	rng = random.Random(23)
	stamp = now()
	parents, parties, sups = [], [], []
	for i in range(rows):
		province = rng.choice(["32", "33"])
		picks = rng.sample(by_province[province], 2)
		domain = [Region(p.name, p.region_type, p.parent_regional_government or p.name) for p in picks]
		try:
			supervisors = assign_supervisors(domain, bodies)
		except Exception:
			continue
		name = f"BENCH-{i:06d}"
		parents.append((name, f"[BENCH] {i}", "Penjajakan", stamp, stamp, "Administrator", "Administrator"))
		for idx, p in enumerate(picks, 1):
			parties.append(
				(frappe.generate_hash(length=10), name, "parties", "Inter-Regional Cooperation", idx, p.name)
			)
		for idx, b in enumerate(supervisors, 1):
			sups.append(
				(frappe.generate_hash(length=10), name, "supervisors", "Inter-Regional Cooperation", idx, b)
			)
	frappe.db.bulk_insert(
		"Inter-Regional Cooperation",
		["name", "title", "stage", "creation", "modified", "owner", "modified_by"],
		parents,
	)
	child = ["name", "parent", "parentfield", "parenttype", "idx"]
	frappe.db.bulk_insert("Cooperation Party", [*child, "regional_government"], parties)
	frappe.db.bulk_insert("Cooperation Supervisor", [*child, "supervisory_body"], sups)
	audit = (stamp, stamp, "Administrator", "Administrator")
	first_body = {}
	for _name, parent, _f, _t, _idx, body in sups:
		first_body.setdefault(parent, body)
	frappe.db.bulk_insert(
		"Supervision Activity",
		[
			"name",
			"cooperation",
			"supervisory_body",
			"activity_type",
			"stage",
			"activity_date",
			"description",
			"docstatus",
			"creation",
			"modified",
			"owner",
			"modified_by",
		],
		[
			(
				f"BENCH-AKT-{i:06d}",
				p[0],
				first_body[p[0]],
				"Pengawasan",
				"Penjajakan",
				stamp[:10],
				"-",
				1,
				*audit,
			)
			for i, p in enumerate(parents)
		],
	)
	return len(parents)


def measure(frappe, doctype, conditions, fields, user, runs):
	"""Median get_list vs raw SQL for one list page and its count, as ``user``."""
	frappe.set_user(user)
	condition = conditions(user) or "1=1"
	frappe.set_user("Administrator")
	columns = ", ".join(f"`{f}`" for f in fields)
	page_sql = f"select {columns} from `tab{doctype}` where {condition} order by `modified` desc limit 20"
	count_sql = f"select count(*) from `tab{doctype}` where {condition}"
	frappe.set_user(user)

	def page():
		return frappe.get_list(doctype, fields=fields, order_by="modified desc", limit_page_length=20)

	def count():
		return frappe.get_list(doctype, fields=["count(name) as n"])[0].n

	def raw_sql(query):
		# nosemgrep: frappe-using-db-sql -- the raw-SQL baseline being compared
		return lambda: frappe.db.sql(query)

	rows = count()
	for label, via_frappe, raw in (("page", page, raw_sql(page_sql)), ("count", count, raw_sql(count_sql))):
		a = median_ms(via_frappe, runs)
		b = median_ms(raw, runs)
		print(f"{doctype:<28}{user:<28}{label:<8}{a:>10.2f}{b:>10.2f}{a / b:>8.2f}{rows:>8}")
	frappe.set_user("Administrator")


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", default="ksad-test.localhost")
	parser.add_argument("--rows", type=int, default=5000)
	parser.add_argument("--runs", type=int, default=30)
	args = parser.parse_args()

	bench = Path(os.environ.get("FRAPPE_BENCH_PATH", Path.home() / "frappe-bench"))
	os.chdir(bench / "sites")
	sys.path.insert(0, str(REPO))
	import frappe

	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	from ksad_app.permissions import activity_query_conditions, cooperation_query_conditions
	from ksad_app.tests import MINISTRY, OFFICER_BANDUNG, TKKSD_JABAR, ensure_world

	ensure_world()
	try:
		seeded = seed(frappe, args.rows)
		total = frappe.db.count("Inter-Regional Cooperation")
		print(f"{seeded} synthetic cooperations added ({total} in all); {args.runs} runs each; medians in ms")
		print(
			f"{'doctype':<28}{'user':<28}{'query':<8}{'get_list':>10}{'raw SQL':>10}{'ratio':>8}{'rows':>8}"
		)
		for doctype, conditions, fields in (
			("Inter-Regional Cooperation", cooperation_query_conditions, ["name", "title", "stage"]),
			("Supervision Activity", activity_query_conditions, ["name", "cooperation", "activity_type"]),
		):
			for user in (OFFICER_BANDUNG, TKKSD_JABAR, MINISTRY):
				measure(frappe, doctype, conditions, fields, user, args.runs)
	finally:
		frappe.db.rollback()
		frappe.destroy()


if __name__ == "__main__":
	main()
