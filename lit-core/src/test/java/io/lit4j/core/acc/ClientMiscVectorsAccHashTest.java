package io.lit4j.core.acc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The condition hash quoted in the specs, from {@code shared/vectors/client_misc_vectors.json}. */
class ClientMiscVectorsAccHashTest {
  private static JsonNode vector;

  @BeforeAll
  static void load() throws Exception {
    String configured = System.getProperty("lit4j.vectors.dir");
    if (configured == null || configured.isBlank()) configured = System.getenv("LIT4J_VECTORS_DIR");
    if (configured == null || configured.isBlank()) configured = "../../shared/vectors";
    Path file = Path.of(configured).toAbsolutePath().normalize().resolve("client_misc_vectors.json");
    assertTrue(Files.isRegularFile(file), "vector file not found at " + file + " (set -Dlit4j.vectors.dir)");
    vector = LitJson.parse(Files.readString(file), "client_misc_vectors.json").get("accessControlConditionsHash");
    assertTrue(vector != null && vector.isObject(), "accessControlConditionsHash missing from the vector file");
  }

  @Test
  void canonicalJsonOfTheVectorConditionsMatches() {
    AccessControlConditions accs =
        AccessControlConditions.fromJson(ConditionKind.ACCESS_CONTROL_CONDITIONS, vector.get("conditions"));
    assertEquals(vector.get("canonicalJson").textValue(), accs.canonicalJson());
  }

  @Test
  void hashOfTheVectorConditionsMatches() {
    AccessControlConditions accs =
        AccessControlConditions.fromJson(ConditionKind.ACCESS_CONTROL_CONDITIONS, vector.get("conditions"));
    assertEquals(vector.get("sha256Hex").textValue(), accs.hashHex());
  }

  @Test
  void conditionsBuiltInJavaHashToTheVectorValue() {
    AccessControlConditions accs = AccessControlConditions.accessControlConditions(java.util.List.of(
        new EvmBasicCondition("", "ethereum", "", "eth_getBalance",
            java.util.List.of(":userAddress", "latest"), ReturnValueTest.of(">=", "0"))));
    assertEquals(vector.get("sha256Hex").textValue(), accs.hashHex());
  }
}
