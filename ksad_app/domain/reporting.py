"""What a supervision report says (Pasal 8, 12, 13), from plain rows.

* Pasal 8: the Sekretariat Bersama reports its pembinaan and pengawasan
  (Pasal 6, 7) to the Menteri Dalam Negeri.
* Pasal 12: a TKKSD reports its pembinaan and pengawasan (Pasal 10, 11) to
  the Gubernur of its province.
* Pasal 13: the Gubernur reports the results of the supervision of Pasal 3 —
  the KSAD Kabupaten/Kota in his province, which he supervises through the
  province's TKKSD (Pasal 9 ayat 1) — to the Menteri Dalam Negeri, with the
  TKKSD reports of the period.

Scope (decision): a report covers what its reporter supervises and did.
A body's report covers the cooperations the body supervises (its
``Cooperation Supervisor`` rows) and the activities and the problems or
disputes the body itself handled: a cooperation of kab/kota of two provinces
appears in both TKKSD reports, each with its own activities. The Gubernur's
report has the scope of the province's TKKSD; a KSAD Provinsi (a province
among the parties) is the Minister's, through the Sekretariat Bersama
(Pasal 2), and is not in it.

What the sections count, for a period ``start``..``end`` (both included):

* cooperations by stage at the end of the period: the last state recorded in
  the Stage History on or before ``end`` (``Penjajakan`` when none); a pending
  request counts at the stage it asks to leave; a cooperation registered after
  ``end``, or closed (Selesai, Dibatalkan) before ``start``, is left out.
  The same cooperations by government affair (as recorded now);
* stage moves recorded in the period, by action and states;
* submitted activities dated in the period, by type and by guidance item,
  and those with findings; follow-ups of activities dated up to ``end`` that
  are still pending when the report is compiled, and those of them overdue on
  the compile date (:func:`ksad_app.domain.guidance.is_overdue`);
* problems and disputes, per type: raised in the period; answered (raised by
  ``end`` and no longer ``Terbuka``); decided in the period; open (raised by
  ``end`` and not ``Selesai``). Statuses are as at the compile date;
* submitted terminations dated in the period: how many, and the totals of
  their division in whole rupiah (goods, debts, net value).
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from ksad_app.domain import RuleViolation
from ksad_app.domain.guidance import ACTIVITY_TYPES, FOLLOW_UP_DONE, is_overdue
from ksad_app.domain.issues import ISSUE_TYPES, MENTERI_DALAM_NEGERI, SELESAI, TERBUKA
from ksad_app.domain.regions import HEAD_TITLES, PROVINSI
from ksad_app.domain.stages import ACTIONS, DIBATALKAN, PENJAJAKAN, STAGES, UnknownState, stage_of_state
from ksad_app.domain.stages import SELESAI as STAGE_SELESAI
from ksad_app.domain.supervision import SEKRETARIAT_BERSAMA, TKKSD

PASAL_8 = "Sekretariat Bersama kepada Menteri (Pasal 8)"
PASAL_12 = "TKKSD kepada Gubernur (Pasal 12)"
PASAL_13 = "Gubernur kepada Menteri (Pasal 13)"
REPORT_TYPES = (PASAL_8, PASAL_12, PASAL_13)

GUBERNUR = HEAD_TITLES[PROVINSI]

# The sections of the breakdown table (Supervision Report Line.section).
SECTION_STAGE = "Stage"
SECTION_AFFAIR = "Government Affair"
SECTION_MOVE = "Stage Move"
SECTION_ACTIVITY = "Activity Type"
SECTION_GUIDANCE = "Guidance Item"
SECTIONS = (SECTION_STAGE, SECTION_AFFAIR, SECTION_MOVE, SECTION_ACTIVITY, SECTION_GUIDANCE)

# The stages a cooperation can be at, in the order of Pasal 4.
STAGE_ORDER = (*STAGES, DIBATALKAN)
CLOSED = frozenset({STAGE_SELESAI, DIBATALKAN})

# The summary figures, named as the report's fields.
TOTALS = (
	"cooperation_count",
	"stage_moves",
	"activity_count",
	"pembinaan_count",
	"pengawasan_count",
	"findings_count",
	"follow_ups_open",
	"follow_ups_overdue",
	"issues_raised",
	"issues_answered",
	"issues_decided",
	"issues_open",
	"termination_count",
	"termination_total_assets",
	"termination_total_liabilities",
	"termination_net_value",
)

# A compile over more cooperations than this runs as a background job.
INLINE_LIMIT = 10_000


@dataclass(frozen=True)
class ReportKind:
	"""Who reports to whom under one article."""

	report_type: str
	article: str
	reporter_body_type: str | None  # the body that reports; None: the Gubernur
	addressee: str
	duties: tuple[str, ...]  # the articles whose tasks are reported


KINDS = {
	PASAL_8: ReportKind(PASAL_8, "8", SEKRETARIAT_BERSAMA, MENTERI_DALAM_NEGERI, ("6", "7")),
	PASAL_12: ReportKind(PASAL_12, "12", TKKSD, GUBERNUR, ("10", "11")),
	PASAL_13: ReportKind(PASAL_13, "13", None, MENTERI_DALAM_NEGERI, ("3",)),
}


# --- violations ---------------------------------------------------------------


@dataclass
class UnknownReportType(RuleViolation):
	report_type: str


@dataclass
class BodyRequired(RuleViolation):
	"""A body's report names the body that reports."""

	report_type: str
	body_type: str


