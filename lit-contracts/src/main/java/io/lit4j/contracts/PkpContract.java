package io.lit4j.contracts;

import static io.lit4j.contracts.internal.AbiDecoding.bytes;
import static io.lit4j.contracts.internal.AbiDecoding.toLong;
import static io.lit4j.contracts.internal.AbiDecoding.tokenIdFromFirstLog;
import static io.lit4j.contracts.internal.AbiDecoding.transaction;
import static io.lit4j.contracts.internal.AbiDecoding.uint;
import static io.lit4j.contracts.internal.ContractArgs.checkAddress;
import static io.lit4j.contracts.internal.ContractArgs.checkTokenId;
import static io.lit4j.contracts.internal.ContractArgs.requireNonNull;
import static io.lit4j.contracts.internal.ContractArgs.scopeIds;

import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.contracts.internal.ChainClient;
import io.lit4j.contracts.internal.ContractFunctions.PkpHelper;
import io.lit4j.contracts.internal.ContractFunctions.PkpNft;
import io.lit4j.contracts.internal.ContractsRuntime;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Futures;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * PKPs, as the SDK's {@code pkpNftContractUtils} and {@code mintWithAuth} drive PKPNFT and
 * PKPHelper: mint (with auth methods or bare), price, public keys and holdings. Get it from {@link
 * LitContracts#pkps()}.
 *
 * <p>Every method has an {@code ...Async} twin running on the {@link LitContracts}' executor; the
 * blocking method waits for it and rethrows failures unwrapped (see {@link LitContracts} for the
 * exceptions).
 */
public final class PkpContract {
  /** Key type 2 = ECDSA secp256k1, the only one the SDK mints. */
  private static final long KEY_TYPE_ECDSA = 2;

  private final ContractsRuntime rt;
  private final ChainClient chain;

  PkpContract(ContractsRuntime rt) {
    this.rt = rt;
    this.chain = rt.chain();
  }

  /**
   * Mints a PKP with one permitted auth method, as JS {@code mintWithAuth}: pays {@code
   * PKPNFT.mintCost()} to {@code PKPHelper.mintNextAndAddAuthMethods(2, [type], [id], [userPubkey],
   * [scopes], true, true)}, so the PKP's own address is permitted too and the NFT is sent to the
   * PKP itself (the minting wallet cannot change permissions afterwards). The token id is read as
   * the SDK reads it, {@code logs[0].topics[1]} of the receipt, then checked against {@code
   * keccak256(publicKey)}.
   *
   * @param authMethod the auth method (type, id such as {@code keccak256("<address>:lit")},
   *     optional WebAuthn key)
   * @param scopes at least one scope (0 no permissions, 1 sign anything, 2 personal sign)
   * @return the minted PKP
   * @throws LitValidationException for a missing auth method or empty scopes
   * @throws ContractRevertException when the mint reverts (e.g. wrong mint cost)
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#MISSING_MINT_LOG} or
   *     {@link ContractErrorCode#TOKEN_ID_MISMATCH} when the receipt does not identify the PKP
   */
  public MintedPkp mintWithAuth(PermittedAuthMethod authMethod, List<AuthMethodScope> scopes) {
    return Futures.join(mintWithAuthAsync(authMethod, scopes));
  }

  /**
   * Async twin of {@link #mintWithAuth(PermittedAuthMethod, List)}.
   *
   * @param authMethod the auth method to permit
   * @param scopes the scopes to grant it
   * @return a future of the minted PKP
   */
  public CompletableFuture<MintedPkp> mintWithAuthAsync(
      PermittedAuthMethod authMethod, List<AuthMethodScope> scopes) {
    requireNonNull(authMethod, "authMethod");
    List<BigInteger> scopeIds = scopeIds(scopes);
    if (scopeIds.isEmpty()) {
      throw new LitValidationException(
          "scopes must name at least one permission scope: 0 no permissions, 1 sign anything, 2 personal sign");
    }
    chain.requireSigner();
    return rt.async(
        () -> {
          LitContractAddresses a = rt.resolveAddresses();
          BigInteger cost = mintCostOf(a);
          TransactionReceipt receipt =
              chain.send(
                  a.pkpHelper(),
                  "PKPHelper.mintNextAndAddAuthMethods",
                  PkpHelper.mintNextAndAddAuthMethods(
                      KEY_TYPE_ECDSA,
                      List.of(BigInteger.valueOf(authMethod.authMethodType())),
                      List.of(authMethod.id()),
                      List.of(authMethod.userPubkey()),
                      List.of(scopeIds),
                      true,
                      true),
                  cost);
          return mintedPkp(a, receipt, "PKPHelper.mintNextAndAddAuthMethods");
        });
  }

  /**
   * {@link #mintWithAuth(PermittedAuthMethod, List)} for an auth method as sent to nodes, its id
   * computed as the SDK's {@code getAuthIdByAuthMethod} does ({@link
   * PermittedAuthMethod#from(AuthMethod)}).
   *
   * @param authMethod the auth method as sent to nodes
   * @param scopes the scopes to grant it
   * @return the minted PKP
   * @throws LitValidationException for an empty access token or empty scopes
   * @throws io.lit4j.auth.methods.UnsupportedAuthMethodException for a type without an id rule
   */
  public MintedPkp mintWithAuth(AuthMethod authMethod, List<AuthMethodScope> scopes) {
    return Futures.join(mintWithAuthAsync(authMethod, scopes));
  }

  /**
   * Async twin of {@link #mintWithAuth(AuthMethod, List)}.
   *
   * @param authMethod the auth method as sent to nodes
   * @param scopes the scopes to grant it
   * @return a future of the minted PKP
   */
  public CompletableFuture<MintedPkp> mintWithAuthAsync(
      AuthMethod authMethod, List<AuthMethodScope> scopes) {
    return mintWithAuthAsync(PermittedAuthMethod.from(authMethod), scopes);
  }

  /**
   * {@link #mintWithAuth(AuthMethod, List)} with the scopes listed: {@code mintWithAuth(authMethod,
   * AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN)}.
   *
   * @param authMethod the auth method as sent to nodes
   * @param scopes the scopes to grant it, at least one
   * @return the minted PKP
   * @throws LitValidationException for an empty access token, no scopes or a null scope
   */
  public MintedPkp mintWithAuth(AuthMethod authMethod, AuthMethodScope... scopes) {
    return Futures.join(mintWithAuthAsync(authMethod, scopes));
  }

  /**
   * Async twin of {@link #mintWithAuth(AuthMethod, AuthMethodScope...)}.
   *
   * @param authMethod the auth method as sent to nodes
   * @param scopes the scopes to grant it, at least one
   * @return a future of the minted PKP
   * @throws LitValidationException for no scopes or a null scope
   */
  public CompletableFuture<MintedPkp> mintWithAuthAsync(
      AuthMethod authMethod, AuthMethodScope... scopes) {
    return mintWithAuthAsync(authMethod, scopeList(scopes));
  }

  private static List<AuthMethodScope> scopeList(AuthMethodScope... scopes) {
    if (scopes == null) throw new LitValidationException("scopes are missing");
    for (AuthMethodScope s : scopes) {
      if (s == null) throw new LitValidationException("scopes holds a null");
    }
    return List.of(scopes);
  }

  /**
   * As {@link #mintWithAuth(AuthMethod, List)} with the WebAuthn user public key (JS {@code
   * pubkey}).
   *
   * @param authMethod the auth method as sent to nodes
   * @param scopes the scopes to grant it
   * @param webAuthnPubkey the WebAuthn user public key
   * @return the minted PKP
   */
  public MintedPkp mintWithAuth(
      AuthMethod authMethod, List<AuthMethodScope> scopes, byte[] webAuthnPubkey) {
    return Futures.join(mintWithAuthAsync(authMethod, scopes, webAuthnPubkey));
  }

  /**
   * Async twin of {@link #mintWithAuth(AuthMethod, List, byte[])}.
   *
   * @param authMethod the auth method as sent to nodes
   * @param scopes the scopes to grant it
   * @param webAuthnPubkey the WebAuthn user public key
   * @return a future of the minted PKP
   */
  public CompletableFuture<MintedPkp> mintWithAuthAsync(
      AuthMethod authMethod, List<AuthMethodScope> scopes, byte[] webAuthnPubkey) {
    return mintWithAuthAsync(PermittedAuthMethod.from(authMethod, webAuthnPubkey), scopes);
  }

  /**
   * Mints a bare PKP owned by the signer, as JS {@code pkpNftContractUtils.write.mint()}: pays
   * {@code mintCost()} to {@code PKPNFT.mintNext(2)}; token id from {@code logs[0].topics[1]}.
   *
   * @return the minted PKP
   * @throws ContractRevertException when the mint reverts
   */
  public MintedPkp mintNext() {
    return Futures.join(mintNextAsync());
  }

  /**
   * Async twin of {@link #mintNext()}.
   *
   * @return a future of the minted PKP
   */
  public CompletableFuture<MintedPkp> mintNextAsync() {
    chain.requireSigner();
    return rt.async(
        () -> {
          LitContractAddresses a = rt.resolveAddresses();
          return mintNextPaying(a, mintCostOf(a));
        });
  }

  /**
   * Like {@link #mintNext()} but pays exactly {@code valueWei} instead of reading {@code
   * mintCost()} first (JS: {@code pkpNftContract.write.mintNext(2, {value})}). The contract
   * requires {@code msg.value == mintCost()}, so any other value reverts.
   *
   * @param valueWei the value to pay, in wei
   * @return the minted PKP
   * @throws ContractRevertException when the value is not the mint cost
   */
  public MintedPkp mintNextWithValue(BigInteger valueWei) {
    return Futures.join(mintNextWithValueAsync(valueWei));
  }

  /**
   * Async twin of {@link #mintNextWithValue(BigInteger)}.
   *
   * @param valueWei the value to pay, in wei
   * @return a future of the minted PKP
   */
  public CompletableFuture<MintedPkp> mintNextWithValueAsync(BigInteger valueWei) {
    if (valueWei == null || valueWei.signum() < 0)
      throw new LitValidationException("valueWei must be >= 0");
    chain.requireSigner();
    return rt.async(() -> mintNextPaying(rt.resolveAddresses(), valueWei));
  }

  private MintedPkp mintNextPaying(LitContractAddresses a, BigInteger value) {
    TransactionReceipt receipt =
        chain.send(a.pkpNft(), "PKPNFT.mintNext", PkpNft.mintNext(KEY_TYPE_ECDSA), value);
    return mintedPkp(a, receipt, "PKPNFT.mintNext");
  }

  /** {@return the price of one PKP in wei ({@code PKPNFT.mintCost()})} */
  public BigInteger mintCost() {
    return Futures.join(mintCostAsync());
  }

  /**
   * Async twin of {@link #mintCost()}.
   *
   * @return a future of the mint cost in wei
   */
  public CompletableFuture<BigInteger> mintCostAsync() {
    return rt.async(() -> mintCostOf(rt.resolveAddresses()));
  }

  private BigInteger mintCostOf(LitContractAddresses a) {
    return uint(chain.call(a.pkpNft(), "PKPNFT.mintCost", PkpNft.mintCost()).get(0));
  }

  private MintedPkp mintedPkp(LitContractAddresses a, TransactionReceipt receipt, String label) {
    String txHash = receipt.getTransactionHash();
    BigInteger tokenId =
        tokenIdFromFirstLog(receipt, 1, label, "has no token id topic (topics[1])");
    byte[] pubkey =
        bytes(chain.call(a.pkpNft(), "PKPNFT.getPubkey", PkpNft.getPubkey(tokenId)).get(0));
    if (pubkey.length != 65 || !new BigInteger(1, Hash.sha3(pubkey)).equals(tokenId)) {
      throw LitException.builder()
          .message(
              label
                  + " transaction "
                  + txHash
                  + ": logs[0].topics[1] = 0x"
                  + tokenId.toString(16)
                  + " is not the token id of the minted key (PKPNFT.getPubkey returned "
                  + pubkey.length
                  + " bytes); the contracts emit their logs in an order the SDK does not expect")
          .errorCode(ContractErrorCode.TOKEN_ID_MISMATCH.name())
          .details(Map.of("transactionHash", txHash))
          .buildContract();
    }
    Secp256k1PublicKey key = Secp256k1PublicKey.fromBytes(pubkey);
    return new MintedPkp(tokenId, key, key.ethAddress(), transaction(receipt));
  }

  /**
   * {@return the 65-byte public key of a PKP ({@code PKPNFT.getPubkey})}
   *
   * @param tokenId the PKP token id
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} when
   *     no such PKP exists
   */
  public byte[] getPubkey(BigInteger tokenId) {
    return Futures.join(getPubkeyAsync(tokenId));
  }

  /**
   * Async twin of {@link #getPubkey(BigInteger)}.
   *
   * @param tokenId the PKP token id
   * @return a future of the 65-byte public key
   */
  public CompletableFuture<byte[]> getPubkeyAsync(BigInteger tokenId) {
    checkTokenId(tokenId);
    return rt.async(() -> rt.requireKnownToken(rt.resolveAddresses(), tokenId));
  }

  /**
   * Token ids of the PKPs {@code owner} holds: {@code balanceOf}, then {@code
   * tokenOfOwnerByIndex(owner, 0 … n-1)} (the SDK loops until a revert; same result).
   *
   * @param owner the owner's address
   * @return the token ids, in index order
   */
  public List<BigInteger> getTokensByAddress(String owner) {
    return Futures.join(getTokensByAddressAsync(owner));
  }

  /**
   * Async twin of {@link #getTokensByAddress(String)}.
   *
   * @param owner the owner's address
   * @return a future of the token ids
   */
  public CompletableFuture<List<BigInteger>> getTokensByAddressAsync(String owner) {
    checkAddress("owner", owner);
    return rt.async(
        () -> {
          LitContractAddresses a = rt.resolveAddresses();
          BigInteger count =
              uint(chain.call(a.pkpNft(), "PKPNFT.balanceOf", PkpNft.balanceOf(owner)).get(0));
          List<BigInteger> out = new ArrayList<>();
          for (long i = 0; i < toLong(count, "PKPNFT.balanceOf"); i++) {
            out.add(
                uint(
                    chain
                        .call(
                            a.pkpNft(),
                            "PKPNFT.tokenOfOwnerByIndex",
                            PkpNft.tokenOfOwnerByIndex(owner, i))
                        .get(0)));
          }
          return List.copyOf(out);
        });
  }

  /**
   * The raw {@code PKPHelper.mintNextAndAddAuthMethods(keyType, types, ids, pubkeys, scopes,
   * addPkpEthAddressAsPermittedAddress, sendPkpToItself)} call, ABI-encoded, for code that sends
   * its own transactions (a relay minting for its users). {@link #mintWithAuth(PermittedAuthMethod,
   * List)} is this call with one auth method, key type 2 and both flags true.
   *
   * @param keyType the key type, 2 for ECDSA
   * @param authMethodTypes the auth method types to permit
   * @param authMethodIds their ids, in the same order
   * @param authMethodPubkeys their user public keys (empty for none), in the same order
   * @param authMethodScopes their scope ids, in the same order
   * @param addPkpEthAddressAsPermittedAddress whether to permit the PKP's own address
   * @param sendPkpToItself whether the PKP NFT goes to the PKP's own address
   * @return the web3j function to send, paying {@link #mintCost()}
   * @throws LitValidationException when a list is missing or the lists differ in length
   */
  public static org.web3j.abi.datatypes.Function mintNextAndAddAuthMethodsCall(
      long keyType,
      List<BigInteger> authMethodTypes,
      List<byte[]> authMethodIds,
      List<byte[]> authMethodPubkeys,
      List<List<BigInteger>> authMethodScopes,
      boolean addPkpEthAddressAsPermittedAddress,
      boolean sendPkpToItself) {
    requireNonNull(authMethodTypes, "authMethodTypes");
    requireNonNull(authMethodIds, "authMethodIds");
    requireNonNull(authMethodPubkeys, "authMethodPubkeys");
    requireNonNull(authMethodScopes, "authMethodScopes");
    int n = authMethodTypes.size();
    if (authMethodIds.size() != n
        || authMethodPubkeys.size() != n
        || authMethodScopes.size() != n) {
      throw new LitValidationException(
          "authMethodTypes, authMethodIds, authMethodPubkeys and authMethodScopes must have the same length");
    }
    return PkpHelper.mintNextAndAddAuthMethods(
        keyType,
        authMethodTypes,
        authMethodIds,
        authMethodPubkeys,
        authMethodScopes,
        addPkpEthAddressAsPermittedAddress,
        sendPkpToItself);
  }
}
