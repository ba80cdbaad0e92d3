package io.lit4j.contracts.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.internal.ContractFunctions.PkpPermissions;
import io.lit4j.contracts.internal.ContractFunctions.PubkeyRouter;
import io.lit4j.contracts.internal.ContractFunctions.Staking;
import io.lit4j.contracts.internal.RevertReasons;
import io.lit4j.core.errors.LitContractException;
import io.lit4j.core.fuzz.Fuzz;
import io.lit4j.core.fuzz.JsonMutator;
import io.lit4j.core.network.NodeUrls;
import io.lit4j.core.util.Hex;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;

/**
 * Randomized bad chain answers through {@link LitContracts} over real HTTP JSON-RPC: mutated ABI
 * return data (lengths, offsets, truncation, junk), mutated JSON-RPC bodies and mutated revert
 * data. Only a {@link LitContractException} (the documented type) may escape, nothing may hang;
 * revert-reason decoding never throws.
 */
class ContractAnswersFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String C = "0x00000000000000000000000000000000000000c1";
  private static final LitContractAddresses ADDRESSES = new LitContractAddresses(C, C, C, C, C, C);
  private static final String V1 = "1111111111111111111111111111111111111111";
  private static final String V2 = "2222222222222222222222222222222222222222";

  private static HttpServer server;

  /**
   * Answers by 4-byte selector (0x + 8 hex): the raw JSON-RPC body to send, given the request id.
   */
  private static final Map<String, Function<String, String>> BODIES = new ConcurrentHashMap<>();

  private static LitContracts contracts;

  private static String word(long v) {
    return String.format("%064x", v);
  }

  private static String word(String hex) {
    return String.format("%64s", hex).replace(' ', '0');
  }

  private static String selector(org.web3j.abi.datatypes.Function f) {
    return FunctionEncoder.encode(f).substring(0, 10);
  }

  private static String result(String id, String hex) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"" + hex + "\"}";
  }

  static final String CURRENT = "0x" + word(0x20) + word(2) + word(V1) + word(V2);
  static final String KICKED = "0x" + word(0x20) + word(0);
  static final String COUNT = "0x" + word(2);
  static final String STRUCTS =
      "0x"
          + word(0x20)
          + word(2)
          + word(2130706433L)
          + word(0)
          + word(7470)
          + word(V1)
          + word(5)
          + word(6)
          + word(7)
          + word(0x01020304L)
          + word("ff")
          + word(443)
          + word(V2)
          + word(0)
          + word(0)
          + word(0);
  static final String AUTH_METHODS =
      "0x"
          + word(0x20)
          + word(2)
          + word(0x40)
          + word(0x100)
          + word(1)
          + word(0x60)
          + word(0xa0)
          + word(20)
          + "dd66ee5e696911f92e19b8612f711fa508816a6e"
          + "00".repeat(12)
          + word(0)
          + word(3)
          + word(0x60)
          + word(0xa0)
          + word(32)
          + "17".repeat(32)
          + word(2)
          + "beef"
          + "00".repeat(30);
  static final String PUBKEY =
      "0x" + word(0x20) + word(65) + "04" + "ab".repeat(64) + "00".repeat(31);
  static final String EPOCH = "0x" + word(86400) + word(42) + word(0) + word(0) + word(0);

  @BeforeAll
  static void startChain() throws Exception {
    // without TCP_NODELAY every answer waits ~40 ms for a delayed ACK
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext(
        "/",
        exchange -> {
          JsonNode req = JSON.readTree(exchange.getRequestBody());
          String id = req.get("id").toString();
          String body;
          if ("eth_chainId".equals(req.get("method").asText())) {
            body = result(id, "0x7a69");
          } else if ("eth_call".equals(req.get("method").asText())) {
            JsonNode tx = req.get("params").get(0);
            String data = (tx.has("data") ? tx.get("data") : tx.get("input")).asText();
            Function<String, String> f = BODIES.get(data.substring(0, 10));
            body =
                f == null
                    ? "{\"jsonrpc\":\"2.0\",\"id\":"
                        + id
                        + ",\"error\":{\"code\":-32000,\"message\":\"unscripted\"}}"
                    : f.apply(id);
          } else {
            body =
                "{\"jsonrpc\":\"2.0\",\"id\":"
                    + id
                    + ",\"error\":{\"code\":-32601,\"message\":\"no\"}}";
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
          if (bytes.length > 0) exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    contracts =
        LitContracts.builder()
            .rpcUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .addresses(ADDRESSES)
            .build();
  }

  @AfterAll
  static void stopChain() {
    if (contracts != null) contracts.close();
    if (server != null) server.stop(0);
  }

  private static void answerValid() {
    BODIES.put(selector(Staking.getValidatorsInCurrentEpoch()), id -> result(id, CURRENT));
    BODIES.put(selector(Staking.getKickedValidators()), id -> result(id, KICKED));
    BODIES.put(selector(Staking.currentValidatorCountForConsensus()), id -> result(id, COUNT));
    BODIES.put(selector(Staking.getValidatorsStructs(List.of())), id -> result(id, STRUCTS));
    BODIES.put(selector(Staking.epoch()), id -> result(id, EPOCH));
    BODIES.put(
        selector(PkpPermissions.getPermittedAuthMethods(BigInteger.ONE)),
        id -> result(id, AUTH_METHODS));
    BODIES.put(selector(PubkeyRouter.getPubkey(BigInteger.ONE)), id -> result(id, PUBKEY));
  }

  @Test
  void theValidAnswersDecode() {
    answerValid();
    assertEquals(
        List.of("http://127.0.0.1:7470", "https://1.2.3.4:443"),
        contracts.staking().getValidators());
    assertEquals(2, contracts.staking().getMinNodeCount());
    assertEquals(42, contracts.staking().getCurrentEpochNumber());
    assertEquals(2, contracts.permissions().getPermittedAuthMethods(BigInteger.ONE).size());
    assertEquals(65, contracts.pkps().getPubkey(BigInteger.ONE).length);
  }

  @Test
  void aForgedArrayLengthIsAContractErrorNotAnOutOfMemoryError() {
    // regression: web3j pre-sized an ArrayList with the length word and the VM threw
    // OutOfMemoryError
    for (String length : new String[] {"7fffffff", "10000000", "5", "ffffffffffffffff"}) {
      answerValid();
      String forged = "0x" + word(0x20) + word(length) + word(V1) + word(V2);
      BODIES.put(selector(Staking.getValidatorsInCurrentEpoch()), id -> result(id, forged));
      LitContractException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              LitContractException.class, contracts.staking()::getValidators);
      assertTrue(e.getMessage().contains("Staking.getValidatorsInCurrentEpoch"), e.getMessage());
    }
  }

  /** Each case mutates the return data of one call; the others answer validly. */
  @Test
  void mutatedAbiReturnDataIsDecodedOrAContractError() {
    String[][] targets = {
      {selector(Staking.getValidatorsInCurrentEpoch()), CURRENT, "validators"},
      {selector(Staking.getKickedValidators()), KICKED, "validators"},
      {selector(Staking.currentValidatorCountForConsensus()), COUNT, "minNodeCount"},
      {selector(Staking.getValidatorsStructs(List.of())), STRUCTS, "validators"},
      {selector(Staking.epoch()), EPOCH, "epoch"},
      {
        selector(PkpPermissions.getPermittedAuthMethods(BigInteger.ONE)),
        AUTH_METHODS,
        "authMethods"
      },
      {selector(PubkeyRouter.getPubkey(BigInteger.ONE)), PUBKEY, "pubkey"},
    };
    Fuzz.run(
        "LitContracts ABI decoding",
        500,
        Duration.ofSeconds(40),
        seed -> {
          String[] t = targets[(int) Math.floorMod(seed, (long) targets.length)];
          return new String[] {t[0], mutateAbi(t[1], seed), t[2]};
        },
        in -> {
          answerValid();
          BODIES.put(in[0], id -> result(id, in[1]));
          call(in[2]);
        });
  }

  @Test
  void anEmptyOrNullJsonRpcBodyIsAContractErrorNotANullPointer() {
    // regression: web3j returns a null response for these bodies and ChainClient dereferenced it
    String sel = selector(Staking.currentValidatorCountForConsensus());
    for (String body : new String[] {"", "null", "  "}) {
      answerValid();
      BODIES.put(sel, id -> body);
      LitContractException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              LitContractException.class, contracts.staking()::getMinNodeCount);
      assertTrue(
          e.getMessage().contains("Staking.currentValidatorCountForConsensus"), e.getMessage());
    }
  }

  @Test
  void mutatedJsonRpcBodiesAreAContractError() {
    String sel = selector(Staking.getValidatorsStructs(List.of()));
    Fuzz.run(
        "LitContracts JSON-RPC body",
        300,
        Duration.ofSeconds(40),
        seed -> new JsonMutator(seed).mutate(result("1", STRUCTS)),
        body -> {
          answerValid();
          BODIES.put(sel, id -> body.replace("\"id\":1", "\"id\":" + id));
          call("validators");
        });
  }

  @Test
  void mutatedRevertsAreContractRevertsWithADecodedOrRawReason() {
    String sel = selector(Staking.currentValidatorCountForConsensus());
    String revert = errorString("not enough validators");
    Fuzz.run(
        "LitContracts revert data",
        300,
        Duration.ofSeconds(40),
        seed -> mutateAbi(revert, seed),
        data -> {
          answerValid();
          BODIES.put(
              sel,
              id ->
                  "{\"jsonrpc\":\"2.0\",\"id\":"
                      + id
                      + ",\"error\":{\"code\":3,\"message\":\"execution reverted\",\"data\":\""
                      + data
                      + "\"}}");
          try {
            contracts.staking().getMinNodeCount();
            fail("a reverted call returned a value");
          } catch (LitContractException expected) {
            // a revert, reason decoded or raw
          }
        });
  }

  @Test
  void revertReasonDecodingNeverThrowsAndReadsBackWellFormedReasons() {
    String revert = errorString("sold out");
    assertEquals("sold out", RevertReasons.decode(revert).orElseThrow());
    Fuzz.run(
        "RevertReasons.decode",
        1500,
        seed -> mutateAbi(revert, seed),
        data -> {
          try {
            RevertReasons.decode(data);
          } catch (RuntimeException e) {
            fail("RevertReasons.decode is documented never to throw, threw " + e + " for " + data);
          }
        });
    Fuzz.run(
        "RevertReasons.decode(text)",
        500,
        seed -> new JsonMutator(seed).mutateString(revert),
        data -> {
          try {
            RevertReasons.decode(data);
          } catch (RuntimeException e) {
            fail("RevertReasons.decode is documented never to throw, threw " + e + " for " + data);
          }
        });
  }

  @Test
  void nodeIpsAreParsedOrRejectedAndRoundTrip() {
    Fuzz.run(
        "NodeUrls.ipToInt",
        3000,
        seed -> new JsonMutator(seed).mutateString("192.168.10.254"),
        s -> {
          long ip = NodeUrls.ipToInt(s);
          // accepted: four ASCII octets (leading zeros allowed) spelling exactly this address
          assertTrue(
              s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}"), "ipToInt accepted " + Fuzz.excerpt(s));
          assertEquals(NodeUrls.intToIp(ip), s.replaceAll("(^|\\.)0+(?=[0-9])", "$1"));
        });
  }

  private static void call(String what) {
    switch (what) {
      case "validators" ->
          contracts
              .staking()
              .getActiveValidators()
              .forEach(v -> assertTrue(v.url().startsWith("http")));
      case "minNodeCount" -> assertTrue(contracts.staking().getMinNodeCount() > 0);
      case "epoch" -> assertTrue(contracts.staking().getCurrentEpochNumber() >= 0);
      case "authMethods" -> contracts.permissions().getPermittedAuthMethods(BigInteger.ONE);
      case "pubkey" -> contracts.pkps().getPubkey(BigInteger.ONE);
      default -> throw new IllegalStateException(what);
    }
  }

  static String errorString(String reason) {
    byte[] r = reason.getBytes(StandardCharsets.UTF_8);
    return "0x08c379a0"
        + word(32)
        + word(r.length)
        + Hex.encode(r)
        + "00".repeat((32 - r.length % 32) % 32);
  }

  /** Word-level mutations of ABI hex: lengths and offsets set to edge values, truncation, junk. */
  static String mutateAbi(String hex0x, long seed) {
    Random rnd = new Random(seed);
    String hex = hex0x.substring(2);
    int words = hex.length() / 64;
    int prefix = hex.length() % 64; // a 4-byte selector in revert data
    int n = 1 + rnd.nextInt(2);
    for (int k = 0; k < n; k++) {
      int w = words == 0 ? 0 : rnd.nextInt(words);
      int at = prefix + w * 64;
      switch (rnd.nextInt(9)) {
        case 0, 1 -> {
          String[] edge = {
            word(0),
            word(1),
            word(0x20),
            word(0x1f),
            word(0xffffffffL),
            word(0x7fffffffL),
            word(0x80000000L),
            "f".repeat(64),
            "8" + "0".repeat(63),
            word(hex.length()),
            word(hex.length() / 2 + 32),
            word(1_000_000)
          };
          if (words > 0)
            hex = hex.substring(0, at) + edge[rnd.nextInt(edge.length)] + hex.substring(at + 64);
        }
        case 2 -> hex = hex.substring(0, rnd.nextInt(hex.length() + 1));
        case 3 -> hex = hex.substring(0, Math.max(0, hex.length() - 64 * (1 + rnd.nextInt(3))));
        case 4 -> {
          byte[] junk = new byte[32 * (1 + rnd.nextInt(3))];
          rnd.nextBytes(junk);
          hex = hex + Hex.encode(junk);
        }
        case 5 -> {
          int i = rnd.nextInt(Math.max(1, hex.length()));
          if (!hex.isEmpty())
            hex =
                hex.substring(0, i)
                    + "0123456789abcdef".charAt(rnd.nextInt(16))
                    + hex.substring(i + 1);
        }
        case 6 -> hex = rnd.nextBoolean() ? hex + "0" : hex.replaceFirst("[0-9a-f]", "g");
        case 7 -> hex = "";
        default -> {
          if (words > 1) {
            int w2 = rnd.nextInt(words);
            int at2 = prefix + w2 * 64;
            String a = hex.substring(at, at + 64);
            hex = hex.substring(0, at) + hex.substring(at2, at2 + 64) + hex.substring(at + 64);
            hex = hex.substring(0, at2) + a + hex.substring(at2 + 64);
          }
        }
      }
      words = hex.length() / 64;
      prefix = hex.length() % 64;
    }
    return "0x" + hex;
  }
}
