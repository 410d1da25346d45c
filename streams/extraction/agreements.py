"""Signed and planned agreements: a trigger word with a signing verb, parties from particles.

Parties are read per noun phrase of the signing clause: ``A와 B가``, ``A는 B와``,
``A, B, C 등이``, ``A와 B 간``, ``협약을 체결한 기업은 X, Y, Z로``; a clause with
no subject inherits the last subject named before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rules
from .dates import last_date, signing_date
from .document import Document
from .entities import _NOT_ALIAS, Mention, classify, list_item_name
from .words import Word

_WITH = ("와", "과", "하고")
_SUBJ = ("이", "가", "은", "는", "께서", "도", "에서는", "측은", "측이")
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
        if nxt.noun in ("간", "사이"):
            return "pair"
        if triggers.match(nxt.noun):
            return "subj"  # headline style: 장가항시와 스맥 MOU 체결
    if not josa and any(f == "등" for f, _ in w.rest):
        return "list"
    return "other"


class AgreementFinder:
    def __init__(self) -> None:
        self.data = rules.load()

    def find(self, doc: Document) -> list[Found]:
        found: list[Found] = []
        topic: Mention | None = None
        context_date = None
        by_sentence: dict[int, list[list[Word]]] = {}
        for run in doc.phrases:
            by_sentence.setdefault(run[0].sent, []).append(run)
        for sent, (start, end) in enumerate(doc.sentences):
            sentence = doc.text[start:end]
            slots = self._slots(doc, by_sentence.get(sent, []))
            verb = self._verb(sentence)
            if verb is not None:
                new = self._agreements(doc, start, sentence, verb, slots, topic, context_date)
                for f in new:
                    f.headline = start < doc.title_end
                found.extend(new)
            if start >= doc.title_end:
                context_date = last_date(sentence, doc.published) or context_date
            subj = [s.party for s in slots if s.role == "subj" and not s.party.adhoc]
            if subj:
                topic = subj[0]
            elif topic is None and slots and not slots[0].party.adhoc:
                topic = slots[0].party
        return _merge(found)

    # -- slots ---------------------------------------------------------------------------------

    def _slots(self, doc: Document, runs: list[list[Word]]) -> list[Slot]:
        out = []
        for run in runs:
            first = _index(doc, run[0])
            last = first + len(run) - 1
            party = self._head(doc, first, last)
            if party is None:
                continue
            nxt = doc.words[last + 1] if last + 1 < len(doc.words) else None
            out.append(Slot(party, _role(run[-1], nxt, self.data.trigger_re), last))
        for a, b in zip(out, out[1:]):
            if a.role == "subj" and _predicate_between(doc, a.word + 1, b.word):
                a.role = "other"
        return out

    def _head(self, doc: Document, first: int, last: int) -> Mention | None:
        m = doc.mention_at.get(last)
        if m is not None and m.type in ("ORG", "LOC") and m.first >= first:
            return m
        if m is not None and m.type == "PERSON":
            return None
        for p in doc.mentions:
            if p.type == "PERSON" and first <= p.first <= last:
                # 조유 장가항시 부시장과: the person stands for the body named in their title
                aff = [x for x in doc.mentions if x.type in ("ORG", "LOC") and p.last < x.first and x.last < last + 1]
                return aff[-1] if aff else None
        w = doc.words[last]
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
            near = [t for t in triggers if t.end() <= v.start() and v.start() - t.end() <= 40]
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

    def _agreements(self, doc, start, sentence, verb, slots, topic, context_date):
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
        date = signing_date(sentence, verb_start, doc.published, context_date)
        if status == "planned":
            date = None
        elif date is not None:
            date = date.isoformat()
        elif not re.search(r"(?:19|20)\d\d\s*년", sentence[:verb_start]):
            date = context_date.isoformat() if context_date else None  # the event just reported
        groups: list[list[Mention]] = []
        after = _SIGNERS_AFTER.search(sentence, verb_start)
        if after:
            partners = [s.party for s in slots if s.party.start >= start + after.end()]
            hub = next((s.party for s in head if s.role == "with"), None) or (
                frames[0][0][0] if frames and frames[0][0] else topic)
            if hub is not None:
                groups = [[hub, p] for p in partners if p.name != hub.name]
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
            out.append(Found(parties, k, status, evidence, date, venue))
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
        key = (frozenset(p.name for p in f.parties), f.kind, f.status)
        prev = out.get(key)
        if prev is None:
            out[key] = f
        elif prev.signed_on is None and f.signed_on is not None:
            out[key] = f
        elif prev.signed_on and f.signed_on and prev.signed_on != f.signed_on:
            out[key + (f.signed_on,)] = f
    return list(out.values())
