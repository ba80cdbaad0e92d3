package io.lit4j.auth.recap;

import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.util.Args;
import java.util.ArrayList;
import java.util.List;

/** siwe-recap's SIWE integration: a recap rides as the SIWE's last resource plus a statement. */
final class RecapSiwe {
  private RecapSiwe() {}

  static RecapObject extract(SiweMessage siwe) {
    Args.required(siwe, "siwe");
    List<String> res =
        siwe.resources().orElseThrow(() -> new RecapException("No resources in SiweMessage"));
    if (res.isEmpty())
      throw new RecapException("Invalid recap urn: the SIWE resource list is empty");
    return RecapObject.decode(res.get(res.size() - 1));
  }

  static RecapObject extractAndVerify(SiweMessage siwe) {
    RecapObject r = extract(siwe);
    if (siwe.statement().isEmpty() || !siwe.statement().get().endsWith(r.rawStatement())) {
      throw new RecapException(
          "Invalid statement: the SIWE statement does not end with the recap statement");
    }
    return r;
  }

  static SiweMessage addToSiweMessage(RecapObject recap, SiweMessage siwe) {
    Args.required(siwe, "siwe");
    String stmt = siwe.statement().orElse(null);
    List<String> res = siwe.resources().orElse(null);
    if (stmt != null && res != null && !res.isEmpty()) {
      try {
        RecapObject other = extractAndVerify(siwe);
        String previous = other.rawStatement();
        RecapObject merged = other.merge(recap);
        List<String> newRes = new ArrayList<>(res);
        newRes.set(newRes.size() - 1, merged.encode());
        return siwe.toBuilder()
            .statement(stmt.substring(0, stmt.length() - previous.length()) + merged.rawStatement())
            .resources(newRes)
            .build();
      } catch (RecapException notARecap) {
        // no usable recap at the end: fall through and append, as siwe-recap does
      }
    }
    List<String> newRes = res == null ? new ArrayList<>() : new ArrayList<>(res);
    newRes.add(recap.encode());
    return siwe.toBuilder()
        .statement(stmt == null ? recap.rawStatement() : stmt + " " + recap.rawStatement())
        .resources(newRes)
        .build();
  }
}
