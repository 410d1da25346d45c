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
from typing import Iterable

from .extraction.keys import name_key, party_key, place_names

__all__ = ["agreement_id", "name_key", "party_key", "place_names", "year_of"]


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
