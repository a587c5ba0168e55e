"""Drive Frappe's desk (v15) in headless Chromium through Playwright, as a user would.

The helpers click and type where a user clicks and types, and wait for what
a user waits for (the form loaded, the page no longer frozen, a dialog). They
read Frappe's client state only to know when the page has settled, never to
decide a test: the steps assert the text the page shows.
"""

import os
import re

from playwright.sync_api import Page, expect

CHROMIUM = os.environ.get("KSAD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--disable-dev-shm-usage",
]
TIMEOUT_MS = 20_000

# Console messages that are not the app's fault: the socket.io server is not run by `bench serve`.
IGNORED_CONSOLE = re.compile(r"socket\.io|Failed to load resource|ERR_CONNECTION_REFUSED|favicon")


# Errors of the page's own scripts fail the step they happen in.
SCRIPT_ERROR = ("pageerror", "TypeError", "ReferenceError", "SyntaxError", "Uncaught")
# ... except a known race of Frappe 15's chart library (frappe-charts): a chart of the workspace
# redraws from its ResizeObserver after the desk has moved to another page, and its
# makeChartArea fails with "removeChild ... not a child of this node". Nothing of the app's runs there.
KNOWN_FRAPPE_ERRORS = (("removeChild", "ResizeObserver.boundDrawFn"),)


def script_error(error: str) -> bool:
	if any(all(part in error for part in known) for known in KNOWN_FRAPPE_ERRORS):
		return False
	return any(s in error for s in SCRIPT_ERROR)


# The desk is settled when no request has been pending and the page not frozen for 700 ms
# (a page fires its requests in waves: the form, then its dashboard, then the timeline).
SETTLED = """() => {
	const idle = window.frappe && frappe.boot && frappe.request && !frappe.request.ajax_count
		&& !(frappe.dom && frappe.dom.freeze_count) && document.readyState === "complete";
	if (!idle) { window.ksad_idle_since = null; return false; }
	window.ksad_idle_since = window.ksad_idle_since || Date.now();
	return Date.now() - window.ksad_idle_since > 700;
}"""


def launch(playwright):
	return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


