package io.lit4j.node.wallet;

import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.signer.EthSigner;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Futures;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.NodeAuth;
import io.lit4j.node.PkpSignRequest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.StructuredData;
import org.web3j.service.TxSignService;

/**
 * An Ethereum account whose key is a PKP: every signature is a {@code pkpSign} by the Lit nodes. It
 * is an {@link EthSigner} (for lit4j's auth code) and a web3j {@link TxSignService}, and signs
 * EIP-191 messages, EIP-712 typed data and web3j transactions with the same bytes a local key would
 * give. Use {@link PkpTransactionManager} to send transactions with web3j's contract wrappers and
 * {@code Transfer}.
 *
 * <p>The session sigs come from a supplier called once per signature, so they can be refreshed
 * (cache them there; each call must return sigs for the client's connected nodes). Each signature
 * is checked to recover to the PKP's address before it is returned.
 *
 * <pre>{@code
 * PkpEthSigner pkp = PkpEthSigner.builder()
 *     .client(litNodeClient)
 *     .pkpPublicKey(Secp256k1PublicKey.fromHex(pkpPublicKeyHex))
 *     .sessionSigs(() -> sessionSigs)
 *     .build();
 * byte[] signature = pkp.signPersonalMessage("hello".getBytes(UTF_8));
 * }</pre>
 */
public final class PkpEthSigner implements EthSigner, TxSignService {
  private final LitNodeClient client;
  private final Secp256k1PublicKey pkpPublicKey;
  private final Supplier<NodeAuth> auth;
  private final List<AuthMethod> authMethods;
  private final DigestEthSigner signer;

  private PkpEthSigner(Builder b) {
    if (b.client == null)
      throw new LitValidationException(
          "client is missing: give the connected LitNodeClient that signs");
    if (b.pkpPublicKey == null) throw new LitValidationException("pkpPublicKey is missing");
    if (b.auth == null)
      throw new LitValidationException(
          "sessionSigs is missing: give a supplier of session sigs for the PKP");
    this.client = b.client;
    this.pkpPublicKey = b.pkpPublicKey;
    this.auth = b.auth;
    this.authMethods = b.authMethods;
    this.signer = new DigestEthSigner(pkpPublicKey.ethAddress(), this::pkpSignAsync);
  }

  /**
   * {@return a builder; {@code client}, {@code pkpPublicKey} and {@code sessionSigs} are required}
   */
  public static Builder builder() {
    return new Builder();
  }

  private CompletableFuture<byte[]> pkpSignAsync(byte[] digest) {
    return Futures.attempt(
        () -> {
          NodeAuth nodeAuth = auth.get();
          if (nodeAuth == null)
            throw new LitValidationException("the session sigs supplier returned nothing");
          PkpSignRequest request = new PkpSignRequest(digest, pkpPublicKey, nodeAuth, authMethods);
          return client.pkpSignAsync(request).thenApply(sig -> signatureOf(sig, digest));
        });
  }

  private byte[] signatureOf(EcdsaSignature sig, byte[] digest) {
    if (!sig.publicKey().equals(pkpPublicKey) || !Arrays.equals(sig.dataSigned(), digest)) {
      throw new LitCryptoException(
          "the nodes signed for key "
              + sig.publicKey().hex()
              + " over "
              + sig.dataSignedHex()
              + ", not for this PKP over the requested digest");
    }
    return sig.signature();
  }

  /** {@return the PKP's public key} */
  public Secp256k1PublicKey pkpPublicKey() {
    return pkpPublicKey;
  }

  /** {@return the PKP's Ethereum address} */
  public EthAddress ethAddress() {
    return signer.ethAddress();
  }

  /** The PKP's address, {@code 0x} + 40 hex, EIP-55 checksummed. */
  @Override
  public String address() {
    return signer.address();
  }

  /** Same as {@link #address()} (web3j's {@link TxSignService} name). */
  @Override
  public String getAddress() {
    return signer.address();
  }

