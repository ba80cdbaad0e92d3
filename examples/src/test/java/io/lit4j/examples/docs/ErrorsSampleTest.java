package io.lit4j.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.contracts.ContractErrorCode;
import io.lit4j.contracts.ContractRevertException;
import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitContractException;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitNodeException;
import io.lit4j.core.errors.LitTimeoutException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.PkpSignRequest;
import io.lit4j.node.LitActionException;
import io.lit4j.node.NodeAuth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Samples of docs/errors.md. */
class ErrorsSampleTest {
  // docs:start ladder
  /** What an application might do with each kind of failure of a signing call. */
  static String sign(LitNodeClient client, PkpSignRequest request) {
    try {
      return client.pkpSign(request).signatureHex();
    } catch (LitValidationException e) {          // our input: fix the code, do not retry
      throw e;
    } catch (LitActionException e) {              // a Lit Action threw: its error text and logs
      return "action failed: " + e.error() + "\n" + e.logs();
    } catch (LitTimeoutException e) {             // every failing node timed out: retry later
      return "timed out, request " + e.requestId().orElse("?");
    } catch (LitNodeException e) {                // too few nodes answered: the details say why
      if (e.errorCode().filter("rate_limit_exceeded"::equals).isPresent()) return "buy or delegate capacity credits";
      return "nodes refused (" + e.errorCode().orElse("no code") + ") " + e.nodeUrls() + " " + e.details();
    } catch (LitAuthException e) {                // auth material missing, expired or not verifying
      return "sign in again: " + e.getMessage();
    } catch (LitException e) {                    // anything else lit4j throws, e.g. not connected
      return e.errorCode().orElse("lit error") + ": " + e.getMessage();
    }
  }
  // docs:end ladder

  @Test
  void badInputIsAValidationErrorNamingTheField() {
    Secp256k1PublicKey key = Secp256k1PublicKey.fromHex("04" + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
        + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
    // docs:start validation
    try {
      PkpSignRequest.builder().toSign(new byte[31]).pkpPublicKey(key).auth(NodeAuth.perNode(Map.of())).build();
    } catch (LitValidationException e) {
      System.out.println(e.getMessage()); // names toSign and says it must be 32 bytes
    }
    // docs:end validation
    LitValidationException e = org.junit.jupiter.api.Assertions.assertThrows(LitValidationException.class,
        () -> PkpSignRequest.builder().toSign(new byte[31]).pkpPublicKey(key).auth(NodeAuth.perNode(Map.of())).build());
    assertTrue(e.getMessage().contains("toSign"), e.getMessage());
  }

  @Test
  void aNodeErrorCarriesTheRequestIdNodesAndTheNodesOwnFields() {
    // docs:start fields
    LitException e = LitException.builder()
        .message("Lit node http://127.0.0.1:7470 answered HTTP 401 (Validation/NodeInvalidAuthSig): ...")
        .requestId("lit_2f1c9a0b7d3e4")
        .nodeUrl("http://127.0.0.1:7470")
        .errorKind("Validation").errorCode("NodeInvalidAuthSig").status(401)
        .details(Map.of("correlationId", "lit_2f1c9a0b7d3e4"))
        .buildAuth();
    // docs:end fields
    assertTrue(e instanceof LitAuthException);
    assertEquals(List.of("http://127.0.0.1:7470"), e.nodeUrls());
    assertEquals(401, e.status());
    assertEquals("NodeInvalidAuthSig", e.errorCode().orElseThrow());
  }

  @Test
  void contractFailuresCarryAContractErrorCode() {
    LitContractException e = LitException.builder().message("no signer").errorCode(ContractErrorCode.NO_SIGNER.name()).buildContract();
    assertEquals(ContractErrorCode.NO_SIGNER, ContractErrorCode.of(e).orElseThrow());
    assertTrue(LitContractException.class.isAssignableFrom(ContractRevertException.class));
  }
}
