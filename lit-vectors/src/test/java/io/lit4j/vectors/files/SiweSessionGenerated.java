package io.lit4j.vectors.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.capacity.CapacityDelegation;
import io.lit4j.auth.capacity.CapacityDelegationRequest;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.resources.LitResource;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.session.SessionSiwe;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.auth.siwe.SiweParseException;
import io.lit4j.auth.siwe.SiweVerifyOptions;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.json.JsJson;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.vectors.VectorCheck;
import io.lit4j.vectors.VectorFileChecker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code siwe_session.generated.json}: SIWE texts and parsing, ReCap URNs / statements /
 * merges / capability checks, per-node session signatures, and capacity delegations.
 */
public final class SiweSessionGenerated implements VectorFileChecker {

  @Override
  public List<VectorCheck> checks(JsonNode file) {
    List<VectorCheck> out = new ArrayList<>();
    siwe(file.get("siwe"), out);
    recap(file.get("recap"), out);
    sessions(file.get("sessionSignedMessage"), out);
    capacity(file.get("capacityDelegation"), out);
    return out;
  }

  // ------------------------------------------------------------------ siwe

  private void siwe(JsonNode section, List<VectorCheck> out) {
    Web3jEthSigner signer =
        Web3jEthSigner.fromPrivateKey(section.get("signer").get("privateKey").asText());
    for (JsonNode c : section.get("cases")) {
      String id = "siwe " + c.get("id").asText();
      out.add(
          VectorCheck.of(
              id + ": prepareMessage from fields",
              () ->
                  assertEquals(
                      c.get("message").asText(), fromFields(c.get("fields")).prepareMessage())));
      out.add(
          VectorCheck.of(
              id + ": parse gives the fields back",
              () -> {
                SiweMessage parsed = SiweMessage.parse(c.get("message").asText());
                JsonNode expected =
                    c.has("parseBack") ? c.get("parseBack").get("fields") : c.get("fields");
                assertEquals(expected, fieldsOf(parsed));
                String text =
                    c.has("parseBack")
                        ? c.get("parseBack").get("message").asText()
                        : c.get("message").asText();
                assertEquals(text, parsed.prepareMessage());
              }));
      if (c.has("recapBuiltWith")) {
        out.add(
            VectorCheck.of(
                id + ": statement and resources from addToSiweMessage",
                () -> {
                  JsonNode rb = c.get("recapBuiltWith");
                  RecapObject recap = applyOps(RecapObject.empty(), rb.get("ops"));
                  SiweMessage before =
                      fromFields(c.get("fields")).toBuilder()
                          .statement(nullableText(rb.get("statementBefore")))
                          .resources(nullableList(rb.get("resourcesBefore")))
                          .build();
                  SiweMessage after = recap.addToSiweMessage(before);
                  assertEquals(c.get("message").asText(), after.prepareMessage());
                  assertEquals(
                      c.get("fields").get("statement").asText(), after.statement().orElseThrow());
                }));
      }
      if (c.has("signature")) {
        out.add(
            VectorCheck.of(
                id + ": EIP-191 auth sig",
                () -> {
                  JsonNode s = c.get("signature");
                  String message = c.get("message").asText();
                  assertEquals(
                      s.get("eip191Digest").asText(),
                      Hex.encode0x(EthHash.personalMessageHash(message)));
                  AuthSig made = AuthSigs.generate(signer, message);
                  assertEquals(JsJson.stringify(s.get("authSig")), made.toJson());
                  assertEquals(made, AuthSig.fromJson(s.get("authSig"), "authSig"));
                  SiweMessage parsed = SiweMessage.parse(message);
                  parsed.verify(
                      made.sig(),
                      SiweVerifyOptions.at(parsed.issuedAtInstant())
                          .withDomain(parsed.domain())
                          .withNonce(parsed.nonce()));
                  AuthSigs.verifyEip191(made);
                  if (s.has("authMethod")) {
                    AuthMethod m = AuthMethod.ethWallet(made);
                    assertEquals(
                        s.get("authMethod").get("authMethodType").asInt(), m.authMethodType());
                    assertEquals(s.get("authMethod").get("accessToken").asText(), m.accessToken());
                  }
                }));
      }
    }
  }

