"""Every word of the app in Bahasa Indonesia (issue 11, "a region's first day").

* Every string the app puts through ``_()`` (Python, Jinja), ``__()`` (JS) or
  declares in its DocType, report and workspace JSON (labels, options,
  descriptions) has a non-empty ``msgstr`` in ``ksad_app/locale/id.po``, with
  the same ``{0}`` placeholders. The strings are gathered the way ``bench
  generate-pot-file`` gathers them (Babel with Frappe's extractors), from
  everything but the tests.
* The strings of Frappe 15 that the app's pages show and that Frappe's own
  Indonesian catalogue lacks or gets wrong (``frappe/translations/id.csv``;
  Frappe 15 has no ``id.po``) are translated on the site, as the desk loads
  them (``frappe.translate.get_all_translations``): this needs the compiled
  catalogue (``bench compile-po-to-mo --app ksad_app``, which
  ``scripts/run-tests`` runs).
"""

import os
import re
from pathlib import Path

import frappe
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from frappe.gettext.translate import get_method_map
from frappe.tests.utils import FrappeTestCase
from frappe.translate import MERGED_TRANSLATION_KEY, get_all_translations

APP = Path(frappe.get_app_path("ksad_app"))
PO = APP / "locale" / "id.po"
PLACEHOLDER = re.compile(r"\{[0-9a-z_]*\}")

# Frappe's strings on the app's pages (workspace, lists, forms, dialogs, timeline, reports), by where they show.
FRAPPE_STRINGS = {
	"form": [
		"Connections",
		"This form is not editable due to a Workflow.",
		"Type a reply / comment",
		"New {0}",
		"Previous Document",
		"Next Document",
		"Update",
		"Not allowed via controller permission check",
	],
	"confirmation": [("Yes", "Approve confirmation dialog"), ("No", "Dismiss confirmation dialog"), "No"],
	"list and report view": [
		"List View",
		"Report View",
		"Filter By",
		"Edit Filters",
		"Filters {0}",
		"Add a Filter",
		"Apply Filters",
		"Clear all filters",
		"Is",
		"Reload Report",
		"Sort Ascending",
	],
	"timeline": [
		"You created this",
		"{0} created this",
		"You last edited this",
		"{0} last edited this",
		"{0} changed the value of {1}",
		"{0} from {1} to {2}",
		"You submitted this document",
	],
	"navbar": ["Search or type a command ({0})", "Log out", "My Settings", "{0} List"],
	"login page": ["Login to {0}", "Show"],
}


def app_messages() -> dict[tuple[str, str | None], str]:
	"""(msgid, context) -> where it is used, for every translatable string of the app outside its tests."""
	keywords = DEFAULT_KEYWORDS.copy()
	keywords["_lt"] = None

	def outside_tests(dirpath) -> bool:
		name = os.path.basename(dirpath)
		return not (name.startswith((".", "_")) or name in ("tests", "node_modules"))

	found: dict[tuple[str, str | None], str] = {}
	for filename, lineno, message, _comments, context in extract_from_dir(
		str(APP.parent),
		get_method_map("frappe"),
		directory_filter=outside_tests,
		keywords=keywords,
	):
		if isinstance(message, tuple | list):
			message = message[0]
		if not message or not message.strip() or os.path.basename(filename).startswith("test_"):
			continue
		found.setdefault((message, context), f"{filename}:{lineno or ''}")
	return found


def catalogue() -> dict[tuple[str, str | None], str]:
	with open(PO, "rb") as f:
		return {(m.id, m.context): m.string for m in read_po(f) if m.id and isinstance(m.id, str)}


class TestTranslations(FrappeTestCase):
	def test_every_string_of_the_app_has_an_indonesian_translation(self):
		po = catalogue()
		messages = app_messages()
		self.assertGreater(len(messages), 500)  # the extraction found the app's strings
		missing = [
			f"{where}: {msgid!r}" + (f" (context {ctx!r})" if ctx else "")
			for (msgid, ctx), where in sorted(messages.items(), key=lambda m: m[1])
			# Frappe falls back to the translation without context
			if not (po.get((msgid, ctx)) or po.get((msgid, None)) or "").strip()
		]
		print(f"{len(messages)} strings of the app, {len(missing)} without a translation in {PO.name}")
		if missing:
			self.fail(
				f"{len(missing)} string(s) of the app have no translation in ksad_app/locale/id.po "
				"(append msgid/msgstr at the end of the file, then bench compile-po-to-mo --app ksad_app):\n"
				+ "\n".join(missing)
			)

	def test_translations_keep_their_placeholders(self):
		wrong = [
			f"{msgid!r} -> {msgstr!r}"
			for (msgid, _ctx), msgstr in catalogue().items()
			if msgstr and sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr))
		]
		if wrong:
			self.fail("translations that lose or add a {placeholder}:\n" + "\n".join(wrong))

	def test_frappes_strings_on_the_apps_pages_are_in_indonesian(self):
		# as the desk loads them after compile-po-to-mo and clear-cache
		frappe.cache.hdel(MERGED_TRANSLATION_KEY, "id")
		translations = get_all_translations("id")
		untranslated = []
		for place, strings in FRAPPE_STRINGS.items():
			for entry in strings:
				msgid, context = entry if isinstance(entry, tuple) else (entry, None)
				text = (context and translations.get(f"{msgid}:{context}")) or translations.get(msgid)
				if not text or text == msgid:
					untranslated.append(f"{place}: {msgid!r}")
		if untranslated:
			self.fail(
				"Frappe strings shown in English (is the catalogue compiled? bench compile-po-to-mo --app ksad_app):\n"
				+ "\n".join(untranslated)
			)
