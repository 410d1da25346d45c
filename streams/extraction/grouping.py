"""Mentions of the same entity grouped into one ``Entity`` with its aliases.

Forms are linked when one is written in parentheses after the other
(장가항시(张家港市)), or when a later form is a short form of an earlier one in
the same article (특구진흥재단 → 연구개발특구진흥재단, 고양시 → 고양특례시).
"""

from __future__ import annotations

import re
from operator import attrgetter

from . import rules
from .document import Document
from .dates import dates_in
from .money import amounts
from .model import Entity
from .words import HANGUL_WORD, PLACE_ENDS  # 공주 → 공주시, 산둥 → 산둥성

_UNIVERSITY = re.compile(r"대학교?$")
_HANGUL_SYLLABLE = re.compile(r"[가-힣]")


def norm(name: str) -> str:
    return "".join(name.split())  # (str.split's whitespace is the regex \s; several times faster)


def is_short_form(short: str, full: str) -> bool:
    """``short`` abbreviates ``full``: its letters appear in order, sharing the first or last syllable."""
    s, f = norm(short), norm(full)
    if len(s) < 2 or len(s) >= len(f) or not s.replace("&", "").isalnum() and not HANGUL_WORD.match(s):
        return False
    if f.endswith(s) and len(s) >= 4:
        return True
    if s[0] != f[0]:
        return False
    if f.startswith(s):
        # 서울시립대 → 서울시립대학교; 공주 → 공주시 (a bare two-syllable prefix only before a place suffix)
        return len(s) >= 3 or (len(f) == len(s) + 1 and f[-1] in PLACE_ENDS)
    if s[-1] != f[-1]:
        f = _UNIVERSITY.sub("대", f)  # 한빛여대 → 한빛여자대학교: 대 stands for 대학(교)
        f = f.replace("상공회의소", "상의")  # 가람상의 → 가람상공회의소
        ending = (rules.load().hanja_endings or {}).get(s[-1])
        if ending and f.endswith(ending):
            f = f[: -len(ending)] + s[-1]  # 한빛銀 → 한빛은행 (a headline's Hanja for the ending)
        if s[-1] != f[-1]:
            return False
    it = iter(f)
    return all(ch in it for ch in s)


class _Group:
    __slots__ = ("type", "forms", "count", "title", "affiliation", "order", "signs")

    def __init__(self, type_: str, name: str, order: int) -> None:
        self.type = type_
        self.order = order  # creation order: the oldest matching group wins
        self.forms: dict[str, None] = {name: None}
        self.count = 0
        self.title = None
        self.affiliation = None
        self.signs = False  # a party of an agreement


