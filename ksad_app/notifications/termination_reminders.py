"""Daily: remind the parties and the body to prepare the termination (Pasal 6 d.4 / 10 d.4).

For every cooperation in Pelaksanaan, :func:`send_termination_reminders`
asks :func:`ksad_app.domain.reminders.due` whether a threshold of ``KSAD
Settings`` (days before the end date, default 180, 90, 30) is reached, and
tells the parties' contacts and the members of its supervisory bodies (a
system notification on the cooperation; an e-mail when an outgoing Email
Account exists, see :func:`ksad_app.notifications.channels.notify`). The reminder lists
points a) to f) of Pasal 6 d.4 (Sekretariat Bersama) or Pasal 10 d.4 (TKKSD)
in the regulation's words, read from the Guidance Item catalogue, and links
to the cooperation's form, where the termination starts.

Each reminder sent is kept as a ``Termination Reminder`` row of the
cooperation (table ``termination_reminders``), inserted directly rather than
by saving the cooperation, so that neither its locks nor its validation get
in the way of a notice, and it is what makes a reminder go out once.

Decisions: a cooperation whose termination is requested (``Usulan
Pengakhiran``) is not reminded; returning the request resumes the reminders,
and what fell due meanwhile comes in one reminder. A cooperation with nobody
to tell (no contact, no member with an account) records nothing, so it is
reminded as soon as somebody is there.
"""

from datetime import date, timedelta

import frappe
from frappe import _
from frappe.utils import escape_html, formatdate, get_url_to_form, getdate, now
from frappe.utils import today as site_today

from ksad_app.domain import RuleViolation
from ksad_app.domain import reminders as rules
from ksad_app.domain.guidance import ARTICLE_OF_BODY
from ksad_app.domain.stages import PELAKSANAAN
from ksad_app.domain.supervision import BODY_TYPES
from ksad_app.notifications.channels import contacts_by_cooperation, members_by_body, notify

COOPERATION = "Inter-Regional Cooperation"
REMINDER = "Termination Reminder"
SETTINGS = "KSAD Settings"
TABLE = "termination_reminders"


def get_thresholds() -> tuple[int, ...]:
	"""The days before the end date to remind at (``KSAD Settings``; the default when unset)."""
	value = frappe.db.get_single_value(SETTINGS, "termination_reminder_days")
	try:
		return rules.parse_thresholds(value or rules.DEFAULT_THRESHOLDS)
	except RuleViolation:
		# Saved settings are validated; a value written around the form falls back to the default.
		frappe.log_error(
			title=_("Invalid termination reminder days"),
			message=_("{0} in KSAD Settings cannot be read; the default {1} was used.").format(
				value, rules.DEFAULT_THRESHOLDS
			),
		)
		return rules.parse_thresholds(rules.DEFAULT_THRESHOLDS)


def send_termination_reminders(today: date | str | None = None) -> list[str]:
	"""Send the termination reminders due ``today`` (default: the site's today). Returns the cooperations reminded."""
	day = getdate(today or site_today())
	thresholds = get_thresholds()
	cooperations = frappe.get_all(
		COOPERATION,
		filters={
			"stage": PELAKSANAAN,
			"workflow_state": PELAKSANAAN,
			"end_date": ("<=", day + timedelta(days=max(thresholds))),
		},
		fields=["name", "title", "end_date"],
		order_by="end_date asc, name asc",
	)
	if not cooperations:
		return []
	names = [c.name for c in cooperations]
	sent, last_idx = sent_reminders(names)
	announcements = {}
	for c in cooperations:
		a = rules.due(getdate(c.end_date), day, thresholds, sent.get(c.name, []))
		if a:
			announcements[c.name] = a
	if not announcements:
		return []

	due_names = [c.name for c in cooperations if c.name in announcements]
	supervisors = supervisors_by_cooperation(due_names)
	members = members_by_body(sorted({body for rows in supervisors.values() for body, _type in rows}))
	contacts = contacts_by_cooperation(due_names)
	texts = catalogue_texts()

	reminded, rows = [], []
	for c in cooperations:
		a = announcements.get(c.name)
		if not a:
			continue
		bodies = supervisors.get(c.name, [])
		users = [u for body, _type in bodies for u in members.get(body, [])] + contacts.get(c.name, [])
		body_type = first_body_type([t for _body, t in bodies])
		doc = frappe._dict(doctype=COOPERATION, name=c.name)
		told = notify(users, subject(c, a), message(c, a, body_type, texts), doc)
		if not told:
			continue
		reminded.append(c.name)
		rows += [(c.name, days, a.end_date, day, ", ".join(told)) for days in a.record]
	record_reminders(rows, last_idx)
	return reminded


