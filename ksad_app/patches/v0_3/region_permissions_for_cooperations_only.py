"""Regional officers' and Governor Office users' User Permissions on their region: for the cooperations only.

They used to be created for all document types (README, demo users), which
made Frappe narrow the Regional Government master itself to the user's
region: an officer could not open a partner region. The app reads them for
its row-level access either way (``ksad_app.permissions.user_regions``);
here, those of users holding one of the two roles are narrowed to
Inter-Regional Cooperation. Other users' User Permissions are left alone.
"""

import frappe

from ksad_app.roles import GOVERNOR_OFFICE, REGIONAL_OFFICER
from ksad_app.setup.users import REGION, USER_PERMISSION, limit_to_cooperations


def execute():
	permission = frappe.qb.DocType(USER_PERMISSION)
	has_role = frappe.qb.DocType("Has Role")
	tied = (
		frappe.qb.from_(has_role)
		.select(has_role.parent)
		.where((has_role.parenttype == "User") & has_role.role.isin([REGIONAL_OFFICER, GOVERNOR_OFFICE]))
	)
	names = (
		frappe.qb.from_(permission)
		.select(permission.name)
		.where(
			(permission.allow == REGION)
			& (permission.apply_to_all_doctypes == 1)
			& permission.user.isin(tied)
		)
	).run(pluck=True)
	for name in names:
		limit_to_cooperations(name, ignore_permissions=True)
