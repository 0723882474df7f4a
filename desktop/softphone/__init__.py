"""The SIP softphone (pjsua2) and its audio bridge: arrives with the softphone issue."""
