import json
import subprocess
import sys

import pytest

from desk import cli
from desk.models.enums import PaymentMethod
from desk.services.crm import families
from desk.services.money import payments, wallet
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft


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


def test_post_uses_the_users_choice_and_posts_a_paste_again_only_when_confirmed(
        store, actor, studio_families):
    text = "2500 Демин Саша\nСаша 700\n2500 Демин Саша\n"
    lines = payments.parse(store, text)
    result = payments.post(store, actor, lines, PaymentMethod.CARD_TRANSFER,
                           choices={2: studio_families["elkin"]})
    assert (result.entries, result.total, result.repeats) == (3, 570000, ())
    assert wallet.balance(store, studio_families["demin"]) == 500000  # two identical lines
    assert wallet.balance(store, studio_families["elkin"]) == 70000
    again = payments.parse(store, text)
    assert [p.repeat for p in again] == [True, False, True]  # line 2 is not matched yet
    result = payments.post(store, actor, again, PaymentMethod.CARD_TRANSFER,
                           choices={2: studio_families["elkin"]})
    assert (result.entries, result.repeats) == (0, (1, 2, 3))
    assert wallet.balance(store, studio_families["demin"]) == 500000
    result = payments.post(store, actor, again, PaymentMethod.CARD_TRANSFER,
                           choices={2: studio_families["elkin"]}, confirm_repeats=[3])
    assert (result.entries, result.repeats) == (1, (1, 2))
    assert wallet.balance(store, studio_families["demin"]) == 750000


def test_a_repeat_is_the_same_family_amount_and_name_whatever_the_writing(
        store, actor, studio_families):
    payments.post(store, actor, payments.parse(store, "2500 Демин Саша"), PaymentMethod.CASH)
    again = payments.parse(store, "2 500 ₽ – саша дёмин\n2500,00 Демина Ольга\n"
                                  "2600 Демин Саша")
    assert [p.repeat for p in again] == [True, False, False]
    assert again[0].error is None and again[0].name == "саша дёмин"


def test_an_overlapping_paste_posts_only_the_new_lines(store, actor, clock, studio_families):
    old = "\n".join(f"{1000 + n} Демин Саша" for n in range(100))
    new = "\n".join(f"{5000 + n} Демин Саша" for n in range(100))
    payments.post(store, actor, payments.parse(store, old), PaymentMethod.CASH)
    clock.advance(days=2)
    lines = payments.parse(store, old + "\n" + new)
    assert sum(p.repeat for p in lines) == 100 and not any(p.repeat for p in lines[100:])
    result = payments.post(store, actor, lines, PaymentMethod.CASH)
    assert result.entries == 100 and len(result.repeats) == 100
    assert wallet.balance(store, studio_families["demin"]) == sum(
        (1000 + n + 5000 + n) * 100 for n in range(100))


def test_a_monthly_payment_is_not_a_repeat_and_a_reversed_one_does_not_count(
        store, actor, clock, studio_families):
    payments.post(store, actor, payments.parse(store, "2500 Демин Саша"), PaymentMethod.CASH)
    clock.advance(days=8)
    (line,) = payments.parse(store, "2500 Демин Саша")
    assert not line.repeat
    payments.post(store, actor, [line], PaymentMethod.CASH)
    latest = wallet.view(store, studio_families["demin"]).lines[0]
    wallet.reverse(store, actor, latest.id, "не тот счёт")
    (line,) = payments.parse(store, "2500 Демин Саша")
    assert not line.repeat


@pytest.mark.parametrize("text, error", [
    ("-300 Демина Саша", "the amount has a sign"),
    ("Демин Саша 300-", "the amount has a sign"),
    ("2,500.500 Демин Саша", "the amount can be read two ways: write it as 2500 or 2 500,50"),
    ("0 Демин Саша", "the amount is zero"),
    ("2.5e3 Демин Саша", "an exponent is not an amount"),
    ("12345678901234567 Демин Саша", "the amount is over 10 000 000 ₽"),
    ("123456789012345678901 Демин Саша", "the amount is over 10 000 000 ₽"),
    ("2500 Демин Саша 12", "more than one amount"),
    ("2500 3000 Демин Саша", "the amount can be read two ways: write it as 2500 or 2 500,50"),
    ("2500 Демин Саша 3 урока", "more than one amount"),
])
def test_a_wrong_amount_is_refused_with_a_reason(store, studio_families, text, error):
    (line,) = payments.parse(store, text)
    assert line.error == error and line.family_id is None


@pytest.mark.parametrize("text, kopecks", [
    ("2.500 Демина Ольга", 250000), ("2,500.50 Демина Ольга", 250050),
    ("2500 – Демина Ольга", 250000), ("Демина Ольга — 2 500 руб.", 250000),
])
def test_thousands_and_dashes_as_punctuation(store, studio_families, text, kopecks):
    (line,) = payments.parse(store, text)
    assert (line.amount_kopecks, line.family_id, line.error) == (
        kopecks, studio_families["demin"], None)


