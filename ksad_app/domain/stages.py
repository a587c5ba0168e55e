"""The stages of supervision (Pasal 4) and what each move requires.

Pasal 4: supervision happens at penjajakan, negosiasi, penandatanganan,
pelaksanaan and pengakhiran. A cooperation moves forward one stage at a time;
the body that supervises it approves each move (issue "Stages, approvals and
the supervision log"). Before approving, the guard for the target stage checks
that the previous stage produced what the next one needs; it returns the
missing items by field name so that the controller can name them in a message.

The workflow (``fixtures/workflow.json``) has a state per stage and, between
two stages, a state ``Usulan <next stage>`` while the move awaits approval:

* ``Ajukan``: a regional officer of a party asks for the next stage;
* ``Setujui``: a member of the cooperation's own supervisory body approves,
  after the guard of the target stage passed;
* ``Kembalikan``: that member returns the request, with a reason;
* ``Batalkan``: before pelaksanaan, an officer of a party or a member of the
  body cancels the cooperation, with a reason.

:func:`classify_move` names the action behind a change of state, and
:func:`check_transition` says whether a given actor may make it. Decision: a
pending request (``Usulan ...``) and a finished or cancelled cooperation are
locked: what the body reviews is what it approves.
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


# The workflow's actions (Workflow Action Master).
AJUKAN = "Ajukan"
SETUJUI = "Setujui"
KEMBALIKAN = "Kembalikan"
BATALKAN = "Batalkan"
ACTIONS = (AJUKAN, SETUJUI, KEMBALIKAN, BATALKAN)
# Who may take an action: an officer of a party region, a member of a supervising body.
PARTY = "party"
BODY = "body"
ACTORS = {AJUKAN: {PARTY}, SETUJUI: {BODY}, KEMBALIKAN: {BODY}, BATALKAN: {PARTY, BODY}}
REASON_REQUIRED = frozenset({KEMBALIKAN, BATALKAN})


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


@dataclass
class UnknownState(RuleViolation):
	"""A workflow state this module does not know."""

	state: str


@dataclass
class IllegalMove(RuleViolation):
	"""A change of state that no action of the workflow makes."""

	current: str
	target: str


@dataclass
class NotAllowedToAct(RuleViolation):
	"""The user is neither a party's officer nor a member of a supervising body, as the action needs."""

	action: str


@dataclass
class ReasonRequired(RuleViolation):
	"""Returning and cancelling need a reason, kept in the stage history."""

	action: str


@dataclass
class StateLocked(RuleViolation):
	"""The cooperation's data cannot change in this state."""

	state: str


@dataclass
class DataNotTheirs(RuleViolation):
	"""Only the parties' officers (and unrestricted roles) change a cooperation's data; a body acts through the workflow."""


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
	# Pasal 6 d.4 / 10 d.4: a submitted Cooperation Termination, and what its
	# parties must still do (``(party, item)``, see domain.division.outstanding).
	termination_submitted: bool = False
	termination_outstanding: tuple[tuple[str, str], ...] = ()


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
		if not facts.termination_submitted:
			return ("termination",)
		return tuple(f"{item}:{party}" for party, item in facts.termination_outstanding)
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


# --- the workflow's states ------------------------------------------------


def states() -> tuple[str, ...]:
	"""Every workflow state in order: each stage, with its request before it, then ``Dibatalkan``."""
	out: list[str] = []
	for stage in STAGES:
		if stage != PENJAJAKAN:
			out.append(PROPOSAL_PREFIX + stage)
		out.append(stage)
	return (*out, DIBATALKAN)


def is_proposal(state: str) -> bool:
	return state.startswith(PROPOSAL_PREFIX) and state[len(PROPOSAL_PREFIX) :] in STAGES[1:]


def stage_of_state(state: str) -> str:
	"""The stage a cooperation is at in ``state``: a request leaves it at the stage it asks to leave."""
	if is_proposal(state):
		return STAGES[STAGES.index(state[len(PROPOSAL_PREFIX) :]) - 1]
	if state in STAGES or state == DIBATALKAN:
		return state
	raise UnknownState(state)


def is_locked(state: str) -> bool:
	"""No data changes while a request is pending, nor once finished or cancelled."""
	return is_proposal(state) or state in (SELESAI, DIBATALKAN)


def check_data_change(state: str, actor: set[str] | frozenset[str], unrestricted: bool = False) -> None:
	"""May ``actor`` change the cooperation's data (not its workflow) while it is at ``state``?

	Nobody, while a request is pending or once finished or cancelled; otherwise
	an officer of a party, or an unrestricted role (KSAD Manager, Ministry).
	"""
	if is_locked(state):
		raise StateLocked(state)
	if not unrestricted and PARTY not in actor:
		raise DataNotTheirs()


def transitions() -> tuple[tuple[str, str, str], ...]:
	"""Every (state, action, next state) of the workflow; the fixture is checked against it."""
	out: list[tuple[str, str, str]] = []
	for stage in STAGES[:-1]:
		request = proposal_state(stage)
		target = next_stage(stage)
		out += [(stage, AJUKAN, request), (request, SETUJUI, target), (request, KEMBALIKAN, stage)]
	for state in states():
		if state != DIBATALKAN and stage_of_state(state) in CANCELLABLE:
			out.append((state, BATALKAN, DIBATALKAN))
	return tuple(out)


def classify_move(current: str, target: str) -> str:
	"""The action that turns ``current`` into ``target``, or :class:`IllegalMove`."""
	for state, action, next_state in transitions():
		if state == current and next_state == target:
			return action
	raise IllegalMove(current, target)


def check_transition(
	current: str,
	target: str,
	facts: CooperationFacts,
	actor: set[str] | frozenset[str],
	reason: str | None = None,
) -> str:
	"""May ``actor`` (a set of :data:`PARTY`, :data:`BODY`) move the cooperation from ``current`` to ``target``?

	Returns the action. Checks, in order: the move exists, the actor may take
	it, a reason is given where needed, and on ``Setujui`` the guard of the
	target stage (:func:`check_move`).
	"""
	action = classify_move(current, target)
	if not ACTORS[action] & set(actor):
		raise NotAllowedToAct(action)
	if action in REASON_REQUIRED and not (reason or "").strip():
		raise ReasonRequired(action)
	if action == SETUJUI:
		check_move(stage_of_state(current), target, facts)
	if action == BATALKAN:
		check_cancel(stage_of_state(current))
	return action
