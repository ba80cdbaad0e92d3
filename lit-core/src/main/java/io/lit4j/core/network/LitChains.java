package io.lit4j.core.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chain names Lit knows, with their chain ids: the JS SDK 4.2.0 tables {@code LIT_CHAINS}
 * (EVM), {@code LIT_SVM_CHAINS} and {@code LIT_COSMOS_CHAINS}, in the SDK's order. A condition's
 * {@code chain} field is one of these keys.
 *
 * <p>Example: {@code LitChains.evmChainId("ethereum") == 1}, {@code
 * LitChains.get("chronicleTestnet").requireEvmChainId() == 175177}.
 */
public final class LitChains {
  /** EIP-155 chain id of Chronicle, the Lit chain of cayenne, manzano and habanero. */
  public static final long CHRONICLE_CHAIN_ID = 175177L;

  /** Chronicle RPC the JS SDK uses by default ({@code DEFAULT_RPC}). */
  public static final String CHRONICLE_RPC_URL = "https://chain-rpc.litprotocol.com/http";

  // Read once, when the class loads.
  private static final String TABLE = "lit-chains.json";

  private static final Map<String, LitChain> CHAINS = build();

  /** Ethereum mainnet, chain id 1. */
  public static final LitChain ETHEREUM = CHAINS.get("ethereum");

  /** Chronicle, the Lit chain ({@code chronicleTestnet}, chain id 175177). */
  public static final LitChain CHRONICLE_TESTNET = CHAINS.get("chronicleTestnet");

  /** Sepolia testnet, chain id 11155111. */
  public static final LitChain SEPOLIA = CHAINS.get("sepolia");

  /** Solana mainnet. */
  public static final LitChain SOLANA = CHAINS.get("solana");

  /** Cosmos Hub ({@code cosmoshub-4}). */
  public static final LitChain COSMOS = CHAINS.get("cosmos");

  private LitChains() {}

  /**
   * {@return the chain with this name (case-sensitive, as in the SDK)}
   *
   * @param chain the SDK chain name, e.g. {@code ethereum}
   * @throws UnknownChainException when the name is not in the table
   * @throws io.lit4j.core.errors.LitValidationException when the name is missing or blank
   */
  public static LitChain get(String chain) {
    LitChain.requireKey(chain);
    LitChain c = CHAINS.get(chain);
    if (c == null) {
      throw new UnknownChainException(
          chain,
          "chain '" + chain + "' is not a chain Lit supports (see LitChains.all() for the names)");
    }
    return c;
  }

  /**
   * {@return the chain with this name, or empty when it is unknown or blank}
   *
   * @param chain the SDK chain name, e.g. {@code ethereum}
   */
  public static Optional<LitChain> find(String chain) {
    return chain == null ? Optional.empty() : Optional.ofNullable(CHAINS.get(chain));
  }

  /**
   * {@return the EIP-155 chain id of an EVM chain name, e.g. {@code ethereum} → 1}
   *
   * @param chain the SDK chain name of an EVM chain
   * @throws UnknownChainException when the name is unknown or not an EVM chain
   */
  public static long evmChainId(String chain) {
    return get(chain).requireEvmChainId();
  }

  /** {@return every chain, in the SDK's order (EVM, then Solana, then Cosmos)} */
  public static List<LitChain> all() {
    return List.copyOf(CHAINS.values());
  }

  /**
   * {@return the chains of one virtual machine family, in the SDK's order}
   *
   * @param vmType the virtual machine family
   */
  public static List<LitChain> ofType(LitChain.VmType vmType) {
    return CHAINS.values().stream().filter(c -> c.vmType() == vmType).toList();
  }

  // The table itself is data: lit-chains.json beside this class holds the values as published in
  // @lit-protocol/constants 4.2.0, in the SDK's order (including the SDK's own spellings, e.g. the
  // leading tab in Zora's name and waevEclipseTestnet/Devnet sharing id 91006).
  private static Map<String, LitChain> build() {
    JsonNode table;
    try (InputStream in = LitChains.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException("lit4j jar is missing its chain table " + TABLE);
      }
      table = LitJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the chain table " + TABLE, e);
    }
    Map<String, LitChain> m = new LinkedHashMap<>();
    for (JsonNode row : table) {
      LitChain chain = chain(row);
      if (m.put(chain.key(), chain) != null) {
        throw new IllegalStateException("chain table lists '" + chain.key() + "' twice");
      }
    }
    return Collections.unmodifiableMap(m);
  }

  private static LitChain chain(JsonNode row) {
    LitChain.VmType vmType = LitChain.VmType.valueOf(text(row, "vmType"));
    JsonNode chainId = row.path("chainId");
    return new LitChain(
        text(row, "key"),
        text(row, "name"),
        vmType,
        vmType == LitChain.VmType.EVM ? chainId.longValue() : 0L,
        vmType == LitChain.VmType.CVM ? chainId.textValue() : null,
        text(row, "symbol"),
        row.path("decimals").intValue(),
        strings(row, "rpcUrls"),
        strings(row, "blockExplorerUrls"));
  }

  private static String text(JsonNode row, String field) {
    String value = row.path(field).textValue();
    if (value == null) {
      throw new IllegalStateException("chain table row has no '" + field + "': " + row);
    }
    return value;
  }

  private static List<String> strings(JsonNode row, String field) {
    List<String> values = new ArrayList<>();
    row.path(field).forEach(v -> values.add(v.textValue()));
    return values;
  }
}
