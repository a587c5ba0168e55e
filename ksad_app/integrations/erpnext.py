"""The only place that knows ERPNext: the goods of a cooperation as ERPNext Assets.

Regions that keep their books in ERPNext on this site record there the goods
a cooperation produced and, at its end, the goods each party receives
(Pasal 6 d.4 a and e / 10 d.4 a and e). Nothing here runs unless ERPNext is
installed on the site; the app installs, works and is tested without it.

Custom fields (created on install and migrate when ERPNext is present, or
when ERPNext is installed after this app; removed when either is
uninstalled):

* ``Asset.ksad_cooperation``: the cooperation whose goods an asset is;
* ``Asset.ksad_termination_asset``: the inventory row an asset was created
  for (so that recording twice creates nothing twice);
* ``Asset Category.ksad_asset_class``: Bergerak or Tidak Bergerak, for the
  inventory (land and buildings are immovable);
* ``Regional Government.company``: the ERPNext Company of a region that keeps
  its books on this site;
* ``Termination Asset.erpnext_asset``: the ERPNext Asset an inventory row
  came from;
* ``KSAD Settings.erpnext_asset_item`` / ``erpnext_asset_location``: the fixed
  asset Item and the Location given to an Asset created for a good that did
  not come from ERPNext.

Decisions:

* the inventory takes an asset's current value (its value after
  depreciation), rounded half up to whole rupiah, and says so in
  ``valuation_basis``; only submitted assets that are not sold or scrapped;
* recording a party's goods creates **draft** Assets of the party's Company
  (``Existing Asset``): the region's accountant checks and submits them;
  an inventory row that came from an Asset of that same Company is linked,
  not copied. The regional officer who records them usually has no ERPNext
  role: the app checks that they are an officer of that party, then inserts
  the drafts on their behalf.
"""

from decimal import ROUND_HALF_UP, Decimal

import frappe
from frappe import _
from frappe.utils import formatdate, today

from ksad_app.domain.division import BERGERAK, GOODS, TIDAK_BERGERAK
from ksad_app.exceptions import ERPNextIntegrationError, NotYourRegionError, TerminationError

TERMINATION = "Cooperation Termination"
ACTIVE_ASSET = ("not in", ["Draft", "Cancelled", "Sold", "Scrapped"])


def is_installed() -> bool:
	return "erpnext" in frappe.get_installed_apps()


def custom_fields() -> dict[str, list[dict]]:
	return {
		"Asset": [
			{
				"fieldname": "ksad_cooperation",
				"fieldtype": "Link",
				"label": "KSAD Cooperation",
				"options": "Inter-Regional Cooperation",
				"insert_after": "company",
				"search_index": 1,
				"description": "The inter-regional cooperation whose goods this asset is (Permendagri 23/2009 Pasal 6 d.4).",
			},
			{
				"fieldname": "ksad_termination_asset",
				"fieldtype": "Data",
				"label": "KSAD Termination Good",
				"insert_after": "ksad_cooperation",
				"read_only": 1,
				"hidden": 1,
				"no_copy": 1,
				"search_index": 1,
			},
		],
		"Asset Category": [
			{
				"fieldname": "ksad_asset_class",
				"fieldtype": "Select",
				"label": "KSAD Asset Class",
				"options": f"\n{BERGERAK}\n{TIDAK_BERGERAK}",
				"default": BERGERAK,
				"insert_after": "asset_category_name",
				"description": "Movable (Bergerak) or immovable (Tidak Bergerak: land, buildings) in a cooperation's inventory.",
			}
		],
		"Regional Government": [
			{
				"fieldname": "company",
				"fieldtype": "Link",
				"label": "Company",
				"options": "Company",
				"insert_after": "head_title",
				"description": "The ERPNext Company in which this region keeps its books on this site.",
			}
		],
		"Termination Asset": [
			{
				"fieldname": "erpnext_asset",
				"fieldtype": "Link",
				"label": "ERPNext Asset",
				"options": "Asset",
				"insert_after": "valuation_basis",
			}
		],
		"KSAD Settings": [
			{
				"fieldname": "erpnext_section",
				"fieldtype": "Section Break",
				"label": "ERPNext Assets",
				"insert_after": "termination_reminder_days",
			},
			{
				"fieldname": "erpnext_asset_item",
				"fieldtype": "Link",
				"label": "Fixed Asset Item",
				"options": "Item",
				"insert_after": "erpnext_section",
				"description": "The fixed asset Item of the Assets created for goods a region receives at a termination.",
			},
			{
				"fieldname": "erpnext_asset_location",
				"fieldtype": "Link",
				"label": "Asset Location",
				"options": "Location",
				"insert_after": "erpnext_asset_item",
			},
		],
	}


