package io.lit4j.crypto.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitException;
import io.lit4j.crypto.attestation.SevSnpAttestation;
import io.lit4j.crypto.attestation.SevSnpReport;
import io.lit4j.crypto.attestation.SevSnpVerifier;
import io.lit4j.crypto.bls.BlsJwt;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.BlsSignature;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.bls.TimeCrypt;
import io.lit4j.crypto.bls.TimeCryptCiphertext;
import io.lit4j.crypto.ecdsa.EcdsaShareCombiner;
import io.lit4j.crypto.ed25519.Ed25519KeyPair;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.hd.HdKeys;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on lit-crypto's public methods (wrong-length keys and hashes, bad hex, nulls): each a
 * LitException whose message names the value, without hanging.
 */
class CryptoBadInputTest {
  private static final String PUB =
      "04b6b5447b3b8a59b45601b8bc1db22943899a65329d36a5e9db58539f41f1bf981ad4c4979989666903a9c2e7fef692becd8f8af7577d2b26e56f639eafea5635";

  static Stream<Arguments> cases() {
    String blsPk =
        io.lit4j.core.fuzz.Fuzz.vector("bls_threshold_signatures.generated.json")
            .get("publicKeyHex")
            .textValue();
    BlsPublicKey pk = BlsPublicKey.fromHex(blsPk);
    return Stream.of(
        // secp256k1 keys: wrong lengths, bad prefixes, off-curve points, bad hex
        c(
            "secp256k1 key of 64 bytes",
            () -> Secp256k1PublicKey.fromHex(PUB.substring(2), "pkpPublicKey"),
            "pkpPublicKey"),
        c(
            "secp256k1 key of 66 bytes",
            () -> Secp256k1PublicKey.fromHex(PUB + "00", "pkpPublicKey"),
            "pkpPublicKey"),
        c(
            "secp256k1 key with prefix 05",
            () -> Secp256k1PublicKey.fromHex("05" + PUB.substring(2), "pkpPublicKey"),
            "pkpPublicKey"),
        c(
            "secp256k1 key off the curve",
            () -> Secp256k1PublicKey.fromHex(PUB.substring(0, 128) + "00", "pkpPublicKey"),
            "pkpPublicKey"),
        c(
            "secp256k1 key of zero bytes",
            () -> Secp256k1PublicKey.fromHex("", "pkpPublicKey"),
            "pkpPublicKey"),
        c(
            "secp256k1 key null",
            () -> Secp256k1PublicKey.fromHex(null, "pkpPublicKey"),
            "pkpPublicKey"),
        c(
            "secp256k1 key bad hex",
            () -> Secp256k1PublicKey.fromHex("0x04zz", "pkpPublicKey"),
            "pkpPublicKey"),
        c("secp256k1 bytes null", () -> Secp256k1PublicKey.fromBytes(null), "key"),
        // addresses
        c("address of 19 bytes", () -> EthAddress.fromHex("0x" + "ab".repeat(19)), "address"),
        c("address of 21 bytes", () -> EthAddress.fromHex("0x" + "ab".repeat(21)), "address"),
        c("address null", () -> EthAddress.fromHex(null), "address"),
        // BLS
        c("BLS key of 47 bytes", () -> BlsPublicKey.fromHex(blsPk.substring(2)), "BLS public key"),
        c("BLS key of 49 bytes", () -> BlsPublicKey.fromHex(blsPk + "00"), "BLS public key"),
        c("BLS key null bytes", () -> BlsPublicKey.fromBytes(null), "BLS public key"),
        c(
            "BLS key uncompressed flag",
            () -> BlsPublicKey.fromHex("1" + blsPk.substring(1)),
            "BLS public key"),
        c(
            "BLS signature of 95 bytes",
            () -> BlsSignature.fromHex("a".repeat(190)),
            "BLS signature"),
        c("BLS signature bad hex", () -> BlsSignature.fromHex("x".repeat(192)), "BLS signature"),
        c("BLS signature null", () -> BlsSignature.fromHex(null), "BLS signature"),
        c("BLS share empty JSON", () -> BlsSignatureShare.fromJson(""), "BLS signature share"),
        c(
            "BLS share wrong variant",
            () -> BlsSignatureShare.fromJson("{\"Basic\":\"00\"}"),
            "BLS signature share"),
        c(
            "BLS share null node",
            () -> BlsSignatureShare.fromJson((com.fasterxml.jackson.databind.JsonNode) null),
            "BLS signature share"),
        c(
            "BLS share identifier only",
            () -> BlsSignatureShare.fromHex("01"),
            "BLS signature share"),
        c("JWT with two parts", () -> BlsJwt.verify("a.b", pk), "JWT"),
        c("JWT null", () -> BlsJwt.verify(null, pk), "JWT"),
        c("JWT without key", () -> BlsJwt.verify("a.b.c", null), "public key"),
        c("JWT signature not base64url", () -> BlsJwt.verify("a.b.!!!", pk), "signature"),
        // TimeCrypt
        c("ciphertext null", () -> TimeCryptCiphertext.parse(null), "ciphertext"),
        c("ciphertext of 10 bytes", () -> TimeCryptCiphertext.parse(new byte[10]), "ciphertext"),
        c("ciphertext not base64", () -> TimeCryptCiphertext.fromBase64("***"), "ciphertext"),
        c("ciphertext base64 null", () -> TimeCryptCiphertext.fromBase64(null), "ciphertext"),
        c("decrypt without signature", () -> TimeCrypt.decrypt(new byte[200], null), "ciphertext"),
        c("encrypt without key", () -> TimeCrypt.encrypt(null, new byte[1], new byte[1]), "key"),
        c("encrypt without message", () -> TimeCrypt.encrypt(pk, null, new byte[1]), "message"),
        c("encrypt without identity", () -> TimeCrypt.encrypt(pk, new byte[1], null), "identity"),
        c(
            "encrypt with 31 random bytes",
            () -> TimeCrypt.encrypt(pk, new byte[1], new byte[1], new byte[31]),
            "32"),
        c(
            "identity without conditions hash",
            () -> TimeCrypt.accessControlIdentity("", "ab"),
            "conditions hash"),
        c(
            "identity without data hash",
            () -> TimeCrypt.accessControlIdentity("ab", null),
            "dataToEncryptHash"),
        // ECDSA combining
        c("combine null shares", () -> EcdsaShareCombiner.combine(null, 2), "shares"),
        c("combine threshold 0", () -> EcdsaShareCombiner.combine(List.of(), 0), "threshold"),
        c("combine too few", () -> EcdsaShareCombiner.combine(List.of(), 2), "shares"),
        // ed25519 session keys
        c("ed25519 seed of 31 bytes", () -> Ed25519KeyPair.fromSeed(new byte[31]), "seed"),
        c("ed25519 seed null", () -> Ed25519KeyPair.fromSeed(null), "seed"),
        c(
            "ed25519 secret key of 63 bytes",
            () -> Ed25519KeyPair.fromSecretKey(new byte[63]),
            "secretKey"),
        c("ed25519 secret key bad hex", () -> Ed25519KeyPair.fromSecretKeyHex("zz"), "secretKey"),
        // HD keys
        c("HD key id bad hex", () -> HdKeys.derivePublicKey("zz", List.of(PUB, PUB)), "keyId"),
        c("HD without root keys", () -> HdKeys.derivePublicKey("00".repeat(32), List.of()), "root"),
        c("HD root key bad", () -> HdKeys.derivePublicKey("00".repeat(32), List.of("04")), "root"),
        c("HD user id null", () -> HdKeys.computeHDKeyId(null, "app"), "userId"),
        // SEV-SNP
        c("report of 100 bytes", () -> SevSnpReport.parse(new byte[100]), "report"),
        c("report null", () -> SevSnpReport.parse(null), "report"),
        c("attestation not JSON", () -> SevSnpAttestation.fromJson("{"), "attestation"),
        c(
            "attestation null",
            () ->
                SevSnpVerifier.verify(
                    null,
                    "00".repeat(32),
                    "https://1.2.3.4:443",
                    (u, r) -> java.util.Optional.empty()),
            "attestation"),
        c(
            "attestation challenge of 31 bytes",
            () ->
                SevSnpVerifier.verify(
                    SevSnpAttestation.fromJson(
                        io.lit4j.core.fuzz.Fuzz.vector("sev_snp_attestation.json")
                            .get("attestation")),
                    "00".repeat(31),
                    "https://1.2.3.4:443",
                    (u, r) -> java.util.Optional.empty()),
            "challengeHex"),
        c(
            "attestation node url without host",
            () ->
                SevSnpVerifier.verify(
                    SevSnpAttestation.fromJson(
                        io.lit4j.core.fuzz.Fuzz.vector("sev_snp_attestation.json")
                            .get("attestation")),
                    "00".repeat(32),
                    "not a url",
                    (u, r) -> java.util.Optional.empty()),
            "url"));
  }

  private static Arguments c(String what, Executable call, String field) {
    return Arguments.of(what, call, field);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsATypedErrorNamingTheValue(String what, Executable call, String field) {
    LitException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> assertThrows(LitException.class, call, what));
    assertTrue(
        e.getMessage().toLowerCase(Locale.ROOT).contains(field.toLowerCase(Locale.ROOT)),
        what + ": the message does not name '" + field + "': " + e.getMessage());
  }
}
