// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

// What the party raised; it changes only while the issue is Terbuka (checked again on save).
const KSAD_ISSUE_PARTY_FIELDS = ["issue_type", "raised_by", "description", "raised_on"];

frappe.ui.form.on("Cooperation Issue", {
	setup(frm) {
		// Problems and disputes belong to the tahap pelaksanaan dan pengakhiran (Pasal 6 d, 10 d).
		frm.set_query("cooperation", () => ({
			filters: { stage: ["in", ["Pelaksanaan", "Pengakhiran"]] },
		}));
		// The parties of the cooperation (for an officer: their own party regions).
		frm.set_query("raised_by", () => ({
			filters: { name: ["in", frm.ksad_issue?.parties || []] },
		}));
		// The bodies that supervise the cooperation (Pasal 2, 3).
		frm.set_query("supervisory_body", () => ({
			filters: { name: ["in", frm.ksad_issue?.supervisors || []] },
		}));
	},

	onload(frm) {
		if (frm.doc.cooperation) frm.trigger("load_cooperation");
	},

	cooperation(frm) {
		frm.trigger("load_cooperation");
	},

	load_cooperation(frm) {
		if (!frm.doc.cooperation) return;
		frappe
			.xcall("ksad_app.ksad.doctype.cooperation_issue.cooperation_issue.issue_form_data", {
				cooperation: frm.doc.cooperation,
			})
			.then((data) => {
				frm.ksad_issue = data;
				if (frm.is_new() && !frm.doc.raised_by && data.parties.length === 1) {
					frm.set_value("raised_by", data.parties[0]);
				}
				frm.trigger("show_addressee");
			});
	},

	refresh(frm) {
		frm.trigger("show_addressee");
		ksad.issue.lock_fields(frm);
		ksad.issue.add_buttons(frm);
	},

	supervisory_body(frm) {
		frm.trigger("show_addressee");
	},

	show_addressee(frm) {
		frm.set_intro("");
		const data = frm.ksad_issue;
		if (frm.is_new() && data && !data.can_raise) {
			frm.set_intro(
				__(
					"The cooperation is at {0}. Problems and disputes are raised while it is at Pelaksanaan or Pengakhiran (Pasal 6 d, Pasal 10 d).",
					[__(data.stage)]
				),
				"orange"
			);
			return;
		}
		// Saved: the issue's body; new: the cooperation's body when it has only one.
		const body =
			frm.doc.supervisory_body || (data?.supervisors?.length === 1 ? data.supervisors[0] : null);
		const info = (data?.bodies || {})[body];
		const addressee = info?.addressed_to || frm.doc.addressed_to;
		if (!addressee || !info) return;
		frm.set_intro(
			__(
				"{0} gives its consideration to the parties and its input for settling a dispute to the {1} (Pasal {2} d.2, d.3, d.5).",
				[
					frappe.utils.escape_html(body),
					`<b>${frappe.utils.escape_html(addressee)}</b>`,
					info.article,
				]
			),
			"blue"
		);
	},
});

frappe.provide("ksad.issue");

Object.assign(ksad.issue, {
	lock_fields(frm) {
		// The server decides; the form only avoids edits it would refuse.
		const caps = frm.doc.__onload?.capacities || [];
		const unrestricted = frappe.user.has_role(["KSAD Manager", "System Manager"]);
		const closed = frm.doc.status === "Selesai";
		const party_locked =
			!frm.is_new() &&
			(closed || frm.doc.status !== "Terbuka" || !(caps.includes("party") || unrestricted));
		KSAD_ISSUE_PARTY_FIELDS.forEach((f) => frm.set_df_property(f, "read_only", party_locked ? 1 : 0));
		if (closed) {
			frm.set_read_only();
			frm.dashboard.set_headline(
				__("Decided on {0}. The issue is closed.", [
					frappe.datetime.str_to_user(frm.doc.decision_date),
				]),
				"green"
			);
		}
	},

	add_buttons(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Cooperation"), () =>
			frappe.set_route("Form", "Inter-Regional Cooperation", frm.doc.cooperation)
		);
		// A member of the issue's body records what it did as an activity (guidance items d.2, d.3, d.5).
		if (frm.doc.__onload?.member) {
			const codes = frm.doc.__onload.guidance_codes || [];
			frm.add_custom_button(
				__("Supervision Activity"),
				() => {
					frappe.new_doc("Supervision Activity", {
						cooperation: frm.doc.cooperation,
						supervisory_body: frm.doc.supervisory_body,
						activity_type: "Pembinaan",
					});
					if (codes.length) {
						frappe.show_alert({
							message: __("Add the guidance item(s) {0} to the activity.", [codes.join(", ")]),
							indicator: "blue",
						});
					}
				},
				__("Create")
			);
		}
	},
});