  // ------------------------------------------------------------------ recap

  private void recap(JsonNode section, List<VectorCheck> out) {
    JsonNode template = section.get("siweTemplate");
    for (JsonNode c : section.get("cases")) {
      String id = "recap " + c.get("id").asText();
      out.add(
          VectorCheck.of(
              id + ": urn, canonical json and statement",
              () -> {
                RecapObject r = build(c.get("calls"));
                assertEquals(c.get("json").asText(), r.toCanonicalJson());
                assertEquals(c.get("urn").asText(), r.encode());
                assertEquals(c.get("statement").asText(), r.statement());
              }));
      out.add(
          VectorCheck.of(
              id + ": decode",
              () -> {
                RecapObject d = RecapObject.decode(c.get("urn").asText());
                assertEquals(c.get("decoded"), LitJson.parse(d.toCanonicalJson(), "recap"));
                assertEquals(build(c.get("calls")), d);
              }));
      out.add(
          VectorCheck.of(
              id + ": addToSiweMessage (" + c.get("siwe").get("path").asText() + ")",
              () -> {
                JsonNode s = c.get("siwe");
                SiweMessage before =
                    fromFields(template).toBuilder()
                        .statement(nullableText(s.get("before").get("statement")))
                        .resources(nullableList(s.get("before").get("resources")))
                        .uri(
                            s.get("message").asText().contains("URI: lit:capability:delegation")
                                ? "lit:capability:delegation"
                                : template.get("uri").asText())
                        .build();
                if (c.has("existingRecap")) {
                  RecapObject existing =
                      applyOps(RecapObject.empty(), c.get("existingRecap").get("ops"));
                  assertEquals(c.get("existingRecap").get("urn").asText(), existing.encode());
                }
                SiweMessage after = build(c.get("calls")).addToSiweMessage(before);
                assertEquals(
                    s.get("after").get("statement").asText(), after.statement().orElseThrow());
                assertEquals(
                    s.get("after").get("resources"),
                    LitJson.mapper().valueToTree(after.resources().orElseThrow()));
                assertEquals(s.get("message").asText(), after.prepareMessage());
                if (s.has("mergedRecap")) {
                  RecapObject merged = RecapObject.extractAndVerify(after);
                  assertEquals(s.get("mergedRecap").get("urn").asText(), merged.encode());
                  assertEquals(s.get("mergedRecap").get("json").asText(), merged.toCanonicalJson());
                }
              }));
      for (JsonNode chk : c.get("capabilityChecks")) {
        String what = chk.get("ability").asText() + " on " + chk.get("resource").asText();
        out.add(
            VectorCheck.of(
                id + ": verifyCapabilitiesForResource " + what,
                () -> {
                  // the checks run on the final recap: the merged one where the SIWE path merged
                  RecapObject r = build(c.get("calls"));
                  if (c.has("existingRecap"))
                    r = RecapObject.decode(c.get("siwe").get("mergedRecap").get("urn").asText());
                  assertEquals(
                      chk.get("verifyCapabilitiesForResource").asBoolean(),
                      r.verifyCapabilitiesForResource(
                          LitResource.parseKey(chk.get("resource").asText()),
                          LitAbility.fromWire(chk.get("ability").asText())));
                }));
      }
    }
  }

  private static RecapObject build(JsonNode calls) {
    RecapObject r = RecapObject.empty();
    for (JsonNode call : calls) {
      String name = call.get("call").asText();
      if (name.startsWith("new RecapSessionCapabilityObject")) {
        r = RecapObject.empty();
      } else if (name.equals("LitNodeClientNodeJs.generateSessionCapabilityObjectWithWildcards")) {
        List<LitResource> res = new ArrayList<>();
        call.get("resources").forEach(x -> res.add(LitResource.parseKey(x.asText())));
        r = RecapObject.withWildcards(res, call.get("addAllCapabilities").asBoolean());
      } else {
        r = applyOp(r, call);
      }
    }
    return r;
  }

