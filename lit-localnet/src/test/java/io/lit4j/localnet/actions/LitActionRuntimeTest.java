package io.lit4j.localnet.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.json.LitJson;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LitActionRuntimeTest {
  static LitActionRuntime runtime;

  @BeforeAll
  static void start() {
    runtime = new LitActionRuntime(Optional.empty(), Duration.ofSeconds(3), 1);
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @Test
  void jsParamsBecomeGlobalsAndSetResponseIsReturned() {
    var host = new RecordingActionHost();
    var res =
        runtime.run(
            "(async () => { Lit.Actions.setResponse({response: JSON.stringify({sum: a + b.c})}); })();",
            LitJson.parse("{\"a\":2,\"b\":{\"c\":3}}", "params"),
            host);
    assertEquals("{\"sum\":5}", res.response());
  }

  @Test
  void consoleOutputGoesIntoTheLogs() {
    var res =
        runtime.run(
            "console.log('hello', {x: 1}); console.error('second');",
            null,
            new RecordingActionHost());
    assertEquals("hello {\"x\":1}\nsecond\n", res.logs());
  }

  @Test
  void signEcdsaHandsTheDigestToTheNode() {
    var host = new RecordingActionHost();
    String code =
        "(async () => { const r = await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig1' }); Lit.Actions.setResponse({response: r}); })();";
    var params = LitJson.mapper().createObjectNode();
    var arr = params.putArray("toSign");
    for (int i = 0; i < 32; i++) arr.add(i);
    params.put("publicKey", "0x04ab");
    var res = runtime.run(code, params, host);
    assertEquals("success", res.response());
    assertEquals(1, host.signed.size());
    assertEquals(
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
        host.signed.get(0).toSignHex());
    assertEquals("sig1", host.signed.get(0).sigName());
  }

  @Test
  void aDigestThatIsNot32BytesFailsInsideTheActionWithTheNodesMessage() {
    var host = new RecordingActionHost();
    var failure =
        assertThrows(
            ActionFailure.class,
            () ->
                runtime.run(
                    "(async () => { console.log('before'); await Lit.Actions.signEcdsa({ toSign: [1,2,3], publicKey: '04', sigName: 's' }); })();",
                    null,
                    host));
    assertEquals(ActionFailure.Kind.THREW, failure.kind());
    assertTrue(
        failure.getMessage().contains("Message length to be signed is not 32 bytes"),
        failure.getMessage());
    assertEquals("before\n", failure.logs());
    assertTrue(host.signed.isEmpty());
  }

  @Test
  void anUncaughtThrowIsReportedWithItsMessage() {
    var failure =
        assertThrows(
            ActionFailure.class,
            () ->
                runtime.run("throw new Error('boom at line 1');", null, new RecordingActionHost()));
    assertEquals(ActionFailure.Kind.THREW, failure.kind());
    assertTrue(failure.getMessage().contains("boom at line 1"), failure.getMessage());
  }

  @Test
  void anEndlessLoopHitsTheTimeLimit() {
    var failure =
        assertThrows(
            ActionFailure.class,
            () -> runtime.run("while (true) {}", null, new RecordingActionHost()));
    assertEquals(ActionFailure.Kind.TIMEOUT, failure.kind());
  }

  @Test
  void anActionThatAllocatesPastItsBudgetFailsWithAMemoryError() {
    try (LitActionRuntime small =
        new LitActionRuntime(Optional.empty(), Duration.ofSeconds(20), 0, 64L << 20)) {
      var failure =
          assertThrows(
              ActionFailure.class,
              () ->
                  small.run(
                      "console.log('start'); const keep = []; while (true) { keep.push(new Array(100000).fill(1)); }",
                      null,
                      new RecordingActionHost()));
      assertEquals(ActionFailure.Kind.MEMORY_LIMIT, failure.kind());
      assertEquals("start\n", failure.logs());
      // the runtime stays usable after a memory failure
      assertEquals(
          "ok",
          small
              .run("Lit.Actions.setResponse({response: 'ok'});", null, new RecordingActionHost())
              .response());
    }
  }

  @Test
  void ordinaryActionsStayWellInsideTheDefaultBudget() {
    var res =
        runtime.run(
            "let x = 0; for (let i = 0; i < 200000; i++) { x += i % 7; } Lit.Actions.setResponse({response: String(x)});",
            null, new RecordingActionHost());
    assertEquals("599994", res.response());
  }

  @Test
  void timersRunAfterTheScriptReturns() {
    var res =
        runtime.run(
            "(async () => { await new Promise(r => setTimeout(r, 50)); Lit.Actions.setResponse({response: 'late'}); })();",
            null,
            new RecordingActionHost());
    assertEquals("late", res.response());
  }

  @Test
  void theAuthContextIsLitAuth() {
    var res =
        runtime.run(
            "Lit.Actions.setResponse({response: Lit.Auth.actionIpfsIds[0] + ' ' + LitAuth.authSigAddress});",
            null,
            new RecordingActionHost());
    assertEquals("QmTest 0xabc", res.response());
  }

  @Test
  void hostClassesAreNotReachable() {
    var failure =
        assertThrows(
            ActionFailure.class,
            () ->
                runtime.run(
                    "Java.type('java.lang.System').exit(1);", null, new RecordingActionHost()));
    assertEquals(ActionFailure.Kind.THREW, failure.kind());
  }

  @Test
  void chainAndPermissionOperationsReachTheNode() {
    var host = new RecordingActionHost();
    var res =
        runtime.run(
            """
        (async () => {
          const nonce = await Lit.Actions.getLatestNonce({ address: '0x1', chain: 'ethereum' });
          const ok = await Lit.Actions.checkConditions({ conditions: [{}], chain: 'ethereum' });
          const perm = await Lit.Actions.getPermittedAuthMethods({ tokenId: '0x12' });
          await Lit.Actions.claimKey({ keyId: 'abc' });
          const tid = await Lit.Actions.pubkeyToTokenId({ publicKey: '0x04' });
          Lit.Actions.setResponse({ response: [nonce, ok, perm.operation, perm.args.tokenId, tid].join(',') });
        })();
        """,
            null,
            host);
    assertEquals(
        "0x7,true,getPermittedAuthMethods,0x12,0xf343681465b9efe82c933c3e8748c70cb8aa06539c361de20f72eac04e766393",
        res.response());
    assertEquals(java.util.List.of("abc"), host.claimed);
  }

  @Test
  void anUnhandledRejectionFailsTheActionAsDenoReportsIt() {
    var failure =
        assertThrows(
            ActionFailure.class,
            () ->
                runtime.run(
                    "(async () => { await new Promise(r => setTimeout(r, 5)); throw new Error('late boom'); })();",
                    null,
                    new RecordingActionHost()));
    assertEquals(ActionFailure.Kind.THREW, failure.kind());
    assertTrue(
        failure.getMessage().startsWith("Uncaught (in promise) Error: late boom"),
        failure.getMessage());
  }

  @Test
  void anIntervalThatIsNeverClearedRunsIntoTheTimeLimit() {
    var failure =
        assertThrows(
            ActionFailure.class,
            () ->
                runtime.run(
                    "let n = 0; setInterval(() => { n++; }, 10);",
                    null,
                    new RecordingActionHost()));
    assertEquals(ActionFailure.Kind.TIMEOUT, failure.kind());
    assertTrue(
        failure.getMessage().contains("exceeded the maximum runtime of 3000ms"),
        failure.getMessage());
  }

  @Test
  void aTimerDueAfterTheTimeLimitIsATimeoutAtOnce() {
    long t0 = System.nanoTime();
    var failure =
        assertThrows(
            ActionFailure.class,
            () -> runtime.run("setTimeout(() => {}, 60000);", null, new RecordingActionHost()));
    assertEquals(ActionFailure.Kind.TIMEOUT, failure.kind());
    assertTrue(System.nanoTime() - t0 < 2_500_000_000L, "does not sleep until the deadline");
  }

  /**
   * Regression: GraalJS keeps one unhandled-rejection tracker per engine (not thread-safe), so with
   * {@code js.unhandled-rejections=throw} concurrent actions saw each other's rejections and, now
   * and then, {@code java.util.NoSuchElementException}. Every action must see only its own.
   */
  @Test
  void concurrentActionsWithRejectionsEachSeeOnlyTheirOwn() throws Exception {
    String rejects =
        "(async () => { await new Promise(r => setTimeout(r, 1)); throw new Error('mine ' + who); })();";
    String caught =
        "(async () => { try { await Promise.reject(new Error('x')); } catch (e) { Lit.Actions.setResponse({response: 'caught ' + who}); } })();";
    var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 90; i++) {
        String who = "w" + i;
        String code = i % 2 == 0 ? rejects : caught;
        results.add(
            pool.submit(
                () -> {
                  try {
                    return runtime
                        .run(
                            code,
                            LitJson.parse("{\"who\":\"" + who + "\"}", "p"),
                            new RecordingActionHost())
                        .response();
                  } catch (ActionFailure f) {
                    return f.kind() + " " + f.getMessage();
                  }
                }));
      }
      for (int i = 0; i < results.size(); i++) {
        String r = results.get(i).get();
        if (i % 2 == 0)
          assertTrue(r.startsWith("THREW Uncaught (in promise) Error: mine w" + i), r);
        else assertEquals("caught w" + i, r);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fetchToARoutedHostNeverTouchesTheNetwork() {
    try (LitActionRuntime routed =
        new LitActionRuntime(
            Optional.empty(),
            Duration.ofSeconds(30),
            0,
            LitActionRuntime.DEFAULT_MEMORY_BUDGET_BYTES,
            java.util.Map.of(
                "prices.test",
                req ->
                    FetchResponse.text(
                        418,
                        req.method()
                            + " "
                            + req.uri()
                            + " "
                            + req.header("x-k").orElse("-")
                            + " "
                            + req.bodyText())))) {
      var res =
          routed.run(
              "(async () => { const r = await fetch('http://prices.test/a?b=1', { method: 'post', headers: new Headers([['X-K', 'v']]), body: 'hi' });"
                  + " Lit.Actions.setResponse({ response: r.status + ' ' + r.ok + ' ' + (await r.text()) }); })();",
              null,
              new RecordingActionHost());
      assertEquals("418 false POST http://prices.test/a?b=1 v hi", res.response());
    }
  }

  @Test
  void aFetchBodyPastTheMemoryBudgetIsAMemoryLimitError() {
    try (LitActionRuntime routed =
        new LitActionRuntime(
            Optional.empty(),
            Duration.ofSeconds(30),
            0,
            1 << 20,
            java.util.Map.of(
                "big.test",
                req -> new FetchResponse(200, java.util.Map.of(), new byte[(1 << 20) + 1])))) {
      var failure =
          assertThrows(
              ActionFailure.class,
              () ->
                  routed.run(
                      "(async () => { try { await fetch('http://big.test/'); } catch (e) {} })();",
                      null,
                      new RecordingActionHost()));
      assertEquals(ActionFailure.Kind.MEMORY_LIMIT, failure.kind());
    }
  }

  @Test
  void contextsAreNeverReused() {
    for (int i = 0; i < 5; i++) {
      var res =
          runtime.run(
              "const first = typeof marker === 'undefined'; globalThis.marker = 1; Object.prototype.polluted = 1;"
                  + " Lit.Actions.setResponse({response: String(first && ({}).polluted === 1)});",
              null,
              new RecordingActionHost());
      assertEquals("true", res.response());
    }
  }

  @Test
  void ethersIsLoadedAheadWhenNamedAndOnFirstUseOtherwiseNeverShared() throws Exception {
    java.nio.file.Path bundle = java.nio.file.Files.createTempFile("ethers-stub", ".js");
    java.nio.file.Files.writeString(
        bundle, "var ethers = { version: 'stub', loads: (globalThis.__loads || 0) + 1 };");
    try (var withEthers = new LitActionRuntime(Optional.of(bundle), Duration.ofSeconds(10), 1)) {
      // the code names ethers: a context with it loaded ahead (made on demand the first time)
      for (int i = 0; i < 3; i++) {
        var res =
            withEthers.run(
                "const fresh = ethers.mark === undefined; ethers.mark = 1;"
                    + " Lit.Actions.setResponse({response: ethers.version + ':' + fresh});",
                null,
                new RecordingActionHost());
        assertEquals("stub:true", res.response());
      }
      // the code reaches it without naming it: the getter loads it into this context only
      for (int i = 0; i < 3; i++) {
        var res =
            withEthers.run(
                "const e = globalThis['eth' + 'ers']; const fresh = e.mark === undefined; e.mark = 1;"
                    + " Lit.Actions.setResponse({response: e.version + ':' + fresh + ':' + e.loads"
                    + " + ':' + (globalThis['eth' + 'ers'] === e)});",
                null,
                new RecordingActionHost());
        assertEquals("stub:true:1:true", res.response());
      }
    } finally {
      java.nio.file.Files.deleteIfExists(bundle);
    }
    // without a bundle there is no ethers at all
    var res =
        runtime.run(
            "Lit.Actions.setResponse({response: typeof globalThis['eth' + 'ers']});",
            null,
            new RecordingActionHost());
    assertEquals("undefined", res.response());
  }
}
