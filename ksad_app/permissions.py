"""Who sees which cooperation: the one place where row-level access is decided.

REQUIREMENTS.md, "Who uses it":

* ``KSAD Regional Officer``: cooperations in which one of *their* regions is a
  party. A user's regions are the ``Regional Government`` values of their
  User Permissions (applicable to all doctypes or to Inter-Regional
  Cooperation).
* ``Governor Office``: cooperations in which their province, or any
  kabupaten/kota of it, is a party (the Gubernur supervises the kab/kota of
  his province, Pasal 3, and receives the TKKSD's reports, Pasal 12).
* ``Sekretariat Bersama Member`` / ``TKKSD Member``: cooperations supervised by
  a body whose ``members`` table names the user (Pasal 2, 3).
* ``Ministry Official``, ``KSAD Manager``, ``System Manager``: everything.

Members of a body may also *write* a cooperation their body supervises: that
is how they apply the workflow (``Setujui``, ``Kembalikan``, ``Batalkan``).
The cooperation's controller lets them change nothing but the workflow state
and its reason. A ``Supervision Activity`` is seen by whoever sees its
cooperation, and written only by members of the body that carried it out.

Frappe calls :func:`cooperation_query_conditions` for every list, report,
link search, ``frappe.get_list`` and ``GET /api/resource`` query, and
:func:`cooperation_has_permission` for every single document, so all of them
agree. Roles grant the kind of access (read, write); these hooks only narrow
it to rows.
"""

from dataclasses import dataclass, field

import frappe
from frappe.core.doctype.user_permission.user_permission import get_user_permissions

from ksad_app.domain import RuleViolation, reporting
from ksad_app.domain.regions import PROVINSI
from ksad_app.domain.stages import BODY, PARTY
from ksad_app.domain.supervision import SEKRETARIAT_BERSAMA, TKKSD
from ksad_app.roles import (
	GOVERNOR_OFFICE,
	KSAD_MANAGER,
	REGIONAL_OFFICER,
	SEKRETARIAT_BERSAMA_MEMBER,
	TKKSD_MEMBER,
	UNRESTRICTED_ROLES,
)

COOPERATION = "Inter-Regional Cooperation"
REGION = "Regional Government"
# What a supervisory body's member may do with a cooperation it supervises.
MEMBER_PTYPES = frozenset({"read", "select", "print", "email", "report", "export", "share", "write"})
ACTIVITY = "Supervision Activity"
READ_PTYPES = frozenset({"read", "select", "print", "email", "report", "export", "share"})


@dataclass
class Scope:
	"""The cooperations a user may reach: by party region, by supervising body, or all."""

	unrestricted: bool = False
	regions: set[str] = field(default_factory=set)
	bodies: set[str] = field(default_factory=set)


def user_regions(user: str) -> set[str]:
	"""The regions a user is tied to by User Permission."""
	perms = get_user_permissions(user).get(REGION, [])
	return {p["doc"] for p in perms if not p.get("applicable_for") or p.get("applicable_for") == COOPERATION}


def governed_regions(user: str) -> set[str]:
	"""The provinces a Governor Office user is tied to, and all their kabupaten/kota."""
	provinces = user_regions(user)
	if not provinces:
		return set()
	rg = frappe.qb.DocType(REGION)
	rows = (
		frappe.qb.from_(rg)
		.select(rg.name)
		.where(
			(rg.name.isin(list(provinces)) & (rg.region_type == PROVINSI))
			| rg.parent_regional_government.isin(list(provinces))
		)
	).run(pluck=True)
	return set(rows)


def member_bodies(user: str) -> set[str]:
	"""The supervisory bodies whose members table names this user."""
	m = frappe.qb.DocType("Supervisory Body Member")
	rows = (
		frappe.qb.from_(m)
		.select(m.parent)
		.distinct()
		.where((m.user == user) & (m.parenttype == "Supervisory Body"))
	).run(pluck=True)
	return set(rows)


def cooperation_scope(user: str | None = None) -> Scope:
	"""Work out, once, which cooperations ``user`` may reach."""
	user = user or frappe.session.user
	roles = set(frappe.get_roles(user))
	if user == "Administrator" or roles & UNRESTRICTED_ROLES:
		return Scope(unrestricted=True)
	scope = Scope()
	if REGIONAL_OFFICER in roles:
		scope.regions |= user_regions(user)
	if GOVERNOR_OFFICE in roles:
		scope.regions |= governed_regions(user)
	if roles & {SEKRETARIAT_BERSAMA_MEMBER, TKKSD_MEMBER}:
		scope.bodies = member_bodies(user)
	return scope


