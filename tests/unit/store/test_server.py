"""The studio's server (PostgreSQL on loopback): opening it, saying plainly what is wrong with a
connection, a read-only role, moving a one-PC studio onto it and backing it up as a file."""

from __future__ import annotations

import contextlib
import hashlib
import io

import psycopg
import pytest

from desk import cli
from desk.models.enums import Role
from desk.services.crm import families
from desk.services.staff import studio
from desk.services.store import errors, migrate, server
from desk.services.store.db import make_engine
from desk.ui import messages
from tests import schema


@pytest.fixture
def fresh(pg):
    """An empty database on the test server: its URL; dropped afterwards."""
    made = []

    def make(options: str = "") -> str:
        name = f"fresh_{len(made)}_{id(made) % 10_000}"
        with pg.admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name} {options}")
        made.append(name)
        return pg.server.url(name)

    yield make
    for name in made:
        pg.drop(name)


@pytest.fixture
def roles(pg):
    """Roles with passwords: ``clerk`` may write, ``supervisor`` may only read."""
    with pg.admin.connect() as conn:
        for role in ("clerk", "supervisor"):
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
            conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD 'right-{role}'")
    yield
    with pg.admin.connect() as conn:
        for role in ("clerk", "supervisor"):
            conn.exec_driver_sql(f"DROP OWNED BY {role} CASCADE")  # their grants, everywhere
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")


def with_user(url: str, user: str, password: str | None = None) -> str:
    parsed = server.parse(url).set(username=user, password=password)
    return parsed.render_as_string(hide_password=False)


def test_an_empty_database_gets_the_schema_and_opens_again_as_it_is(fresh):
    url = fresh()
    store = migrate.open_server(url, None)
    assert not studio.is_set_up(store)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert store.path is None and not store.read_only
    store.dispose()
    again = migrate.open_server(url, None)
    assert migrate.current_revision(again.engine) == migrate.head_revision()
    again.dispose()


def test_what_is_wrong_with_a_connection_is_named_in_russian(pg, roles, fresh, russian):
    url = fresh()
    closed = server.parse(url).set(port=pg.server.port + 1 if pg.server.port < 65000 else 1)
    with pytest.raises(errors.ServerUnreachable) as unreachable:
        migrate.open_server(closed.render_as_string(), None)
    assert f"127.0.0.1:{closed.port}" in messages.error_message(unreachable.value)
    assert "Не удаётся связаться с сервером студии" in messages.error_message(unreachable.value)

    with pytest.raises(errors.ServerRefusedPassword) as refused:
        migrate.open_server(with_user(url, "clerk", "wrong-password"), None)
    assert "wrong-password" not in str(refused.value)
    assert "clerk" in messages.error_message(refused.value)

    with pytest.raises(errors.ServerRefusedPassword):  # no password anywhere
        migrate.open_server(with_user(url, "clerk"), None)

    missing = server.parse(url).set(database="no_such_studio").render_as_string()
    with pytest.raises(errors.ServerDatabaseMissing) as gone:
        migrate.open_server(missing, None)
    assert "no_such_studio" in messages.error_message(gone.value)

    with pytest.raises(errors.BadServerUrl):
        migrate.open_server("mysql://someone@host/db", None)


@pytest.mark.parametrize("options", [
    "ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0",
    "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0",
])
def test_a_database_that_is_not_utf8_is_refused_before_anything_is_written(fresh, options):
    url = fresh(options)
    with pytest.raises(errors.ServerNotUtf8) as refused:
        migrate.open_server(url, None)
    assert refused.value.params["ctype"] == "C"
    parsed = server.parse(url)
    with psycopg.connect(host=parsed.host, port=parsed.port, dbname=parsed.database,
                         user=parsed.username) as conn:  # not a table was made
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                            ).fetchone()[0] == 0


def test_the_password_comes_from_the_keyring_or_pgpassword_and_is_never_shown(
        pg, roles, fresh, memory_keyring, monkeypatch):
    url = fresh()
    with pg.admin.connect() as conn:
        conn.exec_driver_sql(f"ALTER DATABASE {server.parse(url).database} OWNER TO clerk")
    plain = with_user(url, "clerk")
    server.remember_password(server.parse(plain), "right-clerk")
    assert "right-clerk" not in server.shown(with_user(url, "clerk", "right-clerk"))
    store = migrate.open_server(plain, None)
    studio.setup(store, "ДетиЛюбят", "Europe/Moscow", [
        studio.StaffDraft("Анна", Role.SYSTEM), studio.StaffDraft("Мария", Role.COMMUNICATOR)])
    assert "right-clerk" not in repr(store.engine.url)
    store.dispose()

    memory_keyring.secrets.clear()
    monkeypatch.setenv("PGPASSWORD", "right-clerk")  # a script without a keyring
    store = migrate.open_server(plain, None)
    assert studio.is_set_up(store)
    store.dispose()


def test_a_role_that_may_only_read_opens_the_studio_read_only(pg, roles):
    name, url = pg.copy("desk_studio")
    try:
        with pg.admin.connect() as conn:
            conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {name} TO supervisor")
        owner = make_engine(url)
        with owner.begin() as conn:
            conn.exec_driver_sql("GRANT SELECT ON ALL TABLES IN SCHEMA public TO supervisor")
        owner.dispose()
        looking = migrate.open_server(with_user(url, "supervisor", "right-supervisor"), None)
        try:
            assert looking.read_only
            assert studio.info(looking).name == "ДетиЛюбят"
            with pytest.raises(errors.ReadOnlyStore):
                with looking.write(studio.staff(looking)[0].actor()):
                    pass
        finally:
            looking.dispose()
    finally:
        pg.drop(name)


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.run(list(argv))
    return code, out.getvalue(), err.getvalue()


