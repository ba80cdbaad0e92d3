package io.lit4j.vectors.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.capacity.CapacityDelegation;
import io.lit4j.auth.capacity.CapacityDelegationRequest;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.methods.AuthMethodIds;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.contracts.CapacityCreditsRequest;
import io.lit4j.contracts.PermittedAuthMethod;
import io.lit4j.contracts.internal.CapacityMath;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.ConditionKind;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.network.NodeUrls;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.hd.HdKeyDeriver;
import io.lit4j.crypto.hd.HdKeys;
import io.lit4j.vectors.VectorCheck;
import io.lit4j.vectors.VectorFileChecker;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** {@code client_misc_vectors.json}: the small values the specs quote, one check per value. */
public final class ClientMiscVectors implements VectorFileChecker {
  private static final Set<String> SECTIONS =
      Set.of(
          "ed25519SessionKey",
          "hdDerivationTwoRoots",
          "accessControlConditionsHash",
          "recaps",
          "pkpIdentity",
          "authMethodIds",
          "validatorIp",
          "capacityCredits");

  @Override
  public List<VectorCheck> checks(JsonNode file) {
    List<VectorCheck> checks = new ArrayList<>();
    for (Iterator<String> it = file.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals("note") && !name.equals("source") && !SECTIONS.contains(name)) {
        checks.add(
            VectorCheck.of(
                "section " + name,
                () -> {
                  throw new AssertionError(
                      "client_misc_vectors.json has a section this checker does not know: " + name);
                }));
      }
    }

    JsonNode ed = file.get("ed25519SessionKey");
    SessionKeyPair key = SessionKeyPair.fromSeed(Hex.decode(ed.get("seedHex").asText()));
    checks.add(
        VectorCheck.of(
            "ed25519 public key from seed",
            () -> assertEquals(ed.get("publicKeyHex").asText(), key.publicKeyHex())));
    checks.add(
        VectorCheck.of(
            "ed25519 tweetnacl secret key",
            () -> assertEquals(ed.get("secretKeyHex").asText(), key.secretKeyHex())));
    checks.add(
        VectorCheck.of(
            "session key uri", () -> assertEquals(ed.get("sessionKeyUri").asText(), key.uri())));
    ed.fieldNames()
        .forEachRemaining(
            f -> {
              if (!Set.of("seedHex", "publicKeyHex", "secretKeyHex", "sessionKeyUri").contains(f)) {
                checks.add(
                    VectorCheck.of(
                        "ed25519SessionKey." + f,
                        () -> {
                          throw new AssertionError("unchecked field ed25519SessionKey." + f);
                        }));
              }
            });

    JsonNode hd = file.get("hdDerivationTwoRoots");
    checks.add(
        VectorCheck.of(
            "hd key id = keccak256(preimage)",
            () ->
                assertEquals(
                    hd.get("keyIdHex").asText(), HdKeys.computeHDKeyId("0xabc", "lit").hex())));
    checks.add(
        VectorCheck.of(
            "hd dst is the v4 K256 dst",
            () -> assertEquals(hd.get("dst").asText(), HdKeyDeriver.V4_K256_DST)));
    checks.add(
        VectorCheck.of(
            "hd roots are G and 2G",
            () -> {
              assertEquals(
                  hd.get("rootsCompressedHex").get(0).asText(),
                  Secp256k1PublicKey.fromHex(hd.get("rootsCompressedHex").get(0).asText())
                      .compressedHex());
              assertEquals("[1*G, 2*G]", hd.get("rootsDescription").asText());
            }));
    checks.add(
        VectorCheck.of(
            "hd derived public key from [G, 2G]",
            () -> {
              List<String> roots = new ArrayList<>();
              hd.get("rootsCompressedHex").forEach(r -> roots.add(r.asText()));
              assertEquals(
                  hd.get("expectedPublicKeyUncompressedHex").asText(),
                  HdKeys.derivePublicKey(hd.get("keyIdHex").asText(), roots).hex());
              assertEquals(hd.get("keyIdPreimageUtf8").asText(), "0xabc:lit");
            }));

    JsonNode acc = file.get("accessControlConditionsHash");
    checks.add(
        VectorCheck.of(
            "acc canonical json and hash",
            () -> {
              AccessControlConditions conditions =
                  AccessControlConditions.fromJson(
                      ConditionKind.ACCESS_CONTROL_CONDITIONS, acc.get("conditions"));
              assertEquals(acc.get("canonicalJson").asText(), conditions.canonicalJson());
              assertEquals(hashField(acc), conditions.hashHex());
            }));

