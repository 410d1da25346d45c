"""Comparison keys of party names: the same party however a report spells it.

``streams.identity`` builds agreement ids from them; extraction uses them to keep one
party per agreement (경상북도 with the 경북 of 경북도지사).
"""

from __future__ import annotations

import re
import unicodedata

from . import rules

_LEGAL_MARKERS = re.compile(r"\((?:주|사|재|유|합)\)|㈜|주식회사|\(株\)")
_SPACES = re.compile(r"\s+")
# Longest first, so 특별시 is stripped whole rather than just 시.
_PLACE_SUFFIXES = ("특별자치시", "특별자치도", "특별시", "광역시", "특례시", "자치구", "자치주", "시", "군", "구", "성", "도", "주", "현")


def name_key(name: str) -> str:
    """Comparison key of a name: NFKC, no whitespace, no legal marker."""
    key = unicodedata.normalize("NFKC", name)
    key = _LEGAL_MARKERS.sub("", key)
    return _SPACES.sub("", key).casefold()


def place_names(name: str) -> tuple[str, ...]:
    """Every name of the place ``name`` when it is known by several (경남 → 경상남도, 경남, 경남도)."""
    data = rules.load()
    canonical = (data.place_canonical or {}).get(name)
    return (canonical, *(data.place_aliases or {})[canonical]) if canonical else ()


def party_key(name: str, type_: str) -> str:
    """A party's key: its name key; for a place, its canonical name's, without the trailing
    administrative suffix (장가항시 and 장가항, 경남 and 경상남도 meet)."""
    if type_ == "LOC":
        name = (rules.load().place_canonical or {}).get(name, name)  # 경남 and 경상남도 meet
    key = name_key(name)
    if type_ == "LOC":
        for suffix in _PLACE_SUFFIXES:
            # keep at least two characters: 중구 must not collapse to 중
            if key.endswith(suffix) and len(key) - len(suffix) >= 2:
                return key[: -len(suffix)]
    return key
