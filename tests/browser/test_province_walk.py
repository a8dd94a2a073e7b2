"""Issue 9's "Done when", in a real browser: an officer of a Sở Nội vụ (the province's
administrator) logs in, sees the province, drafts a plan that moves a person between two sở
and merges two sở, sees before/after and findings for the province and for each agency, and
downloads the report (Word, read back)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.test_end_to_end import Server, browser, page  # noqa: F401  (fixtures)
from tests.province.fixture import PROVINCE_YAML

pytestmark = pytest.mark.browser

from docx import Document  # noqa: E402
from playwright.sync_api import Page, expect  # noqa: E402


def _tinhgon(server: Server, data_dir: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env["TINHGON_DATA_DIR"] = str(data_dir)
    if server.database is not None:
        base, name = server.database
        env["DATABASE_URL"] = f"{base}/{name}"
    done = subprocess.run(
        [sys.executable, "-m", "tinhgon", *args], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[Server, str]]:  # type: ignore[no-untyped-def]
    """A server with the province of Quảng Ngãi loaded and an officer of its Sở Nội vụ."""
    data_dir = tmp_path_factory.mktemp("province-serve")
    running = Server(data_dir)
    project = data_dir / "quang-ngai.yaml"
    project.write_text(PROVINCE_YAML, encoding="utf-8")
    _tinhgon(running, data_dir, "load", str(project), "--province", "Quảng Ngãi")
    granted = _tinhgon(
        running, data_dir, "grant", "can-bo-snv", "--province", "quang-ngai",
        "--role", "province_admin",
    )  # fmt: skip
    password = re.search(r"password: (\S+)", granted)
    assert password is not None, granted
    yield running, password.group(1)
    running.stop()


def test_an_officer_of_the_home_affairs_department_restructures_the_province(
    page: Page,  # noqa: F811
    server: tuple[Server, str],
) -> None:
    running, password = server
    page.goto(running.url + "/")
    page.get_by_label("Tên đăng nhập").fill("can-bo-snv")
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()

    # The province: every agency with its numbers.
    page.goto(running.url + "/co-quan/qn/cac-co-quan/?on=28/02/2025")
    for name in ("Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Nội vụ", "Xã An Phú"):
        expect(page.get_by_role("link", name=name, exact=True).first).to_be_visible()

    # A plan: a person moved from one sở to another, then the two sở merged.
    page.goto(running.url + "/co-quan/qn/de-an/")
    page.get_by_label("Tên đề án / phương án").fill(
        "Hợp nhất Sở Kế hoạch và Đầu tư với Sở Tài chính"
    )
    page.get_by_role("button", name="Tạo đề án").click()
    expect(page.get_by_role("heading", name=re.compile("Hợp nhất Sở Kế hoạch"))).to_be_visible()
    plan_url = page.url

    page.get_by_text("Thêm thay đổi", exact=True).click()
    page.get_by_label("Ngày hiệu lực").fill("01/03/2025")
    page.get_by_label("Loại thay đổi").select_option("transfer")
    page.get_by_role("button", name="Chọn", exact=True).click()
    change = page.locator("form.change-form")
    change.get_by_label("Người").select_option("kh4")
    change.get_by_label("Đến đơn vị").select_option("snv-tccb")
    change.get_by_role("button", name="Lưu thay đổi").click()
    expect(page.get_by_text("Đã thêm thay đổi vào đề án.")).to_be_visible()

    page.get_by_text("Thêm thay đổi", exact=True).click()
    page.get_by_label("Ngày hiệu lực").fill("01/03/2025")
    page.get_by_label("Loại thay đổi").select_option("merge")
    page.get_by_role("button", name="Chọn", exact=True).click()
    change = page.locator("form.change-form")
    change.get_by_label("Các đơn vị sáp nhập / hợp nhất").select_option(["skhdt"])
    change.get_by_label("Sáp nhập vào", exact=True).select_option("stc")
    change.get_by_role("button", name="Lưu thay đổi").click()
    expect(page.get_by_text("Đã thêm thay đổi vào đề án.")).to_be_visible()

    # Before and after, and the findings, for the whole province: 9 people before and after.
    staff = page.locator("#before-after tr", has_text="Tổng số người").locator("td")
    expect(staff.first).to_have_text("09")
    expect(page.locator("table.findings")).to_be_visible()

    # For each agency, through the selector: the Sở Tài chính grows, the Sở Nội vụ gains one.
    for agency, before, after in (("stc", "02", "05"), ("snv", "02", "03")):
        page.goto(f"{plan_url}?agency={agency}")
        row = page.locator("#before-after tr", has_text="Tổng số người").locator("td")
        expect(row.nth(0)).to_have_text(before)
        expect(row.nth(1)).to_have_text(after)
        expect(page.locator("#agency-select")).to_have_value(agency)
        expect(page.locator("table.findings")).to_be_visible()

    # The report of the whole province, downloaded and read back.
    page.goto(plan_url + "?agency=")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải báo cáo (Word)").click()
    text = "\n".join(
        p.text for p in Document(io.BytesIO(Path(download.value.path()).read_bytes())).paragraphs
    )
    assert "Sở Kế hoạch và Đầu tư" in text
    assert "Phạm Thị Dung" in text or "Sáp nhập" in text
