from datetime import date

import pytest

from models.applications import TRANSITIONS, Eligibility, Status, check_transition
from models.errors import TransitionRefused
from models.policy import Policy, PolicyBook

OPEN = [Status.NEW, Status.IN_REVIEW, Status.NEEDS_INFO]
FINAL = [Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN]


@pytest.mark.parametrize("final", FINAL)
@pytest.mark.parametrize("target", list(Status))
def test_nothing_leaves_a_final_state(final, target):
    with pytest.raises(TransitionRefused):
        check_transition(final, target, Eligibility.ELIGIBLE, "a reason")


def test_a_new_application_cannot_jump_to_needs_info():
    with pytest.raises(TransitionRefused, match="from new to needs_info"):
        check_transition(Status.NEW, Status.NEEDS_INFO, Eligibility.ELIGIBLE, "")


def test_needs_info_goes_back_to_review():
    assert check_transition(Status.NEEDS_INFO, Status.IN_REVIEW, None, "") is False


@pytest.mark.parametrize("source", OPEN)
@pytest.mark.parametrize("final", FINAL)
def test_every_open_state_can_be_decided(source, final):
    check_transition(source, final, Eligibility.ELIGIBLE, "reason")


def test_exactly_the_spec_transitions_exist():
    assert len(TRANSITIONS) == 3 + 9


def test_rejecting_without_a_reason_is_refused():
    with pytest.raises(TransitionRefused, match="needs a reason"):
        check_transition(Status.IN_REVIEW, Status.REJECTED, Eligibility.INELIGIBLE, "  ")


@pytest.mark.parametrize("eligibility", [Eligibility.INELIGIBLE, Eligibility.INCOMPLETE])
def test_accepting_a_non_eligible_application_needs_an_override_reason(eligibility):
    with pytest.raises(TransitionRefused, match="override reason"):
        check_transition(Status.IN_REVIEW, Status.ACCEPTED, eligibility, "")
    assert check_transition(Status.IN_REVIEW, Status.ACCEPTED, eligibility, "board exception") is True


def test_accepting_an_eligible_application_is_not_an_override():
    assert check_transition(Status.NEW, Status.ACCEPTED, Eligibility.ELIGIBLE, "") is False


def test_deciding_the_same_state_again_is_refused():
    with pytest.raises(TransitionRefused, match="already in_review"):
        check_transition(Status.IN_REVIEW, Status.IN_REVIEW, None, "")


def test_the_policy_in_force_is_the_latest_effective_on_the_day():
    book = PolicyBook([Policy(1, date(2020, 1, 1)), Policy(2, date(2026, 7, 1), annual_credit=1_000_000)])
    assert book.in_force(date(2026, 6, 30)).version == 1
    assert book.in_force(date(2026, 7, 1)).annual_credit == 1_000_000


@pytest.mark.parametrize("final", FINAL)
def test_no_decision_is_offered_on_a_final_application(final):
    from models.applications import can_decide

    assert [target for target in Status if can_decide(final, target)] == []


def test_the_decisions_offered_are_the_spec_transitions_plus_asking_a_new_application_for_information():
    from models.applications import can_decide, decision_steps

    offered = {(source, target) for source in Status for target in Status if can_decide(source, target)}
    assert offered == set(TRANSITIONS) | {(Status.NEW, Status.NEEDS_INFO)}
    assert decision_steps(Status.NEW, Status.NEEDS_INFO) == (Status.IN_REVIEW, Status.NEEDS_INFO)
    assert decision_steps(Status.NEEDS_INFO, Status.NEEDS_INFO) == ()
