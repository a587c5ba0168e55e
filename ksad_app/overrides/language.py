"""The login page in the site's language: Frappe 15.55 picks a visitor's language before it loads the session.

Frappe 15.55 picks the request's language (``HTTPRequest.set_lang``) before
it loads the session: ``frappe.session.user`` is still unset, so every visitor
counts as logged in and keeps the default ``en``; the browser's
``Accept-Language``, the ``preferred_language`` cookie and the site's
language (System Settings, ``id`` on a KSAD site) are never looked at, and the
login page is in English on a site in Bahasa Indonesia. Once the session is
loaded (``before_request`` hooks run then), :func:`set_guest_language` picks
the language again with Frappe's own rules. Logged-in users keep their own
language (User, else System Settings), set by Frappe when it resumed their session.
"""

import frappe
from frappe.translate import get_language


def set_guest_language() -> None:
	if frappe.session and frappe.session.user == "Guest":
		frappe.local.lang = get_language()
