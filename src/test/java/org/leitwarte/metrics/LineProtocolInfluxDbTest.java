package org.leitwarte.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.collect.Sample;
import org.leitwarte.testsupport.InfluxDbExtension;
import org.leitwarte.testsupport.InfluxDbServer;

/** What InfluxDB stores for the lines {@link LineProtocol} writes: exactly the text, or the documented change. */
@ExtendWith(InfluxDbExtension.class)
class LineProtocolInfluxDbTest {

  static Stream<Arguments> names() {
    return Stream.of(
        // measurement, tag key, tag value, field key, string value, then what InfluxDB should store
        Arguments.of("plain", "m", "host", "r1", "v", "text", "m", "host", "r1", "v", "text"),
        Arguments.of("spaces and commas", "if stats", "if name", "Gi 0/1, uplink", "in octets", "a, b",
            "if stats", "if name", "Gi 0/1, uplink", "in octets", "a, b"),
        Arguments.of("equals signs", "a=b", "k=1", "x=y", "f=1", "p=q", "a=b", "k=1", "x=y", "f=1", "p=q"),
        Arguments.of("backslash before a space (Windows drives), dropped in measurements", "disk\\ x", "drive\\ d", "C:\\ Label:  Serial 12",
            "ok", "C:\\ \"quoted\"", "disk x", "drive\\ d", "C:\\ Label:  Serial 12", "ok", "C:\\ \"quoted\""),
        Arguments.of("backslash before a comma, dropped in measurements", "m\\,x", "k", "a\\,b", "v", "\\,", "m,x", "k", "a\\,b", "v", "\\,"),
        Arguments.of("backslash before an ordinary character", "a\\b", "dom\\k", "DOMAIN\\user", "x\\y", "\\\\srv\\share",
            "a\\b", "dom\\k", "DOMAIN\\user", "x\\y", "\\\\srv\\share"),
        Arguments.of("trailing backslashes dropped", "m\\", "k\\", "C:\\", "f\\", "end\\",
            "m", "k", "C:", "f", "end\\"),
        Arguments.of("backslash before a space in a field key is doubled", "m", "k", "v", "f\\ k", "s",
            "m", "k", "v", "f\\\\ k", "s"),
        Arguments.of("line feeds become \\n", "m", "k", "a\nb", "v", "one\ntwo", "m", "k", "a\\nb", "v", "one\\ntwo"),
        Arguments.of("double quotes and non-ASCII text", "Übersicht \"x\"", "ort", "Straße \"1\"", "grüße", "ä\"ö",
            "Übersicht \"x\"", "ort", "Straße \"1\"", "grüße", "ä\"ö"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void influxdb_stores_the_names_and_values_written(String description, String measurement, String tagKey,
      String tagValue, String fieldKey, String text, String storedMeasurement, String storedTagKey,
      String storedTagValue, String storedFieldKey, String storedText, InfluxDbServer influx) {
    String database = "lp_" + UUID.randomUUID().toString().replace("-", "");
    influx.createDatabase(database);
    Sample sample = new Sample(measurement, Map.of(tagKey, tagValue), Map.of(fieldKey, text, "n", 1L), 1_700_000_000_000L);
    try (InfluxClient client = InfluxClient.connect(influx.config(database))) {

      InfluxOutcome outcome = client.write(List.of(LineProtocol.line(sample).orElseThrow()));

      assertThat(outcome).isEqualTo(InfluxOutcome.OK);
    }
    assertThat(influx.query(database, "SHOW MEASUREMENTS")).extracting(row -> row.get("name")).containsExactly(storedMeasurement);
    assertThat(influx.query(database, "SHOW TAG VALUES WITH KEY =~ /.*/"))
        .containsExactly(Map.of("key", storedTagKey, "value", storedTagValue));
    assertThat(influx.query(database, "SHOW FIELD KEYS")).extracting(row -> row.get("fieldKey"))
        .containsExactlyInAnyOrder(storedFieldKey, "n");
    List<Map<String, Object>> rows = influx.query(database, "SELECT * FROM /.*/");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).containsEntry(storedFieldKey, storedText).containsEntry(storedTagKey, storedTagValue);
    influx.query("DROP DATABASE \"" + database + "\"");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(doubles = {0, 2, -12.5, 99.999999, 1.999304, 0.001, 4.0E-4, -2.5E-7, 1.0E13, 8000000.25})
  void influxdb_reads_back_every_float_as_written(double value, InfluxDbServer influx) {
    String database = "lp_" + UUID.randomUUID().toString().replace("-", "");
    influx.createDatabase(database);
    Sample sample = new Sample("m", Map.of(), Map.of("v", value), 1_700_000_000_000L);
    try (InfluxClient client = InfluxClient.connect(influx.config(database))) {
      assertThat(client.write(List.of(LineProtocol.line(sample).orElseThrow()))).isEqualTo(InfluxOutcome.OK);
    }
    List<Map<String, Object>> rows = influx.query(database, "SELECT v FROM m");
    assertThat(((Number) rows.get(0).get("v")).doubleValue()).isEqualTo(value);
    assertThat(influx.query(database, "SHOW FIELD KEYS")).singleElement()
        .satisfies(row -> assertThat(row).containsEntry("fieldType", "float"));
    influx.query("DROP DATABASE \"" + database + "\"");
  }
}
