import json
import subprocess
import sys

import pytest

from desk import cli
from desk.models.wallet import PaymentMethod
from desk.services import families, payments, wallet
from desk.services.families import ChildDraft, FamilyDraft, GuardianDraft


@pytest.fixture
def studio_families(store, actor):
    def fam(parent, *children):
        return families.save(store, actor, FamilyDraft(
            guardians=(GuardianDraft(parent),), children=tuple(ChildDraft(c) for c in children)))

    return {
        "demin": fam("Демина Ольга", "Демин Саша"),
        "elkin": fam("Ёлкина Вера", "Ёлкин Саша", "Ёлкина Маша"),
        "petrov": fam("Петров Иван", "Петрова Вера"),
    }


def test_lines_are_matched_by_parent_or_child_in_any_order_and_case(store, studio_families):
    lines = payments.parse(store, "2500 Демин Саша\n\n2 500,50 ₽ Ёлкин Саша\n1200 елкина вера\n"
                                  "саша демин 300\nСаша 700\n300\nПетрова Вера 100\n")
    got = [(p.line, p.amount_kopecks, p.family_id, p.error) for p in lines]
    assert got == [
        (1, 250000, studio_families["demin"], None),
        (3, 250050, studio_families["elkin"], None),
        (4, 120000, studio_families["elkin"], None),
        (5, 30000, studio_families["demin"], None),
        (6, 70000, None, "several families match"),
        (7, 30000, None, "no name"),
        (8, 10000, studio_families["petrov"], None),
    ]
    assert set(lines[4].candidates) == {studio_families["demin"], studio_families["elkin"]}


def test_a_line_without_an_amount_is_an_error(store, studio_families):
    (line,) = payments.parse(store, "Демин Саша")
    assert line.error == "no amount" and line.amount_kopecks is None


def test_post_uses_the_users_choice_and_refuses_the_same_paste_twice(store, actor,
                                                                     studio_families):
    text = "2500 Демин Саша\nСаша 700\n2500 Демин Саша\n"
    lines = payments.parse(store, text)
    result = payments.post(store, actor, lines, PaymentMethod.CARD_TRANSFER,
                           choices={2: studio_families["elkin"]})
    assert (result.entries, result.total) == (3, 570000)
    assert wallet.balance(store, studio_families["demin"]) == 500000  # two identical lines
    assert wallet.balance(store, studio_families["elkin"]) == 70000
    again = payments.parse(store, text)
    with pytest.raises(payments.AlreadyPosted) as info:
        payments.post(store, actor, again, PaymentMethod.CARD_TRANSFER,
                      choices={2: studio_families["elkin"]})
    assert info.value.params["lines"] == [1, 2, 3]
    assert wallet.balance(store, studio_families["demin"]) == 500000
    payments.post(store, actor, again, PaymentMethod.CARD_TRANSFER,
                  choices={2: studio_families["elkin"]}, confirm_new=True)
    assert wallet.balance(store, studio_families["demin"]) == 1000000


def test_cli_parse_json_and_post(store, studio_families, db_path, tmp_path, capsys):
    store.dispose()
    f = tmp_path / "pay.txt"
    f.write_text("2500 Демин Саша\nСаша 700\nбез суммы\n", encoding="utf-8")
    assert cli.run(["payments", "parse", str(f), "--db", str(db_path), "--json"]) == 0
    parsed = json.loads(capsys.readouterr().out)
    assert [p["line"] for p in parsed] == [1, 2, 3]
    assert parsed[0] == {"line": 1, "text": "2500 Демин Саша", "amount_kopecks": 250000,
                         "name": "Демин Саша", "family_id": studio_families["demin"],
                         "candidates": [studio_families["demin"]], "error": None}
    assert parsed[1]["family_id"] is None and len(parsed[1]["candidates"]) == 2
    assert parsed[2]["error"] == "no amount"
    assert cli.run(["payments", "post", str(f), "--db", str(db_path)]) == 2  # all or nothing
    assert "line 2: several families match" in capsys.readouterr().err
    assert cli.run(["payments", "post", str(f), "--db", str(db_path), "--skip-unmatched",
                    "--method", "cash"]) == 0
    assert cli.run(["payments", "post", str(f), "--db", str(db_path), "--skip-unmatched"]) == 1
    assert "posted before" in capsys.readouterr().err


def test_two_processes_top_up_one_wallet_without_losing_anything(store, studio_families,
                                                                  db_path):
    store.dispose()
    family = studio_families["demin"]
    script = f"""
from pathlib import Path
from desk.models.wallet import PaymentMethod
from desk.services import migrate, wallet
from desk.services.db import SYSTEM_ACTOR
store = migrate.open_database(Path({str(db_path)!r}), None)
for _ in range(1000):
    wallet.top_up(store, SYSTEM_ACTOR, {family}, 100, PaymentMethod.CASH)
"""
    procs = [subprocess.Popen([sys.executable, "-c", script]) for _ in range(2)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    from desk.services import migrate

    again = migrate.open_database(db_path, None)
    assert wallet.balance(again, family) == 2 * 1000 * 100
    with again.read() as s:
        assert wallet.verify(s) == []
    again.dispose()
