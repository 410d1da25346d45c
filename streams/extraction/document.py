"""One analysed article: text, sentences, words and entity mentions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import rules
from .dates import infer_reference, parse_iso
from .entities import Mention, classify, classify_name, list_item_name, mentions_in_phrase, place_prefix
from .words import Word, build_words, phrases, sentences


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
    """Headline and body as one text (one Kiwi pass); a body that repeats its headline keeps it once."""
    title = title.strip()
    body = body.strip()
    if not title:
        return body, 0
    if body.startswith(title):  # the body's first line is the headline
        return body, len(title) if body[len(title):len(title) + 1] in ("\n", "") else 0
    return f"{title}\n{body}", len(title)


def analyse(text: str, title_end: int, published_at: str | None, tokens: list) -> Document:
    data = rules.load()
    ids, sent_list = sentences(tokens)
    words = build_words(text, tokens, ids, title_end)
    words = _repair_words(words, text, data)
    _names_cut_before_titles(words, text, data)
    mentions: list[Mention] = []
    runs = _join_across_parentheses(phrases(words), words, text, data)
    for first, run in runs:
        mentions.extend(mentions_in_phrase(run, first, data))
    _promote_list_members(words, mentions, data)
    _foreign_people(text, words, mentions, data)
    _credit_lines(text, words, mentions, data)
    _qualified_names(text, words, mentions)
    _line_headings(text, words, mentions, data)
    _named_again(words, mentions)
    mentions.sort(key=lambda m: m.start)
    mention_at: dict[int, Mention] = {}
    for m in mentions:
        if m.last not in mention_at or mention_at[m.last].type == "PERSON" or m.type == "ORG":
            mention_at[m.last] = m
    published = parse_iso(published_at) or infer_reference(text)
    return Document(text, title_end, published, words, sent_list, mentions, mention_at, runs)


def _join_across_parentheses(runs: list[tuple[int, list[Word]]], words: list[Word], text: str,
                             data: rules.Rules) -> list[tuple[int, list[Word]]]:
    """빈하이신구(滨海新区) 투자촉진국, 미르센터(KIC) 센터장: a place's bureau or a body's title after the
    parentheses that end a phrase belongs to that phrase."""
    out: list[tuple[int, list[Word]]] = []
    for first, run in runs:
        if out:
            prev_first, prev = out[-1]
            w = prev[-1]
            if (w.paren and not w.rest and not w.sep and prev_first + len(prev) == first and run[0].sent == w.sent
                    and text[w.end:run[0].start] == " " and _continues(w, run[0], data)):
                out[-1] = (prev_first, words[prev_first:first + len(run)])
                continue
        out.append((first, run))
    return out


def _continues(w: Word, nxt: Word, data: rules.Rules) -> bool:
    before, after = classify(w, data), classify(nxt, data)
    if before == "L":  # a bureau, department or office of the place
        return after in ("O", "W") or (len(nxt.noun) >= 3 and nxt.noun[-1] in _UNIT_ENDINGS)
    return before == "O" and after == "T"


_UNIT_ENDINGS = "국부청처실"


def _promote_list_members(words: list[Word], mentions: list[Mention], data: rules.Rules) -> None:
    """Unknown proper nouns listed beside organisations are organisations (스맥, 메타팩, … 협력센터)."""

    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    by_last = {m.last: m for m in mentions}
    i = 0
    n = len(words)
    while i < n:
        j = i
        while j < n and words[j].sep and words[j].noun:
            j += 1
        if j > i:  # words[i..j] is a separated list
            items = range(i, min(j + 1, n))
            if any(by_last.get(k) is not None and by_last[k].type == "ORG" for k in items):
                for k in items:
                    w = words[k]
                    if k in taken or not w.noun or classify(w, data) not in ("P", "N") or not w.proper:
                        continue
                    mentions.append(Mention("ORG", list_item_name(w), w.noun_start, w.noun_end, w.sent, k, k,
                                            [w.paren] if w.paren else []))
        i = j + 1
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


def is_line_heading(text: str, w: Word) -> bool:
    """"- 한빛항(韓光港): 서울에 위치": a name opening its line before a colon is what the line is about."""
    if not w.rest or w.rest[0] != (":", "SP") or w.josa:
        return False
    return _HEADING_LEAD.match(text, text.rfind("\n", 0, w.start) + 1, w.start) is not None


def _line_headings(text: str, words: list[Word], mentions: list[Mention], data: rules.Rules) -> None:
    taken = {k for m in mentions for k in range(m.first, m.last + 1)}
    for k, w in enumerate(words):
        if w.noun and k not in taken and is_line_heading(text, w) and classify(w, data) == "P":
            aliases = [w.paren] if w.paren else []
            mentions.append(Mention("ORG", w.noun, w.noun_start, w.noun_end, w.sent, k, k, aliases))


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


# -- word repairs before entity rules ------------------------------------------------------------

def _repair_words(words: list[Word], text: str, data: rules.Rules) -> list[Word]:
    """Kiwi slips: a particle written apart from its noun; 사와 (company marker + particle) read as a name; a particle 도 fused into an unknown name (한결테크도 → 한결테크 + 도),
    and an organisation whose name starts with a ·-joined compound (대·중소기업·농어업협력재단)."""
    out: list[Word] = []
    for w in words:
        if not w.noun and len(w.rest) >= 5:
            _cut_name_with_hanzi(w, text)
        if w.parts == 2 and w.proper and not w.paren:
            name = _name_fused_with_title(w, data)
            if name is not None:
                out.append(name)  # (w is now the title alone)
        if w.pieces or len(w.rest) >= 2:  # (the only words _unknown_company can change)
            _unknown_company(w, text, data)
        noun = w.noun
        if (not noun and w.rest and out and out[-1].noun and not out[-1].josa and not out[-1].rest
                and not out[-1].sep and out[-1].sent == w.sent and all(t.startswith("J") for _, t in w.rest)
                and text[out[-1].end:w.start] == " "):
            # "ABX 는", "Lumira 와": a particle written apart from its noun (machine-translated text)
            prev = out[-1]
            prev.josa, prev.rest, prev.end = w.josa, list(w.rest), w.end
            continue
        if (noun == "사와" and w.proper and out and out[-1].sent == w.sent and out[-1].noun
                and text[w.noun_start - 1:w.noun_start] == " "):
            # 블루 에어로닉스 사와는: the company marker 사 and the particle 와 read as one name
            w.noun, w.noun_end, w.josa = "사", w.noun_start + 1, "와" + w.josa
            w.rest.insert(0, ("와", "JKB"))
        if (w.proper and len(noun) >= 5 and noun.endswith("도") and not w.rest and not w.paren
                and not w.sep and noun not in data.places and noun[:-1] not in data.places
                and not noun.endswith(_PROVINCE_ENDINGS) and w.noun_end == w.end and text[w.end:w.end + 1] == " "):
            w.noun = noun[:-1]
            w.noun_end -= 1
            w.josa = "도"
            w.rest.append(("도", "JX"))
        if (out and out[-1].sep == "·" and out[-1].end == w.start and out[-1].sent == w.sent
                and not out[-1].rest and not out[-1].paren and out[-1].noun
                and classify(out[-1], data) == "N" and classify(w, data) == "O" and _strong_org(w.noun, data)):
            prev = out.pop()
            w.noun = text[prev.noun_start:w.noun_end]
            w.noun_start, w.start = prev.noun_start, prev.start
            while (out and out[-1].sep == "·" and out[-1].end == w.start and out[-1].sent == w.sent
                   and not out[-1].rest and not out[-1].paren and out[-1].noun and classify(out[-1], data) == "N"):
                prev = out.pop()
                w.noun = text[prev.noun_start:w.noun_end]
                w.noun_start, w.start = prev.noun_start, prev.start
        out.append(w)
    return out


def _cut_name_with_hanzi(w: Word, text: str) -> None:
    """명난(孟楠) (명/NNB 난/NNG): a Hangul name that Kiwi cut into pieces, written with its Chinese
    characters in parentheses, is one proper noun."""
    n = next((i for i, (form, tag) in enumerate(w.rest) if tag == "SSO"), 0)
    if not 1 <= n <= 4 or n + 3 > len(w.rest) or w.rest[n][0] != "(" or w.rest[n + 1][1] != "SH" \
            or w.rest[n + 2][0] != ")" or any(tag not in _NAME_PIECES for _, tag in w.rest[:n]):
        return
    name = "".join(form for form, _ in w.rest[:n])
    gloss = w.rest[n + 1][0]
    if not _NAME_BEFORE_GLOSS.match(name) or not _HANJA_NAME.match(gloss) \
            or not text.startswith(f"{name}({gloss})", w.start):
        return
    w.noun, w.noun_start, w.noun_end, w.proper, w.paren = name, w.start, w.start + len(name), True, gloss
    w.rest = w.rest[n + 3:]
    w.josa = "".join(form for form, tag in w.rest if tag.startswith("J"))


def _name_fused_with_title(w: Word, data: rules.Rules) -> Word | None:
    """윤한빛회장은 (윤한빛/NNP 회장/NNG in one word): a name written without a space before its title.
    Splits ``w`` into the name (returned) and the title (left in ``w``)."""
    cut = w.last_start - w.noun_start
    name, title = w.noun[:cut], w.noun[cut:]
    if (len(name) != 3 or not _HANGUL_NAME.match(name) or title not in data.titles or name[0] not in data.surnames
            or title in data.common_noun_titles or name in data.orgs or name in data.places):
        return None
    head = Word(start=w.start, end=w.noun_start + cut, noun=name, noun_start=w.noun_start,
                noun_end=w.noun_start + cut, proper=True, sent=w.sent, parts=1, last_start=w.noun_start)
    w.start = w.noun_start = head.end
    w.noun, w.proper, w.parts = title, False, 1
    return head


_NAME_BEFORE_GLOSS = re.compile(r"^[가-힣]{2,4}$")


def _names_cut_before_titles(words: list[Word], text: str, data: rules.Rules) -> None:
    """이항로 군수를 (이/MM 항로/NNG), 이구암 수석부회장 (이구/NNP 암/MM): a three-syllable word
    that starts with a family name, that Kiwi cut into pieces not all nouns, and that a title
    follows is a person's name."""
    for i in range(len(words) - 1):
        w = words[i]
        if not w.rest or w.end - w.start != 3 or w.paren or w.sep:
            continue
        name = text[w.start:w.end]
        nxt = words[i + 1]
        if (name[0] not in data.surnames or not _HANGUL_NAME.match(name) or nxt.sent != w.sent
                or nxt.start != w.end + 1 or nxt.noun_start != nxt.start
                or any(tag not in _NAME_PIECES for _, tag in w.rest)):
            continue
        t = data.title_re.search(nxt.noun)
        if t is None or (nxt.noun[t.start():] in data.common_noun_titles
                         and not place_prefix(nxt.noun[:t.start()], data)):
            continue  # (전세계 시장: 전/MM 세계/NNG; 박정민 구미시장 is a mayor)
        after = words[i + 2] if i + 2 < len(words) else None
        if not (nxt.rest or nxt.sep or (after is not None and after.proper and after.sent == w.sent)):
            continue  # the title ends its phrase or another name follows (not 전세계 대표 기업)
        w.noun, w.noun_start, w.noun_end, w.proper = name, w.start, w.end, True
        w.rest, w.josa, w.pieces = [], "", 0


