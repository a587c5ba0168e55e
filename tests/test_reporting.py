"""Pasal 8, 12, 13: who reports what to whom, and what a report counts, from plain rows."""

import json
from datetime import date

import pytest

from ksad_app.domain import reporting as R
from ksad_app.domain.guidance import FOLLOW_UP_DONE, FOLLOW_UP_PENDING, PEMBINAAN, PENGAWASAN
from ksad_app.domain.issues import DALAM_PERTIMBANGAN, PERMASALAHAN, PERSELISIHAN, SELESAI, TERBUKA
from ksad_app.domain.regions import KOTA, PROVINSI
from ksad_app.domain.supervision import SEKRETARIAT_BERSAMA, TKKSD
from tests.test_doctype_contract import DOCTYPES, options

START, END = date(2026, 1, 1), date(2026, 6, 30)
TODAY = date(2026, 7, 15)


def fields_of(snake: str) -> dict[str, dict]:
	meta = json.loads((DOCTYPES / snake / f"{snake}.json").read_text(encoding="utf-8"))
	return {f["fieldname"]: f for f in meta["fields"]}


def counts(lines, section=None) -> dict[str, int]:
	return {line.label: line.count for line in lines if section is None or line.section == section}


# --- the DocType and the domain name the same things -------------------------


def test_pasal_8_12_13_report_types_and_sections_match_the_doctypes():
	assert options("Supervision Report", "report_type") == list(R.REPORT_TYPES)
	assert options("Supervision Report Line", "section") == list(R.SECTIONS)


def test_pasal_8_every_summary_figure_is_a_read_only_field_of_the_report():
	fields = fields_of("supervision_report")
	for name in R.TOTALS:
		assert fields[name]["fieldtype"] in ("Int", "Currency"), name
		assert fields[name].get("read_only") == 1, name
		assert fields[name].get("no_copy") == 1, name


def test_pasal_13_the_tkksd_report_rows_carry_the_figures_the_gubernur_reads():
	source = fields_of("supervision_report_source")
	assert {"cooperation_count", "activity_count", "follow_ups_overdue", "issues_open"} <= set(source)
	assert set(fields_of("supervision_report_issue")) == {
		"issue_type",
		"raised",
		"answered",
		"decided",
		"still_open",
	}


def test_pasal_8_the_report_is_submittable_tracked_and_named_as_the_issue_asks():
	meta = json.loads(
		(DOCTYPES / "supervision_report" / "supervision_report.json").read_text(encoding="utf-8")
	)
	assert meta["is_submittable"] == 1
	assert meta["track_changes"] == 1
	assert meta["autoname"] == "KSAD-LAP-.YYYY.-.#####"
	assert meta["default_print_format"] == "Laporan Pembinaan dan Pengawasan KSAD"


# --- who reports to whom -----------------------------------------------------


def test_pasal_8_the_sekretariat_bersama_reports_to_the_minister():
	kind = R.kind_of(R.PASAL_8)
	assert (kind.reporter_body_type, kind.addressee, kind.duties) == (
		SEKRETARIAT_BERSAMA,
		"Menteri Dalam Negeri",
		("6", "7"),
	)
	assert R.addressee(R.PASAL_8, None) == "Menteri Dalam Negeri"


def test_pasal_12_a_tkksd_reports_to_the_gubernur_of_its_province():
	kind = R.kind_of(R.PASAL_12)
	assert (kind.reporter_body_type, kind.duties) == (TKKSD, ("10", "11"))
	assert R.addressee(R.PASAL_12, "Jawa Barat") == "Gubernur Jawa Barat"


def test_pasal_13_the_gubernur_reports_to_the_minister():
	kind = R.kind_of(R.PASAL_13)
	assert (kind.reporter_body_type, kind.duties) == (None, ("3",))
	assert R.addressee(R.PASAL_13, "Jawa Barat") == "Menteri Dalam Negeri"


def test_pasal_8_an_unknown_report_type_is_refused():
	with pytest.raises(R.UnknownReportType):
		R.kind_of("Laporan lain")
	with pytest.raises(R.UnknownReportType):
		R.check_subject(None, None, None, None, None, None)


# --- the subject each type requires --------------------------------------------


