# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

"""A report of pembinaan and pengawasan for a period (Pasal 8, 12, 13), compiled from the data.

What the report contains is decided in ``ksad_app.domain.reporting``; this
controller checks who prepares which report, has the rows of the report's
scope gathered (``ksad_app.controllers.report_figures``: a few aggregate
queries, never a document per row), and stores the sections in child tables,
replaced on every compile.
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, formatdate, getdate, now_datetime, today

from ksad_app.controllers.report_figures import SOURCE_ROW, cooperations_supervised, gather, tkksd_report_rows
from ksad_app.domain import reporting as rules
from ksad_app.domain.supervision import TKKSD
from ksad_app.exceptions import NotYourReportError, ReportError
from ksad_app.permissions import report_author_facts

REPORT = "Supervision Report"
BODY = "Supervisory Body"
REGION = "Regional Government"

# Changing any of these makes the compiled figures those of another report.
SUBJECT_FIELDS = ("report_type", "supervisory_body", "province", "period_start", "period_end")
COMPILED_TABLES = ("lines", "issues", "tkksd_reports")


class SupervisionReport(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from ksad_app.ksad.doctype.supervision_report_issue.supervision_report_issue import (
			SupervisionReportIssue,
		)
		from ksad_app.ksad.doctype.supervision_report_line.supervision_report_line import (
			SupervisionReportLine,
		)
		from ksad_app.ksad.doctype.supervision_report_source.supervision_report_source import (
			SupervisionReportSource,
		)

		activity_count: DF.Int
		addressed_to: DF.Data | None
		amended_from: DF.Link | None
		body_type: DF.Data | None
		compiled_on: DF.Datetime | None
		cooperation_count: DF.Int
		currency: DF.Link | None
		findings_count: DF.Int
		follow_ups_open: DF.Int
		follow_ups_overdue: DF.Int
		issues: DF.Table[SupervisionReportIssue]
		issues_answered: DF.Int
		issues_decided: DF.Int
		issues_open: DF.Int
		issues_raised: DF.Int
		lines: DF.Table[SupervisionReportLine]
		narrative: DF.TextEditor | None
		pembinaan_count: DF.Int
		pengawasan_count: DF.Int
		period_end: DF.Date
		period_start: DF.Date
		province: DF.Link | None
		province_name: DF.Data | None
		report_type: DF.Literal[
			"",
			"Sekretariat Bersama kepada Menteri (Pasal 8)",
			"TKKSD kepada Gubernur (Pasal 12)",
			"Gubernur kepada Menteri (Pasal 13)",
		]
		stage_moves: DF.Int
		supervisory_body: DF.Link | None
		termination_count: DF.Int
		termination_net_value: DF.Currency
		termination_total_assets: DF.Currency
		termination_total_liabilities: DF.Currency
		tkksd_reports: DF.Table[SupervisionReportSource]
	# end: auto-generated types

	def validate(self) -> None:
		self.set_subject()
		self.validate_period()
		self.validate_author()
		self.set_addressee()
		self.clear_stale_figures()

	def before_submit(self) -> None:
		try:
			rules.check_submit(bool(self.compiled_on))
		except rules.NotCompiled:
			frappe.throw(
				_("Compile the report before submitting it: its figures come from the data of the period."),
				title=_("Not Compiled"),
				exc=ReportError,
			)

	# --- checks ------------------------------------------------------------

	def set_subject(self) -> None:
		"""The body or the province, as the report type requires (Pasal 8, 12, 13)."""
		body = frappe.db.get_value(BODY, self.supervisory_body, ["body_type", "province"], as_dict=True) or {}
		province_type = frappe.db.get_value(REGION, self.province, "region_type") if self.province else None
		try:
			self.supervisory_body, self.province = rules.check_subject(
				self.report_type,
				self.supervisory_body,
				body.get("body_type"),
				body.get("province"),
				self.province,
				province_type,
			)
		except rules.UnknownReportType:
			frappe.throw(
				_("Choose the report type: Pasal 8, Pasal 12 or Pasal 13."),
				title=_("Report Type Required"),
				exc=ReportError,
			)
		except rules.BodyRequired as e:
			frappe.throw(
				_("A report of type {0} is made by a supervisory body. Choose the {1}.").format(
					frappe.bold(e.report_type), _(e.body_type)
				),
				title=_("Supervisory Body Required"),
				exc=ReportError,
			)
		except rules.WrongBodyType as e:
			frappe.throw(
				_(
					"{0} is not a {1}. A report of type {2} is made by the {1}: choose it, or the report type of {0}."
				).format(frappe.bold(e.body), _(e.expected), frappe.bold(e.report_type)),
				title=_("Wrong Supervisory Body"),
				exc=ReportError,
			)
		except rules.ProvinceRequired:
			frappe.throw(
				_("The Gubernur's report to the Minister (Pasal 13) names the province. Choose it."),
				title=_("Province Required"),
				exc=ReportError,
			)
		except rules.NotAProvince as e:
			frappe.throw(
				_("{0} is not a province. The Gubernur's report (Pasal 13) is made for a province.").format(
					frappe.bold(e.region)
				),
				title=_("Not a Province"),
				exc=ReportError,
			)
		self.province_name = (
			frappe.db.get_value(REGION, self.province, "region_name") if self.province else None
		)

	def validate_period(self) -> None:
		try:
			rules.check_period(getdate(self.period_start), getdate(self.period_end))
		except rules.PeriodReversed as e:
			frappe.throw(
				_("The period ends on {0}, before it starts on {1}. Correct the dates.").format(
					formatdate(e.end), formatdate(e.start)
				),
				title=_("Invalid Period"),
				exc=ReportError,
			)

	def validate_author(self) -> None:
		"""Only the reporter prepares, compiles and submits the report (Pasal 8, 12, 13)."""
		member_of, governs, superuser = report_author_facts(frappe.session.user)
		try:
			rules.check_author(
				self.report_type, self.supervisory_body, self.province, member_of, governs, superuser
			)
		except rules.NotAMember as e:
			frappe.throw(
				_(
					"Only members of {0} prepare its report. Ask the KSAD Manager to add you to its members if you belong to it."
				).format(frappe.bold(e.body)),
				title=_("Not a Member"),
				exc=NotYourReportError,
			)
		except rules.NotTheirProvince as e:
			frappe.throw(
				_(
					"Only the Governor Office of {0} prepares the Gubernur's report for it. Your provinces: {1}."
				).format(frappe.bold(e.province), ", ".join(e.own) or _("none")),
				title=_("Not Your Province"),
				exc=NotYourReportError,
			)

	def set_addressee(self) -> None:
		self.addressed_to = rules.addressee(self.report_type, self.province_name)

	def clear_stale_figures(self) -> None:
		"""Figures compiled for another type, body, province or period are dropped; compile again."""
		if self.is_new() or self.flags.compiling or not self.compiled_on:
			return
		before = self.get_doc_before_save()
		if before is None:
			return
		if any(str(before.get(f) or "") != str(self.get(f) or "") for f in SUBJECT_FIELDS):
			self.clear_figures()
			frappe.msgprint(
				_("The report's subject or period changed: compile it again."),
				title=_("Compile Again"),
				indicator="orange",
			)

	def clear_figures(self) -> None:
		for fieldname in COMPILED_TABLES:
			self.set(fieldname, [])
		for fieldname in rules.TOTALS:
			self.set(fieldname, 0)
		self.compiled_on = None

	def check_compilable(self) -> None:
		try:
			rules.check_compile(self.docstatus)
		except rules.ReportFrozen:
			frappe.throw(
				_(
					"{0} is submitted: its figures are frozen. To correct it, cancel it and compile the amended report."
				).format(frappe.bold(self.name)),
				title=_("Report Submitted"),
				exc=ReportError,
			)
		self.validate_author()

	# --- compiling ----------------------------------------------------------

	def scope_body(self) -> str:
		"""The body whose supervision the report covers; for Pasal 13 the province's TKKSD (Pasal 9)."""
		tkksd = None
		if self.report_type == rules.PASAL_13:
			tkksd = frappe.db.get_value(BODY, {"body_type": TKKSD, "province": self.province}, "name")
		try:
			return rules.scope_body(self.report_type, self.supervisory_body, tkksd, self.province)
		except rules.NoTkksd as e:
			frappe.throw(
				_(
					"{0} has no TKKSD registered. The Gubernur supervises the kabupaten/kota cooperations through the TKKSD (Pasal 9); ask the KSAD Manager to register it."
				).format(frappe.bold(self.province_name or e.province)),
				title=_("No TKKSD"),
				exc=ReportError,
			)

	def estimated_size(self) -> int:
		"""How many cooperations the report covers: decides between compiling inline and in the background."""
		return cooperations_supervised(self.scope_body())

	def compile(self, progress: bool = False) -> None:
		"""Replace the figures with those of the data now (never adds to the previous ones)."""
		self.check_compilable()
		body = self.scope_body()
		start, end = getdate(self.period_start), getdate(self.period_end)

		def step(percent: int, what: str) -> None:
			if progress:
				frappe.publish_progress(
					percent,
					title=_("Compiling {0}").format(self.name),
					doctype=REPORT,
					docname=self.name,
					description=what,
				)

		rows = gather(body, start, end, step)
		compiled = rules.compile_sections(
			cooperations=rows["cooperations"],
			moves=rows["moves"],
			activity_rows=rows["activities"],
			guidance_rows=rows["guidance"],
			descriptions=rows["descriptions"],
			issue_rows=rows["issues"],
			termination_rows=rows["terminations"],
			start=start,
			end=end,
			today=getdate(today()),
		)
		step(90, _("Saving"))
		self.clear_figures()
		self.update(compiled.totals)
		for line in compiled.lines:
			self.append(
				"lines",
				{
					"section": line.section,
					"label": line.label,
					"description": line.description,
					"count": line.count,
				},
			)
		for i in compiled.issues:
			self.append(
				"issues",
				{
					"issue_type": i.issue_type,
					"raised": i.raised,
					"answered": i.answered,
					"decided": i.decided,
					"still_open": i.still_open,
				},
			)
		if self.report_type == rules.PASAL_13:
			for r in rules.tkksd_reports(tkksd_report_rows(self.province, end), start, end):
				self.append(
					"tkksd_reports", {"supervision_report": r["name"], **{k: r[k] for k in SOURCE_ROW}}
				)
		self.compiled_on = now_datetime()
		self.flags.compiling = True
		try:
			self.save()
		finally:
			self.flags.compiling = False
		step(100, _("Done"))


