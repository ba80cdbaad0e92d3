package io.lit4j.auth.authsig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthSignatures;
import org.junit.jupiter.api.Test;

class AuthSigTest {
  static final Web3jEthSigner SIGNER =
      Web3jEthSigner.fromPrivateKey(
          "0x91c478631c25619b2126cb9b16f4f3af754aec9f57a515272699c168c7507f68");

  @Test
  void jsonRoundTripsAllThreeAlgoForms() {
    String absent =
        "{\"sig\":\"0xab\",\"derivedVia\":\"web3.eth.personal.sign\",\"signedMessage\":\"a\\nb \\\"q\\\" ü\",\"address\":\"0x1\"}";
    String nul =
        "{\"sig\":\"ab\",\"derivedVia\":\"web3.eth.personal.sign\",\"signedMessage\":\"m\",\"address\":\"1\",\"algo\":null}";
    String ed =
        "{\"sig\":\"ab\",\"derivedVia\":\"litSessionSignViaNacl\",\"signedMessage\":\"{}\",\"address\":\"1\",\"algo\":\"ed25519\"}";
    for (String s : new String[] {absent, nul, ed}) assertEquals(s, AuthSig.fromJson(s).toJson());
    assertEquals(AuthSig.Algo.NULL, AuthSig.fromJson(nul).algo());
    assertTrue(AuthSig.fromJson(ed).isSessionSig());
    assertFalse(AuthSig.fromJson(absent).isSessionSig());
  }

  @Test
  void malformedAuthSigJsonNamesTheField() {
    assertTrue(
        assertThrows(LitValidationException.class, () -> AuthSig.fromJson("{"))
            .getMessage()
            .contains("not valid JSON"));
    assertTrue(
        assertThrows(LitValidationException.class, () -> AuthSig.fromJson("[]"))
            .getMessage()
            .contains("object"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    AuthSig.fromJson(
                        "{\"derivedVia\":\"x\",\"signedMessage\":\"m\",\"address\":\"a\"}"))
            .getMessage()
            .contains("authSig.sig is missing"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    AuthSig.fromJson(
                        "{\"sig\":1,\"derivedVia\":\"x\",\"signedMessage\":\"m\",\"address\":\"a\"}"))
            .getMessage()
            .contains("authSig.sig must be a string"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    AuthSig.fromJson(
                        "{\"sig\":\"s\",\"derivedVia\":\"x\",\"signedMessage\":\"m\",\"address\":\"a\",\"chain\":\"e\"}"))
            .getMessage()
            .contains("unknown key 'chain'"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    AuthSig.fromJson(
                        "{\"sig\":\"s\",\"derivedVia\":\"x\",\"signedMessage\":\"m\",\"address\":\"a\",\"algo\":5}"))
            .getMessage()
            .contains("authSig.algo"));
  }

  @Test
  void generatedAuthSigsRecoverToTheSigner() {
    AuthSig a = AuthSigs.generate(SIGNER, "hello");
    assertEquals("0x811E601AFc89E10Ad7ed92b7f03f419498f1c652", a.address());
    assertEquals(AuthSig.DERIVED_VIA_WALLET, a.derivedVia());
    assertEquals(132, a.sig().length());
    assertEquals(SIGNER.address(), AuthSigs.recoverSigner(a).orElseThrow());
    AuthSigs.verifyEip191(a);
    AuthSigs.verifyEip191(
        new AuthSig(
            a.sig(),
            a.derivedVia(),
            a.signedMessage(),
            a.address().substring(2).toLowerCase(),
            AuthSig.Algo.NULL));
    AuthSig forged = AuthSig.of(a.sig(), a.derivedVia(), "hello!", a.address());
    assertThrows(LitAuthException.class, () -> AuthSigs.verifyEip191(forged));
  }

  @Test
  void highSSignaturesRecoverTheSameSignerAsEthersVerifyMessageDoes() {
    AuthSig a = AuthSigs.generate(SIGNER, "hello");
    byte[] sig = io.lit4j.core.util.Hex.decode(a.sig());
    java.math.BigInteger n = io.lit4j.crypto.eth.Secp256k1.ORDER;
    java.math.BigInteger s = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
    byte[] high = sig.clone();
    System.arraycopy(io.lit4j.core.util.Bytes.toFixed(n.subtract(s), 32), 0, high, 32, 32);
    high[64] = (byte) (sig[64] == 27 ? 28 : 27);
    assertEquals(
        SIGNER.address(),
        EthSignatures.findPersonalSignAddress("hello", io.lit4j.core.util.Hex.encode0x(high))
            .orElseThrow()
            .checksummed());
    // the same high s with the original v is another key
    high[64] = sig[64];
    assertFalse(
        EthSignatures.findPersonalSignAddress("hello", io.lit4j.core.util.Hex.encode0x(high))
            .map(found -> found.checksummed().equals(SIGNER.address()))
            .orElse(false));
  }

