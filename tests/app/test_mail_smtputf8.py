"""A mailbox beyond ASCII (josé@exämple.de): the domain goes out in its IDNA form, the mailbox
through SMTPUTF8 when the server offers it, and fails alone, saying why, when it does not."""

from __future__ import annotations

from email import message_from_string, policy

import pytest
from aiosmtpd.controller import Controller

from app import mail
from app.services import outbox
from tests.app.test_mail import Recorder, free_port, rejected


def server(smtputf8: bool):
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port(), enable_SMTPUTF8=smtputf8)
    controller.start()
    return recorder, controller


@pytest.fixture
def utf8_server():
    recorder, controller = server(True)
    yield recorder, controller.port
    controller.stop()


@pytest.fixture
def ascii_server():
    recorder, controller = server(False)
    yield recorder, controller.port
    controller.stop()


def readdress(database, changes: dict[int, str]) -> None:
    with database.unit_of_work() as uow:
        for message, address in changes.items():
            uow.conn.execute(outbox.m.update().where(outbox.m.c.id == message).values(to_address=address))
        uow.commit()


def test_a_non_ascii_mailbox_goes_through_smtputf8_when_the_server_offers_it(database, write_csv, utf8_server):
    recorder, port = utf8_server
    ids = rejected(database, write_csv, 2)
    readdress(database, {ids[0]: "josé@exämple.de"})
    report = mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", port, tls="none"))
    assert report.sent == ids and report.failed == []
    assert recorder.received[0][1] == ["josé@xn--exmple-cua.de"]
    arrived = message_from_string(recorder.received[0][2].decode("utf-8"), policy=policy.default)
    assert arrived["To"].addresses[0].username == "josé"
    assert arrived["To"].addresses[0].domain == "xn--exmple-cua.de"
    assert recorder.received[1][1] == ["founder2@startup2.io"]  # the plain one as before


def test_a_server_without_smtputf8_fails_that_message_alone_and_says_why(database, write_csv, ascii_server):
    recorder, port = ascii_server
    ids = rejected(database, write_csv, 3)
    readdress(database, {ids[1]: "josé@exämple.de"})
    report = mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", port, tls="none"))
    assert report.sent == [ids[0], ids[2]]
    [(failed, error)] = report.failed
    assert failed == ids[1] and "does not accept non-ASCII addresses" in error
    assert database.query(outbox.message, ids[1])["error"] == error  # it waits in the outbox with its reason
    assert len(recorder.received) == 2


def test_a_non_ascii_mailbox_is_written_as_eml_in_utf8(database, write_csv, tmp_path):
    ids = rejected(database, write_csv, 1)
    readdress(database, {ids[0]: "josé@exämple.de"})
    report = mail.send_outbox(database, mail.EmlFolder(tmp_path))
    assert report.sent == ids
    [written] = tmp_path.glob("*.eml")
    assert "josé@xn--exmple-cua.de" in written.read_bytes().decode("utf-8")


def test_an_applicant_with_an_internationalised_address_is_imported_and_answered(database, write_csv, utf8_server):
    from app.services.applications import DecideMany, decide_many
    from tests.app.test_mail import HEADER
    from tests.importing import import_file

    recorder, port = utf8_server
    text = HEADER + "U1,2026-01-10,Bücher GmbH,josé@bücher.de,José Weiß,DE,2020-01-01,100000,no,buecher\n"
    report = import_file(database, write_csv(text))
    assert report.imported == 1 and report.invalid == []
    database.run(decide_many, DecideMany(("U1",), "reject", reason="failed rule: age"))
    sent = mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", port, tls="none"))
    assert len(sent.sent) == 1 and recorder.received[0][1] == ["josé@xn--bcher-kva.de"]
