package io.lit4j.contracts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.contracts.ContractErrorCode;
import io.lit4j.contracts.ContractRevertException;
import io.lit4j.core.errors.LitContractException;
import io.lit4j.core.util.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Response;

class RevertReasonsTest {
  static String errorString(String reason) {
    byte[] r = reason.getBytes(StandardCharsets.UTF_8);
    String padded = Hex.encode(r) + "00".repeat((32 - r.length % 32) % 32);
    return "0x08c379a0" + String.format("%064x", 32) + String.format("%064x", r.length) + padded;
  }

  @Test
  void errorStringRevertDataDecodesToItsReason() {
    assertEquals(
        Optional.of("Not PKP NFT owner"), RevertReasons.decode(errorString("Not PKP NFT owner")));
  }

  @Test
  void panicRevertDataDecodesToItsCode() {
    assertEquals(
        Optional.of("Panic(0x11)"),
        RevertReasons.decode("0x4e487b71" + String.format("%064x", 0x11)));
  }

  @Test
  void customErrorRevertDataNamesItsSelector() {
    assertEquals(Optional.of("custom error 0xdeadbeef"), RevertReasons.decode("0xdeadbeef"));
  }

  @Test
  void emptyRevertDataHasNoReason() {
    assertEquals(Optional.empty(), RevertReasons.decode("0x"));
    assertEquals(Optional.empty(), RevertReasons.decode(null));
  }

  @Test
  void truncatedErrorStringIsDescribedNotThrown() {
    String cut = errorString("abc").substring(0, 80);
    assertTrue(RevertReasons.decode(cut).orElseThrow().startsWith("malformed Error(string)"));
  }

  @Test
  void jsonRpcRevertWithDataBecomesARevertExceptionWithTheDecodedReason() {
    Response.Error error = new Response.Error(3, "execution reverted: Not PKP NFT owner");
    error.setData(errorString("Not PKP NFT owner"));
    LitContractException e =
        ChainClient.errorToException("PKPPermissions.addPermittedAuthMethod", error, null);
    ContractRevertException revert = assertInstanceOf(ContractRevertException.class, e);
    assertEquals(Optional.of("Not PKP NFT owner"), revert.revertReason());
    assertEquals("PKPPermissions.addPermittedAuthMethod", revert.function());
    assertEquals(Optional.of(ContractErrorCode.CONTRACT_REVERTED), ContractErrorCode.of(e));
    assertTrue(e.getMessage().contains("Not PKP NFT owner"), e.getMessage());
  }

  @Test
  void jsonRpcRevertWithoutDataTakesTheReasonFromTheMessage() {
    Response.Error error = new Response.Error(-32000, "execution reverted: wrong value");
    ContractRevertException revert =
        assertInstanceOf(
            ContractRevertException.class,
            ChainClient.errorToException("PKPNFT.mintNext", error, null));
    assertEquals(Optional.of("wrong value"), revert.revertReason());
  }

  @Test
  void otherJsonRpcErrorsAreRpcErrorsNotReverts() {
    Response.Error error = new Response.Error(-32602, "invalid params");
    LitContractException e = ChainClient.errorToException("PKPNFT.mintNext", error, null);
    assertEquals(LitContractException.class, e.getClass());
    assertEquals(Optional.of(ContractErrorCode.RPC_ERROR), ContractErrorCode.of(e));
  }
}
