"""What the columnar check derives once from a columnar state: the tree (a units-only domain
state for tree order and the rules' own ``targets``), each unit's members, counts per unit, and
small domain sub-states that the object rules run on to word their findings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from tinhgon.domain import Role, State
from tinhgon.domain.state import _CLASS_ORDER, Assignment
from tinhgon.law.columnar.state import CATEGORIES, CLASSES, ROLES, ColumnarState, Ints

if TYPE_CHECKING:
    from tinhgon.domain import Person


def _cached(cs: ColumnarState, key: str, make: Any) -> Any:
    found = cs.cache.get(key)
    if found is None:
        found = cs.cache[key] = make()
    return found


def _shared(cs: ColumnarState, key: str, make: Any) -> Any:
    """Like ``_cached``, for what depends only on the units, the quotas and the year: shared by
    the columnar states that have the same ones (``ColumnarState.shared``)."""
    found = cs.shared.get(key)
    if found is None:
        found = cs.shared[key] = make()
    return found


def units_state(cs: ColumnarState) -> State:
    """The units and quotas alone, as a domain state (no one in post)."""
    return _cached(  # type: ignore[no-any-return]
        cs,
        "units_state",
        lambda: State(
            on=cs.on,
            units={u.id: u for u in cs.units},
            ended={},
            people={},
            assignments={},
            departures={},
            quotas=cs.quotas,
        ),
    )


def walk_order(cs: ColumnarState) -> list[int]:
    """Unit indices in the domain's tree order (``State.walk``: depth first from the roots,
    children by class then in the order they came into being), worked out on the columns; a
    state with units no root leads to (a parent not in the state, a loop) is walked by the
    domain itself."""

    def make() -> list[int]:
        import numpy as np

        index = cs.unit_index
        d = depth(cs)
        lost = bool((d < 0).any()) or any(
            u.parent_id is not None and u.parent_id not in index for u in cs.units
        )
        if lost:
            return [index[u.id] for _, u in units_state(cs).walk()]
        n = len(cs.units)
        size = np.ones(n, dtype=np.int64)
        for level in range(int(d.max()) if n else 0, 0, -1):
            at = np.nonzero(d == level)[0]
            np.add.at(size, cs.parent[at], size[at])
        order_of_class = np.array([_CLASS_ORDER[c] for c in CLASSES], dtype=np.int64)
        siblings = np.lexsort((np.arange(n), order_of_class[cs.unit_class], cs.parent))
        before = np.cumsum(size[siblings]) - size[siblings]  # sizes of the siblings before
        parents = cs.parent[siblings]
        starts = np.flatnonzero(np.r_[True, parents[1:] != parents[:-1]])
        first = np.repeat(starts, np.diff(np.r_[starts, n]))
        offset = np.empty(n, dtype=np.int64)
        offset[siblings] = before - before[first]
        position = np.empty(n, dtype=np.int64)
        roots = d == 0
        position[roots] = offset[roots]
        for level in range(1, int(d.max()) + 1 if n else 1):
            at = np.nonzero(d == level)[0]
            position[at] = position[cs.parent[at]] + 1 + offset[at]
        return np.argsort(position).tolist()  # type: ignore[no-any-return]

    return _shared(cs, "walk", make)  # type: ignore[no-any-return]


def places(cs: ColumnarState) -> tuple[dict[str, int], Ints]:
    """Each unit's place in the tree order: by its id, and as a column (-1 for none)."""

    def make() -> tuple[dict[str, int], Ints]:
        import numpy as np

        walked = walk_order(cs)
        units = cs.units
        place = np.full(len(units), -1, dtype=np.int64)
        place[np.asarray(walked, dtype=np.int64)] = np.arange(len(walked), dtype=np.int64)
        place.flags.writeable = False  # shared
        return {units[i].id: n for n, i in enumerate(walked)}, place

    return _shared(cs, "places", make)  # type: ignore[no-any-return]


def members(cs: ColumnarState) -> tuple[Ints, Ints]:
    """People's indices grouped by unit (in their order) and where each unit's group starts."""

    def make() -> tuple[Ints, Ints]:
        import numpy as np

        order = np.argsort(cs.person_unit, kind="stable")
        counts = np.bincount(cs.person_unit, minlength=len(cs.units))
        starts = np.zeros(len(cs.units) + 1, dtype=np.int64)
        np.cumsum(counts, out=starts[1:])
        return order, starts

    return _cached(cs, "members", make)  # type: ignore[no-any-return]


