import keyring
import pytest

from desk import cli, paths
from desk.services.store import credentials, errors


def test_secrets_go_to_the_keyring_never_elsewhere(memory_keyring):
    credentials.put("telegram_token", "123:abc")
    assert credentials.get("telegram_token") == "123:abc"
    assert memory_keyring.secrets == {("desk", "telegram_token"): "123:abc"}
    credentials.delete("telegram_token")
    assert credentials.get("telegram_token") is None


def test_no_keyring_backend_is_a_typed_error(memory_keyring):
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(errors.SecretStoreUnavailable):
            credentials.get("telegram_token")
        with pytest.raises(errors.SecretStoreUnavailable):
            credentials.put("telegram_token", "x")
    finally:
        keyring.set_keyring(memory_keyring)


@pytest.mark.parametrize("path, kind", [
    ("/home/anna/OneDrive/desk.db", "synced"),
    ("/home/anna/Dropbox/studio/desk.db", "synced"),
    ("//server/share/desk.db", "network"),
    ("/home/anna/.local/share/Desk/desk.db", None),
])
def test_network_and_synced_folders_are_flagged(path, kind):
    from pathlib import Path

    assert paths.shared_location_warning(Path(path)) == kind


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        cli.run(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip().startswith("desk 0.")


def test_bad_arguments_exit_non_zero(capsys):
    with pytest.raises(SystemExit) as info:
        cli.run(["import", "pets", "x.csv"])
    assert info.value.code == 2
