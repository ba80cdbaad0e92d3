package io.lit4j.localnet.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ActionCoordinatorTest {
  @Test
  void everyNodeGetsEveryValueAndTheRoundIsForgottenAfterwards() {
    ActionCoordinator c = new ActionCoordinator();
    List<CompletableFuture<Map<Integer, String>>> fs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int index = i;
      fs.add(
          CompletableFuture.supplyAsync(
              () -> c.exchange("req#1", 3, index, "v" + index, Duration.ofSeconds(5))));
    }
    for (CompletableFuture<Map<Integer, String>> f : fs) {
      assertEquals(Map.of(0, "v0", 1, "v1", 2, "v2"), f.join());
    }
    assertEquals(0, c.openRounds());
  }

  @Test
  void aMissingNodeMakesTheWaitFailAndLeavesNoRoundBehind() {
    ActionCoordinator c = new ActionCoordinator();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> c.exchange("req#2", 3, 0, "v", Duration.ofMillis(100)));
    assertTrue(e.getMessage().contains("only 1 of 3 nodes"), e.getMessage());
    assertEquals(0, c.openRounds());
  }

  @Test
  void theLeaderIsTheSameForARequestIdAndWithinTheNetwork() {
    for (String id : List.of("lit_1", "lit_abcdef", "x")) {
      int l = ActionCoordinator.leader(id, 3);
      assertTrue(l >= 0 && l < 3);
      assertEquals(l, ActionCoordinator.leader(id, 3));
    }
    assertThrows(IllegalArgumentException.class, () -> ActionCoordinator.leader("x", 0));
  }
}
