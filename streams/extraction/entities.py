"""ORG / LOC / PERSON mentions from Kiwi's words plus suffix rules and gazetteers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rules
from .words import HANGUL_WORD, PLACE_ENDS, Word

HANJA_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")  # a name in Chinese characters (王海)
PLACE_HANJA = frozenset("市省区區县縣州港岛島江湖山镇鎮村道郡")  # endings of place names (平湖市, 海门港)
_WORD = re.compile(r"^[가-힣A-Za-z0-9]+$")
_LOC_SUFFIX = re.compile(r"^([가-힣]{1,8}?)(특별자치시|특별자치도|특별시|광역시|특례시|자치구|자치주|시|군|구|성|주|도)$")
_PAREN_PERSON = re.compile(r"^(?:[가-힣]{1,6}\s+)?([가-힣]{1,6})\s+([가-힣]{2,4})$")  # (이사장 이지형)
RANKS = frozenset({"상근", "수석", "명예", "초대", "공동", "상임", "대표", "부", "전", "현", "신임", "총"})
_TITLE_PREFIXES = RANKS | {"주한"}
_ANON_COMPANY = re.compile(r"^(?:[A-Z]{1,4}|[A-Za-z][A-Za-z0-9]+|[가-힣]{2,12})사$")
_SPACED_NAME = re.compile(r"^[가-힣]{1,5}(?: [가-힣]{1,5}){1,3}$")
_LEGAL = re.compile(r"^(?:\(주\)|㈜|주식회사)\s*|\s*(?:\(주\)|㈜)$")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")  # one word of a Latin-script name (Nguyen)
# paren contents that are not another name for the word before them: a weekday, a time, a
# number or a count (13건, 5개사, 30%)
NOT_ALIAS = re.compile(r"^(?:현지시간|목|월|화|수|금|토|일|[0-9.,\s:~\-]+|[0-9][0-9.,]*\s?(?:[가-힣]{1,3}|%)|.*[0-9]{3,}.*|.*\s.*)$")


@dataclass(slots=True)
class Mention:
    type: str
    name: str
    start: int
    end: int
    sent: int
    first: int  # index of the first word
    last: int  # index of the last word
    aliases: list = field(default_factory=list)
    adhoc: bool = False  # named only by its place in an agreement sentence
    title: str | None = None
    affiliation: str | None = None


def list_item_name(w: Word) -> str:
    """``기업은 X, Y, Z로,``: Kiwi leaves the particle 로 on an unknown last item."""
    if w.sep and not w.paren and len(w.noun) > 3 and w.noun.endswith("로"):
        return w.noun[:-1]
    return w.noun


def strip_legal(name: str) -> str:
    return _LEGAL.sub("", name).strip()


_CLASS_CACHE: dict[tuple, str] = {}


def classify(w: Word, data: rules.Rules) -> str:
    """One letter per word: O org, L place, T title, V venue, S a kind of site (국가산업단지), P other
    proper noun, N common, D number."""
    key = (w.noun, w.proper, w.legal, id(data))
    got = _CLASS_CACHE.get(key)
    if got is None:
        if len(_CLASS_CACHE) > 100_000:
            _CLASS_CACHE.clear()
        got = _CLASS_CACHE[key] = _classify(w, data)
    return got


def _classify(w: Word, data: rules.Rules) -> str:
    noun = strip_legal(w.noun)
    if not noun:
        return "N"
    if noun in data.orgs or data.ministry_re.match(noun):
        return "O"
    if noun in data.places and (w.proper or noun not in data.everyday_places):
        return "L"  # (매출 신장, 저장 탱크: 신장/NNG and 저장/NNG are no places)
    if noun in data.titles:
        return "T"
    if _is_branch(noun, data):
        return "O"  # 현지법인: named with the company before it (see the ORG rule)
    if noun[0].isdigit():
        return "D"
    if (w.legal or noun != w.noun) and len(noun) >= 2:  # ㈜ marks a company
        return "O"
    if noun[-1] == "항" and noun[:-1] in data.places:
        return "L"  # 부산항, 웨이하이항: a place's port
    if noun.endswith(_REGION) and noun[:-2] in data.places:
        return "L"  # 서울지역, 경북지역: the place itself
    if noun.endswith("카운티") and len(noun) > 3 and (w.proper or noun[:-3] in data.places):
        return "L"  # 워렌카운티: a US county
    if noun[-1] in "읍면" and w.proper and len(noun) >= 3 and HANGUL_WORD.match(noun):
        return "L"  # 전동면, 삼례읍: a township Kiwi knows as a proper noun
    m = _LOC_SUFFIX.match(noun)
    if m and (m.group(1) in data.places or (w.proper and len(m.group(1)) >= 2 and not noun.endswith("도시"))):
        return "L"  # (교육도시, 자매도시: 도시 is the common noun "city", not a place name)
    t = data.title_re.search(noun)
    if t and noun[: t.start()] in _TITLE_PREFIXES:
        return "T"  # 상근부회장, 주한대사
    if w.proper and len(noun) > 3 and t and (_place_like(noun[: t.start()], data)
                                             or _place_like(noun[: t.start() + 1], data)) and not _is_branch(noun, data):
        # 포항시장, 산둥성장, 주한일본대사: a place fused with a title (not 테크놀로지사; 미국지사 is a branch)
        return "T"
    if t and t.start() >= 3 and data.ministry_re.match(noun[: t.start()]):
        return "T"  # 외교통상부장관, 경제부장관: a ministry fused with its minister's title
    if _chinese_minister(noun, data):
        return "T"  # 상무부장, 외교부장: a Chinese minister (部長), the ministry fused with 장
    if noun in data.org_words:
        return "W"
    if noun.endswith(data.venue_suffixes) and not _longer_org_suffix(noun, data):
        shortest = next(s for s in reversed(data.venue_suffixes) if noun.endswith(s))
        prefix = noun[:-len(shortest)]
        core = _ORDINAL.sub("", prefix)
        if (not core and prefix) or core in data.generic_modifiers or core[:2] in data.generic_modifiers:
            return "S"  # 국가산업단지, 제2일반산단, 국가녹색발전시범구: a kind of site, named by the name before it or its number
        for suffix in data.venue_suffixes:
            if noun.endswith(suffix) and len(noun) > len(suffix) and (w.proper or len(noun) >= len(suffix) + 2):
                return "V"  # 신라호텔, 정부서울청사, 완주테크노밸리: a named place
    for suffix, strong in data.org_suffixes:
        if noun.endswith(suffix) and len(noun) >= len(suffix) + 2:
            if suffix in data.name_suffixes and not _company_name_before(noun[: -len(suffix)], data):
                break
            if not strong and _generic_company(noun[: -len(suffix)], suffix, data):
                break
            if strong or w.proper or noun[: -len(suffix)] in data.places:
                return "O"
            break
    if _ANON_COMPANY.match(noun) and w.proper:
        return "O"
    if w.proper:
        return "P"
    return "N"


def _generic_company(prefix: str, suffix: str, data: rules.Rules) -> bool:
    """벤처캐피털, 시중은행, 전략산업: a kind of business; 수소에너지, 바이오화학, 특장차산업: a field
    and an industry word. Not a company's name (바이오랩스 is: 랩스 is no industry word)."""
    if prefix in data.generic_modifiers:
        return True
    fields = data.sector_words
    return prefix in fields and (suffix in fields or suffix in data.name_suffixes or suffix == _INDUSTRY)


