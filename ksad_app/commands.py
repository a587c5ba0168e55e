"""bench commands of ksad_app."""

import click
from frappe.commands import get_site, pass_context


@click.command("ksad-load-demo")
@pass_context
def load_demo(context):
	"""Load a small KSAD demo on real region codes (idempotent)."""
	import frappe

	from ksad_app.demo import load

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		frappe.set_user("Administrator")
		names = load()
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a bench command owns its transaction
		click.echo(f"Demo cooperations on {site}: {', '.join(names)}")
	finally:
		frappe.destroy()


commands = [load_demo]
