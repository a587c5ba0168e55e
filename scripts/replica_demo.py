"""The Python half of scripts/replica-demo: run the app's read methods with the site on a read replica.

Run by scripts/replica-demo from the bench's sites directory, after it has
set ``read_from_replica``, ``replica_host`` and ``replica_db_port`` in the
site's config. For every script report, number card and dashboard chart of
module KSAD, the list views of cooperations and activities, and the
Supervision Report compile, as each user of ``bench ksad-scale-data`` (or as
Administrator when those users are missing), it

* simulates a fresh request (Frappe's replica connection lives for one
  request: ``frappe.local`` is new for each);
* counts the SELECTs each server receives during the call: the primary's in
  the session of Frappe's own connection (exact even on a shared server) and,
  on a throwaway primary, globally; the replica's globally (nothing else
  queries it);
* runs the same call again with ``read_from_replica`` off, on the primary,
  and compares the two answers.

Then it writes a row on the primary and shows it arriving on the replica, and
that the list view read from the replica shows it.
"""

import argparse
import json
import sys
import time

import frappe
import pymysql

from ksad_app.scale import benchmark
from ksad_app.scale import data as scale


def counter(conn, scope: str = "global") -> int:
	with conn.cursor() as cur:
		cur.execute(f"show {scope} status like 'Com_select'")
		return int(cur.fetchone()[1])


def monitor(port: int) -> pymysql.connections.Connection:
	"""A connection for reading a server's counters (SHOW STATUS does not count as a SELECT)."""
	return pymysql.connect(
		host="127.0.0.1",
		port=port,
		user=frappe.conf.db_name,
		password=frappe.conf.db_password,
		database=frappe.conf.db_name,
		autocommit=True,
	)


def new_request() -> None:
	"""What a new request starts with: no replica connection yet, the primary as frappe.db."""
	primary = getattr(frappe.local, "primary_db", None)
	if primary is not None:
		frappe.local.db = primary
	for attr in ("replica_db", "primary_db"):
		if hasattr(frappe.local, attr):
			delattr(frappe.local, attr)
	benchmark.fresh_request()


def stable(out) -> str:
	"""An answer without what changes from call to call (a report's execution time, say)."""
	if isinstance(out, dict) and "result" in out:
		out = {"columns": out.get("columns"), "result": out.get("result")}
	return json.dumps(out, default=str, sort_keys=True)


def things() -> list:
	out = benchmark.script_report_things()
	out += benchmark.report_builder_things()
	out += benchmark.card_things()
	out += benchmark.chart_things()
	out += benchmark.list_things(benchmark.COOPERATION)
	out += benchmark.list_things(benchmark.ACTIVITY)
	return out


def main() -> int:
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--replica-port", type=int, default=3307)
	parser.add_argument("--primary-port", type=int, default=3306)
	parser.add_argument("--scratch", type=int, default=0)
	args = parser.parse_args()

	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	if not frappe.conf.read_from_replica:
		print("read_from_replica is not set for this site")
		return 1
	primary_conn = frappe.db  # Frappe's own primary connection
	replica_mon = monitor(args.replica_port)
	scratch_mon = monitor(args.primary_port) if args.scratch else None

	users = [(label, user, kind) for label, user, kind in benchmark.USERS if frappe.db.exists("User", user)]
	if not users:
		users = [("Administrator", "Administrator", "all")]
		print("(no users of bench ksad-scale-data on this site: measuring as Administrator)")
	print(
		f"{'thing':<58} {'user':<26} {'primary':>8} {'replica':>8} {'same rows':>10}"
		+ ("  (primary global)" if scratch_mon else "")
	)
	failures = 0
	on_primary = 0
	for label, user, kind in users:
		for thing in things():
			frappe.set_user(user)
			new_request()
			p0, r0 = primary_conn.sql("show session status like 'Com_select'")[0][1], counter(replica_mon)
			g0 = counter(scratch_mon) if scratch_mon else 0
			try:
				from_replica = thing.call(user, kind)
			except frappe.PermissionError:
				frappe.db.rollback()
				print(f"{thing.kind + ': ' + thing.name:<58.58} {label:<26.26} {'no permission':>28}")
				continue
			p1, r1 = primary_conn.sql("show session status like 'Com_select'")[0][1], counter(replica_mon)
			g1 = counter(scratch_mon) if scratch_mon else 0
			new_request()
			frappe.local.conf.read_from_replica = 0
			try:
				from_primary = thing.call(user, kind)
			finally:
				frappe.local.conf.read_from_replica = 1
			frappe.db.rollback()
			# a grouped Report Builder page may order ties differently on two servers: compare the groups
			same = stable(from_replica) == stable(from_primary) or benchmark.same_rows(
				thing.rows(from_primary), thing.rows(from_replica)
			)
			failures += not same
			primary_selects = int(p1) - int(p0)
			on_primary += primary_selects > 0
			print(
				f"{thing.kind + ': ' + thing.name:<58.58} {label:<26.26} {primary_selects:>8} {r1 - r0:>8}"
				f" {'yes' if same else 'NO':>10}" + (f"  ({g1 - g0})" if scratch_mon else "")
			)

	compile_check(primary_conn, replica_mon)
	replication_check(replica_mon)
	print()
	print(
		f"{failures} answers differ between replica and primary; "
		f"{on_primary} calls sent SELECTs to the primary (see the column 'primary')."
	)
	frappe.destroy()
	return 1 if failures else 0


