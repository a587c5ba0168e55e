"""The tables of the reports (issue 8) from plain values: stages as columns, months of a period, ending soon.

Pasal 8, 12 and 13 have the bodies and the Gubernur report on their guidance
and supervision; the script reports of module KSAD give them and the
Ministry the figures. What those figures mean is decided here:

* the stages of Pasal 4, in their order, then *Dibatalkan*, are the columns
  of the national view;
* a cooperation counts for the province of each of its parties: a region's
  province is the part of its Kemendagri code before the first dot (``32``
  for ``32.73`` and for ``32`` itself; ``regions.check_parent`` keeps the
  codes so);
* a month is ``YYYY-MM``; a period shows every month from its first to its
  last day, also the months without activity;
* a cooperation in Pelaksanaan is *ending soon* when its end date is within
  the given number of days from today (Pasal 6 d.4 / 10 d.4: the parties
  prepare the termination before the end); one whose end date has passed
  while it is still in Pelaksanaan is *overdue*, and is listed too unless
  asked otherwise;
* a party has *completed* its part of a termination when nothing of items d
  and e is outstanding for it (``division.outstanding``).
"""

from collections.abc import Iterable
from datetime import date, timedelta

from ksad_app.domain.division import PartyFollowUp, outstanding
from ksad_app.domain.stages import DIBATALKAN, STAGES

STAGE_COLUMNS = (*STAGES, DIBATALKAN)
DEFAULT_ENDING_DAYS = 180


def province_code(code: str) -> str:
	"""The province of a region by its Kemendagri code: ``32.73`` -> ``32``, ``32`` -> ``32``."""
	return code.split(".", 1)[0]


def recap_period(start: date | None, end: date | None, today: date) -> tuple[date, date]:
	"""The period of a recap: as given; without a start, from the 1st of January of the end's year; without an end, today."""
	end = end or today
	return (start or date(end.year, 1, 1)), end


def month_key(day: date) -> str:
	return f"{day.year:04d}-{day.month:02d}"


def months(first: date, last: date) -> list[str]:
	"""Every month from ``first`` to ``last`` (inclusive), as ``YYYY-MM``; empty when ``last`` is before ``first``."""
	out = []
	year, month = first.year, first.month
	while (year, month) <= (last.year, last.month):
		out.append(f"{year:04d}-{month:02d}")
		year, month = (year + 1, 1) if month == 12 else (year, month + 1)
	return out


def pivot(cells: Iterable[tuple[object, str, int]]) -> dict[object, dict[str, int]]:
	"""``(row, column, count)`` cells as ``{row: {column: count}}``, adding up repeated cells."""
	out: dict[object, dict[str, int]] = {}
	for row, column, count in cells:
		line = out.setdefault(row, {})
		line[column] = line.get(column, 0) + int(count or 0)
	return out


def ending_window(today: date, days: int, include_overdue: bool = True) -> tuple[date | None, date]:
	"""The end dates that count as ending soon: ``(from, to)``; ``from`` is None when overdue ones count too."""
	days = max(int(days), 0)
	return (None if include_overdue else today), today + timedelta(days=days)


def days_left(end: date, today: date) -> int:
	"""Days from today to the end date; negative once it has passed."""
	return (end - today).days


def party_outstanding(follow_up: PartyFollowUp) -> tuple[str, ...]:
	"""What one party must still do after the termination is submitted (items d and e), in the regulation's order."""
	return tuple(item for _party, item in outstanding([follow_up]))


def follow_up(
	party: str,
	cash_balance: int,
	received_goods: bool,
	deposit_reference: str | None = None,
	deposit_date: date | None = None,
	assets_recorded: bool = False,
	asset_record_reference: str | None = None,
	dprd_report_number: str | None = None,
	dprd_report_date: date | None = None,
) -> PartyFollowUp:
	"""A party's row of a termination as items d and e see it: each item done only with its reference and date."""
	return PartyFollowUp(
		party=party,
		cash_balance=cash_balance,
		received_goods=received_goods,
		deposit_done=bool(deposit_reference and deposit_date),
		assets_recorded=bool(assets_recorded and asset_record_reference),
		dprd_reported=bool(dprd_report_number and dprd_report_date),
	)
