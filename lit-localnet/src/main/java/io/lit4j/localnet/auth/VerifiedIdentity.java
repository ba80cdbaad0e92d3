package io.lit4j.localnet.auth;

/**
 * What a node's verifier established from an auth method's access token: its type, the user id and
 * the app id whose {@code keccak256("userId:appId")} is the on-chain auth method id.
 *
 * @param authMethodType the auth method type
 * @param userId the user id (JWT {@code sub}, Discord user id, credential raw id, …)
 * @param appId the app id (JWT {@code aud}, Discord application id, {@code lit}, …)
 */
public record VerifiedIdentity(int authMethodType, String userId, String appId) {}
