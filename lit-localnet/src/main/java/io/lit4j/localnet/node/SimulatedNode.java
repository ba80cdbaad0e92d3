package io.lit4j.localnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.ipfs.IpfsCid;
import io.lit4j.core.json.JsJson;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.ecdsa.SigningSubset;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.hd.HdKeyId;
import io.lit4j.localnet.acc.ChainConditionEvaluator;
import io.lit4j.localnet.actions.ActionFailure;
import io.lit4j.localnet.actions.ActionResult;
import io.lit4j.localnet.actions.LitActionRuntime;
import io.lit4j.localnet.auth.AuthMethodVerifiers;
import io.lit4j.localnet.keys.SimulatedEcdsaSigner;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * One simulated Lit node of the habanero/manzano era: the {@code /web/...} routes of
 * node-behavior.md §1 over a {@link NodeHttpServer}, with real threshold cryptography (its BLS
 * share, its K256 HD root shares, the §6.5 ECDSA recipe), auth validation (§2), PKP permissions and
 * capacity credits read from the local chain, and Lit Actions on {@link LitActionRuntime}.
 *
 * <p>Test-network material: the node holds key shares in memory; not secure.
 */
public final class SimulatedNode implements AutoCloseable {
  private static final Pattern SDK_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+.*");
  private static final Duration JWT_GRACE = Duration.ofSeconds(180);
  private static final Duration JWT_MAX = Duration.ofHours(12);

  private final NodeHttpServer server;
  // replaced when an epoch change reshares the keys (enterEpoch)
  private volatile SimulatedNodeConfig config;
  private final LitActionRuntime actions;
  private final ChainReader chain;
  private final AuthValidator auth;
  private final PkpAuthorizer pkpAuth;
  private final RateLimiter rateLimiter;
  private final SimulatedEcdsaSigner ecdsa;
  private final String rootKeysHexCache;
  private final List<String> hdRootPubkeys;
  private final java.util.function.Function<String, Optional<String>> ipfs;
  private volatile boolean rateLimiting;

  /**
   * Attaches the node's routes to {@code server} (already bound on the port Staking lists).
   *
   * @param actions the Lit Actions runtime (may be shared by the nodes of one network)
   * @param server the node's HTTP server
   * @param config the node's keys and settings
   */
  public SimulatedNode(
      NodeHttpServer server, SimulatedNodeConfig config, LitActionRuntime actions) {
    this(server, config, actions, cid -> Optional.empty());
  }

  /**
   * As {@link #SimulatedNode(NodeHttpServer, SimulatedNodeConfig, LitActionRuntime)}, with a
   * stand-in for the IPFS gateway: {@code ipfs} gives the code pinned under a CID.
   *
   * @param server the node's HTTP server
   * @param config the node's keys and settings
   * @param actions the Lit Actions runtime
   * @param ipfs gives the code pinned under a CID, if any
   */
  public SimulatedNode(
      NodeHttpServer server,
      SimulatedNodeConfig config,
      LitActionRuntime actions,
      java.util.function.Function<String, Optional<String>> ipfs) {
    this(server, config, actions, ipfs, AuthMethodVerifiers.live());
  }

  /**
   * As {@link #SimulatedNode(NodeHttpServer, SimulatedNodeConfig, LitActionRuntime,
   * java.util.function.Function)}, with where the node verifies OAuth, OIDC and Stytch auth
   * methods.
   *
   * @param server the node's HTTP server
   * @param config the node's keys and settings
   * @param actions the Lit Actions runtime
   * @param ipfs gives the code pinned under a CID, if any
   * @param authProviders the providers the node trusts (real ones, or lit-localnet's loopback ones)
   */
  public SimulatedNode(
      NodeHttpServer server,
      SimulatedNodeConfig config,
      LitActionRuntime actions,
      java.util.function.Function<String, Optional<String>> ipfs,
      AuthMethodVerifiers authProviders) {
    this.ipfs = ipfs;
    this.server = server;
    this.config = config;
    this.actions = actions;
    this.chain = new ChainReader(config.web3j(), config.contracts());
    this.auth =
        new AuthValidator(
            server.host() + ":" + server.port(), config.clock(), config.strictAuthOnly());
    this.pkpAuth = new PkpAuthorizer(chain, auth, authProviders);
    this.rateLimiter = new RateLimiter(chain, auth, config.clock());
    this.ecdsa = new SimulatedEcdsaSigner(config.ecdsaNetworkSecret());
    this.rateLimiting = config.rateLimiting();
    List<String> roots = new ArrayList<>();
    for (byte[] k : chain.rootKeys()) roots.add(Hex.encode(k));
    this.hdRootPubkeys = List.copyOf(roots);
    this.rootKeysHexCache = String.join(",", roots);
    server.route("/web/handshake", this::handshake);
    server.route("/web/sign_session_key", this::signSessionKey);
    server.route("/web/pkp/sign", this::pkpSign);
    server.route("/web/execute", this::execute);
    server.route("/web/encryption/sign", this::encryptionSign);
    server.route("/web/signing/access_control_condition", this::signingAcc);
    server.route(
        "/web/pkp/claim",
        new NodeRoute() {
          @Override
          public JsonNode handle(NodeRequest request) {
            return pkpClaim(request);
          }

          @Override
          public int successStatus() {
            return 202;
          }
        });
  }

