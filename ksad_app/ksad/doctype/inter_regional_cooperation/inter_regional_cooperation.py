# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

from decimal import Decimal

import frappe
from frappe import _
from frappe.model import display_fieldtypes
from frappe.model.document import Document
from frappe.utils import cint, cstr, escape_html, flt, formatdate, getdate, now_datetime

from ksad_app.domain import cooperation as rules
from ksad_app.domain import registration, stages
from ksad_app.domain.division import ASSET_RECORDING, DEPOSIT
from ksad_app.domain.regions import Region
from ksad_app.domain.supervision import (
	SEKRETARIAT_BERSAMA,
	MissingSupervisoryBody,
	SupervisorKey,
	assign_supervisors,
)
from ksad_app.exceptions import (
	AmountError,
	ContributionError,
	ExternalReferenceError,
	NotYourCooperationError,
	NotYourRegionError,
	PartyError,
	PeriodError,
	ReasonRequiredError,
	RegistrationError,
	RegistrationNotAllowedError,
	StageError,
	StageGuardError,
	StageLockedError,
	SupervisorAssignmentError,
)
from ksad_app.link_titles import send_link_titles
from ksad_app.locking import LocksOwnRowOnly
from ksad_app.permissions import capacities, cooperation_scope
from ksad_app.roles import KSAD_MANAGER, REGIONAL_OFFICER

