package org.xcs.common.disco;

/** Adds to the service's own disco#info at request time (e.g. a feature that depends on live configuration). */
@FunctionalInterface
public interface InfoContributor {
    void contribute(DiscoQuery query, DiscoInfo.Builder info);
}
