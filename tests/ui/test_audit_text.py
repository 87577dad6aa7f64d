import json

from desk.ui import audit_text


def test_a_change_lists_only_the_fields_that_changed():
    before = json.dumps({"legend": "", "source": "сайт", "consent_messages": False,
                         "guardians": [{"name": "Вера"}]})
    after = json.dumps({"legend": "Любят глину", "source": "сайт", "consent_messages": True,
                        "guardians": [{"name": "Вера"}, {"name": "Олег"}]})
    assert audit_text.describe(before, after) == (
        "consent to messages: no → yes; parents: Вера → Вера, Олег; legend: — → Любят глину")


def test_a_creation_lists_the_given_values():
    after = json.dumps({"title": "Позвонить", "details": "", "status": "open"})
    assert audit_text.describe("", after) == "status: open; task: Позвонить"


def test_text_that_is_not_json_is_shown_as_is():
    assert audit_text.describe("", "plain words") == "plain words"
