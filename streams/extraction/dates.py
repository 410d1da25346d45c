"""Calendar dates in Korean news text, resolved against the article's publication date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

_YMD = r"(?P<ymd>(?P<y>(?:19|20)\d{2})\s*[년.\-/]\s*(?P<m>\d{1,2})\s*[월.\-/]\s*(?P<d>\d{1,2})(?:\s*일)?)"
_MD = r"(?P<rel>(?P<ry>올해|지난해|작년|금년)\s*)?(?P<md>(?P<m2>\d{1,2})\s*월\s*(?P<d2>\d{1,2})\s*일)"
# 6.10(화): month and day with the weekday, as press releases write them (the weekday rules out 3.5)
_DOTTED = r"(?P<dotted>(?P<m5>\d{1,2})\.\s?(?P<d5>\d{1,2})\.?\s?\([월화수목금토일]\))"
_LM = r"(?P<lm>지난\s*달|지난달|전월)\s*(?P<d3>\d{1,2})\s*일"
_DAY = r"(?P<day>(?<![가-힣\d.])(?P<d4>\d{1,2})\s*일)(?![간째차반])"
_NAMED_DAY = r"(?P<today>이날|오늘|금일)|(?P<yday>전일|어제|전날)"
# Every alternative starts with one of the characters of the lookahead: it lets the scan
# skip other positions without trying each alternative there (several times faster).
_DATE = re.compile(rf"(?=[\d올지작금전이오어])(?:{_YMD}|{_MD}|{_DOTTED}|{_LM}|{_DAY}|{_NAMED_DAY})")
# The same scan for fewer kinds of date gives the same matches of those kinds: no other date
# can start inside a named day (이날) or a bare day (8일), so dropping them moves no match;
# the scan then also skips the frequent 이/오/어.
_NUMBERED_DATE = re.compile(rf"(?=[\d올지작금전])(?:{_YMD}|{_MD}|{_DOTTED}|{_LM}|{_DAY})")
_MONTH_DATE = re.compile(rf"(?=[\d올지작금전])(?:{_YMD}|{_MD}|{_DOTTED}|{_LM})")
# "3일 밝혔다", "4일 금융감독원 전자공시시스템에 따르면": the day dates the report, not the event
_NOT_SIGNING_DATE = re.compile(
    r"\s*(?:\([^)]*\))?\s*(?:장\s?마감\s?후\s?)?"
    r"(?:밝혔|전했|발표|공시|말했|알렸|덧붙|(?:[가-힣A-Za-z]+\s){0,2}[가-힣A-Za-z]{1,20}에\s?(?:따르면|의하면))")
# "10일 장 마감 후 B와 … 체결했다고 공시했다": the market close times the disclosure, not the signing
_AFTER_CLOSE = re.compile(r"\s*장\s?(?:마감|종료)\s?후")
_DISCLOSED = re.compile(r"[^.]{0,12}?다고\s*(?:\S+\s*){0,2}?공시")


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
    g = match.group  # (groupdict would build a dict of every group)
    if g("ymd"):
        return _safe(int(g("y")), int(g("m")), int(g("d")))
    if g("md") or g("dotted"):
        if published is None:
            return None
        month, day = (int(g("m2")), int(g("d2"))) if g("md") else (int(g("m5")), int(g("d5")))
        year = published.year - 1 if g("ry") in ("지난해", "작년") else published.year
        found = _safe(year, month, day)
        if found and not g("ry") and found > published + dt.timedelta(days=31):
            found = _safe(year - 1, month, day)
        return found
    if g("lm"):
        if published is None:
            return None
        return _safe(*_prev_month(published.year, published.month), int(g("d3")))
    if g("day"):
        base = published
        if base is None:
            return None
        day = int(g("d4"))
        if day > base.day + 1:
            return _safe(*_prev_month(base.year, base.month), day)
        return _safe(base.year, base.month, day)
    if g("today"):
        return context or published
    if g("yday"):
        return published - dt.timedelta(days=1) if published else None
    return None


def signing_date(text: str, verb_at: int, published: dt.date | None,
                 context: dt.date | None = None) -> dt.date | None:
    """The date nearest before the signing verb; None when it dates the announcement."""
    best = None
    disclosed = None
    for m in _DATE.finditer(text, 0, verb_at):
        if _NOT_SIGNING_DATE.match(text, m.end()):
            continue
        if _AFTER_CLOSE.match(text, m.end()):
            if disclosed is None:
                disclosed = _DISCLOSED.match(text, verb_at) is not None
            if disclosed:
                continue
        best = m
    if best is None or _RANGE_END.search(text, max(0, best.start() - 12), best.start()):
        return None  # (18일부터 21일까지 … 방문해 체결: the day within the visit is not told)
    return resolve(best, published, context)


_RANGE_END = re.compile(r"(?:부터|~|∼|〜)\s*$")


def dates_in(text: str, published: dt.date | None) -> list[tuple[str, int, int, dt.date | None]]:
    """Explicit dates (with a month) for DATE entities: (surface, start, end, value)."""
    return [(m.group(0).strip(), m.start(), m.end(), resolve(m, published, None))
            for m in _MONTH_DATE.finditer(text)]


def days_between(text: str, lo: int, hi: int, published: dt.date | None) -> list[dt.date | None]:
    """The numbered dates (with a day) written in ``text[lo:hi]``, resolved."""
    return [resolve(m, published, None) for m in _NUMBERED_DATE.finditer(text, lo, hi)]


def last_date(text: str, published: dt.date | None) -> dt.date | None:
    """The last explicitly dated day in a sentence, which a later 이날 refers to."""
    found = None
    for m in _NUMBERED_DATE.finditer(text):  # (이날, 어제 are not explicit)
        if _NOT_SIGNING_DATE.match(text, m.end()):
            continue  # "… 8일 밝혔다" dates the announcement, not the event
        if _RANGE_END.search(text, max(0, m.start() - 12), m.start()):
            found = None  # (3~7일 베트남을 방문해: no one day of the visit is told)
            continue
        value = resolve(m, published, None)
        if value is not None:
            found = value
    return found


# (not an amount: 1921억원, 2000만 달러)
_YEAR = re.compile(r"(?<![\d,.])((?:19|20)\d{2})(?![\d,.])(?!\s*(?:억|만|천|원|달러|개|명|건|톤|㎡|%))")
_BASIS_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*년\s*(?:말\s*)?기준")
_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s*월\s*\d{1,2}\s*일")


def infer_reference(text: str) -> dt.date | None:
    """A stand-in publication date for an undated article, from the dates it mentions.

    The date a news page labels its own ("기사승인 : 2024-01-10", "입력 2023.05.12"); else
    the latest full date (2023.03.08, 2023년 2월 26일) when there is one. Otherwise the year
    is the one mentioned that matches the weekdays written with "M월 D일(목)" dates, when
    exactly one does; else the latest year mentioned at least twice (or the year after one
    that dates closed-year figures, "2024년 기준"). The day is the end of the latest month
    of the "M월 D일" dates (so that a bare "12일" falls in that month). None when the text
    names no year, or no month: a bare "5일" is then no date.
    """
    for m in _LABELLED.finditer(text):
        labelled = _safe(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if labelled is not None:
            return labelled
    full = [v for m in _DATE.finditer(text) if m.group("ymd") and (v := resolve(m, None, None))]
    if full:
        return max(full)
    months = [int(m) for m in _MONTH.findall(text) if 1 <= int(m) <= 12]
    if not months:
        return None
    counts: dict[int, int] = {}
    for y in _YEAR.findall(text):
        counts[int(y)] = counts.get(int(y), 0) + 1
    year = _weekday_year(text, counts)
    if year is None:
        # a year named once is usually an earlier event (2009년 설립); the article's own year recurs
        common = [y for y, c in counts.items() if c >= 2]
        # "2024년 기준 GDP": figures of a closed year, so the article is written after it
        after = [int(y) + 1 for y in _BASIS_YEAR.findall(text)]
        if not common and not after:
            return None
        year = max(common + after)
    month = max(months)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


# A page's own date line: later full dates on the page may be a widget's (the crawl day)
_LABELLED = re.compile(r"(?:기사\s?승인|승인|입력|등록|발행|송고|게재)\s*(?:일시|일자|일)?\s*[:：]?\s*"
                       r"(?P<y>(?:19|20)\d{2})\s*[년.\-/]\s*(?P<m>\d{1,2})\s*[월.\-/]\s*(?P<d>\d{1,2})")
_WEEKDAYS = "월화수목금토일"  # date.weekday() order
_WEEKDAY_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\s*월\s*(\d{{1,2}})\s*일\s*\(([{_WEEKDAYS}])\)")


def _weekday_year(text: str, years: Iterable[int]) -> int | None:
    """The one year mentioned in which every "8월 23일(목)" of the text falls on its weekday."""
    dated = [(int(m), int(d), _WEEKDAYS.index(w)) for m, d, w in _WEEKDAY_DATE.findall(text)]
    if not dated:
        return None
    fits = [y for y in years if all((day := _safe(y, m, d)) and day.weekday() == w for m, d, w in dated)]
    return fits[0] if len(fits) == 1 else None


def announcement_date(text: str, verb_at: int) -> bool:
    """The sentence dates only its announcement after the verb: "체결했다고 3일 공시했다"."""
    return any(_NOT_SIGNING_DATE.match(text, m.end()) for m in _DATE.finditer(text, verb_at))
