"""Issue 11, item 3: concurrency on a running server (gunicorn, four workers, on loopback).

Real users at the same moment, each through the REST API of a separate
worker process:

* two officers save the same cooperation from the same loaded version: the
  second is refused as modified (TimestampMismatchError, HTTP 417) and the
  first one's change is kept;
* two members of the cooperation's body approve the same request at once:
  exactly one transition and one Stage History row;
* two officers of the parties submit a termination of the same cooperation at
  once: exactly one termination.

The server is gunicorn from the bench's environment (``gunicorn -w 4
frappe.app:application`` in the bench's ``sites``), started for this class on
a free port of 127.0.0.1 and stopped after it; the site is chosen by the
``X-Frappe-Site-Name`` header. ``KSAD_TEST_GUNICORN_URL`` points the class at
a server already running instead (it must serve this site).

The world of these tests is its own: the kab/kota Kota Balikpapan (64.71) and
Kota Samarinda (64.72), supervised by the TKKSD of Kalimantan Timur (Pasal 3)
with two members, so that no other suite's body or users change. What the
class commits (the server only sees committed rows) it removes afterwards.
"""

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import frappe
import pymysql
import requests
from frappe.tests.utils import FrappeTestCase

from ksad_app.domain import stages
from ksad_app.roles import REGIONAL_OFFICER, TKKSD_MEMBER
from ksad_app.tests import (
	READY_FOR_NEGOSIASI,
	TEST_PASSWORD,
	TEST_PREFIX,
	WorldTestCase,
	advance,
	ensure_body,
	ensure_user,
	remove_cooperations,
)

COOPERATION = "Inter-Regional Cooperation"
TERMINATION = "Cooperation Termination"
PROVINCE = "64"
BODY = f"TKKSD-{PROVINCE}"
OFFICER_BALIKPAPAN = "officer.balikpapan@ksad.test"
OFFICER_SAMARINDA = "officer.samarinda@ksad.test"
MEMBER_ONE = "tkksd.kaltim.satu@ksad.test"
MEMBER_TWO = "tkksd.kaltim.dua@ksad.test"
PARTIES = {"64.71": OFFICER_BALIKPAPAN, "64.72": OFFICER_SAMARINDA}
TITLE = TEST_PREFIX + "Konkurensi "
WORKERS = 4


def second_connection() -> pymysql.connections.Connection:
	"""A second connection to the site's database, as another request would have."""
	conf = frappe.conf
	return pymysql.connect(
		host=conf.db_host or "127.0.0.1",
		port=int(conf.db_port or 3306),
		user=conf.db_user or conf.db_name,
		password=conf.db_password,
		database=conf.db_name,
		autocommit=False,
	)


def free_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


class Gunicorn:
	"""gunicorn with several workers serving the bench's sites, for the length of a test class."""

	def __init__(self, site: str):
		self.site = site
		self.process = None
		self.url = os.environ.get("KSAD_TEST_GUNICORN_URL")

	def start(self) -> str:
		if self.url:
			return self.url
		sites = Path(frappe.local.sites_path).resolve()
		port = free_port()
		log = open(sites.parent / "logs" / "ksad-test-gunicorn.log", "ab")  # closed in stop()
		self.process = subprocess.Popen(
			[
				str(Path(sys.executable).parent / "gunicorn"),
				"--bind",
				f"127.0.0.1:{port}",
				"--workers",
				str(WORKERS),
				"--timeout",
				"120",
				"--preload",
				"frappe.app:application",
			],
			cwd=sites,
			stdout=log,
			stderr=subprocess.STDOUT,
			start_new_session=True,
		)
		self.log = log
		self.url = f"http://127.0.0.1:{port}"
		for _ in range(120):
			try:
				if requests.get(f"{self.url}/api/method/ping", headers=self.headers, timeout=5).ok:
					return self.url
			except requests.ConnectionError:
				pass
			if self.process.poll() is not None:
				break
			time.sleep(0.5)
		self.stop()
		raise RuntimeError(f"gunicorn did not start (see {sites.parent / 'logs' / 'ksad-test-gunicorn.log'})")

	@property
	def headers(self) -> dict:
		return {"X-Frappe-Site-Name": self.site}

	def stop(self) -> None:
		if self.process is None:
			return
		self.process.terminate()
		try:
			self.process.wait(timeout=30)
		except subprocess.TimeoutExpired:
			self.process.kill()
			self.process.wait()
		self.log.close()
		self.process = None


