package io.lit4j.contracts;

import static io.lit4j.contracts.internal.AbiDecoding.authMethods;
import static io.lit4j.contracts.internal.AbiDecoding.bool;
import static io.lit4j.contracts.internal.AbiDecoding.bools;
import static io.lit4j.contracts.internal.AbiDecoding.transaction;
import static io.lit4j.contracts.internal.ContractArgs.checkAddress;
import static io.lit4j.contracts.internal.ContractArgs.checkTokenId;
import static io.lit4j.contracts.internal.ContractArgs.requireNonNull;
import static io.lit4j.contracts.internal.ContractArgs.scopeIds;

import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.contracts.internal.ChainClient;
import io.lit4j.contracts.internal.ContractFunctions.PkpPermissions;
import io.lit4j.contracts.internal.ContractsRuntime;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.ipfs.IpfsCid;
import io.lit4j.core.util.Futures;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;

/**
 * What may use a PKP, as the SDK's {@code pkpPermissionsContractUtils} drives PKPPermissions:
 * permitted auth methods, Lit Actions (by IPFS CID) and addresses, and their scopes. Get it from
 * {@link LitContracts#permissions()}. Changes must be sent by the PKP NFT's owner.
 *
 * <p>Every method has an {@code ...Async} twin running on the {@link LitContracts}' executor; the
 * blocking method waits for it and rethrows failures unwrapped (see {@link LitContracts} for the
 * exceptions).
 */
public final class PermissionsContract {

  private final ContractsRuntime rt;
  private final ChainClient chain;

  PermissionsContract(ContractsRuntime rt) {
    this.rt = rt;
    this.chain = rt.chain();
  }

  /**
   * Permits an auth method for a PKP ({@code PKPPermissions.addPermittedAuthMethod}); the signer
   * must own the PKP NFT.
   *
   * @param scopes scopes to grant (may be empty)
   * @param tokenId the PKP token id
   * @param authMethod the auth method to permit
   * @return the mined transaction
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for
   *     an unknown PKP
   * @throws ContractRevertException when the contract refuses (e.g. the signer is not the owner)
   */
  public ChainTransaction addPermittedAuthMethod(
      BigInteger tokenId, PermittedAuthMethod authMethod, List<AuthMethodScope> scopes) {
    return Futures.join(addPermittedAuthMethodAsync(tokenId, authMethod, scopes));
  }

  /**
   * Async twin of {@link #addPermittedAuthMethod(BigInteger, PermittedAuthMethod, List)}.
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method to permit
   * @param scopes the scopes to grant (may be empty)
   * @return a future of the mined transaction
   */
  public CompletableFuture<ChainTransaction> addPermittedAuthMethodAsync(
      BigInteger tokenId, PermittedAuthMethod authMethod, List<AuthMethodScope> scopes) {
    checkTokenId(tokenId);
    requireNonNull(authMethod, "authMethod");
    List<BigInteger> scopeIds = scopeIds(scopes);
    chain.requireSigner();
    return send(
        tokenId,
        "PKPPermissions.addPermittedAuthMethod",
        pubkey ->
            PkpPermissions.addPermittedAuthMethod(
                tokenId,
                authMethod.authMethodType(),
                authMethod.id(),
                authMethod.userPubkey(),
                scopeIds));
  }

  /**
   * Removes an auth method from a PKP ({@code PKPPermissions.removePermittedAuthMethod}); only type
   * and id matter. The signer must own the PKP NFT.
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method to remove
   * @return the mined transaction
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for
   *     an unknown PKP
   * @throws ContractRevertException when the contract refuses
   */
  public ChainTransaction removePermittedAuthMethod(
      BigInteger tokenId, PermittedAuthMethod authMethod) {
    return Futures.join(removePermittedAuthMethodAsync(tokenId, authMethod));
  }

