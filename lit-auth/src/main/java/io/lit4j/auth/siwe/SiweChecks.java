package io.lit4j.auth.siwe;

import io.lit4j.auth.siwe.SiweVerificationException.Reason;
import io.lit4j.core.util.Args;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthSignatures;
import java.time.Instant;
import java.util.Optional;

/** siwe's {@code verify} checks of a well-formed message: time window, bindings, signature. */
final class SiweChecks {
  private SiweChecks() {}

  static void validateTime(SiweMessage m, Instant now) {
    Args.required(now, "now");
    m.expirationInstant()
        .ifPresent(
            exp -> {
              if (!now.isBefore(exp)) {
                throw new SiweVerificationException(
                    Reason.EXPIRED_MESSAGE,
                    "SIWE message expired at "
                        + m.expirationTime().orElseThrow()
                        + " (now "
                        + IsoTime.toIsoString(now)
                        + ")");
              }
            });
    m.notBeforeInstant()
        .ifPresent(
            nb -> {
              if (now.isBefore(nb)) {
                throw new SiweVerificationException(
                    Reason.NOT_YET_VALID_MESSAGE,
                    "SIWE message is not valid before "
                        + m.notBefore().orElseThrow()
                        + " (now "
                        + IsoTime.toIsoString(now)
                        + ")");
              }
            });
  }

  static void validate(SiweMessage m, SiweVerifyOptions options) {
    Args.required(options, "options");
    String scheme = m.scheme().orElse(null);
    Optional<String> wantScheme = options.scheme();
    if (wantScheme.isPresent() && !wantScheme.get().equals(scheme)) {
      throw new SiweVerificationException(
          Reason.SCHEME_MISMATCH,
          "SIWE scheme is '" + scheme + "', expected '" + wantScheme.get() + "'");
    }
    Optional<String> wantDomain = options.domain();
    if (wantDomain.isPresent() && !wantDomain.get().equals(m.domain())) {
      throw new SiweVerificationException(
          Reason.DOMAIN_MISMATCH,
          "SIWE domain is '" + m.domain() + "', expected '" + wantDomain.get() + "'");
    }
    Optional<String> wantNonce = options.nonce();
    if (wantNonce.isPresent() && !wantNonce.get().equals(m.nonce())) {
      throw new SiweVerificationException(
          Reason.NONCE_MISMATCH,
          "SIWE nonce is '" + m.nonce() + "', expected '" + wantNonce.get() + "'");
    }
    validateTime(m, options.time());
  }

  static void verify(SiweMessage m, String signature, SiweVerifyOptions options) {
    validate(m, options);
    Optional<String> signer =
        EthSignatures.findPersonalSignAddress(m.prepareMessage(), signature)
            .map(EthAddress::checksummed);
    if (signer.isEmpty() || !signer.get().equals(m.address())) {
      throw new SiweVerificationException(
          Reason.INVALID_SIGNATURE,
          "SIWE signature was made by "
              + signer.orElse("no recoverable address")
              + ", not by "
              + m.address());
    }
  }
}
