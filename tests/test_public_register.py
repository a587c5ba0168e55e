"""UU 14/2008 and Permendagri 23/2009: what the public register shows, and the visitor's filters."""

from datetime import date

import pytest

from ksad_app.domain.public_register import (
	MAX_PAGE,
	PUBLIC_FIELDNAMES,
	PUBLISHED_STAGES,
	Filters,
	NotAllowedToChangePublication,
	PublicationReasonMissing,
	check_publication_change,
	csv_value,
	is_published,
	like_pattern,
	normalise_filters,
	page_count,
	page_numbers,
	public_row,
)
from ksad_app.domain.stages import (
	DIBATALKAN,
	NEGOSIASI,
	PELAKSANAAN,
	PENANDATANGANAN,
	PENGAKHIRAN,
	PENJAJAKAN,
	SELESAI,
)


@pytest.mark.parametrize("stage", [PENANDATANGANAN, PELAKSANAAN, PENGAKHIRAN, SELESAI])
def test_published_from_penandatanganan_on(stage):
	assert is_published(stage, 1)
	assert not is_published(stage, 0)


@pytest.mark.parametrize("stage", [PENJAJAKAN, NEGOSIASI, None, "Usulan Penandatanganan"])
def test_not_before_the_agreement_is_signed(stage):
	assert not is_published(stage, 1)


def test_cancelled_never():
	assert not is_published(DIBATALKAN, 1)
	assert DIBATALKAN not in PUBLISHED_STAGES


def test_the_public_columns_are_fixed_and_hold_nothing_internal():
	assert PUBLIC_FIELDNAMES == (
		"name",
		"title",
		"cooperation_object",
		"government_affair",
		"parties",
		"cooperation_level",
		"supervisory_bodies",
		"stage",
		"start_date",
		"end_date",
		"pks_number",
		"pks_date",
		"dprd_approval",
		"dprd_approval_date",
	)
	internal = {"registration_note", "workflow_reason", "override_reason", "public_register_reason", "owner"}
	assert not internal & set(PUBLIC_FIELDNAMES)
	assert not any("file" in f or "email" in f or "user" in f for f in PUBLIC_FIELDNAMES)


def test_public_row_takes_only_public_fields():
	record = {
		"name": "KSAD-2026-00001",
		"title": "Sampah",
		"registration_note": "internal",
		"dprd_approval_required": 1,
		"dprd_approval_date": date(2026, 3, 1),
		"owner": "officer@example.org",
	}
	row = public_row(record, ["Kota Bandung", "Kota Cimahi"], ["TKKSD Jawa Barat"])
	assert tuple(row) == PUBLIC_FIELDNAMES
	assert row["parties"] == "Kota Bandung; Kota Cimahi"
	assert row["dprd_approval"] is True and row["dprd_approval_date"] == date(2026, 3, 1)
	assert "internal" not in row.values() and "officer@example.org" not in row.values()


def test_no_dprd_date_without_approval():
	row = public_row({"dprd_approval_required": 0, "dprd_approval_date": date(2026, 1, 1)}, [], [])
	assert row["dprd_approval"] is False and row["dprd_approval_date"] is None


def test_withdrawing_needs_a_reason():
	with pytest.raises(PublicationReasonMissing):
		check_publication_change(True, False, "  ", may_change=True)
	check_publication_change(True, False, "Memuat data pribadi", may_change=True)


def test_only_a_manager_or_a_party_changes_it():
	with pytest.raises(NotAllowedToChangePublication):
		check_publication_change(True, False, "alasan", may_change=False)
	with pytest.raises(NotAllowedToChangePublication):
		check_publication_change(False, True, None, may_change=False)
	with pytest.raises(NotAllowedToChangePublication):
		check_publication_change(None, False, "alasan", may_change=False)


def test_unchanged_needs_nobody():
	check_publication_change(True, True, None, may_change=False)
	check_publication_change(None, True, None, may_change=False)
	check_publication_change(False, False, "alasan lama", may_change=False)


def test_filters_are_normalised():
	f = normalise_filters(
		{
			"province": "32",
			"region": "32.73",
			"stage": PELAKSANAAN,
			"year": "2026",
			"q": "  sampah   kota ",
			"page": "3",
		}
	)
	assert f == Filters("32", "32.73", None, PELAKSANAAN, 2026, "sampah kota", 3)
	assert f.key() == "32|32.73||Pelaksanaan|2026|sampah kota"
	assert f.query_args() == {
		"province": "32",
		"region": "32.73",
		"stage": PELAKSANAAN,
		"year": "2026",
		"q": "sampah kota",
		"page": "3",
	}


@pytest.mark.parametrize(
	"args",
	[
		{"province": "32' or 1=1 --"},
		{"province": "3"},
		{"region": "32.7"},
		{"stage": DIBATALKAN},
		{"stage": NEGOSIASI},
		{"year": "20x6"},
		{"year": "99999"},
		{"page": "-1"},
		{"page": str(MAX_PAGE + 1)},
		{"fields": '["registration_note"]'},
		{"q": ["a", "b"]},
	],
)
def test_malformed_filters_are_dropped(args):
	assert normalise_filters(args) == Filters()


def test_a_region_implies_its_province_and_must_lie_in_it():
	assert normalise_filters({"region": "32.73"}).province == "32"
	assert normalise_filters({"province": "33", "region": "32.73"}) == Filters(province="33")


def test_long_search_is_cut():
	assert len(normalise_filters({"q": "x" * 500}).q) == 100


def test_like_pattern_takes_wildcards_literally():
	assert like_pattern("50%_a\\") == "%50\\%\\_a\\\\%"


def test_pages():
	assert page_count(0) == 1
	assert page_count(41) == 3
	assert page_numbers(1, 1) == [1]
	assert page_numbers(5, 20) == [1, None, 3, 4, 5, 6, 7, None, 20]
	assert page_numbers(2, 4) == [1, 2, 3, 4]


@pytest.mark.parametrize(
	"value,cell",
	[
		(None, ""),
		(True, "1"),
		(False, "0"),
		(date(2026, 2, 5), "2026-02-05"),
		("=HYPERLINK(1)", "'=HYPERLINK(1)"),
		("-1+2", "'-1+2"),
		("Kota Bandung", "Kota Bandung"),
	],
)
def test_csv_cells(value, cell):
	assert csv_value(value) == cell
