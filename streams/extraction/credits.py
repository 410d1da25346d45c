"""Datelines, bylines and credits: the outlet, its city and the people credited
((서울=가람뉴스) 홍길동 기자, 가람일보에 따르면, 사진=홍길동)."""

from __future__ import annotations

import re

from . import rules
from .entities import HANJA_NAME, Mention, classify_name, typical_name
from .words import Word


_DATELINE = re.compile(r"[(\[【]\s*([가-힣]{2,6}(?: [가-힣]{2,6}){0,2})\s*=\s*([가-힣A-Za-z0-9]{2,12})\s*[)\]】]")
_BYLINE = re.compile(r"(?<![가-힣])([가-힣]{2,4})\s?(?:인턴\s?)?(?:기자|특파원)(?![가-힣])")
# 편집: 홍길동, 사진=홍길동, [홍길동 제작]: editors, translators and photo or graphics credits
_CREDIT = re.compile(r"(?:(?<![가-힣])(?:편집|편역|번역|정리|사진|영상|그래픽|촬영|취재)[ \t]*[:=][ \t]*"
                     r"([가-힣]{2,4}(?![가-힣])|[\u4e00-\u9fff]{2,4})|\[([가-힣]{2,4})[ \t]*제작\])")
# "… 참석했다. [홍길동]": the reporter's name in brackets, the article's last words
_SIGN_OFF = re.compile(r"\[([가-힣]{3})\]\s*\Z")
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


def credit_lines(text: str, words: list[Word], mentions: list[Mention], data: rules.Rules) -> None:
    """(서울=연합뉴스) 홍길동 기자 =: the outlet, its city and the reporter."""
    if not words:
        return
    for m in _DATELINE.finditer(text):
        cities, outlet = m.group(1).split(), m.group(2)  # (서울 로스앤젤레스=가람뉴스): one or more cities
        k = _word_at(words, m.start(2))
        sent = words[k].sent
        if all(city in data.places for city in cities) and not any(x.start == m.start(2) for x in mentions):
            mentions.append(Mention("ORG", outlet, m.start(2), m.end(2), sent, k, k))
            at = m.start(1)
            for city in cities:
                at = text.index(city, at)
                mentions.append(Mention("LOC", city, at, at + len(city), sent, k, k))
                at += len(city)
    _outlets(text, words, mentions, data)
    # (the byline scan tries a name at every Hangul syllable: skip it when no text can match)
    bylines = _BYLINE.finditer(text) if "기자" in text or "특파원" in text else ()
    credits = _CREDIT.finditer(text) if ":" in text or "=" in text or "제작]" in text else ()
    sign_off = _SIGN_OFF.search(text, max(0, len(text) - 12)) if text.rstrip().endswith("]") else None
    for m in (*bylines, *credits, *((sign_off,) if sign_off else ())):
        g = m.lastindex or 1  # (the group that matched)
        name = m.group(g)
        if not (name[0] in data.surnames or name[:2] in data.surnames or HANJA_NAME.match(name)) \
                or classify_name(name, data) in ("L", "O") and not (
                    m is sign_off and typical_name(name, data) and name[:-1] not in data.places):
            continue  # (사진=가람시: a photo credited to a city; [박용주] signs off, a name like a province's)
        s, e = m.start(g), m.end(g)
        if any(x.type == "PERSON" and x.start <= s < x.end for x in mentions):
            continue
        for x in [x for x in mentions if x.start < e and s < x.end]:
            mentions.remove(x)
        k = _word_at(words, s)
        mentions.append(Mention("PERSON", name, s, e, words[k].sent, k, k))
    if " / " in text:
        _interviewees(text, words, mentions, data)


# [인터뷰] 홍길동 / 가람시장 "…": a broadcast caption names the speaker, then their title
_INTERVIEWEE = re.compile(r"(?<![가-힣])([가-힣]{2,4}(?: [가-힣]{2,4})?) / ([가-힣A-Za-z0-9]+(?: [가-힣A-Za-z0-9]+){0,2})"
                          r"(?=[ \t]*(?:[\"“'‘\n]|$))", re.M)


def _interviewees(text: str, words: list[Word], mentions: list[Mention], data: rules.Rules) -> None:
    for m in _INTERVIEWEE.finditer(text):
        name, role = m.group(1), m.group(2)
        t = data.title_re.search(role)
        if t is None or not (name[0] in data.surnames or " " in name) or classify_name(name.split()[0], data) in "LO":
            continue
        s, e = m.start(1), m.end(1)
        for x in [x for x in mentions if x.start < e and s < x.end]:
            mentions.remove(x)
        k = _word_at(words, s)
        person = Mention("PERSON", name, s, e, words[k].sent, k, _word_at(words, e - 1))
        person.title = t.group(0)
        person.affiliation = role[:t.start()].strip() or None
        mentions.append(person)

