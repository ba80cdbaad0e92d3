package io.lit4j.node;

import io.lit4j.auth.capacity.CapacityDelegation;
import io.lit4j.auth.capacity.CapacityDelegationRequest;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Futures;
import io.lit4j.crypto.bls.SignedToken;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The operations of {@link LitNodeClient} that take a request, each with an overload that takes the
 * request's builder as a lambda, in the style of aws-sdk-java-v2, so a caller need not import the
 * request type:
 *
 * <pre>{@code
 * EcdsaSignature sig = client.pkpSign(r -> r.toSign(digest).pkpPublicKey(pkpKey).auth(sessionSigs));
 * // is
 * EcdsaSignature sig = client.pkpSign(PkpSignRequest.builder()
 *     .toSign(digest).pkpPublicKey(pkpKey).auth(sessionSigs).build());
 * }</pre>
 *
 * <p>The lambda fills a fresh builder, then the request is built and sent. A blocking overload
 * throws what {@code build()} throws; an {@code ...Async} overload never throws, it returns a
 * failed future (see docs/design/UseOfCompletableFuture.md). The request-taking methods are
 * documented on {@link LitNodeClient}.
 */
public interface LitNodeOperations {

  /**
   * Runs a Lit Action on the connected nodes; see {@link
   * LitNodeClient#executeJs(ExecuteJsRequest)}.
   *
   * @param request the request
   * @return the combined response, logs and signatures
   */
  ExecuteJsResponse executeJs(ExecuteJsRequest request);

  /**
   * Asynchronous {@link #executeJs(ExecuteJsRequest)}.
   *
   * @param request the request
   * @return a future of the combined response, logs and signatures
   */
  CompletableFuture<ExecuteJsResponse> executeJsAsync(ExecuteJsRequest request);

  /**
   * {@link #executeJs(ExecuteJsRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link ExecuteJsRequest#builder()}
   * @return the combined response, logs and signatures
   * @throws LitValidationException if {@code request} is null or the request it fills is invalid
   */
  default ExecuteJsResponse executeJs(Consumer<ExecuteJsRequest.Builder> request) {
    return executeJs(build(ExecuteJsRequest.builder(), request, ExecuteJsRequest.Builder::build));
  }

  /**
   * {@link #executeJsAsync(ExecuteJsRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link ExecuteJsRequest#builder()}
   * @return a future of the combined response, logs and signatures; failed if {@code request} is
   *     null or the request it fills is invalid
   */
  default CompletableFuture<ExecuteJsResponse> executeJsAsync(
      Consumer<ExecuteJsRequest.Builder> request) {
    return Futures.attempt(
        () ->
            executeJsAsync(
                build(ExecuteJsRequest.builder(), request, ExecuteJsRequest.Builder::build)));
  }

  /**
   * Signs a 32-byte digest with a PKP; see {@link LitNodeClient#pkpSign(PkpSignRequest)}.
   *
   * @param request the request
   * @return the combined, verified signature
   */
  EcdsaSignature pkpSign(PkpSignRequest request);

  /**
   * Asynchronous {@link #pkpSign(PkpSignRequest)}.
   *
   * @param request the request
   * @return a future of the combined, verified signature
   */
  CompletableFuture<EcdsaSignature> pkpSignAsync(PkpSignRequest request);

  /**
   * {@link #pkpSign(PkpSignRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link PkpSignRequest#builder()}
   * @return the combined, verified signature
   * @throws LitValidationException if {@code request} is null or the request it fills is invalid
   */
  default EcdsaSignature pkpSign(Consumer<PkpSignRequest.Builder> request) {
    return pkpSign(build(PkpSignRequest.builder(), request, PkpSignRequest.Builder::build));
  }

  /**
   * {@link #pkpSignAsync(PkpSignRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link PkpSignRequest#builder()}
   * @return a future of the combined, verified signature; failed if {@code request} is null or the
   *     request it fills is invalid
   */
  default CompletableFuture<EcdsaSignature> pkpSignAsync(Consumer<PkpSignRequest.Builder> request) {
    return Futures.attempt(
        () ->
            pkpSignAsync(build(PkpSignRequest.builder(), request, PkpSignRequest.Builder::build)));
  }

  /**
   * Makes session sigs for every connected node; see {@link
   * LitNodeClient#getSessionSigs(SessionSigsRequest)}.
   *
   * @param request the request
   * @return one session sig per connected node
   */
  SessionSigs getSessionSigs(SessionSigsRequest request);

  /**
   * Asynchronous {@link #getSessionSigs(SessionSigsRequest)}.
   *
   * @param request the request
   * @return a future of one session sig per connected node
   */
  CompletableFuture<SessionSigs> getSessionSigsAsync(SessionSigsRequest request);

