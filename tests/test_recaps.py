"""Issue 8, the tables of the reports from plain values (Pasal 4, 6 d.4 / 10 d.4, 8, 12, 13)."""

from datetime import date

from ksad_app.domain import recaps as R
from ksad_app.domain.division import ASSET_RECORDING, DEPOSIT, DPRD_REPORT
from ksad_app.domain.stages import DIBATALKAN, PENJAJAKAN, SELESAI, STAGES

TODAY = date(2026, 7, 15)


def test_pasal_4_stage_columns_in_the_regulations_order_then_cancelled():
	assert R.STAGE_COLUMNS == (*STAGES, DIBATALKAN)
	assert R.STAGE_COLUMNS[0] == PENJAJAKAN
	assert R.STAGE_COLUMNS[-2:] == (SELESAI, DIBATALKAN)


def test_pasal_12_13_months_of_a_period_every_month_also_without_activity():
	assert R.months(date(2025, 11, 15), date(2026, 2, 1)) == ["2025-11", "2025-12", "2026-01", "2026-02"]
	assert R.months(date(2026, 3, 31), date(2026, 3, 1)) == ["2026-03"]
	assert R.months(date(2026, 4, 1), date(2026, 3, 31)) == []
	assert R.month_key(date(2026, 1, 9)) == "2026-01"


def test_pasal_8_13_a_cooperation_counts_for_the_province_of_each_party():
	assert R.province_code("32.73") == "32"
	assert R.province_code("32") == "32"
	assert R.province_code("91.71") == "91"


def test_pasal_12_13_recap_period_defaults_to_this_year_to_date():
	assert R.recap_period(None, None, TODAY) == (date(2026, 1, 1), TODAY)
	assert R.recap_period(None, date(2025, 6, 30), TODAY) == (date(2025, 1, 1), date(2025, 6, 30))
	assert R.recap_period(date(2024, 3, 1), None, TODAY) == (date(2024, 3, 1), TODAY)


def test_pasal_8_pivot_adds_up_repeated_cells():
	cells = [
		("32", "Penjajakan", 2),
		("32", "Pelaksanaan", 1),
		("33", "Penjajakan", 1),
		("32", "Penjajakan", 3),
	]
	assert R.pivot(cells) == {"32": {"Penjajakan": 5, "Pelaksanaan": 1}, "33": {"Penjajakan": 1}}
	assert R.pivot([]) == {}


def test_pasal_10_d_4_ending_window_with_and_without_the_overdue():
	assert R.ending_window(TODAY, 180) == (None, date(2027, 1, 11))
	assert R.ending_window(TODAY, 30, include_overdue=False) == (TODAY, date(2026, 8, 14))
	# a negative number of days counts as none: only today, and the overdue
	assert R.ending_window(TODAY, -5) == (None, TODAY)
	assert R.DEFAULT_ENDING_DAYS == 180


def test_pasal_10_d_4_days_left_negative_once_the_end_date_passed():
	assert R.days_left(date(2026, 10, 23), TODAY) == 100
	assert R.days_left(TODAY, TODAY) == 0
	assert R.days_left(date(2026, 7, 10), TODAY) == -5


def test_pasal_10_d_4_d_e_a_party_is_complete_with_reference_and_date_of_each_item():
	done = R.follow_up(
		"32.73",
		-59_999_999,
		True,
		deposit_reference="STS 12",
		deposit_date=TODAY,
		assets_recorded=True,
		asset_record_reference="KIB A no. 1044",
		dprd_report_number="900/77/Pem",
		dprd_report_date=TODAY,
	)
	assert R.party_outstanding(done) == ()
	nothing = R.follow_up("32.77", 209_999_999, True)
	assert R.party_outstanding(nothing) == (DEPOSIT, ASSET_RECORDING, DPRD_REPORT)
	# a reference without its date is not done
	half = R.follow_up("32.77", 1, False, deposit_reference="STS 13", dprd_report_number="900/78/Pem")
	assert R.party_outstanding(half) == (DEPOSIT, DPRD_REPORT)
	# no cash to move and no goods received: only the DPRD report is owed
	assert R.party_outstanding(R.follow_up("32", 0, False)) == (DPRD_REPORT,)
	# goods ticked as recorded without the reference are not recorded
	ticked = R.follow_up("32", 0, True, assets_recorded=True, dprd_report_number="1", dprd_report_date=TODAY)
	assert R.party_outstanding(ticked) == (ASSET_RECORDING,)