_INDUSTRY = "산업"  # (the weak suffix of 제룡산업, and the common noun "industry")


def company_of_common_nouns(w: Word, data: rules.Rules) -> bool:
    """누리은행, 가람그룹 (누리/NNG 은행/NNG): common nouns ending with a company form, after a name
    of two or more syllables, name a company (not 시중은행, a generic modifier before the form)."""
    if w.parts < 2 or not w.noun.endswith(data.company_forms):
        return False
    form = next(f for f in data.company_forms if w.noun.endswith(f))
    prefix = w.noun[:-len(form)]
    return len(prefix) >= 2 and HANGUL_WORD.match(prefix) is not None and prefix not in data.generic_modifiers


_COMPANY_NAME_LONGEST = 5  # 한빛, LG, 에코프로: the names before an industry word are short


def _company_name_before(prefix: str, data: rules.Rules) -> bool:
    """The part before an industry word can be a company's name: short, and no industry word itself
    (초고압직류송+전기 is a machine, 바이오+메디컬 a field)."""
    return len(prefix) <= _COMPANY_NAME_LONGEST and not any(prefix.endswith(s) for s, _ in data.org_suffixes)


def _is_person_name(words: list[Word], classes: str, data: rules.Rules, abroad: bool = False) -> bool:
    """``abroad``: a foreign country follows the name (왕원타오 중국 상무부 부장)."""
    if not words or any(c not in "PNL" for c in classes):
        return False
    if len(words) == 1:
        name = words[0].noun
        if classes == "L" and (place_prefix(name, data) or not (len(name) == 3 and name[0] in data.surnames)):
            return False  # (정성주 may be a name read as a place ending in 주; 동남아 and 빈푹성 never are)
        if HANGUL_WORD.match(name):
            if words[0].proper and classes == "P" and _fused_vietnamese_name(name, data):
                return True
            # 시진핑, 쑹하이린: a Chinese family name, only for a proper noun that is no place
            chinese = words[0].proper and classes == "P" and (
                name[0] in data.chinese_surnames or name[:2] in data.chinese_surnames)
            if not 2 <= len(name) <= (5 if chinese and name[:2] in data.chinese_surnames else 4):
                return False  # (자오샤오화: a two-syllable family name, three syllables of given name)
            if len(name) == 4 and not (chinese or (name[:2] in data.surnames and words[0].proper)) and not (
                    abroad and classes == "P" and name[0] in data.chinese_shared_surnames):
                # 남궁민수: four syllables need a two-syllable family name (not 나오유키), or a foreign
                # country after them: 왕원타오 중국 상무부 부장 (왕 is a Korean family name too)
                return False
            if name[0] in data.surnames or name[:2] in data.surnames:
                # (도의회 의장: a common noun with a body's ending is no name)
                return words[0].proper or len(name) == 3 and not any(
                    strong and len(suffix) >= 2 and name.endswith(suffix) for suffix, strong in data.org_suffixes)
            return chinese
        if words[0].proper and _SPACED_NAME.match(name):
            return True  # 사토 겐지: Kiwi keeps a foreign full name as one proper noun
        return bool(HANJA_NAME.match(name))
    if len(words) > 3 or any(not w.noun or w.noun.isdigit() or w.noun in data.places
                             or w.noun[-1] != "시" and place_prefix(w.noun, data) for w in words):
        # (왕하이 중국 국가주석, 쩐즈엉 빈푹성 인민위원장: the place is not part of the name; 다케시
        # and 다카시 are given names)
        return False
    if classes[-1] == "L" and words[-1].noun.endswith("주") and len(words[-1].noun) >= 4:
        return False  # (부펜드라 파텔 구자라트주 총리: a state, not the name's last part)
    if len(words) == 3 and any(len(w.noun) > 3 and HANGUL_WORD.match(w.noun) for w in words):
        return False  # 응우엔 반 싱: three short syllable groups (not 벨마운트 존 리)
    if all(w.proper for w in words):
        return True
    # 앤드루 그렉슨: a foreign name Kiwi tags only partly as a proper noun (not 한국기업 현지)
    return (words[0].proper and all(HANGUL_WORD.match(w.noun) and len(w.noun) <= 4 for w in words)
            and not words[0].noun.endswith(data.company_nouns)
            and all(c == "P" or (c == "N" and len(w.noun) <= 2) for c, w in zip(classes, words)))


def _fused_vietnamese_name(name: str, data: rules.Rules, short_surname: bool = False) -> bool:
    """응우옌반훙, 호앙민쭝: a Vietnamese name written as one word, after a family name of two or more
    syllables (쩐, 레 and 팜 also begin Korean words and company names: 팜한농), or of one
    (``short_surname``: where a Vietnamese place says whose the name is, 쩐즈엉 빈푹성)."""
    return any(len(s) >= (1 if short_surname else 2) and name.startswith(s) and 2 <= len(name) - len(s) <= 4
               for s in data.vietnamese_surnames)


