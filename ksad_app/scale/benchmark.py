"""How fast the app answers at national scale (issue 8), measured against hand-written SQL.

``bench --site S ksad-benchmark [--runs 15] [--json out.json]`` measures, as
each of four users of ``ksad_app.scale.data`` (a TKKSD member of TKKSD-32, a
Governor Office user of province 32, a regional officer of 32.73, a Ministry
Official):

* every standard Script Report of module KSAD, through
  ``frappe.desk.query_report.run`` with the filters' defaults of its ``.js``;
* every standard Report Builder report of the module, through
  ``frappe.desk.reportview.get`` with its saved columns, filters and order;
* every standard Number Card (``number_card.get_result`` for a Document Type
  card, the card's method or report otherwise) and Dashboard Chart
  (``dashboard_chart.get`` as the workspace calls it, with ``refresh``) of
  the module;
* the list views of Inter-Regional Cooperation and Supervision Activity as
  the desk asks for them: the first page of 20 (``reportview.get``) and the
  count (``reportview.get_count``, bounded at 1001 like the desk's);
* a national Supervision Report (Pasal 8) compile, as a member of the
  Sekretariat Bersama, when that DocType exists.

Each is run ``runs`` times after one warm-up, with Frappe's request-local
caches emptied before every run (Redis stays warm, as between requests), and
compared with hand-written SQL returning the same rows for that user's
scope: one small query for the user's regions (User Permissions) or bodies
(memberships), then the query itself with those values as parameters — the
same shape of query the permission hooks give Frappe, so that the ratio
measures Frappe and not a different query plan. Both are timed. The rows of
both are compared; a difference is reported next to the figure. Everything
runs in a transaction rolled back at the end.

**Targets** (issue 8): every call ≤ 1 s median and ≤ 3× its SQL; the national
compile ≤ 2 s. A ratio says little where the SQL takes a millisecond or two:
then the call's time is mostly what Frappe does for *any* call of that entry
point (load the Report, check roles and permissions, build the query, shape
the answer). So each thing is also measured as ``scale.FLOOR_USER``, a
regional officer tied to no region: the same method, the same hooks, the
same query with a scope that matches nothing. That median is the call's
*floor*, Frappe's fixed cost of the entry point on this machine. A call meets
the ratio target when its median is ≤ 3× its SQL, or when what it takes
above its floor is ≤ 3× its SQL (:func:`meets_ratio`). Both ratios are
printed; the rule is the README's ("National scale").
"""

import json
import platform
import re
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import frappe
from frappe.utils import add_days, add_months, get_first_day, get_year_start, getdate, now_datetime, today

from ksad_app import permissions
from ksad_app.overrides.reportview import first_page
from ksad_app.scale import data as scale
from ksad_app.scale.baselines import REPORT_SQL, doctype_scope, scoped, sql

MODULE = "KSAD"
TARGET_MS = 1000  # every report, card, chart and list: median at most this
TARGET_RATIO = 3  # ... and at most this many times its SQL (see meets_ratio)
COMPILE_TARGET_MS = 2000  # the national Supervision Report compile
COOPERATION = "Inter-Regional Cooperation"
ACTIVITY = "Supervision Activity"
REPORT = "Supervision Report"
PAGE_LENGTH = 20
COUNT_BOUND = 1001  # the desk's list view counts up to this many (list_view.js count_upper_bound)

# (label, user, kind of scope)
USERS = (
	("TKKSD member (TKKSD-32)", scale.TKKSD_USER, "member"),
	("Governor Office (32)", scale.GOVERNOR_USER, "governor"),
	("regional officer (32.73)", scale.OFFICER_USER, "officer"),
	("Ministry", scale.MINISTRY_USER, "all"),
)

# --- filters of cards, charts and reports ------------------------------------------------

_JS_TODAY = r"frappe\.datetime\.(?:get_today|nowdate|now_date)\(\)"


def js_value(expr: str, user: str):
	"""The value of a filter default or dynamic filter written in JavaScript, for the common forms.

	Raises ValueError for anything else, so that the benchmark says it could not evaluate it.
	"""
	expr = expr.strip().rstrip(",").strip()
	if expr.startswith("[") and expr.endswith("]"):
		return [js_value(part, user) for part in top_level_items(expr[1:-1])]
	if re.fullmatch(r"""(["'])(.*)\1""", expr):
		return expr[1:-1]
	if re.fullmatch(r"-?\d+(\.\d+)?", expr):
		return float(expr) if "." in expr else int(expr)
	if expr in ("true", "false"):
		return int(expr == "true")
	if re.fullmatch(_JS_TODAY, expr):
		return today()
	if expr == "frappe.session.user":
		return user
	m = re.fullmatch(r"frappe\.datetime\.(add_days|add_months)\((.+),\s*(-?\d+)\)", expr)
	if m:
		base = js_value(m.group(2), user)
		return str((add_days if m.group(1) == "add_days" else add_months)(getdate(base), int(m.group(3))))
	m = re.fullmatch(r"frappe\.datetime\.(year_start|month_start)\(\)", expr)
	if m:
		return str(get_year_start(today()) if m.group(1) == "year_start" else get_first_day(today()))
	raise ValueError(expr)


