"""Bad input refused with a clear 417 before controllers and MariaDB: Frappe 15.55 stores it and fails with a 500.

Frappe 15 stores what it is given and lets MariaDB or Python find out what
is wrong, with a server error (500) for the user: an object in a date field
(``TypeError: dict can not be used as parameter``), ``"abc"`` in a date field
(MariaDB 1292 ``Incorrect date value``), a list in a currency field (the
controller's ``Decimal``), a string for a child table (``'str' object does not
support item assignment`` in ``BaseDocument._init_child``), 200,000 characters
in a Small Text (MariaDB 1406), 10^15 in a currency (MariaDB 1264). Others it
silently turns into something else: ``{}`` in a currency becomes 0, ``"x"`` in
a check becomes 0, an unknown field name is dropped, an object in a link is used
as *filters* to look a record up (``frappe.db.get_value``).

So every value is checked against its field's type, at these points:

* :func:`check_document` — the ``before_validate`` and
  ``before_update_after_submit`` document events of every DocType of the app
  (hooks.py ``doc_events``): every save, whatever its path (form, REST, import,
  code), before the controller's ``validate`` reads the values as dates and
  numbers, and before MariaDB; the child rows too. A Select holds one of its
  options (Frappe checks it only after ``validate``, which may have used the
  value as a key), and a link whose record other fields fetch from names a
  record that exists (Frappe 15 skips that check: ``get_invalid_links`` finds
  no row to fetch from and reports nothing).
* :func:`check_request` — the ``before_request`` hook, for the REST API's insert
  and update (``/api/resource``, ``/api/v2/document``) and ``frappe.client.insert``,
  ``frappe.client.save`` and the form's ``savedocs``: Frappe builds the document
  from the request before any document event runs (a child table given as a
  string fails inside ``frappe.new_doc``) and checks the links before
  ``before_validate`` (an object as a link becomes filters). Unknown fields in
  a REST insert or update are refused here too: a misspelt field would
  otherwise be dropped without a word.
* :func:`check_arguments` — also in ``before_request``: every required
  argument of the app's whitelisted methods is sent (a missing one is a
  ``TypeError`` in ``frappe.call``, a 500: Frappe 15's type check of annotated
  arguments looks only at those sent). The values of the arguments are
  Frappe's to check where a type annotation says what they are, and the
  method's where they are JSON (``ksad_app/overrides/arguments.py``); the
  filters of the app's script reports are checked against each report's
  ``FILTERS`` (``ksad_app/overrides/query_report.py``).

Why not Frappe's own checks of a document (``_validate_length``,
``_validate_selects``): they run after the controller's ``validate``, and
leaving them to Frappe was tried against the fuzz test (issue 16): a bad
Select reached ``Regional Government``'s controller as a key (a 500), an
Int of 10^12 in a child table the app rewrites was accepted without a word,
and 200,000 characters in a fetched field were silently replaced. What
Frappe checks itself, before the method runs, are the annotated arguments
of whitelisted methods (``ksad_app/overrides/arguments.py``) and a DocType
that does not exist (404).

Left to Frappe: a request body that is not JSON at all (``{bad``) fails in
``frappe.app.make_form_dict``, before any hook of an app runs.

Every refusal is an :class:`~ksad_app.exceptions.InvalidValueError` (417)
naming the field, showing the value (escaped, shortened) and saying how to
enter it.
"""

import datetime
import inspect
import math
import re
from decimal import Decimal

import frappe
from frappe import _
from frappe.model import child_table_fields, default_fields, optional_fields, table_fields
from frappe.utils import cint, escape_html

from ksad_app.exceptions import InvalidValueError

MODULE = "KSAD"

# decimal(21,9), Frappe's column for Currency, Float and Percent: 12 digits before the point
NUMBER_LIMIT = 10**12
# int(11), Frappe's column for Int
INT_LIMIT = 2**31 - 1
# bytes of MariaDB's text columns
TEXT_BYTES = {"text": 65_535, "mediumtext": 16_777_215}

