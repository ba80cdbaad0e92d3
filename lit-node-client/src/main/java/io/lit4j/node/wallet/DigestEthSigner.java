package io.lit4j.node.wallet;

import io.lit4j.auth.signer.EthSigner;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Futures;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.crypto.eth.Secp256k1;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.StructuredData;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.transaction.type.Transaction2930;
import org.web3j.crypto.transaction.type.TransactionType;
import org.web3j.service.TxSignService;
import org.web3j.utils.Numeric;

/**
 * An Ethereum account whose key is reached through a {@link DigestSigner}: it signs EIP-191
 * personal messages, EIP-712 typed data and web3j {@link RawTransaction}s, producing the same bytes
 * web3j's {@link TransactionEncoder} and {@link Sign} produce with a local key.
 *
 * <p>Every signature is checked before it is returned: it must recover to {@link #ethAddress()} (a
 * signed transaction is decoded again and its sender recovered). A signature from any other key
 * fails with {@link LitCryptoException}. {@link PkpEthSigner} is this class over a PKP.
 *
 * <p>It is also a web3j {@link TxSignService}, so {@code new RawTransactionManager(web3j, signer,
 * chainId)} works with it; {@link PkpTransactionManager} is the manager made for it.
 *
 * <pre>{@code
 * DigestEthSigner signer = new DigestEthSigner(address, digest -> kms.signAsync(digest));
 * byte[] signedTx = signer.signTransaction(rawTx, 1L);
 * }</pre>
 */
public final class DigestEthSigner implements EthSigner, TxSignService {
  private static final BigInteger N = Secp256k1.ORDER;
  private static final BigInteger HALF_N = Secp256k1.HALF_ORDER;

  private final EthAddress address;
  private final DigestSigner digestSigner;

  /**
   * An account at {@code address} whose digests {@code digestSigner} signs.
   *
   * @param address the account's address
   * @param digestSigner signs the account's digests
   * @throws LitValidationException if either is null
   */
  public DigestEthSigner(EthAddress address, DigestSigner digestSigner) {
    if (address == null) throw new LitValidationException("address is missing");
    if (digestSigner == null) throw new LitValidationException("digestSigner is missing");
    this.address = address;
    this.digestSigner = digestSigner;
  }

  /**
   * This class over an existing {@link EthSigner} (for example a local {@code Web3jEthSigner}),
   * which gives it typed data and transaction signing.
   *
   * @param signer the signer to wrap
   * @return the signer
   * @throws LitValidationException if {@code signer} is null or its address is not an address
   */
  public static DigestEthSigner of(EthSigner signer) {
    if (signer == null) throw new LitValidationException("signer is missing");
    return new DigestEthSigner(EthAddress.fromHex(signer.address()), DigestSigner.of(signer));
  }

  /** {@return the account address} */
  public EthAddress ethAddress() {
    return address;
  }

  /** The account address, {@code 0x} + 40 hex, EIP-55 checksummed. */
  @Override
  public String address() {
    return address.checksummed();
  }

  /** Same as {@link #address()} (web3j's {@link TxSignService} name). */
  @Override
  public String getAddress() {
    return address();
  }

  // ---- digests and messages ------------------------------------------------------------------

  /**
   * Signs a 32-byte digest as it is.
   *
   * @return 65 bytes {@code r ‖ s ‖ v}, {@code v} ∈ {27, 28}, low s
   * @throws LitValidationException if {@code digest} is not 32 bytes
   * @throws LitCryptoException if the signature does not recover to this address
   */
  @Override
  public byte[] signDigest(byte[] digest) {
    return Futures.join(signDigestAsync(digest));
  }

  /**
   * Asynchronous {@link #signDigest(byte[])}; the future fails with the same exceptions.
   *
   * @param digest the 32-byte digest
   * @return a future of the 65-byte signature
   */
  public CompletableFuture<byte[]> signDigestAsync(byte[] digest) {
    return Futures.attempt(
        () -> {
          byte[] d = checkDigest(digest, "digest");
          CompletableFuture<byte[]> answer = digestSigner.signDigestAsync(d.clone());
          if (answer == null) throw new LitCryptoException("the digest signer returned no future");
          return answer.thenApply(sig -> checked(d, sig));
        });
  }

  /**
   * Signs {@code message} as an EIP-191 personal message ({@code personal_sign}): the digest is
   * {@code keccak256("\x19Ethereum Signed Message:\n" + len + message)}.
   *
   * @return 65 bytes {@code r ‖ s ‖ v}, {@code v} ∈ {27, 28}
   * @throws LitValidationException if {@code message} is null
   * @throws LitCryptoException if the signature does not recover to this address
   */
  @Override
  public byte[] signPersonalMessage(byte[] message) {
    return Futures.join(signPersonalMessageAsync(message));
  }