def top_level_items(text: str) -> list[str]:
	"""The items of a JavaScript array literal's inside, split at the commas outside brackets."""
	items, depth, start = [], 0, 0
	for i, ch in enumerate(text):
		if ch in "([":
			depth += 1
		elif ch in ")]":
			depth -= 1
		elif ch == "," and depth == 0:
			items.append(text[start:i])
			start = i + 1
	if text[start:].strip():
		items.append(text[start:])
	return items


def card_filters(doc, user: str) -> list:
	"""A card's or chart's filters as the workspace sends them: the static ones, then the dynamic ones evaluated."""
	filters = json.loads(doc.filters_json or "[]")
	for f in json.loads(doc.get("dynamic_filters_json") or "[]"):
		filters.append([f[0], f[1], f[2], js_value(f[3], user)])
	return filters


def report_default_filters(report_name: str, module_path: Path, user: str) -> dict:
	"""The defaults of a script report's filters, read from its ``.js`` (the desk sends these)."""
	js = module_path.with_suffix(".js")
	if not js.exists():
		return {}
	text = js.read_text().split("formatter", 1)[0]
	out = {}
	# each filter runs from its fieldname to the next one
	for segment in re.split(r"(?=\bfieldname\s*:)", text)[1:]:
		name = re.match(r"""fieldname\s*:\s*["'](\w+)["']""", segment)
		default = re.search(r"\bdefault\s*:\s*(.+?)\s*,?\s*$", segment, re.M)
		if name and default:
			out[name.group(1)] = js_value(default.group(1), user)
	return out


_OPS = {
	"=": "=",
	"!=": "!=",
	"<": "<",
	">": ">",
	"<=": "<=",
	">=": ">=",
	"like": "like",
	"not like": "not like",
}


def where_from_filters(doctype: str, filters, alias: str = "t") -> tuple[str, dict]:
	"""Hand-written SQL for a list of simple filters on the DocType's own columns (parameters, no formatting)."""
	clauses, params = [], {}
	for n, f in enumerate(filters or []):
		if isinstance(f, dict):
			raise ValueError("dict filters")
		if len(f) >= 4:
			ftype, fieldname, op, value = f[0], f[1], f[2], f[3]
		else:
			ftype, (fieldname, op, value) = doctype, f
		if ftype != doctype or not re.fullmatch(r"\w+", fieldname):
			raise ValueError(f"filter on {ftype}.{fieldname}")
		op = op.lower()
		column = f"{alias}.`{fieldname}`"
		key = f"f{n}"
		if op in _OPS:
			clauses.append(f"{column} {_OPS[op]} %({key})s")
			params[key] = value
		elif op in ("in", "not in"):
			values = value.split(",") if isinstance(value, str) else list(value)
			clauses.append(f"{column} {op} %({key})s")
			params[key] = tuple(v.strip() if isinstance(v, str) else v for v in values) or ("",)
		elif op == "is":
			clauses.append(f"ifnull({column}, '') {'!=' if value == 'set' else '='} ''")
		elif op == "timespan":  # "this year", "last month" ...: the dates Frappe's filter means
			from frappe.utils import get_timespan_date_range

			clauses.append(f"{column} between %({key}a)s and %({key}b)s")
			params[f"{key}a"], params[f"{key}b"] = get_timespan_date_range(value.lower())
		elif op == "between":
			clauses.append(f"{column} between %({key}a)s and %({key}b)s")
			params[f"{key}a"], params[f"{key}b"] = value
		else:
			raise ValueError(f"operator {op}")
	return " and ".join(clauses) or "1 = 1", params


# --- what is measured -------------------------------------------------------------------


@dataclass
class Thing:
	"""One thing to measure: how Frappe answers it, and the hand-written SQL that returns the same rows."""

	kind: str
	name: str
	call: Callable[[str, str], object]  # (user, scope kind) -> what Frappe's method returns
	via_sql: Callable[[str, str], object] | None = None  # (user, scope kind) -> comparable rows
	note: str = ""
	rows: Callable[[object], object] = lambda out: out  # Frappe's answer -> comparable rows

	def via_frappe(self, user: str, kind: str) -> object:
		return self.rows(self.call(user, kind))


@dataclass
class Result:
	kind: str
	name: str
	user: str
	median_ms: float | None = None
	sql_ms: float | None = None
	rows: object = None
	same_rows: bool | None = None
	note: str = ""
	samples: list[float] = field(default_factory=list)
	floor_ms: float | None = None

	@property
	def ratio(self) -> float | None:
		if self.median_ms is None or not self.sql_ms:
			return None
		return self.median_ms / self.sql_ms

	@property
	def ratio_above_floor(self) -> float | None:
		if self.ratio is None or self.floor_ms is None:
			return None
		return max(self.median_ms - self.floor_ms, 0.0) / self.sql_ms


