package io.lit4j.core.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LitExceptionTest {
  @Test
  void nodeErrorsKeepEveryFieldTheNodeSent() {
    LitNodeException e =
        LitException.builder()
            .message("node refused the session signature")
            .requestId("lit_127c3aecb06d4")
            .nodeUrl("http://127.0.0.1:7470")
            .errorKind("Validation")
            .errorCode("NodeInvalidAuthSigSessionKeySignature")
            .status(400)
            .details(Map.of("details", List.of("Session key signature is not valid")))
            .buildNode();
    assertInstanceOf(LitException.class, e);
    assertEquals("lit_127c3aecb06d4", e.requestId().orElseThrow());
    assertEquals(List.of("http://127.0.0.1:7470"), e.nodeUrls());
    assertEquals("Validation", e.errorKind().orElseThrow());
    assertEquals("NodeInvalidAuthSigSessionKeySignature", e.errorCode().orElseThrow());
    assertEquals(400, e.status());
    assertEquals(List.of("Session key signature is not valid"), e.details().get("details"));
    String s = e.toString();
    assertTrue(
        s.contains("errorCode=NodeInvalidAuthSigSessionKeySignature")
            && s.contains("requestId=lit_127c3aecb06d4")
            && s.contains("status=400")
            && s.contains("http://127.0.0.1:7470"),
        s);
  }

  @Test
  void plainErrorsHaveNoNodeFields() {
    LitValidationException e = new LitValidationException("toSign must be 32 bytes, got 31");
    assertTrue(e.requestId().isEmpty());
    assertTrue(e.nodeUrls().isEmpty());
    assertTrue(e.errorCode().isEmpty());
    assertEquals(0, e.status());
  }

  @Test
  void everySubtypeIsBuiltByTheBuilder() {
    LitException.Builder b = LitException.builder().message("m");
    assertInstanceOf(LitTimeoutException.class, b.buildTimeout());
    assertInstanceOf(LitAuthException.class, b.buildAuth());
    assertInstanceOf(LitValidationException.class, b.buildValidation());
    assertInstanceOf(LitContractException.class, b.buildContract());
    assertInstanceOf(LitCryptoException.class, b.buildCrypto());
    assertInstanceOf(LitException.class, b.build());
  }
}
