"""A small demo on real region codes: `bench --site <site> ksad-load-demo`.

Four cooperations, one per way the regulation assigns supervision (Pasal 2,
3). The titles describe plausible objects of cooperation for the regions
named; nothing else is filled in. No values, decree numbers or dates are
invented: they stay empty for the user to enter from real documents.
Running it again adds nothing.
"""

import frappe

from ksad_app.domain.supervision import SEKRETARIAT_BERSAMA, TKKSD
from ksad_app.setup.users import grant_region

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


# One demo user per role, tied to the demo's regions and bodies. The names are
# placeholders (the "Demo" surname says so); the e-mail domain is reserved
# for examples (RFC 2606) so that nothing can reach a real mailbox.
DEMO_DOMAIN = "ksad-demo.example"
DEMO_USERS = [
	# email, first name, role, regions (User Permission), body (member of), position
	("petugas.jabar", "Petugas Jawa Barat", "KSAD Regional Officer", ["32"], None, None),
	(
		"anggota.tkksd.jabar",
		"Anggota TKKSD Jawa Barat",
		"TKKSD Member",
		[],
		(TKKSD, "32"),
		"Kepala Biro Pemerintahan",
	),
	(
		"anggota.sekber",
		"Anggota Sekretariat Bersama",
		"Sekretariat Bersama Member",
		[],
		(SEKRETARIAT_BERSAMA, None),
		"Unsur Departemen Dalam Negeri",
	),
	("biro.pemerintahan.jabar", "Biro Pemerintahan Jawa Barat", "Governor Office", ["32"], None, None),
	("kemendagri", "Pejabat Kemendagri", "Ministry Official", [], None, None),
	("pengelola", "Pengelola KSAD", "KSAD Manager", [], None, None),
]


def create_demo_users(reset_passwords: bool = False) -> list[dict]:
	"""Create the demo users if absent; return, per user, its role, e-mail and
	the password set now (None when an existing user keeps its password).

	Each user gets the language ``id``, the KSAD workspace as home, the
	region ties of its role (User Permission on Regional Government) and the
	membership of its body. Running it again adds nothing.
	"""
	import secrets

	from frappe.utils.password import update_password

	frappe.only_for(("System Manager", "KSAD Manager"))
	out = []
	for local, first_name, role, regions, body, position in DEMO_USERS:
		email = f"{local}@{DEMO_DOMAIN}"
		password = None
		if not frappe.db.exists("User", email):
			user = frappe.get_doc(
				{
					"doctype": "User",
					"email": email,
					"first_name": first_name,
					"last_name": "(Demo)",
					"send_welcome_email": 0,
					"user_type": "System User",
					"language": "id",
				}
			)
			user.flags.no_welcome_mail = True
			user.insert()
			user.add_roles(role)
			password = secrets.token_urlsafe(12)
		elif reset_passwords:
			password = secrets.token_urlsafe(12)
		if password:
			update_password(email, password)
		for region in regions:
			grant_region(email, region)
		if body:
			body_name = frappe.db.get_value("Supervisory Body", {"body_type": body[0], "province": body[1]})
			doc = frappe.get_doc("Supervisory Body", body_name)
			if email not in {m.user for m in doc.members}:
				doc.append("members", {"member_name": first_name, "position": position, "user": email})
				doc.save()
		out.append({"role": role, "email": email, "password": password})
	return out
