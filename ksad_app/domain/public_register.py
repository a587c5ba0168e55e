"""The public register: which cooperations anyone may read, and which of their fields.

UU 14/2008 (Keterbukaan Informasi Publik) makes a region's cooperation
agreements public information; Permendagri 23/2009 names what a cooperation
is (its parties, object, supervising body, stages). A cooperation is published
from Penandatanganan on, when the signed agreement exists, unless a KSAD
Manager or an officer of one of its parties withdrew it from the register with
a reason. A cancelled cooperation (Dibatalkan) never was an agreement and is
never published.

Only the fields of :data:`PUBLIC_COLUMNS` ever leave the site for a visitor:
never internal notes, findings, problems and disputes, files, officers' names
or e-mail addresses. The list is fixed here; no request chooses it.
"""

from dataclasses import dataclass
from datetime import date

from ksad_app.domain import RuleViolation
from ksad_app.domain.stages import DIBATALKAN, PELAKSANAAN, PENANDATANGANAN, PENGAKHIRAN, SELESAI

# Stages at which a signed agreement exists (Pasal 4 c-d and the end).
PUBLISHED_STAGES = (PENANDATANGANAN, PELAKSANAAN, PENGAKHIRAN, SELESAI)

# The fields of Inter-Regional Cooperation that say whether it is published; not the parties' data.
PUBLICATION_FIELDS = frozenset({"show_in_public_register", "public_register_reason"})

# The public columns, in the order of the open data, with their English headings (translated on the page).
PUBLIC_COLUMNS = (
	("name", "Number"),
	("title", "Title"),
	("cooperation_object", "Object of Cooperation"),
	("government_affair", "Government Affair"),
	("parties", "Parties"),
	("cooperation_level", "Level"),
	("supervisory_bodies", "Supervisory Bodies"),
	("stage", "Stage"),
	("start_date", "Start Date"),
	("end_date", "End Date"),
	("pks_number", "PKS Number"),
	("pks_date", "PKS Date"),
	("dprd_approval", "DPRD Approval"),
	("dprd_approval_date", "DPRD Approval Date"),
)
PUBLIC_FIELDNAMES = tuple(name for name, _label in PUBLIC_COLUMNS)
# Columns read straight from the cooperation's own row (the others are gathered from its tables).
COOPERATION_COLUMNS = (
	"name",
	"title",
	"cooperation_object",
	"government_affair",
	"cooperation_level",
	"stage",
	"start_date",
	"end_date",
	"pks_number",
	"pks_date",
	"dprd_approval_required",
	"dprd_approval_date",
)

PAGE_SIZE = 20
MAX_PAGE = 5_000
MAX_QUERY = 100
MAX_OPEN_DATA_ROWS = 50_000
FIRST_YEAR, LAST_YEAR = 1945, 2100
OPEN_DATA_FORMATS = ("csv", "json")


def is_published(stage: str | None, show_in_public_register: bool | int | None) -> bool:
	"""Is a cooperation at ``stage`` in the public register?"""
	if stage == DIBATALKAN or stage not in PUBLISHED_STAGES:
		return False
	return bool(show_in_public_register)


class PublicationReasonMissing(RuleViolation):
	"""A cooperation withdrawn from the register without a reason."""


class NotAllowedToChangePublication(RuleViolation):
	"""Only a KSAD Manager or an officer of a party decides whether a cooperation is published."""


def check_publication_change(
	before_show: bool | None, show: bool, reason: str | None, may_change: bool
) -> None:
	"""A change of ``show_in_public_register`` (``before_show`` None for a new cooperation).

	Withdrawing needs a reason; changing the choice either way needs a KSAD
	Manager or an officer of a party (``may_change``). A new cooperation that
	keeps the default (published) changes nothing.
	"""
	changed = (before_show is None and not show) or (before_show is not None and bool(before_show) != show)
	if changed and not may_change:
		raise NotAllowedToChangePublication()
	if not show and not (reason or "").strip():
		raise PublicationReasonMissing()


