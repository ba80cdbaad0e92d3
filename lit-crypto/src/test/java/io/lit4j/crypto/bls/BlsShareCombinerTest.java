package io.lit4j.crypto.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitCryptoException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlsShareCombinerTest {
  static final byte[] MSG = "identity".getBytes(StandardCharsets.UTF_8);
  static final BlsKeySet KEYS =
      TestKeySets.deal(6, 10, "lit4j share combiner unit test".getBytes(StandardCharsets.UTF_8));

  static List<BlsSignatureShare> shares(Set<Integer> badPositions) {
    List<BlsSignatureShare> out = new ArrayList<>();
    for (int i = 0; i < KEYS.shares().size(); i++) {
      out.add(
          KEYS.shares()
              .get(i)
              .sign(
                  badPositions.contains(i)
                      ? "another message".getBytes(StandardCharsets.UTF_8)
                      : MSG));
    }
    return out;
  }

  @Test
  void cleanSharesVerifyWithOnePairingCheck() {
    BlsShareCombiner.Combined c =
        BlsShareCombiner.combineTolerant(KEYS.publicKey(), MSG, shares(Set.of()), 6, 32);
    assertTrue(Bls.verify(KEYS.publicKey(), MSG, c.signature()));
    assertEquals(1, c.pairingChecks());
    assertTrue(c.suspectIdentifiers().isEmpty());
  }

  @Test
  void oneWrongShareAnywhereIsNamedByTheParityChecksAndCostsTwoPairingChecks() {
    for (int bad = 0; bad < 8; bad++) {
      List<BlsSignatureShare> s = shares(Set.of(bad));
      BlsShareCombiner.Combined c =
          BlsShareCombiner.combineTolerant(KEYS.publicKey(), MSG, s, 6, 32);
      assertTrue(Bls.verify(KEYS.publicKey(), MSG, c.signature()));
      assertFalse(
          c.usedIdentifiers().contains(s.get(bad).identifier()), "bad share " + bad + " left out");
      if (bad < 6) {
        assertEquals(
            List.of(s.get(bad).identifier()),
            c.suspectIdentifiers(),
            "bad share " + bad + " named");
        assertEquals(2, c.pairingChecks(), "bad share " + bad);
      } else {
        assertEquals(1, c.pairingChecks(), "a bad share after the first t is never touched");
      }
    }
  }

  @Test
  void twoWrongSharesAreFoundByTheBoundedSearch() {
    List<BlsSignatureShare> s = shares(Set.of(0, 3));
    BlsShareCombiner.Combined c =
        BlsShareCombiner.combineTolerant(KEYS.publicKey(), MSG, s, 6, 500);
    assertTrue(Bls.verify(KEYS.publicKey(), MSG, c.signature()));
    assertFalse(c.usedIdentifiers().contains(s.get(0).identifier()));
    assertFalse(c.usedIdentifiers().contains(s.get(3).identifier()));
  }

  @Test
  void theSearchStopsAtItsBoundWithATypedError() {
    List<BlsSignatureShare> s = shares(Set.of(0, 1, 2, 3, 4));
    LitCryptoException e =
        assertThrows(
            LitCryptoException.class,
            () -> BlsShareCombiner.combineTolerant(KEYS.publicKey(), MSG, s, 6, 5));
    assertTrue(e.getMessage().contains("5 combinations checked"), e.getMessage());
    assertThrows(
        LitCryptoException.class,
        () -> BlsShareCombiner.combineTolerant(KEYS.publicKey(), MSG, s.subList(0, 5), 6, 5));
  }

  @Test
  void withOneSpareShareAWrongOneIsStillFoundBySearch() {
    List<BlsSignatureShare> s = shares(Set.of(2)).subList(0, 7);
    BlsShareCombiner.Combined c = BlsShareCombiner.combineTolerant(KEYS.publicKey(), MSG, s, 6, 32);
    assertTrue(Bls.verify(KEYS.publicKey(), MSG, c.signature()));
  }
}
