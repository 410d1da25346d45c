"""One analysed article: text, sentences, words and entity mentions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import rules
from .dates import parse_iso
from .entities import Mention, classify, list_item_name, mentions_in_phrase
from .words import Word, build_words, phrases, sentence_ids


@dataclass(slots=True)
class Document:
    text: str
    title_end: int  # text[:title_end] is the headline (0 when there is none)
    published: dt.date | None
    words: list[Word]
    sentences: list[tuple[int, int]]  # (start, end) per Kiwi sentence index
    mentions: list[Mention]
    mention_at: dict[int, Mention]  # last word index -> mention ending there (ORG/LOC wins over PERSON)
    phrases: list[list[Word]]


def compose(title: str, body: str) -> tuple[str, int]:
    """Headline and body as one text (one Kiwi pass); a body that repeats its headline keeps it once."""
    title = title.strip()
    body = body.strip()
    if not title or body.startswith(title):
        return body, 0
    return f"{title}\n{body}", len(title)


def analyse(text: str, title_end: int, published_at: str | None, tokens: list) -> Document:
    data = rules.load()
    ids = sentence_ids(tokens)
    words = build_words(text, tokens, ids)
    sentences: dict[int, list[int]] = {}
    for tok, sent in zip(tokens, ids):
        span = sentences.setdefault(sent, [tok.start, tok.start + tok.len])
        span[1] = tok.start + tok.len
    sent_list = [tuple(sentences[k]) for k in sorted(sentences)]
    mentions: list[Mention] = []
    index = 0
    runs = phrases(words)
    for run in runs:
        base = words.index(run[0], index)
        index = base
        mentions.extend(mentions_in_phrase(run, base, data))
    _promote_list_members(words, mentions, data)
    mention_at: dict[int, Mention] = {}
    for m in mentions:
        if m.last not in mention_at or mention_at[m.last].type == "PERSON" or m.type == "ORG":
            mention_at[m.last] = m
    return Document(text, title_end, parse_iso(published_at), words, sent_list, mentions, mention_at, runs)


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
