"""Sending the outbox through a real SMTP server on 127.0.0.1 (aiosmtpd), and as .eml files."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
from email import message_from_bytes, policy

import keyring
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from keyring.backend import KeyringBackend

from app import mail
from app.services import outbox
from app.services.applications import DecideMany, decide_many
from tests.importing import import_file

HEADER = "application_id,submitted_on,company,contact_email,contact_name,country,incorporated_on,total_funding_usd,previous_discount,workspace\n"


def rows(n: int, refused: int | None = None) -> str:
    lines = [
        f"R{i},2026-01-10,Company {i},{'refuse' if i == refused else 'founder'}{i}@startup{i}.io,Founder {i},GB,2020-01-01,100000,no,ws-{i}\n"
        for i in range(1, n + 1)
    ]
    return HEADER + "".join(lines)


class Recorder:
    """What arrived; a recipient starting with 'refuse' is refused (550), mid-batch."""

    def __init__(self):
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse"):
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return f"250 2.0.0 Ok: queued as Q{len(self.received)}"

    def messages(self):
        return [message_from_bytes(content, policy=policy.default) for _f, _t, content in self.received]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield recorder, controller.port
    controller.stop()


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate for 127.0.0.1, and a client context that trusts only it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    import ipaddress

    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(dt.datetime(2000, 1, 1))
        .not_valid_after(dt.datetime(2999, 1, 1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert_file, key_file)
    client = ssl.create_default_context(cafile=str(cert_file))
    return server, client


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def get_password(self, service, username):
        return self.store.get((service, username))

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def rejected(database, write_csv, n=5, refused=None):
    import_file(database, write_csv(rows(n, refused)))
    database.run(decide_many, DecideMany(tuple(f"R{i}" for i in range(1, n + 1)), "reject", reason="failed rule: age"))
    return [d["id"] for d in database.query(outbox.messages)]


def statuses(database):
    return [d["status"] for d in database.query(outbox.messages)]


def test_a_batch_sends_every_draft_once_and_logs_the_servers_answer(database, write_csv, smtp_server):
    recorder, port = smtp_server
    ids = rejected(database, write_csv, 3)
    outbox_held = ids[2]
    database.run(outbox.change_status, outbox.ChangeStatus((outbox_held,), "hold"))
    report = mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", port, tls="none"))
    assert report.sent == ids[:2] and report.failed == []
    arrived = recorder.messages()
    assert [a["To"].addresses[0].addr_spec for a in arrived] == ["founder1@startup1.io", "founder2@startup2.io"]
    assert arrived[0]["Subject"] == "Your application to the Startup Program"
    assert "incorporated on 1 January 2020" in arrived[0].get_content()
    full = database.query(outbox.message, ids[0])
    assert arrived[0]["Message-ID"] == full["message_id"]
    (entry,) = full["log"]
    assert (entry["actor"], entry["to_address"], entry["outcome"], entry["channel"]) == (
        "tester",
        "founder1@startup1.io",
        "sent",
        "smtp",
    )
    assert entry["answer"] == "250 2.0.0 Ok: queued as Q1"
    assert statuses(database) == ["sent", "sent", "held"]
    again = mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", port, tls="none"))
    assert again.sent == [] and len(recorder.received) == 2  # never twice


def test_a_refused_message_mid_batch_fails_with_the_servers_answer_and_the_rest_go(database, write_csv, smtp_server):
    recorder, port = smtp_server
    ids = rejected(database, write_csv, 5, refused=3)
    report = mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", port, tls="none"))
    assert report.sent == [ids[0], ids[1], ids[3], ids[4]]
    assert [i for i, _ in report.failed] == [ids[2]]
    assert [r[1] for r in recorder.received] == [[f"founder{i}@startup{i}.io"] for i in (1, 2, 4, 5)]
    failed = database.query(outbox.message, ids[2])
    assert failed["status"] == "failed" and "550 5.1.1" in failed["error"] and "mailbox unavailable" in failed["error"]
    assert failed["log"][0]["outcome"] == "failed"
    assert mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", port, tls="none")).sent == []
    assert len(recorder.received) == 4


def test_an_interrupted_batch_resumes_without_sending_anything_twice(database, write_csv, smtp_server, clock):
    recorder, port = smtp_server
    ids = rejected(database, write_csv, 4)
    stop_after_two = iter([False, False, True])
    first = mail.send_outbox(
        database, mail.SmtpTransport("127.0.0.1", port, tls="none"), cancelled=lambda: next(stop_after_two)
    )
    assert first.sent == ids[:2] and first.stopped == "cancelled"
    database.run(mail._claim, ids[2])  # the program died with this one on its way
    meanwhile = mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", port, tls="none"))
    # a fresh claim may be another batch's, on its way: left alone, the rest goes
    assert meanwhile.sent == [ids[3]] and meanwhile.interrupted == 0
    assert database.query(outbox.message, ids[2])["status"] == "draft"
    clock.advance(minutes=11)
    second = mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", port, tls="none"))
    assert second.sent == [] and second.interrupted == 1
    assert [r[1][0] for r in recorder.received] == [
        "founder1@startup1.io",
        "founder2@startup2.io",
        "founder4@startup4.io",
    ]
    cut_off = database.query(outbox.message, ids[2])
    assert cut_off["status"] == "failed" and "may have arrived" in cut_off["error"]
    database.run(outbox.change_status, outbox.ChangeStatus((ids[2],), "retry"))  # a person checked: send it
    assert mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", port, tls="none")).sent == [ids[2]]
    assert len(recorder.received) == 4


def test_offline_the_outbox_waits(database, write_csv):
    ids = rejected(database, write_csv, 2)
    with pytest.raises(mail.Offline, match="nothing was sent"):
        mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", free_port(), tls="none", timeout=2))
    assert statuses(database) == ["draft", "draft"]
    assert all(database.query(outbox.message, i)["log"] == [] for i in ids)


def test_starttls_with_a_login_whose_password_is_in_the_keyring(database, write_csv, certificate, memory_keyring):
    server_context, client_context = certificate
    logins = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        logins.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.password == b"s3cret")

    recorder = Recorder()
    controller = Controller(
        recorder,
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=server_context,
        require_starttls=True,
        authenticator=authenticator,
        auth_required=True,
    )
    controller.start()
    try:
        settings = outbox.OutboxSettings(smtp_host="127.0.0.1", smtp_port=controller.port, smtp_user="desk")
        database.run(outbox.save_outbox_settings, outbox.SaveOutboxSettings(settings))
        mail.store_password("127.0.0.1", controller.port, "desk", "s3cret")
        ids = rejected(database, write_csv, 1)
        transport = mail.transport_from_settings(database.query(outbox.outbox_settings), client_context)
        assert mail.send_outbox(database, transport).sent == ids
    finally:
        controller.stop()
    assert logins == [(b"desk", b"s3cret")] and len(recorder.received) == 1
    with database.read() as conn:
        stored = " ".join(str(v) for row in conn.exec_driver_sql("SELECT value FROM meta") for v in row)
    assert "s3cret" not in stored


def test_eml_files_for_the_persons_own_mail_client(database, write_csv, tmp_path):
    ids = rejected(database, write_csv, 3)
    folder = tmp_path / "out"
    folder.mkdir()
    report = mail.send_outbox(database, mail.EmlFolder(folder))
    assert report.sent == ids
    files = sorted(folder.glob("*.eml"))
    assert len(files) == 3
    first = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert first["To"].addresses[0].addr_spec == "founder1@startup1.io"
    assert first["Message-ID"] == database.query(outbox.message, ids[0])["message_id"]
    assert database.query(outbox.message, ids[0])["log"][0]["channel"] == "eml"
    assert mail.send_outbox(database, mail.EmlFolder(folder)).sent == []
    assert len(list(folder.glob("*.eml"))) == 3


def test_a_bad_address_fails_that_message_only(database, write_csv, tmp_path, smtp_server):
    recorder, port = smtp_server
    ids = rejected(database, write_csv, 2)
    with database.unit_of_work() as uow:  # an address typed with a second one behind it
        uow.conn.execute(
            outbox.m.update().where(outbox.m.c.id == ids[0]).values(to_address="a@b.io\r\nBcc: victim@example.com")
        )
        uow.commit()
    report = mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", port, tls="none"))
    assert report.sent == [ids[1]] and "not one e-mail address" in report.failed[0][1]
    assert [r[1] for r in recorder.received] == [["founder2@startup2.io"]]


def test_the_acceptance_carries_the_members_letter(database, write_csv, tmp_path, smtp_server):
    recorder, port = smtp_server
    import_file(
        database, write_csv(HEADER + "A1,2027-06-01,Accepted Co,a@accepted.io,Ada,GB,2026-06-01,100000,no,accepted\n")
    )
    from datetime import date

    from app.services.applications import Decide, decide

    database.run(decide, Decide("A1", "accept", on=date(2027, 6, 15)))
    assert mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", port, tls="none")).failed == []
    (arrived,) = recorder.messages()
    assert "has been granted USD 25,000.00" in arrived.get_body(("plain",)).get_content()
    (letter,) = list(arrived.iter_attachments())
    assert (
        letter.get_content_type() == "application/pdf"
        and letter.get_filename() == "Accepted Co - acceptance letter.pdf"
    )
    assert letter.get_content().startswith(b"%PDF")
    from app.services.exports import letters_pending

    assert database.query(letters_pending) == 0  # sent with the acceptance: the letter counts as written


def test_an_acceptance_written_as_eml_counts_its_letter_as_written(database, write_csv, tmp_path):
    from datetime import date

    from app.services.applications import Decide, decide
    from app.services.exports import letters_pending

    import_file(
        database, write_csv(HEADER + "A1,2027-06-01,Accepted Co,a@accepted.io,Ada,GB,2026-06-01,100000,no,accepted\n")
    )
    database.run(decide, Decide("A1", "accept", on=date(2027, 6, 15)))
    assert database.query(letters_pending) == 1
    (tmp_path / "out").mkdir()
    mail.send_outbox(database, mail.EmlFolder(tmp_path / "out"))
    assert database.query(letters_pending) == 0


def test_ssl_on_connect_with_a_certificate_the_client_trusts(database, write_csv, certificate):
    server_context, client_context = certificate
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port(), ssl_context=server_context)
    controller.start()
    try:
        ids = rejected(database, write_csv, 1)
        transport = mail.SmtpTransport("127.0.0.1", controller.port, tls="ssl", context=client_context)
        assert mail.send_outbox(database, transport).sent == ids
        untrusted = mail.SmtpTransport("127.0.0.1", controller.port, tls="ssl", timeout=5)  # the system's CAs
    finally:
        controller.stop()
    assert len(recorder.received) == 1
    with pytest.raises(mail.Offline):
        untrusted.open()


class Hangup(Recorder):
    """Takes the first message, then hangs up in the middle of the second."""

    async def handle_DATA(self, server, session, envelope):
        if self.received:
            server.transport.close()
            return "421 closing"
        return await super().handle_DATA(server, session, envelope)


def test_a_connection_lost_mid_send_fails_that_message_stops_and_the_rest_wait(database, write_csv):
    recorder = Hangup()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        ids = rejected(database, write_csv, 3)
        report = mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", controller.port, tls="none"))
    finally:
        controller.stop()
    assert report.sent == [ids[0]] and report.stopped == "connection lost"
    assert [i for i, _ in report.failed] == [ids[1]] and "may not have arrived" in report.failed[0][1]
    assert statuses(database) == ["sent", "failed", "draft"]


def test_an_internationalised_domain_is_sent_in_its_ascii_form_and_a_non_ascii_mailbox_as_smtputf8(
    database, write_csv, smtp_server
):
    recorder, port = smtp_server
    ids = rejected(database, write_csv, 3)
    with database.unit_of_work() as uow:
        for message, address in ((ids[0], "gruender@bücher.de"), (ids[1], "gründer@buecher.de")):
            uow.conn.execute(outbox.m.update().where(outbox.m.c.id == message).values(to_address=address))
        uow.commit()
    report = mail.send_outbox(database, mail.SmtpTransport("127.0.0.1", port, tls="none"))
    assert report.sent == ids and report.failed == []  # aiosmtpd's controller offers SMTPUTF8
    assert recorder.received[0][1] == ["gruender@xn--bcher-kva.de"]
    assert recorder.received[1][1] == ["gründer@buecher.de"]
    assert recorder.messages()[0]["To"].addresses[0].domain == "xn--bcher-kva.de"
