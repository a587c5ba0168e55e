// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

const KSAD_REPORT_TYPES = {
	pasal_8: "Sekretariat Bersama kepada Menteri (Pasal 8)",
	pasal_12: "TKKSD kepada Gubernur (Pasal 12)",
	pasal_13: "Gubernur kepada Menteri (Pasal 13)",
};

frappe.ui.form.on("Supervision Report", {
	setup(frm) {
		// The server checks the body and the province too (ksad_app.domain.reporting.check_subject).
		frm.set_query("supervisory_body", () => ({
			filters: {
				body_type:
					frm.doc.report_type === KSAD_REPORT_TYPES.pasal_8
						? "Sekretariat Bersama"
						: "Tim Koordinasi Kerja Sama Daerah",
			},
		}));
		frm.set_query("province", () => ({ filters: { region_type: "Provinsi" } }));
	},

	onload(frm) {
		frappe.realtime.off("ksad_report_compiled");
		frappe.realtime.on("ksad_report_compiled", (data) => {
			if (data && data.name === frm.doc.name) {
				frappe.show_alert({ message: __("Report compiled"), indicator: "green" });
				frm.reload_doc();
			}
		});
	},

	refresh(frm) {
		if (frm.doc.docstatus === 0 && !frm.is_new() && frm.has_perm("write")) {
			frm.add_custom_button(__("Compile"), () => ksad.report.compile(frm)).addClass("btn-primary");
			const hint = __("Compile the report to fill in its figures from the data of the period.");
			// Frappe's set_headline appends: once per form, not once per refresh
			if (!frm.doc.compiled_on && !frm.layout.message.text().includes(hint)) {
				frm.dashboard.set_headline(hint, "orange");
			}
		}
		if (frm.doc.compiled_on) {
			frm.dashboard.add_comment(
				__("Figures compiled on {0}.", [frappe.datetime.str_to_user(frm.doc.compiled_on)]),
				"blue",
				true
			);
		}
	},

	report_type(frm) {
		// the subject follows the type: a body for Pasal 8 and 12, a province for Pasal 13
		frm.set_value("supervisory_body", "");
		if (frm.doc.report_type !== KSAD_REPORT_TYPES.pasal_13) frm.set_value("province", "");
	},

	async supervisory_body(frm) {
		// Pasal 12: the TKKSD's province (the server sets it too)
		if (frm.doc.report_type !== KSAD_REPORT_TYPES.pasal_12 || !frm.doc.supervisory_body) return;
		const r = await frappe.db.get_value("Supervisory Body", frm.doc.supervisory_body, "province");
		frm.set_value("province", r.message?.province || "");
	},
});

frappe.provide("ksad.report");

Object.assign(ksad.report, {
	async compile(frm) {
		if (frm.is_dirty()) await frm.save();
		const r = await frappe.xcall(
			"ksad_app.ksad.doctype.supervision_report.supervision_report.compile_report",
			{ name: frm.doc.name }
		);
		if (r.queued) {
			frappe.show_alert({
				message: __(
					"{0} cooperations: the report is being compiled in the background. The form reloads when it is done.",
					[r.cooperations]
				),
				indicator: "blue",
			});
		} else {
			frappe.show_alert({ message: __("Report compiled"), indicator: "green" });
			frm.reload_doc();
		}
	},
});
