package io.lit4j.localnet.node;

import static io.lit4j.localnet.node.NodeBodies.optionalText;
import static io.lit4j.localnet.node.NodeBodies.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.json.JsJson;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.localnet.acc.ChainConditionEvaluator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The access-control routes: {@code /web/encryption/sign} (a BLS share of the decryption key) and
 * {@code /web/signing/access_control_condition} (a BLS share of a JWT), both after evaluating the
 * conditions for the caller.
 */
final class AccessControlRoutes {
  private static final Duration JWT_GRACE = Duration.ofSeconds(180);
  private static final Duration JWT_MAX = Duration.ofHours(12);

  private final SimulatedNode node;

  AccessControlRoutes(SimulatedNode node) {
    this.node = node;
  }

  /** Evaluates conditions for the auth sig's user. */
  boolean evaluate(
      AccessControlConditions conditions, ValidatedAuth a, Optional<String> actionCid) {
    String user;
    try {
      user = a.requireUserAddress();
    } catch (NodeError e) {
      return false; // re-validation failure counts as "false" (§7.3)
    }
    Map<String, String> litParams = new LinkedHashMap<>();
    for (String r : a.resources()) {
      if (!r.startsWith("litParam:")) continue;
      String[] parts = r.split(":", 3);
      if (parts.length == 3) {
        try {
          litParams.put(
              parts[1],
              new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException ignored) {
          // not base64url: no such param
        }
      }
    }
    ChainConditionEvaluator evaluator =
        new ChainConditionEvaluator(
            node.config().web3j(),
            user,
            actionCid,
            name -> Optional.ofNullable(litParams.get(name)));
    try {
      return conditions.evaluate(evaluator);
    } catch (ChainConditionEvaluator.RpcFailedException e) {
      throw NodeError.of(NodeErrorCode.NodeRpcError, e.getMessage());
    } catch (LitException e) {
      throw NodeError.of(NodeErrorCode.NodeAccessControlConditionsCheckFailed, e.getMessage());
    }
  }

  static AccessControlConditions readConditions(JsonNode body) {
    Optional<AccessControlConditions> c;
    try {
      c = AccessControlConditions.fromRequest(body);
    } catch (LitException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("30") && m.toLowerCase(Locale.ROOT).contains("condition"))
        throw NodeError.of(NodeErrorCode.NodeTooManyConditions, m);
      throw NodeError.of(NodeErrorCode.NodeInvalidBooleanConditionType, m);
    }
    AccessControlConditions conditions =
        c.orElseThrow(
            () ->
                NodeError.of(
                    NodeErrorCode.NodeMissingAccessControlConditions,
                    "No access control conditions in the request"));
    if (conditions.conditions().size() > AccessControlConditions.MAX_CONDITIONS) {
      throw NodeError.of(NodeErrorCode.NodeTooManyConditions, "More than 30 conditions");
    }
    return conditions;
  }

  /**
   * Validates the caller's auth for {@code lit-accesscontrolcondition://<resourceId>}, charges the
   * rate limit and fails unless the conditions hold for the caller.
   */
  private ValidatedAuth authorize(
      JsonNode body, AccessControlConditions conditions, String resourceId, LitAbility ability) {
    String chainName = optionalText(body, "chain").orElse(null);
    ValidatedAuth a =
        node.validateAuth(
            body,
            new AuthResource("lit-accesscontrolcondition", resourceId, ability),
            chainName,
            false);
    node.rateLimit(a, 402);
    if (!evaluate(conditions, a, Optional.empty())) {
      throw NodeError.of(
          NodeErrorCode.NodeAccessControlConditionsReturnedNotAuthorized,
          "The access control conditions returned false");
    }
    return a;
  }

  JsonNode encryptionSign(NodeRequest req) {
    JsonNode body = req.body();
    String dataHash = requiredText(body, "dataToEncryptHash");
    NodeBodies.requireAuthSig(body);
    AccessControlConditions conditions = readConditions(body);
    String condHash = conditions.hashHex();
    authorize(
        body,
        conditions,
        condHash + "/" + dataHash,
        LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION);
    byte[] identity =
        ("lit-accesscontrolcondition://" + condHash + "/" + dataHash)
            .getBytes(StandardCharsets.UTF_8);
    BlsSignatureShare share = node.blsShare(identity);
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("result", "success");
    o.set("signatureShare", share.toJsonNode());
    o.put("shareIndex", node.config().shareIndex());
    return o;
  }

  JsonNode signingAcc(NodeRequest req) {
    JsonNode body = req.body();
    NodeBodies.requireAuthSig(body);
    JsonNode iatNode = body.get("iat");
    JsonNode expNode = body.get("exp");
    if (iatNode == null
        || !iatNode.canConvertToLong()
        || expNode == null
        || !expNode.canConvertToLong()) {
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `iat` or `exp` (unix seconds)");
    }
    AccessControlConditions conditions = readConditions(body);
    String condHash = conditions.hashHex();
    String chainName = optionalText(body, "chain").orElse(null);
    ValidatedAuth a =
        authorize(body, conditions, condHash, LitAbility.ACCESS_CONTROL_CONDITION_SIGNING);
    long now = node.config().clock().instant().getEpochSecond();
    long iat = iatNode.asLong();
    long exp = expNode.asLong();
    if (Math.abs(iat - now) > JWT_GRACE.getSeconds()) {
      throw NodeError.of(
          NodeErrorCode.NodeIatOutsideGracePeriod,
          "iat " + iat + " is not within 180 s of now (" + now + ")");
    }
    if (exp < now - JWT_GRACE.getSeconds()
        || exp > now + JWT_GRACE.getSeconds() + JWT_MAX.getSeconds()) {
      throw NodeError.of(
          NodeErrorCode.NodeExpWrongOrTooLarge,
          "exp " + exp + " is outside [now - 180 s, now + 180 s + 12 h]");
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("iss", "LIT");
    payload.put("sub", a.requireUserAddress());
    payload.put("chain", chainName);
    payload.put("iat", iat);
    payload.put("exp", exp);
    for (io.lit4j.core.acc.ConditionKind kind : io.lit4j.core.acc.ConditionKind.values()) {
      payload.put(
          kind.requestKey(),
          kind == conditions.kind()
              ? LitJson.mapper().convertValue(conditions.canonicalJsonNode(), Object.class)
              : null);
    }
    String unsignedJwt = io.lit4j.crypto.bls.BlsJwt.unsignedJwt(JsJson.stringify(payload));
    BlsSignatureShare share = node.blsShare(io.lit4j.crypto.bls.BlsJwt.signingInput(unsignedJwt));
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("result", "success");
    o.set("signatureShare", share.toJsonNode());
    o.put("shareIndex", node.config().shareIndex());
    o.put("unsignedJwt", unsignedJwt);
    return o;
  }
}
