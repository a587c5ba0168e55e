"""Reminders to prepare the termination (Pasal 6 huruf d angka 4 / Pasal 10 huruf d angka 4).

Pasal 6 d.4 (Sekretariat Bersama) and Pasal 10 d.4 (TKKSD): the body
*mengingatkan para pihak untuk melakukan persiapan pengakhiran*, among others
a) to f): inventory, debts, division, deposit into the kas daerah, recording
as regional assets and reporting to the DPRD, the termination report.

The app reminds the parties and the body a number of days before the end
date of a cooperation in Pelaksanaan. The days are a setting (``KSAD
Settings``, default ``180, 90, 30``); :func:`parse_thresholds` reads it and
:func:`due` decides, for one cooperation and one day, what to send.

Decisions:

* A reminder is kept per threshold *and end date*: changing the end date (an
  extension of the PKS) starts the reminders afresh.
* When several thresholds are due at once (the job skipped days, a
  cooperation was registered late, the thresholds were changed), ONE reminder
  is sent, naming the nearest (smallest) due threshold and the actual days
  left, and every due threshold is recorded as sent: nothing is sent twice,
  nothing is missed, nobody gets three reminders in one morning.
* A threshold is announced only when it is nearer the end date than every
  threshold already announced for that end date: adding a larger threshold
  after a smaller one was sent announces nothing new.
* A cooperation still in Pelaksanaan after its end date gets the smallest
  threshold once, if it was never sent, saying that the end date has passed.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ksad_app.domain import RuleViolation
from ksad_app.domain.guidance import ARTICLE_OF_BODY

DEFAULT_THRESHOLDS = "180, 90, 30"
MAX_THRESHOLD_DAYS = 3650  # ten years: a reminder further ahead is no reminder
# Pasal 6 / 10 huruf d angka 4, points a) to f).
TERMINATION_POINT = "d.4"
TERMINATION_LETTERS = "abcdef"

_SEPARATOR = re.compile(r"[,;\s]+")
_WHOLE_NUMBER = re.compile(r"^[+-]?\d+$")


@dataclass
class NoThresholds(RuleViolation):
	"""The setting names no day at all."""


@dataclass
class NotWholeDays(RuleViolation):
	"""A part of the setting is not a whole number of days."""

	token: str


@dataclass
class ThresholdNotPositive(RuleViolation):
	"""Zero or negative days before the end date."""

	days: int


@dataclass
class ThresholdTooFar(RuleViolation):
	"""More days before the end date than the app accepts."""

	days: int
	maximum: int


@dataclass
class DuplicateThreshold(RuleViolation):
	"""The same number of days given twice."""

	days: int


@dataclass
class UnknownBodyType(RuleViolation):
	"""Neither the Sekretariat Bersama (Pasal 6) nor a TKKSD (Pasal 10)."""

	body_type: str


@dataclass(frozen=True)
class Announcement:
	"""What to send today for one cooperation.

	``threshold_days`` is the threshold the reminder names (the nearest due),
	``days_left`` the actual days until ``end_date`` (negative once it has
	passed), ``record`` every threshold to record as sent for ``end_date``.
	"""

	threshold_days: int
	days_left: int
	end_date: date
	record: tuple[int, ...]

	@property
	def passed(self) -> bool:
		return self.days_left < 0


def parse_thresholds(text: str | None) -> tuple[int, ...]:
	"""The days before the end date at which to remind, from ``"180, 90, 30"``; descending.

	Parts are separated by commas, semicolons or spaces; each is a whole number
	of days from 1 to :data:`MAX_THRESHOLD_DAYS`, given once.
	"""
	tokens = [t for t in _SEPARATOR.split((text or "").strip()) if t]
	if not tokens:
		raise NoThresholds()
	days: list[int] = []
	for token in tokens:
		if not _WHOLE_NUMBER.match(token):
			raise NotWholeDays(token)
		value = int(token)
		if value <= 0:
			raise ThresholdNotPositive(value)
		if value > MAX_THRESHOLD_DAYS:
			raise ThresholdTooFar(value, MAX_THRESHOLD_DAYS)
		if value in days:
			raise DuplicateThreshold(value)
		days.append(value)
	return tuple(sorted(days, reverse=True))


def format_thresholds(days: Iterable[int]) -> str:
	"""The setting as it is stored: ``"180, 90, 30"``."""
	return ", ".join(str(d) for d in sorted(set(days), reverse=True))


def due(
	end_date: date,
	today: date,
	thresholds: Iterable[int],
	sent: Iterable[tuple[int, date]],
) -> Announcement | None:
	"""What to send today about a cooperation in Pelaksanaan ending on ``end_date``, if anything.

	``sent`` holds the (threshold_days, end_date) pairs already recorded for
	the cooperation; only those of this ``end_date`` count. A threshold ``t``
	is due once ``today >= end_date - t days``. Of the due thresholds not yet
	sent, the reminder names the smallest, with the actual days left, and all
	of them are recorded (see the module's decisions). Nothing is announced
	unless that threshold is smaller than every one already sent for this end
	date. Once the end date has passed, only the smallest threshold is
	announced, once.
	"""
	thresholds = sorted(set(thresholds), reverse=True)
	if not thresholds:
		return None
	already = {days for days, end in sent if end == end_date}
	days_left = (end_date - today).days
	pending = [t for t in thresholds if t not in already and today >= end_date - timedelta(days=t)]
	if not pending:
		return None
	nearest = min(pending)
	if days_left < 0:
		nearest = min(thresholds)
		if nearest in already:
			return None
	if already and nearest >= min(already):
		return None
	return Announcement(threshold_days=nearest, days_left=days_left, end_date=end_date, record=tuple(pending))


def termination_items(body_type: str) -> tuple[str, ...]:
	"""The catalogue codes of Pasal 6 / 10 huruf d angka 4 a) to f) for a body type (``10.d.4.a`` ...)."""
	article = ARTICLE_OF_BODY.get(body_type)
	if not article:
		raise UnknownBodyType(body_type)
	return tuple(f"{article}.{TERMINATION_POINT}.{letter}" for letter in TERMINATION_LETTERS)


def split_lead_in(text: str) -> tuple[str, str]:
	"""The catalogue text of a point split at its first colon.

	``"mengingatkan para pihak ..., antara lain: inventarisasi atas ..."`` gives
	the lead-in shared by a) to f) and the point's own words; a text without a
	colon is all point.
	"""
	lead, colon, point = (text or "").partition(":")
	if not colon:
		return "", lead.strip()
	return lead.strip(), point.strip()
