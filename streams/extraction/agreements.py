"""Signed and planned agreements: a trigger word with a signing verb, parties from particles.

Parties are read per noun phrase of the signing clause: ``A와 B가``, ``A는 B와``,
``A, B, C 등이``, ``A와 B 간``, ``협약을 체결한 기업은 X, Y, Z로``; a clause with
no subject inherits the last subject named before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from itertools import islice, takewhile
from operator import attrgetter, itemgetter

from . import rules
from .dates import announcement_date, days_between, last_date, signing_date
from .document import Document, fused_place_head, is_line_heading
from .grouping import is_short_form
from .merging import merge
from .entities import (NOT_ALIAS, _LATIN_WORD, Mention, classify, classify_name, company_of_common_nouns,
                       list_item_name, typical_name)
from .frames import (GROUP_ENDINGS, SUBJ, Slot, clause_start, close_counted_list, counted_group, group_count,
                     headline_subject, mark_attendees, predicate_between, role_of, signing_frames)
from .words import AND_JOSA, LIST_BULLETS, Word

# "이 업무협약(MOU)은 … 체결된": the agreement is the topic, the verb may come much later
_TOPIC_AFTER = re.compile(r"(?:\([^)]{0,12}\))?[은는]\s")
# "… 체결했다고 밝혔다": the sentence reports an announcement; a carried-over date is not the signing's
_REPORTED = re.compile(r"다고\s*(?:\S+\s*){0,2}?(?:밝혔|공시|전했|발표|알렸)")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*년")
_DEMONSTRATIVE = frozenset({"이", "그", "해당"})  # 이 시장은: the mayor named before
_CONTEXT_SPAN = 12  # sentences over which the last date named still dates an undated signing
_LOOKAHEAD = 3
# "협약식은 15일 시청에서 열렸다": the ceremony of a signing reported in one of the sentences before
# "협약은 10일 도청에서 진행됐다", "계약 서명은 7일 본사에서 이뤄졌다": the signing itself, held
_CEREMONY_HELD = re.compile(r"(?:이날|이번)?\s?(?:[가-힣A-Z]{1,8}\s)?[가-힣A-Z]{0,8}"
                            r"(?:(?:협약|협정|계약|체결|서명|조인|각서|MOU)식|협약|협정|계약|각서|MOU|서명|체결)"
                            r"(?:\([^)]{0,12}\))?(?:은|는)\s"
                            r"[^.]{0,120}?(?:열렸|열려|개최됐|개최되었|진행됐|진행되었|거행됐|거행되었|이뤄졌|이루어졌|서명됐|서명되었)"
                            # "19일 시청에서 열린 협약식에는": the ceremony held, then who attended it
                            r"|[^.]{0,40}?(?:열린|개최된|진행된)\s[가-힣A-Z]{0,8}(?:협약|협정|계약|체결|서명|조인|각서|MOU)식에"
                            # "계약일은 2024년 6월 11일이다", "협약 체결일은 11일": the signing's day
                            r"|\s*(?:[가-힣]{1,8}\s)?(?:계약|협약|체결|서명)\s?(?:체결\s?)?일(?:은|는|자는)\s")
_THIS_ONE = r"\s*(?:이번|이|해당|본|이날)\s?(?:[가-힣]{1,8}\s)?(?:업무)?"  # "이번 (투자) …": the one just reported
# "이번 협약은 20일 뭄바이에서 … 체결됐다": the agreement just reported, its signing held
_THIS_AGREEMENT = re.compile(_THIS_ONE + r"(?:협약|MOU|양해각서|협정|계약|의향서)(?:\([^)]{0,10}\))?(?:은|는)\s")
_EVENT_SPAN = 2  # sentences: from a signing to the ceremony that dates it (협약식은 …), or back to the event "이 자리에서" means
# "협약 기업은 A, B, C다": the partners of the signing just reported without them, listed by a copula
_LISTED = re.compile(r"\s*(?:이번\s)?(?:협약|참여|체결|협약\s?체결|협약\s?참여)\s?(?:기업|업체|기관|회사|사)(?:은|는)\s")
# "이번 협약에는 A, B, C가 참여했다": the partners of the signing just reported without them
_JOINED = re.compile(_THIS_ONE + r"(?:협약|MOU|양해각서|협정|협약식|체결식)(?:\([^)]{0,10}\))?(?:에는|에|에도)\s")
_JOINED_VERB = re.compile(r"(?:참여|참가|동참)(?:했|하였|한다|해)")
_PAIR_SPAN = 2  # sentences from "A와 B가 …" to a "두 도시는 … 서명했다" that refers to them
_DESCRIBED = 6  # sentences after a joint signing that may describe its counted members one by one
_DOTS = re.compile("[·ㆍᆞ]")
_OBJECT = re.compile(r"(?:\([^)]{0,20}\))?[을를]\s?")  # 협약(MOU)을 + reference word
_DIRECT_OBJECT = re.compile(r"(?:\([^)]{0,20}\))?(?:을|를|에)\s?")  # 협의를 체결, 협의에 서명
_MUTUAL = re.compile(r"양\s?[가-힣·]{1,6}\s?간|양측|쌍방")  # 양 도·성간, 양 기관 간: two parties sign
_SUMMARY = re.compile(r"등\s*(?:모두|총)?\s*\d+\s*건")
_LOCATED = ("소재", "소속")  # 서울소재 한빛관광: "based in", not part of the name
# "두 회사는", "이들 기관은": the parties last named
_BOTH = re.compile(r"(?:(?:두|양)\s?(?:회사|기업|기관|도시|지자체|자치단체|지방정부|단체|지역|대학|사|측|국|나라|시|도|군)|이들(?:\s?(?:기관|기업|회사|단체|도시))?)(?:는|은|가|이|도)\s")
_COUNTED_SIGNERS = re.compile(r"(?<![\d가-힣])(?:(\d)|(세|네|다섯))\s?(국|개국|나라|개\s?기관|개\s?기업|개사|기관|도시)"
                              r"(?:은|는|이|가|도)\s")
_COUNTRY_GROUPS = frozenset({"국", "개국", "나라"})
# "앞서 지난해 B와 MOU를 체결한 바 있다": an earlier signing, not the event of the sentences before
_PAST = re.compile(r"지난해|작년|재작년|지난\s?\d{1,2}년|\d{1,2}년\s?전|앞서|과거에?|그동안|지금까지|현재|이미")
_HAD_DONE = re.compile(r"[가-힣]{0,2}\s?바\s?(?:가\s?)?있")
_LAST_YEAR = re.compile(r"지난해|작년|재작년")
_MONTH_ONLY = re.compile(r"(?<!\d)\d{1,2}\s?월(?!\s?\d)")  # 올 5월 …에서 체결: dated to a month, not the day before
_NUMBER_WORDS = {"세": 3, "네": 4, "다섯": 5}
_EARLIER = re.compile(r"에\s*이어\s*(?:\S+\s*)?(?:\d+|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*번째")
_EACH = re.compile(r"각각|각기")
_BULLET = re.compile(f"[{LIST_BULLETS}]")
# 주요 MOU로는, 이날 체결된 협약은: the documents of an event, listed
_PAIRS_LISTED = re.compile(r"(?:주요|체결된|맺은|교환한)\s(?:MOU|양해각서|협약|협정|계약|의향서)(?:으로는|로는|은|는)\s")
_GENITIVE_PAIR = re.compile(r"[와과]\s[^,.]{1,30}?의\s")
_HEADLINE_DETAIL = 3  # body sentences after the headline that may detail its signing without naming it
_OTHERS = re.compile(r"\s등\s?(?:과|와|\d)|등과\s")  # "B 등과", "B 등 3곳과": and others
_HEADLINE_TAIL = " \t\n.…!'\"’”」』)]>"  # what may follow a headline's last word
_JUBILEE = re.compile(r"\s*\d+\s?주년")  # 자매결연 30주년 기념식, 협약 체결 10주년
# 자매결연 30주년을 맞아, 우호도시 체결 10주년 기념식: a city tie made that many years ago
_TIE_JUBILEE = re.compile(r"(?:자매결연|자매도시|우호도시|우호협력도시|우호교류도시|우호관계|우호협력관계|자매관계|우호교류|우호협력)"
                          r"\s*(?:(?:체결|결연|수립)\s*)?(\d{1,3})\s?주년")
_N_DOCS = re.compile(r"(\d+)\s*건")
_BRANCH = "지사"  # a governor, or a body's branch (한국전력 경북지사)
_TRIGGER_AFTER = 10  # characters from a signing verb to the agreement it modifies (체결한 우호협력 협정)
_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)$")
_LEADING_PAREN = re.compile(r"\([^()]*\)")
_QUOTED_TITLE = re.compile(r"['‘\"“]([^'’\"”]{2,200})['’\"”]")
_COUNTED_DOC = re.compile(r"(\d+)\s*건의\s*")
_PROGRESSIVE = re.compile(r"(?:하|)고\s?있(?:다|습니다)")
_AMONG_DEEDS = re.compile(r"(?:하)?는\s?등(?:\s|$)")
_AHEAD = re.compile(r"(?:할|을|ㄹ)\s?(?:계획|예정|방침|것)|(?:하|)겠")  # (…는 등 협력을 강화할 계획이다)
_PAREN_TAIL = re.compile(r"\(([^()]*)\)\s*$")
# 각각; "B와 투자협약을, C와는 업무협약을 맺었다": each partner's own document
_SEPARATELY = re.compile(r"각각|각기|개별|잇따라|잇달아|연이어|차례로|차례대로|\d+건|[을를],\s*[^\s,]{1,30}\s?[와과][는도]?\s")
_JOINT = re.compile(r"합동|다자간|\d자\s*간|이들은|공동으로")
_SIGNERS_AFTER = re.compile(r"(?:체결|맺|서명)[은한]\s*(?:기업|기관|업체|곳|단체|도시|국가|회사)[은는]")
_KIND_PRIORITY = {"sister_city": 0, "loi": 1, "contract": 2, "agreement": 3, "mou": 4}
# 우호교류 협정, 우호협력협약: the friendship names the document (not "우호협력 강화를 위한 양해각서")
_FRIENDSHIP = re.compile(r"우호(?:교류|협력|친선)?\s?(?:교류\s?|협력\s?)?(?:협정|협약|양해각서|MOU|각서)")
_FRIENDSHIP_AFTER = re.compile(r"[가-힣]{0,2}\s" + _FRIENDSHIP.pattern)  # 체결한 우호협력 협약
# "자매결연을 맺은 지 30주년": a tie concluded long ago, not on the day reported
_ANNIVERSARY = re.compile(r"\S*\s+지\s*(?:\d+|[일이삼사오육칠팔구십]+)\s*(?:주년|년)")
_PAST_ETM = frozenset({"ᆫ", "은"})
_REPORT_LINK = frozenset({"며", "으며", "면서"})  # 체결하며 + present-tense main clause (체결하고 … 한다 reads as a preview)
_QUOTED = re.compile(r"['‘“\"]")
_ACRONYM = re.compile(r"[A-Z][A-Z&-]{1,7}")
# 한중 양국, 한-베트남: the word for both countries, and the marks that join countries' short names
_BOTH_COUNTRIES = frozenset({"양국", "양국가", "3국"})
_COUNTRY_JOINS = frozenset({"-", "·", "ㆍ", "‧"})


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
    summary: bool = False  # "… 등 2건의 양해각서를 체결": a sum-up of documents the article details
    counted: bool = False  # "A와 B는 12건의 MOU를 체결": documents counted, not named
    reference: bool = False  # "B와의 협약을 시작으로": an agreement referred to, not reported
    friendship: bool = False  # a city tie read from its own document (우호교류 협정)


class AgreementFinder:
    def __init__(self) -> None:
        self.data = rules.load()
        parts = self.data.venue_parts or {}
        self._abstract = tuple(w for w, kind in parts.items() if kind == "abstract")  # no venue
        self._events = tuple(w for w, kind in parts.items() if kind == "not_place")
        self._not_places = self._abstract + self._events
        self._people: list[Mention] = []  # PERSON mentions of the document being read
        self._person_at: dict[int, tuple[int, Mention]] = {}
        self._person_words: list[int] = []  # keys of _person_at, in order
        self._adhoc_ok = False
        self._title_owner: dict[str, Mention] = {}
        self._bodies: dict[str, Mention] = {}  # ORG/LOC mentions of the document by name
        self._topic: Mention | None = None  # the body the sentences being read are about

    def find(self, doc: Document) -> list[Found]:
        found: list[Found] = []
        self._people = [m for m in doc.mentions if m.type == "PERSON"]
        # word index -> the first person named from that word (in mention order), for _head
        self._person_at = {}
        for n, p in enumerate(self._people):
            if p.start < doc.words[p.first].noun_end:
                self._person_at.setdefault(p.first, (n, p))
        self._person_words = sorted(self._person_at)
        self._last_pair: tuple[int, list[Mention]] | None = None  # the last "A와 B는" and its sentence
        # the first body sentence
        self._title_sentences = next((k for k, (a, _) in enumerate(doc.sentences) if a >= doc.title_end),
                                     len(doc.sentences))
        # "이 시장은": a bare title stands for the body of the person who holds it in the article
        bodies = {m.name: m for m in doc.mentions if m.type in ("ORG", "LOC")}
        self._bodies = bodies
        self._title_owner = {}
        self._sent_by: dict[str, Mention] = {}  # a delegation noun -> the body it was named with (가람시 대표단)
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
        context_date, context_at = None, 0
        signed_in: list[Found] = []  # the agreements of the last signing sentence
        signed_at = 0
        pending = None  # a signing with a subject and no partner: (sentence, verb, subject, its context date)
        by_sentence: dict[int, list[tuple[int, list[Word]]]] = {}
        for phrase in doc.phrases:
            by_sentence.setdefault(phrase[1][0].sent, []).append(phrase)
        for sent, (start, end) in enumerate(doc.sentences):
            sentence = doc.text[start:end]
            self._topic = topic
            verbs = self._verbs(sentence)
            if not verbs and start < doc.title_end:
                verbs = self._headline_noun(sentence)
            if len(verbs) > 1:
                # "B와 협약 체결을 위해 B를 방문해 MOU를 체결했다": a signing still ahead of a later one is
                # its purpose; the later verb reports it
                verbs = [v for n, v in enumerate(verbs) if n == len(verbs) - 1
                         or not self.data.planned_re.search(sentence, v[0], v[1] + 12)]
            verb = verbs[0] if verbs else None
            # (a sentence soon after a signing whose partners were not named: it may name them)
            follows = pending is not None and sent - pending[0] <= _EVENT_SPAN
            listed = follows and verb is None and _LISTED.match(sentence) is not None
            joined = listed or (follows and verb is None and _JOINED.match(sentence) is not None
                                and _JOINED_VERB.search(sentence) is not None)
            # "이날 체결된 MOU는 ▲A-B 에너지 협력 ▲C-D …": documents listed by their pairs
            bullets = start >= doc.title_end and (
                "-" in sentence and _BULLET.search(sentence) is not None and (
                    self.data.trigger_re.search(sentence) is not None or (signed_in and sent - signed_at <= _EVENT_SPAN))
                # "주요 MOU로는 A와 B의 에너지 협력, C와 D의 …": the pairs listed by 와 and 의
                or _PAIRS_LISTED.search(sentence) is not None and _GENITIVE_PAIR.search(sentence) is not None)
            # unknown names become parties only in signing sentences (and in "이번 협약에는 A, B가 참여했다")
            self._adhoc_ok = verb is not None or joined or bullets
            # the headline, and a body sentence with "A-B 투자협약" (whose hyphen the words split), name
            # a pair by a hyphen and a subject right before the agreement noun
            runs = by_sentence.get(sent, [])
            headline = start < doc.title_end or "-" in sentence and any(
                w.sep == "-" and len(w.noun) > 1 for _, run in runs for w in run)
            slots = self._slots(doc, runs, headline=headline)
            if headline:
                headline_subject(doc, slots)
            pair = _named_pair(slots) or _visit_pair(doc, slots)
            if pair:
                self._last_pair = (sent, pair)
            jubilee = _TIE_JUBILEE.search(sentence) if start >= doc.title_end else None
            if verb is not None:
                signers = self._resolve_groups(doc, sent, slots, by_sentence)
                if sent - context_at > _CONTEXT_SPAN:
                    context_date = None  # a date many sentences back dates another event
                new = self._signings(doc, sent, verbs, signers, topic, context_date, found)
                if jubilee:
                    new += self._tie_of_jubilee(doc, start, sentence, jubilee, slots, topic, new)
                sectors = self._sectors(doc, sent)
                for f in new:
                    f.headline = start < doc.title_end
                    f.sectors = sectors
                if not new and bullets:  # (each listed document with its own sectors)
                    new = self._bullet_pairs(doc, start, sentence, signed_in, context_date)
                subject = next((s.party for s in signers if s.role == "subj" and s.party.type in ("ORG", "LOC")), None)
                if (not new and subject is not None and doc.words[subject.last].josa == _ALSO
                        and sent - signed_at <= _EVENT_SPAN and (partner := _partner_of(doc, signed_in, subject))):
                    # "A는 C와 협약을 맺었다. B도 … 협약서에 서명했다": B, too, signs with A's partner
                    new = self._agreements(doc, start, sentence, verbs[0], [], None, context_date,
                                           parties=[subject, partner])
                    for f in new:
                        f.sectors = sectors
                found.extend(new)
                if not new and signed_in and sent - signed_at <= _EVENT_SPAN and (
                        _CEREMONY_HELD.match(sentence) or _THIS_AGREEMENT.match(sentence)):
                    # "계약 서명은 7일 본사에서 이뤄졌다", "이번 협약은 20일 뭄바이에서 체결됐다": a signing with
                    # no parties of its own is the signing just reported, held
                    self._ceremony(doc, start, sentence, signed_in)
                elif not new and _DECIDED.match(sentence, verbs[0][1]):
                    signed_at = sent  # "8일 이사회를 열고 계약 체결을 의결했다": about the signing just reported
                elif not new and subject is not None and sent - signed_at <= _EVENT_SPAN and (
                        same := [f for f in signed_in if f.kind == verbs[0][2] and any(p.name == subject.name for p in f.parties)]):
                    # "A가 B와 자매결연을 맺었다. A는 16일 B시청에서 자매결연 협정 체결식을 갖고 …": the
                    # subject's signing just reported, told again with its day and place
                    self._ceremony(doc, start, sentence, same)
                else:
                    signed_in, signed_at = new, sent
                pending = (sent, verbs[0], subject, context_date) if not new and subject is not None else None
            elif joined:
                # "…업무협약을 체결했다. 이번 협약에는 A, B, C가 참여했다": the signing's partners, named after it
                new = self._joined(doc, pending, slots, bool(listed))
                found.extend(new)
                signed_in, signed_at, pending = new, sent, None
            elif follows and (heads := [
                    s for s in slots if s.role == "subj" and s.party.type == "ORG"
                    and is_line_heading(doc.text, doc.words[s.word])][:1]):
                # "기업 3곳과 투자협약을 맺었다. - 한빛정밀: … (협약일 6월 5일)": each listed line a partner,
                # of its own day when the line tells it
                new = self._joined(doc, pending, heads, True)
                day = last_date(sentence, doc.published)
                for f in new:
                    if day is not None:
                        f.signed_on, f.own_date = day.isoformat(), True
                found.extend(new)
                pending = (sent, *pending[1:])  # (the list goes on)
            elif signed_in and sent - signed_at <= _EVENT_SPAN and _CEREMONY_HELD.match(sentence):
                self._ceremony(doc, start, sentence, signed_in)
            elif bullets and (new := self._bullet_pairs(doc, start, sentence, signed_in, context_date)):
                found.extend(new)
                signed_in, signed_at = new, sent
            elif jubilee:
                found.extend(self._tie_of_jubilee(doc, start, sentence, jubilee, slots, topic, []))
            if start >= doc.title_end:
                dated = last_date(sentence, doc.published)
                if dated is not None:
                    context_date, context_at = dated, sent
            slots = [s for s in slots if s.party.type != "GROUP"]
            # (a name read as a party only for its slot is the topic once it has signed: 누리에너지는
            # B와 협약을 체결했다. 회사는 C와 …)
            subj = [s.party for s in slots if s.role == "subj" and (not s.party.adhoc or any(
                p.name == s.party.name for f in found for p in f.parties))]
            if subj:
                topic = subj[0]
            elif topic is None and slots and not slots[0].party.adhoc:
                topic = slots[0].party
        merged = merge(found, self.data.org_words, self._home_ministry)
        # names read as parties only for a slot (a party-like word in a sentence that signs nothing
        # in the end, 하이테크 클러스터가) are no entities unless an agreement has them
        parties = {p.name for f in merged for p in f.parties}
        doc.mentions[:] = [m for m in doc.mentions if not m.adhoc or m.name in parties]
        return merged

    def _bullet_pairs(self, doc: Document, start: int, sentence: str, signed: list[Found],
                      context_date) -> list[Found]:
        """"이날 체결된 MOU는 ▲A-B 에너지 협력 ▲C-D 반도체 협력 등이다", "주요 MOU로는 A와 B의 에너지
        협력, C와 D의 … 등이 있다": one agreement per pair listed, of the kind the sentence names (or the
        signing just reported)."""
        trigger = self.data.trigger_re.search(sentence)
        kind = self.data.triggers[trigger.group(0)] if trigger else signed[-1].kind if signed else None
        if kind is None:
            return []
        end = start + len(sentence)
        status = "planned" if self.data.planned_re.search(sentence) else "signed"
        out: list[Found] = []
        for k in range(bisect_left(doc.words, start, key=_START), len(doc.words) - 1):
            w = doc.words[k]
            if w.start >= end:
                break
            if doc.words[k + 1].sent != w.sent:
                continue
            if w.sep == "-" and _BULLET.search(doc.text, w.start, w.noun_start):
                a, b = self._head(doc, k, k), _named_from(doc, k + 1) or self._head(doc, k + 1, k + 1)
                item_end = _BULLET.search(doc.text, doc.words[k + 1].end, end)
                item_end_at = item_end.start() if item_end else end
            elif w.josa in AND_JOSA and not w.sep and (b := _named_from(doc, k + 1)) is not None \
                    and doc.words[b.last].josa == "의" and not any(x.sep for x in doc.words[k + 1:b.last]):
                a = self._head(doc, k, k)  # (A와 B의 에너지 협력, …: the item ends at its comma)
                item_end_at = next((x.end for x in doc.words[b.last:] if x.sep or x.start >= end), end)
            else:
                continue
            if a is None or b is None or a.name == b.name or a.type not in ("ORG", "LOC"):
                continue
            sectors = self._sectors_in(doc, w.noun_start, item_end_at)
            for f in self._agreements(doc, start, sentence, (len(sentence), len(sentence), kind), [], None,
                                      context_date, parties=[a, b]):
                f.status, f.sectors = status, sectors
                out.append(f)
        return out

    def _tie_of_jubilee(self, doc: Document, start: int, sentence: str, jubilee: re.Match, slots: list[Slot],
                        topic: Mention | None, signed: list[Found]) -> list[Found]:
        """"A와 B는 자매결연 30주년을 맞아 … 협약을 맺었다", "A는 B와 우호도시 체결 10주년 기념식을 열었다":
        the tie made that many years ago, between the two parties the sentence signs or names, undated."""
        at = jubilee.start()
        pair = next((f.parties for f in signed if len(f.parties) == 2 and f.kind != "sister_city"), None)
        ties = self._agreements(doc, start, sentence, (at, at, "sister_city"), [] if pair else slots, topic, None,
                                parties=pair)
        # (between cities or provinces: 한중 우호협력 30주년 is the countries' relations)
        ties = [f for f in ties if len(f.parties) == 2 and not any(
            self.data.places.get(p.name) == "country" for p in f.parties)]
        for f in ties:  # (made long ago, whatever the tense of the sentence: "20주년을 맞는다")
            f.status, f.signed_on, f.own_date, f.venue = "signed", None, False, None
            if doc.published is not None:
                f.year = doc.published.year - int(jubilee.group(1))  # (not the same signing as an undated MOU)
        return ties

    def _joined(self, doc: Document, pending, slots: list[Slot], listed: bool) -> list[Found]:
        """The signing of ``pending`` between its subject and the bodies a later sentence says joined it."""
        sent, verb, subject, context_date = pending
        # (B, C와 D다: the copula's last, and 와 joining the list)
        roles = ("subj", "list", "with", "other") if listed else ("subj", "list")
        partners = [s.party for s in slots if s.role in roles and s.party.type in ("ORG", "LOC")
                    and s.party.name != subject.name]
        if not partners:
            return []
        start, end = doc.sentences[sent]
        sectors = self._sectors(doc, sent)
        new = self._agreements(doc, start, doc.text[start:end], verb, [], None, context_date,
                               parties=[subject, *partners])
        for f in new:
            f.sectors = sectors
        return new

    def _ceremony(self, doc: Document, start: int, sentence: str, signed: list[Found]) -> None:
        """"…를 체결했다고 16일 밝혔다. 협약식은 15일 시청에서 열렸다": the ceremony's date and place
        are those of the signing just reported without them."""
        date = signing_date(sentence, len(sentence), doc.published)
        venue = self._venue(doc, start, start + len(sentence))
        for f in signed:
            if f.status != "signed":
                continue
            if f.signed_on is None and date is not None:
                f.signed_on = date.isoformat()
            if f.venue is None and venue is not None:
                f.venue = venue

    def _country_of(self, p: Mention) -> Mention:
        """The country a state body signed for: 외교통상부 -> 한국, 중국 상무부 -> 중국."""
        if p.type == "LOC":
            return p
        country = "한국" if self._home_ministry(p.name) else p.name.split()[0] if " " in p.name else ""
        if self.data.places.get(country) != "country":
            return p
        return replace(p, type="LOC", name=country, aliases=[], adhoc=True)

    def _home_ministry(self, name: str) -> bool:
        """산업통상자원부: a ministry known as a Korean public body."""
        return name in self.data.orgs and self.data.ministry_re.match(name) is not None

    def _signings(self, doc, sent, verbs, slots, topic, context_date, found) -> list[Found]:
        """The agreements of one signing sentence, one or more signing clauses."""
        start = doc.sentences[sent][0]
        sentence = doc.text[start:doc.sentences[sent][1]]
        verb = verbs[0]
        new = self._agreements(doc, start, sentence, verb, slots, topic, context_date)
        if not new and _BOTH.search(sentence, 0, verb[0]):
            # "두 회사는 2024년 … MOU를 맺은 바 있다": the two parties last named, in a signing or in
            # "A와 B가 자매도시가 됐다" just before
            pair = self._last_pair[1] if self._last_pair and sent - self._last_pair[0] <= _PAIR_SPAN else None
            both = found[-1].parties if found and (pair is None or found[-1].parties[0].start > pair[0].start) else pair
            if both:
                new = self._agreements(doc, start, sentence, verb, [], None, context_date, parties=both)
        if (not new and found and start >= doc.title_end and all(f.headline for f in found)
                and sent - self._title_sentences <= _HEADLINE_DETAIL
                and not any(s.role in ("subj", "with", "pair", "list", "with_group", "subj_group")
                            and all(s.party.name != p.name for p in found[-1].parties) for s in slots)):
            # "가람시-누리전자, 스마트시티 협약" / "시는 16일 시청에서 협약식을 가졌다": the body's first
            # signing with no other party named is the headline's, and dates it
            new = self._agreements(doc, start, sentence, verb, [], None, context_date, parties=found[-1].parties)
        counted = _COUNTED_SIGNERS.search(sentence, 0, verb[0]) if not new and found else None
        if counted:
            # "3국은 … 각서를 채택했다": the three parties of the last agreement among three
            n = int(counted.group(1)) if counted.group(1) else _NUMBER_WORDS[counted.group(2)]
            earlier = next((f for f in reversed(found) if len(f.parties) == n), None)
            if earlier is not None:
                parties = earlier.parties
                if counted.group(3) in _COUNTRY_GROUPS:  # 3국: the countries, not the ministries that signed for them
                    parties = [self._country_of(p) for p in parties]
                new = self._agreements(doc, start, sentence, verb, [], None, context_date, parties=parties)
        if not new:
            new = self._host_partner(doc, start, sentence, verb, slots, topic, context_date)
        if not new:
            new = self._visited_partner(doc, start, sentence, verb, slots, topic, context_date)
        if not new and verb[2] == "contract":
            new = self._buyer_partner(doc, start, sentence, verb, slots, topic, context_date)
        done = verb
        for later in verbs[1:] if not new else ():
            # "2008년 우호관계를 맺은 후 … B와 MOU를 체결하여": the first tie names no partner before it;
            # the later signing of the same sentence does, and the tie is between the same two
            new, done = self._agreements(doc, start, sentence, later, slots, topic, context_date), later
            if new:
                if verb[2] == "sister_city" and len(new[0].parties) == 2:
                    ties = self._agreements(doc, start, sentence, verb, [], None, None, parties=new[0].parties)
                    for tie in ties:  # (the day and place named before the year are the later signing's)
                        if tie.year and tie.signed_on and int(tie.signed_on[:4]) != tie.year:
                            tie.signed_on, tie.venue = None, None
                    new += ties
                break
        for prev, later in zip(verbs, verbs[1:]):
            if later[0] > done[0] and clause_start(doc, start, start + later[0]) >= start + prev[1]:
                # "A와 X를 체결했으며, B와는 Y를 체결했다": a further signing in its own clause
                new.extend(self._agreements(doc, start, sentence, later, slots, topic, context_date))
        return new

    def _resolve_groups(self, doc: Document, sent: int, slots: list[Slot], by_sentence) -> list[Slot]:
        """"A와 B, C협회 6개 회원사가 … 체결. … X, Y, … 등 6곳은": a counted group that no list before it
        fills stands for the list of as many names closed by the same count in one of the next sentences."""
        out: list[Slot] = []
        for s in slots:
            count = group_count(doc, s) if s.party.type == "GROUP" else None
            listed = next((n for n, prev in enumerate(reversed(out)) if prev.role != "list"), len(out))
            unfilled = bool(count) and listed < count  # "A, B, C 등 3개 기업과" is filled by its own list
            items = self._listed_later(doc, sent, count, by_sentence) if unfilled else []
            if not items and unfilled and s.role == "with_group" and _JOINT.search(doc.text, *doc.sentences[sent]):
                items = self._described_next(doc, sent, count, by_sentence)
            if not items:
                out.append(s)
                continue
            if out and out[-1].role == "other" and out[-1].word >= s.word - 2:
                out.pop()  # 협회 6개 회원사: the body that owns the group does not sign
            w = doc.words[s.word]
            role = "with" if s.role == "with_group" else "subj"
            for n, m in enumerate(items):
                stand_in = replace(m, start=w.noun_start, end=w.noun_end, sent=w.sent, first=s.word, last=s.word,
                                   aliases=list(m.aliases))
                out.append(Slot(stand_in, role if n == len(items) - 1 else "list", s.word))
        return out

    def _described_next(self, doc: Document, sent: int, count: int, by_sentence) -> list[Mention]:
        """"5개 기업과 합동 협약을 맺었다. … 로봇 업체인 ㈜X는 …에 공장을 짓는다": the members of
        a joint signing's counted group are the organisations the next sentences are about."""
        items: list[Mention] = []
        for k in range(sent + 1, min(sent + 1 + _DESCRIBED, len(doc.sentences))):
            if self._verbs(doc.text[slice(*doc.sentences[k])]):
                break  # another signing: its own parties
            items.extend(s.party for s in self._slots(doc, by_sentence.get(k, []))
                         if s.role == "subj" and s.party.type == "ORG")
        return _unique(items)[:count]

    def _listed_later(self, doc: Document, sent: int, count: int, by_sentence) -> list[Mention]:
        """The names of a list closed by ``count`` (X, Y, Z 등 3곳은) or of ``count`` names that a
        copula closes (참여 기업은 X, Y, Z다) in one of the next sentences."""
        for k in range(sent + 1, min(sent + 1 + _LOOKAHEAD, len(doc.sentences))):
            listed: list[Mention] = []
            for s in self._slots(doc, by_sentence.get(k, [])):
                closes = s.party.type in ("ORG", "LOC") and any(tag == "VCP" for _, tag in doc.words[s.word].rest)
                if closes and len(listed) + 1 == count > 1:
                    return [*listed, s.party]  # (… 다온텍이다, … 다온텍 등이다)
                if s.role == "list" and s.party.type != "GROUP":
                    listed.append(s.party)
                elif s.party.type == "GROUP" and group_count(doc, s) == count == len(listed):
                    return listed
                else:
                    listed = []
        return []

    def _host_partner(self, doc, start, sentence, verb, slots, topic, context_date):
        """"A는 B 정부에서 … 양 도·성간 양해각서를 체결": the host body of a mutual signing is the partner."""
        at = start + verb[0]
        if not _MUTUAL.search(sentence, 0, verb[0]):
            return []
        subj = next((s.party for s in slots if s.role == "subj" and s.party.start < at), None) or topic
        host = None
        for i, w in enumerate(doc.words):
            if w.start >= at:
                break
            if w.start >= start and w.josa == "에서" and w.noun in self.data.org_words and i > 0:
                host = doc.mention_at.get(i - 1)  # 지린성 정부에서: the place's government hosts
        if subj is None or host is None or host.type not in ("ORG", "LOC") or host.name == subj.name:
            return []
        return self._agreements(doc, start, sentence, verb, [], None, context_date, parties=[subj, host])

    def _visited_partner(self, doc, start, sentence, verb, slots, topic, context_date):
        """"A 대표단이 B를 찾아 자매결연을 맺었다": a signing with no partner named but the body the
        subject visited (B를 방문해, B를 찾아) just before it is with that body."""
        at = start + verb[0]
        subj = _lone_subject(slots, at, topic)
        if subj is None:
            return []
        visited = _visited(doc, slots, subj, at)
        if visited is None:
            return []
        between = islice(doc.words, visited.word + 1, bisect_left(doc.words, at, key=_START))
        if any(x.josa.startswith(("와", "과")) and classify(x, self.data) != "T" for x in between):
            # (B를 방문해 현지 기업과 협약: a partner named, though not by name; B를 찾아 C 인민위원장과
            # 면담하고: the visited body's head)
            return []
        # "2일 B, 3일 C를 차례로 방문해 … 서명했다", "B와 C를 방문해": each body listed before the
        # visited one, each on its own day when the list tells it
        n = slots.index(visited)
        joined = not self.data.planned_re.search(sentence)  # (B와 C를 방문해; a trip's plan lists its stops)
        listed = list(takewhile(lambda x: (x.role == "list" or joined and x.role == "other"
                                           and doc.words[x.word].josa in AND_JOSA) and x.party.start > subj.start,
                                reversed(slots[:n])))
        partners = [x.party for x in reversed(listed)] + [visited.party]
        times = _times_apart(sentence, start, subj, partners, doc.published) if len(partners) > 1 else None
        out = []
        for p in partners:
            for f in self._agreements(doc, start, sentence, verb, [], None, context_date, parties=[subj, p]):
                if times and times[id(p)][1]:
                    f.signed_on, f.own_date = times[id(p)][1], True
                out.append(f)
        return out

    def _buyer_partner(self, doc, start, sentence, verb, slots, topic, context_date):
        """"A가 B에 X를 공급하는 계약을 맺었다", "A는 B로부터 공사를 수주하고 계약을 체결했다": a
        contract with no partner named but the body that receives the supply (or the licence), or
        gives the order, is with that body."""
        at = start + verb[0]
        subj = _lone_subject(slots, at, topic)
        if subj is None:
            return []
        buyer = next((s for s in slots if s.role == "other" and s.party.name != subj.name and s.party.start < at and (
            s.party.type == "ORG" and doc.words[s.word].josa in _TO
            or s.party.type in ("ORG", "LOC") and doc.words[s.word].josa in _FROM)), None)
        if buyer is None or doc.words[buyer.word].josa in _TO and not _SUPPLIES.search(doc.text, buyer.party.end, at):
            return []
        return self._agreements(doc, start, sentence, verb, [], None, context_date, parties=[subj, buyer.party])

    def _sectors(self, doc: Document, sent: int) -> tuple[str, ...]:
        """Sectors named in the signing sentence or the sentence before or after it."""
        last = len(doc.sentences) - 1
        return self._sectors_in(doc, doc.sentences[max(0, sent - 1)][0], doc.sentences[min(last, sent + 1)][1])

    def _sectors_in(self, doc: Document, lo: int, hi: int) -> tuple[str, ...]:
        window = doc.text[lo:hi]
        found: dict[str, int] = {}
        for surface, sector in self.data.sectors:
            if surface not in window:
                continue  # (most surfaces: no call)
            at = _find_term(window, surface)
            while at >= 0 and (_in_org_name(doc, lo + at)
                               or surface in _LOCATED and _after_place(doc, lo + at)):
                at = _find_term(window, surface, at + 1)  # LG에너지솔루션, 애틀랜타 소재 기업: no sector
            if at >= 0 and (sector not in found or at < found[sector]):
                found[sector] = at
        return tuple(sorted(found, key=found.get))

    # -- slots ---------------------------------------------------------------------------------

    def _slots(self, doc: Document, runs: list[tuple[int, list[Word]]], headline: bool = False) -> list[Slot]:
        out = []
        for first, run in runs:
            last = first + len(run) - 1
            countries = self._countries(doc, first, last)
            party = countries[-1] if countries else self._head(doc, first, last)
            if (party is None and run[-1].paren and "," in run[-1].paren
                    and classify(run[-1], self.data) == "N"):
                nxt = doc.words[last + 1] if last + 1 < len(doc.words) else None
                role = role_of(run[-1], nxt, self.data.trigger_re)
                items = self._paren_items(doc, run[-1], last) if role in ("with", "subj") else []
                for n, item in enumerate(items):  # "국립기관(A, B(C), D)과": the listed bodies sign
                    out.append(Slot(item, role if n == len(items) - 1 else "list", last))
                if items:
                    continue
            if party is None and headline:
                # 장가항시와 스맥 MOU 체결, 충남도-미르전자 투자협약: the name right before the agreement noun
                k = next((k for k in range(first, last) if self.data.trigger_re.match(doc.words[k + 1].noun)), None)
                named = self._head(doc, first, k) if k is not None else None
                if named is not None:
                    out.append(Slot(named, "subj", k))
                    continue
            if party is None:
                counted = counted_group(doc, run, self.data)
                if counted:  # "A, B, C 등 3개 기업과": the count closes the list before it
                    role, count_at, count = counted
                    out = close_counted_list(doc, out, count_at, count)
                    w = run[-1]
                    out.append(Slot(Mention("GROUP", w.noun, w.noun_start, w.noun_end, w.sent, last, last), role, last))
                continue
            nxt = doc.words[last + 1] if last + 1 < len(doc.words) else None
            role = role_of(run[-1], nxt, self.data.trigger_re)
            if role == "other" and is_line_heading(doc.text, run[-1]):
                role = "subj"  # "- X: 서울에 위치. … Y와 협약을 체결": the line is about X
            elif role == "pair" and run[-1].josa == "의" and not (out and out[-1].role == "with"):
                role = "other"  # B의 협약 alone names no pair (A와 B의 협약 does)
            elif role == "with" and nxt is not None and nxt.proper and nxt.josa in ("에", "을", "를") and _visit_after(
                    doc, last + 1):
                role = "other"  # "하노이와 박닌성에 사절단을 파견해": the places visited, not a partner
            out.extend(Slot(c, "list", last) for c in countries[:-1])  # 한중 양국: 한국, then 중국
            out.append(Slot(party, role, last))
        mark_attendees(doc, out)
        for i, a in enumerate(out):
            if a.role != "subj":
                continue
            # "X가 … 개막한 가운데 A와 B가": X is the subject of another predicate (places in between don't
            # count) when a subject follows it; "X는 … 맺은 후 … B와 체결했다" has X's subject still
            b = next((x for x in islice(out, i + 1, None) if x.role != "other"), None)
            if (b is not None and predicate_between(doc, a.word + 1, b.word)
                    and any(x.role == "subj" for x in islice(out, i + 1, None))):
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
                    items.append(m)
                begin = i + 1
        if len(items) < 2:
            return []
        doc.mentions.extend(items)
        return items

    @staticmethod
    def _genitive_owner(doc: Document, first: int, sent: int) -> Mention | None:
        """The body named with 의 right before a person or title (벨마운트시의 … 부시장)."""
        if first == 0 or doc.words[first - 1].josa != "의" or doc.words[first - 1].sent != sent:
            return None
        owner = doc.mention_at.get(first - 1)
        return owner if owner is not None and owner.type in ("ORG", "LOC") else None

    def _head(self, doc: Document, first: int, last: int) -> Mention | None:
        m = doc.mention_at.get(last)
        if m is not None and m.type in ("ORG", "LOC") and (m.first >= first or _one_name(doc, m.first, first)):
            return m
        longer = doc.mention_at.get(last + 1)
        if longer is not None and longer.first <= last and _one_name(doc, longer.first, last + 1):
            return None  # 미르대학교(다온) of 미르대학교(다온) 미래혁신연구소: part of the next phrase's name
        if m is not None and m.type == "PERSON" and m.start < doc.words[last].noun_end:
            # 누리전자 대표 김민준은: the body named before the title; (a person named in parentheses
            # after the party does not hide it)
            body = doc.mention_at.get(m.first - 2) if m.title and m.first - 2 >= first else None
            return body if body is not None and body.type in ("ORG", "LOC") and body.name == m.affiliation else None
        p = self._person_in(first, last)
        if p is not None:
            # 조유 장가항시 부시장과: the person stands for the body named in their title
            aff = [x for x in doc.mentions if x.type in ("ORG", "LOC") and p.last < x.first and x.last < last + 1]
            if aff and p.affiliation and p.affiliation.startswith(aff[-1].name + " "):
                # 멕시코 외교부장관: the ministry of the country named, not the country
                return self._represented(doc, p) or aff[-1]
            employer = doc.mention_at.get(p.first - 1)
            if (not aff and employer is not None and employer.type == "ORG" and employer.first >= first
                    and employer.name == p.affiliation):
                return employer  # 한빛전자 박서준 사장과: the company named before its signatory
            return aff[-1] if aff else (self._genitive_owner(doc, first, p.sent) or self._represented(doc, p)
                                        or _visited_body(doc, p) or self._headed_place(doc, p)
                                        or self._named_elsewhere(p))
        w = doc.words[last]
        if w.noun.endswith(self.data.delegations):
            # 전라남도 투자 유치단이: the delegation signs for the body that sent it
            # (조지아주 경제개발부 대표단: the longest body the phrase names, not the state in it)
            body = max((x for x in doc.mentions if x.type in ("ORG", "LOC") and first <= x.first and x.last < last),
                       key=lambda x: (x.last, -x.first), default=None)
            if body is None and first == last:
                # 대표단은: the delegation led by a body's head, or the one named with its body before
                body = self._led_by(doc, last) or self._sent_by.get(w.noun)
            elif body is not None:
                self._sent_by[w.noun] = body
            if body is not None or last == first or not doc.words[last - 1].proper:
                return body
            last -= 1  # 가람대 산학협력단: the unknown name before the unit is the body
            w = doc.words[last]
        if not self._adhoc_ok:
            return None
        if classify(w, self.data) == "T":
            # 산둥성장과: a title, not a party name (the known place it heads signs); 벨마운트시의 존 리
            # 부시장과: the genitive body; 이 시장은: the body of the mayor named earlier
            owner = self._genitive_owner(doc, first, w.sent)
            if owner is None and w.josa in SUBJ and (first == last or (
                    last == first + 1 and doc.words[first].noun in _DEMONSTRATIVE)):
                owner = self._title_owner.get(w.noun)
            if owner is None and w.noun in self.data.state_titles:
                # 왕하이 중국 국가주석과: the country named before a state title signs
                owner = next((x for x in reversed(doc.mentions) if x.type == "LOC" and first <= x.first and x.last < last), None)
            if owner is None and last > first:
                # 다낭시 인민위원장과, 다낭시 시장은, 누리전자 대표와: a title with no name signs for the place
                # right before it, and the head of an organisation for that organisation (a minister after
                # a ministry in a list of guests does not)
                prev = doc.mention_at.get(last - 1)
                owner = prev if prev is not None and prev.first >= first and (
                    prev.type == "LOC" or (prev.type == "ORG" and w.noun in self.data.head_titles)) else None
                before = doc.words[last - 1]
                if (owner is None and prev is None and w.noun in self.data.head_titles and before.proper
                        and before.sent == w.sent and len(before.noun) > 1 and before.noun not in self.data.surnames):
                    # 다온화학 대표와: the unknown name is the body (김 사장은: a family name is no body)
                    return self._head(doc, first, last - 1)
            if owner is None and first == last:
                prev = doc.mention_at.get(first - 1)
                # (테리 벨(Terry Bell) 시장과: the title of the name just before it)
                owner = _visited_body(doc, prev if prev is not None and prev.title in (None, w.noun) else None)
            t = self.data.title_re.search(w.noun)
            if owner is None and last > first and t is not None and t.start() > 0 and t.group(0) == _BRANCH:
                prev = doc.mention_at.get(last - 1)
                if prev is not None and prev.type == "ORG" and prev.first >= first:
                    return prev  # 한국전력 경북지사는: after a body, a place and 지사 name its branch, not a governor
            if owner is None and t is not None and t.start() > 0:
                # 로메로 공공행정부장관은: the ministry fused with the title of an unrecognised name
                owner = self._state_body(doc, w.noun[:t.start()], t.group(0), w.noun_start, w.noun_start + t.start(),
                                         w.sent, last, last) or self._fused_place(doc, w, t, last)
            return owner
        if self.data.titles.issuperset(_DOTS.split(w.noun)):
            return None  # 회장ㆍ사장: titles joined by a middle dot
        marked = w.noun == "사" and last > first  # 블루 에어로닉스 사와: the company marker after a name
        # 사우디아라비아 국부펀드(PIF)와: common nouns with an acronym of their own, after a place, name
        # that place's body (not 인공지능(AI)과)
        place = doc.mention_at.get(last - 1) if last > first else None
        acronym = (w.parts >= 2 and not w.proper and _ACRONYM.fullmatch(w.paren) is not None and place is not None
                   and place.type == "LOC" and place.last == last - 1 and place.first >= first)
        if (not (w.proper or marked or acronym or company_of_common_nouns(w, self.data)) or w.noun[0].isdigit()
                or self.data.trigger_re.fullmatch(w.noun) or (w.noun.isascii() and len(w.noun) < 2)
                or (first == last and w.noun in self.data.sector_words)  # (클라우드 파트너십 MOU: a field)
                or _QUOTED.match(doc.text, max(0, w.noun_start - 1))):
            return None
        # an unknown proper noun in a party slot is an organisation (한결, 다온, 서울 미르텍)
        k = _name_start(doc, first, last, self.data, marked=marked)
        if acronym and k == last:
            k = place.first  # (the place is part of such a name: 샌디에이고 카운티 경제개발공사)
        name = " ".join([*(doc.words[i].noun for i in range(k, last)), list_item_name(w)])
        adhoc = Mention("ORG", name, doc.words[k].noun_start, w.noun_end, w.sent, k, last,
                        [w.paren] if w.paren and not NOT_ALIAS.match(w.paren) else [])
        adhoc.adhoc = True
        doc.mentions.append(adhoc)
        doc.mention_at[last] = adhoc
        return adhoc

    def _countries(self, doc: Document, first: int, last: int) -> list[Mention]:
        """Countries a phrase names by their one-syllable short names or before 양국: 한-(베트남), 한중
        양국은, 베트남 양국 정부는 (after 한국과)."""
        abbreviations = self.data.country_abbreviations or {}
        w = doc.words[first]
        if first == last and w.sep in _COUNTRY_JOINS and w.noun in abbreviations:
            return [self._country(doc, abbreviations[w.noun], first)]  # 한-베트남, 한·미·일
        both = next((k for k in range(first + 1, last + 1) if doc.words[k].noun in _BOTH_COUNTRIES), None)
        if both is None:
            return []
        m = doc.mention_at.get(both - 1)
        if m is not None and m.type == "LOC" and self.data.places.get(m.name) == "country":
            return [m]
        fused = doc.words[both - 1].noun
        if both - 1 >= first and len(fused) in (2, 3) and all(c in abbreviations for c in fused):
            return [self._country(doc, abbreviations[c], both - 1) for c in fused]  # 한중 양국, 한미일 3국
        return []

    @staticmethod
    def _country(doc: Document, name: str, index: int) -> Mention:
        w = doc.words[index]
        m = Mention("LOC", name, w.noun_start, w.noun_end, w.sent, index, index)
        m.adhoc = True
        doc.mentions.append(m)
        return m

    def _fused_place(self, doc: Document, w: Word, t: re.Match, index: int) -> Mention | None:
        """포항시장은, 산둥성장과: the known place whose head the fused title names."""
        ending = (self.data.place_heads or {}).get(t.group(0))
        place = w.noun[:t.start()]
        if not ending:
            return None
        if place not in self.data.places and place + ending not in self.data.places:
            return None
        name = place if place.endswith(ending) else place + ending
        m = Mention("LOC", name, w.noun_start, w.noun_start + t.start(), w.sent, index, index)
        m.adhoc = True
        doc.mentions.append(m)
        return m

    def _venue(self, doc: Document, start: int, at: int) -> str | None:
        """``_venue``, and the place it names as a LOC entity: 시청 세종실 → 세종실, 자연생태공원
        세미나실 → 자연생태공원 (rooms and generic buildings dropped; not 정상회의, 현지); 워싱턴DC 인근
        내셔널하버 → 워싱턴DC and 내셔널하버."""
        parts = self.data.venue_parts or {}
        span = _venue_span(doc, start, at, self._abstract, self._events)
        if span is None:
            return None
        first, last = span
        words = doc.words
        while last >= first and parts.get(words[last].noun) == "room":
            last -= 1
        near = [k for k in range(first, last) if parts.get(words[k].noun) == "near"]
        if near:  # (the place before it is read by the document: 워싱턴DC 인근)
            first = near[-1] + 1
        while first < last and (parts.get(words[first].noun) == "building" or first in doc.mention_at):
            first += 1
        core = words[first:last + 1]
        if (core
                and not any(m.first <= last and m.last >= first and not m.adhoc for m in doc.mentions)
                and (core[-1].proper or core[-1].parts >= 2 or len(core) > 1)
                and not any(w.noun.endswith(self._not_places) for w in core)
                and not core[0].noun[0].isdigit() and len(core[-1].noun) >= 2):
            name = doc.text[core[0].noun_start:core[-1].noun_end]
            doc.mentions.append(Mention("LOC", name, core[0].noun_start, core[-1].noun_end, core[0].sent, first, last))
        lo = span[0] + 1 if parts.get(words[span[0]].noun) == "near" and span[0] < span[1] else span[0]
        return doc.text[words[lo].noun_start:words[span[1]].noun_end]  # (not "소재 Omni Hotel")

    def _person_in(self, first: int, last: int) -> Mention | None:
        """The first person (in mention order) named from one of words first..last."""
        keys = self._person_words
        lo = bisect_left(keys, first)
        if lo == len(keys) or keys[lo] > last:
            return None  # most phrases
        found = [self._person_at[k] for k in keys[lo:bisect_right(keys, last)]]
        return min(found, key=itemgetter(0))[1]

    def _led_by(self, doc: Document, k: int) -> Mention | None:
        """"왕하이펑 옌청시 당서기가 이끄는 대표단이": the body of the person who leads the delegation."""
        if k < 2 or doc.words[k - 1].noun or doc.words[k - 1].rest[:1] != _LEADS:
            return None
        leader = max((m for m in self._people if m.sent == doc.words[k].sent and m.last < k - 1),
                     key=_START, default=None)
        body = self._bodies.get(leader.affiliation or "") if leader is not None else None
        if body is None:
            return None
        w = doc.words[k]
        return replace(body, start=w.noun_start, end=w.noun_end, sent=w.sent, first=k, last=k, aliases=list(body.aliases))

    def _named_elsewhere(self, p: Mention) -> Mention | None:
        """김영수 미르시장: the body of the title is named elsewhere in the article (미르); it signs here."""
        body = self._bodies.get(p.affiliation or "")
        if body is None:
            return None
        return replace(body, start=p.start, end=p.end, sent=p.sent, first=p.first, last=p.last,
                       aliases=list(body.aliases))

    def _headed_place(self, doc: Document, p: Mention) -> Mention | None:
        """가람도는 … 홍길동 지사는: a place head named without a place heads the last place of that kind;
        마이클 라마 세부시장과: the place named in the article fused with the title. The place stands
        where the person is named (as in ``_named_elsewhere``)."""
        place = self._place_headed(doc, p)
        if place is None:
            return None
        return replace(place, start=p.start, end=p.end, sent=p.sent, first=p.first, last=p.last,
                       aliases=list(place.aliases))

    def _place_headed(self, doc: Document, p: Mention) -> Mention | None:
        if p.affiliation or not p.title:
            return None
        if p.title not in self.data.place_heads:
            fused = fused_place_head(p.title, self._bodies, self.data)
            place = self._bodies[fused[0]] if fused else None
            return place if place is not None and place.type == "LOC" else None
        ending = self.data.place_heads[p.title]
        places = [m for m in doc.mentions if m.type == "LOC" and m.start < p.start
                  and m.name.endswith(ending) and len(m.name) > len(ending)]
        # "누리시(시장 정하윤)는 … 콜럼버스시와 … 정하윤 시장은": the place an earlier mention gave them
        earlier = {m.affiliation for m in doc.mentions if m.type == "PERSON" and m.name == p.name
                   and m.affiliation and m.start < p.start}
        if earlier:
            places = [m for m in places if m.name in earlier]
        elif (self._topic is not None and typical_name(p.name, self.data)
              and any(m.name == self._topic.name for m in places)):
            # "나래시는 웨이하이시, 옌타이시와 … 김도윤 시장은": a Korean name with a bare title heads the
            # place the article is about, not the partner named last
            places = [m for m in places if m.name == self._topic.name]
        return max(places, key=_START, default=None)

    def _own_kind(self, sentence: str, lo: int, hi: int) -> str | None:
        """"A와 투자협약을, B와는 공급계약을 각각 체결": the document named after each pair's partner."""
        found = [self.data.triggers[t.group(0)] for t in self.data.trigger_re.finditer(sentence, lo, hi)]
        return min(found, key=_KIND_PRIORITY.get) if found else None

    def _counted_documents(self, sentence: str, verb_start: int) -> list[str]:
        """``총 6건의 양해각서와 1건의 계약서를 교환``: one kind per counted document (two or more);
        a count after 등 sums up documents the article lists with their own parties, so it is skipped."""
        kinds: list[str] = []
        for m in _COUNTED_DOC.finditer(sentence, 0, verb_start):
            t = self.data.trigger_re.match(sentence, m.end())
            if t is None:
                continue
            if sentence[:m.start()].rstrip().endswith("등"):
                return []
            kinds.extend([self.data.triggers[t.group(0)]] * int(m.group(1)))
        return kinds[:10] if len(kinds) >= 2 else []

    def _quoted_documents(self, sentence: str, lo: int, hi: int) -> list[str]:
        """The kind of each quoted document title ('범죄인인도조약', '위성방송 협력 약정') in sentence[lo:hi]."""
        kinds = []
        for q in _QUOTED_TITLE.finditer(sentence, max(0, lo), max(0, hi)):
            found = list(self.data.trigger_re.finditer(q.group(1)))
            if found:
                kinds.append(self.data.triggers[found[-1].group(0)])
        return kinds[:10]

    def _represented(self, doc: Document, p: Mention) -> Mention | None:
        """The state or ministry a signatory stands for when no body is named beside them."""
        return self._state_body(doc, p.affiliation or "", p.title or "", p.start, p.end, p.sent, p.first, p.last)

    def _state_body(self, doc: Document, aff: str, title: str, start: int, end: int, sent: int,
                    first: int, last: int) -> Mention | None:
        """외교통상부장관 -> 외교통상부, 주한일본대사 -> 일본, an unqualified 대통령 -> 한국."""
        states = self.data.state_titles
        title = next((t for t in states if title.endswith(t)), None)
        if title is None:
            return None
        if aff.startswith("주") and not aff.startswith("주한") and classify_name(aff[1:], self.data) == "L":
            aff = ""  # 주베트남 대사: the ambassador of the home country
        aff = aff.removeprefix("주한")
        kind = classify_name(aff.split()[-1], self.data) if aff else None
        kind = "O" if kind == "W" else kind  # 베트남 건설부
        if kind in ("O", "L"):
            name, type_ = aff, "ORG" if kind == "O" else "LOC"
        elif not aff and states[title]:
            name, type_ = states[title], "LOC"
        else:
            return None
        m = Mention(type_, name, start, end, sent, first, last)
        m.adhoc = True
        doc.mentions.append(m)
        return m

    # -- signing clause ------------------------------------------------------------------------

    def _verbs(self, sentence: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of each signing verb with its own trigger word before it; the first
        is the sentence's signing, later ones report further signings (…를 체결했으며, B와 …를 체결했다)."""
        triggers = list(self.data.trigger_re.finditer(sentence))
        verbs = list(self.data.signing_re.finditer(sentence))
        if self.data.object_trigger_re is not None and verbs:
            # 기본협의를 체결했다: a noun that names an agreement only as the signing verb's object
            starts = {v.start() for v in verbs}
            objects = [t for t in self.data.object_trigger_re.finditer(sentence)
                       if (o := _DIRECT_OBJECT.match(sentence, t.end())) and o.end() in starts]
            triggers = sorted(triggers + objects, key=lambda t: t.start()) if objects else triggers
        if not triggers:
            return []
        # 협정서명식에서 … 서명했다: a ceremony noun is the verb only when nothing else is
        plain = [v for v in verbs if sentence[v.end():v.end() + 1] != "식"]
        out: list[tuple[int, int, str]] = []
        for v in plain + [v for v in verbs if v not in plain]:
            lo = out[-1][1] if out else 0
            if v.start() < lo:
                continue
            if v.group(0) in self.data.reference_words:
                # "협약을 시작으로": only right after its agreement noun
                near = [t for t in triggers if lo <= t.start() and _OBJECT.fullmatch(sentence, t.end(), v.start())]
            else:
                near = [t for t in triggers if lo <= t.start() and t.end() <= v.start() and (
                    _gap(sentence, t.end(), v.start()) <= 40 or _TOPIC_AFTER.match(sentence, t.end()))]
            if not near and not out and v.group(0) not in self.data.reference_words:
                near = [t for t in triggers if t.start() >= v.end() and t.start() - v.end() <= _TRIGGER_AFTER]
            near = [t for t in near if not _JUBILEE.search(sentence, t.end(), v.start())
                    and not _JUBILEE.match(sentence, v.end())]
            if not near:
                continue  # (자매결연 30주년 기념식을 가졌다, 체결 10주년: an anniversary, not a signing)
            last = near[-1] if near[-1].end() <= v.start() else near[0]
            compound = [t for t in near if abs(t.end() - last.end()) <= 10 and t.end() <= last.end()] or [last]
            kind = min((self.data.triggers[t.group(0)] for t in compound), key=_KIND_PRIORITY.get)
            out.append((v.start(), v.end(), kind))
            if v not in plain:
                break
        return out

    def _headline_noun(self, sentence: str) -> list[tuple[int, int, str]]:
        """"가람시, 누리전자와 스마트시티 MOU": a headline that ends on its agreement noun reports
        the signing without a verb (the noun is the verb, of no width, at its end)."""
        last = None
        for last in self.data.trigger_re.finditer(sentence):
            pass
        if last is None or sentence[last.end():].strip(_HEADLINE_TAIL) or _OTHERS.search(sentence, 0, last.start()):
            return []  # (A, B 등과 업무협약: a summary of signings the body reports one by one)
        return [(last.end(), last.end(), self.data.triggers[last.group(0)])]

    def _status(self, doc: Document, start: int, verb_start: int, verb_end: int, sentence: str) -> str:
        if sentence[verb_start:verb_end] in self.data.reference_words:
            return "signed"  # "B와의 협약을 시작으로 … 할 계획이다": the agreement is the past starting point
        if self.data.planned_re.search(sentence, max(0, verb_start - 2), verb_end + 30):
            return "planned"
        if start < doc.title_end or _PROGRESSIVE.match(sentence, verb_end) or (
                _AMONG_DEEDS.match(sentence, verb_end) and not _AHEAD.search(sentence, verb_end)):
            # headlines drop tense ("MOU 체결"); a photo caption shows it ("체결하고 있다"); "올해 5개 기업과
            # 협약을 맺는 등 유치에 힘쓰고 있다": a deed listed among others, the main verb tells the time
            return "signed"
        if (sentence.startswith(",", verb_end) and sentence[:verb_start].rstrip().endswith(("을", "를"))
                and signing_date(sentence, verb_start, doc.published) is not None):
            # "16일 … 투자협약을 체결, 공장 건립에 나선다": a dated signing, then what follows
            # (not a list of plans: "협약 체결, 투자 유치 등을 추진할 계획")
            return "signed"
        tags = []
        # words do not overlap, so their ends are ordered too: skip those ending before the verb
        for w in islice(doc.words, bisect_right(doc.words, start + verb_start, key=_END), None):
            if w.start >= start + len(sentence):
                break
            tags.extend(w.rest)
        first_etm = next((f for f, t in tags if t == "ETM"), None)
        if any(t == "EP" for _, t in tags) or first_etm in _PAST_ETM:
            return "signed"
        if (tags and tags[0][1] != "ETM" and next((f for f, t in tags if t in ("EC", "EF")), None) in _REPORT_LINK
                and not self.data.planned_re.search(sentence, 0, verb_start)):
            return "signed"  # 체결하며 협력을 강화한다: the signing is reported, the present tense is its effect
        if any(t == "EF" for _, t in tags):
            return "planned"  # 체결하고 … 도모한다: still ahead
        return "signed"

    def _agreements(self, doc, start, sentence, verb, slots, topic, context_date, parties=None):
        verb_start, verb_end, kind = verb
        at = start + verb_start
        head = _outside_titles(sentence, start, [s for s in slots if s.party.start < at], self.data.trigger_re)
        clause_from = clause_start(doc, start, at)
        subj_before = [s for s in head if s.role == "subj" and s.party.start < clause_from]
        head = [s for s in head if s.party.start >= clause_from] or head
        frames = signing_frames(head, doc)
        if frames and not frames[0][0] and subj_before:
            frames[0][0].append(subj_before[-1].party)
        if frames and not frames[0][0]:
            relative = _relative_subject(doc, slots, at)
            if relative is not None:
                frames[0][0].append(relative)
        if self.data.failed_re.match(sentence[verb_end:verb_end + 24]):
            return []  # 체결하지 못했다, 체결이 무산됐다, 체결을 위한 협의: no signing
        status = self._status(doc, start, verb_start, verb_end, sentence)
        own_date = True
        # 체결식이 19일 시청에서 열렸다, 협약식이 지난 3일 개최됐다: a ceremony (the signing verbs' own
        # ceremony patterns) is dated up to the verb that holds it
        held = self.data.signing_re.match(sentence, verb_end) if sentence.startswith("식", verb_end) else None
        bound = verb_end if sentence.startswith("식", verb_start) else held.end() if held else verb_start
        date = signing_date(sentence, bound, doc.published, context_date)
        reference = sentence[verb_start:verb_end] in self.data.reference_words
        if status == "planned" or reference or _ANNIVERSARY.match(sentence, verb_end):
            date = None
        elif date is not None:
            date = date.isoformat()
        elif (not re.search(r"(?:19|20)\d\d\s*년", sentence[:verb_start]) and not _MONTH_ONLY.search(sentence, 0, verb_start)
              and not _PAST.search(sentence, 0, verb_start) and not _HAD_DONE.match(sentence, verb_end)
              and not announcement_date(sentence, verb_start)
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
        partner_times: dict[int, tuple[int | None, str | None]] = {}  # id of a partner -> its own (year, date)
        if not groups:
            # (a city tie is between two: 웨이팡시, 어바인시 등 7개 도시와 자매도시 관계를 맺고 있다)
            separately = reference or kind == "sister_city" or (
                _SEPARATELY.search(sentence) and not _JOINT.search(sentence))
            hubless = not any(s.role in ("pair", "subj") for s in head)
            for subj, with_ in frames:
                if not subj and topic is not None and with_:
                    subj = [topic]
                if not subj and hubless:
                    continue  # "A·B와 협약 체결" with nobody named before: the partners without their hub
                # "A는 2022년 B, 2023년 C와도 … 맺은 바 있다", "5일 B, 6일 C와 각각": one agreement per
                # partner, each of its own year or day
                times = _times_apart(sentence, start, subj[0], with_, doc.published) \
                    if len(subj) == 1 and len(with_) > 1 else None
                if (separately or times) and len(subj) == 1 and len(with_) > 1:
                    groups.extend([subj[0], p] for p in with_)
                    partner_times.update(times or {})
                elif separately and len(with_) == 1 and len(subj) > 1:
                    groups.extend([p, with_[0]] for p in subj)
                else:
                    groups.append(subj + with_)
            groups = [g for g in groups if not any(p.type == "GROUP" for p in g)]  # (partners never named)
        copies = 1
        if len(groups) == 1 and len(_unique(groups[0])) == 2 and _EACH.search(sentence):
            # "▲ A ▲ B에 대한 MOU를 X와 각각 체결": several documents between the same two parties
            bullets = len(_BULLET.findall(sentence, 0, verb_start))
            n = _N_DOCS.search(sentence, 0, verb_start)
            copies = max(bullets, int(n.group(1)) if n else 1, 1)
            copies = min(copies, 10)
        kinds = [kind] * copies
        counted = len(groups) == 1 and len(_unique(groups[0])) == 2 and self._counted_documents(sentence, verb_start)
        kinds = counted or kinds
        evidence = sentence.strip()
        # (협약식이 16일 시청에서 열렸다: the passive ceremony verb holds its venue)
        venue = self._venue(doc, start, start + verb_end if sentence.startswith("식이", verb_start) else at)
        if venue is None and _OCCASION.search(sentence, 0, verb_start):
            # "이 자리에서 … 체결했다": where the event of the sentences before was held
            sent = bisect_right(doc.sentences, start, key=itemgetter(0)) - 1
            for k in range(sent - 1, max(-1, sent - 1 - _EVENT_SPAN), -1):
                venue = self._venue(doc, doc.sentences[k][0], doc.sentences[k][1])
                if venue is not None:
                    break
        out = []
        for n, g in enumerate(groups):
            parties = _unique(g)
            parties = [p for p in parties if not any(  # 가람상의 (the headline's subject) beside 가람상공회의소
                q.type == p.type and is_short_form(p.name, q.name) for q in parties)]
            if len(parties) < 2:
                continue
            # "A와 B는 'X 협정', 'Y 협정'에, C와 D는 …": the documents named after each pair of signatories
            lo = max(p.end for p in parties) - start
            hi = min([p.start for p in groups[n + 1] if p.start >= start + lo] + [at]) - start if n + 1 < len(groups) else verb_start
            named = self._quoted_documents(sentence, lo, hi) if len(parties) == 2 and copies == 1 else []
            own = self._own_kind(sentence, lo, hi) if len(groups) > 1 and not counted else None
            year, day = partner_times.get(id(parties[-1]), (_year_before(sentence, verb_start, doc.published), date))
            for copy, k in enumerate(named if len(named) >= 2 else [own] if own else kinds):
                if k in ("mou", "agreement") and all(p.type == "LOC" for p in parties) and (
                        _FRIENDSHIP.search(sentence, max(0, verb_start - 25), verb_start)
                        or _FRIENDSHIP_AFTER.match(sentence, verb_end)):
                    k, friendship = "sister_city", True  # 우호 교류 협정 between cities (2019년 체결한 우호협력 협약)
                else:
                    friendship = False
                out.append(Found(parties, k, status, evidence, day, venue, own_date=own_date, year=year, copy=copy,
                                 summary=_SUMMARY.search(sentence, 0, verb_start) is not None,
                                 counted=bool(counted), reference=reference, friendship=friendship))
        return out


_START = attrgetter("start")
_LEADS = [("이끌", "VV")]  # 이끄는 (이끌/VV 는/ETM): "led by"
_END = attrgetter("end")


def _visited_body(doc: Document, person: Mention | None) -> Mention | None:
    """벨마운트카운티를 방문해 존 리 시장과: the body just visited is the one the named title holder heads."""
    if person is None or person.type != "PERSON" or person.affiliation:
        return None
    for i in range(person.first - 1, max(-1, person.first - 4), -1):
        w = doc.words[i]
        if w.sent != person.sent:
            return None
        if w.noun == "방문" and i > 0 and doc.words[i - 1].josa in ("을", "를"):
            body = doc.mention_at.get(i - 1)
            return body if body is not None and body.type in ("ORG", "LOC") else None
    return None


def _name_start(doc: Document, first: int, last: int, data: rules.Rules, marked: bool = False) -> int:
    """First word of an unknown multi-word name ending at ``last``: 서울 미르텍, 선전 블루 웨이브
    일렉트로닉 (proper nouns, with a common loanword only between two of them); before the
    company marker 사 a phrase of up to two words is the name (블루 에어로닉스 사)."""
    k, start = last, last
    while k > first and last - k < 4:
        w = doc.words[k - 1]
        cls = classify(w, data)
        if (w.josa or w.sep or w.paren or w.rest or not w.noun or w.noun.endswith(GROUP_ENDINGS)
                or w.noun.endswith(_LOCATED) or cls not in ("P", "L", "N")
                and not (cls == "O" and (_LATIN_WORD.match(w.noun) and _LATIN_WORD.match(doc.words[k].noun)
                                         or k == last and w.noun in data.orgs and doc.words[k].proper))):
            # (Ford Motor Company, 지멘스 헬시니어스: a known name begins a longer one, the unknown
            # name of one of its companies)
            break
        k -= 1
        if cls == "O":
            start = k
            continue
        if cls == "L":
            if w.proper and start == k + 1 and data.places.get(w.noun) != "country":
                start = k  # 서울 미르텍: a place begins the name (미국 of 미국 포드 describes it)
            break
        if w.proper and cls == "P":
            start = k  # a common noun (스타) is kept only with a proper noun before it
    if marked and k == first and last - first <= 2:
        return first  # the whole short phrase before the marker is the name
    return start


def _ends_with_trigger(title: str, triggers: re.Pattern) -> bool:
    """'… 설립에 관한 협정(Agreement on …)': a document title ends with its kind word."""
    title = _TRAILING_PAREN.sub("", title).rstrip()
    return any(t.end() == len(title) for t in triggers.finditer(title))


def _gap(sentence: str, lo: int, hi: int) -> int:
    """Characters between a trigger and its verb, not counting a name in parentheses (협정(Agreement on …)에)."""
    paren = _LEADING_PAREN.match(sentence, lo, hi)
    return hi - (paren.end() if paren else lo)


def _outside_titles(sentence: str, start: int, slots: list[Slot], triggers: re.Pattern) -> list[Slot]:
    """Names inside a quoted document title ('대한민국, 일본국 … 정부간 협정') are not slots
    when the signatories are named outside it."""
    quotes = [(start + q.start(), start + q.end()) for q in _QUOTED_TITLE.finditer(sentence)
              if _ends_with_trigger(q.group(1), triggers)]
    if not quotes:
        return slots
    outside = [s for s in slots if not any(a <= s.party.start < b for a, b in quotes)]
    return outside if any(s.role in ("subj", "with") for s in outside) else slots


def _one_name(doc: Document, lo: int, hi: int) -> bool:
    """Words lo..hi-1 carry nothing after their noun but a parenthesis: one name goes on past them."""
    return all(not w.rest and not w.sep and not w.josa for w in doc.words[lo:hi])


def _relative_subject(doc: Document, slots: list[Slot], at: int) -> Mention | None:
    """"B와 협정을 체결했던 A는": the party right after a signing verb in relative form is its subject."""
    k = bisect_right(doc.words, at, key=_START) - 1
    if k < 0 or not any(t == "ETM" for _, t in doc.words[k].rest):
        return None
    return next((s.party for s in slots if s.party.first == k + 1 and s.role == "subj"), None)
















def _venue_span(doc: Document, start: int, at: int, abstract: tuple[str, ...],
                events: tuple[str, ...]) -> tuple[int, int] | None:
    """The first and last word of the last place "…에서" before ``at``, with the bare nouns that
    name it before it (시청 대회의실, 서울 롯데호텔), without a time word (이날); not an abstract
    noun (기술 분야에서, 상생 차원에서); not an event held at the place before it (서울 롯데호텔에서
    열린 투자설명회에서)."""
    venue = None
    first = bisect_left(doc.words, start, key=_START)
    for i in range(first, len(doc.words)):
        w = doc.words[i]
        if w.end >= at:
            break
        # (투자협약식에서: 투자협약/NNG 식/NNB, the bound noun read with it; a particle means a rest)
        if (w.josa == "에서" and w.noun and not w.noun[0].isdigit()
                and not (w.noun + (w.rest[0][0] if w.rest[0][1] == "NNB" else "")).endswith(_EVENTS)
                and w.noun != _OCCASION_NOUN and not w.noun.endswith(abstract)):
            k = i
            while k > first and i - k < 3:
                prev = doc.words[k - 1]
                if (not prev.noun or prev.rest or prev.sep or prev.paren or prev.noun[0].isdigit()
                        or prev.noun in _TIME_WORDS or doc.text[prev.end:doc.words[k].start] != " "):
                    break
                k -= 1
            if not (venue is not None and w.noun.endswith(events)
                    and _HELD_AT.match(doc.text, doc.words[venue[1]].end, w.start)):
                venue = (k, i)
    return venue


_HELD_AT = re.compile(r"\s*(?:열린|개최된|진행된|펼쳐진|마련된)\s")


_TIME_WORDS = frozenset({"이날", "오늘", "당일", "같은날", "현지", "지난", "앞서", "최근", "한편", "또", "또한",
                         "동안", "기간", "중", "당시", "이후", "후", "전", "오전", "오후", "저녁", "새벽", "밤",
                         # (전날 포항시청, 다음 달 중순 청주에서)
                         "전날", "다음날", "이튿날", "어제", "내일", "달", "주", "주말", "내달", "이달", "지난달",
                         "다음달", "초순", "중순", "하순", "초", "말", "연말", "연초", "올해", "내년", "연내", "향후"})
_EVENTS = ("식", "행사")  # 서명식에서: the ceremony, not where it was held
_OCCASION_NOUN = "자리"  # 이 자리에서: at the event just reported, not a place
_OCCASION = re.compile(r"(?:이|그|이날)\s?자리에서")


def _named_pair(slots: list[Slot]) -> list[Mention] | None:
    """"A와 B는/가", or "A는 B와 …" (the subject and its partner): the two bodies a later "두 도시는"
    or "양사는" stands for."""
    for a, b in zip(slots, slots[1:]):
        if (a.role == "with" and b.role == "subj" and b.word == a.word + 1
                and a.party.type in ("ORG", "LOC") and b.party.type in ("ORG", "LOC")):
            return [a.party, b.party]
    subj = next((s for s in slots if s.role == "subj"), None)
    partner = next((s for s in slots if s.role == "with" and subj is not None and s.word > subj.word), None)
    if (partner is not None and subj.party.type in ("ORG", "LOC") and partner.party.type in ("ORG", "LOC")
            and subj.party.name != partner.party.name):
        return [subj.party, partner.party]
    return None


def _lone_subject(slots: list[Slot], at: int, topic: Mention | None) -> Mention | None:
    """The subject before offset ``at`` (else the topic) of a signing whose slots name no partner."""
    if any(s.role in ("with", "pair", "with_group") for s in slots):
        return None
    return next((s.party for s in slots if s.role == "subj" and s.party.start < at), None) or topic


def _visited(doc: Document, slots: list[Slot], subj: Mention, before: int) -> Slot | None:
    """The body the subject visits (B를 방문해, B를 찾아, B를 차례로 방문해) before offset ``before``."""
    for s in slots:
        w = doc.words[s.word]
        nxt = doc.words[s.word + 1] if s.word + 1 < len(doc.words) else None
        if nxt is not None and nxt.noun in _IN_TURN and s.word + 2 < len(doc.words):
            nxt = doc.words[s.word + 2]
        if (s.role == "other" and w.josa in ("을", "를") and s.party.type in ("ORG", "LOC")
                and s.party.name != subj.name and subj.start < s.party.start < before and nxt is not None
                and (nxt.noun == "방문" or not nxt.noun and nxt.rest and nxt.rest[0][0] == "찾")):
            return s
    return None


_IN_TURN = frozenset({"차례", "각각", "직접", "연이어", "잇따라"})  # (B, C를 차례로 방문해)


_VISITS = frozenset({"방문", "파견", "순방"})


def _visit_after(doc: Document, at: int) -> bool:
    """A visit or a mission sent (방문, 파견, 순방, 찾아) within the few words after word ``at``."""
    for w in islice(doc.words, at + 1, at + 5):
        if w.sent != doc.words[at].sent:
            return False
        if w.noun in _VISITS or not w.noun and w.rest and w.rest[0][0] == "찾":
            return True
    return False


_ALSO = "도"
# "8일 이사회를 열고 계약 체결을 의결했다": a decision about the signing, not its day
_DECIDED = re.compile(r"\S{0,2}\s?(?:의결|승인|결의|결정)")
_TO = frozenset({"에", "에게"})
_FROM = frozenset({"로부터", "으로부터"})
# (B에 X를 공급하는, 기술이전하는, 수출하는 계약)
_SUPPLIES = re.compile(r"(?:공급|납품|수출|판매|제공|이전|양도|라이선스|인도)(?:하는|하기로 한|할)\s")


def _partner_of(doc: Document, signed: list[Found], subject: Mention) -> Mention | None:
    """Which party of the one two-party signing just reported (``subject`` not in it) the subject
    signs with, too: the one of another type (a company after a company's signing with a city signs
    with the city), else the one the headline names, else the partner."""
    if len(signed) != 1 or len(signed[0].parties) != 2 or any(p.name == subject.name for p in signed[0].parties):
        return None
    parties = signed[0].parties
    other = [p for p in parties if p.type != subject.type]
    headline = [m.name for m in doc.mentions if m.start < doc.title_end and m.type in ("ORG", "LOC")]
    named = [p for p in parties if any(p.name.startswith(h) for h in headline)]
    return other[0] if len(other) == 1 else named[0] if len(named) == 1 else parties[1]


def _visit_pair(doc: Document, slots: list[Slot]) -> list[Mention] | None:
    """"A 대표단이 B를 방문해 …": the visitor and the visited, whom a later "양측은" stands for."""
    subj = next((s.party for s in slots if s.role == "subj" and s.party.type in ("ORG", "LOC")), None)
    visited = _visited(doc, slots, subj, len(doc.text)) if subj is not None else None
    return [subj, visited.party] if visited is not None else None


def _named_from(doc: Document, first: int) -> Mention | None:
    """The longest body named from word ``first`` on (▲A-박닌성 인민위원회 협력: the committee, not the province)."""
    found = None
    for last in range(first, min(first + 3, len(doc.words))):
        m = doc.mention_at.get(last)
        if m is not None and m.first == first and m.type in ("ORG", "LOC"):
            found = m
    return found


def _unique(parties: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for m in parties:
        seen.setdefault(m.name, m)
    return list(seen.values())


def _times_apart(sentence: str, start: int, hub: Mention, partners: list[Mention],
                 published) -> dict[int, tuple[int | None, str | None]] | None:
    """Each partner listed after a year (2022년 B, 2023년 C와) or a day (5일 B, 6일 C와) of its own,
    or before it (B와는 8일, C와는 9일), not all the same: id of each partner -> (year, ISO date or
    None); else None."""
    times: dict[int, tuple[int | None, str | None]] = {}
    ends = [p.end - start for p in partners]
    if all(_TOPIC_WITH.match(sentence, end) for end in ends):  # each day after its partner
        spans = list(zip(ends, [p.start - start for p in partners[1:]] + [len(sentence)]))
    else:  # each day before its partner
        spans = list(zip([max(hub.end - start, 0), *ends[:-1]], [p.start - start for p in partners]))
    for p, (lo, hi) in zip(partners, spans):
        days = days_between(sentence, lo, hi, published)
        if len(days) == 1 and days[0] is not None:
            times[id(p)] = (None, days[0].isoformat())  # (a day names no year of its own: _year reads the date)
        else:
            years = _YEAR.findall(sentence, lo, hi)
            if len(years) != 1:
                return None
            times[id(p)] = (int(years[0]), None)
    return times if len(set(times.values())) > 1 else None


_TOPIC_WITH = re.compile(r"[와과]는\s")  # B와는 8일


_EARLIER_SIGNING = re.compile(r"(?:체결|서명|조인)(?:한|된|했던|됐던)\s|맺은\s|맺었던\s")


def _year_before(sentence: str, verb_start: int, published) -> int | None:
    """The year the clause names before its verb: 2015년, or 지난해 (the year before publication)."""
    years = list(_YEAR.finditer(sentence, 0, verb_start))
    if years and _EARLIER_SIGNING.search(sentence, years[-1].end(), verb_start):
        return None  # "2021년 체결한 양해각서를 연장하는 협약을 맺었다": the year of the earlier document
    last = _LAST_YEAR.search(sentence, years[-1].end() if years else 0, verb_start)
    if last and published is not None:
        return published.year - (2 if last.group(0) == "재작년" else 1)
    return int(years[-1].group(1)) if years else None


def _after_place(doc: Document, at: int) -> bool:
    """A place's name ends right before ``at`` (one space apart)."""
    before = doc.text[max(0, at - 4):at]
    end = at - (len(before) - len(before.rstrip()))
    return any(m.type == "LOC" and m.end == end for m in doc.mentions)


def _in_org_name(doc: Document, at: int) -> bool:
    """Offset ``at`` lies inside an organisation's name (한국관광공사 names no tourism deal)."""
    return any(m.type == "ORG" and m.start <= at < m.end for m in doc.mentions)


def _find_term(text: str, term: str, start: int = 0) -> int:
    """Offset of ``term`` in ``text`` from ``start``; a Latin term must not be part of a longer Latin word."""
    at = text.find(term, start)
    if not term.isascii():
        return at
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(term)] if at + len(term) < len(text) else " "
        if not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum()):
            return at
        at = text.find(term, at + 1)
    return -1
