package org.leitwarte.inventory;

/** A municipality (or the cooperative itself): the unit of isolation for everything Leitwarte shows. */
public record Tenant(String id, String name) {}
