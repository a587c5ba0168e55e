// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

// Workflow actions that need a reason (Pasal 4: returns and cancellations are kept in the history).
const KSAD_REASON_ACTIONS = ["Kembalikan", "Batalkan"];

frappe.ui.form.on("Inter-Regional Cooperation", {
	setup(frm) {
		// Only autonomous regions can bind themselves to a KSAD (Pasal 1 angka 1-4).
		frm.set_query("regional_government", "parties", () => ({
			filters: { is_autonomous: 1 },
		}));
	},

	refresh(frm) {
		frm.set_intro("");
		ksad.cooperation.show_supervisors(frm);
		ksad.cooperation.show_next_stage(frm);
		ksad.cooperation.show_registration(frm);
		ksad.cooperation.render_guidance(frm);
		ksad.cooperation.member_view(frm);
		ksad.cooperation.termination_button(frm);
		if (!frm.is_new() && (frm.doc.__onload?.capacities || []).includes("body")) {
			frm.add_custom_button(
				__("Supervision Activity"),
				() => frappe.new_doc("Supervision Activity", { cooperation: frm.doc.name }),
				__("Create")
			);
		}
		ksad.cooperation.show_issues(frm);
	},

	before_workflow_action(frm) {
		const action = frm.selected_workflow_action;
		if (action === "Ajukan") return ksad.cooperation.confirm_request(frm);
		if (!KSAD_REASON_ACTIONS.includes(action)) return;
		// Frappe's apply_workflow reloads the document, so the reason would be lost:
		// ask for it and apply the action with it in one call, then stop Frappe's own call.
		frappe.dom.unfreeze();
		return new Promise((resolve, reject) => {
			const dialog = new frappe.ui.Dialog({
				title: __(action),
				fields: [
					{
						fieldname: "reason",
						fieldtype: "Small Text",
						label: __("Reason"),
						reqd: 1,
						description: __("Kept in the stage history and sent to the parties."),
					},
				],
				primary_action_label: __(action),
				primary_action({ reason }) {
					dialog.hide();
					frappe
						.xcall("ksad_app.api.apply_action", {
							cooperation: frm.doc.name,
							action: action,
							reason: reason,
						})
						.then(() => frm.reload_doc())
						.finally(() => reject());
				},
			});
			dialog.onhide = () => reject();
			dialog.show();
		}).catch(() => {
			frm.selected_workflow_action = null;
			frappe.dom.unfreeze();
			// Returning a promise that never settles keeps Frappe from calling apply_workflow.
			return new Promise(() => {});
		});
	},

	dprd_approval_required(frm) {
		frm.toggle_reqd(["dprd_approval_number", "dprd_approval_date"], false);
	},
});

frappe.provide("ksad.cooperation");

