"""Plain data (the JSON-like form of the project file) to domain objects and back.

The project file reader, the database and the API all speak this form, so a change reads and
writes the same way everywhere. Conversion errors are ``FieldError``: the path below the value
being read, and what is wrong in Vietnamese and English.

The conversions live in ``codec_base`` (errors, dates, the context), ``codec_units``
(documents, unit kinds, units), ``codec_people`` and ``codec_changes``; every name is
importable from here.
"""

from __future__ import annotations

from tinhgon.io.codec_base import Context as Context
from tinhgon.io.codec_base import FieldError as FieldError
from tinhgon.io.codec_base import parse_date as parse_date
from tinhgon.io.codec_changes import change_from_plain as change_from_plain
from tinhgon.io.codec_changes import change_to_plain as change_to_plain
from tinhgon.io.codec_people import EARLY_RETIREMENT_FACTS as EARLY_RETIREMENT_FACTS
from tinhgon.io.codec_people import person_from_plain as person_from_plain
from tinhgon.io.codec_people import person_to_plain as person_to_plain
from tinhgon.io.codec_people import rank_from_plain as rank_from_plain
from tinhgon.io.codec_units import basis_to_plain as basis_to_plain
from tinhgon.io.codec_units import document_from_plain as document_from_plain
from tinhgon.io.codec_units import document_to_plain as document_to_plain
from tinhgon.io.codec_units import new_unit_from_plain as new_unit_from_plain
from tinhgon.io.codec_units import new_unit_to_plain as new_unit_to_plain
from tinhgon.io.codec_units import unit_kind_from_plain as unit_kind_from_plain
from tinhgon.io.codec_units import unit_kind_to_plain as unit_kind_to_plain
