"""Whitelisted methods the app's forms call; each checks permission before it reads or writes."""

import frappe

from ksad_app.domain.guidance import (
	ACTIVITY_STAGES,
	ARTICLE_OF_BODY,
	TAHAPAN,
	TAHAPAN_OF_STAGE,
	stages_reached,
)
from ksad_app.permissions import member_bodies, stored_links
from ksad_app.workflow import actions

COOPERATION = "Inter-Regional Cooperation"


@frappe.whitelist(methods=["POST"])
def apply_action(cooperation: str, action: str, reason: str | None = None) -> dict:
	"""Apply a workflow action with its reason in one transaction.

	Frappe's own ``apply_workflow`` reloads the document from the database,
	so a reason typed in the form would not reach the controller; ``Kembalikan``
	and ``Batalkan`` need one (Pasal 4, kept in the stage history). The same
	checks apply: the user's write permission, the workflow's transitions for
	their roles, and the controller's rules. Retried on a deadlock.
	"""
	return actions.retry_on_deadlock(lambda: actions.apply_action(cooperation, action, reason))


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
