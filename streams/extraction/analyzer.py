"""The Kiwi wrapper: one analyser per process, one batched ``tokenize`` call per batch."""

from __future__ import annotations

from typing import Iterable, Sequence

from . import rules

# Unseen foreign place names are tagged as common nouns unless Kiwi is told about them.
_PLACE_KINDS_AS_USER_WORDS = ("china", "vietnam", "us")
_PLACE_SCORE = 5.0


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
        for name, kind in data.places.items():
            if kind in _PLACE_KINDS_AS_USER_WORDS and not name.isascii():
                self._kiwi.add_user_word(name, "NNP", _PLACE_SCORE)

    def tokenize(self, texts: Sequence[str]) -> list[list]:
        """Tokens per text, from a single Kiwi call over the whole batch."""
        if not texts:
            return []
        return [list(tokens) for tokens in self._kiwi.tokenize(_nonempty(texts))]


def _nonempty(texts: Iterable[str]) -> list[str]:
    # Kiwi rejects nothing, but an empty string still costs a round trip; keep slots aligned.
    return [t if t else " " for t in texts]
