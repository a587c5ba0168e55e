"""Who supervises a cooperation (Pasal 2, 3, 5 and 9).

* Pasal 2: the Minister supervises provincial KSAD, through the Sekretariat
  Bersama (Pasal 5). A cooperation with any province among its parties is a
  provincial KSAD.
* Pasal 3: the Gubernur supervises the KSAD of the kabupaten/kota in his
  province, assisted by its Tim Koordinasi Kerja Sama Daerah (Pasal 9).
  Kabupaten/kota of several provinces are supervised jointly by the TKKSD of
  each of those provinces.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ksad_app.domain import RuleViolation
from ksad_app.domain.regions import PROVINSI, Region

SEKRETARIAT_BERSAMA = "Sekretariat Bersama"
TKKSD = "Tim Koordinasi Kerja Sama Daerah"
BODY_TYPES = (SEKRETARIAT_BERSAMA, TKKSD)

# Pasal 9 ayat (2): the members a TKKSD must have.
TKKSD_POSITIONS = (
	"Sekretaris Daerah",
	"Asisten yang membidangi kerja sama daerah",
	"Kepala Badan Perencanaan Pembangunan Daerah",
	"Kepala Badan/Kepala Biro yang membidangi kerja sama daerah",
	"Kepala Biro Hukum",
	"Kepala Biro Pemerintahan",
	"Kepala SKPD yang membidangi keuangan dan pengelolaan aset",
	"SKPD teknis yang terkait objek kerja sama daerah",
)
# Pasal 5 ayat (2): what the Sekretariat Bersama is made of.
SEKRETARIAT_BERSAMA_ELEMENTS = (
	"Unsur Departemen Dalam Negeri",
	"Wakil Departemen/Lembaga Pemerintah Non Departemen terkait",
	"Tenaga profesional",
)
OTHER_POSITION = "Lainnya"

# Pasal 5 ayat (3) and Pasal 9 ayat (3): where each body is seated.
SEKRETARIAT_BERSAMA_SEAT = "Direktorat Jenderal Pemerintahan Umum, Kementerian Dalam Negeri"
TKKSD_SEAT = "Sekretariat Daerah Provinsi {province}"


@dataclass(frozen=True, order=True)
class SupervisorKey:
	"""Which body: the Sekretariat Bersama (``province`` None) or a province's TKKSD."""

	body_type: str
	province: str | None = None


SEKRETARIAT_BERSAMA_KEY = SupervisorKey(SEKRETARIAT_BERSAMA)


@dataclass
class MissingSupervisoryBody(RuleViolation):
	"""The body the regulation assigns has not been registered."""

	keys: tuple[SupervisorKey, ...]


@dataclass
class BodyProvinceRequired(RuleViolation):
	"""A TKKSD belongs to exactly one province (Pasal 9 ayat (1), (3))."""


@dataclass
class BodyProvinceNotAllowed(RuleViolation):
	"""The Sekretariat Bersama is national (Pasal 5 ayat (3)); it has no province."""


@dataclass
class BodyProvinceNotAProvince(RuleViolation):
	"""A TKKSD was tied to a kabupaten/kota instead of a province."""

	code: str


@dataclass
class PositionNotForBody(RuleViolation):
	"""A member's position belongs to the other kind of body."""

	position: str
	body_type: str


def required_supervisors(parties: Iterable[Region]) -> tuple[SupervisorKey, ...]:
	"""The bodies that supervise a cooperation between ``parties`` (Pasal 2 and 3)."""
	parties = list(parties)
	if any(p.is_province for p in parties):
		return (SEKRETARIAT_BERSAMA_KEY,)
	provinces = sorted({p.province for p in parties})
	return tuple(SupervisorKey(TKKSD, code) for code in provinces)


def assign_supervisors(parties: Iterable[Region], bodies: Mapping[SupervisorKey, str]) -> list[str]:
	"""The names of the registered bodies that supervise the cooperation.

	``bodies`` maps each registered body's key to its document name. Raises
	:class:`MissingSupervisoryBody` naming every body that is required but
	not registered.
	"""
	keys = required_supervisors(parties)
	missing = tuple(k for k in keys if k not in bodies)
	if missing:
		raise MissingSupervisoryBody(missing)
	return [bodies[k] for k in keys]


def check_body(body_type: str, province_type: str | None, province: str | None) -> None:
	"""A TKKSD has a province and it is a province; the Sekretariat Bersama has none."""
	if body_type == TKKSD:
		if not province:
			raise BodyProvinceRequired()
		if province_type != PROVINSI:
			raise BodyProvinceNotAProvince(province)
	elif province:
		raise BodyProvinceNotAllowed()


def positions_for(body_type: str) -> tuple[str, ...]:
	"""The positions a member of this kind of body may hold."""
	base = TKKSD_POSITIONS if body_type == TKKSD else SEKRETARIAT_BERSAMA_ELEMENTS
	return (*base, OTHER_POSITION)


def check_positions(body_type: str, positions: Sequence[str]) -> None:
	"""Each member's position must be one of its body's (Pasal 5 ayat (2), Pasal 9 ayat (2))."""
	allowed = positions_for(body_type)
	for position in positions:
		if position and position not in allowed:
			raise PositionNotForBody(position, body_type)


def missing_tkksd_positions(positions: Iterable[str]) -> list[str]:
	"""The positions of Pasal 9 ayat (2) that no member of a TKKSD holds, in the article's order."""
	held = set(positions)
	return [p for p in TKKSD_POSITIONS if p not in held]


def default_seat(body_type: str, province_name: str | None) -> str:
	"""The seat the regulation gives a body (Pasal 5 ayat (3), Pasal 9 ayat (3))."""
	if body_type == TKKSD:
		return TKKSD_SEAT.format(province=province_name)
	return SEKRETARIAT_BERSAMA_SEAT
