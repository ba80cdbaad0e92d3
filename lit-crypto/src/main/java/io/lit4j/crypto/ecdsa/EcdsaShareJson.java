package io.lit4j.crypto.ecdsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.eth.internal.K256;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * How v4 nodes spell an ECDSA share, per route, both ways: parsing for the client and writing for
 * the local test network.
 *
 * <ul>
 *   <li>{@code /web/sign_session_key} → {@code signedData.sessionSig}: camelCase, lowercase {@code
 *       bigr}; {@code dataSigned} and {@code publicKey} plain lowercase hex;
 *   <li>{@code /web/execute} → {@code signedData.<sigName>}: camelCase, {@code bigR};
 *   <li>{@code /web/pkp/sign} → {@code signatureShare}: snake_case {@code digest, result,
 *       share_index, signature_share, big_r, public_key, sig_type}.
 * </ul>
 *
 * Nodes write k256 values with {@code serde_json::to_string}, so scalars and points arrive as JSON
 * strings that themselves contain quotes and uppercase hex; quotes and backslashes are stripped, as
 * the SDK does. A node outside the signing subset sends an empty {@code signatureShare}: parsers
 * return {@link Optional#empty()} for it, not an error.
 */
public final class EcdsaShareJson {
  private EcdsaShareJson() {}

  /**
   * Parses {@code signedData.sessionSig} of a {@code /web/sign_session_key} response (the object
   * itself). The {@code siweMessage} beside it is not part of the share.
   *
   * @param sessionSig the {@code sessionSig} JSON object
   * @return the share, or empty when the node is outside the signing subset
   * @throws LitValidationException naming the field for missing or malformed values
   * @throws LitCryptoException for points not on secp256k1
   */
  public static Optional<EcdsaSignatureShare> parseSignSessionKey(JsonNode sessionSig) {
    return parse(
        sessionSig,
        "signedData.sessionSig",
        "sigType",
        "dataSigned",
        "signatureShare",
        "shareIndex",
        "bigr",
        "publicKey",
        "sigName",
        null);
  }

  /**
   * Parses one {@code signedData.<sigName>} entry of a {@code /web/execute} response.
   *
   * @param signedDataEntry the {@code signedData.<sigName>} JSON object
   * @return the share, or empty when the node is outside the signing subset
   * @throws LitValidationException naming the field for missing or malformed values
   * @throws LitCryptoException for points not on secp256k1
   */
  public static Optional<EcdsaSignatureShare> parseExecute(JsonNode signedDataEntry) {
    String name =
        signedDataEntry != null && signedDataEntry.path("sigName").isTextual()
            ? signedDataEntry.path("sigName").asText()
            : "?";
    return parse(
        signedDataEntry,
        "signedData." + name,
        "sigType",
        "dataSigned",
        "signatureShare",
        "shareIndex",
        "bigR",
        "publicKey",
        "sigName",
        null);
  }

  /**
   * Parses the {@code signatureShare} object of a {@code /web/pkp/sign} response. It has no name;
   * the share gets {@code sigName "sig"} as in the SDK.
   *
   * @param signatureShare the {@code signatureShare} JSON object
   * @return the share, or empty when the node is outside the signing subset
   * @throws LitValidationException naming the field for missing or malformed values
   * @throws LitCryptoException for points not on secp256k1
   */
  public static Optional<EcdsaSignatureShare> parsePkpSign(JsonNode signatureShare) {
    return parse(
        signatureShare,
        "signatureShare",
        "sig_type",
        "digest",
        "signature_share",
        "share_index",
        "big_r",
        "public_key",
        null,
        "sig");
  }

  /**
   * Parses the snake_case share the SDK hands the ecdsa WASM ({@code sig_type, data_signed,
   * signature_share, share_index, big_r, public_key, sig_name}); a missing {@code sig_name} is
   * {@code "sig-created-by-lit-sdk"} as in the WASM.
   *
   * @param share the snake_case JSON object
   * @return the share, or empty when {@code signature_share} is empty
   * @throws LitValidationException naming the field for missing or malformed values
   * @throws LitCryptoException for points not on secp256k1
   */
  public static Optional<EcdsaSignatureShare> parseCombinerInput(JsonNode share) {
    boolean hasName = share != null && share.has("sig_name");
    return parse(
        share,
        "share",
        "sig_type",
        "data_signed",
        "signature_share",
        "share_index",
        "big_r",
        "public_key",
        hasName ? "sig_name" : null,
        "sig-created-by-lit-sdk");
  }

  private static Optional<EcdsaSignatureShare> parse(
      JsonNode obj,
      String path,
      String kSigType,
      String kData,
      String kShare,
      String kIndex,
      String kBigR,
      String kPub,
      String kName,
      String defaultName) {
    if (obj == null || obj.isMissingNode() || obj.isNull()) {
      throw new LitValidationException(path + " is missing");
    }
    if (!obj.isObject()) throw new LitValidationException(path + " must be a JSON object");
    String shareHex = unquote(requiredText(obj, kShare, path));
    if (shareHex.isEmpty()) return Optional.empty();

    EcdsaSigType sigType =
        EcdsaSigType.fromWire(unquote(requiredText(obj, kSigType, path)), path + "." + kSigType);
    String dataHex = unquote(requiredText(obj, kData, path));
    byte[] data = Hex.decode(nonEmpty(dataHex, path + "." + kData), 32, path + "." + kData);
    if (new BigInteger(1, data).compareTo(K256.N) >= 0) {
      throw new LitValidationException(
          path + "." + kData + " is not below the secp256k1 group order");
    }
    byte[] shareBytes = Hex.decode(shareHex, 32, path + "." + kShare);
    BigInteger s = new BigInteger(1, shareBytes);
    if (s.compareTo(K256.N) >= 0) {
      throw new LitValidationException(
          path + "." + kShare + " is not a scalar below the secp256k1 group order");
    }
    String rHex = unquote(requiredText(obj, kBigR, path));
    byte[] bigR =
        K256.decodePoint(
                Hex.decode(nonEmpty(rHex, path + "." + kBigR), path + "." + kBigR),
                path + "." + kBigR)
            .getEncoded(true);
    String pubHex = unquote(requiredText(obj, kPub, path));
    Secp256k1PublicKey pub =
        Secp256k1PublicKey.fromHex(nonEmpty(pubHex, path + "." + kPub), path + "." + kPub);
    int index = shareIndex(obj, kIndex, path);
    String name = kName == null ? defaultName : requiredText(obj, kName, path);
    return Optional.of(
        new EcdsaSignatureShare(sigType, data, s, bigR, pub, index, name, dataHex, pubHex));
  }

  private static String requiredText(JsonNode obj, String key, String path) {
    JsonNode v = obj.get(key);
    if (v == null || v.isNull()) throw new LitValidationException(path + "." + key + " is missing");
    if (!v.isTextual())
      throw new LitValidationException(
          path + "." + key + " must be a string, got " + v.getNodeType());
    return v.asText();
  }

  private static String nonEmpty(String v, String field) {
    if (v.isEmpty())
      throw new LitValidationException(
          field + " is empty although the node sent a signature share");
    return v;
  }

  private static int shareIndex(JsonNode obj, String key, String path) {
    JsonNode v = obj.get(key);
    if (v == null || v.isNull()) throw new LitValidationException(path + "." + key + " is missing");
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
      throw new LitValidationException(
          path + "." + key + " must be a non-negative integer, got " + v);
    }
    return v.asInt();
  }

  /** Removes the quotes and backslashes {@code serde_json::to_string} leaves around node values. */
  static String unquote(String v) {
    return v.replace("\"", "").replace("\\", "").trim();
  }

  // ---- writing (the local test network's nodes) ----

  /**
   * {@return {@code "\"<UPPERCASE hex>\""}: how nodes write a k256 scalar or point}
   *
   * @param bytes the bytes to write
   */
  public static String quotedUpperHex(byte[] bytes) {
    return "\"" + Hex.encode(bytes).toUpperCase(Locale.ROOT) + "\"";
  }

  /**
   * {@code signedData.sessionSig} as a v4 node writes it for {@code /web/sign_session_key}: {@code
   * signatureShare, shareIndex, sigType, siweMessage, dataSigned, bigr, publicKey, sigName}.
   * Test-network material.
   *
   * @param share the node's share
   * @param siweMessage the SIWE message the share signs
   * @return the {@code sessionSig} JSON object
   */
  public static ObjectNode writeSignSessionKey(EcdsaSignatureShare share, String siweMessage) {
    requireShare(share);
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("signatureShare", quotedUpperHex(K256.to32(share.signatureShare())));
    o.put("shareIndex", share.shareIndex());
    o.put("sigType", share.sigType().wireName());
    o.put("siweMessage", siweMessage == null ? "" : siweMessage);
    o.put("dataSigned", Hex.encode(share.dataSigned()));
    o.put("bigr", quotedUpperHex(share.bigR()));
    o.put("publicKey", share.publicKey().hex());
    o.put("sigName", "sessionSig");
    return o;
  }

  /**
   * {@code signedData.sessionSig} of a node outside the signing subset: empty {@code
   * signatureShare} and {@code bigr}, the rest filled. Test-network material.
   *
   * @param dataSigned the 32-byte digest
   * @param publicKey the PKP public key
   * @param siweMessage the SIWE message
   * @return the {@code sessionSig} JSON object
   */
  public static ObjectNode writeEmptySignSessionKey(
      byte[] dataSigned, Secp256k1PublicKey publicKey, String siweMessage) {
    if (dataSigned == null || publicKey == null)
      throw new LitValidationException("dataSigned and publicKey are required");
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("signatureShare", "");
    o.put("shareIndex", 0);
    o.put("sigType", EcdsaSigType.K256.wireName());
    o.put("siweMessage", siweMessage == null ? "" : siweMessage);
    o.put("dataSigned", Hex.encode(dataSigned));
    o.put("bigr", "");
    o.put("publicKey", publicKey.hex());
    o.put("sigName", "sessionSig");
    return o;
  }

  /**
   * One {@code signedData.<sigName>} entry as a v4 node writes it for {@code /web/execute}: {@code
   * sigType, dataSigned, signatureShare, shareIndex, bigR, publicKey, sigName}. Test-network
   * material.
   *
   * @param share the node's share
   * @return the entry's JSON object
   */
  public static ObjectNode writeExecute(EcdsaSignatureShare share) {
    requireShare(share);
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("sigType", share.sigType().wireName());
    o.put("dataSigned", quotedUpperHex(share.dataSigned()));
    o.put("signatureShare", quotedUpperHex(K256.to32(share.signatureShare())));
    o.put("shareIndex", share.shareIndex());
    o.put("bigR", quotedUpperHex(share.bigR()));
    o.put("publicKey", quotedUpperHex(share.publicKey().uncompressed()));
    o.put("sigName", share.sigName());
    return o;
  }

  /**
   * An execute entry of a node outside the signing subset. Test-network material.
   *
   * @param sigName the signature's name in the action
   * @return an execute entry of a node outside the signing subset
   */
  public static ObjectNode writeEmptyExecute(String sigName) {
    if (sigName == null) throw new LitValidationException("sigName is missing");
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("sigType", EcdsaSigType.K256.wireName());
    o.put("dataSigned", "");
    o.put("signatureShare", "");
    o.put("shareIndex", 0);
    o.put("bigR", "");
    o.put("publicKey", "");
    o.put("sigName", sigName);
    return o;
  }

  /**
   * The {@code signatureShare} object of a {@code /web/pkp/sign} response: {@code digest, result,
   * share_index, signature_share, big_r, public_key, sig_type}. Test-network material.
   *
   * @param share the node's share
   * @return the {@code signatureShare} JSON object
   */
  public static ObjectNode writePkpSign(EcdsaSignatureShare share) {
    requireShare(share);
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("digest", quotedUpperHex(share.dataSigned()));
    o.put("result", "success");
    o.put("share_index", share.shareIndex());
    o.put("signature_share", quotedUpperHex(K256.to32(share.signatureShare())));
    o.put("big_r", quotedUpperHex(share.bigR()));
    o.put("public_key", quotedUpperHex(share.publicKey().uncompressed()));
    o.put("sig_type", share.sigType().wireName());
    return o;
  }

  /**
   * The {@code signatureShare} of a node outside the signing subset ({@code result "fail"}).
   * Test-network material.
   *
   * @return the {@code signatureShare} of a node outside the signing subset ({@code result "fail"})
   */
  public static ObjectNode writeEmptyPkpSign() {
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("digest", "");
    o.put("result", "fail");
    o.put("share_index", 0);
    o.put("signature_share", "");
    o.put("big_r", "");
    o.put("public_key", "");
    o.put("sig_type", "");
    return o;
  }

  private static void requireShare(EcdsaSignatureShare share) {
    if (share == null) throw new LitValidationException("share is missing");
  }
}
