package io.lit4j.node.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The signing code path with a local key plugged in as the digest signer, compared byte for byte
 * with web3j.
 */
class DigestEthSignerTest {
  // a throwaway test key (anvil's second dev account); never a real secret
  private static final Credentials KEY =
      Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  private static final Credentials OTHER =
      Credentials.create("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
  private static final String TO = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  private final DigestEthSigner signer = DigestEthSigner.of(new Web3jEthSigner(KEY));

  static final String TYPED_DATA =
      """
      {
        "types": {
          "EIP712Domain": [
            {"name": "name", "type": "string"}, {"name": "version", "type": "string"},
            {"name": "chainId", "type": "uint256"}, {"name": "verifyingContract", "type": "address"}
          ],
          "Person": [{"name": "name", "type": "string"}, {"name": "wallet", "type": "address"}],
          "Mail": [
            {"name": "from", "type": "Person"}, {"name": "to", "type": "Person"},
            {"name": "contents", "type": "string"}
          ]
        },
        "primaryType": "Mail",
        "domain": {
          "name": "Ether Mail", "version": "1", "chainId": 1,
          "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"
        },
        "message": {
          "from": {"name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
          "to": {"name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},
          "contents": "Hello, Bob!"
        }
      }
      """;

  private static RawTransaction legacyTransfer() {
    return RawTransaction.createEtherTransaction(
        BigInteger.valueOf(7),
        BigInteger.valueOf(2_000_000_000L),
        BigInteger.valueOf(21_000),
        TO,
        new BigInteger("1000000000000000000"));
  }

  private static RawTransaction eip1559Call() {
    return RawTransaction.createTransaction(
        31337L,
        BigInteger.valueOf(3),
        BigInteger.valueOf(90_000),
        TO,
        BigInteger.TEN,
        "0xa9059cbb000000000000000000000000"
            + TO.substring(2).toLowerCase()
            + "00000000000000000000000000000000000000000000000000000000000003e8",
        BigInteger.valueOf(1_000_000_000L),
        BigInteger.valueOf(30_000_000_000L));
  }

  @Test
  void aLegacyTransactionIsSignedWithEip155ExactlyAsWeb3jSignsItWithALocalKey() {
    for (long chainId : List.of(1L, 137L, 31337L, 175188L, 4_294_967_295L)) {
      byte[] ours = signer.signTransaction(legacyTransfer(), chainId);
      byte[] web3j = TransactionEncoder.signMessage(legacyTransfer(), chainId, KEY);
      assertArrayEquals(web3j, ours, "chain " + chainId);
      SignedRawTransaction decoded =
          (SignedRawTransaction) TransactionDecoder.decode(Numeric.toHexString(ours));
      assertEquals(chainId, decoded.getChainId());
    }
  }

  @Test
  void aLegacyContractCreationWithDataIsSignedAsWeb3jSignsIt() {
    RawTransaction deploy =
        RawTransaction.createContractTransaction(
            BigInteger.ZERO,
            BigInteger.ONE,
            BigInteger.valueOf(500_000),
            BigInteger.ZERO,
            "0x6080604052348015600f57600080fd5b50603f80601d6000396000f3fe");
    assertArrayEquals(
        TransactionEncoder.signMessage(deploy, 5L, KEY), signer.signTransaction(deploy, 5L));
  }

  @Test
  void anEip1559TransactionIsSignedWithYParityExactlyAsWeb3jSignsItWithALocalKey() {
    byte[] ours = signer.signTransaction(eip1559Call(), 31337L);
    assertArrayEquals(TransactionEncoder.signMessage(eip1559Call(), 31337L, KEY), ours);
    assertEquals(0x02, ours[0]);
    // a range of nonces covers both recovery ids
    boolean sawParity0 = false;
    boolean sawParity1 = false;
    for (int nonce = 0; nonce < 12; nonce++) {
      RawTransaction tx =
          RawTransaction.createEtherTransaction(
              1L,
              BigInteger.valueOf(nonce),
              BigInteger.valueOf(21_000),
              TO,
              BigInteger.ONE,
              BigInteger.ONE,
              BigInteger.TWO);
      byte[] signed = signer.signTransaction(tx, 1L);
      assertArrayEquals(TransactionEncoder.signMessage(tx, 1L, KEY), signed);
      int v =
          ((SignedRawTransaction) TransactionDecoder.decode(Numeric.toHexString(signed)))
              .getSignatureData()
              .getV()[0];
      sawParity0 |= v == 27;
      sawParity1 |= v == 28;
    }
    assertTrue(sawParity0 && sawParity1, "both y parities were exercised");
  }

  @Test
  void anEip2930TransactionIsSignedAsWeb3jSignsATypedTransaction() {
    RawTransaction tx =
        RawTransaction.createTransaction(
            10L,
            BigInteger.ONE,
            BigInteger.TEN,
            BigInteger.valueOf(50_000),
            TO,
            BigInteger.ZERO,
            "0x",
            List.of(new AccessListObject(TO, List.of("0x" + "00".repeat(31) + "01"))));
    assertArrayEquals(TransactionEncoder.signMessage(tx, KEY), signer.signTransaction(tx, 10L));
  }

  @Test
  void theTypedDataHashIsWeb3jsStructuredDataHashAndTheSignatureIsWeb3jsSignTypedData()
      throws Exception {
    byte[] hash = DigestEthSigner.typedDataHash(TYPED_DATA);
    assertArrayEquals(new StructuredDataEncoder(TYPED_DATA).hashStructuredData(), hash);
    // the EIP-712 specification's own example digest for this Mail message
    assertEquals(
        "be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2",
        io.lit4j.core.util.Hex.encode(hash));
    byte[] sig = signer.signTypedData(TYPED_DATA);
    Sign.SignatureData web3j = Sign.signTypedData(TYPED_DATA, KEY.getEcKeyPair());
    assertArrayEquals(
        io.lit4j.core.util.Bytes.concat(web3j.getR(), web3j.getS(), web3j.getV()), sig);
    assertEquals(signer.ethAddress(), EthSignatures.recoverAddress(hash, sig));
    assertArrayEquals(
        sig, signer.signTypedData(new StructuredDataEncoder(TYPED_DATA).jsonMessageObject));
  }

  @Test
  void aPersonalMessageIsSignedAsWeb3jsSignPrefixedMessage() {
    byte[] message = "hello from a PKP".getBytes(StandardCharsets.UTF_8);
    Sign.SignatureData web3j = Sign.signPrefixedMessage(message, KEY.getEcKeyPair());
    byte[] sig = signer.signPersonalMessage(message);
    assertArrayEquals(
        io.lit4j.core.util.Bytes.concat(web3j.getR(), web3j.getS(), web3j.getV()), sig);
    assertEquals(
        signer.ethAddress(),
        EthSignatures.recoverAddress(EthHash.personalMessageHash(message), sig));
  }

  @Test
  void aDigestThatIsNot32BytesIsRefusedBeforeAnythingIsSigned() {
    DigestEthSigner counting =
        new DigestEthSigner(
            signer.ethAddress(),
            d -> {
              throw new AssertionError("must not be called");
            });
    LitValidationException e =
        assertThrows(LitValidationException.class, () -> counting.signDigest(new byte[31]));
    assertTrue(e.getMessage().contains("digest must be 32 bytes, got 31 bytes"), e.getMessage());
    assertThrows(LitValidationException.class, () -> counting.signDigest(null));
    CompletionException async =
        assertThrows(
            CompletionException.class, () -> counting.signDigestAsync(new byte[33]).join());
    assertInstanceOf(LitValidationException.class, async.getCause());
  }

  @Test
  void aChainIdBelowOneIsRefusedAsUnprotected() {
    for (long bad : List.of(0L, -1L)) {
      LitValidationException e =
          assertThrows(
              LitValidationException.class, () -> signer.signTransaction(legacyTransfer(), bad));
      assertTrue(
          e.getMessage().contains("chainId must be a positive EIP-155 chain id"), e.getMessage());
    }
    assertThrows(LitValidationException.class, () -> signer.sign(legacyTransfer(), -1L));
  }

  @Test
  void aTypedTransactionForAnotherChainIsRefused() {
    LitValidationException e =
        assertThrows(LitValidationException.class, () -> signer.signTransaction(eip1559Call(), 1L));
    assertTrue(
        e.getMessage().contains("is for chain 31337 but is being signed for chain 1"),
        e.getMessage());
  }

  @Test
  void aBlobTransactionIsRefusedAsUnsupported() {
    RawTransaction blob =
        RawTransaction.createTransaction(
            1L,
            BigInteger.ZERO,
            BigInteger.ONE,
            BigInteger.TEN,
            BigInteger.valueOf(21_000),
            TO,
            BigInteger.ZERO,
            "0x",
            BigInteger.ONE,
            List.of(org.apache.tuweni.bytes.Bytes.wrap(new byte[32])));
    LitValidationException e =
        assertThrows(LitValidationException.class, () -> signer.signTransaction(blob, 1L));
    assertTrue(e.getMessage().contains("EIP4844 is not supported"), e.getMessage());
  }

  @Test
  void badTypedDataGetsAValidationError() {
    assertThrows(LitValidationException.class, () -> DigestEthSigner.typedDataHash("{not json"));
    assertThrows(
        LitValidationException.class,
        () ->
            signer.signTypedData(
                "{\"types\":{},\"primaryType\":\"X\",\"domain\":{},\"message\":{}}"));
    assertThrows(LitValidationException.class, () -> signer.signTypedData((String) null));
  }

  @Test
  void aSignatureFromAnotherKeyIsCaughtBeforeItIsReturned() {
    DigestEthSigner wrongKey =
        new DigestEthSigner(signer.ethAddress(), DigestSigner.of(new Web3jEthSigner(OTHER)));
    LitCryptoException e =
        assertThrows(
            LitCryptoException.class, () -> wrongKey.signDigest(EthHash.keccak256Utf8("x")));
    assertTrue(
        e.getMessage().contains("not to the signer's address " + signer.address()), e.getMessage());
    assertThrows(LitCryptoException.class, () -> wrongKey.signTransaction(legacyTransfer(), 1L));
    assertThrows(LitCryptoException.class, () -> wrongKey.signTypedData(TYPED_DATA));
  }

  @Test
  void aMalformedAnswerFromTheDigestSignerIsACryptoError() {
    DigestEthSigner shortSig =
        new DigestEthSigner(
            signer.ethAddress(), d -> CompletableFuture.completedFuture(new byte[64]));
    assertThrows(LitCryptoException.class, () -> shortSig.signDigest(new byte[32]));
    DigestEthSigner badV =
        new DigestEthSigner(
            signer.ethAddress(),
            d -> {
              byte[] s = new Web3jEthSigner(KEY).signDigest(d);
              s[64] = 35;
              return CompletableFuture.completedFuture(s);
            });
    assertThrows(LitCryptoException.class, () -> badV.signDigest(new byte[32]));
    DigestEthSigner noFuture = new DigestEthSigner(signer.ethAddress(), d -> null);
    assertThrows(LitCryptoException.class, () -> noFuture.signDigest(new byte[32]));
  }

  @Test
  void aHighSSignatureIsNormalisedToLowSWithTheFlippedRecoveryId() {
    BigInteger n =
        new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    DigestEthSigner highS =
        new DigestEthSigner(
            signer.ethAddress(),
            d -> {
              byte[] s = new Web3jEthSigner(KEY).signDigest(d);
              BigInteger flipped = n.subtract(new BigInteger(1, Arrays.copyOfRange(s, 32, 64)));
              System.arraycopy(Numeric.toBytesPadded(flipped, 32), 0, s, 32, 32);
              s[64] = (byte) (s[64] == 27 ? 28 : 27);
              return CompletableFuture.completedFuture(s);
            });
    assertArrayEquals(
        TransactionEncoder.signMessage(legacyTransfer(), 1L, KEY),
        highS.signTransaction(legacyTransfer(), 1L));
  }

  @Test
  void aFailingDigestSignerFailsTheAsyncFutureWithItsOwnException() {
    DigestEthSigner failing =
        new DigestEthSigner(
            signer.ethAddress(),
            d ->
                CompletableFuture.failedFuture(
                    new io.lit4j.core.errors.LitNodeException("nodes down")));
    CompletionException e =
        assertThrows(
            CompletionException.class,
            () -> failing.signTransactionAsync(legacyTransfer(), 1L).join());
    assertInstanceOf(io.lit4j.core.errors.LitNodeException.class, e.getCause());
    assertThrows(
        io.lit4j.core.errors.LitNodeException.class,
        () -> failing.signPersonalMessage(new byte[] {1}));
  }

  @Test
  void itWorksAsAWeb3jTxSignServiceAndShowsNoSecret() {
    org.web3j.service.TxSignService service = signer;
    assertEquals(EthAddress.fromHex(KEY.getAddress()).checksummed(), service.getAddress());
    assertArrayEquals(
        TransactionEncoder.signMessage(legacyTransfer(), 1L, KEY),
        service.sign(legacyTransfer(), 1L));
    assertFalse(signer.toString().contains(KEY.getEcKeyPair().getPrivateKey().toString(16)));
  }
}