QUERIES = ["ива", "ИВАНОВ", "Фёдор", "федор", "сок", "ма", "а", "915", "+7 915", "9 15",
           "ёлк", "Зайцева Светлана", "нет-такого"]


def test_a_one_pc_studio_moves_to_the_server_whole_and_searches_the_same(
        tmp_path, fresh, data_dir):
    path = tmp_path / "studio.db"
    assert run("demo-db", str(path), "--families", "80", "--seed", "3")[0] == 0
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    url = fresh()

    code, out, err = run("move-to-server", str(path), url)
    assert code == 0, err
    assert "80 families" in out and "password" not in out
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest  # the file as it was

    file_store = migrate.open_database(path, None, read_only=True)
    server_store = migrate.open_server(url, None)
    try:
        for query in QUERIES:
            assert [r.id for r in families.find(server_store, query)] == \
                [r.id for r in families.find(file_store, query)], query
        assert studio.info(server_store).name == studio.info(file_store).name
    finally:
        file_store.dispose()
        server_store.dispose()

    code, _out, err = run("move-to-server", str(path), url)  # never onto a studio's data
    assert code == cli.EXIT_ERROR and "already holds" in err

    assert run("check", "--db", url)[0] == 0
    copy = tmp_path / "from-server.db"
    code, out, err = run("backup", str(copy), "--db", url)
    assert code == 0, err
    code, out, err = run("check", "--db", str(copy))
    assert code == 0 and out.strip().endswith("ok"), out + err
    assert run("find", "ива", "--db", str(copy))[1] == run("find", "ива", "--db", url)[1]


def test_a_server_that_cannot_be_reached_is_words_for_the_user_not_a_crash():
    """A read or a write while the studio's server is away: the "no connection" error with
    the server's address (the transaction was rolled back whole), never a bug's traceback."""
    import socket

    from desk.services.store.db import SYSTEM_ACTOR, Store

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    gone = Store(make_engine(f"postgresql+psycopg://desk@127.0.0.1:{port}/studio"))
    try:
        with pytest.raises(errors.ServerUnreachable) as read:
            studio.info(gone)
        assert read.value.params == {"host": "127.0.0.1", "port": port}
        with pytest.raises(errors.ServerUnreachable):
            families.save(gone, SYSTEM_ACTOR, families.FamilyDraft(
                guardians=(families.GuardianDraft("Ёлкина Вера"),)))
    finally:
        gone.dispose()


def test_a_database_a_newer_desk_upgraded_opens_read_only_and_says_update(pg, russian):
    from sqlalchemy import text

    name, url = pg.copy("desk_studio")
    try:
        with make_engine(url).begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = 'f00000000099'"))
        store = migrate.open_server(url, None)
        try:
            assert store.read_only and store.outdated
            assert studio.staff(store)  # it reads
            with pytest.raises(errors.ReadOnlyStore):
                families.save(store, studio.staff(store)[0].actor(), families.FamilyDraft(
                    guardians=(families.GuardianDraft("Ёлкина Вера"),)))
        finally:
            store.dispose()
        with make_engine(url).connect() as conn:  # left as the newer desk made it
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == "f00000000099"
    finally:
        pg.drop(name)


def test_an_upgrade_waits_until_no_other_desk_is_connected_and_names_them(fresh, russian):
    from desk.services.store import desks

    url = fresh()
    older = migrate._revisions()[migrate.head_revision()]
    engine = make_engine(url)
    migrate.upgrade(engine, None, target=older)
    other = psycopg.connect(url.replace("postgresql+psycopg", "postgresql"),
                            application_name=desks.application_name("office-2 (Ольга)", False))
    try:
        with pytest.raises(errors.OthersConnected) as caught:
            migrate.open_server(url, None)
        assert "office-2 (Ольга)" in messages.error_message(caught.value)
        assert "Обновить базу" in messages.error_message(caught.value)
        assert migrate.current_revision(engine) == older  # not touched
    finally:
        schema.close_and_wait(other, url)
    engine.dispose()
    tool = psycopg.connect(url.replace("postgresql+psycopg", "postgresql"),
                           application_name="psql")  # any other program waits it too
    try:
        with pytest.raises(errors.OthersConnected) as caught:
            migrate.open_server(url, None)
        assert caught.value.params["names"] == "psql — desk@127.0.0.1"
    finally:
        schema.close_and_wait(tool, url)
    store = migrate.open_server(url, None)
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        assert not store.read_only and not store.outdated
    finally:
        store.dispose()
        engine.dispose()


def test_a_server_database_with_data_is_backed_up_as_a_file_before_an_upgrade(
        pg, tmp_path):
    name, url = pg.copy("desk_studio")
    engine = make_engine(url)
    try:
        older = schema.downgrade_one(engine)
        store = migrate.open_server(url, tmp_path / "backups")
        try:
            assert migrate.current_revision(store.engine) == migrate.head_revision()
            [taken] = (tmp_path / "backups").glob(f"before-migration-{older}-*.db")
            looked = migrate.open_database(taken, None, read_only=True)
            assert migrate.current_revision(looked.engine) == older  # the data as it was
            assert [m.name for m in studio.staff(looked)] == \
                [m.name for m in studio.staff(store)]
            looked.dispose()
        finally:
            store.dispose()
    finally:
        engine.dispose()
        pg.drop(name)