_HANGUL_NAME = re.compile(r"^[가-힣]{3}$")
_PROVINCE_ENDINGS = ("남도", "북도", "자치도", "특별자치도")
_NAME_PIECES = frozenset({"MM", "MAG", "XSN", "XPN", "XR", "NNG", "NNP", "NR", "NNB", "IC"})  # Kiwi's cuts of an unknown name
_INNER_JOSA = frozenset({"JKB", "JKS", "JKO", "JX", "JC"})  # (not 의: 창의디자인산업 is 창+의+디자인)


def _unknown_company(w: Word, text: str, data: rules.Rules) -> None:
    """새별전자가 (새/MM 별/XSN 전자), 청솔바이오는 (청/솔/바이오), 가나다로문화촉진회 (가나다/NNG 로/JKB …):
    an unknown name that Kiwi cut into pieces before a company ending is one proper noun."""
    if w.noun and not w.proper and w.pieces and _company_ending(w.noun, data, 4):
        w.proper = True
    if w.paren or len(w.rest) < 2:
        return
    # cut: the last noun of the rest, with only particles after it
    cut = len(w.rest) - 1
    while w.rest[cut][1] not in ("NNG", "NNP"):
        if cut == 0 or not w.rest[cut][1].startswith("J"):
            return
        cut -= 1
    pieces = _NAME_PIECES | _INNER_JOSA if w.noun else _NAME_PIECES
    if any(t not in pieces for _, t in w.rest[:cut]):
        return
    start = w.noun_start if w.noun else w.start
    name = w.noun + "".join(f for f, _ in w.rest[:cut + 1])
    if not text.startswith(name, start) or not _company_ending(name, data, 12 if w.noun else 5):
        return
    w.noun, w.noun_start, w.noun_end, w.proper = name, start, start + len(name), True
    w.rest = w.rest[cut + 1:]
    w.josa = "".join(f for f, _ in w.rest)


