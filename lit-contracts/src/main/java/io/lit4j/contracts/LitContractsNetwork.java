package io.lit4j.contracts;

/**
 * The chain-backed Lit networks of the v4 era with their deployed addresses (contracts.md §1.2;
 * both on Chronicle, chain id 175177). The live networks are historical; use {@link
 * LitContracts.Builder#addresses} or {@link LitContracts.Builder#resolver} for a local deployment.
 */
public enum LitContractsNetwork {
  /** Habanero, the v4 mainnet. */
  HABANERO(
      new LitContractAddresses(
          "0xde8627067188C0063384eC682D9187c7d7673934",
          "0x80182Ec46E3dD7Bb8fa4f89b48d303bD769465B2",
          "0xaaFc41e3615108E558ECf1d873e1500e375b2328",
          "0x1B76BFAA063A35c88c7e82066b32eEa91CB266C6",
          "0x087995cc8BE0Bd6C19b1c7A01F9DB6D2CfFe0c5C",
          "0xf8a84406aB814dc3a25Ea2e3608cCb632f672427"),
      "0xe5a7C5d908EE8996332F488cE5f636d4EBff8522"),
  /** Manzano, the v4 testnet. */
  MANZANO(
      new LitContractAddresses(
          "0xBC7F8d7864002b6629Ab49781D5199C8dD1DDcE1",
          "0x3c3ad2d238757Ea4AF87A8624c716B11455c1F9A",
          "0xF6b0fE0d0C27C855f7f2e021fAd028af02cC52cb",
          "0x974856dB1C4259915b709E6BcA26A002fbdd31ea",
          "0x24d646b9510e56af8B15de759331d897C4d66044",
          "0x9b1B8aD8A4144Be9F8Fb5C4766eE37CE0754AEAb"),
      "0x9F0Ede26261451C5E784DC799D71ECf766EB7562");

  /** The Chronicle chain's id. */
  public static final long CHRONICLE_CHAIN_ID = 175177L;

  /** The v4 SDK's default Chronicle RPC ({@code DEFAULT_RPC}). */
  public static final String CHRONICLE_RPC_URL = "https://chain-rpc.litprotocol.com/http";

  private final LitContractAddresses addresses;
  private final String contractResolver;

  LitContractsNetwork(LitContractAddresses addresses, String contractResolver) {
    this.addresses = addresses;
    this.contractResolver = contractResolver;
  }

  /** {@return the deployed addresses of the contracts lit4j uses} */
  public LitContractAddresses addresses() {
    return addresses;
  }

  /** {@return the network's ContractResolver address} */
  public String contractResolver() {
    return contractResolver;
  }
}
