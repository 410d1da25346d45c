"""Rule data shipped in ``data/``: read once per process, never per article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def _words(name: str) -> list[str]:
    return [w for row in _rows(name) for w in row[0].split()]


@dataclass(frozen=True)
class Rules:
    triggers: dict[str, str]  # trigger word -> agreement kind
    trigger_re: re.Pattern  # agreement nouns anywhere before a signing verb
    object_trigger_re: re.Pattern | None  # agreement nouns only as the object right before a signing verb
    signing_re: re.Pattern  # signing verbs and reference words
    planned_re: re.Pattern
    failed_re: re.Pattern  # right after a signing verb: not signed at all (체결하지 못했다, 체결을 위한)
    titles: frozenset[str]
    title_re: re.Pattern  # a title at the end of a word (공주시장 -> 시장)
    org_suffixes: tuple[tuple[str, bool], ...]  # (suffix, strong), longest first
    long_suffixes: tuple[str, ...]  # suffixes of two syllables or more that end a cut name (see repairs)
    name_suffixes: frozenset[str]  # industry words (화학, 항공) that end a company's name only after a short name
    org_words: frozenset[str]
    ministry_re: re.Pattern
    places: dict[str, str]  # name -> kind
    orgs: dict[str, str]  # any known name -> canonical
    org_aliases: dict[str, tuple[str, ...]]  # canonical -> other names
    surnames: frozenset[str]
    user_words: tuple[tuple[str, str, float], ...]
    venue_suffixes: tuple[str, ...] = ()  # longest first: 서울 신라호텔, 완주테크노밸리 are places
    venue_words: frozenset[str] = frozenset()  # 호텔 of 로터스 호텔: a bare venue word after a name
    venue_parts: dict[str, str] | None = None  # room / building / not_place: a venue cut to its place
    apart_suffixes: frozenset[str] = frozenset()  # 캐피털 of 브이네스토 캐피털: an ending written apart
    sectors: tuple[tuple[str, str], ...] = ()  # (surface, sector) longest surface first
    sector_words: frozenset[str] = frozenset()  # the surfaces of sectors.tsv (수소, AI): fields, never names
    entity_stoplist: frozenset[str] = frozenset()
    unit_titles: tuple[str, ...] = ()  # 본부장, 실장: department heads, fused with the department's name
    delegations: tuple[str, ...] = ()  # 유치단, 사절단: a delegation stands for the body named before it
    state_titles: dict[str, str] | None = None  # title of a state's signatory -> country it stands for when unnamed ("" none)
    reference_words: frozenset[str] = frozenset()  # 협약을 시작으로: the agreement is done, no verb reports it
    place_heads: dict[str, str] | None = None  # 지사 -> 도: a bare governor heads the province last named
    head_titles: frozenset[str] = frozenset()  # 대표, 총장: "X(대표 홍길동)" makes X an organisation
    common_noun_titles: frozenset[str] = frozenset()  # 시장, 성장: also end everyday nouns (주식시장)
    media_suffixes: tuple[str, ...] = ()  # 뉴스, 일보: an outlet's name outside a byline ends with one
    not_outlets: frozenset[str] = frozenset()  # 사진 홍길동 기자: not an outlet
    chinese_surnames: frozenset[str] = frozenset()  # 시 of 시진핑: only for a proper noun that is no place
    chinese_shared_surnames: frozenset[str] = frozenset()  # 왕, 마: also Korean; see _is_person_name
    vietnamese_surnames: frozenset[str] = frozenset()  # 응우옌, 팜: before short given names and a title
    company_nouns: tuple[str, ...] = ()  # 기업, 업체: before an unknown name, say it is a company
    company_forms: tuple[str, ...] = ()  # 은행, 증권: in a party slot, end a company's name made of common nouns
    generic_modifiers: frozenset[str] = frozenset()  # 시중(은행): make such a compound generic
    country_abbreviations: dict[str, str] | None = None  # 한 -> 한국 (한중, 한-베트남 양국)
    hyphen_pair_re: re.Pattern | None = None  # the hyphen of "A-B 투자협약 …": it joins two parties
    everyday_places: frozenset[str] = frozenset()  # 후에, 신장: places only when Kiwi tags them proper nouns
    place_canonical: dict[str, str] | None = None  # any name of a place with several -> canonical (경남 -> 경상남도)
    place_aliases: dict[str, tuple[str, ...]] | None = None  # canonical -> its other names
    hanja_endings: dict[str, str] | None = None  # 銀 -> 은행: a headline's short form of a company's ending


@lru_cache(maxsize=1)
def load() -> Rules:
    trigger_rows = _rows("triggers.tsv")
    triggers = {r[0]: r[1] for r in trigger_rows}
    object_triggers = [r[0] for r in trigger_rows if r[2:] == ["object"]]
    free_triggers = [t for t in triggers if t not in object_triggers]
    titles = frozenset(_words("titles.txt"))
    suffix_rows = _rows("org_suffixes.tsv")
    suffixes = sorted(((r[0], r[1] == "strong") for r in suffix_rows), key=lambda p: -len(p[0]))
    named_only = frozenset(r[0] for r in suffix_rows if r[1] == "name")
    orgs: dict[str, str] = {}
    org_aliases: dict[str, tuple[str, ...]] = {}
    for row in _rows("orgs.tsv"):
        canonical = row[0]
        others = tuple(a.strip() for a in row[1].split(",") if a.strip()) if len(row) > 1 else ()
        org_aliases[canonical] = others
        orgs.setdefault(canonical, canonical)
        for alias in others:
            orgs.setdefault(alias, canonical)
    media = {r[0]: r[1].split() for r in _rows("media.tsv")}
    place_aliases = {r[0]: tuple(a.strip() for a in r[1].split(",")) for r in _rows("place_aliases.tsv")}
    place_canonical = {name: canonical for canonical, others in place_aliases.items() for name in (canonical, *others)}
    free_trigger_re = "|".join(sorted(map(re.escape, free_triggers), key=len, reverse=True))
    return Rules(
        triggers=triggers,
        trigger_re=re.compile(free_trigger_re),
        hyphen_pair_re=re.compile(rf"(?<=[가-힣A-Za-z])-(?=[^\s\-()]{{2,20}}\s[가-힣]{{0,4}}(?:{free_trigger_re}))"),
        object_trigger_re=re.compile("|".join(map(re.escape, object_triggers))) if object_triggers else None,
        signing_re=re.compile("|".join(_words("signing_verbs.txt") + _words("reference_verbs.txt"))),
        reference_words=frozenset(_words("reference_verbs.txt")),
        planned_re=re.compile("|".join(f"(?:{r[0]})" for r in _rows("planned_markers.txt"))),
        failed_re=re.compile("|".join(f"(?:{r[0]})" for r in _rows("failed_markers.txt"))),
        titles=titles,
        title_re=re.compile("(?:" + "|".join(sorted(titles, key=len, reverse=True)) + ")$"),
        org_suffixes=tuple(suffixes),
        long_suffixes=tuple(x for x, _ in suffixes if len(x) >= 2 and x not in named_only),
        name_suffixes=named_only,
        org_words=frozenset(_words("org_words.txt")),
        ministry_re=re.compile(_rows("ministry_pattern.txt")[0][0]),
        places={r[0]: r[1] for r in _rows("places.tsv")},
        orgs=orgs,
        org_aliases=org_aliases,
        surnames=frozenset(_words("surnames.txt")),
        user_words=tuple((w, t, float(s)) for w, t, s in _rows("user_words.tsv")),
        venue_suffixes=tuple(sorted(_words("venue_suffixes.txt"), key=len, reverse=True)),
        venue_words=frozenset(_words("venue_words.txt")),
        venue_parts={r[0]: r[1] for r in _rows("venue_parts.tsv")},
        apart_suffixes=frozenset(r[0] for r in suffix_rows if r[2:] == ["apart"]),
        sectors=tuple(sorted(((r[0], r[1]) for r in _rows("sectors.tsv")), key=lambda r: -len(r[0]))),
        sector_words=frozenset(r[0] for r in _rows("sectors.tsv")),
        entity_stoplist=frozenset(_words("entity_stoplist.txt")),
        unit_titles=tuple(_words("unit_titles.txt")),
        delegations=tuple(_words("delegations.txt")),
        state_titles={r[0]: (r[1] if len(r) > 1 else "") for r in _rows("state_titles.tsv")},
        head_titles=frozenset(_words("org_head_titles.txt")),
        place_heads={r[0]: r[1] for r in _rows("place_head_titles.tsv")},
        common_noun_titles=frozenset(_words("common_noun_titles.txt")),
        media_suffixes=tuple(media["suffix"]),
        not_outlets=frozenset(media["not"]),
        chinese_surnames=frozenset(_words("surnames_chinese.txt")),
        chinese_shared_surnames=frozenset(_words("surnames_chinese_shared.txt")),
        vietnamese_surnames=frozenset(_words("surnames_vietnamese.txt")),
        company_nouns=tuple(_words("company_nouns.txt")),
        company_forms=tuple(_words("company_forms.txt")),
        generic_modifiers=frozenset(_words("generic_modifiers.txt")),
        country_abbreviations={r[0]: r[1] for r in _rows("country_abbreviations.tsv")},
        everyday_places=frozenset(_words("places_everyday.txt")),
        place_canonical=place_canonical,
        place_aliases=place_aliases,
        hanja_endings={r[0]: r[1] for r in _rows("hanja_endings.tsv")},
    )
