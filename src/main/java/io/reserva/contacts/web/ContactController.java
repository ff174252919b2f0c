package io.reserva.contacts.web;

import io.reserva.contacts.Contact;
import io.reserva.contacts.ContactChanges;
import io.reserva.contacts.ContactManagement;
import io.reserva.contacts.NewContact;
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
@RequestMapping("/contacts")
@Tag(name = "Contacts", description = "Guests: who they are, how to reach them, and their visit history")
class ContactController {

    private final ContactManagement management;

    ContactController(ContactManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(
            summary =
                    "List contacts; also tags=vip (has every tag given), tags[$in]=a,b (any), tags[$nin]=a (none); $cursor=* exports all")
    Page<Contact> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, request.getParameterMap());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a contact")
    Contact get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a contact; an email or phone another contact has is 409")
    Contact create(Caller caller, @Valid @RequestBody NewContact request) {
        return management.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change a contact; fields left out are kept, custom_fields_by_key merges by key",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = ContactChanges.class))))
    Contact update(Caller caller, @PathVariable UUID id, Patch<ContactChanges> patch) {
        return management.update(caller, id, patch);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a contact; its deals stay without it")
    Contact delete(Caller caller, @PathVariable UUID id) {
        return management.delete(caller, id);
    }
}
