"""Who signs with whom in one sentence: each noun phrase's slot (its party and role, from its
particle: ``A와`` with, ``A는`` subject, ``A,`` list, ``A와 B 간`` pair), the frames the slots
make (``A는 B와``, ``A와 B는``, several per 각각 sentence), counted groups (``등 3개 기업과``)
and clause boundaries. ``agreements.AgreementFinder`` reads the parties and builds the slots.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import islice, takewhile
from operator import attrgetter

from . import rules
from .document import Document
from .entities import Mention
from .words import AND_JOSA, APPOSITIVE, Word

_WITH = ("와", "과", "하고")
SUBJ = ("이", "가", "은", "는", "께서", "도", "에서는", "측은", "측이")
_COUNT = re.compile(r"^(?:\d+|두|세|네|다섯|여섯|일곱|여덟|여러)\s*(?:개|곳|개사)?$")
_GROUP_NOUNS = frozenset({"기업", "기관", "업체", "회사", "단체", "대학", "도시", "지자체", "국가", "개사", "곳", "사",
                          "시", "군", "시군", "시도", "개국", "국", "공공기관", "연구기관", "자치단체"})
_PIECE = ("개", "NNB")  # the counter of 3개사
_GROUP_NOUNS_LONGEST_FIRST = tuple(sorted(_GROUP_NOUNS, key=len, reverse=True))
GROUP_ENDINGS = tuple(g for g in _GROUP_NOUNS if len(g) > 1)  # 교육도시, 협력기업: descriptions, not names
_VERB_TAGS = frozenset({"VV", "VA", "ETM", "EC", "EF"})
_COUNT_IN = re.compile(r"(\d+)\s*(?:개|곳)")
_NUMBER = re.compile(r"\d+")
_ALSO = frozenset({"역시", "또한", "또"})
_AND = frozenset({"및", "그리고"})
_INCLUDING = "비롯"  # 비롯해, 비롯한 "including" (Kiwi: 비롯/XR 하/XSV or 비롯하/VV)
_FOLLOWING = [("잇", "VV-I")]  # 이어, 이어서 (Kiwi: 잇/VV-I + 어/EC)
_CLAUSE_END = frozenset({"고", "며", "으며", "면서", "지만", "는데", "ᆫ데"})
# "X가 … 개막한 가운데": X is the subject of another predicate, not of the signing
_OTHER_CLAUSE = frozenset({"가운데", "후", "뒤", "이후", "다음", "때"})
# "…이 참석한 가운데", "…이 입회한 가운데": the words that introduce a signing's attendees
_ATTENDED = frozenset({"참석", "입회", "배석"})
_START = attrgetter("start")


@dataclass(slots=True)
class Slot:
    party: Mention
    role: str  # with, subj, list, pair (A와 B 간), other
    word: int  # index of the phrase's last word


def role_of(w: Word, nxt: Word | None, triggers: re.Pattern) -> str:
    josa = w.josa
    if josa.endswith(("간", "사이")) or (josa == "의" and nxt is not None and triggers.match(nxt.noun)):
        return "pair"  # A와 B 간 협약, A와 B의 협약
    if w.sep and not josa:
        return "list"
    if josa in ("을", "를") and nxt is not None and _including(nxt):
        return "list"  # "A를 비롯해 B, C 등 3개 기관이": A is one of them
    for particle in _WITH:
        if josa.startswith(particle) or josa.startswith("등" + particle):
            return "with"
    if josa in SUBJ or josa.removeprefix("등") in SUBJ:
        return "subj"
    if not josa and not w.rest and nxt is not None:
        if nxt.rest and nxt.rest[0][0] in _ALSO and not nxt.noun:
            return "subj"  # 코미팜 역시 조달청과 …
        if nxt.noun in ("간", "사이") or (not nxt.noun and nxt.rest and nxt.rest[0][0] in ("간", "사이")):
            return "pair"
        if triggers.match(nxt.noun):
            return "subj"  # headline style: 장가항시와 스맥 MOU 체결
        if not nxt.noun and nxt.rest and nxt.rest[0][0] in _AND:
            return "list"  # A 및 B가
    if not josa and any(f == "등" for f, _ in w.rest):
        return "list"
    return "other"


def _index(doc: Document, word: Word) -> int:
    # words are ordered by start; bisect on the start offset
    return bisect_left(doc.words, word.start, key=_START)


def mark_attendees(doc: Document, slots: list[Slot]) -> None:
    """"A 지사와 B사 대표 등이 참석한 가운데 … 협약을 체결했다": the attendees' bodies sign with
    the subject; they are partners, not the subject of a second frame. When the partner is
    named after them (… 참석한 가운데 C와 협약을 체결), they are only guests."""
    for n, s in enumerate(slots):
        nxt = s.word + 1
        if s.role != "subj" or nxt >= len(doc.words) or doc.words[nxt].noun not in _ATTENDED:
            continue
        k = n
        while k > 0 and slots[k - 1].role in ("with", "list") and slots[k - 1].party.sent == s.party.sent:
            k -= 1
        if k == 0:
            continue  # nobody named before the attendees: they may be the signatories themselves
        named_after = any(a.role in ("with", "pair") and a.party.sent == s.party.sent for a in slots[n + 1:])
        for a in slots[k:n + 1]:
            a.role = "other" if named_after else "with"


def predicate_between(doc: Document, lo: int, hi: int) -> bool:
    for i in range(lo, min(hi, len(doc.words) - 1)):
        w = doc.words[i]
        if any(t == "ETM" for _, t in w.rest) and doc.words[i + 1].noun in _OTHER_CLAUSE:
            if w.noun in _ATTENDED and i > lo:
                continue  # "X는 … A 등이 참석한 가운데": the attendees named since are its subject, not X
            return True
    return False


def _including(w: Word) -> bool:
    return not w.noun and bool(w.rest) and w.rest[0][0].startswith(_INCLUDING)


def _verb_between(doc: Document, lo: int, hi: int) -> bool:
    """A verb between two slots (비롯해 "including" is none: it continues the list, and neither is
    the copula of 개발사인 "which is a developer")."""
    return any(t in _VERB_TAGS for i in range(lo, min(hi, len(doc.words)))
               if not _including(doc.words[i]) and doc.words[i].rest != APPOSITIVE for _, t in doc.words[i].rest)


def signing_frames(slots: list[Slot], doc: Document) -> list[tuple[list[Mention], list[Mention]]]:
    """(subjects, partners) per ``A는 B와`` frame; 각각 sentences can hold several."""
    frames: list[tuple[list[Mention], list[Mention]]] = [([], [])]
    pending: list[Mention] = []
    closed = False  # the frame read "A와 B는": its subject came after its partner
    for n, s in enumerate(slots):
        subj, with_ = frames[-1]
        if pending and _verb_between(doc, slots[n - 1].word + 1, s.party.first):
            pending = []  # "AR·MR 장치를 위한 … 기업 X와": a list in another clause is not with the slot
        if s.role == "list":
            pending.append(s.party)
        elif s.role == "with":
            if closed and _next_role(slots, n) == "subj":
                # "A와 B는 X에, C와 D는 Y에 서명": a second pair of signatories
                frames.append(([], []))
                subj, with_ = frames[-1]
            elif (not subj and len(with_) == 1 and len(pending) == 1 and _next_role(slots, n) == "subj"
                  and doc.words[slots[n - 1].word].sep == ","):
                # "A와 B, C와 D가 각각 …": two pairs, not three partners of D
                frames[-1] = (pending, with_)
                frames.append(([], []))
                subj, with_ = frames[-1]
                pending = []
            with_.extend(pending + [s.party])
            pending = []
            closed = False
        elif s.role == "with_group":
            if closed and with_ and not pending and s.party.type == "GROUP":
                # "A와 B는 기업 3곳과": A and B sign together, with bodies the sentence does not name
                subj[:0] = with_
                with_[:] = [s.party]
            with_.extend(pending)
            pending = []
        elif s.role == "subj_group":
            if subj and with_:
                frames.append(([], []))
                subj, with_ = frames[-1]
            subj.extend(pending)
            pending = []
        elif s.role == "pair":
            # A와 B 간: exactly these two, whoever announces it; "A와 B 등 2곳과 C 간": the group's members
            # and C
            partners = (with_[:] if n > 0 and slots[n - 1].role == "with_group" else with_[-1:]) if with_ else []
            if partners and len(with_) > 1 and not subj:
                # "A와 B 간 X, C와 D 간 Y": the pair before is a frame of its own
                frames[-1] = ([], with_[:-1])
                frames.append(([], []))
            frames[-1] = ([], partners + pending + [s.party]) if partners else (subj, with_ + pending + [s.party])
            pending = []
        elif s.role == "subj":
            if subj and with_:
                frames.append(([], []))
                subj, with_ = frames[-1]
            subj.extend(pending + [s.party])
            pending = []
            closed = bool(with_)
        elif not _describes(slots, n, doc):
            pending = []
    return [f for f in frames if f[0] or f[1]]


def _describes(slots: list[Slot], n: int, doc: Document) -> bool:
    """"미국의 누리테크, 일본의 미르전자와": a genitive right before the next slot's name describes
    it and does not end the list."""
    return (doc.words[slots[n].word].josa == "의" and n + 1 < len(slots)
            and slots[n + 1].party.first == slots[n].word + 1)


def headline_subject(doc: Document, slots: list[Slot]) -> None:
    """Headline style: "청주시, 다온전자와 투자협약 체결": the name before the comma is the subject;
    "청주시-다온전자, 투자협약 체결": the two names joined by a hyphen are the pair that signs."""
    if len(slots) < 2 or any(s.role == "subj" for s in slots) or slots[0].role != "list":
        return
    if slots[1].role == "with" and doc.words[slots[0].word].sep == ",":
        slots[0].role = "subj"  # (푸젠성·미르전자와: the middle dot lists partners, no subject)
    elif doc.words[slots[0].word].sep == "-" and slots[1].word == slots[0].word + 1:
        slots[1].role = "pair"


def _next_role(slots: list[Slot], n: int) -> str | None:
    return next((s.role for s in slots[n + 1:] if s.role != "list"), None)


def clause_start(doc: Document, start: int, at: int) -> int:
    """Offset after the last connective ending (…하고, …했으며) before the signing verb."""
    clause = start
    for w in islice(doc.words, bisect_left(doc.words, start, key=_START), None):
        if w.end >= at:
            break
        if any(t == "EC" and f in _CLAUSE_END for f, t in w.rest) and any(t in ("EP", "VV", "XSV") for _, t in w.rest):
            clause = w.end
        elif w.rest[:1] == _FOLLOWING and not w.noun:
            clause = w.end  # "B와 협약을 맺은 데 이어 C와도": a further clause
    return clause


def group_count(doc: Document, slot: Slot | None) -> int | None:
    """The number in a counted group slot: 4곳과, 4개 기업은, 5개 기업 대표와."""
    if slot is None:
        return None
    w = doc.words[slot.word]
    lo = doc.words[max(0, slot.word - 2)]
    found = list(_COUNT_IN.finditer(doc.text, lo.start if lo.sent == w.sent else w.start, w.noun_end))
    return int(found[-1].group(1)) if found else None


def counted_group(doc: Document, run: list[Word], data: rules.Rules) -> tuple[str, int, str] | None:
    """``등 3개 기업과`` → with_group, ``등 4개 기관은`` → subj_group, with the index of the word
    that holds the count and the count as written; else None."""
    last = run[-1]
    noun = last.noun
    josa = last.josa
    if noun.isdigit() and len(last.rest) >= 2 and last.rest[0] == _PIECE and last.rest[1][0] in _GROUP_NOUNS:
        # 3개사와 (3/SN 개/NNB 사/NNG 와): the count, the counter and the group noun in one word
        role = "with_group" if josa.startswith(_WITH) else "subj_group" if josa in SUBJ else None
        return (role, _index(doc, last), noun) if role else None
    if len(run) > 1 and noun in data.titles and run[-2].noun.endswith(_GROUP_NOUNS_LONGEST_FIRST):
        last = run[-2]  # 5개 기업 대표와: the heads of the counted bodies sign for them
        noun = last.noun
    if not noun.endswith(_GROUP_NOUNS_LONGEST_FIRST):  # one C call settles most phrases
        return None
    head = next(g for g in _GROUP_NOUNS_LONGEST_FIRST if noun.endswith(g))
    count = noun[: -len(head)].strip()
    count_at = _index(doc, last)
    if not count or not _COUNT.match(count):
        # 4곳, 6개 회원사: the count is the word before (a describing noun may precede the group noun)
        prev = doc.words[count_at - 1] if count_at > 0 else None
        count = doc.text[prev.start:prev.end] if prev is not None and prev.sent == last.sent else ""
        if not _COUNT.match(count):
            return None
        count_at -= 1
    if josa.startswith(_WITH):
        return "with_group", count_at, count
    if josa in SUBJ:
        return "subj_group", count_at, count
    return None


def close_counted_list(doc: Document, out: list[Slot], count_at: int, count: str) -> list[Slot]:
    """"A·B·C 3개 시는": the list's last item stands right before the count, with no 등 between;
    it is one of the counted only when the count is the list's length (협회 6개 회원사 are the
    members of 협회)."""
    item = doc.mention_at.get(count_at - 1)
    number = _NUMBER.match(count)
    before = doc.words[count_at - 1] if count_at > 0 else None
    if (item is None or item.type not in ("ORG", "LOC") or number is None or before is None
            or before.sent != doc.words[count_at].sent or before.josa or before.sep):
        return out
    prior = [x for x in out if x.party is not item]
    listed = len(list(takewhile(lambda x: x.role == "list", reversed(prior))))
    if int(number.group()) == listed + 1:
        return [*prior, Slot(item, "list", count_at - 1)]
    joined = prior[-listed - 1] if len(prior) > listed else None
    if (joined is not None and joined.role == "with" and doc.words[joined.word].josa in AND_JOSA
            and int(number.group()) == listed + 2):
        joined.role = "list"  # "A와 B, C 3개 시는": 와 joins A to the counted list
        return [*prior, Slot(item, "list", count_at - 1)]
    return out
