package io.lit4j.vectors.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The error-code rule of docs/design/Errors.md, enforced: in the modules below, every code the SDK
 * raises itself comes from {@link LitErrorCode}; no {@code errorCode("...")} free string and no
 * {@code String} code constant spelled out. The codes users may already match on keep their exact
 * spelling.
 */
class ErrorCodesTest {
  /** Modules whose main sources raise only enum codes (lit-contracts has ContractErrorCode). */
  static final List<String> CHECKED = List.of("lit-core", "lit-crypto", "lit-auth");

  /** {@code .errorCode(arg)}, with at most one level of parentheses inside the argument. */
  private static final Pattern CALL =
      Pattern.compile("\\.errorCode\\(\\s*([^()]*(?:\\([^()]*\\))?[^()]*)\\)");

  private static final Pattern STRING_CODE_CONSTANT =
      Pattern.compile("String\\s+\\w*(?i:code)\\w*\\s*=\\s*\"");

  private static final Pattern ENUM_CONSTANT = Pattern.compile("LitErrorCode\\.[A-Z][A-Z0-9_]*");

  /**
   * The free-string codes in {@code source}: each {@code errorCode(...)} argument that is not a
   * {@code LitErrorCode} constant, a variable the file declares as {@code LitErrorCode}, or a call
   * of an {@code errorCode()} accessor; and {@code String} code constants given as literals.
   */
  static List<String> freeStringCodes(String source) {
    List<String> out = new ArrayList<>();
    Matcher m = CALL.matcher(source);
    while (m.find()) {
      String arg = m.group(1).trim();
      boolean enumConstant = ENUM_CONSTANT.matcher(arg).matches();
      boolean enumVariable =
          arg.matches("[a-z]\\w*")
              && Pattern.compile("\\bLitErrorCode\\s+" + arg + "\\b").matcher(source).find();
      boolean accessor = arg.matches("[\\w.]+\\.errorCode\\(\\)");
      if (!enumConstant && !enumVariable && !accessor) out.add("errorCode(" + arg + ")");
    }
    Matcher c = STRING_CODE_CONSTANT.matcher(source);
    while (c.find()) out.add(c.group());
    return out;
  }

  @Test
  void theCheckFindsFreeStringsAndAllowsEnumCodes() {
    assertEquals(
        List.of("errorCode(\"RecapError\")"),
        freeStringCodes("b.message(m).errorCode(\"RecapError\").build();"));
    assertEquals(
        List.of("errorCode(code)"),
        freeStringCodes("static X error(String code) { return b.errorCode(code).build(); }"));
    assertEquals(
        List.of("String ERROR_CODE = \""),
        freeStringCodes("public static final String ERROR_CODE = \"InvalidNodeAttestation\";"));
    assertEquals(
        List.of(),
        freeStringCodes(
            "b.errorCode(LitErrorCode.RECAP_ERROR); X e(LitErrorCode code) { b.errorCode(code); }"
                + " super(builder().message(m).errorCode(reason.errorCode()));"
                + " String ERROR_CODE = LitErrorCode.INIT_ERROR.code();"));
  }

  @Test
  void theSdksOwnCodesComeFromTheEnum() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String module : CHECKED) {
      violations.addAll(
          ModuleBoundariesTest.scanSources(
              module, "src/main/java", ErrorCodesTest::freeStringCodes));
    }
    assertEquals(
        List.of(),
        violations,
        "codes lit4j raises itself come from io.lit4j.core.errors.LitErrorCode (add a constant);"
            + " node codes are passed through as the node sent them");
  }

  @Test
  void codesAreUniqueAndKeepTheirSpelling() {
    Set<String> seen = new HashSet<>();
    for (LitErrorCode c : LitErrorCode.values()) {
      assertFalse(c.code().isBlank(), c + " has a blank code");
      assertTrue(seen.add(c.code()), c + " repeats the code " + c.code());
      assertEquals(c, LitErrorCode.fromCode(c.code()).orElseThrow());
    }
    // Users match on these strings; a change is a breaking change for the CHANGELOG.
    Map<LitErrorCode, String> pinned = new LinkedHashMap<>();
    pinned.put(LitErrorCode.RECAP_ERROR, "RecapError");
    pinned.put(LitErrorCode.SIWE_PARSE_ERROR, "SiweParseError");
    pinned.put(LitErrorCode.UNSUPPORTED_AUTH_METHOD_TYPE, "UnsupportedAuthMethodType");
    pinned.put(LitErrorCode.NO_VALID_SHARES, "NoValidShares");
    pinned.put(LitErrorCode.UNKNOWN_SIGNATURE_ERROR, "UnknownSignatureError");
    pinned.put(LitErrorCode.UNKNOWN_SIGNATURE_TYPE, "UnknownSignatureType");
    pinned.put(LitErrorCode.INVALID_NODE_ATTESTATION, "InvalidNodeAttestation");
    pinned.put(LitErrorCode.INVALID_ACCESS_CONTROL_CONDITIONS, "InvalidAccessControlConditions");
    pinned.put(LitErrorCode.BAD_CONFIG, "LitNodeClientBadConfigError");
    pinned.put(LitErrorCode.UNSUPPORTED_CHAIN, "UnsupportedChainException");
    pinned.put(LitErrorCode.SIWE_EXPIRED_MESSAGE, "EXPIRED_MESSAGE");
    pinned.put(LitErrorCode.SIWE_NOT_YET_VALID_MESSAGE, "NOT_YET_VALID_MESSAGE");
    pinned.put(LitErrorCode.SIWE_DOMAIN_MISMATCH, "DOMAIN_MISMATCH");
    pinned.put(LitErrorCode.SIWE_NONCE_MISMATCH, "NONCE_MISMATCH");
    pinned.put(LitErrorCode.SIWE_SCHEME_MISMATCH, "SCHEME_MISMATCH");
    pinned.put(LitErrorCode.SIWE_INVALID_SIGNATURE, "INVALID_SIGNATURE");
    pinned.forEach((c, code) -> assertEquals(code, c.code(), c + " changed its code"));
  }
}
