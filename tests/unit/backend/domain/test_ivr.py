"""The service number's menu and queue dialogue, event by event (no SIP, no clock)."""

from __future__ import annotations

from datetime import UTC, datetime

from backend.domain.ivr import (
    Enqueue,
    Hangup,
    IvrCall,
    LeaveCallback,
    MenuRules,
    Play,
    Report,
    Step,
)

RULES = MenuRules(
    menu={"1": "puh_asiakas", "2.1": "puh_aitiys", "2.2": "puh_lapset", "3": "puh_mipa"},
    default_queue="puh_asiakas",
    no_input_repeats=2,
)


def call(caller: str | None = "0401234567") -> IvrCall:
    ivr = IvrCall(RULES, caller)
    assert ivr.start(True, None) == [Play(("welcome", "menu_main"))]
    return ivr


def test_closed_says_when_it_opens_and_hangs_up() -> None:
    ivr = IvrCall(RULES, "0401234567")
    opens = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
    [play] = ivr.start(False, opens)
    assert isinstance(play, Play) and play.then == "hangup"
    assert play.prompts == ("closed", f"next_open:{opens.isoformat()}", "emergency", "goodbye")
    assert ivr.prompt_done("hangup") == [Hangup("closed")]


def test_two_then_one_lands_in_maternity() -> None:
    ivr = call()
    assert ivr.digit("2") == [Report("main", "2"), Play(("menu_2",))]
    actions = ivr.digit("1")
    assert Enqueue("puh_aitiys") in actions and Report("2", "1") in actions
    assert ivr.step is Step.QUEUED


def test_no_input_repeats_then_the_default_line() -> None:
    ivr = call()
    for _ in range(2):
        actions = ivr.timeout()
        assert Play(("no_input", "menu_main")) in actions
    actions = ivr.timeout()
    assert Enqueue("puh_asiakas") in actions
    assert Report("main", "no_input_default") in actions


def test_unknown_key_says_so_and_repeats_the_menu() -> None:
    ivr = call()
    assert ivr.digit("7") == [Report("main", "invalid"), Play(("invalid", "menu_main"))]
    assert ivr.step is Step.MENU


def test_callback_with_the_callers_own_number() -> None:
    ivr = call("+358401234567")
    ivr.digit("3")
    [play] = ivr.digit("5")
    assert isinstance(play, Play)
    assert play.prompts[0] == "cb_confirm_pre" and play.prompts[-1] == "cb_confirm_post"
    assert "digit:3" in play.prompts
    assert ivr.digit("1") == [LeaveCallback("puh_mipa", "+358401234567")]
    [done] = ivr.callback_stored(due_today=False)
    assert isinstance(done, Play) and done.prompts == ("cb_done_next", "goodbye")
    assert ivr.prompt_done("hangup") == [Hangup("callback")]


def test_callback_with_a_keyed_in_number_when_the_caller_id_is_hidden() -> None:
    ivr = call("anonymous")
    ivr.digit("1")
    assert ivr.digit("5") == [Play(("cb_enter",))]
    for key in "0409876543":
        assert ivr.digit(key) == []
    [confirm] = ivr.digit("#")
    assert isinstance(confirm, Play) and "digit:9" in confirm.prompts
    assert ivr.digit("1") == [LeaveCallback("puh_asiakas", "0409876543")]


def test_undecided_callback_goes_back_to_waiting() -> None:
    ivr = call()
    ivr.digit("1")
    ivr.digit("5")
    actions = ivr.timeout()
    assert ivr.step is Step.QUEUED
    assert any(isinstance(a, Play) and "callback_offer" in a.prompts for a in actions)


def test_announcement_has_position_and_minutes() -> None:
    ivr = call()
    ivr.digit("1")
    ivr.position_changed(3, 250)
    assert ivr.announcement() == Play(("position:3", "minutes:4", "callback_offer"), "comfort")
