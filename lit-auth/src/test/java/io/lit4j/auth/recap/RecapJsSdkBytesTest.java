package io.lit4j.auth.recap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.capacity.CapacityDelegation;
import io.lit4j.auth.capacity.CapacityDelegationRequest;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.json.LitJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ReCap bytes compared with what the official JS SDK 4.2.0 packages write, case by case, from
 * {@code js-sdk-4.2.0/recap-bytes.json} (made by {@code recap-bytes.js} beside it): an empty
 * delegatee list keeps {@code "delegate_to":[]}, keys sort by UTF-16 code unit at every level, and
 * numbers print in their shortest round-trip form. Every URN lit4j writes also decodes again.
 */
class RecapJsSdkBytesTest {
  private static final String OWNER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  @TestFactory
  Stream<DynamicTest> recapsAreByteForByteWhatJsSdk420Writes() throws IOException {
    JsonNode file;
    try (InputStream in =
        RecapJsSdkBytesTest.class.getResourceAsStream("/js-sdk-4.2.0/recap-bytes.json")) {
      file =
          LitJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "recap-bytes.json");
    }
    assertEquals("4.2.0", file.get("sdk").asText());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : file.get("cases")) {
      tests.add(
          DynamicTest.dynamicTest(
              c.get("name").asText(),
              () -> {
                RecapObject recap =
                    c.get("kind").asText().equals("capacityDelegation")
                        ? capacityRecap(c.get("params"))
                        : notaBeneRecap(c);
                assertEquals(c.get("json").asText(), recap.toCanonicalJson());
                assertEquals(c.get("urn").asText(), recap.encode());
                // our decoder takes what our encoder writes (4.2.0's own decoder refuses
                // integer-like keys
                // it wrote itself: see decodesInJs in the file)
                assertEquals(recap, RecapObject.decode(recap.encode()));
              }));
    }
    assertTrue(tests.size() >= 6, "the case file lists every fix");
    return tests.stream();
  }

  private static RecapObject capacityRecap(JsonNode params) {
    CapacityDelegationRequest.Builder b =
        CapacityDelegationRequest.builder().nonce("0x" + "12".repeat(32));
    if (params.has("capacityTokenId")) b.capacityTokenId(params.get("capacityTokenId").asText());
    if (params.has("uses")) b.uses(params.get("uses").asText());
    if (params.has("delegateeAddresses")) {
      List<String> delegatees = new ArrayList<>();
      params.get("delegateeAddresses").forEach(a -> delegatees.add(a.asText()));
      b.delegateeAddresses(delegatees);
    }
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    return RecapObject.extractAndVerify(CapacityDelegation.siweMessage(OWNER, b.build(), clock));
  }

  @SuppressWarnings("unchecked")
  private static RecapObject notaBeneRecap(JsonNode c) {
    assertEquals("lit-litaction://*", c.get("resource").asText());
    Map<String, Object> data = LitJson.mapper().convertValue(c.get("data"), Map.class);
    return RecapObject.empty()
        .withCapabilityForResource(
            new LitActionResource("*"), LitAbility.fromWire(c.get("ability").asText()), data);
  }
}
