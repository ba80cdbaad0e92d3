package io.lit4j.localnet.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.contracts.PkpContract;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.chain.internal.Transactor;
import io.lit4j.localnet.internal.LoopbackHttpServer;
import io.lit4j.localnet.internal.LoopbackHttpServer.Reply;
import io.lit4j.localnet.internal.LoopbackHttpServer.Request;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A relay on loopback with the v4 relay server's routes, minting on a {@link LocalLitNetwork}'s
 * chain with a funded dev account, as Lit's relay pays for its users' PKPs:
 *
 * <ul>
 *   <li>{@code POST /mint-next-and-add-auth-methods} (body as JS {@code LitAuthClient} sends it) →
 *       {@code {requestId: <tx hash>}}
 *   <li>{@code GET /auth/status/<requestId>} → {@code {status:"Succeeded", pkpTokenId,
 *       pkpEthAddress, pkpPublicKey}} (or {@code InProgress})
 *   <li>{@code POST /fetch-pkps-by-auth-method} {@code {authMethodType, authMethodId}} → {@code
 *       {pkps:[{tokenId, publicKey, ethAddress}]}}
 * </ul>
 *
 * Requests need the {@code api-key} header when the relay has an API key.
 */
public final class LocalRelay implements AutoCloseable {
  private static final String TRANSFER = Hash.sha3String("Transfer(address,address,uint256)");

  private final LoopbackHttpServer server;
  private final Transactor tx;
  private final LitContractAddresses contracts;
  private final Optional<String> apiKey;

  private LocalRelay(LocalLitNetwork net, Credentials payer, Optional<String> apiKey) {
    this.tx = new Transactor(net.anvil().web3j(), payer, net.chainId());
    this.contracts = net.contracts();
    this.apiKey = apiKey;
    this.server = LoopbackHttpServer.start();
    server.route("POST", "/mint-next-and-add-auth-methods", guarded(this::mint));
    server.route("GET", "/auth/status/*", guarded(this::status));
    server.route("POST", "/fetch-pkps-by-auth-method", guarded(this::fetch));
  }

  /**
   * Starts a relay for {@code net}, paying with dev account 9.
   *
   * @param net the network
   * @param apiKey the API key clients must send, or null for none
   * @return the running relay
   */
  public static LocalRelay start(LocalLitNetwork net, String apiKey) {
    if (net == null) throw new LitValidationException("net is required");
    return new LocalRelay(
        net, net.devAccount(9), Optional.ofNullable(apiKey).filter(k -> !k.isEmpty()));
  }

  /** {@return the relay URL, {@code http://127.0.0.1:<port>}} */
  public String url() {
    return server.baseUrl();
  }

  private LoopbackHttpServer.Handler guarded(LoopbackHttpServer.Handler h) {
    return r -> {
      if (apiKey.isPresent() && !apiKey.get().equals(r.header("api-key").orElse(null)))
        return Reply.error(401, "Invalid API key");
      return h.handle(r);
    };
  }

  private Reply mint(Request r) {
    JsonNode b = r.body();
    if (b == null || !b.isObject()) return Reply.error(400, "body must be a JSON object");
    try {
      List<BigInteger> types = new ArrayList<>();
      for (JsonNode t : array(b, "permittedAuthMethodTypes")) types.add(number(t));
      List<byte[]> ids = new ArrayList<>();
      for (JsonNode t : array(b, "permittedAuthMethodIds")) ids.add(bytes(t));
      List<byte[]> pubkeys = new ArrayList<>();
      for (JsonNode t : array(b, "permittedAuthMethodPubkeys")) pubkeys.add(bytes(t));
      List<List<BigInteger>> scopes = new ArrayList<>();
      for (JsonNode s : array(b, "permittedAuthMethodScopes")) {
        List<BigInteger> one = new ArrayList<>();
        for (JsonNode x : s) one.add(number(x));
        scopes.add(one);
      }
      if (ids.size() != types.size()
          || pubkeys.size() != types.size()
          || scopes.size() != types.size()) {
        return Reply.error(
            400, "permittedAuthMethodTypes, Ids, Pubkeys and Scopes must have the same length");
      }
      long keyType = b.has("keyType") ? number(b.get("keyType")).longValueExact() : 2;
      BigInteger cost = mintCost();
      TransactionReceipt receipt =
          tx.send(
              contracts.pkpHelper(),
              PkpContract.mintNextAndAddAuthMethodsCall(
                  keyType,
                  types,
                  ids,
                  pubkeys,
                  scopes,
                  b.path("addPkpEthAddressAsPermittedAddress").asBoolean(true),
                  b.path("sendPkpToItself").asBoolean(true)),
              cost);
      ObjectNode o = LitJson.mapper().createObjectNode();
      o.put("requestId", receipt.getTransactionHash());
      return Reply.ok(o);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Reply.error(
          400, "[mintNextAndAddAuthMethodsHandler] Unable to mint PKP " + e.getMessage());
    } catch (LitException e) {
      return Reply.error(
          500, "[mintNextAndAddAuthMethodsHandler] Unable to mint PKP " + e.getMessage());
    }
  }

