import json

from desk.ui import audit_text


def test_a_change_lists_only_the_fields_that_changed():
    before = json.dumps({"legend": "", "source": "сайт", "consent_messages": False,
                         "guardians": [{"name": "Вера"}]})
    after = json.dumps({"legend": "Любят глину", "source": "сайт", "consent_messages": True,
                        "guardians": [{"name": "Вера"}, {"name": "Олег"}]})
    assert audit_text.describe(before, after) == (
        "consent to messages: no → yes; Олег added; legend: — → Любят глину")


def test_a_creation_lists_the_given_values():
    after = json.dumps({"title": "Позвонить", "details": "", "status": "open"})
    assert audit_text.describe("", after) == "status: Open; task: Позвонить"


def test_text_that_is_not_json_is_shown_as_is():
    assert audit_text.describe("", "plain words") == "plain words"


def test_money_codes_and_a_changed_phone_read_as_words():
    assert audit_text.describe("", json.dumps(
        {"amount": -120000, "method": "card_transfer"})) == \
        "amount: −1\u00a0200\u00a0₽; method: Card transfer"
    before = json.dumps({"guardians": [{"name": "Ёлкина Вера", "phone": "+79123456789"}]})
    after = json.dumps({"guardians": [{"name": "Ёлкина Вера", "phone": "+79153456789"}]})
    assert audit_text.describe(before, after) == \
        "Ёлкина Вера: phone +7 912 345-67-89 → +7 915 345-67-89"