_ONE_SYLLABLE = re.compile(r"^[가-힣]$")


def _posted(noun: str, data: rules.Rules) -> bool:
    """주애틀랜타, 주베트남: "posted in" a place, before a diplomat's title; no employer."""
    return noun.startswith("주") and noun[1:] in data.places


def _two_part_name(first: Word, second: Word, data: rules.Rules, loose: bool = False) -> bool:
    """Two proper nouns that make one foreign name, not an employer before a Korean name
    (한빛 김민수 대표); ``loose``: where no employer can stand, a second part like a Korean name too."""
    return (all(w.proper and HANGUL_WORD.match(w.noun) and len(w.noun) <= 6 and not w.rest and not w.sep
                and not w.paren for w in (first, second))
            and (loose or not (typical_name(second.noun, data) and not typical_name(first.noun, data))))


def _name_after_title(words: list[Word], classes: str, t: int, data: rules.Rules) -> int:
    """The words of a person's name that end the phrase right after the title at ``t`` (누리전자 대표
    김민준은, CEO 존 스미스와), or 0: a Korean name of three syllables, a foreign one in two proper
    nouns, or a Vietnamese one."""
    rest = words[t + 1:]
    if len(rest) == 1 and rest[0].proper and classes[t + 1] == "P" and (
            typical_name(rest[0].noun, data) or _fused_vietnamese_name(rest[0].noun, data)):
        return 1
    if (2 <= len(rest) <= 3 and rest[0].noun in data.vietnamese_surnames and rest[0].proper
            and all(HANGUL_WORD.match(w.noun) and len(w.noun) <= 2 and not (w.sep or w.paren) for w in rest[1:])
            and not any(w.rest for w in rest[:-1])):
        return len(rest)  # 주한 베트남 대사 응우옌 부 뚱과: a Vietnamese family name and short given names
    if (len(rest) == 2 and classes[t + 1:] == "PP" and not (rest[0].rest or rest[0].sep or rest[0].paren)
            and all(w.proper and HANGUL_WORD.match(w.noun) and len(w.noun) <= 4 for w in rest)
            and not typical_name(rest[1].noun, data)):
        return 2
    return 0


def _given_name_like_a_city(words: list[Word], at: int, title: int, data: rules.Rules) -> bool:
    """사토 다케시 사장: a three-syllable word ending in 시 after a family name of two syllables or
    more is a Japanese given name, not a city, unless the place is known or the title heads a city
    or deputises for its head (프레드 정 풀러턴시 시장, 조유 장가항시 부시장, 홍길동 가람시 부시장)."""
    name = words[at].noun
    head = data.title_re.search(words[title].noun)
    heads = head.group(0).removeprefix("부") if head else ""  # (부시장: the deputy of a city's head)
    return (len(name) == 3 and name[-1] == "시" and name not in data.places and name[:-1] not in data.places
            and (data.place_heads or {}).get(heads) != "시"
            and classify(words[at - 1], data) == "P" and len(words[at - 1].noun) >= 2
            and _two_part_name(words[at - 1], words[at], data))


def _names_a_market(noun: str, data: rules.Rules) -> bool:
    """한중일 시장, 유럽권 시장: countries' short names, or a country or continent and an ending,
    before 시장 name a market, not a mayor (고성호 시장 is a mayor: 고성 is a county)."""
    short = data.country_abbreviations or {}
    return (len(noun) > 1 and all(c in short for c in noun)) or any(
        data.places.get(noun[:n]) == "country" for n in range(2, len(noun)))


def typical_name(name: str, data: rules.Rules) -> bool:
    """A Korean name as most are written: a one-syllable family name and two syllables."""
    return len(name) == 3 and name[0] in data.surnames and HANGUL_WORD.match(name) is not None


def _person(name_words: list[Word], aff_words: list[Word], title: str, first: int,
            data: rules.Rules, fused: bool = False, named: bool = False) -> Mention:
    """``named``: the title word holds a proper noun (한국무역협회장, not 기획처장)."""
    affiliation = " ".join(w.noun for w in aff_words) or None
    prefix = data.title_re.sub("", title)
    if prefix and not place_prefix(prefix, data):
        # 제주지사: 제주 + 지사 (a province and a shorter title), not 제 + 주지사 (but 달서 + 구청장)
        prefix = next((title[:k] for k in range(len(prefix) + 1, len(title) - 1)
                       if title[k:] in data.titles and data.places.get(title[:k]) == "province"), prefix)
    head = title[len(prefix):]
    # 한국무역협회장, 가람혁신센터장: the head (회장, 센터장) of the body the word names (a unit such as
    # 기획처 of 기획처장 stays in the title)
    body = prefix + head[:-1] if named and prefix and len(head) >= 2 and head[-1] == "장" else ""
    if not body or classify_name(prefix, data) == "O" or classify_name(body, data) != "O":
        body = ""
    # 공주시장 -> 공주시 + 장? keep the place, drop the title; 멕시코 외교부장관 -> 멕시코 외교부 + 장관;
    # a title fused after a name stays whole unless its prefix names a body (기획처장, not 기획 + 처장)
    if prefix in RANKS or (fused and prefix and classify_name(prefix, data) not in "OL" and not body):
        prefix = ""  # 수석부회장 is one title
    if prefix and prefix != title and (affiliation is None or data.ministry_re.match(prefix) or prefix in data.org_words):
        title = head
        prefix = body or prefix
        affiliation = f"{affiliation} {prefix}" if affiliation else prefix
    m = Mention("PERSON", " ".join(w.noun for w in name_words), name_words[0].noun_start,
                name_words[-1].noun_end, name_words[0].sent, first, first + len(name_words) - 1)
    m.title, m.affiliation = title, affiliation
    return m


