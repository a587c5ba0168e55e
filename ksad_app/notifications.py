"""Who hears about what (REQUIREMENTS.md, "What people expect beyond the letter").

* a stage is requested (``Ajukan``): the members of the cooperation's
  supervisory bodies, who must approve or return it;
* a request is approved or returned, or the cooperation cancelled: the
  parties' contacts (``Contact User`` of each party row) and the officer who
  asked;
* every day: a follow-up past its due date reminds the members of the body
  that recorded the activity and the parties' contacts, once a day.

Each gets a system notification (Notification Log) and an e-mail (Email
Queue), written in the same transaction as the change they report, so a
refused change notifies nobody. Decision: on a site without an outgoing
Email Account the e-mail is skipped and the system notification alone is
sent; a missing mail server never blocks a stage move.
"""

import frappe
from frappe import _
from frappe.desk.doctype.notification_log.notification_log import make_notification_logs
from frappe.email.doctype.email_account.email_account import EmailAccount
from frappe.utils import get_url_to_form, getdate, today

from ksad_app.domain import stages
from ksad_app.domain.guidance import FOLLOW_UP_DONE, is_overdue

COOPERATION = "Inter-Regional Cooperation"
ACTIVITY = "Supervision Activity"


def members_by_body(bodies: list[str]) -> dict[str, list[str]]:
	"""Enabled users in the members tables of these supervisory bodies, per body (one query)."""
	if not bodies:
		return {}
	m = frappe.qb.DocType("Supervisory Body Member")
	u = frappe.qb.DocType("User")
	rows = (
		frappe.qb.from_(m)
		.join(u)
		.on(u.name == m.user)
		.select(m.parent, m.user)
		.distinct()
		.where((m.parenttype == "Supervisory Body") & m.parent.isin(bodies) & (u.enabled == 1))
	).run()
	out: dict[str, list[str]] = {}
	for body, user in rows:
		out.setdefault(body, []).append(user)
	return out


def body_members(bodies: list[str]) -> list[str]:
	return sorted({u for users in members_by_body(bodies).values() for u in users})


def contacts_by_cooperation(cooperations: list[str]) -> dict[str, list[str]]:
	"""The parties' contact users, per cooperation (one query)."""
	if not cooperations:
		return {}
	party = frappe.qb.DocType("Cooperation Party")
	rows = (
		frappe.qb.from_(party)
		.select(party.parent, party.contact_user)
		.distinct()
		.where(
			party.parent.isin(cooperations)
			& (party.parenttype == COOPERATION)
			& party.contact_user.isnotnull()
		)
	).run()
	out: dict[str, list[str]] = {}
	for cooperation, user in rows:
		if user:
			out.setdefault(cooperation, []).append(user)
	return out


def party_contacts(cooperation: str) -> list[str]:
	return sorted(contacts_by_cooperation([cooperation]).get(cooperation, []))


def requester(doc) -> str | None:
	"""The officer who made the latest request."""
	for row in reversed(doc.stage_log):
		if row.action == stages.AJUKAN:
			return row.user
	return None


def stage_moved(doc, action: str, old: str, new: str, reason: str | None) -> None:
	actor = frappe.utils.get_fullname(frappe.session.user)
	title = frappe.bold(doc.title)
	if action == stages.AJUKAN:
		users = body_members([s.supervisory_body for s in doc.supervisors])
		subject = _("{0} asks to move {1} to {2}").format(actor, title, stages.next_stage(doc.stage))
		message = _("Review the cooperation and approve (Setujui) or return (Kembalikan) the request.")
	else:
		users = party_contacts(doc.name) + [u for u in [requester(doc)] if u]
		if action == stages.SETUJUI:
			subject = _("{0} approved {1}: the cooperation is now at {2}").format(actor, title, new)
			message = _("The supervisory body approved the move to {0}.").format(new)
		elif action == stages.KEMBALIKAN:
			subject = _("{0} returned the request for {1}").format(actor, title)
			message = _("The request to move to {0} was returned. Reason: {1}").format(
				old.removeprefix(stages.PROPOSAL_PREFIX), reason
			)
		else:
			users += body_members([s.supervisory_body for s in doc.supervisors])
			subject = _("{0} cancelled {1}").format(actor, title)
			message = _("The cooperation was cancelled. Reason: {0}").format(reason)
	notify(users, subject, message, doc)