  /**
   * Signs a 32-byte digest as it is, with {@code pkpSign}.
   *
   * @return 65 bytes {@code r ‖ s ‖ v}, {@code v} ∈ {27, 28}
   * @throws LitValidationException if {@code digest} is not 32 bytes or the session sigs are
   *     missing
   * @throws io.lit4j.core.errors.LitNodeException if too few nodes signed
   * @throws LitCryptoException if the signature does not recover to the PKP's address
   */
  @Override
  public byte[] signDigest(byte[] digest) {
    return signer.signDigest(digest);
  }

  /**
   * Asynchronous {@link #signDigest(byte[])}; the future fails with the same exceptions.
   *
   * @param digest the 32-byte digest
   * @return a future of the 65-byte signature
   */
  public CompletableFuture<byte[]> signDigestAsync(byte[] digest) {
    return signer.signDigestAsync(digest);
  }

  /**
   * Signs an EIP-191 personal message ({@code personal_sign}).
   *
   * @return 65 bytes {@code r ‖ s ‖ v}, {@code v} ∈ {27, 28}
   * @throws LitValidationException if {@code message} is null
   * @throws io.lit4j.core.errors.LitNodeException if too few nodes signed
   * @throws LitCryptoException if the signature does not recover to the PKP's address
   */
  @Override
  public byte[] signPersonalMessage(byte[] message) {
    return signer.signPersonalMessage(message);
  }

  /**
   * Asynchronous {@link #signPersonalMessage(byte[])}; the future fails with the same exceptions.
   *
   * @param message the message bytes
   * @return a future of the 65-byte signature
   */
  public CompletableFuture<byte[]> signPersonalMessageAsync(byte[] message) {
    return signer.signPersonalMessageAsync(message);
  }

  /**
   * Signs EIP-712 typed data given as JSON ({@code eth_signTypedData_v4}); the digest is {@link
   * DigestEthSigner#typedDataHash(String)}.
   *
   * @param typedDataJson the typed data, JSON
   * @return 65 bytes {@code r ‖ s ‖ v}, {@code v} ∈ {27, 28}
   * @throws LitValidationException if the JSON is not valid EIP-712 typed data
   * @throws io.lit4j.core.errors.LitNodeException if too few nodes signed
   * @throws LitCryptoException if the signature does not recover to the PKP's address
   */
  public byte[] signTypedData(String typedDataJson) {
    return signer.signTypedData(typedDataJson);
  }

  /**
   * Asynchronous {@link #signTypedData(String)}; the future fails with the same exceptions.
   *
   * @param typedDataJson the typed data, JSON
   * @return a future of the 65-byte signature
   */
  public CompletableFuture<byte[]> signTypedDataAsync(String typedDataJson) {
    return signer.signTypedDataAsync(typedDataJson);
  }

  /**
   * Signs a parsed EIP-712 typed-data message.
   *
   * @param typedData the typed data
   * @return the 65-byte signature
   * @throws LitValidationException if it is not valid EIP-712 typed data
   * @throws io.lit4j.core.errors.LitNodeException if too few nodes signed
   * @throws LitCryptoException if the signature does not recover to the PKP's address
   */
  public byte[] signTypedData(StructuredData.EIP712Message typedData) {
    return signer.signTypedData(typedData);
  }

  /**
   * Asynchronous {@link #signTypedData(StructuredData.EIP712Message)}.
   *
   * @param typedData the typed data
   * @return a future of the 65-byte signature
   */
  public CompletableFuture<byte[]> signTypedDataAsync(StructuredData.EIP712Message typedData) {
    return signer.signTypedDataAsync(typedData);
  }

  /**
   * Signs a legacy (EIP-155), EIP-2930 or EIP-1559 transaction; the result is what web3j's {@code
   * TransactionEncoder.signMessage(tx, chainId, credentials)} gives with a local key.
   *
   * @param transaction the transaction
   * @param chainId the chain id
   * @return the signed transaction encoding for {@code eth_sendRawTransaction}
   * @throws LitValidationException for a chain id below 1, a typed transaction for another chain,
   *     or an unsupported transaction type (EIP-4844)
   * @throws io.lit4j.core.errors.LitNodeException if too few nodes signed
   * @throws LitCryptoException if the signed transaction does not recover to the PKP's address
   * @see DigestEthSigner#signTransaction(RawTransaction, long)
   */
  public byte[] signTransaction(RawTransaction transaction, long chainId) {
    return signer.signTransaction(transaction, chainId);
  }