def meets_ratio(ratio: float | None, ratio_above_floor: float | None) -> bool | None:
	"""The ratio target: ≤ 3× the SQL, or ≤ 3× the SQL above Frappe's floor for the same call (None: no SQL)."""
	if ratio is None:
		return None
	return ratio <= TARGET_RATIO or (ratio_above_floor is not None and ratio_above_floor <= TARGET_RATIO)


def meets_time(kind: str, median_ms: float | None) -> bool | None:
	if median_ms is None:
		return None
	return median_ms <= (COMPILE_TARGET_MS if kind == "compile" else TARGET_MS)


def fresh_request() -> None:
	"""Empty what Frappe keeps per request (Redis stays warm, as it does between requests)."""
	local = frappe.local
	local.cache = {}
	local.role_permissions = {}
	local.valid_columns = {}
	local.new_doc_templates = {}
	local.user_perms = None
	local.message_log = []
	local.form_dict = frappe._dict()
	local.response = frappe._dict({"docs": []})


def call_form(method: Callable, **form) -> object:
	"""Call a whitelisted method the way a request does, with its arguments in ``form_dict``."""
	frappe.local.form_dict = frappe._dict(form)
	return method()


# lists ------------------------------------------------------------------------------------


def list_fields(doctype: str) -> list[str]:
	"""The columns the desk's list view asks for (list_view.js set_fields)."""
	meta = frappe.get_meta(doctype)
	names = ["name", "owner", "creation", "modified", "modified_by", "_user_tags", "_comments", "_assign"]
	names += ["_liked_by", "docstatus", "idx"]
	names += [df.fieldname for df in meta.fields if df.in_list_view and df.fieldtype not in ("Table",)]
	names += [meta.title_field] if meta.title_field else []
	state_field = frappe.get_cached_value(
		"Workflow", {"document_type": doctype, "is_active": 1}, "workflow_state_field"
	)
	names += [state_field] if state_field else []
	names += ["_seen"] if meta.track_seen else []
	out = []
	for n in names:
		if n and n not in out:
			out.append(n)
	return out


def page_names(out) -> list[str]:
	"""The names on a list page (reportview.get answers with keys and values)."""
	if not out:
		return []
	at = out["keys"].index("name")
	return [row[at] for row in out["values"]]


def chart_rows(chart_type: str, out) -> object:
	"""A Group By chart as label -> value; a chart over time as the sum of its values."""
	if not out:
		return {} if chart_type == "Group By" else 0.0
	values = out["datasets"][0]["values"]
	if chart_type == "Group By":
		return {str(k): float(v) for k, v in zip(out["labels"], values, strict=True)}
	return float(sum(values))


def list_things(doctype: str) -> list[Thing]:
	from frappe.desk.reportview import get, get_count

	meta = frappe.get_meta(doctype)
	order = f"`{meta.sort_field or 'creation'}` {(meta.sort_order or 'desc').lower()}"
	fields = list_fields(doctype)
	qualified = [f"`tab{doctype}`.`{f}`" for f in fields]
	columns = ", ".join(f"t.`{f}`" for f in fields)

	def page(user, kind):
		form = {
			"doctype": doctype,
			"fields": json.dumps(qualified),
			"filters": "[]",
			"order_by": f"`tab{doctype}`.{order}",
			"start": 0,
			"page_length": PAGE_LENGTH,
			"view": "List",
			"group_by": "",
			"with_comment_count": 1,
		}
		# what the app's before_request does for this method (ksad_app.overrides.reportview)
		frappe.local.ksad_list_page = first_page(form)
		try:
			out = call_form(get, **form)
		finally:
			frappe.local.ksad_list_page = None
		return out

	def page_sql(user, kind):
		# the same shape as the app's for this user's page (ksad_app.permissions.list_condition)
		probe = kind != "all" and permissions.is_large(permissions.cooperation_scope(user))
		where = doctype_scope(doctype, kind, probe=probe)
		if kind != "all" and not probe:
			# a small scope: the page's names picked first from the scope's index entries, as the app does
			where = (
				f"t.`name` in (select r.`name` from (select f.`name` from `tab{doctype}` f"
				f" where {doctype_scope(doctype, kind, alias='f')} order by f.{order} limit {PAGE_LENGTH}) r)"
			)
		rows = sql(
			f"select {columns} from `tab{doctype}` t where {where} order by t.{order} limit {PAGE_LENGTH}",
			scoped(kind, user),
			as_dict=True,
		)
		return [r.name for r in rows]

	def count(user, kind):
		return call_form(
			get_count, doctype=doctype, filters="[]", fields="[]", distinct="false", limit=COUNT_BOUND
		)

	def count_sql(user, kind):
		return sql(
			f"select count(*) from (select t.name from `tab{doctype}` t where {doctype_scope(doctype, kind)}"
			f" limit {COUNT_BOUND}) c",
			scoped(kind, user),
		)[0][0]

	return [
		Thing("list page", doctype, page, page_sql, rows=page_names),
		Thing("list count", doctype, count, count_sql, note=f"bounded at {COUNT_BOUND} as the desk does"),
	]


