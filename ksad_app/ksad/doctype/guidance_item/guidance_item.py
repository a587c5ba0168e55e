# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class GuidanceItem(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		article: DF.Literal["", "Pasal 6", "Pasal 10"]
		body_type: DF.Literal["", "Sekretariat Bersama", "Tim Koordinasi Kerja Sama Daerah"]
		code: DF.Data
		description: DF.SmallText
		sort_order: DF.Int
		stage: DF.Literal["", "Penjajakan", "Negosiasi", "Penandatanganan", "Pelaksanaan dan Pengakhiran"]
	# end: auto-generated types

	pass
