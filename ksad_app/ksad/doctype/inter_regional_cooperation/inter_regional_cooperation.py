# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

from decimal import Decimal

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import formatdate, getdate

from ksad_app.domain import cooperation as rules
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
	NotYourRegionError,
	PartyError,
	PeriodError,
	SupervisorAssignmentError,
)
from ksad_app.permissions import cooperation_scope
from ksad_app.roles import REGIONAL_OFFICER


class InterRegionalCooperation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from ksad_app.ksad.doctype.cooperation_party.cooperation_party import CooperationParty
		from ksad_app.ksad.doctype.cooperation_supervisor.cooperation_supervisor import (
			CooperationSupervisor,
		)

		cooperation_category: DF.Literal["", "Wajib", "Sukarela"]
		cooperation_level: DF.Literal[
			"", "Provinsi–Provinsi", "Provinsi–Kabupaten/Kota", "Kabupaten/Kota–Kabupaten/Kota"
		]
		cooperation_object: DF.SmallText | None
		dprd_approval_date: DF.Date | None
		dprd_approval_number: DF.Data | None
		dprd_approval_required: DF.Check
		end_date: DF.Date | None
		estimated_value: DF.Currency
		government_affair: DF.Link | None
		kb_date: DF.Date | None
		kb_file: DF.Attach | None
		kb_number: DF.Data | None
		override_reason: DF.SmallText | None
		override_supervisors: DF.Check
		parties: DF.Table[CooperationParty]
		pks_date: DF.Date | None
		pks_file: DF.Attach | None
		pks_number: DF.Data | None
		stage: DF.Literal[
			"Penjajakan",
			"Negosiasi",
			"Penandatanganan",
			"Pelaksanaan",
			"Pengakhiran",
			"Selesai",
			"Dibatalkan",
		]
		start_date: DF.Date | None
		supervisors: DF.Table[CooperationSupervisor]
		title: DF.Data
	# end: auto-generated types

	def validate(self) -> None:
		regions = self.party_regions()
		self.validate_parties(regions)
		self.validate_contributions()
		self.validate_period()
		self.validate_amounts()
		self.validate_officer_is_party()
		self.set_level(regions)
		self.set_supervisors(regions)

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


def region_label(code: str) -> str:
	name = frappe.db.get_value("Regional Government", code, "region_name")
	return f"{name} ({code})" if name else code


def body_label(key: SupervisorKey) -> str:
	if key.body_type == SEKRETARIAT_BERSAMA:
		return _("the Sekretariat Bersama")
	return _("the TKKSD of the province {0}").format(region_label(key.province))