  /**
   * Asynchronous {@link #signTransaction(RawTransaction, long)}; the future fails with the same
   * exceptions.
   *
   * @param transaction the transaction
   * @param chainId the chain id
   * @return a future of the signed transaction bytes
   */
  public CompletableFuture<byte[]> signTransactionAsync(RawTransaction transaction, long chainId) {
    return signer.signTransactionAsync(transaction, chainId);
  }

  /** {@link TxSignService}: same as {@link #signTransaction(RawTransaction, long)}. */
  @Override
  public byte[] sign(RawTransaction transaction, long chainId) {
    return signer.signTransaction(transaction, chainId);
  }

  /** {@return this signer as a {@link DigestEthSigner} (the same account and checks)} */
  public DigestEthSigner asDigestEthSigner() {
    return signer;
  }

  /** Shows the PKP's public key and address; never the session sigs. */
  @Override
  public String toString() {
    return "PkpEthSigner[address=" + address() + ", pkpPublicKey=" + pkpPublicKey.hex() + "]";
  }

  /** Builds a {@link PkpEthSigner}. */
  public static final class Builder {
    private LitNodeClient client;
    private Secp256k1PublicKey pkpPublicKey;
    private Supplier<NodeAuth> auth;
    private List<AuthMethod> authMethods = List.of();

    private Builder() {}

    /**
     * The connected client whose nodes sign.
     *
     * @param client the connected client whose nodes sign
     * @return this builder
     */
    public Builder client(LitNodeClient client) {
      this.client = client;
      return this;
    }

    /**
     * The PKP's public key.
     *
     * @param pkpPublicKey the PKP's public key
     * @return this builder
     */
    public Builder pkpPublicKey(Secp256k1PublicKey pkpPublicKey) {
      this.pkpPublicKey = pkpPublicKey;
      return this;
    }

    /**
     * Where the session sigs come from; called once per signature, so it can refresh them before
     * they expire.
     *
     * @param sessionSigs where the session sigs come from; called once per signature, so it can
     *     refresh them before they expire
     * @return this builder
     * @throws LitValidationException if {@code sessionSigs} is null
     */
    public Builder sessionSigs(Supplier<SessionSigs> sessionSigs) {
      if (sessionSigs == null) throw new LitValidationException("sessionSigs supplier is missing");
      this.auth =
          () -> {
            SessionSigs s = sessionSigs.get();
            if (s == null)
              throw new LitValidationException("the session sigs supplier returned nothing");
            return NodeAuth.sessionSigs(s);
          };
      return this;
    }

    /**
     * Instead of {@link #sessionSigs(Supplier)}: where each request's per-node auth sig comes from
     * (for example {@code NodeAuth.authSig(walletAuthSig)} for an owner's wallet sig).
     *
     * @param nodeAuth Instead of {@link #sessionSigs(Supplier)}: where each request's per-node auth
     *     sig comes from (for example {@code NodeAuth.authSig(walletAuthSig)} for an owner's wallet
     *     sig)
     * @return this builder
     * @throws LitValidationException if {@code nodeAuth} is null
     */
    public Builder nodeAuth(Supplier<NodeAuth> nodeAuth) {
      if (nodeAuth == null) throw new LitValidationException("nodeAuth supplier is missing");
      this.auth = nodeAuth;
      return this;
    }

    /**
     * Auth methods sent with every {@code pkpSign} (the SDK's {@code authMethods}); none by
     * default.
     *
     * @param authMethods Auth methods sent with every {@code pkpSign} (the SDK's {@code
     *     authMethods}); none by default
     * @return this builder
     * @throws LitValidationException if the list is null or holds a null
     */
    public Builder authMethods(List<AuthMethod> authMethods) {
      if (authMethods == null)
        throw new LitValidationException("authMethods is null; use List.of()");
      for (AuthMethod m : authMethods)
        if (m == null) throw new LitValidationException("authMethods holds a null");
      this.authMethods = List.copyOf(authMethods);
      return this;
    }

    /**
     * {@return the signer}
     *
     * @throws LitValidationException if the client, the PKP public key or the session sigs are
     *     missing
     */
    public PkpEthSigner build() {
      return new PkpEthSigner(this);
    }
  }
}
