"""Plain data types of the extraction package (no Faust, Kafka or Prometheus here)."""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("ORG", "PERSON", "LOC", "DATE", "MONEY")
AGREEMENT_KINDS = ("mou", "loi", "agreement", "contract", "sister_city")
STATUSES = ("signed", "planned")


@dataclass(frozen=True, slots=True)
class Article:
    """The part of an input article that extraction reads."""

    id: str
    body: str
    title: str = ""
    published_at: str | None = None  # ISO 8601 date or date-time; relative dates resolve against it
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    type: str  # one of ENTITY_TYPES
    name: str  # canonical surface form
    aliases: tuple[str, ...] = ()  # other surface forms in the same article
    count: int = 1  # mentions in the article
    title: str | None = None  # PERSON: job title ("부시장", "대표")
    affiliation: str | None = None  # PERSON: organisation or place the title belongs to
    value: str | None = None  # DATE: ISO date when resolvable; MONEY: normalised amount ("6.4e13 KRW")


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    type: str  # ORG, LOC or PERSON
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Agreement:
    parties: tuple[Party, ...]
    kind: str  # one of AGREEMENT_KINDS
    status: str  # one of STATUSES
    evidence: str  # sentence of the (cleaned) text that reports it
    signed_on: str | None = None  # ISO date
    venue: str | None = None
    sectors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    article_id: str
    entities: tuple[Entity, ...] = ()
    agreements: tuple[Agreement, ...] = field(default=())
