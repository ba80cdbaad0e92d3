package io.lit4j.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

class PermittedAuthMethodTest {
  static final String WALLET = "0xeF71c2604f17Ec6Fc13409DF24EfdC440D240d37";

  static byte[] ethWalletAuthId(String address) {
    return Hash.sha3((address + ":lit").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void ethWalletAuthIdIsKeccakOfAddressColonLit() {
    assertEquals(
        "0x170d13600caea2933912f39a0334eca3d22e472be203f937c4bad0213d92ed71",
        Hex.encode0x(ethWalletAuthId(WALLET)));
  }

  @Test
  void contractKeyOfTheEthWalletAuthMethodMatchesContractsMd() {
    PermittedAuthMethod m =
        PermittedAuthMethod.of(AuthMethodType.ETH_WALLET, ethWalletAuthId(WALLET));
    assertEquals(
        new BigInteger("7af1f1cc872a5fff41c0fe80e8cb8c845523ca9a49ea83a7f280606e1ae5d1ca", 16),
        m.contractKey());
  }

  @Test
  void contractKeyOfAnAddressPermissionUsesTheTwentyRawBytes() {
    PermittedAuthMethod m = PermittedAuthMethod.of(AuthMethodType.ETH_WALLET, Hex.decode(WALLET));
    assertEquals(
        new BigInteger("228a08903c342f677dfe7fadacb8ec5f0fb5a1d20016a25f4091238165b5623a", 16),
        m.contractKey());
  }

  @Test
  void userPubkeyIsNotPartOfTheKeyButIsPartOfEquality() {
    byte[] id = ethWalletAuthId(WALLET);
    PermittedAuthMethod bare = PermittedAuthMethod.of(AuthMethodType.WEB_AUTHN, id);
    PermittedAuthMethod withKey =
        PermittedAuthMethod.of(AuthMethodType.WEB_AUTHN, id, new byte[] {1, 2});
    assertTrue(bare.sameKeyAs(withKey));
    assertEquals(bare.contractKey(), withKey.contractKey());
    assertNotEquals(bare, withKey);
    assertEquals(bare, PermittedAuthMethod.of(AuthMethodType.WEB_AUTHN, id.clone()));
  }

  @Test
  void idAndPubkeyAreCopiedSoTheValueCannotChange() {
    byte[] id = new byte[] {1, 2, 3};
    PermittedAuthMethod m = PermittedAuthMethod.of(AuthMethodType.ETH_WALLET, id);
    id[0] = 9;
    m.id()[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, m.id());
  }

  @Test
  void invalidAuthMethodsAreRejectedNamingTheField() {
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> new PermittedAuthMethod(0, new byte[1], new byte[0]))
            .getMessage()
            .contains("authMethodType"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> PermittedAuthMethod.of(AuthMethodType.ETH_WALLET, new byte[0]))
            .getMessage()
            .contains("id"));
    assertTrue(
        assertThrows(
                LitValidationException.class, () -> new PermittedAuthMethod(1, new byte[1], null))
            .getMessage()
            .contains("userPubkey"));
  }

  @Test
  void anEthWalletAuthMethodMapsToTheSdksIdForItsAddressString() {
    String authSig =
        "{\"sig\":\"0x00\",\"derivedVia\":\"web3.eth.personal.sign\",\"signedMessage\":\"m\",\"address\":\""
            + WALLET
            + "\"}";
    PermittedAuthMethod m =
        PermittedAuthMethod.from(new io.lit4j.auth.methods.AuthMethod(1, authSig));
    assertEquals(1, m.authMethodType());
    assertEquals("0x170d13600caea2933912f39a0334eca3d22e472be203f937c4bad0213d92ed71", m.idHex());
    assertEquals(0, m.userPubkey().length);
    assertArrayEquals(
        new byte[] {4, 5},
        PermittedAuthMethod.from(
                new io.lit4j.auth.methods.AuthMethod(1, authSig), new byte[] {4, 5})
            .userPubkey());
  }

  @Test
  void anAuthMethodWithoutAnIdRuleOrTokenIsRejected() {
    assertThrows(
        io.lit4j.auth.methods.UnsupportedAuthMethodException.class,
        () -> PermittedAuthMethod.from(new io.lit4j.auth.methods.AuthMethod(4, "discord-token")));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> PermittedAuthMethod.from(new io.lit4j.auth.methods.AuthMethod(1, "")))
            .getMessage()
            .contains("accessToken"));
  }
}