def compile_check(primary_conn, replica_mon) -> None:
	"""The Supervision Report: gathered on the replica, saved on the primary (rolled back)."""
	thing = benchmark.compile_thing()
	if thing is None or not frappe.db.exists("User", scale.SEKBER_USER):
		return
	frappe.set_user(scale.SEKBER_USER)
	new_request()
	p0, r0 = primary_conn.sql("show session status like 'Com_select'")[0][1], counter(replica_mon)
	count = thing.call(scale.SEKBER_USER, "member")
	p1, r1 = primary_conn.sql("show session status like 'Com_select'")[0][1], counter(replica_mon)
	frappe.db.rollback()
	new_request()
	frappe.local.conf.read_from_replica = 0
	try:
		count_primary = thing.call(scale.SEKBER_USER, "member")
	finally:
		frappe.local.conf.read_from_replica = 1
	frappe.db.rollback()
	print(
		f"{'compile: ' + thing.name:<58.58} {'Sekretariat Bersama member':<26} {int(p1) - int(p0):>8} {r1 - r0:>8}"
		f" {'yes' if count == count_primary else 'NO':>10}  ({count} cooperations; the insert and save are writes, on the primary)"
	)


def replication_check(replica_mon) -> None:
	"""A cooperation written on the primary arrives on the replica and shows in the list read from it."""
	frappe.set_user("Administrator")
	name = f"{scale.PREFIX}REPLICA-CHECK"
	stamp = frappe.utils.now()
	frappe.db.bulk_insert(
		"Inter-Regional Cooperation",
		["name", "title", "stage", "workflow_state", "creation", "modified", "owner", "modified_by"],
		[
			(
				name,
				f"{scale.MARK} replica check",
				"Penjajakan",
				"Penjajakan",
				stamp,
				stamp,
				"Administrator",
				"Administrator",
			)
		],
	)
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- visible to the replica only once committed
	started = time.perf_counter()
	with replica_mon.cursor() as cur:
		for _ in range(200):
			cur.execute("select count(*) from `tabInter-Regional Cooperation` where name = %s", (name,))
			if cur.fetchone()[0]:
				break
			time.sleep(0.05)
	arrived = time.perf_counter() - started
	new_request()
	page = benchmark.list_things(benchmark.COOPERATION)[0]
	shown = name in page.via_frappe("Administrator", "all")
	frappe.db.delete("Inter-Regional Cooperation", {"name": name})
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the demo's own row, removed again
	print(
		f"\nA cooperation committed on the primary was on the replica after {arrived * 1000:.0f} ms;"
		f" the list view read from the replica {'shows' if shown else 'does NOT show'} it (removed again)."
	)


if __name__ == "__main__":
	sys.exit(main())
