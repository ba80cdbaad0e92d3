package io.lit4j.auth.authsig;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.JsJson;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Args;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Lit auth signature shape {@code {sig, derivedVia, signedMessage, address, algo?}}: a wallet
 * signature over a SIWE message, a PKP-signed SIWE, a capacity delegation, or a per-node session
 * signature.
 *
 * <p>JSON is written in that key order with {@code JSON.stringify} escaping. {@code algo} has three
 * states because they differ on the wire: absent (wallet sigs), {@code null} (capacity delegation
 * writes {@code "algo":null}) and a string ({@code "ed25519"} for session sigs).
 *
 * @param sig the signature, as the producer spelled it (hex, with or without {@code 0x})
 * @param derivedVia how it was made, e.g. {@code web3.eth.personal.sign}
 * @param signedMessage the exact signed text (SIWE text or session JSON)
 * @param address the signer, as the producer spelled it
 * @param algo the {@code algo} field
 */
public record AuthSig(
    String sig, String derivedVia, String signedMessage, String address, Algo algo) {
  /** {@code derivedVia} of EOA wallet signatures. */
  public static final String DERIVED_VIA_WALLET = "web3.eth.personal.sign";

  /** {@code derivedVia} of PKP-signed session SIWEs (sign_session_key). */
  public static final String DERIVED_VIA_PKP = "web3.eth.personal.sign via Lit PKP";

  /** {@code derivedVia} of per-node ed25519 session signatures. */
  public static final String DERIVED_VIA_SESSION = "litSessionSignViaNacl";

  /** {@code algo} of per-node session signatures. */
  public static final String ALGO_ED25519 = "ed25519";

  private static final Set<String> KEYS =
      Set.of("sig", "derivedVia", "signedMessage", "address", "algo");

  /**
   * @param sig the signature, as the producer spelled it (hex, with or without {@code 0x})
   * @param derivedVia how it was made, e.g. {@code web3.eth.personal.sign}
   * @param signedMessage the exact signed text (SIWE text or session JSON)
   * @param address the signer, as the producer spelled it
   * @param algo the {@code algo} field
   * @throws LitValidationException when a field is missing
   */
  public AuthSig {
    require(sig, "authSig.sig");
    require(derivedVia, "authSig.derivedVia");
    require(signedMessage, "authSig.signedMessage");
    require(address, "authSig.address");
    if (algo == null) throw new LitValidationException("authSig.algo is missing: use Algo.ABSENT");
  }

  /**
   * {@return an auth sig without an {@code algo} key}
   *
   * @param sig the signature, hex with {@code 0x}
   * @param derivedVia how it was made, e.g. {@code web3.eth.personal.sign}
   * @param signedMessage the exact text that was signed
   * @param address the signer's address (or session public key for session sigs)
   */
  public static AuthSig of(String sig, String derivedVia, String signedMessage, String address) {
    return new AuthSig(sig, derivedVia, signedMessage, address, Algo.ABSENT);
  }

  /**
   * True for a per-node session signature ({@code litSessionSignViaNacl} with {@code ed25519}), as
   * the node classifies it.
   *
   * @return whether this is a session signature
   */
  public boolean isSessionSig() {
    return DERIVED_VIA_SESSION.equals(derivedVia)
        && algo.value().filter(ALGO_ED25519::equals).isPresent();
  }

  /** {@return the fields as an ordered map for {@link JsJson}; {@code algo} omitted when absent} */
  public Map<String, Object> toJsValue() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sig", sig);
    m.put("derivedVia", derivedVia);
    m.put("signedMessage", signedMessage);
    m.put("address", address);
    switch (algo.presence()) {
      case ABSENT -> {}
      case NULL -> m.put("algo", null);
      case VALUE -> m.put("algo", algo.name());
    }
    return m;
  }

  /**
   * JSON exactly as {@code JSON.stringify} writes this object.
   *
   * @return the JSON text
   */
  public String toJson() {
    return JsJson.stringify(toJsValue());
  }

  /**
   * Parses auth sig JSON text.
   *
   * @param json auth sig JSON text
   * @return the auth sig
   * @throws LitValidationException naming the field when the text is not JSON, a field is missing
   *     or not a string, or an unknown key is present (nodes reject extra keys)
   */
  public static AuthSig fromJson(String json) {
    return fromJson(LitJson.parse(json, "authSig"), "authSig");
  }

  /**
   * Reads an auth sig object.
   *
   * @param field names the value in error messages, e.g. {@code capabilities[0]}
   * @param node the JSON object
   * @return the auth sig
   * @throws LitValidationException naming the field when the shape is wrong
   */
  public static AuthSig fromJson(JsonNode node, String field) {
    Args.required(field, "field");
    if (node == null || !node.isObject())
      throw new LitValidationException(field + " must be a JSON object");
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw new LitValidationException(
            field
                + " has unknown key '"
                + k
                + "' (allowed: sig, derivedVia, signedMessage, address, algo)");
      }
    }
    Algo algo;
    JsonNode a = node.get("algo");
    if (a == null) {
      algo = Algo.ABSENT;
    } else if (a.isNull()) {
      algo = Algo.NULL;
    } else if (a.isTextual()) {
      algo = Algo.of(a.textValue());
    } else {
      throw new LitValidationException(field + ".algo must be a string or null");
    }
    return new AuthSig(
        text(node, "sig", field),
        text(node, "derivedVia", field),
        text(node, "signedMessage", field),
        text(node, "address", field),
        algo);
  }

  private static String text(JsonNode node, String key, String field) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull())
      throw new LitValidationException(field + "." + key + " is missing");
    if (!v.isTextual()) throw new LitValidationException(field + "." + key + " must be a string");
    return v.textValue();
  }

  private static void require(String v, String field) {
    if (v == null) throw new LitValidationException(field + " is missing");
  }

  /** Shows the signer, kind and signature; the signed message is abbreviated. */
  @Override
  public String toString() {
    String msg = signedMessage.length() > 60 ? signedMessage.substring(0, 60) + "…" : signedMessage;
    return "AuthSig[address="
        + address
        + ", derivedVia="
        + derivedVia
        + ", algo="
        + algo
        + ", sig="
        + sig
        + ", signedMessage="
        + msg.replace("\n", "\\n")
        + "]";
  }

  /**
   * The {@code algo} field of an auth sig: absent, JSON {@code null}, or a name.
   *
   * @param presence which of the three
   * @param name the name when {@code presence == VALUE}, else empty string
   */
  public record Algo(Presence presence, String name) {
    /** No {@code algo} key. */
    public static final Algo ABSENT = new Algo(Presence.ABSENT, "");

    /** {@code "algo":null}. */
    public static final Algo NULL = new Algo(Presence.NULL, "");

    /** {@code "algo":"ed25519"}. */
    public static final Algo ED25519 = new Algo(Presence.VALUE, ALGO_ED25519);

    /**
     * @param presence which of the three
     * @param name the name when {@code presence == VALUE}, else empty string
     * @throws LitValidationException when the parts do not agree
     */
    public Algo {
      if (presence == null) throw new LitValidationException("algo presence is missing");
      if (name == null) throw new LitValidationException("algo name is missing");
      if (presence != Presence.VALUE && !name.isEmpty()) {
        throw new LitValidationException("algo name must be empty unless a value is present");
      }
    }

    /**
     * {@return {@code "algo":"<name>"}}
     *
     * @param name the {@code algo} value, e.g. {@code ed25519}
     */
    public static Algo of(String name) {
      return new Algo(Presence.VALUE, Args.required(name, "name"));
    }

    /** {@return the name when present as a string} */
    public Optional<String> value() {
      return presence == Presence.VALUE ? Optional.of(name) : Optional.empty();
    }

    @Override
    public String toString() {
      return switch (presence) {
        case ABSENT -> "<absent>";
        case NULL -> "null";
        case VALUE -> name;
      };
    }
  }

  /** Whether and how {@code algo} is present. */
  public enum Presence {
    /** The key is not written ({@code algo} undefined in JS). */
    ABSENT,
    /** Written as {@code "algo":null}. */
    NULL,
    /** Written as a string. */
    VALUE
  }
}
