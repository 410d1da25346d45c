"""Kiwi's slips repaired before the entity rules run: particles written apart, names cut into
pieces or fused with their title, unknown company names cut at their ending."""

from __future__ import annotations

import re

from . import rules
from .entities import HANJA_NAME, classify, classify_name, place_prefix, typical_name
from .words import AND_JOSA, HANGUL_WORD, QUOTES, Word


def repair_words(words: list[Word], text: str, data: rules.Rules) -> list[Word]:
    """Kiwi slips: a particle written apart from its noun; 사와 (company marker + particle) read as a name; a particle 도 fused into an unknown name (한결테크도 → 한결테크 + 도),
    and an organisation whose name starts with a ·-joined compound (대·중소기업·농어업협력재단)."""
    out: list[Word] = []
    for w in words:
        if w.paren and _AGE.fullmatch(w.paren) and w.proper and not w.rest:
            w.paren = ""  # 박민수(55) 누리전자 대표: a person's age, no name in parentheses; the phrase goes on
        if not w.noun and len(w.rest) >= 5:
            _cut_name_with_hanzi(w, text)
        if w.parts == 2 and w.proper and not w.paren:
            name = _name_fused_with_title(w, data)
            if name is not None:
                out.append(name)  # (w is now the title alone)
        if not w.noun and w.rest and w.rest[0] == _FORMER:
            _title_read_as_former(w, text, data)
        if w.pieces or len(w.rest) >= 2:  # (the only words _unknown_company can change)
            _unknown_company(w, text, data)
        if out and w.pieces and not w.proper and _after_a_company_noun(out[-1], w, data):
            w.proper = True  # 개발사 하이롱과 (하이/NNG 롱/NNG): an unknown name cut into common nouns
        if (w.proper and w.noun.endswith("의") and len(w.noun) >= 3 and not w.rest and not w.paren
                and w.noun_end == w.end and w.noun not in data.places and classify_name(w.noun[:-1], data) == "L"):
            # 포항시의 협약 (포항시의/NNP): a known place with the genitive particle read as one name
            w.noun, w.noun_end, w.josa = w.noun[:-1], w.noun_end - 1, "의"
            w.rest = [("의", "JKG")]
        if (w.proper and w.noun.endswith("서") and len(w.noun) >= 3 and not w.rest and not w.paren
                and w.noun_end == w.end and w.noun not in data.places and _place_before_seo(w.noun[:-1], data)):
            # 베트남서 열린 (베트남서/NNP): a place with 서, the short form of the particle 에서, read as one name
            w.noun, w.noun_end, w.josa = w.noun[:-1], w.noun_end - 1, "서"
            w.rest = [("서", "JKB")]
        if w.rest and w.rest[0] == _COUNTY and w.proper and text.startswith("군", w.noun_end) and (
                text.startswith("군(", w.noun_end) if w.paren else text[w.noun_end + 1:w.end].rstrip(w.sep) == w.josa) \
                and not typical_name(w.noun, data):
            # 가람군은, 가람군(군수 김민준)은, 가람군, … (가람/NNP 군/NNB: Kiwi's honorific "군"): an unknown county
            w.noun += "군"
            w.noun_end += 1
            w.rest = w.rest[1:]
        if (out and out[-1].noun == _STATIONED and w.noun and not out[-1].rest and not out[-1].sep
                and not out[-1].paren and out[-1].sent == w.sent and text[out[-1].end:w.start] == " "
                and classify_name(w.noun, data) in "TO"):
            # 주한 미국대사, 주한 베트남대사관 (주한 "stationed in Korea" written apart): one word
            prev = out.pop()
            w.start, w.noun_start, w.noun = prev.start, prev.noun_start, text[prev.noun_start:w.noun_end]
            w.parts += prev.parts
            w.proper = True
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
        if (w.proper and len(noun) >= 4 and noun[-1] in "과와가" and not w.paren and not w.sep
                and all(t.startswith("J") for _, t in w.rest) and w.noun_end == w.end - len(w.josa)
                and (_fits_batchim(noun[-2], noun[-1]) and noun not in data.orgs
                     and (noun[:-1].endswith(data.company_forms) or data.title_re.search(noun[:-1]))
                     or _LATIN_END.match(noun[-2]))):
            # 다온화학과 300억원 (다온 + 화학과, a chemistry department), 한빛바이오와는, 미르바이오가 (one
            # unknown name), 나래시장과 (a mayor's fused title), Acme Corp.과 (과/NNG after a Latin word):
            # the company or the title and its particle
            w.noun, w.noun_end, w.josa = noun[:-1], w.noun_end - 1, noun[-1] + w.josa
            w.rest = [(noun[-1], "JKS" if noun[-1] == "가" else "JKB"), *w.rest]
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
        if (w.noun in _LEGAL_FORM_TAILS and out and out[-1].sep == "," and out[-1].noun.endswith("Co.")
                and out[-1].sent == w.sent and text[out[-1].end:w.start] == " "):
            # Sakura Co., Ltd.와: the comma belongs to the company's legal form, not to a list
            prev = out[-1]
            prev.noun, prev.noun_end, prev.end, prev.sep = text[prev.noun_start:w.noun_end], w.noun_end, w.end, ""
            prev.josa, prev.rest, prev.parts = w.josa, w.rest, prev.parts + w.parts
            continue
        out.append(w)
    return out


