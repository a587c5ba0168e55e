"""``frappe.desk.query_report.run`` (Frappe 15.55) for the app's script reports: filters checked, the Report cached.

Two gaps of Frappe 15's ``run`` mended for the standard script reports of
module KSAD; every other report goes through Frappe's own ``run``:

* Frappe passes the filters to the report as ``frappe._dict(filters)``: a
  list or a number there is a server error, and a value of the wrong type
  reaches the report's query. They are checked against the report's
  ``FILTERS`` (the same as its .js; a test compares them).
* Frappe reads the Report document from the database twice per run
  (``validate_filters_permissions`` and ``get_report_doc``), nine queries and
  about 10 ms, more than the whole query of a regional officer's report. The
  app's reports run from the cached Report, with Frappe's checks in Frappe's
  order.
"""

import frappe
from frappe import _
from frappe.utils import escape_html, sbool

from ksad_app.overrides.arguments import ShortText, existing_doctype, known_field, parsed
from ksad_app.overrides.input_checks import (
	INT_LIMIT,
	INT_TYPES,
	MODULE,
	as_whole,
	invalid,
	kind,
	problem,
	refuse,
	shown,
)


def filters_problems(filters, spec: list[dict]) -> list[str]:
	"""What is wrong with a script report's ``filters`` against the report's ``FILTERS`` (as its .js declares them)."""
	if filters in (None, ""):
		return []
	if not isinstance(filters, dict):
		return [
			_("The filters must be an object of filter names and values, but {0} was sent: {1}.").format(
				kind(filters), shown(filters)
			)
		]
	by_name = {f["fieldname"]: frappe._dict(f) for f in spec}
	problems = []
	for key, value in filters.items():
		df = by_name.get(key)
		if df is None:
			problems.append(
				_("This report has no filter {0}. Its filters are: {1}.").format(
					frappe.bold(escape_html(str(key)[:60])), ", ".join(str(f.label) for f in by_name.values())
				)
			)
			continue
		label = frappe.bold(str(df.label))  # translated when shown (_lt in the report's FILTERS)
		if issue := problem(df, value, label):
			problems.append(issue)
		elif value in (None, ""):
			continue
		elif df.fieldtype in INT_TYPES and not (
			df.get("min", -INT_LIMIT) <= as_whole(value) <= df.get("max", INT_LIMIT)
		):
			problems.append(
				_("{0}: {1} is out of range. Enter a whole number between {2} and {3}.").format(
					label, shown(value), df.get("min", -INT_LIMIT), df.get("max", INT_LIMIT)
				)
			)
		elif df.fieldtype == "Select" and value not in (df.options or []):
			problems.append(
				_("{0}: {1} is not one of the choices ({2}).").format(
					label, shown(value), ", ".join(_(o) for o in df.options if o)
				)
			)
		elif df.fieldtype == "Link" and not frappe.db.exists(df.options, value):
			problems.append(
				_("{0}: there is no {1} {2}. Choose one from the list.").format(
					label, _(df.options), shown(value)
				)
			)
	return problems


def check_filters(filters, spec: list[dict]) -> None:
	refuse(filters_problems(filters, spec))


def app_script_report(report_name):
	"""The Report document (cached) of a standard script report of the app, or None for any other report."""
	if not isinstance(report_name, str) or not report_name:
		return None
	try:
		report = frappe.get_cached_doc("Report", report_name)
	except frappe.DoesNotExistError:
		frappe.clear_last_message()
		return None
	if report.module != MODULE or report.report_type != "Script Report" or report.is_standard != "Yes":
		return None
	return report


def report_filters_spec(report_name) -> list[dict] | None:
	"""The ``FILTERS`` of a script report of the app, or None for any other report."""
	report = app_script_report(report_name)
	return filters_of(report) if report is not None else None


def filters_of(report) -> list[dict]:
	scrubbed = frappe.scrub(report.name)
	return frappe.get_attr(f"ksad_app.ksad.report.{scrubbed}.{scrubbed}.FILTERS")


def columns_argument(columns):
	"""The columns added to a report from linked DocTypes (the report view's "Pick Columns")."""
	columns = parsed(columns, "custom_columns")
	if columns in (None, "", []):
		return columns
	if not isinstance(columns, list) or not all(isinstance(c, dict) for c in columns):
		invalid(_("custom_columns must be a list of columns, but {0} was sent.").format(shown(columns)))
	for column in columns:
		doctype = existing_doctype(column.get("doctype"), "custom_columns.doctype")
		if not known_field(doctype, column.get("fieldname")):
			invalid(
				_("custom_columns: {0} has no field {1}.").format(_(doctype), shown(column.get("fieldname")))
			)
		if not isinstance(column.get("link_field"), str):
			invalid(_("custom_columns: each column names its link_field."))
	return columns


@frappe.whitelist()
@frappe.read_only()
def run_report(
	report_name: str,
	filters=None,
	user=None,
	ignore_prepared_report=False,
	custom_columns=None,
	is_tree=False,
	parent_field: ShortText | None = None,
	are_default_filters=True,
):
	"""``frappe.desk.query_report.run``, with the filters of the app's script reports checked first.

	Frappe passes the filters to the report as ``frappe._dict(filters)``: a
	list or a number there is a server error, and a value of the wrong type
	reaches the report's query. The same call for every other report. The app's
	own reports then run from the cached Report (:func:`run_app_report`).
	"""
	from frappe.desk.query_report import run

	# another user's name would have Frappe check the filters' permissions as that user
	if user not in (None, "", frappe.session.user):
		invalid(_("user: a report runs as the user who asks for it. Leave user out."))
	custom_columns = columns_argument(custom_columns)
	report = app_script_report(report_name)
	if report is not None:
		parsed = filters
		if isinstance(filters, str):
			try:
				parsed = frappe.parse_json(filters)
			except ValueError:
				parsed = filters
		check_filters(parsed, filters_of(report))
		filters = parsed
	if report is not None and not (report.prepared_report and not sbool(ignore_prepared_report)):
		return run_app_report(report, filters, custom_columns, is_tree, parent_field)
	return run(
		report_name,
		filters=filters,
		user=user,
		ignore_prepared_report=ignore_prepared_report,
		custom_columns=custom_columns,
		is_tree=is_tree,
		parent_field=parent_field,
		are_default_filters=are_default_filters,
	)


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
