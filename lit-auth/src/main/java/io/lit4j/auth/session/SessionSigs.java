package io.lit4j.auth.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.siwe.IsoTime;
import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.JsJson;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Args;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.ed25519.Ed25519KeyPair;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Session signatures, one per node URL ({@code SessionSigsMap}), fixed ({@link #sign}, {@link #of})
 * or {@linkplain #renewing renewing} (made on demand for nodes that join, re-signed before they
 * expire): each is an {@link AuthSig} {@code {sig, derivedVia:"litSessionSignViaNacl",
 * signedMessage, address:<session pubkey>, algo:"ed25519"}} over that node's {@link
 * SessionKeySignedMessage}. Each operation sends {@code sessionSigs[url]} as that node's {@code
 * authSig}.
 *
 * <pre>{@code
 * SessionSigs sigs = SessionSigs.sign(sessionKey, requests,
 *     SessionSigs.capabilities(Optional.empty(), walletAuthSig), nodeUrls, Clock.systemUTC());
 * AuthSig forNode = sigs.forNode("https://1.2.3.4:443");
 * }</pre>
 */
public final class SessionSigs {
  /** Session signature lifetime, hard-coded to 5 minutes in JS SDK 4.2.0. */
  public static final Duration V4_SESSION_TTL =
      io.lit4j.core.constants.LitConstants.SESSION_SIG_TTL;

  /** A renewing set signs a node's sig again once it has less than this left. */
  static final Duration RENEW_MARGIN = Duration.ofSeconds(30);

  private final Map<String, AuthSig> byNode;

  /** Null for fixed sigs; set for sigs made from a held session key (see {@link #renewing}). */
  private final Renewer renewer;

  private SessionSigs(Map<String, AuthSig> byNode) {
    this.byNode = Collections.unmodifiableMap(new LinkedHashMap<>(byNode));
    this.renewer = null;
  }

  private SessionSigs(Renewer renewer, List<String> nodeUrls) {
    this.renewer = renewer;
    this.byNode = null;
    for (String url : nodeUrls) renewer.sigFor(url);
  }

  /**
   * Makes per-node sigs on demand from the session key and capabilities it holds; the key never
   * leaves it.
   */
  private static final class Renewer {
    final SessionKeyPair sessionKey;
    final List<ResourceAbilityRequest> requests;
    final List<AuthSig> capabilities;
    final Instant sessionExpiry;
    final Duration perNodeTtl;
    final Clock clock;
    final Map<String, AuthSig> sigs = new LinkedHashMap<>();
    final Map<String, Instant> expiries = new LinkedHashMap<>();

    Renewer(
        SessionKeyPair sessionKey,
        List<ResourceAbilityRequest> requests,
        List<AuthSig> capabilities,
        Instant sessionExpiry,
        Duration perNodeTtl,
        Clock clock) {
      this.sessionKey = sessionKey;
      this.requests = List.copyOf(requests);
      this.capabilities = List.copyOf(capabilities);
      this.sessionExpiry = sessionExpiry;
      this.perNodeTtl = perNodeTtl;
      this.clock = clock;
    }

    synchronized AuthSig sigFor(String url) {
      Instant now = clock.instant();
      AuthSig have = sigs.get(url);
      Instant until = expiries.get(url);
      boolean fresh =
          have != null
              && (until.minus(RENEW_MARGIN).isAfter(now) || !until.isBefore(sessionExpiry));
      if (fresh) return have;
      if (have != null && !now.isBefore(sessionExpiry))
        return have; // the session is over: the node will say so
      Instant exp = now.plus(perNodeTtl);
      if (exp.isAfter(sessionExpiry)) exp = sessionExpiry;
      AuthSig sig =
          signForNode(
              sessionKey,
              new SessionKeySignedMessage(
                  sessionKey.publicKeyHex(),
                  requests,
                  capabilities,
                  IsoTime.toIsoString(now),
                  IsoTime.toIsoString(exp),
                  url));
      sigs.put(url, sig);
      expiries.put(url, exp);
      return sig;
    }

