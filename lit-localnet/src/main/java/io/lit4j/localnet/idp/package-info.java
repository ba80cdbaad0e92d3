/**
 * Identity providers on loopback for tests: an OIDC issuer ({@link
 * io.lit4j.localnet.idp.OidcIssuer}), a Stytch project ({@link
 * io.lit4j.localnet.idp.StytchProject}) and a Discord OAuth API ({@link
 * io.lit4j.localnet.idp.DiscordOAuth}). Real protocol endpoints, so nothing is mocked inside the
 * nodes.
 */
package io.lit4j.localnet.idp;
