package io.lit4j.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.contracts.internal.AbiDecoding;
import io.lit4j.contracts.internal.ContractFunctions.PkpPermissions;
import io.lit4j.contracts.internal.ContractFunctions.Staking;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.ipfs.IpfsCid;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;

class LitContractsDecodingTest {
  static final String PUBKEY =
      "04b5caf00c9f5adc9b22ca460b88482bad44ed4fac8ee63014b727cf60efc568dbdfe498a94fbd9cd294d651529f9fe76e057e9736150eea038415b06f64a87939";

  private static String word(long v) {
    return String.format("%064x", v);
  }

  private static String word(String hexValue) {
    return String.format("%64s", hexValue).replace(' ', '0');
  }

  @Test
  void validatorStructArrayDecodesFieldByFieldInAbiOrder() {
    String data =
        "0x"
            + word(0x20)
            + word(2)
            // 127.0.0.1:7470, ipv6 0, node 0x…01, reward 5, sender 6, receiver 7
            + word(2130706433L)
            + word(0)
            + word(7470)
            + word("1111111111111111111111111111111111111111")
            + word(5)
            + word(6)
            + word(7)
            // 1.2.3.4:443
            + word(0x01020304L)
            + word("ff")
            + word(443)
            + word("2222222222222222222222222222222222222222")
            + word(0)
            + word(0)
            + word(0);
    List<Type> out =
        FunctionReturnDecoder.decode(
            data, Staking.getValidatorsStructs(List.of()).getOutputParameters());
    List<StakingValidator> validators = AbiDecoding.validators(out.get(0));
    assertEquals(2, validators.size());
    StakingValidator first = validators.get(0);
    assertEquals(2130706433L, first.ip());
    assertEquals(7470, first.port());
    assertEquals("0x1111111111111111111111111111111111111111", first.nodeAddress());
    assertEquals(BigInteger.valueOf(5), first.reward());
    assertEquals(BigInteger.valueOf(6), first.senderPubKey());
    assertEquals(BigInteger.valueOf(7), first.receiverPubKey());
    assertEquals("http://127.0.0.1:7470", first.url());
    assertEquals(BigInteger.valueOf(255), validators.get(1).ipv6());
    assertEquals("https://1.2.3.4:443", validators.get(1).url());
  }

  @Test
  void authMethodStructArrayDecodesTypesIdsAndPubkeys() {
    String id32 = "170d13600caea2933912f39a0334eca3d22e472be203f937c4bad0213d92ed71";
    String data =
        "0x"
            + word(0x20)
            + word(2)
            + word(0x40)
            + word(0x100)
            // element 0: (1, 20-byte address, empty)
            + word(1)
            + word(0x60)
            + word(0xa0)
            + word(20)
            + "dd66ee5e696911f92e19b8612f711fa508816a6e"
            + "00".repeat(12)
            + word(0)
            // element 1: (3, 32-byte id, 2-byte pubkey)
            + word(3)
            + word(0x60)
            + word(0xa0)
            + word(32)
            + id32
            + word(2)
            + "beef"
            + "00".repeat(30);
    List<Type> out =
        FunctionReturnDecoder.decode(
            data, PkpPermissions.getPermittedAuthMethods(BigInteger.ONE).getOutputParameters());
    List<PermittedAuthMethod> methods = AbiDecoding.authMethods(out.get(0));
    assertEquals(2, methods.size());
    assertEquals(
        new PermittedAuthMethod(
            1, Hex.decode("dd66ee5e696911f92e19b8612f711fa508816a6e"), new byte[0]),
        methods.get(0));
    assertEquals(new PermittedAuthMethod(3, Hex.decode(id32), Hex.decode("beef")), methods.get(1));
  }

  @Test
  void pkpAddressAndTokenIdOfTheSdkTestKeyMatchContractsMd() {
    byte[] pubkey = Hex.decode(PUBKEY);
    assertEquals(
        "0xDd66eE5E696911F92e19B8612F711FA508816a6e",
        Secp256k1PublicKey.fromBytes(pubkey).ethAddress().checksummed());
    BigInteger tokenId = new BigInteger(1, Hash.sha3(pubkey));
    assertEquals(
        new BigInteger(
            "76782466186288095105667301754604586214815535829618018025889449690021181398503"),
        tokenId);
    Secp256k1PublicKey key = Secp256k1PublicKey.fromBytes(pubkey);
    ChainTransaction tx =
        new ChainTransaction("0x" + "ab".repeat(32), BigInteger.ONE, BigInteger.TEN);
    MintedPkp pkp = new MintedPkp(tokenId, key, key.ethAddress(), tx);
    assertEquals(
        "0xa9c155f66e68dcc71206a8f02102a718e9c067cbf520a9a7c7cad508bd721de7", pkp.tokenIdHex());
    assertEquals(PUBKEY, pkp.publicKeyHex());
    assertEquals("0xDd66eE5E696911F92e19B8612F711FA508816a6e", pkp.ethAddress().checksummed());
    Secp256k1PublicKey other =
        Secp256k1PublicKey.fromHex(
            "04"
                + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> new MintedPkp(tokenId, key, other.ethAddress(), tx))
            .getMessage()
            .contains("is not the address of publicKey"));
    assertThrows(LitValidationException.class, () -> new MintedPkp(tokenId, null, null, tx));
  }

  @Test
  void cidV0IsTheOnlyIpfsFormAccepted() {
    assertArrayEquals(
        Hex.decode("1220701d6c731aa7f2690694a1cc797562902bcf8e50db699dfa339ae30a3dbd920e"),
        IpfsCid.toBytes("QmVtJPozUDGZyKNuz8Zs1fzx8VemTEViCqq8d2T2qUxPZo"));
    // CIDv1 base32 contains 'l', not in the base58 alphabet (JS SDK issue #763)
    assertThrows(
        LitValidationException.class,
        () -> IpfsCid.toBytes("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"));
    // valid base58 but not a sha2-256 multihash
    assertTrue(
        assertThrows(LitValidationException.class, () -> IpfsCid.toBytes("3mJr7AoUXx2Wqd"))
            .getMessage()
            .contains("CIDv0"));
  }
}