  /**
   * {@link #getSessionSigs(SessionSigsRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link SessionSigsRequest#builder()}
   * @return one session sig per connected node
   * @throws LitValidationException if {@code request} is null or the request it fills is invalid
   */
  default SessionSigs getSessionSigs(Consumer<SessionSigsRequest.Builder> request) {
    return getSessionSigs(
        build(SessionSigsRequest.builder(), request, SessionSigsRequest.Builder::build));
  }

  /**
   * {@link #getSessionSigsAsync(SessionSigsRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link SessionSigsRequest#builder()}
   * @return a future of one session sig per connected node; failed if {@code request} is null or
   *     the request it fills is invalid
   */
  default CompletableFuture<SessionSigs> getSessionSigsAsync(
      Consumer<SessionSigsRequest.Builder> request) {
    return Futures.attempt(
        () ->
            getSessionSigsAsync(
                build(SessionSigsRequest.builder(), request, SessionSigsRequest.Builder::build)));
  }

  /**
   * Has a PKP sign a SIWE delegating to a session key; see {@link
   * LitNodeClient#signSessionKey(SignSessionKeyRequest)}.
   *
   * @param request the request
   * @return the auth sig by the PKP's address, and the PKP's key
   */
  SignSessionKeyResponse signSessionKey(SignSessionKeyRequest request);

  /**
   * Asynchronous {@link #signSessionKey(SignSessionKeyRequest)}.
   *
   * @param request the request
   * @return a future of the auth sig by the PKP's address, and the PKP's key
   */
  CompletableFuture<SignSessionKeyResponse> signSessionKeyAsync(SignSessionKeyRequest request);

  /**
   * {@link #signSessionKey(SignSessionKeyRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link SignSessionKeyRequest#builder()}
   * @return the auth sig by the PKP's address, and the PKP's key
   * @throws LitValidationException if {@code request} is null or the request it fills is invalid
   */
  default SignSessionKeyResponse signSessionKey(Consumer<SignSessionKeyRequest.Builder> request) {
    return signSessionKey(
        build(SignSessionKeyRequest.builder(), request, SignSessionKeyRequest.Builder::build));
  }

  /**
   * {@link #signSessionKeyAsync(SignSessionKeyRequest)} with the request built from {@code
   * request}.
   *
   * @param request fills a {@link SignSessionKeyRequest#builder()}
   * @return a future of the auth sig by the PKP's address, and the PKP's key; failed if {@code
   *     request} is null or the request it fills is invalid
   */
  default CompletableFuture<SignSessionKeyResponse> signSessionKeyAsync(
      Consumer<SignSessionKeyRequest.Builder> request) {
    return Futures.attempt(
        () ->
            signSessionKeyAsync(
                build(
                    SignSessionKeyRequest.builder(),
                    request,
                    SignSessionKeyRequest.Builder::build)));
  }

  /**
   * Makes session sigs whose capability a PKP signs; see {@link
   * LitNodeClient#getPkpSessionSigs(PkpSessionRequest)}.
   *
   * @param request the request
   * @return one session sig per connected node
   */
  SessionSigs getPkpSessionSigs(PkpSessionRequest request);

  /**
   * Asynchronous {@link #getPkpSessionSigs(PkpSessionRequest)}.
   *
   * @param request the request
   * @return a future of one session sig per connected node
   */
  CompletableFuture<SessionSigs> getPkpSessionSigsAsync(PkpSessionRequest request);

  /**
   * {@link #getPkpSessionSigs(PkpSessionRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link PkpSessionRequest#builder()}
   * @return one session sig per connected node
   * @throws LitValidationException if {@code request} is null or the request it fills is invalid
   */
  default SessionSigs getPkpSessionSigs(Consumer<PkpSessionRequest.Builder> request) {
    return getPkpSessionSigs(
        build(PkpSessionRequest.builder(), request, PkpSessionRequest.Builder::build));
  }

  /**
   * {@link #getPkpSessionSigsAsync(PkpSessionRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link PkpSessionRequest#builder()}
   * @return a future of one session sig per connected node; failed if {@code request} is null or
   *     the request it fills is invalid
   */
  default CompletableFuture<SessionSigs> getPkpSessionSigsAsync(
      Consumer<PkpSessionRequest.Builder> request) {
    return Futures.attempt(
        () ->
            getPkpSessionSigsAsync(
                build(PkpSessionRequest.builder(), request, PkpSessionRequest.Builder::build)));
  }

