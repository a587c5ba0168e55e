"""Number cards and charts on the read replica: Frappe 15.55 does not mark their methods ``read_only`` (issue 8).

Frappe sends a whitelisted method to the replica of ``read_from_replica``
(``replica_host``, ``replica_db_port``) when the method is wrapped in
``frappe.read_only()``. In Frappe 15 these are: ``frappe.desk.query_report.run``
(every script and query report), ``frappe.desk.reportview.get``,
``get_list`` and ``get_count`` (list views, Report Builder) and
``frappe.desk.desktop.get_desktop_page``. The methods behind number cards and
dashboard charts are not:

* ``number_card.get_result`` (a Document Type card) and
  ``get_percentage_difference`` only read, but are not marked;
* ``dashboard_chart.get`` reads, then writes ``last_synced_on`` on the
  Dashboard Chart on every refresh (``frappe.utils.dashboard.cache_source``,
  which never stores the result it looks up in Redis).

The hooks ``override_whitelisted_methods`` point the desk's calls to the
functions below: the same Frappe code, inside ``frappe.read_only()``; the
chart's without the write of ``last_synced_on``, which a replica refuses and
which makes every user's refresh lock the chart's row on the primary.
Without a replica configured, ``frappe.read_only()`` changes nothing.
"""

import inspect

import frappe
from frappe import _
from frappe.desk.doctype.dashboard_chart import dashboard_chart
from frappe.desk.doctype.number_card import number_card

from ksad_app.overrides.arguments import (
	OptionalDate,
	Year,
	choice_argument,
	existing_doctype,
	known_field,
	list_filters,
	parsed,
)
from ksad_app.overrides.input_checks import invalid, shown

CARD_FUNCTIONS = ("Count", "Sum", "Average", "Minimum", "Maximum")
# the charts a caller may describe in the request; Custom and Report ones run code named in them
CHART_TYPES = ("Count", "Sum", "Average", "Group By")


def iso(day) -> str | None:
	return day.isoformat() if day else None


def option_values(doctype: str, fieldname: str) -> list[str]:
	return (frappe.get_meta(doctype).get_field(fieldname).options or "").split("\n")


def checked_card(doc, stored: bool = False) -> frappe._dict:
	"""A number card as the desk sends it: Frappe reads its function, DocType and field without a check
	(a wrong one is a ``KeyError`` or a database error). ``stored``: it must be a saved card."""
	doc = parsed(doc, "doc")
	if not isinstance(doc, dict):
		invalid(_("doc must be the number card, but {0} was sent.").format(shown(doc)))
	doc = frappe._dict(doc)
	if stored:
		if not isinstance(doc.name, str) or not frappe.db.exists("Number Card", doc.name):
			invalid(_("doc: there is no Number Card {0}.").format(shown(doc.name)))
		return doc
	choice_argument(doc.function, CARD_FUNCTIONS, "doc.function") or invalid(
		_("doc.function: choose one of {0}.").format(", ".join(CARD_FUNCTIONS))
	)
	existing_doctype(doc.document_type, "doc.document_type")
	if doc.parent_document_type:
		existing_doctype(doc.parent_document_type, "doc.parent_document_type")
	if doc.function != "Count" and not known_field(doc.document_type, doc.aggregate_function_based_on):
		invalid(
			_("doc.aggregate_function_based_on: {0} has no field {1}.").format(
				_(doc.document_type), shown(doc.aggregate_function_based_on)
			)
		)
	return doc


def checked_chart(chart) -> dict:
	chart = parsed(chart, "chart")
	if not isinstance(chart, dict):
		invalid(_("chart must be the dashboard chart, but {0} was sent.").format(shown(chart)))
	chart = frappe._dict(chart)
	if chart.chart_type not in CHART_TYPES:
		invalid(
			_("chart.chart_type: {0} is not one of the choices ({1}).").format(
				shown(chart.chart_type), ", ".join(CHART_TYPES)
			)
		)
	existing_doctype(chart.document_type, "chart.document_type")
	fields = {"Group By": ("group_by_based_on",), "Count": ("based_on",)}.get(
		chart.chart_type, ("based_on", "value_based_on")
	)
	for field in fields:
		if not known_field(chart.document_type, chart.get(field)):
			invalid(
				_("chart.{0}: {1} has no field {2}.").format(
					field, _(chart.document_type), shown(chart.get(field))
				)
			)
	choice_argument(chart.type, option_values("Dashboard Chart", "type"), "chart.type")
	choice_argument(chart.timespan, option_values("Dashboard Chart", "timespan"), "chart.timespan")
	choice_argument(
		chart.time_interval, option_values("Dashboard Chart", "time_interval"), "chart.time_interval"
	)
	return chart


@frappe.whitelist()
@frappe.read_only()
def number_card_result(doc, filters, to_date: OptionalDate = None):
	"""``number_card.get_result``, on the replica; the card and filters checked first (the date by Frappe)."""
	doc = checked_card(doc)
	filters = list_filters(doc.document_type, filters)
	return number_card.get_result(doc, filters, iso(to_date))


@frappe.whitelist()
@frappe.read_only()
def number_card_percentage_difference(doc, filters, result: float):
	"""``number_card.get_percentage_difference``, on the replica; the card and filters checked first (the
	result by Frappe)."""
	doc = checked_card(doc, stored=True)
	card_doctype = frappe.db.get_value("Number Card", doc.name, "document_type")
	filters = list_filters(card_doctype, filters) if card_doctype else parsed(filters, "filters")
	return number_card.get_percentage_difference(doc, filters, result)


@frappe.whitelist()
@frappe.read_only()
def dashboard_chart_data(
	chart_name=None,
	chart=None,
	no_cache=None,
	filters=None,
	from_date: OptionalDate = None,
	to_date: OptionalDate = None,
	timespan=None,
	time_interval=None,
	heatmap_year: Year = None,
	refresh=None,
):
	"""``dashboard_chart.get`` without its cache wrapper (which only writes ``last_synced_on``), on the replica.

	The chart's settings come from the document cache (Frappe loads the chart
	from the database twice per call otherwise).
	"""
	compute = inspect.unwrap(dashboard_chart.get)
	if chart_name and not chart:
		if not isinstance(chart_name, str) or not frappe.db.exists("Dashboard Chart", chart_name):
			invalid(_("chart_name: there is no Dashboard Chart {0}.").format(shown(chart_name)))
		chart = frappe.get_cached_doc("Dashboard Chart", chart_name).as_dict()
		chart_name = None
	elif chart:
		chart = checked_chart(chart)
	else:
		invalid(_("Send the chart: chart_name, or chart with its settings."))
	filters = list_filters(chart.get("document_type"), filters) if filters else filters
	timespan = choice_argument(timespan, option_values("Dashboard Chart", "timespan"), "timespan")
	time_interval = choice_argument(
		time_interval, option_values("Dashboard Chart", "time_interval"), "time_interval"
	)
	if (timespan or chart.get("timespan")) != "Select Date Range":
		from_date = to_date = None  # Frappe reads them for a date range only, and fails on them otherwise
	# The desk sends the chart's own settings as empty strings; as in ``cache_source``,
	# an empty value means the chart's setting (an empty date cannot be parsed).
	return compute(
		chart_name=chart_name,
		chart=chart,
		no_cache=no_cache,
		filters=filters or None,
		from_date=iso(from_date),  # Frappe's chart code takes the dates as text
		to_date=iso(to_date),
		timespan=timespan or None,
		time_interval=time_interval or None,
		heatmap_year=heatmap_year or None,
		refresh=refresh,
	)