def test_pasal_8_names_the_sekretariat_bersama_and_no_province():
	assert R.check_subject(R.PASAL_8, "SEKBER", SEKRETARIAT_BERSAMA, None, "32", PROVINSI) == ("SEKBER", None)
	with pytest.raises(R.BodyRequired) as e:
		R.check_subject(R.PASAL_8, None, None, None, None, None)
	assert e.value.body_type == SEKRETARIAT_BERSAMA
	with pytest.raises(R.WrongBodyType) as e:
		R.check_subject(R.PASAL_8, "TKKSD-32", TKKSD, "32", None, None)
	assert e.value.expected == SEKRETARIAT_BERSAMA


def test_pasal_12_names_a_tkksd_and_takes_its_province():
	assert R.check_subject(R.PASAL_12, "TKKSD-32", TKKSD, "32", None, None) == ("TKKSD-32", "32")
	# a province typed in by hand yields to the body's
	assert R.check_subject(R.PASAL_12, "TKKSD-32", TKKSD, "32", "33", PROVINSI) == ("TKKSD-32", "32")
	with pytest.raises(R.WrongBodyType):
		R.check_subject(R.PASAL_12, "SEKBER", SEKRETARIAT_BERSAMA, None, None, None)
	with pytest.raises(R.BodyRequired):
		R.check_subject(R.PASAL_12, None, None, None, "32", PROVINSI)


def test_pasal_13_names_a_province_and_no_body():
	assert R.check_subject(R.PASAL_13, "TKKSD-32", TKKSD, "32", "32", PROVINSI) == (None, "32")
	with pytest.raises(R.ProvinceRequired):
		R.check_subject(R.PASAL_13, None, None, None, None, None)
	with pytest.raises(R.NotAProvince) as e:
		R.check_subject(R.PASAL_13, None, None, None, "32.73", KOTA)
	assert (e.value.region, e.value.region_type) == ("32.73", KOTA)


def test_pasal_8_the_period_ends_on_or_after_its_start():
	R.check_period(START, END)
	R.check_period(START, START)
	with pytest.raises(R.PeriodReversed):
		R.check_period(END, START)


def test_pasal_13_the_gubernur_reports_on_what_he_supervises_through_the_tkksd():
	"""Pasal 3 and 9 (1): the KSAD Kabupaten/Kota of the province, supervised through its TKKSD."""
	assert R.scope_body(R.PASAL_13, None, "TKKSD-32", "32") == "TKKSD-32"
	assert R.scope_body(R.PASAL_12, "TKKSD-33", None, "33") == "TKKSD-33"
	assert R.scope_body(R.PASAL_8, "SEKBER", None, None) == "SEKBER"
	with pytest.raises(R.NoTkksd):
		R.scope_body(R.PASAL_13, None, None, "31")


# --- who prepares and who reads ------------------------------------------------


def test_pasal_8_only_a_member_of_the_sekretariat_bersama_prepares_its_report():
	R.check_author(R.PASAL_8, "SEKBER", None, {"SEKBER"}, set())
	with pytest.raises(R.NotAMember):
		R.check_author(R.PASAL_8, "SEKBER", None, {"TKKSD-32"}, {"32"})


def test_pasal_12_only_a_member_of_that_tkksd_prepares_its_report():
	R.check_author(R.PASAL_12, "TKKSD-32", "32", {"TKKSD-32"}, set())
	with pytest.raises(R.NotAMember) as e:
		R.check_author(R.PASAL_12, "TKKSD-32", "32", {"TKKSD-33"}, set())
	assert e.value.body == "TKKSD-32"
	# the Governor Office receives the TKKSD report, it does not write it
	with pytest.raises(R.NotAMember):
		R.check_author(R.PASAL_12, "TKKSD-32", "32", set(), {"32"})


def test_pasal_13_only_the_governor_office_of_the_province_prepares_the_gubernurs_report():
	R.check_author(R.PASAL_13, None, "32", set(), {"32"})
	with pytest.raises(R.NotTheirProvince) as e:
		R.check_author(R.PASAL_13, None, "33", set(), {"32"})
	assert (e.value.province, e.value.own) == ("33", ("32",))
	with pytest.raises(R.NotTheirProvince):
		R.check_author(R.PASAL_13, None, "32", {"TKKSD-32"}, set())
	R.check_author(R.PASAL_13, None, "33", set(), set(), superuser=True)


