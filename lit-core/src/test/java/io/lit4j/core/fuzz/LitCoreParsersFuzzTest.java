package io.lit4j.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.ConditionKind;
import io.lit4j.core.ipfs.IpfsCid;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.network.LitChains;
import io.lit4j.core.network.LitNetwork;
import io.lit4j.core.util.Base58;
import io.lit4j.core.util.Hex;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Randomized bad input for lit-core's parsers: only a LitException may escape, nothing may hang.
 */
class LitCoreParsersFuzzTest {
  private static final int N = 1500;
  private static final int N_ACC = 300;

  static final String BASIC =
      "[{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"eth_getBalance\","
          + "\"parameters\":[\":userAddress\",\"latest\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}},"
          + "{\"operator\":\"or\"},[{\"contractAddress\":\"0x0000000000000000000000000000000000000001\",\"chain\":\"sepolia\","
          + "\"standardContractType\":\"ERC20\",\"method\":\"balanceOf\",\"parameters\":[\":userAddress\"],"
          + "\"returnValueTest\":{\"comparator\":\">\",\"value\":\"10\"}}]]";
  static final String EVM_CONTRACT =
      "[{\"contractAddress\":\"0xb71a679cfff330591d556c4b9f21c7739ca9590c\",\"functionName\":\"members\",\"functionParams\":[\":userAddress\"],"
          + "\"functionAbi\":{\"type\":\"function\",\"name\":\"members\",\"stateMutability\":\"view\",\"inputs\":[{\"internalType\":\"address\","
          + "\"name\":\"\",\"type\":\"address\"}],\"outputs\":[{\"internalType\":\"address\",\"name\":\"delegateKey\",\"type\":\"address\"},"
          + "{\"internalType\":\"uint256\",\"name\":\"shares\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"exists\",\"type\":\"bool\"}]},"
          + "\"chain\":\"xdai\",\"returnValueTest\":{\"key\":\"shares\",\"comparator\":\">=\",\"value\":\"1\"}}]";
  static final String SOL_RPC =
      "[{\"method\":\"getTokenAccountBalance\",\"params\":[\"tn2WEWk4Kqj157XsSdmBBcjWumVhkyJECXCKPq9ReL9\"],\"pdaParams\":[\"seed\",\":userAddress\"],"
          + "\"pdaInterface\":{\"offset\":8,\"fields\":{\"2\":1,\"10\":2,\"owner\":32,\"amount\":8}},\"pdaKey\":\"owner\",\"chain\":\"solanaDevnet\","
          + "\"returnValueTest\":{\"key\":\"$.amount\",\"comparator\":\">\",\"value\":\"0\"}},{\"operator\":\"or\"},{\"method\":\"getBalance\","
          + "\"params\":[\":userAddress\"],\"pdaInterface\":{\"offset\":0,\"fields\":{}},\"pdaKey\":\"\",\"chain\":\"solana\","
          + "\"returnValueTest\":{\"key\":\"\",\"comparator\":\">=\",\"value\":\"100000000\"}}]";
  static final String UNIFIED =
      "[{\"conditionType\":\"evmBasic\",\"returnValueTest\":{\"value\":\"0x93E47A604BA72899a5f8dF986cF26C97AfdaE2A0\",\"comparator\":\"=\"},"
          + "\"parameters\":[\":userAddress\"],\"method\":\"\",\"chain\":\"ethereum\",\"standardContractType\":\"\",\"contractAddress\":\"\"},"
          + "{\"operator\":\"or\"},{\"conditionType\":\"solRpc\",\"method\":\"\",\"params\":[\":userAddress\"],\"pdaInterface\":{\"offset\":0,\"fields\":{}},"
          + "\"pdaKey\":\"\",\"chain\":\"solana\",\"returnValueTest\":{\"key\":\"\",\"comparator\":\"=\",\"value\":\"88PoAjLoSqrTjH2cdRWq4JEezhSdDBw3g7Qzq9nxCMoH\"}},"
          + "{\"operator\":\"or\"},["
          + EVM_CONTRACT
              .substring(1, EVM_CONTRACT.length() - 1)
              .replace(
                  "{\"contractAddress\"", "{\"conditionType\":\"evmContract\",\"contractAddress\"")
          + ",{\"operator\":\"and\"},{\"conditionType\":\"cosmos\",\"path\":\"/cosmos/bank/v1beta1/balances/:userAddress\",\"chain\":\"cosmos\","
          + "\"returnValueTest\":{\"key\":\"$.balances[0].amount\",\"comparator\":\">=\",\"value\":\"1000000\"}}]]";

