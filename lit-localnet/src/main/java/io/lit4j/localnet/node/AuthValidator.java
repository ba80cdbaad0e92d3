package io.lit4j.localnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.siwe.IsoTime;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Validates auth material as a v4 node on the unversioned routes does (node-behavior.md §2):
 * session sigs by the strict algorithm, then (unless switched off) the deprecated lenient fallback;
 * top-level EOA wallet sigs with EIP-191 recovery and the SIWE time rules.
 */
final class AuthValidator {
  static final Duration GRACE = Duration.ofSeconds(60);
  static final Duration MAX_VALIDITY = Duration.ofDays(30);
  static final String SESSION_URI_PREFIX = "lit:session:";
  private static final Set<String> MULTI_KEYS =
      Set.of("ethereum", "solana", "cosmos", "kyve", "cheqd", "juno");

  private final String selfAddress;
  private final Clock clock;
  private volatile boolean strictOnly;
  private final SessionSigValidator sessions;

  /**
   * @param selfAddress this node's {@code host:port} as registered in Staking
   */
  AuthValidator(String selfAddress, Clock clock, boolean strictOnly) {
    this.selfAddress = selfAddress;
    this.clock = clock;
    this.strictOnly = strictOnly;
    this.sessions = new SessionSigValidator(this);
  }

  String selfAddress() {
    return selfAddress;
  }

  Clock clock() {
    return clock;
  }

  /** Step 6b of a session capability: see {@link SessionSigValidator#verifyCapabilitySignature}. */
  SiweMessage verifyCapabilitySignature(AuthSig cap) {
    return sessions.verifyCapabilitySignature(cap);
  }

  void setStrictOnly(boolean strictOnly) {
    this.strictOnly = strictOnly;
  }

  boolean strictOnly() {
    return strictOnly;
  }

  /**
   * Reads the body's {@code authSig} as one AuthSig; a multiple-chain object fails as the node's
   * untagged enum does.
   *
   * @param litAction whether the route is {@code /web/execute} or {@code /web/pkp/sign} (ad-hoc
   *     {@code unsupported_auth_sig} body for multiple auth sigs)
   */
  static AuthSig parseAuthSig(JsonNode node, boolean litAction) {
    if (node == null || node.isNull())
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `authSig`");
    if (!node.isObject())
      throw NodeError.of(NodeErrorCode.NodeBadInput, "authSig: invalid type, expected an object");
    try {
      return AuthSig.fromJson(node, "authSig");
    } catch (LitException e) {
      boolean multi = false;
      for (var it = node.fieldNames(); it.hasNext(); ) multi |= MULTI_KEYS.contains(it.next());
      if (multi && litAction) {
        var body = LitJson.mapper().createObjectNode();
        body.put("message", "Multiple auth sigs not supported by Lit Actions");
        body.put("errorCode", "unsupported_auth_sig");
        throw NodeError.adHoc(400, body);
      }
      if (multi)
        throw NodeError.of(
            NodeErrorCode.NodeAuthSigNotSupported,
            "Multiple auth sigs are not supported by lit-localnet");
      throw NodeError.of(
          NodeErrorCode.NodeInvalidMultipleAuthSigs, "No auth sig detected", e.getMessage());
    }
  }

  static boolean isSessionSig(AuthSig a) {
    return "litSessionSignViaNacl".equals(a.derivedVia())
        && a.algo().value().filter("ed25519"::equals).isPresent();
  }

  static boolean isContractSig(AuthSig a) {
    return "EIP1271".equals(a.derivedVia());
  }

  static boolean isBlsNetworkSig(AuthSig a) {
    return "lit.bls".equals(a.derivedVia())
        && a.algo().value().filter("LIT_BLS"::equals).isPresent();
  }

  /** Validates the auth sig of a request for {@code requested}. */
  ValidatedAuth validate(AuthSig authSig, AuthResource requested, String chain) {
    if (isSessionSig(authSig)) return sessions.validate(authSig, requested, strictOnly);
    if (isContractSig(authSig)) {
      throw NodeError.of(
          NodeErrorCode.NodeAuthSigNotSupported,
          "EIP-1271 contract auth sigs are not supported by lit-localnet");
    }
    if (isBlsNetworkSig(authSig)) {
      throw NodeError.of(
          NodeErrorCode.NodeAuthSigNotSupported,
          "lit.bls auth sigs are only accepted inside session capabilities");
    }
    SiweMessage siwe = validateWalletSig(authSig, false);
    String user = authSig.address();
    return new ValidatedAuth(
        false,
        authSig,
        authSig,
        Optional.of(user),
        null,
        List.of(),
        siwe.resources().orElse(List.of()));
  }