def inline_limit() -> int:
	"""Above this many cooperations a compile runs in the background (site config ``ksad_report_inline_limit``)."""
	return cint(frappe.conf.get("ksad_report_inline_limit") or rules.INLINE_LIMIT)


@frappe.whitelist(methods=["POST"])
def compile_report(name: str) -> dict:
	"""Compile (again) a draft report: inline, or as a background job that shows its progress on the form."""
	doc = frappe.get_doc(REPORT, name)
	doc.check_permission("write")
	doc.check_compilable()
	size = doc.estimated_size()
	if rules.runs_in_background(size, inline_limit()):
		now = bool(frappe.flags.in_test)
		frappe.enqueue(
			"ksad_app.ksad.doctype.supervision_report.supervision_report.compile_in_background",
			queue="long",
			timeout=3600,
			job_id=None if now else f"ksad-report-compile::{name}",
			deduplicate=not now,
			now=now,
			name=name,
		)
		return {"queued": True, "cooperations": size}
	doc.compile()
	return {"queued": False, "cooperations": size}


def compile_in_background(name: str) -> None:
	"""The background job: runs as the user who asked, with the same checks."""
	user = frappe.session.user
	try:
		doc = frappe.get_doc(REPORT, name)
		doc.check_permission("write")
		doc.compile(progress=True)
	except Exception as e:
		frappe.publish_realtime(
			"msgprint",
			_("Compiling {0} failed: {1}").format(name, frappe.utils.strip_html(str(e)) or type(e).__name__),
			user=user,
		)
		raise
	frappe.publish_realtime("ksad_report_compiled", {"name": name}, user=user, after_commit=True)
