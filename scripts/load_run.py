"""A bounded load run against a running ksad_app site (issue 11, item 3): scripts/load-run calls it.

    python load_run.py --url http://127.0.0.1:PORT --site SITE [--clients 8] [--seconds 60]

N clients, each a regional officer and a member of the supervising body
(real users of the test world, ``ksad_app.tests.ensure_world``, logged in
over HTTP), work for T seconds on a cooperation of their own, the way the
desk does:

* reads: the list view (``frappe.desk.reportview.get``), the form
  (``frappe.desk.form.load.getdoc``, with its onload), a script report
  (*KSAD Register*, ``frappe.desk.query_report.run``);
* saves: the officer changes the cooperation's object (``PUT /api/resource``
  with the ``modified`` it loaded, as the form sends it);
* workflow actions: the officer asks (*Ajukan*, ``frappe.model.workflow.apply_workflow``),
  the member returns the request with a reason (*Kembalikan*, ``ksad_app.api.apply_action``).

Prints the requests per second, the median and 95th percentile latency per
kind of request, and the errors by HTTP status; exits 1 on any server error
(5xx) or failed connection. Figures are printed, never asserted. Only the
standard library and ``requests`` (which every Frappe bench has).

``--events FILE`` also writes one JSON line per request (wall-clock start and
end, kind, status, whether the body showed a traceback, the client's
cooperation and, for a save, the value sent), for the fault drills.
"""

import argparse
import json
import random
import statistics
import sys
import threading
import time
from collections import Counter, defaultdict

import requests

COOPERATION = "Inter-Regional Cooperation"
# The test world of ksad_app/tests/__init__.py: officers of Kota Bandung and Kota Cimahi, a member of
# TKKSD Jawa Barat, which supervises their cooperations (Pasal 3).
OFFICERS = ("officer.bandung@ksad.test", "officer.cimahi@ksad.test")
MEMBER = "tkksd.jabar@ksad.test"
PARTIES = ("32.73", "32.77")
PASSWORD = "Ksad-Test-Only-2026"
TITLE = "[LOAD] Uji beban klien {}"
# kind -> weight of the mix (reads, saves, workflow actions)
MIX = {"list": 30, "form": 20, "report": 10, "save": 20, "workflow": 20}
LIST_FIELDS = json.dumps(
	[
		f"`tab{COOPERATION}`.`{f}`"
		for f in ("name", "title", "stage", "workflow_state", "cooperation_level", "modified")
	]
)


class Client:
	"""One officer and one member working on their own cooperation."""

	def __init__(self, index: int, url: str, site: str, password: str, seed: int):
		self.index = index
		self.url = url
		self.site = site
		self.password = password
		self.random = random.Random(seed + index)
		self.officer = self.login(OFFICERS[index % len(OFFICERS)])
		self.member = self.login(MEMBER)
		self.samples: list[tuple[str, int, float]] = []
		self.events: list[dict] = []
		self.failures: Counter = Counter()
		self.name, self.state, self.modified = self.own_cooperation()

	def login(self, user: str) -> requests.Session:
		s = requests.Session()
		s.headers.update({"X-Frappe-Site-Name": self.site, "Accept": "application/json"})
		r = s.post(f"{self.url}/api/method/login", data={"usr": user, "pwd": self.password}, timeout=60)
		if r.status_code != 200:
			raise SystemExit(f"cannot log in as {user}: HTTP {r.status_code} {r.text[:300]}")
		s.user = user
		return s

	def own_cooperation(self) -> tuple[str, str, str]:
		"""This client's cooperation, created by its officer (not timed)."""
		officer = self.officer.user
		doc = {
			"title": TITLE.format(f"{self.index + 1} {time.strftime('%Y%m%d-%H%M%S')}"),
			"government_affair": "Lingkungan Hidup",
			"cooperation_object": "Pengolahan sampah regional (uji beban)",
			"parties": [
				{"regional_government": code, **({"contact_user": officer} if i == 0 else {})}
				for i, code in enumerate(PARTIES[self.index % 2 :] + PARTIES[: self.index % 2])
			],
		}
		r = self.officer.post(f"{self.url}/api/resource/{COOPERATION}", json=doc, timeout=120)
		if r.status_code != 200:
			raise SystemExit(
				f"cannot create the cooperation of client {self.index + 1}: {r.status_code} {r.text[:500]}"
			)
		data = r.json()["data"]
		return data["name"], data["workflow_state"], data["modified"]

	def call(self, kind: str, session: requests.Session, method: str, path: str, value: str = "", **kwargs):
		start, wall = time.perf_counter(), time.time()
		try:
			r = session.request(method, f"{self.url}{path}", timeout=120, **kwargs)
			status = r.status_code
		except requests.RequestException as e:
			r, status = None, 0
			self.failures[(kind, 0, type(e).__name__)] += 1
		self.samples.append((kind, status, time.perf_counter() - start))
		traceback = r is not None and status >= 400 and "Traceback (most recent call last)" in r.text
		event = {"start": wall, "end": time.time(), "kind": kind, "status": status, "traceback": traceback}
		event["cooperation"] = self.name
		if value:
			event["value"] = value
		self.events.append(event)
		if r is not None and status >= 400:
			try:
				exc_type = r.json().get("exc_type") or ""
			except ValueError:
				exc_type = r.text[:80]
			self.failures[(kind, status, exc_type)] += 1
		return r

	def remember(self, r) -> None:
		"""Keep the state and version the server answered with (the form does the same)."""
		if r is None or r.status_code != 200:
			return
		body = r.json()
		doc = body.get("data") or body.get("message") or {}
		if isinstance(doc, dict) and doc.get("name") == self.name:
			self.state = doc.get("workflow_state") or self.state
			self.modified = doc.get("modified") or self.modified

	def step(self) -> None:
		kind = self.random.choices(list(MIX), weights=list(MIX.values()))[0]
		reader = self.random.choice((self.officer, self.member))
		if kind == "list":
			self.call(
				"list",
				reader,
				"GET",
				"/api/method/frappe.desk.reportview.get",
				params={
					"doctype": COOPERATION,
					"fields": LIST_FIELDS,
					"order_by": f"`tab{COOPERATION}`.`modified` desc",
					"start": 0,
					"page_length": 20,
				},
			)
		elif kind == "form":
			self.call(
				"form",
				reader,
				"GET",
				"/api/method/frappe.desk.form.load.getdoc",
				params={"doctype": COOPERATION, "name": self.name},
			)
		elif kind == "report":
			self.call(
				"report",
				reader,
				"GET",
				"/api/method/frappe.desk.query_report.run",
				params={
					"report_name": "KSAD Register",
					"filters": json.dumps({}),
					"ignore_prepared_report": 1,
				},
			)
		elif kind == "save" and self.state == "Penjajakan":
			value = f"Pengolahan sampah regional, revisi {self.random.randint(1, 10**6)}"
			r = self.call(
				"save",
				self.officer,
				"PUT",
				f"/api/resource/{COOPERATION}/{self.name}",
				value=value,
				json={"cooperation_object": value, "modified": self.modified},
			)
			self.remember(r)
		elif self.state == "Penjajakan":
			r = self.call(
				"workflow: Ajukan",
				self.officer,
				"POST",
				"/api/method/frappe.model.workflow.apply_workflow",
				data={"doc": json.dumps({"doctype": COOPERATION, "name": self.name}), "action": "Ajukan"},
			)
			self.remember(r)
		else:
			r = self.call(
				"workflow: Kembalikan",
				self.member,
				"POST",
				"/api/method/ksad_app.api.apply_action",
				data={
					"cooperation": self.name,
					"action": "Kembalikan",
					"reason": "Lengkapi kajian (uji beban)",
				},
			)
			self.remember(r)

	def run(self, deadline: float) -> None:
		while time.monotonic() < deadline:
			self.step()


