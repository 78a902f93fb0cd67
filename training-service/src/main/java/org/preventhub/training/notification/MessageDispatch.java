package org.preventhub.training.notification;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.notification.DispatchConfig;
import org.preventhub.platform.notification.Dispatcher;
import org.preventhub.platform.notification.NotificationStore;
import org.preventhub.platform.notification.Smtp;

import io.quarkus.scheduler.Scheduled;

/** Sends the messages to people who book (the {@code notification} table), at most once: the platform's dispatcher. */
@ApplicationScoped
public class MessageDispatch {

    private final Dispatcher dispatcher;

    public MessageDispatch(DataSource dataSource, MessageComposer composer, Smtp smtp, DispatchConfig config) {
        this.dispatcher = new Dispatcher(new NotificationStore(dataSource, "notification"), composer, smtp, config);
    }

    @Scheduled(every = "${hub.notification.dispatch.every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "notification-dispatch")
    void scheduled() {
        dispatch();
    }

    /** One round. @return messages handled */
    public int dispatch() {
        return dispatcher.dispatch();
    }
}
