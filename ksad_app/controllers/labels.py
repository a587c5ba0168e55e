"""How regions and supervisory bodies are named in the app's messages."""

import frappe
from frappe import _

from ksad_app.domain.supervision import SEKRETARIAT_BERSAMA, SupervisorKey


def region_label(code: str) -> str:
	"""``Kota Bandung (32.73)``, or the bare code of a region that does not exist."""
	name = frappe.db.get_value("Regional Government", code, "region_name")
	return f"{name} ({code})" if name else code


def body_label(key: SupervisorKey) -> str:
	if key.body_type == SEKRETARIAT_BERSAMA:
		return _("the Sekretariat Bersama")
	return _("the TKKSD of the province {0}").format(region_label(key.province))
