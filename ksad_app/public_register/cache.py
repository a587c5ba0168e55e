"""The public register's data kept in Redis, keyed by the normalised filters and a register version.

Any change to a cooperation, a region, a government affair or a supervisory body
(``register_changed``, from the controller and the ``doc_events`` of hooks.py)
gives the register a new version: every entry of the old one is no longer read
and expires by itself. Entries also expire after :data:`TTL` seconds, for rows
written without a document (``bench ksad-scale-data``, a patch).
"""

import frappe

VERSION_KEY = "ksad_public_register_version"
TTL = 600


def version() -> str:
	cache = frappe.cache()
	current = cache.get_value(VERSION_KEY)
	if not current:
		current = frappe.generate_hash(length=12)
		cache.set_value(VERSION_KEY, current)
	return current


AFTER_COMMIT = "ksad_public_register_after_commit"


def register_changed(*args, **kwargs) -> None:
	"""A new version of the register (a ``doc_events`` handler, and called by the cooperation's controller),
	now and again after the change's commit: a visitor who read the register between the change and its
	commit kept the rows as they were under the new version, and the second version drops them.
	"""
	new_version()
	if not frappe.local.flags.get(AFTER_COMMIT):
		frappe.local.flags[AFTER_COMMIT] = True
		frappe.db.after_commit.add(version_after_commit)
		frappe.db.after_rollback.add(forget_after_commit)


def new_version() -> None:
	"""Frappe keeps the addresses that answered 404 to a visitor (``website_404``): a cooperation published
	now must not stay missing."""
	cache = frappe.cache()
	cache.set_value(VERSION_KEY, frappe.generate_hash(length=12))
	cache.delete_value("website_404")


def version_after_commit() -> None:
	if frappe.local.flags.pop(AFTER_COMMIT, None):
		new_version()


def forget_after_commit() -> None:
	"""After a rollback the change was never made (what was cached under its version is the committed data)."""
	frappe.local.flags.pop(AFTER_COMMIT, None)


def cached(kind: str, key: str, compute):
	"""``compute()`` for ``(kind, key)`` in this version of the register, from Redis when it is there."""
	cache_key = f"ksad_public_register:{version()}:{kind}:{key}"
	cache = frappe.cache()
	value = cache.get_value(cache_key, expires=True)  # an entry that expires: not a miss kept for the request
	if value is None:
		value = compute()
		cache.set_value(cache_key, value, expires_in_sec=TTL)
	return value
