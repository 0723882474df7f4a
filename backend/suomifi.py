"""Identified clients: Suomi.fi e-Identification as a SAML 2.0 service provider (pysaml2,
which signs and checks with xmlsec1).

Signed authentication requests, signed assertions required and checked (signature,
audience, time, the answer to our own request), the level of assurance checked against the
service file's minimum, and single logout both ways (Suomi.fi requires it). What a client
proved (her name and personal identity code) becomes a one-time ticket the web page hands
to the chat start; it is never logged and never leaves this process except into the
conversation's own identity row (``backend/store/identities.py``).
"""

from __future__ import annotations

import logging
import secrets
import time
from pathlib import Path
from typing import Any

from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.client import Saml2Client
from saml2.config import SPConfig
from saml2.metadata import create_metadata_string
from saml2.response import StatusError
from saml2.s_utils import UnknownPrincipal, UnsupportedBinding
from saml2.saml import NAMEID_FORMAT_TRANSIENT, AuthnContextClassRef, NameID
from saml2.samlp import RequestedAuthnContext
from saml2.sigver import SignatureError

from backend.config import IdentificationConfig
from backend.domain.identification import (
    CN,
    DISPLAY_NAME,
    GIVEN_NAME,
    HETU,
    LOA,
    SIGALG,
    SURNAME,
    TICKET_S,
    IdentificationRefused,
    Identity,
    Started,
    Tickets,
)

log = logging.getLogger("luukku.suomifi")


