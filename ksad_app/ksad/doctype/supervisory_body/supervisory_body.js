// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Supervisory Body", {
	setup(frm) {
		// A TKKSD is formed by a Gubernur for a province (Pasal 9).
		frm.set_query("province", () => ({ filters: { region_type: "Provinsi" } }));
	},

	body_type(frm) {
		if (frm.doc.body_type !== "Tim Koordinasi Kerja Sama Daerah") {
			frm.set_value("province", "");
		}
	},
});
