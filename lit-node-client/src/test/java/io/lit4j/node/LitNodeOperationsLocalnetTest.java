package io.lit4j.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.capacity.CapacityDelegation;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.bls.SignedToken;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lambda-builder overloads of {@link LitNodeOperations} against real lit-localnet nodes: every
 * operation, blocking and async, with the request built from a lambda, the wildcard {@code
 * resourceAbility(LitAbility)}, {@code .wallet(signer)} and {@code .auth(sessionSigs)}; signatures
 * are checked against the PKP, decryptions against the plaintext.
 */
@LocalLitNetworkTest(nodes = 3, seed = "lit4j-node-operations", rateLimiting = false)
class LitNodeOperationsLocalnetTest {
  private static final String CODE =
      "(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig' }); })();";

  @TempDir Path dir;

  @Test
  void everyOperationTakesItsRequestAsALambda(LocalLitNetwork net) throws Exception {
    var wallet = net.devAccount(3);
    Web3jEthSigner signer = new Web3jEthSigner(wallet);
    try (LitNodeClient client =
            LitNodeClient.builder().localNetwork(net.rpcUrl(), net.contracts()).build();
        LitContracts contracts =
            LitContracts.builder()
                .rpcUrl(net.rpcUrl())
                .addresses(net.contracts())
                .signer(wallet)
                .build()) {
      client.connect();
      AuthMethod ethWallet =
          AuthMethod.ethWallet(
              AuthSigs.signInWithEthereum(signer, s -> s.nonce(client.getLatestBlockhash())));
      MintedPkp pkp =
          contracts
              .pkps()
              .mintWithAuth(
                  ethWallet, AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN);

      SessionSigs pkpSessions =
          client.getPkpSessionSigs(
              r ->
                  r.pkpPublicKey(pkp.publicKey())
                      .authMethod(ethWallet)
                      .resourceAbility(LitAbility.PKP_SIGNING)
                      .resourceAbility(LitAbility.LIT_ACTION_EXECUTION));
      assertEquals(3, pkpSessions.nodeUrls().size());
      SessionSigs pkpSessionsAsync =
          client
              .getPkpSessionSigsAsync(
                  r ->
                      r.pkpPublicKey(pkp.publicKey())
                          .authMethod(ethWallet)
                          .resourceAbility(LitAbility.PKP_SIGNING))
              .join();

      byte[] digest = EthHash.keccak256("lambda".getBytes(StandardCharsets.UTF_8));
      EcdsaSignature sig =
          client.pkpSign(r -> r.toSign(digest).pkpPublicKey(pkp.publicKey()).auth(pkpSessions));
      assertArrayEquals(digest, sig.dataSigned());
      assertEquals(pkp.ethAddress(), sig.recoverAddress());
      EcdsaSignature sigAsync =
          client
              .pkpSignAsync(
                  r -> r.toSign(digest).pkpPublicKey(pkp.publicKey()).auth(pkpSessionsAsync))
              .join();
      assertEquals(pkp.ethAddress(), sigAsync.recoverAddress());

      ExecuteJsResponse res =
          client.executeJs(
              r ->
                  r.code(CODE)
                      .jsParam("toSign", digest)
                      .jsParam("publicKey", pkp.publicKey().hex())
                      .auth(pkpSessions));
      assertEquals(pkp.ethAddress(), res.signature("sig").recoverAddress());
      ExecuteJsResponse resAsync =
          client
              .executeJsAsync(
                  r ->
                      r.code(CODE)
                          .jsParam("toSign", digest)
                          .jsParam("publicKey", pkp.publicKey().hex())
                          .auth(pkpSessions))
              .join();
      assertEquals(pkp.ethAddress(), resAsync.signature("sig").recoverAddress());

      SignSessionKeyResponse signed =
          client.signSessionKey(
              r ->
                  r.sessionKey(SessionKeyPair.generate())
                      .pkpPublicKey(pkp.publicKey())
                      .authMethod(ethWallet)
                      .resourceAbilityRequests(
                          List.of(ResourceAbilityRequest.onAll(LitAbility.PKP_SIGNING))));
      assertEquals(pkp.publicKey(), signed.pkpPublicKey());
      assertEquals(pkp.ethAddress().lowercaseHex(), signed.authSig().address().toLowerCase());
      SignSessionKeyResponse signedAsync =
          client
              .signSessionKeyAsync(
                  r ->
                      r.sessionKey(SessionKeyPair.generate())
                          .pkpPublicKey(pkp.publicKey())
                          .authMethod(ethWallet))
              .join();
      assertEquals(pkp.publicKey(), signedAsync.pkpPublicKey());

      AccessControlConditions onlyThisWallet =
          AccessControlConditions.userAddressEquals(signer.address());
      SessionSigs walletSessions =
          client.getSessionSigs(
              r ->
                  r.wallet(signer)
                      .resourceAbility(LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION)
                      .resourceAbility(LitAbility.ACCESS_CONTROL_CONDITION_SIGNING));
      SessionSigs walletSessionsAsync =
          client
              .getSessionSigsAsync(
                  r ->
                      r.wallet(signer)
                          .resourceAbility(LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION))
              .join();
      EncryptResponse encrypted =
          client.encrypt(r -> r.conditions(onlyThisWallet).text("lambda text"));
      EncryptResponse encryptedAsync =
          client.encryptAsync(r -> r.conditions(onlyThisWallet).data(new byte[] {7, 8})).join();
      assertEquals(
          "lambda text",
          client.decryptToString(
              r -> r.conditions(onlyThisWallet).encrypted(encrypted).auth(walletSessions)));
      assertEquals(
          "lambda text",
          client
              .decryptToStringAsync(
                  r -> r.conditions(onlyThisWallet).encrypted(encrypted).auth(walletSessionsAsync))
              .join());
      assertArrayEquals(
          new byte[] {7, 8},
          client.decrypt(
              r -> r.conditions(onlyThisWallet).encrypted(encryptedAsync).auth(walletSessions)));
      assertArrayEquals(
          new byte[] {7, 8},
          client
              .decryptAsync(
                  r -> r.conditions(onlyThisWallet).encrypted(encryptedAsync).auth(walletSessions))
              .join());
      Path file = dir.resolve("plain.bin");
      client.decryptToFile(
          r -> r.conditions(onlyThisWallet).encrypted(encryptedAsync).auth(walletSessions), file);
      assertArrayEquals(new byte[] {7, 8}, Files.readAllBytes(file));
      Path fileAsync = dir.resolve("plain-async.txt");
      client
          .decryptToFileAsync(
              r -> r.conditions(onlyThisWallet).encrypted(encrypted).auth(walletSessions),
              fileAsync)
          .join();
      assertEquals("lambda text", Files.readString(fileAsync));

      SignedToken token =
          client.getSignedToken(r -> r.conditions(onlyThisWallet).auth(walletSessions));
      assertEquals(signer.address().toLowerCase(), token.subject().toLowerCase());
      SignedToken tokenAsync =
          client.getSignedTokenAsync(r -> r.conditions(onlyThisWallet).auth(walletSessions)).join();
      assertEquals(signer.address().toLowerCase(), tokenAsync.subject().toLowerCase());

      CapacityDelegation delegation =
          client.createCapacityDelegationAuthSig(
              r -> r.signer(signer).capacityTokenId("1").delegatee(pkp.ethAddress()).uses(5));
      AuthSigs.verifyEip191(delegation.capacityDelegationAuthSig());
      assertEquals(
          EthAddress.fromHex(signer.address()),
          EthAddress.fromHex(delegation.capacityDelegationAuthSig().address()));
      CapacityDelegation delegationAsync =
          client
              .createCapacityDelegationAuthSigAsync(
                  r -> r.signer(signer).capacityTokenId("1").delegatee(pkp.ethAddress()))
              .join();
      AuthSigs.verifyEip191(delegationAsync.capacityDelegationAuthSig());
    }
  }

