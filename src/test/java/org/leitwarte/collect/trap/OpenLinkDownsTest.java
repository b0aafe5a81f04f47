package org.leitwarte.collect.trap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.leitwarte.inventory.Device;

class OpenLinkDownsTest {

  private static final Device SWITCH = new Device("wr-sw1", "wernigerode", "wr-rathaus", "192.0.2.10", Optional.empty(), false,
      Duration.ofMinutes(1), Optional.empty(), Map.of(), List.of(), "inventory.yaml:3");

  private static ReceivedTrap trap(String oid, int ifIndex) {
    return new ReceivedTrap("192.0.2.10", "2c", false, oid,
        List.of(new ReceivedTrap.Binding("1.3.6.1.2.1.2.2.1.1." + ifIndex, Integer.toString(ifIndex), OptionalLong.of(ifIndex))), 0L);
  }

  @Test
  void a_link_up_is_named_like_the_link_down_before_it_even_when_the_poll_named_the_port_in_between() {
    InterfaceNames names = new InterfaceNames(10);
    OpenLinkDowns open = new OpenLinkDowns(10);

    TrapEvent down = open.name(TrapEvents.event(trap(TrapNames.LINK_DOWN, 3), Optional.of(SWITCH), names));
    names.put("wr-sw1", "3", "Gi0/3");
    TrapEvent up = open.name(TrapEvents.event(trap(TrapNames.LINK_UP, 3), Optional.of(SWITCH), names));
    TrapEvent laterDown = open.name(TrapEvents.event(trap(TrapNames.LINK_DOWN, 3), Optional.of(SWITCH), names));

    assertThat(down.ifName()).isEmpty();
    assertThat(up.ifName()).as("the same series as the linkDown").isEmpty();
    assertThat(laterDown.ifName()).as("after the linkUp the polled name counts again").contains("Gi0/3");
    assertThat(TrapEvents.sample(up).tags()).isEqualTo(TrapEvents.sample(down).tags());
  }

  @Test
  void other_traps_and_other_interfaces_keep_their_own_names_and_the_memory_is_bounded() {
    InterfaceNames names = new InterfaceNames(10);
    names.put("wr-sw1", "4", "Gi0/4");
    OpenLinkDowns open = new OpenLinkDowns(2);
    open.name(TrapEvents.event(trap(TrapNames.LINK_DOWN, 3), Optional.of(SWITCH), names));

    assertThat(open.name(TrapEvents.event(trap(TrapNames.LINK_UP, 4), Optional.of(SWITCH), names)).ifName()).contains("Gi0/4");
    for (int i = 10; i < 20; i++) {
      open.name(TrapEvents.event(trap(TrapNames.LINK_DOWN, i), Optional.of(SWITCH), names));
    }
    assertThat(open.size()).isEqualTo(2);
  }
}