def _company_ending(noun: str, data: rules.Rules, longest: int) -> bool:
    """``noun`` ends with an organisation suffix of two syllables or more after at most ``longest``
    syllables (투자청's 청 is too short to tell a cut name)."""
    return noun.endswith(data.long_suffixes) and any(
        noun.endswith(suffix) and 1 <= len(noun) - len(suffix) <= longest for suffix in data.long_suffixes)


def _strong_org(noun: str, data: rules.Rules) -> bool:
    return any(noun.endswith(s) and strong and len(noun) > len(s) for s, strong in data.org_suffixes)


# -- people written with their original-script name -----------------------------------------------

_HANJA_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_LATIN_NAME = re.compile(r"^(?:[A-Z][a-z]+|[A-Z]{2,})(?:[ -](?:[A-Z][a-z]+|[A-Z]{2,})){1,3}$")
_PLACE_HANJA = frozenset("市省区區县縣州港岛島江湖山镇鎮村道郡")
_HANGUL_WORD = re.compile(r"^[가-힣]{1,6}$")


def _foreign_people(text: str, words: list[Word], mentions: list[Mention], data: rules.Rules) -> None:
    """왕하이(王海), 존 리(John Lee) before a title: a person, with the original spelling."""
    by_word = {}
    for m in mentions:
        for k in range(m.first, m.last + 1):
            by_word.setdefault(k, []).append(m)
    for k, w in enumerate(words):
        if not w.paren or not _HANGUL_WORD.match(w.noun):
            continue
        remark = _NAME_REMARK.match(w.paren)
        if remark and not w.sep and classify(w, data) in ("P", "N"):
            person = _remarked_person(text, w, k, remark, data, mentions)
            if person is not None:
                for m in by_word.get(k, []):
                    mentions.remove(m)
                mentions.append(person)
            continue
        hanja = bool(_HANJA_NAME.match(w.paren))
        if not hanja and not _LATIN_NAME.match(w.paren):
            continue
        cls = classify(w, data)
        if hanja and w.paren[-1] in _PLACE_HANJA and cls in ("P", "N") and \
                not any(m.type == "LOC" for m in by_word.get(k, [])):
            for m in by_word.get(k, []):
                mentions.remove(m)  # 핑후(平湖市), 하이먼(海门): a place written with its Chinese name
            mentions.append(Mention("LOC", w.noun, w.noun_start, w.noun_end, w.sent, k, k, [w.paren]))
            continue
        # 다카시(石川隆): a given name ending like a place (…시) that is no known place may be a person
        suffixed = cls == "L" and hanja and w.noun not in data.places
        if (w.rest and not all(t.startswith("J") for _, t in w.rest)) or (cls not in ("P", "N") and not suffixed) \
                or any(m.type == "PERSON" or m.type == "LOC" and not suffixed or m.first != m.last
                       for m in by_word.get(k, [])):
            continue
        first = k
        # 존 리(John Lee): one Hangul word per Latin part; 이시카와 다카시(石川隆): a Japanese family name
        # before the given name (three Chinese characters or more)
        parts = (2 if len(w.paren) >= 3 else 1) if hanja else len(w.paren.split())
        while (k - first < parts - 1 and first > 0 and words[first - 1].sent == w.sent
               and _HANGUL_WORD.match(words[first - 1].noun) and not words[first - 1].rest
               and not words[first - 1].sep and not words[first - 1].paren
               and classify(words[first - 1], data) in ("P", "N") and not by_word.get(first - 1)):
            first -= 1  # 존 리(John Lee), 쯔엉 떤 상(Truong Tan Sang): one Hangul word per part
        prev = words[first - 1] if first > 0 else None
        title = prev.noun if (prev is not None and prev.sent == w.sent and not prev.rest and not prev.sep
                              and classify(prev, data) == "T") else None  # (not 가람시장과 왕하이(王海) 시장)
        after = _title_after(words, k, data) if not w.rest else None
        if suffixed and not (after or title):
            continue  # (a place written with its Chinese characters: 핑후시(平湖))
        if after is not None:
            title = title or after
        elif title is None:
            continue  # (부회장 송지엔(熊剑)은: after its title the name may carry its particle)
        if w.paren[-1] in _PLACE_HANJA:
            continue  # 핑후(平湖), 우시시(无锡市): a place, not a person
        for m in by_word.get(k, []):
            mentions.remove(m)
        name = " ".join(words[i].noun for i in range(first, k + 1))
        person = Mention("PERSON", name, words[first].noun_start, w.noun_end, w.sent, first, k, [w.paren])
        if title and data.title_re.search(title):
            person.title = title
        mentions.append(person)


