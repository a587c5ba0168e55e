// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

frappe.query_reports["Termination Division"] = {
	filters: [
		{
			fieldname: "cooperation",
			label: __("Cooperation"),
			fieldtype: "Link",
			options: "Inter-Regional Cooperation",
		},
		{
			fieldname: "party",
			label: __("Party"),
			fieldtype: "Link",
			options: "Regional Government",
		},
		{
			fieldname: "from_date",
			label: __("Termination Date From"),
			fieldtype: "Date",
		},
		{
			fieldname: "to_date",
			label: __("Termination Date To"),
			fieldtype: "Date",
		},
		{
			fieldname: "include_drafts",
			label: __("Include Drafts"),
			fieldtype: "Check",
			default: 0,
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && column.fieldname === "status" && data.outstanding) {
			value = `<span class="text-danger">${value}</span>`;
		}
		return value;
	},
};
