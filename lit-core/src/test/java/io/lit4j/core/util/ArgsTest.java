package io.lit4j.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lit4j.core.errors.LitValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsTest {
  @Test
  void aMissingValueIsAValidationErrorNamingTheField() {
    assertEquals(
        "authSig is missing",
        assertThrows(LitValidationException.class, () -> Args.required(null, "authSig"))
            .getMessage());
    String v = "x";
    assertSame(v, Args.required(v, "v"));
  }

  @Test
  void listCopiesNameTheMissingElementAndDoNotFollowTheOriginal() {
    assertEquals(
        "requests is missing",
        assertThrows(LitValidationException.class, () -> Args.listCopy(null, "requests"))
            .getMessage());
    assertEquals(
        "requests[1] is missing",
        assertThrows(
                LitValidationException.class,
                () -> Args.listCopy(Arrays.asList("a", null), "requests"))
            .getMessage());
    List<String> original = new ArrayList<>(List.of("a", "b"));
    List<String> copy = Args.listCopy(original, "requests");
    original.add("c");
    assertEquals(List.of("a", "b"), copy);
    assertThrows(UnsupportedOperationException.class, () -> copy.add("d"));
  }
}