def test_pasal_12_the_governor_office_reads_the_tkksd_report_once_submitted():
	assert R.may_read(R.PASAL_12, "TKKSD-32", "32", 0, {"TKKSD-32"}, set())
	assert not R.may_read(R.PASAL_12, "TKKSD-32", "32", 0, set(), {"32"})
	assert R.may_read(R.PASAL_12, "TKKSD-32", "32", 1, set(), {"32"})
	assert not R.may_read(R.PASAL_12, "TKKSD-32", "32", 1, set(), {"33"})
	assert not R.may_read(R.PASAL_12, "TKKSD-32", "32", 1, {"TKKSD-33"}, set())


def test_pasal_13_and_8_who_reads():
	assert R.may_read(R.PASAL_13, None, "32", 0, set(), {"32"})
	assert not R.may_read(R.PASAL_13, None, "32", 1, {"TKKSD-32"}, set())
	assert R.may_read(R.PASAL_8, "SEKBER", None, 0, {"SEKBER"}, set())
	assert not R.may_read(R.PASAL_8, "SEKBER", None, 1, set(), {"32"})


def test_pasal_8_a_submitted_report_is_frozen_and_an_uncompiled_one_is_not_submitted():
	R.check_compile(0)
	for docstatus in (1, 2):
		with pytest.raises(R.ReportFrozen):
			R.check_compile(docstatus)
	R.check_submit(True)
	with pytest.raises(R.NotCompiled):
		R.check_submit(False)


def test_pasal_8_a_large_compile_runs_in_the_background():
	assert not R.runs_in_background(10_000)
	assert R.runs_in_background(10_001)
	assert R.runs_in_background(3, limit=2)


# --- cooperations by stage and by affair ---------------------------------------

COOPERATION_ROWS = [
	# (affair, last state by the end, reached before the start, count)
	("Lingkungan Hidup", None, False, 2),  # never moved: Penjajakan
	("Lingkungan Hidup", "Usulan Negosiasi", False, 1),  # request pending: still Penjajakan
	("Perhubungan", "Pelaksanaan", True, 3),
	(None, "Negosiasi", False, 1),
	("Perhubungan", "Selesai", False, 1),  # closed in the period: counted
	("Perhubungan", "Selesai", True, 5),  # closed before the period: left out
	("Lingkungan Hidup", "Dibatalkan", True, 4),  # cancelled before: left out
	("Lingkungan Hidup", "Dibatalkan", False, 1),
]


def test_pasal_8_cooperations_by_stage_at_the_end_of_the_period():
	lines = R.cooperations_by_stage(COOPERATION_ROWS)
	assert [line.label for line in lines] == [
		"Penjajakan",
		"Negosiasi",
		"Penandatanganan",
		"Pelaksanaan",
		"Pengakhiran",
		"Selesai",
		"Dibatalkan",
	]
	assert counts(lines) == {
		"Penjajakan": 3,
		"Negosiasi": 1,
		"Penandatanganan": 0,
		"Pelaksanaan": 3,
		"Pengakhiran": 0,
		"Selesai": 1,
		"Dibatalkan": 1,
	}
	assert {line.section for line in lines} == {R.SECTION_STAGE}


def test_pasal_12_cooperations_by_affair_most_first_without_affair_last_among_equals():
	lines = R.cooperations_by_affair(COOPERATION_ROWS)
	assert [(line.label, line.count) for line in lines] == [
		("Lingkungan Hidup", 4),
		("Perhubungan", 4),
		("", 1),
	]


def test_pasal_12_no_cooperations_lists_every_stage_at_zero():
	assert sum(line.count for line in R.cooperations_by_stage([])) == 0
	assert len(R.cooperations_by_stage([])) == 7
	assert R.cooperations_by_affair([]) == ()


# --- stage moves -----------------------------------------------------------------


