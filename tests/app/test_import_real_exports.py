"""Real exports as a new user brings them (issue 13): JSON and JSON Lines through a mapping,
a date for files that have none, a mapping file used unsaved, mappings deleted, countries
by their everyday English names, a website cell with two URLs, Indian digit grouping,
filters that never blank what they cannot read, long form ids, 'Remote', and a report
that names each invalid row once."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from app import schema
from app.cli import main
from app.importing.mapping import Mapping
from app.importing.tabular import FileRefused
from tests.importing import import_file

NESTED = [
    {
        "uuid": "cb-1",
        "name": "Nested Robotics",
        "founders": [{"name": "Ada", "email": "ada@nested.io"}, {"name": "Bo", "email": "bo@nested.io"}],
        "location": {"country": "Democratic Republic of the Congo", "city": "Kinshasa"},
        "funding": {"total_usd": 1200000.55},
        "created": "2026-02-01T10:00:00Z",
        "tags": ["ai", "robots"],
    },
    {
        "uuid": "cb-2",
        "name": "Second Co",
        "founders": [{"email": "s@second.io"}],
        "location": {"country": "GB"},
        "funding": {"total_usd": None},
        "created": "2026-02-02",
    },
]
NESTED_MAPPING = {
    "kind": "applications",
    "fields": {
        "application_id": "{uuid}",
        "submitted_on": "{created}",
        "company": "{name}",
        "contact_email": "{founders[0].email}",
        "contact_name": "{founders[0].name}",
        "country": "{location.country}",
        "total_funding_usd": "{funding.total_usd}",
        "notes": "{tags|first}",
    },
}


def stored(database) -> dict:
    with database.read() as conn:
        return {row.application_id: row for row in conn.execute(select(schema.applications))}


@pytest.fixture
def cli(database_url, capsys):
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", database_url, "--user", "cli.tester", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_a_json_array_with_nested_fields_imports_through_a_mapping(database, write_csv):
    path = write_csv(json.dumps(NESTED), "export.json")
    report = import_file(database, path, Mapping.from_json(json.dumps(NESTED_MAPPING)))
    assert (report.imported, report.invalid) == (2, []), report.as_json()
    first = stored(database)["cb-1"]
    assert (first.company, first.contact_email, first.contact_name, first.country) == (
        "Nested Robotics",
        "ada@nested.io",
        "Ada",
        "CD",
    )
    assert first.total_funding_cents == 120_000_055  # every digit kept: JSON decimals are not floats
    assert first.notes == "ai"
    assert stored(database)["cb-2"].total_funding_cents is None
    again = import_file(database, path, Mapping.from_json(json.dumps(NESTED_MAPPING)))
    assert (again.imported, again.duplicates) == (0, 2)


def test_json_lines_import_and_name_bad_rows_by_line(database, write_csv):
    lines = [
        {
            "application_id": "L1",
            "submitted_on": "2026-03-01",
            "company": "Line One",
            "email": "a@one.io",
            "country": "FR",
        },
        {"application_id": "L2", "submitted_on": "2026-03-02", "company": "", "email": "b@two.io", "country": "FR"},
    ]
    path = write_csv("\n".join(json.dumps(line) for line in lines) + "\n\n", "export.jsonl")
    report = import_file(database, path)
    assert report.imported == 1
    assert [(e.row, e.field) for e in report.invalid] == [(2, "company")]


def test_submitted_on_supplies_the_application_date_a_file_lacks(cli, write_csv):
    path = write_csv("application_id,company,contact_email,country\nS1,Dateless,d@dateless.io,GB\n")
    code, _, err = cli("import", "applications", str(path))
    assert code == 1 and "--submitted-on" in err  # refused, with the way out named
    code, out, _ = cli("import", "applications", str(path), "--submitted-on", "2026-04-30", "--json")
    assert code == 0 and json.loads(out)["imported"] == 1
    _, out, _ = cli("show", "S1", "--json")
    assert "2026-04-30" in out


def test_submitted_on_fills_blank_cells_and_keeps_given_dates(database, write_csv):
    path = write_csv(
        "application_id,submitted_on,company,contact_email,country\nB1,,Blank,b@b.io,GB\nB2,2026-01-02,Given,g@g.io,GB\n"
    )
    report = import_file(database, path, submitted_on=date(2026, 4, 30))
    assert report.imported == 2
    rows = stored(database)
    assert (rows["B1"].submitted_on, rows["B2"].submitted_on) == (date(2026, 4, 30), date(2026, 1, 2))


def test_a_malformed_submitted_on_is_a_usage_error(cli, write_csv):
    code, _, err = cli("import", "applications", str(write_csv("company\nx\n")), "--submitted-on", "30/04/2026")
    assert code == 2 and "not a date" in err


def test_a_mapping_file_works_without_saving_it(cli, write_csv, tmp_path):
    mapping = tmp_path / "nested.json"
    mapping.write_text(json.dumps(NESTED_MAPPING))
    code, out, err = cli(
        "import", "applications", str(write_csv(json.dumps(NESTED), "e.json")), "--mapping", str(mapping), "--json"
    )
    assert code == 0, err
    assert json.loads(out)["imported"] == 2
    _, out, _ = cli("mappings", "list", "--json")
    assert "nested" not in json.loads(out)


def test_a_missing_mapping_file_is_one_line(cli, write_csv, tmp_path):
    code, _, err = cli("import", "applications", str(write_csv("a\n1\n")), "--mapping", str(tmp_path / "none.json"))
    assert code == 1 and "no such mapping file" in err and len(err.strip().splitlines()) == 1


def test_mappings_delete_removes_a_saved_one_and_hides_a_shipped_one(cli, tmp_path):
    mapping = tmp_path / "mine.json"
    mapping.write_text(json.dumps(NESTED_MAPPING))
    assert cli("mappings", "save", "mine", str(mapping))[0] == 0
    code, out, _ = cli("mappings", "delete", "mine")
    assert code == 0 and "deleted" in out
    assert cli("mappings", "show", "mine")[0] == 1
    code, out, _ = cli("mappings", "delete", "yc-directory-2024")
    assert code == 0
    _, out, _ = cli("mappings", "list", "--json")
    assert "yc-directory-2024" not in json.loads(out) and "crunchbase-2013" in json.loads(out)
    assert cli("mappings", "show", "yc-directory-2024")[0] == 1
    assert cli("mappings", "delete", "yc-directory-2024")[0] == 1  # gone already
    assert cli("mappings", "save", "yc-directory-2024", str(mapping))[0] == 0  # the name is free again
    assert cli("mappings", "show", "yc-directory-2024")[0] == 0


@pytest.mark.parametrize(
    "name,code",
    [
        ("Democratic Republic of the Congo", "CD"),
        ("DR Congo", "CD"),
        ("Republic of the Congo", "CG"),
        ("South Korea", "KR"),
        ("Korea, South", "KR"),
        ("Iran", "IR"),
        ("British Virgin Islands", "VG"),
        ("US Virgin Islands", "VI"),
        ("Falkland Islands", "FK"),
        ("Micronesia", "FM"),
        ("St. Kitts and Nevis", "KN"),
        ("Saint Martin", "MF"),
        ("The Gambia", "GM"),
        ("Vatican City", "VA"),
        ("East Timor", "TL"),
        ("Côte d’Ivoire", "CI"),
        ("Türkiye", "TR"),
        ("Palestine", "PS"),
    ],
)
def test_common_english_country_names_are_countries(name, code):
    from app.countries import to_alpha2

    assert to_alpha2(name) == code


@pytest.mark.parametrize(
    "cell", ["https://first.io/a, https://second.io", "www.first.io second.io", "first.io\nsecond.io"]
)
def test_a_website_cell_with_two_urls_gives_the_first_domain(database, write_csv, cell):
    header = "application_id,submitted_on,company,contact_email,country,website\n"
    path = write_csv(header + f'W1,2026-03-01,Two Sites,w@gmail.com,GB,"{cell}"\n')
    import_file(database, path)
    assert stored(database)["W1"].web_domain == "first.io"


def test_indian_digit_grouping_is_an_amount(database, write_csv):
    header = "application_id,submitted_on,company,contact_email,country,total_funding_usd\n"
    rows = 'I1,2026-03-01,Crore Co,c@crore.in,India,"20,00,00,000"\nI2,2026-03-01,Lakh Co,l@lakh.in,IN,"$1,00,000.50"\n'
    rows += 'I3,2026-03-01,Bad Co,b@bad.in,IN,"1,000,00"\n'
    report = import_file(database, write_csv(header + rows))
    rows = stored(database)
    assert rows["I1"].total_funding_cents == 20_000_000_000
    assert rows["I2"].total_funding_cents == 10_000_050
    assert [(e.row, e.field) for e in report.invalid] == [(4, "total_funding_usd")]  # ambiguous: refused


def test_a_filter_never_blanks_what_it_cannot_read(database, write_csv):
    mapping = Mapping(
        fields={
            "application_id": "{id}",
            "submitted_on": "2026-03-01",
            "company": "{name}",
            "contact_email": "founders@{site|domain}",
            "country": "GB",
            "total_funding_usd": "{raised|usd_total}",
        }
    )
    content = (
        'id,name,site,raised\nF1,Fine,https://fine.io,"$100, $200"\nF2,No Site,n/a,\nF3,Vague,https://vague.io,lots\n'
    )
    content += 'F4,Secret,https://secret.io,"$1200000, undisclosed amount"\n'
    report = import_file(database, write_csv(content), mapping)
    assert sorted(stored(database)) == ["F1", "F4"]
    assert stored(database)["F1"].total_funding_cents == 30_000
    assert stored(database)["F4"].total_funding_cents is None  # undisclosed: unknown, on purpose
    problems = {(e.row, e.field): e.message for e in report.invalid}
    assert set(problems) == {(3, "contact_email"), (4, "total_funding_usd")}
    assert "'n/a'" in problems[(3, "contact_email")] and "'lots'" in problems[(4, "total_funding_usd")]


def test_a_form_id_of_128_characters_is_accepted_and_found_again(database, write_csv):
    long_id = "permalink-" + "x" * 118
    path = write_csv(
        f"application_id,submitted_on,company,contact_email,country\n{long_id},2026-03-01,Long,l@long.io,GB\n"
    )
    report = import_file(database, path)
    assert (report.imported, report.invalid) == (1, [])
    assert stored(database)[long_id].company == "Long"
    assert import_file(database, path).duplicates == 1


def test_remote_is_unknown_territory_when_the_mapping_says_so(database, write_csv):
    content = "application_id,submitted_on,company,contact_email,country\nR1,2026-03-01,Nowhere,n@nowhere.io,Remote\n"
    report = import_file(database, write_csv(content))
    assert report.imported == 0 and "unknown_countries" in report.invalid[0].message
    report = import_file(database, write_csv(content), Mapping(unknown_countries=["Remote", "Unspecified"]))
    assert report.imported == 1
    row = stored(database)["R1"]
    assert (row.country, row.rule_territory, row.eligibility) == ("", "unknown", "incomplete")


def test_the_report_lists_each_invalid_row_once_with_all_its_problems(cli, write_csv):
    content = "application_id,submitted_on,company,contact_email,country\nV1,someday,Bad,not-mail,Narnia\nV2,2026-01-01,,o@k.io,GB\n"
    code, out, _ = cli("import", "applications", str(write_csv(content)), "--json")
    assert code == 1
    invalid = json.loads(out)["invalid"]
    assert [entry["row"] for entry in invalid] == [2, 3]
    assert invalid[0]["field"] == "submitted_on, contact_email, country"
    assert "Narnia" in invalid[0]["message"] and "not-mail" in invalid[0]["message"]
    assert invalid[1] == {"row": 3, "field": "company", "message": "required, but blank"}
    code, _, err = cli("import", "applications", str(write_csv(content, "again.csv")))
    assert [line.strip()[:6] for line in err.splitlines()[1:]] == ["row 2:", "row 3,"]


def test_a_one_object_json_file_is_refused_with_its_keys(database, write_csv):
    with pytest.raises(FileRefused, match="its keys: data"):
        import_file(database, write_csv('{"data": [\n{"company": "A"}\n]}', "wrapped.json"))


@pytest.mark.parametrize(
    "name,text", [("domain", "n/a"), ("slug", "!!!"), ("tail", "///"), ("usd_total", "lots"), ("usd_total", "€5,000")]
)
def test_each_filter_refuses_what_it_cannot_read(name, text):
    from app.importing.mapping import FILTERS, Unreadable

    with pytest.raises(Unreadable):
        FILTERS[name](text)


def test_an_undisclosed_amount_is_unknown_on_purpose():
    from app.importing.mapping import FILTERS

    assert FILTERS["usd_total"]("$1200000, undisclosed amount") == ""
    assert FILTERS["usd_total"]("$1,200,000, $300,000") == "1500000.00"


def test_a_mapping_name_is_never_a_path(cli, tmp_path):
    outside = tmp_path / "evil.json"
    outside.write_text(json.dumps(NESTED_MAPPING))
    relative = "../" * 12 + str(outside.with_suffix(""))
    code, out, err = cli("mappings", "show", relative)
    assert code == 1 and "email" not in out  # nothing of the file outside the shipped mappings was read
