package io.lit4j.examples.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lit4j.core.acc.AccessControlConditionResource;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.EvmBasicCondition;
import io.lit4j.core.acc.InvalidAccessControlConditionsException;
import io.lit4j.core.acc.ReturnValueTest;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.localnet.keys.BlsDealer;
import io.lit4j.crypto.bls.BlsKeySet;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.bls.TimeCrypt;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Samples of docs/concepts.md (encryption) and docs/modules/lit-core.md, lit-crypto.md. */
class EncryptionSampleTest {
  @Test
  void conditionsHashToTheSdkValueAndNameTheResourceTheNodesSignFor() {
    // docs:start acc
    AccessControlConditions accs = AccessControlConditions.accessControlConditions(List.of(
        new EvmBasicCondition("", "ethereum", "", "eth_getBalance",
            List.of(":userAddress", "latest"), ReturnValueTest.of(">=", "0"))));
    String hash = accs.hashHex(); // sha256 of the canonical JSON, as the JS SDK computes it

    byte[] secret = "Hello, Lit".getBytes(StandardCharsets.UTF_8);
    AccessControlConditionResource resource = AccessControlConditionResource.of(accs, secret);
    String uri = resource.uri(); // lit-accesscontrolcondition://<conditions hash>/<data hash>
    // docs:end acc

    assertEquals("53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628", hash);
    assertEquals("lit-accesscontrolcondition://" + hash + "/" + TimeCrypt.dataToEncryptHash(secret), uri);
  }

  @Test
  void conditionsANodeCouldNotParseAreRefusedBeforeAnythingIsEncrypted() {
    InvalidAccessControlConditionsException e = assertThrows(InvalidAccessControlConditionsException.class,
        () -> AccessControlConditions.accessControlConditions(List.of()));
    assertEquals(true, e.getMessage().contains("accessControlConditions"), e.getMessage());
  }

  @Test
  void dataEncryptedToTheNetworkKeyDecryptsWithThresholdSharesOfTheIdentityOnly() {
    // a dealt 2-of-3 key stands in for the network's BLS key (lit-localnet does the same)
    BlsKeySet network = BlsDealer.deal(2, 3, "docs-sample-seed-0123456789".getBytes(StandardCharsets.UTF_8));
    AccessControlConditions accs = AccessControlConditions.accessControlConditions(List.of(
        new EvmBasicCondition("", "ethereum", "", "eth_getBalance",
            List.of(":userAddress", "latest"), ReturnValueTest.of(">=", "0"))));
    byte[] secret = "Hello, Lit".getBytes(StandardCharsets.UTF_8);

    // docs:start timecrypt
    BlsPublicKey networkKey = network.publicKey(); // on a network: the handshake's networkPubKey
    byte[] identity = AccessControlConditionResource.of(accs, secret).identity();
    byte[] ciphertext = TimeCrypt.encrypt(networkKey, secret, identity);

    // nodes release a BLS share of the identity once the conditions hold; any 2 of 3 decrypt
    List<BlsSignatureShare> shares = List.of(network.shares().get(0).sign(identity), network.shares().get(2).sign(identity));
    byte[] plaintext = TimeCrypt.verifyAndDecrypt(networkKey, identity, ciphertext, shares);
    // docs:end timecrypt

    assertArrayEquals(secret, plaintext);
    byte[] otherIdentity = AccessControlConditionResource.of(accs, "other".getBytes(StandardCharsets.UTF_8)).identity();
    List<BlsSignatureShare> wrong = List.of(network.shares().get(0).sign(otherIdentity), network.shares().get(1).sign(otherIdentity));
    assertThrows(LitCryptoException.class, () -> TimeCrypt.verifyAndDecrypt(networkKey, identity, ciphertext, wrong));
  }
}
