"""A real SAML 2.0 identity provider process on 127.0.0.1 standing in for Suomi.fi in the
tests: pysaml2's own IdP (``saml2.server.Server``, xmlsec1 signing) behind a small HTTP
server. It checks the service provider's signed requests against the SP's metadata, shows
a page where the tester picks a person and how the answer should go wrong (unsigned,
tampered after signing, a low level of assurance), posts the signed answer back, and does
single logout both ways.

    python -m tests.saml_idp --port P --folder D --sp-metadata FILE
"""

from __future__ import annotations

import argparse
import base64
import datetime
import html
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

PEOPLE = {
    # The test identity codes are Digital and Population Data Services' test range (9xx).
    "maija": {"name": "Maija Meikäläinen", "hetu": "010190-900P"},
    "matti": {"name": "Matti Möttönen", "hetu": "020285-9518"},
}
LOA2 = "http://ftn.ficora.fi/2017/loa2"
ATTRIBUTE_MAP = """
MAP = {
    "identifier": "urn:oasis:names:tc:SAML:2.0:attrname-format:uri",
    "fro": {
        "urn:oid:1.2.246.21": "nationalIdentificationNumber",
        "urn:oid:2.16.840.1.113730.3.1.241": "displayName",
    },
    "to": {
        "nationalIdentificationNumber": "urn:oid:1.2.246.21",
        "displayName": "urn:oid:2.16.840.1.113730.3.1.241",
    },
}
"""
LOA1 = "http://ftn.ficora.fi/2017/loa1"


def key_pair(folder: Path, name: str) -> tuple[Path, Path]:
    """A self-signed RSA key and certificate (a real one comes from the organisation)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = folder / f"{name}.key", folder / f"{name}.crt"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


def idp_config(base: str, folder: Path, sp_metadata: Path | None) -> dict[str, Any]:
    from saml2 import BINDING_HTTP_REDIRECT

    key_file, cert_file = folder / "idp.key", folder / "idp.crt"
    if not key_file.exists():
        key_pair(folder, "idp")
    # Suomi.fi's attributes by their OIDs (pysaml2's own maps lack the identity code).
    maps = folder / "attribute_maps"
    maps.mkdir(exist_ok=True)
    (maps / "suomifi_uri.py").write_text(ATTRIBUTE_MAP)
    return {
        "attribute_map_dir": str(maps),
        "entityid": base + "/metadata",
        "key_file": str(key_file),
        "cert_file": str(cert_file),
        "xmlsec_binary": "/usr/bin/xmlsec1",
        "metadata": {"local": [str(sp_metadata)]} if sp_metadata else {},
        "accepted_time_diff": 60,
        "service": {
            "idp": {
                "endpoints": {
                    "single_sign_on_service": [(base + "/sso", BINDING_HTTP_REDIRECT)],
                    "single_logout_service": [(base + "/slo", BINDING_HTTP_REDIRECT)],
                },
                "want_authn_requests_signed": True,
                "sign_response": False,
                "sign_assertion": True,
                "name_id_format": ["urn:oasis:names:tc:SAML:2.0:nameid-format:transient"],
                "policy": {"default": {"lifetime": {"minutes": 15}}},
            }
        },
    }


def write_metadata(base: str, folder: Path) -> Path:
    """The IdP's metadata, for the service provider (before the SP's is known)."""
    from saml2.config import IdPConfig
    from saml2.metadata import create_metadata_string

    config = IdPConfig()
    config.load(idp_config(base, folder, None))
    path = folder / "idp-metadata.xml"
    path.write_bytes(create_metadata_string(None, config=config, valid=24))
    return path


class IdP:
    def __init__(self, base: str, folder: Path, sp_metadata: Path) -> None:
        from saml2.config import IdPConfig
        from saml2.server import Server

        config = IdPConfig()
        config.load(idp_config(base, folder, sp_metadata))
        self.server = Server(config=config)
        self.sessions: dict[str, str] = {}  # name id -> the SP it was given to

    def login_page(self, query: dict[str, str]) -> str:
        """Checks the signed request, then asks who she is and how to answer."""
        from saml2 import BINDING_HTTP_REDIRECT

        self.server.parse_authn_request(
            query["SAMLRequest"],
            BINDING_HTTP_REDIRECT,
            relay_state=query.get("RelayState"),
            sigalg=query.get("SigAlg"),
            signature=query.get("Signature"),
        )
        hidden = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
            for k, v in query.items()
        )
        options = "".join(
            f'<option value="{k}">{html.escape(p["name"])}</option>' for k, p in PEOPLE.items()
        )
        return (
            "<!doctype html><html lang='fi'><head><meta charset='utf-8'><title>Tunnistus</title>"
            "</head><body><main><h1>Testitunnistus</h1><form method='post' action='/sso'>"
            f"{hidden}<label for='person'>Henkilö</label>"
            f"<select id='person' name='person'>{options}</select>"
            "<label for='mode'>Vastaus</label><select id='mode' name='mode'>"
            "<option value='ok'>ok</option><option value='unsigned'>unsigned</option>"
            "<option value='tampered'>tampered</option><option value='low'>low</option></select>"
            "<button type='submit' id='identify'>Tunnistaudu</button></form></main></body></html>"
        )

    def answer(self, form: dict[str, str]) -> str:
        """The signed answer, as an auto-posting form to the SP."""
        from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
        from saml2.s_utils import rndstr
        from saml2.saml import NAMEID_FORMAT_TRANSIENT, NameID

        request = self.server.parse_authn_request(
            form["SAMLRequest"],
            BINDING_HTTP_REDIRECT,
            relay_state=form.get("RelayState"),
            sigalg=form.get("SigAlg"),
            signature=form.get("Signature"),
        )
        args = self.server.response_args(request.message, [BINDING_HTTP_POST])
        person = PEOPLE[form["person"]]
        mode = form.get("mode", "ok")
        name_id = NameID(format=NAMEID_FORMAT_TRANSIENT, text=rndstr(16))
        identity = {
            "nationalIdentificationNumber": [person["hetu"]],
            "displayName": [person["name"]],
        }
        response = self.server.create_authn_response(
            identity,
            name_id=name_id,
            authn={"class_ref": LOA1 if mode == "low" else LOA2, "authn_auth": "testi"},
            sign_assertion=mode != "unsigned",
            sign_response=False,
            # As Suomi.fi does: the assertion encrypted to the SP's key in its metadata.
            encrypt_assertion=mode != "tampered",
            encrypt_assertion_self_contained=True,
            sign_alg="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            digest_alg="http://www.w3.org/2001/04/xmlenc#sha256",
            **args,
        )
        text = str(response)
        if mode == "tampered":
            # After signing: another person's identity code under the same signature.
            text = text.replace(person["hetu"], PEOPLE["matti"]["hetu"])
        self.sessions[name_id.text] = args["sp_entity_id"]
        encoded = base64.b64encode(text.encode()).decode()
        return (
            "<!doctype html><html><head><meta charset='utf-8'><title>…</title></head><body>"
            f"<form id='back' method='post' action='{html.escape(args['destination'])}'>"
            f"<input type='hidden' name='SAMLResponse' value='{encoded}'>"
            "<input type='hidden' name='RelayState' "
            f"value='{html.escape(form.get('RelayState', ''))}'>"
            "<button type='submit'>Jatka</button></form>"
            "<script>document.getElementById('back').submit()</script></body></html>"
        )

    def logout(self, query: dict[str, str]) -> str:
        """The SP's signed logout request: the session ends, a signed response goes back."""
        from saml2 import BINDING_HTTP_REDIRECT

        request = self.server.parse_logout_request(
            query["SAMLRequest"],
            BINDING_HTTP_REDIRECT,
            relay_state=query.get("RelayState"),
            sigalg=query.get("SigAlg"),
            signature=query.get("Signature"),
        )
        self.sessions.pop(request.message.name_id.text, None)
        response = self.server.create_logout_response(
            request.message, [BINDING_HTTP_REDIRECT], sign=False
        )
        destination = self.server.metadata.single_logout_service(
            request.message.issuer.text, BINDING_HTTP_REDIRECT, "spsso"
        )[0]["location"]
        info = self.server.apply_binding(
            BINDING_HTTP_REDIRECT,
            str(response),
            destination,
            query.get("RelayState", ""),
            response=True,
            sign=True,
            sigalg="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
        )
        return dict(info["headers"])["Location"]

    def logout_elsewhere(self, name_id: str) -> str:
        """She logs out in another service: the IdP tells this SP (IdP-initiated)."""
        from saml2 import BINDING_HTTP_REDIRECT
        from saml2.saml import NAMEID_FORMAT_TRANSIENT, NameID

        sp_entity = self.sessions.pop(name_id)
        destination = self.server.metadata.single_logout_service(
            sp_entity, BINDING_HTTP_REDIRECT, "spsso"
        )[0]["location"]
        _rid, request = self.server.create_logout_request(
            destination,
            sp_entity,
            name_id=NameID(format=NAMEID_FORMAT_TRANSIENT, text=name_id),
            sign=False,
        )
        info = self.server.apply_binding(
            BINDING_HTTP_REDIRECT,
            str(request),
            destination,
            "",
            sign=True,
            sigalg="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
        )
        return dict(info["headers"])["Location"]


