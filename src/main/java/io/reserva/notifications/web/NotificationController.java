package io.reserva.notifications.web;

import io.reserva.notifications.Notification;
import io.reserva.notifications.NotificationManagement;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/notifications")
@Tag(
        name = "Notifications",
        description = "Every message queued for a guest (confirmations, changes, cancellations, reminders) and what"
                + " became of it")
class NotificationController {

    private final NotificationManagement management;

    NotificationController(NotificationManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(
            summary = "List messages, newest first; filter by reservation_id, kind, status, channel, recipient,"
                    + " attempts, due_at, next_attempt_at, sent_at, created_at; searchTerm looks in the recipient")
    Page<Notification> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, request.getParameterMap());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a message")
    Notification get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }
}
