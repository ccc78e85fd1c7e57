package org.xcs.pubsub.service;

import java.util.List;

/** What a mutating call produced: its value for the reply, and the notifications to send after the reply. */
public record Outcome<T>(T value, List<Notification> notifications) {

    public Outcome {
        notifications = List.copyOf(notifications);
    }
}
