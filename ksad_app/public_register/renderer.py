"""``/kerja-sama-daerah.csv`` and ``/kerja-sama-daerah.json``: the open data at addresses a person can type.

A page renderer (hook ``page_renderer``) that answers exactly these two paths
with :func:`ksad_app.public_register.api.open_data`, with its rate limit (the
same count as the method's address) and its filters.
"""

import frappe
from frappe.website.page_renderers.base_renderer import BaseRenderer
from werkzeug.wrappers import Response

from ksad_app.public_register import api

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
