package org.leitwarte.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.Inventory;

/**
 * Turns what a sweep found into a {@link Proposal}: every address that answered ping is an entry; one
 * whose address a device of the inventory already has (in any tenant) is {@link Proposal.Kind#EXISTING};
 * of the others, those whose agent answered become {@link Proposal.Kind#NEW} devices with an id from their
 * sysName, the rest {@link Proposal.Kind#PING_ONLY}. Ids are unique across the whole inventory (ids are
 * global there) and the proposal. Pure.
 */
public final class ProposalPlanner {

  private ProposalPlanner() {}

  public static Proposal plan(String tenant, List<String> ranges, Findings findings, Inventory inventory) {
    Map<String, Device> byAddress = new HashMap<>();
    inventory.devices().forEach(device -> byAddress.putIfAbsent(device.address(), device));
    Map<String, SnmpAnswer> answers = findings.answers().stream()
        .collect(Collectors.toMap(SnmpAnswer::address, Function.identity(), (first, second) -> first));
    Set<String> taken = new HashSet<>(inventory.devicesById().keySet());
    List<Proposal.Entry> entries = new ArrayList<>();
    for (String address : findings.pinged()) {
      Optional<SnmpAnswer> answer = Optional.ofNullable(answers.get(address));
      Device existing = byAddress.get(address);
      if (existing != null) {
        entries.add(new Proposal.Entry(Proposal.Kind.EXISTING, address, existing.id(), Optional.of(existing.tenant()), answer));
        continue;
      }
      String id = DeviceIds.unique(DeviceIds.derive(answer.flatMap(SnmpAnswer::sysName).orElse(null), address), taken);
      taken.add(id);
      Proposal.Kind kind = answer.isPresent() ? Proposal.Kind.NEW : Proposal.Kind.PING_ONLY;
      entries.add(new Proposal.Entry(kind, address, id, Optional.empty(), answer));
    }
    return new Proposal(tenant, ranges, findings.addresses().size(), entries);
  }
}