def _in_list(values: set[str]) -> str:
	return ", ".join(frappe.db.escape(v) for v in sorted(values))


# The tables that tie a cooperation to a scope: (table, column of the scope's values, Scope attribute).
SCOPE_TABLES = (
	("Cooperation Party", "regional_government", "regions"),
	("Cooperation Supervisor", "supervisory_body", "bodies"),
)


def scope_links(scope: Scope):
	"""(link table, its column, the scope's values as escaped SQL) for each kind of link the scope has."""
	for table, column, attr in SCOPE_TABLES:
		if getattr(scope, attr):
			yield table, column, _in_list(getattr(scope, attr))


def any_of(conditions) -> str:
	"""The conditions joined with ``or``; none (an empty scope) reaches nothing."""
	conditions = list(conditions)
	return "(" + " or ".join(conditions) + ")" if conditions else "1=0"


def scope_condition(scope: Scope, column: str) -> str:
	"""SQL condition: the cooperation named in ``column`` is within ``scope`` (not for unrestricted scopes).

	``column in (select parent ...)``: MariaDB reads the scope's rows once (a semi-join), the shape for
	every query that reads the whole scope (counts, reports, cards, the figures of a report).
	"""
	return any_of(
		f"{column} in (select `tab{table}`.`parent` from `tab{table}`"
		f" where `tab{table}`.`parenttype` = 'Inter-Regional Cooperation'"
		f" and `tab{table}`.`{field}` in ({values}))"
		for table, field, values in scope_links(scope)
	)


def probe_condition(scope: Scope, column: str) -> str:
	"""The same condition as :func:`scope_condition`, as a probe of each row's own links (a correlated
	subquery MariaDB does not flatten), for a list page of a large scope: see :func:`list_condition`."""
	return any_of(
		f"(select count(*) from `tab{table}` ksad_scope where ksad_scope.`parent` = {column}"
		" and ksad_scope.`parenttype` = 'Inter-Regional Cooperation'"
		f" and ksad_scope.`{field}` in ({values})) > 0"
		for table, field, values in scope_links(scope)
	)


# A list page shows the newest 20 rows of the scope. MariaDB 10.11 turns the semi-join of
# scope_condition into "read the whole scope, then sort it": for a large scope that time grows with
# the table (a TKKSD member's first page of activities took 832 ms at 100,000 cooperations, a Governor
# Office's 1,275 ms). Probing each row's own links instead lets MariaDB walk the creation index and stop
# at the 20th row of the scope: about 20 x N / S rows (N cooperations, S rows of the scope's links),
# the same at any size while the scope keeps its share of the table (6.6 and 10 ms). For a small scope
# walking is the slower way (a regional officer's: 564 ms against 19 ms), so the probe is taken only when
# walking 20 x N / S rows is cheaper than reading S: S * S >= WALK_FACTOR * N. A small scope's page
# picks its rows first from the scope's index entries alone (first_rows_condition): a regional officer's
# first page of activities read every full row of the scope before (7 ms at 20,000 cooperations,
# 21 ms at 100,000, the scope five times larger).
WALK_FACTOR = 20
FIRST_ROWS_ORDER = {"creation", "modified", "name"}


def list_page() -> tuple[str, str, int] | None:
	"""The sort column, direction and rows of a desk list's first page (``ksad_app.overrides.reportview``
	marks it in ``before_request``), or None for any other query."""
	page = getattr(frappe.local, "ksad_list_page", None)
	return page if isinstance(page, tuple) else None


def scope_size(scope: Scope) -> int:
	"""How many link rows the scope has: a count on the links' value index alone (a millisecond or a few;
	both tables are rows of Inter-Regional Cooperation only), kept ten minutes per scope."""
	key = "ksad_scope_size:" + "|".join(
		",".join(sorted(getattr(scope, attr))) for _table, _field, attr in SCOPE_TABLES
	)
	cache = frappe.cache()
	size = cache.get_value(key)
	if size is None:
		size = sum(
			frappe.db.count(table, {field: ("in", sorted(getattr(scope, attr)))})
			for table, field, attr in SCOPE_TABLES
			if getattr(scope, attr)
		)
		cache.set_value(key, size, expires_in_sec=600)
	return size


