"""The index on ``creation`` the list views need at national scale (issue 8).

The desk's list view of a DocType sorted by ``creation`` (all of the app's,
Frappe's default) asks for ``order by creation desc limit 20``. Frappe 15 adds
an index on ``creation`` for such a DocType only when it *alters* its table
(``MariaDBTable.alter``), not when it creates it: a fresh site has none until
some later migrate changes the DocType, and every first page of 200,000
activities then sorts the whole table. :func:`ensure_indexes` adds the same
index Frappe would, on install and after every migrate (hooks
``after_install``, ``after_migrate``), where it is missing. (The covering
indexes of the activity recap are the Supervision Activity's own, in its
``on_doctype_update``.)
"""

import frappe

MODULE = "KSAD"


def ensure_indexes() -> list[str]:
	"""Add the missing ``creation`` indexes; returns the DocTypes that got one."""
	added = []
	for doctype in frappe.get_all(
		"DocType",
		filters={"module": MODULE, "istable": 0, "issingle": 0, "is_virtual": 0},
		pluck="name",
		order_by="name asc",
	):
		if frappe.get_meta(doctype).sort_field != "creation":
			continue
		if not frappe.db.get_column_index(f"tab{doctype}", "creation", unique=False):
			frappe.db.add_index(doctype, ["creation"], "creation")
			added.append(doctype)
	return added
