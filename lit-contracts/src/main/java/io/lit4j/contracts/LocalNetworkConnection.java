package io.lit4j.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;

/**
 * The connection details a lit-localnet network prints (its launcher's JSON line, {@code --out}
 * file, or {@code LocalLitNetwork.connectionInfoJson()}): chain, nodes, contracts and the funded
 * dev accounts. {@code LitContracts.fromLocalNetwork} and {@code
 * LitNodeClientConfig.fromLocalNetwork} read it.
 *
 * <pre>{@code
 * LocalNetworkConnection c = LocalNetworkConnection.read(Path.of("conn.json"));
 * try (LitContracts contracts = c.contracts(c.devAccount(1))) { … }
 * }</pre>
 *
 * <p>The dev accounts' private keys are anvil's public, well-known test keys; {@link #toString()}
 * still leaves them out.
 *
 * @param rpcUrl the chain's JSON-RPC URL
 * @param chainId the chain id
 * @param nodeUrls the node URLs, in share-index order
 * @param minNodeCount the threshold Staking reports
 * @param networkPublicKey the BLS network public key, hex
 * @param hdRootPubkeys the K256 HD root public keys, compressed hex
 * @param contracts the deployed Lit contracts
 * @param keyDeriver the KeyDeriver contract (replaces Chronicle's HD precompile)
 * @param nodeWallets the node (validator) wallet addresses
 * @param devAccountAddresses the funded dev accounts' addresses (index 0 deployed the contracts)
 * @param devPrivateKeys the dev accounts' private keys ({@code 0x} + 64 hex), same order
 */
