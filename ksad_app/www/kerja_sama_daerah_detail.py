"""/kerja-sama-daerah/<number> (website_route_rules in hooks.py): one published cooperation; 404 otherwise."""

from ksad_app.public_register.pages import detail_context

no_cache = 1
sitemap = 0


def get_context(context):
	detail_context(context)
