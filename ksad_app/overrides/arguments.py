"""Arguments of the whitelisted methods the app serves or stands in for, checked before Frappe uses them.

Frappe 15 checks an argument against its type annotation itself:
``frappe.whitelist`` validates annotated arguments with pydantic before the
method runs and answers a wrong value with ``FrappeTypeError`` (417). So the
plain ones are declared, not checked here: a date (:data:`OptionalDate`), a
year (:data:`Year`), a short text (:data:`ShortText`), a number (``float``),
a name (``str``). The desk sends an argument it leaves out as an empty
string, which these types read as None.

What Frappe does not check, because the argument is JSON whose meaning only
the method knows, is checked by the helpers below, each refusing with an
:class:`~ksad_app.exceptions.InvalidValueError` (417): filters for
``frappe.get_list`` (:func:`list_filters`: Frappe builds SQL from unknown
fields and operators and fails with a 500), a document named in an argument
(:func:`document_argument`: Frappe builds the document from it first), a
choice among a DocType's options (:func:`choice_argument`: Frappe's chart
code fails on an unknown timespan), a DocType's name (:func:`existing_doctype`).
"""

import datetime
from typing import Annotated

import frappe
from frappe import _
from frappe.model import child_table_fields, default_fields, optional_fields
from pydantic import BeforeValidator, Field, StringConstraints

from ksad_app.overrides.input_checks import invalid, kind, payload_problems, refuse, shown


def none_if_empty(value):
	return None if value == "" else value


OptionalDate = Annotated[datetime.date | None, BeforeValidator(none_if_empty)]
Year = Annotated[Annotated[int, Field(ge=1900, le=9999)] | None, BeforeValidator(none_if_empty)]
ShortText = Annotated[str, StringConstraints(max_length=140)]

OPERATORS = {
	"=",
	"!=",
	">",
	"<",
	">=",
	"<=",
	"like",
	"not like",
	"in",
	"not in",
	"is",
	"between",
	"timespan",
	"previous",
	"next",
	"ancestors of",
	"descendants of",
	"not ancestors of",
	"not descendants of",
	"descendants of (inclusive)",
}
SCALAR = str | int | float | bool | None


def parsed(value, argument: str):
	"""An argument sent as JSON text, parsed; refused when it is not JSON."""
	if not isinstance(value, str):
		return value
	try:
		return frappe.parse_json(value)
	except ValueError:
		invalid(_("{0}: {1} is not valid JSON.").format(frappe.bold(argument), shown(value)))


def known_field(doctype: str, fieldname) -> bool:
	if not isinstance(fieldname, str):
		return False
	meta = frappe.get_meta(doctype)
	return bool(meta.has_field(fieldname)) or fieldname in (
		*default_fields,
		*optional_fields,
		*child_table_fields,
	)


def existing_doctype(value, argument: str) -> str:
	if not isinstance(value, str) or not value or not frappe.db.exists("DocType", value):
		invalid(_("{0}: there is no DocType {1}.").format(frappe.bold(argument), shown(value)))
	return value


def list_filters(doctype: str, filters, argument: str = "filters"):
	"""Filters for ``frappe.get_list`` on ``doctype``, as the desk sends them (an object or a list of
	conditions), parsed and checked: known fields, known operators, plain values."""
	filters = parsed(filters, argument)
	if filters in (None, "", [], {}):
		return filters or []
	conditions = []
	if isinstance(filters, dict):
		for field, condition in filters.items():
			if isinstance(condition, list | tuple) and condition:
				conditions.append(
					(doctype, field, condition[0], condition[1] if len(condition) > 1 else None)
				)
			else:
				conditions.append((doctype, field, "=", condition))
	elif isinstance(filters, list | tuple):
		for condition in filters:
			if not isinstance(condition, list | tuple) or not 3 <= len(condition) <= 5:
				invalid(
					_("{0}: each condition is a list [field, operator, value], but {1} was sent.").format(
						frappe.bold(argument), shown(condition)
					)
				)
			if len(condition) == 3:
				conditions.append((doctype, *condition))
			else:
				conditions.append(tuple(condition[:4]))
	else:
		invalid(
			_("{0} must be an object or a list of conditions, but {1} was sent: {2}.").format(
				frappe.bold(argument), kind(filters), shown(filters)
			)
		)
	for table, field, operator, value in conditions:
		if table != doctype and not (
			isinstance(table, str)
			and table in {df.options for df in frappe.get_meta(doctype).get_table_fields()}
		):
			invalid(
				_("{0}: {1} is not {2} or one of its tables.").format(
					frappe.bold(argument), shown(table), doctype
				)
			)
		if not known_field(table, field):
			invalid(_("{0}: {1} has no field {2}.").format(frappe.bold(argument), _(table), shown(field)))
		if not isinstance(operator, str) or operator.lower() not in OPERATORS:
			invalid(_("{0}: {1} is not an operator.").format(frappe.bold(argument), shown(operator)))
		values = value if isinstance(value, list | tuple) else [value]
		if not all(isinstance(v, SCALAR) for v in values):
			invalid(
				_("{0}: the value of {1} must be text, a number or a list of them, but {2} was sent.").format(
					frappe.bold(argument), frappe.bold(field), shown(value)
				)
			)
	return filters


def choice_argument(value, choices, argument: str):
	if value in (None, ""):
		return None
	if not isinstance(value, str) or value not in choices:
		invalid(
			_("{0}: {1} is not one of the choices ({2}).").format(
				frappe.bold(argument), shown(value), ", ".join(c for c in choices if c)
			)
		)
	return value


def document_argument(doc, argument: str = "doc") -> dict:
	"""A document named in an argument (``{"doctype": ..., "name": ...}``, as the desk sends it)."""
	doc = parsed(doc, argument)
	if not isinstance(doc, dict) or not isinstance(doc.get("name"), str) or not doc.get("name"):
		invalid(
			_("{0} must be an object with the document's doctype and name, but {1} was sent.").format(
				frappe.bold(argument), shown(doc)
			)
		)
	existing_doctype(doc.get("doctype"), f"{argument}.doctype")
	payload = {
		k: v
		for k, v in doc.items()
		if k in ("doctype", "name") or frappe.get_meta(doc["doctype"]).has_field(k)
	}
	refuse(payload_problems(doc["doctype"], payload, unknown=False))
	return doc