  /**
   * Async twin of {@link #removePermittedAuthMethod(BigInteger, PermittedAuthMethod)}.
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method to remove
   * @return a future of the mined transaction
   */
  public CompletableFuture<ChainTransaction> removePermittedAuthMethodAsync(
      BigInteger tokenId, PermittedAuthMethod authMethod) {
    checkTokenId(tokenId);
    requireNonNull(authMethod, "authMethod");
    chain.requireSigner();
    return send(
        tokenId,
        "PKPPermissions.removePermittedAuthMethod",
        pubkey ->
            PkpPermissions.removePermittedAuthMethod(
                tokenId, authMethod.authMethodType(), authMethod.id()));
  }

  /**
   * Permits a Lit Action by its IPFS CID, as JS {@code
   * pkpPermissionsContractUtils.write.addPermittedAction}: the token id is re-derived as {@code
   * keccak256(PubkeyRouter.getPubkey(tokenId))}, the CIDv0 ({@code Qm…}) is base58-decoded to its
   * multihash bytes, and {@code addPermittedAction} is called (the SDK always grants {@code
   * [SIGN_ANYTHING]}; here the caller chooses).
   *
   * @param tokenId the PKP token id
   * @param ipfsCid the action's CIDv0, {@code Qm...}
   * @param scopes the scopes to grant (may be empty)
   * @return the mined transaction
   * @throws LitValidationException when the CID is not a base58 CIDv0 (sha2-256 multihash)
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for
   *     an unknown PKP
   * @throws ContractRevertException when the contract refuses
   */
  public ChainTransaction addPermittedAction(
      BigInteger tokenId, String ipfsCid, List<AuthMethodScope> scopes) {
    return Futures.join(addPermittedActionAsync(tokenId, ipfsCid, scopes));
  }

  /**
   * Async twin of {@link #addPermittedAction(BigInteger, String, List)}.
   *
   * @param tokenId the PKP token id
   * @param ipfsCid the action's CIDv0, {@code Qm...}
   * @param scopes the scopes to grant (may be empty)
   * @return a future of the mined transaction
   */
  public CompletableFuture<ChainTransaction> addPermittedActionAsync(
      BigInteger tokenId, String ipfsCid, List<AuthMethodScope> scopes) {
    checkTokenId(tokenId);
    byte[] multihash = IpfsCid.toBytes(ipfsCid, "ipfsCid");
    List<BigInteger> scopeIds = scopeIds(scopes);
    chain.requireSigner();
    return send(
        tokenId,
        "PKPPermissions.addPermittedAction",
        // the SDK re-derives the token id from the public key
        pubkey ->
            PkpPermissions.addPermittedAction(
                new BigInteger(1, Hash.sha3(pubkey)), multihash, scopeIds));
  }

  /**
   * Permits an Ethereum address for a PKP ({@code PKPPermissions.addPermittedAddress}; the SDK
   * always grants {@code [SIGN_ANYTHING]}). The signer must own the PKP NFT.
   *
   * @param tokenId the PKP token id
   * @param address the address to permit
   * @param scopes the scopes to grant
   * @return the mined transaction
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for
   *     an unknown PKP
   * @throws ContractRevertException when the contract refuses
   */
  public ChainTransaction addPermittedAddress(
      BigInteger tokenId, String address, List<AuthMethodScope> scopes) {
    return Futures.join(addPermittedAddressAsync(tokenId, address, scopes));
  }

  /**
   * Async twin of {@link #addPermittedAddress(BigInteger, String, List)}.
   *
   * @param tokenId the PKP token id
   * @param address the address to permit
   * @param scopes the scopes to grant
   * @return a future of the mined transaction
   */
  public CompletableFuture<ChainTransaction> addPermittedAddressAsync(
      BigInteger tokenId, String address, List<AuthMethodScope> scopes) {
    checkTokenId(tokenId);
    checkAddress("address", address);
    List<BigInteger> scopeIds = scopeIds(scopes);
    chain.requireSigner();
    return send(
        tokenId,
        "PKPPermissions.addPermittedAddress",
        pubkey -> PkpPermissions.addPermittedAddress(tokenId, address, scopeIds));
  }

