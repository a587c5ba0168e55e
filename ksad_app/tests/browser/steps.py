"""The main path of the app, step by step, as its users walk it in the browser (issue 11, item 7).

Each step logs in (once per user) through the login page as a real user
whose language is ``id``, does what that user does on the desk, and asserts
what the page shows, in Bahasa Indonesia: the status beside the title, the
message above the form, the names in the tables, the dialog's words. A step
fails as well when the page raised a script error, or when English that
Frappe or the app would show untranslated appears on the page.

The steps share a run (:class:`Run`): the cooperation the officer creates
in the first step is the one the body approves and supervises next. The
request to return and the cooperation to terminate are prepared by
``world.py``, so those steps do not depend on the first ones.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from playwright.sync_api import expect

from ksad_app.tests.browser.desk import TIMEOUT_MS, Desk, script_error

COOPERATION = "Inter-Regional Cooperation"
TERMINATION = "Cooperation Termination"
ACTIVITY = "Supervision Activity"

# English that would show on these pages when a translation is missing.
ENGLISH = re.compile(
	r"\b(Connections|You created this|You last edited this|created this|last edited this|Type a reply"
	r"|List View|Report View|Filter By|Edit Filters|Search or type a command|This form is not editable"
	r"|Not Saved|Add Row|Select Guidance Items|Guidance Items of|Supervised by|Ready to ask"
	r"|Waiting for the supervisory body|Every party has recorded|Submitted\. Each party|Not permitted"
	r"|Permanently Submit|Are you sure)\b"
)


@dataclass
class Run:
	"""What the steps share: the prepared world, the users' browser sessions, the screenshots."""

	world: dict
	browser: object
	base_url: str
	artifacts: str
	desks: dict = field(default_factory=dict)
	state: dict = field(default_factory=dict)
	step: str = ""
	shots: list = field(default_factory=list)
	last_desk: Desk | None = None

	def desk(self, user: str) -> Desk:
		"""The user's logged-in session (the first time: through the login page)."""
		if user not in self.desks:
			desk = Desk(self.browser, self.base_url, user, self.world["password"])
			desk.login(on_login_page=None if self.desks else self.login_page)
			self.desks[user] = desk
		self.last_desk = self.desks[user]
		return self.desks[user]

	def login_page(self, desk: Desk) -> None:
		"""The first login page of the run: in Bahasa Indonesia for a browser that asks for it."""
		expect(desk.page.locator(".btn-login").first).to_have_text(re.compile(r"^\s*Masuk\s*$"))
		self.shot(desk, "0-login")

	def shot(self, desk: Desk, label: str) -> None:
		path = f"{self.artifacts}/{self.step}-{label}.png"
		desk.screenshot(path)
		self.shots.append(path)

	def user_date(self, iso: str) -> str:
		"""An ISO date as the user's date format shows it (System Settings, e.g. dd-mm-yyyy)."""
		d = date.fromisoformat(iso)
		fmt = self.world.get("date_format") or "yyyy-mm-dd"
		return fmt.replace("dd", f"{d.day:02d}").replace("mm", f"{d.month:02d}").replace("yyyy", f"{d.year}")


# --- checks ----------------------------------------------------------------


def no_english(desk: Desk, where: str = "body") -> None:
	"""No untranslated string of the app or of Frappe on the visible page."""
	text = desk.page.locator(where).first.inner_text()
	found = sorted(set(ENGLISH.findall(text)))
	assert not found, f"English on the page: {found}"


def headline(desk: Desk) -> str:
	"""The message above the form (the form's intro and its dashboard headline)."""
	return " ".join(desk.page.locator(".form-message:visible").all_inner_texts())


def expect_text(desk: Desk, selector: str, text: str | re.Pattern) -> None:
	expect(desk.page.locator(selector).first).to_contain_text(text, timeout=TIMEOUT_MS)


def stage_history(desk: Desk, fieldname: str) -> list[str]:
	return desk.grid_texts("stage_log", fieldname)


# --- the steps ---------------------------------------------------------------


