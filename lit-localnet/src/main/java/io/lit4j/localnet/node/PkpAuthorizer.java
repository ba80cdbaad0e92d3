package io.lit4j.localnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.ipfs.IpfsCid;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.localnet.auth.AuthMethodRejection;
import io.lit4j.localnet.auth.AuthMethodVerifiers;
import io.lit4j.localnet.auth.VerifiedIdentity;
import io.lit4j.localnet.auth.WebAuthnChain;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.crypto.Keys;

/** Auth method verification (§3.2) and PKP authorization {@code check_pkp_auth} (§3.3). */
final class PkpAuthorizer {
  static final int SCOPE_SIGN_ANYTHING = 1;
  static final int SCOPE_PERSONAL_SIGN = 2;

  /** The text a v4 node wraps every auth method verification failure in. */
  static final String FAILED_TO_VERIFY = "Failed to verify auth method";

  /** A verified auth method: type, user id, app id and its on-chain id. */
  record VerifiedAuthMethod(int type, String userId, String appId, byte[] id) {}

  private final ChainReader chain;
  private final AuthValidator auth;
  private final AuthMethodVerifiers providers;

  PkpAuthorizer(ChainReader chain, AuthValidator auth, AuthMethodVerifiers providers) {
    this.chain = chain;
    this.auth = auth;
    this.providers = providers;
  }

  List<VerifiedAuthMethod> verify(JsonNode authMethods) {
    List<VerifiedAuthMethod> out = new ArrayList<>();
    if (authMethods == null || authMethods.isNull()) return out;
    if (!authMethods.isArray())
      throw NodeError.of(
          NodeErrorCode.NodeBadInput, "authMethods: invalid type, expected a sequence");
    for (JsonNode m : authMethods) out.add(verifyOne(m));
    return out;
  }

  VerifiedAuthMethod verifyOne(JsonNode m) {
    if (m == null
        || !m.path("authMethodType").canConvertToInt()
        || !m.path("accessToken").isTextual()) {
      throw NodeError.of(
          NodeErrorCode.NodeBadInput,
          "an auth method needs authMethodType (number) and accessToken (string)");
    }
    int type = m.get("authMethodType").asInt();
    String token = m.get("accessToken").textValue();
    if (type != 1) {
      VerifiedIdentity v;
      try {
        v =
            type == 3
                ? providers.verifyWebAuthn(token, webAuthnChain())
                : providers.verify(type, token);
      } catch (AuthMethodRejection r) {
        throw rejected(r);
      }
      return new VerifiedAuthMethod(
          type, v.userId(), v.appId(), EthHash.keccak256Utf8(v.userId() + ":" + v.appId()));
    }
    AuthSig sig;
    try {
      sig = AuthSig.fromJson(token);
    } catch (LitException e) {
      throw NodeError.of(
          NodeErrorCode.NodeWalletSignatureJSONError,
          "The EthWallet access token is not a JSON auth sig: " + e.getMessage());
    }
    auth.validateWalletSig(sig, true);
    String userId = sig.address();
    return new VerifiedAuthMethod(1, userId, "lit", EthHash.keccak256Utf8(userId + ":lit"));
  }

  /**
   * The chain reads of the WebAuthn check: the last 10 blocks (§ webauthn.rs) and PKPPermissions'
   * stored keys.
   */
  private WebAuthnChain webAuthnChain() {
    return new WebAuthnChain() {
      @Override
      public boolean isRecentBlockhash(String blockhash) {
        Optional<ChainReader.Block> b = chain.blockByHash(blockhash);
        return b.isPresent()
            && b.get().number().compareTo(chain.latestBlock().number().subtract(BigInteger.TEN))
                > 0;
      }

      @Override
      public byte[] credentialPublicKey(byte[] authMethodId) {
        return chain.userPubkeyForAuthMethod(BigInteger.valueOf(3), authMethodId);
      }
    };
  }

  /**
   * A verifier's refusal as the node reports it: wrapped in "Failed to verify auth method" (§3.1).
   */
  static NodeError rejected(AuthMethodRejection r) {
    List<String> details = new ArrayList<>(r.details());
    details.add(FAILED_TO_VERIFY);
    String[] d = details.toArray(String[]::new);
    return r.code()
        .map(c -> NodeError.of(NodeErrorCode.valueOf(c), d))
        .orElseGet(() -> NodeError.uncoded(r.kind(), d));
  }

  /**
   * Grants or refuses a PKP operation needing {@code scope}.
   *
   * @param userAddress the auth sig's user address, if any
   * @param userAddressError why there is none (raised if no other rule grants), or null
   */
  void check(
      byte[] pubkey,
      int scope,
      List<VerifiedAuthMethod> methods,
      List<String> actionCids,
      Optional<String> userAddress,
      NodeError userAddressError) {
    BigInteger tokenId = ChainReader.tokenIdOf(pubkey);
    List<ChainReader.PermittedMethod> permitted;
    try {
      permitted = chain.permittedAuthMethods(tokenId);
    } catch (ChainReader.Reverted e) {
      throw NodeError.of(
          NodeErrorCode.NodeUnknownError,
          "Error getting permitted auth methods: " + e.getMessage());
    }
    String owner;
    try {
      owner = chain.pkpOwner(tokenId);
    } catch (ChainReader.Reverted e) {
      throw NodeError.of(
          NodeErrorCode.NodeContractResolverConversionFailed,
          "Error getting owner of PKP",
          e.getMessage());
    }
    for (VerifiedAuthMethod m : methods) {
      if (grants(tokenId, permitted, BigInteger.valueOf(m.type()), m.id(), scope)) return;
    }
    for (String cid : actionCids) {
      byte[] cidBytes;
      try {
        cidBytes = IpfsCid.toBytes(cid);
      } catch (LitException e) {
        continue;
      }
      if (grants(tokenId, permitted, BigInteger.TWO, cidBytes, scope)) return;
    }
    if (userAddress.isPresent()) {
      String user = userAddress.get();
      if (user.equalsIgnoreCase(owner)) return; // root access, no scope check
      if (user.matches("(0x)?[0-9a-fA-F]{40}")) {
        String lower = "0x" + Hex.strip0x(user).toLowerCase(Locale.ROOT);
        List<byte[]> ids =
            List.of(
                Hex.decode(lower, "address"),
                EthHash.keccak256Utf8(lower + ":lit"),
                EthHash.keccak256Utf8(Keys.toChecksumAddress(lower) + ":lit"));
        for (byte[] id : ids) {
          if (grants(tokenId, permitted, BigInteger.ONE, id, scope)) return;
        }
      }
    } else if (userAddressError != null) {
      throw userAddressError;
    }
    throw NodeError.of(
        NodeErrorCode.NodeAuthSigScopeTooLimited,
        "None of the AuthMethods, AuthSig or Lit Actions meet the required scope [" + scope + "]");
  }

  private boolean grants(
      BigInteger tokenId,
      List<ChainReader.PermittedMethod> permitted,
      BigInteger type,
      byte[] id,
      int scope) {
    boolean listed =
        permitted.stream().anyMatch(p -> p.type().equals(type) && Arrays.equals(p.id(), id));
    if (!listed) return false;
    List<Boolean> scopes = chain.permittedScopes(tokenId, type, id, 32);
    boolean has = scope < scopes.size() && scopes.get(scope);
    if (!has && scope == SCOPE_PERSONAL_SIGN)
      has = scopes.size() > 1 && scopes.get(SCOPE_SIGN_ANYTHING);
    return has;
  }
}
