"""What of ksad_app is left in a site's database: the SQL half of scripts/uninstall-check.

    python uninstall_check.py --site-config <site>/site_config.json [--app-dir DIR] [--expect-none]

Reads the app's own files to know what it ships (DocTypes, roles, workflow,
workflow states and actions, reports, number cards, dashboard charts,
workspaces, print formats, naming series) and asks the site's database, in
plain SQL as the site's own database user, for every row that belongs to the
app or points at it. Prints one line per check, with the names found. With
``--expect-none`` it exits 1 when anything is left (after ``uninstall-app``);
without it, it only reports (before, to show the checks see the installed app).

Uses pymysql, which every Frappe bench has; no frappe import, so it also runs
when the app is gone.
"""

import argparse
import json
import sys
from pathlib import Path

import pymysql

MODULE = "KSAD"
APP = "ksad_app"
# Rows of other DocTypes that name a DocType in a field: (table, field). Frappe's own trash
# (Deleted Document) is left out on purpose: it keeps deleted records for a restore.
DOCTYPE_REFERENCES = [
	("tabDocType Link", "link_doctype"),
	("tabCustom Field", "dt"),
	("tabCustom Field", "options"),
	("tabProperty Setter", "doc_type"),
	("tabCustom DocPerm", "parent"),
	("tabClient Script", "dt"),
	("tabServer Script", "reference_doctype"),
	("tabNotification", "document_type"),
	("tabWorkflow", "document_type"),
	("tabReport", "ref_doctype"),
	("tabPrint Format", "doc_type"),
	("tabNumber Card", "document_type"),
	("tabDashboard Chart", "document_type"),
	("tabUser Permission", "allow"),
	("tabList View Settings", "name"),
	("__UserSettings", "doctype"),
	("tabSingles", "doctype"),
	("tabVersion", "ref_doctype"),
	("tabComment", "reference_doctype"),
	("tabCommunication", "reference_doctype"),
	("tabCommunication Link", "link_doctype"),
	("tabNotification Log", "document_type"),
	("tabEmail Queue", "reference_doctype"),
	("tabWorkflow Action", "reference_doctype"),
	("tabToDo", "reference_type"),
	("tabDocShare", "share_doctype"),
	("tabDocument Follow", "ref_doctype"),
	("tabActivity Log", "reference_doctype"),
	("tabView Log", "reference_doctype"),
	("tabTag Link", "document_type"),
	("tabFile", "attached_to_doctype"),
	("tabData Import", "reference_doctype"),
	("tabKanban Board", "reference_doctype"),
	("tabAssignment Rule", "document_type"),
	("tabWorkspace Link", "link_to"),
	("tabWorkspace Shortcut", "link_to"),
]


def names_in(folder: Path, pattern: str = "*/*.json") -> list[str]:
	out = []
	for path in sorted(folder.glob(pattern)):
		data = json.loads(path.read_text(encoding="utf-8"))
		if isinstance(data, dict) and data.get("name"):
			out.append(data["name"])
	return out


def fixture_names(app_dir: Path, name: str) -> list[str]:
	return [
		r["name"] for r in json.loads((app_dir / "fixtures" / f"{name}.json").read_text(encoding="utf-8"))
	]


def shipped(app_dir: Path) -> dict[str, list[str]]:
	"""What the app ships, by kind, read from its files."""
	module = app_dir / "ksad"
	doctypes = names_in(module / "doctype")
	prefixes = set()
	for path in (module / "doctype").glob("*/*.json"):
		autoname = json.loads(path.read_text(encoding="utf-8")).get("autoname") or ""
		if autoname and ":" not in autoname and "." in autoname:
			prefixes.add(autoname.split(".", 1)[0])
	return {
		"doctypes": doctypes,
		"roles": fixture_names(app_dir, "role"),
		"workflows": fixture_names(app_dir, "workflow"),
		"workflow_states": fixture_names(app_dir, "workflow_state"),
		"workflow_actions": fixture_names(app_dir, "workflow_action_master"),
		"reports": names_in(module / "report"),
		"number_cards": names_in(module / "number_card"),
		"dashboard_charts": names_in(module / "dashboard_chart"),
		"workspaces": names_in(module / "workspace"),
		"print_formats": names_in(module / "print_format"),
		"series_prefixes": sorted(prefixes),
	}


class Site:
	def __init__(self, config: dict):
		self.db = config["db_name"]
		self.conn = pymysql.connect(
			host=config.get("db_host") or "127.0.0.1",
			port=int(config.get("db_port") or 3306),
			user=config["db_name"],
			password=config["db_password"],
			database=config["db_name"],
			charset="utf8mb4",
		)
		self.tables = set(
			self.column("SELECT table_name FROM information_schema.tables WHERE table_schema = %s", [self.db])
		)

	def column(self, sql: str, params=()) -> list[str]:
		with self.conn.cursor() as cur:
			cur.execute(sql, params)
			return [str(r[0]) for r in cur.fetchall()]

	def has_column(self, table: str, column: str) -> bool:
		return bool(
			self.column(
				"SELECT column_name FROM information_schema.columns"
				" WHERE table_schema = %s AND table_name = %s AND column_name = %s",
				[self.db, table, column],
			)
		)

	def rows(self, table: str, field: str, values: list[str], show: str = "name") -> list[str]:
		"""``show`` of the rows of ``table`` whose ``field`` is one of ``values`` (nothing when the table is absent)."""
		if not values or table not in self.tables or not self.has_column(table, field):
			return []
		if not self.has_column(table, show):
			show = field
		marks = ", ".join(["%s"] * len(values))
		return self.column(f"SELECT `{show}` FROM `{table}` WHERE `{field}` IN ({marks})", values)


