"""Who hears about a problem or dispute (Pasal 6 d.2, d.3, d.5 / 10 d.2, d.3, d.5).

* raised: the members of the cooperation's supervisory bodies, who answer it;
* the body records or changes its consideration, its input or the decision:
  the parties' contacts and the officer who raised it.

Same channels and rules as :func:`ksad_app.notifications.channels.notify` (a system
notification, and an e-mail when the site has an outgoing account; never the
user who acted; written in the same transaction as the change).
"""

import frappe
from frappe import _
from frappe.utils import escape_html

from ksad_app.notifications.channels import body_members, notify, party_contacts
from ksad_app.permissions import stored_links


def issue_raised(doc) -> None:
	actor = frappe.utils.get_fullname(frappe.session.user)
	_regions, bodies = stored_links(doc.cooperation)
	subject = _("{0} raised a {1} in {2}").format(
		actor, _(doc.issue_type), frappe.bold(doc.cooperation_title or doc.cooperation)
	)
	message = _("{0} raised by {1}: {2}. Give the supervisory body's consideration or input.").format(
		_(doc.issue_type), doc.raised_by_name or doc.raised_by, escape_html(doc.description or "")
	)
	notify(body_members(sorted(bodies)), subject, message, doc)


def issue_answered(doc, decided: bool) -> None:
	actor = frappe.utils.get_fullname(frappe.session.user)
	title = frappe.bold(doc.cooperation_title or doc.cooperation)
	users = [*party_contacts(doc.cooperation), doc.owner]
	if decided:
		subject = _("{0} recorded the decision on the {1} in {2}").format(actor, _(doc.issue_type), title)
		message = _("Decision of {0}: {1}").format(
			frappe.utils.formatdate(doc.decision_date), escape_html(doc.decision or "")
		)
	else:
		subject = _("{0} answered the {1} in {2}").format(actor, _(doc.issue_type), title)
		parts = []
		if doc.consideration:
			parts.append(_("Consideration: {0}").format(escape_html(doc.consideration)))
		if doc.input_for_settlement:
			parts.append(
				_("Input to the {0}: {1}").format(doc.addressed_to, escape_html(doc.input_for_settlement))
			)
		message = "<br>".join(parts) or _("The supervisory body updated its answer.")
	notify(users, subject, message, doc)