def test_pasal_8_stage_moves_of_the_period_by_state_reached_and_action():
	lines = R.stage_moves(
		[
			("Setujui", "Usulan Pelaksanaan", "Pelaksanaan", 2),
			("Ajukan", "Penjajakan", "Usulan Negosiasi", 3),
			("Kembalikan", "Usulan Negosiasi", "Penjajakan", 1),
			("Setujui", "Usulan Negosiasi", "Negosiasi", 2),
			("Registrasi", None, "Pelaksanaan", 1),
			("Batalkan", "Negosiasi", "Dibatalkan", 1),
		]
	)
	assert [(line.label, line.description, line.count) for line in lines] == [
		("Usulan Negosiasi → Penjajakan", "Kembalikan", 1),
		("Penjajakan → Usulan Negosiasi", "Ajukan", 3),
		("Usulan Negosiasi → Negosiasi", "Setujui", 2),
		("Pelaksanaan", "Registrasi", 1),
		("Usulan Pelaksanaan → Pelaksanaan", "Setujui", 2),
		("Negosiasi → Dibatalkan", "Batalkan", 1),
	]


# --- activities --------------------------------------------------------------------


def test_pasal_7_and_11_activities_by_type_findings_and_follow_ups():
	summary = R.activities(
		[
			# (type, in period, has findings, follow-up status, due, count)
			(PEMBINAAN, True, False, None, None, 4),
			(PENGAWASAN, True, True, FOLLOW_UP_PENDING, date(2026, 7, 30), 2),  # pending, not yet due
			(PENGAWASAN, True, True, FOLLOW_UP_PENDING, date(2026, 7, 1), 1),  # overdue on TODAY
			(PENGAWASAN, True, False, FOLLOW_UP_DONE, date(2026, 5, 1), 1),  # done
			(
				PENGAWASAN,
				False,
				True,
				FOLLOW_UP_PENDING,
				date(2025, 12, 1),
				3,
			),  # before the period, still open
			(PEMBINAAN, False, False, None, None, 9),  # before the period: not counted
		],
		TODAY,
	)
	assert counts(summary.lines) == {PEMBINAAN: 4, PENGAWASAN: 4}
	assert summary.total == 8
	assert summary.findings == 3
	assert summary.follow_ups_open == 6
	assert summary.follow_ups_overdue == 4


def test_pasal_7_a_follow_up_due_today_is_not_yet_overdue():
	summary = R.activities([(PENGAWASAN, True, True, FOLLOW_UP_PENDING, TODAY, 1)], TODAY)
	assert (summary.follow_ups_open, summary.follow_ups_overdue) == (1, 0)


def test_pasal_6_and_10_guidance_items_in_the_order_of_the_articles():
	lines = R.guidance_items(
		[("10.d.4.c", 1), ("10.a.2", 3), ("10.a.1.b", 2), ("10.d.10", 1), ("6.a.1", 1), ("10.b.1", 0)],
		{"10.a.2": "memberikan asistensi"},
	)
	assert [line.label for line in lines] == ["6.a.1", "10.a.1.b", "10.a.2", "10.d.4.c", "10.d.10"]
	assert lines[2].description == "memberikan asistensi"
	assert lines[2].count == 3
	assert {line.section for line in lines} == {R.SECTION_GUIDANCE}


# --- problems and disputes -----------------------------------------------------------


def test_pasal_6_d_2_and_10_d_2_problems_and_disputes_raised_answered_decided_open():
	lines = R.issues(
		[
			# (type, status, raised on, decision date, count)
			(PERMASALAHAN, TERBUKA, date(2026, 2, 1), None, 2),
			(PERMASALAHAN, DALAM_PERTIMBANGAN, date(2026, 3, 1), None, 1),
			(PERMASALAHAN, SELESAI, date(2025, 11, 1), date(2026, 1, 10), 1),  # raised before, decided in
			(PERSELISIHAN, SELESAI, date(2025, 10, 1), date(2025, 12, 1), 4),  # settled before the period
			(PERSELISIHAN, DALAM_PERTIMBANGAN, date(2025, 9, 1), None, 1),
			(PERSELISIHAN, TERBUKA, date(2026, 7, 2), None, 7),  # raised after the end: ignored
		],
		START,
		END,
	)
	by_type = {i.issue_type: (i.raised, i.answered, i.decided, i.still_open) for i in lines}
	assert by_type == {PERMASALAHAN: (3, 2, 1, 3), PERSELISIHAN: (0, 5, 0, 1)}
	assert [i.issue_type for i in lines] == [PERMASALAHAN, PERSELISIHAN]


