"""Undo the crawler's mojibake on CP949/EUC-KR pages.

The damage: an EUC-KR/CP949 page was decoded as UTF-8 wherever its bytes happened
to form valid UTF-8 and as Latin-1 elsewhere, and every 0xAD byte (the soft hyphen,
which is also the trail byte of 서, 강, 화, 열, 난 ...) was dropped.  ``체결`` arrives
as ``ü°á`` (C3 BC read as UTF-8 ``ü``), ``에서`` as ``¿¡¼``.  The crawler did not even
decode greedily (some valid UTF-8 pairs stayed Latin-1), so a plain
``encode('latin-1').decode('cp949')`` cannot work and no single decoding rule can.

The repair searches over every way each character could have been produced (its
Latin-1 byte, its UTF-8 bytes, its cp1252 byte, a lost 0xAD after any of those
bytes, or the character itself) and keeps the byte sequence whose CP949 decoding
is the most probable Korean text under a small character model: a syllable bigram
model for the 2,350 KS X 1001 syllables (the set EUC-KR covers, taken from the
codec itself), and fixed costs for everything a wrong alignment tends to produce
instead (UHC-only syllables, Hanja, rare symbols, undecodable bytes).  The bigram
matters: a lost 0xAD shifts the byte alignment, and the shifted reading is often
made of valid but odd syllables (``강화`` -> ``걷``), which unigram frequencies alone
cannot tell from the real text.  Tables: ``data/text_hangul_*`` (SOURCES.md).
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

__all__ = ["looks_mojibaked", "repair_mojibake"]

_DATA = Path(__file__).resolve().parent / "data"

# --- detection -----------------------------------------------------------------
# Characters a CP949 byte pair turns into: Latin-1 letters/symbols (NBSP and the soft
# hyphen excluded: 0xA0 never occurs in EUC-KR and 0xAD was dropped) and the 2-byte
# UTF-8 range U+0100-U+07FF.  Korean mojibake is long runs of them.
_MOJI = "\x80-\x9f\xa1-\xac\xae-\xff\u0100-\u07ff"
_PAIR_RE = re.compile(f"[{_MOJI}]{{2}}")
_RUN_RE = re.compile(f"[{_MOJI}]{{2,}}")
_LATIN1_RE = re.compile("[\x80-\xff]")
_SPACE_OR_ASCII_RE = re.compile(r"[\x00-\x7f\s]")


def looks_mojibaked(text: str) -> bool:
    """True when ``text`` reads like CP949 bytes shown as Latin-1/UTF-8 characters.

    Cheap on normal text: Korean, English or a few accented names contain no two
    adjacent characters from the mojibake alphabet, and the first regex search
    fails.  Cyrillic/Greek/Arabic words form runs too, so at least half of the run
    characters must be Latin-1.
    """
    if not isinstance(text, str) or _PAIR_RE.search(text) is None:
        return False
    runs = _RUN_RE.findall(text)
    total = sum(map(len, runs))
    if total < 8 or max(map(len, runs)) < 4:
        return False
    latin = sum(len(_LATIN1_RE.findall(r)) for r in runs)
    if latin * 2 < total:
        return False
    other = len(text) - len(_SPACE_OR_ASCII_RE.findall(text))
    return total * 10 >= other * 3


# --- the character model ---------------------------------------------------------
_BAD = 22.0  # an undecodable byte
_UHC_ONLY = 15.0  # Hangul outside KS X 1001: CP949 has them, real pages hardly use them
_HANJA = 13.0
_SYMBOL = 11.0
_COMMON_SYMBOL = 9.5
_PUNCTUATION = 6.5
_ASCII_WORD = 4.0
_ASCII_PUNCT = 6.0
_CONTROL = 16.0
_LITERAL_BMP = 12.0  # a char kept as is (it arrived decoded, e.g. U+2024)
_LITERAL_2BYTE = 16.0  # U+0100-U+07FF is nearly always two mojibake bytes
_LITERAL_HANGUL_EXTRA = 4.0
_CP1252_EXTRA = 1.0
_AD_COST = 0.5
_LAMBDA = 0.5  # bigram/unigram interpolation
_ALPHA = 0.5  # add-alpha smoothing of the unigram over the 2,350 syllables
_LEXICON_MASS = 3000.0  # weight of the lexicon unigram next to the news counts
_WORD_LIST_COUNT = 8.0  # bigram count credited per pair in text_hangul_words.txt
_BEAM = 30.0

# Symbols of the KS X 1001 rows that Korean news really uses.  Punctuation is about as
# frequent as a mid-frequency syllable; the rest is rare and must not beat a syllable
# the wrong reading would otherwise have to spell ('베이징' vs '베이∼').
_PUNCTUATIONS = frozenset("·‘’“”…ㆍ、。")
_COMMON_SYMBOLS = frozenset("〈〉《》「」『』【】▲△□■○●◆◇→←↑↓①②③④⑤⑥⑦⑧⑨⑩㈜㎡㎞㎏℃※～∼°±×÷")


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


class _Model:
    """CP949 pair table and the cost of each decoded character (-log probability)."""

    def __init__(self) -> None:
        self.pair: dict[int, str] = {}
        for lead in range(0x81, 0xFF):
            for trail in range(0x41, 0xFF):
                try:
                    ch = bytes((lead, trail)).decode("cp949")
                except UnicodeDecodeError:
                    continue
                if len(ch) == 1:
                    self.pair[(lead << 8) | trail] = ch
        ksx = []
        for lead in range(0xB0, 0xC9):
            for trail in range(0xA1, 0xFF):
                try:
                    ksx.append(bytes((lead, trail)).decode("euc_kr"))
                except UnicodeDecodeError:
                    pass
        self.ksx = frozenset(ksx)
        self.cp1252 = {}
        for b in range(0x80, 0xA0):
            try:
                self.cp1252[bytes((b,)).decode("cp1252")] = b
            except UnicodeDecodeError:
                pass

        news: dict[str, float] = {}
        lex: dict[str, float] = {}
        for line in _read_table("text_hangul_unigram.tsv"):
            syl, n, l = line.split("\t")
            news[syl] = float(n)
            lex[syl] = float(l)
        lex_total = sum(lex.values()) or 1.0
        counts = {s: news.get(s, 0.0) + lex.get(s, 0.0) * _LEXICON_MASS / lex_total for s in self.ksx}
        total = sum(counts.values()) + _ALPHA * len(self.ksx)
        self.p_uni = {s: (c + _ALPHA) / total for s, c in counts.items()}

        # The lexicon is mostly nouns and names; the word list adds the verb endings and
        # particles of news prose (올랐다, 밝혔으며, 에서는) that it lacks.
        following: dict[str, dict[str, float]] = {}
        for line in _read_table("text_hangul_bigram.tsv"):
            first, rest = line.split("\t")
            following[first] = {item[0]: float(2 ** int(item[1:])) for item in rest.split()}
        for line in _read_table("text_hangul_words.txt"):
            for word in line.split():
                for a, b in zip(word, word[1:]):
                    if a in self.ksx and b in self.ksx:
                        nxt = following.setdefault(a, {})
                        nxt[b] = nxt.get(b, 0.0) + _WORD_LIST_COUNT
        self.bigram = {a: {b: n / sum(nxt.values()) for b, n in nxt.items()} for a, nxt in following.items()}
        self._cost: dict[tuple[str | None, str], float] = {}
        self.readings: dict[str, tuple[tuple[bytes, float], ...]] = {}
        # (pending lead byte, character) -> every reading of it fed to the decoder; see _steps
        self.steps: dict[tuple[int, str], tuple[tuple, ...]] = {}

    def cost(self, prev: str | None, ch: str) -> float:
        key = (prev, ch)
        c = self._cost.get(key)
        if c is None:
            c = self._cost[key] = self._compute(prev, ch)
        return c

    def _compute(self, prev: str | None, ch: str) -> float:
        if _is_hangul(ch):
            if ch not in self.ksx:
                return _UHC_ONLY
            p = self.p_uni[ch]
            following = self.bigram.get(prev) if prev is not None else None
            if following is not None:
                p = _LAMBDA * following.get(ch, 0.0) + (1 - _LAMBDA) * p
            return -math.log(p)
        o = ord(ch)
        if o < 0x80:
            if ch.isalnum() or ch in " \n\t":
                return _ASCII_WORD
            return _ASCII_PUNCT if ch.isprintable() else _CONTROL
        if ch == "\ufffd":
            return _BAD
        if ch in _PUNCTUATIONS:
            return _PUNCTUATION
        if ch in _COMMON_SYMBOLS:
            return _COMMON_SYMBOL
        if unicodedata.category(ch) == "Lo":
            return _HANJA
        return _SYMBOL


def _read_table(name: str):
    with open(_DATA / name, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line


@lru_cache(maxsize=1)
def _model() -> _Model:
    # Built on first repair only: normal text never pays for the tables.
    return _Model()


# --- the search ------------------------------------------------------------------
def _readings(ch: str, m: _Model) -> tuple[tuple[bytes, float], ...]:
    """Byte sequences the crawler could have turned into ``ch``, with their extra cost."""
    o = ord(ch)
    if o < 0x80:
        return ((bytes((o,)), 0.0),)
    base = []
    if o <= 0xFF:
        base.append((bytes((o,)), 0.0))
    try:
        base.append((ch.encode("utf-8"), 0.0))
    except UnicodeEncodeError:  # lone surrogate
        pass
    if ch in m.cp1252:
        base.append((bytes((m.cp1252[ch],)), _CP1252_EXTRA))
    out = []
    # A dropped 0xAD may have sat after any of the bytes, even inside what then
    # decoded as one UTF-8 character (E2 BC [AD] B8 B8 -> '⼸' for '서만').
    for bs, extra in base:
        k = len(bs)
        for mask in range(1 << k):
            buf = bytearray()
            for j in range(k):
                buf.append(bs[j])
                if mask >> j & 1:
                    buf.append(0xAD)
            out.append((bytes(buf), extra + _AD_COST * bin(mask).count("1")))
    return tuple(out)


def _literal_cost(ch: str, m: _Model) -> float:
    if _is_hangul(ch):
        return m.cost(None, ch) + _LITERAL_HANGUL_EXTRA
    return _LITERAL_2BYTE if ord(ch) < 0x800 else _LITERAL_BMP


def _feed(m: _Model, state: int, bs: bytes):
    """Run bytes through a CP949 decoder that starts with ``state`` (a pending lead byte).

    Returns (new state, decoded text, first syllable, cost of the rest, new previous
    syllable, carries).  Only the first decoded syllable's cost depends on the syllable
    before the bytes, so it is left to the caller; that keeps this cacheable on
    (state, bytes) alone.  ``carries`` is True when nothing was decoded.
    """
    cost = 0.0
    out = []
    first = None
    prev = None
    for x in bs:
        if state:
            ch = m.pair.get((state << 8) | x)
            state = 0
            if ch is not None:
                if not out and _is_hangul(ch):
                    first = ch
                else:
                    cost += m.cost(prev, ch)
                out.append(ch)
                prev = ch if _is_hangul(ch) else None
                continue
            out.append("\ufffd")
            cost += _BAD
            prev = None
        if x < 0x80:
            ch = chr(x)
            cost += m.cost(None, ch)
            out.append(ch)
            prev = None
        elif 0x81 <= x <= 0xFE:
            state = x
        else:
            out.append("\ufffd")
            cost += _BAD
            prev = None
    return state, "".join(out), first, cost, prev, not out


# Bound of the model's step table: mojibake uses a few hundred characters, but a page
# of arbitrary text must not grow it without limit.
_MAX_STEPS = 100_000


def _steps(m: _Model, state: int, ch: str) -> tuple[tuple, ...]:
    """(extra, ns, out, first, cost, last, carries) per reading of ``ch`` after ``state``.

    Pure in (state, ch), so kept on the model across words and pages: the search
    then only adds costs.
    """
    key = (state, ch)
    steps = m.steps.get(key)
    if steps is None:
        rs = m.readings.get(ch)
        if rs is None:
            rs = m.readings[ch] = _readings(ch, m)
        if len(m.steps) >= _MAX_STEPS:
            m.steps.clear()
        steps = m.steps[key] = tuple((extra, *_feed(m, state, bs)) for bs, extra in rs)
    return steps


def _viterbi(text: str, m: _Model) -> str:
    # Search state: (pending CP949 lead byte or 0, previous syllable for the bigram).
    cost_of = m.cost
    costs = m._cost
    layer: dict[tuple[int, str | None], tuple[float, tuple | None]] = {(0, None): (0.0, None)}
    for ch in text:
        literal = _literal_cost(ch, m) if ord(ch) > 0xFF else None
        new: dict[tuple[int, str | None], tuple[float, tuple | None]] = {}
        for (state, prev), (cost, back) in layer.items():
            for extra, ns, out, first, c, last, carries in _steps(m, state, ch):
                total = cost + extra + c
                if first is not None:
                    fc = costs.get((prev, first))
                    total += fc if fc is not None else cost_of(prev, first)
                nkey = (ns, prev if carries else last)
                old = new.get(nkey)
                if old is None or total < old[0]:
                    new[nkey] = (total, (back, out))
            if literal is not None:
                total = cost + literal + (_BAD if state else 0.0)
                nkey = (0, ch if _is_hangul(ch) else None)
                old = new.get(nkey)
                if old is None or total < old[0]:
                    new[nkey] = (total, (back, ch))
        best = min(v[0] for v in new.values())
        layer = {k: v for k, v in new.items() if v[0] <= best + _BEAM}
    # A lead byte left pending at the end lost its trail (text cut mid-character): drop it.
    _, back = min(((c + (_BAD if st else 0.0), b) for (st, _), (c, b) in layer.items()), key=lambda t: t[0])
    parts = []
    while back is not None:
        back, out = back
        parts.append(out)
    return "".join(reversed(parts))


_NEEDS_REPAIR_RE = re.compile("[\x80-\u07ff]")
_SPLIT_RE = re.compile(r"([ \n]+)")


def _plausible(repaired: str, m: _Model) -> bool:
    """Reject a 'repair' that did not produce Korean (e.g. detection fired on Latin text)."""
    good = bad = 0
    for ch in repaired:
        if ch in m.ksx:
            good += 1
        elif ch == "\ufffd" or _is_hangul(ch) or "\u4e00" <= ch <= "\u9fff":
            bad += 1
    return good >= 4 and bad * 5 <= good


# Above this size a page is left as it is: the search costs about 20-50 µs per
# character, and a stalled worker is worse than one unreadable page.
_MAX_REPAIR_CHARS = 50_000
# Words repeat within a page and across the pages of a site; a longer piece rarely does.
_MAX_CACHED_WORD = 40


@lru_cache(maxsize=8192)
def _repair_word(word: str) -> str:
    return _viterbi(word, _model())


def repair_mojibake(text: str) -> str:
    """Undo CP949/EUC-KR pages decoded as UTF-8 where the bytes happened to be valid
    UTF-8 and as Latin-1 elsewhere, with 0xAD bytes dropped. Returns text unchanged when
    it is not mojibake."""
    if len(text) > _MAX_REPAIR_CHARS or not looks_mojibaked(text):
        return text
    try:
        m = _model()
        out = []
        # A space or newline is byte 0x20/0x0A whatever the reading, never part of a
        # CP949 character, and resets the bigram context: the words between them are
        # independent searches, and their repairs are kept (_repair_word).
        for piece in _SPLIT_RE.split(text):
            if _NEEDS_REPAIR_RE.search(piece) is None:
                out.append(piece)
            elif len(piece) <= _MAX_CACHED_WORD:
                out.append(_repair_word(piece))
            else:
                out.append(_viterbi(piece, m))
        repaired = "".join(out)
    except Exception:  # never let a repair failure lose the article
        return text
    return repaired if _plausible(repaired, m) else text
