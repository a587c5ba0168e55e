"""A small demo on real region codes: `bench --site <site> ksad-load-demo`.

Four cooperations, one per way the regulation assigns supervision (Pasal 2,
3). The titles describe plausible objects of cooperation for the regions
named; nothing else is filled in. No values, decree numbers or dates are
invented: they stay empty for the user to enter from real documents.
Running it again adds nothing.
"""

import frappe

from ksad_app.domain.supervision import SEKRETARIAT_BERSAMA, TKKSD

DEMO_PREFIX = "[DEMO] "

BODIES = [(SEKRETARIAT_BERSAMA, None), (TKKSD, "32"), (TKKSD, "33"), (TKKSD, "34")]

COOPERATIONS = [
	{
		"title": "Pengembangan Kawasan Perbatasan Jawa Barat – Jawa Tengah",
		"government_affair": "Pekerjaan Umum dan Penataan Ruang",
		"cooperation_category": "Sukarela",
		"parties": ["32", "33"],
	},
	{
		"title": "Pengelolaan Sampah Regional DKI Jakarta – Kota Bekasi",
		"government_affair": "Lingkungan Hidup",
		"cooperation_category": "Sukarela",
		"parties": ["31", "32.75"],
	},
	{
		"title": "Pengelolaan Sampah Regional Kota Yogyakarta – Sleman – Bantul",
		"government_affair": "Lingkungan Hidup",
		"cooperation_category": "Sukarela",
		"parties": ["34.71", "34.04", "34.02"],
	},
	{
		"title": "Pengelolaan Daerah Aliran Sungai Citanduy (Kota Banjar – Kabupaten Cilacap)",
		"government_affair": "Lingkungan Hidup",
		"cooperation_category": "Sukarela",
		"parties": ["32.79", "33.01"],
	},
]


def load() -> list[str]:
	"""Create the demo's supervisory bodies and cooperations if absent; return the cooperations' names."""
	frappe.only_for(("System Manager", "KSAD Manager"))
	for body_type, province in BODIES:
		if not frappe.db.exists("Supervisory Body", {"body_type": body_type, "province": province}):
			frappe.get_doc(
				{"doctype": "Supervisory Body", "body_type": body_type, "province": province}
			).insert()
	names = []
	for spec in COOPERATIONS:
		title = DEMO_PREFIX + spec["title"]
		name = frappe.db.get_value("Inter-Regional Cooperation", {"title": title})
		if not name:
			doc = frappe.get_doc(
				{
					"doctype": "Inter-Regional Cooperation",
					"title": title,
					"government_affair": spec["government_affair"],
					"cooperation_category": spec["cooperation_category"],
					"parties": [{"regional_government": code} for code in spec["parties"]],
				}
			).insert()
			name = doc.name
		names.append(name)
	return names