# cards and charts ---------------------------------------------------------------------


def desk_method(cmd: str) -> Callable:
	"""What a request for ``cmd`` runs: the override of an app's hooks when there is one (frappe.handler)."""
	for hook in reversed(frappe.get_hooks("override_whitelisted_methods", {}).get(cmd, [])):
		cmd = hook
		break
	return frappe.get_attr(cmd)


def card_things() -> list[Thing]:
	from frappe.desk.query_report import run as run_report

	get_result = desk_method("frappe.desk.doctype.number_card.number_card.get_result")

	things = []
	for name in frappe.get_all(
		"Number Card", filters={"module": MODULE, "is_standard": 1}, pluck="name", order_by="name asc"
	):
		doc = frappe.get_doc("Number Card", name)

		if doc.type == "Custom" and doc.method:

			def via_frappe(user, kind, doc=doc):
				return frappe.call(doc.method, filters=card_filters(doc, user))

		elif doc.type == "Report":

			def via_frappe(user, kind, doc=doc):
				return run_report(doc.report_name, filters=card_filters(doc, user), ignore_prepared_report=1)

		else:

			def via_frappe(user, kind, doc=doc):
				return get_result(frappe.as_json(doc.as_dict()), filters=card_filters(doc, user))

		baseline = None
		if doc.type == "Document Type" and doc.function == "Count":

			def baseline(user, kind, doc=doc):
				where, params = where_from_filters(doc.document_type, card_filters(doc, user))
				scope = doctype_scope(doc.document_type, kind)
				if scope is None:
					return None
				return float(
					sql(
						f"select count(*) from `tab{doc.document_type}` t where {where} and {scope}",
						{**params, **scoped(kind, user)},
					)[0][0]
				)

		reduce = (lambda out: len(report_rows(out))) if doc.type == "Report" else (lambda out: out)
		things.append(Thing("card", name, via_frappe, baseline, rows=reduce))
	return things


def chart_things() -> list[Thing]:
	from frappe.desk.query_report import run as run_report

	get_chart = desk_method("frappe.desk.doctype.dashboard_chart.dashboard_chart.get")

	things = []
	for name in frappe.get_all(
		"Dashboard Chart", filters={"module": MODULE, "is_standard": 1}, pluck="name", order_by="name asc"
	):
		doc = frappe.get_doc("Dashboard Chart", name)
		if doc.chart_type == "Report":

			def via_frappe(user, kind, doc=doc):
				return run_report(
					doc.report_name, filters=json.loads(doc.filters_json or "{}"), ignore_prepared_report=1
				)

		else:

			def via_frappe(user, kind, doc=doc):
				out = get_chart(
					chart_name=doc.name,
					filters=json.dumps(card_filters(doc, user)) if doc.filters_json else None,
					refresh=1,
				)
				return out

		baseline = None
		if doc.chart_type == "Group By" and doc.group_by_type == "Count":

			def baseline(user, kind, doc=doc):
				where, params = where_from_filters(
					doc.document_type, [*card_filters(doc, user), [doc.document_type, "docstatus", "<", 2]]
				)
				scope = doctype_scope(doc.document_type, kind)
				if scope is None or not re.fullmatch(r"\w+", doc.group_by_based_on or ""):
					return None
				rows = sql(
					f"select t.`{doc.group_by_based_on}`, count(*) as n from `tab{doc.document_type}` t"
					f" where {where} and {scope} and t.`{doc.group_by_based_on}` is not null"
					f" group by t.`{doc.group_by_based_on}` order by n desc",
					{**params, **scoped(kind, user)},
				)
				return {str(k): float(v) for k, v in rows}

		elif doc.chart_type == "Count" and doc.based_on and doc.timespan != "Select Date Range":

			def baseline(user, kind, doc=doc):
				from frappe.utils.dateutils import get_from_date_from_timespan, get_period_beginning

				to_date = now_datetime()
				from_date = get_period_beginning(
					get_from_date_from_timespan(to_date, doc.timespan), doc.time_interval
				)
				where, params = where_from_filters(
					doc.document_type,
					[
						*card_filters(doc, user),
						[doc.document_type, "docstatus", "<", 2],
						[doc.document_type, doc.based_on, ">=", str(from_date)],
						[doc.document_type, doc.based_on, "<=", to_date],
					],
				)
				scope = doctype_scope(doc.document_type, kind)
				if scope is None or not re.fullmatch(r"\w+", doc.based_on):
					return None
				# the same rows as the chart's query: per day, the sum and the count (get_chart_config)
				rows = sql(
					f"select t.`{doc.based_on}`, sum(1), count(*) from `tab{doc.document_type}` t"
					f" where {where} and {scope} group by t.`{doc.based_on}` order by t.`{doc.based_on}`",
					{**params, **scoped(kind, user)},
				)
				return float(sum(r[1] for r in rows))

		things.append(Thing("chart", name, via_frappe, baseline, rows=partial(chart_rows, doc.chart_type)))
	return things


