# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cstr, formatdate, getdate, today

from ksad_app.controllers.labels import region_label
from ksad_app.domain import issues as rules
from ksad_app.domain.guidance import ARTICLE_OF_BODY
from ksad_app.exceptions import IssueError, NotYourCooperationError, NotYourRegionError
from ksad_app.notifications.issues import issue_answered, issue_raised
from ksad_app.overrides.link_titles import send_link_titles
from ksad_app.permissions import capacities, cooperation_scope, member_bodies, stored_links, user_regions
from ksad_app.roles import REGIONAL_OFFICER

COOPERATION = "Inter-Regional Cooperation"
ISSUE = "Cooperation Issue"
WATCHED_FIELDS = (*rules.PARTY_FIELDS, *rules.BODY_FIELDS)
ANSWER_FIELDS = ("consideration", "input_for_settlement", "decision", "decision_date")


class CooperationIssue(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		addressed_to: DF.Data | None
		consideration: DF.SmallText | None
		cooperation: DF.Link
		cooperation_title: DF.Data | None
		decision: DF.SmallText | None
		decision_date: DF.Date | None
		description: DF.Text
		input_for_settlement: DF.SmallText | None
		issue_type: DF.Literal["", "Permasalahan", "Perselisihan"]
		raised_by: DF.Link
		raised_by_name: DF.Data | None
		raised_on: DF.Date
		status: DF.Literal["Terbuka", "Dalam Pertimbangan", "Selesai"]
		supervisory_body: DF.Link | None
	# end: auto-generated types

	def validate(self) -> None:
		if not (self.cooperation and self.raised_by and self.raised_on):
			return  # Frappe names the missing mandatory fields after validate
		self.validate_stage()
		self.validate_change()
		self.validate_raised_by()
		self.set_supervisory_body()
		self.validate_body()
		self.validate_decision()
		self.validate_dates()
		self.set_status()
		self.set_addressed_to()
		self.flag_answer()

	def after_insert(self) -> None:
		issue_raised(self)

	def on_update(self) -> None:
		answered = self.flags.pop("answered", None)
		if answered is not None:
			issue_answered(self, decided=answered)

	def onload(self) -> None:
		send_link_titles(self)
		if self.is_new() or not self.cooperation:
			return
		self.set_onload("capacities", sorted(capacities(self.cooperation)))
		self.set_onload("member", self.supervisory_body in member_bodies(frappe.session.user))
		body_type = (
			frappe.db.get_value("Supervisory Body", self.supervisory_body, "body_type")
			if self.supervisory_body
			else None
		)
		self.set_onload("guidance_codes", list(rules.guidance_codes(self.issue_type, body_type)))

	# --- gathering -------------------------------------------------------

	def supervisors(self) -> list[frappe._dict]:
		"""The cooperation's bodies in its order, with type, province and province name (one query per save)."""
		cached = self.flags.supervisors
		if not cached or cached[0] != self.cooperation:
			cached = self.flags.supervisors = (self.cooperation, ordered_supervisors(self.cooperation))
		return cached[1]

	def unrestricted(self) -> bool:
		return cooperation_scope().unrestricted

	def changed_fields(self) -> set[str]:
		"""The party's and the body's fields that differ from the stored issue (none for a new one)."""
		before = self.get_doc_before_save()
		if before is None:
			return set()
		return {
			f
			for f in WATCHED_FIELDS
			if comparable(self.meta.get_field(f).fieldtype, self.get(f))
			!= comparable(self.meta.get_field(f).fieldtype, before.get(f))
		}

	# --- checks ----------------------------------------------------------

	def validate_stage(self) -> None:
		"""Raised at the tahap pelaksanaan dan pengakhiran only (Pasal 6 d, 10 d)."""
		if not self.is_new():
			return
		stage = frappe.db.get_value(COOPERATION, self.cooperation, "stage")
		try:
			rules.check_stage(stage)
		except rules.IssueStageNotAllowed as e:
			frappe.throw(
				_(
					"The cooperation is at {0}. Problems and disputes are raised while it is at Pelaksanaan or Pengakhiran (Pasal 6 d, Pasal 10 d); before that, ask the supervisory body for guidance through the stage's activities."
				).format(frappe.bold(_(e.stage) if e.stage else _("no stage"))),
				title=_("Not at Pelaksanaan or Pengakhiran"),
				exc=IssueError,
			)

	def validate_change(self) -> None:
		"""Who changes what on a saved issue: the party its own fields while open, the body its answer."""
		before = self.get_doc_before_save()
		if before is None:
			return
		changed = self.changed_fields()
		if not changed:
			return
		labels = ", ".join(_(self.meta.get_label(f)) for f in WATCHED_FIELDS if f in changed)
		actor = capacities(self.cooperation)
		unrestricted = self.unrestricted()
		try:
			rules.check_change(before.status or rules.TERBUKA, changed, actor, unrestricted)
			if changed & set(rules.BODY_FIELDS) and not unrestricted:
				rules.check_member(self.supervisory_body, member_bodies(frappe.session.user))
		except rules.IssueClosed:
			frappe.throw(
				_(
					"This issue is Selesai: its decision is recorded, so nothing changes any more ({0}). Raise a new problem or dispute if needed."
				).format(labels),
				title=_("Issue Closed"),
				exc=IssueError,
			)
		except rules.PartyFieldsNotTheirs as e:
			frappe.throw(
				_(
					"As a member of the supervisory body you answer the issue; you cannot change what the party raised ({0}). Ask a regional officer of the party that raised it."
				).format(", ".join(_(self.meta.get_label(f)) for f in e.fields)),
				title=_("Not Allowed"),
				exc=NotYourCooperationError,
			)
		except rules.PartyFieldsLocked as e:
			frappe.throw(
				_(
					"The supervisory body has started to answer this issue (status {0}), so what was raised stays as it is ({1}). Add what is new as a new problem or dispute."
				).format(frappe.bold(_(e.status)), ", ".join(_(self.meta.get_label(f)) for f in e.fields)),
				title=_("Issue Under Consideration"),
				exc=IssueError,
			)
		except rules.BodyFieldsNotTheirs as e:
			frappe.throw(
				_(
					"Only a member of the supervisory body answers the issue ({0}). Ask a member of {1}."
				).format(
					", ".join(_(self.meta.get_label(f)) for f in e.fields),
					frappe.bold(self.supervisory_body or _("its supervisory body")),
				),
				title=_("Not Allowed"),
				exc=NotYourCooperationError,
			)
		except rules.BodyFixed as e:
			frappe.throw(
				_(
					"{0} has already answered this issue (status {1}); the supervisory body can no longer change."
				).format(frappe.bold(before.supervisory_body), frappe.bold(_(e.status))),
				title=_("Supervisory Body Fixed"),
				exc=IssueError,
			)
		except rules.NotAMemberOfBody as e:
			frappe.throw(
				_(
					"Only members of {0} answer for it. Ask the KSAD Manager to add you to its members if you belong to it."
				).format(frappe.bold(e.body or _("the supervisory body"))),
				title=_("Not a Member"),
				exc=NotYourCooperationError,
			)

	def validate_raised_by(self) -> None:
		"""The raising region is a party; an officer raises and edits only for their own region."""
		parties, _bodies = stored_links(self.cooperation)
		try:
			rules.check_raised_by(self.raised_by, parties)
		except rules.RaisedByNotAParty as e:
			frappe.throw(
				_(
					"{0} is not a party to this cooperation. Choose the party region raising the issue: {1}."
				).format(
					frappe.bold(region_label(e.region)),
					", ".join(region_label(p) for p in e.parties) or _("none"),
				),
				title=_("Not a Party"),
				exc=IssueError,
			)
		if not self.acts_as_officer():
			return
		before = self.get_doc_before_save()
		regions = [self.raised_by, before.raised_by] if before else [self.raised_by]
		try:
			rules.check_own_region(regions, user_regions(frappe.session.user))
		except rules.NotOwnRegion as e:
			frappe.throw(
				_(
					"You may only raise or edit problems and disputes in the name of your own region, not of {0}. Choose your region ({1}), or ask an officer of {0}."
				).format(
					frappe.bold(region_label(e.region)),
					", ".join(region_label(r) for r in e.own) or _("none"),
				),
				title=_("Not Your Region"),
				exc=NotYourRegionError,
			)

	def acts_as_officer(self) -> bool:
		"""A regional officer raising the issue or changing what their party raised (not an unrestricted role)."""
		if REGIONAL_OFFICER not in frappe.get_roles() or self.unrestricted():
			return False
		return self.is_new() or bool(self.changed_fields() & set(rules.PARTY_FIELDS))

	def set_supervisory_body(self) -> None:
		"""By default the raising region's TKKSD when it supervises the cooperation, otherwise its first body."""
		if self.supervisory_body:
			return
		province = frappe.db.get_value(
			"Regional Government", self.raised_by, "parent_regional_government"
		) or cstr(self.raised_by)
		self.supervisory_body = rules.default_body(
			[(s.name, s.province) for s in self.supervisors()], province
		)

	def validate_body(self) -> None:
		try:
			rules.check_body(self.supervisory_body, [s.name for s in self.supervisors()])
		except rules.BodyNotASupervisor as e:
			frappe.throw(
				_(
					"{0} does not supervise this cooperation. Choose one of its supervisory bodies: {1}."
				).format(frappe.bold(e.body), ", ".join(e.supervisors) or _("none")),
				title=_("Wrong Supervisory Body"),
				exc=IssueError,
			)

	def answer(self) -> tuple:
		return (
			self.consideration,
			self.input_for_settlement,
			self.decision,
			getdate(self.decision_date) if self.decision_date else None,
		)

	def validate_decision(self) -> None:
		try:
			rules.check_decision(self.decision, getdate(self.decision_date) if self.decision_date else None)
		except rules.DecisionDateMissing:
			frappe.throw(
				_("Enter the date of the decision: a decision is recorded together with its date."),
				title=_("Decision Date Missing"),
				exc=IssueError,
			)
		except rules.DecisionMissing:
			frappe.throw(
				_("A decision date was entered without the decision. Enter the decision, or clear the date."),
				title=_("Decision Missing"),
				exc=IssueError,
			)

	def validate_dates(self) -> None:
		try:
			rules.check_dates(
				getdate(self.raised_on),
				getdate(today()),
				getdate(self.decision_date) if self.decision_date else None,
			)
		except rules.RaisedInFuture as e:
			frappe.throw(
				_(
					"The issue cannot be raised on {0}, a date in the future. Enter today or an earlier date."
				).format(formatdate(e.raised_on)),
				title=_("Invalid Date"),
				exc=IssueError,
			)
		except rules.DecisionBeforeRaised as e:
			frappe.throw(
				_(
					"The decision date {0} is before the issue was raised on {1}. Enter the date the decision was taken."
				).format(formatdate(e.decision_date), formatdate(e.raised_on)),
				title=_("Invalid Date"),
				exc=IssueError,
			)
		except rules.DecisionInFuture as e:
			frappe.throw(
				_("The decision date {0} is in the future. Record the decision once it is taken.").format(
					formatdate(e.decision_date)
				),
				title=_("Invalid Date"),
				exc=IssueError,
			)

	# --- derived values --------------------------------------------------

	def flag_answer(self) -> None:
		"""After a change of the body's answer, ``on_update`` tells the parties (decided or not)."""
		self.flags.answered = (
			self.status == rules.SELESAI if self.changed_fields() & set(ANSWER_FIELDS) else None
		)

	def set_status(self) -> None:
		self.status = rules.status(*self.answer())

	def set_addressed_to(self) -> None:
		body = next((s for s in self.supervisors() if s.name == self.supervisory_body), None)
		self.addressed_to = rules.addressed_to(body.body_type, body.province_name) if body else None


def ordered_supervisors(cooperation: str) -> list[frappe._dict]:
	"""The cooperation's supervisory bodies in its order: name, body_type, province, province_name."""
	sup = frappe.qb.DocType("Cooperation Supervisor")
	body = frappe.qb.DocType("Supervisory Body")
	region = frappe.qb.DocType("Regional Government")
	return (
		frappe.qb.from_(sup)
		.join(body)
		.on(body.name == sup.supervisory_body)
		.left_join(region)
		.on(region.name == body.province)
		.select(
			body.name,
			body.body_type,
			body.province,
			region.region_name.as_("province_name"),
		)
		.where((sup.parent == cooperation) & (sup.parenttype == COOPERATION))
		.orderby(sup.idx)
	).run(as_dict=True)


def comparable(fieldtype: str, value):
	"""A field's value as it compares, however it arrived (form, API, database)."""
	if value in (None, ""):
		return None
	if fieldtype == "Date":
		return getdate(value)
	return cstr(value).strip() or None


@frappe.whitelist()
def issue_form_data(cooperation: str) -> dict:
	"""For the issue's form: the parties the user may raise for, the bodies, and to whom each body's input goes."""
	doc = frappe.get_doc(COOPERATION, cooperation)
	doc.check_permission("read")
	user = frappe.session.user
	parties = [p.regional_government for p in doc.parties if p.regional_government]
	restricted_officer = (
		REGIONAL_OFFICER in frappe.get_roles(user) and not cooperation_scope(user).unrestricted
	)
	own = user_regions(user) if restricted_officer else set(parties)
	bodies = ordered_supervisors(cooperation)
	return {
		"stage": doc.stage,
		"can_raise": doc.stage in rules.ISSUE_STAGES,
		"parties": [p for p in parties if p in own],
		"supervisors": [b.name for b in bodies],
		"member_of": sorted({b.name for b in bodies} & member_bodies(user)),
		"bodies": {
			b.name: {
				"addressed_to": rules.addressed_to(b.body_type, b.province_name),
				"article": ARTICLE_OF_BODY.get(b.body_type),
			}
			for b in bodies
		},
	}
