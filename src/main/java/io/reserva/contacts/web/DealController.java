package io.reserva.contacts.web;

import io.reserva.contacts.Deal;
import io.reserva.contacts.DealChanges;
import io.reserva.contacts.DealManagement;
import io.reserva.contacts.NewDeal;
import io.reserva.shared.Patch;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
@RequestMapping("/deals")
@Tag(name = "Deals", description = "Sales opportunities that reservations may belong to")
class DealController {

    private final DealManagement management;

    DealController(DealManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "List deals")
    Page<Deal> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, DealManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a deal")
    Deal get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a deal; the currency defaults to the organization's")
    Deal create(Caller caller, @Valid @RequestBody NewDeal request) {
        return management.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change a deal; fields left out are kept",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = DealChanges.class))))
    Deal update(Caller caller, @PathVariable UUID id, Patch<DealChanges> patch) {
        return management.update(caller, id, patch);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a deal")
    Deal delete(Caller caller, @PathVariable UUID id) {
        return management.delete(caller, id);
    }
}
