"""Leave nothing of ksad_app behind when it is uninstalled (issue 11, item 4).

Frappe's ``uninstall-app`` drops the tables of the module's DocTypes and
deletes what is linked to the module (reports, number cards, dashboard
charts, the workspace, print formats). What it leaves is everything else that
belongs to the app or points at its DocTypes: the workflow *Tahapan KSAD*
with its states and actions (fixtures carry no module), the six roles and
their Has Role, DocPerm and Custom DocPerm rows, the users' User Permissions
on regional governments, ``default_workspace`` still naming the KSAD
workspace, versions, comments, notification logs, workflow actions, e-mails
and files of the app's records, the values of KSAD Settings, the scheduled
jobs of its hooks and its naming series. :func:`remove_app_records` removes
them in ``before_uninstall``, while the DocTypes still exist to say what is
the app's. ``scripts/uninstall-check`` shows the list before and after.

Records of other apps that merely *use* something of this app are kept, with
the reference cleared (an e-mail account that appended to a cooperation, a
notification printed with the app's print format); Frappe's trash (Deleted
Document) is kept too, so that a reinstall can restore from it.
"""

import re

import frappe
from frappe.query_builder import Table

from ksad_app.domain.stages import ACTIONS, states
from ksad_app.roles import ALL_ROLES

MODULE = "KSAD"
APP = "ksad_app"
WORKSPACE = "KSAD"
# Frappe's trash: what was deleted, restorable once the app is back.
KEEP = frozenset({"Deleted Document"})
# Records of their own that point at something of the app: the reference is cleared, the record kept.
CLEAR = frozenset(
	{
		("Email Account", "append_to"),
		("IMAP Folder", "append_to"),
		("User Type", "apply_user_permission_on"),
		("User Type", "role"),
		("Communication", "reference_doctype"),
		("Workflow Action", "completed_by_role"),
		("ToDo", "role"),
		("User", "default_workspace"),
		("Form Tour", "workspace_name"),
		("Web Form", "print_format"),
		("Notification", "print_format"),
		("Auto Repeat", "print_format"),
	}
)
# The Dynamic Link that goes with a reference cleared above.
CLEAR_ALSO = {("Communication", "reference_doctype"): "reference_name"}


def remove_app_records() -> dict[str, int]:
	"""Remove everything of the app that uninstall-app leaves behind; returns rows removed per DocType."""
	doctypes = frappe.get_all("DocType", filters={"module": MODULE}, pluck="name")
	if not doctypes:
		return {}
	removed: dict[str, int] = {}
	reports = frappe.get_all("Report", filters={"ref_doctype": ("in", doctypes)}, pluck="name")
	remove_prepared_reports(reports, removed)
	remove_custom_fields_elsewhere(doctypes, removed)
	remove_files({"attached_to_doctype": ("in", doctypes)}, removed)
	forget("DocType", doctypes, removed, skip_parents=set(doctypes) | {"DocType"})
	forget("Report", reports, removed)
	for doctype in ("Number Card", "Dashboard Chart", "Print Format"):
		forget(doctype, module_records(doctype, doctypes), removed)
	remove_workspace_links(doctypes, reports, removed)
	forget("Workspace", [WORKSPACE], removed, skip_parents={"Workspace"})
	remove_workflow_masters(removed)
	remove_roles(removed)
	remove_settings(doctypes, removed)
	remove_scheduled_jobs(removed)
	remove_series(doctypes, removed)
	frappe.clear_cache()
	return removed


# --- references -----------------------------------------------------------


def link_fields(target: str) -> list[tuple[str, str]]:
	"""(DocType, field) of every Link field to ``target``, standard and custom."""
	standard = frappe.get_all(
		"DocField",
		filters={"fieldtype": "Link", "options": target},
		fields=["parent", "fieldname"],
		as_list=True,
	)
	custom = frappe.get_all(
		"Custom Field",
		filters={"fieldtype": "Link", "options": target},
		fields=["dt", "fieldname"],
		as_list=True,
	)
	return sorted(set(standard) | set(custom))


