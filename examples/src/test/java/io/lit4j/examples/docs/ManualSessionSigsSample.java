package io.lit4j.examples.docs;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.session.SessionSiwe;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.StakingValidatorSource;
import io.lit4j.node.ExecuteJsRequest;
import io.lit4j.node.ExecuteJsResponse;
import io.lit4j.node.PkpSignRequest;
import io.lit4j.node.NodeAuth;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Credentials;

/**
 * The Quick Start built by hand from lit-auth pieces (docs/modules/lit-auth.md): mint a PKP
 * with a wallet auth method, sign session sigs, sign a digest with pkpSign and with a Lit Action.
 * {@link QuickStartSampleTest} runs it.
 */
public final class ManualSessionSigsSample {
  private ManualSessionSigsSample() {}

  /** What the Quick Start produced, for the test to check. */
  public record Result(MintedPkp pkp, EcdsaSignature pkpSignature, EcdsaSignature actionSignature) {}


  /** The steps after the network is up. */
  public static Result run(LocalLitNetwork net) {
    // docs:start manual
    Credentials wallet = net.devAccount(1); // a funded anvil account; on a live network, your own key

    // 1. contracts on the local chain, and a client that finds the nodes in the Staking contract
    try (LitContracts contracts = LitContracts.builder()
            .rpcUrl(net.rpcUrl()).addresses(net.contracts()).signer(wallet).build();
        LitNodeClient client = LitNodeClient.create(LitNodeClientConfig.builder()
            .validatorSource(new StakingValidatorSource(contracts))
            .build())) {
      client.connect(); // handshakes every node; needs minNodeCount agreeing answers

      // 2. the wallet signs a SIWE with a ReCap that delegates to a fresh session key
      Web3jEthSigner signer = new Web3jEthSigner(wallet);
      SessionKeyPair sessionKey = SessionKeyPair.generate();
      List<ResourceAbilityRequest> abilities = List.of(
          ResourceAbilityRequest.of(LitPKPResource.ALL, LitAbility.PKP_SIGNING),
          ResourceAbilityRequest.of(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION));
      AuthSig walletSig = SessionSiwe.builder()
          .sessionKey(sessionKey)
          .nonce(client.getLatestBlockhash())
          .resourceAbilityRequests(abilities)
          .buildAndSign(signer);

      // 3. mint a PKP that this wallet (as an EthWallet auth method) may use to sign anything
      MintedPkp pkp = contracts.pkps().mintWithAuth(AuthMethod.ethWallet(walletSig), List.of(AuthMethodScope.SIGN_ANYTHING));
      Secp256k1PublicKey pkpKey = pkp.publicKey();

      // 4. one session sig per connected node (5 minutes, as in JS SDK 4.2.0)
      SessionSigs sessionSigs = SessionSigs.sign(sessionKey, abilities,
          SessionSigs.capabilities(Optional.empty(), walletSig), client.connectedNodes(), Clock.systemUTC());

      // 5. the nodes sign a digest with the PKP; the client combines and verifies the shares
      byte[] digest = EthHash.keccak256(new byte[] {1, 2, 3, 4, 5});
      EcdsaSignature sig = client.pkpSign(PkpSignRequest.builder().toSign(digest).pkpPublicKey(pkpKey).auth(NodeAuth.sessionSigs(sessionSigs)).build());

      // 6. the same from a Lit Action
      ExecuteJsResponse res = client.executeJs(ExecuteJsRequest.builder()
          .code("(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig' }); })();")
          .jsParam("toSign", digest)
          .jsParam("publicKey", pkpKey.hex())
          .auth(NodeAuth.sessionSigs(sessionSigs))
          .build());
      EcdsaSignature fromAction = res.signatures().get("sig");
      // docs:end manual
      return new Result(pkp, sig, fromAction);
    }
  }
}