def officer_creates_and_asks(run: Run) -> None:
	"""A regional officer registers a cooperation of Kota Bandung and Kota Cimahi and asks for Negosiasi."""
	w = run.world
	desk = run.desk(w["officer"])
	# after login the officer is on the KSAD workspace, with no error dialog
	assert re.search(r"/app/ksad$", desk.page.url), desk.page.url
	assert not desk.page.locator(".modal.show").count(), desk.text(".modal.show")
	expect_text(desk, ".page-head:visible .title-text", "KSAD")
	run.shot(desk, "1-workspace")
	no_english(desk)

	desk.goto("/app/inter-regional-cooperation/new")
	desk.page.wait_for_function("() => window.cur_frm && cur_frm.doctype === 'Inter-Regional Cooperation'")
	expect_text(desk, ".page-head:visible .title-text", "Kerja Sama Antardaerah Baru")
	title = f"{w['prefix']}Pengelolaan Sampah Bandung Raya {w['stamp']}"
	desk.fill("title", title)
	desk.link("government_affair", "Lingkungan", "Lingkungan Hidup")
	desk.fill("cooperation_object", "Pengolahan sampah di TPPAS regional")
	for code in w["parties"]:
		name = w["party_names"][code]
		desk.grid_link(desk.grid_add_row("parties"), "regional_government", name.split()[-1], name)
	run.shot(desk, "2-new-cooperation")
	desk.save()
	run.state["cooperation"] = desk.current_name()

	desk.expect_indicator("Penjajakan")
	# names, not codes, in the tables and the message, right after the save (ksad_app/overrides/link_titles.py)
	parties = desk.grid_texts("parties", "regional_government")
	assert parties == [w["party_names"][c] for c in w["parties"]], parties
	bodies = desk.grid_texts("supervisors", "supervisory_body")
	assert bodies == [w["body_name"]], bodies
	message = headline(desk)
	assert f"Dibina dan diawasi oleh {w['body_name']}" in message, message
	assert "Siap mengajukan Negosiasi (tindakan Ajukan)." in message, message
	expect_text(desk, ".form-dashboard", "Permasalahan dan perselisihan terbuka: 0")
	assert desk.page.locator(".form-dashboard .ksad-open-issues").count() == 1
	run.shot(desk, "3-saved")
	no_english(desk)

	desk.action("Ajukan")
	desk.expect_indicator("Usulan Negosiasi")
	desk.settle()
	message = headline(desk)
	assert "Menunggu badan pembina dan pengawas menyetujui atau mengembalikan usulan Negosiasi" in message, (
		message
	)
	run.shot(desk, "4-requested")
	no_english(desk)


def officer_refused_without_browser_error(run: Run) -> None:
	"""Saving a cooperation without the officer's own region is refused with the message, and no script error."""
	w = run.world
	desk = run.desk(w["officer"])
	desk.goto("/app/inter-regional-cooperation/new")
	desk.page.wait_for_function("() => window.cur_frm && cur_frm.doctype === 'Inter-Regional Cooperation'")
	desk.fill("title", f"{w['prefix']}Bukan Daerah Sendiri {w['stamp']}")
	for search, name in (("Cilacap", "Kabupaten Cilacap"), ("Banyumas", "Kabupaten Banyumas")):
		desk.grid_link(desk.grid_add_row("parties"), "regional_government", search, name)
	before = len(desk.errors)
	desk.page.keyboard.press("Control+s")
	dialog = desk.dialog()
	expect(dialog.locator(".modal-title")).to_have_text("Bukan Daerah Anda", timeout=TIMEOUT_MS)
	expect(dialog).to_contain_text("Tambahkan daerah Anda (Kota Bandung (32.73)) pada tabel Para Pihak")
	desk.settle()
	run.shot(desk, "1-refused")
	scripts = [e for e in desk.errors[before:] if script_error(e)]
	assert not scripts, scripts
	assert desk.page.evaluate("() => cur_frm.is_new() && !frappe.ui.form.is_saving")
	desk.page.keyboard.press("Escape")
	# leave the unsaved form without the browser's "leave page?" question
	desk.page.evaluate("() => { cur_frm.doc.__unsaved = 0; }")


