"""The guidance catalogue (Pasal 6 and 10) and the rules of a supervision activity (Pasal 1, 7, 11).

Pasal 6 lists what the Sekretariat Bersama does at each tahapan of Pasal 4 for
provincial KSAD; Pasal 10 lists the same for the TKKSD and kabupaten/kota KSAD.
Every point is one item, coded ``<pasal>.<tahapan letter>.<number>[.<letter>]``
(``6.a.1.b``, ``10.d.4.c``). Pasal 4 d joins pelaksanaan and pengakhiran in one
tahapan, so items of letter ``d`` apply at both of the app's stages
Pelaksanaan and Pengakhiran.

Pasal 1 angka 7 and 8 define the two kinds of activity: pembinaan (guidance
for the cooperation's success) and pengawasan (making sure it follows the law
and the PKS). Pasal 7 and 11: pengawasan covers every tahapan.
Decisions: a pembinaan activity names at least one guidance item (what
guidance was given); a pengawasan activity records its findings.
"""

import re
from dataclasses import dataclass
from datetime import date

from ksad_app.domain import RuleViolation
from ksad_app.domain.stages import (
	DIBATALKAN,
	NEGOSIASI,
	PELAKSANAAN,
	PENANDATANGANAN,
	PENGAKHIRAN,
	PENJAJAKAN,
	SELESAI,
	STAGES,
)
from ksad_app.domain.supervision import SEKRETARIAT_BERSAMA, TKKSD

PEMBINAAN = "Pembinaan"
PENGAWASAN = "Pengawasan"
ACTIVITY_TYPES = (PEMBINAAN, PENGAWASAN)

FOLLOW_UP_PENDING = "Menunggu Tindak Lanjut"
FOLLOW_UP_DONE = "Sudah Ditindaklanjuti"
FOLLOW_UP_STATUSES = (FOLLOW_UP_PENDING, FOLLOW_UP_DONE)

# Pasal 4: the four tahapan, by the letter Pasal 6 and 10 give them.
TAHAPAN = {
	"a": PENJAJAKAN,
	"b": NEGOSIASI,
	"c": PENANDATANGANAN,
	"d": "Pelaksanaan dan Pengakhiran",
}
TAHAPAN_OF_STAGE = {
	PENJAJAKAN: "a",
	NEGOSIASI: "b",
	PENANDATANGANAN: "c",
	PELAKSANAAN: "d",
	PENGAKHIRAN: "d",
}
ARTICLE_OF_BODY = {SEKRETARIAT_BERSAMA: "6", TKKSD: "10"}
# The stages at which supervision happens (Pasal 4); Selesai is the end, not a stage of work.
ACTIVITY_STAGES = tuple(TAHAPAN_OF_STAGE)

CODE = re.compile(r"^(6|10)\.([a-d])\.([1-9])(?:\.([a-f]))?$")


@dataclass
class BadCode(RuleViolation):
	code: str


@dataclass
class ItemNotForBody(RuleViolation):
	"""A Pasal 6 item recorded by a TKKSD, or a Pasal 10 item by the Sekretariat Bersama."""

	code: str
	body_type: str


@dataclass
class ItemNotForStage(RuleViolation):
	"""An item of another tahapan than the activity's stage."""

	code: str
	stage: str


@dataclass
class DuplicateItem(RuleViolation):
	code: str


@dataclass
class GuidanceItemRequired(RuleViolation):
	"""A pembinaan activity names the guidance it gave."""


@dataclass
class FindingsRequired(RuleViolation):
	"""A pengawasan activity records what it found."""


@dataclass
class FutureActivity(RuleViolation):
	activity_date: date
	today: date


@dataclass
class FollowUpBeforeActivity(RuleViolation):
	due: date
	activity_date: date


@dataclass
class StageNotReached(RuleViolation):
	"""An activity recorded for a stage the cooperation has not reached yet."""

	stage: str
	current: str


@dataclass
class NotAnActivityStage(RuleViolation):
	"""Activities belong to a stage of Pasal 4, not to Selesai or Dibatalkan."""

	stage: str


@dataclass
class CooperationCancelled(RuleViolation):
	"""A cancelled cooperation is not supervised any more."""


def parse_code(code: str) -> tuple[str, str]:
	"""(article, tahapan letter) of an item code."""
	match = CODE.match(code or "")
	if not match:
		raise BadCode(code)
	return match.group(1), match.group(2)


def tahapan_of_code(code: str) -> str:
	"""The tahapan (Pasal 4) an item belongs to, e.g. ``Pelaksanaan dan Pengakhiran`` for ``10.d.4.c``."""
	return TAHAPAN[parse_code(code)[1]]


def body_type_of_code(code: str) -> str:
	article = parse_code(code)[0]
	return SEKRETARIAT_BERSAMA if article == "6" else TKKSD


def applies(code: str, body_type: str, stage: str) -> bool:
	"""Does item ``code`` belong to ``body_type``'s article and to ``stage``'s tahapan?"""
	try:
		check_items([code], body_type, stage)
	except (ItemNotForBody, ItemNotForStage):
		return False
	return True


def check_items(codes: list[str], body_type: str, stage: str) -> None:
	"""The items of one activity: each once, of the body's article, of the activity's tahapan."""
	seen: set[str] = set()
	for code in codes:
		if code in seen:
			raise DuplicateItem(code)
		seen.add(code)
		article, letter = parse_code(code)
		if ARTICLE_OF_BODY.get(body_type) != article:
			raise ItemNotForBody(code, body_type)
		if TAHAPAN_OF_STAGE.get(stage) != letter:
			raise ItemNotForStage(code, stage)


def check_content(activity_type: str, codes: list[str], findings: str | None) -> None:
	if activity_type == PEMBINAAN and not codes:
		raise GuidanceItemRequired()
	if activity_type == PENGAWASAN and not (findings or "").strip():
		raise FindingsRequired()


def check_dates(activity_date: date, today: date, follow_up_due: date | None) -> None:
	if activity_date > today:
		raise FutureActivity(activity_date, today)
	if follow_up_due and follow_up_due < activity_date:
		raise FollowUpBeforeActivity(follow_up_due, activity_date)


def check_stage(activity_stage: str, cooperation_stage: str) -> None:
	"""An activity belongs to a stage the cooperation has reached (any stage once it is finished)."""
	if cooperation_stage == DIBATALKAN:
		raise CooperationCancelled()
	if activity_stage not in ACTIVITY_STAGES:
		raise NotAnActivityStage(activity_stage)
	if cooperation_stage != SELESAI and STAGES.index(activity_stage) > STAGES.index(cooperation_stage):
		raise StageNotReached(activity_stage, cooperation_stage)


def stages_reached(cooperation_stage: str) -> tuple[str, ...]:
	"""The stages an activity of this cooperation may belong to (see :func:`check_stage`)."""
	if cooperation_stage == SELESAI:
		return ACTIVITY_STAGES
	if cooperation_stage not in ACTIVITY_STAGES:
		return ()
	return ACTIVITY_STAGES[: ACTIVITY_STAGES.index(cooperation_stage) + 1]


def follow_up_status(due: date | None, status: str | None) -> str | None:
	"""A follow-up with a due date starts pending; without a due date there is nothing to follow up."""
	if not due:
		return None
	return status or FOLLOW_UP_PENDING


def is_overdue(due: date | None, status: str | None, today: date) -> bool:
	"""A follow-up is overdue once its due date has passed and it is not done."""
	return bool(due) and due < today and status != FOLLOW_UP_DONE
