"""The partner registry, the deal catalogue and redemption requests (SPEC 5), on both databases."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from sqlalchemy import func, select

from app import schema
from app.cli import main
from app.deal_queries import (
    deal_rows,
    partner_history,
    partner_rows,
    request_history,
    request_rows,
    unknown_partner_codes,
)
from app.services import deal_files, deals, partners
from app.services.applications import history
from app.services.mappings import find_mapping
from models.deals import DealRefused
from models.errors import InvalidInput, TransitionRefused
from tests.importing import import_file

DEALS = (
    "partner,title,category,description,value_text,value_usd,redeem,valid_from,valid_until,capacity,active\n"
    'Acme Analytics,One free year,Analytics,Product analytics,1 year free,"$12,000",CODE-ACME-1,2026-01-01,2026-12-31,1,yes\n'
    "Warehouse Co,Credits,Data warehouse,,USD 5k,5000,https://warehouse.example/apply,,,,true\n"
)


@pytest.fixture
def catalogue(members, write_csv):
    report = members.run(deal_files.import_deals, deal_files.ImportDealFile(write_csv(DEALS, "deals.csv")))
    assert (report.imported, report.invalid) == (2, [])
    with members.read() as conn:
        return {row.title: row.id for row in deal_rows(conn)}


def counts(database) -> tuple[int, int]:
    with database.read() as conn:
        return (
            conn.execute(select(func.count()).select_from(schema.deal_requests)).scalar(),
            conn.execute(select(func.count()).select_from(schema.deal_request_events)).scalar(),
        )


def test_the_real_perks_list_imports_through_its_mapping_and_again_adds_nothing(database, shared_data):
    perks = shared_data / "startup-perks" / "perks_flat.csv"
    mapping = database.query(find_mapping, "startup-perks")
    first = database.run(deal_files.import_deals, deal_files.ImportDealFile(perks, mapping))
    assert (first.imported, first.duplicates, first.invalid) == (105, 0, [])
    again = database.run(deal_files.import_deals, deal_files.ImportDealFile(perks, mapping))
    assert (again.imported, again.duplicates) == (0, 105)
    with database.read() as conn:
        rows = {row.title: row for row in deal_rows(conn)}
    jumpstart = rows["0x JumpStart Program"]
    assert (jumpstart.partner, jumpstart.category, jumpstart.value_cents) == ("0x", "Web3", 500_000)
    assert jumpstart.value_text == "$5,000 credits" and jumpstart.active and jumpstart.capacity is None
    with database.read() as conn:
        assert {row.title for row in deal_rows(conn, category="Web3")} >= {"0x JumpStart Program"}
        assert all(
            "analytics" in (r.title + r.partner + r.description).lower() for r in deal_rows(conn, text="ANALYTICS")
        )


def test_a_bad_deal_row_is_reported_by_row_and_field_and_strict_imports_nothing(database, write_csv):
    bad = DEALS + "Broken,,Misc,,,-5,,2026-05-01,2026-01-01,zero,maybe\n"
    report = database.run(deal_files.import_deals, deal_files.ImportDealFile(write_csv(bad, "bad.csv"), strict=True))
    problems = {(e.row, e.field) for e in report.invalid}
    assert {(4, "title"), (4, "value_usd"), (4, "valid_until"), (4, "capacity"), (4, "active")} <= problems
    assert report.imported == 0
    with database.read() as conn:
        assert deal_rows(conn) == []
    assert database.run(deal_files.import_deals, deal_files.ImportDealFile(write_csv(bad, "bad.csv"))).imported == 2


def test_only_accepted_members_request_and_only_one_open_request_per_deal(members, catalogue, write_csv):
    import_file(
        members,
        write_csv(
            "application_id,submitted_on,company,contact_email,country,workspace\nN1,2026-02-01,Newco,n@newco.io,GB,newco\n",
            "new.csv",
        ),
    )
    deal = catalogue["Credits"]
    with pytest.raises(deals.RequestRefused, match="not a member"):
        members.run(deals.request_deal, deals.RequestDeal("newco", deal))
    assert counts(members) == (0, 0)
    first = members.run(deals.request_deal, deals.RequestDeal("worked", deal, "for our data team"))
    before = counts(members)
    with pytest.raises(deals.RequestRefused, match="already has an open request"):
        members.run(deals.request_deal, deals.RequestDeal("worked", deal))
    assert counts(members) == before  # the refusal changed nothing
    members.run(deals.decide_request, deals.DecideRequest(first.id, "decline", "not a fit"))
    members.run(deals.request_deal, deals.RequestDeal("worked", deal))  # declined is closed: asking again is allowed
    with members.read() as conn:
        assert [r.status for r in request_rows(conn, workspace="worked")] == ["requested", "declined"]


def test_the_database_itself_refuses_a_second_open_request_for_the_same_deal(members, catalogue):
    # what keeps two program managers asking at the same moment from opening two requests
    from sqlalchemy import exc, insert

    first = members.run(deals.request_deal, deals.RequestDeal("worked", catalogue["Credits"]))
    members.run(deals.decide_request, deals.DecideRequest(first.id, "decline", "not a fit"))
    open_one = members.run(deals.request_deal, deals.RequestDeal("worked", catalogue["Credits"]))
    with members.read() as conn:
        row = conn.execute(select(schema.deal_requests).where(schema.deal_requests.c.id == open_one.id)).one()
    copy = {k: v for k, v in row._mapping.items() if k != "id"}
    with pytest.raises(exc.IntegrityError), members.engine.begin() as conn:
        conn.execute(insert(schema.deal_requests).values(**copy))
    with members.engine.begin() as conn:  # a closed one beside it is fine
        conn.execute(insert(schema.deal_requests).values(**{**copy, "status": "declined", "is_open": False}))


def test_capacity_and_validity_are_checked_when_approving_and_a_refusal_changes_nothing(members, catalogue):
    deal = catalogue["One free year"]  # one place, valid through 2026
    one = members.run(deals.request_deal, deals.RequestDeal("worked", deal))
    two = members.run(deals.request_deal, deals.RequestDeal("half", deal))
    with pytest.raises(DealRefused, match="expired on 2026-12-31"):
        members.run(deals.decide_request, deals.DecideRequest(one.id, "approve", on=date(2027, 1, 1)))
    approved = members.run(deals.decide_request, deals.DecideRequest(one.id, "approve", on=date(2026, 6, 1)))
    assert approved.redeem == "CODE-ACME-1"
    before = counts(members)
    with pytest.raises(DealRefused, match="full \\(1 of 1 taken\\)"):
        members.run(deals.decide_request, deals.DecideRequest(two.id, "approve", on=date(2026, 6, 1)))
    assert counts(members) == before
    with members.read() as conn:
        assert {r.workspace: r.status for r in request_rows(conn, deal=deal)} == {
            "worked": "approved",
            "half": "requested",
        }
        assert deal_rows(conn, text="free year")[0].remaining == 0
    with pytest.raises(TransitionRefused, match="needs a reason"):
        members.run(deals.decide_request, deals.DecideRequest(two.id, "decline"))
    members.run(deals.decide_request, deals.DecideRequest(one.id, "fulfil"))
    with pytest.raises(TransitionRefused, match="fulfilled request cannot become declined"):
        members.run(deals.decide_request, deals.DecideRequest(one.id, "decline", "too late"))


def test_the_code_is_revealed_only_on_approval_and_exported_for_mailing(members, catalogue, tmp_path):
    request = members.run(deals.request_deal, deals.RequestDeal("partnered", catalogue["One free year"]))
    with members.read() as conn:
        assert request_rows(conn)[0].redeem == ""
    members.run(deals.decide_request, deals.DecideRequest(request.id, "approve", on=date(2026, 3, 1)))
    with members.read() as conn:
        row = request_rows(conn)[0]
        assert (row.redeem, row.decided_by) == ("CODE-ACME-1", "tester")
        assert [(h["from_status"], h["to_status"]) for h in request_history(conn, request.id)] == [
            ("", "requested"),
            ("requested", "approved"),
        ]
    target = tmp_path / "approved.csv"
    assert members.query(deal_files.export_approved, target) == 1
    with open(target, encoding="utf-8-sig") as handle:
        (line,) = list(csv.DictReader(handle))
    assert (line["workspace"], line["redeem"], line["contact_email"]) == ("partnered", "CODE-ACME-1", "p@partnered.io")


def test_a_deal_with_requests_is_retired_never_deleted(members, catalogue, tmp_path, write_csv):
    deal = catalogue["Credits"]
    members.run(deals.request_deal, deals.RequestDeal("worked", deal))
    with pytest.raises(deals.RequestRefused, match="retire it instead"):
        members.run(deals.delete_deal, deals.DeleteDeal(deal))
    members.run(deals.set_deal_active, deals.SetDealActive(deal, False))
    before = counts(members)
    with pytest.raises(deals.RequestRefused, match="retired"):
        members.run(deals.request_deal, deals.RequestDeal("half", deal))
    assert counts(members) == before
    members.run(deals.delete_deal, deals.DeleteDeal(catalogue["One free year"]))  # nobody asked for it
    with members.read() as conn:
        assert [(r.title, r.active) for r in deal_rows(conn)] == [("Credits", False)]
    target = tmp_path / "catalogue.csv"
    assert members.query(deal_files.export_catalogue, target) == 1
    assert (
        members.run(deal_files.import_deals, deal_files.ImportDealFile(target)).duplicates == 1
    )  # the export is a deal file


def test_editing_a_deal_names_the_bad_field_and_keeps_capacity_above_what_is_taken(members, catalogue):
    deal = catalogue["One free year"]
    request = members.run(deals.request_deal, deals.RequestDeal("worked", deal))
    members.run(deals.decide_request, deals.DecideRequest(request.id, "approve", on=date(2026, 2, 1)))
    text = {"partner": "Acme Analytics", "title": "One free year", "capacity": "0", "valid_from": "2026-01-01"}
    with pytest.raises(InvalidInput, match="capacity"):
        members.run(deals.save_deal, deals.SaveDeal(text, deal))
    with pytest.raises(InvalidInput, match="already has a deal titled"):
        members.run(deals.save_deal, deals.SaveDeal({"partner": "acme analytics", "title": "ONE FREE YEAR"}))
    members.run(deals.save_deal, deals.SaveDeal({**text, "capacity": "3", "redeem": "CODE-2"}, deal))
    with members.read() as conn:
        row = deal_rows(conn, text="free year")[0]
    assert (row.capacity, row.remaining, row.redeem, row.valid_until) == (3, 2, "CODE-2", None)


def test_partner_applications_are_decided_with_history_and_unknown_codes_linked(members, write_csv):
    members.run(
        partners.add_partner_application,
        partners.AddPartnerApplication("sc", "Seedcamp", "vc", "hello@seedcamp.example"),
    )
    with pytest.raises(TransitionRefused, match="needs a reason"):
        members.run(partners.decide_partner, partners.DecidePartner("sc", "reject"))
    assert members.run(partners.decide_partner, partners.DecidePartner("sc", "activate")) == "active"
    with members.read() as conn:
        sc = next(row for row in partner_rows(conn) if row.code == "sc")
        assert [(h["from_status"], h["to_status"]) for h in partner_history(conn, sc.id)] == [
            ("", "applied"),
            ("applied", "active"),
        ]
        yc = next(row for row in partner_rows(conn) if row.code == "yc")
        assert (yc.members, yc.granted_cents) == (1, 5_000_000)
    import_file(
        members,
        write_csv(
            "application_id,submitted_on,company,contact_email,country,workspace,partner_code\n"
            "S1,2026-02-01,Seeded,s@seeded.io,GB,seeded,seedcamp-typo\n",
            "seeded.csv",
        ),
    )
    with members.read() as conn:
        assert unknown_partner_codes(conn) == [("seedcamp-typo", 1)]
    members.run(partners.link_partner, partners.LinkPartner("S1", "sc"))
    with members.read() as conn:
        assert unknown_partner_codes(conn) == []
    assert "linked to partner sc" in members.query(history, "S1")[-1]["reason"]


def test_command_line_requests_with_json(members, catalogue, database_url, capsys):
    deal = catalogue["Credits"]
    assert main(["--db", database_url, "request", "half", str(deal), "--json"]) == 0
    request = json.loads(capsys.readouterr().out)
    assert request["status"] == "requested" and request["redeem"] == ""
    assert main(["--db", database_url, "request", "half", str(deal)]) == 1
    assert "already has an open request" in capsys.readouterr().err
    assert main(["--db", database_url, "decide-request", str(request["id"]), "approve", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["redeem"] == "https://warehouse.example/apply"
    assert main(["--db", database_url, "requests", "--status", "approved", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["workspace"], r["status"]) for r in listed] == [("half", "approved")]
    assert main(["--db", database_url, "deals", "--json"]) == 0
    assert {d["title"] for d in json.loads(capsys.readouterr().out)} == {"Credits", "One free year"}
    assert main(["--db", database_url, "partners", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["credit_granted_usd"] == "50000.00"


def test_requests_import_from_the_form_export_row_by_row_and_again_adds_nothing(members, catalogue, write_csv):
    export = (
        "workspace,partner,title,deal,note\n"
        "worked,Acme Analytics,One free year,,for the growth team\n"
        f"half,,,{catalogue['Credits']},\n"
        "nobody,Acme Analytics,One free year,,\n"
        "partnered,Acme Analytics,No such deal,,\n"
    )
    report = members.run(deal_files.import_requests, deal_files.ImportDealFile(write_csv(export, "requests.csv")))
    assert report.imported == 2
    assert {(e.row, e.field) for e in report.invalid} == {(4, "workspace"), (5, "title")}
    again = members.run(deal_files.import_requests, deal_files.ImportDealFile(write_csv(export, "requests.csv")))
    assert (again.imported, again.duplicates) == (0, 2)
    with members.read() as conn:
        rows = {r.workspace: r for r in request_rows(conn)}
        assert set(rows) == {"worked", "half"} and rows["worked"].reason == "for the growth team"
        assert [h["to_status"] for h in request_history(conn, rows["half"].id)] == ["requested"]
    strict = members.run(
        deal_files.import_requests,
        deal_files.ImportDealFile(write_csv(export.replace("worked,", "worked2,"), "r2.csv"), strict=True),
    )
    assert strict.imported == 0 and counts(members)[0] == 2


def test_imported_partners_start_their_history_with_the_import(database, write_csv):
    from tests.importing import import_partner_file

    import_partner_file(database, write_csv("code,name,kind,status\nsf,Station F,incubator,applied\n", "p.csv"))
    database.run(partners.decide_partner, partners.DecidePartner("sf", "activate"))
    with database.read() as conn:
        sf = partner_rows(conn)[0]
        steps = [(h["from_status"], h["to_status"], h["reason"]) for h in partner_history(conn, sf.id)]
    assert steps == [("", "applied", "imported from p.csv"), ("applied", "active", "")]


def test_a_search_for_a_wildcard_character_finds_it_as_typed(members, catalogue, capsys, database_url):
    assert main(["--db", database_url, "deals", "--search", "%", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--db", database_url, "deals", "--search", "_", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert [row.title for row in members.query(lambda uow: deal_rows(uow.conn, text="WAREhouse"))] == ["Credits"]
