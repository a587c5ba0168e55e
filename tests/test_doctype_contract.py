"""The DocType JSON and the domain name the same things (one source of truth, checked)."""

import json
from pathlib import Path

from ksad_app.domain.cooperation import LEVELS
from ksad_app.domain.regions import REGION_TYPES
from ksad_app.domain.supervision import (
	BODY_TYPES,
	OTHER_POSITION,
	SEKRETARIAT_BERSAMA_ELEMENTS,
	TKKSD_POSITIONS,
)

DOCTYPES = Path(__file__).resolve().parent.parent / "ksad_app" / "ksad" / "doctype"


def options(doctype: str, fieldname: str) -> list[str]:
	scrub = doctype.lower().replace(" ", "_").replace("-", "_")
	meta = json.loads((DOCTYPES / scrub / f"{scrub}.json").read_text(encoding="utf-8"))
	field = next(f for f in meta["fields"] if f["fieldname"] == fieldname)
	return [o for o in field["options"].split("\n") if o]


def test_pasal_5_2_and_9_2_member_positions_are_the_regulations():
	assert options("Supervisory Body Member", "position") == [
		*TKKSD_POSITIONS,
		*SEKRETARIAT_BERSAMA_ELEMENTS,
		OTHER_POSITION,
	]


def test_pasal_5_and_9_body_types():
	assert options("Supervisory Body", "body_type") == list(BODY_TYPES)


def test_pasal_1_4_levels():
	assert options("Inter-Regional Cooperation", "cooperation_level") == list(LEVELS)


def test_pasal_1_1_region_types():
	assert options("Regional Government", "region_type") == list(REGION_TYPES)


def test_pasal_4_stages():
	assert options("Inter-Regional Cooperation", "stage")[:5] == [
		"Penjajakan",
		"Negosiasi",
		"Penandatanganan",
		"Pelaksanaan",
		"Pengakhiran",
	]


def test_pasal_1_7_8_activity_types_and_follow_up():
	from ksad_app.domain.guidance import ACTIVITY_STAGES, ACTIVITY_TYPES, FOLLOW_UP_STATUSES, TAHAPAN

	assert options("Supervision Activity", "activity_type") == list(ACTIVITY_TYPES)
	assert options("Supervision Activity", "follow_up_status") == list(FOLLOW_UP_STATUSES)
	assert options("Supervision Activity", "stage") == list(ACTIVITY_STAGES)
	assert options("Guidance Item", "stage") == list(TAHAPAN.values())
	assert options("Guidance Item", "body_type") == list(BODY_TYPES)


def test_pasal_6_d_4_asset_classes_are_the_divisions():
	from ksad_app.domain.division import ASSET_CLASSES

	assert options("Termination Asset", "asset_class") == list(ASSET_CLASSES)


def test_pasal_6_d_4_follow_up_fields_are_allowed_after_submit():
	"""Items d and e are recorded after the division is submitted, on the party's own row."""
	import json

	from ksad_app.domain.division import OUTSTANDING_ITEMS

	assert len(OUTSTANDING_ITEMS) == 3
	meta = json.loads(
		(DOCTYPES / "termination_allocation" / "termination_allocation.json").read_text(encoding="utf-8")
	)
	after_submit = {f["fieldname"] for f in meta["fields"] if f.get("allow_on_submit")}
	assert after_submit == {
		"deposit_reference",
		"deposit_date",
		"assets_recorded",
		"asset_record_reference",
		"dprd_report_number",
		"dprd_report_date",
	}


def test_pasal_4_registration_stages_are_the_domains():
	"""Issue 9: a cooperation is registered at one of the five stages of Pasal 4, never at a request or an end."""
	from ksad_app.domain.registration import REGISTRABLE

	assert options("Inter-Regional Cooperation", "registration_stage") == list(REGISTRABLE)
