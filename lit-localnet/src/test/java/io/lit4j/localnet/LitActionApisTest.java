package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.localnet.actions.FetchResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;

/** Every v4 Lit Action API beyond signing, through real nodes ({@code /web/execute}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LitActionApisTest {
  /**
   * CIDs computed by the npm package ipfs-only-hash 4.0.0 ({@code Hash.of(code)}, the {@code ipfs
   * add} defaults).
   */
  static final String CHILD_CODE =
      "Lit.Actions.setResponse({ response: 'child:' + greeting + ':' + Lit.Auth.actionIpfsIds.join(',') });";

  static final String CHILD_CID = "Qmc4ciuXsxkKK72eLimK7BUbTnU4Kc8k7fytc6Q17NDJ5s";
  static final String RECURSIVE_CODE =
      "(async () => { const n = depth; if (n > 0) { await Lit.Actions.call({ ipfsId: selfId, params: { selfId, depth: n - 1 } }); } console.log('depth ' + n); })();";
  static final String RECURSIVE_CID = "QmXduhuUTuzYaneJqzfi5td6T2iuxHiAtK8TbHoAWs1SnL";

  private LocalLitNetwork net;
  private Credentials owner;
  private HttpServer server;
  private String base;
  private final AtomicInteger priceCalls = new AtomicInteger();
  private final AtomicInteger oracleCalls = new AtomicInteger();

  @BeforeAll
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext(
        "/price",
        ex -> {
          priceCalls.incrementAndGet();
          byte[] b = "{\"symbol\":\"ETH\",\"usd\":3150.25}".getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.getResponseHeaders().add("X-Oracle", "local");
          ex.sendResponseHeaders(200, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
    server.createContext(
        "/echo",
        ex -> {
          byte[] in = ex.getRequestBody().readAllBytes();
          String out =
              ex.getRequestMethod()
                  + "|"
                  + ex.getRequestHeaders().getFirst("X-Api-Key")
                  + "|"
                  + ex.getRequestHeaders().getFirst("Content-Type")
                  + "|"
                  + new String(in, StandardCharsets.UTF_8);
          byte[] b = out.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(201, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    net =
        LocalLitNetwork.builder()
            .nodes(3)
            .seed("lit4j-action-apis")
            .routeFetch(
                "oracle.lit4j.test",
                req -> {
                  oracleCalls.incrementAndGet();
                  return FetchResponse.json(
                      200,
                      "{\"path\":\""
                          + req.uri().getPath()
                          + "\",\"method\":\""
                          + req.method()
                          + "\"}");
                })
            .start();
    owner = net.devAccount(3);
  }

  @AfterAll
  void stop() {
    if (net != null) net.close();
    if (server != null) server.stop(0);
  }

  private ObjectNode request(String code, ObjectNode jsParams) throws Exception {
    String nonce =
        net.anvil()
            .web3j()
            .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
            .send()
            .getBlock()
            .getHash();
    ObjectNode body = NodeCalls.object();
    body.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(owner, nonce)));
    if (code != null)
      body.put("code", Base64.getEncoder().encodeToString(code.getBytes(StandardCharsets.UTF_8)));
    body.set("jsParams", jsParams == null ? NodeCalls.object() : jsParams);
    return body;
  }

  private List<NodeCalls.Answer> execute(String code, ObjectNode jsParams) throws Exception {
    return NodeCalls.all(net, "/web/execute", request(code, jsParams));
  }

  private static String okResponse(List<NodeCalls.Answer> answers) {
    String first = null;
    for (NodeCalls.Answer a : answers) {
      assertEquals(200, a.status(), a.body().toString());
      String r = a.body().get("response").asText();
      if (first == null) first = r;
      assertEquals(first, r, "every node answers the same");
    }
    return first;
  }

  @Test
  void fetchMakesRealHttpRequestsFromEveryNode() throws Exception {
    int before = priceCalls.get();
    String code =
        String.join(
            "\n",
            "(async () => {",
            "  const r = await fetch(base + '/price');",
            "  const j = await r.json();",
            "  const e = await fetch(base + '/echo', { method: 'POST', headers: { 'X-Api-Key': 'k1', 'Content-Type': 'text/plain' }, body: 'payload' });",
            "  Lit.Actions.setResponse({ response: JSON.stringify({ status: r.status, ok: r.ok, oracle: r.headers.get('x-oracle'),",
            "    usd: j.usd, echoStatus: e.status, echo: await e.text() }) });",
            "})();");
    JsonNode r =
        LitJson.parse(okResponse(execute(code, NodeCalls.object().put("base", base))), "response");
    assertEquals(200, r.get("status").asInt());
    assertTrue(r.get("ok").asBoolean());
    assertEquals("local", r.get("oracle").asText());
    assertEquals(3150.25, r.get("usd").asDouble());
    assertEquals(201, r.get("echoStatus").asInt());
    assertEquals("POST|k1|text/plain|payload", r.get("echo").asText());
    assertEquals(3, priceCalls.get() - before, "one request per node");
  }

  @Test
  void fetchToARoutedHostIsAnsweredInProcess() throws Exception {
    int before = oracleCalls.get();
    String code =
        "(async () => { const r = await fetch('https://oracle.lit4j.test/eth/usd', { method: 'PUT', body: new Uint8Array([1, 2]) });"
            + " Lit.Actions.setResponse({ response: (await r.json()).path + ' ' + (await fetch('https://oracle.lit4j.test/x')).headers.get('content-type') }); })();";
    assertEquals("/eth/usd application/json", okResponse(execute(code, null)));
    assertEquals(6, oracleCalls.get() - before);
  }

  @Test
  void fetchIsLimitedTo50RequestsPerExecutionAndFailuresAreTypeErrors() throws Exception {
    String code =
        String.join(
            "\n",
            "(async () => {",
            "  let done = 0, error = '';",
            "  for (let i = 0; i < 51; i++) {",
            "    try { await fetch('https://oracle.lit4j.test/n/' + i); done++; } catch (e) { error = String(e); }",
            "  }",
            "  let network = '';",
            "  try { await fetch('http://127.0.0.1:1/nothing'); } catch (e) { network = e.constructor.name; }",
            "  Lit.Actions.setResponse({ response: JSON.stringify({ done, error, network }) });",
            "})();");
    JsonNode r = LitJson.parse(okResponse(execute(code, null)), "response");
    assertEquals(50, r.get("done").asInt());
    assertTrue(
        r.get("error").asText().contains("You may not send more than 50 HTTP requests per session"),
        r.toString());
    // the 52nd request is over the limit too: the limit, not the network, answers
    assertTrue(
        r.get("network").asText().equals("Error") || r.get("network").asText().equals("TypeError"),
        r.toString());
  }

  @Test
  void aNetworkFailureIsATypeError() throws Exception {
    String code =
        "(async () => { try { await fetch('http://127.0.0.1:1/nothing'); } catch (e) { Lit.Actions.setResponse({ response: e.constructor.name + ': ' + e.message }); } })();";
    String r = okResponse(execute(code, null));
    assertTrue(
        r.startsWith("TypeError: error sending request for url (http://127.0.0.1:1/nothing)"), r);
  }

  @Test
  void pinnedCodeGetsTheCidIpfsComputesAndCallRunsItAsAChild() throws Exception {
    NodeCalls.Answer pinned =
        NodeCalls.post(
            net.nodeUrls().get(1),
            LocalLitNetwork.PIN_PATH,
            NodeCalls.object().put("code", CHILD_CODE),
            NodeCalls.requestId());
    assertEquals(200, pinned.status(), pinned.body().toString());
    assertEquals(CHILD_CID, pinned.body().get("ipfsId").asText());
    assertEquals(CHILD_CID, net.pinAction(CHILD_CODE));
    String parent =
        "(async () => { console.log('parent'); const r = await Lit.Actions.call({ ipfsId: childId, params: { greeting: 'hello' } });"
            + " console.log('child said ' + r); Lit.Actions.setResponse({ response: r + '|' + Lit.Auth.actionIpfsIds.length }); })();";
    List<NodeCalls.Answer> answers = execute(parent, NodeCalls.object().put("childId", CHILD_CID));
    assertEquals("child:hello:" + CHILD_CID + "|1", okResponse(answers));
    assertEquals(
        "parent\nchild said child:hello:" + CHILD_CID + "\n",
        answers.get(0).body().get("logs").asText());
  }

  @Test
  void childActionsNestAtMostFiveDeep() throws Exception {
    assertEquals(RECURSIVE_CID, net.pinAction(RECURSIVE_CODE));
    ObjectNode ok = request(null, NodeCalls.object().put("selfId", RECURSIVE_CID).put("depth", 5));
    ok.put("ipfsId", RECURSIVE_CID);
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/execute", ok)) {
      assertEquals(200, a.status(), a.body().toString());
      assertEquals(
          "depth 0\ndepth 1\ndepth 2\ndepth 3\ndepth 4\ndepth 5\n", a.body().get("logs").asText());
    }
    ObjectNode tooDeep =
        request(null, NodeCalls.object().put("selfId", RECURSIVE_CID).put("depth", 6));
    tooDeep.put("ipfsId", RECURSIVE_CID);
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/execute", tooDeep)) {
      assertEquals(400, a.status(), a.body().toString());
      assertTrue(
          a.body().get("error").asText().contains("The recursion limit of a child action is 5"),
          a.body().toString());
    }
  }

  @Test
  void callWithAnUnpinnedIdFailsInsideTheAction() throws Exception {
    String code =
        "(async () => { try { await Lit.Actions.call({ ipfsId: 'QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG' }); } catch (e) { Lit.Actions.setResponse({ response: e.message }); } })();";
    assertTrue(okResponse(execute(code, null)).contains("is not pinned on lit-localnet"));
  }

  @Test
  void aesDecryptDecryptsAes256CbcWithTheIvUpFrontAndAnswersHex() throws Exception {
    byte[] key = new byte[32];
    byte[] iv = new byte[16];
    new SecureRandom().nextBytes(key);
    new SecureRandom().nextBytes(iv);
    Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    byte[] ct = c.doFinal("secret for the action".getBytes(StandardCharsets.UTF_8));
    byte[] withIv = new byte[16 + ct.length];
    System.arraycopy(iv, 0, withIv, 0, 16);
    System.arraycopy(ct, 0, withIv, 16, ct.length);
    ObjectNode params = NodeCalls.object();
    params.set("key", NodeCalls.json(toInts(key)));
    params.set("ct", NodeCalls.json(toInts(withIv)));
    String code =
        "(async () => { const hex = await Lit.Actions.aesDecrypt({ symmetricKey: new Uint8Array(key), ciphertext: new Uint8Array(ct) });"
            + " let bad = ''; try { await Lit.Actions.aesDecrypt({ symmetricKey: new Uint8Array(16), ciphertext: new Uint8Array(ct) }); } catch (e) { bad = e.message; }"
            + " Lit.Actions.setResponse({ response: hex + '|' + Lit.Actions.uint8arrayToString(Lit.Actions.uint8arrayFromString(hex, 'base16'), 'utf8') + '|' + bad }); })();";
    assertEquals(
        Hex.encode("secret for the action".getBytes(StandardCharsets.UTF_8))
            + "|secret for the action|Could not convert symmetric key to length 32",
        okResponse(execute(code, params)));
  }

  private static int[] toInts(byte[] b) {
    int[] out = new int[b.length];
    for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
    return out;
  }

  @Test
  void timersIntervalsAndPromisesRunInOrder() throws Exception {
    String code =
        String.join(
            "\n",
            "const seen = [];",
            "let ticks = 0;",
            "const id = setInterval(() => { seen.push('tick' + (++ticks)); if (ticks === 3) clearInterval(id); }, 5);",
            "const never = setTimeout(() => seen.push('never'), 1);",
            "clearTimeout(never);",
            "setTimeout((a, b) => seen.push('late' + a + b), 400, 'x', 'y');",
            "(async () => { await new Promise(r => setTimeout(r, 700)); seen.push('awaited');",
            "  Lit.Actions.setResponse({ response: seen.join(',') }); })();");
    assertEquals("tick1,tick2,tick3,latexy,awaited", okResponse(execute(code, null)));
  }

  @Test
  void litAuthHoldsTheV4AuthContext() throws Exception {
    String code = "Lit.Actions.setResponse({ response: JSON.stringify(Lit.Auth) });";
    List<NodeCalls.Answer> answers = execute(code, null);
    JsonNode auth = LitJson.parse(okResponse(answers), "Lit.Auth");
    assertEquals(
        io.lit4j.core.ipfs.IpfsCid.of(code.getBytes(StandardCharsets.UTF_8)),
        auth.get("actionIpfsIds").get(0).asText());
    assertEquals(1, auth.get("actionIpfsIds").size());
    assertEquals(
        Keys.toChecksumAddress(owner.getAddress()).toLowerCase(),
        auth.get("authSigAddress").asText().toLowerCase());
    assertTrue(auth.get("authMethodContexts").isArray());
    assertTrue(auth.get("resources").isArray());
    assertEquals("", auth.get("customAuthResource").asText());
  }

  @Test
  void consoleOutputComesBackInLogs() throws Exception {
    List<NodeCalls.Answer> answers =
        execute("console.log('a', 1, {b: 2}); console.error(new Error('e').message);", null);
    for (NodeCalls.Answer a : answers) {
      assertEquals(200, a.status());
      assertEquals("a 1 {\"b\":2}\ne\n", a.body().get("logs").asText());
    }
  }

  /** Odd and hostile actions: every answer is a v4 answer, none a leaked Java exception. */
  @Test
  void hostileActionsGetV4ErrorsNeverJavaExceptions() throws Exception {
    List<String> actions =
        List.of(
            "throw null;",
            "throw undefined;",
            "throw { weird: true };",
            "throw Symbol('s');",
            "Promise.reject();",
            "(async () => { throw 42; })();",
            "setTimeout('not a function', 1);",
            "setTimeout(() => { throw new Error('in a timer'); }, 1);",
            "setInterval(async () => { throw new Error('in an interval'); }, 1);",
            "const f = () => f(); f();",
            "Lit.Actions.setResponse({ response: 'x'.repeat(200000) });",
            "const a = {}; a.self = a; Lit.Actions.setResponse({ response: a });",
            "(async () => { await Lit.Actions.aesDecrypt({}); })();",
            "(async () => { await Lit.Actions.aesDecrypt({ symmetricKey: null, ciphertext: 5 }); })();",
            "(async () => { await Lit.Actions.call({}); })();",
            "(async () => { await Lit.Actions.call({ ipfsId: 'not-a-cid' }); })();",
            "(async () => { await fetch(); })();",
            "(async () => { await fetch('ftp://x'); })();",
            "(async () => { await fetch('http://[::1'); })();",
            "(async () => { await fetch('https://oracle.lit4j.test/', { method: 'GET', body: 'x' }); })();",
            "(async () => { await fetch({ url: 7 }, { headers: 5 }); })();",
            "(async () => { await Lit.Actions.signEcdsa({}); })();",
            "(async () => { await Lit.Actions.signEcdsa({ toSign: 'x', publicKey: 'zz', sigName: 's' }); })();",
            "(async () => { await Lit.Actions.checkConditions({ conditions: 5 }); })();",
            "(async () => { await Lit.Actions.isPermittedAction({ tokenId: 'x', ipfsId: 3 }); })();",
            "(async () => { await Lit.Actions.callContract({ chain: 'ethereum', txn: 'zz' }); })();",
            "(async () => { await Lit.Actions.encrypt({}); })();",
            "(async () => { await Lit.Actions.decryptAndCombine(null); })();",
            "Lit.Actions.uint8arrayFromString('zz', 'nonsense');",
            "Lit.Actions.uint8arrayToString([300], 'utf8');",
            "typeof __lit === 'undefined' && typeof __litRuntime === 'undefined' || (() => { throw new Error('bridge visible'); })();",
            "Object.defineProperty(globalThis, 'Lit', { get() { throw new Error('x'); } });",
            "let x = 1; let x = 2;",
            "import('x');",
            "Java.type('java.lang.System').exit(0);",
            "Polyglot.eval('js', '1');",
            "new Function('return 1')();",
            "while (true) {}");
    for (String code : actions) {
      for (NodeCalls.Answer a : execute(code, null)) {
        String text = a.body().toString();
        assertFalse(
            text.contains("java.") || text.contains("Exception") || text.contains("org.graalvm"),
            code + " -> " + text);
        if (a.status() == 200) {
          assertTrue(a.body().get("success").asBoolean(), code + " -> " + text);
        } else if (a.status() == 400 && a.body().has("success")) {
          assertFalse(a.body().get("success").asBoolean(), code + " -> " + text);
          assertTrue(
              a.body().get("error").isTextual() && !a.body().get("error").asText().isBlank(),
              code + " -> " + text);
          assertTrue(a.body().get("logs").isTextual(), code + " -> " + text);
        } else {
          assertEquals(502, a.status(), code + " -> " + text);
          assertTrue(a.body().get("errorKind").isTextual(), code + " -> " + text);
          assertTrue(a.body().get("errorCode").asText().startsWith("NodeJs"), code + " -> " + text);
          assertEquals(502, a.body().get("status").asInt(), code + " -> " + text);
          assertTrue(a.body().get("message").isTextual(), code + " -> " + text);
        }
      }
    }
  }

  @Test
  void actionsDoNotSeeEachOthersState() throws Exception {
    String write =
        "globalThis.leaked = 'yes'; Array.prototype.leakedToo = 1; var topLevel = 1; Lit.Actions.setResponse({ response: 'written' });";
    String read =
        "Lit.Actions.setResponse({ response: typeof leaked + ' ' + typeof [].leakedToo + ' ' + typeof topLevel });";
    for (int i = 0; i < 4; i++) {
      assertEquals("written", okResponse(execute(write, null)));
      assertEquals("undefined undefined undefined", okResponse(execute(read, null)));
    }
  }
}
