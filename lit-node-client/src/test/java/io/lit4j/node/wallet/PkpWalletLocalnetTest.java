package io.lit4j.node.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.session.SessionSiwe;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitNodeException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Contract;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.Transfer;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * A PKP as a web3j wallet on lit-localnet: real nodes sign with threshold ECDSA, real anvil mines
 * the transactions. The session is an owner's wallet sig with a PKP-signing recap (the owner of a
 * PKP may sign with it), checked by the nodes' strict session rules.
 */
@LocalLitNetworkTest(
    nodes = 3,
    seed = "lit4j-wallet-test",
    rateLimiting = false,
    strictAuthOnly = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PkpWalletLocalnetTest {
  private LocalLitNetwork net;
  private Web3j web3j;
  private LitNodeClient client;
  private Credentials owner;
  private MintedPkp minted;
  private PkpEthSigner pkp;
  private PkpTransactionManager txManager;
  private final AtomicInteger sessionSigsAsked = new AtomicInteger();

  @BeforeAll
  void mintFundAndConnect(LocalLitNetwork network) throws Exception {
    net = network;
    web3j = net.anvil().web3j();
    owner = net.devAccount(1);
    try (LitContracts contracts =
        LitContracts.builder()
            .rpcUrl(net.rpcUrl())
            .addresses(net.contracts())
            .signer(owner)
            .build()) {
      minted = contracts.pkps().mintNext();
    }
    client =
        LitNodeClient.create(
            LitNodeClientConfig.builder()
                .bootstrapUrls(net.nodeUrls())
                .minNodeCount(net.minNodeCount())
                .build());
    client.connect();
    pkp =
        PkpEthSigner.builder()
            .client(client)
            .pkpPublicKey(minted.publicKey())
            .sessionSigs(this::freshOwnerSession)
            .build();
    txManager = new PkpTransactionManager(web3j, pkp, net.chainId());
    // fund the PKP from anvil's first dev account
    TransactionReceipt funding =
        Transfer.sendFunds(
                web3j, net.devAccount(0), pkp.address(), BigDecimal.TEN, Convert.Unit.ETHER)
            .send();
    assertTrue(funding.isStatusOK());
  }

  @AfterAll
  void disconnect() {
    if (client != null) client.close();
  }

  /**
   * A new session key and the owner's SIWE for it, each time: the supplier is how sigs get
   * refreshed.
   */
  private SessionSigs freshOwnerSession() {
    sessionSigsAsked.incrementAndGet();
    SessionKeyPair key = SessionKeyPair.generate();
    List<ResourceAbilityRequest> abilities =
        List.of(ResourceAbilityRequest.of(LitPKPResource.ALL, LitAbility.PKP_SIGNING));
    AuthSig wallet =
        SessionSiwe.builder()
            .sessionKey(key)
            .nonce(client.getLatestBlockhash())
            .resourceAbilityRequests(abilities)
            .buildAndSign(new Web3jEthSigner(owner));
    return SessionSigs.sign(
        key, abilities, List.of(wallet), client.connectedNodes(), Clock.systemUTC());
  }

  private BigInteger balance(String address) throws Exception {
    return web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  private TransactionReceipt receiptOf(EthSendTransaction sent) throws Exception {
    assertTrue(!sent.hasError(), () -> sent.getError().getMessage());
    return new PollingTransactionReceiptProcessor(web3j, 500, 60)
        .waitForTransactionReceipt(sent.getTransactionHash());
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /** An address nobody has used, so its balance starts at zero. */
  private static String freshAddress() {
    byte[] b = new byte[20];
    RANDOM.nextBytes(b);
    return new EthAddress(b).checksummed();
  }

  @Test
  void web3jsTransferSendsEtherFromThePkpAndTheBalancesMoveOnChain() throws Exception {
    String recipient = freshAddress();
    BigInteger before = balance(pkp.address());
    TransactionReceipt r =
        new Transfer(web3j, txManager)
            .sendFunds(recipient, new BigDecimal("1.5"), Convert.Unit.ETHER)
            .send();
    assertTrue(r.isStatusOK(), r.toString());
    assertEquals(pkp.address().toLowerCase(), r.getFrom().toLowerCase());
    BigInteger value = Convert.toWei("1.5", Convert.Unit.ETHER).toBigIntegerExact();
    assertEquals(value, balance(recipient));
    BigInteger fee = r.getGasUsed().multiply(Numeric.decodeQuantity(r.getEffectiveGasPrice()));
    assertEquals(before.subtract(value).subtract(fee), balance(pkp.address()));
    var tx =
        web3j.ethGetTransactionByHash(r.getTransactionHash()).send().getTransaction().orElseThrow();
    assertEquals("0x0", tx.getType(), "Transfer sends a legacy transaction");
    assertEquals(net.chainId(), tx.getChainId());
  }

  @Test
  void anEip1559TransactionSignedByThePkpIsMinedWithItsValue() throws Exception {
    String recipient = freshAddress();
    BigInteger value = BigInteger.valueOf(123_456_789L);
    EthSendTransaction sent =
        txManager.sendEIP1559Transaction(
            net.chainId(),
            BigInteger.valueOf(1_000_000_000L),
            BigInteger.valueOf(50_000_000_000L),
            BigInteger.valueOf(21_000),
            recipient,
            "",
            value);
    TransactionReceipt r = receiptOf(sent);
    assertTrue(r.isStatusOK());
    assertEquals("0x2", r.getType());
    assertEquals(pkp.address().toLowerCase(), r.getFrom().toLowerCase());
    assertEquals(value, balance(recipient));
  }

  @Test
  void aWeb3jContractWrapperSendsALegacyContractTransactionFromThePkp() throws Exception {
    BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice();
    // minting derives the PKP key on chain (secp256k1 arithmetic in Solidity): estimate, with a
    // margin
    BigInteger cost =
        new PkpNft(
                net.contracts().pkpNft(),
                web3j,
                txManager,
                new StaticGasProvider(gasPrice, BigInteger.ONE))
            .mintCost()
            .send();
    BigInteger gas =
        web3j
            .ethEstimateGas(
                org.web3j.protocol.core.methods.request.Transaction.createFunctionCallTransaction(
                    pkp.address(),
                    null,
                    null,
                    null,
                    net.contracts().pkpNft(),
                    cost,
                    org.web3j.abi.FunctionEncoder.encode(PkpNft.mintNextFunction())))
            .send()
            .getAmountUsed();
    PkpNft nft =
        new PkpNft(
            net.contracts().pkpNft(),
            web3j,
            txManager,
            new StaticGasProvider(gasPrice, gas.multiply(BigInteger.TWO)));
    BigInteger pkpBalanceBefore = balance(pkp.address());
    TransactionReceipt r = nft.mintNext(cost).send();
    assertTrue(r.isStatusOK(), r.toString());
    assertEquals(pkp.address().toLowerCase(), r.getFrom().toLowerCase());
    assertEquals(
        "0x0",
        web3j
            .ethGetTransactionByHash(r.getTransactionHash())
            .send()
            .getTransaction()
            .orElseThrow()
            .getType());
    // the PKP now owns a PKP of its own, read back through the wrapper's eth_call (sendCall)
    assertEquals(BigInteger.ONE, nft.balanceOf(pkp.address()).send());
    BigInteger fee = r.getGasUsed().multiply(Numeric.decodeQuantity(r.getEffectiveGasPrice()));
    assertEquals(pkpBalanceBefore.subtract(cost).subtract(fee), balance(pkp.address()));
  }

  @Test
  void aTransactionSignedAsynchronouslyWithAnExplicitNonceIsMined() throws Exception {
    RawTransaction tx =
        RawTransaction.createEtherTransaction(
            txManager.nextNonce(),
            web3j.ethGasPrice().send().getGasPrice(),
            BigInteger.valueOf(21_000),
            freshAddress(),
            BigInteger.ONE);
    EthSendTransaction sent = txManager.signAndSendAsync(tx).join();
    assertTrue(receiptOf(sent).isStatusOK());
  }

  @Test
  void personalMessagesSignedByThePkpRecoverToItsAddress() throws Exception {
    byte[] message = "Sign in to lit4j with my PKP".getBytes(StandardCharsets.UTF_8);
    byte[] sig = pkp.signPersonalMessage(message);
    assertEquals(65, sig.length);
    assertEquals(
        pkp.ethAddress(), EthSignatures.recoverAddress(EthHash.personalMessageHash(message), sig));
    // and web3j agrees
    Sign.SignatureData sd =
        new Sign.SignatureData(
            sig[64],
            java.util.Arrays.copyOfRange(sig, 0, 32),
            java.util.Arrays.copyOfRange(sig, 32, 64));
    assertEquals(
        pkp.address().toLowerCase(),
        "0x" + Keys.getAddress(Sign.signedPrefixedMessageToKey(message, sd)));
    // threshold ECDSA uses fresh presignatures, so a second signature differs but recovers the same
    byte[] again = pkp.signPersonalMessageAsync(message).join();
    assertEquals(
        pkp.ethAddress(),
        EthSignatures.recoverAddress(EthHash.personalMessageHash(message), again));
  }

  @Test
  void typedDataSignedByThePkpRecoversToItsAddress() {
    byte[] sig = pkp.signTypedData(DigestEthSignerTest.TYPED_DATA);
    byte[] hash = DigestEthSigner.typedDataHash(DigestEthSignerTest.TYPED_DATA);
    assertEquals(pkp.ethAddress(), EthSignatures.recoverAddress(hash, sig));
  }

  @Test
  void theSessionSigsSupplierIsAskedOncePerSignature() {
    int before = sessionSigsAsked.get();
    pkp.signDigest(EthHash.keccak256Utf8("one"));
    pkp.signDigestAsync(EthHash.keccak256Utf8("two")).join();
    assertEquals(before + 2, sessionSigsAsked.get());
  }

  @Test
  void aPkpTheSessionsWalletDoesNotOwnIsRefusedByTheNodes() {
    MintedPkp foreign;
    try (LitContracts contracts =
        LitContracts.builder()
            .rpcUrl(net.rpcUrl())
            .addresses(net.contracts())
            .signer(net.devAccount(3))
            .build()) {
      foreign = contracts.pkps().mintNext();
    }
    PkpEthSigner notOurs =
        PkpEthSigner.builder()
            .client(client)
            .pkpPublicKey(foreign.publicKey())
            .sessionSigs(this::freshOwnerSession)
            .build();
    assertThrows(LitNodeException.class, () -> notOurs.signPersonalMessage(new byte[] {1, 2, 3}));
    CompletionException e =
        assertThrows(
            CompletionException.class,
            () ->
                notOurs
                    .signTransactionAsync(
                        RawTransaction.createEtherTransaction(
                            BigInteger.ZERO,
                            BigInteger.ONE,
                            BigInteger.valueOf(21_000),
                            freshAddress(),
                            BigInteger.ONE),
                        net.chainId())
                    .join());
    assertInstanceOf(LitNodeException.class, e.getCause());
  }

  @Test
  void theManagerRefusesAnEip1559TransactionForAnotherChain() {
    LitValidationException e =
        assertThrows(
            LitValidationException.class,
            () ->
                txManager.sendEIP1559Transaction(
                    1L,
                    BigInteger.ONE,
                    BigInteger.TWO,
                    BigInteger.valueOf(21_000),
                    freshAddress(),
                    "",
                    BigInteger.ONE));
    assertTrue(
        e.getMessage().contains("signs for chain " + net.chainId() + ", not 1"), e.getMessage());
    assertEquals(EthAddress.fromHex(txManager.getFromAddress()), pkp.ethAddress());
  }

  @Test
  void aPkpWhoseSessionItSignsItselfThroughGetPkpSessionSigsSendsATransaction() throws Exception {
    // the Quick Start way: a PKP minted with the user's wallet as its auth method signs its own
    // session
    Credentials user = net.devAccount(4);
    java.time.Instant now = java.time.Instant.now();
    AuthSig login =
        io.lit4j.auth.authsig.AuthSigs.generate(
            new Web3jEthSigner(user),
            io.lit4j.auth.siwe.SiweMessage.builder()
                .domain("localhost")
                .address(Keys.toChecksumAddress(user.getAddress()))
                .statement("log in to lit4j")
                .uri("https://localhost/login")
                .nonce(client.getLatestBlockhash())
                .issuedAt(now)
                .expirationTime(now.plus(java.time.Duration.ofHours(1)))
                .chainId(1)
                .build()
                .prepareMessage());
    io.lit4j.auth.methods.AuthMethod ethWallet = io.lit4j.auth.methods.AuthMethod.ethWallet(login);
    MintedPkp selfSigned;
    try (LitContracts contracts =
        LitContracts.builder()
            .rpcUrl(net.rpcUrl())
            .addresses(net.contracts())
            .signer(user)
            .build()) {
      selfSigned =
          contracts
              .pkps()
              .mintWithAuth(
                  ethWallet, List.of(io.lit4j.core.constants.AuthMethodScope.SIGN_ANYTHING));
    }
    Secp256k1PublicKey key = selfSigned.publicKey();
    io.lit4j.node.PkpSessionRequest request =
        io.lit4j.node.PkpSessionRequest.builder()
            .pkpPublicKey(key)
            .authMethod(ethWallet)
            .resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING)
            .build();
    PkpEthSigner wallet =
        PkpEthSigner.builder()
            .client(client)
            .pkpPublicKey(key)
            .sessionSigs(() -> client.getPkpSessionSigs(request))
            .build();
    assertEquals(selfSigned.ethAddress().lowercaseHex(), wallet.address().toLowerCase());

    assertTrue(
        Transfer.sendFunds(
                web3j, net.devAccount(0), wallet.address(), BigDecimal.ONE, Convert.Unit.ETHER)
            .send()
            .isStatusOK());
    String recipient = freshAddress();
    TransactionReceipt r =
        new Transfer(web3j, new PkpTransactionManager(web3j, wallet, net.chainId()))
            .sendFunds(recipient, new BigDecimal("0.1"), Convert.Unit.ETHER)
            .send();
    assertTrue(r.isStatusOK());
    assertEquals(wallet.address().toLowerCase(), r.getFrom().toLowerCase());
    assertEquals(Convert.toWei("0.1", Convert.Unit.ETHER).toBigIntegerExact(), balance(recipient));
  }

  @Test
  void web3jsOwnRawTransactionManagerSendsFromThePkpThroughItsTxSignService() throws Exception {
    String recipient = freshAddress();
    TransactionReceipt r =
        new Transfer(web3j, new org.web3j.tx.RawTransactionManager(web3j, pkp, net.chainId()))
            .sendFunds(recipient, BigDecimal.ONE, Convert.Unit.GWEI)
            .send();
    assertTrue(r.isStatusOK());
    assertEquals(pkp.address().toLowerCase(), r.getFrom().toLowerCase());
    assertEquals(BigInteger.valueOf(1_000_000_000L), balance(recipient));
  }

  /**
   * The part of a generated web3j wrapper for PKPNFT this test needs, written as web3j's codegen
   * writes it.
   */
  static final class PkpNft extends Contract {
    PkpNft(String address, Web3j web3j, TransactionManager tm, ContractGasProvider gas) {
      super("", address, web3j, tm, gas);
    }

    RemoteFunctionCall<BigInteger> mintCost() {
      return executeRemoteCallSingleValueReturn(
          new Function("mintCost", List.of(), List.of(new TypeReference<Uint256>() {})),
          BigInteger.class);
    }

    RemoteFunctionCall<BigInteger> balanceOf(String owner) {
      return executeRemoteCallSingleValueReturn(
          new Function(
              "balanceOf", List.of(new Address(owner)), List.of(new TypeReference<Uint256>() {})),
          BigInteger.class);
    }

    static Function mintNextFunction() {
      return new Function("mintNext", List.of(new Uint256(2)), List.of());
    }

    RemoteFunctionCall<TransactionReceipt> mintNext(BigInteger weiValue) {
      return executeRemoteCallTransaction(mintNextFunction(), weiValue);
    }
  }
}
