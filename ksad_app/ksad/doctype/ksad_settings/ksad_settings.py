# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from ksad_app.domain import RuleViolation
from ksad_app.domain import reminders as rules
from ksad_app.exceptions import SettingsError


class KSADSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		termination_reminder_days: DF.Data
	# end: auto-generated types

	def validate(self) -> None:
		self.validate_termination_reminder_days()

	def validate_termination_reminder_days(self) -> None:
		"""Pasal 6 d.4 / 10 d.4: the days before the end date on which the parties are reminded."""
		try:
			days = rules.parse_thresholds(self.termination_reminder_days)
		except RuleViolation as e:
			frappe.throw(threshold_message(e), title=_("Invalid Reminder Days"), exc=SettingsError)
		self.termination_reminder_days = rules.format_thresholds(days)


def threshold_message(e: RuleViolation) -> str:
	if isinstance(e, rules.NoThresholds):
		return _("Give at least one number of days before the end date, for example 180, 90, 30.")
	if isinstance(e, rules.NotWholeDays):
		return _(
			"{0} is not a whole number of days. Give whole numbers separated by commas, for example 180, 90, 30."
		).format(frappe.bold(e.token))
	if isinstance(e, rules.ThresholdNotPositive):
		return _("{0} days before the end date is not possible. Give numbers of days from 1 upwards.").format(
			frappe.bold(e.days)
		)
	if isinstance(e, rules.ThresholdTooFar):
		return _(
			"{0} days is more than {1} days (ten years) before the end date. Give a smaller number."
		).format(frappe.bold(e.days), e.maximum)
	if isinstance(e, rules.DuplicateThreshold):
		return _("{0} days is given more than once. Give each number of days once.").format(
			frappe.bold(e.days)
		)
	return _(
		"The reminder days cannot be read. Give whole numbers separated by commas, for example 180, 90, 30."
	)