  /**
   * Asynchronous {@link #signPersonalMessage(byte[])}; the future fails with the same exceptions.
   *
   * @param message the message bytes
   * @return a future of the 65-byte signature
   */
  public CompletableFuture<byte[]> signPersonalMessageAsync(byte[] message) {
    return Futures.attempt(
        () -> {
          if (message == null) throw new LitValidationException("message is missing");
          return signDigestAsync(EthHash.personalMessageHash(message));
        });
  }

  // ---- EIP-712 -------------------------------------------------------------------------------

  /**
   * The EIP-712 digest of typed data given as JSON ({@code {types, primaryType, domain, message}},
   * what {@code eth_signTypedData_v4} takes): {@code keccak256(0x1901 ‖ domainSeparator ‖
   * hashStruct(message))}, computed by web3j's {@link StructuredDataEncoder}.
   *
   * @param typedDataJson the typed data, JSON
   * @return the 32-byte digest
   * @throws LitValidationException if the JSON is not valid EIP-712 typed data
   */
  public static byte[] typedDataHash(String typedDataJson) {
    if (typedDataJson == null) throw new LitValidationException("typedData JSON is missing");
    try {
      return new StructuredDataEncoder(typedDataJson).hashStructuredData();
    } catch (IOException | RuntimeException e) {
      throw new LitValidationException("typedData is not valid EIP-712 JSON: " + e.getMessage(), e);
    }
  }

  /**
   * {@return the EIP-712 digest of a parsed typed-data message}
   *
   * @param typedData the typed data
   * @throws LitValidationException if the message is null or not valid EIP-712 typed data
   */
  public static byte[] typedDataHash(StructuredData.EIP712Message typedData) {
    if (typedData == null) throw new LitValidationException("typedData is missing");
    try {
      return new StructuredDataEncoder(typedData).hashStructuredData();
    } catch (RuntimeException e) {
      throw new LitValidationException(
          "typedData is not valid EIP-712 typed data: " + e.getMessage(), e);
    }
  }

  /**
   * Signs EIP-712 typed data given as JSON ({@code eth_signTypedData_v4}).
   *
   * @param typedDataJson the typed data, JSON
   * @return 65 bytes {@code r ‖ s ‖ v}, {@code v} ∈ {27, 28}, over {@link #typedDataHash(String)}
   * @throws LitValidationException if the JSON is not valid EIP-712 typed data
   * @throws LitCryptoException if the signature does not recover to this address
   */
  public byte[] signTypedData(String typedDataJson) {
    return Futures.join(signTypedDataAsync(typedDataJson));
  }

  /**
   * Asynchronous {@link #signTypedData(String)}; the future fails with the same exceptions.
   *
   * @param typedDataJson the typed data, JSON
   * @return a future of the 65-byte signature
   */
  public CompletableFuture<byte[]> signTypedDataAsync(String typedDataJson) {
    return Futures.attempt(() -> signDigestAsync(typedDataHash(typedDataJson)));
  }

  /**
   * Signs a parsed EIP-712 typed-data message.
   *
   * @param typedData the typed data
   * @return the 65-byte signature
   * @throws LitValidationException if it is not valid EIP-712 typed data
   * @throws LitCryptoException if the signature does not recover to this address
   */
  public byte[] signTypedData(StructuredData.EIP712Message typedData) {
    return Futures.join(signTypedDataAsync(typedData));
  }

  /**
   * Asynchronous {@link #signTypedData(StructuredData.EIP712Message)}.
   *
   * @param typedData the typed data
   * @return a future of the 65-byte signature
   */
  public CompletableFuture<byte[]> signTypedDataAsync(StructuredData.EIP712Message typedData) {
    return Futures.attempt(() -> signDigestAsync(typedDataHash(typedData)));
  }

  // ---- transactions --------------------------------------------------------------------------

  /**
   * Signs a transaction and returns its signed encoding, ready for {@code eth_sendRawTransaction}:
   * byte for byte what {@code TransactionEncoder.signMessage(tx, chainId, credentials)} returns
   * with a local key. Legacy transactions get EIP-155 replay protection ({@code v = recid +
   * chainId·2 + 35}); EIP-2930 and EIP-1559 transactions carry their chain id inside and get {@code
   * yParity} = recid.
   *
   * @param transaction a legacy, EIP-2930 or EIP-1559 transaction
   * @param chainId the chain to sign for (positive); a typed transaction's own chain id must equal
   *     it
   * @return the signed transaction encoding (typed transactions start with their type byte)
   * @throws LitValidationException for a missing transaction, a chain id below 1, a typed
   *     transaction for another chain, or an EIP-4844 blob transaction (not supported)
   * @throws LitCryptoException if the signed transaction does not recover to this address
   */
  public byte[] signTransaction(RawTransaction transaction, long chainId) {
    return Futures.join(signTransactionAsync(transaction, chainId));
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
    return Futures.attempt(
        () -> {
          if (transaction == null) throw new LitValidationException("transaction is missing");
          if (chainId < 1) {
            throw new LitValidationException(
                "chainId must be a positive EIP-155 chain id (1 = mainnet, 31337 = anvil), got "
                    + chainId
                    + "; unprotected transactions are not signed");
          }
          TransactionType type = transaction.getType();
          if (type.isLegacy()) {
            byte[] digest = EthHash.keccak256(TransactionEncoder.encode(transaction, chainId));
            return signDigestAsync(digest)
                .thenApply(
                    sig -> {
                      Sign.SignatureData eip155 =
                          TransactionEncoder.createEip155SignatureData(signatureData(sig), chainId);
                      return checkedTransaction(
                          TransactionEncoder.encode(transaction, eip155), chainId, true);
                    });
          }
          if (type.isEip1559() || type.isEip2930()) {
            long txChainId = ((Transaction2930) transaction.getTransaction()).getChainId();
            if (txChainId != chainId) {
              throw new LitValidationException(
                  "the "
                      + type
                      + " transaction is for chain "
                      + txChainId
                      + " but is being signed for chain "
                      + chainId
                      + "; build it with the chain id you sign for");
            }
            byte[] digest = EthHash.keccak256(TransactionEncoder.encode(transaction));
            return signDigestAsync(digest)
                .thenApply(
                    sig ->
                        checkedTransaction(
                            TransactionEncoder.encode(transaction, signatureData(sig)),
                            chainId,
                            false));
          }
          throw new LitValidationException(
              "transaction type "
                  + type
                  + " is not supported; sign a legacy, EIP-2930 or EIP-1559 transaction");
        });
  }

