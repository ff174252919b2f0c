package io.reserva.catalog.web;

import io.reserva.catalog.ExceptionManagement;
import io.reserva.catalog.NewResourceException;
import io.reserva.catalog.ResourceException;
import io.reserva.catalog.ResourceExceptionChanges;
import io.reserva.shared.Patch;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/reservation-resource-exceptions")
@Tag(
        name = "Reservation resource exceptions",
        description = "Closed dates and special hours, for a resource or the whole organization")
class ResourceExceptionController {

    private final ExceptionManagement management;

    ResourceExceptionController(ExceptionManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "List exceptions (any key of the organization)")
    Page<ResourceException> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, ExceptionManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an exception (a closure or special hours) (any key of the organization)")
    ResourceException get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an exception (a closure or special hours) (admin and staff keys)")
    ResourceException create(Caller caller, @RequestBody NewResourceException request) {
        return management.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary =
                    "Change an exception (a closure or special hours) (admin and staff keys); fields left out are kept",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = ResourceExceptionChanges.class))))
    ResourceException update(Caller caller, @PathVariable UUID id, Patch<ResourceExceptionChanges> patch) {
        return management.update(caller, id, patch);
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Delete an exception (a closure or special hours) (admin and staff keys); answers it as it was")
    ResourceException delete(Caller caller, @PathVariable UUID id) {
        return management.delete(caller, id);
    }
}
