package io.lit4j.contracts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lit4j.contracts.internal.ContractFunctions.ContractResolver;
import io.lit4j.contracts.internal.ContractFunctions.PkpHelper;
import io.lit4j.contracts.internal.ContractFunctions.PkpNft;
import io.lit4j.contracts.internal.ContractFunctions.PkpPermissions;
import io.lit4j.contracts.internal.ContractFunctions.PubkeyRouter;
import io.lit4j.contracts.internal.ContractFunctions.RateLimitNft;
import io.lit4j.contracts.internal.ContractFunctions.Staking;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;

class ContractFunctionsTest {
  private static final BigInteger ONE = BigInteger.ONE;
  private static final byte[] ID = new byte[32];
  private static final String ADDR = "0x00000000000000000000000000000000000000aa";

  static Stream<Arguments> selectorsFromContractsMd() {
    return Stream.of(
        Arguments.of(Staking.getValidatorsInCurrentEpoch(), "0x857b7663"),
        Arguments.of(Staking.getKickedValidators(), "0x5995a4c4"),
        Arguments.of(Staking.getValidatorsStructs(List.of(ADDR)), "0x533d463e"),
        Arguments.of(Staking.currentValidatorCountForConsensus(), "0x43cb0a0e"),
        Arguments.of(Staking.epoch(), "0x900cf0cf"),
        Arguments.of(PkpNft.mintCost(), "0xbdb4b848"),
        Arguments.of(PkpNft.mintNext(2), "0x5d228b16"),
        Arguments.of(PkpNft.getPubkey(ONE), "0xef6fd878"),
        Arguments.of(PkpNft.getEthAddress(ONE), "0xbd4986a0"),
        Arguments.of(PkpNft.balanceOf(ADDR), "0x70a08231"),
        Arguments.of(PkpNft.tokenOfOwnerByIndex(ADDR, 0), "0x2f745c59"),
        Arguments.of(PubkeyRouter.getPubkey(ONE), "0xef6fd878"),
        Arguments.of(PubkeyRouter.getEthAddress(ONE), "0xbd4986a0"),
        Arguments.of(
            PkpPermissions.addPermittedAuthMethod(ONE, 1, ID, new byte[0], List.of(ONE)),
            "0x9dd4349b"),
        Arguments.of(PkpPermissions.removePermittedAuthMethod(ONE, 1, ID), "0x66fc6541"),
        Arguments.of(PkpPermissions.addPermittedAction(ONE, ID, List.of(ONE)), "0x8a431578"),
        Arguments.of(PkpPermissions.addPermittedAddress(ONE, ADDR, List.of(ONE)), "0x1663c121"),
        Arguments.of(PkpPermissions.getPermittedAuthMethods(ONE), "0xf34f21ba"),
        Arguments.of(PkpPermissions.getPermittedAuthMethodScopes(ONE, 1, ID, 3), "0x00221c08"),
        Arguments.of(PkpPermissions.isPermittedAuthMethod(ONE, 1, ID), "0x557b5eba"),
        Arguments.of(PkpPermissions.isPermittedAction(ONE, ID), "0xfceb3983"),
        Arguments.of(PkpPermissions.isPermittedAddress(ONE, ADDR), "0x00008b4f"),
        Arguments.of(
            PkpHelper.mintNextAndAddAuthMethods(
                2,
                List.of(ONE),
                List.of(ID),
                List.of(new byte[0]),
                List.of(List.of(ONE)),
                true,
                true),
            "0x9fba176b"),
        Arguments.of(RateLimitNft.calculateCost(1, 86400), "0xce394696"),
        Arguments.of(RateLimitNft.mint(86400), "0xa0712d68"),
        Arguments.of(RateLimitNft.capacity(ONE), "0xab1bbeca"),
        Arguments.of(ContractResolver.getContract(new byte[32], 2), "0x8e8dfd16"));
  }

  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("selectorsFromContractsMd")
  void everyFunctionEncodesWithTheSelectorContractsMdGives(Function function, String selector) {
    assertEquals(selector, FunctionEncoder.encode(function).substring(0, 10));
  }

  private static String word(long v) {
    return String.format("%064x", v);
  }

  @Test
  void mintNextAndAddAuthMethodsEncodesItsNestedArraysAsSolidityDoes() {
    byte[] id = new byte[32];
    id[31] = 0x07;
    String encoded =
        FunctionEncoder.encode(
            PkpHelper.mintNextAndAddAuthMethods(
                2,
                List.of(BigInteger.ONE),
                List.of(id),
                List.of(new byte[0]),
                List.of(List.of(BigInteger.ONE, BigInteger.TWO)),
                true,
                true));
    // head: keyType, 4 offsets, 2 bools; then the four dynamic tails in order
    String expected =
        "0x9fba176b"
            + word(2)
            + word(0xe0)
            + word(0x120)
            + word(0x1a0)
            + word(0x200)
            + word(1)
            + word(1)
            // uint256[] types = [1]
            + word(1)
            + word(1)
            // bytes[] ids = [id]: length, offset of element 0 (relative to after the length), bytes
            // length, data
            + word(1)
            + word(0x20)
            + word(32)
            + "00".repeat(31)
            + "07"
            // bytes[] pubkeys = [""]
            + word(1)
            + word(0x20)
            + word(0)
            // uint256[][] scopes = [[1, 2]]
            + word(1)
            + word(0x20)
            + word(2)
            + word(1)
            + word(2);
    assertEquals(expected, encoded);
  }

  @Test
  void addPermittedAuthMethodEncodesTheAuthMethodTupleInline() {
    byte[] id = new byte[] {(byte) 0xab};
    String encoded =
        FunctionEncoder.encode(
            PkpPermissions.addPermittedAuthMethod(
                BigInteger.TEN, 1, id, new byte[0], List.of(BigInteger.TWO)));
    String expected =
        "0x9dd4349b"
            + word(10)
            + word(0x60)
            + word(0x120)
            // tuple (uint256, bytes, bytes): type, offsets of id and pubkey relative to the tuple
            // start
            + word(1)
            + word(0x60)
            + word(0xa0)
            + word(1)
            + "ab"
            + "00".repeat(31)
            + word(0)
            // uint256[] scopes
            + word(1)
            + word(2);
    assertEquals(expected, encoded);
  }
}
