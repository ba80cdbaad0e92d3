package io.lit4j.contracts.internal;

import io.lit4j.contracts.internal.AbiStructs.AuthMethodStruct;
import io.lit4j.contracts.internal.AbiStructs.ValidatorStruct;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * Every contract function lit4j calls, as a web3j {@link Function} with its inputs and expected
 * outputs. One nested class per contract; signatures are exactly those of contracts.md §2 (the
 * selectors are checked in {@code ContractFunctionsTest}).
 */
public final class ContractFunctions {
  private ContractFunctions() {}

  private static Function fn(String name, List<Type> inputs, List<TypeReference<?>> outputs) {
    return new Function(name, inputs, outputs);
  }

  private static Uint256 u256(BigInteger v) {
    return new Uint256(v);
  }

  private static Uint256 u256(long v) {
    return new Uint256(BigInteger.valueOf(v));
  }

  private static DynamicArray<Uint256> u256Array(List<BigInteger> values) {
    List<Uint256> out = new ArrayList<>(values.size());
    for (BigInteger v : values) out.add(new Uint256(v));
    return new DynamicArray<>(Uint256.class, out);
  }

  private static TypeReference<Uint256> uint256Out() {
    return new TypeReference<Uint256>() {};
  }

  private static TypeReference<DynamicBytes> bytesOut() {
    return new TypeReference<DynamicBytes>() {};
  }

  private static TypeReference<Address> addressOut() {
    return new TypeReference<Address>() {};
  }

  private static TypeReference<Bool> boolOut() {
    return new TypeReference<Bool>() {};
  }

  /** Staking (diamond): validator set, threshold, epoch. */
  public static final class Staking {
    private Staking() {}

    /**
     * {@code getValidatorsInCurrentEpoch() returns (address[])}, {@code 0x857b7663}.
     *
     * @return the function to call
     */
    public static Function getValidatorsInCurrentEpoch() {
      return fn(
          "getValidatorsInCurrentEpoch",
          List.of(),
          List.of(new TypeReference<DynamicArray<Address>>() {}));
    }

    /**
     * {@code getKickedValidators() returns (address[])}, {@code 0x5995a4c4}.
     *
     * @return the function to call
     */
    public static Function getKickedValidators() {
      return fn(
          "getKickedValidators", List.of(), List.of(new TypeReference<DynamicArray<Address>>() {}));
    }

    /**
     * {@code getValidatorsStructs(address[]) returns (Validator[])}, {@code 0x533d463e}.
     *
     * @param stakerAddresses the staker addresses to look up
     * @return the function to call
     */
    public static Function getValidatorsStructs(List<String> stakerAddresses) {
      List<Address> in = new ArrayList<>();
      for (String a : stakerAddresses) in.add(new Address(a));
      return fn(
          "getValidatorsStructs",
          List.of(new DynamicArray<>(Address.class, in)),
          List.of(new TypeReference<DynamicArray<ValidatorStruct>>() {}));
    }

    /**
     * {@code currentValidatorCountForConsensus() returns (uint256)}, {@code 0x43cb0a0e}.
     *
     * @return the function to call
     */
    public static Function currentValidatorCountForConsensus() {
      return fn("currentValidatorCountForConsensus", List.of(), List.of(uint256Out()));
    }

    /**
     * {@code epoch() returns (Epoch)}, {@code 0x900cf0cf}; the static struct {@code (epochLength,
     * number, endTime, retries, timeout)} is encoded like five uint256 words.
     *
     * @return the function to call
     */
    public static Function epoch() {
      return fn(
          "epoch",
          List.of(),
          List.of(uint256Out(), uint256Out(), uint256Out(), uint256Out(), uint256Out()));
    }
  }

  /** PKPNFT (diamond, ERC-721 Enumerable). */
  public static final class PkpNft {
    private PkpNft() {}

    /**
     * {@code mintCost() returns (uint256)}, {@code 0xbdb4b848}.
     *
     * @return the function to call
     */
    public static Function mintCost() {
      return fn("mintCost", List.of(), List.of(uint256Out()));
    }

    /**
     * {@code mintNext(uint256 keyType) payable returns (uint256)}, {@code 0x5d228b16}.
     *
     * @param keyType the key type, 2 for ECDSA
     * @return the function to call
     */
    public static Function mintNext(long keyType) {
      return fn("mintNext", List.of(u256(keyType)), List.of(uint256Out()));
    }

