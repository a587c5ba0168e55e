"""The context of the register's web pages (``ksad_app/www/kerja-sama-daerah*``): what a visitor sees.

The data of a page is read once per register version and filters (``cache``);
the template renders it. A cooperation that is not published (not yet signed,
withdrawn, cancelled) or unknown answers 404, like any missing page.
"""

from dataclasses import replace
from urllib.parse import urlencode

import frappe
from frappe import _

from ksad_app.domain import public_register as rules
from ksad_app.public_register import query
from ksad_app.public_register.cache import cached

BASE = "/kerja-sama-daerah"
OPEN_DATA = "/api/method/ksad_app.public_register.api.open_data"


def page_data(filters: rules.Filters) -> dict:
	"""Rows, count and counts per province of a page of the register (cached per version and filters)."""

	def compute() -> dict:
		total = query.count(filters)
		pages = rules.page_count(total)
		page = min(filters.page, pages)
		return {
			"total": total,
			"page": page,
			"pages": pages,
			"rows": query.rows(filters, rules.PAGE_SIZE, (page - 1) * rules.PAGE_SIZE),
		}

	data = cached("page", f"{filters.key()}|{filters.page}", compute)
	# the counts per province ignore the place and the page: one entry for all their pages
	anywhere = replace(filters, province=None, region=None, page=1)
	return {
		**data,
		"by_province": cached("by_province", anywhere.key(), lambda: query.counts_by_province(anywhere)),
	}


def options(filters: rules.Filters) -> dict:
	return cached("options", filters.province or "", lambda: query.options(filters))


def url(filters: rules.Filters, page: int | None = None, **changes) -> str:
	args = filters.query_args(page)
	args.update({k: v for k, v in changes.items() if v})
	for k, v in changes.items():
		if not v:
			args.pop(k, None)
	return BASE + ("?" + urlencode(args) if args else "")


def list_context(context) -> None:
	"""``/kerja-sama-daerah``: the filters, the counts per province, a page of cooperations, the open data."""
	filters = rules.normalise_filters(frappe.form_dict)
	data = page_data(filters)
	choices = options(filters)
	largest = max((r["count"] for r in data["by_province"]), default=0)
	open_args = filters.query_args(page=1)
	context.update(
		{
			"title": _("Public Register of Inter-Regional Cooperation"),
			"filters": filters,
			"choices": choices,
			"largest": largest,
			"page_numbers": rules.page_numbers(data["page"], data["pages"]),
			"page_url": lambda page: url(filters, page),
			"province_url": lambda province: url(filters, 1, province=province, region=None),
			"csv_url": OPEN_DATA + "?" + urlencode({**open_args, "format": "csv"}),
			"json_url": OPEN_DATA + "?" + urlencode({**open_args, "format": "json"}),
			"base": BASE,
			"metatags": {
				"description": _(
					"The inter-regional cooperations of Indonesia's regional governments (Kerja Sama Antardaerah) from the signing of the agreement on: parties, object, government affair, stage and period. Public information under UU 14/2008."
				),
			},
			**data,
		}
	)
	if filters.page > 1 or filters.key().strip("|"):
		context.metatags["robots"] = "noindex, follow"


def detail_context(context) -> None:
	"""``/kerja-sama-daerah/<number>``: one published cooperation, public fields only; 404 otherwise."""
	name = frappe.form_dict.get("name")
	row = None
	if isinstance(name, str) and 0 < len(name) <= 140:
		row = cached("one", name, lambda: query.one(name) or {}) or None
	if not row:
		frappe.local.no_cache = 1
		raise frappe.PageDoesNotExistError
	fields = [(label, row[fieldname]) for fieldname, label in rules.PUBLIC_COLUMNS if fieldname != "name"]
	context.update(
		{
			"title": row["title"],
			"row": row,
			"fields": fields,
			"base": BASE,
			"parents": [
				{"route": BASE.lstrip("/"), "title": _("Public Register of Inter-Regional Cooperation")}
			],
			"metatags": {
				"description": _("{0}: inter-regional cooperation between {1}, stage {2}.").format(
					row["title"], row["parties"], row["stage"]
				),
			},
		}
	)


def sitemap_context(context) -> None:
	"""``/kerja-sama-daerah-sitemap.xml``: the register and the page of every published cooperation."""
	host = frappe.utils.get_url()
	names = cached("sitemap", "", query.names_for_sitemap)
	context.links = [{"loc": host + BASE, "lastmod": None}] + [
		{"loc": f"{host}{BASE}/{r['name']}", "lastmod": r["modified"].strftime("%Y-%m-%d")} for r in names
	]