def member_approves(run: Run) -> None:
	"""The member of TKKSD Jawa Barat approves the request: the cooperation is at Negosiasi."""
	w = run.world
	name = run.state["cooperation"]
	desk = run.desk(w["member"])
	desk.open_form(COOPERATION, name)
	desk.expect_indicator("Usulan Negosiasi")
	assert desk.grid_texts("parties", "regional_government") == [w["party_names"][c] for c in w["parties"]]
	assert desk.grid_texts("supervisors", "supervisory_body") == [w["body_name"]]
	run.shot(desk, "1-request")
	no_english(desk)
	desk.action("Setujui")
	desk.expect_indicator("Negosiasi")
	desk.settle()
	actions = stage_history(desk, "action")
	assert actions[-2:] == ["Ajukan", "Setujui"], actions
	run.shot(desk, "2-approved")
	no_english(desk)


def member_records_activity(run: Run) -> None:
	"""The member records a pembinaan at Negosiasi, ticking the stage's guidance items in one list."""
	w = run.world
	name = run.state["cooperation"]
	desk = run.desk(w["member"])
	desk.open_form(COOPERATION, name)
	desk.menu("Buat", "Kegiatan Pembinaan dan Pengawasan")
	desk.page.wait_for_function(
		"() => window.cur_frm && cur_frm.doctype === 'Supervision Activity' && cur_frm.ksad_defaults"
	)
	desk.settle()
	desk.select("activity_type", "Pembinaan")
	button = desk.page.locator(".ksad-select-guidance")
	expect(button).to_have_text("Pilih Butir Pembinaan")
	button.click()
	dialog = desk.dialog()
	expect(dialog.locator(".modal-title")).to_have_text("Butir Pembinaan Pasal 10, Tahap Negosiasi")
	boxes = dialog.locator("input[type='checkbox'][data-unit]")
	codes = [boxes.nth(i).get_attribute("data-unit") for i in range(boxes.count())]
	assert codes and all(c.startswith("10.b.") for c in codes), codes
	run.shot(desk, "1-guidance-list")
	for i in range(boxes.count()):
		boxes.nth(i).check()
	dialog.locator(".btn-primary", has_text="Terapkan").click()
	desk.page.wait_for_timeout(300)
	assert desk.grid_texts("guidance_items", "guidance_item") == codes
	desk.fill("description", "Fasilitasi penyusunan materi kesepakatan bersama")
	desk.save()
	desk.expect_indicator("Draf")
	run.state["activity"] = desk.current_name()
	desk.primary("Kirim")
	confirm = desk.dialog()
	expect(confirm.locator(".btn-primary")).to_have_text("Ya")
	expect(confirm.locator(".btn-secondary")).to_have_text("Tidak")
	no_english(desk, ".modal.show")
	confirm.locator(".btn-primary").click()
	# a submitted activity shows its type (the list's indicator, supervision_activity_list.js)
	desk.expect_indicator("Pembinaan")
	desk.page.wait_for_function("() => cur_frm.doc.docstatus === 1")
	desk.settle()
	run.shot(desk, "2-submitted")
	no_english(desk)

	# the cooperation's guidance section: the items given, on the date in the user's format
	desk.open_form(COOPERATION, name)
	section = desk.page.locator(".frappe-control[data-fieldname='guidance_html']")
	today = desk.page.evaluate("() => frappe.datetime.get_today()")
	for code in codes:
		cell = desk.page.locator("td b", has_text=re.compile(rf"^{re.escape(code)}$"))
		row = section.locator("tr", has=cell)
		expect(row).to_contain_text("Sudah diberikan")
		expect(row).to_contain_text(run.user_date(today))
	assert today not in section.inner_text() or run.user_date(today) == today
	section.scroll_into_view_if_needed()
	run.shot(desk, "3-guidance-given")


