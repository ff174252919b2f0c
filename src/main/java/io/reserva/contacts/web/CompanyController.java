package io.reserva.contacts.web;

import io.reserva.contacts.Company;
import io.reserva.contacts.CompanyChanges;
import io.reserva.contacts.CompanyManagement;
import io.reserva.contacts.NewCompany;
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
@RequestMapping("/companies")
@Tag(name = "Companies", description = "Businesses that contacts work for and reservations are made for")
class CompanyController {

    private final CompanyManagement management;

    CompanyController(CompanyManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "List companies; searchTerm looks in name and domain")
    Page<Company> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, CompanyManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a company")
    Company get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a company")
    Company create(Caller caller, @Valid @RequestBody NewCompany request) {
        return management.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change a company; fields left out are kept",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = CompanyChanges.class))))
    Company update(Caller caller, @PathVariable UUID id, Patch<CompanyChanges> patch) {
        return management.update(caller, id, patch);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a company; its contacts and deals stay without it")
    Company delete(Caller caller, @PathVariable UUID id) {
        return management.delete(caller, id);
    }
}