def notify(users: list[str], subject: str, message: str, doc) -> list[str]:
	"""A system notification and an e-mail to each user (not to the one who acted); returns who was told."""
	users = sorted(set(users) - {frappe.session.user, "Administrator", "Guest"})
	if not users:
		return users
	make_notification_logs(
		frappe._dict(
			type="Alert",
			document_type=doc.doctype,
			document_name=doc.name,
			subject=subject,
			email_content=message,
			from_user=frappe.session.user,
		),
		users,
	)
	if not EmailAccount.find_default_outgoing():
		return users
	link = get_url_to_form(doc.doctype, doc.name)
	frappe.sendmail(
		recipients=users,
		subject=frappe.utils.strip_html(subject),
		message=f"<p>{message}</p><p><a href='{link}'>{_(doc.doctype)} {doc.name}</a></p>",
		reference_doctype=doc.doctype,
		reference_name=doc.name,
	)
	return users


def remind_overdue_follow_ups() -> list[str]:
	"""Daily: remind of follow-ups past their due date, once a day each. Returns the activities reminded."""
	date = getdate(today())
	activities = frappe.get_all(
		ACTIVITY,
		filters={
			"docstatus": 1,
			"follow_up_due_date": ("<", date),
			"follow_up_status": ("!=", FOLLOW_UP_DONE),
		},
		or_filters=[["follow_up_reminded_on", "is", "not set"], ["follow_up_reminded_on", "<", date]],
		fields=[
			"name",
			"cooperation",
			"cooperation_title",
			"supervisory_body",
			"follow_up_due_date",
			"follow_up_status",
			"recommendations",
		],
	)
	activities = [
		a for a in activities if is_overdue(getdate(a.follow_up_due_date), a.follow_up_status, date)
	]
	members = members_by_body(sorted({a.supervisory_body for a in activities}))
	contacts = contacts_by_cooperation(sorted({a.cooperation for a in activities}))
	reminded = []
	for a in activities:
		users = members.get(a.supervisory_body, []) + contacts.get(a.cooperation, [])
		doc = frappe._dict(doctype=ACTIVITY, name=a.name)
		subject = _("Follow-up overdue since {0}: {1}").format(
			frappe.utils.formatdate(a.follow_up_due_date), frappe.bold(a.cooperation_title or a.cooperation)
		)
		message = _("The recommendations of {0} are due for follow-up: {1}").format(
			a.name, a.recommendations or ""
		)
		notify(users, subject, message, doc)
		reminded.append(a.name)
	if reminded:
		act = frappe.qb.DocType(ACTIVITY)
		frappe.qb.update(act).set(act.follow_up_reminded_on, date).where(act.name.isin(reminded)).run()
	return reminded


def termination_submitted(doc) -> None:
	"""A termination was submitted: the body reviews it; the other parties record their deposits and reports."""
	bodies = frappe.get_all(
		"Cooperation Supervisor",
		filters={"parent": doc.cooperation, "parenttype": COOPERATION},
		pluck="supervisory_body",
	)
	users = body_members(bodies) + party_contacts(doc.cooperation)
	subject = _("{0} submitted the termination of {1}").format(
		frappe.utils.get_fullname(frappe.session.user), frappe.bold(doc.cooperation_title or doc.cooperation)
	)
	message = _(
		"The division is recorded. Each party's officer now records its kas daerah deposit, the goods recorded as regional assets and its report to the DPRD; then the supervisory body can close the cooperation."
	)
	notify(users, subject, message, doc)