def percentile(values: list[float], p: float) -> float:
	ordered = sorted(values)
	return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def report(samples: list[tuple[str, int, float]], failures: Counter, elapsed: float, clients: int) -> int:
	by_kind = defaultdict(list)
	for kind, _status, seconds in samples:
		by_kind[kind].append(seconds)
	statuses = Counter(status for _k, status, _s in samples)
	errors = {s: n for s, n in statuses.items() if s == 0 or s >= 400}
	server_errors = sum(n for s, n in statuses.items() if s == 0 or s >= 500)
	print(f"\n== load run: {clients} clients x {elapsed:.0f} s")
	print(f"requests: {len(samples)}  requests per second: {len(samples) / elapsed:.1f}")
	print(f"{'kind':<22}{'count':>7}{'median ms':>11}{'p95 ms':>9}")
	for kind in sorted(by_kind):
		values = by_kind[kind]
		print(
			f"{kind:<22}{len(values):>7}{statistics.median(values) * 1000:>11.0f}{percentile(values, 95) * 1000:>9.0f}"
		)
	print(
		"errors by status: "
		+ (", ".join(f"{s or 'no answer'}: {n}" for s, n in sorted(errors.items())) or "none")
	)
	for (kind, status, exc_type), n in failures.most_common(10):
		print(f"  {n} x {kind}: {status or 'no answer'} {exc_type}")
	print(f"server errors (5xx or no answer): {server_errors}")
	return 1 if server_errors else 0


def main() -> int:
	parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	parser.add_argument("--url", required=True, help="the server, e.g. http://127.0.0.1:8011")
	parser.add_argument("--site", required=True, help="the site it serves (sent as X-Frappe-Site-Name)")
	parser.add_argument("--clients", type=int, default=8)
	parser.add_argument("--seconds", type=float, default=60)
	parser.add_argument("--password", default=PASSWORD, help="of the test world's users")
	parser.add_argument("--seed", type=int, default=2009)
	parser.add_argument("--events", help="write one JSON line per request here (for the fault drills)")
	parser.add_argument(
		"--mix",
		default=",".join(f"{k}={v}" for k, v in MIX.items()),
		help="weights of the kinds of request, e.g. list=30,form=20,report=10,save=20,workflow=20",
	)
	args = parser.parse_args()
	weights = dict(pair.split("=", 1) for pair in args.mix.split(","))
	unknown = set(weights) - set(MIX)
	if unknown:
		parser.error(f"unknown kinds in --mix: {', '.join(sorted(unknown))}")
	MIX.clear()
	MIX.update({k: float(v) for k, v in weights.items()})

	clients = [Client(i, args.url, args.site, args.password, args.seed) for i in range(args.clients)]
	print(f"-- {len(clients)} clients ready: " + ", ".join(c.name for c in clients))
	start = time.monotonic()
	deadline = start + args.seconds
	threads = [threading.Thread(target=c.run, args=(deadline,)) for c in clients]
	for t in threads:
		t.start()
	for t in threads:
		t.join()
	elapsed = time.monotonic() - start
	samples = [s for c in clients for s in c.samples]
	if args.events:
		with open(args.events, "w") as f:
			for event in sorted((e for c in clients for e in c.events), key=lambda e: e["start"]):
				f.write(json.dumps(event) + "\n")
	failures = sum((c.failures for c in clients), Counter())
	return report(samples, failures, elapsed, len(clients))


if __name__ == "__main__":
	sys.exit(main())
