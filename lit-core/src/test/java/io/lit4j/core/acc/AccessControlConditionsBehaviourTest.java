package io.lit4j.core.acc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessControlConditionsBehaviourTest {
  private static EvmBasicCondition wallet(String address) {
    return new EvmBasicCondition(
        "", "ethereum", "", "", List.of(":userAddress"), ReturnValueTest.of("=", address));
  }

  private static final EvmBasicCondition A = wallet("0xa");
  private static final EvmBasicCondition B = wallet("0xb");
  private static final EvmBasicCondition C = wallet("0xc");

  private static boolean eval(Set<EvmBasicCondition> met, ConditionEntry... entries) {
    List<Condition> seen = new ArrayList<>();
    boolean result =
        AccessControlConditions.accessControlConditions(List.of(entries))
            .evaluate(
                c -> {
                  seen.add(c);
                  return met.contains(c);
                });
    long conditions =
        AccessControlConditions.accessControlConditions(List.of(entries)).conditions().size();
    assertEquals(conditions, seen.size(), "every condition is evaluated, as the node does");
    return result;
  }

  @Test
  void aListWithoutOperatorsNeedsEveryConditionToHold() {
    assertTrue(eval(Set.of(A, B), A, B));
    assertFalse(eval(Set.of(A), A, B));
  }

  @Test
  void operatorsFoldLeftToRightWithoutPrecedence() {
    // (A or B) and C: with only A met the result is false (precedence would give A or (B and C) =
    // true)
    assertFalse(eval(Set.of(A), A, ConditionOperator.OR, B, ConditionOperator.AND, C));
    assertTrue(eval(Set.of(A, C), A, ConditionOperator.OR, B, ConditionOperator.AND, C));
  }

  @Test
  void groupsAreEvaluatedAsOneValue() {
    assertTrue(
        eval(Set.of(A), A, ConditionOperator.OR, ConditionGroup.of(B, ConditionOperator.AND, C)));
    assertFalse(
        eval(Set.of(B), A, ConditionOperator.OR, ConditionGroup.of(B, ConditionOperator.AND, C)));
  }

  @Test
  void theResourceIdJoinsTheConditionsHashAndTheDataHash() {
    AccessControlConditions accs =
        AccessControlConditions.accessControlConditions(
            List.of(
                new EvmBasicCondition(
                    "",
                    "ethereum",
                    "",
                    "eth_getBalance",
                    List.of(":userAddress", "latest"),
                    ReturnValueTest.of(">=", "0"))));
    byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
    AccessControlConditionResource r = AccessControlConditionResource.of(accs, data);
    // sha256("hello")
    String dataHash = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    assertEquals(dataHash, r.dataToEncryptHashHex());
    assertEquals(
        "53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628/" + dataHash,
        r.resourceId());
    assertEquals(
        "lit-accesscontrolcondition://53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628/"
            + dataHash,
        r.uri());
    assertArrayEquals(r.uri().getBytes(StandardCharsets.UTF_8), r.identity());
    assertEquals(r, accs.resource(dataHash));
  }

  @Test
  void aResourceRejectsHashesThatAreNotSha256Hex() {
    String h = "53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628";
    assertThrows(LitValidationException.class, () -> new AccessControlConditionResource(h, "abc"));
    assertThrows(
        LitValidationException.class, () -> new AccessControlConditionResource(h.toUpperCase(), h));
    assertThrows(LitValidationException.class, () -> new AccessControlConditionResource(null, h));
  }

  @Test
  void theFirstNonEmptyKindOfARequestWins() {
    ObjectNode body = LitJson.mapper().createObjectNode();
    body.putArray("accessControlConditions");
    AccessControlConditions evm = AccessControlConditions.accessControlConditions(List.of(A));
    AccessControlConditions unified =
        AccessControlConditions.unifiedAccessControlConditions(List.of(B));
    body.set("unifiedAccessControlConditions", unified.canonicalJsonNode());
    body.put("chain", "ethereum");
    assertEquals(
        ConditionKind.UNIFIED_ACCESS_CONTROL_CONDITIONS,
        AccessControlConditions.fromRequest(body).orElseThrow().kind());
    body.set("accessControlConditions", evm.canonicalJsonNode());
    assertEquals(evm, AccessControlConditions.fromRequest(body).orElseThrow());
    assertTrue(AccessControlConditions.fromRequest(LitJson.mapper().createObjectNode()).isEmpty());
  }

  @Test
  void unifiedAndBasicFormsOfTheSameConditionHashAlike() {
    // The canonical form drops conditionType, so both forms hash the same.
    assertEquals(
        AccessControlConditions.accessControlConditions(List.of(A)).hashHex(),
        AccessControlConditions.unifiedAccessControlConditions(List.of(A)).hashHex());
  }

  @Test
  void theFullFormOfUnifiedConditionsStartsWithConditionType() {
    String json = AccessControlConditions.unifiedAccessControlConditions(List.of(A)).toJson();
    assertTrue(json.startsWith("[{\"conditionType\":\"evmBasic\",\"contractAddress\""), json);
  }

  @Test
  void modelsAreImmutableCopies() {
    List<String> params = new ArrayList<>(List.of(":userAddress"));
    EvmBasicCondition c =
        new EvmBasicCondition("", "ethereum", "", "", params, ReturnValueTest.of("=", "x"));
    params.add("changed");
    assertEquals(List.of(":userAddress"), c.parameters());
    assertThrows(UnsupportedOperationException.class, () -> c.parameters().add("x"));
    byte[] h = AccessControlConditions.accessControlConditions(List.of(c)).hash();
    h[0] ^= 1;
    assertFalse(
        java.util.Arrays.equals(
            h, AccessControlConditions.accessControlConditions(List.of(c)).hash()));
  }

  @Test
  void staticHashHelpersMatchTheInstanceHash() {
    assertArrayEquals(
        AccessControlConditions.accessControlConditions(List.of(A)).hash(),
        AccessControlConditions.hashAccessControlConditions(List.of(A)));
    assertArrayEquals(
        AccessControlConditions.unifiedAccessControlConditions(List.of(A)).hash(),
        AccessControlConditions.hashUnifiedAccessControlConditions(List.of(A)));
  }

  @Test
  void userAddressEqualsIsTheBasicWalletCondition() {
    String address = "0x5B38Da6a701c568545dCfcB03FcB875f56beddC4";
    AccessControlConditions accs = AccessControlConditions.userAddressEquals(address);
    assertEquals(
        "[{\"contractAddress\":\"\",\"chain\":\"ethereum\",\"standardContractType\":\"\","
            + "\"method\":\"\",\"parameters\":[\":userAddress\"],"
            + "\"returnValueTest\":{\"comparator\":\"=\",\"value\":\""
            + address
            + "\"}}]",
        accs.canonicalJson());
    assertEquals(
        AccessControlConditions.accessControlConditions(List.of(wallet(address))).hashHex(),
        accs.hashHex());
    assertEquals(ConditionKind.ACCESS_CONTROL_CONDITIONS, accs.kind());
    for (String bad : new String[] {null, "", "0x12", "5B38Da6a701c568545dCfcB03FcB875f56beddC4"}) {
      InvalidAccessControlConditionsException e =
          assertThrows(
              InvalidAccessControlConditionsException.class,
              () -> AccessControlConditions.userAddressEquals(bad));
      assertTrue(e.getMessage().contains("address"), e.getMessage());
    }
  }
}
