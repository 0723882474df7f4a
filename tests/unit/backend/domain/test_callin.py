"""Who is asked to help a red queue, in what order, when asking stops, and when she is let
go: the digi-agent rules with a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.domain.callin import (
    Ask,
    AskEnded,
    CallInDesk,
    CallInError,
    CallInRules,
    Closed,
    DigiAgent,
    Joined,
    Opened,
    QueueState,
    Release,
)

T0 = datetime(2026, 12, 1, 8, tzinfo=UTC)
RULES = CallInRules(
    red_for_s=120, answer_within_s=60, not_again_s=900, green_for_s=300, choices_min=(30, 60)
)
RED = {"neuvola": QueueState("red", waiting=7, longest_wait_s=400)}
GREEN = {"neuvola": QueueState("green")}


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def desk(*agents: tuple[str, float], skills: str = "neuvola") -> CallInDesk:
    d = CallInDesk(RULES, {"neuvola": "neuvola", "mipa": "mipa"})
    for username, minutes in agents:
        d.on_standby(DigiAgent(username, frozenset({skills}), "Kalliola", minutes))
    return d


def asks(actions: list[object]) -> list[str]:
    return [a.username for a in actions if isinstance(a, Ask)]


def red_until_asked(d: CallInDesk) -> list[object]:
    assert d.tick(at(0), RED) == []
    assert d.tick(at(119), RED) == []  # not red long enough yet
    return d.tick(at(120), RED)


def test_nobody_on_standby_opens_a_call_in_but_asks_nobody() -> None:
    d = desk()
    actions = red_until_asked(d)
    assert [type(a) for a in actions] == [Opened] and asks(actions) == []
    # She logs in later while it is still red: she is asked at the next tick.
    d.on_standby(DigiAgent("aino", frozenset({"neuvola"}), "Kalliola"))
    assert asks(d.tick(at(130), RED)) == ["aino"]


def test_the_fewest_minutes_this_week_is_asked_first_one_at_a_time() -> None:
    d = desk(("aino", 90), ("bea", 15), ("cai", 15))
    actions = red_until_asked(d)
    ask = next(a for a in actions if isinstance(a, Ask))
    assert asks(actions) == ["bea"]  # 15 min, and before cai by name
    assert ask.waiting == 7 and ask.longest_wait_s == 400 and ask.answer_by == at(180)


def test_she_declines_and_the_next_is_asked_and_not_her_again_soon() -> None:
    d = desk(("aino", 0), ("bea", 10))
    red_until_asked(d)
    actions = d.answer("aino", 1, None, "a client in the room", at(130))
    assert AskEnded(1, "aino", "declined", "a client in the room") in actions
    assert asks(actions) == ["bea"]
    d.answer("bea", 1, None, "", at(140))
    # The queue stays red: a new call-in would not ask them again within 15 min.
    assert asks(d.tick(at(600), RED)) == []


def test_everyone_declines_and_asking_stops() -> None:
    d = desk(("aino", 0), ("bea", 0))
    red_until_asked(d)
    assert asks(d.answer("aino", 1, None, "", at(121))) == ["bea"]
    assert asks(d.answer("bea", 1, None, "", at(122))) == []
    assert all(not isinstance(a, Ask) for a in d.tick(at(200), RED))
    # After the quiet window they may be asked again.
    assert asks(d.tick(at(122 + 900), RED)) == ["aino"]


def test_an_unanswered_ask_moves_on_after_its_time() -> None:
    d = desk(("aino", 0), ("bea", 5))
    red_until_asked(d)
    assert asks(d.tick(at(179), RED)) == []
    actions = d.tick(at(180), RED)
    assert AskEnded(1, "aino", "no_answer") in actions and asks(actions) == ["bea"]


def test_the_queue_turns_green_while_an_ask_is_pending() -> None:
    d = desk(("aino", 0))
    red_until_asked(d)
    actions = d.tick(at(130), GREEN)
    assert AskEnded(1, "aino", "not_needed") in actions and Closed(1, "green") in actions
    with pytest.raises(CallInError):
        d.answer("aino", 1, 30, "", at(131))  # too late: the ask ended


def test_she_joins_and_is_released_when_her_time_ends() -> None:
    d = desk(("aino", 0))
    red_until_asked(d)
    with pytest.raises(CallInError):
        d.answer("aino", 1, 45, "", at(125))  # not one of the choices
    actions = d.answer("aino", 1, 30, "", at(125))
    assert Joined(1, "aino", ("neuvola",), 30, at(125 + 1800)) in actions
    assert d.helping("aino") is not None
    assert [a for a in d.tick(at(125 + 1799), RED) if isinstance(a, Release)] == []
    released = [a for a in d.tick(at(125 + 1800), RED) if isinstance(a, Release)]
    assert released == [Release(1, "aino", "time", 30.0)]
    assert d.standby["aino"].minutes_this_week == 30.0  # fairness remembers


def test_green_long_enough_releases_her_and_a_short_green_does_not() -> None:
    d = desk(("aino", 0))
    red_until_asked(d)
    d.answer("aino", 1, 60, "", at(125))
    d.tick(at(200), GREEN)
    d.tick(at(300), {"neuvola": QueueState("yellow")})  # the green spell is broken
    d.tick(at(400), GREEN)
    assert not any(isinstance(a, Release) for a in d.tick(at(699), GREEN))
    assert Release(1, "aino", "green", 575 / 60) in d.tick(at(700), GREEN)


def test_still_red_after_her_help_asks_one_more() -> None:
    d = desk(("aino", 0), ("bea", 0))
    red_until_asked(d)
    d.answer("aino", 1, 30, "", at(130))
    assert asks(d.tick(at(249), RED)) == []
    assert asks(d.tick(at(250), RED)) == ["bea"]


def test_a_supervisor_calls_many_or_one_by_name() -> None:
    d = desk(("aino", 0), ("bea", 0), ("cai", 0))
    actions = d.call(("neuvola",), 2, "esihenkilo", at(0))
    assert Opened(1, ("neuvola",), "supervisor", "esihenkilo", 2) in actions
    assert asks(actions) == ["aino"]  # one at a time
    assert asks(d.answer("aino", 1, 30, "", at(5))) == ["bea"]
    filled = d.answer("bea", 1, 60, "", at(6))
    assert Closed(1, "filled") in filled and asks(filled) == []
    with pytest.raises(CallInError):
        d.call(("neuvola",), 1, "esihenkilo", at(7), named="aino")  # she is helping
    with pytest.raises(CallInError):
        d.call(("astrologia",), 1, "esihenkilo", at(7))
    # A named call overrides the quiet window after a decline.
    d2 = desk(("aino", 0))
    red_until_asked(d2)
    d2.answer("aino", 1, None, "", at(121))
    named = d2.call(("neuvola",), 1, "esihenkilo", at(122), named="aino")
    assert asks(named) == ["aino"]
    assert Closed(2, "answered") in d2.answer("aino", 2, None, "", at(123))


def test_skills_decide_who_can_be_asked() -> None:
    d = desk(("aino", 0), skills="mipa")
    assert asks(red_until_asked(d)) == []
    with pytest.raises(CallInError):
        d.call(("neuvola",), 1, "esihenkilo", at(130), named="aino")


def test_gone_ends_her_ask_and_her_help() -> None:
    d = desk(("aino", 0), ("bea", 0))
    red_until_asked(d)
    actions = d.gone("aino", at(130))
    assert AskEnded(1, "aino", "no_answer") in actions and asks(actions) == ["bea"]
    d.answer("bea", 1, 30, "", at(131))
    assert [a.why for a in d.gone("bea", at(200)) if isinstance(a, Release)] == ["gone"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["red", "yellow", "green"]),
            st.integers(0, 400),
            st.sampled_from([None, 30, 60, "no"]),
        ),
        max_size=30,
    )
)
def test_nobody_is_asked_twice_at_once_nor_while_helping(
    steps: list[tuple[str, int, object]],
) -> None:
    d = desk(("aino", 0), ("bea", 20), ("cai", 40))
    now = T0
    for level, gap, answer in steps:
        now += timedelta(seconds=gap)
        d.tick(now, {"neuvola": QueueState(level)})  # type: ignore[arg-type]
        for call_in in list(d.call_ins.values()):
            for username in list(call_in.pending):
                if answer in (30, 60):
                    d.answer(username, call_in.id, answer, "", now)  # type: ignore[arg-type]
                elif answer == "no":
                    d.answer(username, call_in.id, None, "", now)
        pending = [u for c in d.call_ins.values() for u in c.pending]
        assert len(pending) == len(set(pending))
        assert not set(pending) & set(d.helpers)
        assert all(len(c.pending) <= RULES.at_once for c in d.call_ins.values())


def test_the_summary_counts_minutes_per_week_and_clinic_and_time_to_help() -> None:
    from zoneinfo import ZoneInfo

    from backend.domain.callin import CallInRecord, HelpRecord, summarise

    sunday_night = datetime(2026, 12, 6, 21, 30, tzinfo=UTC)  # 23:30 on Sunday in Helsinki
    calls = [
        CallInRecord(1, ("neuvola",), "red", at(0), at(95)),
        CallInRecord(2, ("neuvola",), "supervisor", at(10), None),
        CallInRecord(3, ("mipa",), "red", at(20), at(50)),
    ]
    helps = [
        HelpRecord("aino", "kallio", at(2000), 30.0, 3),
        HelpRecord("bea", "kallio", sunday_night, 15.0, 1),
        HelpRecord("cai", "vuosaari", sunday_night + timedelta(hours=1), 60.0, 4),
    ]
    s = summarise(calls, helps, ZoneInfo("Europe/Helsinki"))
    assert s.minutes == {
        ("2026-W49", "kallio"): 45.0,
        ("2026-W50", "vuosaari"): 60.0,  # 00:30 on Monday in Helsinki
    }
    assert (s.contacts, s.call_ins, s.red_call_ins, s.helped) == (8, 3, 2, 2)
    assert s.help_after_s == [95.0, 30.0]