def member_returns_request(run: Run) -> None:
	"""The member returns a pending request with a reason: the cooperation goes back to Penjajakan."""
	w = run.world
	desk = run.desk(w["member"])
	desk.open_form(COOPERATION, w["pending"])
	desk.expect_indicator("Usulan Negosiasi")
	desk.action("Kembalikan")
	dialog = desk.dialog()
	expect(dialog.locator(".modal-title")).to_have_text("Kembalikan")
	expect(dialog).to_contain_text("Alasan")
	expect(dialog).to_contain_text("Disimpan dalam riwayat tahap dan dikirimkan kepada para pihak.")
	reason = "Objek kerja sama belum dirinci per daerah; lengkapi dan ajukan kembali."
	dialog.locator("textarea").fill(reason)
	run.shot(desk, "1-reason")
	dialog.locator(".btn-primary", has_text="Kembalikan").click()
	desk.expect_indicator("Penjajakan")
	desk.settle()
	assert stage_history(desk, "action")[-1] == "Kembalikan"
	assert reason in stage_history(desk, "reason")[-1]
	run.shot(desk, "2-returned")
	no_english(desk)


def ministry_opens_report(run: Run) -> None:
	"""The Ministry opens the KSAD Register: every cooperation of the country, in Bahasa Indonesia."""
	w = run.world
	desk = run.desk(w["ministry"])
	desk.goto("/app/query-report/KSAD Register")
	desk.page.locator(".dt-scrollable .dt-row").first.wait_for()
	desk.settle()
	expect_text(desk, ".page-head:visible .title-text", "Register KSAD")
	headers = " ".join(desk.page.locator(".dt-header .dt-cell__content").all_inner_texts())
	for label in ("Judul", "Tahap", "Tingkat"):
		assert label in headers, headers
	table = desk.page.locator(".dt-scrollable")
	expect(table).to_contain_text(f"{w['prefix']}Pengakhiran {w['stamp']}")
	run.shot(desk, "1-register")
	no_english(desk)


def officer_terminates(run: Run) -> None:
	"""An officer of a party records the termination at Pengakhiran and submits it; each party records its DPRD report."""
	w = run.world
	desk = run.desk(w["officer"])
	desk.open_form(COOPERATION, w["ending"])
	desk.expect_indicator("Pengakhiran")
	desk.menu("Buat", "Pengakhiran Kerja Sama")
	desk.page.wait_for_function("() => window.cur_frm && cur_frm.doctype === 'Cooperation Termination'")
	desk.settle()
	today = desk.page.evaluate("() => frappe.datetime.get_today()")
	desk.fill("termination_date", run.user_date(today))
	desk.select("reason", "Kesepakatan para pihak")
	desk.save()
	run.state["termination"] = desk.current_name()
	desk.expect_indicator("Draf")
	# the parties the server filled in show their names (ksad_app/overrides/link_titles.py)
	parties = desk.grid_texts("allocations", "regional_government")
	assert parties == [w["party_names"][c] for c in w["parties"]], parties
	run.shot(desk, "1-draft")
	no_english(desk)
	desk.primary("Kirim")
	confirm = desk.dialog()
	confirm.locator(".btn-primary", has_text="Ya").click()
	desk.expect_indicator("Dikirim")
	desk.settle()
	assert "Sudah diajukan. Petugas setiap pihak mencatat" in headline(desk), headline(desk)
	record_dprd_report(run, desk, 1, today)
	run.shot(desk, "2-submitted")

	other = run.desk(w["second_officer"])
	other.open_form(TERMINATION, run.state["termination"])
	record_dprd_report(run, other, 2, today)
	message = headline(other)
	assert "Setiap pihak telah mencatat penyetoran, aset daerah, dan laporannya kepada DPRD" in message
	run.shot(other, "3-complete")
	no_english(other)


def record_dprd_report(run: Run, desk: Desk, idx: int, today: str) -> None:
	"""The party's officer fills its row of the Parties table (DPRD report) and updates the submitted termination."""
	row = f"{desk.field('allocations')} .grid-body .rows > .grid-row[data-idx='{idx}']"
	desk.page.locator(f"{row} .btn-open-row").click()
	form = f"{row} .grid-row-open, .grid-row-open"
	desk.page.locator(form).first.wait_for()
	desk.fill("dprd_report_number", f"170/{idx}/DPRD/{today[:4]}", scope=".grid-row-open")
	desk.fill("dprd_report_date", run.user_date(today), scope=".grid-row-open")
	close = desk.page.locator(".grid-row-open .grid-collapse-row")
	if close.count() and close.first.is_visible():
		close.first.click()
	desk.primary("Perbarui")
	desk.page.wait_for_function("() => !cur_frm.is_dirty()")
	desk.settle()


