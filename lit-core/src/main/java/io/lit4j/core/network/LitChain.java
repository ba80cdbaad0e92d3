package io.lit4j.core.network;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of the JS SDK 4.2.0 chain table ({@code LIT_CHAINS}, {@code LIT_SVM_CHAINS}, {@code
 * LIT_COSMOS_CHAINS}): the name a condition's {@code chain} field uses, and the facts a node needs
 * to evaluate it. Immutable; get instances from {@link LitChains}.
 */
public final class LitChain {
  /** The virtual machine family of a chain, as the JS SDK's {@code vmType} names it. */
  public enum VmType {
    /** Ethereum-compatible ({@code LIT_CHAINS}). */
    EVM,
    /** Solana ({@code LIT_SVM_CHAINS}). */
    SVM,
    /** Cosmos ({@code LIT_COSMOS_CHAINS}). */
    CVM
  }

  private final String key;
  private final String name;
  private final VmType vmType;
  private final long evmChainId;
  private final String cosmosChainId;
  private final String symbol;
  private final int decimals;
  private final List<String> rpcUrls;
  private final List<String> blockExplorerUrls;

  LitChain(
      String key,
      String name,
      VmType vmType,
      long evmChainId,
      String cosmosChainId,
      String symbol,
      int decimals,
      List<String> rpcUrls,
      List<String> blockExplorerUrls) {
    this.key = Args.required(key, "key");
    this.name = Args.required(name, "name");
    this.vmType = Args.required(vmType, "vmType");
    this.evmChainId = evmChainId;
    this.cosmosChainId = cosmosChainId;
    this.symbol = Args.required(symbol, "symbol");
    this.decimals = decimals;
    this.rpcUrls = List.copyOf(rpcUrls);
    this.blockExplorerUrls = List.copyOf(blockExplorerUrls);
  }

  /**
   * {@return the name conditions use in {@code chain}, e.g. {@code ethereum}, {@code
   * chronicleTestnet}}
   */
  public String key() {
    return key;
  }

  /**
   * Human-readable name, as the SDK spells it (e.g. {@code Chronicle - Lit Protocol Testnet}).
   *
   * @return the SDK's display name
   */
  public String name() {
    return name;
  }

  /** {@return the chain's virtual machine family} */
  public VmType vmType() {
    return vmType;
  }

  /** {@return the EIP-155 chain id of an EVM chain; empty for Solana and Cosmos chains} */
  public OptionalLong evmChainId() {
    return vmType == VmType.EVM ? OptionalLong.of(evmChainId) : OptionalLong.empty();
  }

  /**
   * {@return the EIP-155 chain id of this chain}
   *
   * @throws UnknownChainException when this is not an EVM chain
   */
  public long requireEvmChainId() {
    if (vmType != VmType.EVM) {
      throw new UnknownChainException(
          key, "chain '" + key + "' is a " + vmType + " chain, not an EVM chain");
    }
    return evmChainId;
  }

  /** {@return the Cosmos chain id (e.g. {@code cosmoshub-4}); empty for other chains} */
  public Optional<String> cosmosChainId() {
    return Optional.ofNullable(cosmosChainId);
  }

  /**
   * Native token symbol.
   *
   * @return the native token symbol, e.g. {@code ETH}
   */
  public String symbol() {
    return symbol;
  }

  /**
   * Native token decimals.
   *
   * @return the number of decimals of the native token
   */
  public int decimals() {
    return decimals;
  }

  /**
   * Default public RPC URLs from the SDK table; a local network points its nodes elsewhere.
   *
   * @return the RPC URLs, possibly empty
   */
  public List<String> rpcUrls() {
    return rpcUrls;
  }

  /**
   * Block explorer URLs from the SDK table.
   *
   * @return the explorer URLs, possibly empty
   */
  public List<String> blockExplorerUrls() {
    return blockExplorerUrls;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LitChain c && c.key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return vmType == VmType.EVM
        ? key + " (" + vmType + " " + evmChainId + ")"
        : key + " (" + vmType + ")";
  }

  static void requireKey(String key) {
    if (key == null || key.isBlank()) throw new LitValidationException("chain is missing or blank");
  }
}
