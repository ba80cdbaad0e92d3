package io.lit4j.examples.docs;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.ClaimKeyResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * A claimable key (docs/concepts.md): the nodes sign the key id of a wallet auth method, and
 * its PKP public key is known before anything is minted. {@link QuickStartSampleTest} runs it.
 */
public final class ClaimKeySample {
  private ClaimKeySample() {}

  /** Claims the key of dev account 2's wallet. */
  public static ClaimKeyResponse run(LocalLitNetwork net) {
    Web3jEthSigner signer = new Web3jEthSigner(net.devAccount(2));
    try (LitNodeClient client = LitNodeClient.create(LitNodeClientConfig.builder().localNetwork(net.rpcUrl(), net.contracts()).build())) {
      client.connect();
      Instant now = Instant.now();
      AuthSig authSig = AuthSigs.generate(signer, SiweMessage.builder()
          .domain("localhost").uri("https://localhost/login").statement("Sign in to my app")
          .address(signer.address()).nonce(client.getLatestBlockhash()).chainId(1)
          .issuedAt(now).expirationTime(now.plus(Duration.ofHours(1)))
          .build().prepareMessage());
      // docs:start claim
      ClaimKeyResponse claim = client.claimKeyId(AuthMethod.ethWallet(authSig));
      String keyId = claim.derivedKeyId();               // keccak256("<address>:lit"), hex
      String pkpAddress = claim.publicKey().ethAddress().checksummed(); // known before minting
      int nodeSignatures = claim.signatures().size();    // one {r, s, v} per node, for PKPNFT.claimAndMint
      // docs:end claim
      return claim;
    }
  }
}
