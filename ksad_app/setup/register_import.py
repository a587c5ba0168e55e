"""Bringing an existing register in (issue 9): ``bench --site <site> ksad-import <file> [--dry-run]``.

A region's register of running cooperations, laid out as Frappe's Data Import
lays out an Inter-Regional Cooperation with its parties (CSV or XLSX; one row
per party, the cooperation's own columns on its first row; see
``ksad_app/data/sample/register_kerja_sama_contoh.csv``), is read by Data
Import's own parser (:class:`~frappe.core.doctype.data_import.importer.ImportFile`),
and every cooperation goes through the same controller, with the same rules,
as through Data Import, the form or the REST API.

Data Import inserts (Insert New Records) or updates by ID (Update Existing
Records); it never matches on anything else. This command is the upsert: it
matches each cooperation on its **External Reference** (the region's own
register number):

* a reference not yet registered is **created**, at the stage the register
  gives (the controller checks who may register at that stage and what it
  requires);
* a known reference is **updated** when the file's values differ from the
  cooperation's, and left **unchanged** otherwise. As in Data Import's
  update, a blank cell leaves the value as it is. An import never moves a
  cooperation (:func:`ksad_app.domain.registration.check_register_stage`),
  and the registration itself (stage, note) is set once;
* a row is **refused**, with the reason, when the parser flags one of its
  values (an unknown region code, an unreadable date), when it has no
  reference or repeats an earlier row's, or when the cooperation's rules
  refuse it. Each cooperation runs in its own savepoint, so a refused row
  writes nothing and the others go in.

Where Data Import refuses a whole file whose values the parser flags (it shows
them in its preview), the command refuses just those rows. With ``dry_run``,
everything is done, reported and rolled back.
"""

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

import frappe
from frappe import _
from frappe.core.doctype.data_import.importer import UPDATE, ImportFile
from frappe.model import default_fields, table_fields
from frappe.utils import cstr, strip_html

from ksad_app.controllers.changes import comparable
from ksad_app.domain import registration
from ksad_app.roles import KSAD_MANAGER
from ksad_app.workflow.moves import DERIVED_FIELDS
from ksad_app.workflow.registration import SET_ONCE

DOCTYPE = "Inter-Regional Cooperation"
PARTIES = "parties"
PARTY_DOCTYPE = "Cooperation Party"
PARTY_CODE = "regional_government"
RUN_SAVEPOINT = "ksad_import_run"
ROW_SAVEPOINT = "ksad_import_row"

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
REFUSED = "refused"
OUTCOMES = (CREATED, UPDATED, UNCHANGED, REFUSED)


class RowRefused(Exception):
	"""A row the import refuses; its message says why."""


class RegisterFile(ImportFile):
	"""Data Import's parser, reading the file from disk as bytes (its console mode reads text, which breaks XLSX)."""

	def read_file(self, file_path: str):
		extension = os.path.splitext(file_path)[1][1:].lower()
		with open(file_path, "rb") as f:
			content = f.read()
		if extension == "csv" and content.startswith(b"\xef\xbb\xbf"):
			# a spreadsheet's "CSV UTF-8" starts with a byte order mark, which would hide the first column
			content = content[3:]
		return content, extension


@dataclass
class Register:
	"""A register read from a file: its cooperations (payloads) and what the parser made of it."""

	path: str
	file: RegisterFile
	payloads: list

	@property
	def party_fields(self) -> list[str]:
		"""The Cooperation Party fields the file has columns for."""
		return [
			c.df.fieldname
			for c in self.file.columns
			if not c.skip_import and c.df and c.df.parent == PARTY_DOCTYPE
		]

	@property
	def ignored_columns(self) -> list[str]:
		return [c.header_title for c in self.file.columns if c.skip_import and c.header_title]

	def flagged_rows(self) -> dict[int, list[str]]:
		"""What the parser refuses, by row number (the values Data Import's preview shows in red)."""
		out: dict[int, list[str]] = {}
		for warning in self.file.get_warnings():
			if warning.get("type") == "info" or not warning.get("row"):
				continue
			message = strip_html(cstr(warning.get("message")))
			label = (warning.get("field") or {}).get("label")
			out.setdefault(warning["row"], []).append(f"{_(label)}: {message}" if label else message)
		return out


def read_register(path: str) -> Register:
	"""Parse a register file (CSV or XLSX) as Data Import parses it, without writing anything."""
	file = RegisterFile(DOCTYPE, path, None, UPDATE, console=True)
	return Register(path=path, file=file, payloads=file.get_payloads_for_import())


