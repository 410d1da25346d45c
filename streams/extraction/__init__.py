"""Pure extraction: an article in, entities and agreements out.

No Faust, Kafka or Prometheus imports anywhere in this package: it runs offline
(``streams extract``, ``streams eval``) exactly as it runs inside a worker.

    extractor = Extractor(num_workers=1)        # loads Kiwi once
    results = extractor.extract_many(articles)  # one batched Kiwi call
"""

from __future__ import annotations

from typing import Sequence

from .agreements import AgreementFinder
from .analyzer import Analyzer
from .document import analyse, compose
from .grouping import group_entities
from .model import Agreement, Article, Entity, Extraction, Party
from .text import clean

EXTRACTOR_VERSION = "0.5.0"

__all__ = ["Agreement", "Article", "Entity", "Extraction", "Extractor", "Party", "EXTRACTOR_VERSION"]


class Extractor:
    """Holds the loaded analyser; build one per process (Kiwi with user words can't be pickled)."""

    def __init__(self, *, num_workers: int = 1) -> None:
        self.num_workers = num_workers
        self._analyzer = Analyzer(num_workers=num_workers)
        self._agreements = AgreementFinder()

    @property
    def analyzer(self) -> Analyzer:
        """The loaded Kiwi analyser (the bench times it alone)."""
        return self._analyzer

    def extract(self, article: Article) -> Extraction:
        return self.extract_many([article])[0]

    def extract_many(
        self, articles: Sequence[Article], *, return_exceptions: bool = False
    ) -> list[Extraction | Exception]:
        """Extract from a batch with one Kiwi call.

        With ``return_exceptions=True`` an article whose rules raise yields the
        exception in its slot instead of failing the whole batch.
        """
        texts = [compose(clean(a.title or ""), clean(a.body or "")) for a in articles]
        tokens = self._analyzer.tokenize([t for t, _ in texts])
        results: list[Extraction | Exception] = []
        for article, (text, title_end), toks in zip(articles, texts, tokens):
            try:
                results.append(self._extract_one(article, text, title_end, toks))
            except Exception as exc:
                if not return_exceptions:
                    raise
                results.append(exc)
        return results

    def _extract_one(self, article: Article, text: str, title_end: int, tokens: list) -> Extraction:
        doc = analyse(text, title_end, article.published_at, tokens)
        found = self._agreements.find(doc)  # may add organisations named only as parties
        entities, entity_of = group_entities(doc)
        agreements = []
        for f in found:
            parties = _dedupe_parties(_party(m, entity_of.get(id(m))) for m in f.parties)
            if len(parties) >= 2:
                agreements.append(Agreement(parties=tuple(parties), kind=f.kind, status=f.status,
                                            evidence=f.evidence, signed_on=f.signed_on, venue=f.venue,
                                            sectors=f.sectors))
        return Extraction(article_id=article.id, entities=tuple(entities), agreements=tuple(agreements))


def _party(mention, entity: Entity | None) -> Party:
    if entity is None:
        return Party(name=mention.name, type=mention.type, aliases=tuple(mention.aliases))
    return Party(name=entity.name, type=entity.type, aliases=entity.aliases)


def _dedupe_parties(parties) -> list[Party]:
    seen: dict[str, Party] = {}
    for p in parties:
        seen.setdefault(p.name, p)
    return list(seen.values())
