"""``frappe.client.get_count`` (Frappe 15.55) through the user's permissions: Frappe's counts every row of any
DocType with ``frappe.db.count``, with no read check and no row-level hooks."""

import frappe

from ksad_app.overrides.arguments import list_filters


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug=False, cache=False) -> int:
	"""``frappe.client.get_count`` through the user's permissions.

	Frappe 15.55's ``frappe.client.get_count`` counts every row of any DocType
	with ``frappe.db.count``: no read check, no row-level hooks, so a regional
	officer could count the whole country's cooperations (and anyone any
	DocType). Overridden in hooks.py (``override_whitelisted_methods``) by this
	count through ``frappe.get_list``, which checks read permission and
	applies ``permission_query_conditions`` and User Permissions. ``debug``
	and ``cache`` are accepted for the same signature and ignored.
	"""
	rows = frappe.get_list(
		doctype, filters=list_filters(doctype, filters), fields=["count(*) as count"], order_by=None
	)
	return rows[0].count if rows else 0
