"""How the app tells people: a system notification and an e-mail, and who the recipients are.

Each notice is a system notification (Notification Log) and an e-mail (Email
Queue). The request writes it to the outbox (:mod:`ksad_app.notifications.outbox`)
in the same transaction as the change it reports, so a refused change
notifies nobody; a background job sends it after the commit. Decision: on a
site without an outgoing Email Account the e-mail is skipped and the system
notification alone is sent; a missing mail server never blocks a stage move. Who hears about what
is REQUIREMENTS.md's "What people expect beyond the letter": the stage moves
in ``ksad_app.workflow.notifications``, the rest in this package.
"""

import frappe

from ksad_app.notifications.outbox import queue_notice

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
	"""A system notification and an e-mail to each user (not to the one who acted), through the outbox.

	Returns who will be told; the notice goes out after the commit (:mod:`ksad_app.notifications.outbox`).
	"""
	users = sorted(set(users) - {frappe.session.user, "Administrator", "Guest"})
	if users:
		queue_notice(users, subject, message, doc.doctype, doc.name)
	return users
