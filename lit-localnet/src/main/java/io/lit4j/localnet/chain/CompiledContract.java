package io.lit4j.localnet.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One of lit-localnet's Solidity contracts as the build compiled it: its ABI (JSON) and creation
 * bytecode, read from the classpath resource {@code io/lit4j/localnet/contracts/<name>.json}.
 *
 * @param name contract name, e.g. {@code PKPNFT}
 * @param abiJson the ABI as a JSON array
 * @param bytecode creation bytecode, {@code 0x}-prefixed hex
 */
public record CompiledContract(String name, String abiJson, String bytecode) {

  /** Names of the contracts lit-localnet deploys. */
  public static final List<String> NAMES =
      List.of(
          "Staking",
          "KeyDeriver",
          "PubkeyRouter",
          "PKPNFT",
          "PKPPermissions",
          "PKPHelper",
          "RateLimitNFT");

  /**
   * Validates the components.
   *
   * @param name contract name, e.g. {@code PKPNFT}
   * @param abiJson the ABI as a JSON array
   * @param bytecode creation bytecode, {@code 0x}-prefixed hex
   */
  public CompiledContract {
    if (name == null || name.isBlank()) {
      throw new LitValidationException("name must not be blank");
    }
    if (abiJson == null || !abiJson.startsWith("[")) {
      throw new LitValidationException("abiJson of " + name + " must be a JSON array");
    }
    if (bytecode == null || !bytecode.matches("0x[0-9a-fA-F]+")) {
      throw new LitValidationException(
          "bytecode of " + name + " must be non-empty 0x-prefixed hex");
    }
  }

  /**
   * Loads a compiled contract from the classpath.
   *
   * @param name contract name, one of {@link #NAMES}
   * @return the contract
   * @throws LitException if the resource is missing (the build did not compile the Solidity) or
   *     unreadable
   */
  public static CompiledContract load(String name) {
    if (name == null || !name.matches("[A-Za-z0-9_]+")) {
      throw new LitValidationException("name must be a Solidity contract name, got " + name);
    }
    String resource = "/io/lit4j/localnet/contracts/" + name + ".json";
    try (InputStream in = CompiledContract.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new LitException(
            "compiled contract "
                + resource
                + " is not on the classpath: lit-localnet's build compiles src/main/solidity during"
                + " generate-resources (run mvn with that phase)");
      }
      JsonNode node = LitJson.mapper().readTree(in);
      return new CompiledContract(
          name,
          LitJson.mapper().writeValueAsString(node.get("abi")),
          node.get("bytecode").asText());
    } catch (IOException e) {
      throw new LitException("could not read compiled contract " + resource, e);
    }
  }
}