  @Test
  void aMissingOrInvalidLambdaRequestThrowsWhenBlockingAndFailsTheFutureWhenAsync(
      LocalLitNetwork net) {
    try (LitNodeClient client =
        LitNodeClient.builder().localNetwork(net.rpcUrl(), net.contracts()).build()) {
      assertTrue(
          assertThrows(
                  LitValidationException.class,
                  () -> client.pkpSign((java.util.function.Consumer<PkpSignRequest.Builder>) null))
              .getMessage()
              .contains("request is missing"));
      assertThrows(LitValidationException.class, () -> client.pkpSign(r -> r.toSign(new byte[32])));
      CompletableFuture<EcdsaSignature> noRequest =
          client.pkpSignAsync((java.util.function.Consumer<PkpSignRequest.Builder>) null);
      CompletionException e = assertThrows(CompletionException.class, noRequest::join);
      assertInstanceOf(LitValidationException.class, e.getCause());
      CompletableFuture<ExecuteJsResponse> noAuth = client.executeJsAsync(r -> r.code(CODE));
      e = assertThrows(CompletionException.class, noAuth::join);
      assertInstanceOf(LitValidationException.class, e.getCause());
      CompletableFuture<SessionSigs> noAbility =
          client.getSessionSigsAsync(r -> r.wallet(new Web3jEthSigner(net.devAccount(3))));
      e = assertThrows(CompletionException.class, noAbility::join);
      assertTrue(e.getCause().getMessage().contains("resourceAbilityRequests is empty"));
      assertThrows(LitValidationException.class, () -> client.getSessionSigs(r -> r.wallet(null)));
      assertThrows(
          LitValidationException.class,
          () -> client.executeJs(r -> r.code(CODE).auth((SessionSigs) null)));
    }
  }
}
