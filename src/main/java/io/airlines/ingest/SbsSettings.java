package io.airlines.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** SBS-1/BaseStation feeds to read ({@code airlines.sbs.feeds}: {@code host:port,host:port}; empty = none). */
@ConfigurationProperties("airlines.sbs")
record SbsSettings(@DefaultValue("") String feeds) {
}
