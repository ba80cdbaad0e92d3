package io.lit4j.localnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.siwe.IsoTime;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.ed25519.Ed25519KeyPair;
import io.lit4j.crypto.eth.EthSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  private static final Logger LOG = LoggerFactory.getLogger(AuthValidator.class);

  private final String selfAddress;
  private final Clock clock;
  private volatile boolean strictOnly;

  /**
   * @param selfAddress this node's {@code host:port} as registered in Staking
   */
  AuthValidator(String selfAddress, Clock clock, boolean strictOnly) {
    this.selfAddress = selfAddress;
    this.clock = clock;
    this.strictOnly = strictOnly;
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
    if (isSessionSig(authSig)) return validateSession(authSig, requested);
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

  private void checkTimes(Instant iat, Instant exp, NodeErrorCode iatCode, NodeErrorCode expCode) {
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

  private static Instant parseTime(String text, String field, NodeErrorCode code) {
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
  private static String recover(String message, byte[] sig) {
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

  // ---------------------------------------------------------------- session sigs (§2.2, §2.3)

  /** The parsed {@code signedMessage} of a session sig. */
  record SessionMessage(
      String sessionKey,
      JsonNode resourceAbilityRequests,
      List<AuthSig> capabilities,
      String issuedAt,
      String expiration,
      String nodeAddress) {}

  private ValidatedAuth validateSession(AuthSig s, AuthResource requested) {
    try {
      return strictSession(s, requested);
    } catch (NodeError strict) {
      if (strictOnly) throw strict;
      LOG.debug(
          "strict session validation failed ({}); trying the lenient v4 check",
          strict.getMessage());
      return lenientSession(s);
    }
  }

  private void verifyEd25519(AuthSig s) {
    byte[] pub;
    byte[] sig;
    try {
      pub = Hex.decode(s.address(), "address");
      if (pub.length != 32)
        throw new IllegalArgumentException("session key is " + pub.length + " bytes");
    } catch (RuntimeException e) {
      throw NodeError.of(
          NodeErrorCode.NodeAuthSigAddressConversionError,
          "Could not parse the session key: " + e.getMessage());
    }
    try {
      sig = Hex.decode(s.sig(), "sig");
      if (sig.length != 64)
        throw new IllegalArgumentException("signature is " + sig.length + " bytes");
    } catch (RuntimeException e) {
      throw NodeError.of(
          NodeErrorCode.NodeAuthSigSignatureConversionError,
          "Could not parse the session signature: " + e.getMessage());
    }
    boolean ok;
    try {
      ok = Ed25519KeyPair.verify(pub, s.signedMessage().getBytes(StandardCharsets.UTF_8), sig);
    } catch (RuntimeException e) {
      throw NodeError.of(
          NodeErrorCode.NodeAuthSigSessionKeyConversionError, "Bad session key: " + e.getMessage());
    }
    if (!ok)
      throw NodeError.of(
          NodeErrorCode.NodeInvalidAuthSigSessionKeySignature,
          "Session key signature is not valid");
  }

  static SessionMessage parseSessionMessage(String signedMessage) {
    try {
      JsonNode n = LitJson.mapper().readTree(signedMessage);
      List<AuthSig> caps = new ArrayList<>();
      JsonNode c = n.get("capabilities");
      if (c == null || !c.isArray()) throw new IllegalArgumentException("capabilities is missing");
      for (int i = 0; i < c.size(); i++)
        caps.add(AuthSig.fromJson(c.get(i), "capabilities[" + i + "]"));
      JsonNode rar = n.get("resourceAbilityRequests");
      if (rar == null || !rar.isArray())
        throw new IllegalArgumentException("resourceAbilityRequests is missing");
      return new SessionMessage(
          text(n, "sessionKey"),
          rar,
          caps,
          text(n, "issuedAt"),
          text(n, "expiration"),
          text(n, "nodeAddress"));
    } catch (Exception e) {
      throw NodeError.of(
          NodeErrorCode.NodeAuthSigSignedMessageConversionError,
          "Could not parse the session signed message: " + e.getMessage());
    }
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual())
      throw new IllegalArgumentException(key + " is missing or not a string");
    return v.textValue();
  }

  private ValidatedAuth strictSession(AuthSig s, AuthResource requested) {
    verifyEd25519(s);
    SessionMessage m = parseSessionMessage(s.signedMessage());
    boolean found = false;
    for (JsonNode r : m.resourceAbilityRequests()) {
      JsonNode res = r.path("resource");
      String prefix = res.path("resourcePrefix").asText("");
      String id = res.path("resource").asText("");
      if (prefix.equals(requested.prefix()) && (id.equals("*") || id.equals(requested.id())))
        found = true;
    }
    if (!found) {
      throw NodeError.of(
          NodeErrorCode.NodeResourceIdNotFound,
          "Resource id not found in auth_sig resourceAbilityRequests: "
              + requested.prefix()
              + "://"
              + requested.id());
    }
    Instant iat = parseTime(m.issuedAt(), "issuedAt", NodeErrorCode.NodeParserError);
    Instant exp = parseTime(m.expiration(), "expiration", NodeErrorCode.NodeParserError);
    checkTimes(
        iat, exp, NodeErrorCode.NodeIatOutsideGracePeriod, NodeErrorCode.NodeExpWrongOrTooLarge);
    String addr =
        m.nodeAddress()
            .replaceFirst("^https://", "")
            .replaceFirst("^http://", "")
            .replace("localhost", "127.0.0.1");
    if (!addr.equals(selfAddress)) {
      throw NodeError.of(
          NodeErrorCode.NodeNotAuthorized,
          "The session nodeAddress " + m.nodeAddress() + " is not this node (" + selfAddress + ")");
    }
    if (m.capabilities().isEmpty())
      throw NodeError.of(
          NodeErrorCode.NodeSIWECapabilityInvalid, "No capabilities in the session sig");
    List<String> failures = new ArrayList<>();
    for (AuthSig cap : m.capabilities()) {
      try {
        SiweMessage siwe = checkCapability(cap, s.address(), Optional.of(requested));
        return new ValidatedAuth(
            true,
            s,
            cap,
            Optional.of(cap.address()),
            null,
            m.capabilities(),
            siwe.resources().orElse(List.of()));
      } catch (NodeError e) {
        failures.add(e.getMessage());
      }
    }
    List<String> details = new ArrayList<>();
    details.add("Could not find valid capability.");
    details.addAll(failures);
    details.add("Resource id not found in auth_sig capabilities");
    throw NodeError.of(NodeErrorCode.NodeSIWECapabilityInvalid, details.toArray(String[]::new));
  }

  /**
   * Steps 6a–6d for one capability (6d only when {@code recapFor} is given).
   *
   * @return the capability's SIWE
   */
  SiweMessage checkCapability(AuthSig cap, String sessionAddress, Optional<AuthResource> recapFor) {
    if (isSessionSig(cap) || isContractSig(cap)) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWECapabilityInvalid, "Capability must be a wallet sig");
    }
    if (isBlsNetworkSig(cap)) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWECapabilityInvalid,
          "lit.bls capabilities are not supported by lit-localnet (SDK v4 never produces them)");
    }
    SiweMessage siwe = verifyCapabilitySignature(cap);
    if (!siwe.uri().equals(SESSION_URI_PREFIX + sessionAddress)) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWEMessageError,
          "The session pubkey in the auth sig is not signed in the wallet-signed SIWE message");
    }
    recapFor.ifPresent(r -> checkRecap(siwe, r));
    return siwe;
  }

  /** Step 6b: SIWE parse, valid now (no grace), EIP-191 recovery to the SIWE address. */
  SiweMessage verifyCapabilitySignature(AuthSig cap) {
    SiweMessage siwe;
    try {
      siwe = SiweMessage.parseLenient(cap.signedMessage());
    } catch (LitException e) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWECapabilityInvalid,
          "Capability is not a SIWE message: " + e.getMessage());
    }
    try {
      siwe.validateTime(clock.instant());
    } catch (LitException e) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWEMessageError,
          "Wallet signature of SIWE is not valid: " + e.getMessage());
    }
    byte[] sig;
    try {
      sig = Hex.decode(cap.sig(), "sig");
    } catch (RuntimeException e) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWESigConversionError, "Could not parse the capability signature");
    }
    String recovered = sig.length == 65 ? recover(cap.signedMessage(), sig) : null;
    if (recovered == null || !recovered.equalsIgnoreCase(Hex.strip0x(siwe.address()))) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWEMessageError, "Wallet signature of SIWE is not valid");
    }
    return siwe;
  }

  private static void checkRecap(SiweMessage siwe, AuthResource r) {
    List<RecapObject> recaps = new ArrayList<>();
    for (String res : siwe.resources().orElse(List.of())) {
      if (!res.startsWith(RecapObject.URN_PREFIX)) continue;
      try {
        recaps.add(RecapObject.decodeUnsorted(res));
      } catch (LitException e) {
        throw NodeError.of(
            NodeErrorCode.NodeSIWECapabilityInvalid, "Invalid recap: " + e.getMessage());
      }
    }
    String statement = siwe.statement().orElse("");
    for (RecapObject recap : recaps) {
      if (!statement.isEmpty() && !statement.endsWith(recap.statement())) {
        throw NodeError.of(
            NodeErrorCode.NodeSIWECapabilityInvalid, "Incorrect statement for capability object");
      }
    }
    String wanted = r.ability().recapKey();
    for (RecapObject recap : recaps) {
      Map<String, Map<String, List<Map<String, Object>>>> att = recap.attenuations();
      for (String key : List.of(r.prefix() + "://*", r.prefix() + "://" + r.id())) {
        Map<String, List<Map<String, Object>>> abilities = att.get(key);
        if (abilities != null && (abilities.containsKey("*/*") || abilities.containsKey(wanted)))
          return;
      }
    }
    throw NodeError.of(
        NodeErrorCode.NodeSIWECapabilityInvalid,
        "No recap grants " + wanted + " on " + r.prefix() + "://" + r.id());
  }

  private ValidatedAuth lenientSession(AuthSig s) {
    verifyEd25519(s);
    SessionMessage m = parseSessionMessage(s.signedMessage());
    if (m.capabilities().isEmpty())
      throw NodeError.of(
          NodeErrorCode.NodeSIWECapabilityInvalid, "No capabilities in the session sig");
    AuthSig last = m.capabilities().get(m.capabilities().size() - 1);
    SiweMessage siwe;
    try {
      siwe = SiweMessage.parseLenient(last.signedMessage());
    } catch (LitException e) {
      throw NodeError.of(
          NodeErrorCode.NodeWalletSignatureJSONError, "The last capability is not a SIWE message");
    }
    if (!siwe.uri().equals(SESSION_URI_PREFIX + s.address())) {
      throw NodeError.of(
          NodeErrorCode.NodeWalletSignatureJSONError,
          "Signed session key does not match the one we verified above");
    }
    // user_address(): the first capability passing 6a–6c
    NodeError firstFailure = null;
    for (AuthSig cap : m.capabilities()) {
      try {
        checkCapability(cap, s.address(), Optional.empty());
        return new ValidatedAuth(
            true,
            s,
            last,
            Optional.of(cap.address()),
            null,
            m.capabilities(),
            siwe.resources().orElse(List.of()));
      } catch (NodeError e) {
        if (firstFailure == null) firstFailure = e;
      }
    }
    return new ValidatedAuth(
        true,
        s,
        last,
        Optional.empty(),
        firstFailure,
        m.capabilities(),
        siwe.resources().orElse(List.of()));
  }

  static String lower(String address) {
    return address.toLowerCase(Locale.ROOT);
  }
}
