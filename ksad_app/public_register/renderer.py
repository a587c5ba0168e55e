"""Page renderers of the public register (hook ``page_renderer``).

* :class:`OpenDataPage`: ``/kerja-sama-daerah.csv`` and ``.json``, the open data at addresses a person can
  type, answered by :func:`ksad_app.public_register.api.open_data` with its rate limit (the same count as
  the method's address) and its filters.
* :class:`RegisterPage`: the register's www pages (``ksad_app/www/kerja-sama-daerah*``) as Frappe renders
  them, their HTML kept in Redis for visitors without a login, per register version, language, host and
  normalised filters. Frappe's own page cache keys a page by its path only (not its filters), and building
  ``templates/web.html`` costs most of a page's time (see the README, *Public register*).
"""

import frappe
from frappe.website.page_renderers.base_renderer import BaseRenderer
from frappe.website.page_renderers.template_page import TemplatePage
from werkzeug.wrappers import Response

from ksad_app.domain import public_register as rules
from ksad_app.public_register import api
from ksad_app.public_register.cache import cached

ROUTES = {"kerja-sama-daerah.csv": "csv", "kerja-sama-daerah.json": "json"}
FILTER_ARGS = ("province", "region", "affair", "stage", "year", "q")


class OpenDataPage(BaseRenderer):
	def can_render(self) -> bool:
		return self.path in ROUTES

	def render(self) -> Response:
		if frappe.request and frappe.request.method not in ("GET", "HEAD"):
			return Response(status=405, headers={"Allow": "GET, HEAD"})
		args = {k: v for k in FILTER_ARGS if isinstance(v := frappe.form_dict.get(k), str)}
		# the rate limit counts requests per method and visitor: the same count as /api/method/...open_data
		frappe.form_dict.cmd = "ksad_app.public_register.api.open_data"
		try:
			return api.open_data(format=ROUTES[self.path], **args)
		except frappe.RateLimitExceededError:
			frappe.clear_messages()
			return Response("Too Many Requests", status=429, content_type="text/plain; charset=utf-8")


# The www pages of the register (after website_route_rules: /kerja-sama-daerah/<name> is the detail page).
REGISTER_PAGES = ("kerja-sama-daerah", "kerja-sama-daerah-detail", "kerja-sama-daerah-sitemap.xml")


class RegisterPage(TemplatePage):
	def can_render(self) -> bool:
		return self.path in REGISTER_PAGES and super().can_render()

	def get_html(self) -> str:
		if frappe.session.user != "Guest":
			return super().get_html()
		name = frappe.form_dict.get("name") if self.path == "kerja-sama-daerah-detail" else ""
		if not isinstance(name, str) or len(name) > 140:
			name = ""
		filters = (
			rules.normalise_filters(frappe.form_dict) if self.path == "kerja-sama-daerah" else rules.Filters()
		)
		host = frappe.local.request.host if getattr(frappe.local, "request", None) else ""
		key = f"{frappe.local.lang}|{host}|{self.path}|{name}|{filters.key()}|{filters.page}"
		# a 404 (PageDoesNotExistError) is raised through, never kept
		return cached("html", key, super().get_html)
