// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Inter-Regional Cooperation", {
	setup(frm) {
		// Only autonomous regions can bind themselves to a KSAD (Pasal 1 angka 1-4).
		frm.set_query("regional_government", "parties", () => ({
			filters: { is_autonomous: 1 },
		}));
	},

	refresh(frm) {
		frm.set_intro("");
		if (!frm.is_new() && !frm.doc.override_supervisors && frm.doc.supervisors?.length) {
			frm.set_intro(
				__(
					"Supervised by {0}, as Pasal 2 and 3 assign from the parties. The bodies are recomputed on every save.",
					[frm.doc.supervisors.map((s) => s.supervisory_body).join(", ")]
				),
				"blue"
			);
		}
		if (frm.doc.override_supervisors) {
			frm.set_intro(
				__("The supervisory bodies were set by hand: {0}", [frm.doc.override_reason || ""]),
				"orange"
			);
		}
	},

	dprd_approval_required(frm) {
		frm.toggle_reqd(["dprd_approval_number", "dprd_approval_date"], false);
	},
});

frappe.ui.form.on("Cooperation Party", {
	regional_government(frm, cdt, cdn) {
		const row = locals[cdt][cdn];
		if (!row.regional_government || row.signatory_position) return;
		frappe.db
			.get_value("Regional Government", row.regional_government, ["head_title", "region_name"])
			.then(({ message }) => {
				if (!message) return;
				const name = message.region_name.replace(/^(Kabupaten|Kota) /, "");
				frappe.model.set_value(cdt, cdn, "signatory_position", `${message.head_title} ${name}`);
			});
	},
});
