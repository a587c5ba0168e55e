"""Link titles with the document a save returns: Frappe 15.55 sends them when a form opens, not after ``savedocs``.

Regional Government and Supervisory Body show their title in links
(``show_title_field_in_link``): the desk displays ``Kota Bandung`` for
``32.73`` and the body's name for ``TKKSD-32``, from the titles the server
sends with the document. Frappe 15 sends them when a form is opened
(``frappe.desk.form.load.getdoc``), but not with the document a save returns
(``savedocs``): a link the controller set during the save (the supervisors
derived from the parties, the parties of a termination, the body of an
issue) then shows its bare code until the form is reloaded, which is why the
officer who saved saw ``TKKSD-32`` where a member opening the same form saw
the body's name. ``savedocs`` runs the document's ``onload``, so the forms
whose controllers fill links call :func:`send_link_titles` there. The titles
are public master data; the user's access to the document itself was
checked before ``onload`` runs.
"""

from frappe.desk.form.load import set_link_titles


def send_link_titles(doc) -> None:
	"""Send the titles of the document's links (and its child rows') with the response."""
	set_link_titles(doc)