HOME_STATE = frozenset({"한국", "대한민국"})  # the state an unqualified Korean ministry belongs to
# a public agency's ending: 조지아주 경제개발청 is that state's, even when Kiwi tags 경제개발청 a proper noun
_AGENCY_ENDS = ("청", "국", "부", "처", "위원회")
_APART_PLACE_ENDINGS = frozenset(PLACE_ENDS) - {"도"}  # (도 written apart is the particle "also")
_ORDINAL = re.compile(r"^제\d+")  # 제2(일반산업단지): a site's number
_MENTION_CLASSES = frozenset("TOWVSL")
_BYLINE_TITLES = frozenset({"기자", "특파원", "앵커"})


def mentions_in_phrase(words: list[Word], base: int, data: rules.Rules) -> list[Mention]:
    """Entities of one noun phrase; ``base`` is the index of its first word."""
    if len(words) == 1 and not words[0].paren and classify(words[0], data) not in _MENTION_CLASSES:
        return []  # the fast path below for the commonest phrase, one word
    classes = "".join([classify(w, data) for w in words])
    if "O" in classes:
        classes = _unit_titles(words, classes, data)
    fused: tuple[int, ...] = ()
    if "P" in classes[:-1] or "L" in classes[:-1]:  # (both read the word after a name or a place)
        classes, fused = _fused_titles(words, classes, data)
        classes = _named_after_a_place(words, classes, data)
        if "NT" in classes:
            classes = _ministry_of_a_minister(words, classes, data)
    if classes[-1] == "P" and "N" in classes[:-1]:
        classes = _described_company(words, classes, data)
    parens = any([w.paren for w in words])
    if not parens and _MENTION_CLASSES.isdisjoint(classes):
        return []  # fast path, most phrases: only these classes or a parenthesis start a mention below
    out: list[Mention] = []
    n = len(words)
    i = 0
    used = [False] * n
    named: set[int] = set()  # words of people's names
    # PERSON: name [org/place words] title; the longest affiliation that leaves a valid name wins
    for t in range(n):
        if classes[t] != "T":
            continue
        size = _name_after_title(words, classes, t, data)
        if size:
            # 누리전자 대표 김민준은, CEO 존 스미스와: the title before the name that ends the phrase
            body = t - 1 if t > 0 and classes[t - 1] in "OL" and not used[t - 1] else t
            person = _person(words[t + 1:], words[body:t], words[t].noun, base + t + 1, data)
            out.append(person)
            for x in range(t + 1, n):  # (the name is no organisation or place below)
                used[x] = True
                named.add(x)
            break
        # a title fused with its body (주한독일대사, 외교부장관, 통상교섭본부장) has at most a country or a
        # known organisation before it, not an unknown employer
        lowest = max(1, t - 3)
        if words[t].noun not in data.titles:
            lowest = t
            while lowest > 1 and t - lowest < 3 and (classes[lowest - 1] in "LO" or (
                    classes[lowest - 1] == "P" and lowest >= 2 and classes[lowest - 2] == "O")):
                lowest -= 1  # (두산 전자BG 사업본부장: a body's division between)
        for aff_start in range(lowest, t + 1):
            if any(c not in "OLWPV" for c in classes[aff_start:t]) or any(used[aff_start - 1:t]):
                continue
            if classes[aff_start:aff_start + 2] in ("PL", "PO") and aff_start + 1 < t and (
                    classes[aff_start:aff_start + 2] == "PL"
                    or classes[aff_start - 1] == "P" and _two_part_name(words[aff_start - 1], words[aff_start], data)):
                # 기시다 후미오 일본 총리, 존 스미스 주한미국상공회의소 회장: a proper noun before the
                # country, or a family name after a given name before the body, is part of the name
                continue
            if aff_start < t and classes[aff_start] == "P" and words[aff_start - 1].noun in _NAME_PARTICLES:
                continue  # 에브라힘 알 하즈리 칼리파대 총장: the word after a name's particle is the name's
            if classes[aff_start:t] == "PP" and words[t].noun in (data.place_heads or {}):
                continue  # 사무엘 가르시아 누에보레온 주지사: a governor heads one place, the name before it
            if aff_start + 1 == t and classes[aff_start] == "L" and (
                    _given_name_like_a_city(words, aff_start, t, data)
                    or words[aff_start].noun.endswith("도") and words[aff_start].noun not in data.places
                    and classes[aff_start - 1] == "P"
                    and _two_part_name(words[aff_start - 1], words[aff_start], data)):
                # 사토 다케시 사장, 지나 러몬도 장관: a family name ending like a city (다케시, 히로시) or
                # a province (러몬도) after a given name is no employer
                continue
            if aff_start + 1 == t and words[aff_start].noun in data.surnames and len(words[aff_start].noun) == 1:
                continue  # 제임스 김 회장: a family name alone is no employer
            if aff_start < t and classes[aff_start] == "P" and _ONE_SYLLABLE.match(words[aff_start].noun):
                continue  # 팜 떤 꽁 VCCI 회장: one syllable is a part of a name, not an employer's name
            abroad = classes[aff_start] == "L" and aff_start < t and data.places.get(words[aff_start].noun) == "country" \
                and words[aff_start].noun not in HOME_STATE
            k = next((aff_start - size for size in (1, 3, 2) if aff_start - size >= 0 and _is_person_name(
                words[aff_start - size:aff_start], classes[aff_start - size:aff_start], data, abroad)), None)
            if (k is not None and k == aff_start - 1 and k > 0 and classes[k - 1] == "P" and not used[k - 1]
                    and _is_person_name(words[k - 1:k + 1], classes[k - 1:k + 1], data)
                    and _two_part_name(words[k - 1], words[k], data, loose=_place_head_title(words[t].noun, data))):
                # 존 스미스, 기시다 후미오: a given name and a family name written apart (나가사카 나오토
                # 도요하시시장: before a mayor's title, even when the second part looks like a Korean name)
                k -= 1
            if k is None and _foreign_official(words, classes, aff_start, t, data):
                k = aff_start - 1
            if (k is not None and aff_start + 1 == t and aff_start - k == 2
                    and all(_CAPITALISED.fullmatch(w.noun) and not w.rest for w in words[k:t])):
                continue  # Nguyen Van Truong 회장: a third capitalised word is the name's, not an employer
            if k is not None and k > 0 and aff_start - k == 1 and words[k - 1].noun in _NAME_PARTICLES:
                k -= 1  # 알 하마디: an Arabic name's particle, and the given name before it (에브라힘 알 하즈리)
                given = words[k - 1] if k > 0 else None
                if (given is not None and classes[k - 1] == "P" and not used[k - 1] and given.proper
                        and HANGUL_WORD.match(given.noun) and not (given.rest or given.sep or given.paren)):
                    k -= 1
            if k is None or (words[t].noun in data.common_noun_titles and aff_start - k == 1
                             and (not words[k].proper or _names_a_market(words[k].noun, data))):
                continue  # (단계적 성장: a common noun before 성장 "growth" is no governor's name)
            if (aff_start < t and aff_start - k == 1 and classes[aff_start] == "P"
                    and typical_name(words[aff_start].noun, data)
                    and (len(words[k].noun) == 2 or classes[k] == "L" and words[k].noun[-1] in PLACE_ENDS)):
                # 명지 양영기 대표, 가람군 김민준 군수 (가람군 reads as a name too): the three-syllable name
                # is the person (the word before it, below)
                continue
            person = _person(words[k:aff_start], words[aff_start:t], words[t].noun, base + k, data, t in fused,
                             words[t].proper)
            if (aff_start == t and k > 0 and classes[k - 1] == "P" and not used[k - 1] and not words[k].former
                    and (aff_start - k == 1 and typical_name(words[k].noun, data)
                         or aff_start - k == 2 and len(words[k - 1].noun) >= 4 and _two_part_name(words[k], words[k + 1], data))
                    and words[t].noun not in _BYLINE_TITLES  # (a reporter's outlet is read from the byline)
                    and not _place_head_title(words[t].noun, data)):
                # 다온 양영기 대표, 미쓰비시케미칼 사토 다케시 사장: an unknown name right before a person and
                # their title is the employer
                person.affiliation = words[k - 1].noun
                classes = classes[:k - 1] + "O" + classes[k:]
            elif (aff_start == t and k > 0 and classes[k - 1] == "O" and not used[k - 1] and not person.affiliation
                  and words[t].noun not in _BYLINE_TITLES):
                person.affiliation = strip_legal(words[k - 1].noun)  # 한빛전자 박서준 사장: the employer before the name
            elif (aff_start == t and k > 0 and classes[k - 1] == "L" and not person.affiliation
                  and words[t].noun in (data.place_heads or {}) and data.places.get(words[k - 1].noun) != "country"):
                person.affiliation = words[k - 1].noun  # 가람현 스즈키 하루토 지사: the place the governor heads
            out.append(person)
            tw = words[t]
            if (aff_start == t and person.affiliation and tw.noun.startswith(person.affiliation)
                    and classify_name(person.affiliation, data) == "O"):
                # 홍길동 한국무역협회장: the body fused with its head's title is named too
                out.append(Mention("ORG", person.affiliation, tw.noun_start, tw.noun_start + len(person.affiliation),
                                   tw.sent, base + t, base + t))
            for x in range(k, aff_start):
                used[x] = True
                named.add(x)
            if t - aff_start == 1 and classes[aff_start] == "P" and not _posted(words[aff_start].noun, data):
                # 강두홍 아스플로 대표: the word between name and title is the employer; 앤드루 진서 콜럼버스
                # 시장: the place a place head heads
                place = words[t].noun in (data.place_heads or {})
                classes = classes[:aff_start] + ("L" if place else "O") + classes[aff_start + 1:]
            break
    # ORG: [place/proper]* org, or place + bare org word
    while i < n:
        if used[i] or classes[i] not in "OWVS" or classes[i] in "VS" and i + 1 < n and (
                classes[i] == "V" and classes[i + 1] == "S" or classes[i + 1] == "O" and not words[i + 1].proper):
            i += 1  # (완주테크노밸리 제2일반산업단지, X시범구 관리위원회: the venue or site names what follows it)
            continue
        j = i
        while (j > 0 and not used[j - 1] and i - j < 3 and not words[j].former
               and (classes[j - 1] in "LP" or classes[j - 1] in "VS" and (
                    classes[i] == "S" and classes[j - 1] == "V" or classes[i] == "O" and not words[i].proper))  # (X시범구 관리위원회)
               and not _ONE_SYLLABLE.match(words[j - 1].noun)  # (양 세관: "both", not a name)
               and not words[j - 1].noun.endswith(_REGION)):  # (경북지역 정부 names no body; 홍길동 전 …)
            j -= 1
        if classes[i] in "WS" and j == i and not (classes[i] == "S" and _ORDINAL.match(words[i].noun)):
            i += 1  # (제5일반산업단지: a numbered site names itself)
            continue
        span = words[j:i + 1]
        full = " ".join(strip_legal(w.noun) for w in span)
        start = j
        # 서울 삼성전자 -> 삼성전자, but 텍사스주 경제개발청: a generic body keeps the place before it
        keep = (classes[i] == "O" and (not words[i].proper or words[i].noun.endswith(_AGENCY_ENDS))
                and words[i].noun not in data.orgs
                or classes[i] == "V" and words[i].noun in data.venue_words)  # (요나고 컨벤션센터, 샌디에이고 카운티)
        while classes[start] == "L" and start < i and (classes[i] in "OV" or start + 1 < i) and not (
                keep and start + 1 == i) and classes[start + 1] != "S":  # (a site needs its place)
            start += 1
        if (keep and start == i and i > 0 and classes[i - 1] == "O" and strip_legal(words[i - 1].noun) in data.orgs
                and words[i - 1].sent == words[i].sent):
            start = i - 1  # 코트라 디지털무역종합지원센터: a known body's unit is named with it (both are kept)
        body = out[-1] if out and out[-1].type == "ORG" and out[-1].last == base + i - 1 else None
        if (start == i and body is not None and _is_branch(words[i].noun, data)
                and not (words[i - 1].rest or words[i - 1].sep or words[i - 1].paren)):
            # 한국보건산업진흥원 미국지사: a body's branch abroad, named with the body (its other name)
            out.pop()
            start, j, full = body.first - base, body.first - base, body.name
        if start == i and j == i and _generic_branch(words[i].noun, data):
            i += 1  # (현지법인을 개소했다, 5개 해외지사: no company named)
            continue
        name = " ".join(strip_legal(w.noun) for w in words[start:i + 1])
        full = name if start < j else full
        m = Mention("LOC" if classes[i] in "VS" else "ORG", name, words[start].noun_start, words[i].noun_end, words[i].sent, base + start, base + i)
        if full != name:
            m.aliases.append(full)
        out.append(m)
        for x in range(j, i + 1):
            used[x] = True
            if classes[i] == "S" and x >= start:
                named.add(x)  # (홍성 일반산업단지: the place is part of the site's name)
        i += 1
    for i, c in enumerate(classes):
        if c == "L" and i not in named:  # (정성주 김제시장: a name read as a place ending in 주)
            w = words[i]
            cut = 2 if w.noun.endswith(_REGION) and w.noun[:-2] in data.places else 0  # 서울지역 -> 서울
            out.append(Mention("LOC", w.noun[:len(w.noun) - cut], w.noun_start, w.noun_end - cut, w.sent,
                               base + i, base + i))
    for i, w in enumerate(words) if parens else ():  # (this loop and the next read parentheses only)
        if not w.paren:
            continue
        p = _PAREN_PERSON.match(w.paren)
        if p and p.group(1) in data.titles:
            m = Mention("PERSON", p.group(2), w.noun_end, w.end, w.sent, base + i, base + i)
            m.title, m.affiliation = p.group(1), w.noun
            out.append(m)
            if classes[i] == "P" and not used[i] and p.group(1) in data.head_titles:
                # 다온랩(대표 이수진): a name whose head is given in parentheses is an organisation
                out.append(Mention("ORG", w.noun, w.noun_start, w.noun_end, w.sent, base + i, base + i))
        elif classes[i] in "PD" and not used[i]:
            acronym = _spelled_out(w.noun, w.paren)
            glossed = not acronym and _LATIN_WORD.match(w.noun) and _CHINESE_GLOSS.match(w.paren) \
                and w.paren[-1] not in PLACE_HANJA  # Virtual Point(虚拟动点): a company glossed in Chinese
            if acronym or glossed:  # QMX(Quantum Mobility Xpress, …有限公司): an acronym with its company name
                k = i  # GAC GROUP(广汽集团): the Latin words before it are part of the name
                while (k > 0 and not used[k - 1] and classes[k - 1] == "P" and _LATIN_WORD.match(words[k - 1].noun)
                       and not words[k - 1].rest and not words[k - 1].sep and i - k < 3):
                    k -= 1
                name = " ".join([*(x.noun for x in words[k:i]), acronym or w.noun])
                names = [x.strip() for x in w.paren.split(",") if x.strip()] if acronym else []
                out.append(Mention("ORG", name, w.noun_end - len(name) if k == i else words[k].noun_start,
                                   w.noun_end, w.sent, base + k, base + i, names))
                for x in range(k, i + 1):
                    used[x] = True
        if not (p and p.group(1) in data.titles) and (NOT_ALIAS.match(w.paren) or w.paren in data.places
                                                       or _PAREN_LIST.search(w.paren)):
            out.extend(_places_in_parentheses(w, base + i, data))
    for m in out if parens else ():
        if m.type == "PERSON":
            continue
        last = words[m.last - base]
        if (last.paren and m.start < last.noun_end and not NOT_ALIAS.match(last.paren)
                and not _PAREN_LIST.search(last.paren) and not (last.paren in data.places and (
                    m.type == "ORG" or not _one_place(m.name, last.paren, data)))):
            # (not a name inside the parentheses; 혁신센터(칭다오), 하노이(베트남): the place a body or a
            # city is in, not another name for it; 기지(청두·쑤이닝): places listed)
            alias = last.paren[3:].strip() if last.paren.startswith("이하 ") else last.paren
            m.aliases.append(alias)
    out.sort(key=lambda m: m.start)
    return out


