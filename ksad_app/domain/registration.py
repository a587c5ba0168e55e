"""Registering a running cooperation at the stage it has reached (issue 9).

Regions that adopt the app already have cooperations running, signed years
ago. Rather than click each one through every stage of Pasal 4 and have its
body approve every move, a KSAD Manager registers it directly at the stage it
is at, with a note saying where the data comes from. Decisions:

* only a KSAD Manager registers at a stage after :data:`~stages.PENJAJAKAN`;
  everybody else starts at Penjajakan, so nobody gains a way around the
  workflow;
* only the stages of Pasal 4 (:data:`REGISTRABLE`): never a pending request
  (``Usulan ...``), nor ``Selesai`` or ``Dibatalkan`` (a closed cooperation
  is not supervised any more);
* what the stages passed require is checked as the guards check it
  (:func:`stages.missing_for` of every stage after Penjajakan up to the
  target), **except the files** (:data:`FOLLOWS_LATER`: the draft PKS, the
  signed Kesepakatan Bersama and PKS): a region's register holds the numbers
  and dates, while the scans are often elsewhere. They may follow later; the
  form lists the ones still missing (:func:`missing_files`). The workflow's
  own guards still ask for them at every later move;
* the registration is kept in the Stage History as the action
  :data:`REGISTRASI` (not a workflow action), with the note as its reason.
"""

from dataclasses import dataclass

from ksad_app.domain import RuleViolation
from ksad_app.domain.stages import (
	NEGOSIASI,
	PELAKSANAAN,
	PENANDATANGANAN,
	PENGAKHIRAN,
	PENJAJAKAN,
	STAGES,
	CooperationFacts,
	missing_for,
)

# The action recorded in the Stage History; not one of the workflow's actions.
REGISTRASI = "Registrasi"
# Pasal 4: the stages at which a cooperation may be registered, in order.
REGISTRABLE = (PENJAJAKAN, NEGOSIASI, PENANDATANGANAN, PELAKSANAAN, PENGAKHIRAN)
# Signed files may be attached after the registration.
FOLLOWS_LATER = ("pks_draft_file", "kb_file", "pks_file")


@dataclass
class NotARegistrableStage(RuleViolation):
	"""Not a stage of Pasal 4 at which a cooperation can be registered (a request, Selesai, Dibatalkan, a typo)."""

	stage: str


@dataclass
class RegistrationNotAllowed(RuleViolation):
	"""Only a KSAD Manager registers a cooperation at a stage after Penjajakan."""

	stage: str


@dataclass
class RegistrationNoteRequired(RuleViolation):
	"""A registration at a later stage says where its data comes from."""

	stage: str


@dataclass
class RegistrationIncomplete(RuleViolation):
	"""The stages passed lack items their guards require (files excepted)."""

	stage: str
	missing: tuple[str, ...]


def is_later(stage: str | None) -> bool:
	"""Is ``stage`` a registration past Penjajakan (which only a KSAD Manager may make)?"""
	return bool(stage) and stage != PENJAJAKAN


def stages_passed(target: str) -> tuple[str, ...]:
	"""The stages a cooperation registered at ``target`` has gone through after Penjajakan, ``target`` included."""
	if target not in REGISTRABLE:
		raise NotARegistrableStage(target)
	return STAGES[1 : STAGES.index(target) + 1]


def _missing(target: str, facts: CooperationFacts) -> list[str]:
	out: list[str] = []
	for stage in stages_passed(target):
		out += [f for f in missing_for(stage, facts) if f not in out]
	return out


def registration_missing(target: str, facts: CooperationFacts) -> tuple[str, ...]:
	"""What the guards of the stages passed require and ``facts`` lack, the files excepted (field names)."""
	return tuple(f for f in _missing(target, facts) if f not in FOLLOWS_LATER)


def missing_files(target: str, facts: CooperationFacts) -> tuple[str, ...]:
	"""The files the stages passed require that are not attached yet (they may follow the registration)."""
	return tuple(f for f in _missing(target, facts) if f in FOLLOWS_LATER)


def check_registration(
	target: str, facts: CooperationFacts, is_manager: bool, note: str | None = None
) -> None:
	"""May a new cooperation be registered at ``target``?

	Checks, in order: ``target`` is a stage of Pasal 4, a later stage is
	registered by a KSAD Manager (``is_manager``) with a note, and the stages
	passed have what their guards require (:func:`registration_missing`).
	"""
	stages_passed(target)
	if not is_later(target):
		return
	if not is_manager:
		raise RegistrationNotAllowed(target)
	if not (note or "").strip():
		raise RegistrationNoteRequired(target)
	missing = registration_missing(target, facts)
	if missing:
		raise RegistrationIncomplete(target, missing)


@dataclass
class RegisterDisagrees(RuleViolation):
	"""Importing a register again: its stage is neither the one registered nor the one reached since."""

	given: str
	current: str


def check_register_stage(given: str | None, registered: str | None, current: str) -> None:
	"""An import never moves a registered cooperation.

	When a register is imported again, the stage it gives must be the stage
	the cooperation was registered at (the same file again) or the stage it
	has reached since through the workflow (a newer copy of the register).
	Anything else is a disagreement to resolve, not a move to make.
	"""
	if given and given not in (registered, current):
		raise RegisterDisagrees(given, current)
