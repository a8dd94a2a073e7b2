"""Template tags of the documents pages: the papers a plan's page offers for download."""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag
def plan_papers() -> list[tuple[str, str]]:
    """(paper, Vietnamese name) of each paper of a plan, in the order they are written."""
    from tinhgon.web.views_documents import PAPER_NAMES

    return list(PAPER_NAMES.items())