def group_entities(doc: Document, parties: frozenset[int] = frozenset()) -> tuple[list[Entity], dict[int, Entity]]:
    """Entities of the article, and the entity each mention (by ``id``) belongs to. A group with
    a party's mention (``id`` in ``parties``) is never page chrome (네이버 signs, not a share button)."""
    data = rules.load()
    groups: list[_Group] = []
    member: dict[int, _Group] = {}
    index: dict[tuple[str, str], _Group] = {}
    # (type, first letter) and (type, '', last letter) of any form -> its groups: a short
    # form shares one of them with its full form, so only these groups are tried
    ends: dict[tuple[str, ...], list[_Group]] = {}
    text = doc.text
    orgs, org_aliases = data.orgs, data.org_aliases
    place_canonical, place_aliases = data.place_canonical, data.place_aliases
    for m in doc.mentions:
        type_, name = m.type, m.name
        forms = [name, *m.aliases]
        known = orgs.get(name) if type_ == "ORG" else None  # a known organisation's canonical name
        if known:
            forms.extend([known, *org_aliases.get(known, ())])
        place = place_canonical.get(name) if type_ == "LOC" else None
        if place:
            forms.extend([place, *place_aliases[place]])  # 경남 and 경상남도: one province
        elif type_ == "ORG" and name[1:2] == " " and _HANJA_CHAR.match(name) and name[0] in place_canonical:
            forms.append(place_canonical[name[0]] + name[1:])  # 中 상무부 (a headline's) is 중국 상무부
        keys = [(type_, norm(f)) for f in forms]
        group = _indexed(index, keys)
        if group is None and not known:
            # a known body (산업부) is never the short form of another one (산업무역부)
            candidates = {*ends.get((type_, name[:1]), ()), *ends.get((type_, "", name[-1:]), ())}
            if candidates:
                group = next((g for g in sorted(candidates, key=_ORDER) if _joins(name, type_, g, data)), None)
        if group is None:
            group = _Group(type_, name, len(groups))
            groups.append(group)
            _add_ends(ends, group, name)
        group_forms = group.forms
        for f, key in zip(forms, keys):
            if f not in group_forms and (f in text or f == place and len(name) == 1):  # (日: 일본)
                group_forms[f] = None
                _add_ends(ends, group, f)
            index[key] = group
        group.count += 1
        member[id(m)] = group
        group.signs = group.signs or id(m) in parties
        if type_ == "PERSON" and group.title is None:
            group.title, group.affiliation = m.title, m.affiliation
        elif type_ == "PERSON" and group.affiliation is None and m.title == group.title:
            group.affiliation = m.affiliation  # "홍길동 시장은 … 홍길동 가람시장과": the body named later
    built = {id(g): _entity(g, data) for g in groups}
    out = [built[id(g)] for g in groups if g.signs or not _junk(built[id(g)], data)]
    # one entity per date or amount written the same way (the headline repeats the body's)
    dates = {(surface, value): None for surface, _, _, value in dates_in(doc.text, doc.published)}
    out.extend(Entity("DATE", surface, value=value.isoformat() if value else None) for surface, value in dates)
    money = {(surface, value): None for surface, _, _, value in amounts(doc.text)}
    out.extend(Entity("MONEY", surface, value=value) for surface, value in money)
    return out, {mid: built[id(g)] for mid, g in member.items()}


_ORDER = attrgetter("order")


def _indexed(index: dict[tuple[str, str], _Group], keys: list[tuple[str, str]]) -> _Group | None:
    """The group of the first key already indexed (a plain loop: cheaper than ``next`` over a
    generator for the one or two keys of most mentions)."""
    for key in keys:
        group = index.get(key)
        if group is not None:
            return group
    return None


def _joins(name: str, type_: str, g: _Group, data: rules.Rules) -> bool:
    """``name`` is a short or full form of one of the group's forms, and it does not expand a short
    form that the group already expands differently: after 인천창조경제혁신센터 and 혁신센터, the
    full name 부산창조경제혁신센터 is another centre, not a third form of the first one."""
    expanded = []
    for f in g.forms:
        if not ((name[:1] == f[:1] or name[-1:] == f[-1:])  # cheap test first: both need a shared end
                and not (type_ == "ORG" and f in data.orgs)
                and not (name in data.places and f in data.places and not _with_ending(name, f)
                         and not _city_status(name, f))  # (not 멕시코시티)
                and _is_venue(name, data) == _is_venue(f, data)  # 구미시청 is not a form of 구미시
                and not (type_ == "LOC" and _two_places(name, f, data))
                and not _two_missions(name, f)):
            continue
        if is_short_form(name, f) or _bare_body(name, f, type_, data):
            return True
        if is_short_form(f, name) or _bare_body(f, name, type_, data):
            expanded.append(f)
    return bool(expanded) and not any(
        other != name and is_short_form(f, other) and not is_short_form(other, name) and not is_short_form(name, other)
        and not _placed(other, f, data) for f in expanded for other in g.forms)


def _bare_body(short: str, full: str, type_: str, data: rules.Rules) -> bool:
    """투자부 is 인도네시아 투자부 named without its country (too short a name for ``is_short_form``;
    not a generic body such as 교육부 or 정부, which alone is Korea's)."""
    return (type_ == "ORG" and len(short) >= 3 and HANGUL_WORD.match(short) is not None
            and short not in data.org_words and _placed(full, short, data))


def _add_ends(ends: dict[tuple[str, ...], list[_Group]], group: _Group, form: str) -> None:
    for key in ((group.type, form[:1]), (group.type, "", form[-1:])):
        groups = ends.setdefault(key, [])
        if group not in groups:
            groups.append(group)


