"""A synthetic national dataset, for measuring the app at the scale of Indonesia (issue 8).

``bench --site S ksad-scale-data --cooperations 20000 --activities-per-cooperation 10 --seed 2009``
writes, with ``frappe.db.bulk_insert`` straight into the app's tables (no
document events, no notifications):

* cooperations among every autonomous region (the 38 provinces and the
  kabupaten/kota that may be parties; DKI Jakarta's kota/kabupaten
  *administrasi* cannot), every one of them a party at least once when there
  are enough cooperations, by a realistic mix: about 70 % kab/kota of one
  province, 10 % kab/kota of two neighbouring provinces (same island group),
  14 % a province with kab/kota, 6 % provinces only; 2 parties (60 %), 3
  (25 %), 4 (10 %) or 5 (5 %);
* the supervisors the regulation assigns (``domain.supervision.assign_supervisors``),
  the level (``domain.cooperation.cooperation_level``);
* a workflow state weighted towards Pelaksanaan and the Stage History that
  leads to it (requests, approvals, a return now and then, cancellations),
  dated backwards from ``as_of``;
* activities (pembinaan with guidance items of the body's article and
  stage, which also mark the cooperation's guidance record; pengawasan with
  a follow-up date), problems and disputes, and terminations with one
  allocation row per party;
* the bodies it needs that are missing (the Sekretariat Bersama, a TKKSD per
  province) and five users to measure with (see :data:`USERS`).

Every row it writes is named with the prefix (``SYN-`` by default) and every
title or free text starts with ``[SINTETIS]``; figures (values, shares,
decree and document numbers) are left empty rather than invented.
``--remove`` deletes exactly those rows again, table by table. The same seed
and ``as_of`` give the same names, parties, states and dates.
"""

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import frappe
from frappe.utils import add_days, getdate, now

from ksad_app.domain import stages
from ksad_app.domain.cooperation import cooperation_level
from ksad_app.domain.guidance import (
	FOLLOW_UP_DONE,
	FOLLOW_UP_PENDING,
	PEMBINAAN,
	PENGAWASAN,
	TAHAPAN,
	TAHAPAN_OF_STAGE,
)
from ksad_app.domain.issues import DALAM_PERTIMBANGAN, PERMASALAHAN, PERSELISIHAN, SELESAI, TERBUKA
from ksad_app.domain.issues import addressed_to as issue_addressed_to
from ksad_app.domain.regions import PROVINSI, Region
from ksad_app.domain.supervision import (
	SEKRETARIAT_BERSAMA,
	TKKSD,
	SupervisorKey,
	assign_supervisors,
	default_seat,
)
from ksad_app.roles import (
	GOVERNOR_OFFICE,
	MINISTRY_OFFICIAL,
	REGIONAL_OFFICER,
	SEKRETARIAT_BERSAMA_MEMBER,
	TKKSD_MEMBER,
)
from ksad_app.setup.users import grant_region

PREFIX = "SYN-"
MARK = "[SINTETIS]"
COOPERATION = "Inter-Regional Cooperation"
ACTIVITY = "Supervision Activity"
ISSUE = "Cooperation Issue"
TERMINATION = "Cooperation Termination"
BODY = "Supervisory Body"
OWNER = "Administrator"

# The users the benchmark measures as (email -> roles, regions of their User Permissions, body they sit in).
USER_DOMAIN = "sintetis.ksad.test"
TKKSD_USER = f"tkksd-32@{USER_DOMAIN}"
GOVERNOR_USER = f"gubernur-32@{USER_DOMAIN}"
OFFICER_USER = f"officer-32.73@{USER_DOMAIN}"
MINISTRY_USER = f"ministry@{USER_DOMAIN}"
SEKBER_USER = f"sekber@{USER_DOMAIN}"
# A regional officer tied to no region: every query of theirs has a scope that matches nothing, so
# the benchmark times Frappe's fixed cost of each call with them (its "floor").
FLOOR_USER = f"officer-none@{USER_DOMAIN}"
USERS = {
	TKKSD_USER: ([TKKSD_MEMBER], [], "TKKSD-32"),
	GOVERNOR_USER: ([GOVERNOR_OFFICE], ["32"], None),
	OFFICER_USER: ([REGIONAL_OFFICER], ["32.73"], None),
	MINISTRY_USER: ([MINISTRY_OFFICIAL], [], None),
	SEKBER_USER: ([SEKRETARIAT_BERSAMA_MEMBER], [], "SEKBER"),
	FLOOR_USER: ([REGIONAL_OFFICER], [], None),
}