def test_a_large_payment_needs_a_confirmation(store, actor, studio_families):
    lines = payments.parse(store, "150 000 Демин Саша\n100 000 Ёлкин Саша")
    assert [p.large for p in lines] == [True, False]
    with pytest.raises(payments.LargeNotConfirmed) as info:
        payments.post(store, actor, lines, PaymentMethod.CASH)
    assert info.value.params["lines"] == [1]
    assert wallet.balance(store, studio_families["demin"]) == 0
    payments.post(store, actor, lines, PaymentMethod.CASH, confirm_large=[1])
    assert wallet.balance(store, studio_families["demin"]) == 15_000_000


def test_cli_parse_json_and_post(store, studio_families, where, tmp_path, capsys):
    store.dispose()
    f = tmp_path / "pay.txt"
    f.write_text("2500 Демин Саша\nСаша 700\nбез суммы\n", encoding="utf-8")
    assert cli.run(["payments", "parse", str(f), "--db", where, "--json"]) == 0
    parsed = json.loads(capsys.readouterr().out)
    assert [p["line"] for p in parsed] == [1, 2, 3]
    assert parsed[0] == {"line": 1, "text": "2500 Демин Саша", "amount_kopecks": 250000,
                         "name": "Демин Саша", "family_id": studio_families["demin"],
                         "candidates": [studio_families["demin"]], "error": None,
                         "repeat": False, "large": False}
    assert parsed[1]["family_id"] is None and len(parsed[1]["candidates"]) == 2
    assert parsed[2]["error"] == "no amount"
    assert cli.run(["payments", "post", str(f), "--db", where]) == 2  # all or nothing
    assert "line 2: several families match" in capsys.readouterr().err
    assert cli.run(["payments", "post", str(f), "--db", where, "--skip-unmatched",
                    "--method", "cash"]) == 0
    capsys.readouterr()
    # the same file again: the repeat is listed, nothing posted, exit 0
    assert cli.run(["payments", "post", str(f), "--db", where, "--skip-unmatched"]) == 0
    out, err = capsys.readouterr()
    assert "line 1: a repeat" in err and "posted 0 payments" in out
    assert cli.run(["payments", "parse", str(f), "--db", where, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["repeat"] is True
    assert cli.run(["payments", "post", str(f), "--db", where, "--skip-unmatched",
                    "--confirm-new"]) == 0
    assert "posted 1 payments" in capsys.readouterr().out


def test_cli_large_lines_need_confirm_large_and_bad_amounts_exit_2(
        store, studio_families, where, tmp_path, capsys):
    store.dispose()
    big = tmp_path / "big.txt"
    big.write_text("150 000 Демин Саша\n", encoding="utf-8")
    assert cli.run(["payments", "post", str(big), "--db", where]) == 2
    assert "line 1: over the large-payment threshold" in capsys.readouterr().err
    assert cli.run(["payments", "post", str(big), "--db", where, "--confirm-large"]) == 0
    huge = tmp_path / "huge.txt"
    huge.write_text("123456789012345678901 Демин Саша\n-300 Демин Саша\n", encoding="utf-8")
    assert cli.run(["payments", "post", str(huge), "--db", where]) == 2
    err = capsys.readouterr().err
    assert "line 1: the amount is over" in err and "line 2: the amount has a sign" in err
    assert "Traceback" not in err


def test_two_processes_top_up_one_wallet_without_losing_anything(store, studio_families,
                                                                  where):
    """Both processes open the file, wait for each other, then write at once (SQLite may let
    one run ahead while the other waits for the lock): none is lost or doubled."""
    store.dispose()
    family = studio_families["demin"]
    each = 300
    script = f"""
import sys
from pathlib import Path
from desk.models.enums import PaymentMethod
from desk.services.money import wallet
from desk.services.store import migrate
from desk.services.store.db import SYSTEM_ACTOR
me = sys.argv[1]
store = migrate.open_store({where!r}, None)
print("ready", flush=True)
sys.stdin.readline()  # "go": the other one is open too
for _ in range({each}):
    wallet.top_up(store, SYSTEM_ACTOR, {family}, 100, PaymentMethod.CASH, note=me)
"""
    procs = [subprocess.Popen([sys.executable, "-c", script, name], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for name in ("a", "b")]
    assert [p.stdout.readline() for p in procs] == ["ready\n", "ready\n"]
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.close()
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    for p in procs:
        p.stdout.close()
    from desk.services.store import migrate

    again = migrate.open_store(where, None)
    assert wallet.balance(again, family) == 2 * each * 100
    notes = [line.note for line in wallet.view(again, family).lines]
    assert notes.count("a") == notes.count("b") == each
    with again.read() as s:
        assert wallet.verify(s) == []
    again.dispose()
