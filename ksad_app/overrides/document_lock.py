"""A save locks its own document's row only: Frappe 15.55's locking read also locks neighbours' child rows (deadlocks).

Frappe 15 reads a document "for update" before changing it: every save,
submit and cancel (``Document.load_doc_before_save``) and every REST update
(``PUT /api/resource``, ``frappe.api.v1.update_doc``) call
``frappe.get_doc(..., for_update=True)``, which reads the document's row and
then every child table's rows with ``SELECT ... FOR UPDATE``. Under MariaDB's
REPEATABLE READ a locking read takes next-key locks on the index it walks: the
child table's ``parent`` index, whose gaps reach into the neighbouring
documents' rows, or the whole table when MariaDB scans a small table instead
of using the index. Two saves of *different* cooperations then deadlocked on
``tabCooperation Stage Log`` (``scripts/load-run``, 4 clients at 32 requests a
second: 2 of 495 requests answered 500).

The lock on the document's own row is what serializes two changes of the same
document, and every writer of a cooperation's child rows goes through it. So
:class:`LocksOwnRowOnly` takes that row lock (a locking read by primary key:
one row, no gap) and reads the document and its children without further
locks. That read comes from the transaction's snapshot; when the snapshot is
older than the row (another save committed since the request began), the
``modified`` of the two differ and Frappe's own locking read is made, as
before, so what is compared with or changed is never an old copy.
"""

import frappe


class LocksOwnRowOnly:
	"""Mixin for a controller (before ``Document`` in its bases)."""

	def load_from_db(self):
		if not self.flags.for_update:
			return super().load_from_db()
		latest = frappe.db.get_value(self.doctype, self.name, "modified", for_update=True)
		self.flags.for_update = False
		try:
			super().load_from_db()
		finally:
			self.flags.for_update = True
		if self.modified != latest:  # the snapshot is older than the row: Frappe's locking read
			super().load_from_db()
		return self
