package io.lit4j.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lit4j.core.errors.LitValidationException;
import org.junit.jupiter.api.Test;

class NodeUrlsTest {
  @Test
  void ipUint32RendersAsDottedQuadAndBack() {
    assertEquals("127.0.0.1", NodeUrls.intToIp(2130706433L));
    assertEquals(2130706433L, NodeUrls.ipToInt("127.0.0.1"));
    assertEquals("255.255.255.255", NodeUrls.intToIp(0xFFFFFFFFL));
    assertEquals("0.0.0.0", NodeUrls.intToIp(0));
    assertEquals("10.1.2.3", NodeUrls.intToIp(NodeUrls.ipToInt("10.1.2.3")));
  }

  @Test
  void ipOutsideUint32OrMalformedIsRejected() {
    assertThrows(LitValidationException.class, () -> NodeUrls.intToIp(1L << 32));
    assertThrows(LitValidationException.class, () -> NodeUrls.intToIp(-1));
    assertThrows(LitValidationException.class, () -> NodeUrls.ipToInt("1.2.3"));
    assertThrows(LitValidationException.class, () -> NodeUrls.ipToInt("1.2.3.256"));
    assertThrows(LitValidationException.class, () -> NodeUrls.ipToInt("+1.2.3.4"));
    assertThrows(LitValidationException.class, () -> NodeUrls.ipToInt("1.2.3.\u0661"));
    assertThrows(LitValidationException.class, () -> NodeUrls.ipToInt("1..3.4"));
    assertThrows(LitValidationException.class, () -> NodeUrls.ipToInt(null));
  }

  @Test
  void nodeUrlUsesHttpsOnlyForPort443AndAlwaysPrintsThePort() {
    assertEquals("https://1.2.3.4:443", NodeUrls.fromValidator(NodeUrls.ipToInt("1.2.3.4"), 443));
    assertEquals("http://127.0.0.1:7470", NodeUrls.fromValidator(2130706433L, 7470));
    assertEquals("http://127.0.0.1:80", NodeUrls.fromValidator(2130706433L, 80));
    assertEquals("http://127.0.0.1:8443", NodeUrls.fromValidator(2130706433L, 8443));
  }

  @Test
  void validatorPortsArePrintedAsTheContractStoresThem() {
    // the SDK prints any uint32 port; a port no socket can use fails at connect, as in 4.2.0
    assertEquals("http://1.2.3.4:0", NodeUrls.fromValidator(0x01020304L, 0));
    assertEquals("http://1.2.3.4:70000", NodeUrls.fromValidator(0x01020304L, 70000));
    assertThrows(LitValidationException.class, () -> NodeUrls.fromValidator(0x01020304L, 1L << 32));
    assertThrows(LitValidationException.class, () -> NodeUrls.fromValidator(0x01020304L, -1));
  }

  @Test
  void userGivenNodeUrlsAreSchemeHostAndPortOnlyAndComeBackUnchanged() {
    assertEquals("https://1.2.3.4:443", NodeUrls.check("https://1.2.3.4:443"));
    assertEquals("http://localhost:7470", NodeUrls.check("http://localhost:7470"));
    assertThrows(LitValidationException.class, () -> NodeUrls.check("http://1.2.3.4:443/"));
    assertThrows(LitValidationException.class, () -> NodeUrls.check("ftp://1.2.3.4:21"));
    assertThrows(LitValidationException.class, () -> NodeUrls.check("1.2.3.4:443"));
    assertThrows(LitValidationException.class, () -> NodeUrls.check(" "));
  }
}
