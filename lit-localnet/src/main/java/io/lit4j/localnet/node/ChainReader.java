package io.lit4j.localnet.node;

import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.core.util.Hex;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;

/**
 * The chain reads a simulated node makes, as {@code eth_call}s on the local chain. Return values
 * are decoded by hand (a few ABI shapes only). A revert surfaces as {@link Reverted}; a transport
 * failure as {@link NodeError} {@code NodeRpcError}.
 */
final class ChainReader {
  /** An {@code eth_call} that reverted. */
  static final class Reverted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Reverted(String message) {
      super(message);
    }
  }

  /** A block: hash, number, unix timestamp. */
  record Block(String hash, BigInteger number, long timestamp) {}

  /** A PKP routing record. */
  record Routing(byte[] pubkey, BigInteger keyType, byte[] derivedKeyId) {}

  /** A permitted auth method. */
  record PermittedMethod(BigInteger type, byte[] id, byte[] userPubkey) {}

  private final Web3j web3j;
  private final LitContractAddresses contracts;

  ChainReader(Web3j web3j, LitContractAddresses contracts) {
    this.web3j = web3j;
    this.contracts = contracts;
  }

  LitContractAddresses contracts() {
    return contracts;
  }

  Block latestBlock() {
    try {
      EthBlock.Block b =
          web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
      return new Block(b.getHash(), b.getNumber(), b.getTimestamp().longValueExact());
    } catch (IOException | RuntimeException e) {
      throw NodeError.of(
          NodeErrorCode.NodeRpcError, "could not read the latest block: " + e.getMessage());
    }
  }

  Optional<Block> blockByHash(String hash) {
    try {
      EthBlock r = web3j.ethGetBlockByHash(hash, false).send();
      if (r.hasError() || r.getBlock() == null) return Optional.empty();
      EthBlock.Block b = r.getBlock();
      return Optional.of(new Block(b.getHash(), b.getNumber(), b.getTimestamp().longValueExact()));
    } catch (IOException e) {
      throw NodeError.of(
          NodeErrorCode.NodeRpcError, "could not read block " + hash + ": " + e.getMessage());
    }
  }

  BigInteger balance(String address) {
    try {
      return web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
    } catch (IOException | RuntimeException e) {
      throw NodeError.of(NodeErrorCode.NodeRpcError, "eth_getBalance failed: " + e.getMessage());
    }
  }

  BigInteger transactionCount(String address) {
    try {
      return web3j
          .ethGetTransactionCount(address, DefaultBlockParameterName.LATEST)
          .send()
          .getTransactionCount();
    } catch (IOException | RuntimeException e) {
      throw NodeError.of(
          NodeErrorCode.NodeRpcError, "eth_getTransactionCount failed: " + e.getMessage());
    }
  }

  /** Raw {@code eth_call}; returns the result bytes. */
  byte[] call(String from, String to, byte[] data) {
    try {
      EthCall r =
          web3j
              .ethCall(
                  Transaction.createEthCallTransaction(from, to, Hex.encode0x(data)),
                  DefaultBlockParameterName.LATEST)
              .send();
      if (r.hasError()) throw new Reverted(r.getError().getMessage());
      if (r.isReverted()) throw new Reverted(String.valueOf(r.getRevertReason()));
      String v = r.getValue();
      return v == null || v.equals("0x") ? new byte[0] : Hex.decode(v, "eth_call result");
    } catch (IOException e) {
      throw NodeError.of(
          NodeErrorCode.NodeRpcError, "eth_call to " + to + " failed: " + e.getMessage());
    }
  }

  private Words call(String to, String name, Type<?>... args) {
    Function f = new Function(name, List.of(args), List.of());
    return new Words(call(null, to, Hex.decode(FunctionEncoder.encode(f), "calldata")));
  }

  // ---------------------------------------------------------------- Lit contracts

  List<byte[]> rootKeys() {
    Words w = call(contracts.pubkeyRouter(), "getRootKeys", new Address(contracts.staking()));
    int arr = w.offset(0);
    int n = w.intAt(arr);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int tuple = arr + 32 + w.intAt(arr + 32 + 32 * i);
      out.add(w.bytesAt(tuple + w.intAt(tuple)));
    }
    return out;
  }

  Routing routing(BigInteger tokenId) {
    Words w = call(contracts.pubkeyRouter(), "getRoutingData", new Uint256(tokenId));
    int t = w.offset(0);
    return new Routing(
        w.bytesAt(t + w.intAt(t)), w.uintAt(t + 32), Arrays.copyOfRange(w.data, t + 64, t + 96));
  }

  String pkpOwner(BigInteger tokenId) {
    return call(contracts.pkpNft(), "ownerOf", new Uint256(tokenId)).address(0);
  }

  List<PermittedMethod> permittedAuthMethods(BigInteger tokenId) {
    Words w = call(contracts.pkpPermissions(), "getPermittedAuthMethods", new Uint256(tokenId));
    int arr = w.offset(0);
    int n = w.intAt(arr);
    List<PermittedMethod> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int t = arr + 32 + w.intAt(arr + 32 + 32 * i);
      out.add(
          new PermittedMethod(
              w.uintAt(t), w.bytesAt(t + w.intAt(t + 32)), w.bytesAt(t + w.intAt(t + 64))));
    }
    return out;
  }

  List<Boolean> permittedScopes(BigInteger tokenId, BigInteger type, byte[] id, int max) {
    Words w =
        call(
            contracts.pkpPermissions(),
            "getPermittedAuthMethodScopes",
            new Uint256(tokenId),
            new Uint256(type),
            new DynamicBytes(id),
            new Uint256(max));
    int arr = w.offset(0);
    int n = w.intAt(arr);
    List<Boolean> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(w.uintAt(arr + 32 + 32 * i).signum() != 0);
    return out;
  }

  List<BigInteger> tokenIdsForAuthMethod(BigInteger type, byte[] id) {
    Words w =
        call(
            contracts.pkpPermissions(),
            "getTokenIdsForAuthMethod",
            new Uint256(type),
            new DynamicBytes(id));
    return w.uintArray(w.offset(0));
  }

  byte[] userPubkeyForAuthMethod(BigInteger type, byte[] id) {
    Words w =
        call(
            contracts.pkpPermissions(),
            "getUserPubkeyForAuthMethod",
            new Uint256(type),
            new DynamicBytes(id));
    return w.bytesAt(w.offset(0));
  }

  boolean isPermittedAction(BigInteger tokenId, byte[] cid) {
    return call(
                contracts.pkpPermissions(),
                "isPermittedAction",
                new Uint256(tokenId),
                new DynamicBytes(cid))
            .uintAt(0)
            .signum()
        != 0;
  }

  boolean isPermittedAddress(BigInteger tokenId, String address) {
    return call(
                contracts.pkpPermissions(),
                "isPermittedAddress",
                new Uint256(tokenId),
                new Address(address))
            .uintAt(0)
            .signum()
        != 0;
  }

  List<String> permittedAddresses(BigInteger tokenId) {
    Words w = call(contracts.pkpPermissions(), "getPermittedAddresses", new Uint256(tokenId));
    List<String> out = new ArrayList<>();
    for (BigInteger v : w.uintArray(w.offset(0))) out.add(toAddress(v));
    return out;
  }

  List<byte[]> permittedActions(BigInteger tokenId) {
    Words w = call(contracts.pkpPermissions(), "getPermittedActions", new Uint256(tokenId));
    int arr = w.offset(0);
    int n = w.intAt(arr);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(w.bytesAt(arr + 32 + w.intAt(arr + 32 + 32 * i)));
    return out;
  }

  // ---------------------------------------------------------------- capacity credits

  List<BigInteger> capacityTokensOf(String owner) {
    BigInteger n = call(contracts.rateLimitNft(), "balanceOf", new Address(owner)).uintAt(0);
    List<BigInteger> out = new ArrayList<>();
    for (int i = 0; i < n.intValueExact(); i++) {
      out.add(
          call(contracts.rateLimitNft(), "tokenOfOwnerByIndex", new Address(owner), new Uint256(i))
              .uintAt(0));
    }
    return out;
  }

  /** {@code [requestsPerKilosecond, expiresAt]}. */
  BigInteger[] capacity(BigInteger tokenId) {
    Words w = call(contracts.rateLimitNft(), "capacity", new Uint256(tokenId));
    return new BigInteger[] {w.uintAt(0), w.uintAt(32)};
  }

  String capacityOwner(BigInteger tokenId) {
    return call(contracts.rateLimitNft(), "ownerOf", new Uint256(tokenId)).address(0);
  }

  long rateLimitWindowSeconds() {
    return call(contracts.rateLimitNft(), "defaultRateLimitWindowSeconds")
        .uintAt(0)
        .longValueExact();
  }

  static String toAddress(BigInteger v) {
    String h = v.toString(16);
    return org.web3j.crypto.Keys.toChecksumAddress(
        "0x" + "0".repeat(Math.max(0, 40 - h.length())) + h);
  }

  static BigInteger tokenIdOf(byte[] pubkey) {
    return new BigInteger(1, Hash.sha3(pubkey));
  }

  /** ABI words of a return value. */
  static final class Words {
    final byte[] data;

    Words(byte[] data) {
      this.data = data;
    }

    BigInteger uintAt(int pos) {
      if (pos + 32 > data.length)
        throw new Reverted("short ABI return value (" + data.length + " bytes)");
      return new BigInteger(1, Arrays.copyOfRange(data, pos, pos + 32));
    }

    int intAt(int pos) {
      return uintAt(pos).intValueExact();
    }

    int offset(int pos) {
      return intAt(pos);
    }

    String address(int pos) {
      return toAddress(uintAt(pos));
    }

    byte[] bytesAt(int pos) {
      int len = intAt(pos);
      return Arrays.copyOfRange(data, pos + 32, pos + 32 + len);
    }

    List<BigInteger> uintArray(int pos) {
      int n = intAt(pos);
      List<BigInteger> out = new ArrayList<>();
      for (int i = 0; i < n; i++) out.add(uintAt(pos + 32 + 32 * i));
      return out;
    }
  }
}
