package dev.aerogate.clients;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.aerogate.v1.Key;
import dev.aerogate.v1.Record;
import dev.aerogate.v1.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The canonical record every client suite writes and reads back: one bin per Value type, loaded from
 * test/clients/shared/canonical-record.json (proto3 JSON of an aerogate.v1.Record).
 */
final class Canon {
  static final List<String> LANGUAGES = List.of("go", "python", "java", "ts");
  static final String SET = "xlang";

  private Canon() {}

  /** The canonical bins. {@code root} is the repository root. */
  static Map<String, Value> bins(Path root) throws IOException {
    String json = Files.readString(root.resolve("test/clients/shared/canonical-record.json"), StandardCharsets.UTF_8);
    Record.Builder record = Record.newBuilder();
    try {
      JsonFormat.parser().merge(json, record);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException("canonical-record.json: " + e.getMessage(), e);
    }
    return record.getBinsMap();
  }

  /** The key of the record one language's client writes. */
  static Key key(String language) {
    return Key.newBuilder().setNamespace("test").setSet(SET).setStringValue("xlang-" + language).build();
  }

  /** The bins of {@code got} that are missing, unexpected or differ from {@code want}, sorted. */
  static List<String> diff(Map<String, Value> want, Map<String, Value> got) {
    List<String> out = new ArrayList<>();
    want.forEach(
        (name, value) -> {
          Value g = got.get(name);
          if (g == null) {
            out.add(name + ": missing");
          } else if (!g.equals(value)) {
            out.add(name + ": got " + json(g) + ", want " + json(value));
          }
        });
    got.keySet().stream().filter(name -> !want.containsKey(name)).forEach(name -> out.add(name + ": unexpected bin"));
    Collections.sort(out);
    return out;
  }

  private static String json(Value v) {
    try {
      return JsonFormat.printer().omittingInsignificantWhitespace().print(v);
    } catch (InvalidProtocolBufferException e) {
      return v.toString();
    }
  }
}
