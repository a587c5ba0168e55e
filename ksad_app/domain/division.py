"""The end of a cooperation in rupiah (Pasal 6 d.4 / 10 d.4, items a to e).

a) the goods that the cooperation produced are listed (movable, immovable,
   and money);
b) its debts are settled;
c) the goods are divided among the parties after they are valued in rupiah
   and the debts are subtracted;
d) each party's share in money is paid into its treasury (kas daerah);
e) the goods each party receives are recorded as its regional assets and
   reported to its DPRD.

Money is counted in **whole rupiah, as Python ints**: exact, no float
anywhere. The controller converts each Currency value with
:func:`whole_rupiah`, which refuses fractions of a rupiah instead of rounding
them silently. Shares are :class:`~decimal.Decimal` percentages.

The division (:func:`divide`):

* ``net = total assets - total liabilities``;
* each party is entitled to ``net x its share``: its ``contribution_percent``
  in the agreement, equal shares when no party has one, or shares the
  parties agreed for the termination (recorded with a reason);
* the exact shares are rarely whole rupiah. **Rounding rule: largest
  remainder.** Every party first gets its exact share rounded towards zero;
  the rupiah left over go, one each, to the parties with the largest
  remainders; equal remainders go in the parties' order in the agreement.
  The parts always add up exactly to the whole, and no party is more than
  one rupiah from its exact share;
* a negative net (more debts than goods) is divided the same way: each
  party bears its share of the shortfall, rounded by the same rule, so
  a shortfall mirrors a surplus rupiah for rupiah;
* the goods allocated in kind to a party count towards its entitlement; the
  rest is its **cash balance**: positive, the party receives that much money
  into its kas daerah; negative, it received goods worth more than its share
  and pays the difference in.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ksad_app.domain import RuleViolation
from ksad_app.domain.stages import PENGAKHIRAN

BERGERAK = "Bergerak"
TIDAK_BERGERAK = "Tidak Bergerak"
UANG = "Uang"
ASSET_CLASSES = (BERGERAK, TIDAK_BERGERAK, UANG)
# Goods are divided in kind; money stays in the pool that pays the cash balances.
GOODS = frozenset({BERGERAK, TIDAK_BERGERAK})

FULL = Decimal(100)

# What a party must still do after the termination is submitted (items d and e).
DEPOSIT = "deposit"
ASSET_RECORDING = "asset_recording"
DPRD_REPORT = "dprd_report"
OUTSTANDING_ITEMS = (DEPOSIT, ASSET_RECORDING, DPRD_REPORT)


@dataclass
class NotAtPengakhiran(RuleViolation):
	"""A termination is prepared, submitted, completed or cancelled only while the cooperation is at Pengakhiran."""

	state: str | None


@dataclass
class NotWholeRupiah(RuleViolation):
	"""An amount with a fraction of a rupiah."""

	field: str
	value: Decimal


@dataclass
class NegativeValue(RuleViolation):
	"""A value, a quantity or a debt below zero."""

	field: str
	value: Decimal


@dataclass
class SharesDoNotAddUp(RuleViolation):
	"""Agreed shares must add up to exactly 100%."""

	total: Decimal


@dataclass
class ShareOutOfRange(RuleViolation):
	"""A share below 0% or above 100%."""

	party: str
	value: Decimal


@dataclass
class OverrideReasonRequired(RuleViolation):
	"""Shares agreed for the termination replace the agreement's: the reason is recorded."""


@dataclass
class NotAParty(RuleViolation):
	"""A good allocated to a region that is not a party to the cooperation."""

	row: int
	region: str


@dataclass
class MoneyAllocated(RuleViolation):
	"""Money is not allocated in kind: it pays the cash balances."""

	row: int


@dataclass
class GoodNotAllocated(RuleViolation):
	"""Every good must go to a party before the termination is submitted (item c)."""

	row: int
	description: str


@dataclass
class DebtNotSettled(RuleViolation):
	"""Every debt must be settled before the termination is submitted (item b)."""

	row: int
	creditor: str


@dataclass
class SettlementIncomplete(RuleViolation):
	"""A debt marked settled needs the date of its settlement."""

	row: int


@dataclass(frozen=True)
class AssetLine:
	"""One good of the inventory (item a), valued in whole rupiah."""

	asset_class: str
	assessed_value: int
	allocated_to: str | None = None
	description: str = ""


@dataclass(frozen=True)
class LiabilityLine:
	"""One debt of the cooperation (item b)."""

	amount: int
	settled: bool = False
	settlement_date: object = None
	creditor: str = ""


@dataclass(frozen=True)
class PartyAllocation:
	"""What one party is entitled to and how it receives it."""

	party: str
	share_percent: Decimal
	entitlement: int
	in_kind_value: int
	cash_balance: int


@dataclass(frozen=True)
class Division:
	total_assets: int
	total_liabilities: int
	net_value: int
	allocations: tuple[PartyAllocation, ...]

	@property
	def shortfall(self) -> bool:
		"""More debts than goods: each party bears part of the difference."""
		return self.net_value < 0


# Pasal 4 d, 6 d.4: the termination belongs to the stage Pengakhiran; a pending
# request to close (Usulan Selesai) and a closed cooperation are locked.
TERMINATION_STATE = PENGAKHIRAN


def check_termination_state(state: str | None) -> None:
	if state != TERMINATION_STATE:
		raise NotAtPengakhiran(state)


def whole_rupiah(field: str, value: Decimal | int | str | None) -> int:
	"""A Currency value as whole rupiah; ``None`` and empty count as 0."""
	if value in (None, ""):
		return 0
	amount = Decimal(str(value))
	if amount != amount.to_integral_value():
		raise NotWholeRupiah(field, amount)
	return int(amount)


