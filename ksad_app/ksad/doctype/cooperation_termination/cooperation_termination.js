// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Cooperation Termination", {
	setup(frm) {
		// Only cooperations at Pengakhiran are terminated (the server checks it too).
		frm.set_query("cooperation", () => ({ filters: { workflow_state: "Pengakhiran" } }));
		frm.set_query("allocated_to", "assets", () => ({
			filters: { name: ["in", frm.ksad_parties || []] },
		}));
	},

	onload(frm) {
		ksad.termination.load_parties(frm);
	},

	cooperation(frm) {
		ksad.termination.load_parties(frm);
	},

	refresh(frm) {
		// the parties' rows are computed: nobody adds or removes one
		frm.set_df_property("allocations", "cannot_add_rows", true);
		frm.set_df_property("allocations", "cannot_delete_rows", true);
		ksad.termination.explain_division(frm);
		ksad.termination.erpnext_buttons(frm);
		if (frm.doc.cooperation) {
			frm.add_custom_button(__("Open Cooperation"), () =>
				frappe.set_route("Form", "Inter-Regional Cooperation", frm.doc.cooperation)
			);
		}
	},
});

frappe.ui.form.on("Termination Asset", {
	asset_class(frm, cdt, cdn) {
		// money is not allocated in kind: it pays the parties' cash balances
		if (locals[cdt][cdn].asset_class === "Uang") frappe.model.set_value(cdt, cdn, "allocated_to", "");
	},
});

frappe.provide("ksad.termination");

Object.assign(ksad.termination, {
	load_parties(frm) {
		if (!frm.doc.cooperation) return;
		frappe
			.xcall("ksad_app.api.cooperation_parties", { cooperation: frm.doc.cooperation })
			.then((parties) => {
				frm.ksad_parties = parties.map((p) => p.regional_government);
			});
	},

	rupiah(value) {
		return format_currency(Math.abs(value || 0), "IDR", 0);
	},

	explain_division(frm) {
		if (frm.is_new() || !frm.doc.allocations?.length) return;
		const net = frm.doc.net_value || 0;
		if (net < 0) {
			frm.dashboard.set_headline(
				__(
					"The debts exceed the goods by {0}: each party bears its share of the shortfall. A negative cash balance is the amount that party pays in.",
					[ksad.termination.rupiah(net)]
				),
				"orange"
			);
		} else if (frm.doc.docstatus === 1) {
			const open = (frm.doc.__onload?.outstanding || []).length;
			frm.dashboard.set_headline(
				open
					? __(
							"Submitted. Each party's officer records, in its row of the Parties table, the kas daerah deposit, the goods recorded as regional assets and the DPRD report: {0} item(s) still open.",
							[open]
					  )
					: __(
							"Every party has recorded its deposit, its regional assets and its DPRD report: the supervisory body can close the cooperation."
					  ),
				open ? "blue" : "green"
			);
		}
	},

	erpnext_buttons(frm) {
		const erpnext = frm.doc.__onload?.erpnext;
		if (!erpnext) return;
		if (frm.doc.docstatus === 0 && !frm.is_new()) {
			frm.add_custom_button(__("Goods from ERPNext Assets"), () =>
				frappe
					.xcall("ksad_app.integrations.erpnext.fill_assets_from_erpnext", {
						termination: frm.doc.name,
					})
					.then((added) => {
						frappe.show_alert({
							message: __("{0} asset(s) added to the inventory.", [added]),
							indicator: "green",
						});
						frm.reload_doc();
					})
			);
		}
		if (frm.doc.docstatus === 1) {
			for (const party of erpnext.recordable || []) {
				frm.add_custom_button(
					__("Record Goods of {0} as ERPNext Assets", [party]),
					() =>
						frappe
							.xcall("ksad_app.integrations.erpnext.record_allocated_assets", {
								termination: frm.doc.name,
								party: party,
							})
							.then((assets) => {
								frappe.show_alert({
									message: __("ERPNext Assets: {0}", [assets.join(", ")]),
									indicator: "green",
								});
								frm.reload_doc();
							}),
					__("ERPNext")
				);
			}
		}
	},
});
