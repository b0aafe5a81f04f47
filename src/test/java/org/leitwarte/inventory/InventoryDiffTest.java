package org.leitwarte.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryDiffTest {

  /**
   * Tenants written as {@code id=name}, separated by spaces; the result as {@code inserted | updated |
   * renumbered | deleted | unchanged}, ids with their new position.
   */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = ';',
      nullValues = "",
      value = {
        " ; a=A b=B ; a@0 b@1 | | | | 0",
        "a=A b=B ; a=A b=B ; | | | | 2",
        "a=A b=B ; a=A b=Bee ; | b@1 | | | 1",
        "a=A b=B ; b=B ; | | b@0 | a | 1",
        "a=A b=B ; c=C a=A b=B ; c@0 | | a@1 b@2 | | 2",
        "a=A b=B c=C ; c=C ; | | c@0 | a b | 1",
        "a=A ; ; | | | a | 0",
      })
  void differences_are_sorted_into_inserts_updates_renumberings_and_deletes(
      String current, String wanted, String expected) {
    InventoryDiff<Tenant> diff = InventoryDiff.between(tenants(current), tenants(wanted), Tenant::id, Tenant::equals);

    List<String> actual =
        List.of(
            placed(diff.inserts()),
            placed(diff.updates()),
            placed(diff.relocations()),
            String.join(" ", diff.deletes()),
            String.valueOf(diff.unchanged()));
    assertThat(actual).isEqualTo(Arrays.stream(expected.split("\\|", -1)).map(String::strip).toList());
  }

  private static List<Tenant> tenants(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.strip().split("\\s+"))
        .map(pair -> pair.split("="))
        .map(pair -> new Tenant(pair[0], pair[1]))
        .toList();
  }

  private static String placed(List<InventoryDiff.Placed<Tenant>> placed) {
    return String.join(" ", placed.stream().map(p -> p.value().id() + "@" + p.ordinal()).toList());
  }
}
