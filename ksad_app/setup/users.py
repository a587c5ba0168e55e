"""Users of the KSAD roles start their day on the KSAD workspace."""

import frappe

from ksad_app.roles import ALL_ROLES

WORKSPACE = "KSAD"
USER_PERMISSION = "User Permission"
REGION = "Regional Government"
COOPERATION = "Inter-Regional Cooperation"


def set_ksad_home(doc, method=None) -> None:
	"""User.validate: a user with a KSAD role and no home workspace of their
	own lands on the KSAD workspace after login (Frappe's ``default_workspace``)."""
	if doc.default_workspace or not ({r.role for r in doc.roles} & set(ALL_ROLES)):
		return
	if frappe.db.exists("Workspace", WORKSPACE):
		doc.default_workspace = WORKSPACE


def set_ksad_home_for_all() -> None:
	"""The same for the users that already exist (after install and migrate)."""
	if not frappe.db.exists("Workspace", WORKSPACE):
		return
	user = frappe.qb.DocType("User")
	has_role = frappe.qb.DocType("Has Role")
	with_roles = (
		frappe.qb.from_(has_role)
		.select(has_role.parent)
		.where((has_role.parenttype == "User") & has_role.role.isin(list(ALL_ROLES)))
	)
	(
		frappe.qb.update(user)
		.set(user.default_workspace, WORKSPACE)
		.where(
			user.name.isin(with_roles) & ((user.default_workspace.isnull()) | (user.default_workspace == ""))
		)
	).run()


def grant_region(user: str, region: str, ignore_permissions: bool = False) -> None:
	"""Tie ``user`` to ``region`` the way the README's setup does, once: a User Permission on
	Regional Government *for Inter-Regional Cooperation only* (read by ``permissions.user_regions``).

	Not for all document types: Frappe would then narrow the Regional Government
	master itself to that region, and an officer could not open a partner's region
	or have its name fetched into a form (REQUIREMENTS.md: the regions are national
	master data). An older permission for all document types is narrowed to the
	cooperations (:func:`limit_to_cooperations`).
	"""
	existing = frappe.get_all(
		USER_PERMISSION,
		filters={"user": user, "allow": REGION, "for_value": region},
		fields=["name", "apply_to_all_doctypes", "applicable_for"],
	)
	if any(not p.apply_to_all_doctypes and p.applicable_for == COOPERATION for p in existing):
		return
	for p in existing:
		if p.apply_to_all_doctypes:
			limit_to_cooperations(p.name, ignore_permissions=ignore_permissions)
			return
	frappe.get_doc(
		{
			"doctype": USER_PERMISSION,
			"user": user,
			"allow": REGION,
			"for_value": region,
			"apply_to_all_doctypes": 0,
			"applicable_for": COOPERATION,
		}
	).insert(ignore_permissions=ignore_permissions)


def limit_to_cooperations(name: str, ignore_permissions: bool = False) -> None:
	"""A User Permission on a region for all document types becomes one for Inter-Regional Cooperation
	(or goes, when the user already has that one)."""
	doc = frappe.get_doc(USER_PERMISSION, name)
	if frappe.db.exists(
		USER_PERMISSION,
		{"user": doc.user, "allow": doc.allow, "for_value": doc.for_value, "applicable_for": COOPERATION},
	):
		doc.delete(ignore_permissions=ignore_permissions)
		return
	doc.apply_to_all_doctypes = 0
	doc.applicable_for = COOPERATION
	doc.save(ignore_permissions=ignore_permissions)