def import_register(
	source: str | Register, dry_run: bool = False, progress: Callable[[int], None] | None = None
) -> dict:
	"""Register or update every cooperation of a register, as the session user (a KSAD Manager).

	Returns a summary: for each of ``created``, ``updated``, ``unchanged``
	and ``refused``, a list of ``{"row", "reference", "name", "reason"}``;
	``records`` (cooperations in the file), ``lines``, ``ignored_columns``,
	``seconds`` and ``records_per_second``. ``progress`` is called with 1
	after each cooperation. Nothing is committed here: the caller commits
	(the bench command does, unless ``dry_run``).
	"""
	if KSAD_MANAGER not in frappe.get_roles():
		frappe.throw(
			_(
				"Only a KSAD Manager can import a register of cooperations: registering at a later stage is theirs alone. Run the command with --user set to a KSAD Manager."
			),
			exc=frappe.PermissionError,
			title=_("Not Allowed"),
		)
	started = time.perf_counter()
	register = source if isinstance(source, Register) else read_register(source)
	importer = _Importer(register)
	saved_flags = (frappe.flags.in_import, frappe.flags.mute_emails)
	frappe.flags.in_import = frappe.flags.mute_emails = True
	frappe.db.savepoint(RUN_SAVEPOINT)
	try:
		for payload in register.payloads:
			importer.run(payload)
			if progress:
				progress(1)
	finally:
		if dry_run:
			frappe.db.rollback(save_point=RUN_SAVEPOINT)
		frappe.flags.in_import, frappe.flags.mute_emails = saved_flags
		frappe.clear_messages()
	seconds = time.perf_counter() - started
	return {
		**importer.outcomes,
		"file": register.path,
		"records": len(register.payloads),
		"lines": len(register.file.data),
		"ignored_columns": register.ignored_columns,
		"dry_run": dry_run,
		"seconds": seconds,
		"records_per_second": len(register.payloads) / seconds if seconds else 0.0,
	}


class _Importer:
	"""One run over a register: what is known, what was seen, what came of each row."""

	def __init__(self, register: Register):
		self.register = register
		self.flagged = register.flagged_rows()
		self.party_fields = register.party_fields
		self.known = existing_references(register.payloads)
		self.seen: dict[str, int] = {}
		self.outcomes: dict[str, list[dict]] = {outcome: [] for outcome in OUTCOMES}

	def run(self, payload) -> None:
		row = payload.rows[0].row_number
		reference = cstr(payload.doc.get("external_reference")).strip()
		entry = {"row": row, "reference": reference, "name": None, "reason": None}
		try:
			entry["name"], outcome = self.import_row(payload, reference, row)
		except RowRefused as e:
			entry["reason"] = str(e)
			outcome = REFUSED
		finally:
			frappe.clear_messages()
		self.outcomes[outcome].append(entry)

	def import_row(self, payload, reference: str, row: int) -> tuple[str, str]:
		reasons = [r for line in payload.rows for r in self.flagged.get(line.row_number, [])]
		if reasons:
			raise RowRefused(" ".join(reasons))
		if not reference:
			raise RowRefused(
				_(
					"The row has no External Reference. ksad-import matches each cooperation on the region's register number, so without one a second run would register it twice. Fill it in."
				)
			)
		key = reference.casefold()
		if key in self.seen:
			raise RowRefused(
				_(
					"The external reference {0} appears more than once in the file: row {1} has it already. Each cooperation has its own register number."
				).format(reference, self.seen[key])
			)
		self.seen[key] = row
		frappe.db.savepoint(ROW_SAVEPOINT)
		try:
			if key in self.known:
				name = self.known[key]
				return name, update(name, payload.doc, self.party_fields)
			return insert(payload.doc), CREATED
		except RowRefused:
			frappe.db.rollback(save_point=ROW_SAVEPOINT)
			raise
		except Exception as e:
			frappe.db.rollback(save_point=ROW_SAVEPOINT)
			raise RowRefused(reason_of(e)) from e


def existing_references(payloads) -> dict[str, str]:
	"""The cooperations already registered under the file's references (one query), by casefolded reference."""
	references = {cstr(p.doc.get("external_reference")).strip() for p in payloads} - {""}
	if not references:
		return {}
	rows = frappe.get_all(
		DOCTYPE,
		filters={"external_reference": ("in", sorted(references))},
		fields=["name", "external_reference"],
	)
	return {r.external_reference.casefold(): r.name for r in rows}


def insert(values: dict) -> str:
	"""Register a new cooperation; the controller checks the registration as for Data Import and the form.

	An ID, owner or status in the file is ignored: the name comes from this
	site's naming series (a name from another system could later collide
	with it).
	"""
	doc = frappe.new_doc(DOCTYPE)
	doc.update({k: v for k, v in values.items() if k not in default_fields})
	doc.insert()
	return doc.name


def update(name: str, values: dict, party_fields: list[str]) -> str:
	"""Apply the register's values to a registered cooperation, if any differs; never its stage."""
	doc = frappe.get_doc(DOCTYPE, name)
	try:
		registration.check_register_stage(values.get("registration_stage"), doc.registration_stage, doc.stage)
	except registration.RegisterDisagrees as e:
		raise RowRefused(
			_(
				"The register gives the stage {0}, but {1} is at {2}. An import never moves a cooperation: after its registration it moves only through the workflow (Ajukan, then the approval of its supervisory body). Correct the register, or move the cooperation on its form."
			).format(_(e.given), name, _(e.current))
		) from e
	changed = apply_values(doc, values)
	changed = apply_parties(doc, values.get(PARTIES) or [], party_fields) or changed
	if not changed:
		return UNCHANGED
	doc.save()
	return UPDATED