  // ---------------------------------------------------------------- wallet sigs (§2.4)

  /**
   * A top-level EOA auth sig, or an EthWallet auth method ({@code asAuthMethod}): signature, SIWE,
   * URI and time rules.
   */
  SiweMessage validateWalletSig(AuthSig a, boolean asAuthMethod) {
    byte[] sig = decodeSignature(a.sig());
    String address = a.address();
    if (!address.matches("(0x)?[0-9a-fA-F]{40}")) {
      throw NodeError.of(
          NodeErrorCode.NodeAuthSigAddressConversionError,
          "Could not parse the auth sig address " + address);
    }
    String recovered = recover(a.signedMessage(), sig);
    if (recovered == null || !recovered.equalsIgnoreCase(Hex.strip0x(address))) {
      throw NodeError.of(
          NodeErrorCode.NodeInvalidAuthSig,
          "Invalid signature: the auth sig was not signed by " + address);
    }
    SiweMessage siwe;
    try {
      siwe = SiweMessage.parseLenient(a.signedMessage());
    } catch (LitException e) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWEMessageError, "Parse error on SIWE: " + e.getMessage());
    }
    if (siwe.uri().startsWith("lit:session")
        || siwe.uri().startsWith("lit:capability:delegation")) {
      throw NodeError.of(NodeErrorCode.NodeInvalidAuthSig, "Invalid URI for top level auth sig");
    }
    if (siwe.expirationTime().isEmpty()) {
      throw asAuthMethod
          ? NodeError.of(
              NodeErrorCode.NodeUndefinedSiweExpiration,
              "Expiration time is not set in the SIWE message")
          : NodeError.of(
              NodeErrorCode.NodeSIWEMessageError, "Session key expiration time is not set");
    }
    Instant iat = parseTime(siwe.issuedAt(), "issuedAt", NodeErrorCode.NodeSIWEMessageError);
    Instant exp =
        parseTime(
            siwe.expirationTime().get(), "expirationTime", NodeErrorCode.NodeSIWEMessageError);
    checkTimes(iat, exp, NodeErrorCode.NodeSIWEMessageError, NodeErrorCode.NodeSIWEMessageError);
    return siwe;
  }

  void checkTimes(Instant iat, Instant exp, NodeErrorCode iatCode, NodeErrorCode expCode) {
    Instant now = clock.instant();
    if (iat.isAfter(now.plus(GRACE))) {
      throw NodeError.of(iatCode, "Issued at " + iat + " is in the future (now " + now + ")");
    }
    if (exp.isBefore(iat)) {
      throw NodeError.of(
          NodeErrorCode.NodeExpWrongOrTooLarge,
          "Expiration " + exp + " is before issued at " + iat);
    }
    if (exp.isBefore(now.minus(GRACE))) {
      throw NodeError.of(expCode, "Expired at " + exp + " (now " + now + ")");
    }
    if (Duration.between(iat, exp).compareTo(MAX_VALIDITY) > 0) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWEMessageError, "Expiration is more than 30 days after issued at");
    }
  }

  static Instant parseTime(String text, String field, NodeErrorCode code) {
    try {
      return IsoTime.parse(text, field);
    } catch (LitException e) {
      throw NodeError.of(code, field + " is not an RFC 3339 time: " + text);
    }
  }

  private static byte[] decodeSignature(String sigHex) {
    try {
      byte[] sig = Hex.decode(sigHex, "sig");
      if (sig.length != 65)
        throw new IllegalArgumentException("signature is " + sig.length + " bytes, expected 65");
      return sig;
    } catch (RuntimeException e) {
      throw NodeError.of(
          NodeErrorCode.NodeAuthSigSignatureConversionError,
          "Could not parse the signature: " + e.getMessage());
    }
  }

  /** EIP-191 signer of {@code message}, lowercase hex without 0x, or null. */
  static String recover(String message, byte[] sig) {
    try {
      byte[] s = sig.clone();
      if (s[64] == 0 || s[64] == 1) s[64] += 27;
      byte[] digest =
          io.lit4j.crypto.eth.EthHash.personalMessageHash(message.getBytes(StandardCharsets.UTF_8));
      return EthSignatures.recoverAddress(digest, s).lowercaseHex().replaceFirst("^0x", "");
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String lower(String address) {
    return address.toLowerCase(Locale.ROOT);
  }
}
