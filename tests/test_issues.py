"""Pasal 6 d.2, d.3, d.5 and Pasal 10 d.2, d.3, d.5: problems and disputes, their answer and decision."""

from datetime import date

import pytest

from ksad_app.domain import issues as I
from ksad_app.domain.stages import (
	BODY,
	DIBATALKAN,
	NEGOSIASI,
	PARTY,
	PELAKSANAAN,
	PENANDATANGANAN,
	PENGAKHIRAN,
	PENJAJAKAN,
	SELESAI,
)
from ksad_app.domain.supervision import SEKRETARIAT_BERSAMA, TKKSD
from tests.test_doctype_contract import options

TODAY = date(2026, 11, 27)


# --- the DocType and the domain name the same things -------------------------


def test_pasal_6_d_and_10_d_issue_types_and_statuses_match_the_doctype():
	assert options("Cooperation Issue", "issue_type") == list(I.ISSUE_TYPES)
	assert options("Cooperation Issue", "status") == list(I.STATUSES)


def test_pasal_6_d_and_10_d_the_fields_of_each_side_exist_and_the_bodys_are_at_permlevel_1():
	import json

	from tests.test_doctype_contract import DOCTYPES

	meta = json.loads((DOCTYPES / "cooperation_issue" / "cooperation_issue.json").read_text(encoding="utf-8"))
	levels = {f["fieldname"]: f.get("permlevel", 0) for f in meta["fields"]}
	assert {f: levels[f] for f in I.PARTY_FIELDS} == dict.fromkeys(I.PARTY_FIELDS, 0)
	assert {f: levels[f] for f in I.BODY_FIELDS} == dict.fromkeys(I.BODY_FIELDS, 1)


# --- status ------------------------------------------------------------------


def test_pasal_10_d_2_open_until_the_body_answers():
	assert I.status(None, None, None, None) == I.TERBUKA
	assert I.status("  ", "", None, None) == I.TERBUKA


def test_pasal_10_d_2_a_consideration_or_an_input_puts_it_under_consideration():
	assert I.status("Para pihak diminta bermusyawarah", None, None, None) == I.DALAM_PERTIMBANGAN
	assert I.status(None, "Masukan kepada Gubernur", None, None) == I.DALAM_PERTIMBANGAN
	# a decision without its date does not close it (and is refused by check_decision)
	assert I.status("x", None, "Diputuskan", None) == I.DALAM_PERTIMBANGAN


def test_pasal_6_d_5_a_decision_with_its_date_closes_it():
	assert I.status("x", "y", "Diselesaikan oleh Menteri", TODAY) == I.SELESAI
	assert I.status(None, None, "Diselesaikan secara musyawarah", TODAY) == I.SELESAI


def test_decision_and_date_go_together():
	I.check_decision(None, None)
	I.check_decision("Diputuskan", TODAY)
	with pytest.raises(I.DecisionDateMissing):
		I.check_decision("Diputuskan", None)
	with pytest.raises(I.DecisionMissing):
		I.check_decision("   ", TODAY)
	with pytest.raises(I.DecisionMissing):
		I.check_decision(None, TODAY)


# --- to whom the input goes ----------------------------------------------------


def test_pasal_6_d_3_the_sekretariat_bersama_gives_input_to_the_minister():
	assert I.addressed_to(SEKRETARIAT_BERSAMA, None) == "Menteri Dalam Negeri"


def test_pasal_10_d_3_a_tkksd_gives_input_to_the_gubernur_of_its_province():
	assert I.addressed_to(TKKSD, "Jawa Barat") == "Gubernur Jawa Barat"
	assert I.addressed_to(TKKSD, None) == "Gubernur"
	assert I.addressed_to(None, None) is None


def test_pasal_6_and_10_d_2_d_3_d_5_the_guidance_items_answering_an_issue_carries_out():
	assert I.guidance_codes(I.PERMASALAHAN, TKKSD) == ("10.d.2",)
	assert I.guidance_codes(I.PERSELISIHAN, TKKSD) == ("10.d.3", "10.d.5")
	assert I.guidance_codes(I.PERMASALAHAN, SEKRETARIAT_BERSAMA) == ("6.d.2",)
	assert I.guidance_codes(I.PERSELISIHAN, SEKRETARIAT_BERSAMA) == ("6.d.3", "6.d.5")
	assert I.guidance_codes(None, TKKSD) == ()
	assert I.guidance_codes(I.PERMASALAHAN, None) == ()


def test_the_guidance_codes_exist_in_the_catalogue():
	from tests.test_guidance import catalogue

	codes = {r["code"] for r in catalogue()}
	for issue_type in I.ISSUE_TYPES:
		for body_type in (SEKRETARIAT_BERSAMA, TKKSD):
			assert set(I.guidance_codes(issue_type, body_type)) <= codes


# --- which body ------------------------------------------------------------------