# The mix of cooperations (weights).
KINDS = (
	("kabkota_one_province", 70),
	("kabkota_two_provinces", 10),
	("province_kabkota", 14),
	("provinces", 6),
)
PARTY_COUNTS = ((2, 60), (3, 25), (4, 10), (5, 5))
# Workflow states, weighted towards Pelaksanaan (the long middle of a cooperation's life).
STATES = (
	(stages.PENJAJAKAN, 7),
	(stages.PROPOSAL_PREFIX + stages.NEGOSIASI, 2),
	(stages.NEGOSIASI, 6),
	(stages.PROPOSAL_PREFIX + stages.PENANDATANGANAN, 2),
	(stages.PENANDATANGANAN, 6),
	(stages.PROPOSAL_PREFIX + stages.PELAKSANAAN, 2),
	(stages.PELAKSANAAN, 55),
	(stages.PROPOSAL_PREFIX + stages.PENGAKHIRAN, 2),
	(stages.PENGAKHIRAN, 6),
	(stages.PROPOSAL_PREFIX + stages.SELESAI, 1),
	(stages.SELESAI, 7),
	(stages.DIBATALKAN, 4),
)
# Island groups by the first digit of a province's code: Sumatera with Kepulauan Riau, Jawa, Bali and Nusa
# Tenggara, Kalimantan, Sulawesi, Maluku with Papua.
ISLAND_GROUP = {"1": "Sumatera", "2": "Sumatera", "3": "Jawa", "5": "Nusa Tenggara", "6": "Kalimantan"}
ISLAND_GROUP |= {"7": "Sulawesi", "8": "Maluku dan Papua", "9": "Maluku dan Papua"}
RETURN_RATE = 0.1  # a request returned by the body, then asked again
ISSUE_RATE = 0.12  # cooperations with problems or disputes
PEMBINAAN_RATE = 0.55
DRAFT_RATE = 0.03  # activities saved but not submitted
FLUSH_ROWS = 20_000

# Tables written, children before parents; removal deletes in this order.
CHILD_COLUMNS = (
	"name",
	"parent",
	"parenttype",
	"parentfield",
	"idx",
	"owner",
	"creation",
	"modified",
	"modified_by",
)
TABLES = (
	"Supervision Activity Item",
	ACTIVITY,
	"Cooperation Guidance Record",
	"Cooperation Stage Log",
	"Cooperation Party",
	"Cooperation Supervisor",
	"Termination Allocation",
	TERMINATION,
	ISSUE,
	COOPERATION,
)


@dataclass(frozen=True)
class Place:
	code: str
	name: str
	region_type: str
	province: str

	@property
	def domain(self) -> Region:
		return Region(self.code, self.region_type, self.province)


@dataclass
class Summary:
	cooperations: int = 0
	rows: dict[str, int] = field(default_factory=dict)
	seconds: float = 0.0
	bodies_created: list[str] = field(default_factory=list)
	users_created: list[str] = field(default_factory=list)
	regions_as_party: int = 0
	regions_available: int = 0

	@property
	def total_rows(self) -> int:
		return sum(self.rows.values())


def weighted(rng: random.Random, choices) -> object:
	values, weights = zip(*choices, strict=True)
	return rng.choices(values, weights)[0]


# --- what exists on the site --------------------------------------------


def places() -> list[Place]:
	"""Every region that may be a party (autonomous), in code order."""
	rows = frappe.get_all(
		"Regional Government",
		filters={"is_autonomous": 1},
		fields=["name", "region_name", "region_type", "parent_regional_government"],
		order_by="name asc",
	)
	return [Place(r.name, r.region_name, r.region_type, r.parent_regional_government or r.name) for r in rows]


def ensure_bodies(prefix: str = PREFIX) -> tuple[dict[SupervisorKey, str], list[str]]:
	"""The Sekretariat Bersama and a TKKSD for every province, adding the missing ones as synthetic bodies."""
	provinces = frappe.get_all(
		"Regional Government",
		filters={"region_type": PROVINSI},
		fields=["name", "region_name"],
		order_by="name asc",
	)
	existing = {
		SupervisorKey(b.body_type, b.province or None): b.name
		for b in frappe.get_all(BODY, fields=["name", "body_type", "province"])
	}
	wanted = [(SupervisorKey(SEKRETARIAT_BERSAMA), "SEKBER", None, None)] + [
		(SupervisorKey(TKKSD, p.name), f"TKKSD-{p.name}", p.name, p.region_name) for p in provinces
	]
	stamp = now()
	rows = []
	for key, name, province, province_name in wanted:
		if key in existing:
			continue
		title = SEKRETARIAT_BERSAMA if province is None else f"{TKKSD} Provinsi {province_name}"
		rows.append(
			(
				name,
				key.body_type,
				province,
				f"{MARK} {title}",
				default_seat(key.body_type, province_name),
				OWNER,
				stamp,
				stamp,
				OWNER,
			)
		)
		existing[key] = name
	frappe.db.bulk_insert(
		BODY,
		[
			"name",
			"body_type",
			"province",
			"body_name",
			"seat",
			"owner",
			"creation",
			"modified",
			"modified_by",
		],
		rows,
	)
	return existing, [r[0] for r in rows]


