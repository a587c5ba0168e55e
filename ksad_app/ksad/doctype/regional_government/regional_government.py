# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils.nestedset import NestedSet

from ksad_app.domain import regions
from ksad_app.exceptions import RegionError


class RegionalGovernment(NestedSet):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		head_title: DF.Data | None
		is_autonomous: DF.Check
		is_group: DF.Check
		lft: DF.Int
		old_parent: DF.Link | None
		parent_regional_government: DF.Link | None
		region_code: DF.Data
		region_name: DF.Data
		region_type: DF.Literal["", "Provinsi", "Kabupaten", "Kota"]
		rgt: DF.Int
	# end: auto-generated types

	nsm_parent_field = "parent_regional_government"

	def validate(self) -> None:
		if not self.region_type:
			return  # Frappe refuses it as mandatory, after validate
		self.validate_parent()
		self.head_title = regions.head_title(self.region_type)
		self.is_group = 1 if self.region_type == regions.PROVINSI else 0

	def validate_parent(self) -> None:
		parent = self.parent_regional_government
		parent_type = frappe.db.get_value("Regional Government", parent, "region_type") if parent else None
		try:
			regions.check_parent(self.region_type, self.region_code, parent, parent_type)
		except regions.ProvinceHasParent:
			frappe.throw(
				_("A province has no parent region. Clear the Province field."),
				title=_("Invalid Parent"),
				exc=RegionError,
			)
		except regions.ParentNotAProvince:
			frappe.throw(
				_("A kabupaten or kota belongs to a province. Choose its province in the Province field."),
				title=_("Invalid Parent"),
				exc=RegionError,
			)
		except regions.CodeOutsideProvince as e:
			frappe.throw(
				_(
					"The code {0} does not belong to the province {1}: a Kemendagri code starts with its province's code, as in {1}.01."
				).format(frappe.bold(e.code), e.province),
				title=_("Invalid Region Code"),
				exc=RegionError,
			)