Object.assign(ksad.cooperation, {
	indicator(frm, key, label, color) {
		// once per refresh: saving refreshes the form twice, and each refresh would add it again
		frm.dashboard.stats_area_row.find(`.ksad-${key}`).closest(".indicator-column").remove();
		frm.dashboard.add_indicator(label, color).find(".indicator").addClass(`ksad-${key}`);
	},

	show_supervisors(frm) {
		if (frm.doc.override_supervisors) {
			frm.set_intro(
				__("The supervisory bodies were set by hand: {0}", [frm.doc.override_reason || ""]),
				"orange"
			);
		} else if (!frm.is_new() && frm.doc.supervisors?.length) {
			// the bodies' names, as the Supervisory Bodies table shows them (ksad_app/overrides/link_titles.py)
			const names = frm.doc.supervisors.map((s) =>
				frappe.utils.escape_html(
					frappe.utils.get_link_title("Supervisory Body", s.supervisory_body) ||
						s.supervisory_body
				)
			);
			frm.set_intro(
				__(
					"Supervised by {0}, as Pasal 2 and 3 assign from the parties. The bodies are recomputed on every save.",
					[names.join(", ")]
				),
				"blue"
			);
		}
	},

	show_next_stage(frm) {
		const state = frm.doc.workflow_state || "";
		if (state.startsWith("Usulan ")) {
			frm.dashboard.set_headline(
				__(
					"Waiting for the supervisory body to approve or return the request for {0}. The data is locked until then.",
					[__(state.slice("Usulan ".length))]
				),
				"blue"
			);
			return;
		}
		const needs = frm.doc.__onload?.next_stage;
		if (frm.is_new() || !needs) return;
		if (needs.missing.length) {
			frm.dashboard.set_headline(
				__("Before {0} can be approved, record: {1}", [
					__(needs.target),
					needs.missing.map((m) => `<b>${frappe.utils.escape_html(m)}</b>`).join(", "),
				]),
				"orange"
			);
		} else {
			frm.dashboard.set_headline(
				__("Ready to ask for {0} (action Ajukan).", [__(needs.target)]),
				"green"
			);
		}
	},

	confirm_request(frm) {
		// The guard runs when the body approves; warn before asking while items are missing,
		// since the data is locked until the body decides.
		const needs = frm.doc.__onload?.next_stage;
		if (!needs?.missing?.length) return;
		frappe.dom.unfreeze();
		return new Promise((resolve) => {
			frappe.confirm(
				__(
					"The supervisory body cannot approve {0} until these are recorded: {1}. The data stays locked while the request is pending. Ask anyway?",
					[__(needs.target), needs.missing.map((m) => frappe.utils.escape_html(m)).join(", ")]
				),
				() => {
					frappe.dom.freeze();
					resolve();
				},
				() => {
					frm.selected_workflow_action = null;
				}
			);
		});
	},

	termination_button(frm) {
		// Pasal 6 d.4 / 10 d.4: a party's officer prepares the termination once the cooperation is at Pengakhiran.
		const caps = frm.doc.__onload?.capacities || [];
		if (frm.is_new() || frm.doc.workflow_state !== "Pengakhiran" || !caps.includes("party")) return;
		frm.add_custom_button(
			__("Cooperation Termination"),
			() => frappe.new_doc("Cooperation Termination", { cooperation: frm.doc.name }),
			__("Create")
		);
	},

	show_issues(frm) {
		// Problems and disputes (Pasal 6 d.2, d.3, d.5 / 10 d.2, d.3, d.5): open ones, and raising one.
		if (frm.is_new()) return;
		const open = frm.doc.__onload?.open_issues || 0;
		ksad.cooperation.indicator(
			frm,
			"open-issues",
			__("Open problems and disputes: {0}", [open]),
			open ? "orange" : "green"
		);
		const caps = frm.doc.__onload?.capacities || [];
		if (caps.includes("party") && ["Pelaksanaan", "Pengakhiran"].includes(frm.doc.stage)) {
			frm.add_custom_button(
				__("Problem or Dispute"),
				() => frappe.new_doc("Cooperation Issue", { cooperation: frm.doc.name }),
				__("Create")
			);
		}
	},

	show_registration(frm) {
		// Issue 9: a cooperation registered at a later stage may have its signed files attached later.
		const files = frm.doc.__onload?.registration_missing_files || [];
		if (frm.is_new() || !files.length) return;
		ksad.cooperation.indicator(
			frm,
			"registration",
			__("Registered at {0}; still to attach: {1}", [
				__(frm.doc.registration_stage),
				files.map((f) => frappe.utils.escape_html(f)).join(", "),
			]),
			"orange"
		);
	},

	member_view(frm) {
		// Members of the supervisory body act through the workflow only (the server enforces it).
		const caps = frm.doc.__onload?.capacities || [];
		if (caps.includes("body") && !caps.includes("party") && !frappe.user.has_role("KSAD Manager")) {
			frm.set_read_only();
		}
	},

	render_guidance(frm) {
		const field = frm.get_field("guidance_html");
		const groups = frm.doc.__onload?.guidance || [];
		if (!field) return;
		if (!groups.length) {
			field.$wrapper.html(
				`<p class="text-muted">${__(
					"The guidance checklist appears once a supervisory body is assigned."
				)}</p>`
			);
			return;
		}
		const esc = frappe.utils.escape_html;
		const rows = (items) =>
			items
				.map((item) => {
					const done = item.done
						.map(
							(d) =>
								`${frappe.datetime.str_to_user(d.activity_date)} · ${esc(d.done_by)} · ` +
								`<a href="/app/supervision-activity/${encodeURIComponent(
									d.supervision_activity
								)}">${esc(d.supervision_activity)}</a>`
						)
						.join("<br>");
					const mark = item.done.length
						? `<span class="indicator-pill green">${__("Given")}</span>`
						: `<span class="indicator-pill gray">${__("Not yet")}</span>`;
					return `<tr><td class="text-nowrap"><b>${esc(item.code)}</b></td>
						<td>${esc(item.description)}</td><td>${mark}</td>
						<td class="small">${done}</td></tr>`;
				})
				.join("");
		const current = frm.doc.stage;
		const html = groups
			.map((g) => {
				const here = g.stage === current || g.stage.includes(current);
				const count = g.items.filter((i) => i.done.length).length;
				return `<div class="ksad-guidance-stage" style="margin-bottom: var(--margin-md)">
					<h5>${esc(__(g.stage))} <span class="text-muted small">(${count}/${g.items.length})</span>
					${here ? `<span class="indicator-pill blue">${__("Current stage")}</span>` : ""}</h5>
					<table class="table table-bordered table-sm small">
					<thead><tr><th>${__("Code")}</th><th>${__("Text of the Regulation")}</th>
					<th>${__("Status")}</th><th>${__("Done On · By · Activity")}</th></tr></thead>
					<tbody>${rows(g.items)}</tbody></table></div>`;
			})
			.join("");
		field.$wrapper.html(html);
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
