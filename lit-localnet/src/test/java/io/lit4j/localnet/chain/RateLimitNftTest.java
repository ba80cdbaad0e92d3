package io.lit4j.localnet.chain;

import static io.lit4j.localnet.chain.ChainFixture.a;
import static io.lit4j.localnet.chain.ChainFixture.call1;
import static io.lit4j.localnet.chain.ChainFixture.send;
import static io.lit4j.localnet.chain.ChainFixture.u;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitContractException;
import io.lit4j.core.json.LitJson;
import io.lit4j.localnet.chain.internal.Transactor;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

@SuppressWarnings("rawtypes")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitNftTest {
  static final long DAY = 86_400;

  Anvil anvil;
  Transactor admin;
  Transactor buyer;
  String rli;

  @BeforeAll
  void start() {
    anvil = Anvil.start();
    admin = new Transactor(anvil.web3j(), anvil.devAccount(0), anvil.chainId());
    buyer = new Transactor(anvil.web3j(), anvil.devAccount(4), anvil.chainId());
    rli = admin.deploy(CompiledContract.load("RateLimitNFT")).getContractAddress();
  }

  @AfterAll
  void stop() {
    if (anvil != null) {
      anvil.close();
    }
  }

  /**
   * Moves the chain to the next UTC midnight plus {@code offset} seconds and returns that midnight.
   */
  long moveToNextMidnightPlus(long offset) {
    long midnight = (anvil.latestBlockTimestamp() / DAY + 1) * DAY;
    anvil.setNextBlockTimestamp(midnight + offset);
    anvil.mine();
    return midnight;
  }

  BigInteger cost(long rpks, long expiresAt) {
    return (BigInteger)
        call1(
            admin,
            rli,
            "calculateCost",
            List.of(u(rpks), u(expiresAt)),
            TypeReference.create(Uint256.class));
  }

  @Test
  void costIsRpksTimesRemainingSecondsTimesPriceOverAThousand() {
    long midnight = moveToNextMidnightPlus(0);
    // contracts.md §6: 167 rpks, exactly two days left, default price
    assertEquals(new BigInteger("28857600000"), cost(167, midnight + 2 * DAY));
    assertEquals(
        BigInteger.valueOf(1_000_000),
        call1(
            admin,
            rli,
            "additionalRequestsPerKilosecondCost",
            List.of(),
            TypeReference.create(Uint256.class)));
    assertEquals(
        BigInteger.valueOf(2_592_000),
        call1(admin, rli, "maxExpirationSeconds", List.of(), TypeReference.create(Uint256.class)));
    assertEquals(
        BigInteger.valueOf(86_400),
        call1(
            admin,
            rli,
            "defaultRateLimitWindowSeconds",
            List.of(),
            TypeReference.create(Uint256.class)));
  }

  @Test
  void expiryMustBeAFutureUtcMidnightWithinTheMaximum() {
    long midnight = moveToNextMidnightPlus(100);
    assertReverts("must be a UTC midnight", () -> cost(10, midnight + DAY + 1));
    assertReverts("must be in the future", () -> cost(10, midnight));
    assertReverts("within maxExpirationSeconds", () -> cost(10, midnight + 31 * DAY));
    assertReverts("requestsPerKilosecond must be greater than 0", () -> cost(0, midnight + DAY));
    assertTrue(
        cost(10, midnight + 30 * DAY).signum() > 0,
        "30 midnights ahead is still below now + 30 days");
  }

  @Test
  void mintDerivesCapacityFromTheValueAndItsOnlyLogIsTheTransferWithTheTokenIdInTopicThree() {
    long midnight = moveToNextMidnightPlus(0);
    long expiresAt = midnight + 2 * DAY;
    BigInteger value = cost(167, expiresAt);
    anvil.setNextBlockTimestamp(midnight + 10); // mined a little later: slightly fewer seconds left
    TransactionReceipt r =
        buyer.send(rli, new Function("mint", List.of(u(expiresAt)), List.of()), value);
    assertEquals(1, r.getLogs().size());
    Log transfer = r.getLogs().get(0);
    assertEquals(PkpContractsTest.TOPIC_TRANSFER, transfer.getTopics().get(0));
    BigInteger tokenId = new BigInteger(transfer.getTopics().get(3).substring(2), 16);
    assertEquals(
        call1(admin, rli, "tokenIdCounter", List.of(), TypeReference.create(Uint256.class)),
        tokenId);
    assertEquals(
        BigInteger.ZERO,
        new BigInteger(transfer.getTopics().get(1).substring(2), 16),
        "minted from 0");

    List<Type> capacity =
        admin.call(
            rli,
            new Function(
                "capacity",
                List.of(u(tokenId)),
                List.of(TypeReference.create(Uint256.class), TypeReference.create(Uint256.class))));
    assertEquals(BigInteger.valueOf(167), capacity.get(0).getValue());
    assertEquals(BigInteger.valueOf(expiresAt), capacity.get(1).getValue());
    assertEquals(
        false,
        call1(admin, rli, "isExpired", List.of(u(tokenId)), TypeReference.create(Bool.class)));
    assertEquals(
        tokenId,
        call1(
            admin,
            rli,
            "tokenOfOwnerByIndex",
            List.of(a(buyer.address()), u(0)),
            TypeReference.create(Uint256.class)));

    String uri =
        (String)
            call1(
                admin,
                rli,
                "tokenURI",
                List.of(u(tokenId)),
                TypeReference.create(Utf8String.class));
    assertTrue(uri.startsWith("data:application/json;base64,"));
    JsonNode json =
        LitJson.parse(
            new String(Base64.getDecoder().decode(uri.substring(29)), StandardCharsets.UTF_8),
            "tokenURI");
    assertEquals(expiresAt, json.get("attributes").get(0).get("value").asLong());
    assertEquals(167, json.get("attributes").get(1).get("value").asLong());

    anvil.setNextBlockTimestamp(expiresAt);
    anvil.mine();
    assertEquals(
        true,
        call1(admin, rli, "isExpired", List.of(u(tokenId)), TypeReference.create(Bool.class)));
  }

  @Test
  void mintRefusesNoPaymentAndPaymentsTooSmallForOneUnit() {
    long midnight = moveToNextMidnightPlus(0);
    assertReverts(
        "msg.value must be greater than 0",
        () -> send(buyer, rli, "mint", BigInteger.ZERO, u(midnight + DAY)));
    assertReverts(
        "too small", () -> send(buyer, rli, "mint", BigInteger.valueOf(1000), u(midnight + DAY)));
    assertReverts(
        "UTC midnight",
        () -> send(buyer, rli, "mint", BigInteger.TEN.pow(12), u(midnight + DAY + 5)));
  }

  @Test
  void globalCapacityIsCapped() {
    long midnight = moveToNextMidnightPlus(0);
    send(admin, rli, "setMaxRequestsPerKilosecond", BigInteger.ZERO, u(100));
    try {
      BigInteger tooMuch = cost(100, midnight + DAY).add(BigInteger.valueOf(1_000_000_000L));
      assertReverts(
          "not enough capacity left", () -> send(buyer, rli, "mint", tooMuch, u(midnight + DAY)));
      LitContractException notOwner =
          assertThrows(
              LitContractException.class,
              () -> send(buyer, rli, "setMaxRequestsPerKilosecond", BigInteger.ZERO, u(1)));
      assertTrue(notOwner.getMessage().contains("caller is not the owner"));
    } finally {
      send(admin, rli, "setMaxRequestsPerKilosecond", BigInteger.ZERO, u(10_000));
    }
  }

  static void assertReverts(String reason, org.junit.jupiter.api.function.Executable call) {
    LitContractException e = assertThrows(LitContractException.class, call);
    assertTrue(e.getMessage().contains(reason), "expected '" + reason + "' in: " + e.getMessage());
  }
}
