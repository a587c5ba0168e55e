"""Whether a saved value changed, however it arrived (form, REST API, import, database)."""

from frappe.model import display_fieldtypes
from frappe.utils import cint, cstr, flt, getdate


def comparable(df, value):
	"""A field's value in a form that compares equal however it arrived (form, API, database)."""
	if value in (None, ""):
		return None
	if df.fieldtype in ("Int", "Check"):
		return cint(value) or None
	if df.fieldtype in ("Float", "Currency", "Percent"):
		return flt(value) or None
	if df.fieldtype == "Date":
		return getdate(value)
	return cstr(value)


def table_values(meta, rows) -> list[tuple]:
	"""The rows of a child table as comparable tuples of their editable fields."""
	fields = [df for df in meta.fields if df.fieldtype not in display_fieldtypes and not df.read_only]
	return [tuple(comparable(df, row.get(df.fieldname)) for df in fields) for row in rows or []]
