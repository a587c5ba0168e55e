"""Pasal 2, 3, 5 and 9: who supervises a cooperation, and what a body is made of."""

import pytest

from ksad_app.domain.regions import KABUPATEN, KOTA, PROVINSI, Region
from ksad_app.domain.supervision import (
	SEKRETARIAT_BERSAMA,
	SEKRETARIAT_BERSAMA_KEY,
	TKKSD,
	TKKSD_POSITIONS,
	BodyProvinceNotAllowed,
	BodyProvinceNotAProvince,
	BodyProvinceRequired,
	MissingSupervisoryBody,
	PositionNotForBody,
	SupervisorKey,
	assign_supervisors,
	check_body,
	check_positions,
	missing_tkksd_positions,
	required_supervisors,
)

JABAR = Region("32", PROVINSI, "32")
JATENG = Region("33", PROVINSI, "33")
DKI = Region("31", PROVINSI, "31")
KOTA_BANDUNG = Region("32.73", KOTA, "32")
KOTA_CIMAHI = Region("32.77", KOTA, "32")
KAB_BANDUNG_BARAT = Region("32.17", KABUPATEN, "32")
KOTA_BEKASI = Region("32.75", KOTA, "32")
KAB_CILACAP = Region("33.01", KABUPATEN, "33")
KOTA_YOGYAKARTA = Region("34.71", KOTA, "34")

BODIES = {
	SEKRETARIAT_BERSAMA_KEY: "SEKBER",
	SupervisorKey(TKKSD, "32"): "TKKSD-32",
	SupervisorKey(TKKSD, "33"): "TKKSD-33",
}


def test_pasal_2_provinces_only_are_supervised_by_the_sekretariat_bersama():
	assert required_supervisors([JABAR, JATENG]) == (SEKRETARIAT_BERSAMA_KEY,)
	assert assign_supervisors([JABAR, JATENG], BODIES) == ["SEKBER"]


def test_pasal_2_a_province_with_a_kota_is_supervised_by_the_sekretariat_bersama():
	assert assign_supervisors([DKI, KOTA_BEKASI], BODIES) == ["SEKBER"]


def test_pasal_2_a_province_with_kab_kota_of_its_own_province_is_still_provincial():
	assert assign_supervisors([JABAR, KOTA_BANDUNG], BODIES) == ["SEKBER"]


def test_pasal_3_kab_kota_of_one_province_are_supervised_by_its_tkksd():
	parties = [KOTA_BANDUNG, KOTA_CIMAHI, KAB_BANDUNG_BARAT]
	assert required_supervisors(parties) == (SupervisorKey(TKKSD, "32"),)
	assert assign_supervisors(parties, BODIES) == ["TKKSD-32"]


def test_pasal_3_kab_kota_of_several_provinces_are_supervised_by_each_tkksd():
	assert assign_supervisors([KAB_CILACAP, KOTA_BANDUNG], BODIES) == ["TKKSD-32", "TKKSD-33"]


def test_pasal_3_the_order_of_the_parties_does_not_change_the_supervisors():
	assert assign_supervisors([KOTA_BANDUNG, KAB_CILACAP], BODIES) == assign_supervisors(
		[KAB_CILACAP, KOTA_BANDUNG], BODIES
	)


def test_pasal_3_missing_tkksd_is_named():
	with pytest.raises(MissingSupervisoryBody) as err:
		assign_supervisors([KOTA_YOGYAKARTA, Region("34.04", KABUPATEN, "34")], BODIES)
	assert err.value.keys == (SupervisorKey(TKKSD, "34"),)


def test_pasal_3_every_missing_tkksd_is_named_at_once():
	with pytest.raises(MissingSupervisoryBody) as err:
		assign_supervisors([KOTA_YOGYAKARTA, KAB_CILACAP, Region("35.78", KOTA, "35")], {})
	assert err.value.keys == (
		SupervisorKey(TKKSD, "33"),
		SupervisorKey(TKKSD, "34"),
		SupervisorKey(TKKSD, "35"),
	)


def test_pasal_2_missing_sekretariat_bersama_is_named():
	with pytest.raises(MissingSupervisoryBody) as err:
		assign_supervisors([JABAR, JATENG], {})
	assert err.value.keys == (SEKRETARIAT_BERSAMA_KEY,)


def test_pasal_9_a_tkksd_belongs_to_a_province():
	check_body(TKKSD, PROVINSI, "32")
	with pytest.raises(BodyProvinceRequired):
		check_body(TKKSD, None, None)
	with pytest.raises(BodyProvinceNotAProvince):
		check_body(TKKSD, KOTA, "32.73")


def test_pasal_5_the_sekretariat_bersama_has_no_province():
	check_body(SEKRETARIAT_BERSAMA, None, None)
	with pytest.raises(BodyProvinceNotAllowed):
		check_body(SEKRETARIAT_BERSAMA, PROVINSI, "32")


def test_pasal_9_2_lists_every_missing_position_in_order():
	assert missing_tkksd_positions([]) == list(TKKSD_POSITIONS)
	held = [TKKSD_POSITIONS[0], TKKSD_POSITIONS[5], "Lainnya"]
	missing = missing_tkksd_positions(held)
	assert missing == [p for i, p in enumerate(TKKSD_POSITIONS) if i not in (0, 5)]
	assert missing_tkksd_positions(TKKSD_POSITIONS) == []


def test_pasal_5_2_and_9_2_positions_belong_to_their_body():
	check_positions(TKKSD, [TKKSD_POSITIONS[0], "Lainnya"])
	check_positions(SEKRETARIAT_BERSAMA, ["Tenaga profesional"])
	with pytest.raises(PositionNotForBody):
		check_positions(SEKRETARIAT_BERSAMA, [TKKSD_POSITIONS[0]])
	with pytest.raises(PositionNotForBody):
		check_positions(TKKSD, ["Tenaga profesional"])


def test_pasal_5_3_and_9_3_seats():
	from ksad_app.domain.supervision import default_seat

	assert default_seat(SEKRETARIAT_BERSAMA, None).startswith("Direktorat Jenderal Pemerintahan Umum")
	assert default_seat(TKKSD, "Jawa Barat") == "Sekretariat Daerah Provinsi Jawa Barat"
