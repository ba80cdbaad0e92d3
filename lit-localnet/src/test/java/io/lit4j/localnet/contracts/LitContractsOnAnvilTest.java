package io.lit4j.localnet.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.contracts.CapacityCreditsRequest;
import io.lit4j.contracts.ContractErrorCode;
import io.lit4j.contracts.ContractRevertException;
import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedCapacityCredits;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.contracts.PermittedAuthMethod;
import io.lit4j.contracts.StakingValidator;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.errors.LitContractException;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.util.Bytes;
import io.lit4j.core.util.Hex;
import io.lit4j.localnet.chain.Anvil;
import io.lit4j.localnet.chain.LitDeployer;
import io.lit4j.localnet.chain.LitDeployment;
import io.lit4j.localnet.chain.LitDeploymentSpec;
import io.lit4j.localnet.chain.LitValidator;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;

/**
 * {@link LitContracts} against lit-localnet's own contracts on a real anvil: every method, and the
 * failures a user meets (unknown token, caller not owner, wrong mint payment, expiry not at a UTC
 * midnight), each as a typed error with the contract's reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LitContractsOnAnvilTest {
  private static final String CID = "QmVtJPozUDGZyKNuz8Zs1fzx8VemTEViCqq8d2T2qUxPZo";

  private Anvil anvil;
  private Credentials deployer;
  private Credentials owner;
  private Credentials stranger;
  private List<Credentials> nodes;
  private LitDeployment deployment;
  private LitContracts contracts;
  private LitContracts strangers;

  private static byte[] rootKey(long privateKey) {
    BigInteger pub = Sign.publicKeyFromPrivate(BigInteger.valueOf(privateKey));
    return Bytes.concat(new byte[] {0x04}, Bytes.toFixed(pub, 64));
  }

  private LitDeployment deploy(List<LitValidator> validators) {
    LitDeploymentSpec spec =
        LitDeploymentSpec.builder()
            .validators(validators)
            .rootKey(rootKey(11))
            .rootKey(rootKey(12))
            .rootKey(rootKey(13))
            .build();
    return new LitDeployer(anvil.web3j(), deployer, anvil.chainId()).deploy(spec);
  }

  /** Deploys with {@code validators} on 127.0.0.1, ports from {@code firstPort} on. */
  private LitDeployment deployOnLocalhost(List<Credentials> validators, int firstPort) {
    return deploy(
        validators.stream()
            .map(
                c ->
                    LitValidator.of(c.getAddress(), "127.0.0.1", firstPort + validators.indexOf(c)))
            .toList());
  }

  private LitContracts client(Credentials signer, LitContractAddresses addresses) {
    return LitContracts.builder().web3j(anvil.web3j()).signer(signer).addresses(addresses).build();
  }

  @BeforeAll
  void startChainAndDeploy() {
    anvil = Anvil.start();
    deployer = anvil.devAccount(0);
    owner = anvil.devAccount(1);
    stranger = anvil.devAccount(2);
    nodes = List.of(anvil.devAccount(5), anvil.devAccount(6), anvil.devAccount(7));
    deployment =
        deploy(
            List.of(
                LitValidator.of(nodes.get(0).getAddress(), "127.0.0.1", 7470),
                LitValidator.of(nodes.get(1).getAddress(), "127.0.0.1", 7471),
                LitValidator.of(nodes.get(2).getAddress(), "10.0.0.1", 443)));
    contracts = client(owner, deployment.addresses());
    strangers = client(stranger, deployment.addresses());
  }

  @AfterAll
  void stop() {
    if (contracts != null) contracts.close();
    if (strangers != null) strangers.close();
    if (anvil != null) anvil.close();
  }

  private static byte[] ethWalletAuthId(String address) {
    return Hash.sha3((address + ":lit").getBytes(StandardCharsets.UTF_8));
  }

  private static <T extends LitException> T assertCode(
      Class<T> type, ContractErrorCode code, Runnable call) {
    T e = assertThrows(type, call::run);
    assertEquals(Optional.of(code), ContractErrorCode.of(e), e.toString());
    return e;
  }

  private static ContractRevertException assertReverts(String reason, Runnable call) {
    ContractRevertException e = assertThrows(ContractRevertException.class, call::run);
    assertEquals(Optional.of(reason), e.revertReason(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    return e;
  }

  private List<Type> rawCall(String to, Function f) throws Exception {
    String result =
        anvil
            .web3j()
            .ethCall(
                Transaction.createEthCallTransaction(null, to, FunctionEncoder.encode(f)),
                DefaultBlockParameterName.LATEST)
            .send()
            .getValue();
    return FunctionReturnDecoder.decode(result, f.getOutputParameters());
  }

  private TransactionReceipt rawSend(Credentials from, String to, Function f) throws Exception {
    RawTransactionManager tm = new RawTransactionManager(anvil.web3j(), from, anvil.chainId());
    String hash =
        tm.sendTransaction(
                BigInteger.valueOf(5_000_000_000L),
                BigInteger.valueOf(5_000_000),
                to,
                FunctionEncoder.encode(f),
                BigInteger.ZERO)
            .getTransactionHash();
    for (int i = 0; i < 100; i++) {
      Optional<TransactionReceipt> r =
          anvil.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (r.isPresent()) {
        assertTrue(r.get().isStatusOK(), "admin transaction " + f.getName() + " reverted");
        return r.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no receipt for " + hash);
  }

  // ---------------------------------------------------------------- minting

  @Test
  void mintWithAuthMintsAPkpThatOwnsItselfWithTheAuthMethodAndItsOwnAddressPermitted()
      throws Exception {
    PermittedAuthMethod wallet =
        PermittedAuthMethod.of(AuthMethodType.ETH_WALLET, ethWalletAuthId(owner.getAddress()));
    MintedPkp pkp = contracts.pkps().mintWithAuth(wallet, List.of(AuthMethodScope.SIGN_ANYTHING));

    byte[] pubkey = pkp.publicKey().uncompressed();
    assertEquals(65, pubkey.length);
    assertEquals(0x04, pubkey[0]);
    assertEquals(new BigInteger(1, Hash.sha3(pubkey)), pkp.tokenId());
    byte[] addressHash = Hash.sha3(Arrays.copyOfRange(pubkey, 1, 65));
    String expectedAddress =
        Keys.toChecksumAddress(Hex.encode0x(Arrays.copyOfRange(addressHash, 12, 32)));
    assertEquals(expectedAddress, pkp.ethAddress().checksummed());
    assertArrayEquals(pubkey, contracts.pkps().getPubkey(pkp.tokenId()));
    assertTrue(pkp.transaction().gasUsed().signum() > 0);

    // PKPHelper sent the NFT to the PKP's own address
    assertEquals(
        List.of(pkp.tokenId()),
        contracts.pkps().getTokensByAddress(pkp.ethAddress().checksummed()));
    Address nftOwner =
        (Address)
            rawCall(
                    deployment.addresses().pkpNft(),
                    new Function(
                        "ownerOf",
                        List.of(new Uint256(pkp.tokenId())),
                        List.of(new TypeReference<Address>() {})))
                .get(0);
    assertEquals(pkp.ethAddress().lowercaseHex(), nftOwner.getValue().toLowerCase());

    List<PermittedAuthMethod> permitted =
        contracts.permissions().getPermittedAuthMethods(pkp.tokenId());
    assertTrue(permitted.contains(wallet), permitted.toString());
    assertTrue(
        permitted.contains(
            new PermittedAuthMethod(1, Hex.decode(pkp.ethAddress().checksummed()), new byte[0])),
        permitted.toString());
    assertEquals(2, permitted.size());
    assertTrue(contracts.permissions().isPermittedAuthMethod(pkp.tokenId(), wallet));
    assertEquals(
        List.of(false, true, false),
        contracts.permissions().getPermittedAuthMethodScopes(pkp.tokenId(), wallet, 3));
    assertTrue(
        contracts.permissions().isPermittedAddress(pkp.tokenId(), pkp.ethAddress().checksummed()));
  }

  @Test
  void mintWithAuthKeepsAWebAuthnUserPubkeyAndEveryScopeAsked() {
    PermittedAuthMethod webAuthn =
        PermittedAuthMethod.of(
            AuthMethodType.WEB_AUTHN,
            Hash.sha3("credential:lit".getBytes(StandardCharsets.UTF_8)),
            Hex.decode("a5010203262001215820"));
    MintedPkp pkp =
        contracts
            .pkps()
            .mintWithAuthAsync(
                webAuthn, List.of(AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN))
            .join();
    assertTrue(contracts.permissions().getPermittedAuthMethods(pkp.tokenId()).contains(webAuthn));
    assertEquals(
        List.of(false, true, true),
        contracts
            .permissions()
            .getPermittedAuthMethodScopesAsync(pkp.tokenId(), webAuthn, 3)
            .join());
  }

  @Test
  void mintWithAuthTakesANodeFacingAuthMethodAndPermitsTheSdksIdForIt() {
    io.lit4j.auth.methods.AuthMethod authMethod = ethWalletAuthMethod(owner.getAddress());
    MintedPkp pkp =
        contracts.pkps().mintWithAuth(authMethod, List.of(AuthMethodScope.SIGN_ANYTHING));
    PermittedAuthMethod expected =
        PermittedAuthMethod.of(AuthMethodType.ETH_WALLET, ethWalletAuthId(owner.getAddress()));
    assertTrue(contracts.permissions().isPermittedAuthMethod(pkp.tokenId(), expected));
    assertTrue(contracts.permissions().getPermittedAuthMethods(pkp.tokenId()).contains(expected));
  }

  @Test
  void mintWithAuthTakesScopesAsVarargsAndScopesAreReadBackForTheAuthMethodItself() {
    io.lit4j.auth.methods.AuthMethod authMethod = ethWalletAuthMethod(stranger.getAddress());
    MintedPkp pkp =
        contracts
            .pkps()
            .mintWithAuth(authMethod, AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN);
    assertEquals(pkp.publicKey().pkpTokenId(), pkp.tokenId());
    assertEquals(pkp.publicKey().ethAddress(), pkp.ethAddress());
    assertArrayEquals(pkp.publicKey().uncompressed(), contracts.pkps().getPubkey(pkp.tokenId()));
    assertEquals(
        List.of(false, true, true),
        contracts.permissions().getPermittedAuthMethodScopes(pkp.tokenId(), authMethod, 3));
    MintedPkp second =
        contracts.pkps().mintWithAuthAsync(authMethod, AuthMethodScope.PERSONAL_SIGN).join();
    assertEquals(
        List.of(false, false, true),
        contracts
            .permissions()
            .getPermittedAuthMethodScopesAsync(second.tokenId(), authMethod, 3)
            .join());
    assertThrows(
        io.lit4j.core.errors.LitValidationException.class,
        () -> contracts.pkps().mintWithAuth(authMethod, (AuthMethodScope) null));
    assertThrows(
        io.lit4j.core.errors.LitValidationException.class,
        () -> contracts.pkps().mintWithAuth(authMethod));
    assertThrows(
        io.lit4j.core.errors.LitValidationException.class,
        () ->
            contracts
                .permissions()
                .getPermittedAuthMethodScopes(
                    pkp.tokenId(), (io.lit4j.auth.methods.AuthMethod) null, 3));
  }

  /** An EthWallet auth method for {@code address}; its id needs only the address, not the sig. */
  private static io.lit4j.auth.methods.AuthMethod ethWalletAuthMethod(String address) {
    String authSig =
        "{\"sig\":\"0x00\",\"derivedVia\":\"web3.eth.personal.sign\",\"signedMessage\":\"m\",\"address\":\""
            + address
            + "\"}";
    return new io.lit4j.auth.methods.AuthMethod(AuthMethodType.ETH_WALLET.value(), authSig);
  }

  @Test
  void twoMintsGiveTwoDifferentKeys() {
    MintedPkp a = contracts.pkps().mintNext();
    MintedPkp b = contracts.pkps().mintNextAsync().join();
    assertNotEquals(a.tokenId(), b.tokenId());
    assertNotEquals(a.ethAddress(), b.ethAddress());
  }

  @Test
  void concurrentMintsFromOneSignerAllSucceedWithDistinctTokens() {
    List<java.util.concurrent.CompletableFuture<MintedPkp>> mints =
        java.util.stream.IntStream.range(0, 4)
            .mapToObj(i -> contracts.pkps().mintNextAsync())
            .toList();
    List<BigInteger> ids =
        mints.stream()
            .map(java.util.concurrent.CompletableFuture::join)
            .map(MintedPkp::tokenId)
            .toList();
    assertEquals(4, new java.util.HashSet<>(ids).size());
    assertTrue(contracts.pkps().getTokensByAddress(owner.getAddress()).containsAll(ids));
  }

  @Test
  void mintNextMintsToTheSignerWhoCanThenManageEveryPermission() {
    assertEquals(BigInteger.ONE, contracts.pkps().mintCost());
    MintedPkp pkp = contracts.pkps().mintNext();
    BigInteger id = pkp.tokenId();
    assertTrue(contracts.pkps().getTokensByAddress(owner.getAddress()).contains(id));
    assertTrue(
        contracts.permissions().isPermittedAddress(id, owner.getAddress()),
        "the NFT owner is always permitted");

    PermittedAuthMethod google =
        PermittedAuthMethod.of(
            AuthMethodType.GOOGLE_JWT, Hash.sha3("sub:aud".getBytes(StandardCharsets.UTF_8)));
    assertFalse(contracts.permissions().isPermittedAuthMethod(id, google));
    contracts
        .permissions()
        .addPermittedAuthMethod(id, google, List.of(AuthMethodScope.PERSONAL_SIGN));
    assertTrue(contracts.permissions().isPermittedAuthMethod(id, google));
    assertEquals(
        List.of(false, false, true),
        contracts.permissions().getPermittedAuthMethodScopes(id, google, 3));
    assertEquals(List.of(google), contracts.permissions().getPermittedAuthMethods(id));

    contracts.permissions().removePermittedAuthMethodAsync(id, google).join();
    assertFalse(contracts.permissions().isPermittedAuthMethod(id, google));
    assertEquals(List.of(), contracts.permissions().getPermittedAuthMethods(id));

    assertFalse(contracts.permissions().isPermittedAction(id, CID));
    contracts.permissions().addPermittedAction(id, CID, List.of(AuthMethodScope.SIGN_ANYTHING));
    assertTrue(contracts.permissions().isPermittedAction(id, CID));
    PermittedAuthMethod action =
        new PermittedAuthMethod(
            2,
            Hex.decode("1220701d6c731aa7f2690694a1cc797562902bcf8e50db699dfa339ae30a3dbd920e"),
            new byte[0]);
    assertEquals(
        List.of(false, true), contracts.permissions().getPermittedAuthMethodScopes(id, action, 2));

    assertFalse(contracts.permissions().isPermittedAddress(id, stranger.getAddress()));
    contracts
        .permissions()
        .addPermittedAddressAsync(id, stranger.getAddress(), List.of(AuthMethodScope.SIGN_ANYTHING))
        .join();
    assertTrue(contracts.permissions().isPermittedAddress(id, stranger.getAddress()));
    // the Lit Action (type 2, multihash id) and the address (type 1, 20 raw bytes)
    assertEquals(
        List.of(action, new PermittedAuthMethod(1, Hex.decode(stranger.getAddress()), new byte[0])),
        contracts.permissions().getPermittedAuthMethods(id));
  }

  // ---------------------------------------------------------------- failures

  @Test
  void anUnknownTokenIsATypedErrorForReadsAndWrites() {
    BigInteger unknown =
        new BigInteger(
            "76782466186288095105667301754604586214815535829618018025889449690021181398503");
    PermittedAuthMethod m =
        PermittedAuthMethod.of(AuthMethodType.ETH_WALLET, ethWalletAuthId(owner.getAddress()));
    LitContractException e =
        assertCode(
            LitContractException.class,
            ContractErrorCode.UNKNOWN_TOKEN,
            () -> contracts.pkps().getPubkey(unknown));
    assertTrue(e.getMessage().contains(unknown.toString(16)), e.getMessage());
    assertCode(
        LitContractException.class,
        ContractErrorCode.UNKNOWN_TOKEN,
        () -> contracts.permissions().getPermittedAuthMethods(unknown));
    assertCode(
        LitContractException.class,
        ContractErrorCode.UNKNOWN_TOKEN,
        () -> contracts.permissions().isPermittedAuthMethod(unknown, m));
    assertCode(
        LitContractException.class,
        ContractErrorCode.UNKNOWN_TOKEN,
        () ->
            contracts
                .permissions()
                .addPermittedAuthMethod(unknown, m, List.of(AuthMethodScope.SIGN_ANYTHING)));
    assertCode(
        LitContractException.class,
        ContractErrorCode.UNKNOWN_TOKEN,
        () ->
            contracts
                .permissions()
                .addPermittedAction(unknown, CID, List.of(AuthMethodScope.SIGN_ANYTHING)));
    CompletionException async =
        assertThrows(
            CompletionException.class,
            () -> contracts.pkps().getPubkeyAsync(BigInteger.TEN).join());
    assertEquals(
        Optional.of(ContractErrorCode.UNKNOWN_TOKEN),
        ContractErrorCode.of(assertInstanceOf(LitException.class, async.getCause())));
  }

  @Test
  void aCallerWhoDoesNotOwnThePkpIsRefusedWithTheContractsReason() {
    MintedPkp pkp = contracts.pkps().mintNext();
    PermittedAuthMethod m =
        PermittedAuthMethod.of(AuthMethodType.ETH_WALLET, ethWalletAuthId(stranger.getAddress()));
    ContractRevertException e =
        assertReverts(
            "Not PKP NFT owner",
            () ->
                strangers
                    .permissions()
                    .addPermittedAuthMethod(
                        pkp.tokenId(), m, List.of(AuthMethodScope.SIGN_ANYTHING)));
    assertEquals("PKPPermissions.addPermittedAuthMethod", e.function());
    assertReverts(
        "Not PKP NFT owner",
        () ->
            strangers
                .permissions()
                .addPermittedAddress(pkp.tokenId(), stranger.getAddress(), List.of()));
    assertReverts(
        "Not PKP NFT owner",
        () -> strangers.permissions().addPermittedAction(pkp.tokenId(), CID, List.of()));
    assertReverts(
        "Not PKP NFT owner",
        () -> strangers.permissions().removePermittedAuthMethod(pkp.tokenId(), m));
    assertFalse(contracts.permissions().isPermittedAuthMethod(pkp.tokenId(), m));
  }

  @Test
  void afterMintWithAuthEvenTheMinterCannotChangePermissions() {
    PermittedAuthMethod wallet =
        PermittedAuthMethod.of(AuthMethodType.ETH_WALLET, ethWalletAuthId(owner.getAddress()));
    MintedPkp pkp = contracts.pkps().mintWithAuth(wallet, List.of(AuthMethodScope.SIGN_ANYTHING));
    assertReverts(
        "Not PKP NFT owner",
        () -> contracts.permissions().removePermittedAuthMethod(pkp.tokenId(), wallet));
  }

  @Test
  void aMintThatDoesNotPayExactlyTheMintCostRevertsWithTheReason() {
    assertReverts(
        "PKPNFT: msg.value must equal mintCost",
        () -> contracts.pkps().mintNextWithValue(BigInteger.ZERO));
    assertReverts(
        "PKPNFT: msg.value must equal mintCost",
        () -> contracts.pkps().mintNextWithValue(BigInteger.TWO));
    assertEquals(
        Optional.of(ContractErrorCode.CONTRACT_REVERTED),
        ContractErrorCode.of(
            assertInstanceOf(
                LitException.class,
                assertThrows(
                        CompletionException.class,
                        () -> contracts.pkps().mintNextWithValueAsync(BigInteger.ZERO).join())
                    .getCause())));
  }

  // ---------------------------------------------------------------- capacity credits

  @Test
  void capacityCreditsAreMintedAtTheComputedCostAndTheTokenIdIsTheTransfersTopic()
      throws Exception {
    long before = anvil.latestBlockTimestamp();
    MintedCapacityCredits first =
        contracts.capacityCredits().mint(CapacityCreditsRequest.perDay(14_400, 2));
    long after = anvil.latestBlockTimestamp();
    assertEquals(167, first.requestsPerKilosecond());
    assertEquals(0, first.expiresAt().getEpochSecond() % 86_400);
    long secondsLeftMax = first.expiresAt().getEpochSecond() - before;
    long secondsLeftMin = first.expiresAt().getEpochSecond() - after - 2;
    // cost = rpks * (expiresAt - now) * 1 000 000 / 1000 with now the pricing call's block time
    BigInteger perSecond = BigInteger.valueOf(167 * 1_000L);
    assertTrue(
        first.costWei().compareTo(perSecond.multiply(BigInteger.valueOf(secondsLeftMin))) >= 0,
        first.toString());
    assertTrue(
        first.costWei().compareTo(perSecond.multiply(BigInteger.valueOf(secondsLeftMax))) <= 0,
        first.toString());

    MintedCapacityCredits second =
        contracts.capacityCredits().mintAsync(CapacityCreditsRequest.perSecond(1, 2)).join();
    assertEquals(first.capacityTokenIdValue().add(BigInteger.ONE), second.capacityTokenIdValue());
    Address rliOwner =
        (Address)
            rawCall(
                    deployment.addresses().rateLimitNft(),
                    new Function(
                        "ownerOf",
                        List.of(new Uint256(second.capacityTokenIdValue())),
                        List.of(new TypeReference<Address>() {})))
                .get(0);
    assertEquals(owner.getAddress().toLowerCase(), rliOwner.getValue().toLowerCase());
    List<Type> capacity =
        rawCall(
            deployment.addresses().rateLimitNft(),
            new Function(
                "capacity",
                List.of(new Uint256(second.capacityTokenIdValue())),
                List.of(new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {})));
    assertTrue(
        ((Uint256) capacity.get(0)).getValue().longValueExact() >= 1000,
        "at least the rate asked for");
    assertEquals(
        second.expiresAt().getEpochSecond(),
        ((Uint256) capacity.get(1)).getValue().longValueExact());
  }

  @Test
  void anExpiryThatIsNotAUtcMidnightIsRefusedWithTheContractsReason() {
    Instant midnight = CapacityCreditsRequest.perKilosecond(10, 1).expiresAt(Instant.now());
    ContractRevertException e =
        assertReverts(
            "RateLimitNFT: expiresAt must be a UTC midnight",
            () ->
                contracts
                    .capacityCredits()
                    .mint(
                        CapacityCreditsRequest.perKilosecond(10, 1)
                            .withExpiresAt(midnight.plusSeconds(3600))));
    assertEquals("RateLimitNFT.calculateCost", e.function());
    assertReverts(
        "RateLimitNFT: expiresAt must be within maxExpirationSeconds",
        () -> contracts.capacityCredits().mint(CapacityCreditsRequest.perKilosecond(10, 31)));
    assertReverts(
        "RateLimitNFT: expiresAt must be in the future",
        () ->
            contracts
                .capacityCredits()
                .mint(
                    CapacityCreditsRequest.perKilosecond(10, 1)
                        .withExpiresAt(midnight.minusSeconds(86_400 * 2))));
  }

  // ---------------------------------------------------------------- staking

  @Test
  void validatorsAreListedAsNodeUrlsWithHttpsOnlyForPort443() {
    assertEquals(
        List.of("http://127.0.0.1:7470", "http://127.0.0.1:7471", "https://10.0.0.1:443"),
        contracts.staking().getValidators());
    List<StakingValidator> structs = contracts.staking().getActiveValidatorsAsync().join();
    for (int i = 0; i < 3; i++) {
      assertEquals(
          nodes.get(i).getAddress().toLowerCase(), structs.get(i).nodeAddress().toLowerCase());
    }
    assertEquals(2130706433L, structs.get(0).ip());
    assertEquals(2, contracts.staking().getMinNodeCount());
    assertEquals(1, contracts.staking().getCurrentEpochNumber());
  }

  @Test
  void kickedValidatorsAreDroppedAndTheEpochNumberFollowsTheChain() throws Exception {
    List<Credentials> four =
        List.of(anvil.devAccount(3), anvil.devAccount(4), anvil.devAccount(5), anvil.devAccount(6));
    LitDeployment d = deployOnLocalhost(four, 8000);
    try (LitContracts c = client(owner, d.addresses())) {
      assertEquals(4, c.staking().getValidators().size());
      assertEquals(2, c.staking().getMinNodeCount());
      rawSend(
          deployer,
          d.addresses().staking(),
          new Function(
              "adminKickValidatorInNextEpoch",
              List.of(new Address(four.get(1).getAddress())),
              List.of()));
      assertEquals(
          List.of("http://127.0.0.1:8000", "http://127.0.0.1:8002", "http://127.0.0.1:8003"),
          c.staking().getValidators());
      rawSend(
          deployer, d.addresses().staking(), new Function("advanceEpoch", List.of(), List.of()));
      assertEquals(2, c.staking().getCurrentEpochNumberAsync().join());
      assertEquals(3, c.staking().getValidators().size());
      assertEquals(2, c.staking().getMinNodeCountAsync().join());
    }
  }

  @Test
  void theNetworkStateIsTheSeparateReadsInTwoBatchRequests() throws Exception {
    List<Credentials> four =
        List.of(anvil.devAccount(3), anvil.devAccount(4), anvil.devAccount(5), anvil.devAccount(6));
    LitDeployment d = deployOnLocalhost(four, 8100);
    rawSend(
        deployer,
        d.addresses().staking(),
        new Function(
            "adminKickValidatorInNextEpoch",
            List.of(new Address(four.get(2).getAddress())),
            List.of()));
    rawSend(deployer, d.addresses().staking(), new Function("advanceEpoch", List.of(), List.of()));
    java.util.concurrent.atomic.AtomicInteger requests =
        new java.util.concurrent.atomic.AtomicInteger();
    okhttp3.OkHttpClient counting =
        new okhttp3.OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  requests.incrementAndGet();
                  return chain.proceed(chain.request());
                })
            .build();
    try (LitContracts c =
        LitContracts.builder()
            .web3j(
                org.web3j.protocol.Web3j.build(
                    new org.web3j.protocol.http.HttpService(anvil.rpcUrl(), counting)))
            .addresses(d.addresses())
            .build()) {
      io.lit4j.contracts.StakingNetworkState state = c.staking().getNetworkState();
      assertEquals(2, requests.get(), "one batch of four reads, then the validator structs");
      assertEquals(c.staking().getActiveValidators(), state.activeValidators());
      assertEquals(c.staking().getValidators(), state.nodeUrls());
      assertEquals(3, state.activeValidators().size());
      assertEquals(c.staking().getMinNodeCount(), state.minNodeCount());
      assertEquals(2, state.epochNumber());
      assertEquals(c.staking().getShareIndices(), state.shareIndices());
      List<String> sorted =
          four.stream()
              .map(x -> x.getAddress().toLowerCase(java.util.Locale.ROOT))
              .sorted()
              .toList();
      int kicked = sorted.indexOf(four.get(2).getAddress().toLowerCase(java.util.Locale.ROOT));
      assertEquals(
          java.util.stream.IntStream.range(0, 4).filter(i -> i != kicked).boxed().toList(),
          sortedValues(state.shareIndices()));
    } finally {
      counting.dispatcher().executorService().shutdown();
      counting.connectionPool().evictAll();
    }
  }

  private static List<Integer> sortedValues(java.util.Map<String, Integer> m) {
    return m.values().stream().sorted().toList();
  }

  @Test
  void aSingleValidatorGivesNoThresholdAndATypedError() {
    LitDeployment d =
        deploy(List.of(LitValidator.of(anvil.devAccount(8).getAddress(), "127.0.0.1", 9000)));
    try (LitContracts c = client(owner, d.addresses())) {
      LitContractException e =
          assertCode(
              LitContractException.class,
              ContractErrorCode.INVALID_MIN_NODE_COUNT,
              c.staking()::getMinNodeCount);
      assertTrue(e.getMessage().contains("minNodeCount is 0"), e.getMessage());
      assertCode(
          LitContractException.class,
          ContractErrorCode.INVALID_MIN_NODE_COUNT,
          c.staking()::getNetworkState);
      assertEquals(List.of("http://127.0.0.1:9000"), c.staking().getValidators());
    }
  }

  @Test
  void aWrongContractAddressSaysThereIsNoContractThere() {
    LitContractAddresses a = deployment.addresses();
    String empty = "0x000000000000000000000000000000000000dEaD";
    try (LitContracts c =
        client(
            owner,
            new LitContractAddresses(
                empty,
                empty,
                a.pubkeyRouter(),
                a.pkpPermissions(),
                a.pkpHelper(),
                a.rateLimitNft()))) {
      assertCode(
          LitContractException.class,
          ContractErrorCode.NO_CONTRACT_CODE,
          c.staking()::getMinNodeCount);
      assertCode(
          LitContractException.class, ContractErrorCode.NO_CONTRACT_CODE, c.pkps()::mintCost);
    }
  }
}
