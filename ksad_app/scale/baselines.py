"""The hand-written SQL that ``bench ksad-benchmark`` measures the app against: a user's scope as values.

The scope is found first with one small query (as the app's permission hooks
do), then passed to the query as values: the same shape of query Frappe runs,
so that the ratio measures Frappe, not the plan. :data:`REPORT_SQL` holds the
baseline of each script report (``ksad_app.scale.report_sql`` fills it).
"""

from collections.abc import Callable

import frappe

COOPERATION = "Inter-Regional Cooperation"
ACTIVITY = "Supervision Activity"

# Where each DocType names the cooperation it belongs to.
COOPERATION_COLUMN = {
	COOPERATION: "name",
	ACTIVITY: "cooperation",
	"Cooperation Issue": "cooperation",
	"Cooperation Termination": "cooperation",
}


# --- the scope of a user, in SQL ----------------------------------------------------------

_USER_REGIONS = (
	"select up.for_value from `tabUser Permission` up"
	" where up.user = %(user)s and up.allow = 'Regional Government'"
	" and (up.apply_to_all_doctypes = 1 or up.applicable_for = 'Inter-Regional Cooperation')"
)
_SCOPE_VALUES = {
	"officer": _USER_REGIONS,
	"governor": (
		"select rg.name from `tabRegional Government` rg"
		f" where (rg.region_type = 'Provinsi' and rg.name in ({_USER_REGIONS}))"
		f" or rg.parent_regional_government in ({_USER_REGIONS})"
	),
	"member": (
		"select distinct m.parent from `tabSupervisory Body Member` m"
		" where m.parenttype = 'Supervisory Body' and m.user = %(user)s"
	),
}
_BY_PARTY = (
	"{column} in (select p.parent from `tabCooperation Party` p"
	" where p.parenttype = 'Inter-Regional Cooperation' and p.regional_government in %(scope)s)"
)
_SCOPE = {
	"officer": _BY_PARTY,
	"governor": _BY_PARTY,
	"member": (
		"{column} in (select s.parent from `tabCooperation Supervisor` s"
		" where s.parenttype = 'Inter-Regional Cooperation' and s.supervisory_body in %(scope)s)"
	),
	"all": "1 = 1",
}


def scoped(kind: str, user: str) -> dict:
	"""The parameters of a baseline query: the user and the values of their scope (one query)."""
	if kind == "all":
		return {"user": user}
	values = tuple(v for (v,) in sql(_SCOPE_VALUES[kind], {"user": user}))
	return {"user": user, "scope": values or ("",)}


# The same reach as a probe of each row's links (ksad_app.permissions.probe_condition), for a list page of a
# large scope, where the app asks MariaDB to walk the sort index rather than read the whole scope.
_PROBE = {
	"officer": (
		"(select count(*) from `tabCooperation Party` p where p.parent = {column}"
		" and p.parenttype = 'Inter-Regional Cooperation' and p.regional_government in %(scope)s) > 0"
	),
	"member": (
		"(select count(*) from `tabCooperation Supervisor` s where s.parent = {column}"
		" and s.parenttype = 'Inter-Regional Cooperation' and s.supervisory_body in %(scope)s) > 0"
	),
	"all": "1 = 1",
}
_PROBE["governor"] = _PROBE["officer"]


def probe_sql(kind: str, column: str) -> str:
	return _PROBE[kind].format(column=column)


def scope_sql(kind: str, column: str) -> str:
	"""The condition 'the cooperation in ``column`` is within the user's reach' (values as ``%(scope)s``)."""
	return _SCOPE[kind].format(column=column)


def doctype_scope(doctype: str, kind: str, alias: str = "t", probe: bool = False) -> str | None:
	column = COOPERATION_COLUMN.get(doctype)
	if column is None:
		return None if kind != "all" else "1 = 1"
	return (probe_sql if probe else scope_sql)(kind, f"{alias}.`{column}`")


def sql(query: str, params: dict, **kw):
	# nosemgrep: frappe-using-db-sql -- the hand-written baseline the app is measured against
	return frappe.db.sql(query, params, **kw)


# Hand-written SQL per script report: name -> (user, scope kind, filters) -> comparable rows.
# A report without one is measured all the same and shown without a ratio.
REPORT_SQL: dict[str, Callable[[str, str, dict], object]] = {}


def baseline_for(report: str):
	def register(fn):
		REPORT_SQL[report] = fn
		return fn

	return register