def ensure_users(prefix: str = PREFIX) -> list[str]:
	"""The users the benchmark measures as, with their roles, regions and seats in a body."""
	created = []
	for email, (roles, regions, body) in USERS.items():
		if not frappe.db.exists("User", email):
			user = frappe.get_doc(
				{
					"doctype": "User",
					"email": email,
					"first_name": f"{MARK} {email.split('@')[0]}",
					"send_welcome_email": 0,
					"user_type": "System User",
				}
			)
			user.flags.no_welcome_mail = True
			user.insert(ignore_permissions=True)
			user.add_roles(*roles)  # no password: nobody logs in as them unless an administrator sets one
			created.append(email)
		for region in regions:
			grant_region(email, region, ignore_permissions=True)
		if body and not frappe.db.exists(
			"Supervisory Body Member", {"parent": body, "parenttype": BODY, "user": email}
		):
			last = frappe.get_all(
				"Supervisory Body Member",
				filters={"parent": body, "parenttype": BODY},
				fields=["max(idx) as idx"],
			)[0].idx
			stamp = now()
			position = "Sekretaris Daerah" if body.startswith("TKKSD") else "Unsur Departemen Dalam Negeri"
			frappe.db.bulk_insert(
				"Supervisory Body Member",
				[*CHILD_COLUMNS, "member_name", "position", "user"],
				[
					(
						f"{prefix}M-{email}",
						body,
						BODY,
						"members",
						(last or 0) + 1,
						OWNER,
						stamp,
						stamp,
						OWNER,
						f"{MARK} {email.split('@')[0]}",
						position,
						email,
					)
				],
			)
	return created


# --- the plan of one cooperation (no database) -------------------------


@dataclass
class Move:
	action: str
	from_state: str
	to_state: str
	at: datetime
	reason: str | None = None


@dataclass
class Plan:
	parties: list[Place]
	state: str
	moves: list[Move]
	created: datetime
	ended: datetime  # when nothing more happens: now, or when it was cancelled or finished


