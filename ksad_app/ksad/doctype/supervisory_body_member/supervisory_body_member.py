# Copyright (c) 2026, ksad_app developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class SupervisoryBodyMember(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		institution: DF.Data | None
		member_name: DF.Data
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		position: DF.Literal[
			"",
			"Sekretaris Daerah",
			"Asisten yang membidangi kerja sama daerah",
			"Kepala Badan Perencanaan Pembangunan Daerah",
			"Kepala Badan/Kepala Biro yang membidangi kerja sama daerah",
			"Kepala Biro Hukum",
			"Kepala Biro Pemerintahan",
			"Kepala SKPD yang membidangi keuangan dan pengelolaan aset",
			"SKPD teknis yang terkait objek kerja sama daerah",
			"Unsur Departemen Dalam Negeri",
			"Wakil Departemen/Lembaga Pemerintah Non Departemen terkait",
			"Tenaga profesional",
			"Lainnya",
		]
		position_title: DF.Data | None
		user: DF.Link | None
	# end: auto-generated types

	pass