    /**
     * {@code getPubkey(uint256 tokenId) returns (bytes)}.
     *
     * @param tokenId the PKP token id
     * @return the function to call
     */
    public static Function getPubkey(BigInteger tokenId) {
      return fn("getPubkey", List.of(u256(tokenId)), List.of(bytesOut()));
    }

    /**
     * {@code getEthAddress(uint256 tokenId) returns (address)}.
     *
     * @param tokenId the PKP token id
     * @return the function to call
     */
    public static Function getEthAddress(BigInteger tokenId) {
      return fn("getEthAddress", List.of(u256(tokenId)), List.of(addressOut()));
    }

    /**
     * {@code balanceOf(address) returns (uint256)}, {@code 0x70a08231}.
     *
     * @param owner the owner's address
     * @return the function to call
     */
    public static Function balanceOf(String owner) {
      return fn("balanceOf", List.of(new Address(owner)), List.of(uint256Out()));
    }

    /**
     * {@code tokenOfOwnerByIndex(address,uint256) returns (uint256)}, {@code 0x2f745c59}.
     *
     * @param owner the owner's address
     * @param index the index among the owner's tokens
     * @return the function to call
     */
    public static Function tokenOfOwnerByIndex(String owner, long index) {
      return fn(
          "tokenOfOwnerByIndex", List.of(new Address(owner), u256(index)), List.of(uint256Out()));
    }

    /**
     * {@code ownerOf(uint256) returns (address)}.
     *
     * @param tokenId the token id
     * @return the function to call
     */
    public static Function ownerOf(BigInteger tokenId) {
      return fn("ownerOf", List.of(u256(tokenId)), List.of(addressOut()));
    }
  }

  /** PubkeyRouter (diamond). */
  public static final class PubkeyRouter {
    private PubkeyRouter() {}

    /**
     * {@code getPubkey(uint256 tokenId) returns (bytes)}, {@code 0xef6fd878}.
     *
     * @param tokenId the PKP token id
     * @return the function to call
     */
    public static Function getPubkey(BigInteger tokenId) {
      return fn("getPubkey", List.of(u256(tokenId)), List.of(bytesOut()));
    }

    /**
     * {@code getEthAddress(uint256 tokenId) returns (address)}, {@code 0xbd4986a0}.
     *
     * @param tokenId the PKP token id
     * @return the function to call
     */
    public static Function getEthAddress(BigInteger tokenId) {
      return fn("getEthAddress", List.of(u256(tokenId)), List.of(addressOut()));
    }
  }

  /** PKPPermissions (diamond); every write needs {@code msg.sender == ownerOf(tokenId)}. */
  public static final class PkpPermissions {
    private PkpPermissions() {}

    /**
     * {@code addPermittedAuthMethod(uint256,(uint256,bytes,bytes),uint256[])}, {@code 0x9dd4349b}.
     *
     * @param tokenId the PKP token id
     * @param authMethodType the auth method type
     * @param id the auth method id
     * @param userPubkey the user public key, or empty
     * @param scopes the scope ids to grant
     * @return the function to call
     */
    public static Function addPermittedAuthMethod(
        BigInteger tokenId,
        long authMethodType,
        byte[] id,
        byte[] userPubkey,
        List<BigInteger> scopes) {
      AuthMethodStruct method =
          new AuthMethodStruct(
              u256(authMethodType), new DynamicBytes(id), new DynamicBytes(userPubkey));
      return fn(
          "addPermittedAuthMethod", List.of(u256(tokenId), method, u256Array(scopes)), List.of());
    }

    /**
     * {@code removePermittedAuthMethod(uint256,uint256,bytes)}, {@code 0x66fc6541}.
     *
     * @param tokenId the PKP token id
     * @param authMethodType the auth method type
     * @param id the auth method id
     * @return the function to call
     */
    public static Function removePermittedAuthMethod(
        BigInteger tokenId, long authMethodType, byte[] id) {
      return fn(
          "removePermittedAuthMethod",
          List.of(u256(tokenId), u256(authMethodType), new DynamicBytes(id)),
          List.of());
    }

