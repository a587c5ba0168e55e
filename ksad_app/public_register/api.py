"""The open data of the public register: the public columns of the published cooperations, as CSV or JSON."""

import csv
import io
import json

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import cint
from werkzeug.wrappers import Response

from ksad_app.domain import public_register as rules
from ksad_app.exceptions import InvalidValueError
from ksad_app.public_register import query
from ksad_app.public_register.cache import cached

# Requests per visitor (IP address) and minute; a site may set another (site config
# ``ksad_open_data_requests_per_minute``, as the test site does for its many checks from one address).
RATE_LIMIT = 30


def requests_per_minute() -> int:
	return cint(frappe.conf.get("ksad_open_data_requests_per_minute")) or RATE_LIMIT


def open_data_rows(filters: rules.Filters) -> list[dict]:
	"""Every published cooperation matching ``filters`` (at most MAX_OPEN_DATA_ROWS), public columns only."""
	rows = query.rows(filters, rules.MAX_OPEN_DATA_ROWS)
	return [{f: row[f] for f in rules.PUBLIC_FIELDNAMES} for row in rows]


def open_data_text(filters: rules.Filters, format: str) -> str:
	"""The open data as text, kept in Redis per register version, filters and format."""
	render = as_csv if format == "csv" else as_json
	return cached(f"open_data_{format}", filters.key(), lambda: render(open_data_rows(filters)))


def as_csv(rows: list[dict]) -> str:
	out = io.StringIO()
	writer = csv.writer(out)
	writer.writerow(rules.PUBLIC_FIELDNAMES)
	for row in rows:
		writer.writerow([rules.csv_value(row[f]) for f in rules.PUBLIC_FIELDNAMES])
	return out.getvalue()


def as_json(rows: list[dict]) -> str:
	return json.dumps(
		{"columns": list(rules.PUBLIC_FIELDNAMES), "count": len(rows), "data": rows},
		default=str,
		ensure_ascii=False,
	)


# Guest access, here only: UU 14/2008 (Keterbukaan Informasi Publik) makes these agreements public
# information, for citizens, journalists and DPRD members without a login. It only reads; its columns are
# the fixed public list of ksad_app.domain.public_register (no argument chooses them), its filters are
# normalised and reach SQL as parameters only (ksad_app.public_register.query), and each visitor (IP
# address) gets requests_per_minute() requests a minute.
@frappe.whitelist(allow_guest=True, methods=["GET"])
@rate_limit(limit=requests_per_minute, seconds=60)
def open_data(
	format: str = "json",
	province: str | None = None,
	region: str | None = None,
	affair: str | None = None,
	stage: str | None = None,
	year: str | None = None,
	q: str | None = None,
) -> Response:
	"""The published cooperations as CSV or JSON, filtered like the page ``/kerja-sama-daerah``."""
	if format not in rules.OPEN_DATA_FORMATS:
		frappe.throw(
			_("Ask for the open data as csv or json."), title=_("Unknown Format"), exc=InvalidValueError
		)
	filters = rules.normalise_filters(
		{"province": province, "region": region, "affair": affair, "stage": stage, "year": year, "q": q}
	)
	text = open_data_text(filters, format)
	if format == "csv":
		response = Response(text, content_type="text/csv; charset=utf-8")
		response.headers["Content-Disposition"] = 'attachment; filename="kerja-sama-daerah.csv"'
	else:
		response = Response(text, content_type="application/json; charset=utf-8")
	response.headers["Cache-Control"] = "public, max-age=300"
	return response