_LATIN_WORD = re.compile(r"^[A-Z][A-Za-z0-9&]+$")
_CHINESE_GLOSS = re.compile(r"^[\u4e00-\u9fff]{2,16}$")
_ENUMERATOR = re.compile(r"^\d{1,2}(?=[A-Z])")  # ④QMX: a list number NFKC turned into a digit
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
_COMPANY_GLOSS = re.compile(r"(?:公司|集团|集團|株式会社|Inc\.?|Corp\.?|Ltd\.?)$")


_PAREN_WORD = re.compile(r"[가-힣]{2,}")
_PAREN_LIST = re.compile(r"[,·•ㆍ/]")  # 기지(청두·쑤이닝): places listed in parentheses
_PAREN_JOSA = "의에와과은는이가도"


def _one_place(a: str, b: str, data: rules.Rules) -> bool:
    """Two names of one place (경남, 경상남도)."""
    canonical = data.place_canonical or {}
    return canonical.get(a, a) == canonical.get(b, b)


def _places_in_parentheses(w: Word, index: int, data: rules.Rules) -> list[Mention]:
    """성장(한국의 도지사급), 공장 설립(1억 달러, 캐나다): places named inside a remark in parentheses."""
    found = []
    start = w.end - 1 - len(w.paren)  # (the remark as written, without the spaces inside the parentheses)
    for m in _PAREN_WORD.finditer(w.paren):
        name = m.group()
        if name not in data.places and name[-1] in _PAREN_JOSA and name[:-1] in data.places:
            name = name[:-1]
        if name in data.places:
            found.append(Mention("LOC", name, start + m.start(), start + m.start() + len(name), w.sent, index, index))
    return found


