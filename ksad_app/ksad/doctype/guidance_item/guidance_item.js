// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Guidance Item", {
	refresh(frm) {
		frm.set_intro(
			__("The text of {0}, shipped with the app. It is restored on every update.", [frm.doc.article]),
			"blue"
		);
	},
});
