package io.lit4j.localnet.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.ecdsa.EcdsaShareCombiner;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.ecdsa.SigningSubset;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.crypto.eth.Secp256k1;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.hd.HdKeyId;
import io.lit4j.crypto.hd.HdKeys;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Dealer → node shares by the test-network recipe → node JSON → client parse and combine → verify.
 */
class ThresholdEcdsaRoundTripTest {
  static final K256RootKeyShares KEYS =
      K256KeyDealer.seeded("round trip".getBytes(StandardCharsets.UTF_8)).deal(10, 3, 5);
  static final SimulatedEcdsaSigner SIGNER =
      new SimulatedEcdsaSigner("shared localnet secret".getBytes(StandardCharsets.UTF_8));
  static final List<Integer> ALL = List.of(0, 1, 2, 3, 4);

  /**
   * Each node signs on its own (its key share only), answers in the route's JSON, the client
   * parses.
   */
  static List<Optional<EcdsaSignatureShare>> overTheWire(
      String route, HdKeyId keyId, byte[] digest, String requestId) {
    List<Optional<EcdsaSignatureShare>> parsed = new ArrayList<>();
    for (K256NodeKeyShare node : KEYS.nodeShares()) {
      List<Integer> subset = SigningSubset.select(ALL, node.threshold(), digest, requestId);
      Optional<EcdsaSignatureShare> share =
          SIGNER.signShare(node, keyId, digest, requestId, subset, "sig");
      Secp256k1PublicKey pk = node.derivedPublicKey(keyId);
      JsonNode json =
          switch (route) {
            case "session" ->
                share
                    .map(s -> EcdsaShareJson.writeSignSessionKey(s, "siwe"))
                    .orElseGet(() -> EcdsaShareJson.writeEmptySignSessionKey(digest, pk, "siwe"));
            case "execute" ->
                share
                    .map(EcdsaShareJson::writeExecute)
                    .orElseGet(() -> EcdsaShareJson.writeEmptyExecute("sig"));
            default ->
                share
                    .map(EcdsaShareJson::writePkpSign)
                    .orElseGet(EcdsaShareJson::writeEmptyPkpSign);
          };
      JsonNode received = LitJson.parse(LitJson.write(json), "node response");
      parsed.add(
          switch (route) {
            case "session" -> EcdsaShareJson.parseSignSessionKey(received);
            case "execute" -> EcdsaShareJson.parseExecute(received);
            default -> EcdsaShareJson.parsePkpSign(received);
          });
    }
    return parsed;
  }

  @Test
  void aPkpSignatureMadeByThreeOfFiveNodesVerifiesOnEveryRoute() {
    HdKeyId keyId = HdKeys.computeHDKeyId("user-42", "lit");
    Secp256k1PublicKey pkp = HdKeys.derivePublicKey(keyId, KEYS.rootPublicKeys());
    for (String route : List.of("session", "execute", "pkp")) {
      for (int i = 0; i < 4; i++) {
        byte[] digest = EthHash.personalMessageHash(route + " message " + i);
        List<Optional<EcdsaSignatureShare>> answers =
            overTheWire(route, keyId, digest, "req-" + route + i);
        assertEquals(
            2,
            answers.stream().filter(Optional::isEmpty).count(),
            "two nodes are outside the subset");
        EcdsaSignature sig =
            EcdsaShareCombiner.combine(answers.stream().flatMap(Optional::stream).toList(), 3);
        assertTrue(sig.verify());
        assertEquals(pkp, sig.publicKey());
        assertEquals(pkp.ethAddress(), EthSignatures.recoverAddress(digest, sig.signature()));
      }
    }
  }

  @Test
  void theNodesDerivedSecretSharesInterpolateToTheDerivedSecret() {
    HdKeyId keyId = HdKeys.computeHDKeyId("a", "b");
    BigInteger secret = HdKeys.deriveSecret(keyId, KEYS.rootSecrets());
    List<Integer> subset = List.of(1, 3, 4);
    BigInteger interpolated = BigInteger.ZERO;
    for (int i : subset) {
      interpolated =
          interpolated.add(
              SimulatedEcdsaSigner.lagrangeAtZero(i, subset)
                  .multiply(KEYS.nodeShare(i).derivedSecretShare(keyId)));
    }
    assertEquals(secret, interpolated.mod(Secp256k1.ORDER));
    assertEquals(
        HdKeys.derivePublicKey(keyId, KEYS.rootPublicKeys()).hex(),
        io.lit4j.core.util.Hex.encode(Secp256k1.multiplyGenerator(secret).uncompressed()));
  }

