"""Timeline: an agency of 2,000 people with 20,000 changes; state_on on 100 dates.

Prints JSON: the time to build the timeline (one validating replay of every change, keeping a
snapshot every n/64 changes), the time for 100 state_on calls spread over the history, and the
same for 5,000 to 40,000 changes to show how the cost grows.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time

from tinhgon.domain import (
    BUILTIN_KINDS,
    Appoint,
    BirthDate,
    Category,
    Change,
    CreateUnit,
    DocumentKey,
    Hire,
    Leave,
    LeaveReason,
    NewUnit,
    Person,
    Relieve,
    RenameUnit,
    Role,
    SetQuota,
    Sex,
    Timeline,
    Transfer,
)

BASIS = DocumentKey("01/QĐ-UBND", dt.date(2010, 1, 1))
START = dt.date(2010, 1, 1)


def history(people: int, changes: int, seed: int = 7) -> list[Change]:
    rnd = random.Random(seed)
    out: list[Change] = [
        CreateUnit(
            on=START,
            basis=BASIS,
            unit=NewUnit(id="ag", name="Sở", kind=BUILTIN_KINDS["provincial_department"]),
        )
    ]
    units = [f"u{i}" for i in range(40)]
    for uid in units:
        out.append(
            CreateUnit(
                on=START,
                basis=BASIS,
                unit=NewUnit(
                    id=uid, name=f"Phòng {uid}", kind=BUILTIN_KINDS["department"], parent_id="ag"
                ),
            )
        )
    where: dict[str, str] = {}
    role: dict[str, Role] = {}
    heads: dict[str, str] = {}
    for i in range(people):
        pid = f"p{i}"
        uid = units[i % len(units)]
        person = Person(
            id=pid,
            full_name=f"Nguyễn Văn {i}",
            sex=Sex.MALE,
            birth=BirthDate(1970 + i % 30, 1 + i % 12),
            category=Category.CIVIL_SERVANT,
        )
        r = Role.HEAD if uid not in heads else Role.STAFF
        if r is Role.HEAD:
            heads[uid] = pid
        out.append(Hire(on=START, basis=BASIS, person=person, unit=uid, role=r))
        where[pid], role[pid] = uid, r
    left: list[str] = []
    on = START
    next_person = people
    while len(out) < changes:
        on += dt.timedelta(days=rnd.choice((0, 0, 1)))
        op = rnd.random()
        staff = list(where)
        pid = rnd.choice(staff)
        common = {"on": on, "basis": BASIS}
        if op < 0.35:
            uid = rnd.choice(units)
            if uid == where[pid]:
                continue
            if role[pid] is Role.HEAD:
                del heads[where[pid]]
            where[pid], role[pid] = uid, Role.STAFF
            out.append(Transfer(person=pid, unit=uid, **common))
        elif op < 0.55:
            uid = where[pid]
            if role[pid] is not Role.STAFF:
                continue
            r = Role.HEAD if uid not in heads else Role.DEPUTY
            if r is Role.HEAD:
                heads[uid] = pid
            role[pid] = r
            out.append(Appoint(person=pid, role=r, **common))
        elif op < 0.65:
            if role[pid] is Role.STAFF:
                continue
            if role[pid] is Role.HEAD:
                del heads[where[pid]]
            role[pid] = Role.STAFF
            out.append(Relieve(person=pid, **common))
        elif op < 0.75:
            if role[pid] is Role.HEAD:
                del heads[where[pid]]
            del where[pid], role[pid]
            left.append(pid)
            out.append(Leave(person=pid, reason=LeaveReason.RETIREMENT, **common))
        elif op < 0.85:
            new = f"p{next_person}"
            next_person += 1
            person = Person(
                id=new,
                full_name=f"Trần Thị {new}",
                sex=Sex.FEMALE,
                birth=BirthDate(1990),
                category=Category.CIVIL_SERVANT,
            )
            uid = rnd.choice(units)
            where[new], role[new] = uid, Role.STAFF
            out.append(Hire(person=person, unit=uid, **common))
        elif op < 0.95:
            uid = rnd.choice(units)
            out.append(
                SetQuota(
                    unit=uid,
                    category=Category.CIVIL_SERVANT,
                    year=on.year,
                    value=rnd.randint(40, 60),
                    **common,
                )
            )
        else:
            uid = rnd.choice(units)
            out.append(RenameUnit(unit=uid, name=f"Phòng {uid} ({len(out)})", **common))
    return out


def measure(people: int, changes: int, dates: int = 100) -> dict[str, object]:
    seq = history(people, changes)
    t0 = time.perf_counter()
    timeline = Timeline(seq)
    build = time.perf_counter() - t0
    first, last = timeline.first_date, timeline.last_date
    assert first
    assert last
    span = (last - first).days
    days = [first + dt.timedelta(days=span * i // (dates - 1)) for i in range(dates)]
    t0 = time.perf_counter()
    for day in days:
        timeline.state_on(day)
    queries = time.perf_counter() - t0
    return {
        "people": people,
        "changes": len(seq),
        "build_s": round(build, 3),
        "state_on_100_dates_s": round(queries, 3),
        "state_on_mean_ms": round(queries / dates * 1000, 2),
        "build_us_per_change": round(build / len(seq) * 1e6, 2),
    }


if __name__ == "__main__":
    main = measure(2000, 20000)
    growth = [measure(2000, n) for n in (5000, 10000, 20000, 40000)]
    print(json.dumps({"benchmark": "timeline.state_on", "main": main, "growth": growth}, indent=2))
