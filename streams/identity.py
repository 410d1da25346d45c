"""Deterministic agreement ids.

The same agreement must get the same id whichever outlet reported it and however
often it is reprocessed, so the id is a hash of what the reports agree on:

* the agreement kind (mou, loi, agreement, contract, sister_city);
* the set of party keys (order-free): NFKC, whitespace removed, legal markers such
  as (주)/㈜ dropped, and for places a trailing administrative suffix dropped
  (장가항시 and 장가항 meet), and a province's or metropolitan city's short name is its full
  name first (경남 and 경상남도 meet; ``data/place_aliases.tsv``);
* the *year* of the signing — never the full date. The year is the signing date's
  year when the text gives one, else the article's publication year, else its
  crawl year. A report that gives "5월 20일" and one that only says "지난주" both
  land on the same id; two MOUs between the same parties in different years stay
  apart.

The status (planned/signed) is left out on purpose: a planned agreement and the
report of its signing are the same agreement, so the signed report updates it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Iterable

from .extraction import rules

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
    if type_ == "LOC":
        name = (rules.load().place_canonical or {}).get(name, name)  # 경남 and 경상남도 meet
    key = name_key(name)
    if type_ == "LOC":
        for suffix in _PLACE_SUFFIXES:
            # keep at least two characters: 중구 must not collapse to 중
            if key.endswith(suffix) and len(key) - len(suffix) >= 2:
                return key[: -len(suffix)]
    return key


def year_of(*dates: str | None) -> int | None:
    """Year of the first ISO date/date-time given."""
    for date in dates:
        if date and len(date) >= 4 and date[:4].isdigit():
            return int(date[:4])
    return None


def agreement_id(kind: str, parties: Iterable[tuple[str, str]], year: int | None) -> str:
    """``parties`` are ``(name, type)`` pairs; see the module docstring for the rules."""
    keys = sorted({party_key(name, type_) for name, type_ in parties})
    payload = "\x1f".join([kind, str(year) if year else "-", *keys])
    return "agr-" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]
