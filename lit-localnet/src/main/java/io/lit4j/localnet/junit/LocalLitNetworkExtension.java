package io.lit4j.localnet.junit;

import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.LocalLitNetworkBuilder;
import io.lit4j.localnet.node.NodeFault;
import io.lit4j.localnet.node.SimulatedNode;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link LocalLitNetworkTest}: starts one network per test class
 * (configured by the annotation), or with {@link LocalLitNetworkTest#shared()} one per JVM for
 * every class with the same configuration; resolves {@link LocalLitNetwork} parameters; after each
 * test puts every node back to {@link NodeFault#NONE} and the auth and rate-limit switches back to
 * the annotation's values; closes a class's network when the class is done and a shared network
 * when the test run ends.
 */
public final class LocalLitNetworkExtension
    implements BeforeAllCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalLitNetworkExtension.class);

  /** A network the JUnit store closes with its context. */
  private record Holder(LocalLitNetwork network)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      network.close();
    }
  }

  /** Key of a shared network in the root store: equal annotations (every value equal) share. */
  private record SharedKey(LocalLitNetworkTest config) {}

  @Override
  public void beforeAll(ExtensionContext context) {
    network(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    LocalLitNetworkTest config = config(context.getRequiredTestClass());
    LocalLitNetwork network = network(context);
    for (SimulatedNode node : network.nodes()) {
      if (node.server().fault() != NodeFault.NONE) node.server().setFault(NodeFault.NONE);
    }
    network.setStrictAuthOnly(config.strictAuthOnly());
    network.setRateLimiting(config.rateLimiting());
  }

  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == LocalLitNetwork.class;
  }

  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return network(extensionContext);
  }

  private static LocalLitNetworkTest config(Class<?> testClass) {
    return AnnotationSupport.findAnnotation(testClass, LocalLitNetworkTest.class)
        .orElseThrow(
            () ->
                new ExtensionConfigurationException(
                    testClass.getName() + " is not annotated @LocalLitNetworkTest"));
  }

  private static LocalLitNetwork network(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    LocalLitNetworkTest config = config(testClass);
    if (config.shared()) {
      // the root context lives for the whole run: one network per configuration and JVM
      return context
          .getRoot()
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent(new SharedKey(config), k -> new Holder(start(config)), Holder.class)
          .network();
    }
    ExtensionContext classContext = context;
    while (classContext.getParent().isPresent() && classContext.getTestMethod().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(testClass, k -> new Holder(start(config)), Holder.class)
        .network();
  }

  private static LocalLitNetwork start(LocalLitNetworkTest c) {
    LocalLitNetworkBuilder b =
        LocalLitNetwork.builder()
            .nodes(c.nodes())
            .rootKeyCount(c.rootKeyCount())
            .rateLimiting(c.rateLimiting())
            .strictAuthOnly(c.strictAuthOnly())
            .chainId(c.chainId())
            .actionTimeout(java.time.Duration.ofMillis(c.actionTimeoutMillis()))
            .actionMemoryBudget(c.actionMemoryBudgetBytes())
            .maxRequestsPerKilosecond(c.maxRequestsPerKilosecond());
    if (!c.seed().isEmpty()) b.seed(c.seed());
    return b.start();
  }
}
