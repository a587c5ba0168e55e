"""Specific errors, so that callers and tests can tell one refusal from another."""

import frappe


class KSADValidationError(frappe.ValidationError):
	"""Base of every rule the app enforces on save."""


class PartyError(KSADValidationError):
	"""The parties of a cooperation break Pasal 1 angka 4."""


class ContributionError(KSADValidationError):
	"""The parties' contributions do not add up."""


class PeriodError(KSADValidationError):
	"""The cooperation's dates are out of order."""


class AmountError(KSADValidationError):
	"""A money amount is not acceptable."""


class SupervisorAssignmentError(KSADValidationError):
	"""The supervisory body the regulation assigns cannot be found, or an override is incomplete."""


class SupervisoryBodyError(KSADValidationError):
	"""A supervisory body breaks Pasal 5 or Pasal 9."""


class RegionError(KSADValidationError):
	"""A regional government record is inconsistent."""


class NotYourRegionError(frappe.PermissionError):
	"""A regional officer acted on a cooperation in which none of their regions is a party."""


class StageError(KSADValidationError):
	"""A move between the stages of Pasal 4 that the workflow does not allow."""


class StageGuardError(StageError):
	"""The target stage needs what the cooperation does not have yet."""


class ReasonRequiredError(StageError):
	"""Returning or cancelling without a reason."""


class StageLockedError(StageError):
	"""The cooperation's data cannot change in its current state."""


class NotYourCooperationError(frappe.PermissionError):
	"""The user acts on a cooperation in a capacity they do not hold (not a party's officer, not a member of its body)."""


class ActivityError(KSADValidationError):
	"""A supervision activity breaks a rule of Pasal 1, 6, 7, 10 or 11."""


class GuidanceItemError(ActivityError):
	"""A guidance item does not belong to the body or the stage of the activity."""


class IssueError(KSADValidationError):
	"""A problem or dispute record breaks Pasal 6 d.2-3, 5 / 10 d.2-3, 5."""


class TerminationError(KSADValidationError):
	"""A termination breaks Pasal 6 d.4 / 10 d.4."""


class DivisionError(TerminationError):
	"""The inventory, the debts or the shares cannot be divided as Pasal 6 d.4 c asks."""


class SettingsError(KSADValidationError):
	"""KSAD Settings hold a value the app cannot use."""


class ERPNextIntegrationError(KSADValidationError):
	"""The ERPNext asset integration cannot do what was asked."""


class RegistrationError(StageError):
	"""A cooperation registered at a stage of Pasal 4 lacks what the stages passed require, or names no such stage."""


class RegistrationNotAllowedError(frappe.PermissionError):
	"""Only a KSAD Manager registers a cooperation at a stage after Penjajakan."""


class ExternalReferenceError(KSADValidationError):
	"""A region's register number already belongs to another cooperation."""


class ReportError(KSADValidationError):
	"""A supervision report breaks a rule of Pasal 8, 12 or 13 (type, subject, period, compile, submit)."""


class NotYourReportError(frappe.PermissionError):
	"""The user does not report for this body or province (Pasal 8, 12, 13)."""


class InvalidValueError(KSADValidationError):
	"""A value does not fit its field or argument: wrong type, not a date or a number, too long, unknown field."""


class PublicRegisterError(KSADValidationError):
	"""A cooperation withdrawn from the public register without a reason."""


class NotAllowedToPublishError(frappe.PermissionError):
	"""Someone other than a KSAD Manager or a party's officer changed whether a cooperation is public."""
