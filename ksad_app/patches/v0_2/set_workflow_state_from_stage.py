"""Cooperations saved before the workflow existed start it at their recorded stage.

Runs after the model sync (the column exists) and before the fixtures, whose
Workflow would otherwise put every cooperation with an empty state at its
first state, Penjajakan.
"""

import frappe


def execute() -> None:
	irc = frappe.qb.DocType("Inter-Regional Cooperation")
	(
		frappe.qb.update(irc)
		.set(irc.workflow_state, irc.stage)
		.where(irc.workflow_state.isnull() | (irc.workflow_state == ""))
		.where(irc.stage.isnotnull())
	).run()