class Planner:
	"""Draws cooperations from a seeded random generator; the same seed gives the same cooperations."""

	def __init__(self, regions: list[Place], seed: int, as_of: date):
		self.rng = random.Random(seed)
		self.as_of = datetime.combine(as_of, datetime.min.time()) + timedelta(hours=16)
		self.provinces = [p for p in regions if p.region_type == PROVINSI]
		self.kabkota_of: dict[str, list[Place]] = {}
		for p in regions:
			if p.region_type != PROVINSI:
				self.kabkota_of.setdefault(p.province, []).append(p)
		self.with_kabkota = sorted(self.kabkota_of)
		# every region a party at least once: each draws its anchor from these queues first
		self.all_kabkota = [p for p in regions if p.region_type != PROVINSI]
		self.kabkota_queue = list(self.all_kabkota)
		self.rng.shuffle(self.kabkota_queue)
		self.province_queue = list(self.provinces)
		self.rng.shuffle(self.province_queue)

	def neighbours(self, province: str, pool: list[str]) -> list[str]:
		"""Provinces of the same island group (by the first digit of the Kemendagri code), else all others."""
		group = ISLAND_GROUP.get(province[0])
		same = [p for p in pool if p != province and ISLAND_GROUP.get(p[0]) == group]
		return same or [p for p in pool if p != province]

	def kabkota_anchor(self) -> Place:
		if self.kabkota_queue:
			return self.kabkota_queue.pop()
		return self.rng.choice(self.all_kabkota)

	def province_anchor(self) -> Place:
		if self.province_queue:
			return self.province_queue.pop()
		return self.rng.choice(self.provinces)

	def parties(self) -> list[Place]:
		rng = self.rng
		kind = weighted(rng, KINDS)
		count = weighted(rng, PARTY_COUNTS)
		if kind == "kabkota_one_province":
			anchor = self.kabkota_anchor()
			pool = [p for p in self.kabkota_of[anchor.province] if p != anchor]
			if pool:
				return [anchor, *rng.sample(pool, min(count - 1, len(pool)))]
			kind = "kabkota_two_provinces"
			return self.two_provinces(anchor, count)
		if kind == "kabkota_two_provinces":
			return self.two_provinces(self.kabkota_anchor(), count)
		anchor = self.province_anchor()
		if kind == "province_kabkota":
			own = self.kabkota_of.get(anchor.province, [])
			if not own or rng.random() < 0.2:
				other = rng.choice(self.neighbours(anchor.province, self.with_kabkota))
				own = self.kabkota_of[other]
			return [anchor, *rng.sample(own, min(count - 1, len(own)))]
		others = [
			p
			for p in self.provinces
			if p.code in self.neighbours(anchor.code, [q.code for q in self.provinces])
		]
		return [anchor, *rng.sample(others, min(count - 1, len(others)))]

	def two_provinces(self, anchor: Place, count: int) -> list[Place]:
		other = self.rng.choice(self.neighbours(anchor.province, self.with_kabkota))
		pool = [p for p in self.kabkota_of[anchor.province] + self.kabkota_of[other] if p != anchor]
		first = self.rng.choice(self.kabkota_of[other])
		rest = [p for p in pool if p != first]
		return [anchor, first, *self.rng.sample(rest, min(count - 2, len(rest)))]

	def history(self, state: str) -> tuple[list[Move], datetime, datetime]:
		"""The moves from Penjajakan to ``state``, dated backwards from ``as_of``."""
		rng = self.rng
		target = state
		cancel_from = None
		if state == stages.DIBATALKAN:
			cancel_from = weighted(
				rng,
				(
					(stages.PENJAJAKAN, 4),
					(stages.NEGOSIASI, 3),
					(stages.PENANDATANGANAN, 2),
					(stages.PROPOSAL_PREFIX + stages.NEGOSIASI, 1),
				),
			)
			target = cancel_from
		final_stage = stages.stage_of_state(target)
		steps: list[tuple[str, str, str, str | None]] = []
		current = stages.PENJAJAKAN
		while current != final_stage:
			nxt = stages.next_stage(current)
			request = stages.PROPOSAL_PREFIX + nxt
			steps.append((stages.AJUKAN, current, request, None))
			if rng.random() < RETURN_RATE:
				steps.append((stages.KEMBALIKAN, request, current, f"{MARK} Dokumen perlu dilengkapi"))
				steps.append((stages.AJUKAN, current, request, None))
			steps.append((stages.SETUJUI, request, nxt, None))
			current = nxt
		if stages.is_proposal(target):
			steps.append((stages.AJUKAN, current, target, None))
		if cancel_from:
			steps.append((stages.BATALKAN, target, stages.DIBATALKAN, f"{MARK} Para pihak tidak melanjutkan"))
		# gaps before each move, in days: work at a stage before a request, a decision after one
		gaps = []
		for action, from_state, _to, _r in steps:
			if action == stages.AJUKAN and from_state == stages.PELAKSANAAN:
				gaps.append(rng.randint(365, 1800))  # the cooperation runs its term
			elif action in (stages.AJUKAN, stages.BATALKAN) and not stages.is_proposal(from_state):
				gaps.append(rng.randint(20, 180))
			else:
				gaps.append(rng.randint(2, 30))
		if state == stages.PELAKSANAAN:
			tail = rng.randint(1, 1800)
		elif state in (stages.SELESAI, stages.DIBATALKAN):
			tail = rng.randint(1, 1500)
		else:
			tail = rng.randint(1, 150)
		last = self.as_of - timedelta(days=tail, minutes=rng.randint(0, 600))
		created = last - timedelta(days=sum(gaps), minutes=rng.randint(0, 600))
		created -= timedelta(days=rng.randint(1, 30))
		moves, at = [], created
		for (action, from_state, to_state, reason), gap in zip(steps, gaps, strict=True):
			at = at + timedelta(days=gap, minutes=rng.randint(0, 480))
			moves.append(Move(action, from_state, to_state, at, reason))
		ended = moves[-1].at if state in (stages.SELESAI, stages.DIBATALKAN) else self.as_of
		return moves, created, ended

	def cooperation(self) -> Plan:
		parties = self.parties()
		state = weighted(self.rng, STATES)
		moves, created, ended = self.history(state)
		return Plan(parties, state, moves, created, ended)


def state_at(plan: Plan, at: datetime) -> str:
	"""The workflow state of a planned cooperation at a moment."""
	state = stages.PENJAJAKAN
	for m in plan.moves:
		if m.at > at:
			break
		state = m.to_state
	return state