def _title_after(words: list[Word], k: int, data: rules.Rules) -> str | None:
    """The title after the name ``words[k]``, across at most two words of its body or place
    (자오얼리(趙爾力) 외사판공실 주임, 로버트 하먼(Robert Harmon) 클라크스빌 시장); "" when a body or
    place follows but no title; None when neither follows."""
    for i in range(k + 1, min(k + 4, len(words))):
        nxt = words[i]
        if nxt.sent != words[k].sent:
            break
        cls = classify(nxt, data)
        if cls == "T" or data.title_re.search(nxt.noun or "") is not None:
            return nxt.noun
        if nxt.rest or nxt.sep or nxt.paren or cls not in "OLPW":
            break
    return "" if k + 1 < len(words) and classify(words[k + 1], data) in ("O", "L", "W") else None


# 장원타오[张文涛, 미르연구소(米尔研究所) 원장]: the original name, then affiliations and titles
_NAME_REMARK = re.compile(r"^([\u4e00-\u9fff]{2,4})\s*,\s*(.+)$")
_REMARK_BODY = re.compile(r"^(.+?)\s*(?:\(([^()]+)\))?$")


def _remarked_person(text: str, w: Word, k: int, remark: re.Match, data: rules.Rules,
                     mentions: list[Mention]) -> Mention | None:
    """장원타오[张文涛, 미르연구소(米尔研究所) 원장·한빛대학 총장]: a person, with the bodies named in the
    remark as organisations (or the place a governor runs); the first title and its body are the person's."""
    roles = []  # (body, its original-script name, role, whether the role is a known title)
    for item in re.split(r"\s*[·ㆍ]\s*", remark.group(2)):
        head, _, role = item.rpartition(" ")
        t = data.title_re.search(role)
        titled = t is not None and (t.start() == 0 or role[:t.start()] in _TITLE_RANKS)
        if not titled and not _ROLE_WORD.match(role):
            return None
        body = _REMARK_BODY.match(head)
        roles.append((body.group(1) if body else "", body.group(2) if body else None, role, titled))
    titled = [r for r in roles if r[3]]
    if not titled:
        return None  # (one role at least must be a known title; 원사 alone is not)
    person = Mention("PERSON", w.noun, w.noun_start, w.noun_end, w.sent, k, k, [remark.group(1)])
    person.title = titled[0][2]
    at = w.noun_end
    for name, original, _, _ in roles:
        kind = classify_name(name, data) if _REMARK_HEAD.match(name) else ""
        start = text.find(name, at, w.end) if kind in ("O", "P", "L") else -1
        if start < 0:
            continue  # (no body before the role: 전 주석)
        at = start + len(name)
        if name == titled[0][0]:
            person.affiliation = name
        mentions.append(Mention("LOC" if kind == "L" else "ORG", name, start, at, w.sent, k, k,
                                [original] if original else []))
    return person


