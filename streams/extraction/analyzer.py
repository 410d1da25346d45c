"""Stage 1 of extraction, the Kiwi stage: clean the text and analyse it.

``Analyzer.analyse`` turns a batch of articles into ``Analysis`` values with one
batched Kiwi call. Its output is plain data (strings, ints and tuples), cheap to
pickle, so a worker runs this stage in a child process and the rules (stage 2, see
``streams.extraction.RuleExtractor``) in its own.

A token is a plain tuple, in this order (see ``TOKEN_FIELDS``)::

    (form, tag, start, end, oov, line_number, sent_position)

Kiwi's own ``Token`` objects build a new string on every attribute read and do
not pickle; tuples with interned tags are read fast and pickle small.
"""

from __future__ import annotations

import re

import sys
from typing import Iterable, NamedTuple, Sequence

from . import rules
from .document import compose
from .model import Article
from .text import clean
from .words import PLACE_ENDS

# Unseen foreign place names are tagged as common nouns unless Kiwi is told about them.
_PLACE_KINDS_AS_USER_WORDS = ("china", "vietnam", "us", "japan")
_PLACE_SCORE = 5.0
# enough to keep a known name whole (중진공은, not 중 + 진공), not to cut a longer word (카카오톡)
_ORG_SCORE = 0.0
# Hangul names, and Latin initials fused with Hangul (SK온: without it Kiwi read SK + 오/VV + ㄴ)
_USER_WORD_NAME = re.compile(r"[가-힣]{2,12}|[A-Z]{1,4}[가-힣]{1,12}")
_CITY_KINDS = ("china", "vietnam", "japan")  # a name without an ending there is a city's (싼야, 다낭)

TOKEN_FIELDS = ("form", "tag", "start", "end", "oov", "line_number", "sent_position")
Token = tuple[str, str, int, int, bool, int, int]


class Analysis(NamedTuple):
    """One article after stage 1: the text Kiwi read and its tokens."""

    text: str  # cleaned headline and body (see ``compose``)
    title_end: int  # text[:title_end] is the headline
    tokens: list[Token]


def text_of(article: Article) -> tuple[str, int]:
    """The text Kiwi reads for an article (cleaned headline and body) and its title end."""
    return compose(clean(article.title or ""), clean(article.body or ""))


class Analyzer:
    def __init__(self, *, num_workers: int = 1) -> None:
        try:
            from kiwipiepy import Kiwi
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ImportError("[E001] extraction needs the 'kiwipiepy' package") from exc
        self._kiwi = Kiwi(num_workers=num_workers)
        data = rules.load()
        for word, tag, score in data.user_words:
            self._kiwi.add_user_word(word, tag, score)
        for name in data.orgs:
            # 중진공은: without it Kiwi read 중 + 진공 (a vacuum); known names stay whole
            if _USER_WORD_NAME.fullmatch(name):
                self._kiwi.add_user_word(name, "NNP", _ORG_SCORE)
        for name, kind in data.places.items():
            if kind in _PLACE_KINDS_AS_USER_WORDS and not name.isascii():
                if name not in data.everyday_places:  # (후에 of "회의 후에" stays "after")
                    self._kiwi.add_user_word(name, "NNP", _PLACE_SCORE)
                if kind in _CITY_KINDS and name[-1] not in PLACE_ENDS and name + "성" not in data.places:
                    # 싼야 alone made Kiwi read 싼야시와 as 싼야 + 시와; the city written with 시 is a word too
                    self._kiwi.add_user_word(name + "시", "NNP", _PLACE_SCORE)

    def analyse(self, articles: Sequence[Article]) -> list[Analysis]:
        """Clean and analyse a batch of articles with a single Kiwi call."""
        composed = [text_of(a) for a in articles]
        tokens = self.tokenize([text for text, _ in composed])
        return [Analysis(text, title_end, toks) for (text, title_end), toks in zip(composed, tokens)]

    def tokenize(self, texts: Sequence[str]) -> list[list[Token]]:
        """Tokens per text, from a single Kiwi call over the whole batch."""
        intern = sys.intern
        return [
            [(t.form, intern(t.tag), t.start, t.end, t.oov, t.line_number, t.sent_position) for t in tokens]
            for tokens in self.kiwi_tokenize(texts)
        ]

    def kiwi_tokenize(self, texts: Sequence[str]) -> list[list]:
        """Kiwi's own tokens for a batch: Kiwi's cost alone (what ``streams bench`` times)."""
        if not texts:
            return []
        return [list(tokens) for tokens in self._kiwi.tokenize(_nonempty(texts))]


def _nonempty(texts: Iterable[str]) -> list[str]:
    # Kiwi rejects nothing, but an empty string still costs a round trip; keep slots aligned.
    return [t if t else " " for t in texts]