def moved_at(plan: Plan, to_state: str) -> datetime | None:
	for m in plan.moves:
		if m.to_state == to_state and m.action == stages.SETUJUI:
			return m.at
	return None


def requested_at(plan: Plan, to_state: str) -> datetime | None:
	for m in plan.moves:
		if m.to_state == to_state and m.action == stages.AJUKAN:
			return m.at
	return None


# --- writing ----------------------------------------------------------


class Writer:
	"""Collects rows per table and writes them with bulk_insert in chunks."""

	def __init__(self, commit: bool):
		self.rows: dict[str, tuple[list[str], list[tuple]]] = {}
		self.counts: dict[str, int] = {}
		self.commit = commit

	def add(self, doctype: str, columns: list[str], row: tuple) -> None:
		self.rows.setdefault(doctype, (columns, []))[1].append(row)
		if len(self.rows[doctype][1]) >= FLUSH_ROWS:
			self.flush(doctype)

	def flush(self, doctype: str | None = None) -> None:
		for name in [doctype] if doctype else list(self.rows):
			columns, rows = self.rows.get(name, (None, []))
			if rows:
				frappe.db.bulk_insert(name, columns, rows, chunk_size=5_000)
				self.counts[name] = self.counts.get(name, 0) + len(rows)
				rows.clear()
		if self.commit:
			frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a bench command owns its transaction


COOPERATION_COLUMNS = [
	"name",
	"title",
	"government_affair",
	"cooperation_level",
	"stage",
	"workflow_state",
	"kb_date",
	"pks_date",
	"start_date",
	"end_date",
	"owner",
	"creation",
	"modified",
	"modified_by",
]
PARTY_COLUMNS = [*CHILD_COLUMNS, "regional_government", "region_name", "region_type"]
SUPERVISOR_COLUMNS = [*CHILD_COLUMNS, "supervisory_body", "body_type"]
LOG_COLUMNS = [*CHILD_COLUMNS, "action", "from_state", "to_state", "user", "timestamp", "reason"]
ACTIVITY_COLUMNS = [
	"name",
	"cooperation",
	"cooperation_title",
	"supervisory_body",
	"body_type",
	"activity_type",
	"stage",
	"activity_date",
	"description",
	"findings",
	"recommendations",
	"follow_up_due_date",
	"follow_up_status",
	"docstatus",
	"owner",
	"creation",
	"modified",
	"modified_by",
]
ITEM_COLUMNS = [*CHILD_COLUMNS, "guidance_item"]
RECORD_COLUMNS = [
	*CHILD_COLUMNS,
	"guidance_item",
	"stage",
	"activity_date",
	"done_by",
	"supervisory_body",
	"supervision_activity",
]
ISSUE_COLUMNS = [
	"name",
	"cooperation",
	"cooperation_title",
	"issue_type",
	"status",
	"raised_by",
	"raised_by_name",
	"raised_on",
	"description",
	"supervisory_body",
	"addressed_to",
	"consideration",
	"decision",
	"decision_date",
	"owner",
	"creation",
	"modified",
	"modified_by",
]
TERMINATION_COLUMNS = [
	"name",
	"cooperation",
	"cooperation_title",
	"termination_date",
	"reason",
	"docstatus",
	"owner",
	"creation",
	"modified",
	"modified_by",
]
ALLOCATION_COLUMNS = [*CHILD_COLUMNS, "regional_government", "region_name", "dprd_report_date"]


def guidance_by_stage() -> dict[tuple[str, str], list[str]]:
	"""Guidance item codes per (body type, tahapan), in the catalogue's order."""
	out: dict[tuple[str, str], list[str]] = {}
	for g in frappe.get_all("Guidance Item", fields=["name", "body_type", "stage"], order_by="name asc"):
		out.setdefault((g.body_type, g.stage), []).append(g.name)
	return out