  @Test
  void signaturesThatRecoverNoKeyHaveNoSigner() {
    assertTrue(
        EthSignatures.findPersonalSignAddress("hello", "0x" + "00".repeat(64) + "1b").isEmpty());
    assertTrue(
        EthSignatures.findPersonalSignAddress("hello", "0x" + "ff".repeat(64) + "1c").isEmpty());
    assertThrows(
        LitValidationException.class,
        () -> EthSignatures.findPersonalSignAddress(null, "0x" + "00".repeat(64) + "1b"));
  }

  @Test
  void checksumSpellingMatchesEip55() {
    assertEquals(
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        EthAddress.fromHex("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").checksummed());
    assertTrue(EthAddress.isChecksummed("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    assertFalse(EthAddress.isChecksummed("0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    assertThrows(LitValidationException.class, () -> EthAddress.fromHex("0x1234"));
  }

  @Test
  void badSignatureHexIsATypedError() {
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> EthSignatures.findPersonalSignAddress("m", "0xzz"))
            .getMessage()
            .startsWith("signature"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> EthSignatures.findPersonalSignAddress("m", "00".repeat(64)))
            .getMessage()
            .contains("65 bytes"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> EthSignatures.findPersonalSignAddress("m", "00".repeat(64) + "05"))
            .getMessage()
            .contains("got 5"));
    assertThrows(LitValidationException.class, () -> Web3jEthSigner.fromPrivateKey("0x1234"));
    assertTrue(
        assertThrows(
                LitValidationException.class, () -> Web3jEthSigner.fromPrivateKey("00".repeat(32)))
            .getMessage()
            .contains("privateKey"));
    var tooBig =
        assertThrows(
            LitValidationException.class, () -> Web3jEthSigner.fromPrivateKey("ff".repeat(32)));
    assertFalse(tooBig.getMessage().contains("ffff"), tooBig.getMessage());
  }

  @Test
  void signersNeverPrintTheirKey() {
    assertFalse(SIGNER.toString().contains("91c478"));
    assertTrue(SIGNER.toString().contains(SIGNER.address()));
  }

  @Test
  void signInWithEthereumSignsASiweWithTheSdkDefaultsAndTheCallersFields() {
    java.time.Instant before = java.time.Instant.now().minusSeconds(1);
    AuthSig sig =
        AuthSigs.signInWithEthereum(
            SIGNER, siwe -> siwe.statement("Sign in to my app").nonce("abcdef1234567890"));
    AuthSigs.verifyEip191(sig);
    assertEquals(SIGNER.address(), sig.address());
    io.lit4j.auth.siwe.SiweMessage m = io.lit4j.auth.siwe.SiweMessage.parse(sig.signedMessage());
    assertEquals(SIGNER.address(), m.address());
    assertEquals("localhost", m.domain());
    assertEquals("http://localhost", m.uri());
    assertEquals(1, m.chainId());
    assertEquals("abcdef1234567890", m.nonce());
    assertEquals("Sign in to my app", m.statement().orElseThrow());
    assertFalse(m.issuedAtInstant().isBefore(before));
    assertEquals(
        java.time.Duration.ofHours(24),
        java.time.Duration.between(m.issuedAtInstant(), m.expirationInstant().orElseThrow()));

    AuthSig custom =
        AuthSigs.signInWithEthereum(
            SIGNER, siwe -> siwe.domain("example.com").uri("https://example.com").chainId(137));
    io.lit4j.auth.siwe.SiweMessage c = io.lit4j.auth.siwe.SiweMessage.parse(custom.signedMessage());
    assertEquals("example.com", c.domain());
    assertEquals("https://example.com", c.uri());
    assertEquals(137, c.chainId());
    assertTrue(c.nonce().matches("[A-Za-z0-9]{17}"), c.nonce());
  }

  @Test
  void signInWithEthereumRejectsMissingPartsAndBadFields() {
    assertThrows(LitValidationException.class, () -> AuthSigs.signInWithEthereum(null, b -> {}));
    assertThrows(LitValidationException.class, () -> AuthSigs.signInWithEthereum(SIGNER, null));
    assertThrows(
        io.lit4j.auth.siwe.SiweParseException.class,
        () -> AuthSigs.signInWithEthereum(SIGNER, b -> b.nonce("short")));
  }
}
