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
		ksad.activity.guidance_button(frm);
	},
});

frappe.provide("ksad.activity");

Object.assign(ksad.activity, {
	guidance_button(frm) {
		// Tick the guidance items of the stage in one list instead of adding rows one by one.
		const grid = frm.fields_dict.guidance_items?.grid;
		if (!grid) return;
		const label = __("Select Guidance Items");
		if (frm.doc.docstatus !== 0 || !frm.perm?.[0]?.write) {
			grid.custom_buttons[label]?.addClass("hidden");
			return;
		}
		grid.add_custom_button(label, () => ksad.activity.choose_guidance(frm)).addClass(
			"btn-primary ksad-select-guidance"
		);
	},

	choose_guidance(frm) {
		// The same items the row's link offers: of the body's article (Pasal 6 or 10) and the stage's tahapan.
		const defaults = frm.ksad_defaults || {};
		const article = defaults.articles?.[frm.doc.supervisory_body];
		const tahapan = defaults.tahapan?.[frm.doc.stage];
		if (!article || !tahapan) {
			frappe.msgprint({
				title: __("Select Guidance Items"),
				indicator: "orange",
				message: __(
					"Choose the cooperation, your supervisory body and the stage first: the list shows the guidance items of the body's article (Pasal 6 or Pasal 10) for that stage."
				),
			});
			return;
		}
		frappe.db
			.get_list("Guidance Item", {
				filters: { article: article, stage: tahapan },
				fields: ["name", "description"],
				order_by: "sort_order asc",
				limit: 100,
			})
			.then((items) => ksad.activity.guidance_dialog(frm, items, article, tahapan));
	},

	guidance_dialog(frm, items, article, tahapan) {
		const esc = frappe.utils.escape_html;
		const rows = frm.doc.guidance_items || [];
		const chosen = new Set(rows.map((r) => r.guidance_item));
		const dialog = new frappe.ui.Dialog({
			title: __("Guidance Items of {0}, {1}", [__(article), __(tahapan)]),
			size: "large",
			fields: [
				{
					fieldtype: "MultiCheck",
					fieldname: "items",
					columns: 1,
					sort_options: false,
					options: items.map((i) => ({
						value: i.name,
						label: `<b>${esc(i.name)}</b> ${esc(i.description)}`,
						checked: chosen.has(i.name),
					})),
				},
			],
			primary_action_label: __("Apply"),
			primary_action({ items: ticked }) {
				// rows of other items stay as they are (the server says what is wrong with them);
				// this list's items follow the ticks, in the regulation's order
				const listed = new Set(items.map((i) => i.name));
				const keep = rows.filter((r) => r.guidance_item && !listed.has(r.guidance_item));
				frm.clear_table("guidance_items");
				for (const r of keep) {
					frm.add_child("guidance_items", {
						guidance_item: r.guidance_item,
						description: r.description,
					});
				}
				for (const i of items.filter((i) => (ticked || []).includes(i.name))) {
					frm.add_child("guidance_items", {
						guidance_item: i.name,
						description: i.description,
					});
				}
				frm.refresh_field("guidance_items");
				frm.dirty();
				dialog.hide();
			},
		});
		dialog.show();
	},
});
