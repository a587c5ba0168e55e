# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class CooperationGuidanceRecord(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		activity_date: DF.Date | None
		done_by: DF.Link | None
		guidance_item: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		stage: DF.Data | None
		supervision_activity: DF.Link | None
		supervisory_body: DF.Link | None
	# end: auto-generated types

	pass