class Desk:
	"""One user's browser context on the site."""

	def __init__(self, browser, base_url: str, user: str, password: str):
		self.base_url = base_url.rstrip("/")
		self.user = user
		self.password = password
		self.context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="id-ID")
		self.context.set_default_timeout(TIMEOUT_MS)
		self.page: Page = self.context.new_page()
		# Errors the browser reports: uncaught exceptions and console errors of the page's scripts.
		self.errors: list[str] = []
		self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e} {(e.stack or '')[:800]}"))
		self.page.on("console", self._console)

	def _console(self, msg) -> None:
		if msg.type == "error" and not IGNORED_CONSOLE.search(msg.text):
			self.errors.append(f"console: {msg.text[:500]}")

	def close(self) -> None:
		self.context.close()

	# --- navigation --------------------------------------------------------

	def login(self, on_login_page=None) -> None:
		"""Log in through the login page, as a person does (``on_login_page`` runs before the click)."""
		page = self.page
		page.goto(f"{self.base_url}/login")
		page.fill("#login_email", self.user)
		page.fill("#login_password", self.password)
		if on_login_page:
			on_login_page(self)
		page.click(".btn-login")
		page.wait_for_url(re.compile(r"/app(/|$)"))
		self.settle()

	def goto(self, path: str) -> None:
		self.page.goto(f"{self.base_url}{path}")
		self.settle()

	def settle(self) -> None:
		"""Wait until the desk has booted, no request is pending and the page is not frozen."""
		self.page.wait_for_function(SETTLED, timeout=TIMEOUT_MS, polling=100)

	def form(self, doctype: str, name: str | None = None) -> None:
		"""Wait for the form of ``doctype`` (and ``name``) to be shown."""
		self.page.wait_for_function(
			"([dt, dn]) => window.cur_frm && cur_frm.doctype === dt && (!dn || cur_frm.docname === dn)"
			" && cur_frm.page.wrapper.is(':visible') && !cur_frm.is_dirty()",
			arg=[doctype, name],
		)
		self.settle()

	def open_form(self, doctype: str, name: str) -> None:
		slug = doctype.lower().replace(" ", "-")
		self.goto(f"/app/{slug}/{name}")
		self.form(doctype, name)

	def current_name(self) -> str:
		return self.page.evaluate("() => cur_frm.docname")

	def screenshot(self, path: str) -> None:
		# from the top, or the sticky navbar lands in the middle of a full-page picture
		self.page.evaluate("() => window.scrollTo(0, 0)")
		self.page.screenshot(path=path, full_page=True)

	# --- the form --------------------------------------------------------

	def field(self, fieldname: str, scope: str = "") -> str:
		return f"{scope} .frappe-control[data-fieldname='{fieldname}']".strip()

	def fill(self, fieldname: str, value: str, scope: str = "") -> None:
		"""Type into a Data, Small Text, Date or Currency field."""
		control = self.page.locator(self.field(fieldname, scope)).first
		box = control.locator("input, textarea").first
		box.click()
		box.fill(value)
		if box.evaluate("e => e.tagName") == "INPUT":
			box.press("Tab")  # leaves the field: its change is applied, a date picker closes
		self.page.wait_for_timeout(300)

	def select(self, fieldname: str, value: str, scope: str = "") -> None:
		self.page.locator(self.field(fieldname, scope)).first.locator("select").select_option(value)
		self.page.wait_for_timeout(200)

	def link(self, fieldname: str, search: str, choose: str, scope: str = "") -> None:
		"""Type into a Link field and pick the suggestion that shows ``choose``."""
		box = self.page.locator(f"{scope} input[data-fieldname='{fieldname}']".strip()).first
		box.click()
		box.fill("")
		box.press_sequentially(search, delay=30)
		option = self.page.locator("[role='listbox']:visible [role='option']", has_text=choose).first
		option.wait_for()
		option.click()
		self.page.wait_for_timeout(500)

	def grid_add_row(self, table: str) -> str:
		"""Add a row to a child table; return the selector of the new row."""
		grid = self.page.locator(self.field(table))
		grid.locator(".grid-add-row").click()
		count = grid.locator(".grid-body .rows > .grid-row").count()
		return f"{self.field(table)} .grid-body .rows > .grid-row[data-idx='{count}']"

	def grid_link(self, row: str, fieldname: str, search: str, choose: str) -> None:
		"""Fill a Link cell of a grid row in place."""
		self.page.locator(f"{row} .col[data-fieldname='{fieldname}']").click()
		self.link(fieldname, search, choose, scope=row)

	def save(self) -> None:
		self.page.keyboard.press("Control+s")
		self.page.wait_for_function("() => window.cur_frm && !cur_frm.is_new() && !cur_frm.is_dirty()")
		self.settle()

	def primary(self, label: str) -> None:
		"""Click the form's primary button (Simpan, Kirim, Perbarui)."""
		self.page.locator(".page-head:visible .primary-action", has_text=label).click()

	def action(self, label: str) -> None:
		"""Choose a workflow action from the form's action menu (Tindakan)."""
		group = self.page.locator(".page-head:visible .actions-btn-group")
		group.locator("button").first.click()
		group.locator(".dropdown-menu a", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")).click()

	def menu(self, group: str, label: str) -> None:
		"""Click an item of a custom button group (e.g. Buat > Pengakhiran Kerja Sama)."""
		head = self.page.locator(".page-head:visible")
		head.locator(".inner-group-button button", has_text=group).click()
		head.locator(".inner-group-button .dropdown-menu a", has_text=label).click()

	# --- what the page shows ----------------------------------------------

	def dialog(self):
		"""The dialog on top."""
		dialog = self.page.locator(".modal.show .modal-dialog").last
		dialog.wait_for()
		return dialog

	def indicator(self) -> str:
		"""The status pill beside the form's title."""
		return self.page.locator(".page-head:visible .indicator-pill").first.inner_text().strip()

	def expect_indicator(self, text: str) -> None:
		expect(self.page.locator(".page-head:visible .indicator-pill").first).to_have_text(
			re.compile(rf"^\s*{re.escape(text)}\s*$"), timeout=TIMEOUT_MS
		)

	def text(self, selector: str = "body") -> str:
		return self.page.locator(selector).first.inner_text()

	def grid_texts(self, table: str, fieldname: str) -> list[str]:
		"""The values a child table shows in one column, row by row."""
		cells = self.page.locator(
			f"{self.field(table)} .grid-body .rows > .grid-row .col[data-fieldname='{fieldname}'] .static-area"
		)
		return [c.strip() for c in cells.all_inner_texts()]
