// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

frappe.treeview_settings["Regional Government"] = {
	breadcrumb: "KSAD",
	title: __("Regional Governments"),
	get_tree_root: false,
	root_label: __("All Regional Governments"),
	get_label(node) {
		return node.title && node.title !== node.label ? `${node.title} (${node.label})` : node.label;
	},
};
