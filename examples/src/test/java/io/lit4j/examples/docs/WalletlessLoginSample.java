package io.lit4j.examples.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.methods.AuthMethodIds;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.contracts.PermittedAuthMethod;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.ipfs.IpfsCid;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.auth.AuthMethodVerifiers;
import io.lit4j.localnet.auth.WebAuthnRegistrations;
import io.lit4j.localnet.idp.DiscordOAuth;
import io.lit4j.localnet.idp.OidcIssuer;
import io.lit4j.localnet.idp.SoftwareAuthenticator;
import io.lit4j.localnet.idp.StytchProject;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.ExecuteJsRequest;
import io.lit4j.node.ExecuteJsResponse;
import io.lit4j.node.relay.LitRelay;
import io.lit4j.node.relay.RelayMintRequest;
import io.lit4j.node.relay.RelayPkp;
import io.lit4j.node.NodeAuth;
import io.lit4j.node.PkpSessionRequest;
import java.util.List;
import java.util.Set;

/** The snippets of docs/guides/*: logins for users without an Ethereum wallet (compiled; GoogleLoginWalletExampleTest and SocialLoginLocalnetTest run the flows). */
final class WalletlessLoginSample {
  private WalletlessLoginSample() {}

  static SessionSigs googleLogin(LitNodeClient client, LitContracts contracts, String idToken) {
    AuthMethod login = new AuthMethod(AuthMethodType.GOOGLE_JWT.value(), idToken);
    MintedPkp minted = contracts.pkps().mintWithAuth(login, List.of(AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN));
    Secp256k1PublicKey pkp = minted.publicKey();
    SessionSigs sessionSigs = client.getPkpSessionSigs(PkpSessionRequest.builder().pkpPublicKey(pkp).authMethod(login)
        .resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING)
        .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION).build());
    return sessionSigs;
  }

  static MintedPkp stytchEmailLogin(LitContracts contracts, String stytchSessionJwt) {
    AuthMethod login = new AuthMethod(AuthMethodType.STYTCH_EMAIL_FACTOR_OTP.value(), stytchSessionJwt);
    byte[] id = AuthMethodIds.authMethodId(login); // keccak256("<lower(email)>:<lower(project id)>")
    return contracts.pkps().mintWithAuth(login, List.of(AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN));
  }

  static MintedPkp discordLogin(LitContracts contracts, String discordUserId, String discordClientId) {
    byte[] id = AuthMethodIds.discordAuthMethodId(discordUserId, discordClientId);
    return contracts.pkps().mintWithAuth(PermittedAuthMethod.of(AuthMethodType.DISCORD, id), List.of(AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN));
  }

  static MintedPkp passkeyRegistration(LitContracts contracts, JsonNode registration, byte[] challenge) {
    WebAuthnRegistrations.Registered reg = WebAuthnRegistrations.verify(registration, challenge, "example.com", Set.of("https://example.com"));
    byte[] id = AuthMethodIds.keccak(reg.rawId() + ":lit");
    return contracts.pkps().mintWithAuth(PermittedAuthMethod.of(AuthMethodType.WEB_AUTHN, id, reg.cosePublicKey()),
        List.of(AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN));
  }

  static AuthMethod passkeyLogin(String assertionJson) {
    AuthMethod login = new AuthMethod(AuthMethodType.WEB_AUTHN.value(), assertionJson);
    return login;
  }

  static ExecuteJsResponse customAuth(LitNodeClient client, LitContracts contracts, LocalLitNetwork net, String actionCode, NodeAuth backend, AuthMethod userLogin) {
    String cid = net.pinAction(actionCode); // live networks: pin the code to IPFS
    MintedPkp minted = contracts.pkps().mintWithAuth(PermittedAuthMethod.of(AuthMethodType.LIT_ACTION, IpfsCid.toBytes(cid)), List.of(AuthMethodScope.SIGN_ANYTHING));
    Secp256k1PublicKey pkp = minted.publicKey();
    return client.executeJs(ExecuteJsRequest.builder().ipfsId(cid).auth(backend).authMethods(List.of(userLogin))
        .jsParam("publicKey", pkp.hex()).jsParam("toSign", new byte[32]).build());
  }

  static RelayPkp relayMint(String relayUrl, String relayApiKey, AuthMethod login) {
    LitRelay relay = LitRelay.builder().relayUrl(relayUrl).apiKey(relayApiKey).build();
    RelayPkp pkp = relay.mintPkpAndWait(RelayMintRequest.of(login));
    List<RelayPkp> all = relay.fetchPkps(login);
    return pkp;
  }

  static void refused(LitNodeClient client, PkpSessionRequest request) {
    try {
      client.getPkpSessionSigs(request);
    } catch (LitAuthException e) {
      // "The nodes refused the GoogleJwt (type 6) auth method: it did not verify. … [Google JWT expired, Failed to verify auth method]"
      System.err.println(e.getMessage() + " " + e.errorCode() + " " + e.status() + " " + e.requestId());
    }
  }

  static LocalLitNetwork localProviders() {
    OidcIssuer google = OidcIssuer.start();
    StytchProject stytch = StytchProject.start();
    DiscordOAuth discord = DiscordOAuth.start("1052874239658692668");
    LocalLitNetwork net = LocalLitNetwork.builder().authProviders(AuthMethodVerifiers.builder()
        .google(google.issuer(), google.jwksUrl(), "my-client-id.apps.googleusercontent.com")
        .stytch(stytch.jwksUrlTemplate())
        .discord(discord.apiBaseUrl())
        .webauthn("localhost", "http://localhost:3000").build()).start();
    String idToken = google.idToken("google-user-1", "my-client-id.apps.googleusercontent.com");
    String stytchJwt = stytch.emailOtpSession("user-test-1", "alice@example.com");
    String discordToken = discord.accessToken("80351110224678912", "nelly");
    SoftwareAuthenticator passkey = SoftwareAuthenticator.create("http://localhost:3000");
    return net;
  }
}
