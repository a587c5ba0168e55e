"""The synthetic national dataset of ``bench ksad-scale-data`` (issue 8): its mix, its determinism, its removal.

Small datasets, written with the same generator, named ``SYNT-`` so that they
never touch a national dataset that may be on the site (``SYN-``). The
benchmark itself is not a test: it prints figures (``bench ksad-benchmark``).
"""

from collections import Counter

import frappe
from frappe.tests.utils import FrappeTestCase

from ksad_app.domain import stages
from ksad_app.domain.cooperation import cooperation_level
from ksad_app.domain.guidance import ACTIVITY_STAGES, PEMBINAAN
from ksad_app.domain.regions import PROVINSI
from ksad_app.domain.supervision import assign_supervisors
from ksad_app.scale import data as scale

PREFIX = "SYNT-"
COOPERATION = "Inter-Regional Cooperation"


def fixtures_on_site() -> tuple[int, int, int]:
	return (
		frappe.db.count("Supervisory Body"),
		frappe.db.count("Supervisory Body Member"),
		frappe.db.count("User"),
	)


class TestScaleData(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()  # everything is rolled back after the class
		frappe.set_user("Administrator")
		cls.before = fixtures_on_site()
		# the bodies and users, once for the class (creating users is the slow part)
		scale.ensure_bodies(PREFIX)
		scale.ensure_users(PREFIX)

	def setUp(self):
		frappe.set_user("Administrator")

	def tearDown(self):
		scale.remove(PREFIX, commit=False, fixtures=False)

	def generate(self, n: int = 30, seed: int = 2009, activities: int = 3):
		return scale.generate(n, activities, seed, as_of="2026-06-30", prefix=PREFIX, commit=False)

	def test_every_cooperation_follows_the_rules_of_the_app(self):
		summary = self.generate()
		self.assertEqual(summary.cooperations, 30)
		self.assertEqual(summary.rows[COOPERATION], 30)
		self.assertEqual(summary.rows["Supervision Activity"], 90)
		bodies = scale.ensure_bodies(PREFIX)[0]
		regions = {p.code: p for p in scale.places()}
		cooperations = frappe.get_all(
			COOPERATION,
			filters={"name": ("like", f"{PREFIX}%")},
			fields=["name", "title", "workflow_state", "stage", "cooperation_level"],
		)
		self.assertEqual(len(cooperations), 30)
		for c in cooperations:
			self.assertTrue(c.title.startswith(scale.MARK), c.title)
			self.assertEqual(c.stage, stages.stage_of_state(c.workflow_state))
			parties = frappe.get_all(
				"Cooperation Party", filters={"parent": c.name}, pluck="regional_government", order_by="idx"
			)
			self.assertTrue(2 <= len(parties) <= 5, parties)
			self.assertEqual(len(set(parties)), len(parties))
			domain = [regions[code].domain for code in parties]
			# Pasal 2 and 3: the bodies the pure rule assigns, the level Pasal 1 angka 4 derives
			self.assertEqual(
				frappe.get_all(
					"Cooperation Supervisor",
					filters={"parent": c.name},
					pluck="supervisory_body",
					order_by="idx",
				),
				assign_supervisors(domain, bodies),
			)
			self.assertEqual(c.cooperation_level, cooperation_level(domain))
			# Pasal 4: the Stage History leads, one move at a time, to the state the cooperation is in
			log = frappe.get_all(
				"Cooperation Stage Log",
				filters={"parent": c.name},
				fields=["action", "from_state", "to_state", "timestamp"],
				order_by="idx",
			)
			state = stages.PENJAJAKAN
			for move in log:
				self.assertEqual(move.from_state, state)
				state = move.to_state
			self.assertEqual(state, c.workflow_state)
			self.assertEqual([m.timestamp for m in log], sorted(m.timestamp for m in log))

	def test_activities_issues_and_terminations_are_where_the_regulation_puts_them(self):
		self.generate(n=60, activities=4)
		activities = frappe.get_all(
			"Supervision Activity",
			filters={"name": ("like", f"{PREFIX}%")},
			fields=["name", "cooperation", "supervisory_body", "activity_type", "stage", "docstatus"],
		)
		supervisors = {}
		for s in frappe.get_all(
			"Cooperation Supervisor",
			filters={"parent": ("like", f"{PREFIX}%")},
			fields=["parent", "supervisory_body"],
		):
			supervisors.setdefault(s.parent, set()).add(s.supervisory_body)
		items = Counter(
			frappe.get_all(
				"Supervision Activity Item", filters={"parent": ("like", f"{PREFIX}%")}, pluck="parent"
			)
		)
		for a in activities:
			# Pasal 4, 7, 11: at a stage of supervision, by one of the cooperation's bodies
			self.assertIn(a.stage, ACTIVITY_STAGES)
			self.assertIn(a.supervisory_body, supervisors[a.cooperation])
			if a.activity_type == PEMBINAAN:
				self.assertGreater(items[a.name], 0, a.name)
		# Pasal 6/10 d: problems and disputes only on cooperations carried out or ended
		for issue in frappe.get_all(
			"Cooperation Issue", filters={"name": ("like", f"{PREFIX}%")}, fields=["cooperation"]
		):
			self.assertTrue(
				frappe.db.exists(
					"Cooperation Stage Log",
					{"parent": issue.cooperation, "to_state": stages.PELAKSANAAN, "action": stages.SETUJUI},
				)
			)
		# Pasal 6/10 d.4: a termination only at Pengakhiran or after, submitted before Selesai
		for t in frappe.get_all(
			"Cooperation Termination",
			filters={"name": ("like", f"{PREFIX}%")},
			fields=["cooperation", "docstatus", "cooperation.workflow_state as state"],
		):
			self.assertIn(stages.stage_of_state(t.state), (stages.PENGAKHIRAN, stages.SELESAI))
			if t.state in (stages.SELESAI, "Usulan Selesai"):
				self.assertEqual(t.docstatus, 1)

	def test_the_mix_of_cooperations_is_the_realistic_one(self):
		places = scale.places()
		planner = scale.Planner(places, seed=2009, as_of=frappe.utils.getdate("2026-06-30"))
		plans = [planner.cooperation() for _ in range(2000)]
		sizes = Counter(len(p.parties) for p in plans)
		self.assertAlmostEqual(sizes[2] / 2000, 0.60, delta=0.05)
		self.assertAlmostEqual(sizes[3] / 2000, 0.25, delta=0.05)
		provincial = sum(any(r.region_type == PROVINSI for r in p.parties) for p in plans)
		self.assertAlmostEqual(provincial / 2000, 0.20, delta=0.04)
		one_province = sum(
			not any(r.region_type == PROVINSI for r in p.parties)
			and len({r.province for r in p.parties}) == 1
			for p in plans
		)
		self.assertAlmostEqual(one_province / 2000, 0.70, delta=0.05)
		states = Counter(p.state for p in plans)
		self.assertEqual(states.most_common(1)[0][0], stages.PELAKSANAAN)
		# every region that may be a party is one (DKI's kota/kabupaten administrasi may not: Pasal 1 angka 2)
		self.assertEqual({r.code for p in plans for r in p.parties}, {p.code for p in places})

	def test_the_same_seed_gives_the_same_dataset(self):
		self.generate(seed=2009)
		first = list(scale.cooperation_rows(PREFIX))
		scale.remove(PREFIX, commit=False, fixtures=False)
		self.generate(seed=2009)
		self.assertEqual(list(scale.cooperation_rows(PREFIX)), first)
		scale.remove(PREFIX, commit=False, fixtures=False)
		self.generate(seed=2010)
		self.assertNotEqual(list(scale.cooperation_rows(PREFIX)), first)

	def test_remove_leaves_nothing_behind(self):
		self.generate()
		self.assertTrue(any(scale.synthetic_counts(PREFIX).values()))
		removed = scale.remove(PREFIX, commit=False)
		self.assertEqual(removed[COOPERATION], 30)
		self.assertFalse(any(scale.synthetic_counts(PREFIX).values()))
		for table in scale.TABLES:
			self.assertFalse(frappe.db.exists(table, {"name": ("like", f"{PREFIX}%")}), table)
		self.assertFalse(frappe.db.exists("Supervisory Body Member", {"name": ("like", f"{PREFIX}%")}))
		# the bodies and users it added go too, unless a national dataset still needs them
		if not frappe.db.exists(COOPERATION, {"title": ("like", f"{scale.MARK}%")}):
			self.assertEqual(fixtures_on_site(), self.before)


class TestIndexes(FrappeTestCase):
	def test_list_views_sorted_by_creation_have_its_index_after_migrate(self):
		# hooks after_install / after_migrate: ksad_app.setup.indexes.ensure_indexes
		sorted_by_creation = [
			d
			for d in frappe.get_all(
				"DocType", filters={"module": "KSAD", "istable": 0, "issingle": 0}, pluck="name"
			)
			if frappe.get_meta(d).sort_field == "creation"
		]
		self.assertIn("Supervision Activity", sorted_by_creation)
		for doctype in sorted_by_creation:
			self.assertTrue(frappe.db.get_column_index(f"tab{doctype}", "creation", unique=False), doctype)

	def test_the_public_register_reads_its_indexes(self):
		from ksad_app.setup.indexes import PARTY_REGIONS_INDEX, PUBLIC_REGISTER_INDEX

		self.assertTrue(frappe.db.has_index("tabInter-Regional Cooperation", PUBLIC_REGISTER_INDEX))
		self.assertTrue(frappe.db.has_index("tabCooperation Party", PARTY_REGIONS_INDEX))
