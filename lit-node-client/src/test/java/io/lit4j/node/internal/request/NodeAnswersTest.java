package io.lit4j.node.internal.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitNodeException;
import io.lit4j.node.LitActionException;
import io.lit4j.node.transport.NodeHttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeAnswersTest {
  private static final String URL = "http://127.0.0.1:7470";
  private static final String RID = "lit_127c3aecb06d4";

  private static LitException error(int status, String contentType, String body) {
    NodeAnswers.Result r =
        NodeAnswers.read(URL, RID, new NodeHttpResponse(status, contentType, body));
    assertNull(r.reply());
    return r.error();
  }

  @Test
  void theStandardErrorJsonKeepsKindCodeStatusMessageCorrelationIdAndDetails() {
    LitException e =
        error(
            400,
            "application/json",
            "{\"errorKind\":\"Unexpected\",\"errorCode\":\"NodeUnknownError\",\"status\":400,\"message\":\"Unknown error occured\","
                + "\"correlationId\":\"lit_ef00fbaebb614\",\"details\":[\"unexpected error: ECDSA signing failed\",\"second\"]}");

    assertInstanceOf(LitNodeException.class, e);
    assertEquals("Unexpected", e.errorKind().orElseThrow());
    assertEquals("NodeUnknownError", e.errorCode().orElseThrow());
    assertEquals(400, e.status());
    assertEquals("lit_ef00fbaebb614", e.details().get("correlationId"));
    assertEquals(
        List.of("unexpected error: ECDSA signing failed", "second"), e.details().get("details"));
    assertEquals(RID, e.requestId().orElseThrow());
    assertEquals(List.of(URL), e.nodeUrls());
    assertTrue(e.getMessage().contains("Unknown error occured"), e.getMessage());
    assertTrue(e.getMessage().contains("ECDSA signing failed"), e.getMessage());
  }

  @Test
  void authorizationCodesBecomeAuthExceptions() {
    LitException e =
        error(
            403,
            "application/json",
            "{\"errorKind\":\"Validation\",\"errorCode\":\"NodeNotAuthorized\",\"status\":403,\"message\":\"not authorized\"}");

    assertInstanceOf(LitAuthException.class, e);
    assertEquals(403, e.status());
  }

  @Test
  void theRateLimitBodyKeepsItsCodeAndSaysWhatToDo() {
    LitException e =
        error(
            402,
            "application/json",
            "{\"message\":\"Rate limit exceeded.  Try again later.\",\"errorCode\":\"rate_limit_exceeded\"}");

    assertEquals("rate_limit_exceeded", e.errorCode().orElseThrow());
    assertTrue(e.errorKind().isEmpty());
    assertEquals(402, e.status());
    assertTrue(e.getMessage().contains("Rate limit exceeded.  Try again later."));
    assertTrue(e.getMessage().contains("capacity credit"));
  }

  @Test
  void aFailedLitActionKeepsItsErrorAndLogs() {
    LitException e =
        error(
            400,
            "application/json",
            "{\"success\":false,\"error\":\"Uncaught Error: boom\",\"logs\":\"hello\\n\"}");

    LitActionException a = assertInstanceOf(LitActionException.class, e);
    assertEquals("Uncaught Error: boom", a.error());
    assertEquals("hello\n", a.logs());
    assertEquals(400, a.status());
    assertEquals("Uncaught Error: boom", a.details().get("error"));
    assertTrue(a.getMessage().contains("Uncaught Error: boom"));
  }

  @Test
  void anExecuteTimeoutKeepsTheLogs() {
    LitException e =
        error(
            502,
            "application/json",
            "{\"errorKind\":\"Timeout\",\"errorCode\":\"NodeJsTimeoutError\",\"status\":502,\"message\":\"timeout\",\"logs\":\"partial\"}");

    assertEquals("partial", e.details().get("logs"));
    assertEquals("NodeJsTimeoutError", e.errorCode().orElseThrow());
  }

  @Test
  void aNonJsonErrorKeepsStatusAndAnExcerptOfTheBody() {
    LitException e = error(429, "text/plain", "Too Many Requests");

    assertEquals(429, e.status());
    assertTrue(e.errorCode().isEmpty());
    assertEquals("Too Many Requests", e.details().get("body"));
    assertTrue(e.getMessage().contains("HTTP 429"));
  }

  @Test
  void aSuccessWithoutJsonOrWithGarbageIsAnError() {
    LitException html = error(200, "text/html", "<html>");
    LitException garbage = error(200, "application/json", "{\"a\": nope");

    assertEquals("invalid_node_response", html.errorCode().orElseThrow());
    assertTrue(html.getMessage().contains("without a JSON body"));
    assertEquals("invalid_node_response", garbage.errorCode().orElseThrow());
    assertTrue(garbage.getMessage().contains("invalid JSON"));
  }

  @Test
  void aJsonSuccessIsParsed() {
    NodeAnswers.Result r =
        NodeAnswers.read(
            URL,
            RID,
            new NodeHttpResponse(202, "application/json; charset=utf-8", "{\"signature\":\"ab\"}"));

    assertNotNull(r.reply());
    assertEquals("ab", r.reply().body().get("signature").textValue());
    assertEquals(202, r.reply().status());
  }

  @Test
  void longBodiesAreCutInMessages() {
    LitException e = error(500, "text/plain", "x".repeat(5000));

    assertTrue(e.getMessage().length() < 500, "message length " + e.getMessage().length());
  }
}
