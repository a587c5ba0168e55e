// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

// The values are checked on save (ksad_settings.py, through ksad_app.domain.reminders).
frappe.ui.form.on("KSAD Settings", {});