def _spelled_out(noun: str, paren: str) -> str | None:
    """The acronym when the parentheses spell it out (Quantum Mobility Xpress) or give its company name."""
    acronym = _ENUMERATOR.sub("", noun)
    if not _ACRONYM.match(acronym):
        return None
    items = [x.strip() for x in paren.split(",")]
    initials = "".join(w[0] for w in items[0].split() if w[:1].isupper())
    if initials == acronym.replace("&", "") or any(_COMPANY_GLOSS.search(x) for x in items):
        return acronym
    return None


def _unit_titles(words: list[Word], classes: str, data: rules.Rules) -> str:
    """산업부 통상교섭본부장: a department head's title fused with the department, after an organisation."""
    out = list(classes)
    for i in range(1, len(words)):
        noun = words[i].noun
        after_body = classes[i - 1] == "O" or (classes[i - 1] == "P" and i >= 2 and classes[i - 2] == "O")
        if after_body and classes[i] in "PN" and noun.endswith(data.unit_titles) and \
                not any(noun == t for t in data.unit_titles):  # (두산 전자BG 사업본부장: after a body's division too)
            out[i] = "T"
    return "".join(out)


def _ministry_of_a_minister(words: list[Word], classes: str, data: rules.Rules) -> str:
    """팻 윌슨 경제개발부 장관: between a name and a minister's title, a word ending in 부, 처 or 청
    is the minister's department (an organisation)."""
    out = list(classes)
    for i in range(1, len(words) - 1):
        noun = words[i].noun
        if (classes[i] == "N" and classes[i - 1] in "PL" and classes[i + 1] == "T"
                and words[i + 1].noun in (data.state_titles or {}) and len(noun) >= 3
                and noun[-1] in _MINISTRY_ENDS and HANGUL_WORD.match(noun) and not words[i].rest):
            out[i] = "O"
    return "".join(out)