def at_once(*calls):
	"""Run the calls in threads released at the same instant; their results in order."""
	barrier = threading.Barrier(len(calls))
	results = [None] * len(calls)

	def run(i, call):
		barrier.wait()
		try:
			results[i] = call()
		except Exception as e:  # a failed request is a result to look at, not a crash of the thread
			results[i] = e

	threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
	for t in threads:
		t.start()
	for t in threads:
		t.join(timeout=180)
	return results


def exc_type(response) -> str:
	try:
		return response.json().get("exc_type") or ""
	except ValueError:
		return ""


def fresh() -> None:
	"""End the test's transaction, so that its next read sees what the server committed."""
	frappe.db.rollback()


def ensure_kaltim() -> None:
	"""The officers of the two parties and the TKKSD of Kalimantan Timur with two members."""
	for code, officer in PARTIES.items():
		ensure_user(officer, [REGIONAL_OFFICER], [code])
	ensure_user(MEMBER_ONE, [TKKSD_MEMBER], [])
	ensure_user(MEMBER_TWO, [TKKSD_MEMBER], [])
	ensure_body(
		"Tim Koordinasi Kerja Sama Daerah",
		PROVINCE,
		[
			("Anggota TKKSD Kaltim Satu", "Sekretaris Daerah", MEMBER_ONE),
			("Anggota TKKSD Kaltim Dua", "Kepala Biro Pemerintahan", MEMBER_TWO),
		],
	)
	frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the server is a separate process