_TITLE_RANKS = frozenset({"부", "수석", "상임", "명예", "전", "현"})
_ROLE_WORD = re.compile(r"^[가-힣]{1,3}$")
_REMARK_HEAD = re.compile(r"^[가-힣A-Za-z0-9&]{2,30}$")


# -- dateline and byline ---------------------------------------------------------------------------

_DATELINE = re.compile(r"[(\[]\s*([가-힣]{2,6})\s*=\s*([가-힣A-Za-z0-9]{2,12})\s*[)\]]")
_BYLINE = re.compile(r"(?<![가-힣])([가-힣]{2,4})\s?(?:인턴\s?)?(?:기자|특파원)(?![가-힣])")
# 편집: 홍길동, 사진=홍길동, [홍길동 제작]: editors, translators and photo or graphics credits
_CREDIT = re.compile(r"(?:(?<![가-힣])(?:편집|편역|번역|정리|사진|영상|그래픽|촬영|취재)[ \t]*[:=][ \t]*"
                     r"([가-힣]{2,4}(?![가-힣])|[\u4e00-\u9fff]{2,4})|\[([가-힣]{2,4})[ \t]*제작\])")
_OUTLET = r"(?P<o>[가-힣A-Za-z][가-힣A-Za-z0-9.&]{1,14})"
_REPORTER = r"(?P<n>[가-힣]{2,4})\s*(?:인턴\s*|수습\s*)?(?:기자|특파원)(?![가-힣])"
# (pattern, whether the outlet's name must end like a media name, words one of which the text
# must hold for the pattern to be tried)
_BYLINE_WORDS = ("기자", "특파원")
_DESKS = ("부", "팀", "국", "데스크", "취재본부")  # a newsroom desk in a byline's outlet slot
_OUTLET_PATTERNS = tuple((re.compile(p, re.M), strict, needles) for p, strict, needles in (
    # [가람일보 홍길동 기자], [하노이(베트남)=가람일보 홍길동 기자], [가람뉴스 = 홍길동 기자]
    (r"[\[<]\s*(?:[가-힣]{2,6}(?:\([가-힣]{2,6}\))?\s*=\s*)?" + _OUTLET + r"(?:\s*=\s*|\s+)" + _REPORTER,
     False, _BYLINE_WORDS),
    # [가람일보] 홍길동 기자; (구미=가람뉴스) 홍길동 기자, (서울 뉴욕=가람뉴스) 홍길동 기자
    (r"[\[(]\s*(?:[가-힣]{2,6}(?:\s[가-힣]{2,6})*\s*=\s*)?" + _OUTLET + r"\s*[)\]]\s*" + _REPORTER,
     False, _BYLINE_WORDS),
    # a byline line: 가람경제 홍길동 기자, 2026.01.29 | 가람리포트 홍길동 기자; 가람타임즈 = 홍길동 기자
    # (세종=홍길동 기자 is a dateline: the name before "=" must end like an outlet)
    (r"(?:^|\|[ \t]*)" + _OUTLET + r"[ \t]+" + _REPORTER, False, _BYLINE_WORDS),
    (r"^" + _OUTLET + r"[ \t]*=[ \t]*" + _REPORTER, True, _BYLINE_WORDS),
    # [가람경제] at the start of a line, before the headline
    (r"^\[" + _OUTLET + r"\]", True, ("[",)),
    # 가람신문 | 2026.01.20 10:00, 가람타임스 | 입력 2025.06.16
    (r"^" + _OUTLET + r"[ \t]*\|[ \t]*(?:입력[ \t]*:?[ \t]*)?\d{4}[./-]\d", True, ("|",)),
    # 가람포스트에 따르면, 가람일보가 보도했다; 출처: 가람일보
    (r"(?<![가-힣A-Za-z0-9])" + _OUTLET + r"(?:에 따르면|[은는이가] (?:전했다|보도했다))", True,
     ("따르면", "전했다", "보도했다")),
    (r"출처[ \t]*:[ \t]*" + _OUTLET, True, ("출처",)),
    # 서울--(가람와이어)--: a press-release wire
    (r"--\(" + _OUTLET + r"\)--", False, ("--(",)),
    # a broadcast script's sign-off: 가람방송 뉴스 홍길동입니다
    (r"(?<![가-힣A-Za-z0-9])" + _OUTLET + r" 뉴스(?: [가-힣]{2,4}입니다|데스크)", False, (" 뉴스",)),
))


