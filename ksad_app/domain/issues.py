"""Problems and disputes of a cooperation (Pasal 6 d.2, d.3, d.5 and Pasal 10 d.2, d.3, d.5).

At the tahap pelaksanaan dan pengakhiran (Pasal 4 d) the body that supervises
a cooperation

* gives its consideration (*pertimbangan*) when a problem (*permasalahan*)
  arises (d.2);
* gives its input (*masukan*) for settling a dispute (*perselisihan*) to the
  Menteri Dalam Negeri (Sekretariat Bersama, Pasal 6 d.3, d.5) or to the
  Gubernur (TKKSD, Pasal 10 d.3, d.5).

An officer of a party raises the issue; the body answers it; the decision and
its date are recorded. The issue's status is derived: ``Terbuka`` until the
body records a consideration or an input, ``Dalam Pertimbangan`` after, and
``Selesai`` once a decision and its date are recorded. Decisions:

* an issue is raised only while the cooperation is at Pelaksanaan or
  Pengakhiran; once raised it may be answered and decided whatever stage the
  cooperation reaches;
* the party's fields (type, region, description, date) change only while the
  issue is ``Terbuka``, so that the body answers what it read; the body's
  fields are the body's alone; the supervising body is fixed once it has
  answered; a ``Selesai`` issue does not change at all;
* the default body is the TKKSD of the raising region's province when it
  supervises the cooperation (joint supervision of kab/kota of two
  provinces), otherwise the cooperation's first supervisor;
* a decision is not dated in the future nor before the issue was raised.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ksad_app.domain import RuleViolation
from ksad_app.domain.guidance import ARTICLE_OF_BODY
from ksad_app.domain.regions import HEAD_TITLES, PROVINSI
from ksad_app.domain.stages import BODY, PARTY, PELAKSANAAN, PENGAKHIRAN
from ksad_app.domain.supervision import SEKRETARIAT_BERSAMA, TKKSD

PERMASALAHAN = "Permasalahan"
PERSELISIHAN = "Perselisihan"
ISSUE_TYPES = (PERMASALAHAN, PERSELISIHAN)

TERBUKA = "Terbuka"
DALAM_PERTIMBANGAN = "Dalam Pertimbangan"
SELESAI = "Selesai"
STATUSES = (TERBUKA, DALAM_PERTIMBANGAN, SELESAI)

# Pasal 6 d / 10 d: "tahap pelaksanaan dan pengakhiran".
ISSUE_STAGES = (PELAKSANAAN, PENGAKHIRAN)

# Who receives the body's input for settling a dispute (Pasal 6 d.3, d.5 / 10 d.3, d.5).
MENTERI_DALAM_NEGERI = "Menteri Dalam Negeri"

# The fields each side writes.
PARTY_FIELDS = ("issue_type", "raised_by", "description", "raised_on")
BODY_FIELDS = ("supervisory_body", "consideration", "input_for_settlement", "decision", "decision_date")


@dataclass
class IssueStageNotAllowed(RuleViolation):
	"""Problems and disputes are raised at the tahap pelaksanaan dan pengakhiran only."""

	stage: str


@dataclass
class RaisedByNotAParty(RuleViolation):
	"""The region raising the issue is not a party to the cooperation."""

	region: str
	parties: tuple[str, ...]


@dataclass
class NotOwnRegion(RuleViolation):
	"""A regional officer raises or edits an issue in the name of a region that is not theirs."""

	region: str
	own: tuple[str, ...]


@dataclass
class BodyNotASupervisor(RuleViolation):
	"""The chosen body does not supervise the cooperation (Pasal 2, 3)."""

	body: str
	supervisors: tuple[str, ...]


@dataclass
class NotAMemberOfBody(RuleViolation):
	"""Only the members of the chosen body answer for it."""

	body: str


@dataclass
class IssueClosed(RuleViolation):
	"""A decided issue (``Selesai``) does not change."""

	fields: tuple[str, ...]


@dataclass
class PartyFieldsNotTheirs(RuleViolation):
	"""Only an officer of a party (or an unrestricted role) changes what the party raised."""

	fields: tuple[str, ...]


@dataclass
class PartyFieldsLocked(RuleViolation):
	"""The body has answered: what it answered stays as it was raised."""

	status: str
	fields: tuple[str, ...]


@dataclass
class BodyFieldsNotTheirs(RuleViolation):
	"""Only a member of the supervising body (or an unrestricted role) writes its answer."""

	fields: tuple[str, ...]


@dataclass
class BodyFixed(RuleViolation):
	"""The body that answered stays the body of the issue."""

	status: str


@dataclass
class DecisionDateMissing(RuleViolation):
	"""A decision is recorded with its date."""


@dataclass
class DecisionMissing(RuleViolation):
	"""A decision date without the decision."""


@dataclass
class RaisedInFuture(RuleViolation):
	raised_on: date
	today: date


@dataclass
class DecisionBeforeRaised(RuleViolation):
	decision_date: date
	raised_on: date


@dataclass
class DecisionInFuture(RuleViolation):
	decision_date: date
	today: date


def _filled(value: str | None) -> bool:
	return bool((value or "").strip())


def status(
	consideration: str | None,
	input_for_settlement: str | None,
	decision: str | None,
	decision_date: date | None,
) -> str:
	"""The status of an issue from what the body has recorded."""
	if _filled(decision) and decision_date:
		return SELESAI
	if _filled(consideration) or _filled(input_for_settlement):
		return DALAM_PERTIMBANGAN
	return TERBUKA


def addressed_to(body_type: str | None, province_name: str | None) -> str | None:
	"""To whom the body's input goes: the Minister (Sekretariat Bersama) or the Gubernur of its province (TKKSD)."""
	if body_type == SEKRETARIAT_BERSAMA:
		return MENTERI_DALAM_NEGERI
	if body_type == TKKSD:
		return f"{HEAD_TITLES[PROVINSI]} {province_name}" if province_name else HEAD_TITLES[PROVINSI]
	return None


