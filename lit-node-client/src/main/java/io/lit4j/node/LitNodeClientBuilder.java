package io.lit4j.node;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.network.LitNetwork;
import io.lit4j.node.handshake.AttestationVerifier;
import io.lit4j.node.transport.NodeTransport;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;

/**
 * Builds a {@link LitNodeClient} in one chain; each setting is that of {@link
 * LitNodeClientConfig.Builder}, with the same defaults.
 *
 * <pre>{@code
 * try (LitNodeClient client = LitNodeClient.builder().localNetwork(rpcUrl, addresses).build()) {
 *   client.connect();
 * }
 * }</pre>
 */
public final class LitNodeClientBuilder {
  private final LitNodeClientConfig.Builder config = LitNodeClientConfig.builder();

  LitNodeClientBuilder() {}

  /**
   * The network (default: {@code CUSTOM} when nodes are given, else {@code CAYENNE} as in the SDK).
   *
   * @param network see {@link LitNodeClientConfig.Builder#network}
   * @return this builder
   */
  public LitNodeClientBuilder network(LitNetwork network) {
    config.network(network);
    return this;
  }

  /**
   * A fixed list of node URLs ({@code http://ip:port}); their threshold is {@link
   * #minNodeCount(int)}.
   *
   * @param bootstrapUrls see {@link LitNodeClientConfig.Builder#bootstrapUrls}
   * @return this builder
   */
  public LitNodeClientBuilder bootstrapUrls(List<String> bootstrapUrls) {
    config.bootstrapUrls(bootstrapUrls);
    return this;
  }

  /**
   * Where to read validators, threshold and epoch at each connect and refresh, instead of bootstrap
   * URLs: {@link io.lit4j.node.StakingValidatorSource} for manzano, habanero and a custom network
   * with contracts (such as lit-localnet).
   *
   * @param validatorSource see {@link LitNodeClientConfig.Builder#validatorSource}
   * @return this builder
   */
  public LitNodeClientBuilder validatorSource(ValidatorSource validatorSource) {
    config.validatorSource(validatorSource);
    return this;
  }

  /**
   * Settings for a local network such as lit-localnet: validators, threshold and epoch from the
   * Staking contract at {@code addresses} on {@code rpcUrl} ({@link
   * io.lit4j.node.StakingValidatorSource#forRpc}, closed with the client), network {@code CUSTOM},
   * attestation off.
   *
   * @param rpcUrl see {@link LitNodeClientConfig.Builder#localNetwork}
   * @param addresses see {@link LitNodeClientConfig.Builder#localNetwork}
   * @return this builder
   */
  public LitNodeClientBuilder localNetwork(
      String rpcUrl, io.lit4j.contracts.LitContractAddresses addresses) {
    config.localNetwork(rpcUrl, addresses);
    return this;
  }

  /**
   * Threshold used with bootstrap URLs (default 2); a validator source brings its own.
   *
   * @param minNodeCount see {@link LitNodeClientConfig.Builder#minNodeCount}
   * @return this builder
   */
  public LitNodeClientBuilder minNodeCount(int minNodeCount) {
    config.minNodeCount(minNodeCount);
    return this;
  }

  /**
   * Require SEV-SNP attestations (default off; always on for manzano and habanero).
   *
   * @param checkNodeAttestation see {@link LitNodeClientConfig.Builder#checkNodeAttestation}
   * @return this builder
   */
  public LitNodeClientBuilder checkNodeAttestation(boolean checkNodeAttestation) {
    config.checkNodeAttestation(checkNodeAttestation);
    return this;
  }

  /**
   * The attestation verifier used when attestation is checked (default: SEV-SNP with VCEKs from
   * AMD).
   *
   * @param attestationVerifier see {@link LitNodeClientConfig.Builder#attestationVerifier}
   * @return this builder
   */
  public LitNodeClientBuilder attestationVerifier(AttestationVerifier attestationVerifier) {
    config.attestationVerifier(attestationVerifier);
    return this;
  }

  /**
   * Time allowed for the handshake phase of a connect (default 20 s).
   *
   * @param connectTimeout see {@link LitNodeClientConfig.Builder#connectTimeout}
   * @return this builder
   */
  public LitNodeClientBuilder connectTimeout(Duration connectTimeout) {
    config.connectTimeout(connectTimeout);
    return this;
  }

  /**
   * Time allowed for each attempt of a request to one node (default 30 s).
   *
   * @param requestTimeout see {@link LitNodeClientConfig.Builder#requestTimeout}
   * @return this builder
   */
  public LitNodeClientBuilder requestTimeout(Duration requestTimeout) {
    config.requestTimeout(requestTimeout);
    return this;
  }

  /**
   * Interval of the background refresh (default 30 s); {@link Duration#ZERO} switches it off.
   *
   * @param refreshInterval see {@link LitNodeClientConfig.Builder#refreshInterval}
   * @return this builder
   */
  public LitNodeClientBuilder refreshInterval(Duration refreshInterval) {
    config.refreshInterval(refreshInterval);
    return this;
  }

  /**
   * How failed node requests are repeated (default {@link RetryPolicy#defaults()}).
   *
   * @param retryPolicy see {@link LitNodeClientConfig.Builder#retryPolicy}
   * @return this builder
   */
  public LitNodeClientBuilder retryPolicy(RetryPolicy retryPolicy) {
    config.retryPolicy(retryPolicy);
    return this;
  }

  /**
   * Where session material is kept (default: in memory).
   *
   * @param sessionKeyStore see {@link LitNodeClientConfig.Builder#sessionKeyStore}
   * @return this builder
   */
  public LitNodeClientBuilder sessionKeyStore(SessionKeyStore sessionKeyStore) {
    config.sessionKeyStore(sessionKeyStore);
    return this;
  }

  /**
   * The SLF4J logger to write to (default: the {@code io.lit4j.node.LitNodeClient} logger).
   *
   * @param logger see {@link LitNodeClientConfig.Builder#logger}
   * @return this builder
   */
  public LitNodeClientBuilder logger(Logger logger) {
    config.logger(logger);
    return this;
  }

  /**
   * An OkHttp client to send requests with; the caller keeps ownership.
   *
   * @param httpClient see {@link LitNodeClientConfig.Builder#httpClient}
   * @return this builder
   */
  public LitNodeClientBuilder httpClient(OkHttpClient httpClient) {
    config.httpClient(httpClient);
    return this;
  }

  /**
   * A transport to send requests with (instead of OkHttp); the caller keeps ownership.
   *
   * @param transport see {@link LitNodeClientConfig.Builder#transport}
   * @return this builder
   */
  public LitNodeClientBuilder transport(NodeTransport transport) {
    config.transport(transport);
    return this;
  }

  /**
   * {@return the settings built so far}
   *
   * @throws LitValidationException naming the setting that is missing, malformed or contradictory
   */
  public LitNodeClientConfig buildConfig() {
    return config.build();
  }

  /**
   * {@return a client with these settings; it contacts no node until {@link
   * LitNodeClient#connect()}}
   *
   * @throws LitValidationException naming the setting that is missing, malformed or contradictory
   */
  public LitNodeClient build() {
    return LitNodeClient.create(config.build());
  }
}
