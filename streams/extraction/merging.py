"""One entry per agreement of an article: the findings of several sentences merged.

A headline or a counted summary gives way to the sentences that detail the signings,
a reference ("B와의 협약을 시작으로") to a sentence that reports the same parties, and
a caption naming the parties by short forms to the sentence that names them in full.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from .entities import HOME_STATE
from .grouping import is_short_form, norm
from .words import PLACE_ENDS

if TYPE_CHECKING:
    from .agreements import Found


def merge(found: list[Found], generic: frozenset[str] = frozenset(),
          home_ministry: Callable[[str], bool] = lambda name: False) -> list[Found]:
    """One entry per (parties, kind, status); a headline summary of body agreements is dropped.
    ``home_ministry`` tells a ministry of the home state (산업통상자원부), see ``_signed_by_a_ministry``."""
    # (a body party "베트남 건설부" also covers the headline's "건설부", "벨마운트시" covers "벨마운트",
    # "제너럴모터스(GM)" covers "GM")
    body_parties = {n for f in found if not f.headline for p in f.parties
                    for n in (p.name, p.name.split()[-1], norm(p.name), *p.aliases)}
    found = [f for f in found if not f.headline or not all(
        norm(p.name) in body_parties or any(b.startswith(p.name) or is_short_form(p.name, b) for b in body_parties)
        for p in f.parties)]  # (가람상의 in a headline: 가람상공회의소 in the body; 박닌성: 박닌 성)
    found = _one_signing_many_names(found, generic)
    found = _signed_by_a_ministry(found, home_ministry)
    found = _counted_by_bodies(found)
    found = _joint_split_into_pairs(found, generic)
    reported = [f for f in found if not f.reference]
    found = [f for f in found if not f.reference or not any(_same_parties(f, r, generic) for r in reported)]
    detailed = [f for f in found if not f.summary]
    found = [f for f in found if not f.summary or not any(
        _same_name(p.name, q.name) for d in detailed for p in f.parties for q in d.parties)]
    # "A가 B와 협약을 체결하고 …에 나선다. A는 지난 10일 B와 협약을 체결했다": a lead that reads as a
    # preview, then the signing it leads to; not a plan told after a signing (그 다음 협정도 맺기로)
    signed = [(n, f) for n, f in enumerate(found) if f.status == "signed"]
    found = [f for n, f in enumerate(found) if f.status != "planned" or f.signed_on or not any(
        m > n and g.kind == f.kind and _same_parties(f, g, generic) for m, g in signed)]
    # "부산항만공사(BPA)" then "강준석 BPA 사장과 …": a party named by its alias in another sentence
    full = {a: p.name for f in found for p in f.parties for a in p.aliases}

    def key_of(f: Found, out: dict[tuple, Found]) -> tuple:
        key = (frozenset(_party_key(full.get(p.name, p.name), generic) for p in f.parties), f.kind, f.status, f.copy)
        return key if key in out else next((k for k, e in out.items() if _short_forms_of(f, e, k, key)), key)

    return one_per_key(found, key_of)


def one_per_key(found: list[Found], key_of: Callable[[Found, dict[tuple, Found]], tuple]) -> list[Found]:
    """One finding per key (``key_of`` reads the findings kept so far): the dated one, the sentence
    that dates the signing itself, with the venue of another when it names none."""
    out: dict[tuple, Found] = {}
    for f in found:
        key = key_of(f, out)
        prev = out.get(key)
        if prev is not None and (f.year or prev.year) and _year(f) and _year(prev) and _year(f) != _year(prev):
            # a tie of another year between the same parties (2010년 협정, 지난해 맺은 협약), before or after
            out.setdefault(key + (_year(f),), f)
        elif prev is None:
            out[key] = f
        elif (prev.signed_on is None and f.signed_on is not None or prev.signed_on and f.signed_on
              and prev.signed_on != f.signed_on and f.own_date and not prev.own_date):
            # (the sentence that dates the signing itself wins over a carried-over date)
            f.venue = f.venue or prev.venue
            out[key] = f
        elif prev.venue is None and (f.signed_on is None or f.signed_on == prev.signed_on):
            prev.venue = f.venue
    return list(out.values())


def _year(f: Found) -> int | None:
    return f.year or (int(f.signed_on[:4]) if f.signed_on else None)


def _short_forms_of(f: Found, prev: Found, prev_key: tuple, key: tuple) -> bool:
    """A caption's "푸젠과 강원도의 양해각서 체결식" names the parties of the signing reported as
    푸젠성 정부 and 강원특별자치도 by short forms: the same agreement when the dates do not differ."""
    if prev_key[1:] != key[1:] or len(prev_key[0]) != len(key[0]) or (
            f.signed_on and prev.signed_on and f.signed_on != prev.signed_on):
        return False
    return all(any(_extends(a, b) or _extends(b, a) or is_short_form(a, b) or is_short_form(b, a)
                   for b in prev_key[0]) for a in key[0])


def _extends(name: str, short: str) -> bool:
    """푸젠성, 푸젠성 정부 extend 푸젠; 한국전력 does not extend 한국 (another name that starts with it)."""
    return name.startswith(short) and (len(name) == len(short) or name[len(short)] in _EXTENSION_STARTS)


_EXTENSION_STARTS = " " + PLACE_ENDS


def _signed_by_a_ministry(found: list[Found], home_ministry: Callable[[str], bool]) -> list[Found]:
    """"한국과 미국이 MOU를 체결 … 가람부 장관은 미국 상무장관과 MOU에 서명": the home state's
    ministry signing for it, with the same other parties, kind and date, is the state's agreement."""
    states = [f for f in found if any(p.name in HOME_STATE for p in f.parties)]
    if not states:
        return found

    def same_signing(f: Found) -> bool:
        ministries = [p for p in f.parties if home_ministry(p.name)]
        if len(ministries) != 1:
            return False
        others = {p.name for p in f.parties if p is not ministries[0]}
        return any(g.kind == f.kind and g.status == f.status and len(g.parties) == len(f.parties)
                   and (g.signed_on == f.signed_on or not (g.signed_on and f.signed_on))
                   and others == {p.name for p in g.parties if p.name not in HOME_STATE} for g in states)

    return [f for f in found if not same_signing(f)]


