"""Browser tests: the main path of the app in headless Chromium, as real users with the UI in Bahasa Indonesia.

Run them with ``scripts/browser-tests`` (see its header for the variables).
``world.py`` prepares the data on the site with the bench's Python;
``desk.py`` drives Frappe's desk through Playwright; ``steps.py`` holds the
steps and ``run.py`` runs them, keeps a screenshot of each and prints
``browser: N passed, M failed``. No file here is named ``test_*.py``: Frappe's
own test runner must not collect them (they need Playwright and a browser).
"""
