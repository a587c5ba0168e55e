# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class CooperationParty(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		contact_user: DF.Link | None
		contribution_percent: DF.Percent
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		region_name: DF.Data | None
		region_type: DF.Data | None
		regional_government: DF.Link
		signatory_name: DF.Data | None
		signatory_position: DF.Data | None
	# end: auto-generated types

	pass
