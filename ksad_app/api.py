"""Whitelisted methods; each checks permission before it reads or writes."""

import random
import time

import frappe
from frappe import _
from frappe.model.workflow import get_transitions, get_workflow

from ksad_app.domain.guidance import (
	ACTIVITY_STAGES,
	ARTICLE_OF_BODY,
	TAHAPAN,
	TAHAPAN_OF_STAGE,
	stages_reached,
)
from ksad_app.exceptions import StageError
from ksad_app.permissions import member_bodies, stored_links

COOPERATION = "Inter-Regional Cooperation"


# A stage move saves the cooperation, and Frappe loads its child rows FOR UPDATE before saving (the
# check that nobody changed it meanwhile): on MariaDB's REPEATABLE READ that locks the gap up to the
# next cooperation's rows, so two stage moves of neighbouring cooperations at the same instant can
# deadlock on inserting their Stage History rows (8 clients of scripts/load-run met it within a
# minute). MariaDB then rolls one transaction back whole; it is run again, as Frappe does for
# background jobs. Only a deadlock is retried; every other error goes to the user at once.
DEADLOCK_ATTEMPTS = 4


def retry_on_deadlock(action):
	"""Run ``action()``; when MariaDB picked its transaction as a deadlock victim, run it again."""
	for attempt in range(1, DEADLOCK_ATTEMPTS + 1):
		try:
			return action()
		except frappe.QueryDeadlockError:
			if attempt == DEADLOCK_ATTEMPTS:
				raise
			frappe.db.rollback()
			frappe.local.message_log = []
			frappe.logger("ksad_app").warning(
				f"deadlock retried: {frappe.request.path if frappe.request else ''}"
			)
			time.sleep(random.uniform(0.05, 0.2) * attempt)  # nosec B311 -- a jitter, not a secret


@frappe.whitelist(methods=["POST"])
def apply_workflow(doc: str | dict, action: str):
	"""Frappe's ``frappe.model.workflow.apply_workflow`` (the form's workflow buttons), retried on a deadlock.

	Replaces it through ``override_whitelisted_methods`` (hooks.py); the checks
	are Frappe's own: the transitions of the user's roles, then the save with
	its permission and the controller's rules.
	"""
	from frappe.model.workflow import apply_workflow as frappe_apply_workflow

	from ksad_app.input_checks import document_argument

	doc = document_argument(doc)  # Frappe builds it before any check: a string or a bad field is a 500
	return retry_on_deadlock(lambda: frappe_apply_workflow(doc, action))


@frappe.whitelist(methods=["POST"])
def apply_action(cooperation: str, action: str, reason: str | None = None) -> dict:
	"""Apply a workflow action with its reason in one transaction.

	Frappe's own ``apply_workflow`` reloads the document from the database,
	so a reason typed in the form would not reach the controller; ``Kembalikan``
	and ``Batalkan`` need one (Pasal 4, kept in the stage history). The same
	checks apply: the user's write permission, the workflow's transitions for
	their roles, and the controller's rules. Retried on a deadlock.
	"""
	return retry_on_deadlock(lambda: _apply_action(cooperation, action, reason))


def _apply_action(cooperation: str, action: str, reason: str | None) -> dict:
	doc = frappe.get_doc(COOPERATION, cooperation)
	doc.check_permission("write")
	transition = next((t for t in get_transitions(doc) if t.action == action), None)
	if not transition:
		frappe.throw(
			_("{0} is not possible for you on this cooperation at {1}.").format(
				frappe.bold(_(action)), frappe.bold(_(doc.workflow_state))
			),
			title=_("Action Not Available"),
			exc=StageError,
		)
	workflow = get_workflow(COOPERATION)
	doc.workflow_reason = reason
	doc.set(workflow.workflow_state_field, transition.next_state)
	doc.save()
	doc.add_comment("Workflow", _(transition.next_state))
	return doc.as_dict()


@frappe.whitelist()
def activity_defaults(cooperation: str) -> dict:
	"""For a new Supervision Activity: the cooperation's stage and the bodies the user may record for."""
	doc = frappe.get_doc(COOPERATION, cooperation)
	doc.check_permission("read")
	_regions, bodies = stored_links(cooperation)
	mine = sorted(bodies & member_bodies(frappe.session.user))
	body_types = dict(
		frappe.get_all(
			"Supervisory Body",
			filters={"name": ("in", mine or [""])},
			fields=["name", "body_type"],
			as_list=True,
		)
	)
	return {
		"stage": doc.stage if doc.stage in ACTIVITY_STAGES else None,
		"bodies": mine,
		"articles": {b: f"Pasal {ARTICLE_OF_BODY[t]}" for b, t in body_types.items()},
		"tahapan": {s: TAHAPAN[letter] for s, letter in TAHAPAN_OF_STAGE.items()},
		"stages_reached": list(stages_reached(doc.stage)),
	}


@frappe.whitelist()
def cooperation_parties(cooperation: str) -> list[dict]:
	"""The parties of a cooperation in the agreement's order, for the link filters of its records."""
	doc = frappe.get_doc(COOPERATION, cooperation)
	doc.check_permission("read")
	return [
		{
			"regional_government": p.regional_government,
			"region_name": p.region_name,
			"contribution_percent": p.contribution_percent,
		}
		for p in doc.parties
	]
