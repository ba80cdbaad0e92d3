package io.lit4j.node.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RelayPkp} holds a typed key and address: what a relay sends over HTTP is parsed and
 * checked (a key on the curve, the address of that key), and a relay that sends anything else is a
 * {@code relay_error}, not a PKP.
 */
class RelayPkpParsingTest {
  // the secp256k1 generator point: private key 1
  private static final Secp256k1PublicKey KEY =
      Secp256k1PublicKey.fromHex(
          "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
              + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");

  private static List<RelayPkp> fetchFrom(String answer) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try {
      LitRelay relay =
          LitRelay.builder()
              .relayUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/")
              .build();
      return relay.fetchPkps(1, new byte[32]);
    } finally {
      server.stop(0);
    }
  }

  private static String pkps(String publicKey, String ethAddress) {
    return "{\"pkps\":[{\"tokenId\":\"0x10\",\"publicKey\":\""
        + publicKey
        + "\",\"ethAddress\":\""
        + ethAddress
        + "\"}]}";
  }

  @Test
  void aRelayPkpIsParsedIntoATypedKeyAndAddress() throws IOException {
    List<RelayPkp> pkps = fetchFrom(pkps(KEY.hex0x(), KEY.ethAddress().lowercaseHex()));
    assertEquals(List.of(new RelayPkp(BigInteger.valueOf(16), KEY, KEY.ethAddress())), pkps);
  }

  @Test
  void aRelayPkpWhoseAddressIsNotItsKeysOrWhoseKeyIsNotOnTheCurveIsARelayError() {
    String otherAddress = "0x" + "11".repeat(20);
    LitException wrongAddress =
        assertThrows(LitException.class, () -> fetchFrom(pkps(KEY.hex0x(), otherAddress)));
    assertEquals("relay_error", wrongAddress.errorCode().orElseThrow());
    assertTrue(
        wrongAddress.getMessage().contains("not the address of its public key"),
        wrongAddress.getMessage());
    LitException badKey =
        assertThrows(
            LitException.class,
            () -> fetchFrom(pkps("0x04" + "00".repeat(64), KEY.ethAddress().lowercaseHex())));
    assertEquals("relay_error", badKey.errorCode().orElseThrow());
    assertThrows(
        LitValidationException.class, () -> new RelayPkp(BigInteger.ONE, null, KEY.ethAddress()));
  }
}