  /**
   * All auth methods permitted for a PKP, in the contract's set order (including the PKP's own
   * address entry that {@link PkpContract#mintWithAuth(PermittedAuthMethod, List)} adds, type 1
   * with the 20 address bytes as id).
   *
   * @param tokenId the PKP token id
   * @return the permitted auth methods
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for
   *     an unknown PKP
   */
  public List<PermittedAuthMethod> getPermittedAuthMethods(BigInteger tokenId) {
    return Futures.join(getPermittedAuthMethodsAsync(tokenId));
  }

  /**
   * Async twin of {@link #getPermittedAuthMethods(BigInteger)}.
   *
   * @param tokenId the PKP token id
   * @return a future of the permitted auth methods
   */
  public CompletableFuture<List<PermittedAuthMethod>> getPermittedAuthMethodsAsync(
      BigInteger tokenId) {
    checkTokenId(tokenId);
    return read(
        tokenId,
        "PKPPermissions.getPermittedAuthMethods",
        PkpPermissions.getPermittedAuthMethods(tokenId),
        r -> authMethods(r.get(0)));
  }

  /**
   * Which scopes {@code 0 … maxScopeId-1} an auth method has on a PKP (SDK callers pass 3 and read
   * {@code [1]} and {@code [2]}).
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method (type and id)
   * @param maxScopeId how many scope ids to read, from 0
   * @return one flag per scope id, from 0
   * @throws LitValidationException when {@code maxScopeId} is not in 1..256
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for
   *     an unknown PKP
   */
  public List<Boolean> getPermittedAuthMethodScopes(
      BigInteger tokenId, PermittedAuthMethod authMethod, int maxScopeId) {
    return Futures.join(getPermittedAuthMethodScopesAsync(tokenId, authMethod, maxScopeId));
  }

  /**
   * Async twin of {@link #getPermittedAuthMethodScopes(BigInteger, PermittedAuthMethod, int)}.
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method (type and id)
   * @param maxScopeId how many scope ids to read, from 0
   * @return a future of one flag per scope id
   */
  public CompletableFuture<List<Boolean>> getPermittedAuthMethodScopesAsync(
      BigInteger tokenId, PermittedAuthMethod authMethod, int maxScopeId) {
    checkTokenId(tokenId);
    requireNonNull(authMethod, "authMethod");
    if (maxScopeId < 1 || maxScopeId > 256)
      throw new LitValidationException("maxScopeId must be in 1..256, got " + maxScopeId);
    return read(
        tokenId,
        "PKPPermissions.getPermittedAuthMethodScopes",
        PkpPermissions.getPermittedAuthMethodScopes(
            tokenId, authMethod.authMethodType(), authMethod.id(), maxScopeId),
        r -> bools(r.get(0)));
  }

  /**
   * {@link #getPermittedAuthMethodScopes(BigInteger, PermittedAuthMethod, int)} for an auth method
   * as sent to nodes, its type and id computed as the SDK's {@code getAuthIdByAuthMethod} does
   * ({@link PermittedAuthMethod#from(AuthMethod)}).
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method as sent to nodes
   * @param maxScopeId how many scope ids to read, from 0
   * @return one flag per scope id, from 0
   * @throws LitValidationException when {@code authMethod} is missing or {@code maxScopeId} is not
   *     in 1..256
   * @throws io.lit4j.auth.methods.UnsupportedAuthMethodException for a type without an id rule
   */
  public List<Boolean> getPermittedAuthMethodScopes(
      BigInteger tokenId, AuthMethod authMethod, int maxScopeId) {
    return Futures.join(getPermittedAuthMethodScopesAsync(tokenId, authMethod, maxScopeId));
  }

  /**
   * Async twin of {@link #getPermittedAuthMethodScopes(BigInteger, AuthMethod, int)}.
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method as sent to nodes
   * @param maxScopeId how many scope ids to read, from 0
   * @return a future of one flag per scope id
   */
  public CompletableFuture<List<Boolean>> getPermittedAuthMethodScopesAsync(
      BigInteger tokenId, AuthMethod authMethod, int maxScopeId) {
    requireNonNull(authMethod, "authMethod");
    return getPermittedAuthMethodScopesAsync(
        tokenId, PermittedAuthMethod.from(authMethod), maxScopeId);
  }

