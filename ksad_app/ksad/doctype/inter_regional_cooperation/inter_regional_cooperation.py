# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

from decimal import Decimal

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import escape_html, formatdate, getdate

from ksad_app.controllers.guidance import guidance_checklist
from ksad_app.controllers.labels import body_label, region_label
from ksad_app.domain import cooperation as rules
from ksad_app.domain import public_register
from ksad_app.domain.issues import SELESAI as ISSUE_DECIDED
from ksad_app.domain.regions import Region
from ksad_app.domain.supervision import MissingSupervisoryBody, SupervisorKey, assign_supervisors
from ksad_app.exceptions import (
	AmountError,
	ContributionError,
	ExternalReferenceError,
	NotAllowedToPublishError,
	NotYourRegionError,
	PartyError,
	PeriodError,
	PublicRegisterError,
	SupervisorAssignmentError,
)
from ksad_app.overrides.document_lock import LocksOwnRowOnly
from ksad_app.overrides.link_titles import send_link_titles
from ksad_app.permissions import cooperation_scope, may_change_publication
from ksad_app.public_register.cache import register_changed
from ksad_app.roles import REGIONAL_OFFICER
from ksad_app.workflow import moves, registration
from ksad_app.workflow.facts import actor
from ksad_app.workflow.notifications import notify_stage_move

ISSUE = "Cooperation Issue"

# Child tables the app only ever adds to (a stage move, an activity's ticks, a reminder sent), the
# last two directly, not through the form. On save Frappe deletes the rows of a child table that the
# saved document does not carry; for these it must not: a form loaded before an activity ticked an
# item or the daily job recorded a reminder would take them away on its next save, and an API client
# could empty the Stage History. Their rows are inserted, never deleted (which also spares every
# save that delete's gap locks, one cause of the deadlocks of ksad_app.workflow.actions.retry_on_deadlock).
APPEND_ONLY_TABLES = ("Cooperation Stage Log", "Cooperation Guidance Record", "Termination Reminder")


