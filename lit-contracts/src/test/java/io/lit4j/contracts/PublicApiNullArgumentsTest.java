package io.lit4j.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Calls every public constructor and static method of lit-core, lit-crypto, lit-auth and
 * lit-contracts (outside {@code .internal} and {@code .testnet}) with null for every object
 * argument, and requires that whatever it throws is a {@link LitException}: no bare
 * NullPointerException may leave the public API.
 */
class PublicApiNullArgumentsTest {
  /** Exception constructors take their message as is. */
  private static boolean exempt(Class<?> c) {
    return Throwable.class.isAssignableFrom(c);
  }

  @Test
  void everyPublicFactoryRejectsNullArgumentsWithATypedError() throws Exception {
    List<String> holes = new ArrayList<>();
    int called = 0;
    for (Class<?> anchor :
        List.of(
            io.lit4j.core.util.Hex.class,
            io.lit4j.crypto.eth.EthHash.class,
            io.lit4j.auth.authsig.AuthSig.class,
            LitContracts.class)) {
      Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Class<?> c : classesUnder(root)) {
        if (!Modifier.isPublic(c.getModifiers()) || exempt(c)) continue;
        List<Executable> all = new ArrayList<>(Arrays.asList(c.getDeclaredConstructors()));
        all.addAll(Arrays.asList(c.getDeclaredMethods()));
        for (Executable e : all) {
          if (!Modifier.isPublic(e.getModifiers())) continue;
          if (e instanceof Method m && (!Modifier.isStatic(m.getModifiers()) || m.isSynthetic()))
            continue;
          if (e instanceof Constructor<?> && Modifier.isAbstract(c.getModifiers())) continue;
          if (c.isEnum() && e.getName().equals("valueOf")) continue;
          Class<?>[] types = e.getParameterTypes();
          if (Arrays.stream(types).allMatch(Class::isPrimitive)) continue;
          Object[] args =
              Arrays.stream(types).map(PublicApiNullArgumentsTest::plainValue).toArray();
          called++;
          try {
            if (e instanceof Constructor<?> k) k.newInstance(args);
            else ((Method) e).invoke(null, args);
          } catch (InvocationTargetException ite) {
            if (!(ite.getCause() instanceof LitException)) {
              holes.add(
                  c.getName()
                      + "."
                      + e.getName()
                      + Arrays.toString(types)
                      + " threw "
                      + ite.getCause());
            }
          }
        }
      }
    }
    assertTrue(
        called > 100, "only " + called + " public methods were called: is the class scan broken?");
    assertEquals(List.of(), holes);
  }

  @Test
  void everyBuilderSetterRejectsNullWithATypedError() throws Exception {
    List<String> holes = new ArrayList<>();
    int called = 0;
    for (Class<?> anchor :
        List.of(
            io.lit4j.core.util.Hex.class,
            io.lit4j.crypto.eth.EthHash.class,
            io.lit4j.auth.authsig.AuthSig.class,
            LitContracts.class)) {
      Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Class<?> c : classesUnder(root)) {
        Method builder;
        try {
          builder = c.getMethod("builder");
        } catch (NoSuchMethodException e) {
          continue;
        }
        if (!Modifier.isStatic(builder.getModifiers()) || !Modifier.isPublic(c.getModifiers()))
          continue;
        for (Method m : builder.getReturnType().getMethods()) {
          if (m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers()))
            continue;
          Class<?>[] types = m.getParameterTypes();
          if (Arrays.stream(types).allMatch(Class::isPrimitive)) continue;
          Object[] args =
              Arrays.stream(types).map(PublicApiNullArgumentsTest::plainValue).toArray();
          called++;
          try {
            m.invoke(builder.invoke(null), args);
          } catch (InvocationTargetException ite) {
            if (!(ite.getCause() instanceof LitException)) {
              holes.add(
                  c.getName()
                      + ".builder()."
                      + m.getName()
                      + Arrays.toString(types)
                      + " threw "
                      + ite.getCause());
            }
          }
        }
      }
    }
    assertTrue(
        called > 20, "only " + called + " builder setters were called: is the class scan broken?");
    assertEquals(List.of(), holes);
  }

  private static Object plainValue(Class<?> t) {
    if (!t.isPrimitive()) return null;
    if (t == boolean.class) return false;
    if (t == char.class) return 'a';
    if (t == long.class) return 1L;
    if (t == double.class) return 1.0;
    if (t == float.class) return 1f;
    if (t == short.class) return (short) 1;
    if (t == byte.class) return (byte) 1;
    return 1;
  }

  // target/classes in a test run, the module jar once the build has packaged it
  private static List<Class<?>> classesUnder(Path location) throws Exception {
    if (Files.isRegularFile(location)) {
      try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(location)) {
        return classesIn(jar.getPath("/"));
      }
    }
    return classesIn(location);
  }

  private static List<Class<?>> classesIn(Path root) throws Exception {
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (rel.startsWith("META-INF")) continue;
        if (!rel.endsWith(".class") || rel.endsWith("package-info.class")) continue;
        String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
        if (name.contains(".internal.") || name.contains(".testnet.")) continue;
        out.add(Class.forName(name, false, PublicApiNullArgumentsTest.class.getClassLoader()));
      }
    }
    return out;
  }
}
