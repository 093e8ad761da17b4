package org.alskernel.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) for the tests of {@code --output json}: objects become maps,
 * arrays lists, numbers doubles. Anything malformed, trailing text included, throws.
 */
final class Json {
  private final String s;
  private int at;

  private Json(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    Json j = new Json(text);
    Object v = j.value();
    j.space();
    if (j.at != text.length()) throw j.error("trailing text");
    return v;
  }

  private Object value() {
    space();
    if (at >= s.length()) throw error("end of text");
    char c = s.charAt(at);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> word("true", Boolean.TRUE);
      case 'f' -> word("false", Boolean.FALSE);
      case 'n' -> word("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    at++;
    space();
    if (peek('}')) return m;
    do {
      space();
      String key = string();
      space();
      expect(':');
      if (m.put(key, value()) != null) throw error("duplicate key " + key);
      space();
    } while (peek(','));
    expect('}');
    return m;
  }

  private List<Object> array() {
    List<Object> a = new ArrayList<>();
    at++;
    space();
    if (peek(']')) return a;
    do {
      a.add(value());
      space();
    } while (peek(','));
    expect(']');
    return a;
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      if (at >= s.length()) throw error("unterminated string");
      char c = s.charAt(at++);
      if (c == '"') return b.toString();
      if (c < 0x20) throw error("control character in a string");
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = s.charAt(at++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
          at += 4;
        }
        default -> throw error("bad escape \\" + e);
      }
    }
  }

  private Double number() {
    int start = at;
    while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) at++;
    String n = s.substring(start, at);
    if (!n.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) throw error("bad number '" + n + "'");
    return Double.parseDouble(n);
  }

  private Object word(String w, Object v) {
    if (!s.startsWith(w, at)) throw error("unknown word");
    at += w.length();
    return v;
  }

  private void space() {
    while (at < s.length() && " \t\r\n".indexOf(s.charAt(at)) >= 0) at++;
  }

  /** Consumes {@code c} if it is next. */
  private boolean peek(char c) {
    if (at < s.length() && s.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }


  private void expect(char c) {
    if (!peek(c)) throw error("expected '" + c + "'");
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at offset " + at);
  }
}
