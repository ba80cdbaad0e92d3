package io.lit4j.crypto.bls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.crypto.bls.internal.Lagrange;
import io.lit4j.crypto.bls.internal.ShareSum;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * The short-coefficient combination gives exactly the textbook Lagrange combination, for every
 * subset and order.
 */
class ShareSumTest {
  private static final byte[] MESSAGE =
      "lit-accesscontrolcondition://ab/cd".getBytes(StandardCharsets.UTF_8);

  @Test
  void everySubsetInAnyOrderCombinesToTheLagrangeResult() {
    BlsKeySet keys =
        TestKeySets.deal(3, 6, "lit4j-share-sum-test-seed".getBytes(StandardCharsets.UTF_8));
    Random random = new Random(7);
    int subsets = 0;
    for (int mask = 0; mask < 1 << 6; mask++) {
      if (Integer.bitCount(mask) < 3) continue;
      List<BlsSignatureShare> shares = new ArrayList<>();
      for (int i = 0; i < 6; i++)
        if ((mask & 1 << i) != 0) shares.add(keys.shares().get(i).sign(MESSAGE));
      Collections.shuffle(shares, random);
      BlsSignature combined = Bls.combineSignatureShares(shares);
      assertArrayEquals(textbook(shares), combined.bytes(), "shares " + ids(shares));
      assertTrue(Bls.verify(keys.publicKey(), MESSAGE, combined), "shares " + ids(shares));
      subsets++;
    }
    assertEquals(42, subsets);
  }

  @Test
  void identifiersFarApartFallBackToFullCoefficientsAndStillCombine() {
    BlsKeySet keys =
        TestKeySets.deal(30, 250, "lit4j-share-sum-test-seed".getBytes(StandardCharsets.UTF_8));
    List<BlsSignatureShare> all =
        new ArrayList<>(keys.shares().stream().map(s -> s.sign(MESSAGE)).toList());
    Collections.shuffle(all, new Random(11));
    List<BlsSignatureShare> shares = all.subList(0, 30);
    ShareSum sum = ShareSum.of(shares);
    assertEquals(BigInteger.ONE, sum.scale(), "coefficients this large use the full λᵢ");
    assertArrayEquals(textbook(shares), Bls.combineSignatureShares(shares).bytes());
    assertTrue(Bls.verify(keys.publicKey(), MESSAGE, Bls.combineSignatureShares(shares)));
  }

  @Test
  void verifyAndDecryptRefusesSharesOverAnotherIdentityEvenWhenTheyOpenTheCiphertext() {
    BlsKeySet keys =
        TestKeySets.deal(3, 5, "lit4j-share-sum-test-seed".getBytes(StandardCharsets.UTF_8));
    byte[] other = "lit-accesscontrolcondition://ef/01".getBytes(StandardCharsets.UTF_8);
    byte[] ct =
        TimeCrypt.encrypt(keys.publicKey(), "secret".getBytes(StandardCharsets.UTF_8), other);
    List<BlsSignatureShare> overOther =
        keys.shares().subList(1, 4).stream().map(s -> s.sign(other)).toList();
    assertArrayEquals(
        "secret".getBytes(StandardCharsets.UTF_8),
        TimeCrypt.verifyAndDecrypt(keys.publicKey(), other, ct, overOther));
    LitCryptoException e =
        assertThrows(
            LitCryptoException.class,
            () -> TimeCrypt.verifyAndDecrypt(keys.publicKey(), MESSAGE, ct, overOther));
    assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
  }

  private static byte[] textbook(List<BlsSignatureShare> shares) {
    BigInteger[] lambdas =
        Lagrange.coefficientsAtZero(shares.stream().map(BlsSignatureShare::identifier).toList());
    P2 sum = new P2();
    for (int i = 0; i < shares.size(); i++) {
      sum = sum.add(new P2(new P2_Affine(shares.get(i).point())).mult(lambdas[i]));
    }
    return sum.compress();
  }

  private static List<Integer> ids(List<BlsSignatureShare> shares) {
    return shares.stream().map(BlsSignatureShare::identifier).toList();
  }
}
