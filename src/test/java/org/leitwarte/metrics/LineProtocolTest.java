package org.leitwarte.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.collect.Sample;

class LineProtocolTest {

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of("integer, float, string and boolean fields",
            sample("cpu", Map.of("host", "r1"), fields("count", 123L, "load", 0.5, "name", "x", "up", true)),
            "cpu,host=r1 count=123i,load=0.5,name=\"x\",up=true 1700000000000"),
        Arguments.of("tags and fields sorted by key",
            sample("if", Map.of("z", "1", "a", "2", "m", "3"), fields("out", 2L, "in", 1L)),
            "if,a=2,m=3,z=1 in=1i,out=2i 1700000000000"),
        Arguments.of("no tags",
            sample("m", Map.of(), fields("v", 1L)),
            "m v=1i 1700000000000"),
        Arguments.of("comma and space in the measurement, equals sign left alone",
            sample("if stats,x=y", Map.of(), fields("v", 1L)),
            "if\\ stats\\,x=y v=1i 1700000000000"),
        Arguments.of("comma, equals sign and space in tag keys and values",
            sample("m", Map.of("if name", "Gi 0/1, uplink=core"), fields("v", 1L)),
            "m,if\\ name=Gi\\ 0/1\\,\\ uplink\\=core v=1i 1700000000000"),
        Arguments.of("comma, equals sign and space in field keys",
            sample("m", Map.of(), fields("in octets,a=b", 1L)),
            "m in\\ octets\\,a\\=b=1i 1700000000000"),
        Arguments.of("double quote and backslash in string fields",
            sample("m", Map.of(), fields("descr", "C:\\ \"System\"")),
            "m descr=\"C:\\\\ \\\"System\\\"\" 1700000000000"),
        Arguments.of("backslash before a space in a tag value stays single",
            sample("m", Map.of("disk", "C:\\ Label"), fields("v", 1L)),
            "m,disk=C:\\\\ Label v=1i 1700000000000"),
        Arguments.of("backslash before an ordinary character stays as it is",
            sample("m\\x", Map.of("user", "DOMAIN\\someone"), fields("a\\b", 1L)),
            "m\\x,user=DOMAIN\\someone a\\b=1i 1700000000000"),
        Arguments.of("trailing backslashes of measurement and tags are dropped",
            sample("m\\", Map.of("disk", "C:\\\\", "k\\", "v"), fields("v", 1L)),
            "m,disk=C:,k=v v=1i 1700000000000"),
        Arguments.of("backslashes before a separator in a field key are doubled, trailing ones dropped",
            sample("m", Map.of(), fields("a\\ b", 1L, "c\\", 2L)),
            "m a\\\\\\ b=1i,c=2i 1700000000000"),
        Arguments.of("backslashes before a comma or space in the measurement are dropped",
            sample("disk\\ x\\\\,y", Map.of(), fields("v", 1L)),
            "disk\\ x\\,y v=1i 1700000000000"),
        Arguments.of("line feeds become \\n so that a sample stays one line",
            sample("m\nx", Map.of("t", "a\nb"), fields("s", "one\ntwo")),
            "m\\nx,t=a\\nb s=\"one\\ntwo\" 1700000000000"),
        Arguments.of("empty tag values and tags left empty by trimming are omitted",
            sample("m", Map.of("empty", "", "only", "\\", "ok", "1"), fields("v", 1L)),
            "m,ok=1 v=1i 1700000000000"),
        Arguments.of("NaN and infinite fields are dropped",
            sample("m", Map.of(), fields("a", Double.NaN, "b", 2.0, "c", Double.POSITIVE_INFINITY)),
            "m b=2 1700000000000"),
        Arguments.of("doubles in plain or scientific notation, negative integers",
            sample("m", Map.of(), fields("big", 1.5e10, "small", -2.5e-7, "n", -42L)),
            "m big=15000000000,n=-42i,small=-2.5E-7 1700000000000"),
        Arguments.of("non-ASCII text is written as it is",
            sample("Übersicht", Map.of("ort", "Straße"), fields("grüße", "ä")),
            "Übersicht,ort=Straße grüße=\"ä\" 1700000000000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void sample_becomes_one_line(String description, Sample sample, String expected) {
    assertThat(LineProtocol.line(sample)).contains(expected);
  }

  @Test
  void sample_whose_fields_are_all_nan_or_infinite_gives_no_line() {
    Sample sample = sample("m", Map.of("host", "a"), fields("a", Double.NaN, "b", Double.NEGATIVE_INFINITY));

    assertThat(LineProtocol.line(sample)).isEmpty();
  }

  @Test
  void append_leaves_the_builder_unchanged_when_there_is_no_line() {
    StringBuilder out = new StringBuilder("before");

    boolean appended = LineProtocol.append(out, sample("m", Map.of(), fields("a", Double.NaN)));

    assertThat(appended).isFalse();
    assertThat(out).hasToString("before");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "0, 0",
    "-0.0, 0",
    "1, 1",
    "99.999999, 99.999999",
    "99.9999994, 99.999999",
    "99.9999996, 100",
    "1.9993040364426153, 1.999304",
    "0.05, 0.05",
    "0.001, 0.001",
    "0.00123456, 0.001235",
    "-12.5, -12.5",
    "8000000.25, 8000000.25",
    "0.0004, 4.0E-4",
    "1.0E13, 1.0E13",
  })
  void floats_keep_six_decimal_places_and_tiny_or_huge_values_keep_every_digit(double value, String written) {
    StringBuilder out = new StringBuilder();
    LineProtocol.appendDouble(out, value);
    assertThat(out).hasToString(written);
  }

  static Sample sample(String measurement, Map<String, String> tags, Map<String, Object> fields) {
    return new Sample(measurement, tags, fields, 1_700_000_000_000L);
  }

  static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return fields;
  }
}
