package io.lit4j.auth.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import org.junit.jupiter.api.Test;

class ResourcesTest {
  @Test
  void resourceKeysRoundTrip() {
    assertEquals("lit-litaction://*", LitActionResource.ALL.resourceKey());
    assertEquals(new LitPKPResource("abc"), LitResource.parseKey("lit-pkp://abc"));
    assertEquals(
        new LitAccessControlConditionResource("a/b"),
        LitResource.parseKey("lit-accesscontrolcondition://a/b"));
    assertTrue(LitResource.parseKey("lit-ratelimitincrease://*").isWildcard());
    assertThrows(LitValidationException.class, () -> LitResource.parseKey("lit-pkp:/abc"));
    assertThrows(LitValidationException.class, () -> LitResource.parseKey("lit-nope://abc"));
    assertThrows(LitValidationException.class, () -> LitResource.parseKey("lit-pkp://"));
  }

  @Test
  void onAllPutsEachAbilityOnTheWildcardOfItsOwnResourceKind() {
    assertEquals(LitPKPResource.ALL, LitResource.allFor(LitAbility.PKP_SIGNING));
    assertEquals(LitActionResource.ALL, LitResource.allFor(LitAbility.LIT_ACTION_EXECUTION));
    assertEquals(
        LitAccessControlConditionResource.ALL,
        LitResource.allFor(LitAbility.ACCESS_CONTROL_CONDITION_SIGNING));
    assertEquals(
        LitRLIResource.ALL, LitResource.allFor(LitAbility.RATE_LIMIT_INCREASE_AUTHENTICATION));
    for (LitAbility a : LitAbility.values()) {
      ResourceAbilityRequest r = ResourceAbilityRequest.onAll(a);
      assertTrue(r.resource().isWildcard(), a + " on a wildcard");
      assertTrue(r.resource().isValidLitAbility(a), a + " on " + r.resource());
    }
    assertEquals(
        "{\"resource\":{\"resource\":\"*\",\"resourcePrefix\":\"lit-accesscontrolcondition\"},"
            + "\"ability\":\"access-control-condition-decryption\"}",
        ResourceAbilityRequest.onAll(LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION).toJson());
    assertTrue(
        assertThrows(LitValidationException.class, () -> ResourceAbilityRequest.onAll(null))
            .getMessage()
            .contains("ability is missing"));
  }

  @Test
  void abilitiesApplyOnlyToTheirResourceKind() {
    assertTrue(
        LitAccessControlConditionResource.ALL.isValidLitAbility(
            LitAbility.ACCESS_CONTROL_CONDITION_SIGNING));
    assertTrue(
        LitAccessControlConditionResource.ALL.isValidLitAbility(
            LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION));
    assertFalse(LitPKPResource.ALL.isValidLitAbility(LitAbility.ACCESS_CONTROL_CONDITION_SIGNING));
    assertTrue(LitRLIResource.ALL.isValidLitAbility(LitAbility.RATE_LIMIT_INCREASE_AUTHENTICATION));
    assertEquals("Threshold/Signing", LitAbility.PKP_SIGNING.recapKey());
    assertEquals("Auth/Auth", LitAbility.RATE_LIMIT_INCREASE_AUTHENTICATION.recapKey());
  }

  @Test
  void requestsUseTheSessionJsonSpelling() {
    ResourceAbilityRequest r =
        ResourceAbilityRequest.of(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION);
    String json =
        "{\"resource\":{\"resource\":\"*\",\"resourcePrefix\":\"lit-litaction\"},\"ability\":\"lit-action-execution\"}";
    assertEquals(json, r.toJson());
    assertEquals(r, ResourceAbilityRequest.fromJson(LitJson.parse(json, "r"), "r"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    ResourceAbilityRequest.fromJson(
                        LitJson.parse("{\"resource\":\"*\",\"ability\":\"pkp-signing\"}", "r"),
                        "req"))
            .getMessage()
            .startsWith("req.resource"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    ResourceAbilityRequest.fromJson(
                        LitJson.parse(
                            "{\"resource\":{\"resource\":\"*\"},\"ability\":\"pkp-signing\"}", "r"),
                        "req"))
            .getMessage()
            .contains("req.resource.resourcePrefix is missing"));
  }
}
