"""Which codecs the softphone offers first."""

from __future__ import annotations

import pjsua2 as pj

# pjsua's own order puts Speex first. Speex models speech: a steady tone (in-band DTMF, a
# ring-back, a prompt's chime) came out of it at a tenth of its level, then clipped at full
# scale for most of a second, then with a gap of some 400 ms (measured at the desktop's
# bridge port, a 1,000 Hz tone from a second pjsua2 process; none of it with G.722): a
# blast in a headset. G.722 is HD telephony's wideband codec; G.711 A-law is what Finnish
# networks and the service number's gateway use. Between two softphones (a consult, a
# direct call) this order decides; the rest stay offered after these.
CODEC_PRIORITIES = {"G722/16000/1": 255, "PCMA/8000/1": 254, "PCMU/8000/1": 253}


def prefer_codecs(ep: pj.Endpoint) -> None:
    """After ``libStart``: the order above, ahead of pjsua's own."""
    for codec, priority in CODEC_PRIORITIES.items():
        ep.codecSetPriority(codec, priority)
