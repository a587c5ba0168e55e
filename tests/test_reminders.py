"""Pasal 6 d.4 / 10 d.4: reminding the parties to prepare the termination, before the end date."""

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ksad_app.domain import reminders as R
from ksad_app.domain.supervision import SEKRETARIAT_BERSAMA, TKKSD

DATA = Path(__file__).resolve().parent.parent / "ksad_app" / "data" / "guidance_item.csv"
END = date(2031, 2, 28)
DEFAULT = (180, 90, 30)


def days_before(days: int, end: date = END) -> date:
	return end - timedelta(days=days)


# --- the setting -------------------------------------------------------------------------------------


def test_pasal_6_d_4_default_thresholds():
	assert R.parse_thresholds(R.DEFAULT_THRESHOLDS) == DEFAULT


@pytest.mark.parametrize(
	"text, expected",
	[
		("30, 90, 180", (180, 90, 30)),
		("30 90 180", (180, 90, 30)),
		(" 7;1 ,, 365 ", (365, 7, 1)),
		("3650", (3650,)),
		("+14", (14,)),
	],
)
def test_pasal_6_d_4_thresholds_any_order_and_separator(text, expected):
	assert R.parse_thresholds(text) == expected


@pytest.mark.parametrize(
	"text, error, facts",
	[
		("", R.NoThresholds, {}),
		(None, R.NoThresholds, {}),
		(" , ; ", R.NoThresholds, {}),
		("180, 90 hari", R.NotWholeDays, {"token": "hari"}),
		("1.5", R.NotWholeDays, {"token": "1.5"}),
		("90, 0", R.ThresholdNotPositive, {"days": 0}),
		("-30", R.ThresholdNotPositive, {"days": -30}),
		("3651", R.ThresholdTooFar, {"days": 3651, "maximum": 3650}),
		("90, 30, 90", R.DuplicateThreshold, {"days": 90}),
	],
)
def test_pasal_6_d_4_bad_thresholds_are_refused_with_their_facts(text, error, facts):
	with pytest.raises(error) as e:
		R.parse_thresholds(text)
	for key, value in facts.items():
		assert getattr(e.value, key) == value


def test_pasal_6_d_4_thresholds_are_stored_normalised():
	assert R.format_thresholds(R.parse_thresholds("30 180 90")) == "180, 90, 30"


@given(st.sets(st.integers(min_value=1, max_value=R.MAX_THRESHOLD_DAYS), min_size=1, max_size=8))
def test_pasal_6_d_4_thresholds_round_trip(days):
	parsed = R.parse_thresholds(R.format_thresholds(days))
	assert parsed == tuple(sorted(days, reverse=True))


# --- what is due on a day ---------------------------------------------------------------------------


def test_pasal_6_d_4_nothing_before_the_first_threshold():
	assert R.due(END, days_before(181), DEFAULT, []) is None


def test_pasal_6_d_4_each_threshold_on_its_day_once():
	first = R.due(END, days_before(180), DEFAULT, [])
	assert first == R.Announcement(threshold_days=180, days_left=180, end_date=END, record=(180,))
	sent = [(180, END)]
	assert R.due(END, days_before(180), DEFAULT, sent) is None
	assert R.due(END, days_before(91), DEFAULT, sent) is None
	assert R.due(END, days_before(90), DEFAULT, sent).record == (90,)


def test_pasal_6_d_4_skipped_days_send_one_reminder_for_the_nearest_threshold():
	"""The job did not run from 180 to 25 days before the end: one reminder, 30 named, all recorded."""
	a = R.due(END, days_before(25), DEFAULT, [])
	assert (a.threshold_days, a.days_left, a.record, a.passed) == (30, 25, (180, 90, 30), False)
	assert R.due(END, days_before(25), DEFAULT, [(d, END) for d in a.record]) is None


def test_pasal_6_d_4_end_date_passed_gets_the_smallest_threshold_once():
	a = R.due(END, END + timedelta(days=3), DEFAULT, [(180, END)])
	assert (a.threshold_days, a.days_left, a.passed, a.record) == (30, -3, True, (90, 30))
	assert R.due(END, END + timedelta(days=4), DEFAULT, [(180, END), (90, END), (30, END)]) is None
	# the smallest was sent before the end: nothing more after it
	assert R.due(END, END + timedelta(days=4), DEFAULT, [(30, END)]) is None


def test_pasal_6_d_4_on_the_end_date_itself():
	a = R.due(END, END, DEFAULT, [(180, END), (90, END)])
	assert (a.threshold_days, a.days_left, a.passed) == (30, 0, False)


def test_pasal_6_d_4_an_extension_starts_afresh():
	"""Reminders are kept per end date: a new end date is reminded of again."""
	old = [(180, END), (90, END), (30, END)]
	new_end = END + timedelta(days=365)
	assert R.due(new_end, days_before(180, new_end), DEFAULT, old).record == (180,)


