"""The small panes sort by Python keys: integers past 2³¹ (cents above USD 21,474,836.47) too."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt

from ui.deals_models import deal_columns, partner_columns
from ui.row_models import RowTableModel, sorting_proxy


def partner(code: str, granted: int):
    return SimpleNamespace(
        code=code,
        name=code,
        kind="vc",
        status="active",
        contact="",
        annual_credit_cents=granted,
        members=1,
        granted_cents=granted,
    )


def column_texts(proxy, column: int) -> list[str]:
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_credit_granted_past_two_to_the_31_cents_sorts_by_amount(qapp, model_tester):
    model = RowTableModel(partner_columns(lambda text: text))
    proxy = sorting_proxy(model)
    model_tester(model)
    model_tester(proxy)
    model.set_rows([partner("big", 3_000_000_000), partner("small", 2_000_000_000), partner("tiny", 100)])
    granted = [c.header for c in model.columns].index("Credit granted")
    proxy.sort(granted, Qt.SortOrder.AscendingOrder)
    assert column_texts(proxy, 0) == ["tiny", "small", "big"]
    proxy.sort(granted, Qt.SortOrder.DescendingOrder)
    assert column_texts(proxy, 0) == ["big", "small", "tiny"]


def test_unlimited_places_sort_after_any_number(qapp, model_tester):
    def deal(title, capacity, taken=0):
        return SimpleNamespace(
            partner="P",
            title=title,
            category="",
            value_cents=3_000_000_000 if capacity else None,
            value_text="",
            valid_until=None,
            remaining=None if capacity is None else capacity - taken,
            open_requests=0,
            active=True,
        )

    model = RowTableModel(deal_columns(lambda text: text))
    proxy = sorting_proxy(model)
    model_tester(proxy)
    model.set_rows([deal("unlimited", None), deal("many", 2_500_000_000), deal("few", 3)])
    remaining = [c.header for c in model.columns].index("Remaining")
    proxy.sort(remaining, Qt.SortOrder.AscendingOrder)
    assert column_texts(proxy, 1) == ["few", "many", "unlimited"]
    value = [c.header for c in model.columns].index("Value")
    proxy.sort(value, Qt.SortOrder.DescendingOrder)
    assert column_texts(proxy, 1)[-1] == "unlimited"  # no value: below any
