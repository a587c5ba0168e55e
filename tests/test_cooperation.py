"""Pasal 1: what a KSAD is, its parties and its level."""

from datetime import date
from decimal import Decimal

import pytest

from ksad_app.domain.cooperation import (
	LEVEL_PROVINCE_PROVINCE,
	LEVEL_PROVINCE_REGENCY,
	LEVEL_REGENCY_REGENCY,
	ContributionOutOfRange,
	ContributionTotal,
	DuplicateParty,
	NegativeAmount,
	NotAutonomous,
	PeriodOrder,
	TooFewParties,
	check_autonomous,
	check_contributions,
	check_not_negative,
	check_parties,
	check_period,
	cooperation_level,
)
from ksad_app.domain.regions import KABUPATEN, KOTA, PROVINSI, Region, head_title

JABAR = Region("32", PROVINSI, "32")
DKI = Region("31", PROVINSI, "31")
KOTA_BEKASI = Region("32.75", KOTA, "32")
KAB_BOGOR = Region("32.01", KABUPATEN, "32")
JAKARTA_PUSAT = Region("31.71", KOTA, "31", is_autonomous=False)


def test_pasal_1_4_needs_two_distinct_parties():
	check_parties(["32", "31"])
	with pytest.raises(TooFewParties) as err:
		check_parties(["32"])
	assert err.value.count == 1
	with pytest.raises(TooFewParties):
		check_parties([])


def test_pasal_1_4_the_same_region_twice_is_refused():
	with pytest.raises(DuplicateParty) as err:
		check_parties(["32.75", "31", "32.75"])
	assert err.value.code == "32.75"


def test_pasal_1_1_only_autonomous_regions_are_parties():
	check_autonomous([JABAR, KOTA_BEKASI])
	with pytest.raises(NotAutonomous) as err:
		check_autonomous([KOTA_BEKASI, JAKARTA_PUSAT])
	assert err.value.code == "31.71"


def test_pasal_1_4_levels():
	assert cooperation_level([JABAR, DKI]) == LEVEL_PROVINCE_PROVINCE
	assert cooperation_level([DKI, KOTA_BEKASI]) == LEVEL_PROVINCE_REGENCY
	assert cooperation_level([KAB_BOGOR, KOTA_BEKASI]) == LEVEL_REGENCY_REGENCY
	assert cooperation_level(iter([KAB_BOGOR, JABAR])) == LEVEL_PROVINCE_REGENCY


def test_pasal_1_3_heads_of_region():
	assert head_title(PROVINSI) == "Gubernur"
	assert head_title(KABUPATEN) == "Bupati"
	assert head_title(KOTA) == "Walikota"


def test_contributions_when_given_must_add_up_to_exactly_100():
	check_contributions([None, None])
	check_contributions([Decimal(0), Decimal(0)])
	check_contributions([Decimal("33.33"), Decimal("33.33"), Decimal("33.34")])
	check_contributions([Decimal(60), Decimal(40)])
	with pytest.raises(ContributionTotal) as err:
		check_contributions([Decimal(60), Decimal(30)])
	assert err.value.total == Decimal(90)
	with pytest.raises(ContributionTotal):
		check_contributions([Decimal("33.33"), Decimal("33.33"), Decimal("33.33")])


def test_contributions_are_between_0_and_100():
	with pytest.raises(ContributionOutOfRange):
		check_contributions([Decimal(120), Decimal(-20)])


def test_end_date_not_before_start_date():
	check_period(date(2026, 1, 1), date(2026, 1, 1))
	check_period(None, date(2026, 1, 1))
	with pytest.raises(PeriodOrder):
		check_period(date(2026, 2, 1), date(2026, 1, 31))


def test_money_is_never_negative():
	check_not_negative("estimated_value", Decimal(0))
	check_not_negative("estimated_value", None)
	with pytest.raises(NegativeAmount) as err:
		check_not_negative("estimated_value", Decimal("-1"))
	assert err.value.field == "estimated_value"


def test_pasal_1_1_tree_of_daerah():
	from ksad_app.domain.regions import (
		CodeOutsideProvince,
		ParentNotAProvince,
		ProvinceHasParent,
		check_parent,
	)

	check_parent(PROVINSI, "32", None, None)
	check_parent(KOTA, "32.73", "32", PROVINSI)
	with pytest.raises(ProvinceHasParent):
		check_parent(PROVINSI, "99", "32", PROVINSI)
	with pytest.raises(ParentNotAProvince):
		check_parent(KOTA, "32.99", "32.73", KOTA)
	with pytest.raises(CodeOutsideProvince):
		check_parent(KOTA, "33.99", "32", PROVINSI)
