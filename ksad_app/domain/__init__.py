"""The law, in plain Python.

Everything in this package states a rule of Permendagri No. 23 Tahun 2009 (or
of the laws it rests on) as a pure function over plain values. Nothing here
imports frappe: the DocType controllers gather values, ask this package what
the regulation says, and write the answer back. Errors are raised as
subclasses of :class:`RuleViolation` carrying the facts of the violation; the
controllers turn them into translated messages.
"""


class RuleViolation(Exception):
	"""A rule of the regulation is not met. Subclasses carry the details."""
