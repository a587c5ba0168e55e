// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

frappe.query_reports["Agreements Ending Soon"] = {
	filters: [
		{
			fieldname: "days",
			label: __("Ending Within (Days)"),
			fieldtype: "Int",
			default: 180,
		},
		{
			fieldname: "include_overdue",
			label: __("Include Overdue"),
			fieldtype: "Check",
			default: 1,
		},
		{
			fieldname: "cooperation_level",
			label: __("Level"),
			fieldtype: "Select",
			options: [
				"",
				"Provinsi–Provinsi",
				"Provinsi–Kabupaten/Kota",
				"Kabupaten/Kota–Kabupaten/Kota",
			],
		},
		{
			fieldname: "province",
			label: __("Province"),
			fieldtype: "Link",
			options: "Regional Government",
			get_query: () => ({ filters: { region_type: "Provinsi" } }),
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && column.fieldname === "days_left" && data.days_left < 0) {
			value = `<span class="text-danger">${value}</span>`;
		}
		return value;
	},
};
