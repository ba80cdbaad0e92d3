package io.lit4j.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.errors.LitContractException;
import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

class LitContractsBuilderTest {
  private static final String KEY =
      "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

  /** A port nothing listens on: bound and released, so connections are refused. */
  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void buildingWithoutAnRpcOrAddressesFailsWithWhatIsMissing() {
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> LitContracts.builder().network(LitContractsNetwork.HABANERO).build())
            .getMessage()
            .contains("RPC"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> LitContracts.builder().rpcUrl("http://127.0.0.1:1").build())
            .getMessage()
            .contains("addresses"));
  }

  @Test
  void knownNetworksCarryTheirDeployedAddresses() {
    assertEquals(
        "0xde8627067188C0063384eC682D9187c7d7673934",
        LitContractsNetwork.HABANERO.addresses().staking());
    assertEquals(
        "0x3c3ad2d238757Ea4AF87A8624c716B11455c1F9A",
        LitContractsNetwork.MANZANO.addresses().pkpNft());
    assertEquals(
        "0x9F0Ede26261451C5E784DC799D71ECf766EB7562",
        LitContractsNetwork.MANZANO.contractResolver());
  }

  @Test
  void anUnreachableRpcIsAContractExceptionSayingSo() throws Exception {
    try (LitContracts c =
        LitContracts.builder()
            .rpcUrl("http://127.0.0.1:" + closedPort())
            .network(LitContractsNetwork.HABANERO)
            .build()) {
      LitContractException e =
          assertThrows(LitContractException.class, c.staking()::getMinNodeCount);
      assertEquals(Optional.of(ContractErrorCode.RPC_UNREACHABLE), ContractErrorCode.of(e));
      assertTrue(
          e.getMessage().contains("Staking.currentValidatorCountForConsensus"), e.getMessage());
      CompletionException async =
          assertThrows(CompletionException.class, () -> c.staking().getValidatorsAsync().join());
      assertInstanceOf(LitContractException.class, async.getCause());
    }
  }

  @Test
  void writesWithoutASignerFailWithNoSignerBeforeAnyRpcCall() throws Exception {
    try (LitContracts c =
        LitContracts.builder()
            .rpcUrl("http://127.0.0.1:" + closedPort())
            .network(LitContractsNetwork.HABANERO)
            .build()) {
      assertEquals(Optional.empty(), c.signerAddress());
      // the RPC is down, so only a check made before any call can give NO_SIGNER
      LitValidationException e = assertThrows(LitValidationException.class, c.pkps()::mintNext);
      assertEquals(Optional.of(ContractErrorCode.NO_SIGNER), ContractErrorCode.of(e));
      assertThrows(
          LitValidationException.class,
          () ->
              c.permissions()
                  .addPermittedAddress(
                      BigInteger.ONE, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", List.of()));
      assertThrows(
          LitValidationException.class,
          () -> c.capacityCredits().mint(CapacityCreditsRequest.perKilosecond(1, 1)));
    }
  }

  @Test
  void badArgumentsAreRejectedAtOnceNamingTheField() throws Exception {
    try (LitContracts c =
        LitContracts.builder()
            .rpcUrl("http://127.0.0.1:" + closedPort())
            .signer(Credentials.create(KEY))
            .network(LitContractsNetwork.MANZANO)
            .build()) {
      assertEquals(Optional.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), c.signerAddress());
      PermittedAuthMethod m = PermittedAuthMethod.of(AuthMethodType.ETH_WALLET, new byte[32]);
      assertTrue(
          assertThrows(LitValidationException.class, () -> c.pkps().mintWithAuth(m, List.of()))
              .getMessage()
              .contains("scopes"));
      assertTrue(
          assertThrows(
                  LitValidationException.class, () -> c.pkps().getPubkey(BigInteger.ONE.negate()))
              .getMessage()
              .contains("tokenId"));
      assertTrue(
          assertThrows(LitValidationException.class, () -> c.pkps().getTokensByAddress("0x1234"))
              .getMessage()
              .contains("owner"));
      assertTrue(
          assertThrows(
                  LitValidationException.class,
                  () ->
                      c.permissions()
                          .addPermittedAction(
                              BigInteger.ONE, "not-a-cid", List.of(AuthMethodScope.SIGN_ANYTHING)))
              .getMessage()
              .contains("ipfsCid"));
      assertTrue(
          assertThrows(
                  LitValidationException.class,
                  () -> c.permissions().getPermittedAuthMethodScopes(BigInteger.ONE, m, 0))
              .getMessage()
              .contains("maxScopeId"));
    }
  }
}