class Generator:
	"""Turns planned cooperations into rows of the app's tables."""

	def __init__(self, seed: int, as_of: date, prefix: str, activities: int, writer: Writer):
		self.prefix, self.activities, self.writer, self.as_of = prefix, activities, writer, as_of
		self.bodies, self.bodies_created = ensure_bodies(prefix)
		self.body_type = {name: key.body_type for key, name in self.bodies.items()}
		self.body_province_name = {
			b.name: b.province_name
			for b in frappe.get_all(BODY, fields=["name", "province.region_name as province_name"])
		}
		self.regions = places()
		self.affairs = frappe.get_all("Government Affair", pluck="name", order_by="sort_order asc, name asc")
		self.catalogue = guidance_by_stage()
		self.planner = Planner(self.regions, seed, as_of)
		self.rng = self.planner.rng
		self.covered: set[str] = set()

	def add(self, i: int, plan: Plan) -> None:
		rng, prefix = self.rng, self.prefix
		name = f"{prefix}KSAD-{i:06d}"
		affair = rng.choice(self.affairs) if self.affairs else None
		title = (f"{MARK} {affair or 'Kerja Sama'}: " + " – ".join(p.name for p in plan.parties))[:140]
		domain = [p.domain for p in plan.parties]
		supervisors = assign_supervisors(domain, self.bodies)
		self.covered.update(p.code for p in plan.parties)
		modified = plan.moves[-1].at if plan.moves else plan.created
		signed = requested_at(plan, stages.PROPOSAL_PREFIX + stages.PELAKSANAAN)
		start = moved_at(plan, stages.PELAKSANAAN)
		end_requested = requested_at(plan, stages.PROPOSAL_PREFIX + stages.PENGAKHIRAN)
		end_date = None
		if start and end_requested:
			end_date = (end_requested - timedelta(days=rng.randint(0, 60))).date()
		elif start:
			end_date = max(
				add_days(start.date(), 365 * rng.randint(1, 5)), add_days(self.as_of, rng.randint(1, 1500))
			)
		sign_date = (signed - timedelta(days=rng.randint(1, 20))).date() if signed else None
		audit = (OWNER, plan.created, modified, OWNER)
		child = (COOPERATION, audit)
		self.writer.add(
			COOPERATION,
			COOPERATION_COLUMNS,
			(
				name,
				title,
				affair,
				cooperation_level(domain),
				stages.stage_of_state(plan.state),
				plan.state,
				sign_date,
				sign_date,
				start.date() if start else None,
				end_date,
				*audit,
			),
		)
		for idx, p in enumerate(plan.parties, 1):
			self.child(
				"Cooperation Party",
				PARTY_COLUMNS,
				f"P-{i:06d}-{idx}",
				name,
				"parties",
				idx,
				child,
				(p.code, p.name, p.region_type),
			)
		for idx, b in enumerate(supervisors, 1):
			self.child(
				"Cooperation Supervisor",
				SUPERVISOR_COLUMNS,
				f"S-{i:06d}-{idx}",
				name,
				"supervisors",
				idx,
				child,
				(b, self.body_type[b]),
			)
		for idx, m in enumerate(plan.moves, 1):
			self.child(
				"Cooperation Stage Log",
				LOG_COLUMNS,
				f"L-{i:06d}-{idx:02d}",
				name,
				"stage_log",
				idx,
				(COOPERATION, (OWNER, m.at, m.at, OWNER)),
				(m.action, m.from_state, m.to_state, OWNER, m.at, m.reason),
			)
		self.add_activities(i, name, title, plan, supervisors)
		self.add_issues(i, name, title, plan, supervisors)
		self.add_termination(i, name, title, plan, end_date)

	def child(self, doctype, columns, suffix, parent, parentfield, idx, parent_and_audit, values) -> None:
		parenttype, audit = parent_and_audit
		self.writer.add(
			doctype,
			columns,
			(f"{self.prefix}{suffix}", parent, parenttype, parentfield, idx, *audit, *values),
		)

	def add_activities(self, i: int, name: str, title: str, plan: Plan, supervisors: list[str]) -> None:
		"""Activities spread over the cooperation's life, each at the stage it was then at."""
		rng = self.rng
		span = max((plan.ended - plan.created).total_seconds(), 3600)
		moments = sorted(
			plan.created + timedelta(seconds=rng.uniform(0, span)) for _ in range(self.activities)
		)
		record_idx = 0
		for j, at in enumerate(moments, 1):
			at_stage = stages.stage_of_state(state_at(plan, at))
			if at_stage not in TAHAPAN_OF_STAGE:  # the very moment it closed
				at_stage = stages.PENGAKHIRAN if at_stage == stages.SELESAI else stages.PENJAJAKAN
			tahapan = TAHAPAN[TAHAPAN_OF_STAGE[at_stage]]
			body = rng.choice(supervisors)
			btype = self.body_type[body]
			aname = f"{self.prefix}AKT-{i:06d}-{j:02d}"
			docstatus = 0 if rng.random() < DRAFT_RATE else 1
			day = at.date()
			findings = recommendations = due = status = None
			items: list[str] = []
			if rng.random() < PEMBINAAN_RATE:
				kind = PEMBINAAN
				pool = self.catalogue.get((btype, tahapan), [])
				items = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
			else:
				kind = PENGAWASAN
				findings = f"{MARK} Temuan pengawasan"
				recommendations = f"{MARK} Rekomendasi tindak lanjut"
				due = add_days(day, rng.randint(14, 90))
				status = FOLLOW_UP_DONE if due < self.as_of and rng.random() < 0.85 else FOLLOW_UP_PENDING
			self.writer.add(
				ACTIVITY,
				ACTIVITY_COLUMNS,
				(
					aname,
					name,
					title,
					body,
					btype,
					kind,
					at_stage,
					day,
					f"{MARK} {kind} tahap {at_stage}",
					findings,
					recommendations,
					due,
					status,
					docstatus,
					OWNER,
					at,
					at,
					OWNER,
				),
			)
			audit = (OWNER, at, at, OWNER)
			for k, item in enumerate(items, 1):
				self.child(
					"Supervision Activity Item",
					ITEM_COLUMNS,
					f"AI-{i:06d}-{j:02d}-{k}",
					aname,
					"guidance_items",
					k,
					(ACTIVITY, audit),
					(item,),
				)
				if (
					docstatus == 1
				):  # submitting marks the item done on the cooperation (ksad_app.controllers.guidance)
					record_idx += 1
					self.child(
						"Cooperation Guidance Record",
						RECORD_COLUMNS,
						f"G-{i:06d}-{record_idx:03d}",
						name,
						"guidance_done",
						record_idx,
						(COOPERATION, audit),
						(item, tahapan, day, OWNER, body, aname),
					)

	def add_issues(self, i: int, name: str, title: str, plan: Plan, supervisors: list[str]) -> None:
		"""Problems and disputes, raised by a party while the cooperation is carried out or ended (Pasal 6/10 d)."""
		rng = self.rng
		began = moved_at(plan, stages.PELAKSANAAN)
		if not began or rng.random() >= ISSUE_RATE:
			return
		window = max((plan.ended - began).total_seconds(), 3600)
		for k in range(1, (2 if rng.random() < 0.2 else 1) + 1):
			raised = began + timedelta(seconds=rng.uniform(0, window))
			raiser = rng.choice(plan.parties)
			issue_type = PERSELISIHAN if rng.random() < 0.25 else PERMASALAHAN
			old = (self.planner.as_of - raised).days > 180
			status = weighted(
				rng,
				((SELESAI, 70), (DALAM_PERTIMBANGAN, 20), (TERBUKA, 10))
				if old
				else ((TERBUKA, 50), (DALAM_PERTIMBANGAN, 40), (SELESAI, 10)),
			)
			own_tkksd = self.bodies.get(SupervisorKey(TKKSD, raiser.province))
			body = own_tkksd if own_tkksd in supervisors else supervisors[0]
			decided = (
				min(add_days(raised.date(), rng.randint(14, 120)), self.as_of) if status == SELESAI else None
			)
			self.writer.add(
				ISSUE,
				ISSUE_COLUMNS,
				(
					f"{self.prefix}MSL-{i:06d}-{k}",
					name,
					title,
					issue_type,
					status,
					raiser.code,
					raiser.name,
					raised.date(),
					f"{MARK} {issue_type} dalam pelaksanaan kerja sama",
					body,
					issue_addressed_to(self.body_type[body], self.body_province_name.get(body)),
					f"{MARK} Pertimbangan" if status != TERBUKA else None,
					f"{MARK} Keputusan" if status == SELESAI else None,
					decided,
					OWNER,
					raised,
					raised,
					OWNER,
				),
			)

	def add_termination(self, i: int, name: str, title: str, plan: Plan, end_date: date | None) -> None:
		"""Submitted before Selesai is asked for; at Pengakhiran a draft, a submitted one, or none yet."""
		rng = self.rng
		if stages.stage_of_state(plan.state) != stages.PENGAKHIRAN and plan.state != stages.SELESAI:
			return
		if plan.state == stages.PENGAKHIRAN:
			docstatus = weighted(rng, ((None, 4), (0, 4), (1, 2)))
			if docstatus is None:
				return
		else:
			docstatus = 1
		begun = moved_at(plan, stages.PENGAKHIRAN) or plan.created
		tname = f"{self.prefix}PGK-{i:06d}"
		audit = (OWNER, begun, begun, OWNER)
		self.writer.add(
			TERMINATION,
			TERMINATION_COLUMNS,
			(tname, name, title, end_date or begun.date(), "Jangka waktu berakhir", docstatus, *audit),
		)
		for idx, p in enumerate(plan.parties, 1):
			reported = add_days(begun.date(), rng.randint(10, 60)) if plan.state == stages.SELESAI else None
			self.child(
				"Termination Allocation",
				ALLOCATION_COLUMNS,
				f"TA-{i:06d}-{idx}",
				tname,
				"allocations",
				idx,
				(TERMINATION, audit),
				(p.code, p.name, reported),
			)


