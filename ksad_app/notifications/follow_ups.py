"""Every day: a follow-up past its due date reminds the members of the body that recorded the activity and the
parties' contacts, once a day (Pasal 6/10, the recommendations of an activity)."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from ksad_app.domain.guidance import FOLLOW_UP_DONE, is_overdue
from ksad_app.notifications.channels import contacts_by_cooperation, members_by_body, notify

ACTIVITY = "Supervision Activity"


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
