"""Pasal 4 and issue 9: registering a running cooperation at the stage it has reached."""

from dataclasses import replace
from datetime import date

import pytest

from ksad_app.domain.registration import (
	FOLLOWS_LATER,
	REGISTRABLE,
	REGISTRASI,
	NotARegistrableStage,
	RegisterDisagrees,
	RegistrationIncomplete,
	RegistrationNotAllowed,
	RegistrationNoteRequired,
	check_register_stage,
	check_registration,
	is_later,
	missing_files,
	registration_missing,
	stages_passed,
)
from ksad_app.domain.stages import (
	ACTIONS,
	DIBATALKAN,
	NEGOSIASI,
	PELAKSANAAN,
	PENANDATANGANAN,
	PENGAKHIRAN,
	PENJAJAKAN,
	SELESAI,
	CooperationFacts,
	missing_for,
	states,
)

# What a region's register holds for a cooperation in Pelaksanaan: numbers and dates, no scans.
RUNNING = CooperationFacts(
	party_count=2,
	government_affair="Lingkungan Hidup",
	cooperation_object="Pengolahan sampah regional",
	kb_number="CONTOH/001/KB/2019",
	kb_date=date(2019, 3, 1),
	pks_number="CONTOH/001/PKS/2019",
	pks_date=date(2019, 6, 1),
	start_date=date(2019, 7, 1),
	end_date=date(2029, 6, 30),
)
NOTE = "Impor dari register kerja sama Biro Pemerintahan (contoh)"


def test_pasal_4_registrable_stages_are_the_five_stages_and_nothing_else():
	assert REGISTRABLE == (PENJAJAKAN, NEGOSIASI, PENANDATANGANAN, PELAKSANAAN, PENGAKHIRAN)
	for state in (*[s for s in states() if s.startswith("Usulan ")], SELESAI, DIBATALKAN, "", "Pelaksana"):
		with pytest.raises(NotARegistrableStage):
			check_registration(state, RUNNING, is_manager=True, note=NOTE)


def test_pasal_4_registrasi_is_not_a_workflow_action():
	assert REGISTRASI not in ACTIONS


def test_pasal_4_stages_passed_after_penjajakan():
	assert stages_passed(PENJAJAKAN) == ()
	assert stages_passed(NEGOSIASI) == (NEGOSIASI,)
	assert stages_passed(PELAKSANAAN) == (NEGOSIASI, PENANDATANGANAN, PELAKSANAAN)
	assert stages_passed(PENGAKHIRAN) == (NEGOSIASI, PENANDATANGANAN, PELAKSANAAN, PENGAKHIRAN)


def test_pasal_4_anyone_may_start_at_penjajakan_without_a_note():
	assert not is_later(PENJAJAKAN) and not is_later(None) and not is_later("")
	check_registration(PENJAJAKAN, CooperationFacts(), is_manager=False, note=None)


def test_pasal_4_only_a_ksad_manager_registers_at_a_later_stage():
	for stage in REGISTRABLE[1:]:
		assert is_later(stage)
		with pytest.raises(RegistrationNotAllowed) as err:
			check_registration(stage, RUNNING, is_manager=False, note=NOTE)
		assert err.value.stage == stage


def test_pasal_4_a_later_registration_says_where_its_data_comes_from():
	for note in (None, "", "   "):
		with pytest.raises(RegistrationNoteRequired):
			check_registration(PELAKSANAAN, RUNNING, is_manager=True, note=note)


def test_pasal_4_pelaksanaan_registered_with_numbers_dates_and_period_but_no_files():
	check_registration(PELAKSANAAN, RUNNING, is_manager=True, note=NOTE)
	check_registration(PENGAKHIRAN, RUNNING, is_manager=True, note=NOTE)
	assert missing_files(PELAKSANAAN, RUNNING) == FOLLOWS_LATER
	assert missing_files(NEGOSIASI, RUNNING) == ()
	assert missing_files(PENANDATANGANAN, RUNNING) == ("pks_draft_file",)


def test_pasal_4_every_guard_of_the_stages_passed_holds_files_excepted():
	with pytest.raises(RegistrationIncomplete) as err:
		check_registration(PELAKSANAAN, replace(RUNNING, pks_number=None), is_manager=True, note=NOTE)
	assert err.value.stage == PELAKSANAAN
	assert err.value.missing == ("pks_number",)
	# an earlier stage's guard counts too (Negosiasi: the object of cooperation)
	with pytest.raises(RegistrationIncomplete) as err:
		check_registration(PENGAKHIRAN, replace(RUNNING, cooperation_object=" "), is_manager=True, note=NOTE)
	assert err.value.missing == ("cooperation_object",)


def test_pasal_4_registration_missing_is_the_union_of_the_guards_without_files():
	empty = CooperationFacts()
	expected = [
		f
		for stage in (NEGOSIASI, PENANDATANGANAN, PELAKSANAAN)
		for f in missing_for(stage, empty)
		if f not in FOLLOWS_LATER
	]
	assert registration_missing(PELAKSANAAN, empty) == tuple(expected)
	assert "pks_number" in expected and "start_date" in expected
	assert set(registration_missing(PENGAKHIRAN, empty)) == set(expected)
	assert registration_missing(PENANDATANGANAN, replace(RUNNING, pks_draft_file=None)) == ()


def test_pasal_4_dprd_approval_when_required():
	needs_dprd = replace(RUNNING, dprd_approval_required=True)
	assert registration_missing(PELAKSANAAN, needs_dprd) == ("dprd_approval_number", "dprd_approval_date")
	approved = replace(
		needs_dprd, dprd_approval_number="CONTOH/10/DPRD/2019", dprd_approval_date=date(2019, 5, 1)
	)
	check_registration(PELAKSANAAN, approved, is_manager=True, note=NOTE)
	# not checked below Pelaksanaan, as the guards do not check it there
	check_registration(PENANDATANGANAN, needs_dprd, is_manager=True, note=NOTE)


def test_pasal_4_an_import_never_moves_a_registered_cooperation():
	check_register_stage(None, PELAKSANAAN, PELAKSANAAN)
	check_register_stage(PELAKSANAAN, PELAKSANAAN, PELAKSANAAN)
	# registered at Penandatanganan, since moved to Pelaksanaan by the workflow: both copies of the register agree
	check_register_stage(PENANDATANGANAN, PENANDATANGANAN, PELAKSANAAN)
	check_register_stage(PELAKSANAAN, PENANDATANGANAN, PELAKSANAAN)
	# started at Penjajakan through the form, given a register number later
	check_register_stage(NEGOSIASI, None, NEGOSIASI)
	for given in (PENGAKHIRAN, NEGOSIASI):
		with pytest.raises(RegisterDisagrees) as err:
			check_register_stage(given, PENANDATANGANAN, PELAKSANAAN)
		assert (err.value.given, err.value.current) == (given, PELAKSANAAN)