def not_negative(field: str, value: Decimal | int) -> None:
	if value < 0:
		raise NegativeValue(field, Decimal(value))


def weights(parties: Sequence[str], percents: Sequence[Decimal | None]) -> tuple[Decimal, ...]:
	"""Each party's weight in the division: its percentage, or 1 each when no party has one."""
	if any(percents):
		return tuple(p or Decimal(0) for p in percents)
	return tuple(Decimal(1) for _ in parties)


def check_shares(parties: Sequence[str], percents: Sequence[Decimal | None]) -> None:
	"""Agreed shares: each between 0 and 100, adding up to exactly 100."""
	for party, p in zip(parties, percents, strict=True):
		if p is not None and (p < 0 or p > FULL):
			raise ShareOutOfRange(party, p)
	total = sum((p or Decimal(0) for p in percents), Decimal(0))
	if total != FULL:
		raise SharesDoNotAddUp(total)


def share_percents(weights_: Sequence[Decimal]) -> tuple[Decimal, ...]:
	"""The weights as percentages, for display (4 decimals); the division uses the exact weights."""
	total = sum(weights_, Decimal(0))
	return tuple((w * FULL / total).quantize(Decimal("0.0001")) for w in weights_)


def apportion(total: int, weights_: Sequence[Decimal]) -> tuple[int, ...]:
	"""Split ``total`` rupiah by ``weights_``, largest remainder, ties by order.

	Exact integer arithmetic: the weights are scaled to integers, each part
	is ``|total| x w // W`` and the rupiah left over go to the largest
	remainders ``|total| x w mod W``. A negative total is split as its
	magnitude, then negated.
	"""
	if not weights_:
		return ()
	if any(w < 0 for w in weights_):
		raise NegativeValue("share", min(weights_))
	scale = max(-w.as_tuple().exponent for w in weights_) if weights_ else 0
	scale = max(scale, 0)
	ints = [int(w.scaleb(scale)) for w in weights_]
	whole = sum(ints)
	if whole == 0:
		raise SharesDoNotAddUp(Decimal(0))
	sign = -1 if total < 0 else 1
	magnitude = abs(total)
	parts = [magnitude * w // whole for w in ints]
	remainders = [magnitude * w % whole for w in ints]
	left = magnitude - sum(parts)
	for i in sorted(range(len(ints)), key=lambda i: (-remainders[i], i))[:left]:
		parts[i] += 1
	return tuple(sign * p for p in parts)


def divide(
	parties: Sequence[str],
	weights_: Sequence[Decimal],
	assets: Sequence[AssetLine],
	liabilities: Sequence[LiabilityLine],
) -> Division:
	"""Item c: the division of the goods, valued in rupiah, less the debts (see the module's docstring)."""
	total_assets = sum(a.assessed_value for a in assets)
	total_liabilities = sum(li.amount for li in liabilities)
	net = total_assets - total_liabilities
	entitlements = apportion(net, weights_)
	in_kind = {p: 0 for p in parties}
	for a in assets:
		if a.asset_class in GOODS and a.allocated_to in in_kind:
			in_kind[a.allocated_to] += a.assessed_value
	percents = share_percents(weights_)
	allocations = tuple(
		PartyAllocation(
			party=p,
			share_percent=percents[i],
			entitlement=entitlements[i],
			in_kind_value=in_kind[p],
			cash_balance=entitlements[i] - in_kind[p],
		)
		for i, p in enumerate(parties)
	)
	return Division(total_assets, total_liabilities, net, allocations)


def check_inventory(parties: Sequence[str], assets: Sequence[AssetLine]) -> None:
	"""While drafting: values not negative, goods go to parties only, money to nobody."""
	for row, a in enumerate(assets, start=1):
		not_negative("assessed_value", a.assessed_value)
		if a.asset_class == UANG and a.allocated_to:
			raise MoneyAllocated(row)
		if a.allocated_to and a.allocated_to not in parties:
			raise NotAParty(row, a.allocated_to)


def check_liabilities(liabilities: Sequence[LiabilityLine]) -> None:
	for row, li in enumerate(liabilities, start=1):
		not_negative("amount", li.amount)
		if li.settled and not li.settlement_date:
			raise SettlementIncomplete(row)


def check_ready_to_submit(assets: Sequence[AssetLine], liabilities: Sequence[LiabilityLine]) -> None:
	"""Items a to c done: every debt settled, every good allocated to a party."""
	for row, li in enumerate(liabilities, start=1):
		if not li.settled:
			raise DebtNotSettled(row, li.creditor)
	for row, a in enumerate(assets, start=1):
		if a.asset_class in GOODS and not a.allocated_to:
			raise GoodNotAllocated(row, a.description)


@dataclass(frozen=True)
class PartyFollowUp:
	"""Items d and e for one party, as recorded after the termination was submitted."""

	party: str
	cash_balance: int
	received_goods: bool
	deposit_done: bool = False
	assets_recorded: bool = False
	dprd_reported: bool = False


def outstanding(follow_ups: Sequence[PartyFollowUp]) -> tuple[tuple[str, str], ...]:
	"""What each party must still do before the cooperation is closed, as ``(party, item)``.

	d) a deposit into the kas daerah where its cash balance is not zero (a
	   payment in, where it is negative, is recorded the same way);
	e) the goods it received recorded as regional assets, where it received
	   any; and its report to the DPRD, always.
	"""
	out = []
	for f in follow_ups:
		if f.cash_balance != 0 and not f.deposit_done:
			out.append((f.party, DEPOSIT))
		if f.received_goods and not f.assets_recorded:
			out.append((f.party, ASSET_RECORDING))
		if not f.dprd_reported:
			out.append((f.party, DPRD_REPORT))
	return tuple(out)
