"""A workflow action applied in one transaction, with its reason, and retried when MariaDB picks it as a
deadlock victim."""

import random
import time

import frappe
from frappe import _
from frappe.model.workflow import get_transitions, get_workflow

from ksad_app.exceptions import StageError

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


def apply_action(cooperation: str, action: str, reason: str | None = None) -> dict:
	"""Apply a workflow action with its reason; the checks are the user's write permission, the workflow's
	transitions for their roles, and the controller's rules (``ksad_app.workflow.moves``)."""
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
