package io.lit4j.examples.docs;

import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.auth.capacity.CapacityDelegation;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.contracts.CapacityCreditsRequest;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedCapacityCredits;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.contracts.PermittedAuthMethod;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.StakingValidatorSource;
import java.util.List;
import org.web3j.crypto.Credentials;

/**
 * Capacity credits as habanero and manzano require them, on a local network started with
 * rate limiting on: the app owner mints credits and delegates a use to a user, whose session
 * sigs carry the delegation. {@link CapacityCreditsSampleTest} runs it.
 */
public final class CapacityCreditsSample {
  private CapacityCreditsSample() {}

  /** The credits minted and the signature made with them. */
  public record Result(MintedCapacityCredits credits, EcdsaSignature signature, Secp256k1PublicKey pkp) {}

  /** Runs against a network whose nodes require capacity credits ({@code rateLimiting(true)}). */
  public static Result run(LocalLitNetwork net) {
    Credentials appOwner = net.devAccount(1);
    Credentials user = net.devAccount(2);
    try (LitContracts ownerContracts = LitContracts.builder()
            .rpcUrl(net.rpcUrl()).addresses(net.contracts()).signer(appOwner).build();
        LitContracts userContracts = LitContracts.builder()
            .rpcUrl(net.rpcUrl()).addresses(net.contracts()).signer(user).build();
        LitNodeClient client = LitNodeClient.create(LitNodeClientConfig.builder()
            .validatorSource(new StakingValidatorSource(ownerContracts)).build())) {
      client.connect();

      // docs:start credits
      // the app owner buys capacity: 10 requests per kilosecond until UTC midnight in 2 days
      MintedCapacityCredits credits = ownerContracts.capacityCredits().mint(CapacityCreditsRequest.perKilosecond(10, 2));

      // ... and lets the user spend it: one use, this token only, this user only
      CapacityDelegation delegation = client.createCapacityDelegationAuthSig(r -> r
          .signer(new Web3jEthSigner(appOwner))
          .capacityTokenId(credits.capacityTokenId())
          .delegatee(EthAddress.fromHex(user.getAddress()))
          .uses(1));

      // the user's session sigs carry the delegation in front of the wallet sig
      SessionSigs sessionSigs = client.getSessionSigs(r -> r
          .wallet(new Web3jEthSigner(user)).resourceAbility(LitAbility.PKP_SIGNING)
          .capacityDelegationAuthSig(delegation.capacityDelegationAuthSig()));
      // docs:end credits

      // a PKP the user's wallet may sign with (EthWallet auth method id keccak256("<address>:lit"))
      MintedPkp pkp = userContracts.pkps().mintWithAuth(
          PermittedAuthMethod.of(AuthMethodType.ETH_WALLET, EthHash.keccak256Utf8(user.getAddress() + ":lit")),
          List.of(AuthMethodScope.SIGN_ANYTHING));
      Secp256k1PublicKey key = pkp.publicKey();
      EcdsaSignature sig = client.pkpSign(r -> r.toSign(EthHash.keccak256Utf8("with credits")).pkpPublicKey(key).auth(sessionSigs));
      return new Result(credits, sig, key);
    }
  }
}
