// Copyright (c) 2026, ksad_app developers and contributors
// For license information, please see license.txt

// A save refused with 403 (a regional officer saving a cooperation without their own region,
// an officer recording another party's deposit, a member outside the body) shows the server's
// message, then Frappe 15 failed with "TypeError: Cannot read properties of undefined
// (reading 'exc')": its request layer calls the error callback of a 403 without the response
// (frappe/public/js/frappe/request.js, statusCode[403]), and the form's save callback reads
// `r.exc` (frappe/public/js/frappe/form/form.js, validate_and_save). The app's own scripts
// are not on that path. Hand the callback what every other refused status hands it, a
// response with `exc`, so the form takes its normal refused-save branch.
// Loaded with the app's forms through the `doctype_js` hook (no asset build needed).
(() => {
	if (frappe.request.ksad_refusal_handled) return;
	const call = frappe.request.call;
	const with_response =
		(on_error) =>
		(r, ...rest) =>
			on_error(r || { exc: "frappe.exceptions.PermissionError" }, ...rest);
	frappe.request.call = function (opts) {
		// frappe.call passes `error`, which frappe.request.prepare copies to `error_callback`
		for (const key of ["error", "error_callback"]) {
			if (opts && typeof opts[key] === "function") opts[key] = with_response(opts[key]);
		}
		return call.call(this, opts);
	};
	frappe.request.ksad_refusal_handled = true;
})();
