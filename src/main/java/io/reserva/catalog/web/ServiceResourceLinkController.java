package io.reserva.catalog.web;

import io.reserva.catalog.LinkManagement;
import io.reserva.catalog.NewServiceResourceLink;
import io.reserva.catalog.ServiceResourceLink;
import io.reserva.catalog.ServiceResourceLinkChanges;
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
@RequestMapping("/reservation-service-resources")
@Tag(
        name = "Reservation service resources",
        description = "Which resources a service needs: required, optional or any available of a type")
class ServiceResourceLinkController {

    private final LinkManagement management;

    ServiceResourceLinkController(LinkManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "List links between services and resources (any key of the organization)")
    Page<ServiceResourceLink> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, LinkManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a service-resource link (any key of the organization)")
    ServiceResourceLink get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a service-resource link (admin keys)")
    ServiceResourceLink create(Caller caller, @RequestBody NewServiceResourceLink request) {
        return management.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change a service-resource link (admin keys); fields left out are kept",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = ServiceResourceLinkChanges.class))))
    ServiceResourceLink update(Caller caller, @PathVariable UUID id, Patch<ServiceResourceLinkChanges> patch) {
        return management.update(caller, id, patch);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a service-resource link (admin keys); answers it as it was")
    ServiceResourceLink delete(Caller caller, @PathVariable UUID id) {
        return management.delete(caller, id);
    }
}
