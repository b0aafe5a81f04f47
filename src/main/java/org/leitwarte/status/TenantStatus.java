package org.leitwarte.status;

import org.leitwarte.inventory.Tenant;

/** One municipality (tenant) on the status board. */
public record TenantStatus(Tenant tenant, Summary summary) {}