def forget(
	target: str, names: list[str], removed: dict[str, int], skip_parents: set[str] | None = None
) -> None:
	"""Remove every row that points at one of ``names`` of ``target`` through a Link field.

	Rows of child tables and records that exist only for that reference are
	deleted (with their own child rows); records listed in :data:`CLEAR` keep
	themselves and lose the reference.
	"""
	if not names:
		return
	skip = (skip_parents or set()) | KEEP
	tables = set(frappe.db.get_tables())
	for parent, fieldname in link_fields(target):
		if parent in skip or f"tab{parent}" not in tables:
			continue
		meta = frappe.get_meta(parent)
		if meta.issingle or meta.is_virtual:
			continue
		count = frappe.db.count(parent, {fieldname: ("in", names)})
		if not count:
			continue
		if (parent, fieldname) in CLEAR:
			clear_reference(parent, fieldname, names)
			key = f"{parent}.{fieldname} cleared"
		else:
			delete_rows(meta, fieldname, names)
			key = parent
		removed[key] = removed.get(key, 0) + count


def clear_reference(doctype: str, fieldname: str, names: list[str]) -> None:
	table = frappe.qb.DocType(doctype)
	query = frappe.qb.update(table).set(table[fieldname], None)
	if also := CLEAR_ALSO.get((doctype, fieldname)):
		query = query.set(table[also], None)
	query.where(table[fieldname].isin(names)).run()


def delete_rows(meta, fieldname: str, names: list[str]) -> None:
	"""Delete the rows of ``meta`` whose ``fieldname`` is one of ``names``, and their child rows."""
	table = frappe.qb.DocType(meta.name)
	if not meta.istable:
		matching = frappe.qb.from_(table).select(table.name).where(table[fieldname].isin(names))
		for df in meta.get_table_fields():
			child = frappe.qb.DocType(df.options)
			(
				frappe.qb.from_(child)
				.delete()
				.where((child.parenttype == meta.name) & child.parent.isin(matching))
			).run()
	frappe.qb.from_(table).delete().where(table[fieldname].isin(names)).run()


def module_records(doctype: str, doctypes: list[str]) -> list[str]:
	"""The app's records of ``doctype``: those of the module and those built on its DocTypes."""
	field = "doc_type" if doctype == "Print Format" else "document_type"
	return sorted(
		set(frappe.get_all(doctype, filters={"module": MODULE}, pluck="name"))
		| set(frappe.get_all(doctype, filters={field: ("in", doctypes)}, pluck="name"))
	)


def remove_prepared_reports(reports: list[str], removed: dict[str, int]) -> None:
	"""Prepared results of the app's reports, with their attached files."""
	names = frappe.get_all("Prepared Report", filters={"report_name": ("in", reports or [""])}, pluck="name")
	if names:
		remove_files({"attached_to_doctype": "Prepared Report", "attached_to_name": ("in", names)}, removed)
		frappe.db.delete("Prepared Report", {"name": ("in", names)})
		removed["Prepared Report"] = len(names)


def remove_custom_fields_elsewhere(doctypes: list[str], removed: dict[str, int]) -> None:
	"""Custom fields of other DocTypes that link to or embed the app's, with their columns.

	Dropping a column commits, so it waits until uninstall-app has committed
	(a ``--dry-run`` never commits, and then nothing is dropped).
	"""
	names = frappe.get_all(
		"Custom Field",
		filters={
			"dt": ("not in", doctypes),
			"fieldtype": ("in", ["Link", "Table", "Table MultiSelect"]),
			"options": ("in", doctypes),
		},
		pluck="name",
	)
	if names:
		frappe.db.after_commit.add(lambda: drop_custom_fields(names))
		removed["Custom Field"] = len(names)


def drop_custom_fields(names: list[str]) -> None:
	for name in names:
		frappe.delete_doc("Custom Field", name, force=True, ignore_permissions=True, delete_permanently=True)
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- after uninstall-app's own commit; ALTER TABLE commits anyway


FILE_FIELDS = ["name", "file_name", "file_url", "is_private", "is_folder", "content_hash", "thumbnail_url"]


def remove_files(filters: dict, removed: dict[str, int]) -> None:
	"""Files attached to records that go: the rows now, the files on disk once the uninstall is committed."""
	files = frappe.get_all("File", filters=filters, fields=FILE_FIELDS)
	if not files:
		return
	frappe.db.delete("File", {"name": ("in", [f.name for f in files])})
	frappe.db.after_commit.add(lambda: delete_from_disk(files))
	removed["File"] = removed.get("File", 0) + len(files)


def delete_from_disk(files: list[frappe._dict]) -> None:
	"""Each file's content, unless another File (of another app's record) still uses it."""
	for row in files:
		if row.is_folder:
			continue
		shared = {"content_hash": row.content_hash} if row.content_hash else {"file_url": row.file_url}
		if not frappe.db.exists("File", shared):
			frappe.get_doc({"doctype": "File", **row}).delete_file_data_content()


