"""Issue 12's cross-check on the demo: on every closed month the Ledger pane's figures, `ledger`,
the statements, the billing adjustments and the close agree to the cent (the benchmark ledger
runs the same check: tests/benchmarks/bench_ledger.py)."""

import pytest

from app.demo import LoadDemo, load_demo
from tests.app.one_truth import check_every_closed_month


@pytest.fixture
def demo(database):
    database.run(load_demo, LoadDemo())
    return database


def test_every_closed_month_tells_one_truth(demo, tmp_path):
    assert check_every_closed_month(demo, tmp_path) >= 6, "the demo closes months"
