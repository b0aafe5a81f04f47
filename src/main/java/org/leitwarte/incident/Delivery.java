package org.leitwarte.incident;

import java.time.Instant;

/**
 * What became of one notification on one channel, for the incident's timeline and the delivery log.
 *
 * @param channel {@code email}, {@code webhook}, {@code sms}, …
 * @param recipient the person id
 * @param address where it went (mail address, webhook host, phone number), never a secret
 * @param delivered whether the channel took it (SMTP accepted it, the webhook answered 2xx, …)
 * @param attempts how many tries it took (or were made)
 * @param detail the server's answer or the error, for people
 */
public record Delivery(String channel, String recipient, String address, boolean delivered, int attempts, String detail, Instant at) {}
