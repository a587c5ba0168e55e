"""The desk's list page (``frappe.desk.reportview.get``, Frappe 15.55) marked in ``before_request``: a first page,
newest first, takes the row-level condition MariaDB 10.11 walks in index order (``permissions.list_condition``)."""

import re

import frappe
from frappe.utils import cint

LIST_METHOD = "frappe.desk.reportview.get"
# the desk's sort on an indexed column: creation (setup/indexes.py), modified, name
INDEXED_ORDER = re.compile(r"`?tab[\w \-]+`?\.`?(creation|modified|name)`? (desc|asc)", re.IGNORECASE)
PAGE_MAX = 100
START_MAX = 500


def is_first_pages(form) -> bool:
	"""A page of at most 100 rows among the first 500, sorted on an indexed column, without filters or groups
	(a filter may keep few rows of the scope, and a walk would then read many to find them)."""
	filters = form.get("filters")
	if isinstance(filters, str):
		try:
			filters = frappe.parse_json(filters)
		except ValueError:
			return False
	order_by = form.get("order_by")
	return (
		0 < cint(form.get("page_length") or 20) <= PAGE_MAX
		and cint(form.get("start")) <= START_MAX
		and not filters
		and not form.get("group_by")
		and isinstance(order_by, str)
		and bool(INDEXED_ORDER.fullmatch(order_by.strip()))
	)


def first_page(form) -> tuple[str, str, int] | None:
	"""The sort column, its direction and the rows up to the page's end, for a first page; None otherwise."""
	if not is_first_pages(form):
		return None
	match = INDEXED_ORDER.fullmatch(form.get("order_by").strip())
	return (
		match.group(1).lower(),
		match.group(2).lower(),
		cint(form.get("start")) + cint(form.get("page_length") or 20),
	)


def mark_list_page() -> None:
	"""``before_request``: is this request a first page of a desk list? (Frappe's method runs unchanged.)"""
	request = getattr(frappe.local, "request", None)
	path = (request.path if request else "").rstrip("/")
	is_list = path.endswith(f"/method/{LIST_METHOD}")
	frappe.local.ksad_list_page = first_page(frappe.form_dict) if is_list else None
