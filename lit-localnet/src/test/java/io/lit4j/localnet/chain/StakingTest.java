package io.lit4j.localnet.chain;

import static io.lit4j.localnet.chain.ChainFixture.a;
import static io.lit4j.localnet.chain.ChainFixture.call1;
import static io.lit4j.localnet.chain.ChainFixture.send;
import static io.lit4j.localnet.chain.ChainFixture.u;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitContractException;
import io.lit4j.localnet.chain.internal.Transactor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

@SuppressWarnings("rawtypes")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StakingTest {
  static final String TOPIC_STATE_CHANGED =
      "0x551dc40198cc79684bb69e4931dba4ac16e4598792ee1c0a5000aeea366d7bb6";

  Anvil anvil;
  Transactor admin;

  @BeforeAll
  void start() {
    anvil = Anvil.builder().accounts(12).start();
    admin = new Transactor(anvil.web3j(), anvil.devAccount(0), anvil.chainId());
  }

  @AfterAll
  void stop() {
    if (anvil != null) {
      anvil.close();
    }
  }

  String stakingWith(int validators) {
    String staking = admin.deploy(CompiledContract.load("Staking"), u(3600)).getContractAddress();
    for (int i = 0; i < validators; i++) {
      String staker = anvil.devAccount(1 + i).getAddress();
      String node = anvil.devAccount(6 + i).getAddress();
      send(
          admin,
          staking,
          "adminAddValidator",
          BigInteger.ZERO,
          a(staker),
          new Uint32(2130706433L),
          new Uint128(0),
          new Uint32(7470 + i),
          a(node),
          u(0),
          u(0));
    }
    return staking;
  }

  BigInteger threshold(String staking) {
    return (BigInteger)
        call1(
            admin,
            staking,
            "currentValidatorCountForConsensus",
            List.of(),
            TypeReference.create(Uint256.class));
  }

  @SuppressWarnings("unchecked")
  List<String> current(String staking) {
    List<Address> l =
        (List<Address>)
            call1(
                admin,
                staking,
                "getValidatorsInCurrentEpoch",
                List.of(),
                new TypeReference<DynamicArray<Address>>() {});
    return l.stream().map(Address::getValue).toList();
  }

  static BigInteger word(String hex, int index) {
    int start = 2 + index * 64;
    return new BigInteger(hex.substring(start, start + 64), 16);
  }

  /** Decodes a returned Validator[] (offset, length, then 7 words per struct): ip, ipv6, port, … */
  static List<long[]> validators(String hex) {
    int base = word(hex, 0).intValue() / 32;
    int n = word(hex, base).intValue();
    List<long[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int at = base + 1 + 7 * i;
      out.add(
          new long[] {
            word(hex, at).longValue(), word(hex, at + 1).longValue(), word(hex, at + 2).longValue()
          });
    }
    return out;
  }

  @Test
  void consensusCountIsOneForTwoValidatorsElseTwoThirdsRoundedDown() {
    assertEquals(BigInteger.ZERO, threshold(stakingWith(1)));
    assertEquals(BigInteger.ONE, threshold(stakingWith(2)));
    assertEquals(BigInteger.TWO, threshold(stakingWith(3)));
    assertEquals(BigInteger.valueOf(3), threshold(stakingWith(5)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void validatorStructsCarryIpPortAndNodeAddressAsTheSdkReadsThem() {
    String staking = stakingWith(3);
    List<String> stakers = current(staking);
    assertEquals(3, stakers.size());
    assertEquals(anvil.devAccount(1).getAddress(), stakers.get(0));
    List<Address> in = new ArrayList<>();
    stakers.forEach(s -> in.add(a(s)));
    // decoded by hand: web3j 4.13 mis-decodes arrays of static structs (it returned garbage ips)
    List<long[]> structs =
        validators(
            admin.callRaw(
                staking,
                FunctionEncoder.encode(
                    new Function(
                        "getValidatorsStructs",
                        List.of(new DynamicArray<>(Address.class, in)),
                        List.of()))));
    assertEquals(3, structs.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(2130706433L, structs.get(i)[0], "127.0.0.1 big-endian");
      assertEquals(7470 + i, structs.get(i)[2]);
    }
    String raw =
        admin.callRaw(
            staking,
            FunctionEncoder.encode(
                new Function("getValidatorsStructsInCurrentEpoch", List.of(), List.of())));
    assertEquals(3, validators(raw).size());
    assertTrue(
        raw.contains(anvil.devAccount(6).getAddress().substring(2)), "node address in the struct");
    assertEquals(
        true,
        call1(
            admin,
            staking,
            "isActiveValidatorByNodeAddress",
            List.of(a(anvil.devAccount(7).getAddress())),
            TypeReference.create(Bool.class)));
    assertEquals(
        false,
        call1(
            admin,
            staking,
            "isActiveValidatorByNodeAddress",
            List.of(a(anvil.devAccount(2).getAddress())),
            TypeReference.create(Bool.class)));

    String counts =
        admin.callRaw(
            staking,
            FunctionEncoder.encode(
                new Function("getActiveUnkickedValidatorStructsAndCounts", List.of(), List.of())));
    assertEquals(BigInteger.ONE, word(counts, 1), "epoch number");
    assertEquals(BigInteger.TWO, word(counts, 5), "min node count");
    assertEquals(
        BigInteger.valueOf(3), word(counts, word(counts, 6).intValue() / 32), "validator count");
  }

  @Test
  @SuppressWarnings("unchecked")
  void kickingAndAdvancingTheEpochRotatesTheSetAndEmitsStateChanged() {
    String staking = stakingWith(3);
    String kicked = anvil.devAccount(2).getAddress();
    send(admin, staking, "adminKickValidatorInNextEpoch", BigInteger.ZERO, a(kicked));
    List<Address> kickedList =
        (List<Address>)
            call1(
                admin,
                staking,
                "getKickedValidators",
                List.of(),
                new TypeReference<DynamicArray<Address>>() {});
    assertEquals(List.of(kicked), kickedList.stream().map(Address::getValue).toList());
    assertEquals(3, current(staking).size(), "kicked only from the next epoch");

    TransactionReceipt r = send(admin, staking, "advanceEpoch", BigInteger.ZERO);
    List<BigInteger> states = new ArrayList<>();
    for (Log log : r.getLogs()) {
      if (log.getTopics().get(0).equals(TOPIC_STATE_CHANGED)) {
        states.add(new BigInteger(log.getData().substring(2), 16));
      }
    }
    assertEquals(
        List.of(BigInteger.ONE, BigInteger.ZERO), states, "NextValidatorSetLocked, then Active");
    assertEquals(2, current(staking).size());
    assertTrue(!current(staking).contains(kicked));
    assertEquals(BigInteger.ONE, threshold(staking));
    List<Type> epoch =
        admin.call(
            staking,
            new Function(
                "epoch",
                List.of(),
                List.of(
                    TypeReference.create(Uint256.class),
                    TypeReference.create(Uint256.class),
                    TypeReference.create(Uint256.class),
                    TypeReference.create(Uint256.class),
                    TypeReference.create(Uint256.class))));
    assertEquals(BigInteger.valueOf(3600), epoch.get(0).getValue());
    assertEquals(BigInteger.TWO, epoch.get(1).getValue());
    assertEquals(
        BigInteger.ZERO,
        call1(admin, staking, "state", List.of(), TypeReference.create(Uint8.class)));
    List<Address> afterKick =
        (List<Address>)
            call1(
                admin,
                staking,
                "getKickedValidators",
                List.of(),
                new TypeReference<DynamicArray<Address>>() {});
    assertTrue(afterKick.isEmpty());
  }

  @Test
  void onlyTheOwnerAdministersValidators() {
    String staking = stakingWith(1);
    Transactor stranger = new Transactor(anvil.web3j(), anvil.devAccount(11), anvil.chainId());
    LitContractException e =
        assertThrows(
            LitContractException.class,
            () -> send(stranger, staking, "advanceEpoch", BigInteger.ZERO));
    assertTrue(e.getMessage().contains("Staking: caller is not the owner"), e.getMessage());
    LitContractException zeroIp =
        assertThrows(
            LitContractException.class,
            () ->
                send(
                    admin,
                    staking,
                    "adminAddValidator",
                    BigInteger.ZERO,
                    a(anvil.devAccount(10).getAddress()),
                    new Uint32(0),
                    new Uint128(0),
                    new Uint32(80),
                    a(anvil.devAccount(10).getAddress()),
                    u(0),
                    u(0)));
    assertTrue(zeroIp.getMessage().contains("ip and port must be non-zero"), zeroIp.getMessage());
  }
}
