"""The index on ``creation`` the list views need at national scale (issue 8).

The desk's list view of a DocType sorted by ``creation`` (all of the app's,
Frappe's default) asks for ``order by creation desc limit 20``. Frappe 15 adds
an index on ``creation`` for such a DocType only when it *alters* its table
(``MariaDBTable.alter``), not when it creates it: a fresh site has none until
some later migrate changes the DocType, and every first page of 200,000
activities then sorts the whole table. :func:`ensure_indexes` adds the same
index Frappe would, on install and after every migrate (hooks
``after_install``, ``after_migrate``), where it is missing, with the indexes of
the public register and of a small scope's first list page. (The covering
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
	if ensure_public_register_index():
		added.append(PUBLIC_REGISTER_INDEX)
	if not frappe.db.has_index("tabSupervision Activity", FIRST_ROWS_INDEX):
		# a cooperation's activities in the list's order: a small scope's first page picks its rows from
		# this index alone (ksad_app.permissions.first_rows_condition)
		frappe.db.add_index("Supervision Activity", ["cooperation", "creation"], FIRST_ROWS_INDEX)
		added.append(FIRST_ROWS_INDEX)
	if not frappe.db.has_index("tabCooperation Party", PARTY_REGIONS_INDEX):
		# each published cooperation's parties' regions, read from this index alone: the public register's
		# counts per province (at 20,000 cooperations, 52,000 parties: 389 ms without it, 277 ms with it)
		frappe.db.add_index(
			"Cooperation Party", ["parent", "parenttype", "regional_government"], PARTY_REGIONS_INDEX
		)
		added.append(PARTY_REGIONS_INDEX)
	return added


FIRST_ROWS_INDEX = "cooperation_creation_index"
PARTY_REGIONS_INDEX = "parent_regions_index"


COOPERATION = "Inter-Regional Cooperation"
PUBLIC_REGISTER_INDEX = "public_register"


def ensure_public_register_index() -> bool:
	"""The public register (issue 17) reads the published cooperations: ``stage`` and ``show_in_public_register``."""
	if frappe.db.has_index(f"tab{COOPERATION}", PUBLIC_REGISTER_INDEX):
		return False
	frappe.db.add_index(COOPERATION, ["stage", "show_in_public_register"], PUBLIC_REGISTER_INDEX)
	return True
