package io.lit4j.localnet.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/** The compiled ABIs keep the selectors and event topics of contracts.md §2 (the SDK's ABI). */
class ContractAbiTest {

  static final Map<String, Map<String, String>> SPEC_SELECTORS =
      Map.of(
          "PKPNFT",
          Map.of(
              "mintCost",
              "0xbdb4b848",
              "mintNext",
              "0x5d228b16",
              "claimAndMint",
              "0xc70384b8",
              "balanceOf",
              "0x70a08231",
              "tokenOfOwnerByIndex",
              "0x2f745c59",
              "tokenByIndex",
              "0x4f6ccce7",
              "totalSupply",
              "0x18160ddd",
              "tokenURI",
              "0xc87b56dd",
              "transferFrom",
              "0x23b872dd"),
          "PKPHelper",
          Map.of(
              "mintNextAndAddAuthMethods",
              "0x9fba176b",
              "mintNextAndAddAuthMethodsWithTypes",
              "0x1f71cb31"),
          "PKPPermissions",
          Map.ofEntries(
              Map.entry("addPermittedAuthMethod", "0x9dd4349b"),
              Map.entry("removePermittedAuthMethod", "0x66fc6541"),
              Map.entry("addPermittedAuthMethodScope", "0x6821c8e2"),
              Map.entry("removePermittedAuthMethodScope", "0x82559561"),
              Map.entry("addPermittedAction", "0x8a431578"),
              Map.entry("removePermittedAction", "0xd41a3272"),
              Map.entry("addPermittedAddress", "0x1663c121"),
              Map.entry("removePermittedAddress", "0xb997606f"),
              Map.entry("batchAddRemoveAuthMethods", "0x95e01294"),
              Map.entry("getPermittedAuthMethods", "0xf34f21ba"),
              Map.entry("getPermittedAuthMethodScopes", "0x00221c08"),
              Map.entry("isPermittedAuthMethod", "0x557b5eba"),
              Map.entry("isPermittedAuthMethodScopePresent", "0xa1c805fa"),
              Map.entry("getTokenIdsForAuthMethod", "0x5521c452"),
              Map.entry("getUserPubkeyForAuthMethod", "0xa1afdc6f"),
              Map.entry("getAuthMethodId", "0x0a60950d"),
              Map.entry("getPermittedAddresses", "0xabc541ae"),
              Map.entry("getPermittedActions", "0xbb7a1070"),
              Map.entry("isPermittedAction", "0xfceb3983"),
              Map.entry("isPermittedAddress", "0x00008b4f")),
          "PubkeyRouter",
          Map.of(
              "getPubkey",
              "0xef6fd878",
              "getEthAddress",
              "0xbd4986a0",
              "ethAddressToPkpId",
              "0xde18a508",
              "deriveEthAddressFromPubkey",
              "0xcc609d27"),
          "RateLimitNFT",
          Map.of(
              "mint",
              "0xa0712d68",
              "calculateCost",
              "0xce394696",
              "capacity",
              "0xab1bbeca",
              "isExpired",
              "0xd9548e53"),
          "Staking",
          Map.of(
              "getValidatorsInCurrentEpoch",
              "0x857b7663",
              "getKickedValidators",
              "0x5995a4c4",
              "getValidatorsStructs",
              "0x533d463e",
              "currentValidatorCountForConsensus",
              "0x43cb0a0e",
              "epoch",
              "0x900cf0cf",
              "getValidatorsStructsInCurrentEpoch",
              "0xe7c08720",
              "getActiveUnkickedValidatorStructsAndCounts",
              "0xc51d020e"));