    synchronized Map<String, AuthSig> snapshot() {
      return Collections.unmodifiableMap(new LinkedHashMap<>(sigs));
    }
  }

  /**
   * Session sigs that follow the network: they hold the session key and the capabilities (which
   * name no node) and make a node's sig when it is first asked for (a node that joined later) or
   * when its sig has less than 30 seconds left. Each per-node sig lives {@code perNodeTtl} (5
   * minutes in 4.2.0), never past {@code sessionExpiry}, the capability's lifetime. The session key
   * stays inside: {@link #toJson()} and {@link #toString()} show only the sigs.
   *
   * @param sessionKey the session key that signs
   * @param resourceAbilityRequests what the session may do
   * @param capabilities the auth sigs that grant the session its abilities
   * @param nodeUrls the nodes to sign for now
   * @param clock gives {@code issuedAt}
   * @param sessionExpiry when the session ends (the capability's expiry at the latest)
   * @param perNodeTtl how long each per-node sig lives
   * @return the session sigs
   * @throws LitValidationException when a part is missing, no node or capability is given, the
   *     lifetime is not positive or the session has ended
   */
  public static SessionSigs renewing(
      SessionKeyPair sessionKey,
      List<ResourceAbilityRequest> resourceAbilityRequests,
      List<AuthSig> capabilities,
      List<String> nodeUrls,
      Clock clock,
      Instant sessionExpiry,
      Duration perNodeTtl) {
    Args.required(sessionKey, "sessionKey");
    Args.required(resourceAbilityRequests, "resourceAbilityRequests");
    Args.required(clock, "clock");
    Args.required(sessionExpiry, "sessionExpiry");
    if (capabilities == null || capabilities.isEmpty())
      throw new LitValidationException("capabilities must hold at least the wallet auth sig");
    if (nodeUrls == null || nodeUrls.isEmpty())
      throw new LitValidationException("nodeUrls is empty: connect to the network first");
    if (perNodeTtl == null || perNodeTtl.isNegative() || perNodeTtl.isZero())
      throw new LitValidationException("perNodeTtl must be positive");
    if (!sessionExpiry.isAfter(clock.instant()))
      throw new LitValidationException("the session has already ended at " + sessionExpiry);
    for (String url : nodeUrls)
      if (url == null || url.isEmpty())
        throw new LitValidationException("nodeUrls has an empty URL");
    return new SessionSigs(
        new Renewer(
            sessionKey, resourceAbilityRequests, capabilities, sessionExpiry, perNodeTtl, clock),
        nodeUrls);
  }

  /** {@return whether these sigs make a node's sig on demand (see {@link #renewing})} */
  public boolean isRenewing() {
    return renewer != null;
  }

  private Map<String, AuthSig> current() {
    return renewer != null ? renewer.snapshot() : byNode;
  }

  /**
   * Wraps existing per-node session sigs (kept in the given order).
   *
   * @param byNode node URL → session sig
   * @return the session sigs
   */
  public static SessionSigs of(Map<String, AuthSig> byNode) {
    Args.required(byNode, "byNode");
    byNode.forEach(
        (k, v) -> {
          if (k == null || v == null)
            throw new LitValidationException("sessionSigs has a missing node URL or signature");
        });
    return new SessionSigs(byNode);
  }

  /**
   * {@code capacityDelegationAuthSig ? [capacityDelegationAuthSig, walletAuthSig] :
   * [walletAuthSig]}, as 4.2.0 orders them.
   *
   * @param capacityDelegationAuthSig the capacity delegation, if any
   * @param walletAuthSig the wallet (or PKP) auth sig
   * @return the capabilities, in the order the nodes expect
   * @throws LitValidationException when an argument is null (pass {@code Optional.empty()} for no
   *     delegation)
   */
  public static List<AuthSig> capabilities(
      Optional<AuthSig> capacityDelegationAuthSig, AuthSig walletAuthSig) {
    Args.required(capacityDelegationAuthSig, "capacityDelegationAuthSig");
    Args.required(walletAuthSig, "walletAuthSig");
    List<AuthSig> caps = new ArrayList<>();
    capacityDelegationAuthSig.ifPresent(caps::add);
    caps.add(walletAuthSig);
    return List.copyOf(caps);
  }

