package io.lit4j.localnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.ed25519.Ed25519KeyPair;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session sigs as a v4 node validates them (node-behavior.md §2.2, §2.3): the ed25519 signature of
 * the session key, then each capability (a wallet-signed SIWE naming the session key, with a ReCap
 * granting the requested resource); the strict algorithm first, then the deprecated lenient one.
 */
final class SessionSigValidator {
  private static final Logger LOG = LoggerFactory.getLogger(SessionSigValidator.class);

  private final AuthValidator wallets;

  /**
   * @param wallets the node's validator, for its clock, its address and the wallet-sig checks
   */
  SessionSigValidator(AuthValidator wallets) {
    this.wallets = wallets;
  }

  /** The parsed {@code signedMessage} of a session sig. */
  record SessionMessage(
      String sessionKey,
      JsonNode resourceAbilityRequests,
      List<AuthSig> capabilities,
      String issuedAt,
      String expiration,
      String nodeAddress) {}

  /** Validates a session sig: the strict algorithm, then (unless {@code strictOnly}) lenient. */
  ValidatedAuth validate(AuthSig s, AuthResource requested, boolean strictOnly) {
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
    Instant iat = AuthValidator.parseTime(m.issuedAt(), "issuedAt", NodeErrorCode.NodeParserError);
    Instant exp =
        AuthValidator.parseTime(m.expiration(), "expiration", NodeErrorCode.NodeParserError);
    wallets.checkTimes(
        iat, exp, NodeErrorCode.NodeIatOutsideGracePeriod, NodeErrorCode.NodeExpWrongOrTooLarge);
    String addr =
        m.nodeAddress()
            .replaceFirst("^https://", "")
            .replaceFirst("^http://", "")
            .replace("localhost", "127.0.0.1");
    if (!addr.equals(wallets.selfAddress())) {
      throw NodeError.of(
          NodeErrorCode.NodeNotAuthorized,
          "The session nodeAddress "
              + m.nodeAddress()
              + " is not this node ("
              + wallets.selfAddress()
              + ")");
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
    if (AuthValidator.isSessionSig(cap) || AuthValidator.isContractSig(cap)) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWECapabilityInvalid, "Capability must be a wallet sig");
    }
    if (AuthValidator.isBlsNetworkSig(cap)) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWECapabilityInvalid,
          "lit.bls capabilities are not supported by lit-localnet (SDK v4 never produces them)");
    }
    SiweMessage siwe = verifyCapabilitySignature(cap);
    if (!siwe.uri().equals(AuthValidator.SESSION_URI_PREFIX + sessionAddress)) {
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
      siwe.validateTime(wallets.clock().instant());
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
    String recovered = sig.length == 65 ? AuthValidator.recover(cap.signedMessage(), sig) : null;
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
    if (!siwe.uri().equals(AuthValidator.SESSION_URI_PREFIX + s.address())) {
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
}