# reports ---------------------------------------------------------------------------------


def report_rows(out) -> list:
	"""The data rows of a script report's result (without its total row)."""
	rows = list(out.get("result") or [])
	if out.get("add_total_row") and rows:
		rows = rows[:-1]
	return rows


def script_report_things() -> list[Thing]:
	from frappe.modules import get_module_path, scrub

	# the method the desk's query report calls (hooks: override_whitelisted_methods)
	run_report = desk_method("frappe.desk.query_report.run")

	import ksad_app.scale.report_sql  # noqa: F401 -- registers the baselines

	things = []
	for name in frappe.get_all(
		"Report",
		filters={"module": MODULE, "report_type": "Script Report", "is_standard": "Yes", "disabled": 0},
		pluck="name",
		order_by="name asc",
	):
		path = Path(get_module_path(MODULE)) / "report" / scrub(name) / scrub(name)

		def via_frappe(user, kind, name=name, path=path):
			filters = report_default_filters(name, path, user)
			return run_report(name, filters=filters, ignore_prepared_report=1)

		baseline = None
		if name in REPORT_SQL:

			def baseline(user, kind, name=name, path=path):
				return len(REPORT_SQL[name](user, kind, report_default_filters(name, path, user)))

		things.append(Thing("report", name, via_frappe, baseline, rows=lambda out: len(report_rows(out))))
	return things


def column_sql(doctype: str, fieldname: str, ref_doctype: str) -> str:
	"""A Report Builder column as the report view names it (a child table's as ``'Child:field'``)."""
	column = f"`tab{doctype}`.`{fieldname}`"
	return column if doctype == ref_doctype else f"{column} as '{doctype}:{fieldname}'"


def report_builder_things() -> list[Thing]:
	"""The saved Report Builder reports, asked for as the desk's report view asks (report_view.js, group_by.js)."""
	from frappe.desk.reportview import get

	things = []
	for r in frappe.get_all(
		"Report",
		filters={"module": MODULE, "report_type": "Report Builder", "is_standard": "Yes", "disabled": 0},
		fields=["name", "ref_doctype", "json"],
		order_by="name asc",
	):
		settings = json.loads(r.json or "{}")
		doctype = r.ref_doctype
		filters = settings.get("filters") or []
		page_length = settings.get("page_length") or PAGE_LENGTH
		group = settings.get("group_by") or {}
		form = {"doctype": doctype, "filters": json.dumps(filters), "start": 0, "page_length": page_length}
		form |= {"view": "Report", "with_comment_count": 0}
		if group.get("group_by") and group.get("aggregate_function"):
			group_doctype, group_field = re.fullmatch(r"`tab(.+)`\.`(\w+)`", group["group_by"]).groups()
			fields = [column_sql(group_doctype, group_field, doctype)]
			if group_doctype != doctype:
				fields.append(f"`tab{group_doctype}`.`name` as '{group_doctype}:name'")
			form |= {
				"fields": json.dumps(fields),
				"group_by": group["group_by"],
				"aggregate_function": group["aggregate_function"],
				"aggregate_on_field": group.get("aggregate_on") or "name",
				"aggregate_on_doctype": doctype,
				"order_by": "_aggregate_column desc",
			}

			def reduce(out, at=fields[0]):
				if not out:
					return {}
				key = at.split(" as ")[-1].strip("'").split(".")[-1].strip("`")
				i, n = out["keys"].index(key), out["keys"].index("_aggregate_column")
				return {str(row[i]): float(row[n]) for row in out["values"]}

			baseline = partial(
				group_baseline,
				doctype,
				group_doctype,
				group_field,
				group["aggregate_function"],
				filters,
				page_length,
			)
		else:
			columns = settings.get("columns") or [["name", doctype]]
			form |= {
				"fields": json.dumps([column_sql(c[1], c[0], doctype) for c in columns]),
				"order_by": settings.get("order_by") or f"`tab{doctype}`.`creation` desc",
			}

			def reduce(out):
				return len(out["values"]) if out else 0

			baseline = None
			if all(c[1] == doctype for c in columns):
				baseline = partial(page_baseline, doctype, columns, filters, form["order_by"], page_length)

		def via_frappe(user, kind, form=form):
			return call_form(get, **form)

		things.append(Thing("report builder", r.name, via_frappe, baseline, rows=reduce))
	return things


