package io.lit4j.examples.quickstart;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.capacity.CapacityDelegation;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.contracts.CapacityCreditsRequest;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedCapacityCredits;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.contracts.PermittedAuthMethod;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.ConditionKind;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.node.EncryptResponse;
import io.lit4j.node.ExecuteJsResponse;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.wallet.PkpEthSigner;
import io.lit4j.node.wallet.PkpTransactionManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;

/**
 * The Quick Start's steps, in order, each printing one progress line and checking its result. A
 * step runs the steps it needs first (minting a PKP needs a connection and a login, and so on), so
 * each example main can start from any step.
 */
public final class QuickStartSteps {
  private final QuickStartEnvironment env;
  private final LitNodeClient client;
  private final LitContracts contracts;
  private final Web3jEthSigner signer;

  private boolean connected;
  private AuthMethod ethWallet;
  private MintedPkp pkp;
  private Secp256k1PublicKey pkpKey;
  private CapacityDelegation toWallet;
  private CapacityDelegation toPkp;
  private SessionSigs walletSessions;
  private SessionSigs pkpSessions;

  public QuickStartSteps(QuickStartEnvironment env) {
    this.env = env;
    this.client = env.client();
    this.contracts = env.contracts();
    this.signer = env.signer();
  }

  /** 1. Connect: validators from Staking, a handshake with every node, consensus on the keys. */
  public void connect() {
    if (connected) return;
    client.connect();
    connected = true;
    say(
        "1. connected to "
            + client.connectedNodes().size()
            + " nodes, threshold "
            + client.minNodeCount()
            + ", latest blockhash "
            + client.getLatestBlockhash().substring(0, 18)
            + "…");
  }

  /** 2. The wallet logs in with an EIP-4361 message; that auth sig is the PKP's auth method. */
  public AuthMethod login() {
    if (ethWallet != null) return ethWallet;
    connect();
    AuthSig login =
        AuthSigs.signInWithEthereum(
            signer,
            siwe ->
                siwe.statement("Log in to the lit4j Quick Start")
                    .uri("https://localhost/login")
                    .nonce(client.getLatestBlockhash()));
    AuthSigs.verifyEip191(login);
    ethWallet = AuthMethod.ethWallet(login);
    say("2. wallet " + signer.address() + " signed a SIWE login (verified)");
    return ethWallet;
  }

  /** 3. Mint a PKP with the wallet as auth method and its scopes, and check them on chain. */
  public MintedPkp mintPkp() {
    if (pkp != null) return pkp;
    login();
    pkp =
        contracts
            .pkps()
            .mintWithAuth(ethWallet, AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN);
    pkpKey = pkp.publicKey();
    List<Boolean> granted =
        contracts.permissions().getPermittedAuthMethodScopes(pkp.tokenId(), ethWallet, 3);
    check(
        contracts
                .permissions()
                .isPermittedAuthMethod(pkp.tokenId(), PermittedAuthMethod.from(ethWallet))
            && granted.get(1)
            && granted.get(2),
        "the wallet auth method is permitted with scopes 1 and 2");
    say(
        "3. minted PKP "
            + pkp.ethAddress()
            + " (token "
            + pkp.tokenIdHex().substring(0, 18)
            + "…), auth method scopes "
            + granted.subList(0, 3));
    return pkp;
  }

  /** 4. Mint capacity credits and delegate them to the wallet and to the PKP. */
  public void capacityCredits() {
    if (toPkp != null) return;
    mintPkp();
    MintedCapacityCredits credits =
        contracts.capacityCredits().mint(CapacityCreditsRequest.perKilosecond(80, 2));
    toWallet = delegate(credits, EthAddress.fromHex(signer.address()));
    toPkp = delegate(credits, pkp.ethAddress());
    say(
        "4. minted capacity credit #"
            + credits.capacityTokenId()
            + " ("
            + credits.requestsPerKilosecond()
            + " requests/ks until "
            + credits.expiresAt()
            + "), delegated to the wallet and the PKP");
  }

  private CapacityDelegation delegate(MintedCapacityCredits credits, EthAddress delegatee) {
    return client.createCapacityDelegationAuthSig(
        r ->
            r.signer(signer)
                .capacityTokenId(credits.capacityTokenId())
                .delegatee(delegatee)
                .uses(20)
                .expiration(Duration.ofHours(1)));
  }

  /** 5. Session sigs the wallet signs, with a ReCap for what the session may do. */
  public SessionSigs walletSessionSigs() {
    if (walletSessions != null) return walletSessions;
    capacityCredits();
    walletSessions =
        client.getSessionSigs(
            r ->
                r.wallet(signer)
                    .resourceAbility(LitAbility.LIT_ACTION_EXECUTION)
                    .resourceAbility(LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION)
                    .capacityDelegationAuthSig(toWallet.capacityDelegationAuthSig())
                    .expiration(Duration.ofMinutes(30)));
    say("5. wallet session sigs for " + walletSessions.nodeUrls().size() + " nodes");
    return walletSessions;
  }

