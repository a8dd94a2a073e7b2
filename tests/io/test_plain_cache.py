"""The cache of checked plain data (io/plaincache.py): a second reading of the same file skips
YAML and the schema, and a file that changed in any way is never served from the cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tinhgon.io import ProjectFileError, load_project, plaincache, project_file
from tinhgon.io.project_file import project_to_plain

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kontum-ez-board.yaml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TINHGON_CACHE_DIR", str(folder))
    monkeypatch.delenv("TINHGON_NO_CACHE", raising=False)
    monkeypatch.setattr(plaincache, "_SMALL", 0)  # the example is small: cache it anyway
    return folder


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "project.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read from YAML, not from the cache")

    monkeypatch.setattr(project_file, "load_plain", refuse)


def _same_time(path: Path, stat: os.stat_result) -> None:
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_the_second_reading_comes_from_the_cache_and_is_equal(
    cache: Path, copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_project(copy)
    assert len(list(cache.iterdir())) == 1
    _no_yaml(monkeypatch)
    second = load_project(copy)
    assert project_to_plain(second) == project_to_plain(first)
    assert second.timeline.changes == first.timeline.changes


def test_a_changed_file_of_the_same_size_and_time_is_read_again(cache: Path, copy: Path) -> None:
    load_project(copy)
    stat = copy.stat()
    text = copy.read_text("utf-8")
    changed = text.replace("name: Văn phòng", "name: Văn phònh", 1)
    assert changed != text
    assert len(changed.encode()) == len(text.encode())
    copy.write_text(changed, "utf-8")
    _same_time(copy, stat)
    assert copy.stat().st_size == stat.st_size
    assert copy.stat().st_mtime_ns == stat.st_mtime_ns
    assert "Văn phònh" in str(project_to_plain(load_project(copy)))


def test_a_file_made_invalid_is_refused_with_its_line_despite_the_cache(
    cache: Path, copy: Path
) -> None:
    load_project(copy)
    lines = copy.read_text("utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip() == "on: 2018-11-01")
    lines[at] = lines[at].replace("2018-11-01", "2018-13-01")
    copy.write_text("\n".join(lines), "utf-8")
    with pytest.raises(ProjectFileError) as raised:
        load_project(copy)
    assert [p.line for p in raised.value.problems] == [at + 1]


def test_a_refused_change_in_a_cached_file_still_names_its_line(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # schema-valid, refused by the domain (a person who is not there leaves): cached, and
    # the second reading (from the cache) still explains the refusal with its line
    text = EXAMPLE.read_text("utf-8").replace(
        "    person: p013\n    reason: retirement", "    person: p999\n    reason: retirement", 1
    )
    path = tmp_path / "refused.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(ProjectFileError) as first:
        load_project(path)
    assert list(cache.iterdir())
    with pytest.raises(ProjectFileError) as second:
        load_project(path)
    assert [str(p) for p in second.value.problems] == [str(p) for p in first.value.problems]
    assert all(p.line for p in second.value.problems)


@pytest.mark.parametrize("damage", ["cut", "flip"])
def test_a_damaged_entry_is_ignored(cache: Path, copy: Path, damage: str) -> None:
    expected = project_to_plain(load_project(copy))
    (entry,) = cache.iterdir()
    stored = bytearray(entry.read_bytes())
    if damage == "cut":
        del stored[len(stored) // 2 :]
    else:
        stored[-100] ^= 0x01
    entry.write_bytes(bytes(stored))
    assert plaincache.get(copy, copy.read_bytes()) is None
    assert project_to_plain(load_project(copy)) == expected


def test_other_reading_code_does_not_use_the_entry(
    cache: Path, copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_project(copy)
    assert plaincache.get(copy, copy.read_bytes()) is not None
    monkeypatch.setattr(plaincache, "_code_digest", b"another version of the reader")
    assert plaincache.get(copy, copy.read_bytes()) is None


def test_the_cache_can_be_turned_off(
    cache: Path, copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TINHGON_NO_CACHE", "1")
    load_project(copy)
    assert not cache.exists()


def test_an_unwritable_cache_folder_only_costs_the_cache(
    tmp_path: Path, copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TINHGON_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(plaincache, "_SMALL", 0)
    assert project_to_plain(load_project(copy)) == project_to_plain(load_project(EXAMPLE))


def test_only_the_most_recently_used_entries_are_kept(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plaincache, "KEEP", 2)
    paths = []
    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.yaml"
        path.write_bytes(EXAMPLE.read_bytes())
        paths.append(path)
    load_project(paths[0])
    load_project(paths[1])
    old = plaincache._entry(paths[0])
    os.utime(old, ns=(1, 1))  # a long time ago
    load_project(paths[2])
    assert len(list(cache.iterdir())) == 2
    assert not old.exists()
    assert plaincache.get(paths[1], paths[1].read_bytes()) is not None
    assert plaincache.get(paths[2], paths[2].read_bytes()) is not None