def serve(idp: IdP, port: int) -> None:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            sys.stderr.write("idp: " + (args[0] % args[1:] if args else "") + "\n")  # type: ignore[operator]

        def _send(self, status: int, body: str = "", location: str | None = None) -> None:
            data = body.encode()
            self.send_response(status)
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            query = {k: v[0] for k, v in urllib.parse.parse_qs(parts.query).items()}
            try:
                if parts.path == "/sso":
                    self._send(200, idp.login_page(query))
                elif parts.path == "/slo" and "SAMLResponse" in query:
                    # The SP's answer to our logout request (she logged out elsewhere).
                    idp.server.parse_logout_request_response(
                        query["SAMLResponse"], "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
                    )
                    self._send(
                        200,
                        "<!doctype html><html lang='fi'><title>Ulos</title>"
                        "<p id='done'>Uloskirjautuminen valmis.</p></html>",
                    )
                elif parts.path == "/slo":
                    self._send(303, location=idp.logout(query))
                elif parts.path == "/logout-elsewhere":
                    # The tester's handle: which sessions exist, and end one from here.
                    if "name_id" not in query:
                        self._send(200, "\n".join(idp.sessions))
                    else:
                        self._send(303, location=idp.logout_elsewhere(query["name_id"]))
                else:
                    self._send(404, "not here")
            except Exception as exc:  # a refused request: say so, as an IdP would
                self._send(400, f"refused: {type(exc).__name__}: {html.escape(str(exc))}")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = {
                k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(length).decode()).items()
            }
            try:
                self._send(200, idp.answer(form))
            except Exception as exc:
                self._send(400, f"refused: {type(exc).__name__}: {html.escape(str(exc))}")

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--sp-metadata", help="the SP's metadata file; without it: write ours")
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    folder = Path(args.folder)
    if args.sp_metadata is None:
        print(write_metadata(base, folder))
        return
    serve(IdP(base, folder, Path(args.sp_metadata)), args.port)


if __name__ == "__main__":
    main()