  /**
   * Signs one session sig per node as JS SDK 4.2.0 does: {@code issuedAt = clock now}, {@code
   * expiration = issuedAt + 5 min}, both as {@code toISOString()}.
   *
   * @param sessionKey the session key that signs
   * @param resourceAbilityRequests what the session may do
   * @param capabilities the auth sigs that grant the session its abilities
   * @param nodeUrls the nodes to sign for, one sig each
   * @param clock gives {@code issuedAt}
   * @return node URL → session sig
   * @throws LitValidationException when no node URL or no capability is given
   */
  public static SessionSigs sign(
      SessionKeyPair sessionKey,
      List<ResourceAbilityRequest> resourceAbilityRequests,
      List<AuthSig> capabilities,
      List<String> nodeUrls,
      Clock clock) {
    return sign(sessionKey, resourceAbilityRequests, capabilities, nodeUrls, clock, V4_SESSION_TTL);
  }

  /**
   * Signs one session sig per node with a chosen lifetime (nodes accept up to 30 days).
   *
   * @param sessionKey the session key that signs
   * @param resourceAbilityRequests what the session may do
   * @param capabilities the auth sigs that grant the session its abilities
   * @param nodeUrls the nodes to sign for, one sig each
   * @param clock gives {@code issuedAt}
   * @param ttl how long the sigs stay valid
   * @return node URL → session sig
   * @throws LitValidationException when no node URL or no capability is given, or {@code ttl} is
   *     not positive
   */
  public static SessionSigs sign(
      SessionKeyPair sessionKey,
      List<ResourceAbilityRequest> resourceAbilityRequests,
      List<AuthSig> capabilities,
      List<String> nodeUrls,
      Clock clock,
      Duration ttl) {
    Args.required(sessionKey, "sessionKey");
    Args.required(resourceAbilityRequests, "resourceAbilityRequests");
    Args.required(clock, "clock");
    if (capabilities == null || capabilities.isEmpty())
      throw new LitValidationException("capabilities must hold at least the wallet auth sig");
    if (nodeUrls == null || nodeUrls.isEmpty())
      throw new LitValidationException("nodeUrls is empty: connect to the network first");
    if (ttl == null || ttl.isNegative() || ttl.isZero())
      throw new LitValidationException("ttl must be positive");
    Instant now = clock.instant();
    String issuedAt = IsoTime.toIsoString(now);
    String expiration = IsoTime.toIsoString(now.plus(ttl));
    Map<String, AuthSig> out = new LinkedHashMap<>();
    for (String url : nodeUrls) {
      if (url == null || url.isEmpty())
        throw new LitValidationException("nodeUrls has an empty URL");
      out.put(
          url,
          signForNode(
              sessionKey,
              new SessionKeySignedMessage(
                  sessionKey.publicKeyHex(),
                  resourceAbilityRequests,
                  capabilities,
                  issuedAt,
                  expiration,
                  url)));
    }
    return new SessionSigs(out);
  }

  /**
   * Signs one node's message: ed25519 over the UTF-8 bytes of {@link
   * SessionKeySignedMessage#toJson()}.
   *
   * @param sessionKey the session key that signs
   * @param message the node's message
   * @return the session sig
   * @throws LitValidationException when a part is missing or the message's {@code sessionKey} is
   *     not this key's public key
   */
  public static AuthSig signForNode(SessionKeyPair sessionKey, SessionKeySignedMessage message) {
    Args.required(sessionKey, "sessionKey");
    Args.required(message, "signedMessage");
    if (!sessionKey.publicKeyHex().equals(message.sessionKey())) {
      throw new LitValidationException(
          "signedMessage.sessionKey "
              + message.sessionKey()
              + " is not the signing session key "
              + sessionKey.publicKeyHex());
    }
    String json = message.toJson();
    byte[] sig = sessionKey.sign(json.getBytes(StandardCharsets.UTF_8));
    return new AuthSig(
        Hex.encode(sig),
        AuthSig.DERIVED_VIA_SESSION,
        json,
        sessionKey.publicKeyHex(),
        AuthSig.Algo.ED25519);
  }