def generate(
	cooperations: int,
	activities_per_cooperation: int = 10,
	seed: int = 2009,
	as_of: date | None = None,
	prefix: str = PREFIX,
	commit: bool = True,
	progress: Callable[[int], None] | None = None,
) -> Summary:
	"""Write ``cooperations`` synthetic cooperations and what belongs to them; see the module's docstring."""
	as_of = getdate(as_of) if as_of else getdate()
	writer = Writer(commit)
	gen = Generator(seed, as_of, prefix, activities_per_cooperation, writer)
	summary = Summary(bodies_created=gen.bodies_created, users_created=ensure_users(prefix))
	started = time.perf_counter()  # the rows: bodies and users are set up before
	for i in range(1, cooperations + 1):
		gen.add(i, gen.planner.cooperation())
		if progress:
			progress(1)
	writer.flush()
	summary.cooperations = cooperations
	summary.rows = dict(writer.counts)
	summary.regions_as_party = len(gen.covered)
	summary.regions_available = len(gen.regions)
	summary.seconds = time.perf_counter() - started
	return summary


# --- removal ------------------------------------------------------------


def synthetic_counts(prefix: str = PREFIX) -> dict[str, int]:
	return {t: frappe.db.count(t, {"name": ("like", f"{prefix}%")}) for t in TABLES}


