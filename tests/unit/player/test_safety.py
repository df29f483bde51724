"""Red flags, the stop rule, heat and ice limits: the rules, not the widgets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from player_helpers import HEAT

from lbp_desktop.domain import safety as S

NO = {q.id: False for q in S.RED_FLAG_QUESTIONS}


def test_red_flag_questions_cover_the_clinical_notes() -> None:
    ids = {q.id for q in S.RED_FLAG_QUESTIONS}
    assert {"saddle-numbness", "bladder", "bowel", "both-legs", "leg-weakness"} <= ids
    assert {"fever", "cancer-weight-loss", "trauma"} <= ids
    assert {q.urgency for q in S.RED_FLAG_QUESTIONS} == {"emergency", "soon"}
    assert all(q.question.endswith("?") for q in S.RED_FLAG_QUESTIONS)
    assert len(ids) == len(S.RED_FLAG_QUESTIONS)


def test_all_no_clears_the_screen() -> None:
    result = S.screen_red_flags(NO)
    assert not result.blocks_sessions and result.urgency is None and result.flagged == ()


def test_an_emergency_yes_blocks_and_says_get_urgent_care() -> None:
    result = S.screen_red_flags({**NO, "bladder": True, "fever": True})
    assert result.blocks_sessions and result.urgency == "emergency"
    assert result.flagged == ("bladder", "fever")
    assert "emergency" in result.advice and "A&E" in result.advice


def test_a_soon_yes_blocks_and_says_see_a_doctor() -> None:
    result = S.screen_red_flags({**NO, "trauma": True})
    assert result.blocks_sessions and result.urgency == "soon"
    assert "doctor" in result.advice and "emergency" not in result.advice


def test_unanswered_questions_block_and_unknown_ids_are_refused() -> None:
    result = S.screen_red_flags({"bladder": False})
    assert result.blocks_sessions and result.urgency is None and len(result.unanswered) > 0
    with pytest.raises(ValueError, match="nonsense"):
        S.screen_red_flags({"nonsense": True})


@pytest.mark.parametrize("advice", [S.EMERGENCY_ADVICE, S.SOON_ADVICE])
def test_advice_never_names_a_diagnosis(advice: str) -> None:
    for word in ("cauda equina", "cancer", "fracture", "infection", "you have"):
        assert word not in advice.lower()


@pytest.mark.parametrize(
    ("pre", "now", "stop"),
    [(0, 1, False), (0, 2, True), (3, 4, False), (3, 5, True), (6, 6, False), (6, 7, True),
     (9, 8, True), (5, 3, False), (10, 10, True)],
)  # fmt: skip
def test_stop_rule(pre: int, now: int, stop: bool) -> None:
    decision = S.should_stop(pre, now)
    assert decision.stop is stop and (decision.pre, decision.now) == (pre, now)
    assert decision.reason


@given(st.integers(0, 10), st.integers(0, 10))
def test_stop_rule_is_exactly_ours(pre: int, now: int) -> None:
    assert S.should_stop(pre, now).stop == (now >= pre + 2 or now >= 7)


def test_stop_rule_refuses_bad_scores() -> None:
    for bad in (-1, 11, True, 3.0):
        with pytest.raises(ValueError):
            S.should_stop(bad, 3)  # type: ignore[arg-type]


def test_traffic_light_is_a_hint_and_defers_to_our_rule() -> None:
    assert S.pain_traffic_light(3).colour == "green"
    assert S.pain_traffic_light(4).colour == "amber"
    assert "next morning" in S.pain_traffic_light(5).text
    high = S.pain_traffic_light(6)
    assert high.colour == "red" and "7" in high.text


def test_step_down_suggests_the_gentle_plan() -> None:
    assert S.step_down_after_stop("core-builder").plan_id == "gentle-start"
    again = S.step_down_after_stop("gentle-start")
    assert again.plan_id == "gentle-start" and "GP" in again.text


def test_heat_ice_cap() -> None:
    assert S.cap_heat_ice_s(900) == S.CappedInterval(900, False, "")
    capped = S.cap_heat_ice_s(1500, "ice")
    assert (
        capped.seconds == 1200 and capped.capped and "Ice is limited to 20 minutes" in capped.text
    )


def test_heat_ice_contraindications() -> None:
    no = {q.id: False for q in S.HEAT_ICE_QUESTIONS}
    assert {q.id for q in S.HEAT_ICE_QUESTIONS} == {
        "numb-skin", "broken-skin", "raynauds", "diabetes-neuropathy", "poor-circulation"
    }  # fmt: skip
    assert S.check_heat_ice(no).allowed
    for ident in no:
        result = S.check_heat_ice({**no, ident: True})
        assert not result.allowed and result.flagged == (ident,) and "GP" in result.text
    assert not S.check_heat_ice({}).allowed


def test_skin_check_times_stay_within_the_cap() -> None:
    assert S.skin_check_times(HEAT, 700) == (300, 600)
    assert S.skin_check_times(HEAT, 5000) == (300, 600, 900)