def _counted_by_bodies(found: list[Found]) -> list[Found]:
    """"한국과 태국은 5건의 MOU를 체결" sums up the signings of their bodies that the article
    details (가람부 … 태국 미르부와): the counted copies between the two states are dropped."""
    bodies = {form for f in found if not f.counted and not f.headline
              for p in f.parties for form in (p.name, *p.aliases) if " " in form}
    return [f for f in found if not f.counted or not any(
        b.startswith(p.name + " ") for p in f.parties for b in bodies)]


def _joint_split_into_pairs(found: list[Found], generic: frozenset[str]) -> list[Found]:
    """"가람시는 기업 3곳과 협약을 맺었다. 협약 기업은 A(대표 …), B(대표 …), C(대표 …)다": the
    sentence that pairs the hub with each of its partners details the one entry that lists them all."""
    by_sentence: dict[tuple, list[set[str]]] = {}  # (evidence, kind, status) -> the pairs it reports
    for f in found:
        if len(f.parties) == 2:
            by_sentence.setdefault((f.evidence, f.kind, f.status), []).append({_party_key(p.name, generic) for p in f.parties})

    def split(f: Found) -> bool:
        names = {_party_key(p.name, generic) for p in f.parties}
        for (_, kind, status), pairs in by_sentence.items():
            if kind == f.kind and status == f.status and len(pairs) == len(names) - 1:
                hubs = set.intersection(*pairs)
                if len(hubs) == 1 and set.union(*pairs) == names:
                    return True
        return False

    return [f for f in found if len(f.parties) < 3 or not split(f)]


def _one_signing_many_names(found: list[Found], generic: frozenset[str]) -> list[Found]:
    """A city tie (우호협력도시 협약) and the document signed for it (우호협력의향서) between the same
    parties, not dated apart, are one signing: the named document's kind wins over sister_city; but a
    tie read from its own document (우호교류 협정), or a tie whose generic document is told again
    ("협정서에는 … 서명했다"), wins over that document."""
    documents = [f for f in found if f.kind != "sister_city" and not f.year]
    if not documents:
        return found
    drop: set[int] = set()
    for f in found:
        if f.kind != "sister_city" or f.year:
            continue
        for d in documents:
            if not _same_parties(f, d, generic):
                continue
            if ((f.friendship or _RESTATED.search(d.evidence)) and d.kind in _GENERIC_KINDS
                    and f.signed_on in (None, d.signed_on)):
                drop.add(id(d))  # (its date and place, from the ceremony, are the tie's)
                f.signed_on, f.venue = d.signed_on, f.venue or d.venue
            elif f.signed_on == d.signed_on or (
                    f.signed_on and d.signed_on and not (f.own_date and d.own_date)):  # (a carried-over date)
                drop.add(id(f))
    return [f for f in found if id(f) not in drop]


_GENERIC_KINDS = frozenset({"agreement", "mou"})
# "협정서에는 A와 B가 서명했다": the document of the tie just reported, told again
_RESTATED = re.compile(r"(?:협정서|협약서)(?:에는|에)\s")


def _same_parties(a: Found, b: Found, generic: frozenset[str]) -> bool:
    """The same parties, a name also matching its longer form (벨마운트 / 벨마운트시)."""
    if len(a.parties) != len(b.parties):
        return False
    names = [_party_key(p.name, generic) for p in b.parties]
    return all(any(_same_name(n, x) for x in names) for n in (_party_key(p.name, generic) for p in a.parties))


def _same_name(a: str, b: str) -> bool:
    """벨마운트 / 벨마운트시 (one extends the other), 고양시 / 고양특례시 (same stem and ending)."""
    if a == b:
        return True
    if len(a) < 2 or len(b) < 2:
        return False
    return a.startswith(b) or b.startswith(a) or (a[:2] == b[:2] and a[-1] == b[-1])


def _party_key(name: str, generic: frozenset[str]) -> str:
    """산둥성 정부 and 산둥성 name the same party (a place and its generic body)."""
    words = name.split()
    return words[0] if len(words) == 2 and words[1] in generic else name
