"""Which document may approve a plan (quyết định phê duyệt): one rule for the web form and the
API.

The approving document must be
- a decision (quyết định): not a decree, a report or a letter;
- issued by the competent body: the agency's superior when the agency records one
  (``Agency.superior``, e.g. "Ủy ban nhân dân tỉnh Kon Tum"; "UBND tỉnh Kon Tum" is the same
  body); an agency without a recorded superior is not checked on this point;
- dated on or before the plan's effective date (its earliest change) and after the plan's
  submission (``Plan.submitted_on``; plans submitted before that field existed have none and
  are not checked on this point);
- not already the basis of official changes outside this plan: a decision that gave the staff
  quota or retired one person decided that, not this plan.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db.models import QuerySet

from tinhgon.domain.vietnamese import fold
from tinhgon.web import models
from tinhgon.web.services.base import ServiceError

ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "tu": "trung uong",
}


def body_key(name: str) -> str:
    """A body's name folded, abbreviations spelled out: 'UBND tỉnh Kon Tum' →
    'uy ban nhan dan tinh kon tum'."""
    words = re.findall(r"[a-z0-9]+", fold(name))
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)


def effective_date(plan: models.Plan) -> dt.date | None:
    dates = []
    for change in plan.changes:
        try:
            dates.append(dt.date.fromisoformat(str(change.get("on"))))
        except ValueError:
            continue
    return min(dates) if dates else None


def _cited_elsewhere(plan: models.Plan) -> set[tuple[str, str | None]]:
    """(symbol, date or None) of the documents the official changes outside the plan cite."""
    cited: set[tuple[str, str | None]] = set()
    rows = (
        models.ChangeRecord.objects.filter(agency_id=plan.agency_id)
        .exclude(plan_id=plan.pk)
        .values_list("payload__basis", flat=True)
    )
    for basis in rows:
        if isinstance(basis, str):
            cited.add((basis, None))
        elif isinstance(basis, dict) and basis.get("symbol"):
            cited.add((str(basis["symbol"]), str(basis.get("date") or "") or None))
    return cited


def _is_cited(document: models.Document, cited: set[tuple[str, str | None]]) -> bool:
    return (document.symbol, None) in cited or (
        document.symbol,
        document.issued_on.isoformat(),
    ) in cited


def refusal(plan: models.Plan, document: models.Document, cited: Any = None) -> ServiceError | None:
    """Why ``document`` may not approve ``plan`` (None when it may)."""
    name = f"{document.symbol} ngày {document.issued_on:%d/%m/%Y}"
    if document.agency_id != plan.agency_id:
        return ServiceError(
            "quyết định không thuộc sổ văn bản của cơ quan",
            "the decision is not in this agency's register",
        )
    if document.kind != "decision":
        return ServiceError(
            f"{name} không phải là quyết định; đề án chỉ được phê duyệt bằng quyết định",
            f"{document.symbol} is not a decision; a plan is approved by a decision",
        )
    superior = plan.agency.superior.strip()
    if superior and body_key(document.issuer) != body_key(superior):
        return ServiceError(
            f"{name} do {document.issuer} ban hành, không phải cấp có thẩm quyền ({superior})",
            f"{document.symbol} was issued by {document.issuer}, not by the competent body "
            f"({superior})",
        )
    on = effective_date(plan)
    if on is not None and document.issued_on > on:
        return ServiceError(
            f"{name} ban hành sau ngày hiệu lực của đề án ({on:%d/%m/%Y})",
            f"{document.symbol} was issued after the plan takes effect ({on.isoformat()})",
        )
    submitted = plan.submitted_on
    if submitted is not None and document.issued_on <= submitted:
        return ServiceError(
            f"{name} ban hành không sau ngày trình đề án ({submitted:%d/%m/%Y})",
            f"{document.symbol} is not dated after the plan's submission ({submitted.isoformat()})",
        )
    if _is_cited(document, cited if cited is not None else _cited_elsewhere(plan)):
        return ServiceError(
            f"{name} đã là căn cứ của thay đổi khác trong lịch sử chính thức, "
            "không phải quyết định phê duyệt đề án này",
            f"{document.symbol} is already the basis of other official changes, "
            "not the decision approving this plan",
        )
    return None


def approving_decisions(plan: models.Plan) -> QuerySet[models.Document]:
    """The documents of the register that may approve ``plan``, newest first."""
    cited = _cited_elsewhere(plan)
    candidates = models.Document.objects.filter(agency_id=plan.agency_id, kind="decision")
    allowed = [d.pk for d in candidates if refusal(plan, d, cited) is None]
    return models.Document.objects.filter(pk__in=allowed).order_by("-issued_on", "symbol")


def check_decision(plan: models.Plan, document: models.Document) -> None:
    error = refusal(plan, document)
    if error is not None:
        raise error
