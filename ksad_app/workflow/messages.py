"""Why a move of Pasal 4 is refused, and how a guard names what is missing, in the user's language."""

import frappe
from frappe import _

from ksad_app.controllers.labels import region_label
from ksad_app.domain import stages
from ksad_app.domain.division import ASSET_RECORDING, DEPOSIT


def field_label(doc, fieldname: str) -> str:
	"""How a missing item of a stage guard is named in messages and on the form."""
	if fieldname == "parties":
		return _("at least two parties")
	if fieldname == "termination":
		return _("a submitted Cooperation Termination")
	if ":" in fieldname:
		item, party = fieldname.split(":", 1)
		return outstanding_label(item).format(region_label(party))
	return _(doc.meta.get_label(fieldname))


def outstanding_label(item: str) -> str:
	"""What a party still owes before the cooperation is closed (domain.division.outstanding)."""
	if item == DEPOSIT:
		return _("the kas daerah deposit of {0}")
	if item == ASSET_RECORDING:
		return _("the recording of the goods received by {0} as regional assets")
	return _("the report of {0} to its DPRD")


def not_allowed_message(action: str) -> str:
	if action == stages.AJUKAN:
		return _(
			"Only a regional officer of one of the parties can ask for the next stage. Ask the officer of a party region."
		)
	if action == stages.BATALKAN:
		return _(
			"Only a regional officer of one of the parties or a member of the supervisory body of this cooperation can cancel it."
		)
	return _(
		"Only a member of the supervisory body of this cooperation can {0} this request. Members of other bodies, and the parties themselves, cannot."
	).format(_(action).lower())


def guard_message(target: str, missing: list[str]) -> str:
	"""Why the body cannot approve ``target`` yet: one message per stage of Pasal 4."""
	items = ", ".join(frappe.bold(m) for m in missing)
	if target == stages.NEGOSIASI:
		return _(
			"Negotiation can start only when the parties, the government affair and the object of the cooperation are recorded. Missing: {0}. Return the request so that the parties complete them."
		).format(items)
	if target == stages.PENANDATANGANAN:
		return _(
			"Signing can be approved only when the draft PKS is attached. Missing: {0}. Return the request so that the parties attach it."
		).format(items)
	if target == stages.PELAKSANAAN:
		return _(
			"Implementation can be approved only when the signed Kesepakatan Bersama and PKS (number, date and file), the start and end dates and, where required, the DPRD approval are recorded. Missing: {0}."
		).format(items)
	if target == stages.SELESAI:
		return _(
			"The cooperation can be closed only when its Cooperation Termination is submitted and every party has done items d) and e) of Pasal 6 d.4 / 10 d.4. Missing: {0}. The parties' officers record them on the termination."
		).format(items)
	return _("The cooperation is not ready for {0}. Missing: {1}.").format(_(target), items)
