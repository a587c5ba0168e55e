"""/kerja-sama-daerah-sitemap.xml: the pages of the public register for search engines."""

from ksad_app.public_register.pages import sitemap_context

no_cache = 1
sitemap = 0


def get_context(context):
	sitemap_context(context)
