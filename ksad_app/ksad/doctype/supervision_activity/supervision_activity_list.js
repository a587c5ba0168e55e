// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

frappe.listview_settings["Supervision Activity"] = {
	add_fields: ["follow_up_due_date", "follow_up_status", "activity_type"],
	get_indicator(doc) {
		if (doc.docstatus === 2) return [__("Cancelled"), "red", "docstatus,=,2"];
		if (doc.docstatus === 0) return [__("Draft"), "gray", "docstatus,=,0"];
		if (doc.follow_up_status === "Menunggu Tindak Lanjut") {
			if (doc.follow_up_due_date && doc.follow_up_due_date < frappe.datetime.get_today()) {
				return [__("Follow-up Overdue"), "red", "follow_up_status,=,Menunggu Tindak Lanjut"];
			}
			return [__("Menunggu Tindak Lanjut"), "orange", "follow_up_status,=,Menunggu Tindak Lanjut"];
		}
		return [__(doc.activity_type), "green", `activity_type,=,${doc.activity_type}`];
	},
};
