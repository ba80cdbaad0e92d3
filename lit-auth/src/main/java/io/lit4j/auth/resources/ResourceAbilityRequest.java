package io.lit4j.auth.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.constants.LitResourcePrefix;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.JsJson;
import io.lit4j.core.util.Args;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One ability a session asks for on one resource. On the wire (session signed message, SIWE
 * callbacks) it is spelled {@code
 * {"resource":{"resource":"*","resourcePrefix":"lit-pkp"},"ability":"pkp-signing"}}.
 *
 * @param resource the resource
 * @param ability the ability; it need not be valid for the resource (the node does not compare it),
 *     but ReCap building rejects such pairs
 */
public record ResourceAbilityRequest(LitResource resource, LitAbility ability) {
  /**
   * @param resource the resource
   * @param ability the ability; it need not be valid for the resource (the node does not compare
   *     it), but ReCap building rejects such pairs
   * @throws LitValidationException when a part is missing
   */
  public ResourceAbilityRequest {
    if (resource == null)
      throw new LitValidationException("resourceAbilityRequest.resource is missing");
    if (ability == null)
      throw new LitValidationException("resourceAbilityRequest.ability is missing");
  }

  /**
   * Shorthand for {@code new ResourceAbilityRequest(resource, ability)}.
   *
   * @param resource the resource
   * @param ability the ability requested on it
   * @return the request
   */
  public static ResourceAbilityRequest of(LitResource resource, LitAbility ability) {
    return new ResourceAbilityRequest(resource, ability);
  }

  /**
   * {@return {@code ability} on every resource of the kind it applies to}, e.g. {@code
   * onAll(LitAbility.PKP_SIGNING)} is {@code pkp-signing} on {@code lit-pkp://*} (see {@link
   * LitResource#allFor(LitAbility)})
   *
   * @param ability the ability
   * @throws LitValidationException when {@code ability} is null
   */
  public static ResourceAbilityRequest onAll(LitAbility ability) {
    return new ResourceAbilityRequest(LitResource.allFor(ability), ability);
  }

  /**
   * {@return the request as an ordered map for {@link JsJson}: {@code resource{resource,
   * resourcePrefix}, ability}}
   */
  public Map<String, Object> toJsValue() {
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("resource", resource.resource());
    res.put("resourcePrefix", resource.prefix().wire());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("resource", res);
    out.put("ability", ability.wire());
    return out;
  }

  /** {@return the request as {@code JSON.stringify} writes it} */
  public String toJson() {
    return JsJson.stringify(toJsValue());
  }

  /**
   * Reads the wire shape.
   *
   * @param field names the value in error messages, e.g. {@code resourceAbilityRequests[0]}
   * @param node the JSON object {@code {resource, ability}}
   * @return the request
   * @throws LitValidationException naming the field when a part is missing, not a string or unknown
   */
  public static ResourceAbilityRequest fromJson(JsonNode node, String field) {
    Args.required(field, "field");
    if (node == null || !node.isObject())
      throw new LitValidationException(field + " must be a JSON object");
    JsonNode res = node.get("resource");
    if (res == null || !res.isObject()) {
      throw new LitValidationException(
          field + ".resource must be an object {resource, resourcePrefix}");
    }
    String id = text(res, "resource", field + ".resource.resource");
    String prefix = text(res, "resourcePrefix", field + ".resource.resourcePrefix");
    String ability = text(node, "ability", field + ".ability");
    LitResourcePrefix p;
    LitAbility a;
    try {
      p = LitResourcePrefix.fromWire(prefix);
      a = LitAbility.fromWire(ability);
    } catch (LitValidationException e) {
      throw new LitValidationException(field + ": " + e.getMessage(), e);
    }
    return new ResourceAbilityRequest(LitResource.of(p, id), a);
  }

  private static String text(JsonNode node, String key, String field) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) throw new LitValidationException(field + " is missing");
    if (!v.isTextual()) throw new LitValidationException(field + " must be a string");
    return v.textValue();
  }

  @Override
  public String toString() {
    return ability.wire() + " on " + resource.resourceKey();
  }
}