DATE_TYPES = {"Date"}
DATETIME_TYPES = {"Datetime"}
TIME_TYPES = {"Time"}
NUMBER_TYPES = {"Currency", "Float", "Percent", "Duration", "Rating"}
INT_TYPES = {"Int", "Long Int"}
CHECK_TYPES = {"Check"}
# stored as JSON: an object or a list is what they hold
FREE_TYPES = {"JSON", "Geolocation"}
NO_VALUE = {"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Image", "Fold", "Heading"}

FILE_TYPES = {"Attach", "Attach Image"}
FILE_URL = re.compile(r"(/files/|/private/files/|https?://)[^<>\"`\n]*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_TIME = re.compile(r"\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?")
NUMERAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?")
WHOLE = re.compile(r"[+-]?\d+")

MAX_PROBLEMS = 10


def is_app_doctype(doctype) -> bool:
	if not isinstance(doctype, str) or not doctype:
		return False
	try:
		return frappe.get_meta(doctype).module == MODULE
	except frappe.DoesNotExistError:
		return False


# --- one value ---------------------------------------------------------------------------------


def shown(value) -> str:
	"""The value as the message shows it: short and escaped (it is displayed as HTML)."""
	if isinstance(value, str):
		text = value if len(value) <= 40 else f"{value[:40]}… ({len(value)})"
	else:
		text = frappe.as_json(value, indent=None) if isinstance(value, dict | list) else repr(value)
		text = text if len(text) <= 40 else f"{text[:40]}…"
	return frappe.bold(escape_html(text))


def kind(value) -> str:
	if isinstance(value, str):
		return _("text")
	if isinstance(value, bool):
		return _("a true/false value")
	if isinstance(value, int | float | Decimal):
		return _("a number")
	if isinstance(value, list | tuple):
		return _("a list")
	if isinstance(value, dict):
		return _("an object")
	return _("a value of another type")


def is_iso_date(value: str) -> bool:
	if not ISO_DATE.match(value):
		return False
	try:
		datetime.date.fromisoformat(value[:10])
		if len(value) > 10:
			datetime.datetime.fromisoformat(value)
	except ValueError:
		return False
	return True


def is_time(value: str) -> bool:
	if not ISO_TIME.fullmatch(value):
		return False
	try:
		datetime.time.fromisoformat(value if value.count(":") > 1 else f"{value}:00")
	except ValueError:
		return False
	return True


def as_number(value) -> float | None:
	"""``value`` as a finite number, or None when it is not one (a true/false value is not)."""
	if isinstance(value, bool):
		return None
	if isinstance(value, int | float | Decimal):
		number = float(value)
	elif isinstance(value, str):
		text = value.strip()
		if text == "":
			return 0.0
		if not NUMERAL.fullmatch(text):
			return None
		number = float(text)
	else:
		return None
	return number if math.isfinite(number) else None


def as_whole(value) -> int | None:
	if isinstance(value, bool):
		return None
	if isinstance(value, int):
		return value
	if isinstance(value, float | Decimal):
		return int(value) if math.isfinite(value) and value == int(value) else None
	if isinstance(value, str):
		text = value.strip()
		if text == "":
			return 0
		return int(text) if WHOLE.fullmatch(text) else None
	return None


def text_limit(df) -> tuple[int, bool] | None:
	"""The most a string field holds: (limit, in bytes?), or None when unbounded here."""
	column = frappe.db.type_map.get(df.fieldtype)
	if not column:
		return None
	column_type, length = column
	if column_type == "varchar":
		return cint(df.get("length")) or cint(length) or frappe.db.VARCHAR_LEN, False
	if column_type in TEXT_BYTES:
		return TEXT_BYTES[column_type], True
	return None


def problem(df, value, label: str) -> str | None:
	"""What is wrong with ``value`` for the field ``df`` (a translated sentence), or None."""
	if value is None:
		return None
	fieldtype = df.fieldtype
	if fieldtype in NO_VALUE or fieldtype in FREE_TYPES or fieldtype in table_fields:
		return None
	if fieldtype in DATE_TYPES | DATETIME_TYPES:
		if isinstance(value, datetime.date) or (
			isinstance(value, str) and (value == "" or is_iso_date(value))
		):
			return None
		if fieldtype in DATE_TYPES:
			return _("{0}: {1} is not a valid date. Enter it as YYYY-MM-DD, for example {2}.").format(
				label, shown(value), frappe.utils.today()
			)
		return _(
			"{0}: {1} is not a valid date and time. Enter it as YYYY-MM-DD HH:MM:SS, for example {2}."
		).format(label, shown(value), frappe.utils.now_datetime().strftime("%Y-%m-%d %H:%M:%S"))
	if fieldtype in TIME_TYPES:
		if isinstance(value, datetime.time | datetime.timedelta) or (
			isinstance(value, str) and (value == "" or is_time(value))
		):
			return None
		return _("{0}: {1} is not a valid time. Enter it as HH:MM:SS, for example 09:30:00.").format(
			label, shown(value)
		)
	if fieldtype in NUMBER_TYPES:
		number = as_number(value)
		if number is None:
			return _(
				"{0}: {1} is not a number. Enter digits only, with a dot before the decimals, for example 1500000.50."
			).format(label, shown(value))
		if abs(number) >= NUMBER_LIMIT:
			return _("{0}: {1} is too large. Enter a number below {2}.").format(
				label, shown(value), frappe.bold("1.000.000.000.000")
			)
		return None
	if fieldtype in INT_TYPES:
		whole = as_whole(value)
		if whole is None:
			return _("{0}: {1} is not a whole number. Enter digits only, for example 30.").format(
				label, shown(value)
			)
		if abs(whole) > INT_LIMIT:
			return _("{0}: {1} is too large. Enter a whole number between {2} and {3}.").format(
				label, shown(value), -INT_LIMIT, INT_LIMIT
			)
		return None
	if fieldtype in CHECK_TYPES:
		if (not isinstance(value, float | str) and value in (0, 1)) or value in ("", "0", "1"):
			return None
		return _("{0}: {1} is not a valid value for a check box. Enter 1 for yes or 0 for no.").format(
			label, shown(value)
		)
	# every other field holds text: Data, Link, Select, Small Text, Text, Text Editor, Attach, ...
	if not isinstance(value, str):
		return _("{0} must be text, but {1} was sent: {2}.").format(label, kind(value), shown(value))
	# Frappe stores an attachment's address as it comes, unsanitised, and shows it as a link
	if fieldtype in FILE_TYPES and value and not FILE_URL.fullmatch(value):
		return _(
			"{0}: {1} is not the address of a file. Attach the file, or enter its address (/files/..., /private/files/... or https://...)."
		).format(label, shown(value))
	limit = text_limit(df)
	if limit:
		most, in_bytes = limit
		size = len(value.encode("utf-8")) if in_bytes else len(value)
		if size > most:
			return _("{0} is too long: {1} characters, at most {2}. Shorten it.").format(
				label, len(value), most
			)
	return None


# --- a document ---------------------------------------------------------------------------------


def field_label(df) -> str:
	return frappe.bold(_(df.label or df.fieldname))


def row_label(table_df, idx, df) -> str:
	return _("{0}, row {1}: {2}").format(
		frappe.bold(_(table_df.label or table_df.fieldname)), idx, _(df.label or df.fieldname)
	)


def rows_problem(table_df, rows) -> str | None:
	"""A child table is a list of rows, each an object of the row's fields."""
	if rows is None or rows == "":
		return None
	if isinstance(rows, list | tuple) and all(
		isinstance(r, dict | frappe.model.document.Document) for r in rows
	):
		return None
	return _("{0} must be a list of rows, each an object of the row's fields, but {1} was sent: {2}.").format(
		field_label(table_df), kind(rows), shown(rows)
	)


def known_fields(meta, is_row: bool) -> set[str]:
	known = {df.fieldname for df in meta.fields} | set(default_fields) | set(optional_fields)
	if is_row or meta.istable:
		known |= set(child_table_fields)
	return known


def unknown_problems(meta, values: dict, where: str | None = None) -> list[str]:
	known = known_fields(meta, is_row=where is not None)
	unknown = [k for k in values if k not in known and not (isinstance(k, str) and k.startswith("__"))]
	return [
		_("{0} has no field {1}. Remove it from the request or correct its name.").format(
			where or frappe.bold(_(meta.name)), frappe.bold(escape_html(str(k)[:60]))
		)
		for k in unknown
	]


def payload_problems(doctype: str, values, unknown: bool) -> list[str]:
	"""What is wrong with the field values of a request for a document of ``doctype`` (parent and rows)."""
	if not isinstance(values, dict):
		return [
			_("The request must be an object of the document's fields, but {0} was sent: {1}.").format(
				kind(values), shown(values)
			)
		]
	meta = frappe.get_meta(doctype)
	problems = unknown_problems(meta, values) if unknown else []
	sent = values.get("doctype")
	if sent not in (None, doctype):
		problems.append(
			_("The request is for a {0}, but its field doctype says {1}.").format(
				frappe.bold(_(doctype)), shown(sent)
			)
		)
	for df in meta.fields:
		if df.fieldname not in values:
			continue
		value = values[df.fieldname]
		if df.fieldtype in table_fields:
			if issue := rows_problem(df, value):
				problems.append(issue)
				continue
			child = frappe.get_meta(df.options)
			for idx, row in enumerate(value or [], start=1):
				row = row.as_dict() if isinstance(row, frappe.model.document.Document) else row
				where = _("{0}, row {1}").format(field_label(df), idx)
				if unknown:
					problems.extend(unknown_problems(child, row, where))
				for cdf in child.fields:
					if cdf.fieldname in row and (
						issue := problem(cdf, row[cdf.fieldname], row_label(df, idx, cdf))
					):
						problems.append(issue)
		elif issue := problem(df, value, field_label(df)):
			problems.append(issue)
	return problems


def choice_problem(df, value, label: str) -> str | None:
	"""A Select holds one of its options. Frappe checks it after the controller's ``validate``, which
	may already have used the value (as a key of a table of titles, for instance)."""
	if df.fieldtype != "Select" or not df.options or value in (None, "") or frappe.flags.in_import:
		return None
	options = df.options.split("\n")
	if value in options or value.strip() in options:
		return None
	return _("{0}: {1} is not one of the choices ({2}).").format(
		label, shown(value), ", ".join(_(o) for o in options if o)
	)


def link_problem(meta, df, value, label: str) -> str | None:
	"""A link names a record that exists. Frappe 15 does not check it when other fields fetch from the
	link (``BaseDocument.get_invalid_links``: no row found, nothing reported); it checks the others."""
	if df.fieldtype != "Link" or not df.options or not isinstance(value, str) or not value:
		return None
	if not meta.get_fields_to_fetch(df.fieldname) or frappe.db.exists(df.options, value):
		return None
	return _("{0}: there is no {1} {2}. Choose one from the list.").format(label, _(df.options), shown(value))


def field_problem(meta, df, value, label: str) -> str | None:
	return (
		problem(df, value, label) or choice_problem(df, value, label) or link_problem(meta, df, value, label)
	)


def document_problems(doc) -> list[str]:
	problems = []
	for df in doc.meta.fields:
		if df.fieldtype in table_fields:
			rows = doc.get(df.fieldname)
			if issue := rows_problem(df, rows):
				problems.append(issue)
				continue
			for row in rows or []:
				for cdf in row.meta.fields:
					if issue := field_problem(
						row.meta, cdf, row.get(cdf.fieldname), row_label(df, row.idx, cdf)
					):
						problems.append(issue)
		elif issue := field_problem(doc.meta, df, doc.get(df.fieldname), field_label(df)):
			problems.append(issue)
	return problems


def refuse(problems: list[str]) -> None:
	if not problems:
		return
	shown_problems = problems[:MAX_PROBLEMS]
	if len(problems) > MAX_PROBLEMS:
		shown_problems.append(_("and {0} more.").format(len(problems) - MAX_PROBLEMS))
	frappe.throw("<br>".join(shown_problems), title=_("Invalid value"), exc=InvalidValueError)


def invalid(message: str) -> None:
	frappe.throw(message, title=_("Invalid value"), exc=InvalidValueError)


def check_document(doc, method=None) -> None:
	"""``before_validate`` / ``before_update_after_submit`` of the app's DocTypes: every field against its type."""
	refuse(document_problems(doc))


# --- a request --------------------------------------------------------------------------------

RESOURCE = re.compile(r"/api/(?:v1/resource|resource|v2/document)/([^/]+)(?:/(.+?))?/?")
METHOD = re.compile(r"/api/(?:v1/|v2/)?method/([^/]+)/?")
# whitelisted methods of Frappe that save a document given whole in the argument ``doc``
DOCUMENT_METHODS = ("frappe.client.insert", "frappe.client.save", "frappe.desk.form.save.savedocs")


def request_document(v2: bool):
	"""The document a REST insert or update sends, read as Frappe's own endpoint reads it."""
	if v2:
		return dict(frappe.form_dict)
	from frappe.api.v1 import get_request_form_data

	return get_request_form_data()


def check_request() -> None:
	"""``before_request``: the REST insert and update of the app's DocTypes, Frappe's document methods,
	and the arguments of the app's whitelisted methods."""
	request = getattr(frappe.local, "request", None)
	if request is None or request.method == "OPTIONS":
		return
	path = request.path
	if request.method not in ("POST", "PUT", "PATCH"):
		if match := METHOD.fullmatch(path):
			check_arguments(match.group(1))
		return
	if match := RESOURCE.fullmatch(path):
		doctype, name = match.group(1), match.group(2)
		# POST on /resource/<doctype>/<name> runs a document method, not an update
		if (name is None) != (request.method == "POST") or not is_app_doctype(doctype):
			return
		data = request_document(v2="/v2/" in path)
		if isinstance(data, dict):
			data = {k: v for k, v in data.items() if k not in ("cmd", "flags")}
		refuse(payload_problems(doctype, data, unknown=True))
		return
	match = METHOD.fullmatch(path)
	if not match:
		return
	method = match.group(1)
	check_arguments(method)
	if method not in DOCUMENT_METHODS:
		return
	doc = frappe.form_dict.get("doc")
	if isinstance(doc, str):
		try:
			doc = frappe.parse_json(doc)
		except ValueError:
			return
	if isinstance(doc, dict) and is_app_doctype(doc.get("doctype")):
		refuse(payload_problems(doc["doctype"], doc, unknown=False))


def app_method(method: str):
	"""The function of the app behind a whitelisted method (directly, or replacing one of Frappe's), or None."""
	overrides = frappe.get_hooks("override_whitelisted_methods") or {}
	target = (overrides.get(method) or [method])[-1]
	if not target.startswith("ksad_app."):
		return None
	try:
		return frappe.get_attr(target)
	except (AttributeError, ImportError, frappe.ValidationError):
		return None  # Frappe answers for a method that does not exist


def check_arguments(method: str) -> None:
	"""Every required argument of an app's whitelisted method is sent: Python's ``TypeError`` for a
	missing one reaches the user as a server error (``frappe.call`` passes the form as keywords)."""
	fn = app_method(method)
	if fn is None:
		return
	if frappe.session.user == "Guest" and fn not in frappe.guest_methods:
		return  # Frappe refuses the visitor (403) before any argument counts
	required = [
		p.name
		for p in inspect.signature(inspect.unwrap(fn)).parameters.values()
		if p.default is p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
	]
	missing = [name for name in required if frappe.form_dict.get(name) in (None, "")]
	if missing:
		frappe.throw(
			_("Missing argument: {0}. Send it with the request.").format(
				", ".join(frappe.bold(name) for name in missing)
			),
			title=_("Invalid value"),
			exc=InvalidValueError,
		)