  /**
   * {@return whether an auth method (type and id) is permitted for a PKP}
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method (type and id)
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for
   *     an unknown PKP
   */
  public boolean isPermittedAuthMethod(BigInteger tokenId, PermittedAuthMethod authMethod) {
    return Futures.join(isPermittedAuthMethodAsync(tokenId, authMethod));
  }

  /**
   * Async twin of {@link #isPermittedAuthMethod(BigInteger, PermittedAuthMethod)}.
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method (type and id)
   * @return a future of whether it is permitted
   */
  public CompletableFuture<Boolean> isPermittedAuthMethodAsync(
      BigInteger tokenId, PermittedAuthMethod authMethod) {
    checkTokenId(tokenId);
    requireNonNull(authMethod, "authMethod");
    return read(
        tokenId,
        "PKPPermissions.isPermittedAuthMethod",
        PkpPermissions.isPermittedAuthMethod(tokenId, authMethod.authMethodType(), authMethod.id()),
        r -> bool(r));
  }

  /**
   * {@return whether a Lit Action (CIDv0) is permitted for a PKP}
   *
   * @param tokenId the PKP token id
   * @param ipfsCid the action's CIDv0, {@code Qm...}
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for
   *     an unknown PKP
   */
  public boolean isPermittedAction(BigInteger tokenId, String ipfsCid) {
    return Futures.join(isPermittedActionAsync(tokenId, ipfsCid));
  }

  /**
   * Async twin of {@link #isPermittedAction(BigInteger, String)}.
   *
   * @param tokenId the PKP token id
   * @param ipfsCid the action's CIDv0, {@code Qm...}
   * @return a future of whether it is permitted
   */
  public CompletableFuture<Boolean> isPermittedActionAsync(BigInteger tokenId, String ipfsCid) {
    checkTokenId(tokenId);
    byte[] multihash = IpfsCid.toBytes(ipfsCid, "ipfsCid");
    return read(
        tokenId,
        "PKPPermissions.isPermittedAction",
        PkpPermissions.isPermittedAction(tokenId, multihash),
        r -> bool(r));
  }

  /**
   * {@return whether an address is permitted for a PKP (a type-1 entry, or the NFT owner)}
   *
   * @param tokenId the PKP token id
   * @param address the address to check
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for
   *     an unknown PKP
   */
  public boolean isPermittedAddress(BigInteger tokenId, String address) {
    return Futures.join(isPermittedAddressAsync(tokenId, address));
  }

  /**
   * Async twin of {@link #isPermittedAddress(BigInteger, String)}.
   *
   * @param tokenId the PKP token id
   * @param address the address to check
   * @return a future of whether it is permitted
   */
  public CompletableFuture<Boolean> isPermittedAddressAsync(BigInteger tokenId, String address) {
    checkTokenId(tokenId);
    checkAddress("address", address);
    return read(
        tokenId,
        "PKPPermissions.isPermittedAddress",
        PkpPermissions.isPermittedAddress(tokenId, address),
        r -> bool(r));
  }

  /** Sends a PKPPermissions transaction about a PKP that must exist; the call gets its key. */
  private CompletableFuture<ChainTransaction> send(
      BigInteger tokenId, String label, java.util.function.Function<byte[], Function> call) {
    return rt.async(
        () -> {
          LitContractAddresses a = rt.resolveAddresses();
          byte[] pubkey = rt.requireKnownToken(a, tokenId);
          return transaction(
              chain.send(a.pkpPermissions(), label, call.apply(pubkey), BigInteger.ZERO));
        });
  }

  /** Reads PKPPermissions about a PKP that must exist. */
  @SuppressWarnings("rawtypes")
  private <T> CompletableFuture<T> read(
      BigInteger tokenId,
      String label,
      Function call,
      java.util.function.Function<List<Type>, T> decode) {
    return rt.async(
        () -> {
          LitContractAddresses a = rt.resolveAddresses();
          rt.requireKnownToken(a, tokenId);
          return decode.apply(chain.call(a.pkpPermissions(), label, call));
        });
  }
}