def cooperation_estimate() -> int:
	"""The number of cooperations as InnoDB estimates it for this site's table (kept ten minutes)."""
	cache = frappe.cache()
	estimate = cache.get_value("ksad_cooperation_estimate")
	if estimate is None:
		table = frappe.qb.Schema("information_schema").tables
		rows = (
			frappe.qb.from_(table)
			.select(table.table_rows)
			.where((table.table_schema == frappe.conf.db_name) & (table.table_name == f"tab{COOPERATION}"))
		).run()
		estimate = int(rows[0][0] or 0) if rows else 0
		cache.set_value("ksad_cooperation_estimate", estimate, expires_in_sec=600)
	return estimate


def is_large(scope: Scope) -> bool:
	"""Is walking to the 20th row of the scope cheaper than reading all of it (S * S >= WALK_FACTOR * N)?"""
	size = scope_size(scope)
	return bool(size) and size * size >= WALK_FACTOR * cooperation_estimate()


def first_rows_condition(scope: Scope, doctype: str, link: str, page: tuple[str, str, int]) -> str:
	"""The page's rows of a small scope, picked first in a derived table that reads only the index entries
	of the scope's rows (the link and the sort column) and keeps the first ``rows``; MariaDB then reads 20
	full rows. The same rows as the semi-join: the page's rows are the first of the scope in the page's
	order (a shared document Frappe adds with ``or`` stays in, as it would)."""
	column, direction, rows = page
	if column not in FIRST_ROWS_ORDER or direction not in ("asc", "desc"):
		return scope_condition(scope, f"`tab{doctype}`.`{link}`")
	inner = scope_condition(scope, f"ksad_first.`{link}`")
	return (
		f"`tab{doctype}`.`name` in (select ksad_rows.`name` from (select ksad_first.`name` from `tab{doctype}`"
		f" ksad_first where {inner} order by ksad_first.`{column}` {direction} limit {int(rows)}) ksad_rows)"
	)


def list_condition(scope: Scope, doctype: str, link: str) -> str:
	"""The row-level condition of a list of ``doctype`` whose column ``link`` names the cooperation: on a
	desk list's first page a probe of each row's links (a large scope) or its first rows picked from the
	scope (a small one); a semi-join otherwise."""
	page = list_page()
	if page and is_large(scope):
		return probe_condition(scope, f"`tab{doctype}`.`{link}`")
	if page:
		return first_rows_condition(scope, doctype, link, page)
	return scope_condition(scope, f"`tab{doctype}`.`{link}`")


def cooperation_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""SQL condition narrowing every list query on Inter-Regional Cooperation to the user's scope."""
	scope = cooperation_scope(user)
	if scope.unrestricted:
		return ""
	return list_condition(scope, COOPERATION, "name")


def stored_links(name: str) -> tuple[set[str], set[str]]:
	"""The party regions and supervising bodies of a saved cooperation, as stored."""
	party = frappe.qb.DocType("Cooperation Party")
	sup = frappe.qb.DocType("Cooperation Supervisor")
	regions = (
		frappe.qb.from_(party)
		.select(party.regional_government)
		.where((party.parent == name) & (party.parenttype == COOPERATION))
	).run(pluck=True)
	bodies = (
		frappe.qb.from_(sup)
		.select(sup.supervisory_body)
		.where((sup.parent == name) & (sup.parenttype == COOPERATION))
	).run(pluck=True)
	return set(regions), set(bodies)


def cooperation_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	"""Document-level check; agrees with :func:`cooperation_query_conditions`.

	The stored parties decide, not the ones being edited: an officer may open
	and save a cooperation of their region, and the controller refuses (with a
	message that says why) a save that would drop their region. Creation is
	left to the roles and to that controller check for the same reason.
	"""
	if ptype == "create" or doc.flags.in_insert or not doc.get("creation"):
		return None
	scope = cooperation_scope(user)
	if scope.unrestricted:
		return True
	regions, bodies = stored_links(doc.name)
	if regions & scope.regions:
		return True
	if bodies & scope.bodies and (ptype or "read") in MEMBER_PTYPES:
		return True
	return False