_MINISTRY_ENDS = "부처청"
_FOREIGN_KINDS = frozenset({"china", "vietnam", "japan"})
_NAME_PARTICLES = frozenset({"알", "엘", "아부", "이븐"})  # 알 하마디, 아부 바크르


def _chinese_minister(title: str, data: rules.Rules) -> bool:
    """상무부장, 외교부장: a ministry fused with 장 (部長)."""
    return len(title) >= 4 and title.endswith("부장") and data.ministry_re.match(title[:-1]) is not None


_MISSIONS = ("대사관", "영사관", "대표부")
_DIPLOMATS = frozenset({"대사", "총영사", "영사", "공사", "참사관", "대표"})


def _foreign_official(words: list[Word], classes: str, aff_start: int, t: int, data: rules.Rules) -> bool:
    """왕웨이중 광둥성장, 왕웨이중 중국 광둥성 성장: a four-syllable proper noun before the title of a
    Chinese, Vietnamese or Japanese place's head is that official's transcribed name; 트럼프 미국
    대통령: a proper noun before a country and a state title, or after a diplomatic mission and a
    diplomat's title; 로메로 공공행정부장관: a proper noun right before a minister's title fused with the ministry."""
    if aff_start < 1 or classes[aff_start - 1] != "P":
        return False
    name = words[aff_start - 1].noun
    if not words[aff_start - 1].proper or not HANGUL_WORD.match(name) or not 2 <= len(name) <= 5:
        return False
    title = words[t].noun
    m = data.title_re.search(title)
    if aff_start == t and m is not None and m.start() >= 3 and data.ministry_re.match(title[:m.start()]):
        return True
    if (aff_start + 1 == t and data.places.get(words[aff_start].noun) == "country" and len(name) >= 3
            and (title in (data.state_titles or {}) or _chinese_minister(title, data))):
        return True  # 트럼프 미국 대통령, 왕원타오 중국 상무부장: a head of state or minister named with the country
    if aff_start == t and aff_start >= 2 and words[aff_start - 2].noun.endswith(_MISSIONS) and title in _DIPLOMATS:
        return True  # 주한중국대사관 싱하이밍 대사: a diplomat named after the mission
    if _heads_a_place(words, classes, aff_start, t, data) and classes[aff_start - 1] == "P" and len(name) <= 6:
        return True  # 니암바타르 울란바토르시장: a proper noun right before a place's head is the head's name
    if len(name) != 4 and not _fused_vietnamese_name(name, data, short_surname=True):
        return False
    places = [w.noun for w in words[aff_start:t]]
    if m is not None and m.start() > 0:
        places.append(title[:m.start()])  # 광둥성장: the place fused with the title
    # (쩐즈엉 빈푹성 인민위원장: a Vietnamese name of three syllables, before a Vietnamese place)
    kinds = {"vietnam"} if len(name) != 4 else _FOREIGN_KINDS
    return any(data.places.get(p) in kinds or data.places.get(p + "성") in kinds
               or p[-1:] in PLACE_ENDS and data.places.get(p[:-1]) in kinds for p in places)


def _heads_a_place(words: list[Word], classes: str, aff_start: int, t: int, data: rules.Rules) -> bool:
    """The title heads the known place before it or fused with it (울란바토르 시장, 울란바토르시장)."""
    title = words[t].noun
    heads = data.place_heads or {}
    if aff_start + 1 == t:
        return title in heads and words[aff_start].noun in data.places  # (이시카와 다카시 시장: 다카 is Dhaka)
    return aff_start == t and _fused_place_head(title, data)


def _fused_place_head(title: str, data: rules.Rules) -> bool:
    """울란바토르시장, 도요하시시장: a place head's title fused with a known place."""
    return any(title.endswith(h) and len(title) > len(h) and place_prefix(title[:-len(h)], data)
               for h in data.place_heads or {})


def _place_head_title(title: str, data: rules.Rules) -> bool:
    """A title word ending with a mayor's or governor's title (시장, 부시장, 도요하시시장): its holder is
    employed by no company."""
    return title.endswith(tuple(data.place_heads or ()))