  /**
   * Makes a capacity delegation auth sig; see {@link
   * LitNodeClient#createCapacityDelegationAuthSig(CapacityDelegationRequest)}.
   *
   * @param request the request
   * @return the signed delegation
   */
  CapacityDelegation createCapacityDelegationAuthSig(CapacityDelegationRequest request);

  /**
   * Asynchronous {@link #createCapacityDelegationAuthSig(CapacityDelegationRequest)}.
   *
   * @param request the request
   * @return a future of the signed delegation
   */
  CompletableFuture<CapacityDelegation> createCapacityDelegationAuthSigAsync(
      CapacityDelegationRequest request);

  /**
   * {@link #createCapacityDelegationAuthSig(CapacityDelegationRequest)} with the request built from
   * {@code request}.
   *
   * @param request fills a {@link CapacityDelegationRequest#builder()}
   * @return the signed delegation
   * @throws LitValidationException if {@code request} is null or the request it fills is invalid
   */
  default CapacityDelegation createCapacityDelegationAuthSig(
      Consumer<CapacityDelegationRequest.Builder> request) {
    return createCapacityDelegationAuthSig(
        build(
            CapacityDelegationRequest.builder(),
            request,
            CapacityDelegationRequest.Builder::build));
  }

  /**
   * {@link #createCapacityDelegationAuthSigAsync(CapacityDelegationRequest)} with the request built
   * from {@code request}.
   *
   * @param request fills a {@link CapacityDelegationRequest#builder()}
   * @return a future of the signed delegation; failed if {@code request} is null or the request it
   *     fills is invalid
   */
  default CompletableFuture<CapacityDelegation> createCapacityDelegationAuthSigAsync(
      Consumer<CapacityDelegationRequest.Builder> request) {
    return Futures.attempt(
        () ->
            createCapacityDelegationAuthSigAsync(
                build(
                    CapacityDelegationRequest.builder(),
                    request,
                    CapacityDelegationRequest.Builder::build)));
  }

  /**
   * Encrypts to access control conditions; see {@link LitNodeClient#encrypt(EncryptRequest)}.
   *
   * @param request the request
   * @return the ciphertext and the hash of the data
   */
  EncryptResponse encrypt(EncryptRequest request);

  /**
   * Asynchronous {@link #encrypt(EncryptRequest)}.
   *
   * @param request the request
   * @return a future of the ciphertext and the hash of the data
   */
  CompletableFuture<EncryptResponse> encryptAsync(EncryptRequest request);

  /**
   * {@link #encrypt(EncryptRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link EncryptRequest#builder()}
   * @return the ciphertext and the hash of the data
   * @throws LitValidationException if {@code request} is null or the request it fills is invalid
   */
  default EncryptResponse encrypt(Consumer<EncryptRequest.Builder> request) {
    return encrypt(build(EncryptRequest.builder(), request, EncryptRequest.Builder::build));
  }

  /**
   * {@link #encryptAsync(EncryptRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link EncryptRequest#builder()}
   * @return a future of the ciphertext and the hash of the data; failed if {@code request} is null
   *     or the request it fills is invalid
   */
  default CompletableFuture<EncryptResponse> encryptAsync(
      Consumer<EncryptRequest.Builder> request) {
    return Futures.attempt(
        () ->
            encryptAsync(build(EncryptRequest.builder(), request, EncryptRequest.Builder::build)));
  }

  /**
   * Decrypts data encrypted to access control conditions; see {@link
   * LitNodeClient#decrypt(DecryptRequest)}.
   *
   * @param request the request
   * @return the plaintext bytes
   */
  byte[] decrypt(DecryptRequest request);

  /**
   * Asynchronous {@link #decrypt(DecryptRequest)}.
   *
   * @param request the request
   * @return a future of the plaintext bytes
   */
  CompletableFuture<byte[]> decryptAsync(DecryptRequest request);

  /**
   * {@link #decrypt(DecryptRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link DecryptRequest#builder()}
   * @return the plaintext bytes
   * @throws LitValidationException if {@code request} is null or the request it fills is invalid
   */
  default byte[] decrypt(Consumer<DecryptRequest.Builder> request) {
    return decrypt(build(DecryptRequest.builder(), request, DecryptRequest.Builder::build));
  }

  /**
   * {@link #decryptAsync(DecryptRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link DecryptRequest#builder()}
   * @return a future of the plaintext bytes; failed if {@code request} is null or the request it
   *     fills is invalid
   */
  default CompletableFuture<byte[]> decryptAsync(Consumer<DecryptRequest.Builder> request) {
    return Futures.attempt(
        () ->
            decryptAsync(build(DecryptRequest.builder(), request, DecryptRequest.Builder::build)));
  }

