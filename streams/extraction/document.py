"""One analysed article: text, sentences, words and entity mentions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Container

from . import rules
from .dates import infer_reference, parse_iso
from .credits import credit_lines
from .entities import NAME_LIKE, NOT_ALIAS, Mention, classify, list_item_name, mentions_in_phrase, typical_name
from .original_names import foreign_people
from .repairs import everyday_places_after_countries, names_cut_before_titles, repair_words, vietnamese_names
from .words import APPOSITIVE, LIST_BULLETS, PLACE_ENDS, Word, build_words, phrases, sentences


@dataclass(slots=True)
class Document:
    text: str
    title_end: int  # text[:title_end] is the headline (0 when there is none)
    published: dt.date | None
    words: list[Word]
    sentences: list[tuple[int, int]]  # (start, end) per Kiwi sentence index
    mentions: list[Mention]
    mention_at: dict[int, Mention]  # last word index -> mention ending there (ORG/LOC wins over PERSON)
    phrases: list[tuple[int, list[Word]]]  # (index of the first word, noun phrase)


def compose(title: str, body: str) -> tuple[str, int]:
    """Headline and body as one text (one Kiwi pass); a body that repeats its headline keeps it once.
    Sub-headlines right after it ("- 포항시-누리소재, 투자협약 체결") are read as headline too."""
    title = title.strip()
    body = body.strip()
    if not title:
        text, end = body, 0
    elif body.startswith(title):  # the body's first line is the headline
        text, end = body, len(title) if body[len(title):len(title) + 1] in ("\n", "") else 0
    else:
        text, end = f"{title}\n{body}", len(title)
    for _ in range(_SUBHEADS):
        line = _SUBHEAD.match(text, end)
        if line is None:
            break
        end = line.end()
    return text, end


_SUBHEADS = 3
# a short line opened by a dash or a bullet and not closed like a sentence (…다.)
_SUBHEAD = re.compile(r"\n*[ \t]*[-–—▶▷■□◆◇○●][^\n]{4,80}(?<![다요]\.)(?<![다요])(?=\n|$)")


def analyse(text: str, title_end: int, published_at: str | None, tokens: list) -> Document:
    data = rules.load()
    ids, sent_list = sentences(tokens)
    pairs = frozenset(m.start() for m in data.hyphen_pair_re.finditer(text, title_end)) if "-" in text else frozenset()
    if "-" in text and any(b in text for b in LIST_BULLETS):  # "▲A-B 에너지 협력 ▲C-D …": the pair of each listed document
        pairs |= frozenset(m.start(1) for m in _BULLET_PAIR.finditer(text, title_end))
    words = build_words(text, tokens, ids, title_end, pairs)
    words = repair_words(words, text, data)
    names_cut_before_titles(words, text, data)
    words = vietnamese_names(words, text, data)
    everyday_places_after_countries(words, text, data)
    mentions: list[Mention] = []
    runs = _join_continued_phrases(phrases(words), words, text, data)
    for first, run in runs:
        mentions.extend(mentions_in_phrase(run, first, data))
    _promote_list_members(words, mentions, data)
    _companies_by_context(words, mentions, data)
    _companies_listed(words, mentions, data)
    _places_located(words, mentions, data)
    foreign_people(text, words, mentions, data)
    credit_lines(text, words, mentions, data)
    _qualified_names(text, words, mentions)
    _line_headings(text, words, mentions, data)
    _named_again(words, mentions)
    if "씨" in text:
        _honorific_names(words, mentions, data)
    mentions.sort(key=lambda m: m.start)
    mention_at: dict[int, Mention] = {}
    for m in mentions:
        if m.last not in mention_at or mention_at[m.last].type == "PERSON" or m.type == "ORG":
            mention_at[m.last] = m
    published = parse_iso(published_at) or infer_reference(text)
    return Document(text, title_end, published, words, sent_list, mentions, mention_at, runs)


_BULLET_PAIR = re.compile(rf"[{LIST_BULLETS}]\s?[^\s\-{LIST_BULLETS}]{{2,20}}(-)(?=[^\s\-{LIST_BULLETS}]{{2,20}})")


def _join_continued_phrases(runs: list[tuple[int, list[Word]]], words: list[Word], text: str,
                             data: rules.Rules) -> list[tuple[int, list[Word]]]:
    """빈하이신구(滨海新区) 투자촉진국, 미르센터(KIC) 센터장: a place's bureau or a body's title after the
    parentheses that end a phrase belongs to that phrase; 가온모터스 대표인 존 스미스는: so does the name
    after a title and the copula 인 ("who is")."""
    out: list[tuple[int, list[Word]]] = []
    for first, run in runs:
        if out:
            prev_first, prev = out[-1]
            w = prev[-1]
            if prev_first + len(prev) == first and run[0].sent == w.sent and text[w.end:run[0].start] == " " and (
                    w.paren and not w.rest and not w.sep and _continues(w, run[0], data)
                    or w.rest == APPOSITIVE and classify(w, data) == "T" and run[0].proper):
                out[-1] = (prev_first, words[prev_first:first + len(run)])
                continue
        out.append((first, run))
    return out


def _continues(w: Word, nxt: Word, data: rules.Rules) -> bool:
    before, after = classify(w, data), classify(nxt, data)
    if before == "L":  # a bureau, department or office of the place
        return after in ("O", "W") or (len(nxt.noun) >= 3 and nxt.noun[-1] in _UNIT_ENDINGS)
    if before != "O":
        return False
    title = data.title_re.search(nxt.noun)  # (일본무역진흥기구(JETRO) 서울사무소장: a unit's head)
    return after == "T" or title is not None and title.start() >= 2 and nxt.noun[title.start():] not in (
        data.common_noun_titles)


_UNIT_ENDINGS = "국부청처실"


def headed_places(mentions: list[Mention], data: rules.Rules) -> None:
    """"가람시는 … 홍길동 시장은": a place head named without a place heads the one place of that
    kind the article names — the person's affiliation. With two (안산시 and a US city visited),
    the one named before the person in their sentence, else none. Run after the agreement rules, which read such a
    person's place themselves (``AgreementFinder._headed_place``)."""
    places: dict[str, dict[str, str]] = {}  # place ending -> each place named with it -> its first name
    canonical = data.place_canonical or {}
    for m in mentions:
        if m.type == "LOC" and len(m.name) > 1 and m.name[-1] in PLACE_ENDS:
            # (강원도 and 강원특별자치도 are one place)
            places.setdefault(m.name[-1], {}).setdefault(canonical.get(m.name, m.name), m.name)
    named_places = {m.name for m in mentions if m.type == "LOC"}
    for m in mentions:
        if m.type == "PERSON" and m.affiliation is None and m.title:
            fused = fused_place_head(m.title, named_places, data)
            if fused:
                m.affiliation, m.title = fused
                continue
            ending = (data.place_heads or {}).get(m.title, "")
            named = places.get(ending, {})
            if len(named) == 1:
                m.affiliation = next(iter(named.values()))
            elif named:
                # "부산시는 박형준 시장이 … 상하이시를 방문해": the one place of that kind named before the
                # person in the sentence
                before = {x.name for x in mentions if x.type == "LOC" and x.sent == m.sent and x.start < m.start
                          and len(x.name) > 1 and x.name[-1] == ending}
                if len(before) == 1:
                    m.affiliation = next(iter(before))


