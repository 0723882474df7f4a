"""The service number: a SIP application on pjsua2 (``python -m backend.telephony``)."""