    JsonNode recaps = file.get("recaps");
    checks.add(
        VectorCheck.of(
            "empty recap",
            () -> {
              RecapObject empty = RecapObject.empty();
              assertEquals(recaps.get("emptyRecapUrn").asText(), empty.encode());
              assertEquals(recaps.get("emptyRecapJson").asText(), empty.toCanonicalJson());
              assertEquals(recaps.get("emptyRecapStatement").asText(), empty.statement());
            }));
    JsonNode wild = recaps.get("litActionAndPkpWildcard");
    checks.add(
        VectorCheck.of(
            "lit action + pkp wildcard recap",
            () -> {
              RecapObject recap =
                  RecapObject.empty()
                      .withCapabilityForResource(
                          LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
                      .withCapabilityForResource(LitPKPResource.ALL, LitAbility.PKP_SIGNING);
              assertEquals(wild.get("urn").asText(), recap.encode());
              assertEquals(wild.get("json").asText(), recap.toCanonicalJson());
              SiweMessage siwe =
                  SiweMessage.builder()
                      .domain("localhost")
                      .address("0x0000000000000000000000000000000000000001")
                      .statement(wild.get("userStatement").asText())
                      .uri("lit:session:00")
                      .version("1")
                      .chainId(1)
                      .nonce("12345678")
                      .issuedAt("2024-01-01T00:00:00.000Z")
                      .build();
              assertEquals(
                  wild.get("siweStatement").asText(),
                  recap.addToSiweMessage(siwe).statement().orElseThrow());
            }));
    JsonNode cap = recaps.get("capacityDelegation");
    checks.add(
        VectorCheck.of(
            "capacity delegation recap and statement",
            () -> {
              List<String> delegatees = new ArrayList<>();
              cap.get("delegateeAddresses").forEach(a -> delegatees.add(a.asText()));
              SiweMessage siwe =
                  CapacityDelegation.siweMessage(
                      "0x0000000000000000000000000000000000000001",
                      CapacityDelegationRequest.builder()
                          .capacityTokenId(cap.get("capacityTokenId").asText())
                          .delegateeAddresses(delegatees)
                          .uses(cap.get("uses").asText())
                          .nonce("12345678")
                          .build(),
                      Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));
              RecapObject recap = RecapObject.extractAndVerify(siwe);
              assertEquals(cap.get("json").asText(), recap.toCanonicalJson());
              assertEquals(cap.get("urn").asText(), recap.encode());
              assertEquals(cap.get("siweStatement").asText(), siwe.statement().orElseThrow());
            }));

    JsonNode pkp = file.get("pkpIdentity");
    Secp256k1PublicKey pub = Secp256k1PublicKey.fromHex(pkp.get("pubkey").asText());
    checks.add(
        VectorCheck.of(
            "pkp token id hex",
            () -> assertEquals(pkp.get("tokenIdHex").asText(), pub.pkpTokenIdHex())));
    checks.add(
        VectorCheck.of(
            "pkp token id decimal",
            () -> assertEquals(pkp.get("tokenIdDecimal").asText(), pub.pkpTokenId().toString())));
    checks.add(
        VectorCheck.of(
            "pkp eth address",
            () -> assertEquals(pkp.get("ethAddress").asText(), pub.ethAddress().checksummed())));
    checks.add(
        VectorCheck.of(
            "pkp/sign resource id",
            () ->
                assertEquals(
                    pkp.get("nodeResourceIdForPkpSign").asText(),
                    Hex.strip0x(pub.pkpTokenIdHex()))));

    JsonNode ids = file.get("authMethodIds");
    String address = ids.get("ethWalletAddressString").asText();
    AuthMethod wallet =
        AuthMethod.ethWallet(AuthSig.of("0x00", "web3.eth.personal.sign", "message", address));
    checks.add(
        VectorCheck.of(
            "eth wallet auth method id",
            () ->
                assertEquals(
                    ids.get("ethWalletAuthMethodId").asText(),
                    AuthMethodIds.authMethodIdHex(wallet))));
    checks.add(
        VectorCheck.of(
            "contract key of the auth method",
            () ->
                assertEquals(
                    ids.get("contractKeyForAuthMethodId").asText(),
                    "0x"
                        + Hex.encode(
                            io.lit4j.core.util.Bytes.toFixed(
                                PermittedAuthMethod.of(
                                        AuthMethodType.ETH_WALLET,
                                        AuthMethodIds.authMethodId(wallet))
                                    .contractKey(),
                                32)))));
    checks.add(
        VectorCheck.of(
            "contract key of an address permission",
            () ->
                assertEquals(
                    ids.get("contractKeyForAddressPermission").asText(),
                    "0x"
                        + Hex.encode(
                            io.lit4j.core.util.Bytes.toFixed(
                                PermittedAuthMethod.of(
                                        AuthMethodType.ETH_WALLET, Hex.decode(address))
                                    .contractKey(),
                                32)))));

    JsonNode ip = file.get("validatorIp");
    checks.add(
        VectorCheck.of(
            "uint32 ip to dotted quad",
            () ->
                assertEquals(
                    ip.get("dottedQuad").asText(), NodeUrls.intToIp(ip.get("uint32").asLong()))));
    checks.add(
        VectorCheck.of(
            "node url for port 7470",
            () ->
                assertEquals(
                    ip.get("urlForPort7470").asText(),
                    NodeUrls.fromValidator(ip.get("uint32").asLong(), 7470))));
    checks.add(
        VectorCheck.of(
            "node url for port 443",
            () ->
                assertEquals(
                    ip.get("urlForPort443").asText(),
                    NodeUrls.fromValidator(ip.get("uint32").asLong(), 443))));

    JsonNode cc = file.get("capacityCredits");
    checks.add(
        VectorCheck.of(
            "requests per day to per kilosecond",
            () ->
                assertEquals(
                    cc.get("requestsPerKilosecond").asLong(),
                    CapacityCreditsRequest.perDay(cc.get("requestsPerDay").asDouble(), 2)
                        .requestsPerKilosecond())));
    checks.add(
        VectorCheck.of(
            "capacity credit cost",
            () ->
                assertEquals(
                    new BigInteger(cc.get("costWei").asText()),
                    CapacityMath.cost(
                        cc.get("requestsPerKilosecond").asLong(),
                        1_000_000 + cc.get("secondsLeft").asLong(),
                        1_000_000,
                        BigInteger.valueOf(cc.get("pricePerRpksWei").asLong())))));
    return checks;
  }

  private static String hashField(JsonNode acc) {
    for (String f : new String[] {"hashHex", "sha256Hex", "hash"}) {
      if (acc.has(f)) return acc.get(f).asText();
    }
    throw new AssertionError("accessControlConditionsHash has no hash field: " + acc);
  }
}