def fused_place_head(title: str, names: Container[str], data: rules.Rules) -> tuple[str, str] | None:
    """"마이클 라마 세부시장과": a place the article names (세부시, one of ``names``) fused with its
    head's title, read as one title. Returns (place, title)."""
    for head, ending in (data.place_heads or {}).items():
        if len(title) > len(head) and title.endswith(head):
            place = title[: -len(head)] + ending
            if place in names:
                return place, head
    return None


def _alias(w: Word) -> list[str]:
    """The name in parentheses after a word, unless they hold something else (미르소재(300억원))."""
    return [w.paren] if w.paren and not NOT_ALIAS.match(w.paren) else []


_JOINING_GWA = (("와", "JC"), ("과", "JC"))  # 과/와 joining two nouns (Kiwi: JC)


_BODY_NOUNS = ("기관",)  # (창업지원기관인 X: an institution, as the company nouns say a company)


def _companies_by_context(words: list[Word], mentions: list[Mention], data: rules.Rules) -> None:
    """An unknown proper noun is a company right after "which is a company (an institution)"
    (반도체 기업인 론스타세미는, 창업지원기관인 랩센트럴이) or "headquartered in" (서울에 본사를 둔
    다온랩은), and right before 관계자 "an official of" (테스토닉 관계자는)."""
    taken: set[int] | None = None  # (built only for an article that has the construction)
    for k, name in enumerate(words):
        if (not name.proper or name.paren or name.sep or not (
                _described_as_company(words, k, data) or _has_spokesman(words, k, data))
                or classify(name, data) not in ("P", "N") or not NAME_LIKE.match(name.noun)):
            continue
        if taken is None:
            taken = {i for m in mentions for i in range(m.first, m.last + 1)}
        if k not in taken:
            mentions.append(Mention("ORG", name.noun, name.noun_start, name.noun_end, name.sent, k, k))


_HEADQUARTERED = [("두", "VV"), ("ᆫ", "ETM")]  # (본사를) 둔
_HEAD_OFFICE = "본사"
_SPOKESMAN = "관계자"


