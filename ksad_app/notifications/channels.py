"""How the app tells people: a system notification and an e-mail, and who the recipients are.

Each notice is a system notification (Notification Log) and an e-mail (Email
Queue), written in the same transaction as the change it reports, so a
refused change notifies nobody. Decision: on a site without an outgoing
Email Account the e-mail is skipped and the system notification alone is
sent; a missing mail server never blocks a stage move. Who hears about what
is REQUIREMENTS.md's "What people expect beyond the letter": the stage moves
in ``ksad_app.workflow.notifications``, the rest in this package.
"""

import frappe
from frappe import _
from frappe.desk.doctype.notification_log.notification_log import make_notification_logs
from frappe.email.doctype.email_account.email_account import EmailAccount
from frappe.utils import get_url_to_form

COOPERATION = "Inter-Regional Cooperation"


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
