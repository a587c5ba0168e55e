"""A running cooperation registered at the stage it has reached (issue 9), kept in the Stage History.

Frappe's workflow accepts a new document only in its first state, so the
cooperation is inserted at Penjajakan (:func:`apply_registration`, from
``validate``) and ``after_insert`` puts it at the stage registered
(:func:`set_registered_stage`). Who may register where, and what a stage
needs, is ``domain.registration``.
"""

import frappe
from frappe import _
from frappe.utils import escape_html

from ksad_app.domain import registration
from ksad_app.exceptions import RegistrationError, RegistrationNotAllowedError
from ksad_app.roles import KSAD_MANAGER
from ksad_app.workflow import history
from ksad_app.workflow.facts import stage_facts
from ksad_app.workflow.messages import field_label

SET_ONCE = ("registration_stage", "registration_note")


def apply_registration(doc) -> None:
	"""On insert: check the stage registered and record it; afterwards the registration is set once."""
	before = doc.get_doc_before_save()
	if before is not None:
		# set once (Frappe checks it): an empty value sent by a form or the API is not a change
		for fieldname in SET_ONCE:
			if not doc.get(fieldname) and not before.get(fieldname):
				doc.set(fieldname, before.get(fieldname))
		return
	doc.registration_stage = doc.registration_stage or None
	doc.registration_note = (doc.registration_note or "").strip() or None
	target = doc.registration_stage
	if not target:
		return
	check_registration(doc, target)
	history.record(doc, registration.REGISTRASI, None, target, doc.registration_note)
	if registration.is_later(target):
		doc.flags.registered_at = target


def check_registration(doc, target: str) -> None:
	try:
		registration.check_registration(
			target, stage_facts(doc), KSAD_MANAGER in frappe.get_roles(), doc.registration_note
		)
	except registration.NotARegistrableStage:
		frappe.throw(
			_(
				"{0} is not a stage at which a cooperation can be registered. Choose one of the stages of Pasal 4: {1}. A cooperation whose request is pending is registered at the stage it asks to leave; a finished or cancelled one is not registered."
			).format(frappe.bold(escape_html(target)), ", ".join(_(s) for s in registration.REGISTRABLE)),
			title=_("Not a Stage"),
			exc=RegistrationError,
		)
	except registration.RegistrationNotAllowed:
		frappe.throw(
			_(
				"Only a KSAD Manager can register a cooperation at {0}. Leave Registered at Stage empty: the cooperation starts at Penjajakan and moves through the workflow, each stage approved by its supervisory body."
			).format(frappe.bold(_(target))),
			title=_("Not Allowed"),
			exc=RegistrationNotAllowedError,
		)
	except registration.RegistrationNoteRequired:
		frappe.throw(
			_(
				"A cooperation registered at {0} needs a registration note saying where its data comes from (for instance the region's register)."
			).format(frappe.bold(_(target))),
			title=_("Registration Note Required"),
			exc=RegistrationError,
		)
	except registration.RegistrationIncomplete as e:
		items = ", ".join(frappe.bold(field_label(doc, f)) for f in e.missing)
		frappe.throw(
			_(
				"A cooperation registered at {0} must have what the stages before it required. Missing: {1}. The signed files may be attached later."
			).format(frappe.bold(_(target)), items),
			title=_("Registration Incomplete"),
			exc=RegistrationError,
		)


def set_registered_stage(doc) -> None:
	"""After the insert at Penjajakan, put a registered cooperation at its stage (issue 9)."""
	target = doc.flags.pop("registered_at", None)
	if not target:
		return
	values = {"workflow_state": target, "stage": target}
	frappe.db.set_value(doc.doctype, doc.name, values, update_modified=False)
	doc.update(values)  # the document returned to the caller shows what was written


def missing_files(doc) -> list[str]:
	"""For the form: the signed files a registered cooperation has not attached yet."""
	if doc.is_new() or not registration.is_later(doc.registration_stage):
		return []
	try:
		missing = registration.missing_files(doc.registration_stage, stage_facts(doc))
	except registration.NotARegistrableStage:
		return []
	return [field_label(doc, f) for f in missing]