  @Test
  void aSeededDealerIsDeterministic() {
    K256RootKeyShares again =
        K256KeyDealer.seeded("round trip".getBytes(StandardCharsets.UTF_8)).deal(10, 3, 5);
    assertEquals(KEYS.rootPublicKeys(), again.rootPublicKeys());
    assertEquals(KEYS.nodeShare(2).rootSecretShares(), again.nodeShare(2).rootSecretShares());
    assertNotEquals(
        KEYS.rootPublicKeys(),
        K256KeyDealer.seeded(new byte[] {1}).deal(10, 3, 5).rootPublicKeys());
    assertEquals(10, K256KeyDealer.random().deal(10, 2, 3).rootPublicKeys().size());
  }

  @Test
  void secretsNeverAppearInToString() {
    String shown = KEYS.toString() + KEYS.nodeShare(0) + SIGNER;
    assertTrue(
        !shown.contains(KEYS.rootSecrets().get(0).toString(16))
            && !shown.contains(KEYS.nodeShare(0).rootSecretShares().get(0).toString()));
    assertTrue(shown.contains("hidden"));
  }

  @Test
  void aNodeWithAnotherRequestIdBreaksTheCombineAsRealNodesWould() {
    HdKeyId keyId = HdKeys.computeHDKeyId("x", "y");
    byte[] digest = EthHash.personalMessageHash("m");
    List<Integer> subset = SigningSubset.select(ALL, 3, digest, "req");
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    for (int i : subset) {
      String rid = i == subset.get(2) ? "other" : "req";
      shares.add(
          SIGNER.signShare(KEYS.nodeShare(i), keyId, digest, rid, subset, "sig").orElseThrow());
    }
    var e = assertThrows(LitCryptoException.class, () -> EcdsaShareCombiner.combine(shares, 3));
    assertTrue(e.getMessage().contains("big R"), e.getMessage());
  }

  @Test
  void theNonceDependsOnRequestDigestAndKey() {
    Secp256k1PublicKey pk = KEYS.rootPublicKeys().get(0);
    byte[] d = EthHash.personalMessageHash("m");
    BigInteger k = SIGNER.nonce("r", d, pk);
    assertEquals(k, SIGNER.nonce("r", d, pk));
    assertNotEquals(k, SIGNER.nonce("r2", d, pk));
    assertNotEquals(k, SIGNER.nonce("r", EthHash.personalMessageHash("n"), pk));
    assertNotEquals(k, SIGNER.nonce("r", d, KEYS.rootPublicKeys().get(1)));
    assertNotEquals(k, new SimulatedEcdsaSigner(new byte[16]).nonce("r", d, pk));
  }

  @Test
  void signingRejectsDigestsThatAreNotThirtyTwoBytesBelowN() {
    HdKeyId keyId = HdKeys.computeHDKeyId("x", "y");
    assertThrows(
        LitValidationException.class,
        () -> SIGNER.signShare(KEYS.nodeShare(0), keyId, new byte[31], "r", ALL, "sig"));
    byte[] high = new byte[32];
    java.util.Arrays.fill(high, (byte) 0xff);
    assertThrows(
        LitValidationException.class,
        () -> SIGNER.signShare(KEYS.nodeShare(0), keyId, high, "r", ALL, "sig"));
    assertThrows(
        LitValidationException.class,
        () -> SIGNER.signShare(KEYS.nodeShare(0), keyId, new byte[32], "r", List.of(0, 1), "sig"));
    assertThrows(LitValidationException.class, () -> new SimulatedEcdsaSigner(new byte[8]));
  }

  @Test
  void dealingRejectsBadCounts() {
    K256KeyDealer d = K256KeyDealer.seeded(new byte[] {7});
    assertThrows(LitValidationException.class, () -> d.deal(1, 2, 3));
    assertThrows(LitValidationException.class, () -> d.deal(2, 4, 3));
    assertThrows(LitValidationException.class, () -> d.deal(2, 0, 3));
    assertThrows(LitValidationException.class, () -> K256KeyDealer.seeded(new byte[0]));
  }
}