  static final Map<String, String> SPEC_TOPICS =
      Map.of(
          "Transfer", "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
          "PKPMinted", "0x3b2cc0657d0387a736293d66389f78e4c8025e413c7a1ee67b7707d4418c46b8",
          "PubkeyRoutingDataSet",
              "0x0651cc1852188054ab1dc1f39e0a543b236620b2d303cdcf5ca15adc97c272be",
          "PermittedAuthMethodAdded",
              "0xd7db314a62650aaa1b15d4bb5c95c558a03cde3ee7f36e144b73126a3a8e839a",
          "PermittedAuthMethodRemoved",
              "0x9830658acd6a41f1cb12b425ed83cb2b8ccbfa753337cd13be80be51fc3f3373",
          "PermittedAuthMethodScopeAdded",
              "0x29eb060f266aff306ec81b612728a417406dd6298f8f7576a37b4e6830dcc60e",
          "PermittedAuthMethodScopeRemoved",
              "0x49bb3a0761ed218e1db1e9c41096ed35188868994cc37a32e1f25855745b424e",
          "StateChanged", "0x551dc40198cc79684bb69e4931dba4ac16e4598792ee1c0a5000aeea366d7bb6",
          "MintCostSet", "0x653b8b44976b2e5c016e082d134653d04dea9dbef92055038cca38c930070355");

  static String canonicalType(JsonNode param) {
    String type = param.get("type").asText();
    if (type.startsWith("tuple")) {
      String inner =
          StreamSupport.stream(param.get("components").spliterator(), false)
              .map(ContractAbiTest::canonicalType)
              .collect(Collectors.joining(","));
      return "(" + inner + ")" + type.substring("tuple".length());
    }
    return type;
  }

  static String signature(JsonNode entry) {
    return entry.get("name").asText()
        + "("
        + StreamSupport.stream(entry.get("inputs").spliterator(), false)
            .map(ContractAbiTest::canonicalType)
            .collect(Collectors.joining(","))
        + ")";
  }

  static Map<String, String> selectors(String contract, String kind) {
    JsonNode abi = LitJson.parse(CompiledContract.load(contract).abiJson(), contract);
    Map<String, String> out = new HashMap<>();
    for (JsonNode entry : abi) {
      if (entry.get("type").asText().equals(kind)) {
        String hash = Hash.sha3String(signature(entry));
        out.put(
            entry.get("name").asText() + (out.containsKey(entry.get("name").asText()) ? "#2" : ""),
            kind.equals("event") ? hash : hash.substring(0, 10));
      }
    }
    return out;
  }

  @Test
  void everySelectorTheSdkUsesMatchesTheSpec() {
    SPEC_SELECTORS.forEach(
        (contract, expected) -> {
          Map<String, String> actual = selectors(contract, "function");
          expected.forEach(
              (fn, selector) -> assertEquals(selector, actual.get(fn), contract + "." + fn));
        });
  }

  @Test
  void everyEventTopicMatchesTheSpec() {
    Map<String, String> all = new HashMap<>();
    for (String c : CompiledContract.NAMES) {
      all.putAll(selectors(c, "event"));
    }
    SPEC_TOPICS.forEach((event, topic) -> assertEquals(topic, all.get(event), event));
  }

  @Test
  void theMintEventsIndexTheTokenIdWhereTheSdkReadsIt() {
    JsonNode router = LitJson.parse(CompiledContract.load("PubkeyRouter").abiJson(), "router");
    JsonNode routed =
        StreamSupport.stream(router.spliterator(), false)
            .filter(e -> e.path("name").asText().equals("PubkeyRoutingDataSet"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        routed.get("inputs").get(0).get("indexed").asBoolean(),
        "PubkeyRoutingDataSet.tokenId indexed -> topics[1]");
    JsonNode pubkeys =
        StreamSupport.stream(router.spliterator(), false)
            .filter(e -> e.path("name").asText().equals("pubkeys"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        1,
        pubkeys.get("outputs").size(),
        "pubkeys(uint256) returns one struct, like the SDK's ABI");
    assertEquals("(bytes,uint256,bytes32)", canonicalType(pubkeys.get("outputs").get(0)));
  }
}
