"""Users of the KSAD roles start their day on the KSAD workspace."""

import frappe

from ksad_app.roles import ALL_ROLES

WORKSPACE = "KSAD"


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
	"""Tie ``user`` to ``region`` the way the README's setup does: a User Permission on
	Regional Government for all document types (read by ``permissions.user_regions``), once."""
	if frappe.db.exists(
		"User Permission", {"user": user, "allow": "Regional Government", "for_value": region}
	):
		return
	frappe.get_doc(
		{
			"doctype": "User Permission",
			"user": user,
			"allow": "Regional Government",
			"for_value": region,
			"apply_to_all_doctypes": 1,
		}
	).insert(ignore_permissions=ignore_permissions)
