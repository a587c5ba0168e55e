"""Run the browser steps in order; keep a screenshot of each; print ``browser: N passed, M failed``.

    python -m ksad_app.tests.browser.run --world world.json --url http://127.0.0.1:8000 --artifacts DIR

``scripts/browser-tests`` prepares the world and calls this. A step whose
input comes from a step that failed is counted as failed, with the reason.
Each step's time is printed as a figure, never asserted. The exit status is
0 when every step passed.
"""

import argparse
import json
import os
import sys
import time
import traceback

from playwright.sync_api import sync_playwright

from ksad_app.tests.browser.desk import launch, script_error
from ksad_app.tests.browser.steps import STEPS, Run


def main(argv=None) -> int:
	parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	parser.add_argument("--world", required=True, help="the JSON written by world.prepare")
	parser.add_argument("--url", required=True, help="the running server, e.g. http://127.0.0.1:8000")
	parser.add_argument("--artifacts", required=True, help="where the screenshots go")
	parser.add_argument("--only", action="append", help="run only the steps whose name contains this")
	args = parser.parse_args(argv)

	with open(args.world) as f:
		world = json.load(f)
	os.makedirs(args.artifacts, exist_ok=True)
	passed, failed, results = 0, 0, {}
	started = time.monotonic()
	with sync_playwright() as playwright:
		browser = launch(playwright)
		run = Run(world=world, browser=browser, base_url=args.url, artifacts=args.artifacts)
		for name, step, needs in STEPS:
			if args.only and not any(o in name for o in args.only):
				continue
			run.step, run.last_desk = name, None
			t0 = time.monotonic()
			error = None
			if needs and results.get(needs) is not True:
				error = f"not run: it continues from {needs}, which did not pass"
			else:
				marks = {user: len(desk.errors) for user, desk in run.desks.items()}
				try:
					step(run)
					script_errors = [
						e
						for user, desk in run.desks.items()
						for e in desk.errors[marks.get(user, 0) :]
						if script_error(e)
					]
					if script_errors:
						error = "errors in the browser: " + " | ".join(script_errors)
				except Exception as e:
					error = f"{type(e).__name__}: {e}".strip()
					traceback.print_exc(file=sys.stdout)
				if error and run.last_desk:
					try:
						run.shot(run.last_desk, "FAILED")
					except Exception:
						pass
			seconds = time.monotonic() - t0
			results[name] = error is None
			if error is None:
				passed += 1
				print(f"PASS {name} ({seconds:.1f} s)", flush=True)
			else:
				failed += 1
				print(f"FAIL {name} ({seconds:.1f} s): {error.splitlines()[0][:400]}", flush=True)
				details = error[:3000].splitlines()[1:]
				if details:
					print("\n".join(f"    {line}" for line in details), flush=True)
		for desk in run.desks.values():
			desk.close()
		browser.close()
	print(
		f"screenshots: {args.artifacts} ({len(run.shots)} files); {time.monotonic() - started:.0f} s in all"
	)
	print(f"browser: {passed} passed, {failed} failed")
	return 0 if failed == 0 else 1


if __name__ == "__main__":
	sys.exit(main())
