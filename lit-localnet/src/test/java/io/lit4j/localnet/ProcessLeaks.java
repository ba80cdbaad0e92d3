package io.lit4j.localnet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Finds anvil processes (and their guards) by the unique chain id a test gave them. */
public final class ProcessLeaks {
  private ProcessLeaks() {}

  /**
   * @param chainId the chain id the test passed to anvil
   * @return live processes whose command line has {@code --chain-id <chainId>}
   */
  public static List<ProcessHandle> withChainId(long chainId) {
    String id = Long.toString(chainId);
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(
            p -> {
              Optional<String[]> args = p.info().arguments();
              if (args.isEmpty()) return false;
              List<String> a = Arrays.asList(args.get());
              int i = a.indexOf("--chain-id");
              return i >= 0 && i + 1 < a.size() && a.get(i + 1).equals(id);
            })
        .toList();
  }

  /**
   * Waits until no process has the chain id.
   *
   * @param chainId the chain id
   * @param millis how long to wait
   * @return the processes still there (empty when all are gone)
   * @throws InterruptedException when interrupted
   */
  public static List<ProcessHandle> awaitGone(long chainId, long millis)
      throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    List<ProcessHandle> left = withChainId(chainId);
    while (!left.isEmpty() && System.currentTimeMillis() < end) {
      Thread.sleep(100);
      left = withChainId(chainId);
    }
    return left;
  }

  /**
   * @param port a loopback port
   * @return whether something accepts connections on it
   */
  public static boolean listening(int port) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return s.isConnected();
    } catch (IOException e) {
      return false;
    }
  }
}
