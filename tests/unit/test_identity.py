from streams.identity import agreement_id, name_key, party_key, year_of


def test_agreement_id_ignores_party_order():
    a = agreement_id("mou", [("한빛전자", "ORG"), ("난징시", "LOC")], 2025)
    b = agreement_id("mou", [("난징시", "LOC"), ("한빛전자", "ORG")], 2025)
    assert a == b and a.startswith("agr-") and len(a) == 28


def test_agreement_id_ignores_legal_markers_spacing_and_place_suffix():
    a = agreement_id("mou", [("(주)한빛 전자", "ORG"), ("난징시", "LOC")], 2025)
    b = agreement_id("mou", [("한빛전자㈜", "ORG"), ("난징", "LOC")], 2025)
    assert a == b


def test_kind_and_year_take_part_but_not_the_full_date():
    base = agreement_id("mou", [("가나", "ORG"), ("다라", "ORG")], 2025)
    assert agreement_id("contract", [("가나", "ORG"), ("다라", "ORG")], 2025) != base
    assert agreement_id("mou", [("가나", "ORG"), ("다라", "ORG")], 2024) != base


def test_year_prefers_the_signing_date_then_publication_then_crawl():
    assert year_of("2024-12-30", "2025-01-02T09:00:00+09:00") == 2024
    assert year_of(None, "2025-01-02T09:00:00+09:00", "2026-01-01") == 2025
    assert year_of(None, None, "2026-01-01") == 2026
    assert year_of(None, None) is None


def test_party_key_keeps_short_district_names_whole():
    assert party_key("중구", "LOC") == "중구"
    assert party_key("장가항시", "LOC") == "장가항"
    assert party_key("한국산업기술진흥원", "ORG") == "한국산업기술진흥원"


def test_name_key_is_nfkc_and_case_insensitive():
    assert name_key("ＫＯＴＲＡ") == name_key("kotra")


def test_a_provinces_short_and_full_names_give_one_agreement():
    a = agreement_id("mou", [("경남", "LOC"), ("선전시", "LOC")], 2025)
    b = agreement_id("mou", [("경상남도", "LOC"), ("선전", "LOC")], 2025)
    c = agreement_id("mou", [("경남도", "LOC"), ("선전시", "LOC")], 2025)
    assert a == b == c
    assert party_key("경남", "ORG") != party_key("경상남도", "ORG")  # (only places have these names)
