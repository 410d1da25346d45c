"""Amounts of money: 64조원, 20억 달러, 1억7천만 달러, 1400만 위안, 2천억원, 1조 2천억원, $50 million."""

from __future__ import annotations

import re

_BIG = {"조": 10**12, "억": 10**8, "만": 10**4}
_SMALL = {"천": 1000, "백": 100, "십": 10, "": 1}
_UNIT = "조|천억|백억|십억|억|천만|백만|십만|만|천"  # longest first
_CURRENCIES = {"원": "KRW", "달러": "USD", "불": "USD", "위안": "CNY", "엔": "JPY", "유로": "EUR", "파운드": "GBP",
               "루피아": "IDR", "루피": "INR", "바트": "THB", "링깃": "MYR", "루블": "RUB", "디르함": "AED",
               "리얄": "SAR", "동": "VND"}
_GROUP = rf"\d[\d,]*(?:\.\d+)?\s?(?:{_UNIT})"
_PARTICLE = "(?:[과와을이은의에도]|으로|만)"  # 50억 엔과 (not 엔진, 동남아)
_MONEY = re.compile(  # (?=\d): the scan skips positions where no amount can start
    rf"(?=\d)(?:(?P<amount>(?:{_GROUP}\s?)+|\d[\d,]*(?:\.\d+)?\s?)(?:여\s?)?"
    rf"(?P<cur>원(?![칙장인자래활료전고가회주])|달러|위안|유로|파운드|루피아|루피|바트|링깃|루블|디르함|리얄|엔(?=[^가-힣]|{_PARTICLE}|$))"
    # a dong only after a 억/만 group (200억 동): 3동 is a building
    rf"|(?P<grouped>(?:{_GROUP}\s?)+)(?:여\s?)?(?P<dong>동)(?=[^가-힣]|{_PARTICLE}|$))"
)
# $50 million, USD 1.2 billion, US$ 300만: dollars written the Latin way
_DOLLARS = re.compile(r"(?:US\$|USD|\$)\s?(\d[\d,]*(?:\.\d+)?)\s?(million|billion|조|억|만)?(?![A-Za-z0-9.])")
_LATIN_SCALE = {"million": 10**6, "billion": 10**9, "조": 10**12, "억": 10**8, "만": 10**4, None: 1}
_PART = re.compile(rf"(\d[\d,]*(?:\.\d+)?)\s?({_UNIT})?")


def _value(parts: list[tuple[str, str]]) -> float:
    """Korean numbers group by 조, 억 and 만; 천, 백 and 십 count inside a group, so 4천500억 is
    (4천 + 500)억 and 1억7천만 is 1억 + 7천만."""
    total = pending = 0.0
    for number, unit in parts:
        value = float(number.replace(",", "") or 0)
        big = _BIG.get(unit[-1:]) if unit else None
        if big is None:
            pending += value * _SMALL[unit]
        else:
            total += (pending + value * _SMALL[unit[:-1]]) * big
            pending = 0.0
    return total + pending


def amounts(text: str) -> list[tuple[str, int, int, str]]:
    """(surface, start, end, normalised value such as '6.4e13 KRW')."""
    out = []
    for m in _MONEY.finditer(text):
        amount = m.group("amount") or m.group("grouped")
        currency = _CURRENCIES[m.group("cur") or m.group("dong")]
        total = _value(_PART.findall(amount))
        if total:
            out.append((m.group(0).strip(), m.start(), m.end(), _normalised(total, currency)))
    if "$" in text or "USD" in text:
        for m in _DOLLARS.finditer(text):
            total = float(m.group(1).replace(",", "")) * _LATIN_SCALE[m.group(2)]
            if total:
                out.append((m.group(0).strip(), m.start(), m.end(), _normalised(total, "USD")))
        out.sort(key=lambda a: a[1])
    return out


def _normalised(total: float, currency: str) -> str:
    return f"{total:.4g} {currency}".replace("e+0", "e").replace("e+", "e")
