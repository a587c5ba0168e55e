"""A termination was submitted (Pasal 6 d.4 / 10 d.4): the body reviews it; the other parties record their deposits,
assets and DPRD reports."""

import frappe
from frappe import _

from ksad_app.notifications.channels import COOPERATION, body_members, notify, party_contacts


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