def group_baseline(doctype, group_doctype, group_field, function, filters, limit, user, kind) -> dict | None:
	"""A grouped report in SQL: the parent's rows (left-joined to the child's when grouped by a child field)."""
	where, params = where_from_filters(doctype, filters)
	scope = doctype_scope(doctype, kind)
	if scope is None or function.lower() != "count":
		return None
	join, column = "", f"t.`{group_field}`"
	if group_doctype != doctype:
		join = f" left join `tab{group_doctype}` c on c.parent = t.name and c.parenttype = %(parenttype)s"
		column = f"c.`{group_field}`"
	rows = sql(
		f"select {column}, count(t.name) as n from `tab{doctype}` t{join} where {where} and {scope}"
		f" group by {column} order by n desc limit {int(limit)}",
		{**params, **scoped(kind, user), "parenttype": doctype},
	)
	return {str(k): float(v) for k, v in rows}


def page_baseline(doctype, columns, filters, order_by, limit, user, kind) -> int | None:
	where, params = where_from_filters(doctype, filters)
	scope = doctype_scope(doctype, kind)
	if scope is None:
		return None
	order = order_by.replace(f"`tab{doctype}`.", "t.")
	cols = ", ".join(f"t.`{c[0]}`" for c in columns)
	return len(
		sql(
			f"select {cols} from `tab{doctype}` t where {where} and {scope} order by {order} limit {int(limit)}",
			{**params, **scoped(kind, user)},
		)
	)


# the supervision report ---------------------------------------------------------------------


def compile_period() -> tuple[str, str]:
	"""The period of the measured national report: from the start of this year to today."""
	return str(get_year_start(today())), today()


def compile_thing() -> Thing | None:
	if not frappe.db.exists("DocType", REPORT):
		return None

	def via_frappe(user, kind):
		start, end = compile_period()
		doc = frappe.get_doc(
			{
				"doctype": REPORT,
				"report_type": frappe.get_meta(REPORT).get_field("report_type").options.split("\n")[1],
				"supervisory_body": "SEKBER",
				"period_start": start,
				"period_end": end,
			}
		)
		doc.insert()
		started = time.perf_counter()
		doc.compile()
		frappe.flags.ksad_compile_seconds = time.perf_counter() - started
		return doc.cooperation_count

	return Thing("compile", f"{REPORT} (Pasal 8, national)", via_frappe, None)


# --- running ----------------------------------------------------------------------------


def discover() -> list[Thing]:
	things = []
	things += script_report_things()
	things += report_builder_things()
	things += card_things()
	things += chart_things()
	things += list_things(COOPERATION)
	things += list_things(ACTIVITY)
	return things


def median_ms(
	fn: Callable[[], object], runs: int, before: Callable[[], None] | None = None
) -> tuple[float, list]:
	samples = []
	for _ in range(runs):
		if before:
			before()
		started = time.perf_counter()
		fn()
		samples.append((time.perf_counter() - started) * 1000)
	return statistics.median(samples), samples


def as_user(user: str) -> None:
	frappe.set_user(user)
	fresh_request()


def median_with_floor(thing: Thing, user: str, kind: str, runs: int) -> tuple[float, list, float | None]:
	"""The call's median as ``user`` and its floor: the same call as ``scale.FLOOR_USER``, run in turns.

	Taking the two in turns gives both the same moments of a busy machine; a
	floor that cannot be measured (the call refuses the floor user) is None.
	"""
	floor = True
	try:
		as_user(scale.FLOOR_USER)
		thing.via_frappe(scale.FLOOR_USER, "officer")  # warm-up
	except Exception:
		floor = False
		frappe.local.message_log = []
	samples, floor_samples = [], []
	for _ in range(runs):
		as_user(user)
		started = time.perf_counter()
		thing.via_frappe(user, kind)
		samples.append((time.perf_counter() - started) * 1000)
		if floor:
			as_user(scale.FLOOR_USER)
			started = time.perf_counter()
			thing.via_frappe(scale.FLOOR_USER, "officer")
			floor_samples.append((time.perf_counter() - started) * 1000)
	as_user(user)
	return (
		statistics.median(samples),
		samples,
		statistics.median(floor_samples) if floor_samples else None,
	)


def measure(thing: Thing, label: str, user: str, kind: str, runs: int) -> Result:
	result = Result(thing.kind, thing.name, label, note=thing.note)
	try:
		fresh_request()
		rows = thing.via_frappe(user, kind)  # warm-up, and the rows to compare
	except frappe.PermissionError:
		result.note = "no permission"
		frappe.local.message_log = []
		return result
	except Exception as e:
		result.note = f"error: {type(e).__name__}: {frappe.utils.strip_html(str(e))[:120]}"
		frappe.local.message_log = []
		return result
	result.rows = rows if not isinstance(rows, dict | list) else len(rows)
	result.median_ms, result.samples, result.floor_ms = median_with_floor(thing, user, kind, runs)
	if thing.via_sql:
		try:
			expected = thing.via_sql(user, kind)
		except ValueError as e:
			result.note = f"no SQL baseline ({e})"
			expected = None
		if expected is not None:
			result.same_rows = same_rows(expected, rows)
			result.sql_ms, _ = median_ms(lambda: thing.via_sql(user, kind), runs)
			if not result.same_rows:
				result.note = f"ROWS DIFFER: SQL {summarise(expected)} vs Frappe {summarise(rows)}"
	elif not result.note:
		result.note = "no SQL baseline"
	return result


