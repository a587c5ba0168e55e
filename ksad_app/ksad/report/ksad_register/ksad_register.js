// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

frappe.query_reports["KSAD Register"] = {
	filters: [
		{
			fieldname: "stage",
			label: __("Stage"),
			fieldtype: "Select",
			options: [
				"",
				"Penjajakan",
				"Negosiasi",
				"Penandatanganan",
				"Pelaksanaan",
				"Pengakhiran",
				"Selesai",
				"Dibatalkan",
			],
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
		{
			fieldname: "government_affair",
			label: __("Government Affair"),
			fieldtype: "Link",
			options: "Government Affair",
		},
		{
			fieldname: "end_date_from",
			label: __("End Date From"),
			fieldtype: "Date",
		},
		{
			fieldname: "end_date_to",
			label: __("End Date To"),
			fieldtype: "Date",
		},
	],
};

