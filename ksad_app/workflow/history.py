"""The Stage History of a cooperation: one row per move and per registration, never edited or deleted.

The table (``stage_log``, permlevel 2) is append-only: the cooperation's
controller lists it in ``APPEND_ONLY_TABLES``, so a save inserts its new rows
and never deletes the stored ones.
"""

import frappe
from frappe.utils import now_datetime


def record(doc, action: str, from_state: str | None, to_state: str, reason: str | None) -> None:
	"""Add the row of a move (or a registration) made now by the session user."""
	doc.append(
		"stage_log",
		{
			"action": action,
			"from_state": from_state,
			"to_state": to_state,
			"user": frappe.session.user,
			"timestamp": now_datetime(),
			"reason": reason,
		},
	)
