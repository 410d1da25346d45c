"""Signed and planned agreements: a trigger word with a signing verb, parties from particles.

Parties are read per noun phrase of the signing clause: ``A와 B가``, ``A는 B와``,
``A, B, C 등이``, ``A와 B 간``, ``협약을 체결한 기업은 X, Y, Z로``; a clause with
no subject inherits the last subject named before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rules
from .dates import announcement_date, last_date, signing_date
from .document import Document
from .entities import _NOT_ALIAS, Mention, classify, classify_name, list_item_name
from .words import Word

_WITH = ("와", "과", "하고")
_SUBJ = ("이", "가", "은", "는", "께서", "도", "에서는", "측은", "측이")
# "이 업무협약(MOU)은 … 체결된": the agreement is the topic, the verb may come much later
_TOPIC_AFTER = re.compile(r"(?:\([^)]{0,12}\))?[은는]\s")
# "… 체결했다고 밝혔다": the sentence reports an announcement; a carried-over date is not the signing's
_REPORTED = re.compile(r"다고\s*(?:\S+\s*){0,2}?(?:밝혔|공시|전했|발표|알렸)")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*년")
_COUNT = re.compile(r"^(?:\d+|두|세|네|다섯|여섯|일곱|여덟|여러)\s*(?:개|곳|개사)?$")
_GROUP_NOUNS = frozenset({"기업", "기관", "업체", "회사", "단체", "대학", "도시", "지자체", "국가", "개사", "곳", "사"})
_BOTH = re.compile(r"(?:두|양)\s?(?:회사|기업|기관|도시|단체|지역|사|측)(?:는|은|가|이|도)\s")
_EARLIER = re.compile(r"에\s*이어\s*(?:\S+\s*)?(?:\d+|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*번째")
_EACH = re.compile(r"각각|각기")
_N_DOCS = re.compile(r"(\d+)\s*건")
_PAREN_TAIL = re.compile(r"\(([^()]*)\)\s*$")
_ALSO = frozenset({"역시", "또한", "또"})
_SEPARATELY = re.compile(r"각각|각기|개별|\d+건")
_JOINT = re.compile(r"합동|다자간|\d자\s*간|이들은|공동으로")
_SIGNERS_AFTER = re.compile(r"(?:체결|맺|서명)[은한]\s*(?:기업|기관|업체|곳|단체|도시|국가|회사)[은는]")
_CLAUSE_END = frozenset({"고", "며", "으며", "면서", "지만", "는데", "ᆫ데"})
_KIND_PRIORITY = {"sister_city": 0, "loi": 1, "contract": 2, "agreement": 3, "mou": 4}
_FRIENDSHIP = re.compile(r"우호")
_PAST_ETM = frozenset({"ᆫ", "은"})
_QUOTED = re.compile(r"['‘“\"]")
# "X가 … 개막한 가운데": X is the subject of another predicate, not of the signing
_OTHER_CLAUSE = frozenset({"가운데", "후", "뒤", "이후", "다음", "때"})


@dataclass(slots=True)
class Slot:
    party: Mention
    role: str  # with, subj, list, pair (A와 B 간), other
    word: int  # index of the phrase's last word


@dataclass(slots=True)
class Found:
    parties: list[Mention]
    kind: str
    status: str
    evidence: str
    signed_on: str | None
    venue: str | None = None
    sectors: tuple = field(default_factory=tuple)
    headline: bool = False
    own_date: bool = True  # signed_on read from the evidence sentence itself, not carried over
    year: int | None = None  # a year named before the verb ("지난 2010년 … 체결한")
    copy: int = 0  # n-th of several documents the sentence reports between the same parties


def _role(w: Word, nxt: Word | None, triggers: re.Pattern) -> str:
    josa = w.josa
    if josa.endswith(("간", "사이")):
        return "pair"
    if w.sep and not josa:
        return "list"
    for particle in _WITH:
        if josa.startswith(particle) or josa.startswith("등" + particle):
            return "with"
    if josa in _SUBJ or josa.removeprefix("등") in _SUBJ:
        return "subj"
    if not josa and not w.rest and nxt is not None:
        if nxt.rest and nxt.rest[0][0] in _ALSO and not nxt.noun:
            return "subj"  # 코미팜 역시 조달청과 …
        if nxt.noun in ("간", "사이") or (not nxt.noun and nxt.rest and nxt.rest[0][0] in ("간", "사이")):
            return "pair"
        if triggers.match(nxt.noun):
            return "subj"  # headline style: 장가항시와 스맥 MOU 체결
    if not josa and any(f == "등" for f, _ in w.rest):
        return "list"
    return "other"


class AgreementFinder:
    def __init__(self) -> None:
        self.data = rules.load()
        self._people: list[Mention] = []  # PERSON mentions of the document being read
        self._adhoc_ok = False
        self._title_owner: dict[str, Mention] = {}

    def find(self, doc: Document) -> list[Found]:
        found: list[Found] = []
        self._people = [m for m in doc.mentions if m.type == "PERSON"]
        # "이 시장은": a bare title stands for the body of the person who holds it in the article
        bodies = {m.name: m for m in doc.mentions if m.type in ("ORG", "LOC")}
        self._title_owner = {}
        for p in self._people:
            if not p.title or not p.affiliation:
                continue
            aff = p.affiliation
            w = doc.words[p.last + 1] if p.last + 1 < len(doc.words) else None
            if aff not in bodies and w is not None and w.noun.startswith(aff) and len(w.noun) > len(aff):
                # 이재준 고양시장: the place fused with the title (고양 + 시장 → 고양시) is named too
                fused = aff + p.title[:1]
                name = fused if w.noun.startswith(fused) and classify_name(fused, self.data) == "L" else aff
                if classify_name(name, self.data) == "L":
                    place = Mention("LOC", name, w.noun_start, w.noun_start + len(name), w.sent, p.last + 1, p.last + 1)
                    doc.mentions.append(place)
                    bodies[aff] = place
            if aff in bodies:
                self._title_owner.setdefault(p.title, bodies[aff])
        topic: Mention | None = None
        context_date = None
        by_sentence: dict[int, list[list[Word]]] = {}
        for run in doc.phrases:
            by_sentence.setdefault(run[0].sent, []).append(run)
        for sent, (start, end) in enumerate(doc.sentences):
            sentence = doc.text[start:end]
            verb = self._verb(sentence)
            # unknown names become parties only in signing sentences
            self._adhoc_ok = verb is not None
            slots = self._slots(doc, by_sentence.get(sent, []))
            if verb is not None:
                new = self._agreements(doc, start, sentence, verb, slots, topic, context_date)
                if not new and found and _BOTH.search(sentence, 0, verb[0]):
                    # "두 회사는 2024년 … MOU를 맺은 바 있다": the two parties last named
                    new = self._agreements(doc, start, sentence, verb, [], None, context_date,
                                           parties=found[-1].parties)
                sectors = self._sectors(doc, sent)
                for f in new:
                    f.headline = start < doc.title_end
                    f.sectors = sectors
                found.extend(new)
            if start >= doc.title_end:
                context_date = last_date(sentence, doc.published) or context_date
            slots = [s for s in slots if s.party.type != "GROUP"]
            subj = [s.party for s in slots if s.role == "subj" and not s.party.adhoc]
            if subj:
                topic = subj[0]
            elif topic is None and slots and not slots[0].party.adhoc:
                topic = slots[0].party
        return _merge(found)

    def _sectors(self, doc: Document, sent: int) -> tuple[str, ...]:
        """Sectors named in the signing sentence or the sentence before or after it."""
        lo = doc.sentences[max(0, sent - 1)][0]
        hi = doc.sentences[min(len(doc.sentences) - 1, sent + 1)][1]
        window = doc.text[lo:hi]
        found: dict[str, int] = {}
        for surface, sector in self.data.sectors:
            at = _find_term(window, surface)
            if at >= 0 and (sector not in found or at < found[sector]):
                found[sector] = at
        return tuple(sorted(found, key=found.get))

    # -- slots ---------------------------------------------------------------------------------

    def _slots(self, doc: Document, runs: list[list[Word]]) -> list[Slot]:
        out = []
        for run in runs:
            first = _index(doc, run[0])
            last = first + len(run) - 1
            party = self._head(doc, first, last)
            if party is None and run[-1].paren and (", " in run[-1].paren or "," in run[-1].paren):
                nxt = doc.words[last + 1] if last + 1 < len(doc.words) else None
                role = _role(run[-1], nxt, self.data.trigger_re)
                items = self._paren_items(doc, run[-1], last) if role in ("with", "subj") else []
                for n, item in enumerate(items):  # "국립기관(A, B(C), D)과": the listed bodies sign
                    out.append(Slot(item, role if n == len(items) - 1 else "list", last))
                if items:
                    continue
            if party is None:
                role = _counted_group(doc, run)
                if role:  # "A, B, C 등 3개 기업과": the count closes the list before it
                    w = run[-1]
                    out.append(Slot(Mention("GROUP", w.noun, w.noun_start, w.noun_end, w.sent, last, last), role, last))
                continue
            nxt = doc.words[last + 1] if last + 1 < len(doc.words) else None
            out.append(Slot(party, _role(run[-1], nxt, self.data.trigger_re), last))
        for a, b in zip(out, out[1:]):
            if a.role == "subj" and _predicate_between(doc, a.word + 1, b.word):
                a.role = "other"
        return out

    def _paren_items(self, doc: Document, w: Word, index: int) -> list[Mention]:
        """Names listed inside the parentheses after a generic noun, as organisations or places."""
        base = doc.text.find(w.paren, w.noun_end)
        if base < 0:
            return []
        items: list[Mention] = []
        depth, begin = 0, 0
        text = w.paren + ","
        for i, ch in enumerate(text):
            if ch in "([":
                depth += 1
            elif ch in ")]":
                depth -= 1
            elif ch == "," and depth == 0:
                raw = text[begin:i]
                name = _PAREN_TAIL.sub("", raw).strip()
                if name and 2 <= len(name) <= 30 and not name[0].isdigit():
                    offset = base + begin + (len(raw) - len(raw.lstrip()))
                    alias = _PAREN_TAIL.search(raw)
                    type_ = "LOC" if name in self.data.places else "ORG"
                    m = Mention(type_, name, offset, offset + len(name), w.sent, index, index,
                                [alias.group(1).strip()] if alias else [])
                    m.adhoc = True
                    doc.mentions.append(m)
                    items.append(m)
                begin = i + 1
        return items if len(items) >= 2 else []

    @staticmethod
    def _genitive_owner(doc: Document, first: int, sent: int) -> Mention | None:
        """The body named with 의 right before a person or title (풀러턴시의 … 부시장)."""
        if first == 0 or doc.words[first - 1].josa != "의" or doc.words[first - 1].sent != sent:
            return None
        owner = doc.mention_at.get(first - 1)
        return owner if owner is not None and owner.type in ("ORG", "LOC") else None

    def _head(self, doc: Document, first: int, last: int) -> Mention | None:
        m = doc.mention_at.get(last)
        if m is not None and m.type in ("ORG", "LOC") and m.first >= first:
            return m
        if m is not None and m.type == "PERSON" and m.start < doc.words[last].noun_end:
            return None  # (a person named in parentheses after the party does not hide it)
        for p in self._people:
            if first <= p.first <= last and p.start < doc.words[p.first].noun_end:
                # 조유 장가항시 부시장과: the person stands for the body named in their title
                aff = [x for x in doc.mentions if x.type in ("ORG", "LOC") and p.last < x.first and x.last < last + 1]
                return aff[-1] if aff else self._genitive_owner(doc, first, p.sent)
        w = doc.words[last]
        if not self._adhoc_ok:
            return None
        if classify(w, self.data) == "T":
            # 하이난성장과: a person's title, not a party name; 풀러턴시의 프레드정 부시장과: the genitive body;
            # 이 시장은: the body of the mayor named earlier
            owner = self._genitive_owner(doc, first, w.sent)
            if owner is None and first == last and w.josa in _SUBJ:
                owner = self._title_owner.get(w.noun)
            return owner
        if (not w.proper or w.noun.isdigit() or self.data.trigger_re.fullmatch(w.noun)
                or (w.noun.isascii() and len(w.noun) < 2) or _QUOTED.match(doc.text, max(0, w.noun_start - 1))):
            return None
        # an unknown proper noun in a party slot is an organisation (스맥, 두산, 뉴욕 크리츠)
        k = last
        if k > first and classify(doc.words[k - 1], self.data) == "L" and doc.words[k - 1].proper:
            k -= 1
        name = " ".join([*(doc.words[i].noun for i in range(k, last)), list_item_name(w)])
        adhoc = Mention("ORG", name, doc.words[k].noun_start, w.noun_end, w.sent, k, last,
                        [w.paren] if w.paren and not _NOT_ALIAS.match(w.paren) else [])
        adhoc.adhoc = True
        doc.mentions.append(adhoc)
        doc.mention_at[last] = adhoc
        return adhoc

    # -- signing clause ------------------------------------------------------------------------

    def _verb(self, sentence: str) -> tuple[int, int, str] | None:
        """(start, end) of the signing verb and the kind of the trigger word before it."""
        triggers = list(self.data.trigger_re.finditer(sentence))
        if not triggers:
            return None
        for v in self.data.signing_re.finditer(sentence):
            near = [t for t in triggers if t.end() <= v.start() and (
                v.start() - t.end() <= 40 or _TOPIC_AFTER.match(sentence, t.end()))]
            if not near:
                near = [t for t in triggers if t.start() >= v.end() and t.start() - v.end() <= 6]
            if not near:
                continue
            last = near[-1] if near[-1].end() <= v.start() else near[0]
            compound = [t for t in near if abs(t.end() - last.end()) <= 10 and t.end() <= last.end()] or [last]
            kind = min((self.data.triggers[t.group(0)] for t in compound), key=_KIND_PRIORITY.get)
            return v.start(), v.end(), kind
        return None

    def _status(self, doc: Document, start: int, verb_start: int, verb_end: int, sentence: str) -> str:
        if self.data.planned_re.search(sentence, max(0, verb_start - 2), verb_end + 30):
            return "planned"
        if start < doc.title_end:
            return "signed"  # headlines drop tense: "MOU 체결"
        tags = []
        for w in doc.words:
            if w.end <= start + verb_start or w.start >= start + len(sentence):
                continue
            tags.extend(w.rest)
        first_etm = next((f for f, t in tags if t == "ETM"), None)
        if any(t == "EP" for _, t in tags) or first_etm in _PAST_ETM:
            return "signed"
        if any(t == "EF" for _, t in tags):
            return "planned"  # 체결하고 … 도모한다: still ahead
        return "signed"

    def _agreements(self, doc, start, sentence, verb, slots, topic, context_date, parties=None):
        verb_start, verb_end, kind = verb
        at = start + verb_start
        head = [s for s in slots if s.party.start < at]
        clause_from = _clause_start(doc, start, at)
        subj_before = [s for s in head if s.role == "subj" and s.party.start < clause_from]
        head = [s for s in head if s.party.start >= clause_from] or head
        frames = _frames(head)
        if frames and not frames[0][0] and subj_before:
            frames[0][0].append(subj_before[-1].party)
        status = self._status(doc, start, verb_start, verb_end, sentence)
        own_date = True
        date = signing_date(sentence, verb_start, doc.published, context_date)
        if status == "planned":
            date = None
        elif date is not None:
            date = date.isoformat()
        elif (not re.search(r"(?:19|20)\d\d\s*년", sentence[:verb_start]) and not announcement_date(sentence, verb_start)
              and not _REPORTED.search(sentence, verb_end)):
            date = context_date.isoformat() if context_date else None  # the event just reported
            own_date = False
        groups: list[list[Mention]] = []
        after = _SIGNERS_AFTER.search(sentence, verb_start)
        if after:
            partners = [s.party for s in slots if s.party.start >= start + after.end()]
            hub = next((s.party for s in head if s.role == "with"), None) or (
                frames[0][0][0] if frames and frames[0][0] else topic)
            if hub is not None:
                groups = [[hub, p] for p in partners if p.name != hub.name]
        if parties is not None:
            groups = [list(parties)]
        earlier = _EARLIER.search(sentence, 0, verb_start)
        if earlier and not groups:
            # "A는 B, C, D에 이어 N번째 자매결연을 맺었다": each of B, C, D is an earlier tie of A
            hub = next((s.party for s in head if s.role == "subj"), None) or topic
            listed = [s for s in head if s.party.end <= start + earlier.start() and s.party.start > (hub.start if hub else -1)]
            tail = [s.party for s in listed if s.role in ("list", "other")]
            if hub is not None and tail:
                groups = [[hub, p] for p in tail if p.name != hub.name]
                frames = [([hub], tail)]
        if not groups:
            separately = _SEPARATELY.search(sentence) and not _JOINT.search(sentence)
            for subj, with_ in frames:
                if not subj and topic is not None and with_:
                    subj = [topic]
                if separately and len(subj) == 1 and len(with_) > 1:
                    groups.extend([subj[0], p] for p in with_)
                elif separately and len(with_) == 1 and len(subj) > 1:
                    groups.extend([p, with_[0]] for p in subj)
                else:
                    groups.append(subj + with_)
        copies = 1
        if len(groups) == 1 and len(_unique(groups[0])) == 2 and _EACH.search(sentence):
            # "▲ A ▲ B에 대한 MOU를 X와 각각 체결": several documents between the same two parties
            bullets = sentence.count("▲", 0, verb_start)
            n = _N_DOCS.search(sentence, 0, verb_start)
            copies = max(bullets, int(n.group(1)) if n else 1, 1)
            copies = min(copies, 10)
        evidence = sentence.strip()
        venue = _venue(doc, start, at)
        out = []
        for g in groups:
            parties = _unique(g)
            if len(parties) < 2:
                continue
            k = kind
            if kind in ("mou", "agreement") and all(p.type == "LOC" for p in parties) and _FRIENDSHIP.search(
                    sentence, max(0, verb_start - 25), verb_start):
                k = "sister_city"  # 우호 교류 협정 between cities
            for copy in range(copies):
                out.append(Found(parties, k, status, evidence, date, venue, own_date=own_date,
                                 year=_year_before(sentence, verb_start), copy=copy))
        return out


def _index(doc: Document, word: Word) -> int:
    # words are ordered by start; bisect on the start offset
    lo, hi = 0, len(doc.words)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc.words[mid].start < word.start:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _predicate_between(doc: Document, lo: int, hi: int) -> bool:
    for i in range(lo, min(hi, len(doc.words) - 1)):
        w = doc.words[i]
        if any(t == "ETM" for _, t in w.rest) and doc.words[i + 1].noun in _OTHER_CLAUSE:
            return True
    return False


def _frames(slots: list[Slot]) -> list[tuple[list[Mention], list[Mention]]]:
    """(subjects, partners) per ``A는 B와`` frame; 각각 sentences can hold several."""
    frames: list[tuple[list[Mention], list[Mention]]] = [([], [])]
    pending: list[Mention] = []
    for s in slots:
        subj, with_ = frames[-1]
        if s.role == "list":
            pending.append(s.party)
        elif s.role == "with":
            with_.extend(pending + [s.party])
            pending = []
        elif s.role == "with_group":
            with_.extend(pending)
            pending = []
        elif s.role == "subj_group":
            if subj and with_:
                frames.append(([], []))
                subj, with_ = frames[-1]
            subj.extend(pending)
            pending = []
        elif s.role == "pair":
            # A와 B 간: exactly these two, whoever announces it
            partners = with_[-1:] if with_ else []
            frames[-1] = ([], partners + pending + [s.party]) if partners else (subj, with_ + pending + [s.party])
            pending = []
        elif s.role == "subj":
            if subj and with_:
                frames.append(([], []))
                subj, with_ = frames[-1]
            subj.extend(pending + [s.party])
            pending = []
        else:
            pending = []
    return [f for f in frames if f[0] or f[1]]


def _clause_start(doc: Document, start: int, at: int) -> int:
    """Offset after the last connective ending (…하고, …했으며) before the signing verb."""
    clause = start
    for w in doc.words:
        if w.start < start:
            continue
        if w.end >= at:
            break
        if any(t == "EC" and f in _CLAUSE_END for f, t in w.rest) and any(t in ("EP", "VV", "XSV") for _, t in w.rest):
            clause = w.end
    return clause


def _venue(doc: Document, start: int, at: int) -> str | None:
    venue = None
    for w in doc.words:
        if w.start < start:
            continue
        if w.end >= at:
            break
        if w.josa == "에서" and w.noun and not w.noun[0].isdigit():
            venue = w.noun
    return venue


def _unique(parties: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for m in parties:
        seen.setdefault(m.name, m)
    return list(seen.values())


def _merge(found: list[Found]) -> list[Found]:
    """One entry per (parties, kind, status); a headline summary of body agreements is dropped."""
    body_parties = {p.name for f in found if not f.headline for p in f.parties}
    found = [f for f in found if not f.headline or not all(p.name in body_parties for p in f.parties)]
    out: dict[tuple, Found] = {}
    for f in found:
        key = (frozenset(p.name for p in f.parties), f.kind, f.status, f.copy)
        prev = out.get(key)
        if prev is not None and f.year and f.year != (prev.year or (int(prev.signed_on[:4]) if prev.signed_on else None)):
            out.setdefault(key + (f.year,), f)  # an earlier tie between the same parties (2010년 협정)
        elif prev is None:
            out[key] = f
        elif prev.signed_on is None and f.signed_on is not None:
            out[key] = f
        elif prev.signed_on and f.signed_on and prev.signed_on != f.signed_on and f.own_date and not prev.own_date:
            out[key] = f  # the sentence that dates the signing itself wins over a carried-over date
    return list(out.values())


def _year_before(sentence: str, verb_start: int) -> int | None:
    years = _YEAR.findall(sentence, 0, verb_start)
    return int(years[-1]) if years else None


def _counted_group(doc: Document, run: list[Word]) -> str | None:
    """``등 3개 기업과`` → with_group, ``등 4개 기관은`` → subj_group; else None."""
    last = run[-1]
    noun = last.noun
    head = next((g for g in sorted(_GROUP_NOUNS, key=len, reverse=True) if noun.endswith(g)), None)
    if head is None:
        return None
    count = noun[: -len(head)].strip()
    if count:
        if not _COUNT.match(count):
            return None
    else:
        k = _index(doc, last)
        prev = doc.words[k - 1] if k > 0 else None
        if prev is None or prev.sent != last.sent or not _COUNT.match(doc.text[prev.start:prev.end]):
            return None
    josa = last.josa
    if josa.startswith(_WITH):
        return "with_group"
    if josa in _SUBJ:
        return "subj_group"
    return None


def _find_term(text: str, term: str) -> int:
    """Offset of ``term`` in ``text``; a Latin term must not be part of a longer Latin word."""
    at = text.find(term)
    if not term.isascii():
        return at
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(term)] if at + len(term) < len(text) else " "
        if not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum()):
            return at
        at = text.find(term, at + 1)
    return -1
