package io.lit4j.examples.docs;

import io.lit4j.contracts.CapacityCreditsRequest;
import io.lit4j.crypto.attestation.FileVcekCache;
import io.lit4j.crypto.attestation.VcekProvider;
import io.lit4j.node.handshake.AmdKdsVcekFetcher;
import io.lit4j.node.handshake.SevSnpAttestationVerifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ForkJoinPool;
import okhttp3.OkHttpClient;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.LitContractsNetwork;
import io.lit4j.contracts.MintedCapacityCredits;
import io.lit4j.core.network.LitNetwork;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.StakingValidatorSource;
import org.web3j.crypto.Credentials;

/**
 * The live-network part of docs/getting-started.md: habanero (or manzano) contracts on
 * Chronicle, nodes from Staking, attestation on. {@link LiveNetworkSampleTest} builds the
 * configuration without connecting; {@link #connectAndBuyCredits} needs the real network and
 * a funded key, so it is only compiled.
 */
public final class LiveNetworkSample {
  private LiveNetworkSample() {}

  // docs:start live
  /** Contracts of habanero on Chronicle; reads need no key, writes need {@code signer}. */
  public static LitContracts habaneroContracts(Credentials signer) {
    return LitContracts.builder()
        .rpcUrl(LitContractsNetwork.CHRONICLE_RPC_URL)
        .network(LitContractsNetwork.HABANERO)
        .signer(signer)
        .build();
  }

  /** A client config for habanero: nodes from Staking, SEV-SNP attestation checked (forced). */
  public static LitNodeClientConfig habaneroConfig(LitContracts contracts) {
    return LitNodeClientConfig.builder()
        .network(LitNetwork.HABANERO)
        .validatorSource(new StakingValidatorSource(contracts))
        .build();
  }

  /** Connects and buys capacity credits for 2 days (the key needs test LIT on Chronicle). */
  public static MintedCapacityCredits connectAndBuyCredits(Credentials funded) {
    try (LitContracts contracts = habaneroContracts(funded);
        LitNodeClient client = LitNodeClient.create(habaneroConfig(contracts))) {
      client.connect(); // every handshake's attestation is verified against AMD's certificates
      return contracts.capacityCredits().mint(CapacityCreditsRequest.perDay(14_400, 2));
    }
  }
  // docs:end live

  // docs:start vcek
  /** The same config keeping AMD's VCEK certificates in {@code dir} across runs. */
  public static LitNodeClientConfig habaneroConfigCachingCertificates(LitContracts contracts, Path dir) {
    VcekProvider amd = new AmdKdsVcekFetcher(new OkHttpClient(), Duration.ofSeconds(10));
    return habaneroConfig(contracts).toBuilder()
        .attestationVerifier(new SevSnpAttestationVerifier(new FileVcekCache(dir, amd), ForkJoinPool.commonPool()))
        .build();
  }
  // docs:end vcek
}
