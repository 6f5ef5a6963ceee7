"""The what-if's effect on the program forecast (SPEC 10): what a changed annual or partner credit does
to the credit forecast to be applied and to expire, month by month.

A policy change reaches the forecast through the grants it would make: year 2 of the members now in
year 1 (committed credit counts it too), granted at the anniversary and drawn at the member's pace
(the forecast's pace: the mean of its recent bills). The forecast's own months and pace are
app.services.ledger.forecasts' and the arithmetic models.forecast.plan's (many_single_grants, its sum), so these figures add to the
forecast view's. Applications in the queue have no bills yet: their year 1 is in committed credit,
not in a forecast drawn from bills. A rule change (cap, age, territories) makes no grant to a member,
so it leaves the forecast as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select

from app import schema
from app.database import UnitOfWork
from app.services.ledger.forecasts import _start, paces
from models.dates import add_years, day_before
from models.forecast import RUN_OUT_HORIZON, grant_indices, many_single_grants, month_days, month_label
from models.ledger import BONUS_BASE
from models.membership import MemberStatus

e, py, p = schema.enrollments, schema.program_years, schema.partners


def members_in_year_one(conn) -> list[tuple[str, str, object]]:
    """(workspace, partner code or "", year 1's first day) of every active member still in year 1."""
    only_one = (
        select(py.c.enrollment, func.min(py.c.valid_from).label("start"))
        .where(py.c.bonus.is_(False), py.c.renewal.is_(False), py.c.number <= BONUS_BASE)
        .group_by(py.c.enrollment)
        .having(func.count() == 1)
        .subquery()
    )
    return [
        (workspace, code or "", start)
        for workspace, code, start in conn.execute(
            select(e.c.workspace, p.c.code, only_one.c.start)
            .join(only_one, only_one.c.enrollment == e.c.id)
            .outerjoin(p, p.c.id == e.c.partner)
            .where(e.c.status == MemberStatus.ACTIVE.value)
        )
    ]


def forecast_effect(
    uow: UnitOfWork,
    members: list[tuple[str, str, object]],
    before: Callable[[str], int],
    after: Callable[[str], int],
    months: int = 12,
) -> list[dict]:
    """Per forecast month: year 2's credit forecast to be applied and to expire under the policy in
    force (`before(partner)`: a year's credit) and under the change (`after`), in cents."""
    start = _start(uow)
    pace_of = paces(uow, start)
    calendar = month_days(start, months + RUN_OUT_HORIZON)
    lasts = [last for _, _, last in calendar]
    indices: dict[object, tuple[int, int]] = {}
    sides: dict[str, list[tuple[int, int, int, int]]] = {"before": [], "after": []}
    for workspace, partner, first in members:
        where = indices.get(first)
        if where is None:  # year 2: from the first anniversary to the day before the second
            where = indices[first] = grant_indices(lasts, add_years(first, 1), day_before(add_years(first, 2)))
        pace = pace_of.get(workspace, 0)
        sides["before"].append((*where, before(partner), pace))
        sides["after"].append((*where, after(partner), pace))
    applied_before, expiring_before = many_single_grants(sides["before"], months)
    applied_after, expiring_after = many_single_grants(sides["after"], months)
    return [
        {
            "month": month_label(calendar[index][0]),
            "applied_before": applied_before[index],
            "applied_after": applied_after[index],
            "expiring_before": expiring_before[index],
            "expiring_after": expiring_after[index],
        }
        for index in range(months)
    ]
