# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document


class SupervisionActivityItem(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		description: DF.SmallText | None
		guidance_item: DF.Link
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types

	pass


def on_doctype_update():
	"""Covering index for the monthly recap (issue 8): the guidance items of each activity."""
	frappe.db.add_index(
		"Supervision Activity Item",
		["parent", "guidance_item", "parenttype", "parentfield"],
		"recap_item_index",
	)
