package io.lit4j.localnet.actions;

/**
 * What a finished Lit Action left: the {@code setResponse} text (empty when never called) and the
 * console output.
 */
public record ActionResult(String response, String logs) {}
