// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Supervision Activity", {
	setup(frm) {
		// Only this cooperation's bodies that the user belongs to (Pasal 2, 3; checked again on save).
		frm.set_query("supervisory_body", () => ({
			filters: { name: ["in", frm.ksad_defaults?.bodies || []] },
		}));
		frm.set_query("cooperation", () => ({ filters: { stage: ["!=", "Dibatalkan"] } }));
		// Only the items of the body's article (Pasal 6 or 10) and of the activity's stage (Pasal 4).
		frm.set_query("guidance_item", "guidance_items", () => {
			const defaults = frm.ksad_defaults || {};
			const filters = {};
			if (frm.doc.supervisory_body && defaults.articles?.[frm.doc.supervisory_body]) {
				filters.article = defaults.articles[frm.doc.supervisory_body];
			}
			if (frm.doc.stage && defaults.tahapan?.[frm.doc.stage]) {
				filters.stage = defaults.tahapan[frm.doc.stage];
			}
			return { filters };
		});
	},

	onload(frm) {
		if (frm.doc.cooperation) frm.trigger("load_defaults");
	},

	cooperation(frm) {
		frm.trigger("load_defaults");
	},

	load_defaults(frm) {
		if (!frm.doc.cooperation) return;
		frappe
			.xcall("ksad_app.api.activity_defaults", { cooperation: frm.doc.cooperation })
			.then((defaults) => {
				frm.ksad_defaults = defaults;
				if (frm.doc.docstatus !== 0) return;
				if (!frm.doc.stage && defaults.stage) frm.set_value("stage", defaults.stage);
				if (!frm.doc.supervisory_body && defaults.bodies.length === 1) {
					frm.set_value("supervisory_body", defaults.bodies[0]);
				}
				frm.set_df_property(
					"stage",
					"options",
					["", ...defaults.stages_reached].join("\n")
				);
				if (!defaults.bodies.length) {
					frm.set_intro(
						__(
							"You are not a member of a supervisory body of this cooperation, so you cannot record its activities."
						),
						"orange"
					);
				}
			});
	},

	activity_type(frm) {
		frm.toggle_reqd("findings", frm.doc.activity_type === "Pengawasan");
	},

	refresh(frm) {
		frm.toggle_reqd("findings", frm.doc.activity_type === "Pengawasan");
		if (frm.doc.cooperation) {
			frm.add_custom_button(__("Cooperation"), () =>
				frappe.set_route("Form", "Inter-Regional Cooperation", frm.doc.cooperation)
			);
		}
	},
});