def _described_as_company(words: list[Word], k: int, data: rules.Rules) -> bool:
    w = words[k - 1] if k > 0 else None
    if w is None or w.sent != words[k].sent:
        return False
    if w.rest == APPOSITIVE:
        return w.noun.endswith((*data.company_nouns, *_BODY_NOUNS))
    return not w.noun and w.rest == _HEADQUARTERED and k > 1 and words[k - 2].noun == _HEAD_OFFICE


def _has_spokesman(words: list[Word], k: int, data: rules.Rules) -> bool:
    """X 관계자 (not 홍길동 관계자: a typical Korean name is a person's)."""
    nxt = words[k + 1] if k + 1 < len(words) else None
    return (nxt is not None and nxt.noun == _SPOKESMAN and nxt.sent == words[k].sent and not words[k].rest
            and classify(words[k], data) == "P" and not typical_name(words[k].noun, data)
            and not words[k].noun.endswith(data.venue_suffixes))  # (하이먼 산업단지 관계자: a site's)


_NEAR_JOSA = frozenset({"", "에", "에서", "의"})


def _places_located(words: list[Word], mentions: list[Mention], data: rules.Rules) -> None:
    """"네슈빌 소재 X", "워싱턴DC 인근에": an unknown proper noun before "located in" or "near" is a
    place (not 한국산 소재를: 소재 "material" takes its own particle)."""
    parts = data.venue_parts or {}
    taken: set[int] | None = None  # (built only for an article that has the construction)
    for k in range(len(words) - 1):
        w, near = words[k], words[k + 1]
        if (parts.get(near.noun) != "near" or near.josa not in _NEAR_JOSA or not w.proper or w.rest or w.sep or w.paren
                or len(w.noun) < 2 or near.sent != w.sent or classify(w, data) != "P"):
            continue
        if taken is None:
            taken = {i for m in mentions for i in range(m.first, m.last + 1)}
        if k not in taken:
            mentions.append(Mention("LOC", w.noun, w.noun_start, w.noun_end, w.sent, k, k))


def _companies_listed(words: list[Word], mentions: list[Mention], data: rules.Rules) -> None:
    """"참여 기업은 윈텍, 포모사테크, 하이칩이다": the names a copula lists after "the companies are"
    (a subject ending in a company noun) are organisations."""
    taken: dict[int, str] | None = None  # word -> the type of the mention holding it, built when needed
    n = len(words)
    for k in range(n - 2):
        subject = words[k]
        if subject.josa not in ("은", "는") or not subject.noun.endswith(data.company_nouns):
            continue
        j = k + 1
        while j < n and words[j].sent == subject.sent and words[j].sep and not words[j].rest:
            j += 1
        last = words[j] if j < n else None
        if (last is None or j == k + 1 or last.sent != subject.sent
                or not any(tag == "VCP" for _, tag in last.rest) or last.rest[0][1] not in ("VCP", "NNB")):
            continue
        if taken is None:
            taken = {i: m.type for m in mentions for i in range(m.first, m.last + 1)}
        new = [i for i in range(k + 1, j + 1) if taken.get(i) != "ORG"]
        if any(i in taken or not NAME_LIKE.match(words[i].noun) or classify(words[i], data) not in ("P", "N")
               or not (words[i].proper or words[i].parts >= 2) for i in new):
            continue  # (only a list of names: not "참여 기업은 반도체, 배터리 기업이다")
        for i in new:
            w = words[i]
            mentions.append(Mention("ORG", w.noun, w.noun_start, w.noun_end, w.sent, i, i))


def _promote_list_members(words: list[Word], mentions: list[Mention], data: rules.Rules) -> None:
    """Unknown proper nouns listed beside organisations are organisations (스맥, 메타팩, … 협력센터;
    누리텍과 다온랩스가: 과 joins two names as a comma does)."""

    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    by_last = {m.last: m for m in mentions}
    i = 0
    n = len(words)
    while i < n:
        j = i
        while j < n and words[j].sep and words[j].noun and not words[j].josa:
            j += 1  # ("A와 B MOU를, C는 D와": a particle before the comma ends a clause, not a list item)
        if j > i:  # words[i..j] is a separated list
            items = range(i, min(j + 1, n))
            if any(by_last.get(k) is not None and by_last[k].type == "ORG" for k in items):
                for k in items:
                    w = words[k]
                    if k in taken or not w.noun or classify(w, data) not in ("P", "N") or not w.proper:
                        continue
                    mentions.append(Mention("ORG", list_item_name(w), w.noun_start, w.noun_end, w.sent, k, k,
                                            _alias(w)))
        i = j + 1
    for k, a in enumerate(words[:-1]):
        if len(a.rest) != 1 or a.rest[0] not in _JOINING_GWA:
            continue
        b = words[k + 1]
        if not (b.noun and b.rest and b.rest[0][1].startswith("J") and a.sent == b.sent):
            continue  # "A와 B가": B's particle ends the pair (not 연구원과 CDM협력 사업에)
        for at, partner in ((k, by_last.get(k + 1)), (k + 1, by_last.get(k))):
            w = words[at]
            if (at in taken or partner is None or partner.type != "ORG" or not w.proper
                    or classify(w, data) != "P" or w.noun in data.triggers):
                continue
            mentions.append(Mention("ORG", list_item_name(w), w.noun_start, w.noun_end, w.sent, at, at, _alias(w)))
            taken.add(at)
    mentions.sort(key=lambda m: m.start)


