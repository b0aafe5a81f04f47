package org.leitwarte.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leitwarte.user.Role;

/**
 * Who may call which operation, as the OpenAPI document declares it on each operation: {@code
 * x-leitwarte-roles: [admin, staff, oncall]}, or {@code x-leitwarte-public: true} for the few that need
 * no sign-in. Without a declaration every role may read (GET) and only the cooperative's roles may change.
 * Read once at start; an unknown role name stops the start.
 */
final class OperationRoles {

  static final String ROLES = "x-leitwarte-roles";
  static final String PUBLIC = "x-leitwarte-public";
  static final Set<Role> READ_DEFAULT = EnumSet.allOf(Role.class);
  static final Set<Role> CHANGE_DEFAULT = EnumSet.of(Role.ADMIN, Role.STAFF, Role.ONCALL);

  /** @param roles empty for a public operation */
  record Access(String operationId, boolean open, Set<Role> roles) {}

  private final Map<String, Access> byOperation = new HashMap<>();

  OperationRoles(OpenAPIContract contract) {
    for (Path path : contract.getPaths()) {
      for (Operation operation : path.getOperations()) {
        byOperation.put(operation.getOperationId(), access(operation));
      }
    }
  }

  Optional<Access> of(Operation operation) {
    return Optional.ofNullable(byOperation.get(operation.getOperationId()));
  }

  static Access access(Operation operation) {
    Object open = operation.getOpenAPIModel().getValue(PUBLIC);
    if (Boolean.TRUE.equals(open)) {
      return new Access(operation.getOperationId(), true, Set.of());
    }
    Object declared = operation.getOpenAPIModel().getValue(ROLES);
    if (declared == null) {
      return new Access(operation.getOperationId(), false,
          operation.getHttpMethod() == HttpMethod.GET ? READ_DEFAULT : CHANGE_DEFAULT);
    }
    if (!(declared instanceof JsonArray labels) || labels.isEmpty()) {
      throw new IllegalStateException(operation.getOperationId() + ": " + ROLES + " must be a list of roles");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object label : labels) {
      try {
        roles.add(Role.of(String.valueOf(label)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(operation.getOperationId() + ": " + ROLES + ": " + e.getMessage(), e);
      }
    }
    return new Access(operation.getOperationId(), false, roles);
  }
}