@dataclass
class WrongBodyType(RuleViolation):
	"""Pasal 8 is the Sekretariat Bersama's report, Pasal 12 a TKKSD's."""

	report_type: str
	body: str
	body_type: str | None
	expected: str


@dataclass
class ProvinceRequired(RuleViolation):
	"""The Gubernur's report names the province."""

	report_type: str


@dataclass
class NotAProvince(RuleViolation):
	region: str
	region_type: str | None


@dataclass
class NoTkksd(RuleViolation):
	"""The Gubernur supervises through the province's TKKSD (Pasal 9), and none is registered."""

	province: str


@dataclass
class PeriodReversed(RuleViolation):
	start: date
	end: date


@dataclass
class NotAMember(RuleViolation):
	"""Only a member of the body prepares the body's report."""

	body: str


@dataclass
class NotTheirProvince(RuleViolation):
	"""Only the Governor Office of the province prepares the Gubernur's report."""

	province: str
	own: tuple[str, ...]


@dataclass
class ReportFrozen(RuleViolation):
	"""A submitted (or cancelled) report is not compiled again."""

	docstatus: int


@dataclass
class NotCompiled(RuleViolation):
	"""A report is compiled before it is submitted."""


# --- who reports what ------------------------------------------------------------


def kind_of(report_type: str | None) -> ReportKind:
	if report_type not in KINDS:
		raise UnknownReportType(report_type or "")
	return KINDS[report_type]


def check_subject(
	report_type: str,
	body: str | None,
	body_type: str | None,
	body_province: str | None,
	province: str | None,
	province_type: str | None,
) -> tuple[str | None, str | None]:
	"""The body and the province a report is about, as its type requires: ``(body, province)``.

	Pasal 8 names the Sekretariat Bersama and no province; Pasal 12 a TKKSD,
	whose province it takes; Pasal 13 a province and no body.
	"""
	kind = kind_of(report_type)
	if kind.reporter_body_type:
		if not body:
			raise BodyRequired(report_type, kind.reporter_body_type)
		if body_type != kind.reporter_body_type:
			raise WrongBodyType(report_type, body, body_type, kind.reporter_body_type)
		return body, (body_province if body_type == TKKSD else None)
	if not province:
		raise ProvinceRequired(report_type)
	if province_type != PROVINSI:
		raise NotAProvince(province, province_type)
	return None, province


def check_period(start: date, end: date) -> None:
	if end < start:
		raise PeriodReversed(start, end)


def scope_body(report_type: str, body: str | None, province_tkksd: str | None, province: str | None) -> str:
	"""The supervisory body whose supervision the report covers (see the module's scope decision)."""
	if kind_of(report_type).reporter_body_type:
		return body or ""
	if not province_tkksd:
		raise NoTkksd(province or "")
	return province_tkksd


