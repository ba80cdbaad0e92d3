package io.lit4j.core.network;

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

  private static void evm(
      Map<String, LitChain> m,
      String key,
      String name,
      long chainId,
      String symbol,
      int decimals,
      List<String> rpc,
      List<String> explorers) {
    m.put(
        key,
        new LitChain(
            key, name, LitChain.VmType.EVM, chainId, null, symbol, decimals, rpc, explorers));
  }

  private static void svm(
      Map<String, LitChain> m,
      String key,
      String name,
      String symbol,
      int decimals,
      List<String> rpc,
      List<String> explorers) {
    m.put(
        key,
        new LitChain(key, name, LitChain.VmType.SVM, 0L, null, symbol, decimals, rpc, explorers));
  }

  private static void cosmos(
      Map<String, LitChain> m,
      String key,
      String name,
      String chainId,
      String symbol,
      int decimals,
      List<String> rpc,
      List<String> explorers) {
    m.put(
        key,
        new LitChain(
            key, name, LitChain.VmType.CVM, 0L, chainId, symbol, decimals, rpc, explorers));
  }

  // Values as published in @lit-protocol/constants 4.2.0 (including the SDK's own spellings,
  // e.g. the leading tab in Zora's name and waevEclipseTestnet/Devnet sharing id 91006).
  private static Map<String, LitChain> build() {
    Map<String, LitChain> m = new LinkedHashMap<>();
    evm(
        m,
        "ethereum",
        "Ethereum",
        1L,
        "ETH",
        18,
        List.of("https://eth-mainnet.alchemyapi.io/v2/EuGnkVlzVoEkzdg0lpCarhm8YHOxWVxE"),
        List.of("https://etherscan.io"));
    evm(
        m,
        "polygon",
        "Polygon",
        137L,
        "MATIC",
        18,
        List.of("https://polygon-rpc.com"),
        List.of("https://explorer.matic.network"));
    evm(
        m,
        "fantom",
        "Fantom",
        250L,
        "FTM",
        18,
        List.of("https://rpcapi.fantom.network"),
        List.of("https://ftmscan.com"));
    evm(
        m,
        "xdai",
        "xDai",
        100L,
        "xDai",
        18,
        List.of("https://rpc.gnosischain.com"),
        List.of(" https://blockscout.com/xdai/mainnet"));
    evm(
        m,
        "bsc",
        "Binance Smart Chain",
        56L,
        "BNB",
        18,
        List.of("https://bsc-dataseed.binance.org/"),
        List.of(" https://bscscan.com/"));
    evm(
        m,
        "arbitrum",
        "Arbitrum",
        42161L,
        "AETH",
        18,
        List.of("https://arb1.arbitrum.io/rpc"),
        List.of("https://arbiscan.io/"));
    evm(
        m,
        "avalanche",
        "Avalanche",
        43114L,
        "AVAX",
        18,
        List.of("https://api.avax.network/ext/bc/C/rpc"),
        List.of("https://snowtrace.io/"));
    evm(
        m,
        "fuji",
        "Avalanche FUJI Testnet",
        43113L,
        "AVAX",
        18,
        List.of("https://api.avax-test.network/ext/bc/C/rpc"),
        List.of("https://testnet.snowtrace.io/"));
    evm(
        m,
        "harmony",
        "Harmony",
        1666600000L,
        "ONE",
        18,
        List.of("https://api.harmony.one"),
        List.of("https://explorer.harmony.one/"));
    evm(
        m,
        "mumbai",
        "Mumbai",
        80001L,
        "MATIC",
        18,
        List.of("https://rpc-mumbai.maticvigil.com/v1/96bf5fa6e03d272fbd09de48d03927b95633726c"),
        List.of("https://mumbai.polygonscan.com"));
    evm(
        m,
        "goerli",
        "Goerli",
        5L,
        "ETH",
        18,
        List.of("https://goerli.infura.io/v3/96dffb3d8c084dec952c61bd6230af34"),
        List.of("https://goerli.etherscan.io"));
    evm(
        m,
        "cronos",
        "Cronos",
        25L,
        "CRO",
        18,
        List.of("https://evm-cronos.org"),
        List.of("https://cronos.org/explorer/"));
    evm(
        m,
        "optimism",
        "Optimism",
        10L,
        "ETH",
        18,
        List.of("https://mainnet.optimism.io"),
        List.of("https://optimistic.etherscan.io"));
    evm(
        m,
        "celo",
        "Celo",
        42220L,
        "CELO",
        18,
        List.of("https://forno.celo.org"),
        List.of("https://explorer.celo.org"));
    evm(
        m,
        "aurora",
        "Aurora",
        1313161554L,
        "ETH",
        18,
        List.of("https://mainnet.aurora.dev"),
        List.of("https://aurorascan.dev"));
    evm(
        m,
        "eluvio",
        "Eluvio",
        955305L,
        "ELV",
        18,
        List.of("https://host-76-74-28-226.contentfabric.io/eth"),
        List.of("https://explorer.eluv.io"));
    evm(
        m,
        "alfajores",
        "Alfajores",
        44787L,
        "CELO",
        18,
        List.of("https://alfajores-forno.celo-testnet.org"),
        List.of("https://alfajores-blockscout.celo-testnet.org"));
    evm(
        m,
        "xdc",
        "XDC Blockchain",
        50L,
        "XDC",
        18,
        List.of("https://rpc.xinfin.network"),
        List.of("https://explorer.xinfin.network"));
    evm(
        m,
        "evmos",
        "EVMOS",
        9001L,
        "EVMOS",
        18,
        List.of("https://eth.bd.evmos.org:8545"),
        List.of("https://evm.evmos.org"));
    evm(
        m,
        "evmosTestnet",
        "EVMOS Testnet",
        9000L,
        "EVMOS",
        18,
        List.of("https://eth.bd.evmos.dev:8545"),
        List.of("https://evm.evmos.dev"));
    evm(
        m,
        "bscTestnet",
        "BSC Testnet",
        97L,
        "BNB",
        18,
        List.of("https://data-seed-prebsc-1-s1.binance.org:8545"),
        List.of("https://testnet.bscscan.com/"));
    evm(
        m,
        "baseGoerli",
        "Base Goerli",
        84531L,
        "ETH",
        18,
        List.of("https://goerli.base.org"),
        List.of("https://goerli.basescan.org"));
    evm(
        m,
        "baseSepolia",
        "Base Sepolia",
        84532L,
        "ETH",
        18,
        List.of("https://sepolia.base.org"),
        List.of("https://sepolia.basescan.org"));
    evm(
        m,
        "moonbeam",
        "Moonbeam",
        1284L,
        "GLMR",
        18,
        List.of("https://rpc.api.moonbeam.network"),
        List.of("https://moonscan.io"));
    evm(
        m,
        "moonriver",
        "Moonriver",
        1285L,
        "MOVR",
        18,
        List.of("https://rpc.api.moonriver.moonbeam.network"),
        List.of("https://moonriver.moonscan.io"));
    evm(
        m,
        "moonbaseAlpha",
        "Moonbase Alpha",
        1287L,
        "DEV",
        18,
        List.of("https://rpc.api.moonbase.moonbeam.network"),
        List.of("https://moonbase.moonscan.io/"));
    evm(
        m,
        "filecoin",
        "Filecoin",
        314L,
        "FIL",
        18,
        List.of("https://api.node.glif.io/rpc/v1"),
        List.of("https://filfox.info/"));
    evm(
        m,
        "hyperspace",
        "Filecoin Hyperspace testnet",
        3141L,
        "tFIL",
        18,
        List.of("https://api.hyperspace.node.glif.io/rpc/v1"),
        List.of("https://hyperspace.filscan.io/"));
    evm(
        m,
        "sepolia",
        "Sepolia Testnet",
        11155111L,
        "ETH",
        18,
        List.of("https://eth-sepolia.g.alchemy.com/v2/demo"),
        List.of("https://sepolia.etherscan.io/"));
    evm(
        m,
        "scrollAlphaTestnet",
        "Scroll Alpha Testnet",
        534353L,
        "ETH",
        18,
        List.of("https://alpha-rpc.scroll.io/l2"),
        List.of("https://blockscout.scroll.io/"));
    evm(
        m,
        "scroll",
        "Scroll",
        534352L,
        "ETH",
        18,
        List.of("https://rpc.scroll.io"),
        List.of("https://scrollscan.com/"));
    evm(
        m,
        "zksync",
        "zkSync Era Mainnet",
        324L,
        "ETH",
        18,
        List.of("https://mainnet.era.zksync.io"),
        List.of("https://explorer.zksync.io/"));
    evm(
        m,
        "base",
        "Base Mainnet",
        8453L,
        "ETH",
        18,
        List.of("https://mainnet.base.org"),
        List.of("https://basescan.org"));
    evm(
        m,
        "lukso",
        "Lukso",
        42L,
        "ETH",
        18,
        List.of("https://rpc.lukso.gateway.fm"),
        List.of("https://explorer.execution.mainnet.lukso.network/"));
    evm(
        m,
        "luksoTestnet",
        "Lukso Testnet",
        4201L,
        "ETH",
        18,
        List.of("https://rpc.testnet.lukso.network"),
        List.of("https://explorer.execution.testnet.lukso.network"));
    evm(
        m,
        "zora",
        "\tZora",
        7777777L,
        "ETH",
        18,
        List.of("https://rpc.zora.energy/"),
        List.of("https://explorer.zora.energy"));
    evm(
        m,
        "zoraGoerli",
        "Zora Goerli",
        999L,
        "ETH",
        18,
        List.of("https://testnet.rpc.zora.energy"),
        List.of("https://testnet.explorer.zora.energy"));
    evm(
        m,
        "zksyncTestnet",
        "zkSync Era Testnet",
        280L,
        "ETH",
        18,
        List.of("https://testnet.era.zksync.dev"),
        List.of("https://goerli.explorer.zksync.io/"));
    evm(
        m,
        "lineaGoerli",
        "Linea Testnet",
        59140L,
        "ETH",
        18,
        List.of("https://rpc.goerli.linea.build"),
        List.of("https://explorer.goerli.linea.build"));
    evm(
        m,
        "chronicleTestnet",
        "Chronicle - Lit Protocol Testnet",
        175177L,
        "testLPX",
        18,
        List.of("https://chain-rpc.litprotocol.com/http"),
        List.of("https://chain.litprotocol.com/"));
    evm(
        m,
        "chiado",
        "Chiado",
        10200L,
        "XDAI",
        18,
        List.of("https://rpc.chiadochain.net"),
        List.of("https://blockscout.chiadochain.net"));
    evm(
        m,
        "zkEvm",
        "zkEvm",
        1101L,
        "ETH",
        18,
        List.of("https://zkevm-rpc.com"),
        List.of("https://zkevm.polygonscan.com/"));
    evm(
        m,
        "mantleTestnet",
        "Mantle Testnet",
        5001L,
        "MNT",
        18,
        List.of("https://rpc.testnet.mantle.xyz"),
        List.of("https://explorer.testnet.mantle.xyz/"));
    evm(
        m,
        "mantle",
        "Mantle",
        5000L,
        "MNT",
        18,
        List.of("https://rpc.mantle.xyz"),
        List.of("http://explorer.mantle.xyz/"));
    evm(
        m,
        "klaytn",
        "Klaytn",
        8217L,
        "KLAY",
        18,
        List.of("https://klaytn.blockpi.network/v1/rpc/public"),
        List.of("https://www.klaytnfinder.io/"));
    evm(
        m,
        "publicGoodsNetwork",
        "Public Goods Network",
        424L,
        "ETH",
        18,
        List.of("https://rpc.publicgoods.network"),
        List.of("https://explorer.publicgoods.network/"));
    evm(
        m,
        "optimismGoerli",
        "Optimism Goerli",
        420L,
        "ETH",
        18,
        List.of("https://optimism-goerli.publicnode.com"),
        List.of("https://goerli-optimism.etherscan.io/"));
    evm(
        m,
        "waevEclipseTestnet",
        "Waev Eclipse Testnet",
        91006L,
        "ecWAEV",
        18,
        List.of("https://api.evm.waev.eclipsenetwork.xyz"),
        List.of("http://waev.explorer.modular.cloud/"));
    evm(
        m,
        "waevEclipseDevnet",
        "Waev Eclipse Devnet",
        91006L,
        "ecWAEV",
        18,
        List.of("https://api.evm.waev.dev.eclipsenetwork.xyz"),
        List.of("http://waev.explorer.modular.cloud/"));
    evm(
        m,
        "verifyTestnet",
        "Verify Testnet",
        1833L,
        "MATIC",
        18,
        List.of("https://rpc.verify-testnet.gelato.digital"),
        List.of("https://verify-testnet.blockscout.com/"));
    svm(
        m,
        "solana",
        "Solana",
        "SOL",
        9,
        List.of("https://api.mainnet-beta.solana.com"),
        List.of("https://explorer.solana.com/"));
    svm(
        m,
        "solanaDevnet",
        "Solana Devnet",
        "SOL",
        9,
        List.of("https://api.devnet.solana.com"),
        List.of("https://explorer.solana.com/"));
    svm(
        m,
        "solanaTestnet",
        "Solana Testnet",
        "SOL",
        9,
        List.of("https://api.testnet.solana.com"),
        List.of("https://explorer.solana.com/"));
    cosmos(
        m,
        "cosmos",
        "Cosmos",
        "cosmoshub-4",
        "ATOM",
        6,
        List.of("https://lcd-cosmoshub.keplr.app"),
        List.of("https://atomscan.com/"));
    cosmos(
        m,
        "kyve",
        "Kyve",
        "korellia",
        "KYVE",
        6,
        List.of("https://api.korellia.kyve.network"),
        List.of("https://explorer.kyve.network/"));
    cosmos(
        m,
        "evmosCosmos",
        "EVMOS Cosmos",
        "evmos_9001-2",
        "EVMOS",
        18,
        List.of("https://rest.bd.evmos.org:1317"),
        List.of("https://evmos.bigdipper.live"));
    cosmos(
        m,
        "evmosCosmosTestnet",
        "Evmos Cosmos Testnet",
        "evmos_9000-4",
        "EVMOS",
        18,
        List.of("https://rest.bd.evmos.dev:1317"),
        List.of("https://testnet.bigdipper.live"));
    cosmos(
        m,
        "cheqdMainnet",
        "Cheqd Mainnet",
        "cheqd-mainnet-1",
        "CHEQ",
        9,
        List.of("https://api.cheqd.net"),
        List.of("https://explorer.cheqd.io"));
    cosmos(
        m,
        "cheqdTestnet",
        "Cheqd Testnet",
        "cheqd-testnet-6",
        "CHEQ",
        9,
        List.of("https://api.cheqd.network"),
        List.of("https://testnet-explorer.cheqd.io"));
    cosmos(
        m,
        "juno",
        "Juno",
        "juno-1",
        "JUNO",
        6,
        List.of("https://rest.cosmos.directory/juno"),
        List.of("https://www.mintscan.io/juno"));
    return Collections.unmodifiableMap(m);
  }
}
