"""What the script reports of module KSAD share (issue 8): the lists' row-level access, and a few SQL pieces.

Every report narrows its rows with :func:`list_access`, which asks Frappe for
the very condition it adds to every list, report view and ``frappe.get_list``
of the DocType for the session user: the ``permission_query_conditions``
hooks of ``ksad_app/permissions.py``. There is no second copy of the rules.
The condition is SQL that ``ksad_app/permissions.py`` builds from escaped
values only; the reports pass every value a user types as a query parameter
(``frappe.qb``), never formatted into SQL.

:func:`run_app_report` runs them for the app's override of
``frappe.desk.query_report.run`` (``input_checks.run_report``).

Region columns are ``Data``, not ``Link`` to Regional Government, on purpose:
Frappe's query report drops the rows whose links a user's User Permissions do
not allow (``frappe.desk.query_report.get_filtered_data``), which would hide
the *other* parties of a regional officer's own cooperation.
"""

import frappe
from frappe import _, _lt
from frappe.model.db_query import DatabaseQuery
from frappe.query_builder import Criterion
from frappe.query_builder.functions import Concat_ws
from pypika.terms import AggregateFunction

from ksad_app.domain.cooperation import LEVELS
from ksad_app.domain.stages import DIBATALKAN, STAGES

COOPERATION = "Inter-Regional Cooperation"
ACTIVITY = "Supervision Activity"
ISSUE = "Cooperation Issue"
TERMINATION = "Cooperation Termination"
REGION = "Regional Government"
PARTY = "Cooperation Party"
SUPERVISOR = "Cooperation Supervisor"


# Filters several script reports share, as their .js declares them (input_checks checks them on the server).
STAGE_FILTER = {
	"fieldname": "stage",
	"label": _lt("Stage"),
	"fieldtype": "Select",
	"options": ["", *STAGES, DIBATALKAN],
}
LEVEL_FILTER = {
	"fieldname": "cooperation_level",
	"label": _lt("Level"),
	"fieldtype": "Select",
	"options": ["", *LEVELS],
}
PROVINCE_FILTER = {
	"fieldname": "province",
	"label": _lt("Province"),
	"fieldtype": "Link",
	"options": REGION,
}
AFFAIR_FILTER = {
	"fieldname": "government_affair",
	"label": _lt("Government Affair"),
	"fieldtype": "Link",
	"options": "Government Affair",
}


class TrustedCondition(Criterion):
	"""A SQL condition built by ``ksad_app.permissions`` from escaped values (never from user input)."""

	def __init__(self, sql: str):
		super().__init__()
		self.sql = sql

	def get_sql(self, **kwargs) -> str:
		return f"({self.sql})"


class OrderedGroupConcat(AggregateFunction):
	"""``GROUP_CONCAT(term ORDER BY order SEPARATOR '; ')`` (MariaDB)."""

	def __init__(self, term, order_by, alias: str | None = None):
		super().__init__("GROUP_CONCAT", term, alias=alias)
		self.order_by = order_by

	def get_special_params_sql(self, **kwargs) -> str:
		order = self.order_by.get_sql(with_alias=False, **kwargs)
		return f"ORDER BY {order} SEPARATOR '; '"


def list_access(doctype: str) -> Criterion | None:
	"""The row-level condition of the lists of ``doctype`` for the session user, or None when unrestricted.

	It is Frappe's own: ``DatabaseQuery.get_permission_query_conditions``, which
	calls the doctype's ``permission_query_conditions`` hooks, as every list does.
	The condition names the table as `` `tab<doctype>` ``: query that table
	without an alias.
	"""
	condition = DatabaseQuery(doctype).get_permission_query_conditions()
	return TrustedCondition(condition) if condition else None


def where_access(query, doctype: str):
	access = list_access(doctype)
	return query.where(access) if access is not None else query