def test_pasal_10_d_2_no_issues_lists_both_types_at_zero():
	assert [(i.issue_type, i.raised, i.still_open) for i in R.issues([], START, END)] == [
		(PERMASALAHAN, 0, 0),
		(PERSELISIHAN, 0, 0),
	]


# --- terminations ------------------------------------------------------------------------


def test_pasal_6_d_4_terminations_and_their_division_in_whole_rupiah():
	from decimal import Decimal

	totals = R.terminations([(2, Decimal("150000000.000000000"), Decimal("20000000"), Decimal("130000000"))])
	assert totals == R.TerminationTotals(2, 150_000_000, 20_000_000, 130_000_000)
	assert R.terminations([(0, None, None, None)]) == R.TerminationTotals()
	assert R.terminations([(1, 10, 25, -15)]).net_value == -15
	assert R.rupiah(Decimal("0.5")) == 1


# --- the TKKSD reports of the period (Pasal 13) -------------------------------------------


def test_pasal_13_lists_the_tkksd_reports_whose_period_overlaps():
	rows = [
		{"name": "B", "period_start": date(2026, 4, 1), "period_end": date(2026, 9, 30)},
		{"name": "A", "period_start": date(2025, 7, 1), "period_end": date(2025, 12, 31)},
		{"name": "C", "period_start": date(2026, 1, 1), "period_end": date(2026, 3, 31)},
		{"name": "D", "period_start": date(2025, 12, 31), "period_end": date(2026, 1, 1)},
	]
	assert [r["name"] for r in R.tkksd_reports(rows, START, END)] == ["D", "C", "B"]
	assert R.overlaps(START, END, END, END)
	assert not R.overlaps(START, END, date(2026, 7, 1), date(2026, 7, 2))


# --- a whole report ---------------------------------------------------------------------------


def test_pasal_12_a_whole_report_adds_up():
	compiled = R.compile_sections(
		cooperations=COOPERATION_ROWS,
		moves=[
			("Ajukan", "Penjajakan", "Usulan Negosiasi", 3),
			("Setujui", "Usulan Negosiasi", "Negosiasi", 2),
		],
		activity_rows=[
			(PEMBINAAN, True, False, None, None, 4),
			(PENGAWASAN, True, True, FOLLOW_UP_PENDING, date(2026, 7, 1), 1),
		],
		guidance_rows=[("10.a.2", 4)],
		descriptions={},
		issue_rows=[(PERMASALAHAN, TERBUKA, date(2026, 2, 1), None, 2)],
		termination_rows=[(1, 100, 40, 60)],
		start=START,
		end=END,
		today=TODAY,
	)
	assert set(compiled.totals) == set(R.TOTALS)
	assert compiled.totals == {
		"cooperation_count": 9,
		"stage_moves": 5,
		"activity_count": 5,
		"pembinaan_count": 4,
		"pengawasan_count": 1,
		"findings_count": 1,
		"follow_ups_open": 1,
		"follow_ups_overdue": 1,
		"issues_raised": 2,
		"issues_answered": 0,
		"issues_decided": 0,
		"issues_open": 2,
		"termination_count": 1,
		"termination_total_assets": 100,
		"termination_total_liabilities": 40,
		"termination_net_value": 60,
	}
	sections = [line.section for line in compiled.lines]
	# sections in the order they print, each in one block
	assert sections == sorted(sections, key=R.SECTIONS.index)
	assert sum(line.count for line in compiled.lines if line.section == R.SECTION_AFFAIR) == 9


def test_pasal_8_compiling_twice_gives_the_same_sections():
	kwargs = dict(
		cooperations=COOPERATION_ROWS,
		moves=[],
		activity_rows=[],
		guidance_rows=[],
		descriptions={},
		issue_rows=[],
		termination_rows=[],
		start=START,
		end=END,
		today=TODAY,
	)
	assert R.compile_sections(**kwargs) == R.compile_sections(**kwargs)
