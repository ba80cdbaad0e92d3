package io.lit4j.examples;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.session.SessionSiwe;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.crypto.bls.BlsKeySet;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.bls.TimeCrypt;
import io.lit4j.crypto.ecdsa.EcdsaShareCombiner;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.ecdsa.SigningSubset;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.hd.HdKeyId;
import io.lit4j.crypto.hd.HdKeys;
import io.lit4j.localnet.keys.BlsDealer;
import io.lit4j.localnet.keys.K256KeyDealer;
import io.lit4j.localnet.keys.K256RootKeyShares;
import io.lit4j.localnet.keys.SimulatedEcdsaSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * A tour of lit4j's building blocks without a network: a SIWE + ReCap wallet auth sig and per-node
 * session signatures; threshold ECDSA shares (as three simulated nodes make them) combined and
 * recovered to the PKP address; BLS decryption shares combined to decrypt.
 *
 * <p>Every step is verified; a failure throws. The full Quick Start against the embedded local
 * network follows once the node client lands.
 */
public final class FoundationDemo {
  private FoundationDemo() {}

  public static void main(String[] args) throws Exception {
    say(
        "lit4j foundation demo (the Quick Start against a local Lit network comes with the node client)");

    // 1. a wallet signs a SIWE with a ReCap for Lit Actions and PKP signing
    Web3jEthSigner wallet = new Web3jEthSigner(Credentials.create(Keys.createEcKeyPair()));
    SessionKeyPair sessionKey = SessionKeyPair.generate();
    List<ResourceAbilityRequest> requests =
        List.of(
            ResourceAbilityRequest.of(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION),
            ResourceAbilityRequest.of(LitPKPResource.ALL, LitAbility.PKP_SIGNING));
    String siwe =
        SessionSiwe.builder()
            .address(wallet.address())
            .sessionKey(sessionKey)
            .resourceAbilityRequests(requests)
            .nonce("0x" + "11".repeat(32))
            .build()
            .prepareMessage();
    AuthSig walletSig = AuthSigs.generate(wallet, siwe);
    AuthSigs.verifyEip191(walletSig);
    say(
        "1. wallet "
            + wallet.address()
            + " signed a SIWE + ReCap ("
            + siwe.length()
            + " chars), signature verified");

    // 2. per-node session signatures with the ed25519 session key
    List<String> nodes =
        IntStream.range(0, 3).mapToObj(i -> "http://127.0.0.1:" + (7470 + i)).toList();
    SessionSigs sessionSigs =
        SessionSigs.sign(
            sessionKey,
            requests,
            SessionSigs.capabilities(Optional.empty(), walletSig),
            nodes,
            Clock.systemUTC());
    for (String node : nodes) {
      if (!SessionSigs.verifySignature(sessionSigs.forNode(node)))
        throw new IllegalStateException("session sig for " + node + " does not verify");
    }
    say(
        "2. session key "
            + sessionKey.publicKeyHex().substring(0, 16)
            + "… signed "
            + nodes.size()
            + " per-node session sigs, all verified");

    // 3. threshold ECDSA: three simulated nodes sign a digest with an HD-derived PKP key
    K256RootKeyShares keys = K256KeyDealer.random().deal(3, 2, 3);
    HdKeyId keyId = HdKeys.computeHDKeyId(wallet.address(), "lit");
    Secp256k1PublicKey pkp = HdKeys.derivePublicKey(keyId, keys.rootPublicKeys());
    byte[] digest = EthHash.keccak256(new byte[] {1, 2, 3, 4, 5});
    String requestId = "lit_demo";
    List<Integer> subset = SigningSubset.select(List.of(0, 1, 2), 2, digest, requestId);
    SimulatedEcdsaSigner signer =
        new SimulatedEcdsaSigner("demo-network-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    for (int i = 0; i < 3; i++)
      signer
          .signShare(keys.nodeShare(i), keyId, digest, requestId, subset, "sig")
          .ifPresent(shares::add);
    EcdsaSignature sig = EcdsaShareCombiner.combine(shares, 2);
    if (!sig.recoverAddress().equals(pkp.ethAddress()))
      throw new IllegalStateException("signature does not recover to the PKP");
    say(
        "3. "
            + shares.size()
            + " ECDSA shares combined: "
            + sig.signatureHex().substring(0, 18)
            + "… recovers to PKP "
            + pkp.ethAddress());

    // 4. BLS: encrypt to the network key, combine two decryption shares, decrypt
    BlsKeySet bls =
        BlsDealer.deal(2, 3, "demo-bls-seed-0123456789".getBytes(StandardCharsets.UTF_8));
    byte[] plaintext = "Hello, Lit from Java".getBytes(StandardCharsets.UTF_8);
    byte[] identity =
        TimeCrypt.accessControlIdentity("00".repeat(32), TimeCrypt.dataToEncryptHash(plaintext));
    byte[] ciphertext = TimeCrypt.encrypt(bls.publicKey(), plaintext, identity);
    List<BlsSignatureShare> decryptionShares =
        List.of(bls.shares().get(0).sign(identity), bls.shares().get(2).sign(identity));
    String decrypted =
        new String(
            TimeCrypt.verifyAndDecrypt(bls.publicKey(), identity, ciphertext, decryptionShares),
            StandardCharsets.UTF_8);
    if (!decrypted.equals("Hello, Lit from Java"))
      throw new IllegalStateException("decryption gave " + decrypted);
    say(
        "4. encrypted "
            + plaintext.length
            + " bytes to the BLS network key, 2 of 3 decryption shares decrypted: \""
            + decrypted
            + "\"");
    say("done: every step verified");
  }

  private static void say(String line) {
    System.out.println(line);
  }
}
