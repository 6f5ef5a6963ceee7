"""The outbox at size (issue 15): 10,000 drafts generated in <= 3 s; 1,000 messages written
as .eml in <= 2 s. Each figure is the median of three runs on SQLite.

- drafts: the rejection drafts of 10,000 applications (what a bulk decision adds to its
  transaction: rendering, founder's sentences, Message-IDs, inserts), one transaction;
- regenerate: the same 10,000 drafts written again from the templates (evaluating the
  rules again for each), one transaction;
- eml: 1,000 drafts sent as .eml files (a claim and a mark per message, each its own
  transaction, as the real batch does).

    python -m tests.benchmarks.bench_outbox
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import delete, select, update

from app import mail, schema
from app.database import Database
from app.services import outbox
from app.services.applications import application_from_row
from app.services.imports import ImportApplications, import_applications
from models.messages import Kind
from tests.benchmarks.common import record, write_applications_csv

DRAFTS, EML, RUNS = 10_000, 1_000, 3
BUDGET_DRAFTS, BUDGET_EML = 3.0, 2.0


def make_drafts(command, uow) -> int:
    composer = outbox.Composer(uow)
    rows = uow.conn.execute(select(schema.applications).order_by(schema.applications.c.id)).all()
    policies = uow.policies
    from models.eligibility import evaluate

    drafts = []
    for row in rows:
        app = application_from_row(row)
        results = evaluate(app, policies.in_force(app.submitted_on), row.prior_note).results
        drafts.append(outbox.draft_row(uow, composer, Kind.REJECTION, app, results, "failed rules", None, None))
    return len(outbox.add_rows(uow, drafts))


def clear(command, uow) -> None:
    uow.conn.execute(delete(schema.send_log))
    uow.conn.execute(delete(schema.outbox_messages))


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        database = Database(f"sqlite:///{folder / 'bench.sqlite3'}", "bench", backup_dir=folder)
        database.run(import_applications, ImportApplications(write_applications_csv(folder / "apps.csv", DRAFTS)))
        drafting, regenerating, writing = [], [], []
        for run in range(RUNS):
            database.run(clear, None)
            drafting.append(timed(lambda: database.run(make_drafts, None)))
            regenerating.append(timed(lambda: database.run(outbox.regenerate, outbox.Regenerate(include_edited=True))))
            with database.unit_of_work() as uow:  # only the first EML are drafts to send
                first = select(schema.outbox_messages.c.id).order_by(schema.outbox_messages.c.id).limit(EML)
                uow.conn.execute(
                    update(schema.outbox_messages)
                    .where(schema.outbox_messages.c.id.not_in(first.scalar_subquery()))
                    .values(status="held")
                )
                uow.commit()
            target = folder / f"eml-{run}"
            target.mkdir()
            seconds = timed(lambda target=target: mail.send_outbox(database, mail.EmlFolder(target)))
            assert len(list(target.glob("*.eml"))) == EML
            writing.append(seconds)
        database.close()
    d, r, w = (statistics.median(x) for x in (drafting, regenerating, writing))
    record(
        "outbox",
        [
            f"{DRAFTS:,} drafts generated: {d:.2f} s (budget {BUDGET_DRAFTS:.0f} s) {'ok' if d <= BUDGET_DRAFTS else 'OVER'}",
            f"{DRAFTS:,} drafts regenerated: {r:.2f} s (budget {BUDGET_DRAFTS:.0f} s) {'ok' if r <= BUDGET_DRAFTS else 'OVER'}",
            f"{EML:,} messages written as .eml: {w:.2f} s (budget {BUDGET_EML:.0f} s) {'ok' if w <= BUDGET_EML else 'OVER'}",
        ],
    )


if __name__ == "__main__":
    main()
