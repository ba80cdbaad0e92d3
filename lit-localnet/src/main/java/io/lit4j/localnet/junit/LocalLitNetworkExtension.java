package io.lit4j.localnet.junit;

import io.lit4j.localnet.LocalLitNetwork;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link LocalLitNetworkTest}: starts one network per test class
 * (configured by the annotation), resolves {@link LocalLitNetwork} parameters, and closes the
 * network when the class's extension context closes.
 */
public final class LocalLitNetworkExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalLitNetworkExtension.class);

  /** A network the JUnit store closes with its context. */
  private record Holder(LocalLitNetwork network) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      network.close();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    network(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == LocalLitNetwork.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return network(extensionContext);
  }

  private static LocalLitNetwork network(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    ExtensionContext classContext = context;
    while (classContext.getParent().isPresent() && classContext.getTestMethod().isPresent()) {
      classContext = classContext.getParent().get();
    }
    LocalLitNetworkTest config = AnnotationSupport.findAnnotation(testClass, LocalLitNetworkTest.class)
        .orElseThrow(() -> new ExtensionConfigurationException(testClass.getName() + " is not annotated @LocalLitNetworkTest"));
    return classContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent(testClass, k -> new Holder(start(config)), Holder.class)
        .network();
  }

  private static LocalLitNetwork start(LocalLitNetworkTest c) {
    LocalLitNetwork.Builder b = LocalLitNetwork.builder().nodes(c.nodes()).rootKeyCount(c.rootKeyCount())
        .rateLimiting(c.rateLimiting()).strictAuthOnly(c.strictAuthOnly()).chainId(c.chainId())
        .actionTimeout(java.time.Duration.ofMillis(c.actionTimeoutMillis()))
        .actionMemoryBudget(c.actionMemoryBudgetBytes());
    if (!c.seed().isEmpty()) b.seed(c.seed());
    return b.start();
  }
}
