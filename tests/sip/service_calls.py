"""sipp scenarios for callers of the service number, written from a list of steps:
``("dtmf", "2")`` RFC 2833 from sipp's pcaps, ``("info", "1")`` SIP INFO, ``("pause", ms)``,
``("audio",)`` a few seconds of speech; the call ends with the caller's BYE, or with the
gateway's (``ends="gateway"``: a closed line or a confirmed callback hangs up itself).
The caller's number is ``0401234567``. The gateway (baresip) sends one re-INVITE a
moment after answering (it settles the media directions once the call is up), which the
caller answers as any phone does."""

from __future__ import annotations

from pathlib import Path

# The caller's media (PCMA and RFC 4733 events); ``version`` counts the session's offers.
SDP = """v=0
o=user1 53655765 {version} IN IP[local_ip_type] [local_ip]
s=-
c=IN IP[local_ip_type] [local_ip]
t=0 0
m=audio [auto_media_port] RTP/AVP 8 101
a=rtpmap:8 PCMA/8000
a=rtpmap:101 telephone-event/8000
a=fmtp:101 0-15
"""

# A 200 OK to the request just received (the gateway's re-INVITE or BYE).
OK = """SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Contact: sip:{caller}@[local_ip]:[local_port]
"""

HEAD = """<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="service number caller">
  <send retrans="500"><![CDATA[
INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: "Asiakas" <sip:{caller}@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 1 INVITE
Contact: sip:{caller}@[local_ip]:[local_port]
Max-Forwards: 70
Content-Type: application/sdp
Content-Length: [len]

{sdp}
]]></send>
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="200" rtd="true" rrs="true"/>
  <send><![CDATA[
ACK [next_url] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: "Asiakas" <sip:{caller}@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
Call-ID: [call_id]
CSeq: 1 ACK
[routes]
Contact: sip:{caller}@[local_ip]:[local_port]
Max-Forwards: 70
Content-Length: 0

]]></send>
  <!-- A 180 that Kamailio's workers let the 200 overtake comes late: a phone drops it. -->
  <recv response="180" optional="true"/>
  <recv request="INVITE"/>
  <send><![CDATA[
{ok}Content-Type: application/sdp
Content-Length: [len]

{sdp_again}
]]></send>
  <recv request="ACK"/>
"""

INFO = """  <send><![CDATA[
INFO [next_url] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: "Asiakas" <sip:{caller}@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
Call-ID: [call_id]
CSeq: {cseq} INFO
[routes]
Contact: sip:{caller}@[local_ip]:[local_port]
Max-Forwards: 70
Content-Type: application/dtmf-relay
Content-Length: [len]

Signal={digit}
Duration=160
]]></send>
  <recv response="200"/>
"""

BYE = """  <send retrans="500"><![CDATA[
BYE [next_url] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: "Asiakas" <sip:{caller}@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
Call-ID: [call_id]
CSeq: {cseq} BYE
[routes]
Contact: sip:{caller}@[local_ip]:[local_port]
Max-Forwards: 70
Content-Length: 0

]]></send>
  <recv response="200" crlf="true"/>
</scenario>
"""

THEIR_BYE = """  <recv request="BYE" timeout="{timeout}"/>
  <send><![CDATA[
{ok}Content-Length: 0

]]></send>
</scenario>
"""


def scenario(
    folder: Path,
    steps: list[tuple[str, ...]],
    ends: str = "caller",
    caller: str = "0401234567",
    timeout_ms: int = 60000,
) -> str:
    parts = [
        HEAD.format(
            caller=caller,
            sdp=SDP.format(version=2353687637),
            sdp_again=SDP.format(version=2353687638),
            ok=OK.format(caller=caller),
        )
    ]
    cseq = 2
    dtmf_played = False
    for step in steps:
        kind = step[0]
        if kind == "pause":
            parts.append(f'  <pause milliseconds="{int(step[1])}"/>\n')
        elif kind == "audio":
            parts.append(
                '  <nop><action><exec play_pcap_audio="pcap/g711a.pcap"/></action></nop>\n'
            )
        elif kind == "dtmf":
            if dtmf_played:
                # sipp's DTMF pcaps all start at the same RTP sequence number: a second
                # one in the same call is (rightly) dropped as a duplicate by the receiver.
                raise ValueError("one RFC 2833 digit per call; send later digits as INFO")
            dtmf_played = True
            name = {"#": "pound", "*": "star"}.get(step[1], step[1])
            parts.append(
                f'  <nop><action><exec play_pcap_audio="pcap/dtmf_2833_{name}.pcap"/>'
                '</action></nop>\n  <pause milliseconds="400"/>\n'
            )
        elif kind == "info":
            parts.append(INFO.format(caller=caller, cseq=cseq, digit=step[1]))
            cseq += 1
        else:
            raise ValueError(kind)
    if ends == "caller":
        parts.append(BYE.format(caller=caller, cseq=cseq))
    else:
        parts.append(THEIR_BYE.format(ok=OK.format(caller=caller), timeout=timeout_ms))
    path = folder / f"service-{abs(hash(tuple(steps)))}-{ends}.xml"
    path.write_text("".join(parts), encoding="latin-1")
    return str(path)
