// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

// Read-only: notices are written by the app with the change they report and sent by a background job
// (ksad_app/notifications/outbox.py). Nothing to do on the form.
frappe.ui.form.on("KSAD Notice", {});
