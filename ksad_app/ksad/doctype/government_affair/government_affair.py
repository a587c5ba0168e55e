# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class GovernmentAffair(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		affair_category: DF.Literal["", "Wajib Pelayanan Dasar", "Wajib Non Pelayanan Dasar", "Pilihan"]
		affair_name: DF.Data
		description: DF.SmallText | None
		legal_basis: DF.Data | None
		sort_order: DF.Int
	# end: auto-generated types