  private static RecapObject applyOps(RecapObject r, JsonNode ops) {
    for (JsonNode op : ops) r = applyOp(r, op);
    return r;
  }

  @SuppressWarnings("unchecked")
  private static RecapObject applyOp(RecapObject r, JsonNode op) {
    LitResource res = LitResource.parseKey(op.get("resource").asText());
    switch (op.get("call").asText()) {
      case "addCapabilityForResource" -> {
        Map<String, Object> data =
            op.has("data")
                ? LitJson.mapper().convertValue(op.get("data"), LinkedHashMap.class)
                : Map.of();
        return r.withCapabilityForResource(
            res, LitAbility.fromWire(op.get("ability").asText()), data);
      }
      case "addAllCapabilitiesForResource" -> {
        return r.withAllCapabilitiesForResource(res);
      }
      default -> throw new AssertionError("unknown recap call " + op.get("call").asText());
    }
  }

  // ------------------------------------------------------------------ sessions

  private static final Pattern CB_STATEMENT = Pattern.compile("statement \"([^\"]*)\"");
  private static final Pattern CB_DOMAIN = Pattern.compile("domain (\\S+), chainId (\\d+)");

  private void sessions(JsonNode section, List<VectorCheck> out) {
    for (JsonNode c : section.get("cases")) {
      String id = "session " + c.get("id").asText();
      JsonNode in = c.get("inputs");
      Clock clock = Clock.fixed(Instant.parse(c.get("now").asText()), ZoneOffset.UTC);
      out.add(
          VectorCheck.of(
              id + ": session key pair",
              () -> {
                SessionKeyPair kp =
                    SessionKeyPair.fromSeed(Hex.decode(in.get("sessionKey").get("seed").asText()));
                assertEquals(in.get("sessionKey").get("publicKey").asText(), kp.publicKeyHex());
                assertEquals(in.get("sessionKey").get("secretKey").asText(), kp.secretKeyHex());
                assertEquals(in.get("sessionKeyUri").asText(), kp.uri());
              }));
      int n = 0;
      for (JsonNode call : c.get("authNeededCallbackCalls")) {
        int callNo = ++n;
        out.add(
            VectorCheck.of(
                id + ": auth callback call " + callNo + " wallet SIWE and auth sig",
                () -> {
                  Web3jEthSigner wallet =
                      Web3jEthSigner.fromPrivateKey(in.get("wallet").get("privateKey").asText());
                  AuthSig returned = AuthSig.fromJson(call.get("returned"), "returned");
                  SiweMessage returnedSiwe = SiweMessage.parseLenient(returned.signedMessage());
                  if (!returned.signedMessage().chars().allMatch(ch -> ch < 0x80)) {
                    // siwe's grammar (and so the 4.2.0 re-sign check) rejects non-ASCII statements
                    assertThrows(
                        SiweParseException.class,
                        () -> SiweMessage.parse(returned.signedMessage()));
                  }
                  AuthSigs.verifyEip191(returned);
                  assertEquals(
                      JsJson.stringify(call.get("returned")),
                      AuthSigs.generate(wallet, returned.signedMessage()).toJson());
                  JsonNode p = call.get("params");
                  assertEquals(
                      "urn:recap:eyJhdHQiOnt9LCJwcmYiOltdfQ", p.get("resources").get(0).asText());
                  assertEquals(RecapObject.empty().statement(), p.get("statement").asText());
                  if (!returnedSiwe.uri().equals(p.get("uri").asText())) {
                    // a stale auth sig for another session key: the SDK must re-sign (uri check)
                    assertTrue(
                        callNo < c.get("authNeededCallbackCalls").size(),
                        "a stale auth sig must be followed by a re-sign call");
                    return;
                  }
                  String cb = in.get("authNeededCallback").asText();
                  Matcher st = CB_STATEMENT.matcher(cb);
                  Matcher dm = CB_DOMAIN.matcher(cb);
                  assertTrue(dm.find(), "callback description names domain and chainId");
                  List<ResourceAbilityRequest> reqs =
                      p.has("resourceAbilityRequests")
                          ? requests(p.get("resourceAbilityRequests"))
                          : cb.contains("params.resourceAbilityRequests ?? []")
                              ? List.of()
                              : requests(in.get("resourceAbilityRequests"));
                  SiweMessage built =
                      SessionSiwe.builder()
                          .domain(dm.group(1))
                          .chainId(Long.parseLong(dm.group(2)))
                          .address(wallet.address())
                          .statement(st.find() ? st.group(1) : null)
                          .uri(p.get("uri").asText())
                          .nonce(p.get("nonce").asText())
                          .expiration(p.get("expiration").asText())
                          .resourceAbilityRequests(reqs)
                          .clock(clock)
                          .build();
                  assertEquals(returned.signedMessage(), built.prepareMessage());
                }));
      }
      out.add(
          VectorCheck.of(
              id + ": re-sign decisions of checkNeedToResignSessionKey",
              () -> {
                JsonNode calls = c.get("authNeededCallbackCalls");
                List<ResourceAbilityRequest> reqs = requests(in.get("resourceAbilityRequests"));
                Instant now = clock.instant();
                for (int k = 0; k < calls.size(); k++) {
                  AuthSig a = AuthSig.fromJson(calls.get(k).get("returned"), "returned");
                  boolean last = k == calls.size() - 1;
                  if (!a.signedMessage().chars().allMatch(ch -> ch < 0x80)) {
                    // 4.2.0 only accepts this one from the re-sign call, which is not checked again
                    assertTrue(last);
                    assertThrows(
                        SiweParseException.class,
                        () ->
                            io.lit4j.auth.session.WalletSigCheck.needToResign(
                                a, in.get("sessionKeyUri").asText(), reqs, now));
                  } else {
                    assertEquals(
                        !last,
                        io.lit4j.auth.session.WalletSigCheck.needToResign(
                            a, in.get("sessionKeyUri").asText(), reqs, now),
                        "call "
                            + (k + 1)
                            + (last ? " must be accepted" : " must trigger a re-sign"));
                  }
                }
              }));
      out.add(
          VectorCheck.of(
              id + ": the signed wallet SIWE covers every request (no re-sign needed)",
              () -> {
                JsonNode calls = c.get("authNeededCallbackCalls");
                AuthSig wallet =
                    AuthSig.fromJson(calls.get(calls.size() - 1).get("returned"), "returned");
                SiweMessage siwe = SiweMessage.parseLenient(wallet.signedMessage());
                assertEquals(in.get("sessionKeyUri").asText(), siwe.uri());
                RecapObject recap = RecapObject.decode(siwe.resources().orElseThrow().get(0));
                for (ResourceAbilityRequest r : requests(in.get("resourceAbilityRequests"))) {
                  assertTrue(
                      recap.verifyCapabilitiesForResource(r.resource(), r.ability()), r.toString());
                }
              }));
      if (in.has("capacityDelegationAuthSig")) {
        out.add(
            VectorCheck.of(
                id + ": capacity delegation auth sig",
                () -> {
                  JsonNode ci = in.get("capacityDelegationAuthSigInputs");
                  CapacityDelegation d =
                      CapacityDelegation.create(
                          Web3jEthSigner.fromPrivateKey(
                              ci.get("dAppOwnerWallet").get("privateKey").asText()),
                          capacityRequest(ci),
                          Clock.fixed(Instant.parse(ci.get("now").asText()), ZoneOffset.UTC));
                  assertEquals(
                      JsJson.stringify(in.get("capacityDelegationAuthSig")),
                      d.capacityDelegationAuthSig().toJson());
                }));
      }
      out.add(
          VectorCheck.of(
              id + ": per-node signed messages, signatures and session sig objects",
              () -> {
                SessionKeyPair kp =
                    SessionKeyPair.fromSecretKeyHex(in.get("sessionKey").get("secretKey").asText());
                JsonNode tpl = c.get("signingTemplate");
                JsonNode calls = c.get("authNeededCallbackCalls");
                AuthSig wallet =
                    AuthSig.fromJson(calls.get(calls.size() - 1).get("returned"), "returned");
                Optional<AuthSig> capacity =
                    in.has("capacityDelegationAuthSig")
                        ? Optional.of(
                            AuthSig.fromJson(
                                in.get("capacityDelegationAuthSig"), "capacityDelegationAuthSig"))
                        : Optional.empty();
                List<AuthSig> caps = SessionSigs.capabilities(capacity, wallet);
                List<String> urls = new ArrayList<>();
                in.get("nodeAddresses").forEach(u -> urls.add(u.asText()));
                SessionSigs sigs =
                    SessionSigs.sign(
                        kp, requests(in.get("resourceAbilityRequests")), caps, urls, clock);
                assertEquals(urls, sigs.nodeUrls());
                for (JsonNode pn : c.get("perNode")) {
                  String url = pn.get("nodeAddress").asText();
                  AuthSig mine = sigs.forNode(url);
                  JsonNode theirs = c.get("sessionSigs").get(url);
                  byte[] bytes = mine.signedMessage().getBytes(StandardCharsets.UTF_8);
                  assertEquals(
                      pn.get("signedMessageUtf8Bytes").asInt(),
                      bytes.length,
                      url + " signed message length");
                  assertEquals(
                      pn.get("signedMessageSha256").asText(),
                      Hex.encode(MessageDigest.getInstance("SHA-256").digest(bytes)));
                  assertEquals(theirs.get("signedMessage").asText(), mine.signedMessage());
                  assertEquals(pn.get("sig").asText(), mine.sig());
                  assertEquals(JsJson.stringify(theirs), mine.toJson());
                  assertTrue(SessionSigs.verifySignature(mine));
                  var parsed =
                      io.lit4j.auth.session.SessionKeySignedMessage.parse(mine.signedMessage());
                  assertEquals(tpl.get("issuedAt").asText(), parsed.issuedAt());
                  assertEquals(tpl.get("expiration").asText(), parsed.expiration());
                  assertEquals(
                      JsJson.stringify(tpl.get("capabilities")),
                      JsJson.stringify(
                          LitJson.parse(
                              JsJson.stringify(
                                  parsed.capabilities().stream().map(AuthSig::toJsValue).toList()),
                              "caps")));
                }
                assertEquals(JsJson.stringify(c.get("sessionSigs")), sigs.toJson());
                assertEquals(sigs, SessionSigs.fromJson(sigs.toJson()));
              }));
    }
  }

