# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

"""The termination of a cooperation (Pasal 6 d.4 / 10 d.4, items a to f).

A party's officer drafts it while the cooperation is at Pengakhiran: the
goods (a), the debts (b); every save divides the net value among the
parties (c, ``ksad_app.domain.division``). It is submitted once every debt is
settled and every good allocated. Afterwards each party's officer records,
on that party's row only, the deposit into its kas daerah (d), the goods
recorded as its regional assets and the report to its DPRD (e). The print
format *Laporan Pengakhiran Kerja Sama* is the report (f). The supervisory
body then closes the cooperation (Setujui to Selesai), which the workflow
allows only when every party has done d and e.
"""

from decimal import Decimal

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import formatdate, getdate

from ksad_app.controllers.changes import comparable
from ksad_app.controllers.termination import FOLLOW_UP_FIELDS, outstanding_for
from ksad_app.domain import division as rules
from ksad_app.domain import stages
from ksad_app.exceptions import DivisionError, NotYourCooperationError, NotYourRegionError, TerminationError
from ksad_app.notifications.termination import termination_submitted
from ksad_app.overrides.link_titles import send_link_titles
from ksad_app.permissions import capacities, user_regions

COOPERATION = "Inter-Regional Cooperation"


class CooperationTermination(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from ksad_app.ksad.doctype.termination_allocation.termination_allocation import (
			TerminationAllocation,
		)
		from ksad_app.ksad.doctype.termination_asset.termination_asset import TerminationAsset
		from ksad_app.ksad.doctype.termination_liability.termination_liability import TerminationLiability

		allocations: DF.Table[TerminationAllocation]
		amended_from: DF.Link | None
		assets: DF.Table[TerminationAsset]
		cooperation: DF.Link
		cooperation_title: DF.Data | None
		currency: DF.Link | None
		liabilities: DF.Table[TerminationLiability]
		net_value: DF.Currency
		override_shares: DF.Check
		reason: DF.Literal["", "Jangka waktu berakhir", "Kesepakatan para pihak", "Lainnya"]
		reason_details: DF.SmallText | None
		report_notes: DF.TextEditor | None
		share_override_reason: DF.SmallText | None
		termination_date: DF.Date
		total_assets: DF.Currency
		total_liabilities: DF.Currency
	# end: auto-generated types

	def validate(self) -> None:
		self.validate_cooperation_stage()
		self.validate_officer()
		self.validate_single_termination()
		self.validate_reason()
		self.compute_division()
		self.validate_follow_ups()

	def onload(self) -> None:
		send_link_titles(self)
		if self.docstatus == 1:
			self.set_onload("outstanding", outstanding_for(self.cooperation)[1])
		from ksad_app.integrations import erpnext  # only the ERPNext path needs it

		if erpnext.is_installed():
			self.set_onload("erpnext", erpnext.form_state(self))

	def before_submit(self) -> None:
		self.validate_ready_to_submit()

	def on_submit(self) -> None:
		termination_submitted(self)

	def before_cancel(self) -> None:
		self.validate_cooperation_stage()
		self.validate_officer()

	def before_update_after_submit(self) -> None:
		self.validate_cooperation_stage()
		self.validate_parties_unchanged()
		self.validate_follow_up_rows()
		self.validate_follow_ups()

	# --- gathering -------------------------------------------------------

	def cooperation_row(self) -> frappe._dict:
		if not self.flags.cooperation_row or self.flags.cooperation_row.name != self.cooperation:
			self.flags.cooperation_row = frappe.db.get_value(
				COOPERATION, self.cooperation, ["name", "workflow_state", "stage", "title"], as_dict=True
			) or frappe._dict(name=self.cooperation)
		return self.flags.cooperation_row

	def parties(self) -> list[frappe._dict]:
		"""The cooperation's parties in the agreement's order, with their contributions (one query)."""
		return frappe.get_all(
			"Cooperation Party",
			filters={"parent": self.cooperation, "parenttype": COOPERATION},
			fields=["regional_government", "region_name", "contribution_percent"],
			order_by="idx asc",
		)

	def asset_lines(self) -> list[rules.AssetLine]:
		return [
			rules.AssetLine(
				asset_class=row.asset_class,
				assessed_value=self.rupiah(row.assessed_value, _("Assessed Value"), row.idx, _("Goods")),
				allocated_to=row.allocated_to or None,
				description=row.description or "",
			)
			for row in self.assets
		]

	def liability_lines(self) -> list[rules.LiabilityLine]:
		return [
			rules.LiabilityLine(
				amount=self.rupiah(row.amount, _("Amount"), row.idx, _("Debts")),
				settled=bool(row.settled),
				settlement_date=row.settlement_date,
				creditor=row.creditor or "",
			)
			for row in self.liabilities
		]

	def rupiah(self, value, label: str, row: int, table: str) -> int:
		try:
			amount = rules.whole_rupiah(label, value)
			rules.not_negative(label, amount)
		except rules.NotWholeRupiah as e:
			frappe.throw(
				_("{0} in row {1} of {2} is {3}: enter whole rupiah, without cents.").format(
					frappe.bold(label), row, table, e.value
				),
				title=_("Whole Rupiah Only"),
				exc=DivisionError,
			)
		except rules.NegativeValue:
			frappe.throw(
				_("{0} in row {1} of {2} cannot be negative.").format(frappe.bold(label), row, table),
				title=_("Invalid Value"),
				exc=DivisionError,
			)
		return amount

	# --- checks ----------------------------------------------------------

	def validate_cooperation_stage(self) -> None:
		"""Only a cooperation at Pengakhiran is terminated; a pending close or a closed one is locked."""
		row = self.cooperation_row()
		state = row.get("workflow_state") or row.get("stage")
		try:
			rules.check_termination_state(state)
		except rules.NotAtPengakhiran:
			frappe.throw(
				_(
					"The cooperation {0} is at {1}. A termination is drafted, submitted or completed only while the cooperation is at Pengakhiran: ask for Pengakhiran first, or have the supervisory body return a pending request."
				).format(frappe.bold(self.cooperation), frappe.bold(_(state) if state else "")),
				title=_("Not at Pengakhiran"),
				exc=TerminationError,
			)

	def validate_officer(self) -> None:
		"""Drafted, submitted and cancelled by an officer of one of the parties."""
		if frappe.session.user == "Administrator":
			return
		if stages.PARTY not in capacities(self.cooperation):
			frappe.throw(
				_(
					"Only a regional officer of one of the parties prepares the termination of {0}. The supervisory body reviews it and closes the cooperation."
				).format(frappe.bold(self.cooperation)),
				title=_("Not Allowed"),
				exc=NotYourCooperationError,
			)

	def validate_single_termination(self) -> None:
		"""One termination per cooperation, also when two officers save or submit at the same moment.

		The cooperation's row is locked first, so a second save waits until the
		first one is committed; the check is then a locking read, which sees
		what the first committed (a plain read would see the snapshot its
		transaction started with, and let a second termination in).
		"""
		frappe.db.get_value(COOPERATION, self.cooperation, "name", for_update=True)
		other = frappe.db.get_value(
			self.doctype,
			{"cooperation": self.cooperation, "docstatus": ("<", 2), "name": ("!=", self.name or "")},
			"name",
			for_update=True,
		)
		if other:
			frappe.throw(
				_(
					"The cooperation {0} already has the termination {1}. Open it, or cancel it first and amend it."
				).format(frappe.bold(self.cooperation), frappe.bold(other)),
				title=_("Termination Exists"),
				exc=TerminationError,
			)

	def validate_reason(self) -> None:
		if self.reason == "Lainnya" and not (self.reason_details or "").strip():
			frappe.throw(
				_("Describe the reason for the termination in Reason Details."),
				title=_("Reason Required"),
				exc=TerminationError,
			)

	def compute_division(self) -> None:
		"""Item c, on every save and on submit: totals, shares, entitlements, goods in kind, cash balances."""
		parties = self.parties()
		codes = [p.regional_government for p in parties]
		assets, liabilities = self.asset_lines(), self.liability_lines()
		self.check_inventory(codes, assets, liabilities)
		weights = self.share_weights(parties)
		result = rules.divide(codes, weights, assets, liabilities)
		self.total_assets = result.total_assets
		self.total_liabilities = result.total_liabilities
		self.net_value = result.net_value
		kept = {row.regional_government: row for row in self.allocations}
		names = {p.regional_government: p.region_name for p in parties}
		rows = []
		for a in result.allocations:
			follow_up = kept.get(a.party)
			rows.append(
				{
					"regional_government": a.party,
					"region_name": names.get(a.party),
					"share_percent": a.share_percent,
					"entitlement": a.entitlement,
					"in_kind_value": a.in_kind_value,
					"cash_balance": a.cash_balance,
					**{f: follow_up.get(f) for f in FOLLOW_UP_FIELDS if follow_up},
				}
			)
		self.set("allocations", rows)

	def check_inventory(self, codes, assets, liabilities) -> None:
		try:
			rules.check_inventory(codes, assets)
			rules.check_liabilities(liabilities)
		except rules.MoneyAllocated as e:
			frappe.throw(
				_(
					"Row {0} of Goods is money (Uang): money is not allocated in kind, it pays the parties' cash balances. Leave Allocated To empty."
				).format(e.row),
				title=_("Money Is Not Allocated"),
				exc=DivisionError,
			)
		except rules.NotAParty as e:
			frappe.throw(
				_(
					"Row {0} of Goods is allocated to {1}, which is not a party to this cooperation. Choose one of the parties."
				).format(e.row, frappe.bold(e.region)),
				title=_("Not a Party"),
				exc=DivisionError,
			)
		except rules.SettlementIncomplete as e:
			frappe.throw(
				_("Row {0} of Debts is marked settled: enter its Settlement Date.").format(e.row),
				title=_("Settlement Date Missing"),
				exc=DivisionError,
			)

	def share_weights(self, parties: list[frappe._dict]) -> tuple[Decimal, ...]:
		"""The agreement's contributions (equal when none), or the shares the parties agreed, checked."""
		codes = [p.regional_government for p in parties]
		if not self.override_shares:
			return rules.weights(codes, [decimal_or_none(p.contribution_percent) for p in parties])
		agreed = {row.regional_government: decimal_or_none(row.share_percent) for row in self.allocations}
		percents = [agreed.get(code) for code in codes]
		try:
			if not (self.share_override_reason or "").strip():
				raise rules.OverrideReasonRequired()
			rules.check_shares(codes, percents)
		except rules.OverrideReasonRequired:
			frappe.throw(
				_(
					"Shares agreed for the termination replace the contributions of the agreement: record their basis (the parties' agreement, its number and date)."
				),
				title=_("Basis Required"),
				exc=DivisionError,
			)
		except rules.ShareOutOfRange as e:
			frappe.throw(
				_("The share of {0} is {1}%: enter a share between 0 and 100.").format(
					frappe.bold(e.party), e.value.normalize()
				),
				title=_("Invalid Share"),
				exc=DivisionError,
			)
		except rules.SharesDoNotAddUp as e:
			frappe.throw(
				_(
					"The agreed shares add up to {0}%, not 100%. Correct the shares in the Parties table, or untick Shares Agreed for the Termination."
				).format(e.total.normalize()),
				title=_("Shares Do Not Add Up"),
				exc=DivisionError,
			)
		return tuple(p or Decimal(0) for p in percents)

	def validate_ready_to_submit(self) -> None:
		try:
			rules.check_ready_to_submit(self.asset_lines(), self.liability_lines())
		except rules.DebtNotSettled as e:
			frappe.throw(
				_(
					"The debt to {0} (row {1} of Debts) is not settled. Settle every debt and record its settlement before submitting (Pasal 6 d.4 b / 10 d.4 b)."
				).format(frappe.bold(e.creditor), e.row),
				title=_("Debt Not Settled"),
				exc=DivisionError,
			)
		except rules.GoodNotAllocated as e:
			frappe.throw(
				_(
					"{0} (row {1} of Goods) is not allocated to a party. Allocate every good before submitting (Pasal 6 d.4 c / 10 d.4 c)."
				).format(frappe.bold(e.description), e.row),
				title=_("Good Not Allocated"),
				exc=DivisionError,
			)

	def validate_follow_ups(self) -> None:
		"""A deposit has its reference and date; a DPRD report its number and date; recorded goods a reference."""
		for row in self.allocations:
			party = frappe.bold(row.region_name or row.regional_government)
			if bool(row.deposit_reference) != bool(row.deposit_date):
				frappe.throw(
					_("Record both the reference and the date of the kas daerah deposit of {0}.").format(
						party
					),
					title=_("Deposit Incomplete"),
					exc=TerminationError,
				)
			if bool(row.dprd_report_number) != bool(row.dprd_report_date):
				frappe.throw(
					_("Record both the number and the date of the DPRD report of {0}.").format(party),
					title=_("DPRD Report Incomplete"),
					exc=TerminationError,
				)
			if row.assets_recorded and not (row.asset_record_reference or "").strip():
				frappe.throw(
					_(
						"Say where the goods of {0} are recorded as regional assets (Asset Record Reference)."
					).format(party),
					title=_("Asset Record Incomplete"),
					exc=TerminationError,
				)
			for field in ("deposit_date", "dprd_report_date"):
				if (
					row.get(field)
					and self.termination_date
					and getdate(row.get(field)) < getdate(self.termination_date)
				):
					frappe.throw(
						_("The {0} of {1}, {2}, is before the termination date {3}.").format(
							_(row.meta.get_label(field)).lower(),
							party,
							formatdate(row.get(field)),
							formatdate(self.termination_date),
						),
						title=_("Invalid Date"),
						exc=TerminationError,
					)

	def validate_parties_unchanged(self) -> None:
		before = self.get_doc_before_save()
		if [r.regional_government for r in self.allocations] != [
			r.regional_government for r in before.allocations
		]:
			frappe.throw(
				_("The parties of a submitted termination cannot change. Cancel and amend it instead."),
				title=_("Not Allowed"),
				exc=TerminationError,
			)

	def validate_follow_up_rows(self) -> None:
		"""After submission, each party's row is filled by an officer of that party only."""
		before = {r.regional_government: r for r in self.get_doc_before_save().allocations}
		if frappe.session.user == "Administrator":
			return
		mine = user_regions(frappe.session.user)
		meta = frappe.get_meta("Termination Allocation")
		for row in self.allocations:
			old = before.get(row.regional_government)
			changed = [
				f
				for f in FOLLOW_UP_FIELDS
				if comparable(meta.get_field(f), row.get(f)) != comparable(meta.get_field(f), old.get(f))
			]
			if changed and row.regional_government not in mine:
				frappe.throw(
					_(
						"Only an officer of {0} records its deposit, its regional assets and its DPRD report. Ask that region's officer."
					).format(frappe.bold(row.region_name or row.regional_government)),
					title=_("Not Your Region"),
					exc=NotYourRegionError,
				)


def decimal_or_none(value) -> Decimal | None:
	if value in (None, ""):
		return None
	amount = Decimal(str(value))
	return amount or None
