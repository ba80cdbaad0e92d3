package io.lit4j.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.capacity.CapacityDelegation;
import io.lit4j.auth.capacity.CapacityDelegationRequest;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.methods.AuthMethodIds;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.resources.LitRLIResource;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.session.SessionSiwe;
import io.lit4j.auth.session.WalletSigCheck;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.EthHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/** Samples of docs/modules/lit-auth.md and docs/concepts.md (session sigs, delegation). */
class AuthSampleTest {
  static final String BLOCKHASH = "0x" + "ab".repeat(32); // on a network: client.getLatestBlockhash()
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void aWalletDelegatesToASessionKeyAndTheSessionKeySignsForEachNode() throws Exception {
    Web3jEthSigner wallet = new Web3jEthSigner(Credentials.create(Keys.createEcKeyPair()));
    List<String> nodeUrls = List.of("http://127.0.0.1:7470", "http://127.0.0.1:7471", "http://127.0.0.1:7472");

    // docs:start session
    SessionKeyPair sessionKey = SessionKeyPair.generate(); // ed25519; keep the secret to yourself
    List<ResourceAbilityRequest> abilities = List.of(
        ResourceAbilityRequest.of(LitPKPResource.ALL, LitAbility.PKP_SIGNING),
        ResourceAbilityRequest.of(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION));

    // the wallet signs a SIWE (EIP-4361) whose ReCap (EIP-5573) grants these abilities to the session key
    SiweMessage siwe = SessionSiwe.builder()
        .address(wallet.address()).sessionKey(sessionKey).nonce(BLOCKHASH)
        .resourceAbilityRequests(abilities).expiration(Instant.parse("2024-05-02T12:00:00Z"))
        .clock(CLOCK).build();
    AuthSig walletSig = AuthSigs.generate(wallet, siwe.prepareMessage());

    // the session key signs one message per node: nodeAddress = that node's URL, TTL 5 minutes
    SessionSigs sessionSigs = SessionSigs.sign(sessionKey, abilities,
        SessionSigs.capabilities(Optional.empty(), walletSig), nodeUrls, CLOCK);
    AuthSig forFirstNode = sessionSigs.forNode("http://127.0.0.1:7470");
    // docs:end session

    AuthSigs.verifyEip191(walletSig);
    assertTrue(RecapObject.extract(siwe).verifyCapabilitiesForResource(LitPKPResource.ALL, LitAbility.PKP_SIGNING));
    assertTrue(SessionSigs.verifySignature(forFirstNode));
    assertEquals(nodeUrls, sessionSigs.nodeUrls());
    assertEquals(Duration.ofMinutes(5), SessionSigs.V4_SESSION_TTL);
    assertFalse(WalletSigCheck.needToResign(walletSig, sessionKey.uri(), abilities, CLOCK.instant()));
    assertTrue(WalletSigCheck.needToResign(walletSig, SessionKeyPair.generate().uri(), abilities, CLOCK.instant()));
  }

  @Test
  void anEthWalletAuthMethodIdIsTheKeccakOfAddressColonLit() throws Exception {
    Web3jEthSigner wallet = new Web3jEthSigner(Credentials.create(Keys.createEcKeyPair()));
    AuthSig walletSig = SessionSiwe.builder().sessionKey(SessionKeyPair.generate()).nonce(BLOCKHASH).clock(CLOCK)
        .buildAndSign(wallet);

    // docs:start authmethod
    AuthMethod ethWallet = AuthMethod.ethWallet(walletSig); // {authMethodType: 1, accessToken: <auth sig JSON>}
    byte[] id = AuthMethodIds.authMethodId(ethWallet);      // keccak256("<address>:lit"), the on-chain id
    // docs:end authmethod

    assertEquals(AuthMethodIds.authMethodIdHex(ethWallet), "0x" + io.lit4j.core.util.Hex.encode(id));
    assertEquals(io.lit4j.core.util.Hex.encode(EthHash.keccak256Utf8(walletSig.address() + ":lit")), io.lit4j.core.util.Hex.encode(id));
  }

  @Test
  void aCapacityDelegationGrantsRateLimitIncreaseOnOneTokenToTheDelegatees() throws Exception {
    Web3jEthSigner owner = new Web3jEthSigner(Credentials.create(Keys.createEcKeyPair()));
    String delegatee = "0x" + "12".repeat(20);

    // docs:start delegation
    CapacityDelegation delegation = CapacityDelegation.create(owner,
        CapacityDelegationRequest.builder()
            .capacityTokenId("42")
            .delegateeAddresses(List.of(delegatee))
            .uses(5)
            .nonce(BLOCKHASH)
            .build(),
        CLOCK);
    AuthSig capability = delegation.capacityDelegationAuthSig(); // put it before the wallet sig in capabilities
    // docs:end delegation

    SiweMessage siwe = SiweMessage.parse(capability.signedMessage());
    assertEquals("lit:capability:delegation", siwe.uri());
    assertTrue(RecapObject.extract(siwe).verifyCapabilitiesForResource(new LitRLIResource("42"), LitAbility.RATE_LIMIT_INCREASE_AUTHENTICATION));
    assertEquals(Instant.parse("2024-05-01T12:07:00Z"), siwe.expirationInstant().orElseThrow());
    assertThrows(LitValidationException.class, () -> CapacityDelegation.create(owner, CapacityDelegationRequest.builder().capacityTokenId("42").build(), CLOCK));
  }
}