  /**
   * True when {@code sessionSig} is a session sig whose ed25519 signature over the exact {@code
   * signedMessage} verifies under its {@code address} (hex public key, {@code 0x} optional), as a
   * node checks it first.
   *
   * @param sessionSig the session sig to check
   * @return whether the session sig's signature verifies
   * @throws LitValidationException when the sig is missing, or {@code address} or {@code sig} is
   *     not hex of the right length
   */
  public static boolean verifySignature(AuthSig sessionSig) {
    Args.required(sessionSig, "sessionSig");
    byte[] pub =
        Hex.decode(sessionSig.address(), Ed25519KeyPair.PUBLIC_KEY_LENGTH, "sessionSig.address");
    byte[] sig = Hex.decode(sessionSig.sig(), Ed25519KeyPair.SIGNATURE_LENGTH, "sessionSig.sig");
    return Ed25519KeyPair.verify(
        pub, sessionSig.signedMessage().getBytes(StandardCharsets.UTF_8), sig);
  }

  /**
   * {@return the session sig for one node}
   *
   * @param nodeUrl the node's URL
   * @throws LitAuthException when there is none for {@code nodeUrl}
   */
  public AuthSig forNode(String nodeUrl) {
    if (renewer != null && nodeUrl != null && !nodeUrl.isEmpty()) return renewer.sigFor(nodeUrl);
    AuthSig s = byNode.get(nodeUrl);
    if (s == null) {
      throw LitAuthException.builder()
          .message("no session signature for node " + nodeUrl + " (have " + byNode.keySet() + ")")
          .nodeUrl(nodeUrl)
          .buildAuth();
    }
    return s;
  }

  /**
   * {@return the session sig for one node, if any}
   *
   * @param nodeUrl the node's URL
   */
  public Optional<AuthSig> find(String nodeUrl) {
    if (renewer != null && nodeUrl != null && !nodeUrl.isEmpty())
      return Optional.of(renewer.sigFor(nodeUrl));
    return Optional.ofNullable(byNode.get(nodeUrl));
  }

  /**
   * Node URL → session sig, in signing order (unmodifiable).
   *
   * @return the session sigs by node URL
   */
  public Map<String, AuthSig> asMap() {
    return current();
  }

  /**
   * Node URLs in signing order.
   *
   * @return the node URLs
   */
  public List<String> nodeUrls() {
    return List.copyOf(current().keySet());
  }

  /**
   * {@return {@code {"<url>":{sig, derivedVia, signedMessage, address, algo}, …}} as {@code
   * JSON.stringify} writes it}
   */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    current().forEach((k, v) -> m.put(k, v.toJsValue()));
    return JsJson.stringify(m);
  }

  /**
   * Reads a sessionSigs map.
   *
   * @param json a JSON object of node URL → session sig
   * @return the session sigs
   * @throws LitValidationException naming the node URL whose entry is malformed
   */
  public static SessionSigs fromJson(String json) {
    JsonNode n = LitJson.parse(json, "sessionSigs");
    if (!n.isObject())
      throw new LitValidationException("sessionSigs must be a JSON object keyed by node URL");
    Map<String, AuthSig> m = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      var e = it.next();
      m.put(e.getKey(), AuthSig.fromJson(e.getValue(), "sessionSigs['" + e.getKey() + "']"));
    }
    return new SessionSigs(m);
  }

  @Override
  public boolean equals(Object o) {
    if (renewer != null) return this == o; // its sigs change as it renews them
    return o instanceof SessionSigs s && s.renewer == null && s.byNode.equals(byNode);
  }

  @Override
  public int hashCode() {
    return renewer != null ? System.identityHashCode(this) : byNode.hashCode();
  }

  @Override
  public String toString() {
    return "SessionSigs" + current().keySet() + (renewer != null ? " (renewing)" : "");
  }
}
