"""Page renderers of the public register (hook ``page_renderer``).

* :class:`OpenDataPage`: ``/kerja-sama-daerah.csv`` and ``.json``, the open data at addresses a person can
  type, answered by :func:`ksad_app.public_register.api.open_data` with its rate limit (the same count as
  the method's address) and its filters.
* :class:`RegisterPage`: the register's www pages (``ksad_app/www/kerja-sama-daerah*``) as Frappe renders
  them, their HTML kept in Redis for visitors without a login, per register version, language, host and
  normalised filters. Frappe's own page cache keys a page by its path only (not its filters), and building
  ``templates/web.html`` costs most of a page's time (see the README, *Public register*). A visitor's
  website context (Frappe's ``get_website_settings``) is kept too: :func:`guest_website_context`.
"""

from urllib.parse import quote

import frappe
from frappe.utils import get_request_site_address
from frappe.utils.jinja import get_jenv
from frappe.website.doctype.website_settings.website_settings import get_website_settings
from frappe.website.page_renderers.base_renderer import BaseRenderer
from frappe.website.page_renderers.template_page import TemplatePage
from jinja2 import BytecodeCache
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


GUEST_CONTEXT_KEY = "ksad_guest_website_context:"
GUEST_CONTEXT_TTL = 600


def guest_website_context() -> frappe._dict:
	"""Frappe's website context (``get_website_settings``: navbar, footer, theme, boot data) as a visitor
	without a login gets it, kept in Redis per language.

	It is the same for every visitor, and building it is most of a fresh page's time on Frappe 15.55: its boot
	data (``get_boot_data`` -> ``frappe.apps.get_apps``) builds the workspace sidebar, and for Guest, whose
	lists of allowed modules are empty, ``build_permissions`` runs again for every workspace (28 times: 440 ms
	of a 1,000 ms page under cProfile at 20,000 cooperations). Cleared with Frappe's website cache (hook
	``website_clear_cache``: Website Settings saved, ``bench migrate``, ``bench clear-website-cache``) and after
	ten minutes; the address of the request is set per request.
	"""
	key = GUEST_CONTEXT_KEY + (frappe.local.lang or "")
	cache = frappe.cache()
	context = cache.get_value(key, expires=True)  # an entry that expires: not the request's local copy
	if context is None:
		context = get_website_settings()
		context.pop("url", None)
		cache.set_value(key, context, expires_in_sec=GUEST_CONTEXT_TTL)
	return frappe._dict(context)


def clear_guest_website_context(path: str | None = None) -> None:
	"""Hook ``website_clear_cache``: Frappe cleared its website cache (``path``: one page of it)."""
	frappe.cache().delete_keys(GUEST_CONTEXT_KEY)


class CompiledTemplates(BytecodeCache):
	"""Jinja's compiled templates kept in the worker process, by template name and source checksum (Jinja's own
	buckets: a changed file is compiled again). Frappe makes a new Jinja environment for each request and
	compiles ``templates/web.html``, ``base.html`` and their includes again each time (80-90 ms of a fresh
	register page at 20,000 cooperations); the register's pages take them from here."""

	def __init__(self) -> None:
		self.codes: dict[str, bytes] = {}

	def load_bytecode(self, bucket) -> None:
		code = self.codes.get(bucket.key)
		if code is not None:
			bucket.bytecode_from_string(code)

	def dump_bytecode(self, bucket) -> None:
		self.codes[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


class RegisterPage(TemplatePage):
	def can_render(self) -> bool:
		return self.path in REGISTER_PAGES and super().can_render()

	def init_context(self) -> None:
		"""Frappe's ``BaseTemplatePage.init_context``, with a visitor's website context from the cache."""
		if frappe.session.user != "Guest":
			return super().init_context()
		self.context = guest_website_context()
		if frappe.request:
			self.context.url = quote(str(get_request_site_address(full_address=True)), safe="/:")
		self.context.read_only_mode = frappe.flags.read_only
		self.context.update(frappe.local.conf.get("website_context") or {})

	def render_template(self) -> str:
		"""Frappe's, with the templates it extends and includes compiled once per worker (:class:`CompiledTemplates`)."""
		get_jenv().bytecode_cache = COMPILED
		return super().render_template()

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
