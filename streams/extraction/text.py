"""Cleaning of crawler-delivered titles and bodies (standard library only).

    clean(raw)            full cleaning, idempotent, never raises
    looks_mojibaked(s)    cheap test for CP949 pages mis-decoded by the crawler
    repair_mojibake(s)    undo that damage (see mojibake.py)

Everything downstream (sentence splitting, Kiwi, the agreement rules) reads the
output of ``clean``, so it must never lose an article sentence: junk is removed
only by whole-line rules that cannot match prose (exact chrome lines, weather
widgets, copyright/footer lines, comment-box texts), and the rule data lives in
``data/boilerplate_*.txt``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .mojibake import looks_mojibaked, repair_mojibake

__all__ = ["clean", "looks_mojibaked", "repair_mojibake"]

_DATA = Path(__file__).resolve().parent / "data"

# --- characters -------------------------------------------------------------------
_NEWLINES = {ord("\r"): "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n", 0x0B: "\n", 0x0C: "\n"}


def _char_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in list(range(0x00, 0x20)) + [0x7F] + list(range(0x80, 0xA0)):
        table[cp] = " "
    table[ord("\t")] = " "
    table[0x1680] = " "  # the one space character NFKC leaves alone
    table[ord("\n")] = "\n"
    # Invisible format characters: soft hyphen, zero-width space/joiners, bidi marks,
    # BOM.  Crawled text sprinkles them inside words, where they split Kiwi tokens.
    for cp in (0xAD, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2061,
               0x2062, 0x2063, 0x2064, 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB):
        table[cp] = None
    for cp in list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A)):
        table[cp] = None
    # Middle-dot look-alikes (대구‧경북, 한∙중) join list items like "·": one separator for Kiwi.
    for cp in (0x2027, 0x2219):
        table[cp] = "·"
    table.update(_NEWLINES)
    return table


_CHAR_TABLE = _char_table()
# str.translate looks every character up in a dict; a regex that visits only the rare
# characters to replace is several times faster on real articles.
_SPECIAL_CHARS_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CHAR_TABLE) if c != ord("\n")) + "]")


def _replace_special(s: str) -> str:
    if _SPECIAL_CHARS_RE.search(s) is None:
        return s
    return _SPECIAL_CHARS_RE.sub(lambda m: _CHAR_TABLE[ord(m.group())] or "", s)


def _nfkc(s: str) -> str:
    return s if unicodedata.is_normalized("NFKC", s) else unicodedata.normalize("NFKC", s)


# --- HTML -------------------------------------------------------------------------
# An unclosed comment ends at the end of its line: a stray '<!--' must not swallow the
# rest of the article.
_COMMENT_RE = re.compile(r"<!--(?:.*?-->|[^\n]*)", re.S)
_SCRIPT_RE = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_TAG_NAMES = (
    "a|abbr|article|aside|b|big|blockquote|body|br|caption|center|cite|code|col|colgroup|dd|del|"
    "details|dfn|div|dl|dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|"
    "iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|ol|option|p|picture|pre|q|s|"
    "samp|section|select|small|source|span|strike|strong|sub|summary|sup|table|tbody|td|"
    "textarea|tfoot|th|thead|time|title|tr|tt|u|ul|var|video|wbr|button|svg|path|script|style|noscript"
)
# A tag needs a known HTML name and either no attributes or attribute syntax: '<Korea
# Herald>' or '<최윤식 기자>' in prose are not tags.
_TAG_RE = re.compile(
    rf"</?(?:{_TAG_NAMES})(?:\s*/?|\s+[^<>]*=[^<>]*|\s+(?:hidden|disabled|checked|selected)\s*/?)>",
    re.I,
)
_BLOCK_TAG_RE = re.compile(r"^</?(?:br|p|div|li|tr|h[1-6]|table|ul|ol|dl|dd|dt|section|article|blockquote|hr|header|footer|figure|figcaption|pre|title)\b", re.I)
_CELL_TAG_RE = re.compile(r"^</?(?:td|th)\b", re.I)
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|&nbsp(?![A-Za-z0-9;])")


def _tag_repl(m: re.Match) -> str:
    t = m.group(0)
    if _BLOCK_TAG_RE.match(t):
        return "\n"
    if _CELL_TAG_RE.match(t):
        return " "
    return ""


def _entity_repl(m: re.Match) -> str:
    e = m.group(0)
    return html.unescape(e if e.endswith(";") else e + ";")


def _strip_html(s: str) -> str:
    # Every change shortens the text, so this terminates; a loop (not one pass) is
    # what makes '&amp;lt;b&amp;gt;' or '<<b>b>' come out the same on a second clean.
    for _ in range(100):
        before = s
        if "<" in s:
            s = _COMMENT_RE.sub("", s)
            s = _SCRIPT_RE.sub("", s)
            s = _TAG_RE.sub(_tag_repl, s)
        if "&" in s:
            s = _ENTITY_RE.sub(_entity_repl, s)
        if s == before:
            break
        s = _nfkc(_replace_special(s))
    return s


# --- markdown ---------------------------------------------------------------------
_MD_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]\n]+)\]\((?:https?://|mailto:|/)[^)\s]*\)")
_MD_AUTOLINK_RE = re.compile(r"<(?:mailto:)?((?:https?://|www\.)[^<>\s]+|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+)>")
_MD_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)([^\n]*?\S)\1")
_MD_ESCAPE_RE = re.compile(r"(?<!\\)\\([*_#|`>~\[\]()+.!-])")
_MD_HEADING_RE = re.compile(r"^#{1,6}[ \t]+", re.M)
_MD_TABLE_RULE_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$", re.M)
_MD_ROW_RE = re.compile(r"^[ \t]*\|(.*)$|^(.*\S)[ \t]*\|[ \t]*$", re.M)


def _row_repl(m: re.Match) -> str:
    body = m.group(1) if m.group(1) is not None else m.group(2)
    return body.strip().strip("|").replace("|", " ")


def _strip_markdown(s: str) -> str:
    if "](" in s:
        s = _MD_IMAGE_RE.sub("", s)
        s = _MD_LINK_RE.sub(r"\1", s)
    if "<" in s:
        s = _MD_AUTOLINK_RE.sub(r"\1", s)
    if "**" in s or "__" in s:
        s = _MD_BOLD_RE.sub(r"\2", s)
    if "\\" in s:
        s = _MD_ESCAPE_RE.sub(r"\1", s)
    if "#" in s:
        s = _MD_HEADING_RE.sub("", s)
    if "--" in s:
        s = _MD_TABLE_RULE_RE.sub("", s)
    if "|" in s:
        s = _MD_ROW_RE.sub(_row_repl, s)
    return s


# --- junk lines -------------------------------------------------------------------
_SPACES_RE = re.compile(r"[^\S\n]+")
# After the character table and NFKC the only horizontal whitespace left is ' '.
_SPACE_RUN_RE = re.compile(r" {2,}")
_BULLET_CHARS = frozenset(" •·∙ㆍ-–—*+▶▷►▸■□○●◆◇▲△▼▽※☞→>")
_BULLET_PREFIX_RE = re.compile(r"^[\s•·∙ㆍ\-–—*+▶▷►▸■□○●◆◇▲△▼▽※☞→>]+")


def _read_data(name: str):
    with open(_DATA / name, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield line


@lru_cache(maxsize=1)
def _rules():
    exact = frozenset(_chrome_key(_nfkc(line)) for line in _read_data("boilerplate_lines.txt"))
    kinds: dict[str, list[str]] = {"long": [], "drop": [], "short": [], "list": []}
    for line in _read_data("boilerplate_patterns.txt"):
        kind, _, rx = line.partition("\t")
        kinds[kind].append(rx)

    def merged(xs: list[str]) -> tuple[re.Pattern, re.Pattern]:
        # Anchored patterns are tried at position 0 only (match); the others are merged
        # into one search.  Inline flags such as (?i) are only allowed at the start of a
        # whole pattern, so they become scoped groups before merging.
        anchored, floating = [], []
        for x in xs:
            bare = x[4:] if x.startswith("(?i)") else x
            (anchored if bare.startswith("^") else floating).append(x)

        def one(ys: list[str]) -> re.Pattern:
            ys = [re.sub(r"^\(\?i\)(.*)$", r"(?i:\1)", y) for y in ys]
            return re.compile("|".join(f"(?:{y})" for y in ys)) if ys else re.compile(r"(?!)")

        return one(anchored), one(floating)

    return (
        exact,
        merged(kinds["long"]),
        merged(kinds["long"] + kinds["drop"]),
        merged(kinds["long"] + kinds["drop"] + kinds["short"]),
        merged(kinds["list"])[0],
    )


def _chrome_key(line: str) -> str:
    line = _SPACES_RE.sub(" ", line).strip()
    stripped = _BULLET_PREFIX_RE.sub("", line).strip()
    return (stripped or line).lower()


_LIST_ITEM_RE = re.compile(
    r"^[-–—•·∙ㆍ*▶▷►▸■□○●◆◇▲△※]|\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}\.?(?:\s?\d{1,2}:\d{2}(?::\d{2})?)?$"
)


# Every related-articles heading in boilerplate_patterns.txt contains one of these.
_HEAD_HINT_RE = re.compile("기사|뉴스|이슈")
_SENTENCE_END_RE = re.compile(r"다\.?[\"'”’)]*$")
_NOTICE_END_RE = re.compile(r"(?:금지|금|불허|제한)(?:합니다|됩니다|한다|된다)\.?[\"'”’)]*$")


@lru_cache(maxsize=32768)
def _is_junk(line: str) -> bool:
    # Cached: chrome lines repeat across the articles of a site, and clean()'s
    # verification pass sees every surviving line again.
    exact, long_re, drop_re, short_re, _ = _rules()
    n = len(line)
    if n <= 60 and _chrome_key(line) in exact:
        return True
    body = _BULLET_PREFIX_RE.sub("", line) if line[0] in _BULLET_CHARS else line
    if n <= 120 and _SENTENCE_END_RE.search(line[-12:]) and not _NOTICE_END_RE.search(line[-12:]):
        n = 121  # a sentence that mentions 무단 전재 is article text; a notice is not
    anchored, floating = long_re if n > 300 else short_re if n <= 120 else drop_re
    return anchored.match(body) is not None or floating.search(body) is not None


# A copyright notice ends the article: what a page prints after it (comment boxes, other
# articles' headlines) is dropped with it, once past the middle of the text.
_END_NOTICE_RE = re.compile(r"저작권자|무단\s?(?:전재|복제|배포)|재\s?배포\s?금지|(?i:all rights reserved)")


def _filter_lines(lines: list[str]) -> list[str]:
    head_re = _rules()[4]
    out: list[str] = []
    seen: set[str] = set()
    in_list = False
    half = sum(map(len, lines)) / 2
    read = 0
    for line in lines:
        read += len(line)
        if read > half and _END_NOTICE_RE.search(line) and _is_junk(line):
            break
        if in_list:
            if _LIST_ITEM_RE.search(line):
                continue
            in_list = False
        if len(line) <= 40 and _HEAD_HINT_RE.search(line) and head_re.match(_BULLET_PREFIX_RE.sub("", line).rstrip(" ◀◁<")):
            in_list = True
            continue
        if _is_junk(line):
            continue
        # Pages print the title, a caption or a whole block twice; the first copy stays.
        if len(line) >= 8:
            if line in seen:
                continue
            seen.add(line)
        out.append(line)
    return out


# --- hard line breaks inside sentences ---------------------------------------------
# A line may continue on the next one when it ends with a comma, a particle or a
# connective ending that cannot close a Korean sentence or headline.  Endings that
# also end common nouns (의 논의, 과 성과, 도 경기도, 서 각서, 가 증가, 이 차이, 고 광고,
# 한 방한) are left out on purpose: a headline glued to the first sentence is worse
# than a broadcast line left unjoined.
_CONT_END_RE = re.compile(
    r"(?:,|(?:^|[\s가-힣])(?:및|등|또는|그리고)"
    r"|(?:에서|에게|한테|부터|까지|보다|처럼|으로|하고|했고|되고|됐고|있고|없고|갖고|않고|받고|맺고|열고|이고|지고|"
    r"해서|어서|아서|면서|으며|하며|되며|이며|하여|되어|위해|통해|대해|따라|의해|관해|인해|함께|"
    r"위한|대한|관한|통한|따른|의한|향한|인한|있는|없는|하는|되는|했던|하던|지만|는데|은데))$"
)
# Case particles, checked against the final consonant of the syllable before them
# (을/은/과 follow a consonant, 를/는/와 a vowel, 로 a vowel or ㄹ), which keeps out
# nouns that merely end in the same syllable: 마을, 도로 is still a risk, 판로/경로 not.
_AFTER_CONSONANT = frozenset("을은")
_AFTER_VOWEL = frozenset("를는와")


def _ends_with_particle(line: str) -> bool:
    if len(line) < 2:
        return False
    last, before = line[-1], line[-2]
    if last in "에께며":
        return "\uac00" <= before <= "\ud7a3"
    if not ("\uac00" <= before <= "\ud7a3"):
        return False
    final = (ord(before) - 0xAC00) % 28
    if last in _AFTER_CONSONANT:
        return final != 0
    if last in _AFTER_VOWEL:
        return final == 0
    if last == "로":
        return final in (0, 8)  # no final consonant, or ㄹ
    return False


# Closes a sentence: terminal punctuation (optionally followed by closing quotes or
# brackets) or a sentence-final ending written without a period.
_TERMINAL_RE = re.compile(r"(?:[.!?。…]|[다요까죠])[\"'”’)\]>」』]*$")
# Starts a new item rather than continuing a sentence.
_ITEM_START_RE = re.compile(r"^(?:[-–—•·∙ㆍ*+▶▷►▸■□○●◆◇▲△▼▽※☞→\[<(〈《「『【#|]|\d{1,2}[.)]\s|\d{4}[.\-/])")
# The next line starts with a particle: the break fell inside a word ('업무협력\n을 해오던').
_PARTICLE_START_RE = re.compile(r"^(?:을|를|은|는|의|와|과|에|으로|에서|이다)(?=[\s,.]|$)")
_COUNTER_START_RE = re.compile(r"^(?:개|명|원|억|만|천|년|월|일|달러|건|곳|차례|차|번째|번|층|위|배|%)")


_CLOSED = frozenset(".!?。…\"'”’)]>」』")


def _join_lines(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and out[-1][-1] not in _CLOSED and not _ITEM_START_RE.match(line):
            prev = out[-1]
            tail = prev[-12:]
            if _PARTICLE_START_RE.match(line) and "\uac00" <= prev[-1] <= "\ud7a3":
                out[-1] = prev + line
                continue
            if prev[-1].isdigit() and _COUNTER_START_RE.match(line):
                out[-1] = prev + line
                continue
            if _CONT_END_RE.search(tail) or (_ends_with_particle(tail) and not _TERMINAL_RE.search(tail)):
                out[-1] = prev + " " + line
                continue
        out.append(line)
    return out


# --- the pipeline -----------------------------------------------------------------
# Hangul-jamo bullets of blog/press-release pages ('ᄋ김 사장은'; NFKC turns the
# compatibility jamo 'ㅇ' into this conjoining one): a line break, not a letter.
_JAMO_BULLET_RE = re.compile(r"(?:^|(?<=[\s.,]))\u110b(?![\u1100-\u11ff])\s*")


# Broadcast scripts wrap every sentence over several short lines, many of them ending
# in a bare noun that the rules above leave alone ('이차전지와 디스플레이 부품 산업' /
# '협력 협약을 맺었습니다.'). A run of short lines that only the last one closes is one
# sentence. The first line is left out (it is usually the headline), and so is a run of
# two lines that does not follow a short finished one (a headline over a first sentence).
_WRAP_MAX = 32


def _short_open(line: str) -> bool:
    """A short script line that ends in a Hangul word no sentence ends with."""
    return (len(line) <= _WRAP_MAX and not _ITEM_START_RE.match(line) and "\uac00" <= line[-1] <= "\ud7a3"
            and not _TERMINAL_RE.search(line))


def _short_close(line: str) -> bool:
    return len(line) <= _WRAP_MAX and not _ITEM_START_RE.match(line) and bool(_TERMINAL_RE.search(line))


def _join_wrapped(lines: list[str]) -> list[str]:
    out = lines[:1]
    i = 1
    while i < len(lines):
        j = i
        while j < len(lines) and _short_open(lines[j]):
            j += 1
        if i < j < len(lines) and _short_close(lines[j]) and (j > i + 1 or _short_close(lines[i - 1])):
            out.append(" ".join(lines[i:j + 1]))
            i = j + 1
        else:  # no run from any line before j closes either: each line is looked at once
            end = max(j, i + 1)
            out.extend(lines[i:end])
            i = end
    return out


def _pass(s: str) -> str:
    s = _replace_special(s)
    s = _nfkc(s)
    if "<" in s or "&" in s:
        s = _strip_html(s)
    s = _strip_markdown(s)
    if "\u110b" in s:
        s = _JAMO_BULLET_RE.sub("\n", s)
    if "  " in s:
        s = _SPACE_RUN_RE.sub(" ", s)
    lines = [ln.strip() for ln in s.split("\n")]
    lines = [ln for ln in lines if ln]
    lines = _filter_lines(lines)
    lines = _join_lines(_join_wrapped(lines))
    return _nfkc("\n".join(lines))


def clean(raw: str) -> str:
    """Full cleaning of a crawler-delivered title or body: mojibake repair when detected,
    Unicode NFKC, HTML tags/entities/markdown-table fragments removed, crawler junk lines
    removed (weather widgets, site menus, share buttons, comment boxes, copyright /
    '무단전재 및 재배포 금지' lines and, past the middle, what follows them, '관련기사' lists
    and what follows them, photo-viewer
    instructions, leaked template code, e-mail-only lines), whitespace normalised,
    hard line breaks inside sentences (broadcast scripts) joined. Never drops article
    sentences. Keeps line structure: paragraphs separated by '\\n'. Idempotent:
    clean(clean(x)) == clean(x). Never raises on any str."""
    if not isinstance(raw, str) or not raw:
        return ""
    try:
        out = _pass(repair_mojibake(raw))
        # One round is a fixpoint for ordinary pages.  The check round guards the
        # contract where a removal brings two lines or characters together that a rule
        # then reads differently, or where cleaning turns rejected mojibake into text
        # the repair accepts; both only ever shrink or repair the text, so it settles.
        for _ in range(6):
            again = _pass(repair_mojibake(out))
            if again == out:
                break
            out = again
        return out
    except Exception:  # the contract: never raise on a str
        try:
            return _nfkc(_replace_special(raw)).strip()
        except Exception:
            return raw
