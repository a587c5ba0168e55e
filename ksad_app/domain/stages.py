"""The stages of supervision (Pasal 4) and what each move requires.

Pasal 4: supervision happens at penjajakan, negosiasi, penandatanganan,
pelaksanaan and pengakhiran. A cooperation moves forward one stage at a time;
the body that supervises it approves each move (issue "Stages, approvals and
the supervision log"). Before approving, the guard for the target stage checks
that the previous stage produced what the next one needs; it returns the
missing items by field name so that the controller can name them in a message.

This module is the pure half of that work: the Frappe Workflow, its fixtures
and the controller that calls these guards come with the workflow.
"""

from dataclasses import dataclass
from datetime import date

from ksad_app.domain import RuleViolation

PENJAJAKAN = "Penjajakan"
NEGOSIASI = "Negosiasi"
PENANDATANGANAN = "Penandatanganan"
PELAKSANAAN = "Pelaksanaan"
PENGAKHIRAN = "Pengakhiran"
SELESAI = "Selesai"
DIBATALKAN = "Dibatalkan"

# Pasal 4 a-d, with pelaksanaan and pengakhiran as two steps, then the end.
STAGES = (PENJAJAKAN, NEGOSIASI, PENANDATANGANAN, PELAKSANAAN, PENGAKHIRAN, SELESAI)
PROPOSAL_PREFIX = "Usulan "
# A cooperation may be cancelled only before it is carried out.
CANCELLABLE = frozenset({PENJAJAKAN, NEGOSIASI, PENANDATANGANAN})


@dataclass
class NoNextStage(RuleViolation):
	"""The cooperation is finished or cancelled; it has nowhere to go."""

	stage: str


@dataclass
class NotTheNextStage(RuleViolation):
	"""A move that skips or goes back a stage."""

	current: str
	target: str


@dataclass
class StageGuardFailed(RuleViolation):
	"""The target stage needs items the cooperation does not have yet."""

	target: str
	missing: tuple[str, ...]


@dataclass
class CannotCancel(RuleViolation):
	"""Cancelling is possible only before pelaksanaan."""

	stage: str


@dataclass(frozen=True)
class CooperationFacts:
	"""What the guards look at, as plain values gathered by the controller."""

	party_count: int = 0
	government_affair: str | None = None
	cooperation_object: str | None = None
	pks_draft_file: str | None = None
	kb_number: str | None = None
	kb_date: date | None = None
	kb_file: str | None = None
	pks_number: str | None = None
	pks_date: date | None = None
	pks_file: str | None = None
	start_date: date | None = None
	end_date: date | None = None
	dprd_approval_required: bool = False
	dprd_approval_number: str | None = None
	dprd_approval_date: date | None = None
	termination_complete: bool = False


def next_stage(stage: str) -> str:
	"""The stage after ``stage`` (Pasal 4)."""
	if stage not in STAGES or stage == SELESAI:
		raise NoNextStage(stage)
	return STAGES[STAGES.index(stage) + 1]


def proposal_state(stage: str) -> str:
	"""The workflow state while a move out of ``stage`` awaits approval, e.g. ``Usulan Negosiasi``."""
	return PROPOSAL_PREFIX + next_stage(stage)


def missing_for(target: str, facts: CooperationFacts) -> tuple[str, ...]:
	"""The items (field names) ``target`` needs that ``facts`` lack, in the form's order."""
	required: list[tuple[str, object]] = []
	if target == NEGOSIASI:
		required = [
			("parties", facts.party_count >= 2),
			("government_affair", facts.government_affair),
			("cooperation_object", (facts.cooperation_object or "").strip()),
		]
	elif target == PENANDATANGANAN:
		required = [("pks_draft_file", facts.pks_draft_file)]
	elif target == PELAKSANAAN:
		required = [
			("kb_number", facts.kb_number),
			("kb_date", facts.kb_date),
			("kb_file", facts.kb_file),
			("pks_number", facts.pks_number),
			("pks_date", facts.pks_date),
			("pks_file", facts.pks_file),
			("start_date", facts.start_date),
			("end_date", facts.end_date),
		]
		if facts.dprd_approval_required:
			required += [
				("dprd_approval_number", facts.dprd_approval_number),
				("dprd_approval_date", facts.dprd_approval_date),
			]
	elif target == SELESAI:
		required = [("termination", facts.termination_complete)]
	return tuple(name for name, present in required if not present)


def check_move(current: str, target: str, facts: CooperationFacts) -> None:
	"""May a cooperation at ``current`` be approved into ``target``?"""
	if target != next_stage(current):
		raise NotTheNextStage(current, target)
	missing = missing_for(target, facts)
	if missing:
		raise StageGuardFailed(target, missing)


def check_cancel(stage: str) -> None:
	"""Cancelling is allowed before pelaksanaan only."""
	if stage not in CANCELLABLE:
		raise CannotCancel(stage)
