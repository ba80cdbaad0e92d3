package io.lit4j.examples.docs;

import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.wallet.PkpEthSigner;
import io.lit4j.node.wallet.PkpTransactionManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;

/**
 * A PKP as a web3j wallet (docs/modules/lit-node-client.md): the PKP signs an EIP-191 message
 * and sends ether with web3j's {@link Transfer}. {@link QuickStartSampleTest} runs it.
 */
public final class PkpWalletSample {
  private PkpWalletSample() {}

  /** What the sample did. */
  public record Result(String pkpAddress, byte[] messageSignature, TransactionReceipt transfer, String recipient) {}

  /** Runs against a local network; the PKP is owned by dev account 1. */
  public static Result run(LocalLitNetwork net, String recipient) throws Exception {
    Credentials owner = net.devAccount(1);
    Web3j web3j = net.anvil().web3j();
    try (LitContracts contracts = LitContracts.builder().rpcUrl(net.rpcUrl()).addresses(net.contracts()).signer(owner).build();
        LitNodeClient client = LitNodeClient.create(LitNodeClientConfig.builder().localNetwork(net.rpcUrl(), net.contracts()).build())) {
      client.connect();
      MintedPkp minted = contracts.pkps().mintNext(); // a PKP owned by the signer: the owner may use it
      Transfer.sendFunds(web3j, net.devAccount(0), minted.ethAddress().checksummed(), BigDecimal.ONE, Convert.Unit.ETHER).send();

      // docs:start wallet
      // the owner's wallet session may ask the nodes for PKP signatures
      SessionSigs sessionSigs = client.getSessionSigs(r -> r
          .wallet(new Web3jEthSigner(owner)).resourceAbility(LitAbility.PKP_SIGNING)); // on every PKP
      PkpEthSigner pkp = PkpEthSigner.builder()
          .client(client)
          .pkpPublicKey(minted.publicKey())
          .sessionSigs(() -> sessionSigs) // called per signature: refresh expiring sigs here
          .build();

      byte[] signature = pkp.signPersonalMessage("hello from a PKP".getBytes(StandardCharsets.UTF_8)); // EIP-191, 65 bytes

      // web3j sends transactions signed by the PKP: Transfer, contract wrappers, EIP-1559
      PkpTransactionManager txManager = new PkpTransactionManager(web3j, pkp, net.chainId());
      TransactionReceipt sent = new Transfer(web3j, txManager).sendFunds(recipient, new BigDecimal("0.25"), Convert.Unit.ETHER).send();
      // docs:end wallet
      return new Result(pkp.address(), signature, sent, recipient);
    }
  }
}
