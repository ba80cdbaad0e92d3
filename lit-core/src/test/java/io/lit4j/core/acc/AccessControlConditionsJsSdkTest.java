package io.lit4j.core.acc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lit4j.core.util.Hex;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Canonical JSON and hashes compared with values computed by the official JS SDK
 * ({@code @lit-protocol/access-control-conditions@4.2.0}) with {@code src/test/js/acc-vectors.js};
 * see the README there to regenerate. Inputs are the JSON the script passed to the SDK.
 */
class AccessControlConditionsJsSdkTest {

  record SdkCase(String name, ConditionKind kind, String input, String canonical, String hash) {
    @Override
    public String toString() {
      return name;
    }
  }

  record SdkRejects(String name, ConditionKind kind, String input) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<SdkCase> sdkCases() {
    return Stream.of(
        new SdkCase(
            "basicSpecVector",
            ConditionKind.ACCESS_CONTROL_CONDITIONS,
            "[{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"eth_getBalance\",\"parameters\":[\":userAddress\",\"latest\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}}]",
            "[{\"contractAddress\":\"\",\"chain\":\"ethereum\",\"standardContractType\":\"\",\"method\":\"eth_getBalance\",\"parameters\":[\":userAddress\",\"latest\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}}]",
            "53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628"),
        new SdkCase(
            "basicOrWithNestedAndGroup",
            ConditionKind.ACCESS_CONTROL_CONDITIONS,
            "[{\"conditionType\":\"evmBasic\",\"returnValueTest\":{\"value\":\"0xBD4701851e9C9a22f448860A78872A00Da87899e\",\"comparator\":\"=\",\"key\":\"ignored\"},\"parameters\":[\":userAddress\"],\"method\":\"\",\"chain\":\"ethereum\",\"standardContractType\":\"\",\"contractAddress\":\"\"},{\"operator\":\"or\"},[{\"contractAddress\":\"0x89b597199dAc806Ceecfc091e56044Aa59f3bd8b\",\"standardContractType\":\"ERC721\",\"chain\":\"polygon\",\"method\":\"balanceOf\",\"parameters\":[\":userAddress\"],\"returnValueTest\":{\"comparator\":\">\",\"value\":\"0\"}},{\"operator\":\"and\"},{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"eth_getBalance\",\"parameters\":[\":userAddress\",\"latest\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}}]]",
            "[{\"contractAddress\":\"\",\"chain\":\"ethereum\",\"standardContractType\":\"\",\"method\":\"\",\"parameters\":[\":userAddress\"],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"0xBD4701851e9C9a22f448860A78872A00Da87899e\"}},{\"operator\":\"or\"},[{\"contractAddress\":\"0x89b597199dAc806Ceecfc091e56044Aa59f3bd8b\",\"chain\":\"polygon\",\"standardContractType\":\"ERC721\",\"method\":\"balanceOf\",\"parameters\":[\":userAddress\"],\"returnValueTest\":{\"comparator\":\">\",\"value\":\"0\"}},{\"operator\":\"and\"},{\"contractAddress\":\"\",\"chain\":\"ethereum\",\"standardContractType\":\"\",\"method\":\"eth_getBalance\",\"parameters\":[\":userAddress\",\"latest\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}}]]",
            "92ea41e7a631f79f8eaad9927a0058798f8f6888b8a3a8bb20d4bbd829e722b1"),
        new SdkCase(
            "basicImplicitAnd",
            ConditionKind.ACCESS_CONTROL_CONDITIONS,
            "[{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"eth_getBalance\",\"parameters\":[\":userAddress\",\"latest\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}},{\"contractAddress\":\"0x89b597199dAc806Ceecfc091e56044Aa59f3bd8b\",\"standardContractType\":\"ERC721\",\"chain\":\"polygon\",\"method\":\"balanceOf\",\"parameters\":[\":userAddress\"],\"returnValueTest\":{\"comparator\":\">\",\"value\":\"0\"}}]",
            "[{\"contractAddress\":\"\",\"chain\":\"ethereum\",\"standardContractType\":\"\",\"method\":\"eth_getBalance\",\"parameters\":[\":userAddress\",\"latest\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}},{\"contractAddress\":\"0x89b597199dAc806Ceecfc091e56044Aa59f3bd8b\",\"chain\":\"polygon\",\"standardContractType\":\"ERC721\",\"method\":\"balanceOf\",\"parameters\":[\":userAddress\"],\"returnValueTest\":{\"comparator\":\">\",\"value\":\"0\"}}]",
            "a21920e111de1cf3910a0de4a0a2fd4cb2879563e11f9c41aa5e885f8badc9bc"),
        new SdkCase(
            "basicUnicodeAndEscapes",
            ConditionKind.ACCESS_CONTROL_CONDITIONS,
            "[{\"contractAddress\":\"\",\"standardContractType\":\"timestamp\",\"chain\":\"ethereum\",\"method\":\"eth_getBlockByNumber\",\"parameters\":[\"latest\",\"caf\u00e9 \u2028 \\\"q\\\" \\\\ \\u0001 \ud83d\ude00\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"1651276942\"}}]",
            "[{\"contractAddress\":\"\",\"chain\":\"ethereum\",\"standardContractType\":\"timestamp\",\"method\":\"eth_getBlockByNumber\",\"parameters\":[\"latest\",\"caf\u00e9 \u2028 \\\"q\\\" \\\\ \\u0001 \ud83d\ude00\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"1651276942\"}}]",
            "a3d45d39c200756286cc9be35457548848dab808cbd43d2cf723469249fb5d78"),
        new SdkCase(
            "evmContractWithInternalTypes",
            ConditionKind.EVM_CONTRACT_CONDITIONS,
            "[{\"contractAddress\":\"0xb71a679cfff330591d556c4b9f21c7739ca9590c\",\"functionName\":\"members\",\"functionParams\":[\":userAddress\"],\"functionAbi\":{\"type\":\"function\",\"name\":\"members\",\"stateMutability\":\"view\",\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"outputs\":[{\"internalType\":\"address\",\"name\":\"delegateKey\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"shares\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"exists\",\"type\":\"bool\"}]},\"chain\":\"xdai\",\"returnValueTest\":{\"key\":\"shares\",\"comparator\":\">=\",\"value\":\"1\"}}]",
            "[{\"contractAddress\":\"0xb71a679cfff330591d556c4b9f21c7739ca9590c\",\"functionName\":\"members\",\"functionParams\":[\":userAddress\"],\"functionAbi\":{\"name\":\"members\",\"inputs\":[{\"name\":\"\",\"type\":\"address\"}],\"outputs\":[{\"name\":\"delegateKey\",\"type\":\"address\"},{\"name\":\"shares\",\"type\":\"uint256\"},{\"name\":\"exists\",\"type\":\"bool\"}],\"constant\":false,\"stateMutability\":\"view\"},\"chain\":\"xdai\",\"returnValueTest\":{\"key\":\"shares\",\"comparator\":\">=\",\"value\":\"1\"}}]",
            "4ded46ce49f201bf5af720eef5bf4889c1d670f51d197911ed8660edc6019a58"),
        new SdkCase(
            "evmContractConstantWithoutKey",
            ConditionKind.EVM_CONTRACT_CONDITIONS,
            "[{\"chain\":\"ethereum\",\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"true\"},\"contractAddress\":\"0x0000000000000000000000000000000000000001\",\"functionName\":\"isMember\",\"functionParams\":[\":userAddress\",\"42\"],\"functionAbi\":{\"name\":\"isMember\",\"inputs\":[{\"name\":\"who\",\"type\":\"address\"},{\"name\":\"id\",\"type\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\"}],\"constant\":true,\"stateMutability\":\"view\"}},{\"operator\":\"and\"},{\"contractAddress\":\"0xb71a679cfff330591d556c4b9f21c7739ca9590c\",\"functionName\":\"members\",\"functionParams\":[\":userAddress\"],\"functionAbi\":{\"type\":\"function\",\"name\":\"members\",\"stateMutability\":\"view\",\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"outputs\":[{\"internalType\":\"address\",\"name\":\"delegateKey\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"shares\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"exists\",\"type\":\"bool\"}]},\"chain\":\"xdai\",\"returnValueTest\":{\"key\":\"shares\",\"comparator\":\">=\",\"value\":\"1\"}}]",
            "[{\"contractAddress\":\"0x0000000000000000000000000000000000000001\",\"functionName\":\"isMember\",\"functionParams\":[\":userAddress\",\"42\"],\"functionAbi\":{\"name\":\"isMember\",\"inputs\":[{\"name\":\"who\",\"type\":\"address\"},{\"name\":\"id\",\"type\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\"}],\"constant\":true,\"stateMutability\":\"view\"},\"chain\":\"ethereum\",\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"true\"}},{\"operator\":\"and\"},{\"contractAddress\":\"0xb71a679cfff330591d556c4b9f21c7739ca9590c\",\"functionName\":\"members\",\"functionParams\":[\":userAddress\"],\"functionAbi\":{\"name\":\"members\",\"inputs\":[{\"name\":\"\",\"type\":\"address\"}],\"outputs\":[{\"name\":\"delegateKey\",\"type\":\"address\"},{\"name\":\"shares\",\"type\":\"uint256\"},{\"name\":\"exists\",\"type\":\"bool\"}],\"constant\":false,\"stateMutability\":\"view\"},\"chain\":\"xdai\",\"returnValueTest\":{\"key\":\"shares\",\"comparator\":\">=\",\"value\":\"1\"}}]",
            "26a6175b0cd6be6a0df436907ef59a1649fc2021422136920d50937a37f3385d"),
        new SdkCase(
            "solV1DropsPdaFields",
            ConditionKind.SOL_RPC_CONDITIONS,
            "[{\"method\":\"getBalance\",\"params\":[\":userAddress\"],\"pdaInterface\":{\"offset\":0,\"fields\":{}},\"pdaKey\":\"\",\"chain\":\"solana\",\"returnValueTest\":{\"key\":\"\",\"comparator\":\">=\",\"value\":\"100000000\"}}]",
            "[{\"method\":\"getBalance\",\"params\":[\":userAddress\"],\"chain\":\"solana\",\"returnValueTest\":{\"key\":\"\",\"comparator\":\">=\",\"value\":\"100000000\"}}]",
            "d4f974282a60f9e64c9901c9ab6038ca810c55d73bfac0b4c7e8919a9de1a4a4"),
        new SdkCase(
            "solV2WithIndexLikeFieldNames",
            ConditionKind.SOL_RPC_CONDITIONS,
            "[{\"method\":\"getTokenAccountBalance\",\"params\":[\"tn2WEWk4Kqj157XsSdmBBcjWumVhkyJECXCKPq9ReL9\"],\"pdaParams\":[\"seed\",\":userAddress\"],\"pdaInterface\":{\"offset\":8,\"fields\":{\"2\":1,\"10\":2,\"owner\":32,\"amount\":8}},\"pdaKey\":\"owner\",\"chain\":\"solanaDevnet\",\"returnValueTest\":{\"key\":\"$.amount\",\"comparator\":\">\",\"value\":\"0\"}},{\"operator\":\"or\"},{\"method\":\"getBalance\",\"params\":[\":userAddress\"],\"pdaInterface\":{\"offset\":0,\"fields\":{}},\"pdaKey\":\"\",\"chain\":\"solana\",\"returnValueTest\":{\"key\":\"\",\"comparator\":\">=\",\"value\":\"100000000\"}}]",
            "[{\"method\":\"getTokenAccountBalance\",\"params\":[\"tn2WEWk4Kqj157XsSdmBBcjWumVhkyJECXCKPq9ReL9\"],\"pdaParams\":[\"seed\",\":userAddress\"],\"pdaInterface\":{\"offset\":8,\"fields\":{\"2\":1,\"10\":2,\"owner\":32,\"amount\":8}},\"pdaKey\":\"owner\",\"chain\":\"solanaDevnet\",\"returnValueTest\":{\"key\":\"$.amount\",\"comparator\":\">\",\"value\":\"0\"}},{\"operator\":\"or\"},{\"method\":\"getBalance\",\"params\":[\":userAddress\"],\"chain\":\"solana\",\"returnValueTest\":{\"key\":\"\",\"comparator\":\">=\",\"value\":\"100000000\"}}]",
            "d5d8192425c0ea88f8878f05dd19ea2a0b21638983682c1b6e2e43145e60040f"),
        new SdkCase(
            "unifiedMixed",
            ConditionKind.UNIFIED_ACCESS_CONTROL_CONDITIONS,
            "[{\"conditionType\":\"evmBasic\",\"returnValueTest\":{\"value\":\"0x93E47A604BA72899a5f8dF986cF26C97AfdaE2A0\",\"comparator\":\"=\",\"key\":\"ignored\"},\"parameters\":[\":userAddress\"],\"method\":\"\",\"chain\":\"ethereum\",\"standardContractType\":\"\",\"contractAddress\":\"\"},{\"operator\":\"or\"},{\"conditionType\":\"solRpc\",\"method\":\"\",\"params\":[\":userAddress\"],\"pdaInterface\":{\"offset\":0,\"fields\":{}},\"pdaKey\":\"\",\"chain\":\"solana\",\"returnValueTest\":{\"key\":\"\",\"comparator\":\"=\",\"value\":\"88PoAjLoSqrTjH2cdRWq4JEezhSdDBw3g7Qzq9nxCMoH\"}},{\"operator\":\"or\"},[{\"conditionType\":\"evmContract\",\"contractAddress\":\"0xb71a679cfff330591d556c4b9f21c7739ca9590c\",\"functionName\":\"members\",\"functionParams\":[\":userAddress\"],\"functionAbi\":{\"type\":\"function\",\"name\":\"members\",\"stateMutability\":\"view\",\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"outputs\":[{\"internalType\":\"address\",\"name\":\"delegateKey\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"shares\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"exists\",\"type\":\"bool\"}]},\"chain\":\"xdai\",\"returnValueTest\":{\"key\":\"shares\",\"comparator\":\">=\",\"value\":\"1\"}},{\"operator\":\"and\"},{\"conditionType\":\"cosmos\",\"path\":\"/cosmos/bank/v1beta1/balances/:userAddress\",\"chain\":\"cosmos\",\"returnValueTest\":{\"key\":\"$.balances[0].amount\",\"comparator\":\">=\",\"value\":\"1000000\"}}]]",
            "[{\"contractAddress\":\"\",\"chain\":\"ethereum\",\"standardContractType\":\"\",\"method\":\"\",\"parameters\":[\":userAddress\"],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"0x93E47A604BA72899a5f8dF986cF26C97AfdaE2A0\"}},{\"operator\":\"or\"},{\"method\":\"\",\"params\":[\":userAddress\"],\"pdaInterface\":{\"offset\":0,\"fields\":{}},\"pdaKey\":\"\",\"chain\":\"solana\",\"returnValueTest\":{\"key\":\"\",\"comparator\":\"=\",\"value\":\"88PoAjLoSqrTjH2cdRWq4JEezhSdDBw3g7Qzq9nxCMoH\"}},{\"operator\":\"or\"},[{\"contractAddress\":\"0xb71a679cfff330591d556c4b9f21c7739ca9590c\",\"functionName\":\"members\",\"functionParams\":[\":userAddress\"],\"functionAbi\":{\"name\":\"members\",\"inputs\":[{\"name\":\"\",\"type\":\"address\"}],\"outputs\":[{\"name\":\"delegateKey\",\"type\":\"address\"},{\"name\":\"shares\",\"type\":\"uint256\"},{\"name\":\"exists\",\"type\":\"bool\"}],\"constant\":false,\"stateMutability\":\"view\"},\"chain\":\"xdai\",\"returnValueTest\":{\"key\":\"shares\",\"comparator\":\">=\",\"value\":\"1\"}},{\"operator\":\"and\"},{\"path\":\"/cosmos/bank/v1beta1/balances/:userAddress\",\"chain\":\"cosmos\",\"returnValueTest\":{\"key\":\"$.balances[0].amount\",\"comparator\":\">=\",\"value\":\"1000000\"}}]]",
            "0addddbc16fc13edf4ec4a9af16fde6926cfb38698f6cdbe3420dc0a3ff62f1a"),
        new SdkCase(
            "unifiedCosmosWithMethodAndSolV2",
            ConditionKind.UNIFIED_ACCESS_CONTROL_CONDITIONS,
            "[{\"conditionType\":\"cosmos\",\"path\":\":userAddress\",\"chain\":\"kyve\",\"method\":\"timestamp\",\"parameters\":[\"a\",\"b\"],\"returnValueTest\":{\"key\":\"\",\"comparator\":\"=\",\"value\":\"kyve1x\"}},{\"operator\":\"and\"},{\"conditionType\":\"solRpc\",\"method\":\"getTokenAccountBalance\",\"params\":[\"tn2WEWk4Kqj157XsSdmBBcjWumVhkyJECXCKPq9ReL9\"],\"pdaParams\":[\"seed\",\":userAddress\"],\"pdaInterface\":{\"offset\":8,\"fields\":{\"2\":1,\"10\":2,\"owner\":32,\"amount\":8}},\"pdaKey\":\"owner\",\"chain\":\"solanaDevnet\",\"returnValueTest\":{\"key\":\"$.amount\",\"comparator\":\">\",\"value\":\"0\"}}]",
            "[{\"path\":\":userAddress\",\"chain\":\"kyve\",\"method\":\"timestamp\",\"parameters\":[\"a\",\"b\"],\"returnValueTest\":{\"key\":\"\",\"comparator\":\"=\",\"value\":\"kyve1x\"}},{\"operator\":\"and\"},{\"method\":\"getTokenAccountBalance\",\"params\":[\"tn2WEWk4Kqj157XsSdmBBcjWumVhkyJECXCKPq9ReL9\"],\"pdaParams\":[\"seed\",\":userAddress\"],\"pdaInterface\":{\"offset\":8,\"fields\":{\"2\":1,\"10\":2,\"owner\":32,\"amount\":8}},\"pdaKey\":\"owner\",\"chain\":\"solanaDevnet\",\"returnValueTest\":{\"key\":\"$.amount\",\"comparator\":\">\",\"value\":\"0\"}}]",
            "eefb58937aaacb09674b0ef2cec7231dcd768ddd4efbd41f6d5ea41c62f8f375"));
  }

