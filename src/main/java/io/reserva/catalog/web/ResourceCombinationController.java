package io.reserva.catalog.web;

import io.reserva.catalog.CombinationManagement;
import io.reserva.catalog.NewResourceCombination;
import io.reserva.catalog.ResourceCombination;
import io.reserva.catalog.ResourceCombinationChanges;
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
@RequestMapping("/reservation-resource-combinations")
@Tag(
        name = "Reservation resource combinations",
        description = "Tables that can be pushed together for a larger party; the engine seats a party on the best"
                + " single table first, otherwise on the best combination, and a booked combination holds every one"
                + " of its tables")
class ResourceCombinationController {

    private final CombinationManagement management;

    ResourceCombinationController(CombinationManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "List table combinations (any key of the organization)")
    Page<ResourceCombination> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, CombinationManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a table combination (any key of the organization)")
    ResourceCombination get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a table combination (admin keys): 2 to 20 distinct tables of the organization")
    ResourceCombination create(Caller caller, @RequestBody NewResourceCombination request) {
        return management.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary =
                    "Change a table combination (admin keys); fields left out are kept, resource_ids replaces the list",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = ResourceCombinationChanges.class))))
    ResourceCombination update(Caller caller, @PathVariable UUID id, Patch<ResourceCombinationChanges> patch) {
        return management.update(caller, id, patch);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a table combination (admin keys); answers it as it was. Bookings keep their tables")
    ResourceCombination delete(Caller caller, @PathVariable UUID id) {
        return management.delete(caller, id);
    }
}
