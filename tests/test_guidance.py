"""Pasal 6 and 10: the guidance catalogue; Pasal 1 (7), (8), 7, 11: what an activity must say."""

import csv
from datetime import date
from pathlib import Path

import pytest

from ksad_app.domain import guidance as G
from ksad_app.domain.stages import DIBATALKAN, NEGOSIASI, PELAKSANAAN, PENGAKHIRAN, PENJAJAKAN, SELESAI
from ksad_app.domain.supervision import SEKRETARIAT_BERSAMA, TKKSD

DATA = Path(__file__).resolve().parent.parent / "ksad_app" / "data" / "guidance_item.csv"


def catalogue() -> list[dict]:
	with open(DATA, newline="", encoding="utf-8") as f:
		return list(csv.DictReader(f))


def test_catalogue_has_every_point_of_pasal_6_and_10():
	rows = catalogue()
	codes = [r["code"] for r in rows]
	assert len(codes) == len(set(codes)) == 40
	for article in ("6", "10"):
		mine = [c for c in codes if c.startswith(article + ".")]
		assert len(mine) == 20
		assert {f"{article}.a.1.{x}" for x in "abcd"} <= set(mine)
		assert {f"{article}.d.4.{x}" for x in "abcdef"} <= set(mine)
		assert f"{article}.a.1" not in mine  # a point with sub-points is not an item itself
	by_code = {r["code"]: r for r in rows}
	assert by_code["6.a.1.b"]["description"].startswith("memberikan informasi mengenai: sumber pendanaan")
	assert "kas daerah" in by_code["10.d.4.d"]["description"]
	assert "Gubernur" in by_code["10.d.3"]["description"]
	assert "Menteri Dalam Negeri" in by_code["6.d.3"]["description"]


def test_catalogue_rows_agree_with_their_code():
	for r in catalogue():
		assert r["stage"] == G.tahapan_of_code(r["code"])
		assert r["body_type"] == G.body_type_of_code(r["code"])
		assert r["article"] == "Pasal " + r["code"].split(".")[0]


def test_pasal_4_d_joins_pelaksanaan_and_pengakhiran():
	assert G.applies("10.d.4.c", TKKSD, PELAKSANAAN)
	assert G.applies("10.d.4.c", TKKSD, PENGAKHIRAN)
	assert not G.applies("10.d.4.c", TKKSD, NEGOSIASI)
	assert not G.applies("6.d.1", TKKSD, PELAKSANAAN)


def test_items_of_an_activity():
	G.check_items(["6.a.1.a", "6.a.2"], SEKRETARIAT_BERSAMA, PENJAJAKAN)
	with pytest.raises(G.DuplicateItem):
		G.check_items(["6.a.2", "6.a.2"], SEKRETARIAT_BERSAMA, PENJAJAKAN)
	with pytest.raises(G.ItemNotForBody):
		G.check_items(["10.a.2"], SEKRETARIAT_BERSAMA, PENJAJAKAN)
	with pytest.raises(G.ItemNotForStage):
		G.check_items(["6.b.1"], SEKRETARIAT_BERSAMA, PENJAJAKAN)
	with pytest.raises(G.BadCode):
		G.check_items(["6.e.1"], SEKRETARIAT_BERSAMA, PENJAJAKAN)


def test_pembinaan_names_guidance_pengawasan_records_findings():
	G.check_content(G.PEMBINAAN, ["6.a.2"], None)
	G.check_content(G.PENGAWASAN, [], "PKS belum diunggah")
	with pytest.raises(G.GuidanceItemRequired):
		G.check_content(G.PEMBINAAN, [], "x")
	with pytest.raises(G.FindingsRequired):
		G.check_content(G.PENGAWASAN, ["6.a.2"], " ")


def test_activity_dates():
	today = date(2026, 11, 27)
	G.check_dates(today, today, today)
	with pytest.raises(G.FutureActivity):
		G.check_dates(date(2026, 11, 28), today, None)
	with pytest.raises(G.FollowUpBeforeActivity):
		G.check_dates(today, today, date(2026, 11, 26))


def test_activity_stage_reached():
	G.check_stage(PENJAJAKAN, NEGOSIASI)
	G.check_stage(PENGAKHIRAN, SELESAI)
	with pytest.raises(G.StageNotReached):
		G.check_stage(PELAKSANAAN, NEGOSIASI)
	with pytest.raises(G.NotAnActivityStage):
		G.check_stage(SELESAI, SELESAI)
	with pytest.raises(G.CooperationCancelled):
		G.check_stage(PENJAJAKAN, DIBATALKAN)


def test_stages_an_activity_may_belong_to():
	assert G.stages_reached(NEGOSIASI) == (PENJAJAKAN, NEGOSIASI)
	assert G.stages_reached(SELESAI) == G.ACTIVITY_STAGES
	assert G.stages_reached(DIBATALKAN) == ()
	for current in G.ACTIVITY_STAGES:
		for stage in G.stages_reached(current):
			G.check_stage(stage, current)


def test_follow_up_status_follows_the_due_date():
	assert G.follow_up_status(None, G.FOLLOW_UP_DONE) is None
	assert G.follow_up_status(date(2026, 12, 1), None) == G.FOLLOW_UP_PENDING
	assert G.follow_up_status(date(2026, 12, 1), G.FOLLOW_UP_DONE) == G.FOLLOW_UP_DONE


def test_overdue_follow_up():
	today = date(2026, 11, 27)
	assert G.is_overdue(date(2026, 11, 26), G.FOLLOW_UP_PENDING, today)
	assert not G.is_overdue(date(2026, 11, 27), G.FOLLOW_UP_PENDING, today)
	assert not G.is_overdue(date(2026, 11, 1), G.FOLLOW_UP_DONE, today)
	assert not G.is_overdue(None, None, today)
