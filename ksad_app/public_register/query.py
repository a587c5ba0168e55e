"""Reading the public register: bounded, parameterised queries over the published cooperations only.

Every query starts from :func:`published` (``show_in_public_register = 1`` and a
stage of ``PUBLISHED_STAGES``, on the index ``public_register`` that
``ksad_app.setup.indexes`` adds) and selects the columns of
``ksad_app.domain.public_register`` only. A page reads one page of rows
(LIMIT/OFFSET), its count, the counts per province (GROUP BY) and the names of
the parties and bodies of its rows: five queries whatever the register's size.
"""

import frappe
from frappe.query_builder import Order
from frappe.query_builder.functions import Coalesce, Count, Max, Min
from pypika.terms import ExistsCriterion

from ksad_app.domain import public_register as rules
from ksad_app.domain.regions import PROVINSI

COOPERATION = "Inter-Regional Cooperation"
PARTY = "Cooperation Party"
SUPERVISOR = "Cooperation Supervisor"
REGION = "Regional Government"
BODY = "Supervisory Body"


def published():
	c = frappe.qb.DocType(COOPERATION)
	return c, (c.show_in_public_register == 1) & c.stage.isin(list(rules.PUBLISHED_STAGES))


def parties_of_regions(regions):
	"""The cooperations with a party among ``regions`` (a subquery)."""
	p = frappe.qb.DocType(PARTY)
	return (
		frappe.qb.from_(p)
		.select(p.parent)
		.where((p.parenttype == COOPERATION) & p.regional_government.isin(regions))
	)


def province_and_its_regions(province: str):
	"""The province and its kabupaten/kota (a subquery)."""
	rg = frappe.qb.DocType(REGION)
	return (
		frappe.qb.from_(rg)
		.select(rg.name)
		.where((rg.name == province) | (rg.parent_regional_government == province))
	)


def condition(filters: rules.Filters, with_place: bool = True):
	"""The published cooperations that match ``filters`` (``with_place=False``: whatever their province)."""
	c, where = published()
	if with_place and filters.region:
		where &= c.name.isin(parties_of_regions([filters.region]))
	elif with_place and filters.province:
		where &= c.name.isin(parties_of_regions(province_and_its_regions(filters.province)))
	if filters.affair:
		where &= c.government_affair == filters.affair
	if filters.stage:
		where &= c.stage == filters.stage
	if filters.year:
		first, last = rules.year_range(filters.year)
		where &= (c.start_date <= last) & (c.end_date.isnull() | (c.end_date >= first))
	if filters.q:
		pattern = rules.like_pattern(filters.q)
		p = frappe.qb.DocType(PARTY)
		# a party's name, probed per cooperation (MariaDB does not flatten an IN subquery under OR)
		by_party = ExistsCriterion(
			frappe.qb.from_(p)
			.select(p.name)
			.where((p.parent == c.name) & (p.parenttype == COOPERATION) & p.region_name.like(pattern))
		)
		where &= c.title.like(pattern) | c.name.like(pattern) | by_party
	return c, where


def count(filters: rules.Filters) -> int:
	c, where = condition(filters)
	return frappe.qb.from_(c).select(Count("*")).where(where).run()[0][0]


def rows(filters: rules.Filters, limit: int, offset: int = 0) -> list[dict]:
	"""One page of published cooperations, newest agreement first, with the public columns only."""
	c, where = condition(filters)
	records = (
		frappe.qb.from_(c)
		.select(*(c[f] for f in rules.COOPERATION_COLUMNS))
		.where(where)
		.orderby(c.creation, order=Order.desc)
		.orderby(c.name, order=Order.desc)
		.limit(limit)
		.offset(offset)
	).run(as_dict=True)
	if limit <= rules.PAGE_SIZE:
		return with_names(records)
	# many rows (the open data): their parties and bodies by the same condition, not by a list of names
	return with_names(records, frappe.qb.from_(c).select(c.name).where(where))


