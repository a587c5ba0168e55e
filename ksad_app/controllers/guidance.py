"""The guidance catalogue on the cooperation's form, and the marks a submitted activity leaves.

Pasal 6 and 10: per stage, what the supervising body does. The cooperation
keeps one ``Cooperation Guidance Record`` row per item done (table
``guidance_done``, permlevel 2: nobody edits it by hand); the rows are added
when a ``Supervision Activity`` is submitted and removed when it is cancelled,
so the amended activity marks them again.
"""

import frappe
from frappe.utils import now

from ksad_app.domain.guidance import TAHAPAN

COOPERATION = "Inter-Regional Cooperation"
RECORD = "Cooperation Guidance Record"


def guidance_checklist(doc) -> list[dict]:
	"""Per tahapan, each item of the cooperation's bodies' article, with who did it, when, through which activity."""
	body_types = sorted({s.body_type for s in doc.supervisors if s.body_type})
	if not body_types:
		return []
	items = frappe.get_all(
		"Guidance Item",
		filters={"body_type": ("in", body_types)},
		fields=["name", "stage", "description", "body_type"],
		order_by="sort_order asc",
	)
	done: dict[str, list[dict]] = {}
	users = {r.done_by for r in doc.guidance_done if r.done_by}
	full_names = dict(
		frappe.get_all(
			"User", filters={"name": ("in", list(users) or [""])}, fields=["name", "full_name"], as_list=True
		)
	)
	for r in doc.guidance_done:
		done.setdefault(r.guidance_item, []).append(
			{
				"activity_date": r.activity_date,
				"done_by": full_names.get(r.done_by) or r.done_by,
				"supervision_activity": r.supervision_activity,
				"supervisory_body": r.supervisory_body,
			}
		)
	groups = []
	for stage in TAHAPAN.values():
		rows = [
			{
				"code": i.name,
				"description": i.description,
				"body_type": i.body_type,
				"done": done.get(i.name, []),
			}
			for i in items
			if i.stage == stage
		]
		if rows:
			groups.append({"stage": stage, "items": rows})
	return groups


def record_guidance(activity) -> None:
	"""Mark the activity's guidance items done on its cooperation (on submit)."""
	items = [row.guidance_item for row in activity.guidance_items]
	if not items:
		return
	stages = dict(
		frappe.get_all(
			"Guidance Item", filters={"name": ("in", items)}, fields=["name", "stage"], as_list=True
		)
	)
	rec = frappe.qb.DocType(RECORD)
	last = (
		frappe.qb.from_(rec)
		.select(frappe.query_builder.functions.Max(rec.idx))
		.where((rec.parent == activity.cooperation) & (rec.parenttype == COOPERATION))
	).run()[0][0] or 0
	timestamp, user = now(), frappe.session.user
	frappe.db.bulk_insert(
		RECORD,
		[
			"name",
			"parent",
			"parenttype",
			"parentfield",
			"idx",
			"guidance_item",
			"stage",
			"activity_date",
			"done_by",
			"supervisory_body",
			"supervision_activity",
			"owner",
			"creation",
			"modified",
			"modified_by",
		],
		[
			(
				frappe.generate_hash(length=10),
				activity.cooperation,
				COOPERATION,
				"guidance_done",
				idx,
				item,
				stages.get(item),
				activity.activity_date,
				user,
				activity.supervisory_body,
				activity.name,
				user,
				timestamp,
				timestamp,
				user,
			)
			for idx, item in enumerate(items, start=last + 1)
		],
	)


def remove_guidance(activity) -> None:
	"""Take the marks of a cancelled activity off its cooperation."""
	frappe.db.delete(
		RECORD,
		{"parent": activity.cooperation, "parenttype": COOPERATION, "supervision_activity": activity.name},
	)
