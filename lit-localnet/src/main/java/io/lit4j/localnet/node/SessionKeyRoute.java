package io.lit4j.localnet.node;

import static io.lit4j.localnet.node.NodeBodies.optionalText;
import static io.lit4j.localnet.node.NodeBodies.pubkeyBytes;
import static io.lit4j.localnet.node.NodeBodies.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.crypto.Keys;

/**
 * {@code /web/sign_session_key}: the PKP signs a session key's SIWE message once its auth methods
 * are verified and permitted (node-behavior.md §2); the SIWE nonce must be a block the chain has.
 */
final class SessionKeyRoute implements NodeRoute {
  private final SimulatedNode node;

  SessionKeyRoute(SimulatedNode node) {
    this.node = node;
  }

  @Override
  public JsonNode handle(NodeRequest req) {
    JsonNode body = req.body();
    String sessionKey = requiredText(body, "sessionKey");
    JsonNode authMethodsNode = body.get("authMethods");
    if (authMethodsNode == null || !authMethodsNode.isArray()) {
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `authMethods` (a sequence)");
    }
    String siweText = requiredText(body, "siweMessage");
    Optional<String> pkpPublicKey = optionalText(body, "pkpPublicKey");
    JsonNode authSigNode = body.get("authSig");
    AuthSig authSig = null;
    if (authSigNode != null && !authSigNode.isNull()) {
      try {
        authSig = AuthSig.fromJson(authSigNode, "authSig");
      } catch (LitException e) {
        throw NodeError.of(
            NodeErrorCode.NodeAuthSigNotSupported, "Multiple auth sigs are not supported here");
      }
    }
    SiweMessage siwe;
    try {
      siwe = SiweMessage.parseLenient(siweText);
    } catch (LitException e) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWEMessageError, "Parse error on SIWE: " + e.getMessage());
    }
    if (siwe.statement().orElse("").contains("lit-resolvedauthcontext")) {
      throw NodeError.of(
          NodeErrorCode.NodeInvalidAuthContextResource,
          "The SIWE may not contain lit-resolvedauthcontext");
    }
    Optional<String> userAddress = Optional.empty();
    if (authSig != null && !AuthValidator.isSessionSig(authSig)) {
      node.authValidator().validateWalletSig(authSig, false);
      userAddress = Optional.of(authSig.address());
    }
    List<PkpAuthorizer.VerifiedAuthMethod> methods = node.pkpAuthorizer().verify(authMethodsNode);
    byte[] pubkey;
    if (pkpPublicKey.isPresent()) {
      pubkey = pubkeyBytes(pkpPublicKey.get(), "pkpPublicKey");
      String pkpAddress = Secp256k1PublicKey.fromBytes(pubkey).ethAddress().lowercaseHex();
      if (!Hex.strip0x(siwe.address()).equalsIgnoreCase(Hex.strip0x(pkpAddress))) {
        throw NodeError.of(
            NodeErrorCode.NodeSIWEMessageError,
            "Address in SIWE message "
                + siwe.address()
                + " does not match PKP ETH address "
                + Keys.toChecksumAddress(pkpAddress));
      }
    } else if (!methods.isEmpty()) {
      PkpAuthorizer.VerifiedAuthMethod first = methods.get(0);
      List<BigInteger> tokens =
          node.chain().tokenIdsForAuthMethod(BigInteger.valueOf(first.type()), first.id());
      if (tokens.isEmpty())
        throw NodeError.of(
            NodeErrorCode.NodePKPTokenIdNotFound, "No PKP token id found for the auth method");
      pubkey = node.chain().routing(tokens.get(0)).pubkey();
      if (pubkey.length == 0)
        throw NodeError.of(
            NodeErrorCode.NodePKPTokenIdNotFound, "The PKP of the auth method has no public key");
    } else {
      throw NodeError.uncoded("Validation", "No auth methods provided");
    }
    if (!siwe.uri().equals(sessionKey)) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWEMessageError,
          "The SIWE uri " + siwe.uri() + " is not the session key " + sessionKey);
    }
    if (siwe.expirationTime().isEmpty())
      throw NodeError.of(
          NodeErrorCode.NodeSIWEMessageError, "Session key expiration time is not set");
    Instant now = node.config().clock().instant();
    Instant iat = parse(siwe.issuedAt(), "issuedAt");
    Instant exp = parse(siwe.expirationTime().get(), "expirationTime");
    if (iat.isAfter(now.plus(AuthValidator.GRACE)))
      throw NodeError.of(NodeErrorCode.NodeSIWEMessageError, "issuedAt is in the future");
    if (exp.isBefore(iat))
      throw NodeError.of(NodeErrorCode.NodeExpWrongOrTooLarge, "expirationTime is before issuedAt");
    if (exp.isBefore(now.minus(AuthValidator.GRACE)))
      throw NodeError.of(NodeErrorCode.NodeSIWEMessageError, "The SIWE message has expired");
    if (Duration.between(iat, exp).compareTo(AuthValidator.MAX_VALIDITY) > 0) {
      throw NodeError.of(
          NodeErrorCode.NodeSIWEMessageError, "expirationTime is more than 30 days after issuedAt");
    }
    ChainReader.Block block =
        node.chain()
            .blockByHash(siwe.nonce())
            .orElseThrow(
                () ->
                    NodeError.of(
                        NodeErrorCode.NodeInvalidBlockhash,
                        "The SIWE nonce " + siwe.nonce() + " is not a known block hash"));
    if (block.timestamp() < now.minus(AuthValidator.MAX_VALIDITY).getEpochSecond()) {
      throw NodeError.of(
          NodeErrorCode.NodeInvalidBlockhash, "The SIWE nonce block is more than 30 days old");
    }
    String pkpAddress = Secp256k1PublicKey.fromBytes(pubkey).ethAddress().checksummed();
    SiweMessage rebuilt =
        siwe.toBuilder()
            .address(pkpAddress)
            .nonce(block.hash().toLowerCase(Locale.ROOT))
            .issuedAt(
                DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(block.timestamp())))
            .build();
    String text = rebuilt.prepareMessage();
    byte[] digest = EthHash.personalMessageHash(text.getBytes(StandardCharsets.UTF_8));
    List<String> cids = List.of();
    node.pkpAuthorizer()
        .check(pubkey, PkpAuthorizer.SCOPE_PERSONAL_SIGN, methods, cids, userAddress, null);
    Optional<EcdsaSignatureShare> share =
        node.ecdsaShare(pubkey, digest, req.correlationId(), "sessionSig");
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("success", true);
    ObjectNode signed = o.putObject("signedData");
    signed.set(
        "sessionSig",
        share
            .map(s -> EcdsaShareJson.writeSignSessionKey(s, text))
            .orElseGet(
                () ->
                    EcdsaShareJson.writeEmptySignSessionKey(
                        digest, Secp256k1PublicKey.fromBytes(pubkey), text)));
    return o;
  }

  private static Instant parse(String text, String field) {
    try {
      return io.lit4j.auth.siwe.IsoTime.parse(text, field);
    } catch (LitException e) {
      throw NodeError.of(NodeErrorCode.NodeSIWEMessageError, field + " is not an RFC 3339 time");
    }
  }
}
