package io.reserva.availability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationResource;
import io.reserva.catalog.ReservationService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a catalog snapshot turns into for the engine (each service's rules, links, resources with their opening
 * hours, and the business hours), built once per snapshot instead of once per request.
 *
 * <p>Keyed on the snapshot instance (Caffeine's weak keys compare by identity): the catalog replaces its
 * snapshot when the organization's catalog changes, so a changed catalog is never answered from here, and an
 * entry goes once its snapshot is no longer referenced.
 */
final class PreparedSchedules {

    private final Cache<CatalogSnapshot, Prepared> bySnapshot =
            Caffeine.newBuilder().weakKeys().build();

    /** The service's schedule without occupancies; add them with {@link ScheduleSnapshot#withOccupancies}. */
    ScheduleSnapshot of(CatalogSnapshot catalog, ReservationService service) {
        return prepared(catalog)
                .schedules
                .computeIfAbsent(service.id(), id -> ScheduleAssembler.assemble(catalog, service, List.of()));
    }

    Map<UUID, ReservationResource> resourcesById(CatalogSnapshot catalog) {
        return prepared(catalog).resourcesById;
    }

    private Prepared prepared(CatalogSnapshot catalog) {
        return bySnapshot.get(catalog, Prepared::new);
    }

    private static final class Prepared {

        private final Map<UUID, ReservationResource> resourcesById;
        private final Map<UUID, ScheduleSnapshot> schedules = new ConcurrentHashMap<>();

        Prepared(CatalogSnapshot catalog) {
            this.resourcesById = catalog.resources().stream()
                    .collect(Collectors.toUnmodifiableMap(ReservationResource::id, Function.identity()));
        }
    }
}
