from ksad_app.domain.stages import ACTIONS as STAGE_ACTIONS
from ksad_app.domain.stages import states as stage_states

app_name = "ksad_app"
app_title = "KSAD"
app_publisher = "ksad_app developers"
app_description = "Pembinaan dan pengawasan Kerja Sama Antardaerah (Permendagri No. 23 Tahun 2009)"
app_email = "ksad-app@example.org"
app_license = "mit"

# Apps
# ------------------

# "org/repo" form: a bare "frappe" makes install-app look the organisation up
# on the GitHub API, which fails on servers without internet access.
required_apps = ["frappe/frappe"]

# Write the DocType field types into the controllers (developer mode)
export_python_type_annotations = True

# Installation
# ------------

# Load the shipped master data (regions, government affairs) idempotently
after_install = [
	"ksad_app.setup.install.after_install",
	"ksad_app.setup.indexes.ensure_indexes",
	"ksad_app.setup.users.set_ksad_home_for_all",
]
after_migrate = [
	"ksad_app.setup.install.after_migrate",
	"ksad_app.setup.indexes.ensure_indexes",
	"ksad_app.setup.users.set_ksad_home_for_all",
	"ksad_app.public_register.cache.register_changed",
]
before_uninstall = "ksad_app.setup.install.before_uninstall"

# ERPNext installed or removed after this app: add or remove the custom
# fields of the asset integration (ksad_app/integrations/erpnext.py).
after_app_install = "ksad_app.setup.install.after_app_install"
before_app_uninstall = "ksad_app.setup.install.before_app_uninstall"

# Includes
# --------

# A save refused with 403 gives its message without a browser error (ksad_app/public/js/refused_request.js);
# inlined into these forms' scripts by the server, so it needs no asset build.
doctype_js = {
	doctype: "public/js/refused_request.js"
	for doctype in (
		"Inter-Regional Cooperation",
		"Supervision Activity",
		"Cooperation Issue",
		"Cooperation Termination",
		"Supervision Report",
	)
}

# Fixtures
# --------

fixtures = [
	{
		"dt": "Role",
		"filters": [
			[
				"name",
				"in",
				[
					"KSAD Regional Officer",
					"Sekretariat Bersama Member",
					"TKKSD Member",
					"Governor Office",
					"Ministry Official",
					"KSAD Manager",
				],
			]
		],
	},
	# The stages of Pasal 4 as a Frappe Workflow (see ksad_app/domain/stages.py).
	{"dt": "Workflow", "filters": [["name", "=", "Tahapan KSAD"]]},
	{"dt": "Workflow State", "filters": [["name", "in", list(stage_states())]]},
	{"dt": "Workflow Action Master", "filters": [["name", "in", list(STAGE_ACTIONS)]]},
]

# Website
# -------
# The public register (issue 17): /kerja-sama-daerah (ksad_app/www), a page per published cooperation,
# its sitemap, and the open data at /kerja-sama-daerah.csv and .json (ksad_app/public_register), the pages'
# HTML kept in Redis for guests (renderer.RegisterPage).
website_route_rules = [
	{"from_route": "/kerja-sama-daerah/<name>", "to_route": "kerja-sama-daerah-detail"},
]
page_renderer = [
	"ksad_app.public_register.renderer.OpenDataPage",
	"ksad_app.public_register.renderer.RegisterPage",
]
website_clear_cache = ["ksad_app.public_register.renderer.clear_guest_website_context"]

# Permissions
# -----------
# Row-level access in one module: see ksad_app/permissions.py (hooks below)

# Users of the KSAD roles land on the KSAD workspace.
doc_events = {"User": {"validate": "ksad_app.setup.users.set_ksad_home"}}

