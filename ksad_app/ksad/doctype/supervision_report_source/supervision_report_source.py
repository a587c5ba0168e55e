# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class SupervisionReportSource(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		activity_count: DF.Int
		cooperation_count: DF.Int
		follow_ups_overdue: DF.Int
		issues_open: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		period_end: DF.Date | None
		period_start: DF.Date | None
		supervision_report: DF.Link | None
		supervisory_body: DF.Link | None
	# end: auto-generated types

	pass