def sent_reminders(names: list[str]) -> tuple[dict[str, list[tuple[int, date]]], dict[str, int]]:
	"""The reminders already recorded, per cooperation, as (threshold_days, end_date); and each table's last idx."""
	r = frappe.qb.DocType(REMINDER)
	rows = (
		frappe.qb.from_(r)
		.select(r.parent, r.threshold_days, r.end_date, r.idx)
		.where((r.parenttype == COOPERATION) & (r.parentfield == TABLE) & r.parent.isin(names))
	).run()
	sent: dict[str, list[tuple[int, date]]] = {}
	last_idx: dict[str, int] = {}
	for parent, days, end_date, idx in rows:
		if end_date:
			sent.setdefault(parent, []).append((int(days or 0), getdate(end_date)))
		last_idx[parent] = max(last_idx.get(parent, 0), idx or 0)
	return sent, last_idx


def supervisors_by_cooperation(names: list[str]) -> dict[str, list[tuple[str, str]]]:
	"""(supervisory_body, body_type) of each cooperation (one query)."""
	s = frappe.qb.DocType("Cooperation Supervisor")
	rows = (
		frappe.qb.from_(s)
		.select(s.parent, s.supervisory_body, s.body_type)
		.where((s.parenttype == COOPERATION) & s.parent.isin(names) & s.supervisory_body.isnotnull())
		.orderby(s.idx)
	).run()
	out: dict[str, list[tuple[str, str]]] = {}
	for parent, body, body_type in rows:
		out.setdefault(parent, []).append((body, body_type))
	return out


def first_body_type(body_types: list[str]) -> str | None:
	"""The article to cite: Pasal 6 (Sekretariat Bersama) before Pasal 10 (TKKSD); their points a) to f) read alike."""
	known = [t for t in BODY_TYPES if t in body_types]
	return known[0] if known else None


def catalogue_texts() -> dict[str, str]:
	"""The regulation's words of Pasal 6 d.4 a)-f) and Pasal 10 d.4 a)-f), from the Guidance Item catalogue."""
	codes = [code for body_type in ARTICLE_OF_BODY for code in rules.termination_items(body_type)]
	return dict(
		frappe.get_all(
			"Guidance Item", filters={"name": ("in", codes)}, fields=["name", "description"], as_list=True
		)
	)


def subject(c, a: rules.Announcement) -> str:
	title = frappe.bold(escape_html(c.title or c.name))
	end = formatdate(a.end_date)
	if a.passed:
		return _("{0} ended on {1} and is still in Pelaksanaan: prepare the termination").format(title, end)
	if a.days_left == 0:
		return _("{0} ends today, {1}: prepare the termination").format(title, end)
	return _("{0} days left before {1} ends on {2}: prepare the termination").format(a.days_left, title, end)


def message(c, a: rules.Announcement, body_type: str | None, texts: dict[str, str]) -> str:
	"""Points a) to f) of Pasal 6 / 10 d.4 in the regulation's words, and how to start the termination."""
	lines = []
	if a.passed:
		lines.append(
			_("The end date {0} has passed and the cooperation is still in Pelaksanaan.").format(
				formatdate(a.end_date)
			)
		)
	else:
		lines.append(
			_("The cooperation ends on {0}, in {1} days (reminder {2} days before the end date).").format(
				formatdate(a.end_date), a.days_left, a.threshold_days
			)
		)
	if body_type:
		codes = rules.termination_items(body_type)
		lead = ""
		points = []
		for code in codes:
			lead_in, point = rules.split_lead_in(texts.get(code, ""))
			lead = lead or lead_in
			if point:
				points.append(f"{code.rsplit('.', 1)[1]}) {escape_html(point)}")
		if points:
			lines.append(
				_("Pasal {0} letter d number 4 of Permendagri 23/2009: {1}:").format(
					ARTICLE_OF_BODY[body_type], escape_html(lead)
				)
			)
			lines += points
	link = f'<a href="{get_url_to_form(COOPERATION, c.name)}">{escape_html(c.title or c.name)}</a>'
	lines.append(
		_(
			"To start the termination, open {0}, ask for Pengakhiran (Ajukan), and then create the Cooperation Termination from the form."
		).format(link)
	)
	return "<br>".join(lines)


def record_reminders(rows: list[tuple], last_idx: dict[str, int]) -> None:
	"""Add the reminders sent to the cooperations' tables, without saving the cooperations."""
	if not rows:
		return
	timestamp, user = now(), frappe.session.user
	values = []
	for parent, days, end_date, sent_on, recipients in rows:
		last_idx[parent] = last_idx.get(parent, 0) + 1
		values.append(
			(
				frappe.generate_hash(length=10),
				parent,
				COOPERATION,
				TABLE,
				last_idx[parent],
				days,
				end_date,
				sent_on,
				recipients,
				user,
				timestamp,
				timestamp,
				user,
			)
		)
	frappe.db.bulk_insert(
		REMINDER,
		[
			"name",
			"parent",
			"parenttype",
			"parentfield",
			"idx",
			"threshold_days",
			"end_date",
			"sent_on",
			"recipients",
			"owner",
			"creation",
			"modified",
			"modified_by",
		],
		values,
	)