class TestConcurrency(WorldTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_kaltim()
		cls.created = []
		cls.server = Gunicorn(frappe.local.site)
		cls.url = cls.server.start()

	@classmethod
	def tearDownClass(cls):
		cls.server.stop()
		remove_cooperations(cls.created)
		super().tearDownClass()

	def setUp(self):
		frappe.local.lang = "en"

	def tearDown(self):
		frappe.set_user("Administrator")

	# --- helpers -----------------------------------------------------------

	def login(self, user: str) -> requests.Session:
		s = requests.Session()
		s.headers.update(self.server.headers)
		r = s.post(f"{self.url}/api/method/login", data={"usr": user, "pwd": TEST_PASSWORD}, timeout=60)
		self.assertEqual(r.status_code, 200, r.text)
		return s

	def resource(self, doctype: str, name: str | None = None) -> str:
		return f"{self.url}/api/resource/{doctype}" + (f"/{name}" if name else "")

	def cooperation(self, title: str, stage: str | None = None, **fields) -> str:
		"""A committed cooperation of Balikpapan and Samarinda, taken to ``stage`` by its own people."""
		frappe.set_user(OFFICER_BALIKPAPAN)
		doc = frappe.get_doc(
			{
				"doctype": COOPERATION,
				"title": TITLE + title,
				"parties": [
					{"regional_government": code, "contact_user": officer}
					for code, officer in PARTIES.items()
				],
				**fields,
			}
		).insert()
		frappe.set_user("Administrator")
		self.created.append(doc.name)
		if stage:
			advance(doc.name, stage, OFFICER_BALIKPAPAN, MEMBER_ONE)
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the server is a separate process
		return doc.name

	def ask(self, name: str) -> None:
		from frappe.model.workflow import apply_workflow

		frappe.set_user(OFFICER_BALIKPAPAN)
		try:
			apply_workflow(frappe.get_doc(COOPERATION, name), stages.AJUKAN)
		finally:
			frappe.set_user("Administrator")
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the server is a separate process

	def assertNoServerError(self, responses):
		for r in responses:
			self.assertNotIsInstance(r, Exception, r)
			self.assertLess(r.status_code, 500, r.text[:2000])

	# --- two users save the same cooperation ----------------------------------

	def test_the_second_save_of_the_same_version_is_refused_and_nothing_is_lost(self):
		name = self.cooperation("Simpan berurutan")
		one, two = self.login(OFFICER_BALIKPAPAN), self.login(OFFICER_SAMARINDA)
		loaded_one = one.get(self.resource(COOPERATION, name), timeout=60).json()["data"]
		loaded_two = two.get(self.resource(COOPERATION, name), timeout=60).json()["data"]
		self.assertEqual(loaded_one["modified"], loaded_two["modified"])

		first = one.put(
			self.resource(COOPERATION, name),
			json={"cooperation_object": "Versi Balikpapan", "modified": loaded_one["modified"]},
			timeout=60,
		)
		second = two.put(
			self.resource(COOPERATION, name),
			json={"estimated_value": 750_000_000, "modified": loaded_two["modified"]},
			timeout=60,
		)
		self.assertEqual(first.status_code, 200, first.text)
		self.assertEqual(second.status_code, 417, second.text)
		self.assertEqual(exc_type(second), "TimestampMismatchError")

		fresh()
		stored = frappe.db.get_value(
			COOPERATION, name, ["cooperation_object", "estimated_value"], as_dict=True
		)
		self.assertEqual(stored.cooperation_object, "Versi Balikpapan")
		self.assertFalse(stored.estimated_value)

		# the refused user reloads and saves again: both changes are kept
		reloaded = two.get(self.resource(COOPERATION, name), timeout=60).json()["data"]
		self.assertEqual(reloaded["cooperation_object"], "Versi Balikpapan")
		again = two.put(
			self.resource(COOPERATION, name),
			json={"estimated_value": 750_000_000, "modified": reloaded["modified"]},
			timeout=60,
		)
		self.assertEqual(again.status_code, 200, again.text)
		fresh()
		stored = frappe.db.get_value(
			COOPERATION, name, ["cooperation_object", "estimated_value"], as_dict=True
		)
		self.assertEqual(
			(stored.cooperation_object, stored.estimated_value), ("Versi Balikpapan", 750_000_000)
		)

	def test_two_saves_of_the_form_at_the_same_instant_one_wins_the_other_is_refused(self):
		"""The desk's Save (frappe.desk.form.save.savedocs) with the whole loaded document, both at once."""
		name = self.cooperation("Simpan bersamaan")
		one, two = self.login(OFFICER_BALIKPAPAN), self.login(OFFICER_SAMARINDA)
		doc_one = one.get(self.resource(COOPERATION, name), timeout=60).json()["data"]
		doc_two = two.get(self.resource(COOPERATION, name), timeout=60).json()["data"]
		doc_one["cooperation_object"] = "Disimpan oleh Balikpapan"
		doc_two["cooperation_object"] = "Disimpan oleh Samarinda"

		def save(session, doc):
			return lambda: session.post(
				f"{self.url}/api/method/frappe.desk.form.save.savedocs",
				data={"doc": json.dumps(doc), "action": "Save"},
				timeout=120,
			)

		results = at_once(save(one, doc_one), save(two, doc_two))
		self.assertNoServerError(results)
		self.assertEqual(sorted(r.status_code for r in results), [200, 417], [r.text[:500] for r in results])
		loser = next(r for r in results if r.status_code == 417)
		self.assertEqual(exc_type(loser), "TimestampMismatchError")
		winner = next(doc for doc, r in zip((doc_one, doc_two), results, strict=True) if r.status_code == 200)
		fresh()
		self.assertEqual(
			frappe.db.get_value(COOPERATION, name, "cooperation_object"), winner["cooperation_object"]
		)

	# --- two members approve the same request -------------------------------------

	def test_two_members_approving_the_same_request_at_once_make_one_transition(self):
		members = self.login(MEMBER_ONE), self.login(MEMBER_TWO)
		for round_ in range(3):
			with self.subTest(round=round_):
				name = self.cooperation(f"Setujui bersamaan {round_}", **READY_FOR_NEGOSIASI)
				self.ask(name)

				def approve(session, name=name):
					return lambda: session.post(
						f"{self.url}/api/method/frappe.model.workflow.apply_workflow",
						data={
							"doc": json.dumps({"doctype": COOPERATION, "name": name}),
							"action": stages.SETUJUI,
						},
						timeout=120,
					)

				results = at_once(*(approve(s) for s in members))
				self.assertNoServerError(results)
				self.assertEqual(
					sorted(r.status_code for r in results), [200, 417], [r.text[:500] for r in results]
				)
				self.assert_one_move(name, stages.SETUJUI, "Negosiasi")

	def test_approve_and_return_at_once_make_one_transition(self):
		"""One member approves (Frappe's apply_workflow), the other returns with a reason (ksad_app.api.apply_action)."""
		one, two = self.login(MEMBER_ONE), self.login(MEMBER_TWO)
		name = self.cooperation("Setujui dan kembalikan bersamaan", **READY_FOR_NEGOSIASI)
		self.ask(name)
		results = at_once(
			lambda: one.post(
				f"{self.url}/api/method/frappe.model.workflow.apply_workflow",
				data={"doc": json.dumps({"doctype": COOPERATION, "name": name}), "action": stages.SETUJUI},
				timeout=120,
			),
			lambda: two.post(
				f"{self.url}/api/method/ksad_app.api.apply_action",
				data={"cooperation": name, "action": stages.KEMBALIKAN, "reason": "Kajian belum lengkap"},
				timeout=120,
			),
		)
		self.assertNoServerError(results)
		self.assertEqual(sorted(r.status_code for r in results), [200, 417], [r.text[:500] for r in results])
		fresh()
		log = frappe.get_all(
			"Cooperation Stage Log",
			filters={"parent": name, "parenttype": COOPERATION},
			fields=["action", "to_state"],
			order_by="idx asc",
		)
		self.assertEqual(len(log), 2, log)
		self.assertEqual(log[0].action, stages.AJUKAN)
		state = frappe.db.get_value(COOPERATION, name, "workflow_state")
		self.assertEqual(log[1].to_state, state)
		self.assertIn(
			(log[1].action, state), [(stages.SETUJUI, "Negosiasi"), (stages.KEMBALIKAN, "Penjajakan")]
		)

	def assert_one_move(self, name: str, action: str, state: str) -> None:
		fresh()
		self.assertEqual(frappe.db.get_value(COOPERATION, name, ["workflow_state", "stage"]), (state, state))
		log = frappe.get_all(
			"Cooperation Stage Log",
			filters={"parent": name, "parenttype": COOPERATION},
			fields=["action", "user"],
			order_by="idx asc",
		)
		self.assertEqual([r.action for r in log], [stages.AJUKAN, action], log)
		self.assertIn(log[1].user, (MEMBER_ONE, MEMBER_TWO))

	# --- two officers terminate the same cooperation ----------------------------

	def termination(self, session: requests.Session, cooperation: str, submit: bool):
		"""A termination posted by ``session`` (a call for at_once: threads have no frappe.local)."""
		url = self.resource(TERMINATION)
		data = {
			"cooperation": cooperation,
			"termination_date": frappe.utils.today(),
			"reason": "Kesepakatan para pihak",
			"docstatus": 1 if submit else 0,
		}
		return lambda: session.post(url, json=data, timeout=120)

	def terminations(self, cooperation: str) -> list[tuple[str, int]]:
		fresh()
		return frappe.get_all(
			TERMINATION, filters={"cooperation": cooperation}, fields=["name", "docstatus"], as_list=True
		)

	def test_two_officers_submitting_terminations_at_once_make_one(self):
		one, two = self.login(OFFICER_BALIKPAPAN), self.login(OFFICER_SAMARINDA)
		for round_ in range(2):
			with self.subTest(round=round_):
				name = self.cooperation(f"Pengakhiran bersamaan {round_}", stage=stages.PENGAKHIRAN)
				results = at_once(self.termination(one, name, True), self.termination(two, name, True))
				self.assertNoServerError(results)
				self.assertEqual(
					sorted(r.status_code for r in results), [200, 417], [r.text[:500] for r in results]
				)
				self.assertEqual(
					exc_type(next(r for r in results if r.status_code == 417)), "TerminationError"
				)
				self.assertEqual([d for _n, d in self.terminations(name)], [1])

	def test_two_officers_drafting_terminations_at_once_make_one_draft(self):
		one, two = self.login(OFFICER_BALIKPAPAN), self.login(OFFICER_SAMARINDA)
		name = self.cooperation("Draf pengakhiran bersamaan", stage=stages.PENGAKHIRAN)
		results = at_once(self.termination(one, name, False), self.termination(two, name, False))
		self.assertNoServerError(results)
		self.assertEqual(sorted(r.status_code for r in results), [200, 417], [r.text[:500] for r in results])
		drafts = self.terminations(name)
		self.assertEqual([d for _n, d in drafts], [0])
		# and the one draft can be submitted (two drafts would have blocked each other's submission)
		winner = one if results[0].status_code == 200 else two
		doc = winner.get(self.resource(TERMINATION, drafts[0][0]), timeout=60).json()["data"]
		r = winner.post(
			f"{self.url}/api/method/frappe.desk.form.save.savedocs",
			data={"doc": json.dumps(doc), "action": "Submit"},
			timeout=120,
		)
		self.assertEqual(r.status_code, 200, r.text[:2000])
		self.assertEqual([d for _n, d in self.terminations(name)], [1])

	def test_two_parties_recording_their_follow_ups_on_one_termination_at_once(self):
		"""Fault drill (issue 18, scripts/drill-concurrent-edit): each party's officer records its own row of
		the same submitted termination from the form (savedocs, Update) at the same instant, ROUNDS times.
		One is refused as modified with Frappe's message, nothing is lost: the refused officer reloads and
		saves again, and in the end both rows hold what their officers entered."""
		rounds = 8
		name = self.cooperation("Pengakhiran, catatan bersamaan", stage=stages.PENGAKHIRAN)
		frappe.set_user(OFFICER_BALIKPAPAN)
		termination = frappe.get_doc(
			{
				"doctype": TERMINATION,
				"cooperation": name,
				"termination_date": frappe.utils.today(),
				"reason": "Kesepakatan para pihak",
			}
		).insert()
		termination.submit()
		frappe.set_user("Administrator")
		frappe.db.commit()  # nosemgrep: frappe-manual-commit -- the server is a separate process
		sessions = {code: self.login(officer) for code, officer in PARTIES.items()}

		def load(code):
			return sessions[code].get(self.resource(TERMINATION, termination.name), timeout=60).json()["data"]

		def entered(code, round_):
			return {"deposit_reference": f"STS/{code}/{round_}", "deposit_date": frappe.utils.today()}

		def save(code, doc, round_):
			row = next(r for r in doc["allocations"] if r["regional_government"] == code)
			row.update(entered(code, round_))
			return lambda: sessions[code].post(
				f"{self.url}/api/method/frappe.desk.form.save.savedocs",
				data={"doc": json.dumps(doc), "action": "Update"},
				timeout=120,
			)

		refused, messages, elapsed = 0, set(), []
		for round_ in range(rounds):
			loaded = {code: load(code) for code in PARTIES}
			start = time.perf_counter()
			results = at_once(*(save(code, loaded[code], round_) for code in PARTIES))
			elapsed.append(time.perf_counter() - start)
			self.assertNoServerError(results)
			self.assertEqual(
				sorted(r.status_code for r in results), [200, 417], [r.text[:500] for r in results]
			)
			for code, r in zip(PARTIES, results, strict=True):
				if r.status_code != 417:
					continue
				refused += 1
				self.assertEqual(exc_type(r), "TimestampMismatchError")
				message = json.loads(json.loads(r.json()["_server_messages"])[0])["message"]
				messages.add(re.sub(r"\s*\([^)]*\)", "", frappe.utils.strip_html(message)))  # no timestamps
				again = save(code, load(code), round_)()  # the refused officer reloads and saves again
				self.assertEqual(again.status_code, 200, again.text[:2000])
			fresh()
			stored = {
				r.regional_government: r.deposit_reference
				for r in frappe.get_all(
					"Termination Allocation",
					filters={"parent": termination.name, "parenttype": TERMINATION},
					fields=["regional_government", "deposit_reference"],
				)
			}
			self.assertEqual(stored, {code: entered(code, round_)["deposit_reference"] for code in PARTIES})
		print(
			f"\nDrill, two parties recording their follow-ups on one termination at once: {rounds} rounds,"
			f" {refused} saves refused as modified and saved again after a reload, 0 entries lost;"
			f" median of a round {sorted(elapsed)[len(elapsed) // 2] * 1000:.0f} ms; the refused officer reads: {' | '.join(sorted(messages))}"
		)

	def test_reading_a_cooperation_for_update_locks_its_row_and_no_child_rows(self):
		"""ksad_app.overrides.document_lock: the saves of two cooperations never wait for each other's child rows."""
		mine, other = self.cooperation("Kunci baris", stages.NEGOSIASI), self.cooperation("Tetangga")
		frappe.get_doc(COOPERATION, mine, for_update=True)  # what every save and REST update does first
		second = second_connection()
		try:
			with second.cursor() as cur:
				cur.execute("SET SESSION innodb_lock_wait_timeout = 1")
				for parent in (mine, other):  # the child rows, its own and the neighbour's: free
					cur.execute(
						"SELECT name FROM `tabCooperation Stage Log` WHERE parent = %s FOR UPDATE", (parent,)
					)
					self.assertTrue(cur.fetchall() or parent == other)
				cur.execute(f"SELECT name FROM `tab{COOPERATION}` WHERE name = %s FOR UPDATE", (other,))
				second.rollback()
				with self.assertRaises(pymysql.err.OperationalError) as refused:  # its own row: taken
					cur.execute(f"SELECT name FROM `tab{COOPERATION}` WHERE name = %s FOR UPDATE", (mine,))
				self.assertEqual(refused.exception.args[0], 1205)  # lock wait timeout
		finally:
			second.close()
			frappe.db.rollback()

	def test_a_stale_snapshot_reads_the_cooperation_as_frappe_does(self):
		"""When another save committed after this transaction began, the locked read is Frappe's own (fresh)."""
		name = self.cooperation("Salinan lama")
		frappe.db.rollback()
		before = frappe.get_doc(COOPERATION, name)  # this transaction's snapshot begins here
		second = second_connection()
		try:
			with second.cursor() as cur:
				cur.execute(
					f"UPDATE `tab{COOPERATION}` SET modified = %s, cooperation_object = %s WHERE name = %s",
					(frappe.utils.now_datetime(), "diubah di sambungan lain", name),
				)
			second.commit()
		finally:
			second.close()
		self.assertEqual(frappe.get_doc(COOPERATION, name).cooperation_object, before.cooperation_object)
		locked = frappe.get_doc(COOPERATION, name, for_update=True)
		self.assertEqual(locked.cooperation_object, "diubah di sambungan lain")
		self.assertGreater(locked.modified, before.modified)
		frappe.db.rollback()


class TestDeadlockRetry(FrappeTestCase):
	"""ksad_app.workflow.actions.retry_on_deadlock: a deadlock victim's action runs again; nothing else is retried."""

	def test_a_deadlock_victim_runs_again_and_other_errors_are_not_retried(self):
		from ksad_app.workflow.actions import DEADLOCK_ATTEMPTS, retry_on_deadlock

		calls = []

		def deadlocked_once():
			calls.append(1)
			if len(calls) == 1:
				raise frappe.QueryDeadlockError("1213 Deadlock found when trying to get lock")
			return "done"

		self.assertEqual(retry_on_deadlock(deadlocked_once), "done")
		self.assertEqual(len(calls), 2)

		calls.clear()

		def always_deadlocked():
			calls.append(1)
			raise frappe.QueryDeadlockError("1213 Deadlock found when trying to get lock")

		with self.assertRaises(frappe.QueryDeadlockError):
			retry_on_deadlock(always_deadlocked)
		self.assertEqual(len(calls), DEADLOCK_ATTEMPTS)

		calls.clear()

		def refused():
			calls.append(1)
			raise frappe.ValidationError("refused")

		with self.assertRaises(frappe.ValidationError):
			retry_on_deadlock(refused)
		self.assertEqual(len(calls), 1)
