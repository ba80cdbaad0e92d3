package io.lit4j.core.acc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.vectors.TestVectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The condition hash quoted in the specs, from {@code client_misc_vectors.json}. */
class ClientMiscVectorsAccHashTest {
  private static JsonNode vector;

  /** The committed copy; lit-vectors checks that the shared one, when present, equals it. */
  @BeforeAll
  static void load() {
    vector =
        TestVectors.read(TestVectors.committed("client_misc_vectors.json"))
            .get("accessControlConditionsHash");
    assertTrue(
        vector != null && vector.isObject(),
        "accessControlConditionsHash missing from the vector file");
  }

  @Test
  void canonicalJsonOfTheVectorConditionsMatches() {
    AccessControlConditions accs =
        AccessControlConditions.fromJson(
            ConditionKind.ACCESS_CONTROL_CONDITIONS, vector.get("conditions"));
    assertEquals(vector.get("canonicalJson").textValue(), accs.canonicalJson());
  }

  @Test
  void hashOfTheVectorConditionsMatches() {
    AccessControlConditions accs =
        AccessControlConditions.fromJson(
            ConditionKind.ACCESS_CONTROL_CONDITIONS, vector.get("conditions"));
    assertEquals(vector.get("sha256Hex").textValue(), accs.hashHex());
  }

  @Test
  void conditionsBuiltInJavaHashToTheVectorValue() {
    AccessControlConditions accs =
        AccessControlConditions.accessControlConditions(
            java.util.List.of(
                new EvmBasicCondition(
                    "",
                    "ethereum",
                    "",
                    "eth_getBalance",
                    java.util.List.of(":userAddress", "latest"),
                    ReturnValueTest.of(">=", "0"))));
    assertEquals(vector.get("sha256Hex").textValue(), accs.hashHex());
  }
}
