"""A compiled YAML reader for large project files, used only where it reads exactly as
``yamlsrc`` does.

``yamlsrc`` turns libyaml's events into plain data in Python: a Python object per event, about
1.5 s of CPU for a 50,000-person file. yaml-rs (a YAML 1.2 parser in Rust) builds the same
plain data in about a third of that, but it decides the type of an unquoted scalar by its own
rules, which differ from ``yamlsrc._resolve`` (it reads ``1_000``, ``0b101``, ``0X1F``, ``+0x1``
and ``.iNf`` as numbers), turns a key ``1:`` into the number 1 (``yamlsrc`` makes every key
text), and follows anchors, tags and several documents its own way. So a text is handed to it
only when a quick scan of its bytes finds none of what could be read otherwise:

- characters either reader may treat otherwise, wherever they are: tabs, carriage returns,
  backslashes (escapes), control characters, the BOM, NEL, the line and paragraph separators;
- a line starting ``---`` or ``...`` (several documents, or their markers); a key that is a
  null or boolean word (``true:``);
- after a space or a line break (where a token may start): an anchor, alias, tag, block
  scalar, directive, explicit key or reserved indicator (``& * ! | > % ? @ ` :``), a flow
  collection other than an empty ``[]``/``{}``; a key that looks like a number (``1:``,
  ``-2:``, ``~:``, ``.5:``; a ``yyyy-mm-dd`` key is text in both); a value that looks like
  a number (a sign at most, then a digit, ``_`` or ``.``) other than a plain decimal
  (``12``, ``-3``, ``1.5``, ``1e3``), a ``yyyy-mm-dd`` date (text in both) or a lone ``-``.

The scan errs on the side of the usual reading: a ``[`` or a ``1_0`` inside quoted text or a
comment is enough. Anything yaml-rs then refuses (a syntax error, a key twice) is read the
usual way too, which words the error and finds its line, as before. Files written by
tinhgon (block style) pass the scan, unless a text of several lines was written as a block
scalar (``|``: yaml-rs reads an empty one otherwise). Equal data and equal types, key order
included, are tested on every YAML file of the repository, on awkward scalars in every
position and on made-up documents (tests/io/test_fast_yaml.py).
"""

from __future__ import annotations

import re
from typing import Any

# Text of at least this many characters is worth the compiled reader (and its import, 5 ms);
# a smaller one reads as quickly the usual way.
LARGE = 64 * 1024

NOT_READ = object()  # the text is left to the usual reading

# A token that may be read otherwise starts, after a space or a line break, with one of these
# (the null and boolean words as keys are looked for on their own, below).
# (two scans with a one-byte prefix each: three times quicker than one with a class of two)
_TOKEN_START = rb"([-+._0-9~&*!|>%@`?:\[{][^ \n]*)"
_AFTER_SPACE = re.compile(rb" " + _TOKEN_START)
_AFTER_LINE_BREAK = re.compile(rb"\n" + _TOKEN_START)
# Every plain scalar either reader may take for a number looks like this (a sign at most, then
# a digit, "_" or "."), and these are read alike by both: a decimal (with a fraction or an
# exponent or neither), a yyyy-mm-dd date (text in both), a lone "-" (an item).
_NUMBER_LIKE = re.compile(rb"[-+]?[0-9_.][-+._0-9A-Za-z]*")
_ALIKE = re.compile(
    rb"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[0-9]{4}-[0-9]{2}-[0-9]{2}|-"
)
_DATE = re.compile(rb"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INDICATORS = b"&*!|>%@`?:[{"
# Looked for in a copy of the text with capitals made small and "." made "-": a key that is a
# null or boolean word (any case: a superset of null/Null/NULL…), "~:", a document marker.
_FOLD = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ.", b"abcdefghijklmnopqrstuvwxyz-")
_FOLDED_RISKS = (b"null:", b"true:", b"false:", b"~:", b"\n---")
# Characters that send the text the usual way wherever they are: ASCII controls (tab and
# carriage return included) and the backslash, found by deleting every other byte; then, by
# their UTF-8 bytes, the C1 controls (NEL among them), the line and paragraph separators,
# the BOM and the two non-characters U+FFFE and U+FFFF.
_ODD_ASCII = bytes(range(0, 10)) + bytes(range(11, 32)) + b"\x7f\\"
_OTHER_BYTES = bytes(b for b in range(256) if b not in _ODD_ASCII)
_ODD_UTF8 = re.compile(rb"\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]|\xef(?:\xbb\xbf|\xbf[\xbe\xbf])")
_ODD_LEADS = (b"\xc2", b"\xe2\x80", b"\xef")


def suitable(text: str) -> bool:
    """Whether the compiled reader reads this text exactly as ``yamlsrc`` does (see above)."""
    try:
        encoded = b"\n" + text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: not text a file can hold
        return False
    if encoded.translate(None, _OTHER_BYTES):
        return False
    if any(lead in encoded for lead in _ODD_LEADS) and _ODD_UTF8.search(encoded):
        return False
    folded = encoded.translate(_FOLD)
    if any(risk in folded for risk in _FOLDED_RISKS):  # word keys, document markers
        return False
    del folded
    tokens = set(_AFTER_SPACE.findall(encoded))
    tokens.update(_AFTER_LINE_BREAK.findall(encoded))
    return not any(_risky(token) for token in tokens)


def _risky(token: bytes) -> bool:
    """Whether a token (what follows a space or a line break, up to the next) may be read
    otherwise by the two readers."""
    if token.endswith(b":"):  # a key: yamlsrc makes it text, yaml-rs keeps its type
        key = token[:-1]
        if not key or key == b"~" or key[0] in _INDICATORS:
            return True
        return _NUMBER_LIKE.fullmatch(key) is not None and _DATE.fullmatch(key) is None
    if token[0] in _INDICATORS:  # anchor, alias, tag, block scalar, flow collection…
        return token not in (b"[]", b"{}")
    return _NUMBER_LIKE.fullmatch(token) is not None and _ALIKE.fullmatch(token) is None


def load(text: str) -> Any:
    """The plain data of the text read by yaml-rs, or ``NOT_READ`` when the text is not
    suitable or yaml-rs refuses it (then the usual reading decides, and words any error)."""
    if not suitable(text):
        return NOT_READ
    try:
        import yaml_rs

        return yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # any refusal: the usual reading finds it and words it
        return NOT_READ
