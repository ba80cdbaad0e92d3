package io.lit4j.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.network.LitNetwork;
import io.lit4j.core.network.NodeUrls;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LitNodeClientConfigTest {
  private static final List<String> URLS =
      List.of("http://127.0.0.1:7470", "http://127.0.0.1:7471", "http://127.0.0.1:7472");

  @Test
  void defaultsFollowTheSdk() {
    LitNodeClientConfig c = LitNodeClientConfig.builder().build();

    assertEquals(LitNetwork.CAYENNE, c.network());
    assertEquals(Duration.ofSeconds(20), c.connectTimeout());
    assertEquals(Duration.ofSeconds(30), c.refreshInterval());
    assertFalse(c.checkNodeAttestation());
    ValidatorSet set = ((StaticValidatorSource) c.validatorSource()).validatorSet();
    assertEquals(LitNetwork.CAYENNE.bootstrapUrls(), set.nodeUrls());
    assertEquals(2, set.minNodeCount());
    assertEquals(RetryPolicy.defaults(), c.retryPolicy());
  }

  @Test
  void bootstrapUrlsMakeACustomNetworkWithTheGivenThreshold() {
    LitNodeClientConfig c =
        LitNodeClientConfig.builder().bootstrapUrls(URLS).minNodeCount(3).build();

    assertEquals(LitNetwork.CUSTOM, c.network());
    assertEquals(3, c.validatorSource().currentValidators().join().minNodeCount());
  }

  @Test
  void manzanoAndHabaneroNeedAValidatorSourceAndAlwaysCheckAttestation() {
    assertThrows(
        LitValidationException.class,
        () -> LitNodeClientConfig.builder().network(LitNetwork.HABANERO).build());
    ValidatorSource source = ValidatorSource.of(URLS, 2);

    LitNodeClientConfig c =
        LitNodeClientConfig.builder().network(LitNetwork.MANZANO).validatorSource(source).build();

    assertTrue(c.checkNodeAttestation());
    LitValidationException e =
        assertThrows(
            LitValidationException.class,
            () ->
                LitNodeClientConfig.builder()
                    .network(LitNetwork.MANZANO)
                    .validatorSource(source)
                    .checkNodeAttestation(false)
                    .build());
    assertTrue(e.getMessage().contains("requires node attestation"));
  }

  @Test
  void badSettingsAreRejectedNamingTheSetting() {
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> LitNodeClientConfig.builder().bootstrapUrls(URLS).minNodeCount(4).build())
            .getMessage()
            .contains("minNodeCount 4"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> LitNodeClientConfig.builder().bootstrapUrls(URLS).minNodeCount(0).build())
            .getMessage()
            .contains("minNodeCount"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    LitNodeClientConfig.builder()
                        .bootstrapUrls(List.of("http://127.0.0.1:7470/"))
                        .build())
            .getMessage()
            .contains("trailing"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> LitNodeClientConfig.builder().bootstrapUrls(List.of("ftp://x:1")).build())
            .getMessage()
            .contains("http://"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    LitNodeClientConfig.builder()
                        .bootstrapUrls(List.of(URLS.get(0), URLS.get(0)))
                        .build())
            .getMessage()
            .contains("twice"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    LitNodeClientConfig.builder()
                        .bootstrapUrls(URLS)
                        .connectTimeout(Duration.ZERO)
                        .build())
            .getMessage()
            .contains("connectTimeout"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    LitNodeClientConfig.builder()
                        .network(LitNetwork.CAYENNE)
                        .bootstrapUrls(URLS)
                        .build())
            .getMessage()
            .contains("bootstrapUrls"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    LitNodeClientConfig.builder()
                        .bootstrapUrls(URLS)
                        .validatorSource(ValidatorSource.of(URLS, 2))
                        .build())
            .getMessage()
            .contains("not both"));
    assertThrows(
        LitValidationException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0));
    assertThrows(
        LitValidationException.class,
        () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
    assertThrows(
        LitValidationException.class, () -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 1.5));
  }

  @Test
  void toBuilderMakesAChangedCopy() {
    LitNodeClientConfig a = LitNodeClientConfig.builder().bootstrapUrls(URLS).build();
    LitNodeClientConfig b = a.toBuilder().requestTimeout(Duration.ofSeconds(3)).build();

    assertEquals(Duration.ofSeconds(30), a.requestTimeout());
    assertEquals(Duration.ofSeconds(3), b.requestTimeout());
    assertEquals(LitNetwork.CUSTOM, b.network());
  }

  @Test
  void validatorUrlsAreBuiltAsTheSdkBuildsThem() {
    assertEquals("http://127.0.0.1:7470", NodeUrls.fromValidator(2130706433L, 7470));
    assertEquals("https://1.2.3.4:443", NodeUrls.fromValidator(0x01020304L, 443));
  }

  @Test
  void retryBackoffGrowsIsCappedAndJittered() {
    RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(300), 0);
    assertEquals(Duration.ofMillis(100), p.backoff(1));
    assertEquals(Duration.ofMillis(200), p.backoff(2));
    assertEquals(Duration.ofMillis(300), p.backoff(3));
    RetryPolicy j = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(300), 0.5);
    for (int i = 0; i < 50; i++) {
      long ms = j.backoff(1).toMillis();
      assertTrue(ms >= 50 && ms <= 100, "jittered wait " + ms);
    }
  }
}