_LATIN_END = re.compile(r"[A-Za-z0-9.]")
_LEGAL_FORM_TAILS = frozenset({"Ltd.", "Ltd", "LTD.", "LTD", "Limited", "Inc.", "Inc", "LLC"})  # after "Co.,"


def _cut_name_with_hanzi(w: Word, text: str) -> None:
    """명난(孟楠) (명/NNB 난/NNG): a Hangul name that Kiwi cut into pieces, written with its Chinese
    characters in parentheses, is one proper noun."""
    n = next((i for i, (form, tag) in enumerate(w.rest) if tag == "SSO"), 0)
    if not 1 <= n <= 4 or n + 3 > len(w.rest) or w.rest[n][0] != "(" or w.rest[n + 1][1] != "SH" \
            or w.rest[n + 2][0] != ")" or any(tag not in _NAME_PIECES for _, tag in w.rest[:n]):
        return
    name = "".join(form for form, _ in w.rest[:n])
    gloss = w.rest[n + 1][0]
    if not _NAME_BEFORE_GLOSS.match(name) or not HANJA_NAME.match(gloss) \
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
    if (not typical_name(name, data) or title not in data.titles
            or title in data.common_noun_titles or name in data.orgs or name in data.places):
        return None
    head = Word(start=w.start, end=w.noun_start + cut, noun=name, noun_start=w.noun_start,
                noun_end=w.noun_start + cut, proper=True, sent=w.sent, parts=1, last_start=w.noun_start)
    w.start = w.noun_start = head.end
    w.noun, w.proper, w.parts = title, False, 1
    return head


_NAME_BEFORE_GLOSS = re.compile(r"^[가-힣]{2,4}$")


def names_cut_before_titles(words: list[Word], text: str, data: rules.Rules) -> None:
    """이항로 군수를 (이/MM 항로/NNG), 이구암 수석부회장 (이구/NNP 암/MM): a three-syllable word
    that starts with a family name, that Kiwi cut into pieces not all nouns, and that a title
    follows is a person's name."""
    for i in range(len(words) - 1):
        w = words[i]
        if not w.rest or w.end - w.start != 3 or w.paren or w.sep:
            continue
        name = text[w.start:w.end]
        nxt = words[i + 1]
        if (not typical_name(name, data) or nxt.sent != w.sent
                or nxt.start != w.end + 1 or nxt.noun_start != nxt.start):
            continue
        # (백승훈: 백/NR 승/NNB 후/NNG ᆫ/JX, the final consonant read as a particle)
        odd = [tag for form, tag in w.rest if tag not in _NAME_PIECES and form not in _FINAL_CONSONANTS]
        t = data.title_re.search(nxt.noun)
        after = words[i + 2] if i + 2 < len(words) else None
        if t is None and _employer_and_title(nxt, after, data) and all(tag == "JC" for tag in odd):
            # 한종희 삼성전자 부회장 (한/MM 종/NNG 희/NNG), 류하나 다온바이오텍 대표 (류하/NNP 나/JC); not
            # 선정은 미국 대통령이 (a topic particle ends its own phrase)
            pass
        elif odd:
            continue
        else:
            # 엄태영 시장이 (엄/XR 태/NNG 영/NNG): Kiwi reads an unknown name syllable by syllable
            syllables = len(w.noun) <= 1 and all(len(form) == 1 for form, _ in w.rest)
            if t is None or (nxt.noun[t.start():] in data.common_noun_titles and not syllables
                             and not place_prefix(nxt.noun[:t.start()], data)):
                continue  # (전세계 시장: 전/MM 세계/NNG; 박정민 구미시장 is a mayor)
            if not (nxt.rest or nxt.sep or (after is not None and after.proper and after.sent == w.sent)):
                continue  # the title ends its phrase or another name follows (not 전세계 대표 기업)
        w.noun, w.noun_start, w.noun_end, w.proper = name, w.start, w.end, True
        w.rest, w.josa, w.pieces = [], "", 0


