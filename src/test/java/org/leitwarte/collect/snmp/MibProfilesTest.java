package org.leitwarte.collect.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.Reader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snmp4j.smi.OID;

class MibProfilesTest {

  @Test
  void built_in_profiles_define_every_table_the_collector_walks() {
    MibProfiles profiles = MibProfiles.loadBuiltIn();

    assertThat(profiles.scalars("system").names()).containsExactly("sysDescr", "sysObjectID", "sysUpTime", "sysName");
    assertThat(profiles.table("interfaces").names()).hasSize(15).contains("ifDescr", "ifHCInOctets", "ifAlias");
    assertThat(profiles.table("interfaces").oids()[profiles.table("interfaces").index("ifHCInOctets")])
        .isEqualTo(new OID("1.3.6.1.2.1.31.1.1.1.6"));
    assertThat(profiles.table("processors").names()).containsExactly("hrProcessorLoad");
    assertThat(profiles.table("storage").names()).hasSize(5);
    assertThat(profiles.table("load").names()).containsExactly("laLoad");
    assertThat(profiles.classification("storageType"))
        .containsEntry(new OID("1.3.6.1.2.1.25.2.1.2"), "ram")
        .containsEntry(new OID("1.3.6.1.2.1.25.2.1.4"), "disk")
        .hasSize(5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not an OID          | 'tables:\\n  t:\\n    col: 1.3.six\\n'                   | bad.yaml:3: '1.3.six' is not a numeric OID
      unknown section     | 'walks:\\n  t:\\n    col: 1.3.6\\n'                     | bad.yaml:1: unknown section 'walks'
      column twice        | 'tables:\\n  t:\\n    a: 1.3.6\\n    a: 1.3.7\\n'         | bad.yaml:4: 'a' appears twice in 't'
      classes not a list  | 'classify:\\n  c:\\n    ram: 1.3.6\\n'                   | bad.yaml:3: 'ram' needs a list of OIDs
      """)
  void bad_profile_is_rejected_naming_file_and_line(String name, String yaml, String message) {
    Map<String, Reader> files = Map.of("bad.yaml", new StringReader(yaml.replace("\\n", "\n")));

    assertThatThrownBy(() -> MibProfiles.load(files)).hasMessageContaining(message);
  }

  @Test
  void asking_for_an_undefined_column_names_the_table_and_its_columns() {
    MibProfiles profiles = MibProfiles.load(Map.of("t.yaml", new StringReader("tables:\n  t:\n    a: 1.3.6\n")));

    assertThatThrownBy(() -> profiles.table("t").index("b")).hasMessageContaining("'t' has no 'b' (has [a])");
  }
}