  private static final String HEX32 =
      "0x9a5f8dF986cF26C97AfdaE2A093E47A604BA72899a5f8dF986cF26C97AfdaE2A";
  private static final String CID =
      IpfsCid.of("console.log('hello')".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  @Test
  void theValidSeedsAreAccepted() {
    AccessControlConditions.fromJson(ConditionKind.ACCESS_CONTROL_CONDITIONS, BASIC);
    AccessControlConditions.fromJson(ConditionKind.EVM_CONTRACT_CONDITIONS, EVM_CONTRACT);
    AccessControlConditions.fromJson(ConditionKind.SOL_RPC_CONDITIONS, SOL_RPC);
    AccessControlConditions.fromJson(ConditionKind.UNIFIED_ACCESS_CONTROL_CONDITIONS, UNIFIED);
    assertEquals(32, Hex.decode(HEX32, "h").length);
    assertEquals(34, IpfsCid.toBytes(CID).length);
  }

  @Test
  void hexDecodingRejectsMutatedHexOrDecodesExactlyWhatWasWritten() {
    Fuzz.run(
        "Hex.decode",
        4 * N,
        seed -> new JsonMutator(seed).mutateString(HEX32),
        s -> {
          byte[] b = Hex.decode(s, "publicKey");
          // accepted: the input must have been plain ASCII hex spelling exactly these bytes
          assertEquals(
              Hex.strip0x(s).toLowerCase(Locale.ROOT),
              Hex.encode(b),
              "Hex.decode accepted " + Fuzz.excerpt(s));
          assertTrue(
              b.length == 0 || Hex.isHex(s), "isHex disagrees with decode for " + Fuzz.excerpt(s));
        });
  }

  @Test
  void isHexAgreesWithDecodeOnMutatedHex() {
    Fuzz.run(
        "Hex.isHex",
        4 * N,
        seed -> new JsonMutator(seed).mutateString(HEX32),
        s -> {
          if (Hex.isHex(s)) {
            assertEquals(
                Hex.strip0x(s).toLowerCase(Locale.ROOT),
                Hex.encode(Hex.decode(s, "value")),
                "isHex accepted " + Fuzz.excerpt(s));
          }
        });
  }

  @Test
  void base58DecodingRejectsMutatedTextOrRoundTripsIt() {
    Fuzz.run(
        "Base58.decode",
        2 * N,
        seed -> new JsonMutator(seed).mutateString(CID),
        s -> {
          if (s.length() > 20_000)
            return; // base58 is quadratic; CIDs are 46 characters (IpfsCid bounds them)
          byte[] b = Base58.decode(s, "ipfsId");
          assertEquals(s, Base58.encode(b), "Base58.decode accepted " + Fuzz.excerpt(s));
        });
  }

  @Test
  void ipfsCidParsingRejectsMutatedCidsOrRoundTripsThem() {
    Fuzz.run(
        "IpfsCid.toBytes",
        2 * N,
        seed -> new JsonMutator(seed).mutateString(CID),
        s -> {
          byte[] b = IpfsCid.toBytes(s);
          assertEquals(s, IpfsCid.fromBytes(b), "IpfsCid.toBytes accepted " + Fuzz.excerpt(s));
          assertArrayEquals(b, IpfsCid.toBytes(IpfsCid.fromBytes(b)));
        });
  }

  @Test
  void litJsonParseOnlyThrowsValidationErrors() {
    Fuzz.text("LitJson.parse", BASIC, N, s -> LitJson.parse(s, "body"));
  }

  @Test
  void networkAndChainNamesAreLookedUpOrRejectedWithATypedError() {
    Fuzz.run(
        "LitNetwork.fromName",
        N,
        seed -> new JsonMutator(seed).mutateString("cayenne"),
        s -> assertEquals(s, LitNetwork.fromName(s).wireName()));
    Fuzz.run(
        "LitChains.get",
        N,
        seed -> new JsonMutator(seed).mutateString("ethereum"),
        s -> assertEquals(s, LitChains.get(s).key()));
  }

  @Test
  void accessControlConditionsFromJsonRejectsMutationsOrReadsSomethingThatRoundTrips() {
    fuzzConditions(ConditionKind.ACCESS_CONTROL_CONDITIONS, BASIC);
    fuzzConditions(ConditionKind.EVM_CONTRACT_CONDITIONS, EVM_CONTRACT);
    fuzzConditions(ConditionKind.SOL_RPC_CONDITIONS, SOL_RPC);
    fuzzConditions(ConditionKind.UNIFIED_ACCESS_CONTROL_CONDITIONS, UNIFIED);
  }

  @Test
  void accessControlConditionsFromARequestBodyRejectsMutationsOrReadsTheirCanonicalForm() {
    String body =
        "{\"accessControlConditions\":"
            + BASIC
            + ",\"unifiedAccessControlConditions\":"
            + UNIFIED
            + ",\"dataToEncryptHash\":\""
            + HEX32.substring(2)
            + "\"}";
    Fuzz.tree(
        "AccessControlConditions.fromRequest",
        body,
        N_ACC,
        n -> AccessControlConditions.fromRequest(n).ifPresent(LitCoreParsersFuzzTest::roundTrips));
  }

  private static void fuzzConditions(ConditionKind kind, String valid) {
    Fuzz.text(
        "AccessControlConditions.fromJson/" + kind.requestKey(),
        valid,
        N_ACC,
        s -> roundTrips(AccessControlConditions.fromJson(kind, s)));
    Fuzz.text(
        "AccessControlConditions.fromCanonicalJson/" + kind.requestKey(),
        valid,
        N_ACC,
        s -> roundTrips(AccessControlConditions.fromCanonicalJson(kind, s)));
    Fuzz.tree(
        "AccessControlConditions.fromJson(JsonNode)/" + kind.requestKey(),
        valid,
        N_ACC,
        n -> roundTrips(AccessControlConditions.fromJson(kind, n)));
  }

  /**
   * What was accepted must be usable: hashable, and read back from its canonical and full forms to
   * the same hash.
   */
  private static void roundTrips(AccessControlConditions acc) {
    assertEquals(64, acc.hashHex().length());
    JsonNode canonical = acc.canonicalJsonNode();
    assertEquals(
        acc.canonicalJson(),
        AccessControlConditions.fromCanonicalJson(acc.kind(), canonical).canonicalJson(),
        "canonical form does not read back");
    assertEquals(
        acc.canonicalJson(),
        AccessControlConditions.fromJson(acc.kind(), acc.toJson()).canonicalJson(),
        "full form does not read back");
  }
}
