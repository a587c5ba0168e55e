// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

frappe.query_reports["Cooperation by Stage and Province"] = {
	filters: [
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
			fieldname: "government_affair",
			label: __("Government Affair"),
			fieldtype: "Link",
			options: "Government Affair",
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && data.is_national_total) {
			value = `<b>${value}</b>`;
		}
		return value;
	},
};
