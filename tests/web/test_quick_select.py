"""The unit select drawn in Python gives exactly what its first version (``format_html`` per
option, kept here) drew, with fewer calls."""

from __future__ import annotations

from typing import Any

from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from hypothesis import given, settings
from hypothesis import strategies as st

from tinhgon.web.forms.quick import QuickSelect

TEXT = st.text(alphabet=st.sampled_from("aăâđ Ư<>&\"' \t—/x0"), max_size=8)


def first_version(widget: QuickSelect, name: str, value: Any) -> str:
    final = widget.build_attrs(widget.attrs, None)
    final["name"] = name
    chosen = {str(v) for v in widget.format_value(value)}
    options = format_html_join(
        "\n",
        '<option value="{}"{}>{}</option>',
        (
            (key, mark_safe(" selected") if str(key) in chosen else "", label)
            for key, label in widget.choices
        ),
    )
    return format_html("<select{}>\n{}\n</select>", flatatt(final), options)


@settings(max_examples=200, deadline=None)
@given(
    choices=st.lists(st.tuples(TEXT, TEXT), max_size=6),
    value=st.one_of(st.none(), TEXT),
    safe_label=st.booleans(),
)
def test_quick_select_draws_what_its_first_version_drew(choices, value, safe_label):
    if safe_label and choices:  # a label already marked safe is not escaped again
        choices = [(choices[0][0], mark_safe(choices[0][1])), *choices[1:]]
    if value is None and choices:
        value = choices[-1][0]  # one of them chosen
    widget = QuickSelect(attrs={"id": "id_unit", "class": "chọn"}, choices=choices)
    assert widget.render("unit", value) == first_version(widget, "unit", value)