  /**
   * Decrypts data encrypted to access control conditions, as UTF-8 text; see {@link
   * LitNodeClient#decryptToString(DecryptRequest)}.
   *
   * @param request the request
   * @return the plaintext
   */
  String decryptToString(DecryptRequest request);

  /**
   * Asynchronous {@link #decryptToString(DecryptRequest)}.
   *
   * @param request the request
   * @return a future of the plaintext
   */
  CompletableFuture<String> decryptToStringAsync(DecryptRequest request);

  /**
   * {@link #decryptToString(DecryptRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link DecryptRequest#builder()}
   * @return the plaintext
   * @throws LitValidationException if {@code request} is null or the request it fills is invalid
   */
  default String decryptToString(Consumer<DecryptRequest.Builder> request) {
    return decryptToString(build(DecryptRequest.builder(), request, DecryptRequest.Builder::build));
  }

  /**
   * {@link #decryptToStringAsync(DecryptRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link DecryptRequest#builder()}
   * @return a future of the plaintext; failed if {@code request} is null or the request it fills is
   *     invalid
   */
  default CompletableFuture<String> decryptToStringAsync(Consumer<DecryptRequest.Builder> request) {
    return Futures.attempt(
        () ->
            decryptToStringAsync(
                build(DecryptRequest.builder(), request, DecryptRequest.Builder::build)));
  }

  /**
   * Has the nodes sign a JWT for access control conditions; see {@link
   * LitNodeClient#getSignedToken(SignedTokenRequest)}.
   *
   * @param request the request
   * @return the combined, verified token
   */
  SignedToken getSignedToken(SignedTokenRequest request);

  /**
   * Asynchronous {@link #getSignedToken(SignedTokenRequest)}.
   *
   * @param request the request
   * @return a future of the combined, verified token
   */
  CompletableFuture<SignedToken> getSignedTokenAsync(SignedTokenRequest request);

  /**
   * {@link #getSignedToken(SignedTokenRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link SignedTokenRequest#builder()}
   * @return the combined, verified token
   * @throws LitValidationException if {@code request} is null or the request it fills is invalid
   */
  default SignedToken getSignedToken(Consumer<SignedTokenRequest.Builder> request) {
    return getSignedToken(
        build(SignedTokenRequest.builder(), request, SignedTokenRequest.Builder::build));
  }

  /**
   * {@link #getSignedTokenAsync(SignedTokenRequest)} with the request built from {@code request}.
   *
   * @param request fills a {@link SignedTokenRequest#builder()}
   * @return a future of the combined, verified token; failed if {@code request} is null or the
   *     request it fills is invalid
   */
  default CompletableFuture<SignedToken> getSignedTokenAsync(
      Consumer<SignedTokenRequest.Builder> request) {
    return Futures.attempt(
        () ->
            getSignedTokenAsync(
                build(SignedTokenRequest.builder(), request, SignedTokenRequest.Builder::build)));
  }

  /**
   * Decrypts data encrypted to access control conditions into a file; see {@link
   * LitNodeClient#decryptToFile(DecryptRequest, Path)}.
   *
   * @param request the request
   * @param target the file to write
   */
  void decryptToFile(DecryptRequest request, Path target);

  /**
   * Asynchronous {@link #decryptToFile(DecryptRequest, Path)}.
   *
   * @param request the request
   * @param target the file to write
   * @return a future completed when the file is written
   */
  CompletableFuture<Void> decryptToFileAsync(DecryptRequest request, Path target);

  /**
   * {@link #decryptToFile(DecryptRequest, Path)} with the request built from {@code request}.
   *
   * @param request fills a {@link DecryptRequest#builder()}
   * @param target the file to write
   * @throws LitValidationException if {@code request} is null or the request it fills is invalid
   */
  default void decryptToFile(Consumer<DecryptRequest.Builder> request, Path target) {
    decryptToFile(build(DecryptRequest.builder(), request, DecryptRequest.Builder::build), target);
  }

  /**
   * {@link #decryptToFileAsync(DecryptRequest, Path)} with the request built from {@code request}.
   *
   * @param request fills a {@link DecryptRequest#builder()}
   * @param target the file to write
   * @return a future completed when the file is written; failed if {@code request} is null or the
   *     request it fills is invalid
   */
  default CompletableFuture<Void> decryptToFileAsync(
      Consumer<DecryptRequest.Builder> request, Path target) {
    return Futures.attempt(
        () ->
            decryptToFileAsync(
                build(DecryptRequest.builder(), request, DecryptRequest.Builder::build), target));
  }

  private static <B, R> R build(B builder, Consumer<B> request, Function<B, R> build) {
    if (request == null) throw new LitValidationException("request is missing");
    request.accept(builder);
    return build.apply(builder);
  }
}
