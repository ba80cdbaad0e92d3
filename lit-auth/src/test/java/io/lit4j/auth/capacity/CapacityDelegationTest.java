package io.lit4j.auth.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapacityDelegationTest {
  static final Web3jEthSigner OWNER =
      Web3jEthSigner.fromPrivateKey(
          "0xc7f69179a5cc15dbaef4d2ade9ab51e061cfdb3bc94ac518ed974eafaa6b7216");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void theSpecDelegationRecapAndStatementAreReproduced() {
    CapacityDelegationRequest req =
        CapacityDelegationRequest.builder()
            .capacityTokenId("123")
            .delegateeAddresses(List.of("0x1111111111111111111111111111111111111111"))
            .uses("5")
            .nonce("0xabcdef0123456789")
            .build();
    SiweMessage siwe = CapacityDelegation.siweMessage(OWNER.address(), req, CLOCK);
    RecapObject recap = RecapObject.extractAndVerify(siwe);
    assertEquals(
        "{\"att\":{\"lit-ratelimitincrease://123\":{\"Auth/Auth\":[{\"delegate_to\":[\"1111111111111111111111111111111111111111\"],\"nft_id\":[\"123\"],\"uses\":\"5\"}]}},\"prf\":[]}",
        recap.toCanonicalJson());
    assertEquals(
        "urn:recap:eyJhdHQiOnsibGl0LXJhdGVsaW1pdGluY3JlYXNlOi8vMTIzIjp7IkF1dGgvQXV0aCI6W3siZGVsZWdhdGVfdG8iOlsiMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMSJdLCJuZnRfaWQiOlsiMTIzIl0sInVzZXMiOiI1In1dfX0sInByZiI6W119",
        recap.encode());
    assertEquals(
        " I further authorize the stated URI to perform the following actions on my behalf: (1) 'Auth': 'Auth' for 'lit-ratelimitincrease://123'.",
        siwe.statement().orElseThrow());
    assertEquals("lit:capability:delegation", siwe.uri());
    assertEquals("example.com", siwe.domain());
    assertEquals("2024-06-01T12:07:00.000Z", siwe.expirationTime().orElseThrow());
  }

  @Test
  void aLowercaseOwnerAddressIsWrittenInItsEip55Spelling() {
    CapacityDelegationRequest req =
        CapacityDelegationRequest.builder()
            .capacityTokenId("123")
            .nonce("0xabcdef0123456789")
            .build();
    SiweMessage siwe =
        CapacityDelegation.siweMessage(
            OWNER.address().toLowerCase(java.util.Locale.ROOT), req, CLOCK);
    assertEquals(OWNER.address(), siwe.address());
    assertEquals(
        CapacityDelegation.siweMessage(OWNER.address(), req, CLOCK).prepareMessage(),
        siwe.prepareMessage());
  }

  @Test
  void theAuthSigHasTheSdkShape() {
    CapacityDelegation d =
        CapacityDelegation.create(
            OWNER, CapacityDelegationRequest.builder().nonce("0xabcdef0123456789").build(), CLOCK);
    AuthSig a = d.capacityDelegationAuthSig();
    assertEquals("*", d.litResource().resource());
    assertEquals(130, a.sig().length());
    assertEquals("c26c9dcb7ed5703b893db904f5afab51b7bb0f61", a.address());
    assertEquals(AuthSig.Algo.NULL, a.algo());
    assertTrue(a.toJson().endsWith(",\"algo\":null}"));
    AuthSigs.verifyEip191(a);
  }

  @Test
  void missingNonceSignerOrUsesIsRejected() {
    CapacityDelegationRequest noNonce = CapacityDelegationRequest.builder().build();
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> CapacityDelegation.create(OWNER, noNonce, CLOCK))
            .getMessage()
            .contains("nonce is missing"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    CapacityDelegation.create(
                        CapacityDelegationRequest.builder().nonce("0xabcdef0123").build()))
            .getMessage()
            .contains("signer is missing"));
    assertThrows(
        LitValidationException.class,
        () -> CapacityDelegationRequest.builder().nonce("0xabcdef0123").uses("").build());
    assertThrows(
        LitValidationException.class, () -> CapacityDelegationRequest.builder().uses(0).build());
    assertThrows(
        LitValidationException.class,
        () -> CapacityDelegationRequest.builder().capacityTokenId("0x2a"));
    assertThrows(
        LitValidationException.class,
        () -> CapacityDelegationRequest.builder().expiration(Duration.ZERO).build());
  }

  @Test
  void delegateesAreWrittenInTheirChecksummedFormAndAbsentMeansAnyone() {
    EthAddress a = EthAddress.fromHex("0x" + "ab".repeat(20));
    CapacityDelegationRequest r =
        CapacityDelegationRequest.builder()
            .signer(OWNER)
            .delegatee(a)
            .nonce("0xabcdef0123")
            .build();
    assertEquals(List.of(a.checksummed()), r.delegateeAddresses().orElseThrow());
    assertEquals(
        List.of(Hex.strip0x(a.checksummed())),
        RecapObject.extract(
                SiweMessage.parse(
                    CapacityDelegation.create(r).capacityDelegationAuthSig().signedMessage()))
            .attenuations()
            .get("lit-ratelimitincrease://*")
            .get("Auth/Auth")
            .get(0)
            .get("delegate_to"));
    CapacityDelegationRequest anyone = CapacityDelegationRequest.builder().signer(OWNER).build();
    assertTrue(anyone.delegateeAddresses().isEmpty(), "no delegatees: the field is left out");
    assertTrue(
        CapacityDelegationRequest.builder()
            .delegatees(List.of())
            .build()
            .delegateeAddresses()
            .orElseThrow()
            .isEmpty(),
        "an empty list is kept, as 4.2.0 writes delegate_to: []");
  }

  @Test
  void aLifetimeCountsFromTheIssueTimeAndWithNonceKeepsTheRest() {
    CapacityDelegationRequest r =
        CapacityDelegationRequest.builder()
            .signer(OWNER)
            .capacityTokenId(java.math.BigInteger.valueOf(7))
            .expiration(Duration.ofHours(1))
            .clock(CLOCK)
            .build();
    CapacityDelegationRequest withNonce = r.withNonce("0xabcdef0123");
    assertEquals(Optional.of("0xabcdef0123"), withNonce.nonce());
    assertEquals(r.capacityTokenId(), withNonce.capacityTokenId());
    assertEquals(r.lifetime(), withNonce.lifetime());
    SiweMessage siwe =
        SiweMessage.parse(
            CapacityDelegation.create(withNonce).capacityDelegationAuthSig().signedMessage());
    assertEquals(
        siwe.issuedAtInstant().plus(Duration.ofHours(1)), siwe.expirationInstant().orElseThrow());
    assertEquals("0xabcdef0123", siwe.nonce());
  }
}
