"""The fixed lists users choose from, each value with its Vietnamese (``vi``) and English
(``en``) label: categories of staff, sexes, roles, reasons for leaving, classes of unit, groups
of autonomy, ratings."""

from __future__ import annotations

from enum import StrEnum


class Label(StrEnum):
    """An enumeration whose members carry a Vietnamese and an English label.

    Members are written ``NAME = "value", "nhãn tiếng Việt", "English label"``.
    """

    vi: str
    en: str

    def __new__(cls, value: str, vi: str = "", en: str = "") -> Label:
        member = str.__new__(cls, value)
        member._value_ = value
        member.vi = vi or value
        member.en = en or value
        return member


class Category(Label):
    """Cán bộ, công chức, viên chức, người lao động."""

    CADRE = "cadre", "cán bộ", "cadre"
    CIVIL_SERVANT = "civil_servant", "công chức", "civil servant"
    PUBLIC_EMPLOYEE = "public_employee", "viên chức", "public employee"
    CONTRACT_WORKER = "contract_worker", "người lao động", "contract worker"


class Sex(Label):
    """Giới tính."""

    MALE = "male", "nam", "male"
    FEMALE = "female", "nữ", "female"


class Role(Label):
    """Chức vụ: head (người đứng đầu), deputy head (cấp phó), staff."""

    HEAD = "head", "cấp trưởng", "head"
    DEPUTY = "deputy", "cấp phó", "deputy head"
    STAFF = "staff", "nhân viên", "staff"


class LeaveReason(Label):
    """Why someone leaves the staff."""

    RETIREMENT = "retirement", "nghỉ hưu", "retirement"
    STREAMLINING = "streamlining", "tinh giản biên chế", "streamlining"
    RESIGNATION = "resignation", "thôi việc", "resignation"
    TRANSFER_OUT = "transfer_out", "chuyển công tác", "transfer out"
    DEATH = "death", "từ trần", "death"
    OTHER = "other", "lý do khác", "other"


class UnitClass(Label):
    """The broad class of a unit kind, which the metrics count by."""

    AGENCY = "agency", "cơ quan", "agency"
    DEPARTMENT = "department", "phòng và tương đương", "department or equivalent"
    SUB_DEPARTMENT = "sub_department", "chi cục", "sub-department"
    PUBLIC_SERVICE_UNIT = "public_service_unit", "đơn vị sự nghiệp công lập", "public service unit"
    DIVISION = "division", "bộ phận trực thuộc", "division"
    LOCAL_GOVERNMENT = "local_government", "chính quyền các cấp", "government"


class AutonomyGroup(Label):
    """Mức tự chủ tài chính of a public service unit (Decree 60/2021/NĐ-CP, Art. 9-12)."""

    SELF_FINANCING_ALL = (
        "1",
        "tự bảo đảm chi thường xuyên và chi đầu tư",
        "covers its recurrent and investment spending",
    )
    SELF_FINANCING_RECURRENT = "2", "tự bảo đảm chi thường xuyên", "covers its recurrent spending"
    PARTLY_FINANCED = (
        "3",
        "tự bảo đảm một phần chi thường xuyên",
        "covers part of its recurrent spending",
    )
    STATE_FINANCED = (
        "4",
        "do Nhà nước bảo đảm chi thường xuyên",
        "recurrent spending covered by the State",
    )


class Rating(Label):
    """Xếp loại chất lượng hằng năm."""

    EXCELLENT = "excellent", "hoàn thành xuất sắc nhiệm vụ", "excellent"
    GOOD = "good", "hoàn thành tốt nhiệm vụ", "good"
    COMPLETED = "completed", "hoàn thành nhiệm vụ", "completed"
    NOT_COMPLETED = "not_completed", "không hoàn thành nhiệm vụ", "not completed"