  /**
   * {@link TxSignService}: same as {@link #signTransaction(RawTransaction, long)}.
   *
   * @throws LitValidationException if {@code chainId} is below 1 (web3j's {@code ChainId.NONE} asks
   *     for an unprotected transaction, which this signer refuses)
   */
  @Override
  public byte[] sign(RawTransaction transaction, long chainId) {
    return signTransaction(transaction, chainId);
  }

  // ---- checks --------------------------------------------------------------------------------

  static byte[] checkDigest(byte[] digest, String field) {
    if (digest == null || digest.length != 32) {
      throw new LitValidationException(
          field + " must be 32 bytes, got " + (digest == null ? "none" : digest.length + " bytes"));
    }
    return digest;
  }

  /** The signer's answer, well-formed, low-s and recovering to this address. */
  private byte[] checked(byte[] digest, byte[] signature) {
    if (signature == null || signature.length != 65) {
      throw new LitCryptoException(
          "the digest signer returned "
              + (signature == null ? "no signature" : signature.length + " bytes")
              + "; expected 65 bytes r ‖ s ‖ v");
    }
    int v = signature[64] & 0xff;
    if (v == 0 || v == 1) v += 27;
    if (v != 27 && v != 28)
      throw new LitCryptoException("the digest signer returned v = " + v + "; expected 27 or 28");
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(N) >= 0) {
      throw new LitCryptoException("the digest signer returned r or s out of range");
    }
    // Ethereum accepts only low s (EIP-2); flipping s flips the recovery id
    if (s.compareTo(HALF_N) > 0) {
      s = N.subtract(s);
      v = v == 27 ? 28 : 27;
    }
    byte[] out = new byte[65];
    System.arraycopy(Numeric.toBytesPadded(r, 32), 0, out, 0, 32);
    System.arraycopy(Numeric.toBytesPadded(s, 32), 0, out, 32, 32);
    out[64] = (byte) v;
    EthAddress recovered;
    try {
      recovered = EthSignatures.recoverAddress(digest, out);
    } catch (LitCryptoException e) {
      throw new LitCryptoException(
          "the signature does not recover to any key, so not to " + address(), e);
    }
    if (!recovered.equals(address)) {
      throw new LitCryptoException(
          "the signature recovers to "
              + recovered.checksummed()
              + ", not to the signer's address "
              + address());
    }
    return out;
  }

  /**
   * Decodes the signed transaction again and checks its sender (and, for legacy, its EIP-155 chain
   * id).
   */
  private byte[] checkedTransaction(byte[] signed, long chainId, boolean legacy) {
    RawTransaction decoded = TransactionDecoder.decode(Numeric.toHexString(signed));
    if (!(decoded instanceof SignedRawTransaction s))
      throw new LitCryptoException("the signed transaction decodes without a signature");
    try {
      String from = s.getFrom();
      if (!EthAddress.fromHex(from).equals(address)) {
        throw new LitCryptoException(
            "the signed transaction's sender is "
                + from
                + ", not the signer's address "
                + address());
      }
    } catch (SignatureException e) {
      throw new LitCryptoException("the signed transaction's sender cannot be recovered", e);
    }
    if (legacy && (s.getChainId() == null || s.getChainId() != chainId)) {
      throw new LitCryptoException(
          "the signed legacy transaction carries chain id " + s.getChainId() + ", not " + chainId);
    }
    return signed;
  }

  private static Sign.SignatureData signatureData(byte[] sig) {
    return new Sign.SignatureData(
        sig[64], Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64));
  }

  /** Shows the address only. */
  @Override
  public String toString() {
    return "DigestEthSigner[address=" + address() + "]";
  }
}
