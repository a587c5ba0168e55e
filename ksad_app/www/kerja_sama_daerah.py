"""/kerja-sama-daerah: the public register of inter-regional cooperation (issue 17), for visitors without a login."""

from ksad_app.public_register.pages import list_context

# the page depends on its filters: never Frappe's page cache (the data is kept in Redis, per register version)
no_cache = 1
# listed in /sitemap.xml
sitemap = 1


def get_context(context):
	list_context(context)
