"""Pasal 4: the stages and the guard on each move."""

from dataclasses import replace
from datetime import date

import pytest

from ksad_app.domain.stages import (
	DIBATALKAN,
	NEGOSIASI,
	PELAKSANAAN,
	PENANDATANGANAN,
	PENGAKHIRAN,
	PENJAJAKAN,
	SELESAI,
	CannotCancel,
	CooperationFacts,
	NoNextStage,
	NotTheNextStage,
	StageGuardFailed,
	check_cancel,
	check_move,
	missing_for,
	next_stage,
	proposal_state,
)

SIGNED = CooperationFacts(
	party_count=2,
	government_affair="Lingkungan Hidup",
	cooperation_object="TPST",
	pks_draft_file="/files/draft.pdf",
	kb_number="1/KB/2026",
	kb_date=date(2026, 1, 5),
	kb_file="/files/kb.pdf",
	pks_number="2/PKS/2026",
	pks_date=date(2026, 2, 5),
	pks_file="/files/pks.pdf",
	start_date=date(2026, 3, 1),
	end_date=date(2031, 2, 28),
)


def test_pasal_4_stages_in_order():
	assert next_stage(PENJAJAKAN) == NEGOSIASI
	assert next_stage(NEGOSIASI) == PENANDATANGANAN
	assert next_stage(PENANDATANGANAN) == PELAKSANAAN
	assert next_stage(PELAKSANAAN) == PENGAKHIRAN
	assert next_stage(PENGAKHIRAN) == SELESAI
	for final in (SELESAI, DIBATALKAN):
		with pytest.raises(NoNextStage):
			next_stage(final)


def test_pasal_4_a_proposal_is_named_after_the_next_stage():
	assert proposal_state(PENJAJAKAN) == "Usulan Negosiasi"
	assert proposal_state(PENGAKHIRAN) == "Usulan Selesai"


def test_pasal_4_no_skipping_or_going_back():
	with pytest.raises(NotTheNextStage):
		check_move(PENJAJAKAN, PENANDATANGANAN, SIGNED)
	with pytest.raises(NotTheNextStage):
		check_move(NEGOSIASI, PENJAJAKAN, SIGNED)


def test_pasal_4_b_negosiasi_needs_parties_affair_and_object():
	assert missing_for(NEGOSIASI, CooperationFacts()) == (
		"parties",
		"government_affair",
		"cooperation_object",
	)
	assert missing_for(NEGOSIASI, replace(SIGNED, cooperation_object="  ")) == ("cooperation_object",)
	check_move(PENJAJAKAN, NEGOSIASI, SIGNED)


def test_pasal_4_c_penandatanganan_needs_the_draft_pks():
	with pytest.raises(StageGuardFailed) as err:
		check_move(NEGOSIASI, PENANDATANGANAN, replace(SIGNED, pks_draft_file=None))
	assert err.value.missing == ("pks_draft_file",)


def test_pasal_4_d_pelaksanaan_needs_signed_documents_and_dates():
	check_move(PENANDATANGANAN, PELAKSANAAN, SIGNED)
	bare = replace(SIGNED, kb_file=None, pks_date=None, end_date=None)
	assert missing_for(PELAKSANAAN, bare) == ("kb_file", "pks_date", "end_date")


def test_pasal_4_d_pelaksanaan_needs_dprd_approval_when_required():
	needs = replace(SIGNED, dprd_approval_required=True)
	assert missing_for(PELAKSANAAN, needs) == ("dprd_approval_number", "dprd_approval_date")
	done = replace(needs, dprd_approval_number="5/DPRD/2026", dprd_approval_date=date(2026, 2, 1))
	check_move(PENANDATANGANAN, PELAKSANAAN, done)


def test_pasal_6_d_4_selesai_needs_a_complete_termination():
	with pytest.raises(StageGuardFailed) as err:
		check_move(PENGAKHIRAN, SELESAI, SIGNED)
	assert err.value.missing == ("termination",)
	check_move(PENGAKHIRAN, SELESAI, replace(SIGNED, termination_submitted=True))


def test_cancelling_only_before_pelaksanaan():
	for stage in (PENJAJAKAN, NEGOSIASI, PENANDATANGANAN):
		check_cancel(stage)
	for stage in (PELAKSANAAN, PENGAKHIRAN, SELESAI, DIBATALKAN):
		with pytest.raises(CannotCancel):
			check_cancel(stage)


def test_pasal_6_d_4_d_e_selesai_names_each_party_and_what_it_still_owes():
	facts = replace(
		SIGNED,
		termination_submitted=True,
		termination_outstanding=(("32.73", "deposit"), ("32.77", "dprd_report")),
	)
	with pytest.raises(StageGuardFailed) as err:
		check_move(PENGAKHIRAN, SELESAI, facts)
	assert err.value.missing == ("deposit:32.73", "dprd_report:32.77")