def apply_values(doc, values: dict) -> bool:
	"""Set the parties' data the file gives (never what the app derives, nor the registration); did any change?"""
	changed = False
	for fieldname, value in values.items():
		df = doc.meta.get_field(fieldname)
		if (
			not df
			or df.fieldtype in table_fields
			or df.read_only
			or fieldname in DERIVED_FIELDS
			or fieldname in SET_ONCE
		):
			continue
		if comparable(df, value) != comparable(df, doc.get(fieldname)):
			doc.set(fieldname, value)
			changed = True
	return changed


def apply_parties(doc, rows: list[dict], party_fields: list[str]) -> bool:
	"""Make the parties those of the file, in its order, keeping what the file does not give; did they change?"""
	if not rows:
		return False
	meta = frappe.get_meta(PARTY_DOCTYPE)
	fields = [meta.get_field(f) for f in party_fields if f != PARTY_CODE and not meta.get_field(f).read_only]

	def snapshot(parties) -> list[tuple]:
		return [(p.get(PARTY_CODE), *(comparable(df, p.get(df.fieldname)) for df in fields)) for p in parties]

	before = snapshot(doc.parties)
	existing = {p.regional_government: p for p in doc.parties}
	parties = []
	for row in rows:
		party = existing.pop(row.get(PARTY_CODE), None) or frappe._dict({PARTY_CODE: row.get(PARTY_CODE)})
		for df in fields:
			if row.get(df.fieldname) is not None:
				setattr(party, df.fieldname, row.get(df.fieldname))
		parties.append(party)
	if snapshot(parties) == before:
		return False
	doc.set(PARTIES, parties)
	return True


def reason_of(e: Exception) -> str:
	"""The message a refusal showed the user (the last one Frappe logged), as plain text."""
	messages = [
		m.get("message") for m in frappe.get_message_log() if isinstance(m, dict) and m.get("message")
	]
	text = messages[-1] if messages else cstr(e) or e.__class__.__name__
	return strip_html(cstr(text)).strip()


def report_lines(summary: dict) -> list[str]:
	"""The command's closing report, line by line."""
	lines = [
		_("{0} cooperations ({1} lines): {2} created, {3} updated, {4} unchanged, {5} refused.").format(
			summary["records"],
			summary["lines"],
			len(summary[CREATED]),
			len(summary[UPDATED]),
			len(summary[UNCHANGED]),
			len(summary[REFUSED]),
		)
	]
	if summary[REFUSED]:
		lines.append(_("Refused:"))
		lines += [
			"  " + _("row {0} ({1}): {2}").format(r["row"], r["reference"] or "-", r["reason"])
			for r in summary[REFUSED]
		]
	if summary["ignored_columns"]:
		lines.append(
			_("Columns ignored (no matching field): {0}").format(", ".join(summary["ignored_columns"]))
		)
	lines.append(
		_("{0:.1f} cooperations per second ({1} in {2:.1f} s).").format(
			summary["records_per_second"], summary["records"], summary["seconds"]
		)
	)
	if summary["dry_run"]:
		lines.append(_("Dry run: nothing was written."))
	return lines


# Frappe's Data Import is a System Manager's tool; the KSAD Manager brings a register in through it too.
DATA_IMPORT_PERMISSIONS = {
	"Data Import": ("read", "write", "create", "delete"),
	"Data Import Log": ("read",),
}


def grant_data_import() -> None:
	"""Let the KSAD Manager use Data Import (idempotent; run after install and after migrate).

	Data Import only imports into DocTypes the user may import (``can_import``)
	and inserts each row with the user's own permissions, so this opens
	nothing but Inter-Regional Cooperation, which the KSAD Manager may
	already create.
	"""
	from frappe.permissions import add_permission, update_permission_property

	for doctype, ptypes in DATA_IMPORT_PERMISSIONS.items():
		perm = frappe.db.get_value(
			"Custom DocPerm",
			{"parent": doctype, "role": KSAD_MANAGER, "permlevel": 0, "if_owner": 0},
			list(ptypes),
			as_dict=True,
		)
		if perm and all(perm.get(p) for p in ptypes):
			continue
		if not perm:
			add_permission(doctype, KSAD_MANAGER, 0)
		for ptype in ptypes:
			update_permission_property(doctype, KSAD_MANAGER, 0, ptype, 1, validate=False)
		frappe.clear_cache(doctype=doctype)


def revoke_data_import() -> None:
	"""Take the KSAD Manager's Data Import permissions away again (on uninstall)."""
	for doctype in DATA_IMPORT_PERMISSIONS:
		frappe.db.delete("Custom DocPerm", {"parent": doctype, "role": KSAD_MANAGER})
		frappe.clear_cache(doctype=doctype)
