package io.lit4j.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lit4j.core.errors.LitValidationException;
import org.junit.jupiter.api.Test;

class ProtocolVersionTest {
  @Test
  void v4RoutesAreUnversioned() {
    ProtocolVersion v4 = ProtocolVersion.V4_INITIAL;
    assertEquals("/web/handshake", v4.path(LitEndpoint.HANDSHAKE));
    assertEquals("/web/sign_session_key", v4.path(LitEndpoint.SIGN_SESSION_KEY));
    assertEquals("/web/execute", v4.path(LitEndpoint.EXECUTE_JS));
    assertEquals("/web/pkp/sign", v4.path(LitEndpoint.PKP_SIGN));
    assertEquals("/web/pkp/claim", v4.path(LitEndpoint.PKP_CLAIM));
    assertEquals("/web/encryption/sign", v4.path(LitEndpoint.ENCRYPTION_SIGN));
    assertEquals("/web/signing/access_control_condition", v4.path(LitEndpoint.SIGN_ACCS));
  }

  @Test
  void datilVersionsOnlySessionKeyExecuteAndPkpSign() {
    ProtocolVersion v6 = ProtocolVersion.V6_DATIL;
    assertEquals("/web/sign_session_key/v1", v6.path(LitEndpoint.SIGN_SESSION_KEY));
    assertEquals("/web/execute/v1", v6.path(LitEndpoint.EXECUTE_JS));
    assertEquals("/web/pkp/sign/v1", v6.path(LitEndpoint.PKP_SIGN));
    assertEquals("/web/handshake", v6.path(LitEndpoint.HANDSHAKE));
    assertEquals("/web/pkp/claim", v6.path(LitEndpoint.PKP_CLAIM));
    assertEquals("/web/encryption/sign", v6.path(LitEndpoint.ENCRYPTION_SIGN));
    assertEquals("/web/signing/access_control_condition", v6.path(LitEndpoint.SIGN_ACCS));
  }

  @Test
  void urlsJoinTheNodeUrlAndThePath() {
    assertEquals(
        "http://127.0.0.1:7470/web/execute",
        ProtocolVersion.V4_INITIAL.url("http://127.0.0.1:7470", LitEndpoint.EXECUTE_JS));
    assertEquals(
        "https://1.2.3.4:443/web/handshake",
        ProtocolVersion.V4_INITIAL.url("https://1.2.3.4:443/", LitEndpoint.HANDSHAKE));
    assertThrows(
        LitValidationException.class,
        () -> ProtocolVersion.V4_INITIAL.url(" ", LitEndpoint.HANDSHAKE));
    assertThrows(LitValidationException.class, () -> ProtocolVersion.V4_INITIAL.path(null));
  }
}