def _fused_titles(words: list[Word], classes: str, data: rules.Rules) -> tuple[str, tuple[int, ...]]:
    """민상원 기획처장, 윤종섭 제천시의회의장: right after a person's name, a word ending with a title
    is that title fused with its unit or body (not 주식시장: see ``common_noun_titles``).
    Returns the classes with those words made titles, and their indices."""
    out = None
    found: list[int] = []
    for i in range(1, len(words)):
        if classes[i] not in "PN" or classes[i - 1] not in "PLO":
            continue
        k = i - 1  # the name, before at most two place or organisation words (정윤기 전북도 경제부지사)
        while k > 0 and classes[k] in "LO" and i - k < 3:
            k -= 1
        if classes[k] not in "PL":
            continue
        noun = words[i].noun
        t = data.title_re.search(noun)
        if (t is None or t.start() == 0 or not _WORD.match(noun)
                or (noun[t.start():] in data.common_noun_titles and not place_prefix(noun[:t.start()], data))
                or (len(words[k].noun) < 3 and t.start() > 1)  # 호세 시의원, but 빈현 현위상무위원 is a county
                or not (_is_person_name(words[k:k + 1], classes[k], data) or (
                    k > 0 and classes[k - 1:k + 1] == "PP" and _is_person_name(words[k - 1:k + 1], "PP", data))
                    or k + 1 < i and classes[k:k + 2] == "PL" and _given_name_like_a_city(words, k + 1, i, data))):
            continue  # (박원순 서울시장: a place's mayor, not 주식시장; 마에카와 나오유키 서울사무소장)
        out = out or list(classes)
        out[i] = "T"
        found.append(i)
    return ("".join(out), tuple(found)) if out else (classes, ())


_STATE_KINDS = frozenset({"country"})
_NOT_DEPARTMENTS = frozenset({"남부", "북부", "동부", "서부", "중부", "내부", "외부", "일부", "전부"})  # 중국 동남부
_REGION = "지역"


def _longer_org_suffix(noun: str, data: rules.Rules) -> bool:
    """경제특구청: an organisation's ending (특구청, a zone's agency) longer than the venue's (구청)."""
    venue = next(s for s in data.venue_suffixes if noun.endswith(s))  # (longest first)
    return any(noun.endswith(s) and len(s) > len(venue) for s, _ in data.org_suffixes)


_BRANCHES = ("지사", "법인")
_BRANCH_PLACES = frozenset({"현지", "해외", "국내"})


def _generic_branch(noun: str, data: rules.Rules) -> bool:
    """현지법인, 해외지사, 한국법인: a branch or subsidiary that names no company by itself."""
    return _is_branch(noun, data) and (noun[:-2] in _BRANCH_PLACES or noun.endswith("법인"))


def _is_branch(noun: str, data: rules.Rules) -> bool:
    """미국지사, 한국법인, 현지법인: a country (or "local", "overseas") and 지사 or 법인 is a company's
    branch or subsidiary (a governor's 지사 follows a province or prefecture)."""
    if not noun.endswith(_BRANCHES):
        return False
    where = noun[:-2]
    return data.places.get(where) == "country" or where in _BRANCH_PLACES


def _named_after_a_place(words: list[Word], classes: str, data: rules.Rules) -> str:
    """Words that name something only together with the name before them:
    호찌민시 교통운수국, 난퉁시 상무국: after a city, district or province (not a country: 미국
    동맹국), a word ending in 국 is one of its bureaus, an organisation; 조지아주 경제개발부: after
    any place, a word ending in 부 is one of its departments (not 중국 동남부);
    요나고 컨벤션센터, 로터스 호텔: a bare venue word after a name is that named venue, a place;
    브이네스토 캐피털: an organisation ending after a proper noun ends that organisation's name."""
    out = None
    for i in range(1, len(words)):
        noun, before = words[i].noun, classes[i - 1]
        if before not in "LP" or classes[i] not in "PNO":
            continue
        if noun in data.venue_words:
            out = out or list(classes)
            out[i] = "V"
        elif noun in _APART_PLACE_ENDINGS and classes[i] == "N":
            out = out or list(classes)
            out[i] = "S"  # 박닌 성, 꼰뚬 성: a place's ending written apart names the place with it
        elif classes[i] != "O" and noun in data.apart_suffixes:
            out = out or list(classes)
            out[i] = "W"  # 브이네스토 캐피털, 미르 그룹: a company ending written apart from the name
        elif (before == "L" and classes[i] != "O" and len(noun) >= 3 and HANGUL_WORD.match(noun) and (
                (noun[-1] == "국" and data.places.get(words[i - 1].noun) not in _STATE_KINDS)
                or (noun[-1] == "부" and noun[-2:] not in _NOT_DEPARTMENTS))):
            out = out or list(classes)
            out[i] = "W"
    return "".join(out) if out else classes


def _described_company(words: list[Word], classes: str, data: rules.Rules) -> str:
    """바이오기업 인제니아 테라퓨틱스, 현지 업체 라반트: unknown names ending the phrase right after a
    common noun for a company are that company (the last one is its head)."""
    k = len(classes) - 1
    while k > 0 and classes[k - 1] == "P" and len(classes) - k < 3:
        k -= 1
    if k == 0 or classes[k - 1] != "N" or not words[k - 1].noun.endswith(data.company_nouns) \
            or any(not NAME_LIKE.match(w.noun) for w in words[k:]):
        return classes
    return classes[:-1] + "O"


NAME_LIKE = re.compile(r"^(?:[가-힣]{2,}|[A-Za-z][A-Za-z0-9&.\-]+)$")


def place_prefix(prefix: str, data: rules.Rules) -> bool:
    """서울, 서울시, 고양특례: a known place, with or without its ending, before a fused title.
    Stricter than ``_place_like`` (which takes any 주… or …시 prefix), so 주식시장 is no mayor."""
    m = _LOC_SUFFIX.match(prefix)
    return prefix in data.places or (m is not None and m.group(1) in data.places) or prefix + "시" in data.places


def _place_like(prefix: str, data: rules.Rules) -> bool:
    if not prefix:
        return False
    if prefix in data.places or prefix.startswith("주") or _LOC_SUFFIX.match(prefix) is not None:
        return True
    # 서울본부세관장: a strong suffix, or a weak one after a place (서울 + 본부)
    return any(prefix.endswith(sfx) and (strong or prefix[: -len(sfx)] in data.places) for sfx, strong in data.org_suffixes)


def classify_name(name: str, data: rules.Rules) -> str:
    """``classify`` for a bare name (a proper noun), e.g. the affiliation part of 고양시장."""
    return classify(Word(start=0, end=len(name), noun=name, proper=True), data)
