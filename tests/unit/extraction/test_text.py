"""Tests of streams.extraction.text on text written for these tests (no article text)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streams.extraction.text import clean, looks_mojibaked, repair_mojibake

BODY = "가상시는 5일 시청에서 가상전자와 투자협약을 체결했다고 밝혔다."
BODY2 = "협약에 따라 가상전자는 2026년까지 공장을 새로 짓는다."


def crawler_damage(text: str, *, greedy_utf8: bool = True) -> str:
    """What the crawler did to CP949 pages: drop the 0xAD bytes, then decode as UTF-8
    where the bytes form valid UTF-8 (greedily) and as Latin-1 byte by byte elsewhere.
    ``greedy_utf8=False`` decodes everything as Latin-1 (the real crawler left some
    valid UTF-8 pairs undecoded)."""
    data = text.encode("cp949").replace(b"\xad", b"")
    out, i = [], 0
    while i < len(data):
        b = data[i]
        n = 1 if b < 0x80 else 2 if 0xC2 <= b <= 0xDF else 3 if 0xE0 <= b <= 0xEF else 4 if 0xF0 <= b <= 0xF4 else 0
        if n and (greedy_utf8 or n == 1):
            try:
                out.append(data[i : i + n].decode("utf-8"))
                i += n
                continue
            except UnicodeDecodeError:
                pass
        out.append(chr(b))
        i += 1
    return "".join(out)


# --- junk lines ------------------------------------------------------------------
JUNK_CASES = {
    "weather widget": "2026.01.05 (월)\n• 맑음서울 3.4℃\n• 흐림부산 11.5℃\n• 구름많음제주 9.0℃\n기상청 제공\n" + BODY,
    "site menu": "본문 바로가기\n메뉴\n글자크기 설정\n닫기\nbar_progress\n" + BODY,
    "share buttons": BODY + "\n이 기사를 공유합니다\n공유\n페이스북\n카카오톡\nURL 복사\n-\n+",
    "comment box": BODY + "\n댓글 0\n--comment--\n첫 번째 댓글을 작성해 보세요.\n댓글 바로가기\n"
    "- 띄어 쓰기를 포함하여 250자 이내로 써주세요.\n"
    "※ 아래 경우에는 고지 없이 삭제하겠습니다.\nComments are closed.",
    "copyright": BODY + "\n저작권자 © 가상일보 무단전재 및 재배포 금지\n"
    "<저작권자(c) 가상통신, 무단 전재-재배포 금지>\n"
    "Copyright © Example Broadcasting. All rights reserved.\n[저작권자ⓒ 가상뉴스. 무단전재-재배포 금지]",
    "photo viewer": "1열에는 사진 설명을 | 2열에는 사진을 넣으세요. |\n---|---|\n"
    "키보드를 사용하여 뷰어를 제어하실 수 있습니다. 좌우버튼 :이동 | 엔터 : 전체화면 | + - : 확대/축소\n" + BODY,
    "template code": BODY + "\n@include $docRoot.'/inc/relate.php';?>\n<?php echo $x; ?>",
    "e-mail only": BODY + "\nreporter@example.com\n[email\xa0protected]\n이메일: desk@example.co.kr",
    "footer": BODY + "\n서울시 가상구 가상로 1 | 대표전화 : 02-000-0000 | 팩스 : 02-000-0001 | 등록번호 : 서울 아00000",
    "reaction buttons and widgets": BODY + "\n좋아요 3\n훈훈해요 0\n카카오톡(으)로 기사보내기\n다른 공유 찾기\n"
    "가 가 가 가\n뉴스듣기\n미세먼지 좋음\n서울 맑음 3.4℃\n네이버에서 가상일보를 구독하세요!\n기자 프로필",
    "reading time and ads": "시계아이콘읽는 시간00분 37초\nAD\n" + BODY + "\nAD\n당신이 궁금할 이슈 콘텐츠",
}


@pytest.mark.parametrize("case", sorted(JUNK_CASES))
def test_junk_lines_are_removed(case):
    lines = clean(JUNK_CASES[case]).split("\n")
    # the date widget is kept on purpose: the analyser may need a page date
    assert [ln for ln in lines if ln != "2026.01.05 (월)"] == [BODY]


def test_what_follows_a_copyright_notice_past_the_middle_is_dropped():
    raw = "\n".join([BODY, BODY2, "<저작권자(c) 가상통신, 무단 전재-재배포 금지>", "댓글", "가상뉴스",
                      "다른 기사의 제목, 미국 넘어 프랑스까지"])
    assert clean(raw) == BODY + "\n" + BODY2


def test_a_copyright_notice_before_the_middle_ends_nothing():
    raw = "\n".join(["저작권자 © 가상일보 무단전재 및 재배포 금지", BODY, BODY2])
    assert clean(raw) == BODY + "\n" + BODY2


def test_related_articles_list_and_items_removed_but_article_goes_on():
    raw = "\n".join(
        [
            BODY,
            "▶ 관련기사 ◀",
            "- 가상시, 수출 목표 달성2026.01.02",
            "- 다른 도시도 협약 추진2026.01.03",
            "▶ 세 번째 관련 기사 제목",
            BODY2,
        ]
    )
    assert clean(raw) == BODY + "\n" + BODY2


def test_byline_with_address_is_kept_but_bare_address_dropped():
    out = clean(BODY + "\n홍길동 기자 gildong@example.com\ngildong@example.com")
    assert out == BODY + "\n홍길동 기자 gildong@example.com"


def test_prose_mentioning_junk_words_is_kept():
    sentences = [
        "가상시는 악성 댓글을 막기 위한 조례를 만들었다고 밝혔다.",
        "저작권자의 허락 없이 사진을 쓴 업체가 적발됐다.",
        "시는 공유 오피스를 열고 창업 기업 20곳을 모집한다.",
        "맑음 수준의 경기 전망이 이어졌다.",
    ]
    raw = "\n".join(sentences)
    assert clean(raw) == raw


def test_sentence_containing_copyright_words_is_kept():
    # a sentence that reports something is article text, a notice is not
    para = (
        "가상시는 지역 언론사 다섯 곳과 함께 기사와 사진을 무단 전재하거나 재배포 금지 표시를 지우는 관행을 "
        "막기 위해 공동 감시단을 꾸리고 위반 사례를 분기마다 공개하는 내용의 업무협약을 지난 3일 시청에서 맺었다."
    )
    assert clean(para) == para
    assert clean(BODY + "\n본 기사의 무단 전재 및 재배포를 금지합니다.") == BODY


def test_duplicate_lines_keep_the_first_copy():
    raw = "\n".join([BODY, "(사진=가상시청 제공)", BODY, "(사진=가상시청 제공)", BODY2])
    assert clean(raw) == "\n".join([BODY, "(사진=가상시청 제공)", BODY2])


# --- HTML, markdown, Unicode --------------------------------------------------------
@pytest.mark.parametrize(
    "raw, expected",
    [
        ("<p>첫 문단입니다.</p><p>둘째 문단입니다.</p>", "첫 문단입니다.\n둘째 문단입니다."),
        ("첫 문장이다.<br>둘째 문장이다.", "첫 문장이다.\n둘째 문장이다."),
        ("가상시는<br/>협약을 맺었다.", "가상시는 협약을 맺었다."),  # a break inside a sentence is joined
        ('<b>굵은</b> 글씨와 <a href="https://example.com">링크</a>', "굵은 글씨와 링크"),
        ("<!-- 광고 --><div class='x'>본문</div><script>var a = 1;</script>", "본문"),
        ("A&amp;B사와 R&D 협력 &lt;가상일보&gt;", "A&B사와 R&D 협력 <가상일보>"),
        ("&#54620;&#xAD6D; 기업", "한국 기업"),
        ("두&nbsp;기관이&nbsp;협약했다.", "두 기관이 협약했다."),
        ("&amp;lt;b&amp;gt;중첩&amp;lt;/b&amp;gt;", "중첩"),
        ("첫 문장이다. <!-- 닫히지 않은 주석\n둘째 문장이다.", "첫 문장이다.\n둘째 문장이다."),
        ("<최윤식 기자>", "<최윤식 기자>"),
        ("<Korea Herald> 보도", "<Korea Herald> 보도"),
        ("가격 a<b 조건", "가격 a<b 조건"),
    ],
)
def test_html_tags_and_entities(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("| 구분 | 내용 |\n| --- | --- |\n| 기간 | 3년 |", "구분 내용\n기간 3년"),
        ("# 주간 소식\n## 01", "주간 소식\n01"),
        ("**가상센터** 소개", "가상센터 소개"),
        ("문의: [desk@example.com](mailto:desk@example.com)로 신청", "문의: desk@example.com로 신청"),
        ("자세한 내용은 <https://example.com/a?b=1> 참고", "자세한 내용은 https://example.com/a?b=1 참고"),
        ("\\*참가 자격: 창업 7년 이내", "*참가 자격: 창업 7년 이내"),
        ("![사진](https://example.com/a.jpg)사진 설명", "사진 설명"),
    ],
)
def test_markdown_fragments(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("㈜가상전자", "(주)가상전자"),
        ("ＡＢＣ１２３ 기업", "ABC123 기업"),
        ("① 첫째", "1 첫째"),
        ("면적 3만㎡", "면적 3만m2"),
        ("가\u200b상\u00ad전자\ufeff", "가상전자"),
        ("두\u3000기관", "두 기관"),
        ("두\t\t기관이   만났다.  ", "두 기관이 만났다."),
        ("첫 줄\r\n둘째 줄\r셋째 줄", "첫 줄\n둘째 줄\n셋째 줄"),
    ],
)
def test_nfkc_and_whitespace(raw, expected):
    out = clean(raw)
    assert out == expected
    assert unicodedata.is_normalized("NFKC", out)


def test_blank_lines_collapse_and_lines_are_stripped():
    assert clean("\n\n  " + BODY + "  \n\n\n\n  " + BODY2 + "\n\n") == BODY + "\n" + BODY2


# --- hard line breaks -----------------------------------------------------------------
@pytest.mark.parametrize(
    "raw, expected",
    [
        (  # broadcast script: breaks at phrase boundaries
            "가상도 투자 유치단은\n어제 뉴욕에서 설명회를 열고\n반도체와 배터리 산업 등\n"
            "세 개 기업과 협약을 체결했습니다.",
            "가상도 투자 유치단은 어제 뉴욕에서 설명회를 열고 반도체와 배터리 산업 등 "
            "세 개 기업과 협약을 체결했습니다.",
        ),
        (  # comma at the end of a line
            "가상대학교, 가상연구원,\n가상재단이 협약을 맺었다.",
            "가상대학교, 가상연구원, 가상재단이 협약을 맺었다.",
        ),
        ("두 기관은 그동안 업무협력\n을 해왔다.", "두 기관은 그동안 업무협력을 해왔다."),
        ("올해 모두 165\n개국으로 수출했다.", "올해 모두 165개국으로 수출했다."),
        (  # a headline stays on its own line, also when it ends like a noun
            "가상시, 해외 기업과 투자협약 체결\n가상시는 5일 해외 기업과 투자협약을 체결했다.",
            "가상시, 해외 기업과 투자협약 체결\n가상시는 5일 해외 기업과 투자협약을 체결했다.",
        ),
        ("수출 확대 방안 논의\n정부가 대책을 내놨다.", "수출 확대 방안 논의\n정부가 대책을 내놨다."),
        (  # finished sentences and list items are never joined
            "협약 내용은 다음과 같다.\n- 인력 교류를 위한\n- 공동 연구",
            "협약 내용은 다음과 같다.\n- 인력 교류를 위한\n- 공동 연구",
        ),
        ("중소기업과 협력해\n(사진=가상시)", "중소기업과 협력해\n(사진=가상시)"),
        (  # a script's lines that end in a bare noun: the run up to the finished line
            "[리포트]\n가상시와 가상기업이\n반도체 장비 분야\n협력 협약을 맺었습니다.",
            "[리포트]\n가상시와 가상기업이 반도체 장비 분야 협력 협약을 맺었습니다.",
        ),
        (  # two lines after a short finished one are a script's too
            "[앵커]\n가상시가 협약을 맺었습니다.\n두 도시의 교류\n확대가 기대됩니다.",
            "[앵커]\n가상시가 협약을 맺었습니다.\n두 도시의 교류 확대가 기대됩니다.",
        ),
        (  # a headline under a dateline stays over a short first sentence
            "송고 2026-03-05 11:00\n가상시, 해외 기업과 협약\n가상시가 협약을 맺었다.",
            "송고 2026-03-05 11:00\n가상시, 해외 기업과 협약\n가상시가 협약을 맺었다.",
        ),
    ],
)
def test_line_joining(raw, expected):
    assert clean(raw) == expected


def test_a_long_run_of_short_unfinished_lines_is_left_as_it_is():
    # Such a run never closes; each of its lines starts no other run (this once took
    # quadratic time: 44 s for 8,000 lines).
    lines = [f"가상 항목 {i}번 설명" for i in range(3000)]
    assert clean("\n".join(lines)) == "\n".join(lines)


def test_jamo_bullets_become_line_breaks():
    raw = "가상공사는 협약을 체결했다. ᄋ김 사장은 3일 현지를 방문했다. ㅇ또한 공장을 둘러봤다."
    assert clean(raw) == "가상공사는 협약을 체결했다.\n김 사장은 3일 현지를 방문했다.\n또한 공장을 둘러봤다."


# --- idempotence, robustness ------------------------------------------------------------
ALL_CASES = list(JUNK_CASES.values()) + [
    "<<b>b>굵게</b>",
    "&amp;amp;amp;",
    "\\\\*별표",
    "ᄀ<b></b>ᅡ 조합",
    "관련기사\n관련기사\n- 목록",
    "첫 줄을\n\n\n둘째 줄이 이어받았다.",
    crawler_damage(BODY),
]


@pytest.mark.parametrize("raw", ALL_CASES)
def test_idempotent_on_cases(raw):
    once = clean(raw)
    assert clean(once) == once


@pytest.mark.parametrize("raw", ["", " ", "\n\n", "\ud800", "\x00\x01", "&#0;", "&#x110000;", "<", "&", "\\"])
def test_never_raises_on_odd_input(raw):
    out = clean(raw)
    assert isinstance(out, str)
    assert clean(out) == out


_PIECES = st.sampled_from(
    ["\n", " ", "<b>", "</p>", "&amp;", "&lt;", "&", "<", ">", "관련기사", "- 목록 2020.01.01", "무단 전재",
     "댓글", "공유", "ᄋ", "ㆍ", "를", "을", "등", ",", ".", "다", "1", "개", "**", "|", "---", "#", "\\",
     "¿ï", "ü°á", "\xad", "\u200b", "\r", "\t", "①", "㈜", "é", "맑음서울 3.1℃", "a@b.co", "가", "\u1100", "\u1161"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.text(max_size=200), st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=40).map("".join)))
def test_clean_never_raises_and_is_idempotent(raw):
    once = clean(raw)
    assert isinstance(once, str)
    assert clean(once) == once


# --- mojibake ---------------------------------------------------------------------------
OWN_SENTENCES = [
    "서울시와 강원도는 화요일 열린 회의에서 관광 분야 협력을 강화하기로 했다.",
    "가상전자는 지난 3일 베트남 하노이에서 현지 기업 두 곳과 부품 공급계약을 체결했다고 밝혔다.",
    "이번 업무협약에 따라 양 기관은 인력 교류와 공동 연구를 추진한다.",
    '한국무역협회 관계자는 "수출 기업의 애로를 해소하겠다"고 말했다.',
    "충청남도와 중국 산둥성은 2024년 우호협력 양해각서(MOU)를 체결한 뒤 교류를 이어 왔다.",
    "세관 직원 열두 명이 난관을 뚫고 서류를 처리했다.",
    "두 도시는 자매결연 30주년을 맞아 기념행사를 열었다.",
    "경제자유구역 지정을 위해 시장은 미국 출장길에 올랐다.",
]


@pytest.mark.parametrize("greedy", [True, False], ids=["greedy-utf8", "latin1-only"])
@pytest.mark.parametrize("sentence", OWN_SENTENCES)
def test_repair_undoes_simulated_crawler_damage(sentence, greedy):
    damaged = crawler_damage(sentence, greedy_utf8=greedy)
    assert damaged != sentence
    assert looks_mojibaked(damaged)
    assert repair_mojibake(damaged) == sentence


def test_repair_of_a_multiline_page_and_clean_on_it():
    page = "\n".join(OWN_SENTENCES[:4])
    damaged = crawler_damage(page)
    assert repair_mojibake(damaged) == page
    assert clean(damaged) == clean(page)


def test_damage_really_needs_the_search():
    # The naive decoding the brief warns about loses the 0xAD syllables.
    damaged = crawler_damage(OWN_SENTENCES[0])
    naive = damaged.encode("latin-1", errors="ignore").decode("cp949", errors="replace")
    assert naive != OWN_SENTENCES[0]


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "가상전자는 5일 (주)가상과 협약을 맺었다. 한·중 교류 확대, 기온 3°C, 면적 ±5%.",
        "Samsung Electronics signed a memorandum of understanding with the State of Georgia.",
        "Zoë Björk and François Müller of Düsseldorf visited Gyeonggi-do.",
        "La Société Générale a créé une filiale à São Paulo; l'opération a été réalisée en été.",
        "Nguyễn Văn Trường, Đà Nẵng, Việt Nam; Владивосток и Хабаровск; Αθήνα.",
        "Icelandic: Þórður Guðjónsson í Reykjavík; Polish: Łódź, Gdańsk.",
        "",
    ],
)
def test_normal_text_is_not_mojibake_and_passes_through(text):
    assert not looks_mojibaked(text)
    assert repair_mojibake(text) is text