    /**
     * {@code addPermittedAction(uint256 tokenId, bytes ipfsCID, uint256[] scopes)}, {@code
     * 0x8a431578}.
     *
     * @param tokenId the PKP token id
     * @param ipfsMultihash the action's 34-byte multihash
     * @param scopes the scope ids to grant
     * @return the function to call
     */
    public static Function addPermittedAction(
        BigInteger tokenId, byte[] ipfsMultihash, List<BigInteger> scopes) {
      return fn(
          "addPermittedAction",
          List.of(u256(tokenId), new DynamicBytes(ipfsMultihash), u256Array(scopes)),
          List.of());
    }

    /**
     * {@code addPermittedAddress(uint256 tokenId, address user, uint256[] scopes)}, {@code
     * 0x1663c121}.
     *
     * @param tokenId the PKP token id
     * @param user the address to permit
     * @param scopes the scope ids to grant
     * @return the function to call
     */
    public static Function addPermittedAddress(
        BigInteger tokenId, String user, List<BigInteger> scopes) {
      return fn(
          "addPermittedAddress",
          List.of(u256(tokenId), new Address(user), u256Array(scopes)),
          List.of());
    }

    /**
     * {@code getPermittedAuthMethods(uint256) returns ((uint256,bytes,bytes)[])}, {@code
     * 0xf34f21ba}.
     *
     * @param tokenId the PKP token id
     * @return the function to call
     */
    public static Function getPermittedAuthMethods(BigInteger tokenId) {
      return fn(
          "getPermittedAuthMethods",
          List.of(u256(tokenId)),
          List.of(new TypeReference<DynamicArray<AuthMethodStruct>>() {}));
    }

    /**
     * {@code getPermittedAuthMethodScopes(uint256,uint256,bytes,uint256) returns (bool[])}, {@code
     * 0x00221c08}.
     *
     * @param tokenId the PKP token id
     * @param authMethodType the auth method type
     * @param id the auth method id
     * @param maxScopeId how many scope ids to read
     * @return the function to call
     */
    public static Function getPermittedAuthMethodScopes(
        BigInteger tokenId, long authMethodType, byte[] id, long maxScopeId) {
      return fn(
          "getPermittedAuthMethodScopes",
          List.of(u256(tokenId), u256(authMethodType), new DynamicBytes(id), u256(maxScopeId)),
          List.of(new TypeReference<DynamicArray<Bool>>() {}));
    }

    /**
     * {@code isPermittedAuthMethod(uint256,uint256,bytes) returns (bool)}, {@code 0x557b5eba}.
     *
     * @param tokenId the PKP token id
     * @param authMethodType the auth method type
     * @param id the auth method id
     * @return the function to call
     */
    public static Function isPermittedAuthMethod(
        BigInteger tokenId, long authMethodType, byte[] id) {
      return fn(
          "isPermittedAuthMethod",
          List.of(u256(tokenId), u256(authMethodType), new DynamicBytes(id)),
          List.of(boolOut()));
    }

    /**
     * {@code isPermittedAction(uint256,bytes) returns (bool)}, {@code 0xfceb3983}.
     *
     * @param tokenId the PKP token id
     * @param ipfsMultihash the action's 34-byte multihash
     * @return the function to call
     */
    public static Function isPermittedAction(BigInteger tokenId, byte[] ipfsMultihash) {
      return fn(
          "isPermittedAction",
          List.of(u256(tokenId), new DynamicBytes(ipfsMultihash)),
          List.of(boolOut()));
    }

    /**
     * {@code isPermittedAddress(uint256,address) returns (bool)}, {@code 0x00008b4f}.
     *
     * @param tokenId the PKP token id
     * @param user the address to check
     * @return the function to call
     */
    public static Function isPermittedAddress(BigInteger tokenId, String user) {
      return fn(
          "isPermittedAddress", List.of(u256(tokenId), new Address(user)), List.of(boolOut()));
    }
  }

  /** PKPHelper (plain contract). */
  public static final class PkpHelper {
    private PkpHelper() {}

