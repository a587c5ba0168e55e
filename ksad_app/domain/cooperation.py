"""What makes a cooperation a KSAD (Pasal 1 angka 4).

A KSAD is a written agreement between Gubernur and Gubernur, Gubernur and
Bupati/Walikota, or Bupati/Walikota and Bupati/Walikota: at least two
distinct daerah, each an autonomous region.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ksad_app.domain import RuleViolation
from ksad_app.domain.regions import Region

LEVEL_PROVINCE_PROVINCE = "Provinsi–Provinsi"
LEVEL_PROVINCE_REGENCY = "Provinsi–Kabupaten/Kota"
LEVEL_REGENCY_REGENCY = "Kabupaten/Kota–Kabupaten/Kota"
LEVELS = (LEVEL_PROVINCE_PROVINCE, LEVEL_PROVINCE_REGENCY, LEVEL_REGENCY_REGENCY)

FULL_CONTRIBUTION = Decimal(100)


@dataclass
class TooFewParties(RuleViolation):
	"""Fewer than two distinct parties."""

	count: int


@dataclass
class DuplicateParty(RuleViolation):
	"""The same region appears twice among the parties."""

	code: str


@dataclass
class NotAutonomous(RuleViolation):
	"""A kabupaten/kota administrasi (no Kepala Daerah of its own) cannot be a party."""

	code: str


@dataclass
class ContributionTotal(RuleViolation):
	"""Contribution percentages were given but do not add up to 100."""

	total: Decimal


@dataclass
class ContributionOutOfRange(RuleViolation):
	"""A party's contribution is below 0% or above 100%."""

	value: Decimal


@dataclass
class PeriodOrder(RuleViolation):
	"""The cooperation ends before it starts."""

	start: date
	end: date


@dataclass
class NegativeAmount(RuleViolation):
	"""A money amount below zero."""

	field: str
	value: Decimal


def check_parties(codes: Sequence[str]) -> None:
	"""At least two parties, no region twice (Pasal 1 angka 4)."""
	seen: set[str] = set()
	for code in codes:
		if code in seen:
			raise DuplicateParty(code)
		seen.add(code)
	if len(seen) < 2:
		raise TooFewParties(len(seen))


def check_autonomous(regions: Iterable[Region]) -> None:
	"""Only a daerah with a Kepala Daerah of its own can bind itself (Pasal 1 angka 1-4)."""
	for region in regions:
		if not region.is_autonomous:
			raise NotAutonomous(region.code)


def cooperation_level(regions: Iterable[Region]) -> str:
	"""The level of a KSAD, by the kinds of its parties (Pasal 1 angka 4)."""
	regions = list(regions)
	provinces = sum(1 for r in regions if r.is_province)
	others = len(regions) - provinces
	if provinces and not others:
		return LEVEL_PROVINCE_PROVINCE
	if provinces:
		return LEVEL_PROVINCE_REGENCY
	return LEVEL_REGENCY_REGENCY


def check_contributions(percents: Sequence[Decimal | None]) -> None:
	"""When any party's contribution is given, all of them must add up to exactly 100%.

	Values are Decimals so that 33.33 + 33.33 + 33.34 is exactly 100.
	"""
	given = [p for p in percents if p]
	for p in given:
		if p < 0 or p > FULL_CONTRIBUTION:
			raise ContributionOutOfRange(p)
	if not given:
		return
	total = sum(given, Decimal(0))
	if total != FULL_CONTRIBUTION:
		raise ContributionTotal(total)


def check_period(start: date | None, end: date | None) -> None:
	"""The end date may not come before the start date."""
	if start and end and end < start:
		raise PeriodOrder(start, end)


def check_not_negative(field: str, value: Decimal | None) -> None:
	"""Money amounts are never negative."""
	if value is not None and value < 0:
		raise NegativeAmount(field, value)
