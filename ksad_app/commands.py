"""bench commands of ksad_app."""

import time

import click
from frappe.commands import get_site, pass_context


@click.command("ksad-load-demo")
@pass_context
def load_demo(context):
	"""Load a small KSAD demo on real region codes (idempotent)."""
	import frappe

	from ksad_app.setup.demo import load

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


@click.command("ksad-demo-users")
@click.option(
	"--json", "json_path", type=click.Path(dir_okay=False), help="Write the users and passwords here."
)
@click.option("--reset-passwords", is_flag=True, help="Give the existing demo users new passwords.")
@pass_context
def demo_users(context, json_path=None, reset_passwords=False):
	"""One demo user per KSAD role (language id, KSAD workspace), the site in Bahasa Indonesia, setup complete."""
	import json

	import frappe

	from ksad_app.setup.demo import create_demo_users
	from ksad_app.setup.install import prepare_site

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		frappe.set_user("Administrator")
		prepare_site()
		users = create_demo_users(reset_passwords=reset_passwords)
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a bench command owns its transaction
	finally:
		frappe.destroy()
	if json_path:
		with open(json_path, "w") as f:
			json.dump(users, f)
		click.echo(f"{len(users)} demo users on {site} (passwords in {json_path})")
		return
	for user in users:
		password = user["password"] or "(unchanged)"
		click.echo(f"{user['role']:<28} {user['email']:<40} {password}")


@click.command("ksad-prepare-site")
@pass_context
def prepare_site_command(context):
	"""Bahasa Indonesia, Asia/Jakarta, IDR and the setup wizard marked done: a new KSAD site without demo data."""
	import frappe

	from ksad_app.setup.install import prepare_site

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		frappe.set_user("Administrator")
		prepare_site()
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a bench command owns its transaction
		click.echo(f"{site}: language id, time zone Asia/Jakarta, currency IDR, setup complete")
	finally:
		frappe.destroy()


@click.command("ksad-import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check and report every row, then roll everything back.")
@click.option(
	"--user",
	default="Administrator",
	show_default=True,
	help="The KSAD Manager who registers the cooperations (recorded in each Stage History).",
)
@pass_context
def ksad_import(context, file, dry_run=False, user="Administrator"):
	"""Register or update the cooperations of a region's register (CSV or XLSX in Data Import's layout).

	Matches each cooperation on its External Reference: new ones are
	registered at the stage given, known ones updated when a value differs.
	Refused rows are listed with the reason; exit status 1 when any is.
	"""
	import sys

	import frappe

	from ksad_app.setup.register_import import import_register, read_register, report_lines

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	refused = False
	try:
		if not frappe.db.exists("User", user):
			raise click.UsageError(frappe._("No user {0} on {1}.").format(user, site))
		frappe.set_user(user)
		frappe.set_user_lang(user)
		try:
			register = read_register(file)
			with click.progressbar(
				length=len(register.payloads), label=file, file=sys.stderr, show_pos=True
			) as bar:
				summary = import_register(register, dry_run=dry_run, progress=bar.update)
		except (frappe.ValidationError, frappe.PermissionError) as e:
			# a file Data Import's parser cannot read, or a user who may not import
			raise click.ClickException(frappe.utils.strip_html(str(e))) from e
		if not dry_run:
			frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a bench command owns its transaction
		for line in report_lines(summary):
			click.echo(line)
		refused = bool(summary["refused"])
	finally:
		frappe.destroy()
	if refused:
		sys.exit(1)


@click.command("ksad-scale-data")
@click.option("--cooperations", type=int, default=20000, show_default=True)
@click.option("--activities-per-cooperation", type=int, default=10, show_default=True)
@click.option("--seed", type=int, default=2009, show_default=True, help="Same seed, same dataset.")
@click.option("--as-of", default=None, help="The date the history runs up to (default: today).")
@click.option("--remove", is_flag=True, help="Delete the synthetic dataset instead (rows named SYN-...).")
@pass_context
def scale_data(context, cooperations, activities_per_cooperation, seed, as_of=None, remove=False):
	"""Write (or --remove) a synthetic national dataset of cooperations, for benchmarking.

	Every row is named SYN-... and titled [SINTETIS]; see ksad_app/scale/data.py.
	An existing synthetic dataset is removed before a new one is written.
	"""
	import sys

	import frappe

	from ksad_app.scale import data as scale

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		frappe.set_user("Administrator")
		if remove or any(scale.synthetic_counts().values()):
			started = time.perf_counter()
			removed = scale.remove()
			click.echo(
				f"Removed from {site} in {time.perf_counter() - started:.1f} s: "
				+ ", ".join(f"{n} {t}" for t, n in removed.items() if n)
			)
		if remove:
			return
		with click.progressbar(
			length=cooperations, label="cooperations", file=sys.stderr, show_pos=True
		) as bar:
			summary = scale.generate(
				cooperations, activities_per_cooperation, seed, as_of=as_of, progress=bar.update
			)
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a bench command owns its transaction
		for table, n in summary.rows.items():
			click.echo(f"{n:>10}  {table}")
		click.echo(
			f"{summary.total_rows} rows in {summary.seconds:.1f} s ({summary.total_rows / summary.seconds:,.0f} rows/s); "
			f"{summary.regions_as_party} of {summary.regions_available} regions that may be parties are parties; "
			f"bodies added: {len(summary.bodies_created)}; users added: {', '.join(summary.users_created) or 'none'}"
		)
	finally:
		frappe.destroy()


@click.command("ksad-benchmark")
@click.option("--runs", type=int, default=15, show_default=True, help="Timed runs of each thing, per user.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Also write the results here.")
@click.option(
	"--only",
	default=None,
	help="Measure only the things whose kind and name (e.g. 'list page: Supervision Activity') contain this text.",
)
@pass_context
def benchmark(context, runs=15, json_path=None, only=None):
	"""Median server time of every report, card, chart and list, as four kinds of user, against hand-written SQL.

	Needs the dataset of ksad-scale-data (its users). Writes nothing: each
	measurement runs in a transaction that is rolled back.
	"""
	import json

	import frappe

	from ksad_app.scale.benchmark import add_floor_user, environment, format_table, missing_users, run

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		if missing_users():
			raise click.UsageError(
				frappe._(
					"The users of the benchmark are missing on {0}: run bench ksad-scale-data first."
				).format(site)
			)
		if add_floor_user():
			click.echo(frappe._("Added the benchmark's floor user (a regional officer tied to no region)."))
		results = run(runs=runs, only=only, echo=click.echo)
		env = environment(runs)
		click.echo("")
		click.echo(format_table(results, env))
		if json_path:
			with open(json_path, "w") as f:
				json.dump({"environment": env, "results": results}, f, indent=1, default=str)
	finally:
		frappe.db.rollback()
		frappe.destroy()


commands = [load_demo, demo_users, prepare_site_command, ksad_import, scale_data, benchmark]
