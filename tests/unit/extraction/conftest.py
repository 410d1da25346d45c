import pytest

from streams.extraction import Article, Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(num_workers=1)


@pytest.fixture(scope="session")
def extract(extractor):
    def run(body: str, title: str = "", published_at: str | None = "2024-06-20"):
        return extractor.extract(Article(id="t", body=body, title=title, published_at=published_at))

    return run


@pytest.fixture(scope="session")
def signed():
    """The parties of each signed agreement of an extraction, as sorted name lists, sorted."""
    def parties(result):
        return sorted(sorted(p.name for p in a.parties) for a in result.agreements if a.status == "signed")

    return parties


@pytest.fixture(scope="session")
def signings():
    """The signed agreements of an extraction as sorted (kind, sorted party names, date, venue)."""
    def details(result):
        return sorted((a.kind, sorted(p.name for p in a.parties), a.signed_on, a.venue) for a in result.agreements
                      if a.status == "signed")

    return details


@pytest.fixture(scope="session")
def people():
    """The people of an extraction as (name, title, affiliation)."""
    def triples(result):
        return {(e.name, e.title, e.affiliation) for e in result.entities if e.type == "PERSON"}

    return triples


@pytest.fixture(scope="session")
def names():
    """The entity names of one type in an extraction (``names(result, "LOC")``)."""
    def of_type(result, kind):
        return {e.name for e in result.entities if e.type == kind}

    return of_type