def same_rows(expected, got) -> bool:
	"""Equal answers; for a grouped answer cut at a page length, equal up to the order of ties at the cut."""
	if expected == got:
		return True
	if isinstance(expected, dict) and isinstance(got, dict) and expected and len(expected) == len(got):
		if sorted(expected.values()) != sorted(got.values()):
			return False
		low = min(expected.values())
		return {k: v for k, v in expected.items() if v > low} == {k: v for k, v in got.items() if v > low}
	return False


def summarise(rows) -> str:
	if isinstance(rows, dict | list):
		return f"{len(rows)} rows"
	return str(rows)


def missing_users() -> list[str]:
	"""The users of the benchmark that ``bench ksad-scale-data`` has not created on this site."""
	return [u for _label, u, _k in USERS if not frappe.db.exists("User", u)]


def add_floor_user() -> bool:
	"""Add ``scale.FLOOR_USER`` to a dataset made before it existed; True when it was added."""
	if frappe.db.exists("User", scale.FLOOR_USER):
		return False
	scale.ensure_users()
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a bench command, outside any request
	return True


def run(runs: int = 15, only: str | None = None, echo: Callable[[str], None] = print) -> list[dict]:
	"""Measure everything as each user; returns one dict per (thing, user)."""
	frappe.set_user("Administrator")
	things = [t for t in discover() if not only or only.lower() in f"{t.kind}: {t.name}".lower()]
	results = []
	for label, user, kind in USERS:
		for thing in things:
			frappe.set_user(user)
			r = measure(thing, label, user, kind, runs)
			frappe.db.rollback()
			echo(line(r))
			results.append(r)
	compile_ = compile_thing()
	if compile_ and (not only or only.lower() in compile_.name.lower()):
		results.append(measure_compile(compile_, runs, echo))
	frappe.set_user("Administrator")
	return [result_dict(r) for r in results]


def measure_compile(thing: Thing, runs: int, echo) -> Result:
	"""The national report, as a member of the Sekretariat Bersama; each run inserts and compiles, then rolls back."""
	result = Result(thing.kind, thing.name, "Sekretariat Bersama member")
	samples, count = [], None
	try:
		for n in range(min(runs, 5) + 1):
			frappe.set_user(scale.SEKBER_USER)
			fresh_request()
			count = thing.via_frappe(scale.SEKBER_USER, "member")
			if n:  # the first is the warm-up
				samples.append(frappe.flags.ksad_compile_seconds * 1000)
			frappe.db.rollback()
	except Exception as e:
		frappe.db.rollback()
		result.note = f"error: {type(e).__name__}: {frappe.utils.strip_html(str(e))[:160]}"
		echo(line(result))
		return result
	result.median_ms, result.samples, result.rows = statistics.median(samples), samples, count
	start, end = compile_period()
	result.note = f"period {start}..{end}; {len(samples)} runs; cooperations in the report: {count}"
	echo(line(result))
	return result


def result_dict(r: Result) -> dict:
	return {
		"kind": r.kind,
		"name": r.name,
		"user": r.user,
		"median_ms": r.median_ms,
		"sql_ms": r.sql_ms,
		"ratio": r.ratio,
		"floor_ms": r.floor_ms,
		"ratio_above_floor": r.ratio_above_floor,
		"meets_time": meets_time(r.kind, r.median_ms),
		"meets_ratio": None if r.kind == "compile" else meets_ratio(r.ratio, r.ratio_above_floor),
		"rows": r.rows,
		"same_rows": r.same_rows,
		"note": r.note,
	}


def fmt(value, spec: str) -> str:
	return "-" if value is None else format(value, spec)


def line(r: Result) -> str:
	return (
		f"{r.kind:<14} {r.name[:44]:<44} {r.user[:26]:<26} {fmt(r.median_ms, '9.1f')} {fmt(r.sql_ms, '9.1f')}"
		f" {fmt(r.ratio, '6.2f')} {fmt(r.floor_ms, '7.1f')} {fmt(r.ratio_above_floor, '6.2f')} {fmt(r.rows, '>8')}  {r.note}"
	)


def describe(env: dict) -> list[str]:
	return [
		f"Machine: {env['cpus']} CPUs ({env['cpu']}), {env['memory_gb']} GB RAM; {env['mariadb']}, InnoDB buffer"
		f" pool {env['buffer_pool_mb']} MB; {env['versions']}; Python {env['python']}.",
		f"Data: {env['cooperations']:,} cooperations, {env['activities']:,} activities."
		f" Medians of {env.get('runs', '')} runs; in brackets the ratio to the hand-written SQL"
		" (and, where that is above 3, the ratio of the time above the call's floor).",
	]


