package io.lit4j.localnet.chain;

import static io.lit4j.localnet.chain.ChainFixture.a;
import static io.lit4j.localnet.chain.ChainFixture.b;
import static io.lit4j.localnet.chain.ChainFixture.call1;
import static io.lit4j.localnet.chain.ChainFixture.send;
import static io.lit4j.localnet.chain.ChainFixture.u;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.core.errors.LitContractException;
import io.lit4j.core.util.Hex;
import io.lit4j.localnet.chain.ChainFixture.AuthMethodStruct;
import io.lit4j.localnet.chain.ChainFixture.SignatureStruct;
import io.lit4j.localnet.chain.internal.Transactor;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

@SuppressWarnings("rawtypes")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PkpContractsTest {
  // topics from contracts.md §2.9
  static final String TOPIC_TRANSFER =
      "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
  static final String TOPIC_PKP_MINTED =
      "0x3b2cc0657d0387a736293d66389f78e4c8025e413c7a1ee67b7707d4418c46b8";
  static final String TOPIC_ROUTING_DATA_SET =
      "0x0651cc1852188054ab1dc1f39e0a543b236620b2d303cdcf5ca15adc97c272be";
  static final String TOPIC_AUTH_METHOD_ADDED =
      "0xd7db314a62650aaa1b15d4bb5c95c558a03cde3ee7f36e144b73126a3a8e839a";
  static final String TOPIC_AUTH_METHOD_REMOVED =
      "0x9830658acd6a41f1cb12b425ed83cb2b8ccbfa753337cd13be80be51fc3f3373";
  static final String TOPIC_SCOPE_ADDED =
      "0x29eb060f266aff306ec81b612728a417406dd6298f8f7576a37b4e6830dcc60e";

  static final int GOOGLE_JWT = 6;
  static final byte[] AUTH_ID =
      Hash.sha3("some-google-sub:some-client-id".getBytes(StandardCharsets.UTF_8));
  static final byte[] CID =
      Hex.decode("12206d4e6d2bd9b0f6ab4fb6b3fe2b2d7ef3d1a6c06c6f5b8b8b3b5e0a2d2c3b4a59", "cid");

  // explicit signatures: web3j 4.13 derives wrong selectors for uint256[][] parameters
  static final String MINT_NEXT_AND_ADD_AUTH_METHODS =
      "mintNextAndAddAuthMethods(uint256,uint256[],bytes[],bytes[],uint256[][],bool,bool)";
  static final String CLAIM_AND_MINT_NEXT_AND_ADD_AUTH_METHODS =
      "claimAndMintNextAndAddAuthMethods((uint256,bytes32,(bytes32,bytes32,uint8)[]),"
          + "(uint256,bytes[],uint256[][],address[],uint256[][],uint256[],bytes[],bytes[],uint256[][],bool,bool))";

  ChainFixture chain;
  LitContractAddresses addr;
  Transactor admin;
  Transactor user;

  @BeforeAll
  void start() {
    chain = new ChainFixture();
    addr = chain.deployment.addresses();
    admin = chain.admin;
    user = chain.transactor(5);
  }

  @AfterAll
  void stop() {
    if (chain != null) {
      chain.close();
    }
  }

  BigInteger mintCost() {
    return (BigInteger)
        call1(admin, addr.pkpNft(), "mintCost", List.of(), TypeReference.create(Uint256.class));
  }

  byte[] pubkeyOf(String contract, BigInteger tokenId) {
    return (byte[])
        call1(
            admin,
            contract,
            "getPubkey",
            List.of(u(tokenId)),
            TypeReference.create(DynamicBytes.class));
  }

  String ethAddressOf(String contract, BigInteger tokenId) {
    return (String)
        call1(
            admin,
            contract,
            "getEthAddress",
            List.of(u(tokenId)),
            TypeReference.create(Address.class));
  }

  /**
   * Reads pubkeys(tokenId), which returns the struct (bytes pubkey, uint256 keyType, bytes32
   * derivedKeyId).
   */
  byte[] derivedKeyIdOf(BigInteger tokenId) {
    String raw =
        admin.callRaw(
            addr.pubkeyRouter(), Transactor.encode("pubkeys(uint256)", List.<Type>of(u(tokenId))));
    assertEquals(
        BigInteger.valueOf(32), StakingTest.word(raw, 0), "a single tuple (the SDK ABI's shape)");
    assertEquals(
        BigInteger.valueOf(96), StakingTest.word(raw, 1), "offset of pubkey within the tuple");
    assertEquals(BigInteger.TWO, StakingTest.word(raw, 2), "routed keyType");
    assertEquals(BigInteger.valueOf(65), StakingTest.word(raw, 4), "pubkey length");
    return Hex.decode(raw.substring(2 + 3 * 64, 2 + 4 * 64), "derivedKeyId");
  }

  static String ethAddress(byte[] uncompressed) {
    byte[] xy = java.util.Arrays.copyOfRange(uncompressed, 1, 65);
    return Keys.toChecksumAddress(Hex.encode(java.util.Arrays.copyOfRange(Hash.sha3(xy), 12, 32)));
  }

  static BigInteger topicValue(Log log, int i) {
    return new BigInteger(log.getTopics().get(i).substring(2), 16);
  }

  static DynamicArray<Uint256> scopes(long... ids) {
    List<Uint256> l = new ArrayList<>();
    for (long id : ids) {
      l.add(u(id));
    }
    return new DynamicArray<>(Uint256.class, l);
  }

  TransactionReceipt mintWithHelper(Transactor from, boolean sendToItself) {
    assertEquals(
        "0x9fba176b",
        Transactor.encode(MINT_NEXT_AND_ADD_AUTH_METHODS, List.of()).substring(0, 10),
        "selector of contracts.md §2.2");
    return from.send(
        addr.pkpHelper(),
        MINT_NEXT_AND_ADD_AUTH_METHODS,
        List.<Type>of(
            u(2),
            new DynamicArray<>(Uint256.class, List.of(u(GOOGLE_JWT))),
            new DynamicArray<>(DynamicBytes.class, List.of(b(AUTH_ID))),
            new DynamicArray<>(DynamicBytes.class, List.of(b(new byte[0]))),
            new DynamicArray<>(DynamicArray.class, List.of(scopes(1, 2))),
            new Bool(true),
            new Bool(sendToItself)),
        mintCost());
  }

  void assertKeyMatchesJavaReference(BigInteger tokenId) {
    byte[] pubkey = pubkeyOf(addr.pkpNft(), tokenId);
    byte[] keyId = derivedKeyIdOf(tokenId);
    ECPoint expected = HdReference.derivePublic(keyId, ChainFixture.rootPoints());
    assertArrayEquals(expected.getEncoded(false), pubkey, "on-chain key = Java HD derivation");
    BigInteger secret = HdReference.derivePrivate(keyId, ChainFixture.ROOT_SECRETS);
    assertArrayEquals(
        HdReference.CURVE.getG().multiply(secret).normalize().getEncoded(false),
        pubkey,
        "the derived secret (what the nodes sign with) matches the key");
    assertEquals(new BigInteger(1, Hash.sha3(pubkey)), tokenId, "tokenId = keccak256(pubkey)");
  }

  @Test
  void helperMintRoutesAnHdDerivedKeyAndEmitsTheLogsInTheOrderTheSdkReads() {
    TransactionReceipt r = mintWithHelper(user, true);
    List<Log> logs = r.getLogs();
    List<String> topics0 = logs.stream().map(l -> l.getTopics().get(0)).toList();
    assertEquals(
        List.of(
            TOPIC_ROUTING_DATA_SET,
            TOPIC_TRANSFER,
            TOPIC_PKP_MINTED,
            TOPIC_SCOPE_ADDED,
            TOPIC_SCOPE_ADDED,
            TOPIC_AUTH_METHOD_ADDED,
            TOPIC_AUTH_METHOD_ADDED,
            TOPIC_TRANSFER),
        topics0);
    BigInteger tokenId = topicValue(logs.get(0), 1); // what the SDK reads: logs[0].topics[1]
    assertKeyMatchesJavaReference(tokenId);
    assertEquals(addr.pubkeyRouter().toLowerCase(), logs.get(0).getAddress().toLowerCase());
    assertEquals(tokenId, topicValue(logs.get(1), 3));
    assertEquals(tokenId, topicValue(logs.get(2), 1));
    System.out.println(
        "PKPHelper.mintNextAndAddAuthMethods gas used (3 root keys): " + r.getGasUsed());

    byte[] pubkey = pubkeyOf(addr.pkpNft(), tokenId);
    String pkpAddress = ethAddress(pubkey);
    for (String c : List.of(addr.pkpNft(), addr.pubkeyRouter(), addr.pkpPermissions())) {
      assertArrayEquals(pubkey, pubkeyOf(c, tokenId));
      assertEquals(pkpAddress.toLowerCase(), ethAddressOf(c, tokenId).toLowerCase());
    }
    assertEquals(
        tokenId,
        call1(
            admin,
            addr.pubkeyRouter(),
            "ethAddressToPkpId",
            List.of(a(pkpAddress)),
            TypeReference.create(Uint256.class)));
    String owner =
        (String)
            call1(
                admin,
                addr.pkpNft(),
                "ownerOf",
                List.of(u(tokenId)),
                TypeReference.create(Address.class));
    assertEquals(pkpAddress.toLowerCase(), owner, "sendPkpToItself: the PKP owns itself");
    assertEquals(
        tokenId,
        call1(
            admin,
            addr.pkpNft(),
            "tokenOfOwnerByIndex",
            List.of(a(pkpAddress), u(0)),
            TypeReference.create(Uint256.class)));
    LitContractException pastEnd =
        assertThrows(
            LitContractException.class,
            () ->
                admin.call(
                    addr.pkpNft(),
                    new Function(
                        "tokenOfOwnerByIndex",
                        List.of(a(pkpAddress), u(1)),
                        List.of(TypeReference.create(Uint256.class)))));
    assertTrue(pastEnd.getMessage().contains("owner index out of bounds"), pastEnd.getMessage());

    // permissions as the SDK and the nodes read them
    @SuppressWarnings("unchecked")
    List<AuthMethodStruct> methods =
        (List<AuthMethodStruct>)
            call1(
                admin,
                addr.pkpPermissions(),
                "getPermittedAuthMethods",
                List.of(u(tokenId)),
                new TypeReference<DynamicArray<AuthMethodStruct>>() {});
    assertEquals(2, methods.size());
    assertEquals(BigInteger.valueOf(GOOGLE_JWT), methods.get(0).authMethodType);
    assertArrayEquals(AUTH_ID, methods.get(0).id);
    assertEquals(0, methods.get(0).userPubkey.length);
    assertEquals(BigInteger.ONE, methods.get(1).authMethodType);
    assertArrayEquals(Hex.decode(pkpAddress, "pkp"), methods.get(1).id);

    assertEquals(List.of(false, true, true), scopesOf(tokenId, GOOGLE_JWT, AUTH_ID, 3));
    assertEquals(32, scopesOf(tokenId, GOOGLE_JWT, AUTH_ID, 32).size());
    assertEquals(
        List.of(false, false, false),
        scopesOf(tokenId, 1, Hex.decode(pkpAddress, "pkp"), 3),
        "PKP address has no scopes");
    assertEquals(
        true,
        call1(
            admin,
            addr.pkpPermissions(),
            "isPermittedAuthMethod",
            List.of(u(tokenId), u(GOOGLE_JWT), b(AUTH_ID)),
            TypeReference.create(Bool.class)));
    assertEquals(
        true,
        call1(
            admin,
            addr.pkpPermissions(),
            "isPermittedAuthMethodScopePresent",
            List.of(u(tokenId), u(GOOGLE_JWT), b(AUTH_ID), u(2)),
            TypeReference.create(Bool.class)));
    assertEquals(
        false,
        call1(
            admin,
            addr.pkpPermissions(),
            "isPermittedAuthMethodScopePresent",
            List.of(u(tokenId), u(GOOGLE_JWT), b(AUTH_ID), u(0)),
            TypeReference.create(Bool.class)));
    @SuppressWarnings("unchecked")
    List<Uint256> tokens =
        (List<Uint256>)
            call1(
                admin,
                addr.pkpPermissions(),
                "getTokenIdsForAuthMethod",
                List.of(u(GOOGLE_JWT), b(AUTH_ID)),
                new TypeReference<DynamicArray<Uint256>>() {});
    assertTrue(tokens.stream().anyMatch(t -> t.getValue().equals(tokenId)));
    @SuppressWarnings("unchecked")
    List<Address> permittedAddresses =
        (List<Address>)
            call1(
                admin,
                addr.pkpPermissions(),
                "getPermittedAddresses",
                List.of(u(tokenId)),
                new TypeReference<DynamicArray<Address>>() {});
    assertEquals(
        List.of(pkpAddress.toLowerCase(), pkpAddress.toLowerCase()),
        permittedAddresses.stream().map(Address::getValue).toList(),
        "owner first, then the type-1 entry");
    assertEquals(
        true,
        call1(
            admin,
            addr.pkpPermissions(),
            "isPermittedAddress",
            List.of(u(tokenId), a(pkpAddress)),
            TypeReference.create(Bool.class)));
    assertEquals(
        false,
        call1(
            admin,
            addr.pkpPermissions(),
            "isPermittedAddress",
            List.of(u(tokenId), a(user.address())),
            TypeReference.create(Bool.class)));

    // the minter gave the NFT away, so it can no longer change permissions
    LitContractException notOwner =
        assertThrows(
            LitContractException.class,
            () ->
                user.send(
                    addr.pkpPermissions(),
                    new Function(
                        "addPermittedAction", List.of(u(tokenId), b(CID), scopes(1)), List.of()),
                    BigInteger.ZERO));
    assertTrue(notOwner.getMessage().contains("Not PKP NFT owner"), notOwner.getMessage());
  }

  @SuppressWarnings("unchecked")
  List<Boolean> scopesOf(BigInteger tokenId, int type, byte[] id, int max) {
    List<Bool> r =
        (List<Bool>)
            call1(
                admin,
                addr.pkpPermissions(),
                "getPermittedAuthMethodScopes",
                List.of(u(tokenId), u(type), b(id), u(max)),
                new TypeReference<DynamicArray<Bool>>() {});
    return r.stream().map(Bool::getValue).toList();
  }

  @Test
  void ownerManagesActionsAddressesAndScopesAndOthersAreRefused() {
    TransactionReceipt minted = send(user, addr.pkpNft(), "mintNext", mintCost(), u(2));
    BigInteger tokenId = topicValue(minted.getLogs().get(0), 1);
    assertKeyMatchesJavaReference(tokenId);
    assertEquals(
        user.address().toLowerCase(),
        call1(
            admin,
            addr.pkpNft(),
            "ownerOf",
            List.of(u(tokenId)),
            TypeReference.create(Address.class)));

    send(
        user,
        addr.pkpPermissions(),
        "addPermittedAction",
        BigInteger.ZERO,
        u(tokenId),
        b(CID),
        scopes(1));
    assertEquals(
        true,
        call1(
            admin,
            addr.pkpPermissions(),
            "isPermittedAction",
            List.of(u(tokenId), b(CID)),
            TypeReference.create(Bool.class)));
    @SuppressWarnings("unchecked")
    List<DynamicBytes> actions =
        (List<DynamicBytes>)
            call1(
                admin,
                addr.pkpPermissions(),
                "getPermittedActions",
                List.of(u(tokenId)),
                new TypeReference<DynamicArray<DynamicBytes>>() {});
    assertEquals(1, actions.size());
    assertArrayEquals(CID, actions.get(0).getValue());

    String friend = chain.anvil.devAccount(6).getAddress();
    send(
        user,
        addr.pkpPermissions(),
        "addPermittedAddress",
        BigInteger.ZERO,
        u(tokenId),
        a(friend),
        scopes(2));
    assertEquals(
        true,
        call1(
            admin,
            addr.pkpPermissions(),
            "isPermittedAddress",
            List.of(u(tokenId), a(friend)),
            TypeReference.create(Bool.class)));
    assertEquals(
        true,
        call1(
            admin,
            addr.pkpPermissions(),
            "isPermittedAddress",
            List.of(u(tokenId), a(user.address())),
            TypeReference.create(Bool.class)),
        "the owner is always permitted");

    send(
        user,
        addr.pkpPermissions(),
        "addPermittedAuthMethodScope",
        BigInteger.ZERO,
        u(tokenId),
        u(1),
        b(Hex.decode(friend, "friend")),
        u(1));
    assertEquals(List.of(false, true, true), scopesOf(tokenId, 1, Hex.decode(friend, "friend"), 3));
    send(
        user,
        addr.pkpPermissions(),
        "removePermittedAuthMethodScope",
        BigInteger.ZERO,
        u(tokenId),
        u(1),
        b(Hex.decode(friend, "friend")),
        u(2));
    assertEquals(
        List.of(false, true, false), scopesOf(tokenId, 1, Hex.decode(friend, "friend"), 3));

    TransactionReceipt removed =
        send(
            user,
            addr.pkpPermissions(),
            "removePermittedAction",
            BigInteger.ZERO,
            u(tokenId),
            b(CID));
    assertEquals(TOPIC_AUTH_METHOD_REMOVED, removed.getLogs().get(0).getTopics().get(0));
    assertEquals(
        false,
        call1(
            admin,
            addr.pkpPermissions(),
            "isPermittedAction",
            List.of(u(tokenId), b(CID)),
            TypeReference.create(Bool.class)));
    @SuppressWarnings("unchecked")
    List<Uint256> tokens =
        (List<Uint256>)
            call1(
                admin,
                addr.pkpPermissions(),
                "getTokenIdsForAuthMethod",
                List.of(u(2), b(CID)),
                new TypeReference<DynamicArray<Uint256>>() {});
    assertTrue(tokens.isEmpty(), "reverse index updated on remove");

    LitContractException notOwner =
        assertThrows(
            LitContractException.class,
            () ->
                send(
                    admin,
                    addr.pkpPermissions(),
                    "addPermittedAddress",
                    BigInteger.ZERO,
                    u(tokenId),
                    a(admin.address()),
                    scopes(1)));
    assertTrue(notOwner.getMessage().contains("Not PKP NFT owner"), notOwner.getMessage());

    LitContractException wrongPrice =
        assertThrows(
            LitContractException.class,
            () -> send(user, addr.pkpNft(), "mintNext", mintCost().add(BigInteger.ONE), u(2)));
    assertTrue(
        wrongPrice.getMessage().contains("msg.value must equal mintCost"), wrongPrice.getMessage());
    LitContractException free =
        assertThrows(
            LitContractException.class,
            () -> send(user, addr.pkpNft(), "mintNext", BigInteger.ZERO, u(2)));
    assertTrue(free.getMessage().contains("msg.value must equal mintCost"), free.getMessage());
  }

  DynamicArray<SignatureStruct> sign(byte[] keyId, List<Credentials> signers) {
    List<SignatureStruct> sigs = new ArrayList<>();
    for (Credentials c : signers) {
      Sign.SignatureData s = Sign.signPrefixedMessage(keyId, c.getEcKeyPair());
      sigs.add(
          new SignatureStruct(
              new Bytes32(s.getR()), new Bytes32(s.getS()), new Uint8(s.getV()[0] & 0xff)));
    }
    return new DynamicArray<>(SignatureStruct.class, sigs);
  }

  @Test
  void claimAndMintYieldsTheKeyTheClientDerivesFromTheKeyIdAndNeedsThresholdNodeSignatures() {
    byte[] keyId = Hash.sha3("0xabc-user:lit-app".getBytes(StandardCharsets.UTF_8));
    LitContractException tooFew =
        assertThrows(
            LitContractException.class,
            () ->
                send(
                    user,
                    addr.pkpNft(),
                    "claimAndMint",
                    mintCost(),
                    u(2),
                    new Bytes32(keyId),
                    sign(keyId, chain.nodes.subList(0, 1))));
    assertTrue(
        tooFew.getMessage().contains("not enough valid validator signatures"), tooFew.getMessage());
    LitContractException notValidators =
        assertThrows(
            LitContractException.class,
            () ->
                send(
                    user,
                    addr.pkpNft(),
                    "claimAndMint",
                    mintCost(),
                    u(2),
                    new Bytes32(keyId),
                    sign(keyId, List.of(chain.anvil.devAccount(7), chain.anvil.devAccount(8)))));
    assertTrue(
        notValidators.getMessage().contains("not enough valid validator signatures"),
        notValidators.getMessage());

    TransactionReceipt r =
        send(
            user,
            addr.pkpNft(),
            "claimAndMint",
            mintCost(),
            u(2),
            new Bytes32(keyId),
            sign(keyId, chain.nodes.subList(0, 2)));
    BigInteger tokenId = topicValue(r.getLogs().get(0), 1);
    ECPoint expected = HdReference.derivePublic(keyId, ChainFixture.rootPoints());
    assertArrayEquals(expected.getEncoded(false), pubkeyOf(addr.pkpNft(), tokenId));
    assertArrayEquals(keyId, derivedKeyIdOf(tokenId));
    assertKeyMatchesJavaReference(tokenId);
    System.out.println("PKPNFT.claimAndMint gas used (3 root keys): " + r.getGasUsed());

    LitContractException again =
        assertThrows(
            LitContractException.class,
            () ->
                send(
                    user,
                    addr.pkpNft(),
                    "claimAndMint",
                    mintCost(),
                    u(2),
                    new Bytes32(keyId),
                    sign(keyId, chain.nodes)));
    assertTrue(again.getMessage().contains("already routed"), again.getMessage());
  }

  @Test
  void claimThroughTheHelperSetsPermissionsOnTheClaimedKey() {
    byte[] keyId = Hash.sha3("helper-user:lit-app".getBytes(StandardCharsets.UTF_8));
    DynamicStruct claim = new DynamicStruct(u(2), new Bytes32(keyId), sign(keyId, chain.nodes));
    DynamicStruct data =
        new DynamicStruct(
            u(2),
            new DynamicArray<>(DynamicBytes.class, List.of(b(CID))),
            new DynamicArray<>(DynamicArray.class, List.of(scopes(1))),
            new DynamicArray<>(Address.class, List.<Address>of()),
            new DynamicArray<>(DynamicArray.class, List.<DynamicArray>of()),
            new DynamicArray<>(Uint256.class, List.of(u(GOOGLE_JWT))),
            new DynamicArray<>(DynamicBytes.class, List.of(b(AUTH_ID))),
            new DynamicArray<>(DynamicBytes.class, List.of(b(new byte[0]))),
            new DynamicArray<>(DynamicArray.class, List.of(scopes(1))),
            new Bool(false),
            new Bool(false));
    TransactionReceipt r =
        user.send(
            addr.pkpHelper(),
            CLAIM_AND_MINT_NEXT_AND_ADD_AUTH_METHODS,
            List.<Type>of(claim, data),
            mintCost());
    BigInteger tokenId = topicValue(r.getLogs().get(0), 1);
    assertKeyMatchesJavaReference(tokenId);
    assertEquals(
        user.address().toLowerCase(),
        call1(
            admin,
            addr.pkpNft(),
            "ownerOf",
            List.of(u(tokenId)),
            TypeReference.create(Address.class)),
        "sent to msg.sender");
    assertEquals(
        true,
        call1(
            admin,
            addr.pkpPermissions(),
            "isPermittedAction",
            List.of(u(tokenId), b(CID)),
            TypeReference.create(Bool.class)));
    assertEquals(List.of(false, true, false), scopesOf(tokenId, GOOGLE_JWT, AUTH_ID, 3));
  }

  @Test
  void contractKeysAndAddressesFollowTheSpecVectors() {
    // contracts.md §6
    byte[] id =
        Hex.decode("0x170d13600caea2933912f39a0334eca3d22e472be203f937c4bad0213d92ed71", "id");
    assertEquals(
        new BigInteger("7af1f1cc872a5fff41c0fe80e8cb8c845523ca9a49ea83a7f280606e1ae5d1ca", 16),
        call1(
            admin,
            addr.pkpPermissions(),
            "getAuthMethodId",
            List.of(u(1), b(id)),
            TypeReference.create(Uint256.class)));
    byte[] addressId = Hex.decode("0xeF71c2604f17Ec6Fc13409DF24EfdC440D240d37", "address");
    assertEquals(
        new BigInteger("228a08903c342f677dfe7fadacb8ec5f0fb5a1d20016a25f4091238165b5623a", 16),
        call1(
            admin,
            addr.pkpPermissions(),
            "getAuthMethodId",
            List.of(u(1), b(addressId)),
            TypeReference.create(Uint256.class)));
    byte[] pubkey =
        Hex.decode(
            "0x04b5caf00c9f5adc9b22ca460b88482bad44ed4fac8ee63014b727cf60efc568dbdfe498a94fbd9cd294d651529f9fe76e057e9736150eea038415b06f64a87939",
            "pubkey");
    assertEquals(
        "0xdd66ee5e696911f92e19b8612f711fa508816a6e",
        call1(
            admin,
            addr.pubkeyRouter(),
            "deriveEthAddressFromPubkey",
            List.of(b(pubkey)),
            TypeReference.create(Address.class)));
    // contracts.md §4.3 #2: an unknown token has an empty pubkey everywhere
    BigInteger unknown = new BigInteger(1, Hash.sha3(pubkey));
    for (String c : List.of(addr.pkpNft(), addr.pubkeyRouter(), addr.pkpPermissions())) {
      assertEquals(0, pubkeyOf(c, unknown).length);
    }
    assertEquals(
        false,
        call1(
            admin,
            addr.pubkeyRouter(),
            "isRouted",
            List.of(u(unknown)),
            TypeReference.create(Bool.class)));
  }

  @Test
  void keyDeriverMatchesTheSdkVectorAndTheJavaReference() {
    // crypto.md §5: roots [1·G, 2·G], keyId = keccak256("0xabc:lit")
    byte[] keyId = Hash.sha3("0xabc:lit".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "d23b01855c6cd676e80a1bd4b22be7ad0063bd9b8a1e5e2f9ea0754f231ccb98", Hex.encode(keyId));
    String expected =
        "0459fce257585638b8ee9eb80a8ce968922c1a97848bd836f4ccb0cd58eb292fdd3d346bb0332923819802f974ecb6e864ec2a425714766d2c200e90d56f40c3a2";
    ECPoint g = HdReference.CURVE.getG();
    assertEquals(
        expected,
        Hex.encode(HdReference.derivePublic(keyId, List.of(g, g.twice())).getEncoded(false)));
    // compressed and uncompressed roots give the same result on chain
    assertEquals(
        expected,
        Hex.encode(deriveOnChain(keyId, List.of(g.getEncoded(true), g.twice().getEncoded(false)))));

    BigInteger tweak =
        (BigInteger)
            call1(
                admin,
                chain.deployment.keyDeriver(),
                "hdTweak",
                List.of(new Bytes32(keyId)),
                TypeReference.create(Uint256.class));
    assertEquals(HdReference.tweak(keyId), tweak);

    // more roots and random ids
    java.util.Random rnd = new java.util.Random(42);
    for (int m : new int[] {1, 2, 5, 10}) {
      List<ECPoint> roots = new ArrayList<>();
      List<byte[]> encoded = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        ECPoint p = g.multiply(new BigInteger(250, rnd).add(BigInteger.ONE)).normalize();
        roots.add(p);
        encoded.add(p.getEncoded(i % 2 == 0));
      }
      byte[] id = new byte[32];
      rnd.nextBytes(id);
      assertEquals(
          Hex.encode(HdReference.derivePublic(id, roots).getEncoded(false)),
          Hex.encode(deriveOnChain(id, encoded)),
          m + " roots");
    }
  }

  byte[] deriveOnChain(byte[] keyId, List<byte[]> roots) {
    List<DynamicStruct> rootStructs = new ArrayList<>();
    roots.forEach(r -> rootStructs.add(new DynamicStruct(b(r), u(2))));
    List<Type> out =
        admin.call(
            chain.deployment.keyDeriver(),
            new Function(
                "computeHDPubKey",
                List.of(
                    new Bytes32(keyId), new DynamicArray<>(DynamicStruct.class, rootStructs), u(2)),
                List.of(
                    TypeReference.create(Bool.class), TypeReference.create(DynamicBytes.class))));
    assertEquals(true, out.get(0).getValue());
    return (byte[]) out.get(1).getValue();
  }

  @Test
  void rootKeysAreServedInOrderAndInvalidOnesAreRefused() {
    String rootKeysSig = "getRootKeys(address)";
    String raw =
        admin.callRaw(
            addr.pubkeyRouter(), Transactor.encode(rootKeysSig, List.<Type>of(a(addr.staking()))));
    for (ECPoint p : ChainFixture.rootPoints()) {
      assertTrue(raw.contains(Hex.encode(p.getEncoded(true))), "root key served as registered");
    }
    assertTrue(
        raw.indexOf(Hex.encode(ChainFixture.rootPoints().get(0).getEncoded(true)))
            < raw.indexOf(Hex.encode(ChainFixture.rootPoints().get(2).getEncoded(true))),
        "in derivation order");
    byte[] bad = new byte[33];
    bad[0] = 2;
    bad[32] = 5; // x = 5: x³ + 7 = 132 is not a square mod p
    String otherStaking = chain.anvil.devAccount(9).getAddress();
    LitContractException e =
        assertThrows(
            LitContractException.class,
            () ->
                send(
                    admin,
                    addr.pubkeyRouter(),
                    "voteForRootKeys",
                    BigInteger.ZERO,
                    a(otherStaking),
                    new DynamicArray<>(
                        DynamicStruct.class, List.of(new DynamicStruct(b(bad), u(2))))));
    assertTrue(e.getMessage().contains("Secp256k1"), e.getMessage());
    LitContractException again =
        assertThrows(
            LitContractException.class,
            () ->
                send(
                    admin,
                    addr.pubkeyRouter(),
                    "voteForRootKeys",
                    BigInteger.ZERO,
                    a(addr.staking()),
                    new DynamicArray<>(
                        DynamicStruct.class,
                        List.of(
                            new DynamicStruct(
                                b(ChainFixture.rootPoints().get(0).getEncoded(true)), u(2))))));
    assertTrue(again.getMessage().contains("root keys already set"), again.getMessage());
  }

  @Test
  void invalidRootKeysAreRejectedWithAReason() {
    byte[] notOnCurve = new byte[65];
    notOnCurve[0] = 4;
    notOnCurve[64] = 1;
    LitContractException e =
        assertThrows(
            LitContractException.class,
            () -> deriveOnChain(new byte[32], List.of(notOnCurve, notOnCurve)));
    assertTrue(e.getMessage().contains("point not on curve"), e.getMessage());
  }

  @Test
  void mintGrantAndBurnPermitsOneActionAndBurnsTheNft() {
    TransactionReceipt r =
        send(user, addr.pkpNft(), "mintGrantAndBurnNext", mintCost(), u(2), b(CID));
    BigInteger tokenId = topicValue(r.getLogs().get(0), 1);
    assertKeyMatchesJavaReference(tokenId);
    assertEquals(
        true,
        call1(
            admin,
            addr.pkpPermissions(),
            "isPermittedAction",
            List.of(u(tokenId), b(CID)),
            TypeReference.create(Bool.class)));
    assertEquals(List.of(false, true, false), scopesOf(tokenId, 2, CID, 3));
    assertEquals(
        false,
        call1(
            admin, addr.pkpNft(), "exists", List.of(u(tokenId)), TypeReference.create(Bool.class)));
    LitContractException burned =
        assertThrows(
            LitContractException.class,
            () ->
                admin.call(
                    addr.pkpNft(),
                    new Function(
                        "ownerOf",
                        List.of(u(tokenId)),
                        List.of(TypeReference.create(Address.class)))));
    assertTrue(burned.getMessage().contains("invalid token ID"), burned.getMessage());
  }

  @Test
  void batchChangesAndWebAuthnKeysFollowTheRules() {
    TransactionReceipt minted = send(user, addr.pkpNft(), "mintNext", mintCost(), u(2));
    BigInteger tokenId = topicValue(minted.getLogs().get(0), 1);
    byte[] credential = Hash.sha3("webauthn-raw-id:lit".getBytes(StandardCharsets.UTF_8));
    byte[] cosePubkey = Hex.decode("a5010203262001215820" + "11".repeat(32), "pk");
    String batch =
        "batchAddRemoveAuthMethods(uint256,uint256[],bytes[],bytes[],uint256[][],uint256[],bytes[])";
    user.send(
        addr.pkpPermissions(),
        batch,
        List.<Type>of(
            u(tokenId),
            new DynamicArray<>(Uint256.class, List.of(u(3), u(GOOGLE_JWT))),
            new DynamicArray<>(DynamicBytes.class, List.of(b(credential), b(AUTH_ID))),
            new DynamicArray<>(DynamicBytes.class, List.of(b(cosePubkey), b(new byte[0]))),
            new DynamicArray<>(DynamicArray.class, List.of(scopes(2), scopes(1))),
            new DynamicArray<>(Uint256.class, List.<Uint256>of()),
            new DynamicArray<>(DynamicBytes.class, List.<DynamicBytes>of())),
        BigInteger.ZERO);
    assertArrayEquals(
        cosePubkey,
        (byte[])
            call1(
                admin,
                addr.pkpPermissions(),
                "getUserPubkeyForAuthMethod",
                List.of(u(3), b(credential)),
                TypeReference.create(DynamicBytes.class)));
    assertEquals(List.of(false, false, true), scopesOf(tokenId, 3, credential, 3));

    // remove one in a batch
    user.send(
        addr.pkpPermissions(),
        batch,
        List.<Type>of(
            u(tokenId),
            new DynamicArray<>(Uint256.class, List.<Uint256>of()),
            new DynamicArray<>(DynamicBytes.class, List.<DynamicBytes>of()),
            new DynamicArray<>(DynamicBytes.class, List.<DynamicBytes>of()),
            new DynamicArray<>(DynamicArray.class, List.<DynamicArray>of()),
            new DynamicArray<>(Uint256.class, List.of(u(GOOGLE_JWT))),
            new DynamicArray<>(DynamicBytes.class, List.of(b(AUTH_ID)))),
        BigInteger.ZERO);
    assertEquals(
        false,
        call1(
            admin,
            addr.pkpPermissions(),
            "isPermittedAuthMethod",
            List.of(u(tokenId), u(GOOGLE_JWT), b(AUTH_ID)),
            TypeReference.create(Bool.class)));

    byte[] otherPubkey = Hex.decode("a5010203262001215820" + "22".repeat(32), "pk");
    DynamicStruct replaced = new DynamicStruct(u(3), b(credential), b(otherPubkey));
    LitContractException e =
        assertThrows(
            LitContractException.class,
            () ->
                send(
                    user,
                    addr.pkpPermissions(),
                    "addPermittedAuthMethod",
                    BigInteger.ZERO,
                    u(tokenId),
                    replaced,
                    scopes(1)));
    assertTrue(e.getMessage().contains("cannot add a different pubkey"), e.getMessage());
  }

  @Test
  void derivationGasGrowsWithTheNumberOfRootKeys() {
    ECPoint g = HdReference.CURVE.getG();
    for (int m : new int[] {2, 3, 10}) {
      List<DynamicStruct> roots = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        roots.add(
            new DynamicStruct(b(g.multiply(BigInteger.valueOf(1000 + i)).getEncoded(true)), u(2)));
      }
      BigInteger gas =
          admin.estimateGas(
              chain.deployment.keyDeriver(),
              new Function(
                  "computeHDPubKey",
                  List.of(
                      new Bytes32(new byte[32]),
                      new DynamicArray<>(DynamicStruct.class, roots),
                      u(2)),
                  List.of()),
              BigInteger.ZERO);
      System.out.println("KeyDeriver.computeHDPubKey gas with " + m + " root keys: " + gas);
      assertTrue(gas.compareTo(BigInteger.valueOf(30_000_000)) < 0, "fits a 30M block: " + gas);
    }
  }
}
