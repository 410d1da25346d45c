"""People and places written with their original-script name: 왕하이(王海) 회장, 존 리(John Lee),
장원타오[张文涛, 미르연구소(米尔研究所) 원장], 핑후(平湖市)."""

from __future__ import annotations

import re

from . import rules
from .entities import HANJA_NAME, PLACE_HANJA, RANKS, Mention, classify, classify_name, company_of_common_nouns
from .words import Word


_LATIN_NAME = re.compile(r"^(?:[A-Z][a-z]+|[A-Z]{2,})(?:[ -](?:[A-Z][a-z]+|[A-Z]{2,})){1,3}$")
_HANGUL_WORD = re.compile(r"^[가-힣]{1,6}(?: [가-힣]{1,6})?$")  # (모리타 신지: Kiwi keeps some foreign names whole)


def foreign_people(text: str, words: list[Word], mentions: list[Mention], data: rules.Rules) -> None:
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
        hanja = bool(HANJA_NAME.match(w.paren))
        if not hanja and not _LATIN_NAME.match(w.paren):
            continue
        cls = classify(w, data)
        if hanja and w.paren[-1] in PLACE_HANJA and cls in ("P", "N") and \
                not any(m.type == "LOC" for m in by_word.get(k, [])):
            for m in by_word.get(k, []):
                mentions.remove(m)  # 핑후(平湖市), 하이먼(海门): a place written with its Chinese name
            mentions.append(Mention("LOC", w.noun, w.noun_start, w.noun_end, w.sent, k, k, [w.paren]))
            continue
        # 다카시(石川隆): a given name ending like a place (…시) that is no known place may be a person
        suffixed = cls == "L" and hanja and w.noun not in data.places
        if (w.rest and not all(t.startswith("J") for _, t in w.rest)) or (cls not in ("P", "N") and not suffixed) \
                or any(m.type == "LOC" and not suffixed or m.first != m.last for m in by_word.get(k, [])):
            continue
        first = k
        # 존 리(John Lee): one Hangul word per Latin part; 이시카와 다카시(石川隆): a Japanese family name
        # before the given name (three Chinese characters or more)
        parts = (2 if len(w.paren) >= 3 else 1) if hanja else len(w.paren.split())
        while (k - first < parts - 1 and first > 0 and words[first - 1].sent == w.sent
               and _HANGUL_WORD.match(words[first - 1].noun) and not words[first - 1].rest
               and not words[first - 1].sep and not words[first - 1].paren
               and classify(words[first - 1], data) in ("P", "N")
               and all(m.type == "PERSON" for m in by_word.get(first - 1, ()))):
            first -= 1  # 존 리(John Lee), 쯔엉 떤 상(Truong Tan Sang): one Hangul word per part
        people = [m for i in range(first, k + 1) for m in by_word.get(i, ()) if m.type == "PERSON"]
        if people and (first == k or any(m.first < first or m.last > k for m in people)):
            continue  # (already a person, with nothing to join: 왕하이(王海) 회장 read by the title rules)
        prev = words[first - 1] if first > 0 else None
        title = prev.noun if (prev is not None and prev.sent == w.sent and not prev.rest and not prev.sep
                              and classify(prev, data) == "T") else None  # (not 가람시장과 왕하이(王海) 시장)
        after, body = _title_after(words, k, data) if not w.rest else (None, None)
        if suffixed and not (after or title):
            continue  # (a place written with its Chinese characters: 핑후시(平湖))
        if after is not None:
            title = title or after
        elif title is None:
            continue  # (부회장 송지엔(熊剑)은: after its title the name may carry its particle)
        if w.paren[-1] in PLACE_HANJA:
            continue  # 핑후(平湖), 우시시(无锡市): a place, not a person
        for m in {id(m): m for i in range(first, k + 1) for m in by_word.get(i, ())}.values():
            if m in mentions:
                mentions.remove(m)
        name = " ".join(words[i].noun for i in range(first, k + 1))
        person = Mention("PERSON", name, words[first].noun_start, w.noun_end, w.sent, first, k, [w.paren])
        if title and data.title_re.search(title):
            person.title = title
            if after:
                person.affiliation = body
                _name_employer(words, k + 1, person, by_word, mentions, data)
        mentions.append(person)


def _name_employer(words: list[Word], i: int, person: Mention, by_word: dict[int, list[Mention]],
                   mentions: list[Mention], data: rules.Rules) -> None:
    """모리타 신지(森田真司) 가람정밀 사장: the unknown word ``words[i]`` between the name and the title is
    the employer (로버트 하먼(Robert Harmon) 클라크스빌 시장: the place a mayor heads), not a person's
    name as the title rules read it (가람빌 시장)."""
    body = words[i]
    misread = [m for m in by_word.get(i, ()) if m.type == "PERSON" and m.first == m.last == i]
    for m in misread:
        if m in mentions:
            mentions.remove(m)
    cls = classify(body, data)
    if (person.affiliation == body.noun and (cls == "P" or cls == "N" and company_of_common_nouns(body, data))
            and len(by_word.get(i, ())) == len(misread)):
        type_ = "LOC" if person.title in (data.place_heads or {}) else "ORG"
        mentions.append(Mention(type_, body.noun, body.noun_start, body.noun_end, body.sent, i, i))


def _title_after(words: list[Word], k: int, data: rules.Rules) -> tuple[str | None, str | None]:
    """The title after the name ``words[k]``, across at most two words of its body or place
    (자오얼리(趙爾力) 외사판공실 주임, 로버트 하먼(Robert Harmon) 클라크스빌 시장), and that body; the
    title is "" when a body or place follows but no title, None when neither follows."""
    for i in range(k + 1, min(k + 4, len(words))):
        nxt = words[i]
        if nxt.sent != words[k].sent:
            break
        cls = classify(nxt, data)
        t = data.title_re.search(nxt.noun or "")
        if cls == "T" or t is not None:
            if i == k + 1 and t is not None and t.start() > 0 and t.group(0) in (data.place_heads or {}):
                return t.group(0), nxt.noun[:t.start()]  # 탕페이(汤飞) 닝보시장: the mayor of 닝보
            return nxt.noun, " ".join(w.noun for w in words[k + 1:i]) or None
        if nxt.rest or nxt.sep or nxt.paren or cls not in "OLPW" and not (cls == "N" and company_of_common_nouns(nxt, data)):
            break
    return ("" if k + 1 < len(words) and classify(words[k + 1], data) in ("O", "L", "W") else None), None


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
        titled = t is not None and (t.start() == 0 or role[:t.start()] in RANKS)
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


_ROLE_WORD = re.compile(r"^[가-힣]{1,3}$")
_REMARK_HEAD = re.compile(r"^[가-힣A-Za-z0-9&]{2,30}$")
