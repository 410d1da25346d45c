"""Kiwi tokens regrouped into words (eojeol) and noun phrases.

A word is a whitespace-delimited unit split further at commas and middle dots;
its nominal head (``noun``) is what entities are built from, and the particles
after it (``josa``) give the grammatical role the party rules read.
Parenthesised text right after a noun stays with that word (``paren``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NOMINAL = frozenset({"NNP", "NNG", "SL", "SH", "SN", "XPN", "XSN", "NR"})
PROPER = frozenset({"NNP", "SL", "SH"})
_SEPARATORS = frozenset({",", "·", "ㆍ", "、", "/"})
_OPEN, _CLOSE = "([", ")]"
QUOTES = "‘’“”'\"「」『』"
LIST_BULLETS = "▲△"  # the marks before each item of a list inside a sentence (▲A-B 협력 ▲C-D …)
_LATIN_AMP = re.compile(r"[A-Za-z]&[A-Za-z]")
AND_JOSA = frozenset({"와", "과"})  # A와 B, A과 B: the particle that joins two nouns (or a partner)
HANGUL_WORD = re.compile(r"^[가-힣]+$")
APPOSITIVE = [("이", "VCP"), ("ᆫ", "ETM")]  # 기업인, 대표인 (기업/NNG 이/VCP ᆫ/ETM): "which is a …"
_CREDIT_CLOSE = "]】"  # [가람일보 홍길동 기자]미르대학교: a credit glued to the next word
PLACE_ENDS = "성시도군주현구"  # one-syllable administrative endings
_JOSA_ENDS = "과와은는이가을를의에도"


@dataclass(slots=True)
class Word:
    start: int
    end: int
    noun: str = ""
    noun_start: int = 0
    noun_end: int = 0
    proper: bool = False  # the noun holds a proper noun, Latin/Hanja or an unknown word
    josa: str = ""  # particles after the noun, joined
    rest: list = field(default_factory=list)  # (form, tag) of every token after the noun
    paren: str = ""  # text inside parentheses right after the noun
    legal: bool = False  # written with a (주)/㈜ or (사)/(재) marker
    sep: str = ""  # ',' or '·' when the word ends a list item
    pieces: int = 0  # one-syllable common nouns in the noun: Kiwi cut an unknown name (청+솔+바이오)
    sent: int = 0
    parts: int = 0  # Kiwi tokens in the noun
    last_start: int = 0  # where the noun's last token starts (윤한빛|회장)
    former: bool = False  # written after 전/현 "former/current" (홍길동 전 대표): a name ends before it


_LEGAL_MARKS = ("(주)", "㈜", "(株)", "(사)", "(재)", "(사단법인)", "(재단법인)")  # a company, an association, a foundation
_LEGAL_MARK_RE = re.compile("|".join(map(re.escape, _LEGAL_MARKS)))  # marks cannot overlap


def legal_marks(text: str) -> dict[int, int]:
    """Start -> end of every (주)/㈜ marker: one regex pass instead of a test per token."""
    return {m.start(): m.end() for m in _LEGAL_MARK_RE.finditer(text)}


_HYPHEN = [("-", "SO")]
_LEADING_MARKS = frozenset({"SW", "SO"})  # bullets (▲, ■, ※, -) glued to the word they introduce
_TRAILING_NNB = frozenset({"등", "측"})  # bound nouns written apart whose particle belongs to the noun before
_PAIR_NOUNS = frozenset({"간", "사이"})
_FORMER = frozenset({"전", "현"})  # A와 B 간: marks B as the second party


def sentences(tokens: list) -> tuple[list[int], list[tuple[int, int]]]:
    """Kiwi's sentences, cut again at line breaks (headlines and captions have no full stop):
    the sentence index of every token, and (start, end) of every sentence.

    Tokens here and in ``build_words`` are ``analyzer.TOKEN_FIELDS`` tuples."""
    ids: list[int] = []
    spans: list[tuple[int, int]] = []
    add_id = ids.append  # (once per token: the bound method is looked up once)
    key_line = key_position = None  # (two names, not a tuple built for every token)
    first = 0
    n = -1
    last_end = 0
    for _, _, start, end, _, line, sent_position in tokens:
        if line != key_line or sent_position != key_position:
            if n >= 0:
                spans.append((first, last_end))
            key_line, key_position = line, sent_position
            first = start
            n += 1
        last_end = end
        add_id(n)
    if n >= 0:
        spans.append((first, last_end))
    return ids, spans


def build_words(text: str, tokens: list, sent_ids: list[int], title_end: int = 0,
                pairs: frozenset[int] = frozenset()) -> list[Word]:
    """Words of ``text``; in the headline (``text[:title_end]``) and at the offsets ``pairs`` (the
    hyphens of "A-B 투자협약 체결식이" in the body) a hyphen between two names separates them
    (청주시-SK하이닉스, 투자협약 체결); elsewhere it belongs to one name (중국-이스라엘 혁신단지)."""
    words: list[Word] = []
    legal_until = -1
    pending_legal = former = False
    cur: Word | None = None
    depth = 0
    paren_start = 0
    last_end = -1
    legal_at = legal_marks(text)
    nominal, proper = NOMINAL, PROPER
    for (form, tag, start, end, oov, _, _), sent in zip(tokens, sent_ids):
        if tag == "NNG" and form == "사이":
            tag = "NNB"  # A와 B 사이에: the pair noun, as Kiwi tags 간 (B's particle comes after it)
        if start < legal_until:
            continue
        if start in legal_at:
            legal_until = legal_at[start]
            if cur is not None and cur.noun and last_end == start:
                cur.legal = True
            else:
                pending_legal = True
                cur = None  # (주)두산: the marker opens a new word
            last_end = legal_until
            continue
        if depth:
            if tag == "SSO" and form in _OPEN:
                depth += 1
            elif tag == "SSC" and form in _CLOSE:
                depth -= 1
                if not depth and cur is not None:
                    cur.paren = text[paren_start:start].strip()
                    cur.end = end
            last_end = end
            continue
        gap = start > last_end >= 0 and text[last_end:start].isspace()
        paired = False
        if gap:  # (the first three cases need whitespace before the token, the fourth needs none)
            if (tag == "MM" and form in _FORMER and cur is not None and cur.noun and not cur.rest
                    and not cur.sep and text[end:end + 1] == " "):
                former = True  # 홍길동 전 대통령: the phrase goes on; the next word is marked
                last_end = end
                continue
            if tag == "NNB" and form in _TRAILING_NNB and cur is not None and cur.noun and not cur.rest:
                # "A, B 등과": the particle after 등 belongs to the list before it; "A 측은": to A
                cur.rest.append((form, tag))
                cur.end = end
                last_end = end
                continue
            if (tag == "SSO" and form == "(" and cur is not None and cur.noun and not cur.rest and not cur.sep
                    and not cur.paren and cur.sent == sent and not _aside(text, start)):
                depth = 1  # 누리바이오 (대표 김민준)와: parentheses written apart still belong to the noun
                paren_start = end
                last_end = end
                continue
        elif (cur is not None and cur.rest == _HYPHEN and not cur.josa and (
                tag in proper and len(cur.noun) == 1 or (start < title_end or start - 1 in pairs) and len(cur.noun) >= 2
                and (tag in proper or tag == "NNG" and cur.proper))):
            # 청주시-SK하이닉스, 포항시-에코프로 in a headline: a hyphen after a name joins a pair (the
            # second an unknown name); 한-베트남: a country's one-syllable short name before another
            cur.rest, cur.sep = [], "-"
            paired = True
        if cur is None or gap or cur.sep:
            # (positional arguments, then the fields that are set: keyword arguments cost as much
            # again as the rest of the call, once per word)
            cur = Word(start, end)
            cur.sent, cur.legal, cur.former, cur.proper = sent, pending_legal, former, paired
            pending_legal = former = False
            words.append(cur)
        cur.end = end
        last_end = end
        if not cur.noun and not cur.rest and (tag in _LEADING_MARKS or tag == "SSO" and (
                form not in _OPEN or form == "(" and _aside(text, start))):
            # “장쑤성, ▲가람전자, ■서울시: an opening quote or a bullet is not part of the word; "▲A ▲B와":
            # a bullet ends the list item before it; "현장. (가람시 제공)": a caption's credit is read
            if tag == "SW" and len(words) > 1 and words[-2].noun and not words[-2].sep and not words[-2].rest \
                    and words[-2].sent == sent:
                words[-2].sep = ","
            continue
        if tag == "SSO" and form in _OPEN and cur.noun and (not cur.rest or cur.rest[-1][1] != "SO"):
            # (중국--(가람와이어)--: not parentheses about the noun)
            depth = 1
            paren_start = end
            continue
        if not cur.rest and not cur.paren and (tag in nominal or tag == "NNB" and form == "대" and not gap and cur.noun
                                               and "가" <= cur.noun[-1] <= "힣"
                                               or form == "&" and not gap and cur.noun and _LATIN_AMP.match(text, start - 1)):
            # (가람대-하노이국립대: 가람/NNG 대/NNB, a university's short name read as a bound noun;
            # 텍사스A&M대학교, AT&T: an ampersand inside a name)
            if not cur.noun:
                cur.noun_start = start
            cur.noun_end = end
            cur.noun = text[cur.noun_start:end]
            cur.parts += 1
            cur.last_start = start
            if tag in proper or oov or tag == "NNB":  # (대/NNB: only a name takes it here)
                cur.proper = True
            elif tag == "NNG" and len(form) == 1:
                cur.pieces += 1
        elif cur.paren and not cur.rest and tag in nominal and cur.noun:
            # 꼰뚬(KONTUM)성: the noun continues after the parenthesis
            if len(form) == 2 and form[0] in PLACE_ENDS and form[1] in _JOSA_ENDS:
                cur.noun += form[0]  # 꼰뚬(KONTUM)성과: Kiwi reads 성과 (result) for 성 + 과
                cur.josa += form[1]
                cur.rest.append((form[1], "JKB"))
            else:
                cur.noun += form
        elif tag == "NNB" and form in _PAIR_NOUNS and cur.noun and not cur.rest:
            cur.josa += form
            cur.rest.append((form, tag))
        elif tag == "SSC" and form in QUOTES and cur.noun and not cur.rest and not cur.sep:
            pass  # ‘이항로’ 군수, ‘가람시’와: a closing quote after a name leaves the name's phrase open
        elif tag == "MM" and form == "이" and cur.noun and not cur.rest and not gap:
            cur.rest.append((form, "JKS"))  # 가온텍이 (가온/NNG 텍/NNG 이/MM): glued to the name, the particle
            cur.josa += form
        elif tag == "SP" and form in _SEPARATORS:
            cur.sep = form
        elif tag == "SSC" and form in _CREDIT_CLOSE:
            cur.rest.append((form, tag))  # closes the phrase
            cur = None  # the word after "]" is a new word even without a space
        else:
            cur.rest.append((form, tag))
            if tag.startswith("J"):
                cur.josa += form
    return words


def _aside(text: str, start: int) -> bool:
    """The parenthesis at ``start`` opens its own sentence or line ("현장. (가람시 제공)")."""
    before = text[max(0, start - 8):start]
    kept = before.rstrip()
    return (not kept and start < 8) or kept[-1:] in (".", "!", "?") or "\n" in before[len(kept):]


def phrases(words: list[Word]) -> list[tuple[int, list[Word]]]:
    """Runs of bare nouns closed by the first word carrying anything else, each with the
    index of its first word (a run is a slice of ``words``)."""
    out: list[tuple[int, list[Word]]] = []
    run: list[Word] = []
    first = 0
    for i, w in enumerate(words):
        if run and (w.sent != run[-1].sent or not w.noun):
            out.append((first, run))
            run = []
        if not w.noun:
            continue
        if not run:
            first = i
        run.append(w)
        if w.rest or w.sep or w.paren:
            out.append((first, run))
            run = []
    if run:
        out.append((first, run))
    return out
