package io.lit4j.examples;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.capacity.CapacityDelegation;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.resources.LitAccessControlConditionResource;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.contracts.CapacityCreditsRequest;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedCapacityCredits;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.contracts.PermittedAuthMethod;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.ConditionKind;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.capacity.CapacityDelegationParams;
import io.lit4j.node.encryption.DecryptRequest;
import io.lit4j.node.encryption.EncryptResponse;
import io.lit4j.node.execute.ExecuteJsRequest;
import io.lit4j.node.execute.ExecuteJsResponse;
import io.lit4j.node.pkp.PkpSignRequest;
import io.lit4j.node.session.AuthNeededCallback;
import io.lit4j.node.session.NodeAuth;
import io.lit4j.node.session.PkpSessionRequest;
import io.lit4j.node.session.SessionSigsRequest;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.web3j.crypto.Credentials;

/**
 * The Lit JS SDK v4 Quick Start in Java, end to end on an embedded local Lit network (anvil and
 * three simulated nodes with rate limiting on, as on habanero): connect; a wallet auth sig and
 * session sigs; mint a PKP with the wallet as its auth method and check its permissions; mint
 * capacity credits and delegate them to the PKP; PKP session sigs (the PKP signs the session key);
 * a Lit Action signs with the PKP; {@code pkpSign}; encrypt and decrypt with access control
 * conditions; add an auth method. Every result is verified; a failed check throws.
 *
 * <p>Run it with the README's run command, or {@code mvn -pl examples exec:java
 * -Dexec.mainClass=io.lit4j.examples.QuickStart}.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * What the run produced, for callers that check it.
   *
   * @param pkpAddress the minted PKP's address
   * @param litActionSignature the Lit Action's signature, 0x hex
   * @param litActionSigner the address that signature recovers to
   * @param decrypted the decrypted text
   */
  public record Outcome(String pkpAddress, String litActionSignature, String litActionSigner, String decrypted) {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the Quick Start, printing a line per step to {@code out}. */
  public static Outcome run(PrintStream out) throws Exception {
    long started = System.nanoTime();
    out.println("lit4j Quick Start");
    out.println("0. starting a local Lit network (anvil + 3 nodes, rate limiting on) ...");
    try (LocalLitNetwork net = LocalLitNetwork.builder().nodes(3).habaneroProfile().start();
        LitNodeClient client = new LitNodeClient(LitNodeClientConfig.builder().localNetwork(net.rpcUrl(), net.contracts()).build())) {
      out.println("   up in " + net.startupTime().toMillis() + " ms: " + net.nodeUrls());

      // 1. connect: validators from Staking, handshake with every node, consensus on the keys
      client.connect();
      out.println("1. connected to " + client.connectedNodes().size() + " nodes, threshold " + client.minNodeCount()
          + ", latest blockhash " + client.getLatestBlockhash().substring(0, 18) + "…");

      Credentials wallet = net.devAccount(1);
      Web3jEthSigner signer = new Web3jEthSigner(wallet);
      try (LitContracts contracts = LitContracts.builder().rpcUrl(net.rpcUrl()).addresses(net.contracts()).signer(wallet).build()) {

        // 2. the wallet logs in (EIP-4361); that auth sig is the PKP's auth method
        Instant now = Instant.now();
        AuthSig login = AuthSigs.generate(signer, SiweMessage.builder().domain("localhost").address(signer.address())
            .statement("Log in to the lit4j Quick Start").uri("https://localhost/login").nonce(client.getLatestBlockhash())
            .issuedAt(now).expirationTime(now.plus(Duration.ofHours(1))).chainId(1).build().prepareMessage());
        AuthSigs.verifyEip191(login);
        AuthMethod ethWallet = AuthMethod.ethWallet(login);
        out.println("2. wallet " + signer.address() + " signed a SIWE login (verified)");

        // 3. mint a PKP with that auth method and its scopes, then check the permissions on chain
        List<AuthMethodScope> scopes = List.of(AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN);
        MintedPkp pkp = contracts.mintWithAuth(ethWallet, scopes);
        Secp256k1PublicKey pkpKey = Secp256k1PublicKey.fromBytes(pkp.publicKey());
        PermittedAuthMethod permitted = PermittedAuthMethod.from(ethWallet);
        List<Boolean> granted = contracts.getPermittedAuthMethodScopes(pkp.tokenId(), permitted, 3);
        check(contracts.isPermittedAuthMethod(pkp.tokenId(), permitted) && granted.get(1) && granted.get(2),
            "the wallet auth method is permitted with scopes 1 and 2");
        out.println("3. minted PKP " + pkp.ethAddress() + " (token " + pkp.tokenIdHex().substring(0, 18) + "…), auth method scopes "
            + granted.subList(0, 3));

        // 4. capacity credits, delegated to the wallet and to the PKP
        MintedCapacityCredits credits = contracts.mintCapacityCreditsNFT(CapacityCreditsRequest.perKilosecond(80, 2));
        CapacityDelegation toWallet = client.createCapacityDelegationAuthSig(CapacityDelegationParams.builder()
            .signer(signer).capacityTokenId(credits.capacityTokenId()).delegatee(signer.address()).uses(20)
            .expiration(Duration.ofHours(1)).build());
        CapacityDelegation toPkp = client.createCapacityDelegationAuthSig(CapacityDelegationParams.builder()
            .signer(signer).capacityTokenId(credits.capacityTokenId()).delegatee(pkp.ethAddress()).uses(20)
            .expiration(Duration.ofHours(1)).build());
        out.println("4. minted capacity credit #" + credits.capacityTokenId() + " (" + credits.requestsPerKilosecond()
            + " requests/ks until " + credits.expiresAt() + "), delegated to the wallet and the PKP");

        // 5. session sigs signed by the wallet (EOA), with a ReCap for what the session may do
        SessionSigs eoaSessions = client.getSessionSigs(SessionSigsRequest.builder()
            .authNeededCallback(AuthNeededCallback.ethWallet(signer))
            .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
            .resourceAbility(LitAccessControlConditionResource.ALL, LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION)
            .capacityDelegationAuthSig(toWallet.capacityDelegationAuthSig())
            .expiration(Duration.ofMinutes(30)).build());
        out.println("5. wallet session sigs for " + eoaSessions.nodeUrls().size() + " nodes");

        // 6. session sigs the PKP signs itself (signSessionKey), paid by the delegation
        SessionSigs pkpSessions = client.getPkpSessionSigs(PkpSessionRequest.builder()
            .pkpPublicKey(pkpKey).authMethod(ethWallet)
            .resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING)
            .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
            .capacityDelegationAuthSig(toPkp.capacityDelegationAuthSig())
            .expiration(Duration.ofMinutes(30)).build());
        out.println("6. PKP session sigs for " + pkpSessions.nodeUrls().size() + " nodes (the PKP signed the session key)");

        // 7. a Lit Action signs with the PKP; the client combines the shares and verifies them
        byte[] toSign = EthHash.keccak256(new byte[] {1, 2, 3, 4, 5});
        ExecuteJsResponse res = client.executeJs(ExecuteJsRequest.builder()
            .code("(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig' }); })();")
            .jsParam("toSign", toSign).jsParam("publicKey", pkpKey.hex())
            .auth(NodeAuth.of(pkpSessions)).build());
        EcdsaSignature actionSig = res.signatures().get("sig");
        check(actionSig != null && actionSig.verify(), "the Lit Action returned a verified signature 'sig'");
        String recovered = actionSig.recoverAddress().checksummed();
        check(recovered.equalsIgnoreCase(pkp.ethAddress()), "the Lit Action's signature recovers to the PKP");
        out.println("7. executeJs: Lit.Actions.signEcdsa signed " + actionSig.signatureHex().substring(0, 18) + "…, recovers to "
            + recovered + " = the PKP");

        // 8. pkpSign: the nodes sign a digest with the PKP directly
        byte[] digest = EthHash.keccak256("pkpSign from the lit4j Quick Start".getBytes(StandardCharsets.UTF_8));
        EcdsaSignature signed = client.pkpSign(PkpSignRequest.of(digest, pkpKey, NodeAuth.of(pkpSessions)));
        check(signed.verify() && signed.recoverAddress().equals(pkpKey.ethAddress()), "pkpSign's signature recovers to the PKP");
        out.println("8. pkpSign: " + signed.signatureHex().substring(0, 18) + "… recovers to the PKP");

        // 9. encrypt to the network key under conditions; the nodes release decryption shares
        AccessControlConditions onlyFunded = AccessControlConditions.fromJson(ConditionKind.ACCESS_CONTROL_CONDITIONS, """
            [{"contractAddress":"","standardContractType":"","chain":"ethereum","method":"eth_getBalance",
              "parameters":[":userAddress","latest"],"returnValueTest":{"comparator":">=","value":"1000000000000000000"}}]""");
        EncryptResponse encrypted = client.encryptString(onlyFunded, "Hello from the lit4j Quick Start");
        String decrypted = client.decryptToString(DecryptRequest.of(onlyFunded, encrypted, NodeAuth.of(eoaSessions)));
        check(decrypted.equals("Hello from the lit4j Quick Start"), "decryption returns the plaintext");
        out.println("9. encrypted under 'balance >= 1 ETH' and decrypted: \"" + decrypted + "\"");

        // 10. add a second auth method to the PKP (its owner, the PKP itself, signs through the nodes)
        PermittedAuthMethod extra = PermittedAuthMethod.of(io.lit4j.core.constants.AuthMethodType.ETH_WALLET,
            EthHash.keccak256Utf8(net.devAccount(2).getAddress() + ":lit"));
        check(!contracts.isPermittedAuthMethod(pkp.tokenId(), extra), "the second auth method is not permitted yet");
        try (LitContracts asPkp = LitContracts.builder().rpcUrl(net.rpcUrl()).addresses(net.contracts())
            .transactionManager(fundedPkpManager(net, client, pkpKey, pkpSessions)).build()) {
          asPkp.addPermittedAuthMethod(pkp.tokenId(), extra, List.of(AuthMethodScope.SIGN_ANYTHING));
        }
        check(contracts.isPermittedAuthMethod(pkp.tokenId(), extra), "the second auth method is permitted");
        out.println("10. the PKP added a second auth method to itself (" + extra.idHex().substring(0, 18) + "…)");

        out.printf("done in %.1f s: PKP %s signed through a Lit Action and pkpSign; signatures recovered to it%n",
            (System.nanoTime() - started) / 1e9, pkp.ethAddress());
        return new Outcome(pkp.ethAddress(), actionSig.signatureHex(), recovered, decrypted);
      }
    }
  }

  /** The PKP owns itself after mintWithAuth, so it pays and signs its own permission change. */
  private static org.web3j.tx.TransactionManager fundedPkpManager(LocalLitNetwork net, LitNodeClient client,
      Secp256k1PublicKey pkpKey, SessionSigs pkpSessions) throws Exception {
    var web3j = net.anvil().web3j();
    var pkpAddress = pkpKey.ethAddress().checksummed();
    var funding = org.web3j.tx.Transfer.sendFunds(web3j, net.devAccount(0), pkpAddress, java.math.BigDecimal.ONE,
        org.web3j.utils.Convert.Unit.ETHER).send();
    check(funding.isStatusOK(), "the PKP was funded for gas");
    var pkpSigner = io.lit4j.node.wallet.PkpEthSigner.builder().client(client).pkpPublicKey(pkpKey)
        .sessionSigs(() -> pkpSessions).build();
    return new io.lit4j.node.wallet.PkpTransactionManager(web3j, pkpSigner, net.chainId());
  }

  private static void check(boolean ok, String what) {
    if (!ok) throw new IllegalStateException("check failed: " + what);
  }
}