def _outlets(text: str, words: list[Word], mentions: list[Mention], data: rules.Rules) -> None:
    """The media outlet named in a byline, dateline, attribution or sign-off is an organisation
    (not one only named in a copyright line: cleaning removes those)."""
    for pattern, strict, needles in _OUTLET_PATTERNS:
        for m in pattern.finditer(text) if any(n in text for n in needles) else ():
            outlet = m.group("o").rstrip(".")
            s = m.start("o")
            e = s + len(outlet)
            if "n" in pattern.groupindex and outlet.endswith(_DESKS):
                _drop_names_within(mentions, s, e)  # 산업부 홍길동 기자: the outlet's desk, not the ministry
                continue
            if (outlet in data.not_outlets or outlet in data.places or outlet in data.titles
                    or (strict and not _media_name(outlet, data))
                    or "n" in pattern.groupindex and not (m.group("n")[0] in data.surnames
                                                          or m.group("n")[:2] in data.surnames)):
                continue
            if any(x.start == s and x.end == e and x.type == "ORG" for x in mentions):
                continue
            _drop_names_within(mentions, s, e)  # (서울 of 서울타임즈뉴스)
            k = _word_at(words, s)
            mentions.append(Mention("ORG", outlet, s, e, words[k].sent, k, k))


def _drop_names_within(mentions: list[Mention], start: int, end: int) -> None:
    """Remove the organisations and places found inside text[start:end]."""
    mentions[:] = [x for x in mentions if x.type == "PERSON" or not (start <= x.start and x.end <= end)]