@dataclass(frozen=True)
class Filters:
	"""A visitor's filters, normalised: anything malformed is dropped, never passed on."""

	province: str | None = None
	region: str | None = None
	affair: str | None = None
	stage: str | None = None
	year: int | None = None
	q: str | None = None
	page: int = 1

	def key(self) -> str:
		"""A stable cache key of the filters."""
		return "|".join(
			str(getattr(self, f) or "") for f in ("province", "region", "affair", "stage", "year", "q")
		)

	def query_args(self, page: int | None = None) -> dict[str, str]:
		"""The filters as URL arguments (empty ones left out)."""
		args = {
			f: str(getattr(self, f))
			for f in ("province", "region", "affair", "stage", "year", "q")
			if getattr(self, f)
		}
		page = self.page if page is None else page
		if page > 1:
			args["page"] = str(page)
		return args


def _code(value, province: bool) -> str | None:
	"""A region code as Kemendagri writes it: ``32`` (province) or ``32.73`` (kab/kota)."""
	value = str(value or "").strip()
	parts = value.split(".")
	if province:
		ok = len(parts) == 1 and len(value) == 2 and value.isdigit()
	else:
		ok = len(parts) == 2 and all(len(p) == 2 and p.isdigit() for p in parts)
	return value if ok else None


def _int(value, low: int, high: int) -> int | None:
	try:
		number = int(str(value).strip())
	except (TypeError, ValueError):
		return None
	return number if low <= number <= high else None


def _text(value, limit: int) -> str | None:
	if not isinstance(value, str):
		return None
	text = " ".join(value.split())[:limit]
	return text or None


def normalise_filters(values: dict) -> Filters:
	"""The filters of a request, from its arguments; unknown arguments are ignored."""
	region = _code(values.get("region"), province=False)
	province = _code(values.get("province"), province=True)
	if region and not province:
		province = region.split(".")[0]
	if region and province and not region.startswith(province + "."):
		region = None
	stage = values.get("stage")
	return Filters(
		province=province,
		region=region,
		affair=_text(values.get("affair"), 140),
		stage=stage if stage in PUBLISHED_STAGES else None,
		year=_int(values.get("year"), FIRST_YEAR, LAST_YEAR),
		q=_text(values.get("q"), MAX_QUERY),
		page=_int(values.get("page"), 1, MAX_PAGE) or 1,
	)


def like_pattern(text: str) -> str:
	"""``%text%`` for SQL LIKE, with the wildcards of ``text`` taken literally."""
	escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
	return f"%{escaped}%"


def year_range(year: int) -> tuple[date, date]:
	"""A cooperation runs in ``year`` when it starts before its end and ends (or runs on) after its start."""
	return date(year, 1, 1), date(year, 12, 31)


def page_count(total: int, page_size: int = PAGE_SIZE) -> int:
	return max(1, -(-total // page_size))


def page_numbers(page: int, pages: int, around: int = 2) -> list[int | None]:
	"""The page links to show: the first, the last and ``around`` on each side (None where pages are skipped)."""
	shown = sorted({1, pages, *range(max(1, page - around), min(pages, page + around) + 1)})
	out: list[int | None] = []
	for number in shown:
		if out and number - (out[-1] or 0) > 1:
			out.append(None)
		out.append(number)
	return out


def public_row(record: dict, parties: list[str], bodies: list[str]) -> dict:
	"""The public columns of one cooperation, from its row and the names of its parties and bodies."""
	approved = bool(record.get("dprd_approval_required"))
	values = {
		"parties": "; ".join(parties),
		"supervisory_bodies": "; ".join(bodies),
		"dprd_approval": approved,
		"dprd_approval_date": record.get("dprd_approval_date") if approved else None,
	}
	return {f: values[f] if f in values else record.get(f) for f in PUBLIC_FIELDNAMES}


def csv_value(value) -> str:
	"""A public value as a CSV cell: dates in ISO form, yes/no as 1/0, a formula never (a leading ``=+-@`` quoted)."""
	if value is None:
		return ""
	if isinstance(value, bool):
		return "1" if value else "0"
	if isinstance(value, date):
		return value.isoformat()
	text = str(value)
	if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
		return "'" + text
	return text
