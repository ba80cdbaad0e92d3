package io.lit4j.auth.capacity;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.resources.LitRLIResource;
import io.lit4j.auth.signer.EthSigner;
import io.lit4j.auth.siwe.IsoTime;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A capacity delegation: the owner of a capacity credit NFT lets delegatees use it ({@code
 * createCapacityDelegationAuthSig}, JS SDK 4.2.0). The SIWE has {@code uri
 * lit:capability:delegation}, an empty statement (so the statement line starts with a space), and a
 * ReCap granting {@code Auth/Auth} on {@code lit-ratelimitincrease://<id|*>} with nota bene {@code
 * {delegate_to?, nft_id?, uses}}.
 *
 * @param litResource the capacity resource
 * @param capacityDelegationAuthSig {@code {sig:<130 hex, no 0x>,
 *     derivedVia:"web3.eth.personal.sign", signedMessage, address:<40 hex lowercase, no 0x>,
 *     algo:null}}
 */
public record CapacityDelegation(LitRLIResource litResource, AuthSig capacityDelegationAuthSig) {
  /** The SIWE URI of capacity delegations ({@code SIWE_DELEGATION_URI}). */
  public static final String DELEGATION_URI =
      io.lit4j.core.constants.LitConstants.SIWE_DELEGATION_URI;

  /**
   * @param litResource the capacity resource
   * @param capacityDelegationAuthSig {@code {sig:<130 hex, no 0x>,
   *     derivedVia:"web3.eth.personal.sign", signedMessage, address:<40 hex lowercase, no 0x>,
   *     algo:null}}
   * @throws io.lit4j.core.errors.LitValidationException when a part is null
   */
  public CapacityDelegation {
    Args.required(litResource, "litResource");
    Args.required(capacityDelegationAuthSig, "capacityDelegationAuthSig");
  }

  /**
   * The delegation SIWE, unsigned. The owner's address may be in any case; the SIWE carries its
   * EIP-55 spelling, as 4.2.0 does with {@code ethers.utils.getAddress}.
   *
   * @param ownerAddress the capacity credit owner's address
   * @param request what to delegate, to whom, and for how long
   * @param clock gives the issue time
   * @return the delegation SIWE, unsigned
   * @throws LitValidationException when a part or the nonce is missing or the address is not 20
   *     bytes of hex
   */
  public static SiweMessage siweMessage(
      String ownerAddress, CapacityDelegationRequest request, Clock clock) {
    Args.required(ownerAddress, "ownerAddress");
    Args.required(request, "request");
    Args.required(clock, "clock");
    Instant now = clock.instant();
    LitRLIResource resource =
        new LitRLIResource(request.capacityTokenId().orElse(LitRLIResource.WILDCARD));
    Map<String, Object> nb = new LinkedHashMap<>();
    request.capacityTokenId().ifPresent(id -> nb.put("nft_id", List.of(id)));
    // absent and empty differ: 4.2.0 writes any array it is given, [] included
    request
        .delegateeAddresses()
        .ifPresent(
            list ->
                nb.put(
                    "delegate_to",
                    list.stream().map(a -> a.startsWith("0x") ? a.substring(2) : a).toList()));
    nb.put("uses", request.uses());
    RecapObject recap =
        RecapObject.empty()
            .withCapabilityForResource(resource, LitAbility.RATE_LIMIT_INCREASE_AUTHENTICATION, nb);
    SiweMessage base =
        SiweMessage.builder()
            .domain(request.domain())
            .address(new EthAddress(Hex.decode(ownerAddress, 20, "ownerAddress")).checksummed())
            .statement("")
            .uri(DELEGATION_URI)
            .chainId(1)
            .nonce(
                request
                    .nonce()
                    .orElseThrow(
                        () ->
                            new LitValidationException(
                                "nonce is missing: use the network's latest block hash")))
            .issuedAt(IsoTime.toIsoString(now))
            .expirationTime(request.expirationTime(now))
            .build();
    return recap.addToSiweMessage(base);
  }

  /**
   * Builds and signs the delegation with the request's signer and clock.
   *
   * @param request the owner's signer, what to delegate, to whom, for how long, and the nonce
   * @return the signed delegation
   * @throws LitValidationException when the signer or nonce is missing or a request field makes an
   *     invalid SIWE
   */
  public static CapacityDelegation create(CapacityDelegationRequest request) {
    Args.required(request, "request");
    EthSigner owner =
        request
            .signer()
            .orElseThrow(
                () ->
                    new LitValidationException(
                        "signer is missing: the capacity credit owner signs the delegation"));
    return create(owner, request, request.clock());
  }

  /**
   * Builds and signs the delegation with the owner's signer.
   *
   * @param owner the capacity credit owner's signer
   * @param request what to delegate, to whom, and for how long
   * @param clock gives the issue time
   * @return the signed delegation
   * @throws LitValidationException when the nonce is missing or a request field makes an invalid
   *     SIWE
   */
  public static CapacityDelegation create(
      EthSigner owner, CapacityDelegationRequest request, Clock clock) {
    Args.required(owner, "owner");
    Args.required(request, "request");
    Args.required(clock, "clock");
    SiweMessage siwe = siweMessage(owner.address(), request, clock);
    String text = siwe.prepareMessage();
    byte[] sig = owner.signPersonalMessage(text.getBytes(StandardCharsets.UTF_8));
    if (sig == null || sig.length != 65) {
      throw new LitValidationException("signer returned a signature that is not 65 bytes");
    }
    // 4.2.0 writes sig without 0x and the address lowercased without 0x, plus "algo": null
    AuthSig authSig =
        new AuthSig(
            Hex.encode(sig),
            AuthSig.DERIVED_VIA_WALLET,
            text,
            Hex.strip0x(owner.address()).toLowerCase(Locale.ROOT),
            AuthSig.Algo.NULL);
    return new CapacityDelegation(
        new LitRLIResource(request.capacityTokenId().orElse(LitRLIResource.WILDCARD)), authSig);
  }
}