def capacities(name: str, user: str | None = None) -> set[str]:
	"""In what capacity ``user`` may act on a saved cooperation: as an officer of a party, as a member of a supervising body.

	Returns a subset of ``{"party", "body"}`` (``ksad_app.domain.stages.PARTY``/``BODY``),
	judged by the stored parties and supervisors. Unrestricted roles act in
	neither capacity: the workflow belongs to the regions and their bodies.
	"""
	user = user or frappe.session.user
	roles = set(frappe.get_roles(user))
	regions, bodies = stored_links(name)
	out = set()
	if REGIONAL_OFFICER in roles and regions & user_regions(user):
		out.add(PARTY)
	if roles & {SEKRETARIAT_BERSAMA_MEMBER, TKKSD_MEMBER} and bodies & member_bodies(user):
		out.add(BODY)
	return out


def activity_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""A supervision activity is listed to whoever may see its cooperation."""
	scope = cooperation_scope(user)
	if scope.unrestricted:
		return ""
	return list_condition(scope, "Supervision Activity", "cooperation")


def activity_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	"""Read with the cooperation; write, submit, cancel only as a member of the body that acted.

	The stored body and cooperation decide for a saved activity; for a new one
	the controller checks the body and membership (with messages that say why).
	"""
	if ptype == "create" or doc.flags.in_insert or not doc.get("creation"):
		return None
	user = user or frappe.session.user
	scope = cooperation_scope(user)
	stored = frappe.db.get_value(ACTIVITY, doc.name, ["cooperation", "supervisory_body"], as_dict=True)
	if not stored:
		return None
	if (ptype or "read") in READ_PTYPES:
		if scope.unrestricted:
			return True
		regions, bodies = stored_links(stored.cooperation)
		return bool(regions & scope.regions or bodies & scope.bodies)
	if user == "Administrator":
		return True
	return stored.supervisory_body in member_bodies(user)


# --- records that belong to a cooperation -----------------------------------
# A problem or dispute (Cooperation Issue) and the termination of a
# cooperation (Cooperation Termination) are seen by whoever sees their
# cooperation. Writing is narrower and decided per record type below.

ISSUE = "Cooperation Issue"
TERMINATION = "Cooperation Termination"


def linked_query_conditions(doctype: str, user: str | None = None) -> str:
	"""List condition for a DocType whose ``cooperation`` field names the cooperation it belongs to."""
	scope = cooperation_scope(user)
	if scope.unrestricted:
		return ""
	return list_condition(scope, doctype, "cooperation")


def can_read_cooperation(cooperation: str, user: str | None = None) -> bool:
	scope = cooperation_scope(user)
	if scope.unrestricted:
		return True
	regions, bodies = stored_links(cooperation)
	return bool(regions & scope.regions or bodies & scope.bodies)


def stored_cooperation(doctype: str, doc) -> str | None:
	"""The cooperation a saved record belongs to, as stored (not as being edited)."""
	return frappe.db.get_value(doctype, doc.name, "cooperation")


def issue_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	return linked_query_conditions(ISSUE, user)


def linked_has_permission(doctype: str, doc, ptype: str | None, user: str | None, writes) -> bool | None:
	"""Read with the stored cooperation; anything else when ``writes(cooperation, user)`` says so."""
	if ptype == "create" or doc.flags.in_insert or not doc.get("creation"):
		return None
	cooperation = stored_cooperation(doctype, doc)
	if not cooperation:
		return None
	user = user or frappe.session.user
	if (ptype or "read") in READ_PTYPES:
		return can_read_cooperation(cooperation, user)
	return user == "Administrator" or writes(cooperation, user)


def issue_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	"""Read with the cooperation; write as an officer of a party (who raise) or a member of its body (who answer).

	The controller decides which fields each side may change.
	"""
	return linked_has_permission(
		ISSUE,
		doc,
		ptype,
		user,
		lambda cooperation, user: cooperation_scope(user).unrestricted or bool(capacities(cooperation, user)),
	)


def termination_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	return linked_query_conditions(TERMINATION, user)


def termination_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	"""Read with the cooperation; write, submit, cancel and amend only as an officer of a party.

	The supervisory body reads the termination and closes the cooperation
	through the workflow (Setujui to Selesai); each party records its own
	deposit, asset recording and DPRD report (checked in the controller).
	"""
	return linked_has_permission(
		TERMINATION, doc, ptype, user, lambda cooperation, user: PARTY in capacities(cooperation, user)
	)


# --- supervision reports (Pasal 8, 12, 13) ------------------------------------
# The members of a body prepare and read its reports (Pasal 8, 12); the
# Governor Office of a province prepares and reads the Gubernur's reports
# (Pasal 13) and reads the TKKSD reports addressed to the Gubernur once they
# are submitted (Pasal 12). The Ministry and the KSAD Manager read all of
# them. The rules are ksad_app.domain.reporting.check_author and may_read.

REPORT = "Supervision Report"
REPORTING_ROLE_OF_BODY = {SEKRETARIAT_BERSAMA: SEKRETARIAT_BERSAMA_MEMBER, TKKSD: TKKSD_MEMBER}


def report_author_facts(user: str | None = None) -> tuple[set[str], set[str], bool]:
	"""``(bodies, provinces, superuser)``: whose reports ``user`` prepares.

	The bodies the user is a member of in the role of their type, the
	provinces of a Governor Office user, and whether the user may prepare any
	report (Administrator, System Manager).
	"""
	user = user or frappe.session.user
	roles = set(frappe.get_roles(user))
	superuser = user == "Administrator" or "System Manager" in roles
	bodies: set[str] = set()
	if roles & set(REPORTING_ROLE_OF_BODY.values()):
		member = member_bodies(user)
		if member:
			types = frappe.get_all(
				"Supervisory Body",
				filters={"name": ("in", sorted(member))},
				fields=["name", "body_type"],
				as_list=True,
			)
			bodies = {name for name, body_type in types if REPORTING_ROLE_OF_BODY.get(body_type) in roles}
	provinces = user_regions(user) if GOVERNOR_OFFICE in roles else set()
	return bodies, provinces, superuser


def reads_every_report(user: str) -> bool:
	return user == "Administrator" or bool(set(frappe.get_roles(user)) & UNRESTRICTED_ROLES)


def report_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""SQL condition narrowing every list of Supervision Report to the reports the user may read."""
	user = user or frappe.session.user
	if reads_every_report(user):
		return ""
	bodies, provinces, _superuser = report_author_facts(user)
	conditions = []
	if bodies:
		conditions.append(f"`tabSupervision Report`.`supervisory_body` in ({_in_list(bodies)})")
	if provinces:
		conditions.append(
			f"(`tabSupervision Report`.`province` in ({_in_list(provinces)})"
			f" and (`tabSupervision Report`.`report_type` = {frappe.db.escape(reporting.PASAL_13)}"
			" or `tabSupervision Report`.`docstatus` != 0))"
		)
	if not conditions:
		return "1=0"
	return "(" + " or ".join(conditions) + ")"