class SuomiFi:
    def __init__(
        self, config: IdentificationConfig, key_file: Path, cert_file: Path, xmlsec: str
    ) -> None:
        self.config = config
        base = config.base_url.rstrip("/")
        self.acs_url = base + "/saml/acs"
        self.sls_url = base + "/saml/sls"
        sp = {
            "entityid": config.entity_id,
            "key_file": str(key_file),
            "cert_file": str(cert_file),
            "encryption_keypairs": [{"key_file": str(key_file), "cert_file": str(cert_file)}],
            "xmlsec_binary": xmlsec,
            "metadata": {"local": [str(config.idp_metadata)]},
            "allow_unknown_attributes": True,
            "accepted_time_diff": 60,
            "service": {
                "sp": {
                    "endpoints": {
                        "assertion_consumer_service": [(self.acs_url, BINDING_HTTP_POST)],
                        "single_logout_service": [(self.sls_url, BINDING_HTTP_REDIRECT)],
                    },
                    "authn_requests_signed": True,
                    "logout_requests_signed": True,
                    "logout_responses_signed": True,
                    "want_assertions_signed": True,
                    "want_response_signed": False,
                    "want_assertions_or_response_signed": True,
                    "allow_unsolicited": False,
                    "name_id_format": NAMEID_FORMAT_TRANSIENT,
                    "signing_algorithm": "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                    "digest_algorithm": "http://www.w3.org/2001/04/xmlenc#sha256",
                }
            },
        }
        loaded = SPConfig()
        loaded.load(sp)
        self.sp_config = loaded
        self.client = Saml2Client(config=loaded)
        self.tickets = Tickets()
        self._outstanding: dict[str, str] = {}  # request id -> relay key

    def metadata(self) -> str:
        metadata: bytes = create_metadata_string(None, config=self.sp_config, valid=24 * 7)
        return metadata.decode("utf-8")

    def _idp(self) -> str:
        idps = list(self.client.metadata.identity_providers())
        if len(idps) != 1:
            raise IdentificationRefused("the identity provider's metadata names no single IdP")
        return str(idps[0])

    def begin(self, queue: str, lang: str) -> str:
        """The address of Suomi.fi's page (a signed request); the queue and language ride
        along server-side under a short relay key (SAML allows 80 bytes of RelayState)."""
        now = time.monotonic()
        self.tickets.prune(now)
        relay = secrets.token_urlsafe(16)
        self.tickets.started[relay] = Started(queue, lang, now)
        context = RequestedAuthnContext(
            authn_context_class_ref=[
                AuthnContextClassRef(text=ref) for ref in LOA[self.config.min_loa]
            ],
            comparison="exact",
        )
        request_id, info = self.client.prepare_for_authenticate(
            entityid=self._idp(),
            relay_state=relay,
            binding=BINDING_HTTP_REDIRECT,
            requested_authn_context=context,
            sign=True,
            sigalg=SIGALG,
        )
        self._outstanding[request_id] = relay
        return str(dict(info["headers"])["Location"])

    def finish(self, saml_response: str, relay: str) -> tuple[str, Started]:
        """The IdP's answer, checked: a one-time ticket for the page, and where she was."""
        started = self.tickets.started.pop(relay, None)
        if started is None:
            raise IdentificationRefused("this identification was not started here, or is old")
        outstanding = {rid: "/" for rid, r in self._outstanding.items() if r == relay}
        try:
            response = self.client.parse_authn_request_response(
                saml_response, BINDING_HTTP_POST, outstanding=outstanding
            )
        except (SignatureError, StatusError, UnknownPrincipal, UnsupportedBinding) as exc:
            raise IdentificationRefused(
                f"the identification was refused: {type(exc).__name__}"
            ) from exc
        except Exception as exc:  # pysaml2 raises many kinds for a bad message
            raise IdentificationRefused(
                f"the identification answer did not check out: {type(exc).__name__}"
            ) from exc
        finally:
            for rid in outstanding:
                self._outstanding.pop(rid, None)
        if response is None or response.assertion is None:
            raise IdentificationRefused("the identification answer had no assertion")
        if not response.assertion.signature and not response.response.signature:
            raise IdentificationRefused("the identification answer was not signed")
        identity = _identity(response)
        if identity.loa not in LOA[self.config.min_loa]:
            raise IdentificationRefused("the identification's level of assurance is too low")
        now = time.monotonic()
        ticket = secrets.token_urlsafe(24)
        self.tickets.identities[ticket] = (identity, now)
        return ticket, started

    def take(self, ticket: str) -> Identity | None:
        """The chat start takes the identity, once."""
        held = self.tickets.identities.pop(ticket, None)
        if held is None or time.monotonic() - held[1] > TICKET_S:
            return None
        return held[0]

    def logout_ticket(self, identity: Identity) -> str:
        ticket = secrets.token_urlsafe(24)
        self.tickets.logouts[ticket] = (identity, time.monotonic())
        return ticket

    def logout(self, ticket: str) -> str | None:
        """SP-initiated single logout: the address of the IdP's logout (a signed request)."""
        held = self.tickets.logouts.pop(ticket, None)
        if held is None:
            return None
        identity = held[0]
        idp = self._idp()
        destination = _slo(self.client, idp)
        _request_id, request = self.client.create_logout_request(
            destination,
            idp,
            name_id=NameID(format=NAMEID_FORMAT_TRANSIENT, text=identity.name_id),
            session_indexes=[identity.session_index] if identity.session_index else None,
            sign=False,
        )
        info = self.client.apply_binding(
            BINDING_HTTP_REDIRECT,
            str(request),
            destination,
            relay_state="",
            sign=True,
            sigalg=SIGALG,
        )
        return str(dict(info["headers"])["Location"])

    def logout_answer(self, query: dict[str, str]) -> tuple[str | None, str | None]:
        """The IdP's logout message to /saml/sls. Its response to our request: (None,
        None). Its own request (she logged out elsewhere): the name id it ends and the
        address of our signed response."""
        signed = {"sigalg": query.get("SigAlg"), "signature": query.get("Signature")}
        try:
            if "SAMLResponse" in query:
                self.client.parse_logout_request_response(
                    query["SAMLResponse"], BINDING_HTTP_REDIRECT
                )
                return None, None
            if "SAMLRequest" in query:
                request = self.client.parse_logout_request(
                    query["SAMLRequest"],
                    BINDING_HTTP_REDIRECT,
                    relay_state=query.get("RelayState"),
                    **signed,
                )
                name_id = request.message.name_id
                info = self.client.handle_logout_request(
                    query["SAMLRequest"],
                    name_id,
                    BINDING_HTTP_REDIRECT,
                    sign=True,
                    relay_state=query.get("RelayState", ""),
                    sigalg=SIGALG,
                )
                return str(name_id.text), str(dict(info["headers"])["Location"])
        except Exception as exc:  # pysaml2 raises many kinds for a bad message
            raise IdentificationRefused(
                f"the logout message did not check out: {type(exc).__name__}"
            ) from exc
        raise IdentificationRefused("no SAML message")


def _slo(client: Saml2Client, idp: str) -> str:
    locations = client.metadata.single_logout_service(idp, BINDING_HTTP_REDIRECT, "idpsso")
    if not locations:
        raise IdentificationRefused("the identity provider has no single logout address")
    return str(locations[0]["location"])


def _attribute(response: Any, name: str) -> str:
    for statement in response.assertion.attribute_statement:
        for attribute in statement.attribute:
            if attribute.name == name and attribute.attribute_value:
                return str(attribute.attribute_value[0].text or "").strip()
    return ""


def _identity(response: Any) -> Identity:
    hetu = _attribute(response, HETU)
    if not hetu:
        raise IdentificationRefused("the identification carried no personal identity code")
    name = (
        _attribute(response, DISPLAY_NAME)
        or " ".join(
            p for p in (_attribute(response, GIVEN_NAME), _attribute(response, SURNAME)) if p
        )
        or _attribute(response, CN)
    )
    statement = response.assertion.authn_statement[0]
    loa = str(statement.authn_context.authn_context_class_ref.text or "").strip()
    return Identity(
        name=name or "-",
        hetu=hetu,
        loa=loa,
        name_id=str(response.name_id.text if response.name_id is not None else ""),
        session_index=str(statement.session_index or ""),
    )
