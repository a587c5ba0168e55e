"""The data the browser tests start from, prepared on the site with the bench's Python.

``bench --site <site> execute ksad_app.tests.browser.world.prepare --kwargs "{'out': '<file>'}"``
marks the setup complete when the wizard never ran (a test site made by
``new-site``), makes the shared test world (``ksad_app.tests.ensure_world``: users with
``TEST_PASSWORD`` and language ``id``, the bodies and their members) and, for
this run, two cooperations of Kota Bandung and Kota Cimahi (TKKSD Jawa Barat
supervises them, Pasal 3): one whose request for Negosiasi awaits the body
(to be returned), one at Pengakhiran (to be terminated and closed). Each run
makes new ones, titled ``[UJI BROWSER] ... <time>``, so runs never depend on
each other and the site tier's ``[TEST]`` data is left alone; those of earlier
runs are removed first. Everything is committed, because the browser talks to a
separate server process.
"""

import json

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import now_datetime

from ksad_app.domain import stages
from ksad_app.tests import (
	MINISTRY,
	OFFICER_BANDUNG,
	OFFICER_CIMAHI,
	READY_FOR_NEGOSIASI,
	TEST_PASSWORD,
	TKKSD_JABAR,
	advance,
	ensure_world,
	remove_cooperations,
)

COOPERATION = "Inter-Regional Cooperation"
PREFIX = "[UJI BROWSER] "
# Kota Bandung and Kota Cimahi: kab/kota of one province, so TKKSD Jawa Barat supervises (Pasal 3).
PARTIES = ["32.73", "32.77"]
BODY = "TKKSD-32"


def new_cooperation(title: str, **fields) -> str:
	"""A cooperation registered by the Bandung officer, as that officer."""
	frappe.set_user(OFFICER_BANDUNG)
	try:
		doc = frappe.get_doc(
			{
				"doctype": COOPERATION,
				"title": title,
				"parties": [
					{"regional_government": PARTIES[0], "contact_user": OFFICER_BANDUNG},
					{"regional_government": PARTIES[1], "contact_user": OFFICER_CIMAHI},
				],
				**fields,
			}
		).insert()
	finally:
		frappe.set_user("Administrator")
	return doc.name


def prepare(out: str | None = None) -> dict:
	"""Make the world and this run's cooperations; write them as JSON to ``out``; return them."""
	frappe.only_for("System Manager")
	# As under ``bench run-tests``: the test outbox is not checked against a mail server, nothing is sent.
	frappe.flags.in_test = True
	# A site whose setup wizard never ran sends every user of the desk to the wizard (a test
	# site made by new-site); a region's site is set up. Nothing else of the site is changed.
	if frappe.db.get_default("desktop:home_page") == "setup-wizard" or not frappe.db.get_single_value(
		"System Settings", "setup_complete"
	):
		from frappe.desk.page.setup_wizard.setup_wizard import disable_future_access

		disable_future_access()
	ensure_world()
	# earlier runs' cooperations, terminations and activities: a site kept between runs does not gather them
	remove_cooperations(frappe.get_all(COOPERATION, filters={"title": ("like", PREFIX + "%")}, pluck="name"))
	stamp = now_datetime().strftime("%Y-%m-%d %H:%M:%S")

	# A request awaiting the body's decision, for Kembalikan.
	pending = new_cooperation(f"{PREFIX}Pengembalian Usulan {stamp}", **READY_FOR_NEGOSIASI)
	frappe.set_user(OFFICER_BANDUNG)
	try:
		apply_workflow(frappe.get_doc(COOPERATION, pending), stages.AJUKAN)
	finally:
		frappe.set_user("Administrator")

	# A cooperation at Pengakhiran, for the termination and Selesai.
	ending = new_cooperation(f"{PREFIX}Pengakhiran {stamp}")
	advance(ending, stages.PENGAKHIRAN, OFFICER_BANDUNG, TKKSD_JABAR)

	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the browser talks to a separate server process
	world = {
		"password": TEST_PASSWORD,
		"officer": OFFICER_BANDUNG,
		"second_officer": OFFICER_CIMAHI,
		"member": TKKSD_JABAR,
		"ministry": MINISTRY,
		"parties": PARTIES,
		"party_names": dict(
			frappe.get_all(
				"Regional Government",
				filters={"name": ("in", PARTIES)},
				fields=["name", "region_name"],
				as_list=True,
			)
		),
		"body": BODY,
		"body_name": frappe.db.get_value("Supervisory Body", BODY, "body_name"),
		"stamp": stamp,
		"prefix": PREFIX,
		"pending": pending,
		"ending": ending,
		"date_format": frappe.db.get_default("date_format") or "yyyy-mm-dd",
	}
	if out:
		with open(out, "w") as f:
			json.dump(world, f, indent=1)
	return world
