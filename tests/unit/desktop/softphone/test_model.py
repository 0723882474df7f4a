"""The softphone's plain parts: header parsing, numbers, history, the PCM FIFO, tones."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.softphone.model import (
    Call,
    Direction,
    History,
    Outcome,
    ServiceInfo,
    SipSettings,
    caller_name,
    caller_number,
    format_duration,
    headers,
)
from desktop.softphone.pipe import PcmPipe, ms_to_bytes
from desktop.softphone.tones import dominant, sine

INVITE = (
    "INVITE sip:hoitaja@127.0.0.1 SIP/2.0\r\n"
    'From: "Asiakas" <sip:0401234567@10.0.0.1>;tag=1\r\n'
    "X-Luukku-Queue: neuvola\r\n"
    "X-Luukku-Waited: 75\r\n"
    "\r\n"
    "v=0\r\nX-Luukku-Queue: not-a-header\r\n"
)


def test_service_headers_are_read_and_the_body_ignored() -> None:
    fields = headers(INVITE)
    assert ServiceInfo.from_headers(fields) == ServiceInfo("neuvola", 75)
    assert caller_number(fields["from"]) == "0401234567"
    assert caller_name(fields["from"]) == "Asiakas"


def test_hostile_service_headers_are_dropped() -> None:
    bad = {"x-luukku-queue": "<script>alert(1)</script>", "x-luukku-waited": "-5"}
    assert ServiceInfo.from_headers(bad) == ServiceInfo(None, None)
    assert ServiceInfo.from_headers({"x-luukku-waited": "99999999"}).waited_s is None


def test_the_service_numbers_asserted_caller_is_shown_only_from_the_service() -> None:
    service = {
        "from": "<sip:service@10.0.0.2>",
        "x-luukku-call": "gw1-abc",
        "p-asserted-identity": "<sip:+358401234567@10.0.0.2>",
    }
    assert ServiceInfo.from_headers(service).caller == "+358401234567"
    # Not from the service (no call id), or not a number: the From header stands.
    direct = {k: v for k, v in service.items() if k != "x-luukku-call"}
    assert ServiceInfo.from_headers(direct).caller is None
    forged = service | {"p-asserted-identity": "<sip:<b>boss</b>@10.0.0.2>"}
    assert ServiceInfo.from_headers(forged).caller is None


def test_dialled_text_becomes_a_uri() -> None:
    udp = SipSettings(registrar="pbx.example:5060", user="hoitaja")
    assert udp.uri("040 123 4567") == "sip:0401234567@pbx.example:5060"
    assert udp.uri("+358 40 123") == "sip:+35840123@pbx.example:5060"
    assert udp.uri("laakari") == "sip:laakari@pbx.example:5060"
    assert udp.uri("sip:x@y") == "sip:x@y"
    tls = SipSettings(registrar="pbx.example", user="h", transport="tls")
    assert tls.uri("123") == "sip:123@pbx.example;transport=tls"


def test_history_outcomes_and_the_day_boundary() -> None:
    now = datetime(2026, 11, 23, 9, 0)
    history = History()
    missed = Call(1, Direction.INCOMING, "040", started=now - timedelta(days=1))
    history.record(missed, now - timedelta(days=1))
    answered = Call(2, Direction.INCOMING, "041", started=now, answered=now)
    answered.ended = now + timedelta(seconds=75)
    entry = history.record(answered, now + timedelta(seconds=75))
    assert entry.outcome is Outcome.ANSWERED and entry.talk_s == 75
    unanswered = Call(3, Direction.OUTGOING, "042", started=now)
    history.record(unanswered, now)
    assert [e.outcome for e in history.today(now.date())] == [Outcome.UNANSWERED, Outcome.ANSWERED]
    assert format_duration(75) == "1:15" and format_duration(3725) == "1:02:05"


def test_pipe_caps_delay_and_pads_with_silence() -> None:
    pipe = PcmPipe(max_ms=60, start_ms=20)
    assert pipe.read(100) == bytes(100)  # not primed yet: silence
    pipe.write(b"\x01\x00" * (ms_to_bytes(200) // 2))
    assert pipe.available() == ms_to_bytes(60)  # the oldest audio went, not the newest
    assert pipe.stats.dropped == ms_to_bytes(140)
    chunk = pipe.read(ms_to_bytes(100))
    assert chunk[: ms_to_bytes(60)] == b"\x01\x00" * (ms_to_bytes(60) // 2)
    assert chunk[ms_to_bytes(60) :] == bytes(ms_to_bytes(40))


def test_tone_detector_tells_frequencies_apart() -> None:
    hz, share = dominant(sine(1000, 200), [600.0, 1000.0])
    assert hz == 1000.0 and share > 0.95
    assert dominant(sine(600, 200), [600.0, 1000.0])[0] == 600.0


def test_frame_audio_is_read_without_losing_references_to_none() -> None:
    """The wheel's ``MediaFrame.buf`` getter over-releases ``None``; the engine's reader
    must not (100 frames a second would free ``None`` and abort the app)."""
    import sys

    import pjsua2 as pj

    from desktop.softphone.port import _frame_reader

    read = _frame_reader()
    frame = pj.MediaFrame()
    frame.buf = pj.ByteVector(b"\x01\x02" * 960)
    before = sys.getrefcount(None)
    for _ in range(1000):
        data = read(frame)
    assert data == b"\x01\x02" * 960
    assert sys.getrefcount(None) - before > -10


def test_unplugged_device_falls_back_and_is_offered_back_once() -> None:
    from desktop.softphone.devices import DeviceChoice, Fallbacks

    fallbacks = Fallbacks()
    fallbacks.choose(DeviceChoice(speaker="usb", microphone="usb-mic"))
    both = {"usb-mic", "builtin-mic"}, {"usb", "builtin"}
    assert fallbacks.update(*both).fell_back == ()
    assert fallbacks.key("speaker") == "usb"
    change = fallbacks.update({"usb-mic"}, {"builtin"})  # the headset's output vanished
    assert change.fell_back == ("speaker",) and fallbacks.key("speaker") == ""
    assert fallbacks.update({"usb-mic"}, {"builtin"}).fell_back == ()  # said once
    assert fallbacks.update(*both).returned == ("speaker",)
    assert fallbacks.update(*both).returned == ()  # asked once, not at every change
    assert fallbacks.key("speaker") == ""  # until she says yes
    fallbacks.switch_back("speaker")
    assert fallbacks.key("speaker") == "usb"
    assert fallbacks.key("ringer") == ""  # never chosen: the default, never "fallen"
    assert fallbacks.lost("speaker") is True and fallbacks.lost("speaker") is False
