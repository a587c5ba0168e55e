"""Log each demo user in over HTTP and show where they land and what they see.

    python scripts/check_demo_logins.py <base url> <site> <users.json>

users.json is what `bench --site <site> ksad-demo-users --json` writes. A user
whose password was not set in that run (it kept an older one) is skipped.
For each user: POST /api/method/login, GET /app (the Desk's boot names the
workspace the user lands on), and the number of cooperations the user's
scope shows (frappe.client.get_count). Exits non-zero when a login fails or
a user does not land on the KSAD workspace. Runs with the bench's Python
(it needs `requests`).
"""

import json
import re
import sys

import requests

WORKSPACE = "KSAD"


def check(base: str, site: str, email: str, password: str) -> tuple[bool, str]:
	s = requests.Session()
	s.headers["Host"] = site
	r = s.post(f"{base}/api/method/login", data={"usr": email, "pwd": password}, timeout=60)
	if r.status_code != 200:
		return False, f"login answered {r.status_code}"
	html = s.get(f"{base}/app", timeout=60).text
	m = re.search(r'"default_workspace":\s*\{[^{}]*"name":\s*"([^"]+)"', html)
	landing = m.group(1) if m else "(none)"
	r = s.get(
		f"{base}/api/method/frappe.client.get_count",
		params={"doctype": "Inter-Regional Cooperation"},
		timeout=60,
	)
	count = r.json().get("message") if r.status_code == 200 else f"error {r.status_code}"
	return landing == WORKSPACE, f"lands on {landing}, sees {count} cooperation(s)"


def main() -> int:
	base, site, path = sys.argv[1:4]
	with open(path) as f:
		users = json.load(f)
	failed = 0
	for user in users:
		if not user.get("password"):
			print(f"   skip  {user['email']} (kept its earlier password)")
			continue
		ok, what = check(base, site, user["email"], user["password"])
		failed += not ok
		print(f"   {'ok  ' if ok else 'FAIL'}  {user['role']:<28} {user['email']:<42} {what}")
	return 1 if failed else 0


if __name__ == "__main__":
	sys.exit(main())
