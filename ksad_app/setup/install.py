"""Load the master data shipped in ksad_app/data, idempotently.

Runs after install and after every migrate: rows already present are left
alone unless the shipped file changed them, missing rows are added, nothing
is ever duplicated. Regions go in with one bulk insert and the tree is
rebuilt once, rather than one document (and one nested-set update) per row.
"""

import csv
from pathlib import Path

import frappe
from frappe.utils import now
from frappe.utils.nestedset import rebuild_tree

DATA = Path(__file__).resolve().parents[1] / "data"
REGION = "Regional Government"
AFFAIR = "Government Affair"
GUIDANCE = "Guidance Item"


def after_install() -> None:
	load_master_data()
	setup_integrations()
	grant_data_import()
	list_installed_apps()


def list_installed_apps() -> None:
	"""Refresh Installed Applications, which ``bench list-apps`` shows.

	Frappe 15 refreshes it on migrate and uninstall-app but not on
	install-app: after an uninstall and a reinstall, list-apps would not show
	this app until the next migrate.
	"""
	frappe.get_single("Installed Applications").update_versions()


def after_migrate() -> None:
	load_master_data()
	setup_integrations()
	grant_data_import()


def grant_data_import() -> None:
	"""The KSAD Manager brings existing registers in through Data Import (issue 9)."""
	from ksad_app.setup.register_import import grant_data_import as grant

	grant()


def setup_integrations() -> None:
	"""The ERPNext asset integration, when ERPNext is installed on this site."""
	from ksad_app.integrations import erpnext

	if erpnext.is_installed():
		erpnext.make_custom_fields()


def before_uninstall() -> None:
	"""Leave nothing of this app behind: custom fields, permissions, workflow, roles, references (ksad_app.setup.uninstall)."""
	from ksad_app.integrations import erpnext
	from ksad_app.setup.register_import import revoke_data_import
	from ksad_app.setup.uninstall import remove_app_records

	erpnext.delete_custom_fields()
	revoke_data_import()
	removed = remove_app_records()
	if removed:
		print(
			"Removed with ksad_app: " + ", ".join(f"{n} {doctype}" for doctype, n in sorted(removed.items()))
		)


def after_app_install(app_name: str) -> None:
	"""ERPNext installed after this app: add the asset integration's fields."""
	if app_name == "erpnext":
		from ksad_app.integrations import erpnext

		erpnext.make_custom_fields()


def before_app_uninstall(app_name: str) -> None:
	"""ERPNext about to be removed: take the fields that link to its DocTypes away first."""
	if app_name == "erpnext":
		from ksad_app.integrations import erpnext

		erpnext.delete_custom_fields()


def load_master_data() -> dict[str, int]:
	"""Load regions, government affairs and the guidance catalogue; return how many rows each added or updated."""
	return {REGION: load_regions(), AFFAIR: load_affairs(), GUIDANCE: load_guidance()}


def read_csv(name: str) -> list[dict[str, str]]:
	with open(DATA / name, newline="", encoding="utf-8") as f:
		return list(csv.DictReader(f))


def region_rows() -> list[dict]:
	return [
		{
			"name": r["code"],
			"region_code": r["code"],
			"region_name": r["region_name"],
			"region_type": r["region_type"],
			"head_title": r["head_title"],
			"is_autonomous": int(r["is_autonomous"]),
			"parent_regional_government": r["parent_code"] or None,
			"is_group": 1 if r["region_type"] == "Provinsi" else 0,
		}
		for r in read_csv("regional_government.csv")
	]


def affair_rows() -> list[dict]:
	return [
		{
			"name": r["affair_name"],
			"affair_name": r["affair_name"],
			"affair_category": r["affair_category"],
			"legal_basis": r["legal_basis"],
			"sort_order": int(r["sort_order"]),
		}
		for r in read_csv("government_affair.csv")
	]


def guidance_rows() -> list[dict]:
	"""Pasal 6 and 10, one row per point (derived from the regulation by scripts/derive_guidance.py)."""
	return [
		{
			"name": r["code"],
			"code": r["code"],
			"article": r["article"],
			"stage": r["stage"],
			"body_type": r["body_type"],
			"sort_order": int(r["sort_order"]),
			"description": r["description"],
		}
		for r in read_csv("guidance_item.csv")
	]


def load_regions() -> int:
	changed = sync_rows(REGION, region_rows())
	if changed:
		rebuild_tree(REGION)
	return changed


def load_affairs() -> int:
	return sync_rows(AFFAIR, affair_rows())


def load_guidance() -> int:
	return sync_rows(GUIDANCE, guidance_rows())


def sync_rows(doctype: str, rows: list[dict]) -> int:
	"""Insert missing rows in bulk and correct the few that differ from the shipped data."""
	fields = [k for k in rows[0] if k != "name"]
	existing = {r.name: r for r in frappe.get_all(doctype, fields=["name", *fields])}
	missing = [r for r in rows if r["name"] not in existing]
	changed = 0
	for row in rows:
		current = existing.get(row["name"])
		if current is None:
			continue
		diff = {k: v for k, v in row.items() if k != "name" and (current.get(k) or None) != (v or None)}
		if diff:
			frappe.db.set_value(doctype, row["name"], diff)
			changed += 1
	if missing:
		stamp = now()
		meta = {
			"owner": "Administrator",
			"modified_by": "Administrator",
			"creation": stamp,
			"modified": stamp,
		}
		columns = ["name", *fields, *meta]
		frappe.db.bulk_insert(
			doctype,
			columns,
			[[r["name"], *(r[k] for k in fields), *meta.values()] for r in missing],
			ignore_duplicates=True,
		)
	return changed + len(missing)


def prepare_site() -> None:
	"""What a new KSAD site needs before its first user: Bahasa Indonesia,
	Indonesia's time zone and currency, and the setup wizard marked done
	(ksad_app needs no wizard of its own)."""
	frappe.only_for(("System Manager",))
	settings = frappe.get_single("System Settings")
	settings.language = "id"
	settings.country = settings.country or "Indonesia"
	settings.time_zone = settings.time_zone or "Asia/Jakarta"
	if settings.meta.has_field("currency") and frappe.db.exists("Currency", "IDR"):
		frappe.db.set_value("Currency", "IDR", "enabled", 1)
		settings.currency = settings.currency or "IDR"
	if not settings.setup_complete:
		# What the setup wizard takes from the country: without it the site keeps Frappe's
		# defaults, and every date reads 2026-11-28 instead of 28-11-2026.
		country = (
			frappe.db.get_value("Country", settings.country, ["date_format", "time_format"], as_dict=True)
			or frappe._dict()
		)
		settings.date_format = country.date_format or "dd-mm-yyyy"
		settings.time_format = country.time_format or "HH:mm:ss"
		settings.number_format = (
			frappe.db.get_value("Currency", settings.currency, "number_format") or settings.number_format
		)
	settings.setup_complete = 1
	settings.save()
	# what the wizard's end does too: without it the Desk keeps sending everyone to the wizard
	frappe.db.set_default("desktop:home_page", "workspace")
