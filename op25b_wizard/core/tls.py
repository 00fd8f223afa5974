"""TLS for the probe: a verifying context and plain classification of what went wrong."""

from __future__ import annotations

import hashlib
import ssl

from op25b_wizard.core.model import TlsInfo, TlsProblem

# OpenSSL X509_V_ERR_* codes (x509_vfy.h)
_VERIFY_PROBLEMS: dict[int, TlsProblem] = {
    9: "not_yet_valid",  # CERT_NOT_YET_VALID
    10: "expired",  # CERT_HAS_EXPIRED
    18: "self_signed",  # DEPTH_ZERO_SELF_SIGNED_CERT
    19: "unknown_issuer",  # SELF_SIGNED_CERT_IN_CHAIN
    20: "unknown_issuer",  # UNABLE_TO_GET_ISSUER_CERT_LOCALLY
    21: "unknown_issuer",  # UNABLE_TO_VERIFY_LEAF_SIGNATURE
    62: "wrong_name",  # HOSTNAME_MISMATCH
    64: "wrong_name",  # IP_ADDRESS_MISMATCH
}


class CaFileError(ValueError):
    """The extra CA file cannot be read or holds no certificate."""


def make_context(cafile: str | None = None, *, use_system_trust: bool = True) -> ssl.SSLContext:
    """A client context that verifies the chain and the host name (TLS 1.2 or newer)."""
    ctx = ssl.create_default_context() if use_system_trust else ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    if cafile:
        try:
            ctx.load_verify_locations(cafile=cafile)
        except (OSError, ssl.SSLError) as e:
            raise CaFileError(f"cannot use the CA file {cafile}: {e}") from e
    return ctx


def classify_error(exc: BaseException) -> tuple[TlsProblem, str]:
    """Map a handshake exception to a problem id and a short technical message."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        problem = _VERIFY_PROBLEMS.get(exc.verify_code, "unknown_issuer")
        return problem, exc.verify_message or str(exc)
    return "handshake_failed", str(exc) or type(exc).__name__


def _name(rdns: tuple | None) -> str | None:
    if not rdns:
        return None
    parts = []
    for rdn in rdns:
        for key, value in rdn:
            if key in ("commonName", "organizationName"):
                parts.append(f"{'CN' if key == 'commonName' else 'O'}={value}")
    return ", ".join(parts) or None


def describe(sslobj: ssl.SSLObject | ssl.SSLSocket) -> TlsInfo:
    """What a verified session shows: version, cipher, issuer, names and validity."""
    cert = sslobj.getpeercert() or {}
    der = sslobj.getpeercert(binary_form=True)
    cipher = sslobj.cipher()
    return TlsInfo(
        version=sslobj.version(),
        cipher=cipher[0] if cipher else None,
        issuer=_name(cert.get("issuer")),
        subject=_name(cert.get("subject")),
        names=[v for k, v in cert.get("subjectAltName", ()) if k in ("DNS", "IP Address")],
        not_before=cert.get("notBefore"),
        not_after=cert.get("notAfter"),
        fingerprint_sha256=hashlib.sha256(der).hexdigest() if der else None,
        verified=True,
    )