def test_pasal_6_d_4_a_threshold_added_later_is_not_announced_after_a_nearer_one():
	"""Thresholds changed from 30 to 180, 90, 30 with 20 days left: the 30 reminder already went out."""
	assert R.due(END, days_before(20), DEFAULT, [(30, END)]) is None


def test_pasal_6_d_4_a_threshold_added_later_that_is_nearer_is_announced():
	a = R.due(END, days_before(7), (180, 90, 30, 7), [(180, END), (90, END), (30, END)])
	assert (a.threshold_days, a.record) == (7, (7,))


def test_pasal_6_d_4_no_thresholds_nothing_due():
	assert R.due(END, END, (), []) is None


# Properties over random end dates, thresholds and sequences of days on which the job runs.

thresholds_strategy = st.sets(st.integers(min_value=1, max_value=400), min_size=1, max_size=5)


@st.composite
def job_days(draw):
	"""An end date, thresholds and the ascending days on which the job ran (gaps = skipped days)."""
	end = date(2030, 1, 1) + timedelta(days=draw(st.integers(min_value=0, max_value=3000)))
	thresholds = draw(thresholds_strategy)
	start = end - timedelta(days=draw(st.integers(min_value=0, max_value=450)))
	gaps = draw(st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=40))
	days, day = [], start
	for gap in gaps:
		days.append(day)
		day += timedelta(days=gap)
	return end, tuple(sorted(thresholds, reverse=True)), days


def run_job(end, thresholds, days):
	"""Simulate the daily job: returns the announcements and the thresholds recorded."""
	sent: list[tuple[int, date]] = []
	announced = []
	for day in days:
		a = R.due(end, day, thresholds, sent)
		if a:
			announced.append((day, a))
			sent += [(t, end) for t in a.record]
	return announced, sent


@given(job_days())
def test_pasal_6_d_4_property_each_threshold_announced_at_most_once_and_recorded_once(case):
	end, thresholds, days = case
	announced, sent = run_job(end, thresholds, days)
	named = [a.threshold_days for _, a in announced]
	assert len(named) == len(set(named))
	recorded = [t for t, _ in sent]
	assert len(recorded) == len(set(recorded))
	# at most one reminder a day, and each one names a threshold it records
	assert len({d for d, _ in announced}) == len(announced)
	assert all(a.threshold_days in a.record for _, a in announced)


@given(job_days())
def test_pasal_6_d_4_property_none_missed(case):
	"""After the job ran on a day, every threshold due by then is recorded."""
	end, thresholds, days = case
	sent: list[tuple[int, date]] = []
	for day in days:
		a = R.due(end, day, thresholds, sent)
		if a:
			sent += [(t, end) for t in a.record]
		due_by_now = {t for t in thresholds if day >= end - timedelta(days=t)}
		assert due_by_now <= {t for t, _ in sent}


@given(job_days())
def test_pasal_6_d_4_property_reminders_come_nearer_and_name_the_true_days_left(case):
	end, thresholds, days = case
	announced, _ = run_job(end, thresholds, days)
	named = [a.threshold_days for _, a in announced]
	assert named == sorted(named, reverse=True)
	for day, a in announced:
		assert a.days_left == (end - day).days
		if a.passed:
			assert a.threshold_days == min(thresholds)
		else:
			assert 0 <= a.days_left <= a.threshold_days


@given(job_days(), st.integers(min_value=0, max_value=5))
def test_pasal_6_d_4_property_running_twice_a_day_sends_nothing_more(case, repeat):
	end, thresholds, days = case
	once, _ = run_job(end, thresholds, days)
	again, _ = run_job(end, thresholds, [d for d in days for _ in range(repeat + 1)])
	assert [(d, a.threshold_days) for d, a in once] == [(d, a.threshold_days) for d, a in again]


# --- the points a) to f) ----------------------------------------------------------------------------


def catalogue() -> dict[str, str]:
	with open(DATA, newline="", encoding="utf-8") as f:
		return {r["code"]: r["description"] for r in csv.DictReader(f)}


def test_pasal_6_d_4_and_10_d_4_items_a_to_f_are_in_the_catalogue():
	rows = catalogue()
	assert R.termination_items(SEKRETARIAT_BERSAMA) == tuple(f"6.d.4.{x}" for x in "abcdef")
	assert R.termination_items(TKKSD) == tuple(f"10.d.4.{x}" for x in "abcdef")
	for code in R.termination_items(SEKRETARIAT_BERSAMA) + R.termination_items(TKKSD):
		lead, point = R.split_lead_in(rows[code])
		assert lead == "mengingatkan para pihak untuk melakukan persiapan pengakhiran, antara lain"
		assert point
	assert R.split_lead_in(rows["10.d.4.a"])[1].startswith("inventarisasi atas barang bergerak")


def test_pasal_6_d_4_unknown_body_type():
	with pytest.raises(R.UnknownBodyType):
		R.termination_items("Dinas")


def test_pasal_6_d_4_text_without_lead_in():
	assert R.split_lead_in("penyiapan laporan") == ("", "penyiapan laporan")