def _entity(g: _Group, data: rules.Rules | None = None) -> Entity:
    forms = list(g.forms)
    if len(forms) == 1:  # most entities: the one form is the name
        return Entity(type=g.type, name=forms[0], count=g.count, title=g.title, affiliation=g.affiliation)
    generic = data.org_words if data is not None else frozenset()
    if g.type == "ORG" and data is not None:
        # (조지아주 경제개발부 with 경제개발부: a foreign department is named with its state too)
        generic = generic | {f for f in forms if _department(f, data)}
    # a form that only adds a place in front (서울 관악구 상공회) is an alias, not the name,
    # unless the bare form is a generic body (교육부, 정부): then "UAE 교육부" is the name
    bare = [f for f in forms if not any(f.endswith(" " + o) and not (o in generic and _placed(f, o, data))
                                        for o in forms if o != f)]
    bare = [f for f in bare if f not in generic] or bare
    hangul = [f for f in bare if _HANGUL_SYLLABLE.search(f)]
    name = max(hangul or bare or forms, key=len)
    if g.type == "LOC" and data is not None and data.place_aliases:
        # a place's canonical name when the article writes it (한국 with 대한민국, 중국 with 중화인민공화국)
        name = next((f for f in forms if f in data.place_aliases), name)
    return Entity(type=g.type, name=name, aliases=tuple(f for f in forms if f != name), count=g.count,
                  title=g.title, affiliation=g.affiliation)


def _department(name: str, data: rules.Rules) -> bool:
    """경제개발부, 투자부: a foreign department's bare name (a Korean ministry's is its own:
    과학기술정보통신부)."""
    return " " not in name and len(name) >= 3 and name[-1] in "부처청" and name not in data.orgs


_HANJA_CHAR = re.compile(r"[\u4e00-\u9fff]")
_URLISH = re.compile(r"[./]|^(?:www|http)", re.I)


def _junk(e: Entity, data: rules.Rules) -> bool:
    """Page chrome and fragments that the entity rules pick up: URL복사, news.naver.com, 韓/한, and a
    field alone (AI 데이터 동맹: AI is no organisation)."""
    if e.name in data.entity_stoplist or norm(e.name) in data.entity_stoplist:
        return True
    if e.type == "ORG" and (len(e.name) < 2 or (e.name.isascii() and _URLISH.search(e.name))
                            or e.name in data.sector_words):
        return True
    return False


def _with_ending(a: str, b: str) -> bool:
    """One form is the other with its administrative ending (산둥 and 산둥성, 서울 and 서울시)."""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return len(long) == len(short) + 1 and long.startswith(short) and long[-1] in PLACE_ENDS


_CITY_STATUS = ("광역시", "특별시", "특례시", "특별자치시")


def _city_status(a: str, b: str) -> bool:
    """One form is the other's city with its status (광주시 and 광주광역시: in one article, one city)."""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return short[-1:] == "시" and any(long == short[:-1] + status for status in _CITY_STATUS)


def _two_places(a: str, b: str, data: rules.Rules) -> bool:
    """One form is a known place run together with the other (부에나파크워렌카운티 and 워렌카운티)."""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return long.endswith(short) and long[:-len(short)] in data.places


def _two_missions(a: str, b: str) -> bool:
    """주한베트남대사관 (Vietnam's embassy in Korea) and 주베트남대사관 (Korea's in Vietnam)."""
    return a[:1] == b[:1] == "주" and a.startswith("주한") != b.startswith("주한")


def _is_venue(name: str, data: rules.Rules) -> bool:
    return name.endswith(data.venue_suffixes) if data.venue_suffixes else False


def _placed(full: str, bare: str, data: rules.Rules | None) -> bool:
    """``full`` is ``bare`` with a place in front (UAE 교육부, 베트남 산업무역부, 인도네시아 반둥공대)."""
    if data is None or not full.endswith(" " + bare):
        return False
    prefix = full[: -len(bare)].split()
    return bool(prefix) and prefix[-1] in data.places
