"""Who hears about a move of Pasal 4.

* a stage is requested (``Ajukan``): the members of the cooperation's
  supervisory bodies, who must approve or return it;
* a request is approved or returned, or the cooperation cancelled: the
  parties' contacts (``Contact User`` of each party row) and the officer who
  asked; a cancellation also the bodies' members.

Through :func:`ksad_app.notifications.channels.notify`, after the move is saved.
"""

import frappe
from frappe import _

from ksad_app.domain import stages
from ksad_app.notifications.channels import body_members, notify, party_contacts


def notify_stage_move(doc) -> None:
	"""``on_update``: tell who must know of the move ``apply_stage_move`` recorded in this save."""
	move = doc.flags.pop("stage_move", None)
	if move:
		stage_moved(doc, *move)


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