# Fields the controller or the workflow set; everything else is the parties' data.
DERIVED_FIELDS = frozenset(
	{
		"stage",
		"workflow_state",
		"workflow_reason",
		"cooperation_level",
		"supervisors",
		"override_supervisors",
		"override_reason",
		"stage_log",
		"guidance_done",
		"termination_reminders",
	}
)
# Child tables the app only ever adds to (a stage move, an activity's ticks, a reminder sent), the
# last two directly, not through the form. On save Frappe deletes the rows of a child table that the
# saved document does not carry; for these it must not: a form loaded before an activity ticked an
# item or the daily job recorded a reminder would take them away on its next save, and an API client
# could empty the Stage History. Their rows are inserted, never deleted (which also spares every
# save that delete's gap locks, one cause of the deadlocks of ksad_app.api.retry_on_deadlock).
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
		registration_note: DF.SmallText | None
		registration_stage: DF.Autocomplete | None
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
		self.validate_data_change()
		self.validate_external_reference()
		self.apply_registration()
		self.apply_stage_move()
		self.set_level(regions)
		self.set_supervisors(regions)

	def after_insert(self) -> None:
		self.set_registered_stage()

	def on_update(self) -> None:
		self.notify_stage_move()

	def onload(self) -> None:
		from ksad_app.guidance import guidance_checklist

		self.set_onload("next_stage", self.next_stage_needs())
		self.set_onload("guidance", guidance_checklist(self))
		self.set_onload("registration_missing_files", self.registration_missing_files())
		send_link_titles(self)
		if not self.is_new():
			from ksad_app.ksad.doctype.cooperation_issue.cooperation_issue import open_issue_count

			self.set_onload("capacities", sorted(self.actor()))
			self.set_onload("open_issues", open_issue_count(self.name))

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

	# --- stages (Pasal 4) -----------------------------------------------

	def actor(self) -> set[str]:
		"""In what capacity the session user acts on this saved cooperation (looked up once per user and document)."""
		user = frappe.session.user
		if (self.flags.actor or (None,))[0] != user:
			self.flags.actor = (user, capacities(self.name, user))
		return self.flags.actor[1]

	def state_before(self) -> str | None:
		"""The stored state; empty counts as the first state, as Frappe's workflow counts it."""
		before = self.get_doc_before_save()
		return (before.workflow_state or stages.PENJAJAKAN) if before else None

	def validate_data_change(self) -> None:
		"""No data changes while a request is pending or after the end; members change only the workflow (domain.stages.check_data_change)."""
		before = self.get_doc_before_save()
		if before is None:
			return
		changed = self.changed_data_fields(before)
		if not changed:
			return
		labels = ", ".join(_(self.meta.get_label(f)) for f in changed)
		state = self.state_before()
		try:
			stages.check_data_change(state, self.actor(), cooperation_scope().unrestricted)
		except stages.StateLocked:
			frappe.throw(
				_(
					"The cooperation is at {0}, so its data cannot change ({1}). A pending request must first be returned by the supervisory body; a finished or cancelled cooperation stays as it is."
				).format(frappe.bold(_(state)), labels),
				title=_("Cooperation Locked"),
				exc=StageLockedError,
			)
		except stages.DataNotTheirs:
			frappe.throw(
				_(
					"As a member of the supervisory body you approve, return or cancel; you cannot change the cooperation's data ({0}). Ask a regional officer of one of the parties."
				).format(labels),
				title=_("Not Allowed"),
				exc=NotYourCooperationError,
			)

	def changed_data_fields(self, before: Document) -> list[str]:
		"""The parties' data fields that differ from the stored document."""
		changed = []
		for df in self.meta.fields:
			if df.fieldtype in display_fieldtypes or df.fieldname in DERIVED_FIELDS:
				continue
			if df.fieldtype == "Table":
				child = frappe.get_meta(df.options)
				if table_values(child, self.get(df.fieldname)) != table_values(
					child, before.get(df.fieldname)
				):
					changed.append(df.fieldname)
			elif comparable(df, self.get(df.fieldname)) != comparable(df, before.get(df.fieldname)):
				changed.append(df.fieldname)
		return changed

	def field_label(self, fieldname: str) -> str:
		"""How a missing item of a stage guard is named in messages and on the form."""
		if fieldname == "parties":
			return _("at least two parties")
		if fieldname == "termination":
			return _("a submitted Cooperation Termination")
		if ":" in fieldname:
			item, party = fieldname.split(":", 1)
			return outstanding_label(item).format(region_label(party))
		return _(self.meta.get_label(fieldname))

	def stage_facts(self) -> stages.CooperationFacts:
		submitted, outstanding = self.termination_state()
		return stages.CooperationFacts(
			party_count=len(set(self.party_codes())),
			government_affair=self.government_affair,
			cooperation_object=self.cooperation_object,
			pks_draft_file=self.pks_draft_file,
			kb_number=self.kb_number,
			kb_date=getdate(self.kb_date) if self.kb_date else None,
			kb_file=self.kb_file,
			pks_number=self.pks_number,
			pks_date=getdate(self.pks_date) if self.pks_date else None,
			pks_file=self.pks_file,
			start_date=getdate(self.start_date) if self.start_date else None,
			end_date=getdate(self.end_date) if self.end_date else None,
			dprd_approval_required=bool(self.dprd_approval_required),
			dprd_approval_number=self.dprd_approval_number,
			dprd_approval_date=getdate(self.dprd_approval_date) if self.dprd_approval_date else None,
			termination_submitted=submitted,
			termination_outstanding=outstanding,
		)

	def termination_state(self) -> tuple[bool, tuple[tuple[str, str], ...]]:
		"""Pasal 6 d.4 / 10 d.4: is a Cooperation Termination submitted, and what must each party still do?"""
		if self.is_new():
			return False, ()
		from ksad_app.ksad.doctype.cooperation_termination.cooperation_termination import outstanding_for

		return outstanding_for(self.name)

	def apply_stage_move(self) -> None:
		"""Check a change of workflow state (Pasal 4), record it, and keep ``stage`` in step."""
		old = self.state_before()
		if old is None:
			self.workflow_state = self.workflow_state or stages.PENJAJAKAN
			self.stage = stages.stage_of_state(self.workflow_state)
			return
		new = self.workflow_state or old
		self.workflow_state = new
		if new == old:
			self.stage = stages.stage_of_state(new)
			return
		action = self.check_transition(old, new)
		self.stage = stages.stage_of_state(new)
		reason = (self.workflow_reason or "").strip() or None
		self.append(
			"stage_log",
			{
				"action": action,
				"from_state": old,
				"to_state": new,
				"user": frappe.session.user,
				"timestamp": now_datetime(),
				"reason": reason,
			},
		)
		self.workflow_reason = None
		self.flags.stage_move = (action, old, new, reason)

	def check_transition(self, old: str, new: str) -> str:
		try:
			return stages.check_transition(old, new, self.stage_facts(), self.actor(), self.workflow_reason)
		except stages.IllegalMove:
			frappe.throw(
				_(
					"A cooperation cannot go from {0} to {1}. Use the workflow actions shown on the form."
				).format(frappe.bold(_(old)), frappe.bold(_(new))),
				title=_("Move Not Allowed"),
				exc=StageError,
			)
		except stages.NotAllowedToAct as e:
			frappe.throw(not_allowed_message(e.action), title=_("Not Allowed"), exc=NotYourCooperationError)
		except stages.ReasonRequired as e:
			frappe.throw(
				_("Give the reason for {0}: it is kept in the stage history and sent to the parties.").format(
					frappe.bold(_(e.action))
				),
				title=_("Reason Required"),
				exc=ReasonRequiredError,
			)
		except stages.StageGuardFailed as e:
			frappe.throw(
				guard_message(e.target, [self.field_label(f) for f in e.missing]),
				title=_("Not Ready for {0}").format(_(e.target)),
				exc=StageGuardError,
			)
		except stages.CannotCancel as e:
			frappe.throw(
				_(
					"A cooperation at {0} can no longer be cancelled: cancelling is possible only before Pelaksanaan. End it through Pengakhiran."
				).format(frappe.bold(_(e.stage))),
				title=_("Cannot Cancel"),
				exc=StageError,
			)

	def next_stage_needs(self) -> dict | None:
		"""For the form: the next stage and what it still needs."""
		state = self.workflow_state or stages.PENJAJAKAN
		if stages.is_locked(state):
			return None
		target = stages.next_stage(self.stage or stages.PENJAJAKAN)
		missing = stages.missing_for(target, self.stage_facts())
		return {"target": target, "missing": [self.field_label(f) for f in missing]}

	def notify_stage_move(self) -> None:
		move = self.flags.pop("stage_move", None)
		if move:
			from ksad_app.notifications import stage_moved

			stage_moved(self, *move)

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

	def apply_registration(self) -> None:
		"""A new cooperation registered at the stage it has reached (domain.registration), kept in the Stage History.

		Frappe's workflow accepts a new document only in its first state, so
		the cooperation is inserted at Penjajakan and after_insert puts it at
		the stage registered (set_registered_stage).
		"""
		before = self.get_doc_before_save()
		if before is not None:
			# set once (Frappe checks it): an empty value sent by a form or the API is not a change
			for fieldname in ("registration_stage", "registration_note"):
				if not self.get(fieldname) and not before.get(fieldname):
					self.set(fieldname, before.get(fieldname))
			return
		self.registration_stage = self.registration_stage or None
		self.registration_note = (self.registration_note or "").strip() or None
		target = self.registration_stage
		if not target:
			return
		self.check_registration(target)
		self.append(
			"stage_log",
			{
				"action": registration.REGISTRASI,
				"from_state": None,
				"to_state": target,
				"user": frappe.session.user,
				"timestamp": now_datetime(),
				"reason": self.registration_note,
			},
		)
		if registration.is_later(target):
			self.flags.registered_at = target

	def check_registration(self, target: str) -> None:
		try:
			registration.check_registration(
				target, self.stage_facts(), KSAD_MANAGER in frappe.get_roles(), self.registration_note
			)
		except registration.NotARegistrableStage:
			frappe.throw(
				_(
					"{0} is not a stage at which a cooperation can be registered. Choose one of the stages of Pasal 4: {1}. A cooperation whose request is pending is registered at the stage it asks to leave; a finished or cancelled one is not registered."
				).format(frappe.bold(escape_html(target)), ", ".join(_(s) for s in registration.REGISTRABLE)),
				title=_("Not a Stage"),
				exc=RegistrationError,
			)
		except registration.RegistrationNotAllowed:
			frappe.throw(
				_(
					"Only a KSAD Manager can register a cooperation at {0}. Leave Registered at Stage empty: the cooperation starts at Penjajakan and moves through the workflow, each stage approved by its supervisory body."
				).format(frappe.bold(_(target))),
				title=_("Not Allowed"),
				exc=RegistrationNotAllowedError,
			)
		except registration.RegistrationNoteRequired:
			frappe.throw(
				_(
					"A cooperation registered at {0} needs a registration note saying where its data comes from (for instance the region's register)."
				).format(frappe.bold(_(target))),
				title=_("Registration Note Required"),
				exc=RegistrationError,
			)
		except registration.RegistrationIncomplete as e:
			items = ", ".join(frappe.bold(self.field_label(f)) for f in e.missing)
			frappe.throw(
				_(
					"A cooperation registered at {0} must have what the stages before it required. Missing: {1}. The signed files may be attached later."
				).format(frappe.bold(_(target)), items),
				title=_("Registration Incomplete"),
				exc=RegistrationError,
			)

	def set_registered_stage(self) -> None:
		"""After the insert at Penjajakan, put a registered cooperation at its stage (issue 9)."""
		target = self.flags.pop("registered_at", None)
		if not target:
			return
		values = {"workflow_state": target, "stage": target}
		frappe.db.set_value(self.doctype, self.name, values, update_modified=False)
		self.update(values)  # the document returned to the caller shows what was written

	def registration_missing_files(self) -> list[str]:
		"""For the form: the signed files a registered cooperation has not attached yet."""
		if self.is_new() or not registration.is_later(self.registration_stage):
			return []
		try:
			missing = registration.missing_files(self.registration_stage, self.stage_facts())
		except registration.NotARegistrableStage:
			return []
		return [self.field_label(f) for f in missing]

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


