"""Pasal 6 d.4 / 10 d.4 a-e: the inventory, the debts and the division in whole rupiah."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ksad_app.domain import division as d

PARTIES = ("32", "32.73", "32.77", "32.17", "33")


def goods(*values_and_parties):
	return [d.AssetLine(d.BERGERAK, v, p) for v, p in values_and_parties]


# --- the rounding rule ----------------------------------------------------


def test_pasal_6_d_4_c_equal_shares_largest_remainder_ties_by_order():
	# 100 rupiah among three: 33.33... each; the one rupiah left goes to the first party
	assert d.apportion(100, [Decimal(1)] * 3) == (34, 33, 33)
	# 101 among three: remainders tie again, the first two get one each
	assert d.apportion(101, [Decimal(1)] * 3) == (34, 34, 33)


def test_pasal_6_d_4_c_largest_remainder_goes_first():
	# 10 rupiah at 33.33 / 33.33 / 33.34: exact 3.333, 3.333, 3.334 -> the largest remainder is the third
	assert d.apportion(10, [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]) == (3, 3, 4)


def test_pasal_6_d_4_c_shortfall_mirrors_surplus():
	assert d.apportion(-100, [Decimal(1)] * 3) == (-34, -33, -33)
	assert d.apportion(0, [Decimal(1)] * 3) == (0, 0, 0)


def test_pasal_6_d_4_c_zero_weight_party_gets_nothing():
	assert d.apportion(1000, [Decimal(100), Decimal(0)]) == (1000, 0)


def test_all_zero_weights_are_refused():
	with pytest.raises(d.SharesDoNotAddUp):
		d.apportion(1000, [Decimal(0), Decimal(0)])


# --- the division ---------------------------------------------------------


def test_pasal_6_d_4_c_net_is_assets_less_debts_and_cash_balances_the_goods():
	assets = [
		d.AssetLine(d.TIDAK_BERGERAK, 600_000_000, "32.73", "Tanah TPPAS"),
		d.AssetLine(d.BERGERAK, 150_000_000, "32.77", "Truk sampah"),
		d.AssetLine(d.UANG, 250_000_000, None, "Saldo rekening bersama"),
	]
	liabilities = [d.LiabilityLine(100_000_000, True, "2026-11-01", "Bank")]
	out = d.divide(["32.73", "32.77"], [Decimal(60), Decimal(40)], assets, liabilities)
	assert (out.total_assets, out.total_liabilities, out.net_value) == (
		1_000_000_000,
		100_000_000,
		900_000_000,
	)
	a, b = out.allocations
	assert (a.entitlement, a.in_kind_value, a.cash_balance) == (540_000_000, 600_000_000, -60_000_000)
	assert (b.entitlement, b.in_kind_value, b.cash_balance) == (360_000_000, 150_000_000, 210_000_000)
	# the cash balances add up to the money left after the debts
	assert a.cash_balance + b.cash_balance == 250_000_000 - 100_000_000


def test_pasal_6_d_4_c_equal_shares_when_the_agreement_gives_none():
	assert d.weights(["a", "b", "c"], [None, None, None]) == (Decimal(1),) * 3
	assert d.share_percents([Decimal(1)] * 3) == (Decimal("33.3333"),) * 3
	assert d.weights(["a", "b"], [Decimal(70), None]) == (Decimal(70), Decimal(0))


def test_pasal_6_d_4_c_agreed_shares_add_up_to_100():
	d.check_shares(["a", "b", "c"], [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")])
	with pytest.raises(d.SharesDoNotAddUp):
		d.check_shares(["a", "b"], [Decimal(50), Decimal(40)])
	with pytest.raises(d.ShareOutOfRange):
		d.check_shares(["a", "b"], [Decimal(150), Decimal(-50)])


def test_pasal_6_d_4_c_negative_net_each_party_bears_its_share():
	out = d.divide(["a", "b"], [Decimal(1), Decimal(1)], [], [d.LiabilityLine(1001, True, "x")])
	assert out.shortfall
	assert [x.entitlement for x in out.allocations] == [-501, -500]
	assert [x.cash_balance for x in out.allocations] == [-501, -500]


# --- whole rupiah and the inventory ----------------------------------------


def test_whole_rupiah_refuses_fractions_and_keeps_large_values_exact():
	assert d.whole_rupiah("v", "1250000000000") == 1_250_000_000_000
	assert d.whole_rupiah("v", Decimal("5.000")) == 5
	assert d.whole_rupiah("v", None) == 0
	with pytest.raises(d.NotWholeRupiah):
		d.whole_rupiah("v", "10.5")


def test_pasal_6_d_4_a_goods_go_to_parties_money_to_nobody():
	d.check_inventory(["a", "b"], goods((10, "a"), (5, None)))
	with pytest.raises(d.NotAParty) as e:
		d.check_inventory(["a", "b"], goods((10, "a"), (5, "x")))
	assert e.value.row == 2
	with pytest.raises(d.MoneyAllocated):
		d.check_inventory(["a", "b"], [d.AssetLine(d.UANG, 5, "a")])
	with pytest.raises(d.NegativeValue):
		d.check_inventory(["a", "b"], goods((-1, "a")))


def test_pasal_6_d_4_b_c_submit_needs_every_debt_settled_and_good_allocated():
	d.check_ready_to_submit(goods((10, "a")), [d.LiabilityLine(5, True, "2026-01-01")])
	with pytest.raises(d.DebtNotSettled) as e:
		d.check_ready_to_submit(
			[], [d.LiabilityLine(5, True, "2026-01-01"), d.LiabilityLine(5, False, None, "CV X")]
		)
	assert (e.value.row, e.value.creditor) == (2, "CV X")
	with pytest.raises(d.GoodNotAllocated):
		d.check_ready_to_submit(goods((10, None)), [])
	# money needs no allocation
	d.check_ready_to_submit([d.AssetLine(d.UANG, 10)], [])


def test_pasal_6_d_4_b_settled_debt_needs_its_date():
	with pytest.raises(d.SettlementIncomplete):
		d.check_liabilities([d.LiabilityLine(5, True, None)])


def test_pasal_6_d_4_d_e_outstanding_per_party():
	follow = [
		d.PartyFollowUp("a", cash_balance=10, received_goods=False, dprd_reported=True),
		d.PartyFollowUp("b", cash_balance=0, received_goods=True, dprd_reported=False),
		d.PartyFollowUp("c", -5, True, True, True, True),
	]
	assert d.outstanding(follow) == (("a", d.DEPOSIT), ("b", d.ASSET_RECORDING), ("b", d.DPRD_REPORT))


# --- properties -----------------------------------------------------------

amounts = st.integers(min_value=-(10**15), max_value=10**15)
percent = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def weight_lists(draw):
	n = draw(st.integers(min_value=2, max_value=5))
	kind = draw(st.sampled_from(["equal", "percent", "any"]))
	if kind == "equal":
		return [Decimal(1)] * n
	if kind == "percent":
		# percentages of the agreement that add up to exactly 100
		cuts = sorted(draw(st.lists(st.integers(0, 10000), min_size=n - 1, max_size=n - 1)))
		bounds = [0, *cuts, 10000]
		return [Decimal(bounds[i + 1] - bounds[i]) / 100 for i in range(n)]
	ws = draw(st.lists(percent, min_size=n, max_size=n))
	if not any(ws):
		ws[0] = Decimal(1)
	return ws


@settings(max_examples=400)
@given(amounts, weight_lists())
def test_pasal_6_d_4_c_parts_sum_exactly_and_stay_within_one_rupiah(total, ws):
	parts = d.apportion(total, ws)
	assert sum(parts) == total
	whole = sum(ws)
	for part, w in zip(parts, ws, strict=True):
		exact = Fraction(total) * Fraction(w) / Fraction(whole)
		assert abs(Fraction(part) - exact) < 1


@settings(max_examples=300)
@given(amounts, weight_lists(), st.randoms(use_true_random=False))
def test_pasal_6_d_4_c_order_of_parties_changes_nothing_but_ties(total, ws, rnd):
	parts = d.apportion(total, ws)
	order = list(range(len(ws)))
	rnd.shuffle(order)
	shuffled = d.apportion(total, [ws[i] for i in order])
	back = {order[j]: shuffled[j] for j in range(len(ws))}
	whole = sum(ws)
	for i in range(len(ws)):
		if back[i] != parts[i]:
			# only a party whose remainder ties with another's may differ, by one rupiah
			rem = (Fraction(abs(total)) * Fraction(ws[i]) / Fraction(whole)) % 1
			assert abs(back[i] - parts[i]) == 1
			assert any(
				j != i and (Fraction(abs(total)) * Fraction(ws[j]) / Fraction(whole)) % 1 == rem
				for j in range(len(ws))
			)


@st.composite
def terminations(draw):
	ws = draw(weight_lists())
	parties = list(PARTIES[: len(ws)])
	assets = draw(
		st.lists(
			st.builds(
				d.AssetLine,
				asset_class=st.sampled_from(d.ASSET_CLASSES),
				assessed_value=st.integers(0, 10**13),
				allocated_to=st.sampled_from(parties),
			).map(lambda a: a if a.asset_class != d.UANG else d.AssetLine(d.UANG, a.assessed_value)),
			max_size=8,
		)
	)
	debts = draw(st.lists(st.builds(d.LiabilityLine, amount=st.integers(0, 10**13)), max_size=4))
	return parties, ws, assets, debts


@settings(max_examples=300)
@given(terminations())
def test_pasal_6_d_4_c_in_kind_plus_cash_is_the_entitlement_and_all_adds_up(t):
	parties, ws, assets, debts = t
	out = d.divide(parties, ws, assets, debts)
	assert out.net_value == out.total_assets - out.total_liabilities
	assert sum(a.entitlement for a in out.allocations) == out.net_value
	for a in out.allocations:
		assert a.in_kind_value + a.cash_balance == a.entitlement
	goods_value = sum(a.assessed_value for a in assets if a.asset_class in d.GOODS)
	assert sum(a.in_kind_value for a in out.allocations) == goods_value
	assert sum(a.cash_balance for a in out.allocations) == out.net_value - goods_value


def test_pasal_6_d_4_termination_only_at_pengakhiran():
	d.check_termination_state("Pengakhiran")
	for state in ("Pelaksanaan", "Usulan Selesai", "Selesai", "Dibatalkan", None):
		with pytest.raises(d.NotAtPengakhiran):
			d.check_termination_state(state)
