"""``frappe.model.workflow.apply_workflow`` (Frappe 15.55), the form's workflow buttons: retried on a deadlock, and
its ``doc`` argument checked before Frappe builds the document from it (a string or a bad field is a 500 there)."""

import frappe

from ksad_app.overrides.arguments import document_argument
from ksad_app.workflow.actions import retry_on_deadlock


@frappe.whitelist(methods=["POST"])
def apply_workflow(doc: str | dict, action: str):
	"""Frappe's ``apply_workflow``, replaced through ``override_whitelisted_methods`` (hooks.py); the checks
	are Frappe's own: the transitions of the user's roles, then the save with its permission and the
	controller's rules."""
	from frappe.model.workflow import apply_workflow as frappe_apply_workflow

	doc = document_argument(doc)
	return retry_on_deadlock(lambda: frappe_apply_workflow(doc, action))