def guidance_codes(issue_type: str | None, body_type: str | None) -> tuple[str, ...]:
	"""The guidance items of the body's article that answering this issue carries out."""
	article = ARTICLE_OF_BODY.get(body_type or "")
	if not article:
		return ()
	if issue_type == PERMASALAHAN:
		return (f"{article}.d.2",)
	if issue_type == PERSELISIHAN:
		return (f"{article}.d.3", f"{article}.d.5")
	return ()


def default_body(supervisors: Sequence[tuple[str, str | None]], raised_by_province: str | None) -> str | None:
	"""The body that answers by default: ``supervisors`` are (name, province) in the cooperation's order."""
	for name, province in supervisors:
		if province and province == raised_by_province:
			return name
	return supervisors[0][0] if supervisors else None


def check_stage(cooperation_stage: str | None) -> None:
	"""An issue is raised at Pelaksanaan or Pengakhiran (Pasal 6 d, 10 d)."""
	if cooperation_stage not in ISSUE_STAGES:
		raise IssueStageNotAllowed(cooperation_stage or "")


def check_raised_by(raised_by: str, parties: Iterable[str]) -> None:
	parties = tuple(sorted(parties))
	if raised_by not in parties:
		raise RaisedByNotAParty(raised_by, parties)


def check_own_region(regions: Iterable[str], own: Iterable[str]) -> None:
	"""A regional officer acts for their own regions only (``regions``: the raising region before and after)."""
	own = tuple(sorted(own))
	for region in regions:
		if region and region not in own:
			raise NotOwnRegion(region, own)


def check_body(body: str | None, supervisors: Iterable[str]) -> None:
	supervisors = tuple(sorted(supervisors))
	if body and body not in supervisors:
		raise BodyNotASupervisor(body, supervisors)


def check_member(body: str | None, member_of: Iterable[str]) -> None:
	if body not in set(member_of):
		raise NotAMemberOfBody(body or "")


def check_change(
	status_before: str,
	changed: Iterable[str],
	actor: set[str] | frozenset[str],
	unrestricted: bool = False,
) -> None:
	"""May ``actor`` (a set of ``party``/``body``) change ``changed`` on a saved issue that was at ``status_before``?"""
	changed = set(changed)
	if not changed:
		return
	if status_before == SELESAI:
		raise IssueClosed(tuple(sorted(changed)))
	party = tuple(f for f in PARTY_FIELDS if f in changed)
	body = tuple(f for f in BODY_FIELDS if f in changed)
	if party:
		check_party_change(status_before, party, actor, unrestricted)
	if body:
		check_body_change(status_before, body, actor, unrestricted)


def check_party_change(
	status_before: str, fields: tuple[str, ...], actor: set[str] | frozenset[str], unrestricted: bool
) -> None:
	if not unrestricted and PARTY not in actor:
		raise PartyFieldsNotTheirs(fields)
	if status_before != TERBUKA:
		raise PartyFieldsLocked(status_before, fields)


def check_body_change(
	status_before: str, fields: tuple[str, ...], actor: set[str] | frozenset[str], unrestricted: bool
) -> None:
	if not unrestricted and BODY not in actor:
		raise BodyFieldsNotTheirs(fields)
	if "supervisory_body" in fields and status_before != TERBUKA:
		raise BodyFixed(status_before)


def check_decision(decision: str | None, decision_date: date | None) -> None:
	"""A decision and its date go together."""
	if _filled(decision) and not decision_date:
		raise DecisionDateMissing()
	if decision_date and not _filled(decision):
		raise DecisionMissing()


def check_dates(raised_on: date, today: date, decision_date: date | None = None) -> None:
	if raised_on > today:
		raise RaisedInFuture(raised_on, today)
	if decision_date:
		if decision_date < raised_on:
			raise DecisionBeforeRaised(decision_date, raised_on)
		if decision_date > today:
			raise DecisionInFuture(decision_date, today)
