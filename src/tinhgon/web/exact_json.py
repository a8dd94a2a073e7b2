"""Django's JSON serialisation, keeping every microsecond of a time (used by ``tinhgon backup``).

Django's own JSON encoder cuts times to the millisecond, so a backup restored gave back
timestamps a little different from those it was made from (seen as a rare test failure when a
time fell within the first millisecond of a second). Reading needs nothing new: Django's
deserialiser reads full ISO 8601 times.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer

__all__ = ["Deserializer", "ExactEncoder", "Serializer"]


class ExactEncoder(DjangoJSONEncoder):
    """ISO 8601 times with their microseconds (UTC written "Z", as Django writes it)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, dt.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self) -> None:
        self.options["cls"] = ExactEncoder
        super()._init_options()
