package io.lit4j.auth.recap;

import io.lit4j.auth.resources.LitResource;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.json.CanonicalJson;
import io.lit4j.core.json.JsJson;
import io.lit4j.core.util.Args;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A ReCap (EIP-5573) capability object {@code {att, prf}}, with the semantics of {@code
 * siwe-recap@0.0.2-alpha.0} and the Lit SDK 4.2.0 {@code RecapSessionCapabilityObject}.
 *
 * <p>{@code att} maps a resource URI to abilities {@code "Namespace/Name"}, each with a list of
 * nota bene (restriction) objects; {@code prf} lists proof CIDs. Immutable: the {@code with…}
 * methods return a new object.
 *
 * <pre>{@code
 * RecapObject recap = RecapObject.empty()
 *     .withCapabilityForResource(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
 *     .withCapabilityForResource(LitPKPResource.ALL, LitAbility.PKP_SIGNING);
 * SiweMessage withRecap = recap.addToSiweMessage(siwe);
 * }</pre>
 */
public final class RecapObject {
  /** Prefix of a ReCap SIWE resource. */
  public static final String URN_PREFIX = "urn:recap:";

  /** Start of every ReCap statement. */
  public static final String STATEMENT_PREFIX =
      "I further authorize the stated URI to perform the following actions on my behalf:";

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9.*_+\\-]+");
  private static final RecapObject EMPTY = new RecapObject(Map.of(), List.of());

  // resource -> ability -> nota bene list; all levels unmodifiable, insertion-ordered
  private final Map<String, Map<String, List<Map<String, Object>>>> att;
  private final List<String> prf;

  private RecapObject(Map<String, Map<String, List<Map<String, Object>>>> att, List<String> prf) {
    this.att = att;
    this.prf = prf;
  }

  /** Freezes decoded attenuations and already normalized proofs, without checking them again. */
  static RecapObject fromParts(
      Map<String, Map<String, List<Map<String, Object>>>> att, List<String> prf) {
    return new RecapObject(RecapValues.freeze(att), List.copyOf(prf));
  }

  /**
   * {@return the object with no attenuations and no proofs ({@code
   * urn:recap:eyJhdHQiOnt9LCJwcmYiOltdfQ})}
   */
  public static RecapObject empty() {
    return EMPTY;
  }

  /**
   * {@return a recap built from attenuations and proofs}
   *
   * @param att resource → ability ({@code Namespace/Name}) → nota bene objects (plain JSON values:
   *     String, Number, Boolean, List, Map, or Jackson nodes)
   * @param prf proof CIDs (CIDv0 {@code Qm…}, base58btc {@code z…} or base32 {@code b…})
   * @throws RecapException when an ability string, a nota bene or a proof is invalid
   */
  public static RecapObject of(
      Map<String, ? extends Map<String, ? extends List<? extends Map<String, ?>>>> att,
      List<String> prf) {
    Args.required(att, "att");
    Args.required(prf, "prf");
    Map<String, Map<String, List<Map<String, Object>>>> copy = new LinkedHashMap<>();
    for (var r : att.entrySet()) {
      if (r.getKey() == null || r.getValue() == null)
        throw new RecapException("att has a missing resource or ability map");
      Map<String, List<Map<String, Object>>> abilities = new LinkedHashMap<>();
      for (var a : r.getValue().entrySet()) {
        RecapValues.checkAbility(a.getKey(), "att['" + r.getKey() + "']");
        if (a.getValue() == null)
          throw new RecapException("nota-bene list for " + a.getKey() + " is missing");
        List<Map<String, Object>> nbs = new ArrayList<>();
        for (Map<String, ?> nb : a.getValue())
          nbs.add(RecapValues.restriction(nb, "nota bene of " + a.getKey()));
        abilities.put(a.getKey(), nbs);
      }
      copy.put(r.getKey(), abilities);
    }
    List<String> proofs = new ArrayList<>();
    for (String p : prf) proofs.add(RecapEncodings.normalizeProof(p));
    return new RecapObject(RecapValues.freeze(copy), List.copyOf(proofs));
  }

  /**
   * {@code generateSessionCapabilityObjectWithWildcards(resources, addAllCapabilities)} of the
   * 4.2.0 node client: with {@code addAllCapabilities} each resource gets {@code *}/{@code *};
   * without it (the 4.2.0 default) the result is {@link #empty()}.
   *
   * @param resources the resources to grant on
   * @param addAllCapabilities whether each resource gets every ability ({@code *}/{@code *})
   * @return the recap: {@code *}/{@code *} on each resource, or {@link #empty()}
   */
  public static RecapObject withWildcards(
      List<? extends LitResource> resources, boolean addAllCapabilities) {
    RecapObject r = EMPTY;
    if (addAllCapabilities) {
      for (LitResource res : resources) r = r.withAllCapabilitiesForResource(res);
    }
    return r;
  }

  // ---------------------------------------------------------------- building

  /**
   * Adds one nota bene for {@code namespace/name} on {@code resource} (siwe-recap {@code
   * addAttenuation}): appended to the ability's list, or a new list.
   *
   * @param resource the resource key, e.g. {@code lit-pkp://*}
   * @param namespace the ReCap namespace, e.g. {@code Threshold}
   * @param name the ability name, e.g. {@code Signing}
   * @param restriction the nota bene object
   * @return a new recap with the attenuation added
   * @throws RecapException when the namespace or name has characters outside {@code
   *     [a-zA-Z0-9.*_+-]}
   */
  public RecapObject withAttenuation(
      String resource, String namespace, String name, Map<String, ?> restriction) {
    Args.required(resource, "resource");
    if (namespace == null || !NAME.matcher(namespace).matches())
      throw new RecapException("Invalid ability namespace '" + namespace + "'");
    if (name == null || !NAME.matcher(name).matches())
      throw new RecapException("Invalid ability name '" + name + "'");
    Map<String, Object> nb =
        RecapValues.restriction(restriction == null ? Map.of() : restriction, "restriction");
    Map<String, Map<String, List<Map<String, Object>>>> m = RecapValues.thaw(att);
    m.computeIfAbsent(resource, k -> new LinkedHashMap<>())
        .computeIfAbsent(namespace + "/" + name, k -> new ArrayList<>())
        .add(nb);
    return new RecapObject(RecapValues.freeze(m), prf);
  }

  /**
   * Lit {@code addCapabilityForResource(resource, ability)} with an empty nota bene.
   *
   * @param resource the resource to grant on
   * @param ability the ability to grant
   * @return a new recap with the capability added
   * @throws RecapException when {@code ability} does not apply to the resource
   */
  public RecapObject withCapabilityForResource(LitResource resource, LitAbility ability) {
    return withCapabilityForResource(resource, ability, Map.of());
  }

  /**
   * Lit {@code addCapabilityForResource(resource, ability, data)}: adds the ability's ReCap {@code
   * Namespace/Name} on the resource key, with {@code data} as nota bene.
   *
   * @param resource the resource to grant on
   * @param ability the ability to grant
   * @param data the nota bene object
   * @return a new recap with the capability added
   * @throws RecapException when {@code ability} does not apply to the resource
   */
  public RecapObject withCapabilityForResource(
      LitResource resource, LitAbility ability, Map<String, ?> data) {
    Args.required(resource, "resource");
    Args.required(ability, "ability");
    if (!resource.isValidLitAbility(ability)) {
      throw new RecapException(
          "The specified Lit resource does not support the specified ability: "
              + ability.wire()
              + " on "
              + resource.resourceKey());
    }
    return withAttenuation(
        resource.resourceKey(),
        ability.recapNamespace().wire(),
        ability.recapAbility().wire(),
        data);
  }

  /**
   * Lit {@code addAllCapabilitiesForResource}: {@code *}/{@code *} on the resource key.
   *
   * @param resource the resource to grant on
   * @return a new recap with the capability added
   */
  public RecapObject withAllCapabilitiesForResource(LitResource resource) {
    return withAttenuation(resource.resourceKey(), "*", "*", Map.of());
  }

  /**
   * Adds a proof CID.
   *
   * @param cid the proof CID
   * @return a new recap with the proof added
   * @throws RecapException when it is not a CID
   */
  public RecapObject withProof(String cid) {
    List<String> p = new ArrayList<>(prf);
    p.add(RecapEncodings.normalizeProof(cid));
    return new RecapObject(att, List.copyOf(p));
  }

  /**
   * siwe-recap {@code merge}: proofs of {@code other} appended; for a resource both have, each
   * ability of {@code other} replaces this one's list when that list is empty or holds only empty
   * objects, and is appended to it otherwise; other resources are added.
   *
   * @param other the recap to merge in
   * @return a new, merged recap
   */
  public RecapObject merge(RecapObject other) {
    Map<String, Map<String, List<Map<String, Object>>>> m = RecapValues.thaw(att);
    for (var r : other.att.entrySet()) {
      Map<String, List<Map<String, Object>>> ex = m.get(r.getKey());
      if (ex == null) {
        m.put(r.getKey(), RecapValues.thawAbilities(r.getValue()));
        continue;
      }
      for (var a : r.getValue().entrySet()) {
        List<Map<String, Object>> cur = ex.get(a.getKey());
        if (cur == null || cur.isEmpty() || cur.stream().allMatch(Map::isEmpty)) {
          ex.put(a.getKey(), new ArrayList<>(a.getValue()));
        } else {
          cur.addAll(a.getValue());
        }
      }
    }
    List<String> p = new ArrayList<>(prf);
    p.addAll(other.prf); // siwe-recap compares CID objects by identity, so nothing is de-duplicated
    return new RecapObject(RecapValues.freeze(m), List.copyOf(p));
  }

  // ---------------------------------------------------------------- reading

  /**
   * Attenuations: resource → ability → nota bene objects (unmodifiable).
   *
   * @return the attenuations
   */
  public Map<String, Map<String, List<Map<String, Object>>>> attenuations() {
    return att;
  }

  /**
   * Proof CIDs, as CIDv1 base58btc strings ({@code z…}).
   *
   * @return the proof CIDs, possibly empty
   */
  public List<String> proofs() {
    return prf;
  }

  /**
   * The ReCap statement as siwe-recap writes it: {@value #STATEMENT_PREFIX} then {@code (n)
   * 'Namespace': 'Name', 'Name' for 'resource'.} per resource (sorted) and namespace.
   *
   * @return the ReCap statement
   */
  public String rawStatement() {
    StringBuilder sb = new StringBuilder(STATEMENT_PREFIX).append(' ');
    int section = 1;
    for (String resource : new TreeMap<>(att).keySet()) {
      Map<String, List<String>> byNamespace = new LinkedHashMap<>();
      for (String ability : new TreeMap<>(att.get(resource)).keySet()) {
        int slash = ability.indexOf('/');
        byNamespace
            .computeIfAbsent(ability.substring(0, slash), k -> new ArrayList<>())
            .add(ability.substring(slash + 1));
      }
      for (var ns : jsKeyOrder(byNamespace).entrySet()) {
        sb.append('(').append(section++).append(") '").append(ns.getKey()).append("': ");
        for (int i = 0; i < ns.getValue().size(); i++) {
          if (i > 0) sb.append(", ");
          sb.append('\'').append(ns.getValue().get(i)).append('\'');
        }
        sb.append(" for '").append(resource).append("'. ");
      }
    }
    return sb.substring(0, sb.length() - 1);
  }

  /**
   * The statement as the Lit {@code RecapSessionCapabilityObject.statement} getter returns it:
   * {@link #rawStatement()} with {@code \\n} turned into {@code \n} and {@code \"} into {@code '}
   * (the same text for Lit resources).
   *
   * @return the statement as Lit reads it
   */
  public String statement() {
    return rawStatement().replace("\\\\n", "\\n").replace("\\\"", "'");
  }

  /**
   * {@return the canonical JSON of {@code {att, prf}}: keys sorted by UTF-16 code unit at every
   * level, nota bene included, as 4.2.0's siwe-recap writes it with {@code canonicalize} (so {@code
   * "10"} comes before {@code "9"}, unlike {@code JSON.stringify}), which is also the order {@link
   * #decode} requires}
   */
  public String toCanonicalJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("att", att);
    root.put("prf", prf);
    return CanonicalJson.write(root);
  }

  /** {@return {@code urn:recap:} + base64url (no padding) of {@link #toCanonicalJson()}} */
  public String encode() {
    return URN_PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(toCanonicalJson().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a {@code urn:recap:} resource like siwe-recap {@code decode_urn}: base64url (padding
   * tolerated), JSON {@code {att: object, prf: [string]}}, valid ability strings, nota bene lists
   * of objects, and keys sorted at every level.
   *
   * @param urn the {@code urn:recap:} resource
   * @return the recap
   * @throws RecapException naming what is wrong
   */
  public static RecapObject decode(String urn) {
    return RecapDecoder.decode(urn, true);
  }

  /**
   * Decodes like {@link #decode(String)} but accepts keys in any order, as a Lit node reads recaps.
   *
   * @param urn the {@code urn:recap:} resource
   * @return the recap
   * @throws RecapException naming what is wrong
   */
  public static RecapObject decodeUnsorted(String urn) {
    return RecapDecoder.decode(urn, false);
  }

  /**
   * siwe-recap {@code extract}: decodes the last resource of the SIWE.
   *
   * @param siwe the SIWE message
   * @return the recap of its last resource
   * @throws RecapException when the SIWE has no resources or the last one is not a valid recap
   */
  public static RecapObject extract(SiweMessage siwe) {
    return RecapSiwe.extract(siwe);
  }

  /**
   * siwe-recap {@code extract_and_verify}: {@link #extract} and check that the SIWE statement ends
   * with the recap's statement.
   *
   * @param siwe the SIWE message
   * @return the recap of its last resource
   * @throws RecapException when there is no recap or the statement does not match
   */
  public static RecapObject extractAndVerify(SiweMessage siwe) {
    return RecapSiwe.extractAndVerify(siwe);
  }

  /**
   * siwe-recap {@code add_to_siwe_message}: if the SIWE's last resource is a recap whose statement
   * ends the SIWE statement, merges this recap into it (statement suffix and last resource
   * replaced); otherwise appends this recap's statement (after a space, or as the statement when
   * there is none) and its URN.
   *
   * @param siwe the SIWE message
   * @return a new SIWE message carrying this recap
   */
  public SiweMessage addToSiweMessage(SiweMessage siwe) {
    return RecapSiwe.addToSiweMessage(this, siwe);
  }

  /**
   * Lit {@code verifyCapabilitiesForResource}: false when {@code ability} does not apply to the
   * resource; otherwise looks at {@code <prefix>://*} if attenuated, else the exact key, and is
   * true when that entry holds {@code *}/{@code *} or the ability's {@code Namespace/Name}.
   *
   * @param resource the resource asked for
   * @param ability the ability asked for
   * @return whether the recap grants {@code ability} on {@code resource}
   */
  public boolean verifyCapabilitiesForResource(LitResource resource, LitAbility ability) {
    if (!resource.isValidLitAbility(ability)) return false;
    String wildcard = resource.prefix().wire() + "://*";
    Map<String, List<Map<String, Object>>> abilities =
        att.containsKey(wildcard) ? att.get(wildcard) : att.get(resource.resourceKey());
    if (abilities == null) return false;
    return abilities.containsKey("*/*") || abilities.containsKey(ability.recapKey());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecapObject r && r.toCanonicalJson().equals(toCanonicalJson());
  }

  @Override
  public int hashCode() {
    return toCanonicalJson().hashCode();
  }

  @Override
  public String toString() {
    return "RecapObject" + toCanonicalJson();
  }

  // ---------------------------------------------------------------- helpers

  /** JavaScript object key order ({@link JsJson#propertyOrder}). */
  private static <V> Map<String, V> jsKeyOrder(Map<String, V> m) {
    Map<String, V> out = new LinkedHashMap<>();
    for (String k : JsJson.propertyOrder(m.keySet())) out.put(k, m.get(k));
    return out;
  }
}
