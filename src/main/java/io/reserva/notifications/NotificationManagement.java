package io.reserva.notifications;

import io.reserva.shared.ReservaException;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.tenancy.Caller;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The message log: every message queued for an organization's guests and what became of it. */
@Service
public class NotificationManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("notifications")
            .field("id", "n.id", FieldType.UUID)
            .field("reservation_id", "n.reservation_id", FieldType.UUID)
            .enumField("kind", "n.kind", NotificationKind.wireNames())
            .enumField("status", "n.status", NotificationStatus.wireNames())
            .enumField("channel", "n.channel", java.util.Set.of("email"))
            .nullableField("recipient", "n.recipient", FieldType.STRING)
            .field("attempts", "n.attempts", FieldType.INTEGER)
            .field("due_at", "n.due_at", FieldType.INSTANT)
            .nullableField("next_attempt_at", "n.next_attempt_at", FieldType.INSTANT)
            .nullableField("sent_at", "n.sent_at", FieldType.INSTANT)
            .field("created_at", "n.created_at", FieldType.INSTANT)
            .field("updated_at", "n.updated_at", FieldType.INSTANT)
            .defaultSort("created_at", false)
            .organizationScoped()
            .searchOn("n.recipient")
            .build();

    private final NotificationRepository notifications;

    NotificationManagement(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    public Page<Notification> list(Caller caller, Map<String, String[]> parameters) {
        ListQuery query = QUERY.parse(parameters);
        return notifications.list(query, caller.organizationFor(query.organizationId()));
    }

    public Notification get(Caller caller, UUID id) {
        return notifications
                .find(id)
                .filter(notification -> caller.canSee(notification.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Notification", id));
    }
}