def count_by(cs: ColumnarState, mask: Ints | None = None) -> Ints:
    """People in post in each unit itself (those where ``mask`` holds, if given)."""
    import numpy as np

    units = cs.person_unit if mask is None else cs.person_unit[mask]
    return np.bincount(units, minlength=len(cs.units))


def by_category(cs: ColumnarState) -> Ints:
    """People in post in each unit itself, by category: one row a unit, one column a category
    (in CATEGORIES' order)."""

    def make() -> Ints:
        import numpy as np

        width = len(CATEGORIES)
        flat = np.bincount(cs.person_unit * width + cs.category, minlength=len(cs.units) * width)
        return flat.reshape(len(cs.units), width)

    return _cached(cs, "by_category", make)


def role_counts(cs: ColumnarState, role: Any) -> Ints:
    return _cached(cs, f"role:{role.value}", lambda: count_by(cs, cs.role == ROLES.index(role)))


def class_code(unit_class: Any) -> int:
    return CLASSES.index(unit_class)


def depth(cs: ColumnarState) -> Ints:
    """Each unit's depth (0 for a root), from the parent column."""

    def make() -> Ints:
        import numpy as np

        d = np.zeros(len(cs.units), dtype=np.int64)
        current = cs.parent.copy()
        for _ in range(len(cs.units) + 1):
            live = current >= 0
            if not live.any():
                d.flags.writeable = False  # shared
                return d
            d[live] += 1
            current[live] = cs.parent[current[live]]
        d[current >= 0] = -1  # in a loop of parents: no root leads there
        d.flags.writeable = False  # shared
        return d

    return _shared(cs, "depth", make)


def subtree_sums(cs: ColumnarState, values: Ints) -> Ints:
    """Each unit's value plus those of all its sub-units."""
    import numpy as np

    total = values.copy()
    d = depth(cs)
    for level in range(int(d.max()) if len(d) else 0, 0, -1):
        at = np.nonzero(d == level)[0]
        np.add.at(total, cs.parent[at], total[at])
    return total


def ancestors(cs: ColumnarState, units: Iterable[int]) -> set[int]:
    out: set[int] = set()
    for u in units:
        p = int(cs.parent[u])
        while p >= 0 and p not in out:
            out.add(p)
            p = int(cs.parent[p])
    return out


def children_of(cs: ColumnarState, units: Iterable[int]) -> set[int]:
    import numpy as np

    wanted = np.zeros(len(cs.units) + 1, dtype=bool)
    wanted[list(units)] = True
    return set(np.nonzero(wanted[cs.parent])[0].tolist())


def subtree_of(cs: ColumnarState, units: Iterable[int]) -> set[int]:
    out = set(units)
    frontier = set(out)
    while frontier:
        frontier = children_of(cs, frontier) - out
        out |= frontier
    return out


def members_of(cs: ColumnarState, units: Iterable[int], *, leaders: bool = False) -> list[int]:
    """The people in post in these units (with ``leaders``, only their heads and deputies)."""
    order, starts = members(cs)
    out: list[int] = []
    for u in units:
        out.extend(order[starts[u] : starts[u + 1]].tolist())
    if leaders and out:
        import numpy as np

        picked = np.asarray(out, dtype=np.int64)
        staff = ROLES.index(Role.STAFF)
        return picked[cs.role[picked] != staff].tolist()  # type: ignore[no-any-return]
    return out


def substate(cs: ColumnarState, units: Iterable[int], people: Iterable[int]) -> State:
    """A domain state of some units (with their parents up to the root) and some people in
    post, in the full state's order, with the quotas of those units."""
    chosen = set(units)
    people_list = sorted(set(people))
    chosen |= {int(cs.person_unit[i]) for i in people_list}
    chosen |= ancestors(cs, chosen)
    unit_objs = [cs.units[i] for i in sorted(chosen)]
    ids = {u.id for u in unit_objs}
    persons: list[Person] = [cs.person(i) for i in people_list]
    assigned: list[Assignment] = [cs.assignment(i) for i in people_list]
    return State(
        on=cs.on,
        units={u.id: u for u in unit_objs},
        ended={},
        people={p.id: p for p in persons},
        assignments={a.person_id: a for a in assigned},
        departures={},
        quotas={k: v for k, v in cs.quotas.items() if k.unit_id in ids},
    )
