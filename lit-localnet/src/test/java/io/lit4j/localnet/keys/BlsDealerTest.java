package io.lit4j.localnet.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.bls.Bls;
import io.lit4j.crypto.bls.BlsKeySet;
import io.lit4j.crypto.bls.BlsSecretKeyShare;
import io.lit4j.crypto.bls.BlsSignature;
import io.lit4j.crypto.bls.BlsSignatureShare;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BlsDealerTest {
  static final byte[] SEED = "lit4j unit test network key seed".getBytes(StandardCharsets.US_ASCII);
  static final byte[] MESSAGE =
      "lit-accesscontrolcondition://aa/bb".getBytes(StandardCharsets.UTF_8);

  static List<BlsSignatureShare> sign(BlsKeySet keys, byte[] message, int... identifiers) {
    List<BlsSignatureShare> out = new ArrayList<>();
    for (int id : identifiers) out.add(keys.shares().get(id - 1).sign(message));
    return out;
  }

  @Test
  void anyThresholdOfDealtSharesCombinesToOneSignatureThatVerifies() {
    BlsKeySet keys = BlsDealer.deal(3, 5, SEED);
    BlsSignature first = Bls.combineSignatureShares(sign(keys, MESSAGE, 1, 2, 3));
    assertTrue(Bls.verify(keys.publicKey(), MESSAGE, first));
    assertEquals(first, Bls.combineSignatureShares(sign(keys, MESSAGE, 5, 2, 4)));
    assertEquals(first, Bls.combineSignatureShares(sign(keys, MESSAGE, 1, 2, 3, 4, 5)));
    assertEquals(
        first, Bls.combineAndVerify(keys.publicKey(), MESSAGE, sign(keys, MESSAGE, 3, 4, 5)));
  }

  @Test
  void fewerSharesThanTheThresholdCombineButDoNotVerify() {
    BlsKeySet keys = BlsDealer.deal(3, 5, SEED);
    List<BlsSignatureShare> two = sign(keys, MESSAGE, 1, 4);
    assertFalse(Bls.verify(keys.publicKey(), MESSAGE, Bls.combineSignatureShares(two)));
    assertRefused(
        LitCryptoException.class,
        "does not verify",
        () -> Bls.combineAndVerify(keys.publicKey(), MESSAGE, two));
  }

  @Test
  void aBadShareMakesTheCombinationFailVerification() {
    BlsKeySet keys = BlsDealer.deal(2, 3, SEED);
    List<BlsSignatureShare> shares = sign(keys, MESSAGE, 1);
    shares.add(keys.shares().get(1).sign("another message".getBytes(StandardCharsets.UTF_8)));
    assertRefused(
        LitCryptoException.class,
        "does not verify",
        () -> Bls.combineAndVerify(keys.publicKey(), MESSAGE, shares));
  }

  @Test
  void aSignatureDoesNotVerifyForAnotherMessageOrKey() {
    BlsKeySet keys = BlsDealer.deal(2, 3, SEED);
    BlsSignature sig = Bls.combineSignatureShares(sign(keys, MESSAGE, 1, 3));
    assertFalse(Bls.verify(keys.publicKey(), "other".getBytes(StandardCharsets.UTF_8), sig));
    assertFalse(Bls.verify(BlsDealer.deal(2, 3, new SecureRandom()).publicKey(), MESSAGE, sig));
    assertRefused(
        LitCryptoException.class,
        "does not verify",
        () -> Bls.requireValid(keys.publicKey(), new byte[0], sig));
  }

  @Test
  void aSingleShareIsRefused() {
    BlsKeySet keys = BlsDealer.deal(2, 3, SEED);
    assertRefused(
        LitValidationException.class,
        "at least 2",
        () -> Bls.combineSignatureShares(sign(keys, MESSAGE, 2)));
    assertRefused(
        LitValidationException.class, "at least 2", () -> Bls.combineSignatureShares(List.of()));
    assertRefused(LitValidationException.class, "missing", () -> Bls.combineSignatureShares(null));
  }

  @Test
  void duplicateIdentifiersAreRefused() {
    BlsKeySet keys = BlsDealer.deal(2, 3, SEED);
    assertRefused(
        LitValidationException.class,
        "duplicate identifier 2",
        () -> Bls.combineSignatureShares(sign(keys, MESSAGE, 1, 2, 2)));
  }

  @Test
  void theSeededDealerIsDeterministicAndMatchesItsPublicKey() {
    BlsKeySet a = BlsDealer.deal(3, 5, SEED);
    BlsKeySet b = BlsDealer.deal(3, 5, SEED.clone());
    assertEquals(a, b);
    assertNotEquals(
        a.publicKey(),
        BlsDealer.deal(3, 5, "another seed for the dealer ....".getBytes(StandardCharsets.US_ASCII))
            .publicKey());
    assertEquals(5, a.size());
    assertEquals(3, a.threshold());
    assertEquals(2, a.shareForIndex(1).orElseThrow().identifier());
    assertTrue(a.shareForIndex(5).isEmpty());
    assertTrue(a.shareForIndex(-1).isEmpty());
  }

  @Test
  void theRandomDealerMakesWorkingKeys() {
    BlsKeySet keys = BlsDealer.deal(2, 2, new SecureRandom());
    assertTrue(
        Bls.verify(
            keys.publicKey(), MESSAGE, Bls.combineSignatureShares(sign(keys, MESSAGE, 2, 1))));
  }

  @Test
  void theDealerRefusesImpossibleSizes() {
    assertRefused(LitValidationException.class, "threshold", () -> BlsDealer.deal(1, 3, SEED));
    assertRefused(LitValidationException.class, "threshold", () -> BlsDealer.deal(4, 3, SEED));
    assertRefused(LitValidationException.class, "share count", () -> BlsDealer.deal(2, 256, SEED));
    assertRefused(LitValidationException.class, "seed", () -> BlsDealer.deal(2, 3, new byte[8]));
    assertRefused(
        LitValidationException.class,
        "must not be 0",
        () ->
            BlsDealer.fromPolynomial(
                List.of(java.math.BigInteger.ZERO, java.math.BigInteger.ONE), 3));
  }

  @Test
  void secretSharesNeverShowTheirValue() {
    BlsSecretKeyShare share = BlsDealer.deal(2, 3, SEED).shares().get(0);
    String hex = io.lit4j.core.util.Hex.encode(share.valueBytes());
    assertFalse(share.toString().contains(hex));
    assertFalse(share.toString().contains(share.value().toString()));
    assertFalse(BlsDealer.deal(2, 3, SEED).toString().contains(share.value().toString(16)));
  }

  @Test
  void aPublicKeyShareVerifiesItsOwnSignatureShare() {
    BlsSecretKeyShare share = BlsDealer.deal(2, 3, SEED).shares().get(2);
    BlsSignatureShare sigShare = share.sign(MESSAGE);
    assertTrue(
        Bls.verify(share.publicKeyShare(), MESSAGE, BlsSignature.fromBytes(sigShare.point())));
    assertEquals(3, sigShare.identifier());
  }

  static void assertRefused(Class<? extends LitException> type, String messagePart, Executable e) {
    LitException ex = assertThrows(type, e);
    assertTrue(
        ex.getMessage().contains(messagePart),
        "message \"" + ex.getMessage() + "\" lacks \"" + messagePart + "\"");
  }
}
