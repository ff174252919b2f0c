package io.reserva.catalog.web;

import io.reserva.catalog.AvailabilityManagement;
import io.reserva.catalog.AvailabilityWindow;
import io.reserva.catalog.AvailabilityWindowChanges;
import io.reserva.catalog.NewAvailabilityWindow;
import io.reserva.catalog.Week;
import io.reserva.catalog.WeekReplacement;
import io.reserva.shared.Patch;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/reservation-resource-availability")
@Tag(
        name = "Reservation resource availability",
        description = "Weekly hours of resources, and the organization's business hours (no resource_id)")
class AvailabilityController {

    private final AvailabilityManagement management;

    AvailabilityController(AvailabilityManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "List weekly windows; resource_id=null finds the business hours (any key of the organization)")
    Page<AvailabilityWindow> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, AvailabilityManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a weekly window (any key of the organization)")
    AvailabilityWindow get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a weekly window (admin and staff keys)")
    AvailabilityWindow create(Caller caller, @RequestBody NewAvailabilityWindow request) {
        return management.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change a weekly window (admin and staff keys); fields left out are kept",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = AvailabilityWindowChanges.class))))
    AvailabilityWindow update(Caller caller, @PathVariable UUID id, Patch<AvailabilityWindowChanges> patch) {
        return management.update(caller, id, patch);
    }

    @PutMapping("/week")
    @ApiResponse(responseCode = "200", description = "The new week, sorted by day and start time")
    @ApiResponse(
            responseCode = "400",
            description = "The body is not valid JSON",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "The resource is not this organization's",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "422",
            description = "A window is invalid or overlaps another; nothing changed",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @Operation(
            summary = "Replace the whole week of a resource, or with resource_id null the business hours (admin and"
                    + " staff keys); all windows are checked first and nothing changes if one is invalid",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = WeekReplacement.class))))
    Week replaceWeek(Caller caller, Patch<WeekReplacement> body) {
        // Bound as a Patch only to know which fields were sent: resource_id must be given, even as null.
        return management.replaceWeek(caller, body);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a weekly window (admin and staff keys); answers it as it was")
    AvailabilityWindow delete(Caller caller, @PathVariable UUID id) {
        return management.delete(caller, id);
    }
}