def remove_workspace_links(doctypes: list[str], reports: list[str], removed: dict[str, int]) -> None:
	"""Links and shortcuts of other workspaces to the app's DocTypes and reports (Dynamic Links)."""
	for child in ("Workspace Link", "Workspace Shortcut"):
		count = frappe.db.count(child, {"link_to": ("in", doctypes + reports)})
		if count:
			frappe.db.delete(child, {"link_to": ("in", doctypes + reports)})
			removed[child] = removed.get(child, 0) + count


# --- fixtures: workflow, roles ------------------------------------------------


def remove_workflow_masters(removed: dict[str, int]) -> None:
	"""The workflow's states and actions, unless another workflow uses them (the workflow went with its DocType)."""
	used_states = set(frappe.get_all("Workflow Document State", pluck="state"))
	transitions = frappe.get_all("Workflow Transition", fields=["state", "next_state", "action"])
	used_states |= {t.state for t in transitions} | {t.next_state for t in transitions}
	used_actions = {t.action for t in transitions}
	for doctype, names, used in (
		("Workflow State", states(), used_states),
		("Workflow Action Master", ACTIONS, used_actions),
	):
		for name in names:
			if name not in used and frappe.db.exists(doctype, name):
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)
				removed[doctype] = removed.get(doctype, 0) + 1


def remove_roles(removed: dict[str, int]) -> None:
	"""The app's roles, with every row that gives or names them (Has Role, DocPerm, Custom DocPerm, ...)."""
	roles = [r for r in ALL_ROLES if frappe.db.exists("Role", r)]
	if not roles:
		return
	forget("Role", roles, removed, skip_parents={"Role"})
	for role in roles:
		frappe.delete_doc("Role", role, force=True, ignore_permissions=True, delete_permanently=True)
		removed["Role"] = removed.get("Role", 0) + 1


# --- settings, jobs, naming ---------------------------------------------------------


def remove_settings(doctypes: list[str], removed: dict[str, int]) -> None:
	"""Values of the app's Single DocTypes, users' list settings and defaults of its DocTypes."""
	for doctype, field in (
		("Singles", "doctype"),
		("List View Settings", "name"),
		("DefaultValue", "defkey"),
		("Custom DocPerm", "parent"),
	):
		count = frappe.db.count(doctype, {field: ("in", doctypes)})
		if count:
			frappe.db.delete(doctype, {field: ("in", doctypes)})
			removed[doctype] = removed.get(doctype, 0) + count
	settings = Table("__UserSettings")
	frappe.qb.from_(settings).delete().where(settings.doctype.isin(doctypes)).run()


def remove_scheduled_jobs(removed: dict[str, int]) -> None:
	"""The scheduled jobs of the app's hooks and their logs."""
	jobs = frappe.get_all("Scheduled Job Type", filters={"method": ("like", f"{APP}.%")}, pluck="name")
	if jobs:
		frappe.db.delete("Scheduled Job Log", {"scheduled_job_type": ("in", jobs)})
		frappe.db.delete("Scheduled Job Type", {"name": ("in", jobs)})
		removed["Scheduled Job Type"] = len(jobs)


def series_pattern(autoname: str) -> re.Pattern | None:
	"""The keys of tabSeries that a naming rule like ``KSAD-.YYYY.-.#####`` counts in."""
	if not autoname or ":" in autoname or "." not in autoname:
		return None
	parts = autoname.split(".")
	tokens = {"YYYY": r"\d{4}", "YY": r"\d{2}", "MM": r"\d{2}", "DD": r"\d{2}"}
	out = []
	for part in parts:
		if part.startswith("#"):
			break
		out.append(tokens.get(part, re.escape(part)))
	return re.compile("^" + "".join(out) + "$")


def remove_series(doctypes: list[str], removed: dict[str, int]) -> None:
	"""The counters of the app's naming series (KSAD-2026-, KSAD-AKT-2026-, ...)."""
	patterns = [p for p in (series_pattern(frappe.get_meta(d).autoname) for d in doctypes) if p]
	prefixes = {p.pattern[1:].split("\\", 1)[0] for p in patterns}
	series = Table("tabSeries")
	keys = []
	for prefix in prefixes:
		rows = (
			frappe.qb.from_(series).select(series.name).where(series.name.like(f"{prefix}%")).run(pluck=True)
		)
		keys += [k for k in rows if any(p.match(k) for p in patterns)]
	if keys:
		frappe.qb.from_(series).delete().where(series.name.isin(keys)).run()
		removed["Series"] = len(keys)
