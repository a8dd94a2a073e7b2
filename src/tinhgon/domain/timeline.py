"""The official history: changes in date order, from which the state on any date is derived."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from tinhgon.domain.changes import Change
from tinhgon.domain.errors import ChangeRefused, InvalidValue
from tinhgon.domain.state import State, StateBuilder

_MIN_STEP = 500
_MAX_CHECKPOINTS = 64


class Timeline:
    """An ordered, validated sequence of changes.

    Changes on the same date keep the order they were given in. Building a timeline replays
    it once, so a timeline that exists is one whose every change applies; a change that cannot
    apply is refused with ``ChangeRefused``. With ``require_basis`` (the official timeline),
    every change must cite its legal basis.
    """

    __slots__ = ("_changes", "_checkpoints", "_dates", "_grown", "_keep", "_require_basis")

    def __init__(
        self,
        changes: Iterable[Change] = (),
        *,
        require_basis: bool = True,
        snapshots_for: Iterable[date] | None = None,
    ) -> None:
        """``snapshots_for``: the only dates whose states will be asked for (a command that reads a
        history for one or two dates). The replay then keeps snapshots for those dates and the
        last one only, not one every ``step`` changes; any other date is still answered (from
        the nearest snapshot before it, or from the start)."""
        ordered = sorted(changes, key=lambda c: c.on)  # sorted() is stable: same-day order kept
        self._changes: tuple[Change, ...] = tuple(ordered)
        self._dates: list[date] = [c.on for c in ordered]
        self._require_basis = require_basis
        # The validating replay keeps a snapshot every ``step`` changes, so that ``state_on``
        # replays at most ``step`` changes from the nearest one instead of the whole history.
        self._checkpoints: list[tuple[int, State]] = []
        self._grown: tuple[tuple[Change, ...], bool, Timeline, tuple[int, ...]] | None = None
        self._keep: frozenset[int] | None = None
        if snapshots_for is not None:
            self._keep = frozenset(
                {len(self._changes), *(bisect.bisect_right(self._dates, d) for d in snapshots_for)}
            )
        self._replay(0, StateBuilder())

    def _replay(self, start: int, builder: StateBuilder) -> None:
        """Validate the changes from ``start`` on, ``builder`` holding the state before them,
        keeping a snapshot whenever ``step`` changes have passed since the last one."""
        step = max(_MIN_STEP, len(self._changes) // _MAX_CHECKPOINTS)
        last = self._checkpoints[-1][0] if self._checkpoints else 0
        keep = self._keep
        for index in range(start + 1, len(self._changes) + 1):
            change = self._changes[index - 1]
            self._apply(builder, change)
            if keep is not None:
                if index in keep:
                    self._checkpoints.append((index, builder.snapshot(change.on)))
            elif index - last >= step:
                self._checkpoints.append((index, builder.snapshot(change.on)))
                last = index
        if len(self._checkpoints) > 2 * _MAX_CHECKPOINTS:  # after many appends: every other
            self._checkpoints = self._checkpoints[1::2]

    def _apply(self, builder: StateBuilder, change: Change) -> None:
        if self._require_basis and change.basis is None:
            raise ChangeRefused(
                change,
                "thiếu căn cứ pháp lý (văn bản quyết định thay đổi)",
                "no legal basis (the document that decides the change)",
            )
        try:
            change.apply(builder)
        except InvalidValue as error:
            raise ChangeRefused(change, error.vi, error.en) from error

    @property
    def changes(self) -> tuple[Change, ...]:
        return self._changes

    @property
    def require_basis(self) -> bool:
        return self._require_basis

    def __len__(self) -> int:
        return len(self._changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self._changes)

    @property
    def first_date(self) -> date | None:
        return self._dates[0] if self._dates else None

    @property
    def last_date(self) -> date | None:
        return self._dates[-1] if self._dates else None

    def until(self, on: date) -> tuple[Change, ...]:
        """The changes in effect on a date: every change effective on or before it."""
        return self._changes[: bisect.bisect_right(self._dates, on)]

    def between(self, after: date, until: date) -> tuple[Change, ...]:
        """The changes effective after one date and up to and including another."""
        start = bisect.bisect_right(self._dates, after)
        end = bisect.bisect_right(self._dates, until)
        return self._changes[start:end]

    def state_on(self, on: date) -> State:
        """Cơ cấu tại ngày: the structure, staff, leaders and quotas in effect on a date."""
        return self.builder_at(bisect.bisect_right(self._dates, on)).finish(on)

    def states_on(self, dates: Iterable[date]) -> Iterator[tuple[date, State]]:
        """The state on each of several dates, in date order, from one forward walk: each
        equals ``state_on`` of its date. The walk replays the changes between two dates into
        the same builder, and starts again from a snapshot only where that replays fewer
        changes (loading a snapshot costs about as much as replaying ``_MIN_STEP`` changes).
        The last state takes the builder's mappings over (not copied)."""
        builder: StateBuilder | None = None
        position = 0
        days = sorted(set(dates))
        for count, day in enumerate(days, 1):
            index = bisect.bisect_right(self._dates, day)
            found = bisect.bisect_right(self._checkpoints, index, key=lambda c: c[0])
            nearest = self._checkpoints[found - 1][0] if found else 0
            if builder is None or index - position > index - nearest + _MIN_STEP:
                builder = self.builder_at(index)
            else:
                for change in self._changes[position:index]:
                    change.apply(builder)
            position = index
            yield day, builder.finish(day) if count == len(days) else builder.snapshot(day)

    def builder_at(self, index: int) -> StateBuilder:
        """A fresh builder holding the state after the first ``index`` changes."""
        start, builder = 0, StateBuilder()
        found = bisect.bisect_right(self._checkpoints, index, key=lambda c: c[0])
        if found:
            start, checkpoint = self._checkpoints[found - 1]
            builder = StateBuilder(checkpoint)
        for change in self._changes[start:index]:
            change.apply(builder)
        return builder

    def with_changes(
        self, changes: Iterable[Change], *, require_basis: bool | None = None
    ) -> Timeline:
        """A new timeline with more changes; this one is left as it was.

        The result is the one ``Timeline((*self.changes, *changes))`` gives, built without
        replaying the whole history: the new changes go after every change dated on or before
        them, so the changes before the earliest new one keep their order and their (already
        validated) states. Only the rest is replayed, from the nearest snapshot before it.
        """
        basis = self._require_basis if require_basis is None else require_basis
        given = tuple(changes)
        # The last result is kept: a write validates its change with this call and the cache
        # then brings the project up to date with the same change read back (one replay). The
        # result holds the very objects given (pages find a plan's changes by identity).
        grown = self._grown
        if grown is not None and grown[1] is basis and _same(grown[0], given):
            return grown[2]._holding(grown[3], given)
        fresh, positions = self._grow(given, basis)
        self._grown = None if positions is None else (given, basis, fresh, positions)
        return fresh

    def _holding(self, positions: tuple[int, ...], given: tuple[Change, ...]) -> Timeline:
        """This timeline with the changes at ``positions`` swapped for equal ones."""
        changes = list(self._changes)
        for position, change in zip(positions, given, strict=True):
            changes[position] = change
        fresh = Timeline.__new__(Timeline)
        fresh._changes = tuple(changes)
        fresh._dates = self._dates
        fresh._require_basis = self._require_basis
        fresh._checkpoints = list(self._checkpoints)
        fresh._grown = None
        fresh._keep = None
        return fresh

    def _grow(
        self, given: tuple[Change, ...], basis: bool
    ) -> tuple[Timeline, tuple[int, ...] | None]:
        """The new timeline, and where each given change is in it (None: not to be kept)."""
        if basis and not self._require_basis:  # the kept changes were never checked for basis
            return Timeline((*self._changes, *given), require_basis=basis), None
        # Sorted as a rebuild sorts (stable: kept changes first, the given ones in their order).
        added = sorted(range(len(given)), key=lambda i: given[i].on)
        # First position that changes: after every kept change dated on or before the
        # earliest new one.
        keep = bisect.bisect_right(self._dates, given[added[0]].on) if added else len(self)
        tail = sorted(
            [*((c, -1) for c in self._changes[keep:]), *((given[i], i) for i in added)],
            key=lambda item: item[0].on,
        )
        where = [0] * len(given)
        for offset, (_, index) in enumerate(tail):
            if index >= 0:
                where[index] = keep + offset
        fresh = Timeline.__new__(Timeline)
        fresh._changes = (*self._changes[:keep], *(c for c, _ in tail))
        fresh._dates = [*self._dates[:keep], *(c.on for c, _ in tail)]
        fresh._require_basis = basis
        fresh._grown = None
        fresh._keep = None
        found = bisect.bisect_right(self._checkpoints, keep, key=lambda c: c[0])
        fresh._checkpoints = self._checkpoints[:found]
        start = fresh._checkpoints[-1][0] if found else 0
        builder = self.builder_at(start)
        fresh._replay(start, builder)
        if len({id(c) for c in given}) != len(given):  # one object given twice: not kept
            return fresh, None
        return fresh, tuple(where)


def _same(kept: tuple[Change, ...], given: tuple[Change, ...]) -> bool:
    """The same changes, down to where they came from (``ref`` takes no part in ``==``)."""
    return len(kept) == len(given) and all(
        a is b or (a == b and a.ref == b.ref) for a, b in zip(kept, given, strict=True)
    )


def first_difference(old: Sequence[Change], new: Sequence[Change]) -> date | None:
    """The date of the first change in which two histories (their changes in timeline order)
    differ, None when they do not: every state dated before it is the same in both."""
    for a, b in zip(old, new, strict=False):
        if a is not b and a != b:
            return min(a.on, b.on)
    if len(old) != len(new):
        return (old if len(old) > len(new) else new)[min(len(old), len(new))].on
    return None
