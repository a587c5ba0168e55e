# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import formatdate, getdate, today

from ksad_app.controllers.guidance import record_guidance, remove_guidance
from ksad_app.domain import guidance as rules
from ksad_app.exceptions import ActivityError, GuidanceItemError, NotYourCooperationError
from ksad_app.permissions import member_bodies, stored_links


class SupervisionActivity(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from ksad_app.ksad.doctype.supervision_activity_item.supervision_activity_item import (
			SupervisionActivityItem,
		)

		activity_date: DF.Date
		activity_type: DF.Literal["", "Pembinaan", "Pengawasan"]
		amended_from: DF.Link | None
		body_type: DF.Data | None
		cooperation: DF.Link
		cooperation_title: DF.Data | None
		description: DF.SmallText
		findings: DF.SmallText | None
		follow_up_due_date: DF.Date | None
		follow_up_notes: DF.SmallText | None
		follow_up_reminded_on: DF.Date | None
		follow_up_status: DF.Literal["", "Menunggu Tindak Lanjut", "Sudah Ditindaklanjuti"]
		guidance_items: DF.Table[SupervisionActivityItem]
		recommendations: DF.SmallText | None
		stage: DF.Literal["", "Penjajakan", "Negosiasi", "Penandatanganan", "Pelaksanaan", "Pengakhiran"]
		supervisory_body: DF.Link
	# end: auto-generated types

	def validate(self) -> None:
		self.set_stage_default()
		self.validate_body()
		self.validate_stage()
		self.validate_dates()
		self.validate_items()
		self.validate_content()
		self.set_follow_up_status()

	def on_submit(self) -> None:
		record_guidance(self)

	def on_cancel(self) -> None:
		remove_guidance(self)

	def before_update_after_submit(self) -> None:
		self.validate_member()

	# --- checks ----------------------------------------------------------

	def cooperation_stage(self) -> str:
		return frappe.db.get_value("Inter-Regional Cooperation", self.cooperation, "stage")

	def set_stage_default(self) -> None:
		if not self.stage and self.cooperation:
			stage = self.cooperation_stage()
			if stage in rules.ACTIVITY_STAGES:
				self.stage = stage

	def validate_body(self) -> None:
		"""The body must supervise this cooperation (Pasal 2, 3) and the user must be one of its members."""
		_regions, bodies = stored_links(self.cooperation)
		if self.supervisory_body not in bodies:
			frappe.throw(
				_(
					"{0} does not supervise this cooperation. Choose one of its supervisory bodies: {1}."
				).format(frappe.bold(self.supervisory_body), ", ".join(sorted(bodies)) or _("none")),
				title=_("Wrong Supervisory Body"),
				exc=ActivityError,
			)
		self.validate_member()

	def validate_member(self) -> None:
		if self.supervisory_body not in member_bodies(frappe.session.user):
			frappe.throw(
				_(
					"Only members of {0} record its activities. Ask the KSAD Manager to add you to its members if you belong to it."
				).format(frappe.bold(self.supervisory_body)),
				title=_("Not a Member"),
				exc=NotYourCooperationError,
			)

	def validate_stage(self) -> None:
		try:
			rules.check_stage(self.stage, self.cooperation_stage())
		except rules.CooperationCancelled:
			frappe.throw(
				_("This cooperation was cancelled; no further activities are recorded for it."),
				title=_("Cooperation Cancelled"),
				exc=ActivityError,
			)
		except rules.NotAnActivityStage as e:
			frappe.throw(
				_("Choose the stage of Pasal 4 at which the activity took place, not {0}.").format(
					_(e.stage)
				),
				title=_("Invalid Stage"),
				exc=ActivityError,
			)
		except rules.StageNotReached as e:
			frappe.throw(
				_(
					"The cooperation is at {0}; an activity cannot belong to the later stage {1}. Choose {0} or an earlier stage."
				).format(frappe.bold(_(e.current)), frappe.bold(_(e.stage))),
				title=_("Stage Not Reached"),
				exc=ActivityError,
			)

	def validate_dates(self) -> None:
		try:
			rules.check_dates(
				getdate(self.activity_date),
				getdate(today()),
				getdate(self.follow_up_due_date) if self.follow_up_due_date else None,
			)
		except rules.FutureActivity as e:
			frappe.throw(
				_(
					"The activity date {0} is in the future. Record an activity once it has taken place."
				).format(formatdate(e.activity_date)),
				title=_("Invalid Date"),
				exc=ActivityError,
			)
		except rules.FollowUpBeforeActivity as e:
			frappe.throw(
				_("The follow-up due date {0} is before the activity date {1}. Choose a later date.").format(
					formatdate(e.due), formatdate(e.activity_date)
				),
				title=_("Invalid Date"),
				exc=ActivityError,
			)

	def supervising_body_type(self) -> str | None:
		return frappe.db.get_value("Supervisory Body", self.supervisory_body, "body_type")

	def validate_items(self) -> None:
		codes = [row.guidance_item for row in self.guidance_items if row.guidance_item]
		try:
			rules.check_items(codes, self.supervising_body_type(), self.stage)
		except rules.DuplicateItem as e:
			frappe.throw(
				_("Guidance item {0} is listed more than once. Keep one row per item.").format(
					frappe.bold(e.code)
				),
				title=_("Duplicate Guidance Item"),
				exc=GuidanceItemError,
			)
		except rules.ItemNotForBody as e:
			frappe.throw(
				_(
					"Guidance item {0} belongs to the other body's article: the Sekretariat Bersama works under Pasal 6, the TKKSD under Pasal 10. Choose an item of Pasal {1}."
				).format(frappe.bold(e.code), rules.ARTICLE_OF_BODY.get(e.body_type, "6 / 10")),
				title=_("Wrong Guidance Item"),
				exc=GuidanceItemError,
			)
		except rules.ItemNotForStage as e:
			frappe.throw(
				_("Guidance item {0} belongs to another stage than {1}. Choose an item of stage {1}.").format(
					frappe.bold(e.code), frappe.bold(_(e.stage))
				),
				title=_("Wrong Guidance Item"),
				exc=GuidanceItemError,
			)
		except rules.BadCode as e:
			frappe.throw(
				_("{0} is not a guidance item of Pasal 6 or Pasal 10.").format(frappe.bold(e.code)),
				title=_("Wrong Guidance Item"),
				exc=GuidanceItemError,
			)

	def validate_content(self) -> None:
		codes = [row.guidance_item for row in self.guidance_items if row.guidance_item]
		try:
			rules.check_content(self.activity_type, codes, self.findings)
		except rules.GuidanceItemRequired:
			frappe.throw(
				_(
					"A pembinaan activity names the guidance it gave. Add at least one item of Pasal 6 or Pasal 10 to the Guidance Items table."
				),
				title=_("Guidance Item Required"),
				exc=ActivityError,
			)
		except rules.FindingsRequired:
			frappe.throw(
				_("A pengawasan activity records what it found. Fill in the Findings."),
				title=_("Findings Required"),
				exc=ActivityError,
			)

	def set_follow_up_status(self) -> None:
		self.follow_up_status = rules.follow_up_status(self.follow_up_due_date, self.follow_up_status)


def on_doctype_update():
	"""Covering indexes for the monthly recap and the activities chart (issue 8), run when the DocType syncs.

	Submitted activities of a period, with the columns the recap groups by and
	the cooperation the scope checks, are read from the index alone (the
	guidance items' index is the child table's own, in supervision_activity_item.py:
	on a new site the child table does not exist yet when this one syncs).
	"""
	frappe.db.add_index(
		"Supervision Activity",
		["docstatus", "activity_date", "supervisory_body", "activity_type", "cooperation"],
		"recap_index",
	)