def addressee(report_type: str, province_name: str | None) -> str:
	"""To whom the report goes: the Menteri Dalam Negeri, or the Gubernur of the TKKSD's province."""
	kind = kind_of(report_type)
	if kind.addressee == GUBERNUR and province_name:
		return f"{GUBERNUR} {province_name}"
	return kind.addressee


def check_author(
	report_type: str,
	body: str | None,
	province: str | None,
	member_of: Iterable[str],
	governs: Iterable[str],
	superuser: bool = False,
) -> None:
	"""May the user prepare, compile and submit this report?

	``member_of``: the bodies the user is a member of in the role of their
	type (Sekretariat Bersama Member, TKKSD Member); ``governs``: the
	provinces of a Governor Office user. A body's report is its members';
	the Gubernur's report is his office's.
	"""
	if superuser:
		return
	if kind_of(report_type).reporter_body_type:
		if body not in set(member_of):
			raise NotAMember(body or "")
		return
	own = tuple(sorted(governs))
	if province not in own:
		raise NotTheirProvince(province or "", own)


def may_read(
	report_type: str,
	body: str | None,
	province: str | None,
	docstatus: int,
	member_of: Iterable[str],
	governs: Iterable[str],
) -> bool:
	"""Row-level read (besides the roles that read everything).

	The members of a body read its reports; the Governor Office of a province
	reads the Gubernur's reports of that province and the TKKSD reports
	addressed to the Gubernur once submitted (a draft is the TKKSD's own).
	"""
	if body and body in set(member_of):
		return True
	if province and province in set(governs):
		return report_type == PASAL_13 or docstatus != 0
	return False


def check_compile(docstatus: int) -> None:
	if docstatus != 0:
		raise ReportFrozen(docstatus)


def check_submit(compiled: bool) -> None:
	if not compiled:
		raise NotCompiled()


def runs_in_background(cooperations: int, limit: int = INLINE_LIMIT) -> bool:
	"""A compile over more than ``limit`` cooperations runs as a background job."""
	return cooperations > limit


def overlaps(start: date, end: date, other_start: date, other_end: date) -> bool:
	"""Do two periods (both ends included) share at least one day?"""
	return start <= other_end and other_start <= end


# --- the sections ---------------------------------------------------------------


@dataclass(frozen=True)
class Line:
	"""One row of the breakdown: a stage, an affair, a move, an activity type or a guidance item."""

	section: str
	label: str
	count: int
	description: str | None = None


@dataclass(frozen=True)
class IssueLine:
	issue_type: str
	raised: int = 0
	answered: int = 0
	decided: int = 0
	still_open: int = 0


@dataclass
class Compiled:
	lines: tuple[Line, ...] = ()
	issues: tuple[IssueLine, ...] = ()
	totals: dict[str, int] = field(default_factory=dict)


def stage_at(state: str | None) -> str:
	"""The stage of Pasal 4 a cooperation is at in ``state`` (``Penjajakan`` before any move)."""
	if not state:
		return PENJAJAKAN
	try:
		return stage_of_state(state)
	except UnknownState:
		return state


def cooperations_by_stage(rows: Iterable[tuple[str | None, str | None, bool, int]]) -> tuple[Line, ...]:
	"""``rows``: (government affair, last state by the end, that state reached before the start, count).

	Every stage of Pasal 4 is listed, with zero where none is at it; stages
	outside the workflow (should any be recorded) come last.
	"""
	counts: Counter[str] = Counter()
	for _affair, state, before_period, n in _counted(rows):
		stage = stage_at(state)
		if stage in CLOSED and before_period:
			continue
		counts[stage] += n
	order = list(STAGE_ORDER) + sorted(s for s in counts if s not in STAGE_ORDER)
	return tuple(Line(SECTION_STAGE, s, counts[s]) for s in order)