  private static List<ResourceAbilityRequest> requests(JsonNode arr) {
    List<ResourceAbilityRequest> out = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++)
      out.add(ResourceAbilityRequest.fromJson(arr.get(i), "resourceAbilityRequests[" + i + "]"));
    return out;
  }

  // ------------------------------------------------------------------ capacity delegation

  private void capacity(JsonNode section, List<VectorCheck> out) {
    for (JsonNode c : section.get("cases")) {
      String id = "capacity " + c.get("id").asText();
      JsonNode in = c.get("inputs");
      out.add(
          VectorCheck.of(
              id + ": SIWE, recap and auth sig",
              () -> {
                Web3jEthSigner owner =
                    Web3jEthSigner.fromPrivateKey(
                        in.get("dAppOwnerWallet").get("privateKey").asText());
                assertEquals(in.get("dAppOwnerWallet").get("address").asText(), owner.address());
                CapacityDelegation d =
                    CapacityDelegation.create(
                        owner,
                        capacityRequest(in),
                        Clock.fixed(Instant.parse(in.get("now").asText()), ZoneOffset.UTC));
                assertEquals(
                    c.get("signedMessage").asText(), d.capacityDelegationAuthSig().signedMessage());
                assertEquals(
                    c.get("litResource").get("resource").asText(), d.litResource().resource());
                assertEquals(
                    c.get("litResource").get("resourcePrefix").asText(),
                    d.litResource().prefix().wire());
                assertEquals(
                    JsJson.stringify(c.get("authSig")), d.capacityDelegationAuthSig().toJson());
                assertEquals(
                    c.get("eip191Digest").asText(),
                    Hex.encode0x(EthHash.personalMessageHash(c.get("signedMessage").asText())));
                SiweMessage parsed = SiweMessage.parse(c.get("signedMessage").asText());
                assertEquals(c.get("siweFields"), fieldsOf(parsed));
                RecapObject recap = RecapObject.extractAndVerify(parsed);
                assertEquals(c.get("recap").get("urn").asText(), recap.encode());
                assertEquals(c.get("recap").get("json").asText(), recap.toCanonicalJson());
                assertEquals(
                    c.get("recap").get("decoded"), LitJson.parse(recap.toCanonicalJson(), "recap"));
                AuthSigs.verifyEip191(d.capacityDelegationAuthSig());
              }));
    }
  }

  private static CapacityDelegationRequest capacityRequest(JsonNode in) {
    CapacityDelegationRequest.Builder b =
        CapacityDelegationRequest.builder().nonce(in.get("latestBlockhash").get("value").asText());
    if (in.has("capacityTokenId")) b.capacityTokenId(in.get("capacityTokenId").asText());
    if (in.has("delegateeAddresses")) {
      List<String> d = new ArrayList<>();
      in.get("delegateeAddresses").forEach(x -> d.add(x.asText()));
      b.delegateeAddresses(d);
    }
    if (in.has("uses")) b.uses(in.get("uses").asText());
    if (in.has("domain")) b.domain(in.get("domain").asText());
    if (in.has("expiration")) b.expiration(in.get("expiration").asText());
    return b.build();
  }

  // ------------------------------------------------------------------ helpers

  private static SiweMessage fromFields(JsonNode f) {
    SiweMessage.Builder b =
        SiweMessage.builder()
            .domain(f.get("domain").asText())
            .address(f.get("address").asText())
            .uri(f.get("uri").asText())
            .version(f.get("version").asText())
            .chainId(f.get("chainId").asLong())
            .nonce(f.get("nonce").asText())
            .issuedAt(f.get("issuedAt").asText());
    if (f.has("statement")) b.statement(f.get("statement").asText());
    if (f.has("expirationTime")) b.expirationTime(f.get("expirationTime").asText());
    if (f.has("notBefore")) b.notBefore(f.get("notBefore").asText());
    if (f.has("requestId")) b.requestId(f.get("requestId").asText());
    if (f.has("resources")) b.resources(nullableList(f.get("resources")));
    return b.build();
  }

  private static JsonNode fieldsOf(SiweMessage m) {
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("domain", m.domain());
    o.put("address", m.address());
    m.statement().ifPresent(s -> o.put("statement", s));
    o.put("uri", m.uri());
    o.put("version", m.version());
    if (m.chainId() <= Integer.MAX_VALUE) o.put("chainId", (int) m.chainId());
    else o.put("chainId", m.chainId());
    o.put("nonce", m.nonce());
    o.put("issuedAt", m.issuedAt());
    m.expirationTime().ifPresent(s -> o.put("expirationTime", s));
    m.notBefore().ifPresent(s -> o.put("notBefore", s));
    m.requestId().ifPresent(s -> o.put("requestId", s));
    m.resources().ifPresent(r -> o.set("resources", LitJson.mapper().valueToTree(r)));
    return o;
  }

  private static String nullableText(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static List<String> nullableList(JsonNode n) {
    if (n == null || n.isNull()) return null;
    List<String> l = new ArrayList<>();
    n.forEach(x -> l.add(x.asText()));
    return l;
  }
}
