// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Regional Government", {
	setup(frm) {
		frm.set_query("parent_regional_government", () => ({ filters: { region_type: "Provinsi" } }));
	},
});