_QUALIFIER = re.compile(r"^[가-힣]{1,4}$")


def _qualified_names(text: str, words: list[Word], mentions: list[Mention]) -> None:
    """미르대학교(다온) 미래혁신연구소: a body qualified in parentheses and the unit named
    right after it are one organisation."""
    by_first = {m.first: m for m in mentions if m.type == "ORG"}
    for outer in [m for m in mentions if m.type == "ORG" and m.first == m.last]:
        w = words[outer.last]
        inner = by_first.get(outer.last + 1)
        if (inner is None or w.rest or w.sep or not _QUALIFIER.match(w.paren) or inner.sent != outer.sent
                or text[w.end:inner.start] != " "):
            continue
        mentions.remove(outer)
        mentions.remove(inner)
        mentions.append(Mention("ORG", text[outer.start:inner.end], outer.start, inner.end, outer.sent,
                                outer.first, inner.last))


_HEADING_LEAD = re.compile(r"[\s\-*•·□■◆◇○●▶▷>#]*$")
_COLON = (":", "SP")


def is_line_heading(text: str, w: Word) -> bool:
    """"- 한빛항(韓光港): 서울에 위치": a name opening its line before a colon is what the line is about."""
    if not w.rest or w.rest[0] != _COLON or w.josa:
        return False
    return _HEADING_LEAD.match(text, text.rfind("\n", 0, w.start) + 1, w.start) is not None


def _line_headings(text: str, words: list[Word], mentions: list[Mention], data: rules.Rules) -> None:
    # (few words have a colon right after the noun: find those first, then build the set of taken
    # words only when there is one)
    colons = [k for k, w in enumerate(words) if w.rest and w.rest[0] == _COLON and w.noun]
    if not colons:
        return
    taken = {k for m in mentions for k in range(m.first, m.last + 1)}
    for k in colons:
        w = words[k]
        if k not in taken and is_line_heading(text, w) and classify(w, data) == "P":
            mentions.append(Mention("ORG", w.noun, w.noun_start, w.noun_end, w.sent, k, k, _alias(w)))


def _named_again(words: list[Word], mentions: list[Mention]) -> None:
    """An organisation recognised once (QMX(Quantum Mobility Xpress)) is that organisation wherever
    the article names it again as a bare word (QMX 는 …)."""
    names = {m.name for m in mentions if m.type == "ORG" and m.first == m.last and " " not in m.name}
    if not names:
        return
    taken = {k for m in mentions for k in range(m.first, m.last + 1)}
    for k, w in enumerate(words):
        if w.noun in names and k not in taken:
            mentions.append(Mention("ORG", w.noun, w.noun_start, w.noun_end, w.sent, k, k))


_HONORIFIC = [("씨", "NNB")]


def _honorific_names(words: list[Word], mentions: list[Mention], data: rules.Rules) -> None:
    """김민수 씨, 법인장 김민수 씨는: a typical Korean name before the honorific 씨 is a person; a title
    right before the name is theirs."""
    taken = {k for m in mentions if m.type == "PERSON" for k in range(m.first, m.last + 1)}
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else None
        if w.rest[:1] != _HONORIFIC and not (not w.rest and nxt is not None and not nxt.noun
                                              and nxt.rest[:1] == _HONORIFIC and nxt.sent == w.sent):
            continue
        if k in taken or w.sep or w.paren or not typical_name(w.noun, data):
            continue
        for m in [m for m in mentions if m.first <= k <= m.last]:
            mentions.remove(m)  # (a name read as a place or an employer)
        person = Mention("PERSON", w.noun, w.noun_start, w.noun_end, w.sent, k, k)
        prev = words[k - 1] if k > 0 else None
        if prev is not None and prev.sent == w.sent and not prev.rest and not prev.sep and classify(prev, data) == "T":
            person.title = prev.noun
        mentions.append(person)