def with_names(records: list[dict], parents=None) -> list[dict]:
	"""The public rows of ``records``, with the names of their parties and supervisory bodies (two queries).

	``parents``: a subquery naming (at least) the records, instead of their names.
	"""
	names = [r["name"] for r in records]
	if not names:
		return []
	if parents is None:
		parents = names
	p = frappe.qb.DocType(PARTY)
	party_rows = (
		frappe.qb.from_(p)
		.select(p.parent, p.regional_government, p.region_name)
		.where((p.parenttype == COOPERATION) & p.parent.isin(parents))
		.orderby(p.parent)
		.orderby(p.idx)
	).run(as_dict=True)
	s = frappe.qb.DocType(SUPERVISOR)
	b = frappe.qb.DocType(BODY)
	body_rows = (
		frappe.qb.from_(s)
		.left_join(b)
		.on(b.name == s.supervisory_body)
		.select(s.parent, Coalesce(b.body_name, s.supervisory_body).as_("body_name"))
		.where((s.parenttype == COOPERATION) & s.parent.isin(parents))
		.orderby(s.parent)
		.orderby(s.idx)
	).run(as_dict=True)
	parties: dict[str, list[str]] = {}
	codes: dict[str, list[str]] = {}
	for r in party_rows:
		parties.setdefault(r.parent, []).append(r.region_name or r.regional_government)
		codes.setdefault(r.parent, []).append(r.regional_government)
	bodies: dict[str, list[str]] = {}
	for r in body_rows:
		bodies.setdefault(r.parent, []).append(r.body_name)
	out = []
	for record in records:
		row = rules.public_row(record, parties.get(record["name"], []), bodies.get(record["name"], []))
		row["party_codes"] = codes.get(record["name"], [])
		out.append(row)
	return out


def one(name: str) -> dict | None:
	"""A published cooperation's public row, or None (unpublished, cancelled, unknown)."""
	c, where = published()
	records = (
		frappe.qb.from_(c)
		.select(*(c[f] for f in rules.COOPERATION_COLUMNS))
		.where(where & (c.name == name))
		.limit(1)
	).run(as_dict=True)
	found = with_names(records)
	return found[0] if found else None


def counts_by_province(filters: rules.Filters) -> list[dict]:
	"""Published cooperations per province (of any of their parties), under the filters but the place's.

	A cooperation between two provinces counts in both.
	"""
	c, where = condition(filters, with_place=False)
	p = frappe.qb.DocType(PARTY)
	rg = frappe.qb.DocType(REGION)
	province = Coalesce(rg.parent_regional_government, rg.name)
	counted = (
		frappe.qb.from_(p)
		.join(rg)
		.on(rg.name == p.regional_government)
		.select(province.as_("province"), Count(p.parent).distinct().as_("cooperations"))
		.where((p.parenttype == COOPERATION) & p.parent.isin(frappe.qb.from_(c).select(c.name).where(where)))
		.groupby(province)
	).run(as_dict=True)
	names = province_names()
	out = [
		{"province": r.province, "province_name": names.get(r.province, r.province), "count": r.cooperations}
		for r in counted
	]
	return sorted(out, key=lambda r: (-r["count"], r["province_name"]))


def province_names() -> dict[str, str]:
	return dict(
		frappe.get_all(
			REGION, filters={"region_type": PROVINSI}, fields=["name", "region_name"], as_list=True
		)
	)


def options(filters: rules.Filters) -> dict:
	"""The choices of the filter form: provinces, the kab/kota of the chosen province, affairs, stages, years."""
	provinces = sorted(province_names().items(), key=lambda item: item[1])
	regions = []
	if filters.province:
		regions = frappe.get_all(
			REGION,
			filters={"parent_regional_government": filters.province},
			fields=["name", "region_name"],
			order_by="region_name asc",
			as_list=True,
		)
	affairs = frappe.get_all("Government Affair", fields=["name"], order_by="name asc", pluck="name")
	c, where = published()
	first, last = (frappe.qb.from_(c).select(Min(c.start_date), Max(c.start_date)).where(where)).run()[0]
	years = list(range(last.year, first.year - 1, -1)) if first and last else []
	return {
		"provinces": provinces,
		"regions": regions,
		"affairs": affairs,
		"stages": list(rules.PUBLISHED_STAGES),
		"years": years,
	}


def names_for_sitemap(limit: int = rules.MAX_OPEN_DATA_ROWS) -> list[dict]:
	"""Every published cooperation's name and last change, for the register's sitemap."""
	c, where = published()
	return (frappe.qb.from_(c).select(c.name, c.modified).where(where).orderby(c.name).limit(limit)).run(
		as_dict=True
	)
