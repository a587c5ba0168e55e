// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Government Affair", {});