# Every value checked against its field's type before the controllers and MariaDB see it
# (ksad_app/overrides/input_checks.py); the REST insert and update are checked before Frappe builds the document.
_INPUT_CHECKED_DOCTYPES = (
	"Cooperation Guidance Record",
	"Cooperation Issue",
	"Cooperation Party",
	"Cooperation Stage Log",
	"Cooperation Supervisor",
	"Cooperation Termination",
	"Government Affair",
	"Guidance Item",
	"Inter-Regional Cooperation",
	"KSAD Settings",
	"Regional Government",
	"Supervision Activity",
	"Supervision Activity Item",
	"Supervision Report",
	"Supervision Report Issue",
	"Supervision Report Line",
	"Supervision Report Source",
	"Supervisory Body",
	"Supervisory Body Member",
	"Termination Allocation",
	"Termination Asset",
	"Termination Liability",
	"Termination Reminder",
)
for _doctype in _INPUT_CHECKED_DOCTYPES:
	doc_events[_doctype] = {
		"before_validate": "ksad_app.overrides.input_checks.check_document",
		"before_update_after_submit": "ksad_app.overrides.input_checks.check_document",
	}
# The public register shows the names of regions, affairs and bodies: a change gives it a new version
# (ksad_app/public_register/cache.py; the cooperation's own controller does the same).
for _doctype in ("Regional Government", "Government Affair", "Supervisory Body"):
	doc_events[_doctype]["on_change"] = "ksad_app.public_register.cache.register_changed"
	doc_events[_doctype]["on_trash"] = "ksad_app.public_register.cache.register_changed"
before_request = ["ksad_app.overrides.input_checks.check_request"]
# The login page in the visitor's language (the site's, Bahasa Indonesia), not always English (ksad_app/overrides/language.py).
before_request.append("ksad_app.overrides.language.set_guest_language")
# A first page of a desk list, marked for the shape of the row-level condition (ksad_app/overrides/reportview.py).
before_request.append("ksad_app.overrides.reportview.mark_list_page")

permission_query_conditions = {
	"Inter-Regional Cooperation": "ksad_app.permissions.cooperation_query_conditions",
	"Supervision Activity": "ksad_app.permissions.activity_query_conditions",
	"Cooperation Issue": "ksad_app.permissions.issue_query_conditions",
	"Cooperation Termination": "ksad_app.permissions.termination_query_conditions",
	"Supervision Report": "ksad_app.permissions.report_query_conditions",
}

has_permission = {
	"Inter-Regional Cooperation": "ksad_app.permissions.cooperation_has_permission",
	"Supervision Activity": "ksad_app.permissions.activity_has_permission",
	"Cooperation Issue": "ksad_app.permissions.issue_has_permission",
	"Cooperation Termination": "ksad_app.permissions.termination_has_permission",
	"Supervision Report": "ksad_app.permissions.report_has_permission",
}

# Cards and charts only read: on the read replica when the site has one (ksad_app/overrides/replica.py)
override_whitelisted_methods = {
	"frappe.desk.doctype.number_card.number_card.get_result": "ksad_app.overrides.replica.number_card_result",
	"frappe.desk.doctype.number_card.number_card.get_percentage_difference": (
		"ksad_app.overrides.replica.number_card_percentage_difference"
	),
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": "ksad_app.overrides.replica.dashboard_chart_data",
	# Frappe 15.55 counts every row here, with no permission check (ksad_app/overrides/client.py)
	"frappe.client.get_count": "ksad_app.overrides.client.get_count",
	# the form's workflow buttons, retried when MariaDB resolves a deadlock (ksad_app/overrides/workflow.py)
	"frappe.model.workflow.apply_workflow": "ksad_app.overrides.workflow.apply_workflow",
	# the app's script reports: filters checked, the Report read from the cache (ksad_app/overrides/query_report.py)
	"frappe.desk.query_report.run": "ksad_app.overrides.query_report.run_report",
}

# Scheduled Tasks
# ---------------

scheduler_events = {
	# The outbox's sweep: notices whose job Redis did not take or lost (ksad_app/notifications/outbox.py).
	"cron": {"* * * * *": ["ksad_app.notifications.outbox.send_queued"]},
	"daily": [
		"ksad_app.notifications.follow_ups.remind_overdue_follow_ups",
		"ksad_app.notifications.termination_reminders.send_termination_reminders",
	],
}

# Sent notices of the outbox are cleared after 30 days (Log Settings); a notice does not keep the document
# it reports from being deleted (as Frappe's own Notification Log does not).
default_log_clearing_doctypes = {"KSAD Notice": 30}
ignore_links_on_delete = ["KSAD Notice"]
