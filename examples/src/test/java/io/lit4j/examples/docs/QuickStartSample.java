package io.lit4j.examples.docs;

import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.node.LitNodeClient;
import java.util.List;

/**
 * The Quick Start of docs/getting-started.md against the embedded local network: connect, mint
 * a PKP with a wallet auth method, PKP session sigs, a Lit Action and pkpSign signing with the
 * PKP, and encryption to access control conditions. {@link QuickStartSampleTest} runs it.
 */
public final class QuickStartSample {
  private QuickStartSample() {}

  /** What the Quick Start produced, for the test to check. */
  public record Result(MintedPkp pkp, List<Boolean> scopes, EcdsaSignature actionSignature, EcdsaSignature pkpSignature,
      String decrypted) {}

  // docs:start main
  public static void main(String[] args) {
    try (LocalLitNetwork net = LocalLitNetwork.builder().nodes(3).start()) {
      Result r = run(net);
      System.out.println("PKP " + r.pkp().ethAddress() + " signed " + r.pkpSignature().signatureHex());
    }
  }
  // docs:end main

  /** The steps after the network is up. */
  public static Result run(LocalLitNetwork net) {
    // docs:start run
    var wallet = net.devAccount(1); // a funded anvil account; on a live network, your own key
    Web3jEthSigner signer = new Web3jEthSigner(wallet);

    try (LitNodeClient client = LitNodeClient.builder()
            .localNetwork(net.rpcUrl(), net.contracts()) // nodes, threshold and epoch from Staking
            .build();
        LitContracts contracts = LitContracts.builder()
            .rpcUrl(net.rpcUrl()).addresses(net.contracts()).signer(wallet).build()) {
      client.connect(); // handshakes every node; needs minNodeCount agreeing answers

      // 1. the wallet signs in (EIP-4361); that auth sig is its EthWallet auth method
      var authSig = AuthSigs.signInWithEthereum(signer, siwe -> siwe // domain localhost, chain 1, 24 h
          .uri("https://localhost/login").statement("Sign in to my app").nonce(client.getLatestBlockhash()));
      AuthMethod ethWallet = AuthMethod.ethWallet(authSig);

      // 2. mint a PKP that this auth method may use to sign anything and personal messages
      MintedPkp pkp = contracts.pkps().mintWithAuth(ethWallet, AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN);
      var scopes = contracts.permissions().getPermittedAuthMethodScopes(pkp.tokenId(), ethWallet, 3); // [false, true, true]

      // 3. PKP session sigs: the nodes have the PKP sign the session key's capability
      var pkpSessionSigs = client.getPkpSessionSigs(r -> r
          .pkpPublicKey(pkp.publicKey()).authMethod(ethWallet)
          .resourceAbility(LitAbility.PKP_SIGNING) // on every PKP (lit-pkp://*)
          .resourceAbility(LitAbility.LIT_ACTION_EXECUTION)); // any Lit Action; expires in 24 h

      // 4. a Lit Action signs with the PKP; the client combines and verifies the shares
      byte[] toSign = EthHash.keccak256(new byte[] {1, 2, 3, 4, 5});
      var res = client.executeJs(r -> r
          .code("(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig' }); })();")
          .jsParam("toSign", toSign)
          .jsParam("publicKey", pkp.publicKey().hex())
          .auth(pkpSessionSigs));
      EcdsaSignature fromAction = res.signature("sig"); // r, s, recid, 65-byte signature, verified

      // 5. or sign a digest directly
      EcdsaSignature sig = client.pkpSign(r -> r.toSign(toSign).pkpPublicKey(pkp.publicKey()).auth(pkpSessionSigs));

      // 6. encrypt to access control conditions; decrypt with the wallet's own session sigs
      AccessControlConditions onlyThisWallet = AccessControlConditions.userAddressEquals(signer.address());
      var encrypted = client.encrypt(r -> r.conditions(onlyThisWallet).text("Hello, Lit from Java"));
      var walletSessionSigs = client.getSessionSigs(r -> r
          .wallet(signer).resourceAbility(LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION));
      String decrypted = client.decryptToString(r -> r
          .conditions(onlyThisWallet).encrypted(encrypted).auth(walletSessionSigs));
      // docs:end run
      return new Result(pkp, scopes, fromAction, sig, decrypted);
    }
  }
}
