"""What the stage guards of Pasal 4 read from a cooperation, and in what capacity the user acts on it."""

import frappe
from frappe.utils import getdate

from ksad_app.controllers.termination import outstanding_for
from ksad_app.domain import stages
from ksad_app.permissions import capacities


def party_count(doc) -> int:
	return len({p.regional_government for p in doc.parties if p.regional_government})


def date_or_none(value):
	return getdate(value) if value else None


def stage_facts(doc) -> stages.CooperationFacts:
	"""The cooperation as ``domain.stages`` sees it, with its termination's state for the Selesai guard."""
	submitted, outstanding = termination_state(doc)
	return stages.CooperationFacts(
		party_count=party_count(doc),
		government_affair=doc.government_affair,
		cooperation_object=doc.cooperation_object,
		pks_draft_file=doc.pks_draft_file,
		kb_number=doc.kb_number,
		kb_date=date_or_none(doc.kb_date),
		kb_file=doc.kb_file,
		pks_number=doc.pks_number,
		pks_date=date_or_none(doc.pks_date),
		pks_file=doc.pks_file,
		start_date=date_or_none(doc.start_date),
		end_date=date_or_none(doc.end_date),
		dprd_approval_required=bool(doc.dprd_approval_required),
		dprd_approval_number=doc.dprd_approval_number,
		dprd_approval_date=date_or_none(doc.dprd_approval_date),
		termination_submitted=submitted,
		termination_outstanding=outstanding,
	)


def termination_state(doc) -> tuple[bool, tuple[tuple[str, str], ...]]:
	"""Pasal 6 d.4 / 10 d.4: is a Cooperation Termination submitted, and what must each party still do?"""
	if doc.is_new():
		return False, ()
	return outstanding_for(doc.name)


def actor(doc) -> set[str]:
	"""In what capacity the session user acts on this saved cooperation (looked up once per user and document)."""
	user = frappe.session.user
	if (doc.flags.actor or (None,))[0] != user:
		doc.flags.actor = (user, capacities(doc.name, user))
	return doc.flags.actor[1]


def state_before(doc) -> str | None:
	"""The stored state; empty counts as the first state, as Frappe's workflow counts it."""
	before = doc.get_doc_before_save()
	return (before.workflow_state or stages.PENJAJAKAN) if before else None
