"""What the script reports of module KSAD share (issue 8): the lists' row-level access, and a few SQL pieces.

Every report narrows its rows with :func:`list_access`, which asks Frappe for
the very condition it adds to every list, report view and ``frappe.get_list``
of the DocType for the session user: the ``permission_query_conditions``
hooks of ``ksad_app/permissions.py``. There is no second copy of the rules.
The condition is SQL that ``ksad_app/permissions.py`` builds from escaped
values only; the reports pass every value a user types as a query parameter
(``frappe.qb``), never formatted into SQL.

They run through the app's override of ``frappe.desk.query_report.run``
(``ksad_app/overrides/query_report.py``).

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