public record LocalNetworkConnection(
    String rpcUrl,
    long chainId,
    List<String> nodeUrls,
    int minNodeCount,
    String networkPublicKey,
    List<String> hdRootPubkeys,
    LitContractAddresses contracts,
    String keyDeriver,
    List<String> nodeWallets,
    List<String> devAccountAddresses,
    List<String> devPrivateKeys) {

  private static final Pattern PRIVATE_KEY = Pattern.compile("0x[0-9a-fA-F]{64}");

  /**
   * Validates and copies the components.
   *
   * @param rpcUrl the chain's JSON-RPC URL
   * @param chainId the chain id
   * @param nodeUrls the node URLs, in share-index order
   * @param minNodeCount the threshold Staking reports
   * @param networkPublicKey the BLS network public key, hex
   * @param hdRootPubkeys the K256 HD root public keys, compressed hex
   * @param contracts the deployed Lit contracts
   * @param keyDeriver the KeyDeriver contract
   * @param nodeWallets the node wallet addresses
   * @param devAccountAddresses the funded dev accounts' addresses
   * @param devPrivateKeys the dev accounts' private keys, same order
   * @throws LitValidationException when a component is missing or malformed
   */
  public LocalNetworkConnection {
    if (rpcUrl == null || !(rpcUrl.startsWith("http://") || rpcUrl.startsWith("https://"))) {
      throw new LitValidationException(
          "local network JSON: rpcUrl must be an http(s) URL, got " + rpcUrl);
    }
    if (chainId <= 0)
      throw new LitValidationException(
          "local network JSON: chainId must be positive, got " + chainId);
    if (minNodeCount < 1)
      throw new LitValidationException(
          "local network JSON: minNodeCount must be at least 1, got " + minNodeCount);
    if (contracts == null)
      throw new LitValidationException("local network JSON: contracts are missing");
    nodeUrls = List.copyOf(nodeUrls);
    hdRootPubkeys = List.copyOf(hdRootPubkeys);
    nodeWallets = List.copyOf(nodeWallets);
    devAccountAddresses = List.copyOf(devAccountAddresses);
    devPrivateKeys = List.copyOf(devPrivateKeys);
    if (nodeUrls.isEmpty())
      throw new LitValidationException("local network JSON: nodeUrls is empty");
    if (devPrivateKeys.size() != devAccountAddresses.size()) {
      throw new LitValidationException(
          "local network JSON: devAccounts has "
              + devAccountAddresses.size()
              + " addresses but "
              + devPrivateKeys.size()
              + " private keys");
    }
    for (int i = 0; i < devPrivateKeys.size(); i++) {
      if (!PRIVATE_KEY.matcher(devPrivateKeys.get(i)).matches()) {
        throw new LitValidationException(
            "local network JSON: devAccounts.privateKeys[" + i + "] is not 0x + 64 hex");
      }
    }
  }

  /**
   * Parses the JSON a lit-localnet network prints.
   *
   * @param json the connection JSON
   * @return the connection details
   * @throws LitValidationException when the JSON is malformed or a field is missing
   */
  public static LocalNetworkConnection parse(String json) {
    if (json == null) throw new LitValidationException("local network JSON must not be null");
    JsonNode o = LitJson.parse(json, "local network JSON");
    if (!o.isObject()) throw new LitValidationException("local network JSON must be an object");
    JsonNode c = required(o, "contracts");
    LitContractAddresses addresses =
        new LitContractAddresses(
            text(c, "Staking"),
            text(c, "PKPNFT"),
            text(c, "PubkeyRouter"),
            text(c, "PKPPermissions"),
            text(c, "PKPHelper"),
            text(c, "RateLimitNFT"));
    JsonNode dev = required(o, "devAccounts");
    return new LocalNetworkConnection(
        text(o, "rpcUrl"),
        required(o, "chainId").asLong(),
        texts(o, "nodeUrls"),
        required(o, "minNodeCount").asInt(),
        text(o, "networkPublicKey"),
        texts(o, "hdRootPubkeys"),
        addresses,
        c.path("KeyDeriver").asText(""),
        texts(o, "nodeWallets"),
        texts(dev, "addresses"),
        texts(dev, "privateKeys"));
  }

  /**
   * Reads the JSON file a lit-localnet launcher wrote ({@code --out conn.json}).
   *
   * @param file the connection file
   * @return the connection details
   * @throws LitValidationException when the file cannot be read or its JSON is malformed
   */
  public static LocalNetworkConnection read(Path file) {
    if (file == null) throw new LitValidationException("local network file must not be null");
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new LitValidationException(
          "cannot read the local network file " + file + ": " + e.getMessage());
    }
  }

  /**
   * A funded dev account as web3j credentials.
   *
   * @param index 0-based dev account index (0 deployed and owns the contracts)
   * @return its credentials
   * @throws LitValidationException for an unknown index
   */
  public Credentials devAccount(int index) {
    if (index < 0 || index >= devPrivateKeys.size()) {
      throw new LitValidationException(
          "dev account index must be in [0, " + devPrivateKeys.size() + "), got " + index);
    }
    return Credentials.create(devPrivateKeys.get(index));
  }

  /**
   * Opens the network's contracts over its RPC, signing with {@code signer}.
   *
   * @param signer the account that sends transactions, e.g. {@link #devAccount(int)}
   * @return the contracts (close them)
   * @throws LitValidationException when signer is null
   */
  public LitContracts contracts(Credentials signer) {
    if (signer == null) throw new LitValidationException("signer must not be null");
    return LitContracts.builder().rpcUrl(rpcUrl).addresses(contracts).signer(signer).build();
  }

  @Override
  public String toString() {
    return "LocalNetworkConnection[rpcUrl="
        + rpcUrl
        + ", chainId="
        + chainId
        + ", nodeUrls="
        + nodeUrls
        + ", minNodeCount="
        + minNodeCount
        + ", contracts="
        + contracts
        + ", devAccounts="
        + devAccountAddresses.size()
        + "]";
  }

  private static JsonNode required(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull())
      throw new LitValidationException("local network JSON has no \"" + field + "\"");
    return v;
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = required(o, field);
    if (!v.isTextual())
      throw new LitValidationException("local network JSON: \"" + field + "\" must be a string");
    return v.asText();
  }

  private static List<String> texts(JsonNode o, String field) {
    JsonNode v = required(o, field);
    if (!v.isArray())
      throw new LitValidationException(
          "local network JSON: \"" + field + "\" must be an array of strings");
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual())
        throw new LitValidationException(
            "local network JSON: \"" + field + "\" must be an array of strings");
      out.add(e.asText());
    }
    return out;
  }
}