def cooperations_by_affair(rows: Iterable[tuple[str | None, str | None, bool, int]]) -> tuple[Line, ...]:
	"""The same cooperations as :func:`cooperations_by_stage`, by government affair; most first.

	A cooperation without an affair yet is listed under an empty label.
	"""
	counts: Counter[str] = Counter()
	for affair, state, before_period, n in _counted(rows):
		if stage_at(state) in CLOSED and before_period:
			continue
		counts[affair or ""] += n
	return tuple(
		Line(SECTION_AFFAIR, a, n)
		for a, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] == "", kv[0]))
	)


def _state_rank(state: str | None) -> tuple[int, str]:
	stage = stage_at(state)
	index = STAGE_ORDER.index(stage) if stage in STAGE_ORDER else len(STAGE_ORDER)
	# a request sorts after the stage it leaves
	return index, state or ""


def stage_moves(rows: Iterable[tuple[str | None, str | None, str | None, int]]) -> tuple[Line, ...]:
	"""``rows``: (action, from state, to state, count) of the moves recorded in the period.

	Labelled ``from → to`` (or the state reached, for a registration), with the
	action as description; ordered by the state reached, then the action.
	"""
	counts: Counter[tuple[str, str, str]] = Counter()
	for action, from_state, to_state, n in _counted(rows):
		counts[(action or "", from_state or "", to_state or "")] += n

	def key(k):
		action, from_state, to_state = k
		action_rank = ACTIONS.index(action) if action in ACTIONS else -1
		return (_state_rank(to_state), action_rank, from_state)

	return tuple(
		Line(SECTION_MOVE, f"{f} → {t}" if f else t, counts[(a, f, t)], a or None)
		for a, f, t in sorted(counts, key=key)
	)


@dataclass(frozen=True)
class ActivitySummary:
	lines: tuple[Line, ...]
	total: int
	by_type: dict[str, int]
	findings: int
	follow_ups_open: int
	follow_ups_overdue: int


def activities(
	rows: Iterable[tuple[str | None, bool, bool, str | None, date | None, int]], today: date
) -> ActivitySummary:
	"""``rows``: (activity type, dated in the period, has findings, follow-up status, follow-up due date, count).

	Rows cover the submitted activities dated up to the end of the period;
	those dated in it are counted by type and for findings; the follow-ups of
	all of them that are still pending count as open, and as overdue once due
	before ``today`` (the compile date).
	"""
	by_type: Counter[str] = Counter()
	findings = open_ = overdue = 0
	for activity_type, in_period, has_findings, status, due, n in _counted(rows):
		if in_period:
			by_type[activity_type or ""] += n
			if has_findings:
				findings += n
		if due and status != FOLLOW_UP_DONE:
			open_ += n
			if is_overdue(due, status, today):
				overdue += n
	order = list(ACTIVITY_TYPES) + sorted(t for t in by_type if t not in ACTIVITY_TYPES)
	lines = tuple(Line(SECTION_ACTIVITY, t, by_type[t]) for t in order)
	return ActivitySummary(lines, sum(by_type.values()), dict(by_type), findings, open_, overdue)


def _code_key(code: str) -> tuple:
	return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in (code or "").split("."))


def guidance_items(rows: Iterable[tuple[str, int]], descriptions: Mapping[str, str]) -> tuple[Line, ...]:
	"""``rows``: (guidance item code, activities of the period that gave it); in the order of the articles."""
	counts: Counter[str] = Counter()
	for code, n in rows:
		if code and n:
			counts[code] += int(n)
	return tuple(
		Line(SECTION_GUIDANCE, code, counts[code], descriptions.get(code))
		for code in sorted(counts, key=_code_key)
	)