  private static List<Integer> indices(int n) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < n; i++) idx.add(i);
    return List.copyOf(idx);
  }

  /**
   * Moves the node into a new epoch: its new place in the validator set and its new shares of the
   * same network keys (an epoch change reshares them). Requests in progress finish with the shares
   * they started with or fail.
   *
   * @param next the node's configuration in the new epoch (same node wallet and chain)
   * @throws LitException when {@code next} belongs to another node
   */
  public void enterEpoch(SimulatedNodeConfig next) {
    if (!next.nodeWallet().getAddress().equalsIgnoreCase(config.nodeWallet().getAddress())) {
      throw new LitException(
          "the new epoch's configuration belongs to node " + next.nodeWallet().getAddress());
    }
    this.config = next;
  }

  /**
   * @return the node's 0-based share index
   */
  public int shareIndex() {
    return config.shareIndex();
  }

  /**
   * @return {@code http://127.0.0.1:<port>}
   */
  public String url() {
    return server.url();
  }

  /**
   * @return the node wallet address registered in Staking
   */
  public String nodeWalletAddress() {
    return Keys.toChecksumAddress(config.nodeWallet().getAddress());
  }

  /**
   * @return the HTTP server (fault switches)
   */
  public NodeHttpServer server() {
    return server;
  }

  /**
   * Switches the lenient v4 session-sig fallback off ({@code true}) or on.
   *
   * @param strictOnly {@code true} to accept only strictly valid session sigs
   */
  public void setStrictAuthOnly(boolean strictOnly) {
    auth.setStrictOnly(strictOnly);
  }

  /**
   * Switches capacity-credit rate limiting on or off.
   *
   * @param on whether the node enforces capacity-credit rate limits
   */
  public void setRateLimiting(boolean on) {
    this.rateLimiting = on;
  }

  /**
   * @return whether rate limiting is on
   */
  public boolean rateLimiting() {
    return rateLimiting;
  }

  // ---------------------------------------------------------------- helpers

  private static String requiredText(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull())
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `" + field + "`");
    if (!v.isTextual())
      throw NodeError.of(NodeErrorCode.NodeBadInput, field + ": invalid type, expected a string");
    return v.textValue();
  }

  private static Optional<String> optionalText(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isTextual())
      throw NodeError.of(NodeErrorCode.NodeBadInput, field + ": invalid type, expected a string");
    return Optional.of(v.textValue());
  }

  private static byte[] pubkeyBytes(String hex, String field) {
    try {
      byte[] b = Hex.decode(hex, field);
      Secp256k1PublicKey.fromBytes(b);
      return b;
    } catch (LitException e) {
      throw NodeError.of(
          NodeErrorCode.NodeBadInput, field + " is not a secp256k1 public key: " + e.getMessage());
    }
  }

  private boolean wrongShare() {
    return server.faults().fault() == NodeFault.WRONG_SHARE;
  }

  /** This node's ECDSA share for a PKP, or empty outside the signing subset. */
  private Optional<EcdsaSignatureShare> signEcdsa(
      byte[] pubkey, byte[] digest, String requestId, String sigName) {
    SimulatedNodeConfig config = this.config; // one epoch for the whole share
    List<Integer> subset =
        SigningSubset.select(indices(config.nodeCount()), config.threshold(), digest, requestId);
    if (!subset.contains(config.shareIndex())) return Optional.empty();
    if (digest.length != 32 || new BigInteger(1, digest).compareTo(Secp256k1.ORDER) >= 0) {
      throw NodeError.of(
          NodeErrorCode.NodeUnknownError,
          "ECDSA signing failed",
          "the message to sign must be 32 bytes below the curve order, got "
              + digest.length
              + " bytes");
    }
    ChainReader.Routing routing = chain.routing(ChainReader.tokenIdOf(pubkey));
    if (routing.pubkey().length == 0) {
      throw NodeError.of(
          NodeErrorCode.NodeUnknownError,
          "ECDSA signing failed",
          "no key share for this public key (PKP not routed)");
    }
    HdKeyId keyId = new HdKeyId(routing.derivedKeyId());
    Secp256k1PublicKey pk = Secp256k1PublicKey.fromBytes(pubkey);
    if (!config.k256Share().derivedPublicKey(keyId).equals(pk)) {
      throw NodeError.of(
          NodeErrorCode.NodeUnknownError,
          "ECDSA signing failed",
          "the routed key id does not derive this public key");
    }
    Optional<EcdsaSignatureShare> share =
        ecdsa.signShare(config.k256Share(), keyId, digest, requestId, subset, sigName);
    if (share.isPresent() && wrongShare()) {
      EcdsaSignatureShare s = share.get();
      share =
          Optional.of(
              EcdsaSignatureShare.of(
                  s.sigType(),
                  s.dataSigned(),
                  s.signatureShare().add(BigInteger.ONE).mod(Secp256k1.ORDER),
                  s.bigR(),
                  s.publicKey(),
                  s.shareIndex(),
                  s.sigName()));
    }
    return share;
  }

  private BlsSignatureShare blsSign(byte[] message) {
    SimulatedNodeConfig config = this.config; // one epoch for the whole share
    BlsSignatureShare share = config.blsShare().sign(message);
    if (wrongShare())
      share =
          config
              .blsShare()
              .sign(("lit4j-wrong-share:" + Hex.encode(message)).getBytes(StandardCharsets.UTF_8));
    return share;
  }

  /** EIP-191 personal_sign of {@code data} with the node wallet: 65 bytes r‖s‖v, v = 27/28. */
  private byte[] walletSign(byte[] data) {
    Sign.SignatureData sd = Sign.signPrefixedMessage(data, config.nodeWallet().getEcKeyPair());
    byte[] out = new byte[65];
    System.arraycopy(sd.getR(), 0, out, 0, 32);
    System.arraycopy(sd.getS(), 0, out, 32, 32);
    out[64] = sd.getV()[0];
    return out;
  }

  private ValidatedAuth validateAuth(
      JsonNode body, AuthResource resource, String chainName, boolean litAction) {
    AuthSig sig = AuthValidator.parseAuthSig(body.get("authSig"), litAction);
    return auth.validate(sig, resource, chainName);
  }

  private void rateLimit(ValidatedAuth a, int status) {
    if (rateLimiting) rateLimiter.charge(a, status);
  }

  // ---------------------------------------------------------------- /web/handshake

  private JsonNode handshake(NodeRequest req) {
    if (!req.clientSentRequestId()) {
      throw NodeError.of(
          NodeErrorCode.CoreApiMissingRequiredXRequestIdHeader,
          "The X-Request-Id header is required");
    }
    String sdkVersion = req.header("x-lit-sdk-version").orElse("1.2.60");
    if (sdkVersion.equals("0.0.0") || !SDK_VERSION.matcher(sdkVersion).matches()) {
      throw NodeError.of(
          NodeErrorCode.CoreApiInvalidXSDKVersionHeader, "Invalid X-Lit-SDK-Version " + sdkVersion);
    }
    requiredText(req.body(), "clientPublicKey");
    String key =
        server.faults().fault() == NodeFault.DIVERGENT_HANDSHAKE
            ? config.blsShare().publicKeyShare().toHex()
            : config.blsPublicKey().toHex();
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("serverPublicKey", "");
    o.put("subnetPublicKey", key);
    o.put("networkPublicKey", key);
    o.put("networkPublicKeySet", key);
    o.put("clientSdkVersion", sdkVersion);
    ArrayNode roots = o.putArray("hdRootPubkeys");
    hdRootPubkeys.forEach(roots::add);
    o.putNull("attestation");
    o.put("latestBlockhash", chain.latestBlock().hash());
    return o;
  }

  // ---------------------------------------------------------------- /web/sign_session_key

  private JsonNode signSessionKey(NodeRequest req) {
    JsonNode body = req.body();
    String sessionKey = requiredText(body, "sessionKey");
    JsonNode authMethodsNode = body.get("authMethods");
    if (authMethodsNode == null || !authMethodsNode.isArray()) {
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `authMethods` (a sequence)");
    }
    String siweText = requiredText(body, "siweMessage");
    Optional<String> pkpPublicKey = optionalText(body, "pkpPublicKey");
    JsonNode authSigNode = body.get("authSig");
    AuthSig authSig = null;
    if (authSigNode != null && !authSigNode.isNull()) {
      try {
        authSig = AuthSig.fromJson(authSigNode, "authSig");
      } catch (LitException e) {
        throw NodeError.of(
            NodeErrorCode.NodeAuthSigNotSupported, "Multiple auth sigs are not supported here");
      }
    }
    SiweMessage siwe;
    try {
      siwe = SiweMessage.parseLenient(siweText);
    } catch (LitException e) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWEMessageError, "Parse error on SIWE: " + e.getMessage());
    }
    if (siwe.statement().orElse("").contains("lit-resolvedauthcontext")) {
      throw NodeError.of(
          NodeErrorCode.NodeInvalidAuthContextResource,
          "The SIWE may not contain lit-resolvedauthcontext");
    }
    Optional<String> userAddress = Optional.empty();
    if (authSig != null && !AuthValidator.isSessionSig(authSig)) {
      auth.validateWalletSig(authSig, false);
      userAddress = Optional.of(authSig.address());
    }
    List<PkpAuthorizer.VerifiedAuthMethod> methods = pkpAuth.verify(authMethodsNode);
    byte[] pubkey;
    if (pkpPublicKey.isPresent()) {
      pubkey = pubkeyBytes(pkpPublicKey.get(), "pkpPublicKey");
      String pkpAddress = Secp256k1PublicKey.fromBytes(pubkey).ethAddress().lowercaseHex();
      if (!Hex.strip0x(siwe.address()).equalsIgnoreCase(Hex.strip0x(pkpAddress))) {
        throw NodeError.of(
            NodeErrorCode.NodeSIWEMessageError,
            "Address in SIWE message "
                + siwe.address()
                + " does not match PKP ETH address "
                + Keys.toChecksumAddress(pkpAddress));
      }
    } else if (!methods.isEmpty()) {
      PkpAuthorizer.VerifiedAuthMethod first = methods.get(0);
      List<BigInteger> tokens =
          chain.tokenIdsForAuthMethod(BigInteger.valueOf(first.type()), first.id());
      if (tokens.isEmpty())
        throw NodeError.of(
            NodeErrorCode.NodePKPTokenIdNotFound, "No PKP token id found for the auth method");
      pubkey = chain.routing(tokens.get(0)).pubkey();
      if (pubkey.length == 0)
        throw NodeError.of(
            NodeErrorCode.NodePKPTokenIdNotFound, "The PKP of the auth method has no public key");
    } else {
      throw NodeError.uncoded("Validation", "No auth methods provided");
    }
    if (!siwe.uri().equals(sessionKey)) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWEMessageError,
          "The SIWE uri " + siwe.uri() + " is not the session key " + sessionKey);
    }
    if (siwe.expirationTime().isEmpty())
      throw NodeError.of(
          NodeErrorCode.NodeSIWEMessageError, "Session key expiration time is not set");
    Instant now = config.clock().instant();
    Instant iat = parse(siwe.issuedAt(), "issuedAt");
    Instant exp = parse(siwe.expirationTime().get(), "expirationTime");
    if (iat.isAfter(now.plus(AuthValidator.GRACE)))
      throw NodeError.of(NodeErrorCode.NodeSIWEMessageError, "issuedAt is in the future");
    if (exp.isBefore(iat))
      throw NodeError.of(NodeErrorCode.NodeExpWrongOrTooLarge, "expirationTime is before issuedAt");
    if (exp.isBefore(now.minus(AuthValidator.GRACE)))
      throw NodeError.of(NodeErrorCode.NodeSIWEMessageError, "The SIWE message has expired");
    if (Duration.between(iat, exp).compareTo(AuthValidator.MAX_VALIDITY) > 0) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWEMessageError, "expirationTime is more than 30 days after issuedAt");
    }
    ChainReader.Block block =
        chain
            .blockByHash(siwe.nonce())
            .orElseThrow(
                () ->
                    NodeError.of(
                        NodeErrorCode.NodeInvalidBlockhash,
                        "The SIWE nonce " + siwe.nonce() + " is not a known block hash"));
    if (block.timestamp() < now.minus(AuthValidator.MAX_VALIDITY).getEpochSecond()) {
      throw NodeError.of(
          NodeErrorCode.NodeInvalidBlockhash, "The SIWE nonce block is more than 30 days old");
    }
    String pkpAddress = Secp256k1PublicKey.fromBytes(pubkey).ethAddress().checksummed();
    SiweMessage rebuilt =
        siwe.toBuilder()
            .address(pkpAddress)
            .nonce(block.hash().toLowerCase(Locale.ROOT))
            .issuedAt(
                DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(block.timestamp())))
            .build();
    String text = rebuilt.prepareMessage();
    byte[] digest = EthHash.personalMessageHash(text.getBytes(StandardCharsets.UTF_8));
    List<String> cids = List.of();
    pkpAuth.check(pubkey, PkpAuthorizer.SCOPE_PERSONAL_SIGN, methods, cids, userAddress, null);
    Optional<EcdsaSignatureShare> share =
        signEcdsa(pubkey, digest, req.correlationId(), "sessionSig");
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("success", true);
    ObjectNode signed = o.putObject("signedData");
    signed.set(
        "sessionSig",
        share
            .map(s -> EcdsaShareJson.writeSignSessionKey(s, text))
            .orElseGet(
                () ->
                    EcdsaShareJson.writeEmptySignSessionKey(
                        digest, Secp256k1PublicKey.fromBytes(pubkey), text)));
    return o;
  }

  private static Instant parse(String text, String field) {
    try {
      return io.lit4j.auth.siwe.IsoTime.parse(text, field);
    } catch (LitException e) {
      throw NodeError.of(NodeErrorCode.NodeSIWEMessageError, field + " is not an RFC 3339 time");
    }
  }

  // ---------------------------------------------------------------- /web/pkp/sign

  private JsonNode pkpSign(NodeRequest req) {
    JsonNode body = req.body();
    JsonNode toSignNode = body.get("toSign");
    if (toSignNode == null || !toSignNode.isArray())
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `toSign` (an array of bytes)");
    byte[] toSign = new byte[toSignNode.size()];
    for (int i = 0; i < toSign.length; i++) {
      JsonNode b = toSignNode.get(i);
      if (!b.canConvertToInt() || b.asInt() < 0 || b.asInt() > 255)
        throw NodeError.of(NodeErrorCode.NodeBadInput, "toSign[" + i + "] is not a byte");
      toSign[i] = (byte) b.asInt();
    }
    byte[] pubkey;
    try {
      // only hashed into the token id here; an unknown key fails at the permission reads
      pubkey = Hex.decode(requiredText(body, "pubkey"), "pubkey");
    } catch (LitException e) {
      throw NodeError.of(NodeErrorCode.NodeBadInput, "pubkey is not hex: " + e.getMessage());
    }
    if (body.get("authSig") == null || body.get("authSig").isNull())
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `authSig`");
    String tokenIdHex = Hex.encode(EthHash.keccak256(pubkey));
    ValidatedAuth a =
        validateAuth(
            body, new AuthResource("lit-pkp", tokenIdHex, LitAbility.PKP_SIGNING), null, true);
    rateLimit(a, 400);
    List<PkpAuthorizer.VerifiedAuthMethod> methods = pkpAuth.verify(body.get("authMethods"));
    pkpAuth.check(
        pubkey,
        PkpAuthorizer.SCOPE_SIGN_ANYTHING,
        methods,
        List.of(),
        a.userAddress(),
        a.userAddressError());
    Optional<EcdsaSignatureShare> share = signEcdsa(pubkey, toSign, req.correlationId(), "sig");
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("success", true);
    ArrayNode data = o.putArray("signedData");
    for (byte b : toSign) data.add(b & 0xff);
    o.set(
        "signatureShare",
        share.map(EcdsaShareJson::writePkpSign).orElseGet(EcdsaShareJson::writeEmptyPkpSign));
    return o;
  }

  // ---------------------------------------------------------------- /web/execute

  private JsonNode execute(NodeRequest req) {
    JsonNode body = req.body();
    if (body.get("authSig") == null || body.get("authSig").isNull())
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `authSig`");
    Optional<String> codeB64 = optionalText(body, "code");
    Optional<String> ipfsId = optionalText(body, "ipfsId");
    ValidatedAuth a =
        validateAuth(
            body,
            new AuthResource("lit-litaction", "", LitAbility.LIT_ACTION_EXECUTION),
            "ethereum",
            true);
    rateLimit(a, 402);
    String code;
    String cid;
    if (codeB64.isPresent()) {
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(codeB64.get());
      } catch (IllegalArgumentException e) {
        throw NodeError.of(
            NodeErrorCode.NodeBadInput, "code is not standard base64: " + e.getMessage());
      }
      code = new String(bytes, StandardCharsets.UTF_8);
      cid = IpfsCid.of(bytes);
    } else if (ipfsId.isPresent()) {
      String pinned =
          ipfs.apply(ipfsId.get())
              .orElseThrow(
                  () ->
                      NodeError.of(
                          NodeErrorCode.NodeInvalidIPFSID,
                          "ipfsId "
                              + ipfsId.get()
                              + " is not pinned on lit-localnet (LocalLitNetwork.pinAction) and there is no IPFS gateway"));
      byte[] bytes = pinned.getBytes(StandardCharsets.UTF_8);
      if (!IpfsCid.of(bytes).equals(ipfsId.get())) {
        throw NodeError.of(
            NodeErrorCode.NodeInvalidIPFSID,
            "the code pinned under " + ipfsId.get() + " does not hash to it");
      }
      code = pinned;
      cid = ipfsId.get();
    } else {
      throw NodeError.of(NodeErrorCode.NodeInvalidIPFSID, "No code or ipfs hash provided");
    }
    List<PkpAuthorizer.VerifiedAuthMethod> methods = pkpAuth.verify(body.get("authMethods"));
    ExecuteHost host = new ExecuteHost(this, req.correlationId(), a, methods, cid);
    JsonNode jsParams = body.get("jsParams");
    ActionResult result;
    try {
      result = actions.run(code, jsParams != null && jsParams.isObject() ? jsParams : null, host);
    } catch (ActionFailure f) {
      switch (f.kind()) {
        case THREW -> throw NodeError.actionFailed(f.getMessage(), f.logs());
        case TIMEOUT ->
            throw withLogs(
                NodeError.of(NodeErrorCode.NodeJsTimeoutError, f.getMessage()), req, f.logs());
        case MEMORY_LIMIT ->
            throw withLogs(
                NodeError.of(NodeErrorCode.NodeJsMemoryLimitError, f.getMessage()), req, f.logs());
        default ->
            throw withLogs(
                NodeError.of(NodeErrorCode.NodeJsExecutionError, f.getMessage()), req, f.logs());
      }
    } catch (NodeError e) {
      throw e;
    } catch (RuntimeException e) {
      // the guard: a node answers a v4 error, never a leaked Java exception
      org.slf4j.LoggerFactory.getLogger(SimulatedNode.class)
          .warn(
              "node {}: Lit Action failed inside the runtime [{}]",
              config.shareIndex(),
              req.correlationId(),
              e);
      throw NodeError.of(
          NodeErrorCode.NodeJsExecutionError,
          "internal error of the lit-localnet Lit Action runtime");
    }
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("success", true);
    o.set("signedData", host.signedData());
    o.putObject("decryptedData");
    o.set("claimData", host.claimData());
    o.put("response", result.response());
    o.put("logs", result.logs());
    return o;
  }

  private static NodeError withLogs(NodeError e, NodeRequest req, String logs) {
    ObjectNode b = e.body(req.correlationId());
    b.put("logs", logs);
    return NodeError.adHoc(e.status(), b);
  }

  // package access for ExecuteHost
  ChainReader chain() {
    return chain;
  }

  PkpAuthorizer pkpAuthorizer() {
    return pkpAuth;
  }

  AuthValidator authValidator() {
    return auth;
  }

  SimulatedNodeConfig config() {
    return config;
  }

  Optional<EcdsaSignatureShare> ecdsaShare(
      byte[] pubkey, byte[] digest, String requestId, String sigName) {
    return signEcdsa(pubkey, digest, requestId, sigName);
  }

  BlsSignatureShare blsShare(byte[] message) {
    return blsSign(message);
  }

  LitActionRuntime actions() {
    return actions;
  }

  /** The code pinned under a CID (checked to hash to it), for {@code Lit.Actions.call}. */
  String pinnedCode(String cid) {
    String pinned =
        ipfs.apply(cid)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "ipfsId "
                            + cid
                            + " is not pinned on lit-localnet (LocalLitNetwork.pinAction) and there is no IPFS gateway"));
    if (!IpfsCid.of(pinned.getBytes(StandardCharsets.UTF_8)).equals(cid)) {
      throw new IllegalArgumentException("the code pinned under " + cid + " does not hash to it");
    }
    return pinned;
  }

  byte[] nodeWalletSign(byte[] data) {
    return walletSign(data);
  }

  /** Evaluates conditions for the auth sig's user. */
  boolean evaluate(
      AccessControlConditions conditions, ValidatedAuth a, Optional<String> actionCid) {
    String user;
    try {
      user = a.requireUserAddress();
    } catch (NodeError e) {
      return false; // re-validation failure counts as "false" (§7.3)
    }
    Map<String, String> litParams = new LinkedHashMap<>();
    for (String r : a.resources()) {
      if (!r.startsWith("litParam:")) continue;
      String[] parts = r.split(":", 3);
      if (parts.length == 3) {
        try {
          litParams.put(
              parts[1],
              new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException ignored) {
          // not base64url: no such param
        }
      }
    }
    ChainConditionEvaluator evaluator =
        new ChainConditionEvaluator(
            config.web3j(), user, actionCid, name -> Optional.ofNullable(litParams.get(name)));
    try {
      return conditions.evaluate(evaluator);
    } catch (ChainConditionEvaluator.RpcFailedException e) {
      throw NodeError.of(NodeErrorCode.NodeRpcError, e.getMessage());
    } catch (LitException e) {
      throw NodeError.of(NodeErrorCode.NodeAccessControlConditionsCheckFailed, e.getMessage());
    }
  }

  static AccessControlConditions readConditions(JsonNode body) {
    Optional<AccessControlConditions> c;
    try {
      c = AccessControlConditions.fromRequest(body);
    } catch (LitException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("30") && m.toLowerCase(Locale.ROOT).contains("condition"))
        throw NodeError.of(NodeErrorCode.NodeTooManyConditions, m);
      throw NodeError.of(NodeErrorCode.NodeInvalidBooleanConditionType, m);
    }
    AccessControlConditions conditions =
        c.orElseThrow(
            () ->
                NodeError.of(
                    NodeErrorCode.NodeMissingAccessControlConditions,
                    "No access control conditions in the request"));
    if (conditions.conditions().size() > AccessControlConditions.MAX_CONDITIONS) {
      throw NodeError.of(NodeErrorCode.NodeTooManyConditions, "More than 30 conditions");
    }
    return conditions;
  }

  // ---------------------------------------------------------------- /web/encryption/sign

  private JsonNode encryptionSign(NodeRequest req) {
    JsonNode body = req.body();
    String dataHash = requiredText(body, "dataToEncryptHash");
    if (body.get("authSig") == null || body.get("authSig").isNull())
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `authSig`");
    AccessControlConditions conditions = readConditions(body);
    String condHash = conditions.hashHex();
    String chainName = optionalText(body, "chain").orElse(null);
    ValidatedAuth a =
        validateAuth(
            body,
            new AuthResource(
                "lit-accesscontrolcondition",
                condHash + "/" + dataHash,
                LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION),
            chainName,
            false);
    rateLimit(a, 402);
    if (!evaluate(conditions, a, Optional.empty())) {
      throw NodeError.of(
          NodeErrorCode.NodeAccessControlConditionsReturnedNotAuthorized,
          "The access control conditions returned false");
    }
    byte[] identity =
        ("lit-accesscontrolcondition://" + condHash + "/" + dataHash)
            .getBytes(StandardCharsets.UTF_8);
    BlsSignatureShare share = blsSign(identity);
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("result", "success");
    o.set("signatureShare", share.toJsonNode());
    o.put("shareIndex", config.shareIndex());
    return o;
  }

  // ----------------------------------------------------------------
  // /web/signing/access_control_condition

  private JsonNode signingAcc(NodeRequest req) {
    JsonNode body = req.body();
    if (body.get("authSig") == null || body.get("authSig").isNull())
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `authSig`");
    JsonNode iatNode = body.get("iat");
    JsonNode expNode = body.get("exp");
    if (iatNode == null
        || !iatNode.canConvertToLong()
        || expNode == null
        || !expNode.canConvertToLong()) {
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `iat` or `exp` (unix seconds)");
    }
    AccessControlConditions conditions = readConditions(body);
    String condHash = conditions.hashHex();
    String chainName = optionalText(body, "chain").orElse(null);
    ValidatedAuth a =
        validateAuth(
            body,
            new AuthResource(
                "lit-accesscontrolcondition",
                condHash,
                LitAbility.ACCESS_CONTROL_CONDITION_SIGNING),
            chainName,
            false);
    rateLimit(a, 402);
    if (!evaluate(conditions, a, Optional.empty())) {
      throw NodeError.of(
          NodeErrorCode.NodeAccessControlConditionsReturnedNotAuthorized,
          "The access control conditions returned false");
    }
    long now = config.clock().instant().getEpochSecond();
    long iat = iatNode.asLong();
    long exp = expNode.asLong();
    if (Math.abs(iat - now) > JWT_GRACE.getSeconds()) {
      throw NodeError.of(
          NodeErrorCode.NodeIatOutsideGracePeriod,
          "iat " + iat + " is not within 180 s of now (" + now + ")");
    }
    if (exp < now - JWT_GRACE.getSeconds()
        || exp > now + JWT_GRACE.getSeconds() + JWT_MAX.getSeconds()) {
      throw NodeError.of(
          NodeErrorCode.NodeExpWrongOrTooLarge,
          "exp " + exp + " is outside [now - 180 s, now + 180 s + 12 h]");
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("iss", "LIT");
    payload.put("sub", a.requireUserAddress());
    payload.put("chain", chainName);
    payload.put("iat", iat);
    payload.put("exp", exp);
    for (io.lit4j.core.acc.ConditionKind kind : io.lit4j.core.acc.ConditionKind.values()) {
      payload.put(
          kind.requestKey(),
          kind == conditions.kind()
              ? LitJson.mapper().convertValue(conditions.canonicalJsonNode(), Object.class)
              : null);
    }
    String unsignedJwt = io.lit4j.crypto.bls.BlsJwt.unsignedJwt(JsJson.stringify(payload));
    BlsSignatureShare share = blsSign(io.lit4j.crypto.bls.BlsJwt.signingInput(unsignedJwt));
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("result", "success");
    o.set("signatureShare", share.toJsonNode());
    o.put("shareIndex", config.shareIndex());
    o.put("unsignedJwt", unsignedJwt);
    return o;
  }

  // ---------------------------------------------------------------- /web/pkp/claim

  private JsonNode pkpClaim(NodeRequest req) {
    JsonNode m = req.body().get("authMethod");
    if (m == null || !m.isObject())
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `authMethod`");
    PkpAuthorizer.VerifiedAuthMethod verified = pkpAuth.verifyOne(m);
    byte[] keyId = EthHash.keccak256Utf8(verified.userId() + ":" + verified.appId());
    ObjectNode o = LitJson.mapper().createObjectNode();
    // WRONG_SHARE: a signature over other bytes, so it recovers to an address that is no node
    // wallet
    byte[] signed = wrongShare() ? EthHash.keccak256(keyId) : keyId;
    o.put("signature", Hex.encode(walletSign(signed)));
    o.put("derivedKeyId", Hex.encode(keyId));
    return o;
  }

  /**
   * @return the node's ETH address of a PKP key, checksummed
   */
  static String pkpAddress(byte[] pubkey) {
    return EthAddress.of(Secp256k1PublicKey.fromBytes(pubkey)).checksummed();
  }

  static String isoSeconds(Instant i) {
    return DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.SECONDS));
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "SimulatedNode["
        + url()
        + ", shareIndex="
        + config.shareIndex()
        + ", roots="
        + rootKeysHexCache.length()
        + "]";
  }
}
