/**
 * How lit-localnet nodes verify auth methods that need an outside provider (Google ID tokens,
 * Stytch session JWTs, Discord access tokens), as v4 nodes do; the providers' URLs are settings, so
 * the same code checks real providers or the loopback ones of {@link io.lit4j.localnet.idp}.
 */
package io.lit4j.localnet.auth;
