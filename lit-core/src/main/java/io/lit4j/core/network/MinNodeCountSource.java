package io.lit4j.core.network;

/** Where a client takes the threshold ({@code minNodeCount}) from on a given network. */
public enum MinNodeCountSource {
  /**
   * {@code Staking.currentValidatorCountForConsensus()} on chain (manzano, habanero, and custom
   * networks that give a contract context and no bootstrap URLs).
   */
  STAKING_CONTRACT,
  /**
   * Derived from the static bootstrap URL list: {@code n == 2 ? 2 : n * 2 / 3} (cayenne: 3 URLs
   * give 2).
   */
  STATIC_BOOTSTRAP_URLS,
  /** The client config's {@code minNodeCount} (default 2): localhost, custom with explicit URLs. */
  CLIENT_CONFIG
}