def format_table(results: list[dict], env: dict) -> str:
	"""Markdown: per thing, per user, the median and the ratio to SQL; then every row in full."""
	users = [label for label, _u, _k in USERS]
	out = [*describe(env), "", "| thing | " + " | ".join(users) + " |", "|---|" + "---:|" * len(users)]
	cells: dict[str, dict[str, str]] = {}
	for r in results:
		if r["kind"] == "compile":
			continue
		cell = "-" if r["median_ms"] is None else f"{r['median_ms']:.0f} ms"
		if r["ratio"] is not None:
			if r["ratio"] > TARGET_RATIO and r.get("ratio_above_floor") is not None:
				cell += f" ({r['ratio']:.1f}×; {r['ratio_above_floor']:.1f}× above floor)"
			else:
				cell += f" ({r['ratio']:.1f}×)"
		if r.get("meets_time") is False or r.get("meets_ratio") is False:
			cell += " ✗"
		if r["same_rows"] is False:
			cell += " ≠ rows"
		elif r["median_ms"] is None:
			cell = r["note"]
		cells.setdefault(f"{r['kind']}: {r['name']}", {})[r["user"]] = cell
	for thing, by_user in cells.items():
		out.append(f"| {thing} | " + " | ".join(by_user.get(u, "") for u in users) + " |")
	for r in results:
		if r["kind"] == "compile":
			out += ["", f"{r['name']}, as {r['user']}: median {fmt(r['median_ms'], '.0f')} ms ({r['note']})."]
	out += ["", *verdict(results)]
	out += [
		"",
		"| thing | user | median ms | SQL median ms | ratio | floor ms | ratio above floor | rows | note |",
		"|---|---|---:|---:|---:|---:|---:|---:|---|",
	]
	for r in results:
		out.append(
			f"| {r['kind']}: {r['name']} | {r['user']} | {fmt(r['median_ms'], '.1f')} | {fmt(r['sql_ms'], '.1f')}"
			f" | {fmt(r['ratio'], '.2f')} | {fmt(r.get('floor_ms'), '.1f')} | {fmt(r.get('ratio_above_floor'), '.2f')}"
			f" | {fmt(r['rows'], '')} | {r['note']} |"
		)
	return "\n".join(out)


def verdict(results: list[dict]) -> list[str]:
	"""One line per target: how many calls meet it, and which do not."""
	calls = [r for r in results if r["kind"] != "compile" and r["median_ms"] is not None]
	slow = [r for r in calls if not r["meets_time"]]
	rated = [r for r in calls if r["meets_ratio"] is not None]
	plain = [r for r in rated if r["ratio"] <= TARGET_RATIO]
	missed = [r for r in rated if not r["meets_ratio"]]
	differ = [r for r in results if r["same_rows"] is False]
	lines = [
		f"Targets: ≤ {TARGET_MS} ms: {len(calls) - len(slow)} of {len(calls)} calls"
		+ (" (missed: " + "; ".join(f"{r['name']} as {r['user']}" for r in slow) + ")" if slow else "")
		+ f". ≤ {TARGET_RATIO}× SQL: {len(plain)} of {len(rated)} calls, {len(rated) - len(plain) - len(missed)} more"
		f" within {TARGET_RATIO}× above their floor"
		+ (
			", missed: " + "; ".join(f"{r['name']} as {r['user']}" for r in missed)
			if missed
			else ", none missed"
		)
		+ f". Rows differing from the SQL: {len(differ)}."
	]
	for r in results:
		if r["kind"] == "compile" and r["median_ms"] is not None:
			lines.append(
				f"Compile ≤ {COMPILE_TARGET_MS} ms: {'met' if r['meets_time'] else 'MISSED'} ({r['median_ms']:.0f} ms)."
			)
	return lines


def environment(runs: int | None = None) -> dict:
	"""The machine and versions the figures were measured on."""

	def read(cmd: list[str]) -> str:
		try:
			return subprocess.run(cmd, capture_output=True, text=True, timeout=20).stdout.strip()
		except Exception:
			return ""

	cpu = ""
	for text in (Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else "").splitlines():
		if text.startswith("model name"):
			cpu = text.split(":", 1)[1].strip()
			break
	mem = 0
	meminfo = Path("/proc/meminfo")
	if meminfo.exists():
		mem = int(meminfo.read_text().split("MemTotal:")[1].split()[0]) // 1024 // 1024
	import os

	versions = ", ".join(
		f"{app} {frappe.get_attr(app + '.__version__')}" for app in frappe.get_installed_apps()
	)
	return {
		"cpus": os.cpu_count(),
		"cpu": cpu,
		"memory_gb": mem,
		"mariadb": "MariaDB " + sql("select version()", {})[0][0],
		"buffer_pool_mb": int(sql("select @@innodb_buffer_pool_size", {})[0][0]) // 1024 // 1024,
		"versions": versions,
		"python": platform.python_version(),
		"cooperations": frappe.db.count(COOPERATION),
		"activities": frappe.db.count(ACTIVITY),
		"measured_on": str(now_datetime()),
		"kernel": read(["uname", "-r"]),
		"runs": runs,
	}
