package io.lit4j.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.contracts.LitContracts;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.json.LitJson;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Staking-backed validator source against a scripted JSON-RPC endpoint, then a full connect.
 */
class StakingValidatorSourceTest {
  private static final String STAKING = "0x" + "5a".repeat(20);
  private static final String OTHER = "0x" + "01".repeat(20);
  private static final long LOCALHOST = 2130706433L; // 127.0.0.1

  private WireMockServer rpc;
  private final List<WireMockServer> nodes = new ArrayList<>();
  private LitContracts contracts;

  @BeforeEach
  void setUp() {
    rpc =
        new WireMockServer(
            options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .templatingEnabled(true)
                .globalTemplating(false));
    rpc.start();
    contracts =
        LitContracts.builder()
            .rpcUrl("http://127.0.0.1:" + rpc.port())
            .addresses(new LitContractAddresses(STAKING, OTHER, OTHER, OTHER, OTHER, OTHER))
            .build();
  }

  @AfterEach
  void tearDown() {
    contracts.close();
    rpc.stop();
    nodes.forEach(WireMockServer::stop);
  }

  private static String word(BigInteger v) {
    return String.format("%64s", v.toString(16)).replace(' ', '0');
  }

  private static String word(long v) {
    return word(BigInteger.valueOf(v));
  }

  private static String address(String a) {
    return word(new BigInteger(a.substring(2), 16));
  }

  /** Answers eth_call for one Staking selector with ABI-encoded words. */
  private void call(String selector, String resultHex) {
    rpc.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("0x" + selector))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"jsonrpc\":\"2.0\",\"id\":{{jsonPath request.body '$.id'}},\"result\":\"0x"
                            + resultHex
                            + "\"}")
                    .withTransformers("response-template")));
  }

  /** A chain whose Staking lists validators at these ports of 127.0.0.1, one kicked. */
  private void staking(List<Integer> ports, int kickedIndex, int threshold, long epoch) {
    List<String> stakers = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) stakers.add("0x" + String.format("%040x", i + 1));
    StringBuilder current = new StringBuilder(word(0x20)).append(word(stakers.size()));
    stakers.forEach(s -> current.append(address(s)));
    call("857b7663", current.toString());
    call(
        "5995a4c4",
        kickedIndex < 0
            ? word(0x20) + word(0)
            : word(0x20) + word(1) + address(stakers.get(kickedIndex)));
    call("43cb0a0e", word(threshold));
    StringBuilder structs = new StringBuilder(word(0x20));
    List<Integer> remaining = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) if (i != kickedIndex) remaining.add(i);
    structs.append(word(remaining.size()));
    for (int i : remaining) {
      structs
          .append(word(LOCALHOST))
          .append(word(0))
          .append(word(ports.get(i)))
          .append(address(stakers.get(i)))
          .append(word(0))
          .append(word(0))
          .append(word(0));
    }
    call("533d463e", structs.toString());
    call("900cf0cf", word(3600) + word(epoch) + word(0) + word(0) + word(0));
  }

  private int startNode() {
    WireMockServer n = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    n.start();
    ObjectNode hs = LitJson.mapper().createObjectNode();
    String bls = "a0".repeat(48);
    hs.put("serverPublicKey", "");
    hs.put("subnetPublicKey", bls);
    hs.put("networkPublicKey", bls);
    hs.put("networkPublicKeySet", bls);
    hs.putArray("hdRootPubkeys").add("02" + "11".repeat(32));
    hs.putNull("attestation");
    hs.put("latestBlockhash", "0x" + "ab".repeat(32));
    n.stubFor(
        post(urlEqualTo("/web/handshake"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(LitJson.write(hs))));
    nodes.add(n);
    return n.port();
  }

  @Test
  void readsUnkickedValidatorsThresholdAndEpochFromStaking() {
    staking(List.of(7470, 7471, 7472, 443), 1, 2, 42);

    ValidatorSet set = new StakingValidatorSource(contracts).currentValidators().join();

    assertEquals(
        List.of("http://127.0.0.1:7470", "http://127.0.0.1:7472", "https://127.0.0.1:443"),
        set.nodeUrls());
    assertEquals(2, set.minNodeCount());
    assertEquals(42, set.epochNumber());
    // numbered as the nodes number themselves: all current validators (the kicked one too) by
    // staker address
    assertEquals(
        java.util.Map.of(
            "http://127.0.0.1:7470", 0, "http://127.0.0.1:7472", 2, "https://127.0.0.1:443", 3),
        set.shareIndices());
  }

  @Test
  void aConnectThroughStakingHandshakesTheListedNodesAndSendsTheChainsEpoch() {
    List<Integer> ports = List.of(startNode(), startNode(), startNode());
    staking(ports, -1, 2, 7);

    try (LitNodeClient client =
        LitNodeClient.create(
            LitNodeClientConfig.builder()
                .validatorSource(new StakingValidatorSource(contracts))
                .refreshInterval(Duration.ZERO)
                .build())) {
      ConnectionState s = client.connect();

      assertEquals(3, s.connectedNodes().size());
      assertEquals("http://127.0.0.1:" + ports.get(0), s.connectedNodes().get(0));
      assertEquals(2, s.minNodeCount());
      assertEquals(7, s.epochNumber());
      LoggedRequest hs =
          nodes.get(0).findAll(postRequestedFor(urlEqualTo("/web/handshake"))).get(0);
      assertEquals(7, LitJson.parse(hs.getBodyAsString(), "body").get("epochNumber").intValue());
    }
  }

  @Test
  void fewerActiveValidatorsThanTheThresholdIsAClearError() {
    staking(List.of(7470, 7471, 7472), 0, 3, 1);

    LitException e =
        assertThrows(
            LitException.class,
            () ->
                LitNodeClientJoin.join(new StakingValidatorSource(contracts).currentValidators()));

    assertTrue(
        e.getMessage().contains("2 active validators, fewer than its threshold 3"), e.getMessage());
  }

  @Test
  void aZeroThresholdIsRefusedAsTheSdkRefusesIt() {
    staking(List.of(7470, 7471), -1, 0, 1);

    LitException e =
        assertThrows(
            LitException.class,
            () ->
                LitNodeClientJoin.join(new StakingValidatorSource(contracts).currentValidators()));

    assertTrue(e.getMessage().contains("minNodeCount is 0"), e.getMessage());
  }

  /** Unwraps a future's failure to its LitException. */
  static final class LitNodeClientJoin {
    static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
      try {
        return f.join();
      } catch (java.util.concurrent.CompletionException e) {
        Throwable t = e;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null)
          t = t.getCause();
        if (t instanceof LitException le) throw le;
        throw e;
      }
    }
  }
}