_FINAL_CONSONANTS = frozenset("ᆫᆯᆷᆸᆼ")  # Kiwi's endings and particles that are a syllable's last sound


def _employer_and_title(employer: Word, title: Word | None, data: rules.Rules) -> bool:
    """A bare proper noun, then a title word that ends its phrase: 삼성전자 부회장과."""
    return (title is not None and employer.proper and not (employer.rest or employer.sep or employer.paren)
            and title.sent == employer.sent and title.start == employer.end + 1 and title.noun_start == title.start
            and title.noun in data.titles and title.noun not in data.common_noun_titles
            and bool(title.rest or title.sep))


_PARTICLES = frozenset({"", "와", "과", "는", "은", "의", "에", "에서", "을", "를", "이", "가", "도"})


def everyday_places_after_countries(words: list[Word], text: str, data: rules.Rules) -> None:
    """베트남 후에와 (후/NNG 에/JKB 와/JKB), 중국의 선전: after a country, a place whose name is also an everyday
    word (후에 "after") and that Kiwi cut as that word is the place."""
    for prev, w in zip(words, words[1:]):
        if (w.proper or w.paren or w.sep or (prev.rest and prev.josa != "의") or prev.sep or prev.sent != w.sent
                or data.places.get(prev.noun) != "country" or w.start != prev.end + 1):
            continue
        raw = text[w.start:w.end]
        name = next((p for p in data.everyday_places if raw.startswith(p) and raw[len(p):] in _PARTICLES), None)
        if name is None or data.places.get(name) == "country":
            continue
        josa = raw[len(name):]
        w.noun, w.noun_start, w.noun_end, w.last_start = name, w.start, w.start + len(name), w.start
        w.proper, w.josa, w.rest, w.pieces, w.parts = True, josa, [(josa, "JKB")] if josa else [], 0, 1


_GIVEN_NAME = re.compile(r"[가-힣]{1,2}")


def vietnamese_names(words: list[Word], text: str, data: rules.Rules) -> list[Word]:
    """팜 민 찐 총리 (찐: 찌/VV + ㄴ), 응우옌 홍 지엔 장관 (지엔: 지 + 에/JKB + ㄴ): Kiwi cuts short
    Vietnamese given names into anything. Written apart after a Vietnamese family name and before
    a title (or a country or a body, then a title), they make one name with it (quotes around the
    name are not part of it)."""
    out: list[Word] = []
    n = len(words)
    i = 0
    while i < n:
        w = words[i]
        out.append(w)
        i += 1
        if w.noun not in data.vietnamese_surnames or w.rest or w.sep or w.paren:
            continue
        j = i
        while (j < n and j - i < 3 and words[j].sent == w.sent and words[j].start == words[j - 1].end + 1
               and _GIVEN_NAME.fullmatch(_unquoted(text, words[j])[0]) and classify(words[j], data) not in "TLO"):
            j += 1
        if j == i or j == n or words[j].sent != w.sent or words[j].start != words[j - 1].end + 1 or not _titled(
                words, j, data):
            continue
        last = _unquoted(text, words[j - 1])[2]
        w.end = words[j - 1].end
        w.noun, w.noun_end, w.last_start = text[w.noun_start:last], last, words[j - 1].start
        w.proper, w.rest, w.josa, w.pieces, w.parts = True, [], "", 0, j - i + 1
        i = j
    return out


_STATIONED = "주한"
_FORMER = ("전", "MM")


