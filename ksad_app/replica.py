"""The workspace's cards and charts on the read replica (issue 8, "Scale-out on Frappe's own engine").

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
from frappe.desk.doctype.dashboard_chart import dashboard_chart
from frappe.desk.doctype.number_card import number_card


@frappe.whitelist()
@frappe.read_only()
def number_card_result(doc, filters, to_date=None):
	"""``number_card.get_result``, on the replica."""
	return number_card.get_result(doc, filters, to_date)


@frappe.whitelist()
@frappe.read_only()
def number_card_percentage_difference(doc, filters, result):
	"""``number_card.get_percentage_difference``, on the replica."""
	return number_card.get_percentage_difference(doc, filters, result)


@frappe.whitelist()
@frappe.read_only()
def dashboard_chart_data(
	chart_name=None,
	chart=None,
	no_cache=None,
	filters=None,
	from_date=None,
	to_date=None,
	timespan=None,
	time_interval=None,
	heatmap_year=None,
	refresh=None,
):
	"""``dashboard_chart.get`` without its cache wrapper (which only writes ``last_synced_on``), on the replica.

	The chart's settings come from the document cache (Frappe loads the chart
	from the database twice per call otherwise).
	"""
	compute = inspect.unwrap(dashboard_chart.get)
	if chart_name and not chart:
		chart = frappe.get_cached_doc("Dashboard Chart", chart_name).as_dict()
		chart_name = None
	return compute(
		chart_name=chart_name,
		chart=chart,
		no_cache=no_cache,
		filters=filters,
		from_date=from_date,
		to_date=to_date,
		timespan=timespan,
		time_interval=time_interval,
		heatmap_year=heatmap_year,
		refresh=refresh,
	)
