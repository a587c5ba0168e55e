"""Regions as the regulation sees them (Pasal 1 angka 1-3)."""

from dataclasses import dataclass

from ksad_app.domain import RuleViolation

PROVINSI = "Provinsi"
KABUPATEN = "Kabupaten"
KOTA = "Kota"
REGION_TYPES = (PROVINSI, KABUPATEN, KOTA)

# Pasal 1 angka 3: Kepala Daerah adalah Gubernur, Bupati atau Walikota.
HEAD_TITLES = {PROVINSI: "Gubernur", KABUPATEN: "Bupati", KOTA: "Walikota"}


@dataclass(frozen=True)
class Region:
	"""A daerah taking part in a cooperation.

	``province`` is the region's own code for a province and its parent's code
	for a kabupaten/kota.
	"""

	code: str
	region_type: str
	province: str
	is_autonomous: bool = True

	@property
	def is_province(self) -> bool:
		return self.region_type == PROVINSI


def head_title(region_type: str) -> str:
	"""The title of the Kepala Daerah of a region of this type (Pasal 1 angka 3)."""
	return HEAD_TITLES[region_type]


@dataclass
class ProvinceHasParent(RuleViolation):
	"""A province stands at the top of the tree."""


@dataclass
class ParentNotAProvince(RuleViolation):
	"""A kabupaten/kota hangs under a province."""


@dataclass
class CodeOutsideProvince(RuleViolation):
	"""A Kemendagri kab/kota code starts with its province's code (``32.73`` under ``32``)."""

	code: str
	province: str


def check_parent(region_type: str, code: str, parent: str | None, parent_type: str | None) -> None:
	"""Where a region stands in the tree of daerah (Pasal 1 angka 1)."""
	if region_type == PROVINSI:
		if parent:
			raise ProvinceHasParent()
		return
	if parent_type != PROVINSI:
		raise ParentNotAProvince()
	if not (code or "").startswith(f"{parent}."):
		raise CodeOutsideProvince(code, parent)
