package org.leitwarte.status;

import org.leitwarte.inventory.Site;

/** One site on the status board; its devices are those whose effective site it is. */
public record SiteStatus(Site site, Summary summary) {}
