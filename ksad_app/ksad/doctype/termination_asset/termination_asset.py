# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class TerminationAsset(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		acquisition_value: DF.Currency
		allocated_to: DF.Link | None
		allocated_to_name: DF.Data | None
		assessed_value: DF.Currency
		asset_class: DF.Literal["", "Bergerak", "Tidak Bergerak", "Uang"]
		description: DF.Data
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		quantity: DF.Float
		valuation_basis: DF.SmallText | None
	# end: auto-generated types

	pass