    /**
     * {@code mintNextAndAddAuthMethods(uint256,uint256[],bytes[],bytes[],uint256[][],bool,bool)
     * payable returns (uint256)}, {@code 0x9fba176b}.
     *
     * @param keyType the key type, 2 for ECDSA
     * @param authMethodTypes the auth method types to permit
     * @param authMethodIds their ids, in the same order
     * @param authMethodPubkeys their user public keys, in the same order
     * @param authMethodScopes their scope ids, in the same order
     * @param addPkpEthAddressAsPermittedAddress whether to permit the PKP's own address
     * @param sendPkpToItself whether the PKP NFT is sent to the PKP's own address
     * @return the function to call
     */
    public static Function mintNextAndAddAuthMethods(
        long keyType,
        List<BigInteger> authMethodTypes,
        List<byte[]> authMethodIds,
        List<byte[]> authMethodPubkeys,
        List<List<BigInteger>> authMethodScopes,
        boolean addPkpEthAddressAsPermittedAddress,
        boolean sendPkpToItself) {
      List<DynamicBytes> ids = new ArrayList<>();
      for (byte[] id : authMethodIds) ids.add(new DynamicBytes(id));
      List<DynamicBytes> pubkeys = new ArrayList<>();
      for (byte[] pk : authMethodPubkeys) pubkeys.add(new DynamicBytes(pk));
      List<DynamicArray<Uint256>> scopes = new ArrayList<>();
      for (List<BigInteger> s : authMethodScopes) scopes.add(u256Array(s));
      // web3j cannot name a nested array's element type in the signature; pin it so the selector
      // is that of uint256[][] (ContractFunctionsTest checks 0x9fba176b)
      @SuppressWarnings({"unchecked", "rawtypes"})
      DynamicArray<DynamicArray<Uint256>> scopesArray =
          new DynamicArray(DynamicArray.class, scopes) {
            @Override
            public String getTypeAsString() {
              return "uint256[][]";
            }
          };
      return fn(
          "mintNextAndAddAuthMethods",
          List.of(
              u256(keyType),
              u256Array(authMethodTypes),
              new DynamicArray<>(DynamicBytes.class, ids),
              new DynamicArray<>(DynamicBytes.class, pubkeys),
              scopesArray,
              new Bool(addPkpEthAddressAsPermittedAddress),
              new Bool(sendPkpToItself)),
          List.of(uint256Out()));
    }
  }

  /** RateLimitNFT (diamond): capacity credits. */
  public static final class RateLimitNft {
    private RateLimitNft() {}

    /**
     * {@code calculateCost(uint256 requestsPerKilosecond, uint256 expiresAt) returns (uint256)},
     * {@code 0xce394696}.
     *
     * @param requestsPerKilosecond the rate, in requests per 1000 seconds
     * @param expiresAt expiry, Unix seconds
     * @return the function to call
     */
    public static Function calculateCost(long requestsPerKilosecond, long expiresAt) {
      return fn(
          "calculateCost",
          List.of(u256(requestsPerKilosecond), u256(expiresAt)),
          List.of(uint256Out()));
    }

    /**
     * {@code mint(uint256 expiresAt) payable returns (uint256)}, {@code 0xa0712d68}.
     *
     * @param expiresAt expiry, Unix seconds
     * @return the function to call
     */
    public static Function mint(long expiresAt) {
      return fn("mint", List.of(u256(expiresAt)), List.of(uint256Out()));
    }

    /**
     * {@code capacity(uint256 tokenId) returns ((uint256 requestsPerKilosecond, uint256
     * expiresAt))}, {@code 0xab1bbeca}.
     *
     * @param tokenId the capacity credits token id
     * @return the function to call
     */
    public static Function capacity(BigInteger tokenId) {
      return fn("capacity", List.of(u256(tokenId)), List.of(uint256Out(), uint256Out()));
    }
  }

  /** ContractResolver (plain contract). */
  public static final class ContractResolver {
    private ContractResolver() {}

    /**
     * {@code getContract(bytes32 typ, uint8 env) returns (address)}, {@code 0x8e8dfd16}.
     *
     * @param typ keccak256 of the contract name
     * @param env the resolver environment number
     * @return the function to call
     */
    public static Function getContract(byte[] typ, int env) {
      return fn(
          "getContract",
          List.of(new Bytes32(typ), new Uint8(BigInteger.valueOf(env))),
          List.of(addressOut()));
    }
  }
}