def parties_of(cooperation_name_term):
	"""Correlated subquery: the parties of the cooperation, ``code name; code name`` in the agreement's order."""
	party = frappe.qb.DocType(PARTY)
	return (
		frappe.qb.from_(party)
		.select(OrderedGroupConcat(Concat_ws(" ", party.regional_government, party.region_name), party.idx))
		.where((party.parent == cooperation_name_term) & (party.parenttype == COOPERATION))
	)


def supervisors_of(cooperation_name_term):
	"""Correlated subquery: the supervising bodies of the cooperation, in order."""
	sup = frappe.qb.DocType(SUPERVISOR)
	return (
		frappe.qb.from_(sup)
		.select(OrderedGroupConcat(sup.supervisory_body, sup.idx))
		.where((sup.parent == cooperation_name_term) & (sup.parenttype == COOPERATION))
	)


def in_province(province: str):
	"""Subquery: the cooperations with the province itself or one of its kabupaten/kota among their parties."""
	party = frappe.qb.DocType(PARTY)
	rg = frappe.qb.DocType(REGION)
	return (
		frappe.qb.from_(party)
		.join(rg)
		.on(rg.name == party.regional_government)
		.select(party.parent)
		.where(
			(party.parenttype == COOPERATION)
			& ((rg.name == province) | (rg.parent_regional_government == province))
		)
	)


def with_party(region: str):
	"""Subquery: the cooperations with ``region`` among their parties."""
	party = frappe.qb.DocType(PARTY)
	return (
		frappe.qb.from_(party)
		.select(party.parent)
		.where((party.parenttype == COOPERATION) & (party.regional_government == region))
	)


def translated(values) -> dict[str, str]:
	return {v: _(v) for v in values}


def run_app_report(report, filters, custom_columns, is_tree, parent_field) -> dict:
	"""What ``frappe.desk.query_report.run`` does for a standard script report, from the cached Report.

	Frappe 15 reads the Report document (with its columns, filters and roles)
	from the database twice per run (``validate_filters_permissions`` and
	``get_report_doc``), nine queries and about 10 ms, more than the whole
	query of a regional officer's report. The cached document is the same
	record (Frappe drops it from the cache when the Report is saved or
	re-imported by ``bench migrate``). The checks are Frappe's, in its order:
	the filters' links, the Report's roles, report permission on its DocType;
	then Frappe's ``generate_report_result`` (user-permission filtering of the
	rows, total row). Prepared and custom (saved) reports go through Frappe's
	own ``run``.
	"""
	from frappe.desk.query_report import generate_report_result
	from frappe.monitor import add_data_to_monitor

	user = frappe.session.user
	if isinstance(filters, str):
		filters = frappe.parse_json(filters)
	link_filters_permitted(report, filters, user)
	if not report.is_permitted():
		frappe.throw(_("You don't have access to Report: {0}").format(_(report.name)), frappe.PermissionError)
	if not frappe.has_permission(report.ref_doctype, "report"):
		frappe.throw(
			_("You don't have permission to get a report on: {0}").format(_(report.ref_doctype)),
			frappe.PermissionError,
		)
	# get_report_doc sets these on the document it returns (a standard report has neither)
	report.custom_columns = []
	report.custom_filters = []
	try:
		result = generate_report_result(report, filters, user, custom_columns, is_tree, parent_field)
	except Exception:
		frappe.log_error("Report Error")  # as Frappe's run does
		raise
	add_data_to_monitor(report=report.name)
	result["add_total_row"] = report.add_total_row and not result.get("skip_total_row", False)
	return result


def link_filters_permitted(report, filters, user) -> None:
	"""``frappe.desk.query_report.validate_filters_permissions`` on the cached Report."""
	from frappe.permissions import has_permission

	if not filters:
		return
	for field in report.filters:
		if field.fieldname in filters and field.fieldtype == "Link":
			doctype, value = field.options, filters[field.fieldname]
			if not has_permission(doctype=doctype, ptype="read", doc=value, user=user) and not has_permission(
				doctype=doctype, ptype="select", doc=value, user=user
			):
				frappe.throw(
					_("You do not have permission to access {0}: {1}.").format(_(doctype), value),
					frappe.PermissionError,
				)