def checks(site: Site, app: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
	"""(what, names found) for everything of the app that could be left behind."""
	dt = app["doctypes"]
	out = [
		("tables tab<KSAD DocType>", sorted(t for t in site.tables if t in {f"tab{d}" for d in dt})),
		(
			"Module Def KSAD",
			site.column("SELECT name FROM `tabModule Def` WHERE name = %s OR app_name = %s", [MODULE, APP]),
		),
		(
			"Installed Application ksad_app",
			site.rows("tabInstalled Application", "app_name", [APP], "app_name"),
		),
		(
			"DocType of the app or module KSAD",
			site.column(
				"SELECT name FROM tabDocType WHERE module = %s OR name IN ({})".format(
					", ".join(["%s"] * len(dt))
				),
				[MODULE, *dt],
			),
		),
		(
			"DocField / DocPerm / DocType Action of the app's DocTypes",
			site.rows("tabDocField", "parent", dt, "parent")
			+ site.rows("tabDocPerm", "parent", dt, "parent")
			+ site.rows("tabDocType Action", "parent", dt, "parent"),
		),
	]
	for table, field in DOCTYPE_REFERENCES:
		out.append(
			(
				f"{table[3:] if table.startswith('tab') else table}.{field} -> the app's DocTypes",
				site.rows(table, field, dt),
			)
		)
	module_rows = []
	for table in (
		"tabReport",
		"tabNumber Card",
		"tabDashboard Chart",
		"tabWorkspace",
		"tabPrint Format",
		"tabCustom Field",
		"tabProperty Setter",
		"tabNotification",
		"tabWeb Form",
		"tabPage",
		"tabDashboard",
		"tabModule Onboarding",
		"tabOnboarding Step",
		"tabServer Script",
		"tabClient Script",
	):
		module_rows += [f"{table[3:]} {n}" for n in site.rows(table, "module", [MODULE])]
	out += [
		(
			"records of module KSAD (Report, Number Card, Dashboard Chart, Workspace, Print Format, ...)",
			module_rows,
		),
		("Report shipped", site.rows("tabReport", "name", app["reports"])),
		("Number Card shipped", site.rows("tabNumber Card", "name", app["number_cards"])),
		("Dashboard Chart shipped", site.rows("tabDashboard Chart", "name", app["dashboard_charts"])),
		("Workspace shipped", site.rows("tabWorkspace", "name", app["workspaces"])),
		("Print Format shipped", site.rows("tabPrint Format", "name", app["print_formats"])),
		("Workflow shipped", site.rows("tabWorkflow", "name", app["workflows"])),
		(
			"Workflow Document State / Transition of the workflow",
			site.rows("tabWorkflow Document State", "parent", app["workflows"], "parent")
			+ site.rows("tabWorkflow Transition", "parent", app["workflows"], "parent"),
		),
		("Workflow State shipped", site.rows("tabWorkflow State", "name", app["workflow_states"])),
		(
			"Workflow Action Master shipped",
			site.rows("tabWorkflow Action Master", "name", app["workflow_actions"]),
		),
		("Role shipped", site.rows("tabRole", "name", app["roles"])),
		(
			"Has Role of the app's roles",
			site.column(
				"SELECT CONCAT(parent, ' (', role, ')') FROM `tabHas Role` WHERE role IN ({})".format(
					", ".join(["%s"] * len(app["roles"]))
				),
				app["roles"],
			),
		),
		(
			"DocPerm / Custom DocPerm of the app's roles",
			site.rows("tabDocPerm", "role", app["roles"], "parent")
			+ site.rows("tabCustom DocPerm", "role", app["roles"], "parent"),
		),
		(
			"User.default_workspace -> the app's workspace",
			site.rows("tabUser", "default_workspace", app["workspaces"]),
		),
		(
			"Prepared Report of the app's reports",
			site.rows("tabPrepared Report", "report_name", app["reports"]),
		),
		(
			"Workspace Number Card / Chart / Link -> the app's cards, charts, reports",
			site.rows("tabWorkspace Number Card", "number_card_name", app["number_cards"], "parent")
			+ site.rows("tabWorkspace Chart", "chart_name", app["dashboard_charts"], "parent")
			+ site.rows("tabWorkspace Link", "link_to", app["reports"], "parent"),
		),
		(
			"Scheduled Job Type of ksad_app",
			site.column("SELECT name FROM `tabScheduled Job Type` WHERE method LIKE %s", [f"{APP}.%"]),
		),
		(
			"Series of the app's naming",
			[
				n
				for p in app["series_prefixes"]
				for n in site.column(
					"SELECT name FROM tabSeries WHERE name LIKE %s", [p.replace("_", "\\_") + "%"]
				)
				if n.startswith(p)
			],
		),
	]
	return out


def main() -> int:
	parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	parser.add_argument("--site-config", required=True)
	parser.add_argument("--app-dir", default=str(Path(__file__).resolve().parent.parent / APP))
	parser.add_argument("--expect-none", action="store_true", help="exit 1 when anything of the app is left")
	args = parser.parse_args()
	site = Site(json.loads(Path(args.site_config).read_text(encoding="utf-8")))
	app = shipped(Path(args.app_dir))
	found = 0
	for what, names in checks(site, app):
		names = list(dict.fromkeys(names))
		found += len(names)
		shown = ", ".join(names[:8]) + (f", ... ({len(names)})" if len(names) > 8 else "")
		print(f"  {len(names):6d}  {what}" + (f": {shown}" if names else ""))
	print(f"  {found:6d}  rows of the app in all")
	return 1 if args.expect_none and found else 0


if __name__ == "__main__":
	sys.exit(main())
