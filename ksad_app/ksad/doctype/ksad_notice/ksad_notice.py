# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document
from frappe.query_builder import Interval
from frappe.query_builder.functions import Now


class KSADNotice(Document):
	"""A notice of :mod:`ksad_app.notifications.outbox`: written with the change it reports, sent by a job."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from_user: DF.Link | None
		message: DF.LongText | None
		recipients: DF.SmallText | None
		reference_doctype: DF.Link | None
		reference_name: DF.DynamicLink | None
		sent_on: DF.Datetime | None
		status: DF.Literal["Queued", "Sent"]
		subject: DF.SmallText | None
	# end: auto-generated types

	@staticmethod
	def clear_old_logs(days: int = 30) -> None:
		"""Log Settings' daily clean-up (``default_log_clearing_doctypes``): sent notices only."""
		table = frappe.qb.DocType("KSAD Notice")
		frappe.db.delete(
			table, filters=(table.status == "Sent") & (table.modified < (Now() - Interval(days=days)))
		)
