package io.lit4j.examples;

import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.methods.AuthMethodIds;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.auth.AuthMethodVerifiers;
import io.lit4j.localnet.idp.OidcIssuer;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.PkpSessionRequest;
import io.lit4j.node.wallet.PkpEthSigner;
import io.lit4j.node.wallet.PkpTransactionManager;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;

/**
 * A user logs in with Google; the backend mints their PKP and sends a transaction from it with
 * web3j. Locally: an OIDC issuer on loopback plays Google (the nodes verify its ID tokens exactly
 * as they verify Google's: RS256 against the JWKS, issuer, audience, expiry), and a {@link
 * LocalLitNetwork} plays the Lit network. Against a live network only the issuer and the network
 * change: the backend receives the user's Google ID token from its sign-in page.
 *
 * <p>Run it with {@code mvn -pl examples exec:java
 * -Dexec.mainClass=io.lit4j.examples.GoogleLoginWalletExample}.
 */
public final class GoogleLoginWalletExample {
  /** The backend's Google OAuth client id (the ID token's audience). */
  static final String CLIENT_ID = "lit4j-example.apps.googleusercontent.com";

  private GoogleLoginWalletExample() {}

  /**
   * What the run did.
   *
   * @param googleUser the user's Google subject id
   * @param pkpAddress the user's PKP wallet address
   * @param transactionHash the transfer the PKP sent
   * @param recipientBalanceWei what the recipient holds afterwards
   */
  public record Outcome(
      String googleUser,
      String pkpAddress,
      String transactionHash,
      BigInteger recipientBalanceWei) {}

  /** Runs the example, printing each step. */
  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /**
   * Runs the example, printing each step to {@code out}.
   *
   * @return what was sent
   * @throws IllegalStateException if a check fails
   * @throws Exception if the network or the chain fails
   */
  public static Outcome run(PrintStream out) throws Exception {
    try (OidcIssuer google = OidcIssuer.start();
        LocalLitNetwork net =
            LocalLitNetwork.builder()
                .nodes(3)
                .authProviders(
                    AuthMethodVerifiers.builder()
                        .google(google.issuer(), google.jwksUrl(), CLIENT_ID)
                        .build())
                .start();
        LitNodeClient client =
            LitNodeClient.create(
                LitNodeClientConfig.builder().localNetwork(net.rpcUrl(), net.contracts()).build());
        LitContracts contracts =
            LitContracts.builder()
                .rpcUrl(net.rpcUrl())
                .addresses(net.contracts())
                .signer(net.devAccount(2))
                .build()) {
      out.println(
          "1. a local Lit network (3 nodes) trusting the OIDC issuer "
              + google.issuer()
              + " as Google");
      client.connect();

      // the user signs in with Google; the backend receives their ID token
      String googleUser = "108" + Math.abs(new SecureRandom().nextLong());
      AuthMethod login = new AuthMethod(6, google.idToken(googleUser, CLIENT_ID));
      out.println(
          "2. the user logged in with Google as "
              + googleUser
              + "; auth method id "
              + AuthMethodIds.authMethodIdHex(login));

      // the backend pays for the user's PKP, permits their Google login on it, and gives the PKP to
      // itself
      MintedPkp minted =
          contracts
              .pkps()
              .mintWithAuth(
                  login, List.of(AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN));
      Secp256k1PublicKey pkpKey = minted.publicKey();
      out.println("3. minted the user's PKP wallet " + minted.ethAddress());

      // the nodes verify the Google ID token, then the PKP signs a session for the backend
      PkpSessionRequest session =
          PkpSessionRequest.builder()
              .pkpPublicKey(pkpKey)
              .authMethod(login)
              .resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING)
              .build();
      PkpEthSigner wallet =
          PkpEthSigner.builder()
              .client(client)
              .pkpPublicKey(pkpKey)
              .sessionSigs(() -> client.getPkpSessionSigs(session))
              .build();
      out.println("4. PKP session signed through the user's Google login");

      Web3j web3j = net.anvil().web3j();
      TransactionReceipt funding =
          Transfer.sendFunds(
                  web3j, net.devAccount(0), wallet.address(), BigDecimal.ONE, Convert.Unit.ETHER)
              .send();
      check(funding.isStatusOK(), "the funding transfer succeeded");
      String recipient = new EthAddress(randomBytes(20)).checksummed();
      TransactionReceipt sent =
          new Transfer(web3j, new PkpTransactionManager(web3j, wallet, net.chainId()))
              .sendFunds(recipient, new BigDecimal("0.1"), Convert.Unit.ETHER)
              .send();
      check(
          sent.isStatusOK() && sent.getFrom().equalsIgnoreCase(wallet.address()),
          "the PKP sent the transfer");
      BigInteger received =
          web3j.ethGetBalance(recipient, DefaultBlockParameterName.LATEST).send().getBalance();
      check(
          received.equals(Convert.toWei("0.1", Convert.Unit.ETHER).toBigIntegerExact()),
          "the recipient holds 0.1 ETH");
      out.println(
          "5. the user's PKP sent 0.1 ETH to " + recipient + " in " + sent.getTransactionHash());
      out.println(
          "done: a Google user without an Ethereum wallet sent a transaction from their PKP");
      return new Outcome(googleUser, wallet.address(), sent.getTransactionHash(), received);
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  private static void check(boolean ok, String what) {
    if (!ok) throw new IllegalStateException("check failed: " + what);
  }
}