def _title_read_as_former(w: Word, text: str, data: rules.Rules) -> None:
    """전무가 (전/MM 무가/NNG: "former" and a noun): a title starting with 전 and its particle."""
    raw = text[w.start:w.end].rstrip(w.sep)
    for n in range(len(raw) - 1, 1, -1):
        if raw[:n] in data.titles and raw[n:] in _PARTICLES:
            w.noun, w.noun_start, w.noun_end, w.last_start = raw[:n], w.start, w.start + n, w.start
            w.josa, w.rest, w.parts = raw[n:], [(raw[n:], "J")] if raw[n:] else [], 1
            return


def _place_before_seo(name: str, data: rules.Rules) -> bool:
    """A known place that 서 ("in") may follow; not a district, whose 서 is its police station (강남서)."""
    return classify_name(name, data) == "L" and data.places.get(name) != "district"


def _unquoted(text: str, w: Word) -> tuple[str, int, int]:
    """A word's text without the quotes around it, and where that starts and ends."""
    raw = text[w.start:w.end]
    start = w.start + len(raw) - len(raw.lstrip(QUOTES))
    end = w.end - (len(raw) - len(raw.rstrip(QUOTES)))
    return text[start:end], start, end


def _titled(words: list[Word], at: int, data: rules.Rules) -> bool:
    """A title starts at ``at``, or ends one of the next three words after a place or a body (베트남
    총리, 베트남 기획투자부 장관, 호찌민시 교통운수국장)."""
    for k in range(at, min(at + 3, len(words))):
        w = words[k]
        if w.sent != words[at].sent:
            return False
        if classify(w, data) == "T" or (w.noun and data.title_re.search(w.noun)):
            return True
        if w.rest or w.sep or classify(w, data) not in "LON":
            return False
    return False


_COUNTY = ("군", "NNB")
_PROVINCE_ENDINGS = ("남도", "북도", "자치도", "특별자치도")
_NAME_PIECES = frozenset({"VV", "VA", "MM", "MAG", "XSN", "XPN", "XR", "NNG", "NNP", "NR", "NNB", "IC"})  # Kiwi's cuts of an unknown name
_INNER_JOSA = frozenset({"JKB", "JKS", "JKO", "JX", "JC"})  # (not 의: 창의디자인산업 is 창+의+디자인)


def _unknown_company(w: Word, text: str, data: rules.Rules) -> None:
    """새별전자가 (새/MM 별/XSN 전자), 청솔바이오는 (청/솔/바이오), 가나다로문화촉진회 (가나다/NNG 로/JKB …):
    an unknown name that Kiwi cut into pieces before a company ending is one proper noun."""
    if w.noun and not w.proper and w.pieces and _company_ending(w.noun, data, 4, shortest=2):
        w.proper = True  # (not 시의회 "city council", 시/NNG 의회/NNG: a name has two syllables or more)
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


def _after_a_company_noun(prev: Word, w: Word, data: rules.Rules) -> bool:
    """``w`` is common nouns with a one-syllable piece, right after a noun for a company, and joined
    to a partner by 과/와 (not 중소기업 예비액이, 중소기업 수출축진을)."""
    return (w.josa in AND_JOSA and prev.noun.endswith(data.company_nouns) and not (prev.rest or prev.sep or prev.paren)
            and prev.sent == w.sent and not w.paren and 3 <= len(w.noun) <= 6 and HANGUL_WORD.match(w.noun) is not None)


_AGE = re.compile(r"[1-9]\d")


def _fits_batchim(syllable: str, particle: str) -> bool:
    """과 follows a syllable with a final consonant, 와 one without."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return False
    return (code % 28 != 0) == (particle == "과")


def _company_ending(noun: str, data: rules.Rules, longest: int, shortest: int = 1) -> bool:
    """``noun`` ends with an organisation suffix of two syllables or more after ``shortest`` to
    ``longest`` syllables (투자청's 청 is too short to tell a cut name)."""
    return noun.endswith(data.long_suffixes) and any(
        noun.endswith(suffix) and shortest <= len(noun) - len(suffix) <= longest for suffix in data.long_suffixes)


def _strong_org(noun: str, data: rules.Rules) -> bool:
    return any(noun.endswith(s) and strong and len(noun) > len(s) for s, strong in data.org_suffixes)