def issues(
	rows: Iterable[tuple[str | None, str | None, date, date | None, int]], start: date, end: date
) -> tuple[IssueLine, ...]:
	"""``rows``: (issue type, status, raised on, decision date, count), for the issues raised up to ``end``.

	Per type of :data:`ksad_app.domain.issues.ISSUE_TYPES` (both always listed).
	"""
	raised: Counter[str] = Counter()
	answered: Counter[str] = Counter()
	decided: Counter[str] = Counter()
	still_open: Counter[str] = Counter()
	for issue_type, status, raised_on, decision_date, n in _counted(rows):
		if not raised_on or raised_on > end:
			continue
		t = issue_type or ""
		if raised_on >= start:
			raised[t] += n
		if status != TERBUKA:
			answered[t] += n
		if status == SELESAI and decision_date and start <= decision_date <= end:
			decided[t] += n
		if status != SELESAI:
			still_open[t] += n
	types = list(ISSUE_TYPES) + sorted(
		t for t in set(raised) | set(answered) | set(still_open) | set(decided) if t not in ISSUE_TYPES
	)
	return tuple(IssueLine(t, raised[t], answered[t], decided[t], still_open[t]) for t in types)


def rupiah(value) -> int:
	"""A money sum as whole rupiah (the division is kept in whole rupiah; half up if a sum carries cents)."""
	return int(Decimal(str(value or 0)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class TerminationTotals:
	count: int = 0
	total_assets: int = 0
	total_liabilities: int = 0
	net_value: int = 0


def terminations(rows: Iterable[tuple[int, object, object, object]]) -> TerminationTotals:
	"""``rows``: (count, total goods, total debts, net value), summed (e.g. one row of SUMs)."""
	count = assets = liabilities = net = 0
	for n, a, li, v in rows:
		if not n:
			continue
		count += int(n)
		assets += rupiah(a)
		liabilities += rupiah(li)
		net += rupiah(v)
	return TerminationTotals(count, assets, liabilities, net)


def tkksd_reports(rows: Iterable[Mapping], start: date, end: date) -> list[Mapping]:
	"""The TKKSD reports (rows with ``period_start``, ``period_end``) whose period overlaps ``start``..``end``."""
	return sorted(
		(r for r in rows if overlaps(start, end, r["period_start"], r["period_end"])),
		key=lambda r: (r["period_start"], r["period_end"], r.get("name") or ""),
	)


def compile_sections(
	*,
	cooperations: Iterable[tuple],
	moves: Iterable[tuple],
	activity_rows: Iterable[tuple],
	guidance_rows: Iterable[tuple],
	descriptions: Mapping[str, str],
	issue_rows: Iterable[tuple],
	termination_rows: Iterable[tuple],
	start: date,
	end: date,
	today: date,
) -> Compiled:
	"""Every section of a report, and its summary figures (:data:`TOTALS`)."""
	cooperations = list(cooperations)
	by_stage = cooperations_by_stage(cooperations)
	by_affair = cooperations_by_affair(cooperations)
	move_lines = stage_moves(moves)
	acts = activities(activity_rows, today)
	items = guidance_items(guidance_rows, descriptions)
	issue_lines = issues(issue_rows, start, end)
	ended = terminations(termination_rows)
	totals = {
		"cooperation_count": sum(line.count for line in by_stage),
		"stage_moves": sum(line.count for line in move_lines),
		"activity_count": acts.total,
		"pembinaan_count": acts.by_type.get(ACTIVITY_TYPES[0], 0),
		"pengawasan_count": acts.by_type.get(ACTIVITY_TYPES[1], 0),
		"findings_count": acts.findings,
		"follow_ups_open": acts.follow_ups_open,
		"follow_ups_overdue": acts.follow_ups_overdue,
		"issues_raised": sum(i.raised for i in issue_lines),
		"issues_answered": sum(i.answered for i in issue_lines),
		"issues_decided": sum(i.decided for i in issue_lines),
		"issues_open": sum(i.still_open for i in issue_lines),
		"termination_count": ended.count,
		"termination_total_assets": ended.total_assets,
		"termination_total_liabilities": ended.total_liabilities,
		"termination_net_value": ended.net_value,
	}
	return Compiled((*by_stage, *by_affair, *move_lines, *acts.lines, *items), issue_lines, totals)


def _counted(rows: Iterable[tuple]) -> Iterable[tuple]:
	"""Rows whose last element is a count, with the count as an int (zero rows dropped)."""
	for row in rows:
		row = tuple(row)
		n = int(row[-1] or 0)
		if n:
			yield (*row[:-1], n)
