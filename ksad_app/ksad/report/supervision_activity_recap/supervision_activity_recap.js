// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

frappe.query_reports["Supervision Activity Recap"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("Period From"),
			fieldtype: "Date",
			default: frappe.datetime.year_start(),
		},
		{
			fieldname: "to_date",
			label: __("Period To"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
		},
		{
			fieldname: "supervisory_body",
			label: __("Supervisory Body"),
			fieldtype: "Link",
			options: "Supervisory Body",
		},
		{
			fieldname: "activity_type",
			label: __("Activity Type"),
			fieldtype: "Select",
			options: ["", "Pembinaan", "Pengawasan"],
		},
		{
			fieldname: "cooperation",
			label: __("Cooperation"),
			fieldtype: "Link",
			options: "Inter-Regional Cooperation",
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && data.is_total) {
			value = `<b>${value}</b>`;
		}
		return value;
	},
};
