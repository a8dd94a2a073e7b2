"""A select box drawn in Python: Django draws each option through its own template (about
0.1 ms an option), so the 2,500 units of a province-sized agency cost 0.3 s a page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

_SELECTED = mark_safe(" selected")


class QuickSelect(forms.Select):
    """The same ``<select>`` as ``forms.Select`` for flat choices, without a template per
    option."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            ((key, _SELECTED if str(key) in chosen else "", label) for key, label in self.choices),
        )
        return format_html("<select{}>\n{}\n</select>", flatatt(final), options)