def outstanding_label(item: str) -> str:
	"""What a party still owes before the cooperation is closed (domain.division.outstanding)."""
	if item == DEPOSIT:
		return _("the kas daerah deposit of {0}")
	if item == ASSET_RECORDING:
		return _("the recording of the goods received by {0} as regional assets")
	return _("the report of {0} to its DPRD")


def registered_bodies() -> dict[SupervisorKey, str]:
	"""Every registered supervisory body by its key (one small query)."""
	rows = frappe.get_all("Supervisory Body", fields=["name", "body_type", "province"])
	return {SupervisorKey(r.body_type, r.province or None): r.name for r in rows}


def comparable(df, value):
	"""A field's value in a form that compares equal however it arrived (form, API, database)."""
	if value in (None, ""):
		return None
	if df.fieldtype in ("Int", "Check"):
		return cint(value) or None
	if df.fieldtype in ("Float", "Currency", "Percent"):
		return flt(value) or None
	if df.fieldtype == "Date":
		return getdate(value)
	return cstr(value)


def table_values(meta, rows) -> list[tuple]:
	fields = [df for df in meta.fields if df.fieldtype not in display_fieldtypes and not df.read_only]
	return [tuple(comparable(df, row.get(df.fieldname)) for df in fields) for row in rows or []]


