package io.lit4j.auth.recap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.resources.LitAccessControlConditionResource;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.resources.LitRLIResource;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.auth.siwe.SiweMessageTest;
import io.lit4j.core.constants.LitAbility;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecapObjectTest {
  static final String EMPTY_URN = "urn:recap:eyJhdHQiOnt9LCJwcmYiOltdfQ";
  static final String WILDCARD_URN =
      "urn:recap:eyJhdHQiOnsibGl0LWxpdGFjdGlvbjovLyoiOnsiVGhyZXNob2xkL0V4ZWN1dGlvbiI6W3t9XX0sImxpdC1wa3A6Ly8qIjp7IlRocmVzaG9sZC9TaWduaW5nIjpbe31dfX0sInByZiI6W119";

  static String urnOf(String json) {
    return RecapObject.URN_PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theEmptyRecapMatchesTheSpec() {
    assertEquals(EMPTY_URN, RecapObject.empty().encode());
    assertEquals("{\"att\":{},\"prf\":[]}", RecapObject.empty().toCanonicalJson());
    assertEquals(RecapObject.STATEMENT_PREFIX, RecapObject.empty().statement());
    assertEquals(
        RecapObject.empty(), RecapObject.withWildcards(List.of(LitPKPResource.ALL), false));
  }

  @Test
  void litActionAndPkpWildcardsGiveTheVerifiedUrnAndStatement() {
    RecapObject r =
        RecapObject.empty()
            .withCapabilityForResource(LitPKPResource.ALL, LitAbility.PKP_SIGNING)
            .withCapabilityForResource(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION);
    assertEquals(WILDCARD_URN, r.encode());
    assertEquals(
        RecapObject.STATEMENT_PREFIX
            + " (1) 'Threshold': 'Execution' for 'lit-litaction://*'. (2) 'Threshold': 'Signing' for 'lit-pkp://*'.",
        r.statement());
    assertEquals(r, RecapObject.decode(r.encode()));
  }

  @Test
  void anAbilityThatDoesNotApplyToTheResourceIsRejected() {
    RecapException e =
        assertThrows(
            RecapException.class,
            () ->
                RecapObject.empty()
                    .withCapabilityForResource(
                        LitPKPResource.ALL, LitAbility.LIT_ACTION_EXECUTION));
    assertTrue(e.getMessage().contains("lit-action-execution on lit-pkp://*"));
    assertThrows(
        RecapException.class,
        () -> RecapObject.empty().withAttenuation("x://y", "Bad Namespace", "Name", Map.of()));
    assertThrows(
        RecapException.class,
        () -> RecapObject.empty().withAttenuation("x://y", "Ns", "na/me", Map.of()));
  }

  @Test
  void malformedUrnsAreRejectedNamingTheProblem() {
    assertTrue(
        assertThrows(RecapException.class, () -> RecapObject.decode("urn:notrecap:abc"))
            .getMessage()
            .contains("urn:recap:"));
    assertTrue(
        assertThrows(RecapException.class, () -> RecapObject.decode("urn:recap:ab$c"))
            .getMessage()
            .contains("bad character '$'"));
    assertTrue(
        assertThrows(RecapException.class, () -> RecapObject.decode("urn:recap:abcde"))
            .getMessage()
            .contains("end of data"));
    assertTrue(
        assertThrows(RecapException.class, () -> RecapObject.decode("urn:recap:eB"))
            .getMessage()
            .contains("trailing bits"));
    assertTrue(
        assertThrows(RecapException.class, () -> RecapObject.decode(urnOf("{\"att\":")))
            .getMessage()
            .contains("not valid JSON"));
    assertTrue(
        assertThrows(RecapException.class, () -> RecapObject.decode(urnOf("[]")))
            .getMessage()
            .contains("object"));
    assertTrue(
        assertThrows(
                RecapException.class, () -> RecapObject.decode(urnOf("{\"att\":[],\"prf\":[]}")))
            .getMessage()
            .contains("att"));
    assertTrue(
        assertThrows(
                RecapException.class, () -> RecapObject.decode(urnOf("{\"att\":{},\"prf\":{}}")))
            .getMessage()
            .contains("prf"));
    assertTrue(
        assertThrows(
                RecapException.class, () -> RecapObject.decode(urnOf("{\"att\":{},\"prf\":[1]}")))
            .getMessage()
            .contains("prf"));
    assertTrue(
        assertThrows(
                RecapException.class,
                () ->
                    RecapObject.decode(
                        urnOf("{\"att\":{\"a://b\":{\"NoSlash\":[{}]}},\"prf\":[]}")))
            .getMessage()
            .contains("Invalid ability string: 'NoSlash'"));
    assertTrue(
        assertThrows(
                RecapException.class,
                () -> RecapObject.decode(urnOf("{\"att\":{\"a://b\":{\"A/b\":[1]}},\"prf\":[]}")))
            .getMessage()
            .contains("nota-bene"));
    assertTrue(
        assertThrows(
                RecapException.class,
                () -> RecapObject.decode(urnOf("{\"att\":{\"a://b\":{\"A/b\":{}}},\"prf\":[]}")))
            .getMessage()
            .contains("nota-bene"));
    assertTrue(
        assertThrows(
                RecapException.class,
                () -> RecapObject.decode(urnOf("{\"att\":{},\"prf\":[\"notacid\"]}")))
            .getMessage()
            .contains("notacid"));
  }

  @Test
  void unsortedKeysAreRejectedLikeSiweRecapButAcceptedByTheNodeReader() {
    String unsorted =
        urnOf(
            "{\"att\":{\"lit-pkp://*\":{\"Threshold/Signing\":[{}]},\"lit-litaction://*\":{\"Threshold/Execution\":[{}]}},\"prf\":[]}");
    assertTrue(
        assertThrows(RecapException.class, () -> RecapObject.decode(unsorted))
            .getMessage()
            .contains("sorted"));
    assertEquals(WILDCARD_URN, RecapObject.decodeUnsorted(unsorted).encode());
  }

  @Test
  void paddedBase64IsTolerated() {
    assertEquals(RecapObject.empty(), RecapObject.decode(EMPTY_URN + "=="));
  }

  @Test
  void proofsAreNormalizedToCidV1Base58() {
    RecapObject r = RecapObject.empty().withProof("QmTVhbLeqVoZZWuhsM1pNkS1Qe2W2cFEP7guEBJN5VFHyj");
    String z = r.proofs().get(0);
    assertTrue(z.startsWith("z"), z);
    assertEquals(r, RecapObject.decode(r.encode()));
    assertEquals(r.proofs(), RecapObject.empty().withProof(z).proofs());
  }

  @Test
  void mergeReplacesAllEmptyRestrictionsAndAppendsOthers() {
    RecapObject a =
        RecapObject.empty()
            .withCapabilityForResource(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
            .withCapabilityForResource(LitPKPResource.ALL, LitAbility.PKP_SIGNING, Map.of("n", 1));
    RecapObject b =
        RecapObject.empty()
            .withCapabilityForResource(
                LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION, Map.of("code", "Qm1"))
            .withCapabilityForResource(LitPKPResource.ALL, LitAbility.PKP_SIGNING, Map.of("n", 2))
            .withCapabilityForResource(
                LitRLIResource.ALL, LitAbility.RATE_LIMIT_INCREASE_AUTHENTICATION);
    RecapObject m = a.merge(b);
    assertEquals(
        "{\"att\":{\"lit-litaction://*\":{\"Threshold/Execution\":[{\"code\":\"Qm1\"}]},"
            + "\"lit-pkp://*\":{\"Threshold/Signing\":[{\"n\":1},{\"n\":2}]},"
            + "\"lit-ratelimitincrease://*\":{\"Auth/Auth\":[{}]}},\"prf\":[]}",
        m.toCanonicalJson());
  }

  @Test
  void addToSiweMessageAppendsThenMerges() {
    SiweMessage base =
        SiweMessageTest.base().statement("Hi.").resources(List.of("https://example.com/a")).build();
    RecapObject first =
        RecapObject.empty()
            .withCapabilityForResource(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION);
    SiweMessage once = first.addToSiweMessage(base);
    assertEquals("Hi. " + first.statement(), once.statement().orElseThrow());
    assertEquals(List.of("https://example.com/a", first.encode()), once.resources().orElseThrow());
    RecapObject second =
        RecapObject.empty().withCapabilityForResource(LitPKPResource.ALL, LitAbility.PKP_SIGNING);
    SiweMessage twice = second.addToSiweMessage(once);
    RecapObject merged = first.merge(second);
    assertEquals("Hi. " + merged.statement(), twice.statement().orElseThrow());
    assertEquals(
        List.of("https://example.com/a", merged.encode()), twice.resources().orElseThrow());
    assertEquals(merged, RecapObject.extractAndVerify(twice));
  }

  @Test
  void aWildcardEntryIsConsultedBeforeTheExactKey() {
    RecapObject r =
        RecapObject.empty()
            .withCapabilityForResource(
                LitAccessControlConditionResource.ALL,
                LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION)
            .withCapabilityForResource(
                new LitAccessControlConditionResource("abc"),
                LitAbility.ACCESS_CONTROL_CONDITION_SIGNING);
    assertTrue(
        r.verifyCapabilitiesForResource(
            new LitAccessControlConditionResource("abc"),
            LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION));
    // the 4.2.0 lookup stops at the wildcard entry, so the exact key's signing grant is not seen
    assertFalse(
        r.verifyCapabilitiesForResource(
            new LitAccessControlConditionResource("abc"),
            LitAbility.ACCESS_CONTROL_CONDITION_SIGNING));
    assertFalse(
        r.verifyCapabilitiesForResource(
            new LitPKPResource("abc"), LitAbility.LIT_ACTION_EXECUTION));
  }
}