  /** 6. Session sigs the PKP signs itself ({@code signSessionKey}), paid by the delegation. */
  public SessionSigs pkpSessionSigs() {
    if (pkpSessions != null) return pkpSessions;
    capacityCredits();
    pkpSessions =
        client.getPkpSessionSigs(
            r ->
                r.pkpPublicKey(pkpKey)
                    .authMethod(ethWallet)
                    .resourceAbility(LitAbility.PKP_SIGNING)
                    .resourceAbility(LitAbility.LIT_ACTION_EXECUTION)
                    .capacityDelegationAuthSig(toPkp.capacityDelegationAuthSig())
                    .expiration(Duration.ofMinutes(30)));
    say(
        "6. PKP session sigs for "
            + pkpSessions.nodeUrls().size()
            + " nodes (the PKP signed the session key)");
    return pkpSessions;
  }

  /** 7. A Lit Action signs with the PKP; the client combines and verifies the shares. */
  public EcdsaSignature executeJs() {
    pkpSessionSigs();
    byte[] toSign = EthHash.keccak256(new byte[] {1, 2, 3, 4, 5});
    ExecuteJsResponse res =
        client.executeJs(
            r ->
                r.code(
                        "(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig' }); })();")
                    .jsParam("toSign", toSign)
                    .jsParam("publicKey", pkpKey.hex())
                    .auth(pkpSessions));
    EcdsaSignature sig = res.signature("sig");
    check(
        sig.verify() && sig.recoverAddress().equals(pkpKey.ethAddress()),
        "the Lit Action's signature recovers to the PKP");
    say(
        "7. executeJs: Lit.Actions.signEcdsa signed "
            + sig.signatureHex().substring(0, 18)
            + "…, recovers to "
            + sig.recoverAddress().checksummed()
            + " = the PKP");
    return sig;
  }

  /** 8. {@code pkpSign}: the nodes sign a 32-byte digest with the PKP. */
  public EcdsaSignature pkpSign() {
    pkpSessionSigs();
    byte[] digest =
        EthHash.keccak256("pkpSign from the lit4j Quick Start".getBytes(StandardCharsets.UTF_8));
    EcdsaSignature sig =
        client.pkpSign(r -> r.toSign(digest).pkpPublicKey(pkpKey).auth(pkpSessions));
    check(
        sig.verify() && sig.recoverAddress().equals(pkpKey.ethAddress()),
        "pkpSign's signature recovers to the PKP");
    say("8. pkpSign: " + sig.signatureHex().substring(0, 18) + "… recovers to the PKP");
    return sig;
  }

  /** 9. Encrypt under access control conditions; the nodes release decryption shares. */
  public String encryptDecrypt() {
    walletSessionSigs();
    AccessControlConditions funded =
        AccessControlConditions.fromJson(
            ConditionKind.ACCESS_CONTROL_CONDITIONS,
            """
        [{"contractAddress":"","standardContractType":"","chain":"ethereum","method":"eth_getBalance",
          "parameters":[":userAddress","latest"],"returnValueTest":{"comparator":">=","value":"1"}}]""");
    String secret = "Hello from the lit4j Quick Start";
    EncryptResponse encrypted = client.encrypt(r -> r.conditions(funded).text(secret));
    String decrypted =
        client.decryptToString(r -> r.conditions(funded).encrypted(encrypted).auth(walletSessions));
    check(decrypted.equals(secret), "decryption returns the plaintext");
    say("9. encrypted under 'balance >= 1 wei' and decrypted: \"" + decrypted + "\"");
    return decrypted;
  }

  /** 10. Add an auth method: the PKP owns itself, so it signs (and pays for) the change. */
  public PermittedAuthMethod addAuthMethod() throws Exception {
    pkpSessionSigs();
    byte[] other = new byte[20];
    new SecureRandom().nextBytes(other);
    PermittedAuthMethod extra =
        PermittedAuthMethod.of(
            AuthMethodType.ETH_WALLET,
            EthHash.keccak256Utf8(new EthAddress(other).checksummed() + ":lit"));
    check(
        !contracts.permissions().isPermittedAuthMethod(pkp.tokenId(), extra),
        "the new auth method is not permitted yet");
    Web3j web3j = Web3j.build(new HttpService(env.rpcUrl()));
    try {
      check(
          Transfer.sendFunds(
                  web3j,
                  env.wallet(),
                  pkp.ethAddress().checksummed(),
                  new BigDecimal("0.01"),
                  Convert.Unit.ETHER)
              .send()
              .isStatusOK(),
          "the PKP was funded for gas");
      PkpEthSigner pkpSigner =
          PkpEthSigner.builder()
              .client(client)
              .pkpPublicKey(pkpKey)
              .sessionSigs(() -> pkpSessions)
              .build();
      try (LitContracts asPkp =
          LitContracts.builder()
              .web3j(web3j)
              .addresses(contracts.addresses())
              .transactionManager(PkpTransactionManager.forConnectedChain(web3j, pkpSigner))
              .build()) {
        asPkp
            .permissions()
            .addPermittedAuthMethod(pkp.tokenId(), extra, List.of(AuthMethodScope.SIGN_ANYTHING));
      }
    } finally {
      web3j.shutdown();
    }
    check(
        contracts.permissions().isPermittedAuthMethod(pkp.tokenId(), extra),
        "the new auth method is permitted");
    say(
        "10. the PKP added a second auth method to itself ("
            + extra.idHex().substring(0, 18)
            + "…)");
    return extra;
  }

  /** The minted PKP's address (mints one first if needed). */
  public String pkpAddress() {
    return mintPkp().ethAddress().checksummed();
  }

  private void say(String line) {
    env.out().println(line);
  }

  static void check(boolean ok, String what) {
    if (!ok) throw new IllegalStateException("check failed: " + what);
  }
}