  static Stream<SdkRejects> sdkRejects() {
    return Stream.of(
        new SdkRejects(
            "unifiedWithoutConditionType",
            ConditionKind.UNIFIED_ACCESS_CONTROL_CONDITIONS,
            "[{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"eth_getBalance\",\"parameters\":[\":userAddress\",\"latest\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}}]"),
        new SdkRejects(
            "unifiedSolWithoutPdaKey",
            ConditionKind.UNIFIED_ACCESS_CONTROL_CONDITIONS,
            "[{\"conditionType\":\"solRpc\",\"method\":\"\",\"params\":[\":userAddress\"],\"pdaInterface\":{\"offset\":0,\"fields\":{}},\"chain\":\"solana\",\"returnValueTest\":{\"key\":\"\",\"comparator\":\"=\",\"value\":\"88PoAjLoSqrTjH2cdRWq4JEezhSdDBw3g7Qzq9nxCMoH\"}}]"),
        new SdkRejects(
            "solV2WithoutPdaInterface",
            ConditionKind.SOL_RPC_CONDITIONS,
            "[{\"method\":\"getTokenAccountBalance\",\"params\":[\"tn2WEWk4Kqj157XsSdmBBcjWumVhkyJECXCKPq9ReL9\"],\"pdaParams\":[\"seed\",\":userAddress\"],\"pdaKey\":\"owner\",\"chain\":\"solanaDevnet\",\"returnValueTest\":{\"key\":\"$.amount\",\"comparator\":\">\",\"value\":\"0\"}}]"),
        new SdkRejects(
            "basicWithoutReturnValueTest",
            ConditionKind.ACCESS_CONTROL_CONDITIONS,
            "[{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"eth_getBalance\",\"parameters\":[\":userAddress\",\"latest\"]}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sdkCases")
  void canonicalJsonMatchesTheJsSdkByteForByte(SdkCase c) {
    assertEquals(
        c.canonical(), AccessControlConditions.fromJson(c.kind(), c.input()).canonicalJson());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sdkCases")
  void hashMatchesTheJsSdk(SdkCase c) {
    AccessControlConditions accs = AccessControlConditions.fromJson(c.kind(), c.input());
    assertEquals(c.hash(), accs.hashHex());
    assertArrayEquals(Hex.decode(c.hash(), "hash"), accs.hash());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sdkCases")
  void readingTheCanonicalFormBackGivesTheSameHash(SdkCase c) {
    AccessControlConditions fromCanonical =
        AccessControlConditions.fromCanonicalJson(c.kind(), c.canonical());
    assertEquals(c.canonical(), fromCanonical.canonicalJson());
    assertEquals(c.hash(), fromCanonical.hashHex());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sdkCases")
  void writingTheFullFormAndReadingItBackGivesEqualConditions(SdkCase c) {
    AccessControlConditions accs = AccessControlConditions.fromJson(c.kind(), c.input());
    assertEquals(accs, AccessControlConditions.fromJson(c.kind(), accs.toJson()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sdkRejects")
  void inputTheJsSdkRejectsIsRejectedWithATypedError(SdkRejects c) {
    assertThrows(
        InvalidAccessControlConditionsException.class,
        () -> AccessControlConditions.fromJson(c.kind(), c.input()));
  }

  @org.junit.jupiter.api.Test
  void solanaFieldNamesThatLookLikeArrayIndicesAreOrderedAsJavaScriptOrdersThem() {
    // The script built {owner: 32, '10': 2, amount: 8, '2': 1}; JavaScript moved "2" and "10"
    // first.
    java.util.Map<String, Long> fields = new java.util.LinkedHashMap<>();
    fields.put("owner", 32L);
    fields.put("10", 2L);
    fields.put("amount", 8L);
    fields.put("2", 1L);
    SolRpcCondition v2 =
        SolRpcCondition.builder()
            .method("getTokenAccountBalance")
            .params(List.of("tn2WEWk4Kqj157XsSdmBBcjWumVhkyJECXCKPq9ReL9"))
            .pdaParams(List.of("seed", ":userAddress"))
            .pdaInterface(new PdaInterface(8, fields))
            .pdaKey("owner")
            .chain("solanaDevnet")
            .returnValueTest(ReturnValueTest.keyed("$.amount", ">", "0"))
            .build();
    SdkCase expected =
        sdkCases()
            .filter(c -> c.name().equals("unifiedCosmosWithMethodAndSolV2"))
            .findFirst()
            .orElseThrow();
    CosmosCondition cosmos =
        CosmosCondition.builder()
            .path(":userAddress")
            .chain("kyve")
            .method("timestamp")
            .parameters(List.of("a", "b"))
            .returnValueTest(ReturnValueTest.keyed("", "=", "kyve1x"))
            .build();
    AccessControlConditions built =
        AccessControlConditions.unifiedAccessControlConditions(
            List.of(cosmos, ConditionOperator.AND, v2));
    assertEquals(expected.canonical(), built.canonicalJson());
    assertEquals(expected.hash(), built.hashHex());
  }
}
