"""English is complete: every string the pages mark for translation has its English, and the
compiled catalogue matches its source."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

WEB = Path(__file__).parents[2] / "src" / "tinhgon" / "web"
PO = WEB / "locale" / "en" / "LC_MESSAGES" / "django.po"


def marked_strings() -> set[str]:
    found: set[str] = set()
    for template in (WEB / "templates").rglob("*.html"):
        source = template.read_text(encoding="utf-8")
        found.update(re.findall(r'{%\s*translate\s+"([^"]+)"', source))
        found.update(re.findall(r"{%\s*translate\s+'([^']+)'", source))
    for module in WEB.rglob("*.py"):
        found.update(re.findall(r'\b_\("([^"]+)"\)', module.read_text(encoding="utf-8")))
    return found


def test_every_string_marked_for_translation_has_its_english():
    catalogue = {e.msgid: e.msgstr for e in polib.pofile(str(PO)) if not e.obsolete}

    missing = sorted(s for s in marked_strings() if not catalogue.get(s))

    assert missing == []


def test_no_translation_is_fuzzy_or_empty():
    entries = polib.pofile(str(PO))

    assert [e.msgid for e in entries if "fuzzy" in e.flags or not e.msgstr] == []


def test_the_compiled_catalogue_matches_the_source():
    source = {e.msgid: e.msgstr for e in polib.pofile(str(PO)) if e.msgstr}
    compiled = {e.msgid: e.msgstr for e in polib.mofile(str(PO.with_suffix(".mo"))) if e.msgid}

    assert compiled == source


@pytest.mark.django_db
def test_change_kinds_metric_labels_and_messages_are_in_english_when_chosen(as_):
    client = as_("editor")
    client.cookies["django_language"] = "en"

    page = client.get("/co-quan/bqlkkt/de-an/phuong-an-3-phong/").content.decode()
    created = client.post("/co-quan/bqlkkt/de-an/", {"title": "Thử"}, follow=True).content.decode()

    assert "Merge / consolidate units" in page
    assert "Sáp nhập / hợp nhất đơn vị" not in page
    assert "Number of units" in page
    assert "Plan &#x27;Thử&#x27; created." in created


@pytest.mark.django_db
def test_categories_statuses_and_audit_actions_are_in_english_when_chosen(as_):
    from tinhgon.domain import Category

    client = as_("editor")
    client.cookies["django_language"] = "en"

    staff = client.get("/co-quan/bqlkkt/nhan-su/?on=31/12/2019").content.decode()
    plans = client.get("/co-quan/bqlkkt/de-an/").content.decode()
    audit = client.get("/co-quan/bqlkkt/nhat-ky/").content.decode()

    assert Category("civil_servant").en in staff
    assert f"<td>{Category('civil_servant').vi}</td>" not in staff
    assert "Draft" in plans
    assert "Dự thảo" not in plans
    assert "Project file import" in audit
