"""Pasal 4 as a workflow: who moves a cooperation, when, and with what."""

import json
from pathlib import Path

import pytest

from ksad_app.domain import stages as S
from tests.test_stages import SIGNED

FIXTURES = Path(__file__).resolve().parent.parent / "ksad_app" / "fixtures"
PARTY = {S.PARTY}
BODY = {S.BODY}


def test_states_interleave_requests_and_stages():
	assert S.states() == (
		"Penjajakan",
		"Usulan Negosiasi",
		"Negosiasi",
		"Usulan Penandatanganan",
		"Penandatanganan",
		"Usulan Pelaksanaan",
		"Pelaksanaan",
		"Usulan Pengakhiran",
		"Pengakhiran",
		"Usulan Selesai",
		"Selesai",
		"Dibatalkan",
	)


def test_stage_field_follows_the_state():
	assert S.stage_of_state("Usulan Negosiasi") == S.PENJAJAKAN
	assert S.stage_of_state("Usulan Selesai") == S.PENGAKHIRAN
	assert S.stage_of_state(S.PELAKSANAAN) == S.PELAKSANAAN
	assert S.stage_of_state(S.DIBATALKAN) == S.DIBATALKAN
	with pytest.raises(S.UnknownState):
		S.stage_of_state("Usulan Penjajakan")


def test_requests_and_the_end_are_locked():
	assert S.is_locked("Usulan Pelaksanaan")
	assert S.is_locked(S.SELESAI) and S.is_locked(S.DIBATALKAN)
	assert not any(S.is_locked(s) for s in S.STAGES[:-1])


def test_officer_asks_body_approves():
	assert S.check_transition(S.PENJAJAKAN, "Usulan Negosiasi", SIGNED, PARTY) == S.AJUKAN
	assert S.check_transition("Usulan Negosiasi", S.NEGOSIASI, SIGNED, BODY) == S.SETUJUI
	with pytest.raises(S.NotAllowedToAct) as e:
		S.check_transition(S.PENJAJAKAN, "Usulan Negosiasi", SIGNED, BODY)
	assert e.value.action == S.AJUKAN
	with pytest.raises(S.NotAllowedToAct) as e:
		S.check_transition("Usulan Negosiasi", S.NEGOSIASI, SIGNED, PARTY)
	assert e.value.action == S.SETUJUI
	with pytest.raises(S.NotAllowedToAct):
		S.check_transition("Usulan Negosiasi", S.NEGOSIASI, SIGNED, set())


def test_return_needs_a_reason_and_goes_back_to_the_stage():
	with pytest.raises(S.ReasonRequired):
		S.check_transition("Usulan Negosiasi", S.PENJAJAKAN, SIGNED, BODY, "  ")
	assert (
		S.check_transition("Usulan Negosiasi", S.PENJAJAKAN, SIGNED, BODY, "Objek belum jelas")
		== S.KEMBALIKAN
	)
	with pytest.raises(S.NotAllowedToAct):
		S.check_transition("Usulan Negosiasi", S.PENJAJAKAN, SIGNED, PARTY, "x")


def test_cancel_before_pelaksanaan_only_with_a_reason():
	for state in (S.PENJAJAKAN, "Usulan Negosiasi", S.NEGOSIASI, S.PENANDATANGANAN, "Usulan Pelaksanaan"):
		assert S.check_transition(state, S.DIBATALKAN, SIGNED, PARTY, "Batal") == S.BATALKAN
		assert S.check_transition(state, S.DIBATALKAN, SIGNED, BODY, "Batal") == S.BATALKAN
	with pytest.raises(S.ReasonRequired):
		S.check_transition(S.PENJAJAKAN, S.DIBATALKAN, SIGNED, PARTY)
	for state in (S.PELAKSANAAN, "Usulan Pengakhiran", S.PENGAKHIRAN, S.SELESAI):
		with pytest.raises(S.IllegalMove):
			S.check_transition(state, S.DIBATALKAN, SIGNED, PARTY, "Batal")


def test_no_jumps_no_way_back_from_the_end():
	for current, target in [
		(S.PENJAJAKAN, S.NEGOSIASI),
		(S.PENJAJAKAN, "Usulan Penandatanganan"),
		("Usulan Negosiasi", S.PENANDATANGANAN),
		(S.NEGOSIASI, S.PENJAJAKAN),
		(S.SELESAI, S.PENGAKHIRAN),
		(S.DIBATALKAN, S.PENJAJAKAN),
	]:
		with pytest.raises(S.IllegalMove):
			S.check_transition(current, target, SIGNED, PARTY | BODY, "x")


def test_approval_runs_the_guard_of_the_target_stage():
	from dataclasses import replace

	with pytest.raises(S.StageGuardFailed) as e:
		S.check_transition(
			"Usulan Penandatanganan", S.PENANDATANGANAN, replace(SIGNED, pks_draft_file=None), BODY
		)
	assert e.value.missing == ("pks_draft_file",)
	with pytest.raises(S.StageGuardFailed) as e:
		S.check_transition("Usulan Selesai", S.SELESAI, SIGNED, BODY)
	assert e.value.missing == ("termination",)
	assert S.check_transition("Usulan Selesai", S.SELESAI, replace(SIGNED, termination_submitted=True), BODY)


def test_the_fixture_is_the_domain():
	workflow = json.loads((FIXTURES / "workflow.json").read_text(encoding="utf-8"))[0]
	assert workflow["document_type"] == "Inter-Regional Cooperation"
	assert workflow["workflow_state_field"] == "workflow_state"
	assert workflow["states"][0]["state"] == S.PENJAJAKAN
	assert {(t["state"], t["action"], t["next_state"]) for t in workflow["transitions"]} == set(
		S.transitions()
	)
	for t in workflow["transitions"]:
		expected = {
			S.AJUKAN: {"KSAD Regional Officer"},
			S.SETUJUI: {"Sekretariat Bersama Member", "TKKSD Member"},
			S.KEMBALIKAN: {"Sekretariat Bersama Member", "TKKSD Member"},
			S.BATALKAN: {"KSAD Regional Officer", "Sekretariat Bersama Member", "TKKSD Member"},
		}[t["action"]]
		assert t["allowed"] in expected
	for row in workflow["states"]:
		assert row["update_field"] == "stage"
		assert row["update_value"] == S.stage_of_state(row["state"])
	states = json.loads((FIXTURES / "workflow_state.json").read_text(encoding="utf-8"))
	assert [s["name"] for s in states] == list(S.states())
	actions = json.loads((FIXTURES / "workflow_action_master.json").read_text(encoding="utf-8"))
	assert [a["name"] for a in actions] == list(S.ACTIONS)


def test_data_changes_only_by_the_parties_and_never_while_locked():
	S.check_data_change(S.PENJAJAKAN, PARTY)
	S.check_data_change(S.PELAKSANAAN, set(), unrestricted=True)
	with pytest.raises(S.DataNotTheirs):
		S.check_data_change(S.NEGOSIASI, BODY)
	for state in ("Usulan Negosiasi", S.SELESAI, S.DIBATALKAN):
		with pytest.raises(S.StateLocked):
			S.check_data_change(state, PARTY | BODY, unrestricted=True)
