"""Calendar dates in Korean news text, resolved against the article's publication date."""

from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(
    r"(?P<ymd>(?P<y>(?:19|20)\d{2})\s*[년.\-/]\s*(?P<m>\d{1,2})\s*[월.\-/]\s*(?P<d>\d{1,2})(?:\s*일)?)"
    r"|(?P<rel>(?P<ry>올해|지난해|작년|금년)\s*)?(?P<md>(?P<m2>\d{1,2})\s*월\s*(?P<d2>\d{1,2})\s*일)"
    r"|(?P<lm>지난\s*달|지난달|전월)\s*(?P<d3>\d{1,2})\s*일"
    r"|(?P<day>(?<![가-힣\d.])(?P<d4>\d{1,2})\s*일)(?![간째차반])"
    r"|(?P<today>이날|오늘|금일)|(?P<yday>전일|어제|전날)"
)
_NOT_SIGNING_DATE = re.compile(r"^\s*(?:\([^)]*\))?\s*(?:밝혔|전했|발표|공시|말했|알렸|덧붙)")


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _prev_month(y: int, m: int) -> tuple[int, int]:
    return (y - 1, 12) if m == 1 else (y, m - 1)


def resolve(match: re.Match, published: dt.date | None, context: dt.date | None) -> dt.date | None:
    g = match.groupdict()
    if g["ymd"]:
        return _safe(int(g["y"]), int(g["m"]), int(g["d"]))
    if g["md"]:
        if published is None:
            return None
        year = published.year - 1 if g["ry"] in ("지난해", "작년") else published.year
        found = _safe(year, int(g["m2"]), int(g["d2"]))
        if found and not g["ry"] and found > published + dt.timedelta(days=31):
            found = _safe(year - 1, int(g["m2"]), int(g["d2"]))
        return found
    if g["lm"]:
        if published is None:
            return None
        return _safe(*_prev_month(published.year, published.month), int(g["d3"]))
    if g["day"]:
        base = published
        if base is None:
            return None
        day = int(g["d4"])
        if day > base.day + 1:
            return _safe(*_prev_month(base.year, base.month), day)
        return _safe(base.year, base.month, day)
    if g["today"]:
        return context or published
    if g["yday"]:
        return published - dt.timedelta(days=1) if published else None
    return None


def signing_date(text: str, verb_at: int, published: dt.date | None,
                 context: dt.date | None = None) -> dt.date | None:
    """The date nearest before the signing verb; None when it dates the announcement."""
    best = None
    for m in _DATE.finditer(text, 0, verb_at):
        if _NOT_SIGNING_DATE.match(text, m.end()):
            continue
        best = m
    if best is None:
        return None
    return resolve(best, published, context)


def dates_in(text: str, published: dt.date | None) -> list[tuple[str, int, int, dt.date | None]]:
    """Explicit dates (with a month) for DATE entities: (surface, start, end, value)."""
    out = []
    for m in _DATE.finditer(text):
        if m.group("ymd") or m.group("md") or m.group("lm"):
            out.append((m.group(0).strip(), m.start(), m.end(), resolve(m, published, None)))
    return out


def last_date(text: str, published: dt.date | None) -> dt.date | None:
    """The last explicitly dated day in a sentence, which a later 이날 refers to."""
    found = None
    for m in _DATE.finditer(text):
        if m.group("today") or m.group("yday"):
            continue
        value = resolve(m, published, None)
        if value is not None:
            found = value
    return found