def _media_name(name: str, data: rules.Rules) -> bool:
    """가람일보, 한빛경제: a media ending after something more (not [리포트], a script's marker)."""
    return name.endswith(data.media_suffixes) and any(
        name.endswith(sfx) and len(name) > len(sfx) for sfx in data.media_suffixes)


def _word_at(words: list[Word], offset: int) -> int:
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi) // 2
        if words[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return min(lo, len(words) - 1)


def _credit_lines(text: str, words: list[Word], mentions: list[Mention], data: rules.Rules) -> None:
    """(서울=연합뉴스) 홍길동 기자 =: the outlet, its city and the reporter."""
    if not words:
        return
    for m in _DATELINE.finditer(text):
        city, outlet = m.group(1), m.group(2)
        k = _word_at(words, m.start(2))
        sent = words[k].sent
        if city in data.places and not any(x.start == m.start(2) for x in mentions):
            mentions.append(Mention("ORG", outlet, m.start(2), m.end(2), sent, k, k))
            mentions.append(Mention("LOC", city, m.start(1), m.end(1), sent, k, k))
    _outlets(text, words, mentions, data)
    # (the byline scan tries a name at every Hangul syllable: skip it when no text can match)
    bylines = _BYLINE.finditer(text) if "기자" in text or "특파원" in text else ()
    credits = _CREDIT.finditer(text) if ":" in text or "=" in text or "제작]" in text else ()
    for m in (*bylines, *credits):
        g = m.lastindex or 1  # (the group that matched)
        name = m.group(g)
        if not (name[0] in data.surnames or name[:2] in data.surnames or _HANJA_NAME.match(name)) \
                or classify_name(name, data) in ("L", "O"):
            continue  # (사진=양주시: a photo credited to a city)
        s, e = m.start(g), m.end(g)
        if any(x.type == "PERSON" and x.start <= s < x.end for x in mentions):
            continue
        for x in [x for x in mentions if x.start < e and s < x.end]:
            mentions.remove(x)
        k = _word_at(words, s)
        mentions.append(Mention("PERSON", name, s, e, words[k].sent, k, k))