def report_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	"""Read as :func:`report_query_conditions`; write, submit, cancel only as the reporter.

	The stored type, body and province decide; for a new report the
	controller checks them (with messages that say why).
	"""
	if ptype == "create" or doc.flags.in_insert or not doc.get("creation"):
		return None
	stored = frappe.db.get_value(
		REPORT, doc.name, ["report_type", "supervisory_body", "province", "docstatus"], as_dict=True
	)
	if not stored:
		return None
	user = user or frappe.session.user
	bodies, provinces, superuser = report_author_facts(user)
	if (ptype or "read") in READ_PTYPES:
		if superuser or reads_every_report(user):
			return True
		return reporting.may_read(
			stored.report_type, stored.supervisory_body, stored.province, stored.docstatus, bodies, provinces
		)
	try:
		reporting.check_author(
			stored.report_type, stored.supervisory_body, stored.province, bodies, provinces, superuser
		)
	except RuleViolation:
		return False
	return True


# --- the public register (issue 17) -------------------------------------------


def may_change_publication(party_codes: list[str], user: str | None = None) -> bool:
	"""May ``user`` decide whether a cooperation with these parties is in the public register?

	A KSAD Manager (or System Manager, Administrator), or a regional officer of
	one of the parties; nobody else (ksad_app.domain.public_register).
	"""
	user = user or frappe.session.user
	roles = set(frappe.get_roles(user))
	if user == "Administrator" or roles & {KSAD_MANAGER, "System Manager"}:
		return True
	return REGIONAL_OFFICER in roles and bool(user_regions(user) & set(party_codes))
