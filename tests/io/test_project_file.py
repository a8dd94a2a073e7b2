"""The YAML project file: the example loads; every kind of bad file is refused whole, with
FILE:LINE: field: message (Vietnamese, then English)."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tinhgon.domain import PlanStatus, metrics_of
from tinhgon.io import ProjectFileError, dump_project, load_project, parse_project
from tinhgon.io.project_file import project_schema

EXAMPLE = Path(__file__).parents[2] / "examples" / "kontum-ez-board.yaml"

MINIMAL = """\
tinhgon: 1
agency:
  id: ag
  name: Ban Quản lý Khu kinh tế tỉnh X
  kind: board
baseline:
  on: 2018-01-01
  basis: 01/BC-X
documents:
  - symbol: 01/BC-X
    issued_on: 2017-12-29
    issuer: Ban Quản lý
    title: Báo cáo tổ chức bộ máy
units:
  - id: a
    name: Phòng A
    kind: department
people:
  - id: p1
    name: Nguyễn Văn An
    born: 1980-02
    sex: male
    category: civil_servant
    unit: a
    role: head
"""


def problems(text: str) -> list[str]:
    with pytest.raises(ProjectFileError) as caught:
        parse_project(textwrap.dedent(text), name="f.yaml")
    return [str(p) for p in caught.value.problems]


def test_the_example_loads_with_its_documents_people_and_plans():
    project = load_project(EXAMPLE)

    assert project.agency.illustrative
    assert len(project.people) == 65
    assert project.plans["de-an-2018"].status is PlanStatus.IMPLEMENTED
    assert project.plans["phuong-an-3-phong"].status is PlanStatus.DRAFT


def test_the_example_reproduces_the_seed_articles_numbers():
    project = load_project(EXAMPLE)

    before = metrics_of(project.state_on(dt.date(2018, 1, 1)))
    after = metrics_of(project.state_on(dt.date(2019, 12, 31)))

    assert (before.departments, after.departments) == (6, 4)
    assert (before.department_leaders, after.department_leaders) == (16, 11)
    assert (before.public_service_units, after.public_service_units) == (3, 2)


def test_every_department_of_the_example_fits_decree_82_2018_after_the_restructuring():
    state = load_project(EXAMPLE).state_on(dt.date(2019, 12, 31))

    for unit in state.units.values():
        if not unit.kind.is_department:
            continue
        civil = sum(
            1
            for a in state.members(unit.id)
            if state.people[a.person_id].category.value == "civil_servant"
        )
        deputies = len(state.deputies(unit.id))
        assert state.head(unit.id) is not None
        assert civil >= 7
        assert deputies == (1 if civil <= 9 else 2)


def test_the_example_validates_against_the_json_schema():
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(EXAMPLE.read_text(encoding="utf-8"))
    plain = json.loads(json.dumps(data, default=str))

    assert list(Draft202012Validator(project_schema()).iter_errors(plain)) == []


def test_a_minimal_file_loads():
    project = parse_project(MINIMAL)

    state = project.state_on(dt.date(2018, 1, 1))
    assert state.head("a").person_id == "p1"
    assert state.units["a"].parent_id == "ag"


def test_a_project_dumps_to_yaml_and_loads_back_equal():
    project = load_project(EXAMPLE)

    again = parse_project(dump_project(project))

    assert again.timeline.changes == project.timeline.changes
    assert again.people == project.people
    assert set(again.plans) == set(project.plans)
    assert again.plans["de-an-2018"] == project.plans["de-an-2018"]
    assert list(again.documents) == list(project.documents)
    for on in ("2018-01-01", "2019-12-31"):
        day = dt.date.fromisoformat(on)
        assert again.state_on(day) == project.state_on(day)


def test_dates_may_be_written_dd_mm_yyyy():
    text = MINIMAL.replace("on: 2018-01-01", "on: 01/01/2018").replace(
        "issued_on: 2017-12-29", 'issued_on: "29/12/2017"'
    )

    assert parse_project(text).timeline.first_date == dt.date(2018, 1, 1)


# -- the errors, each with its exact message --------------------------------------------------


def test_a_missing_required_field_names_its_line_and_field():
    text = MINIMAL.replace("    sex: male\n", "")

    assert problems(text) == [
        "f.yaml:19: people[0].sex: thiếu trường bắt buộc 'sex' (required field 'sex' is missing)"
    ]


def test_a_misspelt_field_is_reported_as_unexpected():
    text = MINIMAL.replace("    name: Phòng A", "    nmae: Phòng A")

    assert problems(text) == [
        "f.yaml:15: units[0].name: thiếu trường bắt buộc 'name' (required field 'name' is missing)",
        "f.yaml:16: units[0].nmae: trường không được phép 'nmae' (viết sai tên trường?) "
        "(unexpected field 'nmae' (a misspelt name?))",
    ]


def test_a_value_outside_its_list_names_the_allowed_values():
    text = MINIMAL.replace("category: civil_servant", "category: công chức")

    assert problems(text) == [
        "f.yaml:23: people[0].category: giá trị 'công chức' không hợp lệ; chọn một trong: cadre, "
        "civil_servant, public_employee, contract_worker (invalid value 'công chức'; choose one of: "
        "cadre, civil_servant, public_employee, contract_worker)"
    ]


def test_a_rank_code_written_as_a_number_asks_for_quotes():
    text = MINIMAL.replace("    unit: a\n", "    rank: 01.003\n    unit: a\n")

    [message] = problems(text)
    assert message.startswith("f.yaml:24: people[0].rank: giá trị 1.003 không đúng dạng")


def test_a_malformed_date_is_reported():
    text = MINIMAL.replace("on: 2018-01-01", "on: 2018-13-01")

    assert problems(text) == [
        "f.yaml:7: baseline.on: ngày '2018-13-01' không có thật (date '2018-13-01' does not exist)"
    ]


def test_a_birth_date_that_does_not_exist_is_reported():
    text = MINIMAL.replace("born: 1980-02", "born: 30/02/1980")

    assert problems(text) == [
        "f.yaml:21: people[0].born: ngày sinh 30/2/1980 không có thật "
        "(birth date 1980-2-30 does not exist)"
    ]


def test_a_malformed_national_id_is_reported():
    text = MINIMAL.replace("    unit: a\n", '    national_id: "12345"\n    unit: a\n')

    assert problems(text) == [
        "f.yaml:24: people[0].national_id: '12345' không hợp lệ: cần số định danh cá nhân gồm 12 "
        "chữ số ('12345' is invalid: expected a 12-digit national ID number)"
    ]


def test_a_malformed_document_symbol_is_reported():
    text = MINIMAL.replace("  - symbol: 01/BC-X", "  - symbol: 1/BC-X").replace(
        "basis: 01/BC-X", "basis: 1/BC-X"
    )

    assert any(
        p.startswith("f.yaml:10: documents[0].symbol: số ký hiệu '1/BC-X': số phải viết là 01")
        for p in problems(text)
    )


def test_a_basis_that_is_not_in_the_register_is_reported():
    text = MINIMAL.replace("basis: 01/BC-X", "basis: 02/BC-X")

    assert problems(text) == [
        "f.yaml:8: baseline.basis: không có văn bản 02/BC-X trong sổ văn bản (mục documents) "
        "(no document 02/BC-X in the register (documents))"
    ]


def test_an_unknown_unit_kind_is_reported_with_the_known_ones():
    text = MINIMAL.replace("kind: department", "kind: phong")

    [message] = problems(text)
    assert message.startswith(
        "f.yaml:17: units[0].kind: loại đơn vị 'phong' không có (các loại: agency, board"
    )


def test_duplicate_ids_are_reported():
    text = MINIMAL + (
        "  - id: p1\n"
        "    name: Trần Thị Bình\n"
        "    born: 1985\n"
        "    sex: female\n"
        "    category: civil_servant\n"
    )

    assert problems(text) == [
        "f.yaml:26: people[1].id: mã người 'p1' bị trùng (duplicate person id 'p1')"
    ]


def test_a_change_that_cannot_apply_is_reported_at_its_line():
    text = MINIMAL + textwrap.dedent(
        """\
        changes:
          - kind: appoint
            on: 2019-01-01
            basis: 01/BC-X
            person: p1
            role: head
            unit: b
        """
    )

    assert problems(text) == [
        "f.yaml:27: changes[0]: bổ nhiệm ngày 01/01/2019 bị từ chối: không có đơn vị 'b' "
        "(appoint on 2019-01-01 refused: unknown unit 'b')"
    ]


def test_a_change_of_a_plan_that_cannot_apply_is_reported_with_the_plan():
    text = MINIMAL + textwrap.dedent(
        """\
        plans:
          - id: pa
            title: Phương án
            changes:
              - kind: dissolve
                on: 2019-01-01
                unit: a
        """
    )

    [message] = problems(text)
    assert message.startswith(
        "f.yaml:30: plans[0].changes[0]: giải thể ngày 01/01/2019 bị từ chối: đề án 'pa':"
    )
    assert "chưa được bố trí: p1" in message


def test_an_official_change_needs_a_basis():
    text = MINIMAL + "changes:\n  - {kind: relieve, on: 2019-01-01, person: p1}\n"

    assert problems(text) == [
        "f.yaml:27: changes[0]: miễn nhiệm ngày 01/01/2019 bị từ chối: thiếu căn cứ pháp lý "
        "(văn bản quyết định thay đổi) (relieve on 2019-01-01 refused: no legal basis "
        "(the document that decides the change))"
    ]


def test_a_change_kind_that_does_not_exist_lists_the_kinds():
    text = MINIMAL + "changes:\n  - {kind: promote, on: 2019-01-01, person: p1}\n"

    [message] = problems(text)
    assert message.startswith(
        "f.yaml:27: changes[0].kind: giá trị 'promote' không hợp lệ; chọn một trong: create, rename"
    )


def test_a_change_with_a_field_of_another_kind_is_refused():
    text = (
        MINIMAL
        + "changes:\n  - {kind: relieve, on: 2019-01-01, basis: 01/BC-X, person: p1, unit: a}\n"
    )

    assert problems(text) == [
        "f.yaml:27: changes[0].unit: trường không được phép 'unit' (viết sai tên trường?) "
        "(unexpected field 'unit' (a misspelt name?))"
    ]


def test_every_problem_is_reported_at_once():
    text = MINIMAL.replace("sex: male", "sex: nam").replace("kind: department", "kind: phong")

    assert len(problems(text)) == 2


def test_a_unit_whose_parents_form_a_loop_is_reported():
    text = MINIMAL.replace(
        "    kind: department\n",
        "    kind: department\n    parent: b\n  - id: b\n    name: Phòng B\n    kind: department\n    parent: a\n",
    )

    assert any("vòng lặp trực thuộc" in p for p in problems(text))


def test_yaml_syntax_errors_give_the_line():
    assert problems("tinhgon: 1\nagency: [unclosed\n")[0].startswith("f.yaml:3: lỗi cú pháp YAML")


def test_a_file_that_is_not_a_mapping_is_refused():
    assert problems("- just\n- a list\n") == [
        "f.yaml:1: tệp dự án phải là một bảng khóa: giá trị (bắt đầu bằng 'tinhgon: 1') "
        "(a project file must be a mapping (starting with 'tinhgon: 1'))"
    ]


def test_a_duplicate_key_is_a_syntax_error():
    [message] = problems(MINIMAL.replace("tinhgon: 1\n", "tinhgon: 1\ntinhgon: 1\n"))

    assert message.startswith("f.yaml:2: lỗi cú pháp YAML")


def test_a_missing_file_and_a_file_that_is_not_utf8_are_refused(tmp_path):
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("tinhgon: 1\nname: Hà\n".encode("latin-1"))

    with pytest.raises(ProjectFileError, match="không tìm thấy tệp"):
        load_project(tmp_path / "nothing.yaml")
    with pytest.raises(ProjectFileError, match="không được mã hóa UTF-8"):
        load_project(latin)


def test_an_autonomy_group_on_a_department_is_reported_not_a_crash():
    text = MINIMAL.replace(
        "    kind: department\n", '    kind: department\n    autonomy_group: "2"\n'
    )

    assert problems(text) == [
        "f.yaml:15: units[0]: đơn vị 'a': chỉ đơn vị sự nghiệp công lập mới có mức tự chủ "
        "(unit 'a': only a public service unit has an autonomy group)"
    ]