def officer_asks_to_close_and_member_closes(run: Run) -> None:
	"""The officer asks for Selesai; the body's member approves: the cooperation is closed."""
	w = run.world
	officer = run.desk(w["officer"])
	officer.open_form(COOPERATION, w["ending"])
	officer.action("Ajukan")
	officer.expect_indicator("Usulan Selesai")
	officer.settle()
	run.shot(officer, "1-requested")

	member = run.desk(w["member"])
	member.open_form(COOPERATION, w["ending"])
	member.action("Setujui")
	member.expect_indicator("Selesai")
	member.settle()
	assert stage_history(member, "action")[-1] == "Setujui"
	run.shot(member, "2-closed")
	no_english(member)


def guest_reads_public_register(run: Run) -> None:
	"""A visitor without a login, JavaScript off: filters by province, searches, opens a cooperation, downloads the CSV."""
	w = run.world
	context = run.browser.new_context(
		viewport={"width": 1366, "height": 900},
		locale="id-ID",
		java_script_enabled=False,
		accept_downloads=True,
	)
	try:
		page = context.new_page()
		base = run.base_url.rstrip("/")
		page.goto(f"{base}/kerja-sama-daerah")
		expect(page.locator("h1").first).to_have_text("Register Publik Kerja Sama Antardaerah")
		page.locator("#ksad-province").select_option("32")
		page.get_by_role("button", name="Tampilkan").click()
		page.wait_for_url(re.compile(r"province=32"))
		# the kab/kota of Jawa Barat are offered once the province is chosen
		expect(page.locator("#ksad-region option[value='32.73']")).to_have_count(1)
		title = f"{w['prefix']}Pengakhiran {w['stamp']}"
		page.locator("#ksad-q").fill(title)
		page.get_by_role("button", name="Tampilkan").click()
		page.wait_for_url(re.compile(r"q="))
		expect(page.locator("#ksad-total")).to_have_text("1")
		page.screenshot(path=f"{run.artifacts}/{run.step}-1-register.png", full_page=True)
		run.shots.append(f"{run.artifacts}/{run.step}-1-register.png")
		page.get_by_role("link", name=title).click()
		page.wait_for_url(re.compile(rf"/kerja-sama-daerah/{re.escape(w['ending'])}$"))
		expect(page.locator("h1").first).to_have_text(title)
		table = page.locator("#ksad-cooperation").inner_text()
		for party in w["party_names"].values():
			assert party in table, (party, table)
		assert w["officer"] not in page.content()
		page.screenshot(path=f"{run.artifacts}/{run.step}-2-cooperation.png", full_page=True)
		run.shots.append(f"{run.artifacts}/{run.step}-2-cooperation.png")
		page.go_back()
		with page.expect_download() as download:
			page.locator("#ksad-csv").click()
		with open(download.value.path(), encoding="utf-8") as f:
			lines = f.read().splitlines()
		assert lines[0].startswith("name,title,cooperation_object,government_affair,parties"), lines[0]
		assert len(lines) == 2 and lines[1].startswith(w["ending"] + ","), lines
	finally:
		context.close()


# (name, step, the step whose result it uses)
STEPS = [
	("01-officer-creates-and-asks", officer_creates_and_asks, None),
	("02-officer-refused-without-browser-error", officer_refused_without_browser_error, None),
	("03-member-approves", member_approves, "01-officer-creates-and-asks"),
	("04-member-records-activity", member_records_activity, "03-member-approves"),
	("05-member-returns-request", member_returns_request, None),
	("06-ministry-opens-report", ministry_opens_report, None),
	("07-officer-terminates", officer_terminates, None),
	("08-cooperation-closed", officer_asks_to_close_and_member_closes, "07-officer-terminates"),
	("09-guest-reads-public-register", guest_reads_public_register, None),
]
