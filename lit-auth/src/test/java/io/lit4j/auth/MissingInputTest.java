package io.lit4j.auth;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.capacity.CapacityDelegationRequest;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeySignedMessage;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweVerifyOptions;
import io.lit4j.core.errors.LitValidationException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Null parts of lit-auth's public values are typed errors that name the part, not
 * NullPointerExceptions.
 */
class MissingInputTest {
  private static void assertMissing(String field, Executable call) {
    LitValidationException e = assertThrows(LitValidationException.class, call);
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  @Test
  void nullListElementsAndPartsAreNamed() {
    assertMissing(
        "resourceAbilityRequests[0]",
        () ->
            new SessionKeySignedMessage(
                "ab",
                Arrays.asList((ResourceAbilityRequest) null),
                List.of(),
                "2024-01-01T00:00:00.000Z",
                "2024-01-02T00:00:00.000Z",
                "127.0.0.1:7470"));
    assertMissing(
        "capabilities[0]",
        () ->
            new SessionKeySignedMessage(
                "ab",
                List.of(),
                Arrays.asList((io.lit4j.auth.authsig.AuthSig) null),
                "2024-01-01T00:00:00.000Z",
                "2024-01-02T00:00:00.000Z",
                "127.0.0.1:7470"));
    assertMissing(
        "delegateeAddresses[1]",
        () ->
            CapacityDelegationRequest.builder()
                .delegateeAddresses(
                    Arrays.asList("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", null)));
    assertMissing(
        "time",
        () -> new SiweVerifyOptions(Optional.empty(), Optional.empty(), Optional.empty(), null));
    assertMissing(
        "domain",
        () -> new SiweVerifyOptions(null, Optional.empty(), Optional.empty(), Instant.EPOCH));
    assertMissing("credentials", () -> new Web3jEthSigner(null));
    assertMissing(
        "capacityDelegationAuthSig",
        () ->
            io.lit4j.auth.session.SessionSigs.capabilities(
                null,
                io.lit4j.auth.authsig.AuthSig.of(
                    "0x00",
                    "web3.eth.personal.sign",
                    "m",
                    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")));
    assertMissing("sessionSig", () -> io.lit4j.auth.session.SessionSigs.verifySignature(null));
    assertMissing("sessionKey", () -> io.lit4j.auth.session.SessionSigs.signForNode(null, null));
  }
}
