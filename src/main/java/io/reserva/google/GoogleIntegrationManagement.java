package io.reserva.google;

import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.google.GoogleIntegration.ServiceMapping;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Caller;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** An organization's Google settings: its merchant id, whether Google may book, and its service mapping. */
@Service
public class GoogleIntegrationManagement {

    static final int ID_MAX = 200;
    static final int MAPPINGS_MAX = 200;
    private static final Pattern VISIBLE = Pattern.compile("[\\x21-\\x7e]+");

    private final GoogleIntegrationRepository integrations;
    private final Catalog catalog;
    private final TransactionTemplate transaction;
    private final Clock clock;

    GoogleIntegrationManagement(
            GoogleIntegrationRepository integrations,
            Catalog catalog,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.integrations = integrations;
        this.catalog = catalog;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The organization's setting; {@code 404} until one is written. Admins only: it is a setting. */
    public GoogleIntegration get(Caller caller, UUID requestedOrganization) {
        caller.requireAdmin();
        UUID organizationId = caller.organizationFor(requestedOrganization);
        return integrations
                .find(organizationId)
                .orElseThrow(() -> new ReservaException(
                        ErrorCode.NOT_FOUND, "This organization has no Google integration yet; PUT one"));
    }

    /** Replaces the whole setting after checking every field; nothing is written when one is wrong. */
    public GoogleIntegration replace(Caller caller, UUID requestedOrganization, GoogleIntegrationSettings settings) {
        caller.requireAdmin();
        UUID organizationId = caller.organizationFor(requestedOrganization);
        List<FieldError> errors = new ArrayList<>();
        String merchantId = identifier(settings.merchantId(), "merchant_id", errors);
        List<ServiceMapping> mappings = settings.serviceMappings() == null ? List.of() : settings.serviceMappings();
        if (mappings.size() > MAPPINGS_MAX) {
            errors.add(new FieldError("service_mappings", "at most " + MAPPINGS_MAX + " mappings"));
        }
        CatalogSnapshot snapshot = catalog.snapshot(organizationId);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < mappings.size() && i < MAPPINGS_MAX; i++) {
            ServiceMapping mapping = mappings.get(i);
            String field = "service_mappings[" + i + "]";
            if (mapping == null) {
                errors.add(new FieldError(field, "must be an object"));
                continue;
            }
            String googleId = identifier(mapping.googleServiceId(), field + ".google_service_id", errors);
            if (googleId != null && !seen.add(googleId)) {
                errors.add(new FieldError(field + ".google_service_id", "is mapped twice"));
            }
            if (mapping.serviceId() == null) {
                errors.add(new FieldError(field + ".service_id", "is required"));
            } else if (snapshot.service(mapping.serviceId()).isEmpty()) {
                errors.add(new FieldError(field + ".service_id", "is not a service of this organization"));
            }
        }
        Integer limit = settings.maxFutureBookingsPerUser();
        if (limit != null && (limit < 1 || limit > 1000)) {
            errors.add(new FieldError("max_future_bookings_per_user", "must be 1 to 1000, or absent for no limit"));
        }
        ReservaException.throwIfAny(errors);
        boolean enabled = Boolean.TRUE.equals(settings.enabled());
        try {
            return transaction.execute(status -> {
                integrations.replace(
                        organizationId,
                        merchantId,
                        enabled,
                        limit,
                        mappings,
                        clock.instant().truncatedTo(ChronoUnit.MICROS));
                return integrations.find(organizationId).orElseThrow();
            });
        } catch (DuplicateKeyException e) {
            throw new ReservaException(
                    ErrorCode.CONFLICT,
                    "Another organization already uses this merchant_id",
                    List.of(new FieldError("merchant_id", "is taken")));
        }
    }

    private static String identifier(String value, String field, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (value.length() > ID_MAX || !VISIBLE.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be 1 to " + ID_MAX + " visible ASCII characters"));
            return null;
        }
        return value;
    }
}
