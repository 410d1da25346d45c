"""Pure extraction: an article in, entities and agreements out.

No Faust, Kafka or Prometheus imports anywhere in this package: it runs offline
(``streams extract``, ``streams eval``) exactly as it runs inside a worker.

    extractor = Extractor(num_workers=1)        # loads Kiwi once
    results = extractor.extract_many(articles)  # one batched Kiwi call

Extraction has two stages that can run in different processes: ``Analyzer``
(clean the text, Kiwi; CPU-bound C++) and ``RuleExtractor`` (the rules, pure
Python), joined by plain-data ``Analysis`` values. ``Extractor`` runs both.
"""

from __future__ import annotations

from typing import Sequence

from . import rules
from .agreements import AgreementFinder, Found
from .analyzer import Analysis, Analyzer
from .document import analyse, headed_places
from .grouping import group_entities
from .keys import party_key
from .merging import one_per_key
from .model import Agreement, Article, Entity, Extraction, Party

EXTRACTOR_VERSION = "0.16.0"

__all__ = ["Agreement", "Analysis", "Analyzer", "Article", "Entity", "Extraction", "Extractor", "Party",
           "RuleExtractor", "EXTRACTOR_VERSION"]


class RuleExtractor:
    """Stage 2: entities and agreements from an ``Analysis``. Loads rule data, not Kiwi."""

    def __init__(self) -> None:
        self._agreements = AgreementFinder()
        self._data = rules.load()

    def extract_many(
        self, articles: Sequence[Article], analyses: Sequence[Analysis], *, return_exceptions: bool = False
    ) -> list[Extraction | Exception]:
        """With ``return_exceptions=True`` an article whose rules raise yields the
        exception in its slot instead of failing the whole batch."""
        results: list[Extraction | Exception] = []
        for article, analysis in zip(articles, analyses, strict=True):
            try:
                results.append(self.extract(article, analysis))
            except Exception as exc:
                if not return_exceptions:
                    raise
                results.append(exc)
        return results

    def extract(self, article: Article, analysis: Analysis) -> Extraction:
        doc = analyse(analysis.text, analysis.title_end, article.published_at, analysis.tokens)
        found = self._agreements.find(doc)  # may add organisations named only as parties
        headed_places(doc.mentions, self._data)
        entities, entity_of = group_entities(doc, frozenset(id(m) for f in found for m in f.parties))
        parties_of = {id(f): _dedupe_parties(_party(m, entity_of.get(id(m))) for m in f.parties) for f in found}
        # findings that name one agreement's parties differently (충남 and 충청남도, 사우디 아람코 and
        # 아람코) are one agreement once their names are the article's entities
        found = one_per_key([f for f in found if len(parties_of[id(f)]) >= 2], lambda f, kept: _same_signing(
            (frozenset(party_key(p.name, p.type) for p in parties_of[id(f)]), f.kind, f.status, f.copy), f, kept))
        agreements = tuple(Agreement(parties=tuple(parties_of[id(f)]), kind=f.kind, status=f.status,
                                     evidence=f.evidence, signed_on=f.signed_on, venue=f.venue, sectors=f.sectors)
                           for f in found)
        return Extraction(article_id=article.id, entities=tuple(entities), agreements=agreements)


class Extractor:
    """Both stages in one process; build one per process (Kiwi with user words can't be pickled)."""

    def __init__(self, *, num_workers: int = 1) -> None:
        self.num_workers = num_workers
        self.analyzer = Analyzer(num_workers=num_workers)
        self.rules = RuleExtractor()

    def extract(self, article: Article) -> Extraction:
        return self.extract_many([article])[0]

    def extract_many(
        self, articles: Sequence[Article], *, return_exceptions: bool = False
    ) -> list[Extraction | Exception]:
        """Extract from a batch with one Kiwi call (see ``RuleExtractor.extract_many``)."""
        return self.rules.extract_many(articles, self.analyzer.analyse(articles), return_exceptions=return_exceptions)


def _party(mention, entity: Entity | None) -> Party:
    if entity is None:
        return Party(name=mention.name, type=mention.type, aliases=tuple(mention.aliases))
    return Party(name=entity.name, type=entity.type, aliases=entity.aliases)


def _same_signing(key: tuple, f: Found, kept: dict[tuple, Found]) -> tuple:
    """``key``, unless the finding kept under it is of another day (two signings, not two names)."""
    prev = kept.get(key)
    return key + (f.signed_on,) if prev and prev.signed_on and f.signed_on and prev.signed_on != f.signed_on else key


def _dedupe_parties(parties) -> list[Party]:
    """One party per party key, as agreement ids count them: a place's short and full names are
    one party (경상북도 with 경북, the place of 이철우 경북도지사 who signed for it; 군산시 with 군산
    of 군산시장)."""
    seen: dict[str, Party] = {}
    for p in parties:
        seen.setdefault(party_key(p.name, p.type), p)
    return list(seen.values())
