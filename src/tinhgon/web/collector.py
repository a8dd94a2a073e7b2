"""Python's cyclic garbage collector in a server process that keeps large results in memory.

The memo of ``repository`` keeps, for each date asked, a state and a legal check: at 50,000
people, millions of objects a date, none of them in a reference cycle. Left to itself, the
collector scans every one of them again at each full (generation 2) collection, and a full
collection comes each time a quarter more objects have survived: measured on 20 new dates of
the dashboard and 20 of the org chart, 10 full collections of 50 to 300 ms, 2.3 s in all.

So, in a server (``tinhgon.web.wsgi`` sets ``freezing``):

- what ``repository.memo`` works out is made with the collector paused (it makes no garbage
  cycle, the collector would only scan its new objects again and again) and, once kept, is
  frozen with everything else alive (``gc.freeze``: set aside, never scanned again). A young
  collection then scans only what the requests made since. Freezing moves lists, it costs
  nothing however much is frozen. Just before, what is not frozen yet is collected (0-2 ms:
  only what was made since the last freeze), so that a finished request and its response —
  cycles, which may still refer to a page's states — are freed rather than frozen.
- a frozen object is still freed when nothing refers to it any more (reference counts): a
  date pushed out of the memo gives its memory back at once, since a state or a check holds no
  cycle. What the collector alone can free — a cycle, such as Django's request and its session
  — is never freed while frozen: measured at 50,000 people, 2,000 to 7,500 small objects a
  dozen requests (a request's cycle frozen while it was running), never a state or a check.
  A full collection is what would free them, and it is what costs (280 ms with a full memo at
  50,000 people: it walks every reference of every kept list and dict). So everything is
  unfrozen, collected once and frozen again (``reclaim``), after the response that crossed
  one of these marks has been sent (``request_finished``): 1,000 freezes since the last time,
  or the memo having pushed out four times its budget (a write, which starts the memo afresh,
  is not counted: what it lets go of is freed by reference counts — no state, check or page's
  data of the memo is part of a cycle, tests/web/test_collector.py — and a full collection
  right after each write would cost the next page 300 ms at 50,000 people). Frozen garbage is
  bounded by those marks.
  (``gc.get_freeze_count`` is not a mark: it walks the whole frozen list, 60 ms at 50,000.)

The command line does the same for a project it reads (``tinhgon.cli.main.read_project``).
Off under the tests and wherever ``freezing`` is not set: the collector works as usual.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

freezing = False  # set by tinhgon.web.wsgi: a server process
_RECLAIM_FREEZES = 1000
_RECLAIM_TURNOVER = 4  # budgets let go of


class _Ledger:
    """What has happened since the last full collection."""

    def __init__(self) -> None:
        self.dropped = 0  # estimated bytes the memo let go of (``repository.weight_of``)
        self.freezes = 0
        self.kept = 0  # values frozen in all
        self.due = False
        self.reclaims = 0


ledger = _Ledger()
_lock = threading.Lock()
_depth = threading.local()  # ``kept`` calls within ``kept`` (a page's data and its state)


def kept(compute: Callable[[Any], T], project: Any) -> T:
    """``compute(project)``, with the collector paused while it runs and what is alive frozen
    after it (when ``freezing``)."""
    if not freezing:
        return compute(project)
    outermost = not getattr(_depth, "n", 0)
    if outermost:
        # What is not frozen yet is what was made since the last freeze: collected first (a
        # few ms), so that the garbage cycles among it (a finished request and its response,
        # which may still refer to a page's states) are not frozen with the rest.
        gc.collect()
    paused = gc.isenabled()
    gc.disable()
    _depth.n = getattr(_depth, "n", 0) + 1
    try:
        value = compute(project)
    finally:
        _depth.n -= 1
        if paused:
            gc.enable()
    gc.freeze()
    with _lock:
        ledger.freezes += 1
        ledger.kept += 1
        if ledger.freezes >= _RECLAIM_FREEZES:
            ledger.due = True
    return value


def dropped(nbytes: int, *, budget: int) -> None:
    """The memo let go of ``nbytes`` (estimated): a full collection is due once four budgets
    have gone since the last one."""
    if not freezing or nbytes <= 0:
        return
    with _lock:
        ledger.dropped += nbytes
        if ledger.dropped >= _RECLAIM_TURNOVER * budget:
            ledger.due = True


def reclaim_if_due(**_: Any) -> None:
    """Unfreeze, collect everything once and freeze again, when ``kept`` or ``dropped`` said
    so (connected to Django's ``request_finished``: after the response has been sent)."""
    with _lock:
        if not ledger.due:
            return
        ledger.due = False
        ledger.dropped = 0
        ledger.freezes = 0
        ledger.reclaims += 1
    reclaim()


def reclaim() -> None:
    gc.unfreeze()
    gc.collect()
    if freezing:
        gc.freeze()
