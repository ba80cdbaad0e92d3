package io.lit4j.core.acc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitValidationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessControlConditionsValidationTest {
  private static final String BALANCE =
      "{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"eth_getBalance\","
          + "\"parameters\":[\":userAddress\",\"latest\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}}";

  private static EvmBasicCondition balance() {
    return new EvmBasicCondition(
        "",
        "ethereum",
        "",
        "eth_getBalance",
        List.of(":userAddress", "latest"),
        ReturnValueTest.of(">=", "0"));
  }

  private static InvalidAccessControlConditionsException rejectJson(
      ConditionKind kind, String json) {
    return assertThrows(
        InvalidAccessControlConditionsException.class,
        () -> AccessControlConditions.fromJson(kind, json));
  }

  private static InvalidAccessControlConditionsException rejectBasic(String json) {
    return rejectJson(ConditionKind.ACCESS_CONTROL_CONDITIONS, json);
  }

  @Test
  void anEmptyListIsRejectedNamingTheKind() {
    InvalidAccessControlConditionsException e = rejectBasic("[]");
    assertEquals("accessControlConditions", e.field());
    assertEquals("InvalidAccessControlConditions", e.errorCode().orElseThrow());
    assertTrue(e.is(LitErrorCode.INVALID_ACCESS_CONTROL_CONDITIONS));
    assertThrows(
        InvalidAccessControlConditionsException.class,
        () -> AccessControlConditions.accessControlConditions(List.of()));
  }

  @Test
  void anEmptyGroupIsRejectedNamingItsPosition() {
    assertEquals(
        "accessControlConditions[2]",
        rejectBasic("[" + BALANCE + ",{\"operator\":\"or\"},[]]").field());
  }

  @Test
  void anUnknownOperatorIsRejectedNamingTheOperatorField() {
    InvalidAccessControlConditionsException e =
        rejectBasic("[" + BALANCE + ",{\"operator\":\"xor\"}," + BALANCE + "]");
    assertEquals("accessControlConditions[1].operator", e.field());
    assertTrue(e.getMessage().contains("xor"));
  }

  @Test
  void operatorsAreCaseSensitiveAsTheNodeReadsThem() {
    assertEquals(
        "accessControlConditions[1].operator",
        rejectBasic("[" + BALANCE + ",{\"operator\":\"AND\"}," + BALANCE + "]").field());
  }

  @Test
  void aMissingReturnValueTestIsRejectedNamingIt() {
    String noTest =
        BALANCE.replace(",\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}", "");
    assertEquals(
        "accessControlConditions[0].returnValueTest", rejectBasic("[" + noTest + "]").field());
  }

  @Test
  void anUnknownComparatorIsRejectedNamingIt() {
    assertEquals(
        "accessControlConditions[0].returnValueTest.comparator",
        rejectBasic("[" + BALANCE.replace(">=", "~") + "]").field());
  }

  @Test
  void aMissingFieldIsRejectedNamingItsPath() {
    assertEquals(
        "accessControlConditions[0].chain",
        rejectBasic("[" + BALANCE.replace("\"chain\":\"ethereum\",", "") + "]").field());
  }

  @Test
  void aWronglyTypedFieldIsRejectedNamingItsPath() {
    assertEquals(
        "accessControlConditions[0].parameters[1]",
        rejectBasic("[" + BALANCE.replace("\"latest\"", "7") + "]").field());
  }

  @Test
  void nonArrayInputAndNonJsonAreRejected() {
    assertEquals("accessControlConditions", rejectBasic(BALANCE).field());
    assertEquals("accessControlConditions", rejectBasic("[{").field());
    assertEquals("accessControlConditions[0]", rejectBasic("[42]").field());
  }

  @Test
  void jsonTextOverTheDocumentedLimitIsRejected() {
    String padding = " ".repeat(AccessControlConditions.MAX_JSON_CHARS);
    InvalidAccessControlConditionsException e = rejectBasic("[" + BALANCE + "]" + padding);
    assertTrue(e.getMessage().contains(String.valueOf(AccessControlConditions.MAX_JSON_CHARS)));
  }

  @Test
  void moreConditionsThanTheNodeLimitAreRejected() {
    List<ConditionEntry> entries = new ArrayList<>();
    for (int i = 0; i < AccessControlConditions.MAX_CONDITIONS; i++) {
      if (i > 0) entries.add(ConditionOperator.OR);
      entries.add(balance());
    }
    AccessControlConditions.accessControlConditions(entries); // exactly the limit is fine
    entries.add(ConditionOperator.OR);
    entries.add(balance());
    InvalidAccessControlConditionsException e =
        assertThrows(
            InvalidAccessControlConditionsException.class,
            () -> AccessControlConditions.accessControlConditions(entries));
    assertEquals("accessControlConditions", e.field());
  }

  @Test
  void groupsNestedDeeperThanTheLimitAreRejected() {
    String json = "[" + BALANCE + "]";
    for (int i = 0; i <= AccessControlConditions.MAX_NESTING_DEPTH; i++) json = "[" + json + "]";
    assertTrue(rejectBasic(json).getMessage().contains("deeper"));
  }

  @Test
  void operatorsMustStandBetweenConditions() {
    assertEquals(
        "accessControlConditions[0].operator",
        rejectBasic("[{\"operator\":\"and\"}," + BALANCE + "]").field());
    assertEquals(
        "accessControlConditions[1].operator",
        rejectBasic("[" + BALANCE + ",{\"operator\":\"and\"}]").field());
    assertEquals(
        "accessControlConditions[3]",
        rejectBasic("[" + BALANCE + ",{\"operator\":\"and\"}," + BALANCE + "," + BALANCE + "]")
            .field());
    assertEquals(
        "accessControlConditions[2].operator",
        rejectBasic(
                "[" + BALANCE + ",{\"operator\":\"and\"},{\"operator\":\"or\"}," + BALANCE + "]")
            .field());
  }

  @Test
  void aListWithoutOperatorsIsAnImplicitAndButItsGroupsMustStillAlternate() {
    AccessControlConditions.fromJson(
        ConditionKind.ACCESS_CONTROL_CONDITIONS, "[" + BALANCE + "," + BALANCE + "]");
    assertEquals(
        "accessControlConditions[1][1]",
        rejectBasic("[" + BALANCE + ",[" + BALANCE + "," + BALANCE + "]]").field());
  }

  @Test
  void aConditionOfTheWrongKindIsRejected() {
    SolRpcCondition sol =
        SolRpcCondition.builder()
            .method("getBalance")
            .params(List.of(":userAddress"))
            .chain("solana")
            .returnValueTest(ReturnValueTest.keyed("", ">=", "1"))
            .build();
    InvalidAccessControlConditionsException e =
        assertThrows(
            InvalidAccessControlConditionsException.class,
            () -> AccessControlConditions.accessControlConditions(List.of(sol)));
    assertEquals("accessControlConditions[0]", e.field());
    AccessControlConditions.solRpcConditions(List.of(sol));
  }

  @Test
  void unifiedEntriesNeedAKnownConditionType() {
    ConditionKind unified = ConditionKind.UNIFIED_ACCESS_CONTROL_CONDITIONS;
    assertEquals(
        "unifiedAccessControlConditions[0].conditionType",
        rejectJson(unified, "[" + BALANCE + "]").field());
    assertEquals(
        "unifiedAccessControlConditions[0].conditionType",
        rejectJson(
                unified,
                "["
                    + BALANCE.replace(
                        "{\"contractAddress\"", "{\"conditionType\":\"evm\",\"contractAddress\"")
                    + "]")
            .field());
  }

  @Test
  void canonicalUnifiedEntriesWithoutConditionTypeAreTypedByShape() {
    AccessControlConditions accs =
        AccessControlConditions.fromCanonicalJson(
            ConditionKind.UNIFIED_ACCESS_CONTROL_CONDITIONS, "[" + BALANCE + "]");
    assertTrue(accs.conditions().get(0) instanceof EvmBasicCondition);
  }

  @Test
  void unifiedSolanaConditionsNeedPdaInterfaceAndPdaKey() {
    SolRpcCondition v1 =
        SolRpcCondition.builder()
            .method("getBalance")
            .params(List.of(":userAddress"))
            .chain("solana")
            .returnValueTest(ReturnValueTest.keyed("", ">=", "1"))
            .build();
    InvalidAccessControlConditionsException e =
        assertThrows(
            InvalidAccessControlConditionsException.class,
            () -> AccessControlConditions.unifiedAccessControlConditions(List.of(v1)));
    assertEquals("unifiedAccessControlConditions[0].pdaInterface", e.field());
  }

  @Test
  void solanaConditionsWithPdaParamsNeedPdaInterface() {
    InvalidAccessControlConditionsException e =
        assertThrows(
            InvalidAccessControlConditionsException.class,
            () ->
                SolRpcCondition.builder()
                    .method("m")
                    .params(List.of())
                    .pdaParams(List.of("x"))
                    .pdaKey("k")
                    .chain("solana")
                    .returnValueTest(ReturnValueTest.keyed("", "=", "1"))
                    .build());
    assertEquals("pdaInterface", e.field());
  }

  @Test
  void invalidAbiParamsAreRejectedNamingTheirPath() {
    String contract =
        "[{\"contractAddress\":\"0x1\",\"functionName\":\"f\",\"functionParams\":[],\"functionAbi\":{\"name\":\"f\","
            + "\"inputs\":[{\"name\":\"a\"}],\"outputs\":[],\"stateMutability\":\"view\"},\"chain\":\"ethereum\","
            + "\"returnValueTest\":{\"key\":\"\",\"comparator\":\"=\",\"value\":\"1\"}}]";
    assertEquals(
        "evmContractConditions[0].functionAbi.inputs[0].type",
        rejectJson(ConditionKind.EVM_CONTRACT_CONDITIONS, contract).field());
  }

  @Test
  void negativePdaSizesAreRejected() {
    assertThrows(
        InvalidAccessControlConditionsException.class,
        () -> new PdaInterface(0, java.util.Map.of("a", -1L)));
    assertThrows(
        InvalidAccessControlConditionsException.class,
        () -> new PdaInterface(-1, java.util.Map.of()));
  }

  @Test
  void nullPartsAreTypedErrorsNotNullPointerExceptions() {
    assertThrows(
        InvalidAccessControlConditionsException.class,
        () ->
            new EvmBasicCondition(
                null, "ethereum", "", "", List.of(), ReturnValueTest.of("=", "")));
    assertThrows(
        InvalidAccessControlConditionsException.class, () -> ReturnValueTest.of(null, "1"));
    assertThrows(
        InvalidAccessControlConditionsException.class,
        () -> AccessControlConditions.of(null, List.of(balance())));
    assertThrows(
        InvalidAccessControlConditionsException.class,
        () ->
            AccessControlConditions.fromJson(
                ConditionKind.ACCESS_CONTROL_CONDITIONS, (String) null));
    List<ConditionEntry> withNull = new ArrayList<>();
    withNull.add(null);
    assertThrows(
        InvalidAccessControlConditionsException.class,
        () -> AccessControlConditions.accessControlConditions(withNull));
  }

  @Test
  void invalidConditionErrorsAreValidationErrors() {
    assertTrue(
        LitValidationException.class.isAssignableFrom(
            InvalidAccessControlConditionsException.class));
  }
}
