"""A cache of project files already read and found valid: their plain data, kept in the
user's cache folder, so that reading the same file again skips YAML and the schema (1.7 s and
0.3 s of a 50,000-person file; reading the cached data back takes 0.2 s).

Never wrong: an entry is used only when the file's bytes hash to the same BLAKE2b digest as
when it was made, under the same reading code (a digest of the modules and schema that turn
YAML into checked plain data, PyYAML's version and the Python version), and when the entry's own digest
matches its content (a cut or damaged entry is ignored). The file's path only names the entry
(one entry a file, replaced when the file changes; the 16 most recently used files are
kept); its size and modification time decide nothing. Anything unexpected (no cache folder, a read-only disk) reads the file as before.

``TINHGON_CACHE_DIR`` chooses the folder; ``TINHGON_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import os
import sys
from importlib import resources
from pathlib import Path
from typing import Any

# What turns a file's bytes into checked plain data: a change in any of them is a new cache.
_CODE = (
    "yamlsrc.py",
    "fastyaml.py",
    "fastschema.py",
    "project_schema.py",
    "project.schema.json",
    "plaincache.py",
)
_MAGIC = b"tinhgon-plain-1\n"
_SMALL = 64 * 1024  # files below this are read quicker than the cache is
KEEP = 16  # entries kept, the most recently used (a 50,000-person file's entry is ~10 MB)


def enabled() -> bool:
    return os.environ.get("TINHGON_NO_CACHE", "") not in ("1", "true", "yes")


def folder() -> Path:
    chosen = os.environ.get("TINHGON_CACHE_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("tinhgon")) / "plain"


_code_digest: bytes | None = None


def code_digest() -> bytes:
    global _code_digest
    if _code_digest is None:
        digest = hashlib.blake2b(digest_size=16)
        digest.update(sys.version.encode() + b"\0" + str(marshal.version).encode())
        package = resources.files("tinhgon.io")
        for name in _CODE:
            digest.update(name.encode() + b"\0" + package.joinpath(name).read_bytes())
        # the YAML reader's own version (PyYAML's __init__ names it), without importing it
        spec = importlib.util.find_spec("yaml")
        if spec is not None and spec.origin:
            digest.update(Path(spec.origin).read_bytes())
        # the compiled reader's version, named by its installed distribution's folder
        spec = importlib.util.find_spec("yaml_rs")
        if spec is not None and spec.origin:
            for dist in sorted(Path(spec.origin).parent.parent.glob("yaml_rs-*.dist-info")):
                digest.update(dist.name.encode())
        _code_digest = digest.digest()
    return _code_digest


def _entry(path: Path) -> Path:
    name = hashlib.blake2b(str(path.resolve()).encode(), digest_size=16).hexdigest()
    return folder() / f"{name}.plain"


def _key(content: bytes) -> bytes:
    return hashlib.blake2b(content, digest_size=32).digest() + code_digest()


def get(path: Path, content: bytes) -> Any | None:
    """The checked plain data of this file's content, or None (not cached)."""
    if len(content) < _SMALL or not enabled():
        return None
    try:
        stored = _entry(path).read_bytes()
    except (OSError, RuntimeError):
        return None
    key = _key(content)
    head = len(_MAGIC) + len(key)
    if stored[: len(_MAGIC)] != _MAGIC or stored[len(_MAGIC) : head] != key:
        return None
    check, payload = stored[head : head + 32], stored[head + 32 :]
    if hashlib.blake2b(payload, digest_size=32).digest() != check:
        return None
    try:
        data = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    with contextlib.suppress(OSError):  # recently used: kept longest (see _prune)
        os.utime(_entry(path))
    return data


def put(path: Path, content: bytes, data: Any) -> None:
    """Keep the checked plain data of this file's content (best effort)."""
    if len(content) < _SMALL or not enabled():
        return
    try:
        payload = marshal.dumps(data)
        entry = _entry(path)
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(
            _MAGIC + _key(content) + hashlib.blake2b(payload, digest_size=32).digest() + payload
        )
        os.replace(partial, entry)
        _prune(entry.parent)
    except (OSError, ValueError, RuntimeError):
        return


def _prune(where: Path) -> None:
    """Keep the KEEP most recently used entries (one a file: files come and go)."""
    entries = sorted(where.glob("*.plain"), key=lambda e: e.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
