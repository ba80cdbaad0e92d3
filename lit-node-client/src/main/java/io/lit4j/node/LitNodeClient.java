package io.lit4j.node;

import io.lit4j.auth.capacity.CapacityDelegation;
import io.lit4j.auth.capacity.CapacityDelegationRequest;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitNodeException;
import io.lit4j.core.errors.LitTimeoutException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Futures;
import io.lit4j.crypto.bls.SignedToken;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.node.internal.ClientResources;
import io.lit4j.node.internal.Connector;
import io.lit4j.node.internal.NodeCalls;
import io.lit4j.node.internal.capacity.CapacityDelegationProtocol;
import io.lit4j.node.internal.claim.ClaimProtocol;
import io.lit4j.node.internal.encryption.DecryptProtocol;
import io.lit4j.node.internal.encryption.EncryptProtocol;
import io.lit4j.node.internal.encryption.SignedTokenProtocol;
import io.lit4j.node.internal.execute.ExecuteJsProtocol;
import io.lit4j.node.internal.pkp.PkpSignProtocol;
import io.lit4j.node.internal.session.SessionFlow;
import io.lit4j.node.internal.session.SignSessionKeyProtocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The client of a Lit network: connects to its nodes and sends them requests.
 *
 * <p>{@link #connect()} handshakes every node in parallel and keeps those that agree; unlike the JS
 * SDK 4.2.0 a down or minority node is dropped and logged, as long as {@code minNodeCount} agree. A
 * background task repeats the connect every {@link LitNodeClientConfig#refreshInterval()}.
 *
 * <p>Every method has an {@code ...Async} twin; the blocking one waits for it. Methods that need a
 * connection fail with {@link io.lit4j.core.errors.LitErrorCode#NOT_READY} before a successful
 * connect, and with {@code CLIENT_CLOSED} after {@link #close()}, which stops the client's threads.
 *
 * <p>Each operation that takes a request also takes the request's builder as a lambda ({@link
 * LitNodeOperations}).
 *
 * <pre>{@code
 * try (LitNodeClient client = LitNodeClient.create(config)) {
 *   client.connect();
 *   EcdsaSignature sig = client.pkpSign(r -> r.toSign(digest).pkpPublicKey(pkpKey).auth(sessionSigs));
 * }
 * }</pre>
 */
public final class LitNodeClient implements LitNodeOperations, AutoCloseable {
  private final LitNodeClientConfig config;
  private final ClientResources resources;
  private final Connector connector;
  private final NodeCalls calls;

  /**
   * A client for {@code config}; it does not contact any node until {@link #connect()}.
   *
   * @param config the client's settings
   * @throws LitValidationException if {@code config} is null
   * @deprecated use {@link #create(LitNodeClientConfig)} or {@link #builder()}
   */
  @Deprecated
  public LitNodeClient(LitNodeClientConfig config) {
    if (config == null) throw new LitValidationException("config is missing");
    this.config = config;
    this.resources = new ClientResources(config);
    this.connector = new Connector(resources);
    this.calls = new NodeCalls(resources, connector);
  }

  /**
   * {@return a client for {@code config}; it does not contact any node until {@link #connect()}}
   *
   * @param config the client's settings
   * @throws LitValidationException if {@code config} is null
   */
  @SuppressWarnings("deprecation")
  public static LitNodeClient create(LitNodeClientConfig config) {
    return new LitNodeClient(config);
  }

  /** {@return a builder of a client, with the settings of {@link LitNodeClientConfig.Builder}} */
  public static LitNodeClientBuilder builder() {
    return new LitNodeClientBuilder();
  }

  /** {@return the settings this client was made with} */
  public LitNodeClientConfig config() {
    return config;
  }

  /**
   * Connects: reads the validator set, handshakes every node and keeps the agreeing ones.
   * Concurrent calls share one attempt. A successful connect starts the background refresh.
   *
   * @return the new connection state
   * @throws LitNodeException if fewer than {@code minNodeCount} nodes gave valid, agreeing
   *     handshakes; the message says how many answered and why each other failed
   * @throws LitTimeoutException if every failure was a timeout
   * @throws LitException if the validator set cannot be read or the client is closed
   */
  public ConnectionState connect() {
    return Futures.join(connectAsync());
  }

  /**
   * Asynchronous {@link #connect()}; the future fails with the same exceptions.
   *
   * @return a future of the connection state
   */
  public CompletableFuture<ConnectionState> connectAsync() {
    return connector.connectAsync();
  }

  /** {@return whether a connect has succeeded (and the client is not closed)} */
  public boolean isReady() {
    return connector.state().isPresent() && !resources.isClosed();
  }

  /** {@return the state of the last successful connect, if any} */
  public Optional<ConnectionState> connectionState() {
    return connector.state();
  }

  /**
   * The latest block hash the connected nodes agree on (the SIWE nonce for session keys), refreshed
   * by the background reconnect.
   *
   * @return the latest block hash
   */
  public String getLatestBlockhash() {
    return connector.ready().latestBlockhash();
  }

  /**
   * Asynchronous {@link #getLatestBlockhash()}.
   *
   * @return a future of the latest block hash
   */
  public CompletableFuture<String> getLatestBlockhashAsync() {
    return Futures.supply(this::getLatestBlockhash);
  }

  /** {@return the nodes requests go to} */
  public List<String> connectedNodes() {
    return connector.ready().connectedNodes();
  }

  /** {@return the threshold of the connected validator set} */
  public int minNodeCount() {
    return connector.ready().minNodeCount();
  }

  /** {@return the epoch of the connected validator set} */
  public long currentEpochNumber() {
    return connector.ready().epochNumber();
  }

  /**
   * Runs a Lit Action on every connected node ({@code /web/execute}) and combines what they return:
   * response and logs by majority, ECDSA signatures combined and verified per name, key claims with
   * one signature per node. Unlike the JS SDK, a failing node (logged) does not fail the call while
   * {@code minNodeCount} nodes answered and every signature verifies.
   *
   * @param request the action, its parameters and auth
   * @return the combined response, logs and signatures
   * @throws LitValidationException if the request is missing or has no auth sig for a connected
   *     node
   * @throws LitActionException if the action threw on too many nodes (with its error text and logs)
   * @throws LitNodeException if fewer than {@code minNodeCount} nodes answered; the message says
   *     why each failed, and node error fields are kept
   * @throws LitCryptoException if a signature cannot be combined ({@code NoValidShares}, {@code
   *     UnknownSignatureError})
   */
  public ExecuteJsResponse executeJs(ExecuteJsRequest request) {
    return Futures.join(executeJsAsync(request));
  }

  /**
   * Asynchronous {@link #executeJs(ExecuteJsRequest)}; the future fails with the same exceptions.
   *
   * @param request the action, its parameters and auth
   * @return a future of the combined response
   */
  public CompletableFuture<ExecuteJsResponse> executeJsAsync(ExecuteJsRequest request) {
    return ExecuteJsProtocol.run(calls, request);
  }

  /**
   * Signs a 32-byte digest with a PKP ({@code /web/pkp/sign} on every connected node) and combines
   * the shares into a verified signature, checked to be over the requested digest by the requested
   * key. The signing subset follows from the digest and the request id, so the client picks a
   * request id whose subset avoids nodes it knows are failing, returns as soon as that subset's
   * shares verify, and retries with a new id when a subset node fails or sends a bad share (at most
   * 12 attempts, none started after three request timeouts; logged).
   *
   * @param request the digest, PKP and auth
   * @return the signature ({@code r}, low {@code s}, {@code recid}, {@code signature} r‖s‖v)
   * @throws LitValidationException if the request is missing or has no auth sig for a connected
   *     node
   * @throws LitNodeException if too few nodes are left to sign (the message names each failed node
   *     and why, and keeps node error fields), or a node refused the request (4xx)
   * @throws LitTimeoutException if the nodes that failed all timed out
   * @throws LitCryptoException if no signing subset's shares gave a valid signature
   */
  public EcdsaSignature pkpSign(PkpSignRequest request) {
    return Futures.join(pkpSignAsync(request));
  }

  /**
   * Asynchronous {@link #pkpSign(PkpSignRequest)}; the future fails with the same exceptions.
   *
   * @param request the digest, PKP and auth
   * @return a future of the signature
   */
  public CompletableFuture<EcdsaSignature> pkpSignAsync(PkpSignRequest request) {
    return PkpSignProtocol.run(calls, request);
  }

  /**
   * Session signatures for every connected node (4.2.0 {@code getSessionSigs}): the session key
   * from the {@link SessionKeyStore} (made once), the wallet sig from the store while it still
   * covers the request, else from the {@code authNeededCallback} (checked, then stored; concurrent
   * first calls run it once). The result {@linkplain SessionSigs#renewing follows the network}:
   * each per-node sig lives 5 minutes as in 4.2.0 and is made again from the held session key when
   * it runs out, or when a node joins or rejoins the set, until the wallet sig (the capability)
   * expires; so one {@code SessionSigs} serves a long-running service for the capability's
   * lifetime.
   *
   * @param request what the session may do and how the wallet signs
   * @return one session sig per connected node
   * @throws LitValidationException if the request is missing
   * @throws LitAuthException if the callback fails or its auth sig does not delegate to the session
   *     key with the requested abilities
   */
  public SessionSigs getSessionSigs(SessionSigsRequest request) {
    return Futures.join(getSessionSigsAsync(request));
  }

  /**
   * Asynchronous {@link #getSessionSigs}; the callback runs on a client worker thread.
   *
   * @param request what the session may do and how the wallet signs
   * @return a future of the session sigs
   */
  public CompletableFuture<SessionSigs> getSessionSigsAsync(SessionSigsRequest request) {
    return SessionFlow.run(calls, request);
  }

  /**
   * Has a PKP sign a SIWE delegating to a session key ({@code /web/sign_session_key}), built as
   * 4.2.0 builds it (nonce = latest blockhash); the shares are combined and verified over the
   * EIP-191 hash of the returned SIWE, by the requested PKP.
   *
   * @param request the PKP, its auth and the session key's abilities
   * @return the auth sig by the PKP's address, and the PKP's key
   * @throws LitValidationException if the request is missing
   * @throws LitNodeException if fewer than {@code minNodeCount} nodes answered
   * @throws LitCryptoException if the shares do not combine into that signature
   */
  public SignSessionKeyResponse signSessionKey(SignSessionKeyRequest request) {
    return Futures.join(signSessionKeyAsync(request));
  }

  /**
   * Asynchronous {@link #signSessionKey}.
   *
   * @param request the PKP, its auth and the session key's abilities
   * @return a future of the result
   */
  public CompletableFuture<SignSessionKeyResponse> signSessionKeyAsync(
      SignSessionKeyRequest request) {
    return SignSessionKeyProtocol.run(calls, request);
  }

  /**
   * Session sigs whose capability is signed by a PKP: {@link #getSessionSigs} with a callback that
   * calls {@link #signSessionKey}; the capability is stored under the PKP's address.
   *
   * @param request the PKP, its auth and what the session may do
   * @return one session sig per connected node
   * @throws LitValidationException if the request is missing
   * @throws LitNodeException if the nodes refuse (e.g. the auth method is not permitted on the PKP:
   *     {@code NodeAuthSigScopeTooLimited})
   */
  public SessionSigs getPkpSessionSigs(PkpSessionRequest request) {
    return Futures.join(getPkpSessionSigsAsync(request));
  }

  /**
   * Asynchronous {@link #getPkpSessionSigs}.
   *
   * @param request the PKP, its auth and what the session may do
   * @return a future of the session sigs
   */
  public CompletableFuture<SessionSigs> getPkpSessionSigsAsync(PkpSessionRequest request) {
    return SessionFlow.runPkp(calls, request, this::signSessionKey);
  }

  /**
   * A capacity delegation auth sig (4.2.0 {@code createCapacityDelegationAuthSig}): the owner signs
   * a SIWE with a ReCap granting {@code Auth/Auth} on {@code lit-ratelimitincrease://<id|*>} to the
   * delegatees. Connects first if needed, as the SDK does.
   *
   * @param request the owner, delegatees, uses and expiry
   * @return the signed delegation
   * @throws LitValidationException if the request is missing or make an invalid SIWE
   * @throws LitException if connecting fails
   */
  public CapacityDelegation createCapacityDelegationAuthSig(CapacityDelegationRequest request) {
    return Futures.join(createCapacityDelegationAuthSigAsync(request));
  }

  /**
   * Asynchronous {@link #createCapacityDelegationAuthSig}; the signer runs on a client worker
   * thread.
   *
   * @param request the owner, delegatees, uses and expiry
   * @return a future of the delegation
   */
  public CompletableFuture<CapacityDelegation> createCapacityDelegationAuthSigAsync(
      CapacityDelegationRequest request) {
    return CapacityDelegationProtocol.run(calls, request);
  }

  /**
   * Claims a key id for an auth method ({@code /web/pkp/claim}): every connected node signs the
   * derived key id; the PKP public key is derived locally. Mint it with {@code
   * PKPNFT.claimAndMint(2, derivedKeyId, signatures)}.
   *
   * @param authMethod the auth method to claim a key for
   * @return the key id, derived public key and node signatures
   * @throws LitValidationException if the auth method is missing or WebAuthn (not claimable)
   * @throws LitNodeException if fewer than {@code minNodeCount} nodes signed
   */
  public ClaimKeyResponse claimKeyId(AuthMethod authMethod) {
    return Futures.join(claimKeyIdAsync(authMethod));
  }

  /**
   * Asynchronous {@link #claimKeyId}.
   *
   * @param authMethod the auth method to claim a key for
   * @return a future of the claim result
   */
  public CompletableFuture<ClaimKeyResponse> claimKeyIdAsync(AuthMethod authMethod) {
    return ClaimProtocol.run(calls, authMethod);
  }

  /**
   * Encrypts to access control conditions (4.2.0 {@code encrypt}, {@code encryptString}, {@code
   * encryptFile}; local, no node call): TimeCrypt under the network key.
   *
   * @param request the conditions and the plaintext (bytes, text or a file)
   * @return the ciphertext and the plaintext's hash
   * @throws LitValidationException if the request is missing
   * @throws LitException if a file cannot be read
   */
  public EncryptResponse encrypt(EncryptRequest request) {
    return EncryptProtocol.encrypt(connector.ready(), request);
  }

  /**
   * Asynchronous {@link #encrypt(EncryptRequest)}; a file is read on a client worker thread.
   *
   * @param request the conditions and the plaintext (bytes, text or a file)
   * @return a future of the ciphertext and the plaintext's hash
   */
  public CompletableFuture<EncryptResponse> encryptAsync(EncryptRequest request) {
    if (request != null && request.file().isPresent())
      return calls.onWorker(() -> encrypt(request));
    return Futures.supply(() -> encrypt(request));
  }

  /**
   * Decrypts (4.2.0 {@code decrypt}) as soon as {@code minNodeCount} decryption shares verify
   * against the network key; nodes that fail, hang or send a bad share are left out. The plaintext
   * is checked against {@code dataToEncryptHash}.
   *
   * @param request the ciphertext, its conditions and auth
   * @return the plaintext
   * @throws LitValidationException if the request is missing, its ciphertext malformed, or no auth
   *     sig is given for a connected node
   * @throws LitNodeException if fewer than {@code minNodeCount} nodes gave a share (e.g. {@code
   *     NodeAccessControlConditionsReturnedNotAuthorized} when the conditions do not hold)
   * @throws LitCryptoException if no {@code minNodeCount} shares verify or the ciphertext does not
   *     decrypt
   */
  public byte[] decrypt(DecryptRequest request) {
    return Futures.join(decryptAsync(request));
  }

  /**
   * Asynchronous {@link #decrypt}.
   *
   * @param request the ciphertext, its conditions and auth
   * @return a future of the plaintext
   */
  public CompletableFuture<byte[]> decryptAsync(DecryptRequest request) {
    return DecryptProtocol.run(calls, request);
  }

  /**
   * Decrypts to text (4.2.0 {@code decryptToString}): {@link #decrypt} read as UTF-8.
   *
   * @param request the ciphertext, its conditions and auth
   * @return the plaintext as text
   * @throws LitException as {@link #decrypt}
   */
  public String decryptToString(DecryptRequest request) {
    return Futures.join(decryptToStringAsync(request));
  }

  /**
   * Asynchronous {@link #decryptToString}.
   *
   * @param request the ciphertext, its conditions and auth
   * @return a future of the plaintext as text
   */
  public CompletableFuture<String> decryptToStringAsync(DecryptRequest request) {
    return decryptAsync(request).thenApply(b -> new String(b, StandardCharsets.UTF_8));
  }

  /**
   * Decrypts into {@code target} (created or replaced).
   *
   * @param request the ciphertext, its conditions and auth
   * @param target the file to write the plaintext to
   * @throws LitValidationException if {@code target} is missing
   * @throws LitException as {@link #decrypt}, or if the file cannot be written
   */
  public void decryptToFile(DecryptRequest request, Path target) {
    Futures.join(decryptToFileAsync(request, target));
  }

  /**
   * Asynchronous {@link #decryptToFile}.
   *
   * @param request the ciphertext, its conditions and auth
   * @param target the file to write the plaintext to
   * @return a future that completes when the file is written
   */
  public CompletableFuture<Void> decryptToFileAsync(DecryptRequest request, Path target) {
    return DecryptProtocol.runToFile(calls, request, target);
  }

  /**
   * A JWT signed by the network for conditions that hold (4.2.0 {@code getSignedToken}), valid 12
   * hours; the signature is verified against the network key.
   *
   * @param request the conditions, chain and auth
   * @return the signed JWT
   * @throws LitValidationException if the request is missing or no auth sig is given for a node
   * @throws LitNodeException if fewer than {@code minNodeCount} nodes signed
   * @throws LitCryptoException if no combination of shares verifies
   */
  public SignedToken getSignedToken(SignedTokenRequest request) {
    return Futures.join(getSignedTokenAsync(request));
  }

  /**
   * Asynchronous {@link #getSignedToken}.
   *
   * @param request the conditions, chain and auth
   * @return a future of the signed token
   */
  public CompletableFuture<SignedToken> getSignedTokenAsync(SignedTokenRequest request) {
    return SignedTokenProtocol.run(calls, request);
  }

  /**
   * Stops the background refresh. The connection state is kept, as in the SDK, so requests can
   * still be sent; {@link #connect()} starts the refresh again.
   */
  public void disconnect() {
    connector.stopRefresh();
  }

  /**
   * Stops everything: refresh, open requests (they fail), the client's threads and, when the client
   * created it, the HTTP client. Idempotent. A caller-supplied OkHttp client or transport is left
   * open.
   */
  @Override
  public void close() {
    if (!resources.markClosed()) return;
    connector.close();
    resources.release();
  }
}
