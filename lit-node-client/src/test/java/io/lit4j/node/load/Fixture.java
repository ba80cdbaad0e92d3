package io.lit4j.node.load;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.resources.LitAccessControlConditionResource;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.ConditionKind;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.node.AuthNeededCallback;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.PkpSessionRequest;
import io.lit4j.node.SessionSigsRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.web3j.crypto.Credentials;

/** A connected client, a PKP minted with a wallet auth method, and EOA and PKP session sigs. */
public final class Fixture implements AutoCloseable {
  public final LocalLitNetwork net;
  public final Credentials wallet;
  public final LitNodeClient client;
  public final LitContracts contracts;
  public final Web3jEthSigner signer;

  /** The wallet's SIWE login (2 hours), as an auth sig for any node. */
  public final AuthSig login;

  public final AuthMethod ethWallet;
  public final Secp256k1PublicKey pkpKey;
  public final SessionSigs eoaSessions;
  public final SessionSigs pkpSessions;
  public final AccessControlConditions isTheWallet;

  public Fixture(LocalLitNetwork net, int devAccount, LitNodeClientConfig.Builder config) {
    this.net = net;
    this.wallet = net.devAccount(devAccount);
    this.client =
        LitNodeClient.create(
            config
                .localNetwork(net.rpcUrl(), net.contracts())
                .refreshInterval(Duration.ZERO)
                .build());
    client.connect();
    signer = new Web3jEthSigner(wallet);
    contracts =
        LitContracts.builder()
            .rpcUrl(net.rpcUrl())
            .addresses(net.contracts())
            .signer(wallet)
            .build();
    Instant now = Instant.now();
    login =
        AuthSigs.generate(
            signer,
            SiweMessage.builder()
                .domain("localhost")
                .address(signer.address())
                .statement("lit4j")
                .uri("https://localhost/login")
                .nonce(client.getLatestBlockhash())
                .issuedAt(now)
                .expirationTime(now.plus(Duration.ofHours(2)))
                .chainId(1)
                .build()
                .prepareMessage());
    ethWallet = AuthMethod.ethWallet(login);
    MintedPkp pkp =
        contracts
            .pkps()
            .mintWithAuth(
                ethWallet, List.of(AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN));
    pkpKey = pkp.publicKey();
    eoaSessions = client.getSessionSigs(eoaRequest(SessionKeyPair.generate()));
    pkpSessions = client.getPkpSessionSigs(pkpRequest(SessionKeyPair.generate()));
    isTheWallet =
        AccessControlConditions.fromJson(
            ConditionKind.ACCESS_CONTROL_CONDITIONS,
            "[{\"contractAddress\":\"\",\"standardContractType\":\"\","
                + "\"chain\":\"ethereum\",\"method\":\"\",\"parameters\":[\":userAddress\"],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\""
                + signer.address()
                + "\"}}]");
  }

  public SessionSigsRequest eoaRequest(SessionKeyPair key) {
    return SessionSigsRequest.builder()
        .authNeededCallback(AuthNeededCallback.ethWallet(signer))
        .sessionKey(key)
        .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
        .resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING)
        .resourceAbility(
            LitAccessControlConditionResource.ALL, LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION)
        .resourceAbility(
            LitAccessControlConditionResource.ALL, LitAbility.ACCESS_CONTROL_CONDITION_SIGNING)
        .expiration(Duration.ofHours(1))
        .build();
  }

  public PkpSessionRequest pkpRequest(SessionKeyPair key) {
    return PkpSessionRequest.builder()
        .pkpPublicKey(pkpKey)
        .authMethod(ethWallet)
        .sessionKey(key)
        .resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING)
        .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
        .expiration(Duration.ofHours(1))
        .build();
  }

  @Override
  public void close() {
    client.close();
    contracts.close();
  }
}
