"""End to end in a real browser: Playwright drives Debian's Chromium against ``tinhgon serve``
started on a fresh database, as a user would."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
REQUIRED = os.environ.get("TINHGON_REQUIRE_BROWSER") == "1"

if not Path(CHROMIUM).exists():
    if REQUIRED:
        raise RuntimeError("Chromium is required (TINHGON_REQUIRE_BROWSER=1) but not installed")
    pytest.skip("Debian's chromium is not installed (CI installs it)", allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``tinhgon serve`` on a free port and a fresh database: SQLite in a temporary folder, or,
    when the suite runs on PostgreSQL (DATABASE_URL), a new database on that server."""

    def __init__(self, data_dir: Path) -> None:
        self.port = free_port()
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
        }
        env.update(TINHGON_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1")
        self.database: tuple[str, str] | None = None
        server_url = os.environ.get("DATABASE_URL", "")
        if server_url.startswith("postgres"):
            name = f"tinhgon_e2e_{os.getpid()}"
            base = server_url.rsplit("/", 1)[0]
            self._admin_sql(base, f'DROP DATABASE IF EXISTS "{name}"')
            self._admin_sql(base, f'CREATE DATABASE "{name}"')
            self.database = (base, name)
            env["DATABASE_URL"] = f"{base}/{name}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tinhgon", "serve", "--port", str(self.port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        self.output = ""
        self.password = ""
        deadline = time.monotonic() + 120
        assert self.process.stdout is not None
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError(f"the server stopped:\n{self.output}")
            self.output += line
            if m := re.search(r"mật khẩu / password: (\S+)", line):
                self.password = m.group(1)
            if "serving at" in line:
                break
        self.url = f"http://127.0.0.1:{self.port}"
        # Keep reading what the server prints, so that its pipe never fills up.
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"the server does not answer:\n{self.output}")

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output += line

    @staticmethod
    def _admin_sql(base: str, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(sql)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.reader.join(timeout=5)
        if self.process.stdout is not None:
            self.process.stdout.close()
        if self.database is not None:
            base, name = self.database
            self._admin_sql(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    running = Server(tmp_path_factory.mktemp("serve"))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    errors: list[str] = []
    opened = context.new_page()
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield opened
    artefacts = Path(__file__).parents[2] / "artifacts"
    artefacts.mkdir(exist_ok=True)
    opened.screenshot(path=str(artefacts / "browser-last-page.png"), full_page=True)
    context.close()
    assert errors == []


def log_in(page: Page, server: Server) -> None:
    page.goto(server.url + "/")
    expect(page).to_have_url(re.compile(r"/dang-nhap/"))
    page.get_by_label("Tên đăng nhập").fill("admin")
    page.get_by_label("Mật khẩu").fill(server.password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Các cơ quan")).to_be_visible()


def test_the_first_start_prints_a_generated_password_once(server):
    assert server.password
    assert server.output.count(server.password) == 1
    assert "Đã nạp ví dụ / example loaded: Ban Quản lý Khu kinh tế tỉnh Kon Tum" in server.output


def test_an_officer_logs_in_opens_the_org_chart_and_finds_a_person_without_diacritics(page, server):
    log_in(page, server)
    page.get_by_role("link", name="Ban Quản lý Khu kinh tế tỉnh Kon Tum").click()
    page.get_by_role("link", name="Sơ đồ tổ chức").click()
    page.get_by_label("Tại ngày").fill("31/12/2019")
    page.get_by_role("button", name="Xem").click()
    expect(page.get_by_role("heading", name=re.compile("Sơ đồ tổ chức"))).to_contain_text(
        "31/12/2019"
    )
    office = page.locator(".node-box").filter(
        has=page.locator(".node-name", has_text=re.compile(r"^Văn phòng$"))
    )
    expect(office).to_contain_text("Chánh Văn phòng: Lê Văn Bình")

    page.get_by_label("Thu gọn / mở rộng Ban Quản lý Khu kinh tế tỉnh Kon Tum").click()
    expect(office).to_be_hidden()
    page.get_by_label("Tìm đơn vị hoặc người").fill("le van binh")
    expect(office).to_be_visible()
    expect(page.locator(".node.match")).to_have_count(1)

    page.get_by_role("link", name="Nhân sự").click()
    page.get_by_label("Tìm kiếm").fill("nguyen van hung")
    page.get_by_role("button", name="Lọc").click()
    expect(page.locator("table.staff tbody tr")).to_have_count(1)
    expect(page.locator("table.staff")).to_contain_text("Nguyễn Văn Hùng")


def test_an_officer_drafts_a_merger_sees_its_effect_then_it_is_submitted_and_approved(page, server):
    log_in(page, server)
    page.goto(server.url + "/co-quan/bqlkkt/de-an/")
    page.get_by_label("Tên đề án / phương án").fill("Hợp nhất phòng đầu tư và phòng tài nguyên")
    page.get_by_role("button", name="Tạo đề án").click()
    expect(page.get_by_role("heading", name=re.compile("Hợp nhất phòng đầu tư"))).to_be_visible()

    page.get_by_text("Thêm thay đổi").click()
    page.get_by_label("Ngày hiệu lực").fill("01/06/2019")
    page.get_by_label("Loại thay đổi").select_option("merge")
    page.get_by_role("button", name="Chọn", exact=True).click()
    change = page.locator("form.change-form")
    change.get_by_label("Các đơn vị sáp nhập / hợp nhất").select_option(["qldtdn", "tnmt"])
    change.get_by_label("Hợp nhất thành đơn vị mới").check()
    change.get_by_label("Tên đơn vị mới").fill("Phòng Quản lý đầu tư và tài nguyên")
    change.get_by_role("button", name="Lưu thay đổi").click()

    expect(page.get_by_text("Đã thêm thay đổi vào đề án.")).to_be_visible()
    table = page.locator("#before-after")
    expect(
        table.locator("tr", has_text="Phòng chuyên môn và tương đương").locator("td")
    ).to_have_text(["04", "03", "-1"])
    findings = page.locator("table.findings")
    expect(findings).to_contain_text("LD-2")
    expect(findings).to_contain_text("Phòng Quản lý đầu tư và tài nguyên")

    page.get_by_label("Ngày trình").fill("10/05/2019")
    page.get_by_role("button", name="Trình đề án").click()
    expect(page.locator("#plan-status")).to_have_text("Đã trình")
    # Only a decision of the competent body, issued after the plan's submission and before
    # the plan takes effect and not already the basis of something else, may approve it:
    # register one first.
    plan_url = page.url
    page.goto(server.url + "/co-quan/bqlkkt/van-ban/")
    page.get_by_text("Thêm văn bản").click()
    page.get_by_label("Số, ký hiệu").fill("55/QĐ-UBND")
    page.get_by_label("Loại văn bản").select_option("decision")
    page.get_by_label("Ngày ban hành").fill("20/05/2019")
    page.get_by_label("Cơ quan ban hành").fill("Ủy ban nhân dân tỉnh Kon Tum")
    page.get_by_label("Trích yếu").fill("Phê duyệt phương án hợp nhất phòng")
    page.get_by_role("button", name="Thêm", exact=True).click()
    page.goto(plan_url)
    expect(page.locator("select[name=decision] option", has_text="1402/QĐ-UBND")).to_have_count(0)
    decision = page.locator("select[name=decision] option", has_text="55/QĐ-UBND").get_attribute(
        "value"
    )
    page.get_by_label("Quyết định phê duyệt").select_option(decision)
    page.get_by_role("button", name="Phê duyệt", exact=True).click()
    expect(page.locator("#plan-status")).to_have_text("Đã phê duyệt")
    expect(page.get_by_text("Quyết định phê duyệt: 55/QĐ-UBND")).to_be_visible()
