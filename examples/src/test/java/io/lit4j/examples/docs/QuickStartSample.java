package io.lit4j.examples.docs;

import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.resources.LitAccessControlConditionResource;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.contracts.PermittedAuthMethod;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.EvmBasicCondition;
import io.lit4j.core.acc.ReturnValueTest;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.DecryptRequest;
import io.lit4j.node.EncryptRequest;
import io.lit4j.node.ExecuteJsRequest;
import io.lit4j.node.PkpSignRequest;
import io.lit4j.node.NodeAuth;
import io.lit4j.node.PkpSessionRequest;
import io.lit4j.node.SessionSigsRequest;
import java.time.Duration;
import java.time.Instant;
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
      Instant now = Instant.now();
      var authSig = AuthSigs.generate(signer, SiweMessage.builder()
          .domain("localhost").uri("https://localhost/login").statement("Sign in to my app")
          .address(signer.address()).nonce(client.getLatestBlockhash()).chainId(1)
          .issuedAt(now).expirationTime(now.plus(Duration.ofHours(1)))
          .build().prepareMessage());
      AuthMethod ethWallet = AuthMethod.ethWallet(authSig);

      // 2. mint a PKP that this auth method may use to sign anything and personal messages
      MintedPkp pkp = contracts.pkps().mintWithAuth(ethWallet, List.of(AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN));
      List<Boolean> scopes = contracts.permissions().getPermittedAuthMethodScopes(pkp.tokenId(), PermittedAuthMethod.from(ethWallet), 3);
      Secp256k1PublicKey pkpKey = Secp256k1PublicKey.fromBytes(pkp.publicKey());

      // 3. PKP session sigs: the nodes have the PKP sign the session key's capability
      var pkpSessionSigs = client.getPkpSessionSigs(PkpSessionRequest.builder()
          .pkpPublicKey(pkpKey).authMethod(ethWallet)
          .resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING)
          .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
          .expiration(Duration.ofHours(1))
          .build());

      // 4. a Lit Action signs with the PKP; the client combines and verifies the shares
      byte[] toSign = EthHash.keccak256(new byte[] {1, 2, 3, 4, 5});
      var res = client.executeJs(ExecuteJsRequest.builder()
          .code("(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig' }); })();")
          .jsParam("toSign", toSign)
          .jsParam("publicKey", pkpKey.hex())
          .auth(NodeAuth.sessionSigs(pkpSessionSigs))
          .build());
      EcdsaSignature fromAction = res.signature("sig"); // r, s, recid, 65-byte signature, verified

      // 5. or sign a digest directly
      EcdsaSignature sig = client.pkpSign(PkpSignRequest.builder()
          .toSign(toSign).pkpPublicKey(pkpKey).auth(NodeAuth.sessionSigs(pkpSessionSigs))
          .build());

      // 6. encrypt to access control conditions; decrypt with the wallet's own session sigs
      AccessControlConditions onlyThisWallet = AccessControlConditions.accessControlConditions(List.of(
          new EvmBasicCondition("", "ethereum", "", "", List.of(":userAddress"), ReturnValueTest.of("=", signer.address()))));
      var encrypted = client.encrypt(EncryptRequest.builder()
          .conditions(onlyThisWallet).text("Hello, Lit from Java")
          .build());
      var walletSessionSigs = client.getSessionSigs(SessionSigsRequest.forWallet(signer)
          .resourceAbility(LitAccessControlConditionResource.ALL, LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION)
          .build());
      String decrypted = client.decryptToString(DecryptRequest.builder()
          .conditions(onlyThisWallet).encrypted(encrypted).auth(NodeAuth.sessionSigs(walletSessionSigs))
          .build());
      // docs:end run
      return new Result(pkp, scopes, fromAction, sig, decrypted);
    }
  }
}