class InterRegionalCooperation(LocksOwnRowOnly, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from ksad_app.ksad.doctype.cooperation_guidance_record.cooperation_guidance_record import (
			CooperationGuidanceRecord,
		)
		from ksad_app.ksad.doctype.cooperation_party.cooperation_party import CooperationParty
		from ksad_app.ksad.doctype.cooperation_stage_log.cooperation_stage_log import CooperationStageLog
		from ksad_app.ksad.doctype.cooperation_supervisor.cooperation_supervisor import CooperationSupervisor
		from ksad_app.ksad.doctype.termination_reminder.termination_reminder import TerminationReminder

		cooperation_category: DF.Literal["", "Wajib", "Sukarela"]
		cooperation_level: DF.Literal[
			"", "Provinsi\u2013Provinsi", "Provinsi\u2013Kabupaten/Kota", "Kabupaten/Kota\u2013Kabupaten/Kota"
		]
		cooperation_object: DF.SmallText | None
		dprd_approval_date: DF.Date | None
		dprd_approval_number: DF.Data | None
		dprd_approval_required: DF.Check
		end_date: DF.Date | None
		estimated_value: DF.Currency
		external_reference: DF.Data | None
		government_affair: DF.Link | None
		guidance_done: DF.Table[CooperationGuidanceRecord]
		kb_date: DF.Date | None
		kb_file: DF.Attach | None
		kb_number: DF.Data | None
		override_reason: DF.SmallText | None
		override_supervisors: DF.Check
		parties: DF.Table[CooperationParty]
		pks_date: DF.Date | None
		pks_draft_file: DF.Attach | None
		pks_file: DF.Attach | None
		pks_number: DF.Data | None
		public_register_reason: DF.SmallText | None
		registration_note: DF.SmallText | None
		registration_stage: DF.Autocomplete | None
		show_in_public_register: DF.Check
		stage: DF.Literal[
			"Penjajakan",
			"Negosiasi",
			"Penandatanganan",
			"Pelaksanaan",
			"Pengakhiran",
			"Selesai",
			"Dibatalkan",
		]
		stage_log: DF.Table[CooperationStageLog]
		start_date: DF.Date | None
		supervisors: DF.Table[CooperationSupervisor]
		termination_reminders: DF.Table[TerminationReminder]
		title: DF.Data
		workflow_reason: DF.SmallText | None
		workflow_state: DF.Link | None
	# end: auto-generated types

	def validate(self) -> None:
		self.flags.ignore_children_type = APPEND_ONLY_TABLES
		regions = self.party_regions()
		self.validate_parties(regions)
		self.validate_contributions()
		self.validate_period()
		self.validate_amounts()
		self.validate_officer_is_party()
		moves.check_data_change(self)
		self.validate_external_reference()
		self.validate_publication()
		registration.apply_registration(self)
		moves.apply_stage_move(self)
		self.set_level(regions)
		self.set_supervisors(regions)

	def after_insert(self) -> None:
		registration.set_registered_stage(self)

	def on_update(self) -> None:
		notify_stage_move(self)

	def on_change(self) -> None:
		register_changed()

	def on_trash(self) -> None:
		register_changed()

	def onload(self) -> None:
		self.set_onload("next_stage", moves.next_stage_needs(self))
		self.set_onload("guidance", guidance_checklist(self))
		self.set_onload("registration_missing_files", registration.missing_files(self))
		send_link_titles(self)
		if not self.is_new():
			self.set_onload("capacities", sorted(actor(self)))
			self.set_onload("open_issues", self.open_issue_count())

	# --- gathering -------------------------------------------------------

	def party_codes(self) -> list[str]:
		return [p.regional_government for p in self.parties if p.regional_government]

	def party_regions(self) -> list[Region]:
		"""The parties as the domain sees them, read in one query."""
		codes = self.party_codes()
		rows = frappe.get_all(
			"Regional Government",
			filters={"name": ("in", codes or [""])},
			fields=["name", "region_type", "parent_regional_government", "is_autonomous"],
		)
		by_code = {r.name: r for r in rows}
		return [
			Region(
				code=code,
				region_type=by_code[code].region_type,
				province=by_code[code].parent_regional_government or code,
				is_autonomous=bool(by_code[code].is_autonomous),
			)
			for code in codes
			if code in by_code
		]

	def open_issue_count(self) -> int:
		"""The cooperation's problems and disputes not yet decided (for its form's dashboard)."""
		if not frappe.db.table_exists(ISSUE):
			return 0
		return frappe.db.count(ISSUE, {"cooperation": self.name, "status": ("!=", ISSUE_DECIDED)})

	# --- checks ----------------------------------------------------------

	def validate_parties(self, regions: list[Region]) -> None:
		try:
			rules.check_parties(self.party_codes())
			rules.check_autonomous(regions)
		except rules.TooFewParties:
			frappe.throw(
				_(
					"A cooperation between regions needs at least two different parties. Add the other regional government(s) in the Parties table."
				),
				title=_("Too Few Parties"),
				exc=PartyError,
			)
		except rules.DuplicateParty as e:
			frappe.throw(
				_("{0} appears more than once in the Parties table. Keep one row per region.").format(
					frappe.bold(region_label(e.code))
				),
				title=_("Duplicate Party"),
				exc=PartyError,
			)
		except rules.NotAutonomous as e:
			frappe.throw(
				_(
					"{0} is an administrative region without its own regional head, so it cannot be a party to a cooperation. Choose the province instead."
				).format(frappe.bold(region_label(e.code))),
				title=_("Not an Autonomous Region"),
				exc=PartyError,
			)

	def validate_contributions(self) -> None:
		percents = [
			Decimal(str(p.contribution_percent)) if p.contribution_percent else None for p in self.parties
		]
		try:
			rules.check_contributions(percents)
		except rules.ContributionOutOfRange as e:
			frappe.throw(
				_("A contribution of {0}% is not possible. Enter a percentage between 0 and 100.").format(
					e.value
				),
				title=_("Invalid Contribution"),
				exc=ContributionError,
			)
		except rules.ContributionTotal as e:
			frappe.throw(
				_(
					"The parties' contributions add up to {0}%, not 100%. Correct the percentages, or leave all of them empty."
				).format(e.total.normalize()),
				title=_("Contributions Do Not Add Up"),
				exc=ContributionError,
			)

	def validate_period(self) -> None:
		start = getdate(self.start_date) if self.start_date else None
		end = getdate(self.end_date) if self.end_date else None
		try:
			rules.check_period(start, end)
		except rules.PeriodOrder as e:
			frappe.throw(
				_("The end date {0} is before the start date {1}. Correct one of the dates.").format(
					formatdate(e.end), formatdate(e.start)
				),
				title=_("Invalid Period"),
				exc=PeriodError,
			)

	def validate_amounts(self) -> None:
		value = Decimal(str(self.estimated_value)) if self.estimated_value else None
		try:
			rules.check_not_negative("estimated_value", value)
		except rules.NegativeAmount:
			frappe.throw(
				_("The estimated value cannot be negative. Enter the value in rupiah, or leave it empty."),
				title=_("Invalid Value"),
				exc=AmountError,
			)

	def validate_officer_is_party(self) -> None:
		"""A regional officer registers and edits only cooperations of their own region."""
		if REGIONAL_OFFICER not in frappe.get_roles():
			return
		scope = cooperation_scope()
		if scope.unrestricted or scope.regions & set(self.party_codes()):
			return
		regions = ", ".join(region_label(c) for c in sorted(scope.regions)) or _("none")
		frappe.throw(
			_(
				"You may only record cooperations in which your own region is a party. Add your region ({0}) to the Parties table."
			).format(regions),
			title=_("Not Your Region"),
			exc=NotYourRegionError,
		)

	# --- registering a running cooperation (issue 9) ----------------------

	def validate_external_reference(self) -> None:
		"""The region's own register number belongs to one cooperation: an import matches on it."""
		self.external_reference = (self.external_reference or "").strip() or None
		if not self.external_reference:
			return
		other = frappe.db.get_value(
			self.doctype,
			{"external_reference": self.external_reference, "name": ("!=", self.name or "")},
			["name", "title"],
			as_dict=True,
		)
		if not other:
			return
		if frappe.has_permission(self.doctype, "read", other.name):
			existing = frappe.bold(escape_html(f"{other.title} ({other.name})"))
		else:
			existing = _("another cooperation")
		reference = frappe.bold(escape_html(self.external_reference))
		if self.is_new():
			message = _(
				"The external reference {0} is already registered as {1}. Insert New Records never updates a cooperation: to update it, import with Update Existing Records and its ID, or use the bench command ksad-import, which updates by external reference."
			).format(reference, existing)
		else:
			message = _(
				"The external reference {0} already belongs to {1}. Each cooperation has its own register number: correct one of them."
			).format(reference, existing)
		frappe.throw(message, title=_("External Reference Already Registered"), exc=ExternalReferenceError)

	def validate_publication(self) -> None:
		"""Withdrawn from the public register (issue 17) only with a reason, by a KSAD Manager or a party's officer.

		The change and its reason are kept in the document's versions (``track_changes``)."""
		before = self.get_doc_before_save()
		show = bool(self.show_in_public_register)
		try:
			public_register.check_publication_change(
				None if before is None else bool(before.show_in_public_register),
				show,
				self.public_register_reason,
				may_change_publication(self.party_codes()),
			)
		except public_register.NotAllowedToChangePublication:
			frappe.throw(
				_(
					"Only a KSAD Manager or a regional officer of one of the parties decides whether a cooperation is shown in the public register."
				),
				title=_("Not Allowed"),
				exc=NotAllowedToPublishError,
			)
		except public_register.PublicationReasonMissing:
			frappe.throw(
				_(
					"Give the reason for withdrawing the cooperation from the public register, so that it is kept in the history."
				),
				title=_("Reason Required"),
				exc=PublicRegisterError,
			)

	# --- derived values --------------------------------------------------

	def set_level(self, regions: list[Region]) -> None:
		self.cooperation_level = rules.cooperation_level(regions)

	def set_supervisors(self, regions: list[Region]) -> None:
		"""Pasal 2 and 3, recomputed on every save unless a KSAD Manager overrode them."""
		if self.override_supervisors:
			self.validate_override()
			return
		bodies = registered_bodies()
		try:
			names = assign_supervisors(regions, bodies)
		except MissingSupervisoryBody as e:
			frappe.throw(
				_(
					"The supervisory body for this cooperation is not registered: {0}. Ask the KSAD Manager to register it under Supervisory Body, then save again."
				).format(", ".join(body_label(k) for k in e.keys)),
				title=_("Supervisory Body Missing"),
				exc=SupervisorAssignmentError,
			)
		if [s.supervisory_body for s in self.supervisors] != names:
			body_type = {name: key.body_type for key, name in bodies.items()}
			self.set("supervisors", [{"supervisory_body": n, "body_type": body_type[n]} for n in names])

	def validate_override(self) -> None:
		if not (self.override_reason or "").strip():
			frappe.throw(
				_(
					"Give the reason for overriding the supervisory bodies, so that it is kept in the history."
				),
				title=_("Reason Required"),
				exc=SupervisorAssignmentError,
			)
		if not self.supervisors:
			frappe.throw(
				_(
					"An overridden cooperation still needs at least one supervisory body. Add it to the table."
				),
				title=_("Supervisory Body Missing"),
				exc=SupervisorAssignmentError,
			)


def registered_bodies() -> dict[SupervisorKey, str]:
	"""Every registered supervisory body by its key (one small query)."""
	rows = frappe.get_all("Supervisory Body", fields=["name", "body_type", "province"])
	return {SupervisorKey(r.body_type, r.province or None): r.name for r in rows}