  private Reply status(Request r) {
    String hash = r.rest();
    Optional<TransactionReceipt> receipt;
    try {
      receipt = tx.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt();
    } catch (IOException | RuntimeException e) {
      return Reply.error(500, "Unable to fetch status of request");
    }
    ObjectNode o = LitJson.mapper().createObjectNode();
    if (receipt.isEmpty()) {
      o.put("status", "InProgress");
      return Reply.ok(o);
    }
    if (!receipt.get().isStatusOK())
      return Reply.error(500, "Unable to fetch tokenId from receipt");
    BigInteger tokenId = null;
    for (Log l : receipt.get().getLogs()) {
      if (l.getAddress().equalsIgnoreCase(contracts.pkpNft())
          && l.getTopics().size() == 4
          && l.getTopics().get(0).equalsIgnoreCase(TRANSFER)) {
        tokenId = new BigInteger(Hex.strip0x(l.getTopics().get(3)), 16);
        break;
      }
    }
    if (tokenId == null) return Reply.error(500, "Unable to fetch tokenId from receipt");
    byte[] pubkey = pubkey(tokenId);
    o.put("status", "Succeeded");
    o.put("pkpTokenId", "0x" + tokenId.toString(16));
    o.put("pkpEthAddress", Secp256k1PublicKey.fromBytes(pubkey).ethAddress().checksummed());
    o.put("pkpPublicKey", Hex.encode0x(pubkey));
    return Reply.ok(o);
  }

  private Reply fetch(Request r) {
    JsonNode b = r.body();
    if (b == null || !b.hasNonNull("authMethodType") || !b.hasNonNull("authMethodId")) {
      return Reply.error(400, "Auth method type and id are required to fetch PKPs by auth method");
    }
    try {
      BigInteger type = number(b.get("authMethodType"));
      byte[] id = bytes(b.get("authMethodId"));
      Function f =
          new Function(
              "getTokenIdsForAuthMethod",
              List.of(new Uint256(type), new DynamicBytes(id)),
              List.of(new TypeReference<DynamicArray<Uint256>>() {}));
      @SuppressWarnings("rawtypes")
      List<Type> out =
          FunctionReturnDecoder.decode(
              tx.callRaw(contracts.pkpPermissions(), org.web3j.abi.FunctionEncoder.encode(f)),
              f.getOutputParameters());
      ArrayNode pkps = LitJson.mapper().createArrayNode();
      @SuppressWarnings("unchecked")
      List<Uint256> tokens = ((DynamicArray<Uint256>) out.get(0)).getValue();
      for (Uint256 t : tokens) {
        byte[] pubkey = pubkey(t.getValue());
        ObjectNode p = pkps.addObject();
        p.put("tokenId", "0x" + t.getValue().toString(16));
        p.put("publicKey", Hex.encode0x(pubkey));
        p.put("ethAddress", Secp256k1PublicKey.fromBytes(pubkey).ethAddress().checksummed());
      }
      ObjectNode o = LitJson.mapper().createObjectNode();
      o.set("pkps", pkps);
      return Reply.ok(o);
    } catch (IllegalArgumentException | LitException e) {
      return Reply.error(
          500,
          "Unable to fetch PKPs for given auth method type: " + b.get("authMethodType").asText());
    }
  }

  private BigInteger mintCost() {
    Function f = new Function("mintCost", List.of(), List.of(new TypeReference<Uint256>() {}));
    return (BigInteger)
        FunctionReturnDecoder.decode(
                tx.callRaw(contracts.pkpNft(), org.web3j.abi.FunctionEncoder.encode(f)),
                f.getOutputParameters())
            .get(0)
            .getValue();
  }

  private byte[] pubkey(BigInteger tokenId) {
    Function f =
        new Function(
            "getPubkey",
            List.of(new Uint256(tokenId)),
            List.of(new TypeReference<DynamicBytes>() {}));
    return (byte[])
        FunctionReturnDecoder.decode(
                tx.callRaw(contracts.pkpNft(), org.web3j.abi.FunctionEncoder.encode(f)),
                f.getOutputParameters())
            .get(0)
            .getValue();
  }

  private static JsonNode array(JsonNode b, String field) {
    JsonNode a = b.get(field);
    if (a == null || !a.isArray()) throw new IllegalArgumentException(field + " must be an array");
    return a;
  }

  /**
   * A number as JS sends it: a JSON number, a decimal or 0x string, or an ethers BigNumber {@code
   * {type, hex}}.
   */
  private static BigInteger number(JsonNode n) {
    if (n.isIntegralNumber()) return n.bigIntegerValue();
    if (n.isObject() && n.path("hex").isTextual())
      return new BigInteger(Hex.strip0x(n.get("hex").textValue()), 16);
    if (n.isTextual()) {
      String s = n.textValue();
      return s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
    }
    throw new IllegalArgumentException("not a number: " + n);
  }

  private static byte[] bytes(JsonNode n) {
    if (!n.isTextual()) throw new IllegalArgumentException("not a hex string: " + n);
    return Hex.decode(n.textValue().equals("0x") ? "" : n.textValue(), "bytes");
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "LocalRelay[" + url() + "]";
  }
}
