"""Change forms: one per kind of change, built from the state they apply to.

The shared part is in ``change_base``; the forms for units in ``unit_changes``; those for staff
and quotas in ``people_changes``. ``FORMS`` maps each kind of change to its form.
"""

from __future__ import annotations

from tinhgon.web.forms.change_base import ChangeForm
from tinhgon.web.forms.people_changes import (
    ROLE_CHOICES,
    AppointForm,
    HireForm,
    LeaveForm,
    RelieveForm,
    SetQuotaForm,
    TransferForm,
)
from tinhgon.web.forms.unit_changes import (
    CreateForm,
    DissolveForm,
    MergeForm,
    MoveForm,
    RenameForm,
    SplitForm,
)

__all__ = [
    "FORMS",
    "ROLE_CHOICES",
    "AppointForm",
    "ChangeForm",
    "CreateForm",
    "DissolveForm",
    "HireForm",
    "LeaveForm",
    "MergeForm",
    "MoveForm",
    "RelieveForm",
    "RenameForm",
    "SetQuotaForm",
    "SplitForm",
    "TransferForm",
]


FORMS: dict[str, type[ChangeForm]] = {
    "merge": MergeForm,
    "split": SplitForm,
    "dissolve": DissolveForm,
    "rename": RenameForm,
    "move": MoveForm,
    "create": CreateForm,
    "transfer": TransferForm,
    "appoint": AppointForm,
    "relieve": RelieveForm,
    "hire": HireForm,
    "leave": LeaveForm,
    "set_quota": SetQuotaForm,
}
