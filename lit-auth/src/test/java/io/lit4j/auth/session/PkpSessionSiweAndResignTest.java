package io.lit4j.auth.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.resources.LitAccessControlConditionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.auth.siwe.SiweParseException;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;

class PkpSessionSiweAndResignTest {
  static final String PKP =
      "0x04b5caf00c9f5adc9b22ca460b88482bad44ed4fac8ee63014b727cf60efc568dbdfe498a94fbd9cd294d651529f9fe76e057e9736150eea038415b06f64a87939";
  static final String PKP_ADDRESS = "0xDd66eE5E696911F92e19B8612F711FA508816a6e";

  @Test
  void pkpAddressesAreComputedFromEveryKeyEncoding() {
    assertEquals(PKP_ADDRESS, SessionSiwe.pkpAddress(PKP));
    assertEquals(PKP_ADDRESS, SessionSiwe.pkpAddress(PKP.substring(4)));
    byte[] compressed =
        CustomNamedCurves.getByName("secp256k1")
            .getCurve()
            .decodePoint(Hex.decode(PKP))
            .getEncoded(true);
    assertEquals(PKP_ADDRESS, SessionSiwe.pkpAddress(Hex.encode(compressed)));
    assertThrows(
        LitValidationException.class, () -> SessionSiwe.pkpAddress("0x04" + "00".repeat(64)));
    assertThrows(LitValidationException.class, () -> SessionSiwe.pkpAddress("0x1234"));
    // raw x ‖ y must be a point too
    var raw =
        assertThrows(LitValidationException.class, () -> SessionSiwe.pkpAddress("00".repeat(64)));
    assertTrue(raw.getMessage().contains("pkpPublicKey"), raw.getMessage());
  }

  @Test
  void thePkpSiweHasTheSdkStatementDomainAndRecap() {
    SiweMessage siwe =
        SessionSiwe.pkpBuilder()
            .pkpPublicKey(PKP)
            .sessionKey(SessionSigsTest.key())
            .nonce(SessionSigsTest.NONCE)
            .statement("hi")
            .resourceAbilityRequests(SessionSigsTest.REQS)
            .clock(SessionSigsTest.CLOCK)
            .build();
    assertEquals("litprotocol.com", siwe.domain());
    assertEquals(PKP_ADDRESS, siwe.address());
    assertTrue(
        siwe.statement()
            .orElseThrow()
            .startsWith("Lit Protocol PKP session signature hi I further authorize"));
    assertEquals(1, siwe.resources().orElseThrow().size());
    SiweMessage plain =
        SessionSiwe.pkpBuilder()
            .sessionKey(SessionSigsTest.key())
            .nonce(SessionSigsTest.NONCE)
            .clock(SessionSigsTest.CLOCK)
            .build();
    assertEquals(SessionSiwe.PKP_PLACEHOLDER_ADDRESS, plain.address());
    assertEquals("Lit Protocol PKP session signature", plain.statement().orElseThrow());
    assertTrue(plain.resources().isEmpty());
  }

  @Test
  void aRecapTheSdkCannotVerifyAfterBuildingIsRejected() {
    List<ResourceAbilityRequest> shadowed =
        List.of(
            ResourceAbilityRequest.of(
                LitAccessControlConditionResource.ALL,
                LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION),
            ResourceAbilityRequest.of(
                new LitAccessControlConditionResource("abc"),
                LitAbility.ACCESS_CONTROL_CONDITION_SIGNING));
    assertThrows(
        LitValidationException.class,
        () ->
            SessionSiwe.pkpBuilder()
                .sessionKey(SessionSigsTest.key())
                .nonce(SessionSigsTest.NONCE)
                .resourceAbilityRequests(shadowed)
                .build());
  }

  @Test
  void aFreshCoveringWalletSigNeedsNoResign() {
    AuthSig wallet =
        SessionSiwe.builder()
            .sessionKey(SessionSigsTest.key())
            .nonce(SessionSigsTest.NONCE)
            .resourceAbilityRequests(SessionSigsTest.REQS)
            .clock(SessionSigsTest.CLOCK)
            .buildAndSign(SessionSigsTest.WALLET);
    Instant now = SessionSigsTest.CLOCK.instant();
    String uri = SessionSigsTest.key().uri();
    assertFalse(WalletSigCheck.needToResign(wallet, uri, SessionSigsTest.REQS, now));
    assertTrue(WalletSigCheck.needToResign(wallet, "lit:session:other", SessionSigsTest.REQS, now));
    assertTrue(
        WalletSigCheck.needToResign(wallet, uri, SessionSigsTest.REQS, now.plusSeconds(86400)));
    assertTrue(
        WalletSigCheck.needToResign(
            wallet,
            uri,
            List.of(
                ResourceAbilityRequest.of(
                    LitAccessControlConditionResource.ALL,
                    LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION)),
            now));
    AuthSig badSig =
        new AuthSig(
            "0x1234", wallet.derivedVia(), wallet.signedMessage(), wallet.address(), wallet.algo());
    assertTrue(WalletSigCheck.needToResign(badSig, uri, SessionSigsTest.REQS, now));
  }

  @Test
  void aWalletSigWithoutResourcesNeedsResignAndNonAsciiThrowsLikeTheSdk() {
    SiweMessage noRes =
        SessionSiwe.builder()
            .sessionKey(SessionSigsTest.key())
            .nonce(SessionSigsTest.NONCE)
            .clock(SessionSigsTest.CLOCK)
            .address(SessionSigsTest.WALLET.address())
            .build()
            .toBuilder()
            .resources(null)
            .build();
    AuthSig a = AuthSigs.generate(SessionSigsTest.WALLET, noRes.prepareMessage());
    assertTrue(
        WalletSigCheck.needToResign(
            a,
            SessionSigsTest.key().uri(),
            List.of(ResourceAbilityRequest.of(LitPKPResource.ALL, LitAbility.PKP_SIGNING)),
            SessionSigsTest.CLOCK.instant()));
    SiweMessage nonAscii =
        noRes.toBuilder()
            .statement("Café")
            .resources(List.of(RecapObject.empty().encode()))
            .build();
    AuthSig b = AuthSigs.generate(SessionSigsTest.WALLET, nonAscii.prepareMessage());
    assertThrows(
        SiweParseException.class,
        () ->
            WalletSigCheck.needToResign(
                b, SessionSigsTest.key().uri(), List.of(), SessionSigsTest.CLOCK.instant()));
  }
}
