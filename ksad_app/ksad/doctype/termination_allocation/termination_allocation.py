# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class TerminationAllocation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		asset_record_reference: DF.SmallText | None
		assets_recorded: DF.Check
		cash_balance: DF.Currency
		deposit_date: DF.Date | None
		deposit_reference: DF.Data | None
		dprd_report_date: DF.Date | None
		dprd_report_number: DF.Data | None
		entitlement: DF.Currency
		in_kind_value: DF.Currency
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		region_name: DF.Data | None
		regional_government: DF.Link | None
		share_percent: DF.Percent
	# end: auto-generated types

	pass
