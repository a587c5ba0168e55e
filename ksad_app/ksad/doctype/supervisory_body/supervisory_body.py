# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from ksad_app.domain import supervision as rules
from ksad_app.exceptions import SupervisoryBodyError

SEKRETARIAT_BERSAMA_NAME = "SEKBER"


class SupervisoryBody(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from ksad_app.ksad.doctype.supervisory_body_member.supervisory_body_member import (
			SupervisoryBodyMember,
		)

		body_name: DF.Data | None
		body_type: DF.Literal["", "Sekretariat Bersama", "Tim Koordinasi Kerja Sama Daerah"]
		decree_date: DF.Date | None
		decree_number: DF.Data | None
		members: DF.Table[SupervisoryBodyMember]
		province: DF.Link | None
		seat: DF.Data | None
	# end: auto-generated types

	def autoname(self) -> None:
		"""``SEKBER`` for the Sekretariat Bersama, ``TKKSD-<province code>`` for a TKKSD."""
		if self.body_type == rules.TKKSD:
			self.name = f"TKKSD-{self.province}"
		else:
			self.name = SEKRETARIAT_BERSAMA_NAME

	def validate(self) -> None:
		self.validate_province()
		self.validate_unique()
		self.validate_positions()
		self.set_body_name()
		self.set_default_seat()

	def on_update(self) -> None:
		self.warn_missing_positions()

	def province_name(self) -> str | None:
		if not self.province:
			return None
		return frappe.db.get_value("Regional Government", self.province, "region_name")

	def validate_province(self) -> None:
		province_type = (
			frappe.db.get_value("Regional Government", self.province, "region_type")
			if self.province
			else None
		)
		try:
			rules.check_body(self.body_type, province_type, self.province)
		except rules.BodyProvinceRequired:
			frappe.throw(
				_("A Tim Koordinasi Kerja Sama Daerah belongs to one province. Choose the province."),
				title=_("Province Required"),
				exc=SupervisoryBodyError,
			)
		except rules.BodyProvinceNotAProvince as e:
			frappe.throw(
				_(
					"{0} is not a province. A Tim Koordinasi Kerja Sama Daerah is formed by a Gubernur for a province (Pasal 9)."
				).format(frappe.bold(e.code)),
				title=_("Not a Province"),
				exc=SupervisoryBodyError,
			)
		except rules.BodyProvinceNotAllowed:
			frappe.throw(
				_(
					"The Sekretariat Bersama is national (Pasal 5) and has no province. Clear the Province field."
				),
				title=_("No Province for the Sekretariat Bersama"),
				exc=SupervisoryBodyError,
			)

	def validate_unique(self) -> None:
		"""One Sekretariat Bersama in all; one TKKSD per province."""
		filters = {"body_type": self.body_type}
		if not self.is_new():
			filters["name"] = ("!=", self.name)
		if self.body_type == rules.TKKSD:
			filters["province"] = self.province
		existing = frappe.db.exists("Supervisory Body", filters)
		if not existing:
			return
		if self.body_type == rules.TKKSD:
			message = _(
				"The province {0} already has a Tim Koordinasi Kerja Sama Daerah: {1}. Edit that one."
			)
			message = message.format(frappe.bold(self.province_name()), existing)
		else:
			message = _("The Sekretariat Bersama is already registered as {0}. Edit that one.").format(
				existing
			)
		frappe.throw(message, title=_("Already Registered"), exc=SupervisoryBodyError)

	def validate_positions(self) -> None:
		try:
			rules.check_positions(self.body_type, [m.position for m in self.members])
		except rules.PositionNotForBody as e:
			frappe.throw(
				_("The position {0} does not belong in a {1}. Choose one of: {2}.").format(
					frappe.bold(e.position), _(e.body_type), ", ".join(rules.positions_for(e.body_type))
				),
				title=_("Invalid Position"),
				exc=SupervisoryBodyError,
			)

	def set_body_name(self) -> None:
		if self.body_type == rules.TKKSD:
			self.body_name = f"{rules.TKKSD} Provinsi {self.province_name()}"
		else:
			self.body_name = rules.SEKRETARIAT_BERSAMA

	def set_default_seat(self) -> None:
		if not self.seat:
			self.seat = rules.default_seat(self.body_type, self.province_name())

	def warn_missing_positions(self) -> None:
		"""Pasal 9 ayat (2): say which mandatory members a TKKSD still lacks (a warning, not a refusal)."""
		if self.body_type != rules.TKKSD:
			return
		missing = rules.missing_tkksd_positions(m.position for m in self.members)
		if missing:
			frappe.msgprint(
				_("This TKKSD has no member in these positions required by Pasal 9 ayat (2):")
				+ "<ul>"
				+ "".join(f"<li>{frappe.utils.escape_html(p)}</li>" for p in missing)
				+ "</ul>",
				title=_("Incomplete Membership"),
				indicator="orange",
			)