def test_pasal_3_joint_supervision_the_raising_regions_tkksd_answers_by_default():
	joint = [("TKKSD-32", "32"), ("TKKSD-33", "33")]
	assert I.default_body(joint, "33") == "TKKSD-33"
	assert I.default_body(joint, "32") == "TKKSD-32"
	assert I.default_body([("SEKBER", None)], "31") == "SEKBER"
	assert I.default_body(joint, None) == "TKKSD-32"
	assert I.default_body([], "32") is None


def test_pasal_2_3_the_body_must_supervise_the_cooperation():
	I.check_body("TKKSD-32", {"TKKSD-32"})
	I.check_body(None, {"TKKSD-32"})
	with pytest.raises(I.BodyNotASupervisor) as e:
		I.check_body("SEKBER", {"TKKSD-32", "TKKSD-33"})
	assert e.value.supervisors == ("TKKSD-32", "TKKSD-33")


def test_only_a_member_of_the_chosen_body_answers_for_it():
	I.check_member("TKKSD-32", {"TKKSD-32"})
	with pytest.raises(I.NotAMemberOfBody):
		I.check_member("TKKSD-32", {"TKKSD-33"})


# --- raising ---------------------------------------------------------------------


@pytest.mark.parametrize("stage", [PELAKSANAAN, PENGAKHIRAN])
def test_pasal_6_d_and_10_d_raised_at_pelaksanaan_and_pengakhiran(stage):
	I.check_stage(stage)


@pytest.mark.parametrize("stage", [PENJAJAKAN, NEGOSIASI, PENANDATANGANAN, SELESAI, DIBATALKAN, None])
def test_pasal_6_d_and_10_d_not_raised_at_other_stages(stage):
	with pytest.raises(I.IssueStageNotAllowed):
		I.check_stage(stage)


def test_the_raising_region_is_a_party_and_the_officers_own():
	I.check_raised_by("32.73", {"32.73", "32.77"})
	with pytest.raises(I.RaisedByNotAParty) as e:
		I.check_raised_by("32.75", {"32.77", "32.73"})
	assert e.value.parties == ("32.73", "32.77")
	I.check_own_region(["32.73", "32.73"], {"32.73"})
	with pytest.raises(I.NotOwnRegion) as e:
		I.check_own_region(["32.73", "32.77"], {"32.73"})
	assert e.value.region == "32.77"


def test_dates_not_raised_in_the_future_decided_between_raising_and_today():
	I.check_dates(TODAY, TODAY, TODAY)
	I.check_dates(date(2026, 6, 1), TODAY, None)
	with pytest.raises(I.RaisedInFuture):
		I.check_dates(date(2026, 11, 28), TODAY)
	with pytest.raises(I.DecisionBeforeRaised):
		I.check_dates(date(2026, 6, 1), TODAY, date(2026, 5, 31))
	with pytest.raises(I.DecisionInFuture):
		I.check_dates(date(2026, 6, 1), TODAY, date(2026, 12, 1))


# --- who changes what --------------------------------------------------------------


def test_the_party_edits_its_own_fields_while_open():
	I.check_change(I.TERBUKA, {"description", "issue_type"}, {PARTY})
	I.check_change(I.TERBUKA, set(), {BODY})


def test_pasal_10_d_2_the_body_never_changes_what_the_party_raised():
	with pytest.raises(I.PartyFieldsNotTheirs) as e:
		I.check_change(I.TERBUKA, {"description", "consideration"}, {BODY})
	assert e.value.fields == ("description",)


def test_the_party_never_writes_the_bodys_answer():
	with pytest.raises(I.BodyFieldsNotTheirs) as e:
		I.check_change(I.TERBUKA, {"consideration"}, {PARTY})
	assert e.value.fields == ("consideration",)


def test_once_answered_the_raised_fields_stay_as_they_were():
	with pytest.raises(I.PartyFieldsLocked) as e:
		I.check_change(I.DALAM_PERTIMBANGAN, {"description"}, {PARTY})
	assert e.value.status == I.DALAM_PERTIMBANGAN
	with pytest.raises(I.PartyFieldsLocked):
		I.check_change(I.DALAM_PERTIMBANGAN, {"description"}, set(), unrestricted=True)
	I.check_change(I.DALAM_PERTIMBANGAN, {"decision", "decision_date"}, {BODY})


def test_the_body_is_fixed_once_it_has_answered():
	I.check_change(I.TERBUKA, {"supervisory_body", "consideration"}, {BODY})
	with pytest.raises(I.BodyFixed):
		I.check_change(I.DALAM_PERTIMBANGAN, {"supervisory_body"}, {BODY})


def test_a_decided_issue_is_locked_for_everyone():
	for actor, unrestricted in (({PARTY}, False), ({BODY}, False), (set(), True)):
		with pytest.raises(I.IssueClosed):
			I.check_change(I.SELESAI, {"decision"}, actor, unrestricted)
	I.check_change(I.SELESAI, set(), {BODY})


def test_unrestricted_roles_may_change_either_side_while_open():
	I.check_change(I.TERBUKA, {"description", "consideration"}, set(), unrestricted=True)
