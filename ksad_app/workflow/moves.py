"""A change of a cooperation's workflow state, checked against Pasal 4 and kept in the Stage History.

Every change of ``workflow_state``, however it arrives (the form's buttons,
``apply_workflow``, ``apply_action``, ``PUT /api/resource``), passes here from
the controller's ``validate``: ``domain.stages`` says whether the move is
allowed to this user with these facts, this module says why not in the user's
language, records the move and keeps ``stage`` in step with the state.
"""

import frappe
from frappe import _
from frappe.model import display_fieldtypes

from ksad_app.controllers.changes import comparable, table_values
from ksad_app.domain import public_register, stages
from ksad_app.exceptions import (
	NotYourCooperationError,
	ReasonRequiredError,
	StageError,
	StageGuardError,
	StageLockedError,
)
from ksad_app.permissions import cooperation_scope
from ksad_app.workflow import history
from ksad_app.workflow.facts import actor, stage_facts, state_before
from ksad_app.workflow.messages import field_label, guard_message, not_allowed_message

# Fields the controller or the workflow set; everything else is the parties' data.
DERIVED_FIELDS = frozenset(
	{
		"stage",
		"workflow_state",
		"workflow_reason",
		"cooperation_level",
		"supervisors",
		"override_supervisors",
		"override_reason",
		"stage_log",
		"guidance_done",
		"termination_reminders",
	}
)


def check_data_change(doc) -> None:
	"""No data changes while a request is pending or after the end; members change only the workflow
	(``domain.stages.check_data_change``)."""
	before = doc.get_doc_before_save()
	if before is None:
		return
	changed = changed_data_fields(doc, before)
	if not changed:
		return
	labels = ", ".join(_(doc.meta.get_label(f)) for f in changed)
	state = state_before(doc)
	try:
		stages.check_data_change(state, actor(doc), cooperation_scope().unrestricted)
	except stages.StateLocked:
		frappe.throw(
			_(
				"The cooperation is at {0}, so its data cannot change ({1}). A pending request must first be returned by the supervisory body; a finished or cancelled cooperation stays as it is."
			).format(frappe.bold(_(state)), labels),
			title=_("Cooperation Locked"),
			exc=StageLockedError,
		)
	except stages.DataNotTheirs:
		frappe.throw(
			_(
				"As a member of the supervisory body you approve, return or cancel; you cannot change the cooperation's data ({0}). Ask a regional officer of one of the parties."
			).format(labels),
			title=_("Not Allowed"),
			exc=NotYourCooperationError,
		)


def changed_data_fields(doc, before) -> list[str]:
	"""The parties' data fields that differ from the stored document."""
	changed = []
	for df in doc.meta.fields:
		if (
			df.fieldtype in display_fieldtypes
			or df.fieldname in DERIVED_FIELDS
			or df.fieldname in public_register.PUBLICATION_FIELDS
		):
			continue
		if df.fieldtype == "Table":
			child = frappe.get_meta(df.options)
			if table_values(child, doc.get(df.fieldname)) != table_values(child, before.get(df.fieldname)):
				changed.append(df.fieldname)
		elif comparable(df, doc.get(df.fieldname)) != comparable(df, before.get(df.fieldname)):
			changed.append(df.fieldname)
	return changed


def apply_stage_move(doc) -> None:
	"""Check a change of workflow state (Pasal 4), record it, and keep ``stage`` in step."""
	old = state_before(doc)
	if old is None:
		doc.workflow_state = doc.workflow_state or stages.PENJAJAKAN
		doc.stage = stages.stage_of_state(doc.workflow_state)
		return
	new = doc.workflow_state or old
	doc.workflow_state = new
	if new == old:
		doc.stage = stages.stage_of_state(new)
		return
	action = check_transition(doc, old, new)
	doc.stage = stages.stage_of_state(new)
	reason = (doc.workflow_reason or "").strip() or None
	history.record(doc, action, old, new, reason)
	doc.workflow_reason = None
	doc.flags.stage_move = (action, old, new, reason)


def check_transition(doc, old: str, new: str) -> str:
	"""The action that moves ``doc`` from ``old`` to ``new``, or a refusal that says why."""
	try:
		return stages.check_transition(old, new, stage_facts(doc), actor(doc), doc.workflow_reason)
	except stages.IllegalMove:
		frappe.throw(
			_("A cooperation cannot go from {0} to {1}. Use the workflow actions shown on the form.").format(
				frappe.bold(_(old)), frappe.bold(_(new))
			),
			title=_("Move Not Allowed"),
			exc=StageError,
		)
	except stages.NotAllowedToAct as e:
		frappe.throw(not_allowed_message(e.action), title=_("Not Allowed"), exc=NotYourCooperationError)
	except stages.ReasonRequired as e:
		frappe.throw(
			_("Give the reason for {0}: it is kept in the stage history and sent to the parties.").format(
				frappe.bold(_(e.action))
			),
			title=_("Reason Required"),
			exc=ReasonRequiredError,
		)
	except stages.StageGuardFailed as e:
		frappe.throw(
			guard_message(e.target, [field_label(doc, f) for f in e.missing]),
			title=_("Not Ready for {0}").format(_(e.target)),
			exc=StageGuardError,
		)
	except stages.CannotCancel as e:
		frappe.throw(
			_(
				"A cooperation at {0} can no longer be cancelled: cancelling is possible only before Pelaksanaan. End it through Pengakhiran."
			).format(frappe.bold(_(e.stage))),
			title=_("Cannot Cancel"),
			exc=StageError,
		)


def next_stage_needs(doc) -> dict | None:
	"""For the form: the next stage and what it still needs."""
	state = doc.workflow_state or stages.PENJAJAKAN
	if stages.is_locked(state):
		return None
	target = stages.next_stage(doc.stage or stages.PENJAJAKAN)
	missing = stages.missing_for(target, stage_facts(doc))
	return {"target": target, "missing": [field_label(doc, f) for f in missing]}
