"""Hand-written SQL for each script report of module KSAD: the baselines of ``bench ksad-benchmark``.

Each function returns the report's rows for a user as one plain query would
(a second one where the report itself needs two), after the small query for
the user's reach (:func:`ksad_app.scale.baselines.scoped`, :func:`~ksad_app.scale.baselines.scope_sql`),
every value a query parameter. The benchmark compares the number of rows with the report's and
the times of both. A report without a baseline here is measured all the same.
"""

from frappe.utils import add_days, cint, getdate, today

from ksad_app.domain.recaps import DEFAULT_ENDING_DAYS, STAGE_COLUMNS
from ksad_app.domain.stages import PELAKSANAAN
from ksad_app.scale.baselines import baseline_for, scope_sql, scoped, sql

COOP = "Inter-Regional Cooperation"
_PARTIES = (
	"(select group_concat(concat_ws(' ', p.regional_government, p.region_name) order by p.idx separator '; ')"
	" from `tabCooperation Party` p where p.parent = c.name and p.parenttype = %(coop)s)"
)
_SUPERVISORS = (
	"(select group_concat(s.supervisory_body order by s.idx separator '; ')"
	" from `tabCooperation Supervisor` s where s.parent = c.name and s.parenttype = %(coop)s)"
)


@baseline_for("KSAD Register")
def ksad_register(user: str, kind: str, filters: dict) -> list:
	return sql(
		"select c.name, c.title, c.cooperation_level, c.stage, c.workflow_state,"
		f" {_PARTIES} as parties, {_SUPERVISORS} as supervisors,"
		" c.government_affair, c.kb_number, c.kb_date, c.pks_number, c.pks_date, c.start_date, c.end_date,"
		" c.estimated_value"
		" from `tabInter-Regional Cooperation` c"
		f" where {scope_sql(kind, 'c.name')} order by c.name",
		{**scoped(kind, user), "coop": COOP},
	)


@baseline_for("Agreements Ending Soon")
def agreements_ending_soon(user: str, kind: str, filters: dict) -> list:
	days = cint(filters.get("days", DEFAULT_ENDING_DAYS))
	overdue = cint(filters.get("include_overdue", 1))
	params = {
		**scoped(kind, user),
		"coop": COOP,
		"stage": PELAKSANAAN,
		"last": add_days(getdate(today()), days),
	}
	first = ""
	if not overdue:
		first, params["first"] = " and c.end_date >= %(first)s", getdate(today())
	reminders = (
		"(select {agg} from `tabTermination Reminder` r where r.parent = c.name and r.parenttype = %(coop)s"
		" and r.parentfield = 'termination_reminders' and r.end_date = c.end_date)"
	)
	return sql(
		"select c.name, c.title, c.cooperation_level, c.workflow_state, c.end_date,"
		f" {reminders.format(agg='min(r.threshold_days)')} as last_threshold,"
		f" {reminders.format(agg='max(r.sent_on)')} as last_reminded_on,"
		f" {reminders.format(agg='count(*)')} as reminders_sent,"
		f" {_PARTIES} as parties,"
		" (select group_concat(p.contact_user order by p.idx separator '; ') from `tabCooperation Party` p"
		"  where p.parent = c.name and p.parenttype = %(coop)s) as contacts,"
		f" {_SUPERVISORS} as supervisors"
		" from `tabInter-Regional Cooperation` c"
		" where c.stage = %(stage)s and c.end_date is not null and c.end_date <= %(last)s"
		f"{first} and {scope_sql(kind, 'c.name')}"
		" order by c.end_date, c.name",
		params,
	)


@baseline_for("Cooperation by Stage and Province")
def cooperation_by_stage_and_province(user: str, kind: str, filters: dict) -> list:
	"""Per province and stage the cooperations with the province or a kab/kota of it among the parties; each once."""
	params = {**scoped(kind, user), "coop": COOP}
	cells = sql(
		"select if(rg.region_type = 'Provinsi', rg.name, rg.parent_regional_government), c.stage,"
		" count(distinct c.name)"
		" from `tabInter-Regional Cooperation` c"
		" join `tabCooperation Party` p on p.parent = c.name and p.parenttype = %(coop)s"
		" join `tabRegional Government` rg on rg.name = p.regional_government"
		f" where {scope_sql(kind, 'c.name')} group by 1, 2",
		params,
	)
	national = sql(
		"select c.stage, count(*) from `tabInter-Regional Cooperation` c"
		f" where {scope_sql(kind, 'c.name')} group by c.stage",
		params,
	)
	provinces = sql(
		"select name from `tabRegional Government` where region_type = 'Provinsi' order by name", {}
	)
	by_province: dict = {}
	for province, stage, n in cells:
		by_province.setdefault(province, {})[stage] = n
	rows = [(p, *(by_province.get(p, {}).get(s, 0) for s in STAGE_COLUMNS)) for (p,) in provinces]
	return [*rows, ("national", *(dict(national).get(s, 0) for s in STAGE_COLUMNS))]


@baseline_for("Supervision Activity Recap")
def supervision_activity_recap(user: str, kind: str, filters: dict) -> list:
	"""A row per body, type and guidance item with activities in the period, and the row of all activities."""
	params = {**scoped(kind, user), "activity": "Supervision Activity"}
	where = "a.docstatus = 1"
	if filters.get("from_date"):
		where += " and a.activity_date >= %(from_date)s"
		params["from_date"] = filters["from_date"]
	if filters.get("to_date"):
		where += " and a.activity_date <= %(to_date)s"
		params["to_date"] = filters["to_date"]
	where += f" and {scope_sql(kind, 'a.cooperation')}"
	cells = sql(
		"select a.supervisory_body, a.activity_type, i.guidance_item, date_format(a.activity_date, '%%Y-%%m'),"
		" count(*) from `tabSupervision Activity` a"
		" left join `tabSupervision Activity Item` i on i.parent = a.name and i.parenttype = %(activity)s"
		"  and i.parentfield = 'guidance_items'"
		f" where {where} group by 1, 2, 3, 4",
		params,
	)
	months = sql(
		"select date_format(a.activity_date, '%%Y-%%m'), a.activity_type, count(*)"
		f" from `tabSupervision Activity` a where {where} group by 1, 2",
		params,
	)
	rows = sorted({(body, kind_, item) for body, kind_, item, _m, _n in cells}, key=str)
	return [*rows, ("total", len(months))] if rows else []


@baseline_for("Termination Division")
def termination_division(user: str, kind: str, filters: dict) -> list:
	docstatus = "t.docstatus < 2" if cint(filters.get("include_drafts")) else "t.docstatus = 1"
	return sql(
		"select t.name, t.cooperation, t.cooperation_title, t.termination_date, t.docstatus,"
		" a.regional_government, a.region_name, a.share_percent, a.entitlement, a.in_kind_value,"
		" a.cash_balance, a.deposit_reference, a.deposit_date, a.assets_recorded, a.asset_record_reference,"
		" a.dprd_report_number, a.dprd_report_date,"
		" (select count(*) from `tabTermination Asset` g where g.parent = t.name and g.parenttype = %(term)s"
		"  and g.parentfield = 'assets' and g.allocated_to = a.regional_government) as goods_received"
		" from `tabCooperation Termination` t"
		" join `tabTermination Allocation` a on a.parent = t.name and a.parenttype = %(term)s"
		"  and a.parentfield = 'allocations'"
		f" where {docstatus} and {scope_sql(kind, 't.cooperation')}"
		" order by t.termination_date desc, t.name, a.idx",
		{**scoped(kind, user), "term": "Cooperation Termination"},
	)
