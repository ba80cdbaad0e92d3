package io.lit4j.localnet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.core.json.LitJson;
import io.lit4j.localnet.chain.Anvil;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/** {@link LocalLitNetwork#connectionInfoJson()}: what clients need to reach a local network. */
final class ConnectionInfo {
  private ConnectionInfo() {}

  static String json(LocalLitNetwork net) {
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("network", "custom");
    o.put("rpcUrl", net.rpcUrl());
    o.put("chainId", net.chainId());
    ArrayNode urls = o.putArray("nodeUrls");
    net.nodeUrls().forEach(urls::add);
    o.put("minNodeCount", net.minNodeCount());
    o.put("networkPublicKey", net.networkPublicKey());
    ArrayNode roots = o.putArray("hdRootPubkeys");
    net.hdRootPubkeys().forEach(roots::add);
    ObjectNode c = o.putObject("contracts");
    LitContractAddresses a = net.contracts();
    c.put("Staking", a.staking());
    c.put("PKPNFT", a.pkpNft());
    c.put("PubkeyRouter", a.pubkeyRouter());
    c.put("PKPPermissions", a.pkpPermissions());
    c.put("PKPHelper", a.pkpHelper());
    c.put("RateLimitNFT", a.rateLimitNft());
    c.put("KeyDeriver", net.keyDeriverAddress());
    ArrayNode wallets = o.putArray("nodeWallets");
    net.nodes().forEach(n -> wallets.add(n.nodeWalletAddress()));
    ObjectNode dev = o.putObject("devAccounts");
    dev.put("mnemonic", Anvil.DEV_MNEMONIC);
    dev.put("derivationPath", "m/44'/60'/0'/0/<index>");
    ArrayNode addrs = dev.putArray("addresses");
    net.devAccounts().forEach(d -> addrs.add(Keys.toChecksumAddress(d.getAddress())));
    // anvil's public test keys, so that clients need no mnemonic derivation
    ArrayNode keys = dev.putArray("privateKeys");
    net.devAccounts()
        .forEach(
            d ->
                keys.add(
                    Numeric.toHexStringWithPrefixZeroPadded(d.getEcKeyPair().getPrivateKey(), 64)));
    o.put("maxRequestsPerKilosecond", net.maxRequestsPerKilosecond());
    o.put("startupMillis", net.startupTime().toMillis());
    return LitJson.write(o);
  }
}
