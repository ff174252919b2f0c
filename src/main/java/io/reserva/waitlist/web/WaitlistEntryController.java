package io.reserva.waitlist.web;

import io.reserva.shared.Patch;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.reserva.waitlist.NewWaitlistEntry;
import io.reserva.waitlist.SeatWaitlistEntry;
import io.reserva.waitlist.WaitlistEntryChanges;
import io.reserva.waitlist.WaitlistEntryView;
import io.reserva.waitlist.WaitlistManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/waitlist-entries")
@Tag(
        name = "Waitlist",
        description = "Parties waiting at the door with a quoted wait, and guests waiting for a start on a later day")
class WaitlistEntryController {

    private final WaitlistManagement waitlist;

    WaitlistEntryController(WaitlistManagement waitlist) {
        this.waitlist = waitlist;
    }

    @GetMapping
    @Operation(
            summary = "List waitlist entries (oldest first); filter by status, kind, date, service_id, reservation_id;"
                    + " search over the guest's name, email, phone and the notes")
    Page<WaitlistEntryView> list(Caller caller, HttpServletRequest request) {
        return waitlist.list(caller, WaitlistManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a waitlist entry with its position and quoted wait, recomputed from the floor now")
    WaitlistEntryView get(Caller caller, @PathVariable UUID id) {
        return waitlist.get(caller, id);
    }

    @PostMapping
    @Operation(
            summary = "Join the waitlist: now (the queue at the door) or later (a date and a window of starts);"
                    + " 409 waitlist_full or already_on_waitlist, 422 day_closed")
    @ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity answers; springdoc reads the status from here
    ResponseEntity<WaitlistEntryView> create(Caller caller, @Valid @RequestBody NewWaitlistEntry request) {
        WaitlistEntryView created = waitlist.create(caller, request);
        return ResponseEntity.created(URI.create("/waitlist-entries/" + created.id()))
                .body(created);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Move through the statuses (offered, checked_in, cancelled, declined_by_merchant, no_show,"
                    + " expired), change notes and tags, or override the quote",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = WaitlistEntryChanges.class))))
    WaitlistEntryView update(Caller caller, @PathVariable UUID id, Patch<WaitlistEntryChanges> patch) {
        return waitlist.update(caller, id, patch);
    }

    @PostMapping("/{id}/seat")
    @Operation(
            summary = "Seat the party now: books its table as a reservation (source waitlist), seats it and links it;"
                    + " admin or staff keys")
    WaitlistEntryView seat(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody(required = false) SeatWaitlistEntry request) {
        return waitlist.seat(caller, id, request);
    }

    @PostMapping("/{id}/accept-offer")
    @Operation(
            summary = "Accept the start on offer: the held start becomes a confirmed reservation; 409 offer_expired"
                    + " once it lapsed, 409 no_open_offer when there is none (or it was accepted already)")
    WaitlistEntryView acceptOffer(Caller caller, @PathVariable UUID id) {
        return waitlist.acceptOffer(caller, id);
    }

    @PostMapping("/{id}/decline-offer")
    @Operation(summary = "Decline the start on offer: it passes to the next fitting entry, this one keeps waiting")
    WaitlistEntryView declineOffer(Caller caller, @PathVariable UUID id) {
        return waitlist.declineOffer(caller, id);
    }
}