def make_custom_fields() -> None:
	from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

	create_custom_fields(custom_fields(), ignore_validate=True, update=True)


def delete_custom_fields() -> None:
	"""Remove every custom field of this integration (on uninstall of ERPNext or of this app)."""
	for doctype, fields in custom_fields().items():
		for df in fields:
			name = frappe.db.get_value("Custom Field", {"dt": doctype, "fieldname": df["fieldname"]})
			if name:
				frappe.delete_doc("Custom Field", name, ignore_permissions=True, force=True)
		frappe.clear_cache(doctype=doctype)


# --- a) the inventory from ERPNext ------------------------------------------


def whole_rupiah(value) -> int:
	"""An ERPNext amount rounded half up to whole rupiah."""
	return int(Decimal(str(value or 0)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def current_value(asset: frappe._dict) -> int:
	"""The asset's value after depreciation; its gross value when no depreciation was booked."""
	value = asset.value_after_depreciation
	if not value and not asset.calculate_depreciation:
		value = asset.gross_value
	return whole_rupiah(value)


def cooperation_assets(cooperation: str) -> list[frappe._dict]:
	"""The submitted, unsold ERPNext Assets that belong to a cooperation, with their class."""
	meta = frappe.get_meta("Asset")
	gross = "gross_purchase_amount" if meta.has_field("gross_purchase_amount") else "net_purchase_amount"
	assets = frappe.get_all(
		"Asset",
		filters={"ksad_cooperation": cooperation, "docstatus": 1, "status": ACTIVE_ASSET},
		fields=[
			"name",
			"asset_name",
			"asset_category",
			"asset_quantity",
			"company",
			"calculate_depreciation",
			"value_after_depreciation",
			f"{gross} as gross_value",
		],
		order_by="name asc",
	)
	classes = dict(
		frappe.get_all(
			"Asset Category",
			filters={"name": ("in", sorted({a.asset_category for a in assets if a.asset_category}) or [""])},
			fields=["name", "ksad_asset_class"],
			as_list=True,
		)
	)
	for a in assets:
		a.asset_class = classes.get(a.asset_category) or BERGERAK
	return assets


@frappe.whitelist(methods=["POST"])
def fill_assets_from_erpnext(termination: str) -> int:
	"""Add to a draft termination's inventory the cooperation's ERPNext Assets not yet in it; returns how many."""
	require_erpnext()
	doc = frappe.get_doc(TERMINATION, termination)
	doc.check_permission("write")
	if doc.docstatus != 0:
		frappe.throw(
			_("The inventory of a submitted termination cannot change. Cancel and amend it first."),
			title=_("Not Allowed"),
			exc=TerminationError,
		)
	present = {row.erpnext_asset for row in doc.assets if row.get("erpnext_asset")}
	on_date = formatdate(today())
	added = 0
	for asset in cooperation_assets(doc.cooperation):
		if asset.name in present:
			continue
		doc.append(
			"assets",
			{
				"description": asset.asset_name,
				"asset_class": asset.asset_class,
				"quantity": asset.asset_quantity or 1,
				"acquisition_value": whole_rupiah(asset.gross_value),
				"assessed_value": current_value(asset),
				"valuation_basis": _("Book value in ERPNext ({0}) on {1}, rounded to whole rupiah").format(
					asset.name, on_date
				),
				"erpnext_asset": asset.name,
			},
		)
		added += 1
	if added:
		doc.save()
	return added


# --- e) the goods a party receives, as Assets of its Company -----------------


def party_company(region: str) -> str | None:
	return frappe.db.get_value("Regional Government", region, "company")


def form_state(doc) -> dict:
	"""For the termination's form: the user's parties whose goods can be recorded in ERPNext."""
	from ksad_app.permissions import user_regions

	if doc.docstatus != 1:
		return {"recordable": []}
	mine = user_regions(frappe.session.user)
	with_goods = {r.allocated_to for r in doc.assets if r.allocated_to and r.asset_class in GOODS}
	candidates = [
		r.regional_government for r in doc.allocations if r.regional_government in mine & with_goods
	]
	companies = dict(
		frappe.get_all(
			"Regional Government",
			filters={"name": ("in", candidates or [""]), "company": ("is", "set")},
			fields=["name", "company"],
			as_list=True,
		)
	)
	return {"recordable": [c for c in candidates if c in companies]}


@frappe.whitelist(methods=["POST"])
def record_allocated_assets(termination: str, party: str) -> list[str]:
	"""Record the goods allocated to ``party`` as Assets of its Company (drafts); fill its asset record reference.

	Only an officer of ``party`` may, on a submitted termination of a
	cooperation still at Pengakhiran. Returns the Asset names, in the order
	of the inventory.
	"""
	from ksad_app.permissions import user_regions
	from ksad_app.roles import REGIONAL_OFFICER

	require_erpnext()
	doc = frappe.get_doc(TERMINATION, termination)
	doc.check_permission("read")
	row = next((r for r in doc.allocations if r.regional_government == party), None)
	if (
		row is None
		or REGIONAL_OFFICER not in frappe.get_roles()
		or party not in user_regions(frappe.session.user)
	):
		frappe.throw(
			_("Only an officer of {0} records the goods it received as its regional assets.").format(
				frappe.bold(party)
			),
			title=_("Not Your Region"),
			exc=NotYourRegionError,
		)
	if doc.docstatus != 1:
		frappe.throw(
			_("Submit the termination first: the goods are recorded once the division is final."),
			title=_("Not Submitted"),
			exc=TerminationError,
		)
	doc.validate_cooperation_stage()
	company = party_company(party)
	if not company:
		frappe.throw(
			_(
				"{0} has no ERPNext Company on this site (field Company of the Regional Government). Record the goods in the region's own asset register and enter the reference instead."
			).format(frappe.bold(party)),
			title=_("No Company"),
			exc=ERPNextIntegrationError,
		)
	goods = [r for r in doc.assets if r.allocated_to == party and r.asset_class in GOODS]
	names = [asset_for(doc, r, company) for r in goods]
	if names:
		row.asset_record_reference = ", ".join(names)
		doc.save()
	return names


def asset_for(doc, good, company: str) -> str:
	"""The Asset of ``company`` for one good: the one it came from, the one made for it before, or a new draft."""
	source = good.get("erpnext_asset")
	if source and frappe.db.get_value("Asset", source, "company") == company:
		return source
	made = frappe.db.get_value(
		"Asset", {"ksad_termination_asset": good.name, "company": company, "docstatus": ("<", 2)}, "name"
	)
	if made:
		return made
	item = frappe.db.get_single_value("KSAD Settings", "erpnext_asset_item")
	location = frappe.db.get_single_value("KSAD Settings", "erpnext_asset_location")
	if source:
		# a good that came from another region's Asset keeps its item and location
		item, location = frappe.db.get_value("Asset", source, ["item_code", "location"]) or (item, location)
	if not (item and location):
		frappe.throw(
			_(
				"Set the Fixed Asset Item and the Asset Location in KSAD Settings, so that the goods can be recorded as ERPNext Assets."
			),
			title=_("KSAD Settings Incomplete"),
			exc=ERPNextIntegrationError,
		)
	meta = frappe.get_meta("Asset")
	asset = frappe.new_doc("Asset")
	values = {
		"company": company,
		"item_code": item,
		"asset_name": good.description,
		"location": location,
		"asset_quantity": int(good.quantity or 1),
		"purchase_date": doc.termination_date,
		"available_for_use_date": doc.termination_date,
		"calculate_depreciation": 0,
		"ksad_cooperation": doc.cooperation,
		"ksad_termination_asset": good.name,
	}
	value = whole_rupiah(good.assessed_value)
	# ERPNext 15 names these gross_purchase_amount / is_existing_asset; later versions net_purchase_amount / asset_type
	for field in ("gross_purchase_amount", "net_purchase_amount", "purchase_amount"):
		if meta.has_field(field):
			values[field] = value
	if meta.has_field("is_existing_asset"):
		values["is_existing_asset"] = 1
	if meta.has_field("asset_type"):
		values["asset_type"] = "Existing Asset"
	asset.update(values)
	# the officer's right to record this party's goods was checked by record_allocated_assets
	asset.insert(ignore_permissions=True)
	return asset.name


def require_erpnext() -> None:
	if not is_installed():
		frappe.throw(
			_("ERPNext is not installed on this site."),
			title=_("ERPNext Not Installed"),
			exc=ERPNextIntegrationError,
		)