def remove(prefix: str = PREFIX, commit: bool = True, fixtures: bool = True) -> dict[str, int]:
	"""Delete every row named with ``prefix``, table by table; with ``fixtures``, also the synthetic bodies,
	memberships and users once no synthetic cooperation is left on the site."""
	removed: dict[str, int] = {}
	for table in TABLES:
		count = frappe.db.count(table, {"name": ("like", f"{prefix}%")})
		if count:
			frappe.db.delete(table, {"name": ("like", f"{prefix}%")})
		removed[table] = count
		if commit:
			frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a bench command owns its transaction
	if fixtures and not frappe.db.exists(COOPERATION, {"title": ("like", f"{MARK}%")}):
		removed.update(remove_fixtures(prefix))
		if commit:
			frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a bench command owns its transaction
	return removed


def remove_fixtures(prefix: str = PREFIX) -> dict[str, int]:
	"""The memberships, the users and the bodies the generator added (bodies only when nothing refers to them)."""
	out = {}
	out["Supervisory Body Member"] = frappe.db.count(
		"Supervisory Body Member", {"name": ("like", f"{prefix}M-%")}
	)
	frappe.db.delete("Supervisory Body Member", {"name": ("like", f"{prefix}M-%")})
	users = [u for u in USERS if frappe.db.exists("User", u)]
	for user in users:
		frappe.db.delete("User Permission", {"user": user})
		frappe.delete_doc("User", user, ignore_permissions=True, force=True)
	out["User"] = len(users)
	bodies = frappe.get_all(BODY, filters={"body_name": ("like", f"{MARK}%")}, pluck="name")
	still_used = set(
		frappe.get_all(
			"Cooperation Supervisor",
			filters={"supervisory_body": ("in", bodies or [""])},
			pluck="supervisory_body",
			distinct=True,
		)
	) | set(
		frappe.get_all(
			"Supervisory Body Member",
			filters={"parent": ("in", bodies or [""])},
			pluck="parent",
			distinct=True,
		)
	)
	free = [b for b in bodies if b not in still_used]
	if free:
		frappe.db.delete(BODY, {"name": ("in", free)})
	out[BODY] = len(free)
	return out


def cooperation_rows(prefix: str = PREFIX) -> Iterator[tuple]:
	"""(name, workflow state, party codes) of the synthetic cooperations, in name order (for tests)."""
	party = frappe.qb.DocType("Cooperation Party")
	rows = (
		frappe.qb.from_(party)
		.select(party.parent, party.regional_government)
		.where(party.parent.like(f"{prefix}%") & (party.parenttype == COOPERATION))
		.orderby(party.parent)
		.orderby(party.idx)
	).run()
	states = dict(
		frappe.get_all(
			COOPERATION,
			filters={"name": ("like", f"{prefix}%")},
			fields=["name", "workflow_state"],
			as_list=True,
		)
	)
	by_parent: dict[str, list[str]] = {}
	for parent, code in rows:
		by_parent.setdefault(parent, []).append(code)
	for name in sorted(states):
		yield name, states[name], tuple(by_parent.get(name, ()))