def not_allowed_message(action: str) -> str:
	if action == stages.AJUKAN:
		return _(
			"Only a regional officer of one of the parties can ask for the next stage. Ask the officer of a party region."
		)
	if action == stages.BATALKAN:
		return _(
			"Only a regional officer of one of the parties or a member of the supervisory body of this cooperation can cancel it."
		)
	return _(
		"Only a member of the supervisory body of this cooperation can {0} this request. Members of other bodies, and the parties themselves, cannot."
	).format(_(action).lower())


def guard_message(target: str, missing: list[str]) -> str:
	"""Why the body cannot approve ``target`` yet: one message per stage of Pasal 4."""
	items = ", ".join(frappe.bold(m) for m in missing)
	if target == stages.NEGOSIASI:
		return _(
			"Negotiation can start only when the parties, the government affair and the object of the cooperation are recorded. Missing: {0}. Return the request so that the parties complete them."
		).format(items)
	if target == stages.PENANDATANGANAN:
		return _(
			"Signing can be approved only when the draft PKS is attached. Missing: {0}. Return the request so that the parties attach it."
		).format(items)
	if target == stages.PELAKSANAAN:
		return _(
			"Implementation can be approved only when the signed Kesepakatan Bersama and PKS (number, date and file), the start and end dates and, where required, the DPRD approval are recorded. Missing: {0}."
		).format(items)
	if target == stages.SELESAI:
		return _(
			"The cooperation can be closed only when its Cooperation Termination is submitted and every party has done items d) and e) of Pasal 6 d.4 / 10 d.4. Missing: {0}. The parties' officers record them on the termination."
		).format(items)
	return _("The cooperation is not ready for {0}. Missing: {1}.").format(_(target), items)


def region_label(code: str) -> str:
	name = frappe.db.get_value("Regional Government", code, "region_name")
	return f"{name} ({code})" if name else code


def body_label(key: SupervisorKey) -> str:
	if key.body_type == SEKRETARIAT_BERSAMA:
		return _("the Sekretariat Bersama")
	return _("the TKKSD of the province {0}").format(region_label(key.province))
