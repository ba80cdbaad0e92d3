package io.lit4j.examples;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.PkpSessionRequest;
import io.lit4j.node.wallet.PkpEthSigner;
import io.lit4j.node.wallet.PkpTransactionManager;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;

/**
 * A PKP as a web3j wallet, end to end on a local Lit network: start {@link LocalLitNetwork} (anvil
 * and three nodes), connect a {@link LitNodeClient}, mint a PKP whose auth method is the user's
 * wallet login, get session sigs the PKP signs itself ({@code getPkpSessionSigs}), fund the PKP's
 * address, and send ether from it with web3j's {@link Transfer} over a {@link
 * PkpTransactionManager}. Every step is checked; a failure throws.
 *
 * <p>Run it with {@code mvn -pl examples exec:java
 * -Dexec.mainClass=io.lit4j.examples.PkpWalletExample}.
 */
public final class PkpWalletExample {
  private PkpWalletExample() {}

  /**
   * What the run did, for callers that check it.
   *
   * @param pkpAddress the PKP's address
   * @param recipient where the ether went
   * @param transactionHash the transfer's hash
   * @param recipientBalanceWei the recipient's balance after the transfer
   */
  public record Outcome(
      String pkpAddress,
      String recipient,
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
    out.println("1. starting a local Lit network (anvil + 3 nodes) ...");
    try (LocalLitNetwork net = LocalLitNetwork.builder().nodes(3).start()) {
      out.println(
          "   up in "
              + net.startupTime().toMillis()
              + " ms, chain "
              + net.chainId()
              + ", nodes "
              + net.nodeUrls());
      Web3j web3j = net.anvil().web3j();
      Credentials user = net.devAccount(1);

      try (LitNodeClient client =
          LitNodeClient.create(
              LitNodeClientConfig.builder().localNetwork(net.rpcUrl(), net.contracts()).build())) {
        client.connect();
        out.println(
            "2. connected to "
                + client.connectedNodes().size()
                + " nodes (threshold "
                + client.minNodeCount()
                + ")");

        // the user logs in with their wallet; that login is the PKP's auth method
        Instant now = Instant.now();
        AuthSig login =
            AuthSigs.generate(
                new Web3jEthSigner(user),
                SiweMessage.builder()
                    .domain("localhost")
                    .address(EthAddress.fromHex(user.getAddress()).checksummed())
                    .statement("log in to the PKP wallet example")
                    .uri("https://localhost/login")
                    .nonce(client.getLatestBlockhash())
                    .issuedAt(now)
                    .expirationTime(now.plus(Duration.ofHours(1)))
                    .chainId(1)
                    .build()
                    .prepareMessage());
        AuthMethod ethWallet = AuthMethod.ethWallet(login);
        MintedPkp minted;
        try (LitContracts contracts =
            LitContracts.builder()
                .rpcUrl(net.rpcUrl())
                .addresses(net.contracts())
                .signer(user)
                .build()) {
          minted = contracts.pkps().mintWithAuth(ethWallet, List.of(AuthMethodScope.SIGN_ANYTHING));
        }
        out.println(
            "3. minted a PKP with the user's wallet as its auth method: " + minted.ethAddress());

        // the PKP signs its own session (signSessionKey); the client caches it in its session key
        // store
        Secp256k1PublicKey pkpKey = minted.publicKey();
        PkpSessionRequest session =
            PkpSessionRequest.builder()
                .pkpPublicKey(pkpKey)
                .authMethod(ethWallet)
                .resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING)
                .build();
        SessionSigs sessionSigs = client.getPkpSessionSigs(session);
        PkpEthSigner pkp =
            PkpEthSigner.builder()
                .client(client)
                .pkpPublicKey(pkpKey)
                .sessionSigs(() -> client.getPkpSessionSigs(session))
                .build();
        out.println(
            "4. PKP session sigs for "
                + sessionSigs.nodeUrls().size()
                + " nodes; PKP signer "
                + pkp.address());

        byte[] message = "hello from a PKP".getBytes(StandardCharsets.UTF_8);
        byte[] signature = pkp.signPersonalMessage(message);
        check(
            EthSignatures.recoverAddress(EthHash.personalMessageHash(message), signature)
                .equals(pkp.ethAddress()),
            "the personal message signature recovers to the PKP");
        out.println("5. signed an EIP-191 message; it recovers to the PKP");

        TransactionReceipt funding =
            Transfer.sendFunds(
                    web3j, net.devAccount(0), pkp.address(), BigDecimal.ONE, Convert.Unit.ETHER)
                .send();
        check(funding.isStatusOK(), "the funding transfer succeeded");
        out.println(
            "6. funded the PKP with 1 ETH (balance "
                + Convert.fromWei(new BigDecimal(balance(web3j, pkp.address())), Convert.Unit.ETHER)
                + " ETH)");

        String recipient = randomAddress();
        PkpTransactionManager txManager = new PkpTransactionManager(web3j, pkp, net.chainId());
        TransactionReceipt sent =
            new Transfer(web3j, txManager)
                .sendFunds(recipient, new BigDecimal("0.25"), Convert.Unit.ETHER)
                .send();
        check(sent.isStatusOK(), "the PKP's transfer succeeded");
        check(sent.getFrom().equalsIgnoreCase(pkp.address()), "the transfer came from the PKP");
        BigInteger received = balance(web3j, recipient);
        check(
            received.equals(Convert.toWei("0.25", Convert.Unit.ETHER).toBigIntegerExact()),
            "the recipient holds 0.25 ETH");
        out.println(
            "7. the PKP sent 0.25 ETH to "
                + recipient
                + " in "
                + sent.getTransactionHash()
                + " (block "
                + sent.getBlockNumber()
                + ", gas "
                + sent.getGasUsed()
                + ")");
        out.println("done: a PKP signed and sent a web3j transaction");
        return new Outcome(pkp.address(), recipient, sent.getTransactionHash(), received);
      }
    }
  }

  private static BigInteger balance(Web3j web3j, String address) throws java.io.IOException {
    return web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  private static String randomAddress() {
    byte[] b = new byte[20];
    new SecureRandom().nextBytes(b);
    return new EthAddress(b).checksummed();
  }

  private static void check(boolean ok, String what) {
    if (!ok) throw new IllegalStateException("check failed: " + what);
  }
}
